use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, TestApp, TestDb};

on_both_databases!(
    an_over_deep_query_is_refused,
    an_alias_flood_is_refused_by_the_complexity_limit,
    a_mutation_over_get_is_refused,
    a_wrong_content_type_is_refused,
    a_missing_csrf_header_is_refused,
    a_foreign_origin_is_refused_and_our_own_accepted,
    an_oversized_body_is_refused,
    a_batch_of_operations_is_refused,
    introspection_is_off_unless_enabled,
    database_error_text_never_reaches_the_client,
    x_forwarded_for_names_the_client_only_behind_a_trusted_proxy,
    a_request_id_sent_by_a_client_is_not_what_the_audit_trail_stores,
    a_value_that_is_not_its_scalar_is_a_validation_error_on_its_field,
    a_declared_variable_left_out_is_a_validation_error_naming_it,
);

async fn post_raw(app: &TestApp, headers: &[(&str, &str)], body: String) -> (u16, Value) {
    let mut request = reqwest::Client::new()
        .post(format!("{}/graphql", app.base_url))
        .body(body);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

const JSON: (&str, &str) = ("Content-Type", "application/json");
const CSRF: (&str, &str) = ("X-Ponte-CSRF", "1");

async fn an_over_deep_query_is_refused(db: TestDb) {
    let app = TestApp::spawn(db).await;
    // Twelve levels: organizations, nodes, nine parents, name (not through
    // `__schema`, which is refused first when introspection is off).
    let deep = format!(
        "{{ organizations {{ nodes {{ {} name {} }} }} }}",
        "parent { ".repeat(9),
        "} ".repeat(9)
    );
    let response = app.client().gql(&deep, json!({})).await;
    assert!(
        response.message().contains("nested too deep"),
        "{}",
        response.body
    );
    response.expect_code("BAD_REQUEST");
    assert!(response.data().is_null());
}

async fn an_alias_flood_is_refused_by_the_complexity_limit(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let aliases: String = (0..300)
        .map(|i| format!("a{i}: me {{ id email }} "))
        .collect();
    let response = app
        .client()
        .gql(&format!("{{ {aliases} }}"), json!({}))
        .await;
    assert!(
        response.message().starts_with("Troppe richieste in una"),
        "{}",
        response.body
    );
    response.expect_code("TOO_COMPLEX");
    // A reasonable query still passes.
    app.client()
        .gql("{ a: me { id } b: me { email } }", json!({}))
        .await
        .ok();
}

async fn a_mutation_over_get_is_refused(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let response = reqwest::Client::new()
        .get(format!("{}/graphql", app.base_url))
        .query(&[("query", "mutation { logout }")])
        .header("X-Ponte-CSRF", "1")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 405);
}

async fn a_wrong_content_type_is_refused(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let body = json!({ "query": "{ me { id } }" }).to_string();
    let (status, answer) =
        post_raw(&app, &[("Content-Type", "text/plain"), CSRF], body.clone()).await;
    assert_eq!(status, 415, "{answer}");
    let (status, _) = post_raw(
        &app,
        &[("Content-Type", "application/x-www-form-urlencoded"), CSRF],
        body,
    )
    .await;
    assert_eq!(status, 415);
}

async fn a_missing_csrf_header_is_refused(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let body = json!({ "query": "{ me { id } }" }).to_string();
    let (status, body_json) = post_raw(&app, &[JSON], body.clone()).await;
    assert_eq!(status, 403);
    assert_eq!(body_json["errors"][0]["extensions"]["code"], "FORBIDDEN");
    let (status, _) = post_raw(&app, &[JSON, ("X-Ponte-CSRF", "0")], body).await;
    assert_eq!(status, 403);
}

