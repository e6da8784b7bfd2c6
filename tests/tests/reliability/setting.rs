//! What the process scenarios share: a PostgreSQL database made and
//! populated through an in-process instance (its outbox worker off, so that
//! only the processes under test send email), a hospital ward that reports
//! discharges to a PUA of two members, an équipe with one project and one
//! budget line per client, and HTTP calls classified as a client meets them
//! under faults.

use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::smtp::Received;
use ponte_tests::world::{person_input, Desk};
use ponte_tests::{Backend, Client, TestApp, TestDb};

use crate::report::{Row, Scale};

pub const REPORT: &str =
    "mutation($input: ReportDischargeInput!) { reportDischarge(input: $input) { id } }";
const OPEN: &str = "mutation($input: OpenProjectInput!) { openProject(input: $input) { id } }";
const ADD_RESOURCE: &str =
    "mutation($input: AddBudgetResourceInput!) { addBudgetResource(input: $input) { id } }";
pub const USE: &str =
    "mutation($input: RecordResourceUseInput!) { recordResourceUse(input: $input) { id } }";
pub const ADD_GOAL: &str = "mutation($input: AddGoalInput!) { addGoal(input: $input) { id } }";
pub const CREATE_PERSON: &str =
    "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }";

/// A scenario that hangs fails instead of holding up the suite.
pub async fn bounded(scale: Scale, scenario: impl Future<Output = Vec<Row>>) -> Vec<Row> {
    let limit = Duration::from_secs(scale.pick(180, 1200));
    tokio::time::timeout(limit, scenario)
        .await
        .unwrap_or_else(|_| panic!("the scenario did not end within {limit:?}"))
}

/// A scenario's short form (its own test): bounded, its row printed.
pub async fn short_form(scenario: impl Future<Output = Vec<Row>>) {
    let rows = bounded(Scale::Short, scenario).await;
    println!("{}", crate::report::table(&rows));
}

/// The scenarios are about PostgreSQL (one database shared by processes,
/// its connections killed): they run there only.
pub async fn postgres_app(name: &'static str) -> TestApp {
    TestApp::spawn_with(
        TestDb {
            backend: Backend::Postgres,
            name,
        },
        |c| c.worker_enabled = false,
    )
    .await
}

/// One of a day's patients or new persons: a fictional identity whose
/// codice fiscale is unique to `n` and `family` (the birth date moves one
/// day per `n`, from 1935 to 1989 at most).
pub fn identity(team_id: &str, n: u64, family: &str) -> Value {
    assert!(
        n < 20_000,
        "a birth date before 1990 for the {n}th identity"
    );
    let birth = NaiveDate::from_ymd_opt(1935, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(n)))
        .expect("a birth date within the calendar");
    use chrono::Datelike;
    person_input(
        team_id,
        family,
        "Lucia",
        (birth.year(), birth.month(), birth.day()),
        "F",
    )
}

