//! A mistyped budget use (1.000 € for 100 €) is corrected by a reversing
//! entry with its reason, never deleted: the totals drop back, the history
//! says who reversed what and why, and the right use is recorded after.

use ponte_tests::serde_json::json;
use ponte_tests::{on_both_databases, TestApp, TestDb};

use crate::projects::{resource, Case, ADD_RESOURCE};

on_both_databases!(
    a_wrong_use_is_reversed_once_with_its_reason_and_the_totals_follow,
    a_use_on_a_project_of_another_team_cannot_be_reversed,
);

const USE: &str =
    "mutation($input: RecordResourceUseInput!) { recordResourceUse(input: $input) { id } }";
const REVERSE: &str = "mutation($input: ReverseResourceUseInput!) { reverseResourceUse(input: $input) { id usedQuantity } }";
const LINE: &str = "query($id: ID!) { project(id: $id) { budget { totals { overall { unit used } } resources { usedQuantity uses { id date quantity reason recordedBy { id } reverses { id } reversedBy { id reason } } } } history { kind summary actor { id } } } }";

async fn a_wrong_use_is_reversed_once_with_its_reason_and_the_totals_follow(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let project = case.project("PROGETTO_PERSONALIZZATO").await;
    let op = &case.desk.operator;
    let comune = json!({ "providerKind": "ORGANIZATION", "providerId": case.desk.organization_id });
    let line = op
        .gql(
            ADD_RESOURCE,
            resource(
                &project, "HOUSING", "ECONOMIC", comune, "FNA", "EUR", "2400",
            ),
        )
        .await
        .ok()["addBudgetResource"]["id"]
        .clone();
    op.gql(
        USE,
        json!({ "input": { "resourceId": line, "date": "2026-09-12", "quantity": "1000" } }),
    )
    .await
    .ok();
    let read = op.gql(LINE, json!({ "id": project["id"] })).await;
    let wrong = read.ok()["project"]["budget"]["resources"][0]["uses"][0]["id"].clone();

    // A reason is required: a reversal without one is refused, nothing written.
    let silent = op
        .gql(
            REVERSE,
            json!({ "input": { "useId": wrong, "reason": "  " } }),
        )
        .await;
    silent.expect_code("VALIDATION");
    assert_eq!(silent.field(), Some("reason"));
    assert_eq!(silent.message(), "Indica il motivo dello storno");
    assert_eq!(app.count("SELECT COUNT(*) FROM budget_uses").await, 1);

    let reversed = op
        .gql(
            REVERSE,
            json!({ "input": { "useId": wrong, "reason": "Importo digitato male: erano 100 €" } }),
        )
        .await;
    assert_eq!(reversed.ok()["reverseResourceUse"]["usedQuantity"], "0.00");

    // Twice, or a reversal reversed: refused at the use, nothing written.
    let again = op
        .gql(
            REVERSE,
            json!({ "input": { "useId": wrong, "reason": "Ancora" } }),
        )
        .await;
    again.expect_code("VALIDATION");
    assert_eq!(again.field(), Some("useId"));
    assert_eq!(again.message(), "Questo utilizzo è già stato stornato");
    let read = op.gql(LINE, json!({ "id": project["id"] })).await;
    let uses = read.ok()["project"]["budget"]["resources"][0]["uses"].clone();
    assert_eq!(uses.as_array().map(Vec::len), Some(2), "{uses}");
    let reversal = uses[1].clone();
    let of_reversal = op
        .gql(
            REVERSE,
            json!({ "input": { "useId": reversal["id"], "reason": "Errore" } }),
        )
        .await;
    of_reversal.expect_code("VALIDATION");
    assert_eq!(of_reversal.field(), Some("useId"));
    assert_eq!(
        of_reversal.message(),
        "Uno storno non si storna: registra di nuovo l'utilizzo corretto"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM budget_uses").await, 2);

    // The wrong use stays, linked to the negative entry that cancels it.
    assert_eq!(uses[0]["quantity"], "1000.00");
    assert_eq!(uses[0]["reversedBy"]["id"], reversal["id"]);
    assert_eq!(
        uses[0]["reversedBy"]["reason"],
        "Importo digitato male: erano 100 €"
    );
    assert_eq!(reversal["quantity"], "-1000.00");
    assert_eq!(reversal["date"], "2026-09-12");
    assert_eq!(reversal["reverses"]["id"], wrong);
    assert_eq!(reversal["reversedBy"], json!(null));
    assert_eq!(reversal["recordedBy"]["id"], case.desk.operator_id);

    // The right use, then the totals and the history.
    op.gql(
        USE,
        json!({ "input": { "resourceId": line, "date": "2026-09-12", "quantity": "100" } }),
    )
    .await
    .ok();
    let read = op.gql(LINE, json!({ "id": project["id"] })).await;
    let budget = &read.ok()["project"]["budget"];
    assert_eq!(budget["resources"][0]["usedQuantity"], "100.00");
    assert_eq!(
        budget["totals"]["overall"],
        json!([{ "unit": "EUR", "used": "100.00" }])
    );
    let history = read.ok()["project"]["history"].as_array().cloned().unwrap();
    let event = history
        .iter()
        .find(|e| e["kind"] == "BUDGET_USE_REVERSED")
        .unwrap_or_else(|| panic!("no reversal in {history:?}"));
    assert_eq!(
        event["summary"],
        "Uso del budget stornato: 1.000,00 € del 12/09/2026 — Importo digitato male: erano 100 €"
    );
    assert_eq!(event["actor"]["id"], case.desk.operator_id);
}

async fn a_use_on_a_project_of_another_team_cannot_be_reversed(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let project = case.project("PROGETTO_PERSONALIZZATO").await;
    let op = &case.desk.operator;
    let family = json!({ "providerKind": "FAMILY" });
    let line = op
        .gql(
            ADD_RESOURCE,
            resource(
                &project, "HOUSING", "ECONOMIC", family, "PRIVATO", "EUR", "100",
            ),
        )
        .await
        .ok()["addBudgetResource"]["id"]
        .clone();
    op.gql(
        USE,
        json!({ "input": { "resourceId": line, "date": "2026-09-12", "quantity": "10" } }),
    )
    .await
    .ok();
    let read = op.gql(LINE, json!({ "id": project["id"] })).await;
    let used = read.ok()["project"]["budget"]["resources"][0]["uses"][0]["id"].clone();
    let (stranger, _) = app.operator("stranger@asst.test").await;
    let refused = stranger
        .gql(
            REVERSE,
            json!({ "input": { "useId": used, "reason": "Errore" } }),
        )
        .await;
    refused.expect_code("FORBIDDEN");
    case.desk
        .admin
        .gql(
            REVERSE,
            json!({ "input": { "useId": used, "reason": "Errore" } }),
        )
        .await
        .expect_code("FORBIDDEN");
    assert_eq!(app.count("SELECT COUNT(*) FROM budget_uses").await, 1);
}
