//! A load of mixed mutations (a budget use, a goal, a new person, a
//! discharge report, in turn), each tagged so it can be looked for in the
//! database afterwards, and the checks that nothing acknowledged is missing,
//! nothing is there twice and nothing unacknowledged is half there.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use async_graphql::futures_util::future::join_all;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::{Client, TestApp};

use crate::setting::{
    identity, postgres_app, same_session_at, send, LoadProject, Outcome, Ward, ADD_GOAL,
    CREATE_PERSON, REPORT, USE,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    BudgetUse,
    Goal,
    Person,
    Discharge,
}

/// One mutation sent: what it was, the tag it can be found by, what came back.
#[derive(Debug)]
pub struct Sent {
    pub kind: Kind,
    pub tag: String,
    pub outcome: Outcome,
}

/// Each budget use is this many cents (1.25 €): the totals are checked.
const USE_QUANTITY: &str = "1.25";

/// A database with a ward and one project (with one budget line) per
/// client, and the projects' version offsets before the load.
pub struct Prepared {
    pub app: TestApp,
    pub ward: Ward,
    pub projects: Vec<LoadProject>,
    pub offsets: Vec<i64>,
}

pub async fn prepare(name: &'static str, clients: u64) -> Prepared {
    let app = postgres_app(name).await;
    let ward = Ward::open(&app).await;
    let mut projects = Vec::new();
    for c in 0..clients {
        projects.push(ward.project_with_a_line(&app, c).await);
    }
    let offsets = version_offsets(&app, &projects).await;
    Prepared {
        app,
        ward,
        projects,
        offsets,
    }
}

impl Prepared {
    /// The load (`run`) on this database, sent to `base_url`.
    pub async fn run(&self, per_client: u64, base_url: &str, answered: &AtomicU64) -> Vec<Sent> {
        run(&self.ward, &self.projects, per_client, base_url, answered).await
    }

    /// What the database holds after `sent` (`check`).
    pub async fn check(&self, sent: &[Sent]) -> Tally {
        check(&self.app, &self.ward, sent, &self.projects, &self.offsets).await
    }
}

/// The whole load: one client per project, `per_client` mutations each,
/// all at once; every mutation sent, with what came back.
pub async fn run(
    ward: &Ward,
    projects: &[LoadProject],
    per_client: u64,
    base_url: &str,
    answered: &AtomicU64,
) -> Vec<Sent> {
    let runs = projects
        .iter()
        .zip(0u64..)
        .map(|(project, c)| one_client(ward, project, c, per_client, base_url, answered));
    join_all(runs).await.into_iter().flatten().collect()
}