/// The ids of the discharges stored.
pub async fn discharge_ids(app: &TestApp) -> Vec<String> {
    app.rows("SELECT CAST(id AS TEXT) AS id FROM discharges")
        .await
        .iter()
        .map(|r| r["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// How many copies of each email arrived, by recipient, the discharge it
/// links to (of `discharges`; empty for none) and whether it is a reminder.
pub fn copies(
    received: &[Received],
    discharges: &[String],
) -> HashMap<(String, String, bool), u64> {
    let mut copies = HashMap::new();
    for mail in received {
        let text = mail.text();
        let discharge = discharges
            .iter()
            .find(|id| text.contains(&format!("/dimissioni/{id}")))
            .cloned()
            .unwrap_or_default();
        let reminder = text.contains("Promemoria");
        for to in &mail.to {
            *copies
                .entry((to.clone(), discharge.clone(), reminder))
                .or_insert(0) += 1;
        }
    }
    copies
}

pub fn in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string()
}

/// A hospital ward reporting to a PUA of two members; an équipe with the
/// PUA's operator in it, where the projects and new persons go.
pub struct Ward {
    pub desk: Desk,
    pub operator_email: String,
    pub hospital: String,
    pub ward: Client,
    pub ward_email: String,
    /// The PUA's members' emails: each report notifies each of them.
    pub members: Vec<String>,
    pub equipe: String,
}

impl Ward {
    pub async fn open(app: &TestApp) -> Ward {
        let desk = Desk::open(app, "PUA").await;
        let colleague = format!("collega{}@asst.test", uuid::Uuid::now_v7().simple());
        let colleague_id = app.make_user(&colleague, Role::Operator, None).await;
        app.add_member(&desk.admin, &desk.team_id, &colleague_id, "MEMBER")
            .await;
        let hospital = app
            .organization(&desk.admin, "Ospedale di Esine", "OSPEDALE")
            .await;
        let ward_email = format!("reparto{}@ospedale.test", uuid::Uuid::now_v7().simple());
        let (ward, _) = app.operator_of(&ward_email, &hospital).await;
        let equipe = app
            .team(
                &desk.admin,
                "Équipe multidisciplinare",
                "EQUIPE_MULTIDISCIPLINARE",
                &desk.organization_id,
            )
            .await;
        app.add_member(&desk.admin, &equipe, &desk.operator_id, "MEMBER")
            .await;
        let operator = desk.operator.me().await["email"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        Ward {
            desk,
            hospital,
            ward,
            ward_email,
            operator_email: operator.clone(),
            members: vec![operator, colleague],
            equipe,
        }
    }

    /// A discharge report of the `n`th patient, expected in `days` days.
    pub fn report(&self, n: u64, days: i64) -> Value {
        let patient = identity(&self.desk.team_id, n, "Tognali");
        json!({ "input": {
            "patient": {
                "fiscalCode": patient["fiscalCode"], "givenName": patient["givenName"],
                "familyName": patient["familyName"], "birthDate": patient["birthDate"], "sex": "F"
            },
            "hospitalId": self.hospital, "ward": "Medicina generale", "admittedOn": in_days(-3),
            "expectedDischargeOn": in_days(days), "teamId": self.desk.team_id,
            "needs": "Assistenza domiciliare"
        } })
    }

    /// A project with one budget line in the équipe, for one client of a
    /// load to change on its own (no two clients race on one version).
    pub async fn project_with_a_line(&self, app: &TestApp, n: u64) -> LoadProject {
        let operator = &self.desk.operator;
        let person = app
            .person(operator, identity(&self.equipe, n, "Pasini"))
            .await;
        let opened = operator
            .gql(
                OPEN,
                json!({ "input": {
                    "personId": person, "kind": "PROGETTO_PERSONALIZZATO", "teamId": self.equipe,
                    "caseManagerId": self.desk.operator_id, "title": "Restare a casa",
                    "startDate": "2026-09-01", "reviewEveryDays": 60
                } }),
            )
            .await;
        let project = opened.ok()["openProject"]["id"]
            .as_str()
            .expect("a project id")
            .to_owned();
        let line = operator
            .gql(
                ADD_RESOURCE,
                json!({ "input": {
                    "projectId": project, "lifeArea": "HOUSING", "kind": "ECONOMIC",
                    "providerKind": "ORGANIZATION", "providerId": self.desk.organization_id,
                    "fundingSource": "FNA", "description": "Contributo affitto", "unit": "EUR",
                    "plannedQuantity": "2400", "periodStart": "2026-09-01"
                } }),
            )
            .await;
        let resource = line.ok()["addBudgetResource"]["id"]
            .as_str()
            .expect("a budget line id")
            .to_owned();
        LoadProject { project, resource }
    }
}

pub struct LoadProject {
    pub project: String,
    pub resource: String,
}

/// The operator's session, sent to another address (another instance, a
/// proxy): sessions live in the database, so any instance accepts it.
pub fn same_session_at(client: &Client, base_url: &str) -> Client {
    Client {
        http: client.http.clone(),
        base_url: base_url.to_owned(),
    }
}

/// A browser that opens a new connection per request (so a round-robin TCP
/// proxy spreads its requests) and gives up after `timeout`: a hang fails.
pub fn fresh_connections(base_url: &str, timeout: Duration) -> Client {
    Client {
        http: reqwest::Client::builder()
            .cookie_store(true)
            .pool_max_idle_per_host(0)
            .timeout(timeout)
            .build()
            .expect("http client"),
        base_url: base_url.to_owned(),
    }
}

/// What a client met.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Data and no error: the write is acknowledged.
    Acknowledged(Value),
    /// A GraphQL error: its code and message.
    Refused { code: String, message: String },
    /// HTTP 503: the request was cut off or the instance is not ready.
    Unavailable,
    /// No answer at all: the connection failed or closed (a killed
    /// process), or the client's time ran out (a hang).
    NoAnswer { timed_out: bool, error: String },
    /// An answer that is not a whole GraphQL response.
    Torn { status: u16, body: String },
}

impl Outcome {
    /// A clean failure under a database fault: INTERNAL with its reference
    /// ("rif. <id>") or 503.
    pub fn is_clean_failure(&self) -> bool {
        match self {
            Outcome::Unavailable => true,
            Outcome::Refused { code, message } => code == "INTERNAL" && message.contains("rif. "),
            _ => false,
        }
    }
}

/// Sends one operation as the SPA does and says what came back.
pub async fn send(client: &Client, query: &str, variables: Value) -> Outcome {
    let sent = client
        .http
        .post(client.graphql_url())
        .header("X-Ponte-CSRF", "1")
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await;
    let response = match sent {
        Ok(response) => response,
        Err(e) => {
            return Outcome::NoAnswer {
                timed_out: e.is_timeout(),
                error: e.to_string(),
            }
        }
    };
    let status = response.status().as_u16();
    if status == 503 {
        return Outcome::Unavailable;
    }
    let text = match response.text().await {
        Ok(text) => text,
        Err(e) => {
            return Outcome::NoAnswer {
                timed_out: e.is_timeout(),
                error: e.to_string(),
            }
        }
    };
    let Ok(body) = ponte_tests::serde_json::from_str::<Value>(&text) else {
        return Outcome::Torn { status, body: text };
    };
    match body["errors"][0]["extensions"]["code"].as_str() {
        Some(code) => Outcome::Refused {
            code: code.to_owned(),
            message: body["errors"][0]["message"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        },
        None if status == 200 && body["data"].is_object() => Outcome::Acknowledged(body),
        None => Outcome::Torn { status, body: text },
    }
}
