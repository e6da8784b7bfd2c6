//! A refused move leads to the fix (issue 16 point 11): each reason comes
//! with a code, "goals without a final outcome" names the goals, and the
//! closure records their outcomes in its own transaction.

use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, TestApp, TestDb};

use crate::projects::{reasons, Case, ADD_GOAL};

on_both_databases!(
    every_refusal_has_a_code_and_open_goals_are_named,
    the_closure_records_the_open_goals_outcomes_or_nothing,
);

const CHECKS: &str = "query($id: ID!) { project(id: $id) { version transitionChecks { to ready refusals { code message goalIds } } } }";
const CLOSE: &str = "mutation($input: TransitionProjectInput!) { transitionProject(input: $input) { status version } }";
const GOALS: &str = "query($id: ID!) { project(id: $id) { status goals { id status outcomeNote } history { kind summary } } }";

async fn goals(case: &Case, project: &Value) -> Vec<String> {
    let mut ids = Vec::new();
    for (area, description) in [
        ("HOUSING", "Restare a casa"),
        ("HEALTH_WELLBEING", "Deambulare in casa"),
    ] {
        let added = case
            .desk
            .operator
            .gql(ADD_GOAL, json!({ "input": { "projectId": project["id"], "lifeArea": area, "description": description } }))
            .await;
        ids.push(added.ok()["addGoal"]["id"].as_str().unwrap().to_owned());
    }
    ids
}

async fn closing_check(case: &Case, project: &Value) -> (i64, Value) {
    let read = case
        .desk
        .operator
        .gql(CHECKS, json!({ "id": project["id"] }))
        .await;
    let read = read.ok()["project"].clone();
    let closing = read["transitionChecks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["to"] == "CLOSED")
        .unwrap()
        .clone();
    (read["version"].as_i64().unwrap(), closing)
}

async fn every_refusal_has_a_code_and_open_goals_are_named(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let project = case.project("PAI").await;
    let ids = goals(&case, &project).await;

    let (_, closing) = closing_check(&case, &project).await;
    let refusals = closing["refusals"].as_array().unwrap();
    assert_eq!(
        refusals[0],
        json!({
            "code": "GOALS_WITHOUT_FINAL_STATUS",
            "message": "obiettivi senza esito finale: «Restare a casa», «Deambulare in casa»",
            "goalIds": ids,
        })
    );
    assert_eq!(refusals[1]["code"], "FINAL_SCORES_MISSING");
    assert_eq!(refusals[1]["goalIds"], json!([]));
    assert_eq!(refusals.len(), 2, "{closing}");

    // From PLANNING, delivering needs the consent, among others.
    let op = &case.desk.operator;
    let mut version = closing_check(&case, &project).await.0;
    for to in ["ASSESSMENT", "PLANNING"] {
        let moved = op
            .gql(CLOSE, json!({ "input": { "projectId": project["id"], "to": to, "expectedVersion": version } }))
            .await;
        version = moved.ok()["transitionProject"]["version"].as_i64().unwrap();
    }
    let read = op.gql(CHECKS, json!({ "id": project["id"] })).await;
    let active = read.ok()["project"]["transitionChecks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["to"] == "ACTIVE")
        .unwrap()
        .clone();
    let codes: Vec<&str> = active["refusals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"MISSING_CONSENT"), "{codes:?}");
    assert!(codes.contains(&"NO_ASSESSMENTS"), "{codes:?}");
    // The message is the reason the mutation would give.
    let refused = op
        .gql(CLOSE, json!({ "input": { "projectId": project["id"], "to": "ACTIVE", "expectedVersion": version } }))
        .await;
    let messages: Vec<String> = active["refusals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["message"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(reasons(&refused), messages);
}

async fn the_closure_records_the_open_goals_outcomes_or_nothing(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let op = &case.desk.operator;
    let project = case.project("PAI").await;
    let ids = goals(&case, &project).await;
    let other = case.project("PROGETTO_PERSONALIZZATO").await;
    let foreign = goals(&case, &other).await;
    let (version, _) = closing_check(&case, &project).await;
    let scores = json!([
        { "rater": "TEAM", "lifeArea": "HOUSING", "score": 4 },
        { "rater": "TEAM", "lifeArea": "HEALTH_WELLBEING", "score": 3 },
    ]);
    let close = |outcomes: Value| {
        json!({ "input": {
        "projectId": project["id"], "to": "CLOSED", "expectedVersion": version,
        "reason": "Obiettivi raggiunti", "finalScores": scores, "goalOutcomes": outcomes
    } })
    };

    // One goal settled, the other still open: refused, naming it, and the
    // first outcome is not kept either.
    let refused = op
        .gql(
            CLOSE,
            close(json!([{ "goalId": ids[0], "status": "ACHIEVED" }])),
        )
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(
        reasons(&refused),
        vec!["obiettivo senza esito finale: «Deambulare in casa»"]
    );
    for (outcomes, why) in [
        (
            json!([{ "goalId": ids[0], "status": "OPEN" }]),
            "no outcome",
        ),
        (
            json!([{ "goalId": foreign[0], "status": "ACHIEVED" }]),
            "another project's goal",
        ),
        (
            json!([{ "goalId": "not-an-id", "status": "ACHIEVED" }]),
            "not an id",
        ),
    ] {
        let refused = op.gql(CLOSE, close(outcomes)).await;
        refused.expect_code("VALIDATION");
        assert_eq!(refused.field(), Some("goalOutcomes"), "{why}");
    }
    let early = op
        .gql(CLOSE, json!({ "input": { "projectId": project["id"], "to": "ASSESSMENT", "expectedVersion": version, "goalOutcomes": [{ "goalId": ids[0], "status": "ACHIEVED" }] } }))
        .await;
    early.expect_code("VALIDATION");
    assert_eq!(early.field(), Some("goalOutcomes"));
    let read = op.gql(GOALS, json!({ "id": project["id"] })).await;
    let read = read.ok()["project"].clone();
    assert_eq!(read["status"], "INTAKE");
    assert!(read["goals"]
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["status"] == "OPEN"));

    let closed = op
        .gql(
            CLOSE,
            close(json!([
                { "goalId": ids[0], "status": "ACHIEVED", "outcomeNote": "Vive a casa sua" },
                { "goalId": ids[1], "status": "PARTLY_ACHIEVED" },
            ])),
        )
        .await;
    assert_eq!(closed.ok()["transitionProject"]["status"], "CLOSED");
    let read = op.gql(GOALS, json!({ "id": project["id"] })).await;
    let read = read.ok()["project"].clone();
    assert_eq!(
        read["goals"],
        json!([
            { "id": ids[0], "status": "ACHIEVED", "outcomeNote": "Vive a casa sua" },
            { "id": ids[1], "status": "PARTLY_ACHIEVED", "outcomeNote": null },
        ])
    );
    let summaries: Vec<&str> = read["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "GOAL_UPDATED")
        .map(|e| e["summary"].as_str().unwrap())
        .collect();
    assert_eq!(summaries.len(), 2, "{summaries:?}");
    assert!(
        summaries[0].starts_with("Obiettivo «Restare a casa»"),
        "{summaries:?}"
    );
}
