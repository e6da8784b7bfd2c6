//! The embedded default, a SQLite file, under 20 concurrent writers: 20
//! operators of one team each take persons into care as fast as the API
//! answers (create the person, correct their phone, open a project, plan a
//! budget line, record its use). Promised: no "database is locked", no
//! INTERNAL, no error of any kind reaches a user, and every acknowledged
//! write is in the database. The throughput (writes per second) goes in the
//! row's load column. The same load runs on PostgreSQL too, as the
//! reference a deployment that outgrows SQLite moves to.

use std::time::Duration;

use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, Client, Gql, TestApp, TestDb};
use tokio::time::Instant;

use crate::both_databases::{database_of, run_on_both, show_and_check};
use crate::crew::{numbered_person, Crew};
use crate::report::{Row, Scale};

on_both_databases!(twenty_concurrent_writers_never_see_a_locked_database);

async fn twenty_concurrent_writers_never_see_a_locked_database(db: TestDb) {
    show_and_check(&on(db, Scale::Short).await);
}

/// SQLite, then the same load on PostgreSQL.
pub async fn run(scale: Scale) -> Vec<Row> {
    run_on_both("sqlite_concurrency", |db| on(db, scale)).await
}

const WRITERS: usize = 20;
/// The writes of one intake: person, phone, project, budget line, use.
const WRITES_PER_INTAKE: usize = 5;

pub async fn on(db: TestDb, scale: Scale) -> Vec<Row> {
    let limit = scale.pick(Duration::from_secs(150), Duration::from_secs(900));
    let row = tokio::time::timeout(limit, load(db, scale))
        .await
        .expect("the concurrent writers finish in time");
    vec![row]
}

async fn load(db: TestDb, scale: Scale) -> Row {
    let intakes = scale.pick(2, 20);
    let app = TestApp::spawn(db).await;
    let crew = Crew::gather(&app, "EQUIPE_MULTIDISCIPLINARE", WRITERS).await;
    let crew = std::sync::Arc::new(crew);
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(WRITERS));
    let started = Instant::now();
    let mut writers = Vec::with_capacity(WRITERS);
    for w in 0..WRITERS {
        let crew = crew.clone();
        let barrier = barrier.clone();
        writers.push(tokio::spawn(async move {
            barrier.wait().await;
            let mut refusals = Vec::new();
            let mut acknowledged = 0;
            for i in 0..intakes {
                let (done, refused) = intake(&crew, w, w * intakes + i).await;
                acknowledged += done;
                refusals.extend(refused);
            }
            (acknowledged, refusals)
        }));
    }
    let mut acknowledged = 0;
    let mut refusals = Vec::new();
    for writer in writers {
        let (done, refused) = writer.await.expect("the writer ends");
        acknowledged += done;
        refusals.extend(refused);
    }
    let elapsed = started.elapsed();
    assert!(
        refusals.is_empty(),
        "{} of {} writes refused, e.g. {:?}",
        refusals.len(),
        WRITERS * intakes * WRITES_PER_INTAKE,
        refusals.first()
    );

    let found = count_found(&app).await;
    let per_second = acknowledged as f64 / elapsed.as_secs_f64();
    let database = database_of(&app);
    Row {
        scenario: format!("{WRITERS} concurrent writers ({database})"),
        load: format!(
            "{WRITERS} writers × {intakes} intakes × {WRITES_PER_INTAKE} mutations: {per_second:.0} writes/s"
        ),
        faults: "none: contention only".into(),
        acknowledged,
        found,
        ..Row::default()
    }
}

/// The acknowledged writes of every kind found in the database.
async fn count_found(app: &TestApp) -> u64 {
    let mut found = 0;
    for sql in [
        "SELECT COUNT(*) FROM persons",
        "SELECT COUNT(*) FROM persons WHERE phone IS NOT NULL",
        "SELECT COUNT(*) FROM projects",
        "SELECT COUNT(*) FROM budget_resources",
        "SELECT COUNT(*) FROM budget_uses",
    ] {
        found += app.count(sql).await.unsigned_abs();
    }
    found
}

/// Writer `w` takes person number `n` into care. Returns the writes
/// acknowledged and the answers that were not (its code and message).
async fn intake(crew: &Crew, w: usize, n: usize) -> (u64, Vec<String>) {
    let client = &crew.members[w].client;
    let mut done = 0;
    let mut refused = Vec::new();
    let mut step = |answer: Gql, field: &str| -> Option<Value> {
        if answer.code().is_some() || answer.body["data"][field].is_null() {
            refused.push(format!("{field}: {}", answer.body));
            None
        } else {
            done += 1;
            Some(answer.body["data"][field].clone())
        }
    };
    let person = step(
        create(client, numbered_person(&crew.team_id, n)).await,
        "createPerson",
    );
    let Some(person) = person else {
        return (done, refused);
    };
    let phoned = client
        .gql(
            "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { version } }",
            json!({ "input": { "personId": person["id"], "expectedVersion": person["version"], "phone": format!("+39 0364 {n:06}") } }),
        )
        .await;
    step(phoned, "updatePerson");
    let opened = client
        .gql(
            "mutation($input: OpenProjectInput!) { openProject(input: $input) { id } }",
            json!({ "input": {
                "personId": person["id"], "kind": "PAI", "teamId": crew.team_id,
                "caseManagerId": crew.members[w].id, "title": "Restare a casa",
                "startDate": "2026-09-01", "reviewEveryDays": 60
            } }),
        )
        .await;
    let Some(project) = step(opened, "openProject") else {
        return (done, refused);
    };
    let added = client
        .gql(
            "mutation($input: AddBudgetResourceInput!) { addBudgetResource(input: $input) { id } }",
            json!({ "input": {
                "projectId": project["id"], "lifeArea": "HEALTH_WELLBEING", "kind": "ECONOMIC",
                "providerKind": "ORGANIZATION", "providerId": crew.organization_id,
                "fundingSource": "FNA", "description": "Assistenza domiciliare", "unit": "EUR",
                "plannedQuantity": "1200", "periodStart": "2026-09-01"
            } }),
        )
        .await;
    let Some(line) = step(added, "addBudgetResource") else {
        return (done, refused);
    };
    let used = client
        .gql(
            "mutation($input: RecordResourceUseInput!) { recordResourceUse(input: $input) { id } }",
            json!({ "input": { "resourceId": line["id"], "date": "2026-10-01", "quantity": "100" } }),
        )
        .await;
    step(used, "recordResourceUse");
    (done, refused)
}

async fn create(client: &Client, input: Value) -> Gql {
    client
        .gql(
            "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id version } }",
            json!({ "input": input }),
        )
        .await
}
