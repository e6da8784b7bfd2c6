use std::time::Duration;

use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::json;
use ponte_tests::{on_both_databases, session_cookie, Client, TestApp, TestDb, PASSWORD};

on_both_databases!(
    signing_in_shows_me_and_signing_out_refuses_the_old_cookie,
    the_session_id_changes_at_sign_in,
    the_session_cookie_is_http_only_and_strict,
    behind_https_the_cookie_is_secure_and_host_prefixed,
    a_wrong_password_and_an_unknown_email_get_the_same_answer,
    five_failures_throttle_sign_in_until_the_window_passes,
    a_password_change_ends_the_other_sessions,
    a_deactivated_user_is_locked_out_at_once,
    a_session_past_its_maximum_lifetime_is_refused,
    an_idle_session_ends_and_each_request_starts_its_idle_time_over,
    sign_in_success_and_failure_are_audited,
);

async fn signing_in_shows_me_and_signing_out_refuses_the_old_cookie(db: TestDb) {
    let app = TestApp::spawn(db).await;
    app.make_user("anna.rossi@comune.test", Role::Operator, None)
        .await;
    let browser = app.client();
    assert!(browser.me().await.is_null(), "nobody is signed in yet");

    let login = browser.login_ok("Anna.Rossi@Comune.test", PASSWORD).await;
    assert_eq!(login.ok()["login"]["email"], "anna.rossi@comune.test");
    let cookie = session_cookie(&login.set_cookie).expect("a session cookie");
    assert_eq!(browser.me().await["email"], "anna.rossi@comune.test");

    let logout = browser.gql("mutation { logout }", json!({})).await;
    assert_eq!(logout.ok()["logout"], true);
    assert!(browser.me().await.is_null());

    // Someone who copied the cookie before sign-out gets nothing with it.
    let replay = raw_me(&app, &cookie).await;
    assert!(replay["data"]["me"].is_null(), "{replay}");
}

