use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{person_input, Desk};
use ponte_tests::{on_both_databases, TestApp, TestDb, PASSWORD};

on_both_databases!(
    every_read_and_write_of_a_person_is_in_the_audit_trail,
    the_trail_filters_by_user_and_date_range_and_pages,
);

const TRAIL: &str = "query($person: ID, $user: ID, $from: DateTime, $to: DateTime, $first: Int, $after: String) { auditTrail(personId: $person, userId: $user, from: $from, to: $to, first: $first, after: $after) { totalCount nodes { action occurredAt entityType personId requestId clientAddr actor { id } actorOrganization { id } } pageInfo { hasNextPage endCursor } } }";

pub(crate) async fn auditor(app: &TestApp) -> ponte_tests::Client {
    let email = format!("dpo{}@asst.test", uuid::Uuid::now_v7().simple());
    app.make_user(&email, Role::Auditor, None).await;
    let client = app.client();
    client.login_ok(&email, PASSWORD).await;
    client
}

fn actions(trail: &Value) -> Vec<String> {
    trail["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["action"].as_str().unwrap().to_owned())
        .collect()
}

async fn every_read_and_write_of_a_person_is_in_the_audit_trail(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let person = desk.person("Sala", "Nora", (1941, 1, 11), "F").await;
    desk.operator
        .gql(
            "query($id: ID!) { person(id: $id) { referencePersons { id } } }",
            json!({ "id": person }),
        )
        .await
        .ok();
    desk.operator
        .gql("{ persons { nodes { id } } }", json!({}))
        .await
        .ok();
    desk.operator
        .gql(
            "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }",
            json!({ "input": { "personId": person, "expectedVersion": 1, "phone": "030 1234" } }),
        )
        .await
        .ok();

    let dpo = auditor(&app).await;
    let trail = dpo.gql(TRAIL, json!({ "person": person })).await;
    let trail = trail.ok()["auditTrail"].clone();
    assert_eq!(
        actions(&trail),
        vec![
            "PERSON_UPDATED",
            "PERSON_LISTED",
            "PERSON_READ",
            "REFERRAL_CREATED",
            "PERSON_CREATED"
        ],
        "newest first"
    );
    let read = &trail["nodes"][2];
    assert_eq!(read["actor"]["id"], desk.operator_id);
    assert_eq!(read["clientAddr"], "127.0.0.1");
    assert!(read["requestId"].as_str().unwrap().len() >= 32);

    // The trail is the auditor's alone.
    for client in [&desk.operator, &desk.admin] {
        client
            .gql(TRAIL, json!({ "person": person }))
            .await
            .expect_code("FORBIDDEN");
    }
    app.client()
        .gql(TRAIL, json!({}))
        .await
        .expect_code("UNAUTHENTICATED");
}

async fn the_trail_filters_by_user_and_date_range_and_pages(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let before = chrono_now(&app).await;
    for i in 0..3 {
        app.person(
            &desk.operator,
            person_input(&desk.team_id, "Conti", "Ugo", (1950 + i, 2, 2), "M"),
        )
        .await;
    }
    let dpo = auditor(&app).await;
    let by_user = dpo
        .gql(TRAIL, json!({ "user": desk.operator_id, "first": 4 }))
        .await;
    let by_user = by_user.ok()["auditTrail"].clone();
    // Sign-in plus two events per person created.
    assert_eq!(by_user["totalCount"], 7);
    assert_eq!(by_user["nodes"].as_array().unwrap().len(), 4);
    assert_eq!(by_user["pageInfo"]["hasNextPage"], true);
    let rest = dpo
        .gql(TRAIL, json!({ "user": desk.operator_id, "first": 4, "after": by_user["pageInfo"]["endCursor"] }))
        .await;
    assert_eq!(
        rest.ok()["auditTrail"]["nodes"].as_array().unwrap().len(),
        3
    );
    assert_eq!(
        actions(&rest.ok()["auditTrail"]).last().unwrap(),
        "LOGIN_SUCCEEDED"
    );

    let window = dpo
        .gql(TRAIL, json!({ "user": desk.operator_id, "from": before }))
        .await;
    assert_eq!(
        window.ok()["auditTrail"]["totalCount"],
        6,
        "sign-in was before `from`"
    );
    let nothing = dpo
        .gql(
            TRAIL,
            json!({ "user": desk.operator_id, "to": "2000-01-01T00:00:00Z" }),
        )
        .await;
    assert_eq!(nothing.ok()["auditTrail"]["totalCount"], 0);
}

/// An instant after the operator signed in, as RFC 3339.
async fn chrono_now(_app: &TestApp) -> String {
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
