//! What a query may cost: lists count their rows (`first`), so nesting pages
//! or repeating them under aliases is refused as TOO_COMPLEX before anything
//! runs, while every query the SPA sends stays well inside the limit.

use ponte_server::graphql::{MAX_COMPLEXITY, MAX_TOP_FIELDS};
use ponte_server::seed::{seed_demo, DEMO_PASSWORD};
use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, Client, Gql, TestApp, TestDb};

use crate::assessments::{barthel, Uvm};

on_both_databases!(
    sixty_aliases_of_a_hundred_persons_with_their_assessments_are_refused_as_too_complex,
    a_list_costs_its_rows_so_a_page_of_pages_is_refused_and_a_screens_worth_passes,
    every_document_the_spa_sends_is_within_the_cost_limit,
);

/// The GraphQL documents the SPA sends, as its codegen lists them
/// (`frontend/src/gql/gql.ts`), each operation with the fragments it spreads.
fn spa_operations() -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../frontend/src/gql/gql.ts");
    let source = std::fs::read_to_string(&path).expect("the SPA's generated gql.ts");
    let listing = source
        .split("type Documents = {")
        .nth(1)
        .and_then(|rest| rest.split("\n};").next())
        .expect("the Documents map of gql.ts");
    let documents: Vec<String> = listing
        .lines()
        .filter_map(|line| line.trim().split("\": typeof").next())
        .filter(|key| key.starts_with('"'))
        .map(|key| ponte_tests::serde_json::from_str(&format!("{key}\"")).expect("a JS string"))
        .collect();
    let (fragments, operations): (Vec<String>, Vec<String>) = documents
        .into_iter()
        .partition(|d| d.trim_start().starts_with("fragment"));
    let fragment_named = |name: &str| {
        fragments
            .iter()
            .find(|f| f.trim_start().starts_with(&format!("fragment {name} ")))
            .unwrap_or_else(|| panic!("fragment {name} in gql.ts"))
            .clone()
    };
    operations
        .into_iter()
        .map(|operation| {
            let mut document = operation.clone();
            // A fragment the document defines itself needs no other.
            let mut included: Vec<String> = spreads(&document)
                .into_iter()
                .filter(|name| document.contains(&format!("fragment {name} ")))
                .collect();
            while let Some(name) = spreads(&document)
                .into_iter()
                .find(|name| !included.contains(name))
            {
                document.push_str(&fragment_named(&name));
                included.push(name);
            }
            document
        })
        .collect()
}

/// The fragment names spread in a document (`...Name`).
fn spreads(document: &str) -> Vec<String> {
    document
        .split("...")
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| name.chars().next().is_some_and(char::is_uppercase))
        .collect()
}

async fn sixty_aliases_of_a_hundred_persons_with_their_assessments_are_refused_as_too_complex(
    db: TestDb,
) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    let aliases: String = (0..60)
        .map(|i| format!("a{i}: persons(first: 100) {{ {PERSONS_WITH_100_ASSESSMENTS} }} "))
        .collect();
    let refused = too_complex(&uvm.desk.operator, &format!("{{ {aliases} }}")).await;
    assert!(
        refused.message().starts_with("Troppe richieste in una"),
        "{}",
        refused.body
    );
    assert_eq!(refused.errors()[0]["extensions"]["topFields"], 60);
    assert_eq!(refused.errors()[0]["extensions"]["limit"], MAX_TOP_FIELDS);

    // The same rows asked under aliases one level down are priced by rows.
    let nested: String = (0..60)
        .map(|i| format!("a{i}: assessments(first: 100) {{ totalCount nodes {{ id date }} }} "))
        .collect();
    let refused = too_complex(
        &uvm.desk.operator,
        &format!("{{ persons(first: 100) {{ nodes {{ id {nested} }} }} }}"),
    )
    .await;
    assert!(refused.errors()[0]["extensions"]["cost"].as_u64().unwrap() > 60 * 100 * 100);
}

/// Sends `query`, which must be refused as a whole as TOO_COMPLEX.
async fn too_complex(client: &Client, query: &str) -> Gql {
    let refused = client.gql(query, json!({})).await;
    refused.expect_code("TOO_COMPLEX");
    assert!(refused.data().is_null(), "{}", refused.body);
    refused
}

/// A page of persons, each with a page of 100 assessments.
const PERSONS_WITH_100_ASSESSMENTS: &str =
    "nodes { id assessments(first: 100) { totalCount nodes { id date } } }";

async fn a_list_costs_its_rows_so_a_page_of_pages_is_refused_and_a_screens_worth_passes(
    db: TestDb,
) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    uvm.record("2026-01-10", vec![barthel([5, 0, 0, 5, 5, 5, 5, 5, 5, 0])])
        .await;
    let refused = too_complex(
        &uvm.desk.operator,
        &format!("{{ persons(first: 100) {{ {PERSONS_WITH_100_ASSESSMENTS} }} }}"),
    )
    .await;
    assert!(
        refused.message().starts_with("Richiesta troppo onerosa"),
        "{}",
        refused.body
    );
    // 100 persons × (nodes + id + assessments: 1 + 100 × (totalCount + nodes + id + date)) + 1.
    let extensions = &refused.errors()[0]["extensions"];
    assert_eq!(extensions["cost"], 1 + 100 * (2 + (1 + 100 * 4)));
    assert_eq!(extensions["limit"], MAX_COMPLEXITY);

    // Twenty persons with their latest assessments and a chart: a screen's worth.
    let reasonable = uvm
        .desk
        .operator
        .gql(
            "{ persons(first: 20) { totalCount nodes { id familyName assessments(first: 5) { totalCount nodes { id date needLevel signedAt results { instrument score band { code label } } } } scoreSeries(instrument: BARTHEL) { date score band } } } }",
            json!({}),
        )
        .await;
    let person = &reasonable.ok()["persons"]["nodes"][0];
    assert_eq!(person["assessments"]["totalCount"], 1);
    assert_eq!(person["assessments"]["nodes"][0]["results"][0]["score"], 35);
    assert_eq!(person["scoreSeries"][0]["score"], 35);
    // The demo's own check: 100 persons with 20 assessments each.
    uvm.desk
        .operator
        .gql(
            "{ persons(first: 100) { nodes { assessments { nodes { amended signedAt results { instrument score } } } } } }",
            json!({}),
        )
        .await
        .ok();
}

async fn every_document_the_spa_sends_is_within_the_cost_limit(db: TestDb) {
    let app = TestApp::spawn(db).await;
    seed_demo(&app.db, &app.config).await.unwrap();
    let operations = spa_operations();
    assert!(operations.len() > 50, "{} operations", operations.len());
    let signed_in = app.client();
    signed_in
        .login_ok("assistente.sociale@ponte.demo", DEMO_PASSWORD)
        .await;
    // Mutations go out signed out: validated (and priced) all the same, changing nothing.
    let signed_out = app.client();
    for operation in &operations {
        let client = if operation.trim_start().starts_with("mutation") {
            &signed_out
        } else {
            &signed_in
        };
        // The largest page anywhere a variable sets one.
        let response = client.gql(operation, json!({ "first": 100 })).await;
        let errors = response.errors().as_array().cloned().unwrap_or_default();
        let refused: Vec<&Value> = errors
            .iter()
            .filter(|e| e["path"].is_null() || e["extensions"]["code"] == "TOO_COMPLEX")
            .collect();
        assert!(
            refused.is_empty(),
            "the SPA's query is refused as a whole: {refused:?}\n{operation}"
        );
    }
}
