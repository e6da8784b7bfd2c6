//! Service accounts (issue 18.1): an ADMIN makes one for an organization
//! and sees its token once; the token opens the machine endpoints only,
//! within its scopes, its lifetime and its account's rate; rotation leaves
//! the old token a day, revocation and deactivation end it at once; a token
//! never reaches `/graphql`. Every refusal a known token meets is in its
//! account's trail.

use std::time::Duration;

use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

on_both_databases!(
    a_token_is_shown_once_works_and_is_listed_without_its_secret,
    a_rotation_overlaps_a_day_and_a_revocation_ends_at_once,
    expired_inactive_and_out_of_scope_tokens_are_refused,
    a_bearer_token_never_reaches_graphql_nor_makes_a_session,
    past_its_rate_an_account_waits,
    only_an_admin_manages_service_accounts_and_inputs_are_checked,
);

pub(crate) const CREATE: &str = "mutation($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { token tokenInfo { id prefix expiresAt lastUsedAt } account { id name scopes active version organization { id } tokens { id prefix } } } }";
const LIST: &str = "{ serviceAccounts { id name scopes active tokens { id prefix expiresAt revokedAt lastUsedAt } } }";
const ROTATE: &str = "mutation($id: ID!) { rotateServiceAccountToken(id: $id) { token tokenInfo { id prefix } account { tokens { id prefix expiresAt } } } }";
const REVOKE: &str =
    "mutation($id: ID!) { revokeServiceAccountToken(id: $id) { id tokens { id revokedAt } } }";
const DEACTIVATE: &str =
    "mutation($id: ID!) { deactivateServiceAccount(id: $id) { id active version } }";

/// An account made by `admin`: (account id, token, token id).
pub(crate) async fn service_account(
    admin: &Client,
    organization: &str,
    scopes: &[&str],
    days: i32,
) -> (String, String, String) {
    let made = admin
        .gql(
            CREATE,
            json!({ "input": { "organizationId": organization, "name": "Datawarehouse ATS", "scopes": scopes, "expiresInDays": days } }),
        )
        .await;
    let made = &made.ok()["createServiceAccount"];
    (
        made["account"]["id"].as_str().unwrap().to_owned(),
        made["token"].as_str().unwrap().to_owned(),
        made["tokenInfo"]["id"].as_str().unwrap().to_owned(),
    )
}

