//! Lost updates: N clients, each a member of the team signed in on its own,
//! change the same project (its case manager), the same budget line and the
//! same person at once, each naming the version it read
//! (`expectedVersion`). Promised: each round exactly one wins and every
//! other gets CONFLICT; no change lost: the final state is the last
//! winner's input, and the project's history and the audit trail show each
//! winner's change once, in the order they won.

use std::time::Duration;

use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb, PASSWORD};

use crate::both_databases::{database_of, run_on_both, show_and_check};
use crate::crew::{numbered_person, Crew};
use crate::report::{Row, Scale};

on_both_databases!(concurrent_changes_of_one_version_have_one_winner_and_lose_nothing);

async fn concurrent_changes_of_one_version_have_one_winner_and_lose_nothing(db: TestDb) {
    show_and_check(&on(db, Scale::Short).await);
}

/// The races on both databases.
pub async fn run(scale: Scale) -> Vec<Row> {
    run_on_both("lost_updates", |db| on(db, scale)).await
}

const PROJECT: &str = "query($id: ID!) { project(id: $id) { version caseManager { id } budget { resources { id version description plannedQuantity } } history { kind summary actor { id } } } }";
const CHANGE_CASE_MANAGER: &str = "mutation($input: ChangeCaseManagerInput!) { changeCaseManager(input: $input) { version caseManager { id } } }";
const UPDATE_RESOURCE: &str = "mutation($input: UpdateBudgetResourceInput!) { updateBudgetResource(input: $input) { version description plannedQuantity } }";
const PERSON: &str = "query($id: ID!) { person(id: $id) { version phone } }";
const UPDATE_PERSON: &str =
    "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { version phone } }";

/// The three races on `db`, one after the other each round (a budget line's
/// change moves its project's version on too), asserting their promises.
pub async fn on(db: TestDb, scale: Scale) -> Vec<Row> {
    let limit = scale.pick(Duration::from_secs(120), Duration::from_secs(900));
    tokio::time::timeout(limit, races(db, scale))
        .await
        .expect("the lost-update races end in time")
}