async fn a_foreign_origin_is_refused_and_our_own_accepted(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let body = json!({ "query": "{ me { id } }" }).to_string();
    let (status, _) = post_raw(
        &app,
        &[JSON, CSRF, ("Origin", "https://evil.example")],
        body.clone(),
    )
    .await;
    assert_eq!(status, 403);
    let own = app.base_url.clone();
    let (status, body) = post_raw(&app, &[JSON, CSRF, ("Origin", own.as_str())], body).await;
    assert_eq!(status, 200, "{body}");
    assert!(body["data"]["me"].is_null());
}

async fn an_oversized_body_is_refused(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let padding = " ".repeat(70 * 1024);
    let body = json!({ "query": format!("{{ me {{ id }} {padding} }}") }).to_string();
    let (status, _) = post_raw(&app, &[JSON, CSRF], body).await;
    assert_eq!(status, 413);
}

async fn a_batch_of_operations_is_refused(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let batch = json!([{ "query": "{ me { id } }" }, { "query": "{ me { id } }" }]).to_string();
    let (status, _) = post_raw(&app, &[JSON, CSRF], batch).await;
    assert_eq!(status, 400);
}

async fn introspection_is_off_unless_enabled(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let query = "{ __schema { queryType { name } } }";
    let off = app.client().gql(query, json!({})).await;
    assert!(off.body["data"]["__schema"].is_null(), "{}", off.body);
    let graphiql = reqwest::get(format!("{}/graphql", app.base_url))
        .await
        .unwrap();
    assert_eq!(graphiql.status().as_u16(), 405);

    let demo = TestApp::spawn_with(db, |c| c.graphiql = true).await;
    let on = demo.client().gql(query, json!({})).await;
    assert_eq!(on.ok()["__schema"]["queryType"]["name"], "QueryRoot");
    let page = reqwest::get(format!("{}/graphql", demo.base_url))
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    assert!(page.text().await.unwrap().contains("graphiql"));
}

async fn database_error_text_never_reaches_the_client(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    use sea_orm::ConnectionTrait;
    app.db
        .execute_unprepared("ALTER TABLE organizations RENAME TO organizations_gone")
        .await
        .unwrap();
    let response = admin
        .gql("{ organizations { totalCount nodes { id } } }", json!({}))
        .await;
    response.expect_code("INTERNAL");
    // The path echoes the client's own query; the message and extensions are ours.
    let error = &response.body["errors"][0];
    let text = format!("{} {}", error["message"], error["extensions"]).to_lowercase();
    assert!(
        response.message().starts_with("errore interno (rif. "),
        "{text}"
    );
    for leak in [
        "organizations",
        "no such table",
        "does not exist",
        "sqlx",
        "select",
        "database",
    ] {
        assert!(!text.contains(leak), "{leak} leaked: {text}");
    }
    assert!(response.body["errors"][0]["extensions"]["correlationId"].is_string());
}

/// A failed sign-in as a proxy would pass it on; returns the client address
/// the audit trail recorded for it.
async fn failed_login_recorded_from(app: &TestApp, forwarded_for: &str) -> Vec<String> {
    let body = json!({
        "query": "mutation($input: LoginInput!) { login(input: $input) { id } }",
        "variables": { "input": { "email": "nessuno@ponte.test", "password": "password-sbagliata" } },
    });
    let (status, _) = post_raw(
        app,
        &[JSON, CSRF, ("X-Forwarded-For", forwarded_for)],
        body.to_string(),
    )
    .await;
    assert_eq!(status, 200);
    app.rows("SELECT client_addr FROM audit_events WHERE action = 'LOGIN_FAILED'")
        .await
        .iter()
        .map(|row| row["client_addr"].as_str().unwrap().to_owned())
        .collect()
}