async fn raw_me(app: &TestApp, cookie: &str) -> ponte_tests::serde_json::Value {
    reqwest::Client::new()
        .post(format!("{}/graphql", app.base_url))
        .header("X-Ponte-CSRF", "1")
        .header("Cookie", cookie)
        .json(&json!({ "query": "{ me { email } }" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn the_session_id_changes_at_sign_in(db: TestDb) {
    let app = TestApp::spawn(db).await;
    app.make_user("marco@asst.test", Role::Operator, None).await;
    let browser = app.client();
    let first = session_cookie(
        &browser
            .login_ok("marco@asst.test", PASSWORD)
            .await
            .set_cookie,
    )
    .unwrap();
    // Signing in again over an existing session (a planted one, say) issues a new id.
    let second = session_cookie(
        &browser
            .login_ok("marco@asst.test", PASSWORD)
            .await
            .set_cookie,
    )
    .unwrap();
    assert_ne!(first, second);
    assert!(
        raw_me(&app, &first).await["data"]["me"].is_null(),
        "the old id is dead"
    );
    assert_eq!(
        raw_me(&app, &second).await["data"]["me"]["email"],
        "marco@asst.test"
    );
}

async fn the_session_cookie_is_http_only_and_strict(db: TestDb) {
    let app = TestApp::spawn(db).await;
    app.make_user("lucia@asst.test", Role::Operator, None).await;
    let login = app.client().login_ok("lucia@asst.test", PASSWORD).await;
    let header = login
        .set_cookie
        .iter()
        .find(|c| c.starts_with("ponte_session="))
        .expect("session cookie")
        .to_lowercase();
    assert!(header.contains("httponly"), "{header}");
    assert!(header.contains("samesite=strict"), "{header}");
    assert!(header.contains("path=/"), "{header}");
    assert!(
        !header.contains("secure;") && !header.ends_with("secure"),
        "plain http: {header}"
    );
}

async fn behind_https_the_cookie_is_secure_and_host_prefixed(db: TestDb) {
    let app = TestApp::spawn_with(db, |c| c.cookie_secure = true).await;
    app.make_user("lucia@asst.test", Role::Operator, None).await;
    let login = app.client().login_ok("lucia@asst.test", PASSWORD).await;
    let header = login
        .set_cookie
        .iter()
        .find(|c| c.contains("ponte_session="))
        .expect("session cookie");
    assert!(header.starts_with("__Host-ponte_session="), "{header}");
    let lower = header.to_lowercase();
    assert!(
        lower.contains("secure") && lower.contains("httponly") && lower.contains("samesite=strict")
    );
    assert!(
        !lower.contains("domain="),
        "__Host- cookies carry no Domain: {header}"
    );
}

async fn a_wrong_password_and_an_unknown_email_get_the_same_answer(db: TestDb) {
    let app = TestApp::spawn(db).await;
    app.make_user("paolo@asst.test", Role::Operator, None).await;
    let browser = app.client();
    let wrong = browser.login("paolo@asst.test", "not-the-password").await;
    let unknown = browser.login("nessuno@asst.test", "not-the-password").await;
    wrong.expect_code("UNAUTHENTICATED");
    unknown.expect_code("UNAUTHENTICATED");
    assert_eq!(wrong.message(), unknown.message());
    assert!(wrong.data().is_null() || wrong.data()["login"].is_null());
    assert!(browser.me().await.is_null());
}

async fn five_failures_throttle_sign_in_until_the_window_passes(db: TestDb) {
    // The default window, 15 minutes: however slow the machine, the
    // failures all fall inside it until the clock is moved past it.
    let app = TestApp::spawn(db).await;
    app.make_user("giulia@asst.test", Role::Operator, None)
        .await;
    let browser = app.client();
    for _ in 0..5 {
        browser
            .login("giulia@asst.test", "tentativo-sbagliato")
            .await
            .expect_code("UNAUTHENTICATED");
    }
    // Now even the right password is refused, and so is a differently-cased email.
    browser
        .login("giulia@asst.test", PASSWORD)
        .await
        .expect_code("RATE_LIMITED");
    browser
        .login("GIULIA@asst.test", PASSWORD)
        .await
        .expect_code("RATE_LIMITED");
    // Other accounts are not affected.
    app.make_user("altro@asst.test", Role::Operator, None).await;
    app.client().login_ok("altro@asst.test", PASSWORD).await;

    app.clock
        .advance(app.config.login_window + Duration::from_secs(1));
    browser.login_ok("giulia@asst.test", PASSWORD).await;
    // A success clears the count: one more failure does not lock again.
    browser
        .login("giulia@asst.test", "tentativo-sbagliato")
        .await
        .expect_code("UNAUTHENTICATED");
    browser.login_ok("giulia@asst.test", PASSWORD).await;
}

async fn a_password_change_ends_the_other_sessions(db: TestDb) {
    let app = TestApp::spawn(db).await;
    app.make_user("sara@comune.test", Role::Operator, None)
        .await;
    let laptop = app.client();
    let phone = app.client();
    laptop.login_ok("sara@comune.test", PASSWORD).await;
    phone.login_ok("sara@comune.test", PASSWORD).await;

    let change = |current: &str, new: &str| json!({ "input": { "currentPassword": current, "newPassword": new } });
    let query = "mutation($input: ChangePasswordInput!) { changePassword(input: $input) }";
    let wrong = laptop
        .gql(
            query,
            change("sbagliata-sbagliata", "nuova-password-sicura"),
        )
        .await;
    wrong.expect_code("VALIDATION");
    assert_eq!(wrong.field(), Some("currentPassword"));
    let short = laptop.gql(query, change(PASSWORD, "corta")).await;
    short.expect_code("VALIDATION");
    assert_eq!(short.field(), Some("newPassword"));

    laptop
        .gql(query, change(PASSWORD, "nuova-password-sicura"))
        .await
        .ok();
    assert_eq!(
        laptop.me().await["email"],
        "sara@comune.test",
        "this session goes on"
    );
    assert!(phone.me().await.is_null(), "the other session ended");
    app.client()
        .login("sara@comune.test", PASSWORD)
        .await
        .expect_code("UNAUTHENTICATED");
    app.client()
        .login_ok("sara@comune.test", "nuova-password-sicura")
        .await;
}

async fn a_deactivated_user_is_locked_out_at_once(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let user_id = app.make_user("ex@comune.test", Role::Operator, None).await;
    let user = app.client();
    user.login_ok("ex@comune.test", PASSWORD).await;

    admin
        .gql(
            "mutation($input: UpdateUserInput!) { updateUser(input: $input) { active version } }",
            json!({ "input": { "userId": user_id, "expectedVersion": 1, "active": false } }),
        )
        .await
        .ok();
    assert!(
        user.me().await.is_null(),
        "the open session stopped working"
    );
    user.login("ex@comune.test", PASSWORD)
        .await
        .expect_code("UNAUTHENTICATED");
}

async fn a_session_past_its_maximum_lifetime_is_refused(db: TestDb) {
    // Ten minutes: long enough for any machine to sign in and ask, shorter
    // than the idle timeout (30 minutes), which must not be what ends it.
    let app = TestApp::spawn_with(db, |c| c.session_max_lifetime = Duration::from_secs(600)).await;
    app.make_user("tempo@asst.test", Role::Operator, None).await;
    let browser = app.client();
    browser.login_ok("tempo@asst.test", PASSWORD).await;
    assert!(!browser.me().await.is_null());
    app.clock
        .advance(app.config.session_max_lifetime + Duration::from_secs(1));
    assert!(
        browser.me().await.is_null(),
        "even an active session ends at its absolute lifetime"
    );
}

async fn an_idle_session_ends_and_each_request_starts_its_idle_time_over(db: TestDb) {
    // The default idle timeout, 30 minutes, counted on the app's clock.
    let app = TestApp::spawn(db).await;
    app.make_user("pausa@asst.test", Role::Operator, None).await;
    let browser = app.client();
    browser.login_ok("pausa@asst.test", PASSWORD).await;
    app.clock.advance(Duration::from_secs(20 * 60));
    assert!(!browser.me().await.is_null(), "20 minutes idle");
    app.clock.advance(Duration::from_secs(20 * 60));
    assert!(
        !browser.me().await.is_null(),
        "40 minutes since sign-in, 20 since the last request"
    );
    app.clock.advance(Duration::from_secs(31 * 60));
    assert!(
        browser.me().await.is_null(),
        "31 minutes idle: the session ended"
    );
}

async fn sign_in_success_and_failure_are_audited(db: TestDb) {
    let app = TestApp::spawn(db).await;
    app.make_user("audit@asst.test", Role::Operator, None).await;
    let browser: Client = app.client();
    browser
        .login("audit@asst.test", "sbagliata-sbagliata")
        .await;
    browser.login_ok("audit@asst.test", PASSWORD).await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'LOGIN_FAILED'")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'LOGIN_SUCCEEDED' AND actor_user_id IS NOT NULL AND client_addr = '127.0.0.1' AND request_id IS NOT NULL").await,
        1
    );
}