/// A machine's answer.
pub(crate) struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }

    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub(crate) fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    }

    /// The refusal's status and code, and its Italian message.
    pub(crate) fn refused(&self, status: u16, code: &str) -> String {
        assert_eq!(self.status, status, "{}", self.text());
        let body = self.json();
        assert_eq!(body["errors"][0]["extensions"]["code"], code, "{body}");
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

/// A call as a machine makes it: no cookies, the token as a bearer.
pub(crate) async fn machine_get(app: &TestApp, path: &str, token: Option<&str>) -> Answer {
    let request = reqwest::Client::new().get(format!("{}{path}", app.base_url));
    machine_send(request, token).await
}

/// Sends `request` as a machine, with `token` as its bearer if any.
pub(crate) async fn machine_send(
    mut request: reqwest::RequestBuilder,
    token: Option<&str>,
) -> Answer {
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("request sent");
    Answer {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.bytes().await.expect("a body").to_vec(),
    }
}

fn flow_path(territory: &str) -> String {
    format!("/export/interventions.csv?from=2026-01-01&to=2026-03-31&territory={territory}")
}

async fn a_token_is_shown_once_works_and_is_listed_without_its_secret(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let ats = app.organization(&admin, "ATS della Montagna", "ATS").await;
    let made = admin
        .gql(
            CREATE,
            json!({ "input": { "organizationId": ats, "name": "  Datawarehouse ATS ", "scopes": ["EXPORT_INTERVENTIONS", "FHIR_READ"], "expiresInDays": 30 } }),
        )
        .await;
    let made = made.ok()["createServiceAccount"].clone();
    let token = made["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("ponte_sa_"), "{token}");
    assert_eq!(token.len(), "ponte_sa_".len() + 43);
    let prefix = made["tokenInfo"]["prefix"].as_str().unwrap().to_owned();
    assert!(token.starts_with(&prefix) && prefix.len() == 17, "{prefix}");
    assert_eq!(made["account"]["name"], "Datawarehouse ATS");
    assert_eq!(
        made["account"]["scopes"],
        json!(["FHIR_READ", "EXPORT_INTERVENTIONS"])
    );
    assert_eq!(made["account"]["organization"]["id"], ats.as_str());

    // The secret is stored nowhere: its SHA-256 only.
    let stored = app
        .rows("SELECT token_hash, prefix FROM service_account_tokens")
        .await;
    assert_eq!(stored.len(), 1);
    let hash = stored[0]["token_hash"].as_str().unwrap();
    assert_eq!(hash.len(), 64);
    assert!(!hash.contains(&token[9..]));
    assert_eq!(
        app.rows("SELECT scopes FROM service_accounts").await[0]["scopes"],
        "fhir:read,export:interventions"
    );

    let answer = machine_get(&app, &flow_path(&ats), Some(&token)).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(answer
        .text()
        .starts_with("\u{feff}Id intervento;Codice fiscale;"));
    assert!(
        answer.header("set-cookie").is_empty(),
        "a token makes no session"
    );

    // The list: prefix, expiry and last use; the secret nowhere.
    let listed = admin.gql(LIST, json!({})).await;
    let text = listed.body.to_string();
    assert!(!text.contains(&token), "{text}");
    let account = &listed.ok()["serviceAccounts"][0];
    assert_eq!(account["tokens"][0]["prefix"], prefix.as_str());
    assert!(account["tokens"][0]["lastUsedAt"].is_string(), "{account}");

    // The trail: created by the admin; the download under the account.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'SERVICE_ACCOUNT_CREATED' AND actor_user_id IS NOT NULL").await,
        1
    );
    let exported = app
        .rows("SELECT actor_user_id, details FROM audit_events WHERE action = 'INTERVENTIONS_EXPORTED'")
        .await;
    assert_eq!(exported.len(), 1);
    assert!(exported[0]["actor_user_id"].is_null());
    let details = exported[0]["details"].to_string();
    assert!(
        details.contains("Datawarehouse ATS")
            && details.contains(&made["account"]["id"].as_str().unwrap()[..8]),
        "{details}"
    );
    // An auditor reads it in the trail with the account named.
    let auditor_email = "auditor@ats.test";
    app.make_user(
        auditor_email,
        ponte_server::domain::vocabulary::Role::Auditor,
        None,
    )
    .await;
    let auditor = app.client();
    auditor.login_ok(auditor_email, ponte_tests::PASSWORD).await;
    let trail = auditor
        .gql(
            "{ auditTrail(first: 50) { nodes { action actor { id } actorOrganization { id } details } } }",
            json!({}),
        )
        .await;
    let events = trail.ok()["auditTrail"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    let event = events
        .iter()
        .find(|e| e["action"] == "INTERVENTIONS_EXPORTED")
        .expect("the export in the trail");
    assert!(event["actor"].is_null());
    assert_eq!(event["actorOrganization"]["id"], ats.as_str());
    assert!(
        event["details"]
            .as_str()
            .unwrap()
            .contains("serviceAccount"),
        "{event}"
    );
}

async fn a_rotation_overlaps_a_day_and_a_revocation_ends_at_once(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let ats = app.organization(&admin, "ATS della Montagna", "ATS").await;
    let (account, old, _) = service_account(&admin, &ats, &["EXPORT_INTERVENTIONS"], 365).await;
    let rotated = admin.gql(ROTATE, json!({ "id": account })).await;
    let rotated = rotated.ok()["rotateServiceAccountToken"].clone();
    let new = rotated["token"].as_str().unwrap().to_owned();
    let new_id = rotated["tokenInfo"]["id"].as_str().unwrap().to_owned();
    assert_ne!(new, old);
    assert_eq!(rotated["account"]["tokens"].as_array().unwrap().len(), 2);
    // Both work during the overlap.
    assert_eq!(
        machine_get(&app, &flow_path(&ats), Some(&old)).await.status,
        200
    );
    assert_eq!(
        machine_get(&app, &flow_path(&ats), Some(&new)).await.status,
        200
    );
    // A day and an hour later the old one has expired.
    app.clock.advance(Duration::from_secs(25 * 3600));
    let refused = machine_get(&app, &flow_path(&ats), Some(&old)).await;
    assert_eq!(refused.refused(401, "UNAUTHENTICATED"), "Token scaduto");
    assert!(refused.header("www-authenticate").starts_with("Bearer"));
    assert_eq!(
        machine_get(&app, &flow_path(&ats), Some(&new)).await.status,
        200
    );
    // Revoked: refused at once (by an admin signed in after the day).
    let admin = app.admin().await;
    admin.gql(REVOKE, json!({ "id": new_id })).await.ok();
    let refused = machine_get(&app, &flow_path(&ats), Some(&new)).await;
    assert_eq!(refused.refused(401, "UNAUTHENTICATED"), "Token revocato");
    assert!(refused.header("www-authenticate").contains("invalid_token"));
    // Twice is a conflict.
    admin
        .gql(REVOKE, json!({ "id": new_id }))
        .await
        .expect_code("CONFLICT");
    for action in [
        "SERVICE_ACCOUNT_TOKEN_ROTATED",
        "SERVICE_ACCOUNT_TOKEN_REVOKED",
    ] {
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) FROM audit_events WHERE action = '{action}'"
            ))
            .await,
            1,
            "{action}"
        );
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'SERVICE_ACCOUNT_REFUSED'")
            .await,
        2
    );
}