async fn x_forwarded_for_names_the_client_only_behind_a_trusted_proxy(db: TestDb) {
    // Without PONTE_TRUSTED_PROXIES anyone could write the header: it is ignored.
    let app = TestApp::spawn(db).await;
    assert_eq!(
        failed_login_recorded_from(&app, "203.0.113.7").await,
        vec!["127.0.0.1"]
    );

    // Behind a trusted proxy the client is the nearest untrusted hop, not a
    // value the client itself put further left.
    let app = TestApp::spawn_with(db, |c| {
        c.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()]
    })
    .await;
    assert_eq!(
        failed_login_recorded_from(&app, "1.2.3.4, 203.0.113.7").await,
        vec!["203.0.113.7"]
    );
}

/// A failed sign-in sent with `X-Request-Id: sent`; the id the response
/// carries and the ids the audit trail recorded.
async fn request_ids_after_sending(app: &TestApp, sent: &str) -> (String, Vec<String>) {
    let response = reqwest::Client::new()
        .post(format!("{}/graphql", app.base_url))
        .header("Content-Type", "application/json")
        .header("X-Ponte-CSRF", "1")
        .header("X-Request-Id", sent)
        .body(
            json!({
                "query": "mutation($input: LoginInput!) { login(input: $input) { id } }",
                "variables": { "input": { "email": "nessuno@ponte.test", "password": "password-sbagliata" } },
            })
            .to_string(),
        )
        .send()
        .await
        .unwrap();
    let answered = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let stored = app
        .rows("SELECT request_id FROM audit_events WHERE action = 'LOGIN_FAILED'")
        .await
        .iter()
        .map(|row| row["request_id"].as_str().unwrap().to_owned())
        .collect();
    (answered, stored)
}

async fn a_request_id_sent_by_a_client_is_not_what_the_audit_trail_stores(db: TestDb) {
    // A client would choose the id its actions are filed under: we make our own.
    let app = TestApp::spawn(db).await;
    let (answered, stored) = request_ids_after_sending(&app, "id-scelto-dal-client").await;
    assert_ne!(answered, "id-scelto-dal-client");
    assert!(uuid::Uuid::parse_str(&answered).is_ok(), "{answered}");
    assert_eq!(stored, vec![answered]);

    // A trusted reverse proxy's id is kept, to follow a request through both logs.
    let app = TestApp::spawn_with(db, |c| {
        c.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()]
    })
    .await;
    let (answered, stored) = request_ids_after_sending(&app, "proxy-7f3a").await;
    assert_eq!(answered, "proxy-7f3a");
    assert_eq!(stored, vec!["proxy-7f3a"]);
}

async fn a_value_that_is_not_its_scalar_is_a_validation_error_on_its_field(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let client = app.client();
    // Arguments are parsed before any resolver runs, so even before sign-in.
    let consent = client
        .gql(
            "mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }",
            json!({ "input": { "projectId": "01a20a65-ce67-7309-ae25-62ab0679ac39", "expectedVersion": 1, "date": "2026-02-30", "method": "SIGNED_PAPER" } }),
        )
        .await;
    consent.expect_code("VALIDATION");
    assert_eq!(consent.field(), Some("date"));
    assert_eq!(
        consent.message(),
        "data non valida: usa il formato AAAA-MM-GG"
    );

    let audit = client
        .gql(
            "query($person: ID!, $from: DateTime) { auditTrail(personId: $person, from: $from, first: 5) { totalCount } }",
            json!({ "person": "01a20a65-ce67-7309-ae25-62ab0679ac39", "from": "ieri" }),
        )
        .await;
    audit.expect_code("VALIDATION");
    assert_eq!(audit.field(), Some("from"));
    assert!(
        audit.message().starts_with("data e ora non valide"),
        "{}",
        audit.body
    );
}

async fn a_declared_variable_left_out_is_a_validation_error_naming_it(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let anonymous = app.client();
    let answer = anonymous
        .gql(
            "mutation($input: LoginInput!) { login(input: $input) { id } }",
            json!({}),
        )
        .await;
    assert_eq!(answer.status, 200);
    answer.expect_code("VALIDATION");
    assert_eq!(answer.field(), Some("input"));
    assert_eq!(answer.message(), "Manca il valore di $input");
}
