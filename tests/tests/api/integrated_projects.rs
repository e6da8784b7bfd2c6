//! Issue 13.10 and the last bullet of 13.3: an integrated PAI is delivered
//! only once its health and social sides have signed; a project that is not
//! a PTRI may be delivered on a budget not yet agreed, with a warning.

use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, TestApp, TestDb};

use crate::projects::{move_to, reasons, resource, Case, ADD_RESOURCE, OPEN};

on_both_databases!(
    an_integrated_pai_is_delivered_only_once_its_health_and_social_sides_signed,
    only_a_pai_is_integrated_and_a_signed_one_stays_integrated,
    a_pai_may_be_delivered_on_a_budget_not_yet_agreed_with_a_warning,
);

const COSIGN: &str = "mutation($input: CosignProjectInput!) { cosignProject(input: $input) { version integrated cosignatures { part signedOn signatory organization { name } recordedBy { id } } } }";
const SET_INTEGRATED: &str = "mutation($input: SetProjectIntegratedInput!) { setProjectIntegrated(input: $input) { version integrated } }";
const CHECKS: &str = "query($id: ID!) { project(id: $id) { version status allowedTransitions transitionChecks { to ready reasons warnings } } }";

async fn open(case: &Case, kind: &str, integrated: bool) -> ponte_tests::Gql {
    case.desk
        .operator
        .gql(
            OPEN,
            json!({ "input": {
                "personId": case.person, "kind": kind, "teamId": case.desk.team_id,
                "caseManagerId": case.desk.operator_id, "title": "Restare a casa",
                "startDate": "2026-09-01", "integrated": integrated,
                "parallelReason": "Progetti di prova in parallelo"
            } }),
        )
        .await
}

/// Goals, consent and a signed assessment: a PAI in PLANNING that lacks
/// nothing for ACTIVE but what the test looks at (its version is 5).
async fn planned(case: &Case, integrated: bool) -> Value {
    let project = open(case, "PAI", integrated).await.ok()["openProject"].clone();
    case.plan(&project, "DIGITAL").await;
    case.assess().await;
    project
}

fn check_for<'a>(checks: &'a Value, to: &str) -> &'a Value {
    checks["project"]["transitionChecks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["to"] == to)
        .unwrap_or_else(|| panic!("no check for {to}: {checks}"))
}