async fn expired_inactive_and_out_of_scope_tokens_are_refused(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let ats = app.organization(&admin, "ATS della Montagna", "ATS").await;
    let (_, short, _) = service_account(&admin, &ats, &["EXPORT_INTERVENTIONS"], 1).await;
    let (inactive_id, inactive, _) =
        service_account(&admin, &ats, &["EXPORT_INTERVENTIONS"], 30).await;
    let (_, fhir_only, _) = service_account(&admin, &ats, &["FHIR_READ"], 30).await;
    assert_eq!(
        machine_get(&app, &flow_path(&ats), Some(&short))
            .await
            .status,
        200
    );
    assert_eq!(
        machine_get(&app, &flow_path(&ats), Some(&inactive))
            .await
            .status,
        200
    );

    // A scope the account lacks: 403, in its trail.
    let refused = machine_get(&app, &flow_path(&ats), Some(&fhir_only)).await;
    let message = refused.refused(403, "FORBIDDEN");
    assert!(message.contains("export:interventions"), "{message}");
    assert!(refused
        .header("www-authenticate")
        .contains("insufficient_scope"));
    assert!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'SERVICE_ACCOUNT_REFUSED'")
            .await
            == 1
    );

    // Deactivated: 401, and it stays so.
    let deactivated = admin.gql(DEACTIVATE, json!({ "id": inactive_id })).await;
    assert_eq!(
        deactivated.ok()["deactivateServiceAccount"]["active"],
        false
    );
    assert_eq!(deactivated.ok()["deactivateServiceAccount"]["version"], 2);
    let refused = machine_get(&app, &flow_path(&ats), Some(&inactive)).await;
    assert_eq!(
        refused.refused(401, "UNAUTHENTICATED"),
        "Service account disattivato"
    );
    admin
        .gql(ROTATE, json!({ "id": inactive_id }))
        .await
        .expect_code("CONFLICT");

    // Past its day: expired.
    app.clock.advance(Duration::from_secs(24 * 3600 + 60));
    let refused = machine_get(&app, &flow_path(&ats), Some(&short)).await;
    assert_eq!(refused.refused(401, "UNAUTHENTICATED"), "Token scaduto");

    // Unknown, mangled or absent tokens.
    let mut forged = short.clone();
    forged.pop();
    forged.push(if short.ends_with('A') { 'B' } else { 'A' });
    for token in [forged.as_str(), "ponte_sa_nope", "not-a-ponte-token"] {
        let refused = machine_get(&app, &flow_path(&ats), Some(token)).await;
        assert_eq!(refused.refused(401, "UNAUTHENTICATED"), "Token non valido");
        assert!(refused.header("www-authenticate").starts_with("Bearer"));
    }
    // No token and no session: a person's download asks to sign in.
    machine_get(&app, &flow_path(&ats), None)
        .await
        .refused(401, "UNAUTHENTICATED");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'SERVICE_ACCOUNT_REFUSED'")
            .await,
        3
    );
}