async fn races(db: TestDb, scale: Scale) -> Vec<Row> {
    let clients = scale.pick(6, 20);
    let rounds = scale.pick(4, 25);
    let app = TestApp::spawn(db).await;
    // One member more than the clients: each round every client hands the
    // project to a different member, none of them the current case manager.
    let crew = Crew::gather(&app, "EQUIPE_MULTIDISCIPLINARE", clients + 1).await;
    let owner = &crew.members[0].client;
    let person = app.person(owner, numbered_person(&crew.team_id, 0)).await;
    let opened = owner
        .gql(
            "mutation($input: OpenProjectInput!) { openProject(input: $input) { id } }",
            json!({ "input": {
                "personId": person, "kind": "PAI", "teamId": crew.team_id,
                "caseManagerId": crew.members[0].id, "title": "Restare a casa",
                "startDate": "2026-09-01", "reviewEveryDays": 60
            } }),
        )
        .await;
    let project = opened.ok()["openProject"]["id"].clone();
    let added = owner
        .gql(
            "mutation($input: AddBudgetResourceInput!) { addBudgetResource(input: $input) { id } }",
            json!({ "input": resource(&crew, json!({ "projectId": project }), 0) }),
        )
        .await;
    let line = added.ok()["addBudgetResource"]["id"].clone();
    let racers: Vec<&Client> = crew.members[..clients].iter().map(|m| &m.client).collect();

    let mut case_manager_wins = Vec::new();
    let mut resource_wins = Vec::new();
    let mut person_wins = Vec::new();
    for round in 0..rounds {
        // The case manager: each client names another member.
        let seen = owner.gql(PROJECT, json!({ "id": project })).await;
        let seen = seen.ok()["project"].clone();
        let current = seen["caseManager"]["id"].clone();
        let targets: Vec<&str> = crew
            .members
            .iter()
            .map(|m| m.id.as_str())
            .filter(|id| *id != current)
            .collect();
        let inputs = targets[..clients]
            .iter()
            .map(|target| json!({ "projectId": project, "expectedVersion": seen["version"], "caseManagerId": target }))
            .collect();
        let (winner, won) = race(&racers, CHANGE_CASE_MANAGER, inputs).await;
        let won = &won["changeCaseManager"];
        assert_eq!(won["caseManager"]["id"], targets[winner]);
        assert_eq!(won["version"], seen["version"].as_i64().unwrap_or(0) + 1);
        case_manager_wins.push((crew.members[winner].id.clone(), targets[winner].to_owned()));

        // The budget line: each client plans its own amount.
        let seen = owner.gql(PROJECT, json!({ "id": project })).await;
        let version = seen.ok()["project"]["budget"]["resources"][0]["version"].clone();
        let inputs = (0..clients)
            .map(|i| {
                resource(
                    &crew,
                    json!({ "resourceId": line, "expectedVersion": version }),
                    round * clients + i + 1,
                )
            })
            .collect();
        let (winner, won) = race(&racers, UPDATE_RESOURCE, inputs).await;
        let won = &won["updateBudgetResource"];
        let planned = planned(round * clients + winner + 1);
        assert_eq!(won["plannedQuantity"], format!("{planned}.00"));
        assert_eq!(won["version"], version.as_i64().unwrap_or(0) + 1);
        resource_wins.push((crew.members[winner].id.clone(), planned));

        // The person: each client records its own phone number.
        let seen = owner.gql(PERSON, json!({ "id": person })).await;
        let version = seen.ok()["person"]["version"].clone();
        let inputs = (0..clients)
            .map(|i| json!({ "personId": person, "expectedVersion": version, "phone": phone(round * clients + i) }))
            .collect();
        let (winner, won) = race(&racers, UPDATE_PERSON, inputs).await;
        let won = &won["updatePerson"];
        assert_eq!(won["phone"], phone(round * clients + winner));
        assert_eq!(won["version"], version.as_i64().unwrap_or(0) + 1);
        person_wins.push((
            crew.members[winner].id.clone(),
            phone(round * clients + winner),
        ));
    }

    let load = format!("{clients} clients × {rounds} rounds");
    let faults = format!("{clients} changes of one version at once per round");
    let seen = owner.gql(PROJECT, json!({ "id": project })).await;
    let seen = seen.ok()["project"].clone();
    let events = |kind: &str| -> Vec<(String, String)> {
        seen["history"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .filter(|e| e["kind"] == kind)
            .map(|e| (text(&e["actor"]["id"]), text(&e["summary"])))
            .collect()
    };

    // The project: the last winner's case manager, and one event per winner
    // (by whom; the history names no case manager).
    let last = case_manager_wins.last().map(|w| w.1.clone());
    assert_eq!(Some(text(&seen["caseManager"]["id"])), last);
    let history: Vec<String> = events("CASE_MANAGER_CHANGED")
        .into_iter()
        .map(|(actor, _)| actor)
        .collect();
    let winners: Vec<String> = case_manager_wins.iter().map(|w| w.0.clone()).collect();
    let project_row = row(
        &app,
        "project's case manager",
        &load,
        &faults,
        &winners,
        &history,
    );

    // The budget line: the last winner's plan, and one event per winner
    // naming its amount.
    let resource = &seen["budget"]["resources"][0];
    let last = resource_wins.last().map(|w| w.1).unwrap_or_default();
    assert_eq!(resource["plannedQuantity"], format!("{last}.00"));
    assert_eq!(resource["description"], description(last));
    let history: Vec<String> = events("BUDGET_RESOURCE_UPDATED")
        .into_iter()
        .map(|(actor, summary)| format!("{actor} {summary}"))
        .collect();
    let winners: Vec<String> = resource_wins
        .iter()
        .map(|(actor, planned)| format!("{actor} Risorsa modificata: previsto {planned},00 €"))
        .collect();
    let resource_row = row(&app, "budget line", &load, &faults, &winners, &history);

    // The person: the last winner's phone, and one audit event per winner.
    let now = owner.gql(PERSON, json!({ "id": person })).await;
    let last = person_wins.last().map(|w| w.1.clone());
    assert_eq!(Some(text(&now.ok()["person"]["phone"])), last);
    let auditor = format!("auditor{}@ponte.test", uuid::Uuid::now_v7().simple());
    app.make_user(&auditor, Role::Auditor, None).await;
    let reader = app.client();
    reader.login_ok(&auditor, PASSWORD).await;
    // Every page of the person's trail (reads are audited too).
    let mut events = Vec::new();
    let mut after = Value::Null;
    loop {
        let page = reader
            .gql(
                "query($id: ID!, $after: String) { auditTrail(personId: $id, first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { action details actor { id } } } }",
                json!({ "id": person, "after": after }),
            )
            .await;
        let page = page.ok()["auditTrail"].clone();
        events.extend(page["nodes"].as_array().cloned().unwrap_or_default());
        if page["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
    let mut history: Vec<String> = events
        .iter()
        .filter(|e| e["action"] == "PERSON_UPDATED")
        .map(|e| {
            assert!(text(&e["details"]).contains("contacts"), "{e}");
            text(&e["actor"]["id"])
        })
        .collect();
    // The trail is newest first.
    history.reverse();
    let winners: Vec<String> = person_wins.iter().map(|w| w.0.clone()).collect();
    let person_row = row(&app, "person", &load, &faults, &winners, &history);

    vec![project_row, resource_row, person_row]
}

/// One round: every client sends `mutation` with its own input at once.
/// Exactly one wins and every other gets CONFLICT; returns the winner's
/// index and its data.
async fn race(clients: &[&Client], mutation: &str, inputs: Vec<Value>) -> (usize, Value) {
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(clients.len()));
    let mut sent = Vec::with_capacity(clients.len());
    for (client, input) in clients.iter().zip(inputs) {
        let client = (*client).clone();
        let mutation = mutation.to_owned();
        let barrier = barrier.clone();
        sent.push(tokio::spawn(async move {
            barrier.wait().await;
            client.gql(&mutation, json!({ "input": input })).await
        }));
    }
    let mut winners = Vec::new();
    for (i, answer) in sent.into_iter().enumerate() {
        let answer = answer.await.expect("the client's request ends");
        match answer.code() {
            None => winners.push((i, answer.ok().clone())),
            Some("CONFLICT") => {}
            Some(other) => panic!(
                "client {i} got {other} instead of CONFLICT: {}",
                answer.body
            ),
        }
    }
    assert_eq!(winners.len(), 1, "exactly one winner: {winners:?}");
    winners.remove(0)
}

/// The race's row: `winners`' changes (one per round, in order) against
/// those `history` shows.
fn row(
    app: &TestApp,
    what: &str,
    load: &str,
    faults: &str,
    winners: &[String],
    history: &[String],
) -> Row {
    assert_eq!(
        history, winners,
        "{what}: each winner's change once, in order"
    );
    let found = winners
        .iter()
        .zip(history)
        .filter(|(winner, seen)| winner == seen)
        .count() as u64;
    let database = database_of(app);
    let row = Row {
        scenario: format!("Lost updates: {what} ({database})"),
        load: load.to_owned(),
        faults: faults.to_owned(),
        acknowledged: winners.len() as u64,
        found,
        duplicates: history.len().saturating_sub(winners.len()) as u64,
        lost: winners.len() as u64 - found,
        ..Row::default()
    };
    row.assert_nothing_lost();
    row
}

/// A budget line's input (`ids` says which line or project), planning amount number `n`.
fn resource(crew: &Crew, ids: Value, n: usize) -> Value {
    let mut input = json!({
        "lifeArea": "HEALTH_WELLBEING", "kind": "ECONOMIC", "providerKind": "ORGANIZATION",
        "providerId": crew.organization_id, "fundingSource": "FNA",
        "description": description(planned(n)), "unit": "EUR",
        "plannedQuantity": planned(n).to_string(), "periodStart": "2026-09-01"
    });
    for (key, value) in ids.as_object().cloned().unwrap_or_default() {
        input[key] = value;
    }
    input
}

/// Amount number `n`, in euros: below a thousand, so that the history
/// writes it without a thousands dot.
fn planned(n: usize) -> usize {
    100 + n
}

fn description(planned: usize) -> String {
    format!("Assistenza domiciliare, piano da {planned} euro")
}

fn phone(n: usize) -> String {
    format!("+39 0364 {:06}", n)
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}
