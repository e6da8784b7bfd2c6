use ponte_server::seed::{seed_demo, DEMO_PASSWORD};
use ponte_tests::serde_json::json;
use ponte_tests::{on_both_databases, TestApp, TestDb};

on_both_databases!(the_demo_data_set_signs_in_and_shows_a_working_caseload);

async fn the_demo_data_set_signs_in_and_shows_a_working_caseload(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let report = seed_demo(&app.db).await.unwrap();
    assert!(report.contains("assistente.sociale@ponte.demo"), "{report}");
    let again = seed_demo(&app.db).await.unwrap();
    assert!(
        again.contains("(0 new persons)"),
        "running twice adds nothing: {again}"
    );

    let social_worker = app.client();
    social_worker
        .login_ok("assistente.sociale@ponte.demo", DEMO_PASSWORD)
        .await;
    let persons = social_worker
        .gql(
            "{ persons(first: 100) { totalCount nodes { fiscalCode referencePersons { kind } } } }",
            json!({}),
        )
        .await;
    let persons = &persons.ok()["persons"];
    assert!(persons["totalCount"].as_i64().unwrap() >= 50, "{persons}");
    assert!(persons["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["fiscalCode"].as_str().unwrap().len() == 16));

    let geriatra = app.client();
    geriatra
        .login_ok("geriatra@ponte.demo", DEMO_PASSWORD)
        .await;
    let uvm = geriatra
        .gql("{ teams(mine: true) { nodes { kind referrals { totalCount } members { user { profession } } } } }", json!({}))
        .await;
    let team = &uvm.ok()["teams"]["nodes"][0];
    assert_eq!(team["kind"], "UVM");
    assert!(team["referrals"]["totalCount"].as_i64().unwrap() > 0);
    assert!(team["members"].as_array().unwrap().len() >= 4);

    let assessed = geriatra
        .gql(
            "{ persons(first: 100) { nodes { assessments { nodes { amended signedAt results { instrument score } } } } } }",
            json!({}),
        )
        .await;
    let assessments: Vec<ponte_tests::serde_json::Value> = assessed.ok()["persons"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["assessments"]["nodes"].as_array().unwrap().clone())
        .collect();
    assert!(
        assessments.len() >= 8,
        "a good part of the persons: {}",
        assessments.len()
    );
    assert_eq!(
        assessments.iter().filter(|a| a["amended"] == true).count(),
        1
    );
    assert!(
        assessments.iter().any(|a| a["signedAt"].is_null()),
        "some drafts"
    );
    assert!(
        assessments
            .iter()
            .filter(|a| !a["signedAt"].is_null())
            .count()
            >= 5
    );
    assert!(assessments
        .iter()
        .all(|a| !a["results"].as_array().unwrap().is_empty()));

    let admin = app.client();
    admin.login_ok("admin@ponte.demo", DEMO_PASSWORD).await;
    let orgs = admin
        .gql(
            "{ organizations { totalCount } users { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(orgs.ok()["organizations"]["totalCount"], 6);
    assert!(orgs.ok()["users"]["totalCount"].as_i64().unwrap() >= 15);
}