async fn a_bearer_token_never_reaches_graphql_nor_makes_a_session(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let ats = app.organization(&admin, "ATS della Montagna", "ATS").await;
    let (_, token, _) = service_account(&admin, &ats, &["EXPORT_INTERVENTIONS"], 30).await;
    let http = reqwest::Client::new();
    for csrf in [true, false] {
        let mut request = http
            .post(format!("{}/graphql", app.base_url))
            .bearer_auth(&token)
            .json(&json!({ "query": "{ me { id } }" }));
        if csrf {
            request = request.header("X-Ponte-CSRF", "1");
        }
        let response = request.send().await.expect("sent");
        assert_eq!(response.status().as_u16(), 401);
        assert!(response.headers().get("set-cookie").is_none());
        let body: Value = response.json().await.expect("JSON");
        assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
        assert!(
            body["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("/graphql"),
            "{body}"
        );
    }
    // Nor the indicators' download, a person's door.
    let refused = machine_get(
        &app,
        &format!("/export/indicators.csv?from=2026-01-01&to=2026-03-31&territoryId={ats}"),
        Some(&token),
    )
    .await;
    refused.refused(401, "UNAUTHENTICATED");
    assert!(refused.header("set-cookie").is_empty());
}

async fn past_its_rate_an_account_waits(db: TestDb) {
    let app = TestApp::spawn_with(db, |config| config.service_rate_per_minute = 3).await;
    let admin = app.admin().await;
    let ats = app.organization(&admin, "ATS della Montagna", "ATS").await;
    let (_, busy, _) = service_account(&admin, &ats, &["EXPORT_INTERVENTIONS"], 30).await;
    let (_, quiet, _) = service_account(&admin, &ats, &["EXPORT_INTERVENTIONS"], 30).await;
    for _ in 0..3 {
        assert_eq!(
            machine_get(&app, &flow_path(&ats), Some(&busy))
                .await
                .status,
            200
        );
    }
    let refused = machine_get(&app, &flow_path(&ats), Some(&busy)).await;
    refused.refused(429, "RATE_LIMITED");
    let wait: u64 = refused.header("retry-after").parse().expect("seconds");
    assert!((1..=20).contains(&wait), "{wait}");
    // Another account is not slowed by it.
    assert_eq!(
        machine_get(&app, &flow_path(&ats), Some(&quiet))
            .await
            .status,
        200
    );
}

async fn only_an_admin_manages_service_accounts_and_inputs_are_checked(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let ats = app.organization(&admin, "ATS della Montagna", "ATS").await;
    let input = |scopes: Value, days: i32, name: &str| json!({ "input": { "organizationId": ats, "name": name, "scopes": scopes, "expiresInDays": days } });
    let field = |answer: ponte_tests::Gql| {
        answer.expect_code("VALIDATION");
        answer.field().unwrap_or_default().to_owned()
    };
    assert_eq!(
        field(admin.gql(CREATE, input(json!([]), 30, "A")).await),
        "scopes"
    );
    assert_eq!(
        field(admin.gql(CREATE, input(json!(["FHIR_READ"]), 0, "A")).await),
        "expiresInDays"
    );
    assert_eq!(
        field(
            admin
                .gql(CREATE, input(json!(["FHIR_READ"]), 731, "A"))
                .await
        ),
        "expiresInDays"
    );
    assert_eq!(
        field(
            admin
                .gql(CREATE, input(json!(["FHIR_READ"]), 30, " "))
                .await
        ),
        "name"
    );
    let unknown = json!({ "input": { "organizationId": "0196a0b1-0000-7000-8000-000000000001", "name": "A", "scopes": ["FHIR_READ"], "expiresInDays": 30 } });
    assert_eq!(field(admin.gql(CREATE, unknown).await), "organizationId");
    assert_eq!(app.count("SELECT COUNT(*) FROM service_accounts").await, 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM service_account_tokens")
            .await,
        0
    );
}
