//! The words the services use (issue 13.8): a cooperative of type B, a
//! geriatrician and a line funded by the FNA's measure B1 are stored and
//! read back as such, and a cooperative whose type was never recorded
//! still reads as it was stored.

use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, TestApp, TestDb};

use crate::projects::Case;

on_both_databases!(
    a_type_b_cooperative_a_geriatrician_and_an_fna_b1_line_read_back_as_stored,
    a_cooperative_of_unstated_type_keeps_reading_as_before,
);

const CREATE_ORG: &str =
    "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id kind } }";
const CREATE_USER: &str =
    "mutation($input: CreateUserInput!) { createUser(input: $input) { id profession } }";
const ADD_RESOURCE: &str = "mutation($input: AddBudgetResourceInput!) { addBudgetResource(input: $input) { id fundingSource profession providerName } }";
const BUDGET: &str = "query($id: ID!) { project(id: $id) { budget { resources { fundingSource profession provider { kind } } totals { byFundingSource { key unit planned } } } } }";

async fn organization(case: &Case, name: &str, kind: &str) -> Value {
    let created = case
        .desk
        .admin
        .gql(
            CREATE_ORG,
            json!({ "input": { "name": name, "kind": kind } }),
        )
        .await;
    created.ok()["createOrganization"].clone()
}

async fn a_type_b_cooperative_a_geriatrician_and_an_fna_b1_line_read_back_as_stored(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let admin = &case.desk.admin;

    let cooperative =
        organization(&case, "Cooperativa Lavoro Insieme", "COOPERATIVA_SOCIALE_B").await;
    assert_eq!(cooperative["kind"], "COOPERATIVA_SOCIALE_B");
    let listed = admin
        .gql(
            "{ organizations(kind: COOPERATIVA_SOCIALE_B) { totalCount nodes { name kind } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        listed.ok()["organizations"]["nodes"],
        json!([{ "name": "Cooperativa Lavoro Insieme", "kind": "COOPERATIVA_SOCIALE_B" }])
    );

    let geriatrician = admin
        .gql(
            CREATE_USER,
            json!({ "input": {
                "email": "geriatra@asst.test", "displayName": "Paolo Rizzi", "password": ponte_tests::PASSWORD,
                "role": "OPERATOR", "profession": "GERIATRA", "organizationId": case.desk.organization_id
            } }),
        )
        .await;
    assert_eq!(geriatrician.ok()["createUser"]["profession"], "GERIATRA");
    let users = admin
        .gql(
            "query($s: String) { users(search: $s) { nodes { profession } } }",
            json!({ "s": "geriatra@" }),
        )
        .await;
    assert_eq!(
        users.ok()["users"]["nodes"],
        json!([{ "profession": "GERIATRA" }])
    );

    let project = case.project("PAI").await;
    let line = case
        .desk
        .operator
        .gql(
            ADD_RESOURCE,
            json!({ "input": {
                "projectId": project["id"], "lifeArea": "HEALTH_WELLBEING", "kind": "PROFESSIONAL",
                "providerKind": "ORGANIZATION", "providerId": cooperative["id"], "fundingSource": "FNA_B1",
                "description": "Visite geriatriche a domicilio", "profession": "GERIATRA",
                "unit": "HOURS", "plannedQuantity": "12", "periodStart": "2026-09-01"
            } }),
        )
        .await;
    let line = line.ok()["addBudgetResource"].clone();
    assert_eq!(line["fundingSource"], "FNA_B1");
    assert_eq!(line["profession"], "GERIATRA");
    assert_eq!(line["providerName"], "Cooperativa Lavoro Insieme");

    let budget = case
        .desk
        .operator
        .gql(BUDGET, json!({ "id": project["id"] }))
        .await;
    let budget = &budget.ok()["project"]["budget"];
    assert_eq!(
        budget["resources"],
        json!([{ "fundingSource": "FNA_B1", "profession": "GERIATRA", "provider": { "kind": "COOPERATIVA_SOCIALE_B" } }])
    );
    assert_eq!(
        budget["totals"]["byFundingSource"],
        json!([{ "key": "FNA_B1", "unit": "HOURS", "planned": "12.00" }])
    );
    let stored = app
        .rows("SELECT funding_source FROM budget_resources")
        .await;
    assert_eq!(stored, [json!({ "funding_source": "FNA_B1" })]);
}

async fn a_cooperative_of_unstated_type_keeps_reading_as_before(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let cooperative = organization(&case, "Cooperativa Il Ponte", "COOPERATIVA_SOCIALE").await;
    assert_eq!(cooperative["kind"], "COOPERATIVA_SOCIALE");
    let types = case
        .desk
        .admin
        .gql(
            "{ a: organizations(kind: COOPERATIVA_SOCIALE_A) { totalCount } b: organizations(kind: COOPERATIVA_SOCIALE_B) { totalCount } unstated: organizations(kind: COOPERATIVA_SOCIALE) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(
        *types.ok(),
        json!({ "a": { "totalCount": 0 }, "b": { "totalCount": 0 }, "unstated": { "totalCount": 1 } })
    );
}