async fn an_integrated_pai_is_delivered_only_once_its_health_and_social_sides_signed(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let admin = &case.desk.admin;
    let asst = case.desk.organization_id.clone();
    let comune = app.organization(admin, "Comune di Breno", "COMUNE").await;
    let coop = app
        .organization(admin, "Coop Il Sole", "COOPERATIVA_SOCIALE_A")
        .await;
    let op = &case.desk.operator;
    // Each organization says which side it signs, so screens need not know the rule.
    let sides = op
        .gql(
            "{ organizations(first: 50) { nodes { name integratedPart } } }",
            json!({}),
        )
        .await;
    let sides: Vec<(String, Value)> = sides.ok()["organizations"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["name"].as_str().unwrap().to_owned(),
                o["integratedPart"].clone(),
            )
        })
        .collect();
    for (name, part) in [
        ("ASST della Valcamonica", json!("HEALTH")),
        ("Comune di Breno", json!("SOCIAL")),
        ("Coop Il Sole", Value::Null),
    ] {
        assert!(
            sides.contains(&(name.to_owned(), part.clone())),
            "{name}: {sides:?}"
        );
    }
    let project = planned(&case, true).await;
    let both_missing =
        "il PAI integrato non è ancora sottoscritto dalla parte sanitaria né dalla parte sociale";
    let refused = move_to(op, &project, "ACTIVE", 5).await;
    refused.expect_code("VALIDATION");
    assert_eq!(reasons(&refused), vec![both_missing]);
    // The screen knows it before the button is pressed.
    let checks = op.gql(CHECKS, json!({ "id": project["id"] })).await;
    let active = check_for(checks.ok(), "ACTIVE");
    assert_eq!(active["ready"], false);
    assert_eq!(active["reasons"], json!([both_missing]));
    // Closing does not wait for the signatures (only for the outcomes).
    let closing = check_for(checks.ok(), "CLOSED")["reasons"].to_string();
    assert!(!closing.contains("sottoscritto"), "{closing}");

    let sign = |org: &str, on: &str| json!({ "input": { "projectId": project["id"], "organizationId": org, "signedOn": on, "signatory": "Direttore socio-sanitario" } });
    // A cooperative is a partner of the plan, not one of its two sides.
    let refused = op.gql(COSIGN, sign(&coop, "2026-09-15")).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("organizationId"));
    assert_eq!(
        refused.message(),
        "Coop Il Sole non sottoscrive un PAI integrato: lo firmano un ente sanitario (ASL, ASST, ATS, distretto, Casa di Comunità…) e uno sociale (Comune, Ambito, Ufficio di Piano)"
    );
    let refused = op.gql(COSIGN, sign(&asst, "2099-01-01")).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("signedOn"));
    assert_eq!(
        refused.message(),
        "La data della sottoscrizione è nel futuro"
    );
    let refused = op.gql(COSIGN, sign(&asst, "2026-08-31")).await;
    assert_eq!(refused.field(), Some("signedOn"));
    assert_eq!(
        refused.message(),
        "La sottoscrizione non può precedere l'avvio del progetto (01/09/2026)"
    );
    // Another team's operator signs nothing on a case that is not theirs.
    let other = ponte_tests::world::Desk::open(&app, "EQUIPE_MULTIDISCIPLINARE").await;
    let refused = other.operator.gql(COSIGN, sign(&asst, "2026-09-15")).await;
    assert!(
        matches!(refused.code(), Some("FORBIDDEN") | Some("NOT_FOUND")),
        "{}",
        refused.body
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM project_cosignatures").await,
        0
    );

    let signed = op.gql(COSIGN, sign(&asst, "2026-09-15")).await;
    let signed = signed.ok()["cosignProject"].clone();
    assert_eq!(signed["cosignatures"][0]["part"], "HEALTH");
    assert_eq!(
        signed["cosignatures"][0]["organization"]["name"],
        "ASST della Valcamonica"
    );
    let again = op.gql(COSIGN, sign(&asst, "2026-09-16")).await;
    again.expect_code("VALIDATION");
    assert_eq!(
        again.message(),
        "ASST della Valcamonica ha già sottoscritto il PAI il 15/09/2026"
    );
    let version = signed["version"].as_i64().unwrap();
    let refused = move_to(op, &project, "ACTIVE", version).await;
    assert_eq!(
        reasons(&refused),
        vec!["il PAI integrato non è ancora sottoscritto dalla parte sociale"]
    );

    let signed = op.gql(COSIGN, sign(&comune, "2026-09-18")).await;
    let signed = signed.ok()["cosignProject"].clone();
    let parts: Vec<&Value> = signed["cosignatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["part"])
        .collect();
    assert_eq!(parts, vec!["HEALTH", "SOCIAL"]);
    let checks = op.gql(CHECKS, json!({ "id": project["id"] })).await;
    assert_eq!(check_for(checks.ok(), "ACTIVE")["ready"], true);
    let version = signed["version"].as_i64().unwrap();
    let active = move_to(op, &project, "ACTIVE", version).await;
    assert_eq!(active.ok()["transitionProject"]["status"], "ACTIVE");

    let history = op
        .gql(
            "query($id: ID!) { project(id: $id) { history { kind summary } } }",
            json!({ "id": project["id"] }),
        )
        .await;
    let summaries: Vec<String> = history.ok()["project"]["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "COSIGNED")
        .map(|e| e["summary"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        summaries,
        vec![
            "PAI integrato sottoscritto da ASST della Valcamonica (Direttore socio-sanitario) per la parte sanitaria il 15/09/2026",
            "PAI integrato sottoscritto da Comune di Breno (Direttore socio-sanitario) per la parte sociale il 18/09/2026",
        ]
    );
}

async fn only_a_pai_is_integrated_and_a_signed_one_stays_integrated(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let op = &case.desk.operator;
    let refused = open(&case, "PTRI", true).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("integrated"));
    assert_eq!(
        refused.message(),
        "Solo un PAI può essere integrato (parte sanitaria e parte sociale)"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM projects").await, 0);

    // A plain PAI: no signature is recorded on it, until it is marked.
    let pai = open(&case, "PAI", false).await.ok()["openProject"].clone();
    let sign = json!({ "input": { "projectId": pai["id"], "organizationId": case.desk.organization_id, "signedOn": "2026-09-15" } });
    let refused = op.gql(COSIGN, sign.clone()).await;
    assert_eq!(refused.field(), Some("projectId"));
    assert_eq!(
        refused.message(),
        "Il progetto non è un PAI integrato: la sottoscrizione di ASL/ASST e Comune/Ambito non si registra"
    );
    let marked = op
        .gql(SET_INTEGRATED, json!({ "input": { "projectId": pai["id"], "expectedVersion": 1, "integrated": true } }))
        .await;
    assert_eq!(marked.ok()["setProjectIntegrated"]["integrated"], true);
    // A mark given by mistake is taken back while nobody signed.
    let unmarked = op
        .gql(SET_INTEGRATED, json!({ "input": { "projectId": pai["id"], "expectedVersion": 2, "integrated": false } }))
        .await;
    assert_eq!(unmarked.ok()["setProjectIntegrated"]["integrated"], false);
    op.gql(
        SET_INTEGRATED,
        json!({ "input": { "projectId": pai["id"], "expectedVersion": 3, "integrated": true } }),
    )
    .await
    .ok();
    let signed = op.gql(COSIGN, sign).await;
    let version = signed.ok()["cosignProject"]["version"].as_i64().unwrap();
    let refused = op
        .gql(SET_INTEGRATED, json!({ "input": { "projectId": pai["id"], "expectedVersion": version, "integrated": false } }))
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("integrated"));
    assert_eq!(
        refused.message(),
        "Il PAI integrato è già stato sottoscritto: non può tornare un PAI solo sociale o solo sanitario"
    );
    // A PTRI cannot be marked either.
    let ptri = open(&case, "PTRI", false).await.ok()["openProject"].clone();
    let refused = op
        .gql(SET_INTEGRATED, json!({ "input": { "projectId": ptri["id"], "expectedVersion": 1, "integrated": true } }))
        .await;
    assert_eq!(refused.field(), Some("integrated"));
}

async fn a_pai_may_be_delivered_on_a_budget_not_yet_agreed_with_a_warning(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let op = &case.desk.operator;
    let project = planned(&case, false).await;
    // No budget line: nothing to agree, nothing to warn about.
    let checks = op.gql(CHECKS, json!({ "id": project["id"] })).await;
    let active = check_for(checks.ok(), "ACTIVE");
    assert_eq!(active["ready"], true);
    assert_eq!(active["warnings"], json!([]));

    let provider =
        json!({ "providerKind": "ORGANIZATION", "providerId": case.desk.organization_id });
    op.gql(
        ADD_RESOURCE,
        resource(
            &project,
            "HEALTH_WELLBEING",
            "ECONOMIC",
            provider,
            "FNA",
            "EUR",
            "500",
        ),
    )
    .await
    .ok();
    let checks = op.gql(CHECKS, json!({ "id": project["id"] })).await;
    let version = checks.ok()["project"]["version"].as_i64().unwrap();
    let active = check_for(checks.ok(), "ACTIVE");
    assert_eq!(active["ready"], true);
    assert_eq!(
        active["warnings"],
        json!(["il Budget di Salute non è ancora condiviso da: la persona (o chi la rappresenta), ASST della Valcamonica (le risorse non sono ancora impegnate)"])
    );
    assert_eq!(check_for(checks.ok(), "CLOSED")["warnings"], json!([]));
    // A warning, not a refusal: the PAI is delivered.
    let moved = move_to(op, &project, "ACTIVE", version).await;
    assert_eq!(moved.ok()["transitionProject"]["status"], "ACTIVE");
}