/// One client's share of the load: `count` mutations in turn on its own
/// project (no two clients race on a version), sent to `base_url`;
/// `answered` counts the answers (or failures) so far.
async fn one_client(
    ward: &Ward,
    project: &LoadProject,
    client_index: u64,
    count: u64,
    base_url: &str,
    answered: &AtomicU64,
) -> Vec<Sent> {
    let operator = same_session_at(&ward.desk.operator, base_url);
    let reporter = same_session_at(&ward.ward, base_url);
    let mut sent = Vec::new();
    for step in 0..count {
        let tag = format!("carico-{client_index}-{step}");
        let n = client_index * 1_000 + step;
        let (kind, client, query, variables, tag): (Kind, &Client, &str, Value, String) = match step
            % 4
        {
            0 => (
                Kind::BudgetUse,
                &operator,
                USE,
                json!({ "input": { "resourceId": project.resource, "date": "2026-10-01", "quantity": USE_QUANTITY, "note": tag } }),
                tag,
            ),
            1 => (
                Kind::Goal,
                &operator,
                ADD_GOAL,
                json!({ "input": { "projectId": project.project, "lifeArea": "HEALTH_WELLBEING", "description": tag } }),
                tag,
            ),
            2 => {
                let input = identity(&ward.equipe, n, "Fabbri");
                let code = input["fiscalCode"].as_str().unwrap_or_default().to_owned();
                (
                    Kind::Person,
                    &operator,
                    CREATE_PERSON,
                    json!({ "input": input }),
                    code,
                )
            }
            _ => {
                let report = ward.report(n, 5);
                let code = report["input"]["patient"]["fiscalCode"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                (Kind::Discharge, &reporter, REPORT, report, code)
            }
        };
        let outcome = send(client, query, variables).await;
        if matches!(
            outcome,
            Outcome::NoAnswer {
                timed_out: false,
                ..
            }
        ) {
            // Nothing listens (a killed process): do not spin.
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        answered.fetch_add(1, Ordering::Relaxed);
        sent.push(Sent { kind, tag, outcome });
    }
    sent
}

/// Each load project's version minus its history rows: every change moves
/// the version once and writes one history row, so this never changes.
async fn version_offsets(app: &TestApp, projects: &[LoadProject]) -> Vec<i64> {
    let mut offsets = Vec::new();
    for p in projects {
        offsets.push(
            app.count(&format!(
                "SELECT CAST(version AS BIGINT) - (SELECT COUNT(*) FROM project_events WHERE project_id = '{0}') FROM projects WHERE id = '{0}'",
                p.project
            ))
            .await,
        );
    }
    offsets
}

/// What the database holds of a load.
#[derive(Debug, Default)]
pub struct Tally {
    pub acknowledged: u64,
    pub found: u64,
    pub duplicates: u64,
    pub lost: u64,
    /// Writes whose answer never came (or was an error) that are there,
    /// whole: committed before the fault.
    pub unacknowledged_found: u64,
}

/// Looks for every tagged write, then checks the invariants a fault must
/// not break: a project's version moved once per history row (versions
/// monotonic, history complete), each budget use and goal has its history
/// row, the budget totals the API shows are the sum of the uses stored,
/// every person is in a team's care, every discharge queued its emails.
pub async fn check(
    app: &TestApp,
    ward: &Ward,
    sent: &[Sent],
    projects: &[LoadProject],
    offsets: &[i64],
) -> Tally {
    let mut stored: HashMap<(Kind, String), u64> = HashMap::new();
    for (kind, sql) in [
        (
            Kind::BudgetUse,
            "SELECT note AS tag FROM budget_uses WHERE note LIKE 'carico-%'",
        ),
        (
            Kind::Goal,
            "SELECT description AS tag FROM project_goals WHERE description LIKE 'carico-%'",
        ),
        (
            Kind::Person,
            "SELECT fiscal_code AS tag FROM persons WHERE fiscal_code IS NOT NULL",
        ),
        (
            Kind::Discharge,
            "SELECT p.fiscal_code AS tag FROM discharges d JOIN persons p ON p.id = d.person_id",
        ),
    ] {
        for row in app.rows(sql).await {
            let tag = row["tag"].as_str().unwrap_or_default().to_owned();
            *stored.entry((kind, tag)).or_insert(0) += 1;
        }
    }
    let mut tally = Tally::default();
    for s in sent {
        let times = stored.get(&(s.kind, s.tag.clone())).copied().unwrap_or(0);
        if times > 1 {
            tally.duplicates += 1;
        }
        if matches!(s.outcome, Outcome::Acknowledged(_)) {
            tally.acknowledged += 1;
            if times >= 1 {
                tally.found += 1;
            } else {
                tally.lost += 1;
            }
        } else if times >= 1 {
            tally.unacknowledged_found += 1;
        }
    }

    for (p, offset) in projects.iter().zip(offsets) {
        assert_eq!(
            version_offsets(app, std::slice::from_ref(p)).await,
            vec![*offset],
            "project {}: every version step has its history row and no row lacks its step",
            p.project
        );
        let uses = app
            .count(&format!(
                "SELECT COUNT(*) FROM budget_uses WHERE resource_id = '{}'",
                p.resource
            ))
            .await;
        let goals = app
            .count(&format!(
                "SELECT COUNT(*) FROM project_goals WHERE project_id = '{}'",
                p.project
            ))
            .await;
        for (kind, expected) in [("BUDGET_USE_RECORDED", uses), ("GOAL_ADDED", goals)] {
            let events = app
                .count(&format!(
                    "SELECT COUNT(*) FROM project_events WHERE project_id = '{}' AND kind = '{kind}'",
                    p.project
                ))
                .await;
            assert_eq!(
                events, expected,
                "project {}: one {kind} per row",
                p.project
            );
        }
        let stored_cents = app
            .count(&format!(
                "SELECT CAST(COALESCE(SUM(quantity_hundredths), 0) AS BIGINT) FROM budget_uses WHERE resource_id = '{}'",
                p.resource
            ))
            .await;
        let read = ward
            .desk
            .operator
            .gql(
                "query($id: ID!) { project(id: $id) { budget { totals { overall { unit used } } } } }",
                json!({ "id": p.project }),
            )
            .await;
        let shown = read.ok()["project"]["budget"]["totals"]["overall"]
            .as_array()
            .and_then(|totals| totals.iter().find(|t| t["unit"] == "EUR"))
            .map(|t| cents(&t["used"]))
            .unwrap_or(0);
        assert_eq!(
            shown, stored_cents,
            "project {}: the budget total is the sum of its uses",
            p.project
        );
    }
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM persons p WHERE NOT EXISTS (SELECT 1 FROM referrals r WHERE r.person_id = p.id)"
        )
        .await,
        0,
        "every person is in a team's care"
    );
    let discharges = app.count("SELECT COUNT(*) FROM discharges").await;
    let members = i64::try_from(ward.members.len()).unwrap_or(i64::MAX);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox_emails WHERE subject LIKE 'Nuova dimissione%'")
            .await,
        discharges * members,
        "every discharge queued one email per member of its team"
    );
    tally
}

/// "12.50" as 1250.
fn cents(decimal: &Value) -> i64 {
    let text = decimal.as_str().unwrap_or("0");
    let (units, fraction) = text.split_once('.').unwrap_or((text, "0"));
    let fraction = format!("{fraction:0<2}");
    let units: i64 = units.parse().expect("a decimal's units");
    let hundredths: i64 = fraction[..2].parse().expect("a decimal's hundredths");
    units * 100 + if units < 0 { -hundredths } else { hundredths }
}
