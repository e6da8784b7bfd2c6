//! A forgotten password: the administrator resets it to a random temporary
//! one shown once, every session of the user ends, the user must choose
//! their own password, and the reset is in the audit trail.

use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::json;
use ponte_tests::{on_both_databases, TestApp, TestDb, PASSWORD};

on_both_databases!(
    a_reset_password_is_temporary_and_ends_every_session,
    only_an_admin_resets_a_password,
);

const RESET: &str = "mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { temporaryPassword user { id mustChangePassword } } }";
const CHANGE: &str = "mutation($input: ChangePasswordInput!) { changePassword(input: $input) }";

async fn a_reset_password_is_temporary_and_ends_every_session(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let user_id = app
        .make_user("sara@comune.test", Role::Operator, None)
        .await;
    let laptop = app.client();
    laptop.login_ok("sara@comune.test", PASSWORD).await;

    let reset = admin
        .gql(RESET, json!({ "input": { "userId": user_id } }))
        .await;
    let temporary = reset.ok()["resetUserPassword"]["temporaryPassword"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(temporary.len(), 19, "{temporary}");
    assert_eq!(
        reset.ok()["resetUserPassword"]["user"]["mustChangePassword"],
        true
    );
    assert!(laptop.me().await.is_null(), "the user's session ended");
    app.client()
        .login("sara@comune.test", PASSWORD)
        .await
        .expect_code("UNAUTHENTICATED");

    let user = app.client();
    user.login_ok("sara@comune.test", &temporary).await;
    assert_eq!(must_change(&user).await, true);
    user.gql(
        CHANGE,
        json!({ "input": { "currentPassword": temporary, "newPassword": "la-mia-password-nuova" } }),
    )
    .await
    .ok();
    assert_eq!(must_change(&user).await, false);
    app.client()
        .login("sara@comune.test", &temporary)
        .await
        .expect_code("UNAUTHENTICATED");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'PASSWORD_RESET' AND actor_user_id IS NOT NULL")
            .await,
        1
    );
    // A second reset gives another password.
    let again = admin
        .gql(RESET, json!({ "input": { "userId": user_id } }))
        .await;
    assert_ne!(
        again.ok()["resetUserPassword"]["temporaryPassword"],
        json!(temporary)
    );
}

async fn must_change(client: &ponte_tests::Client) -> ponte_tests::serde_json::Value {
    client
        .gql("{ me { mustChangePassword } }", json!({}))
        .await
        .ok()["me"]["mustChangePassword"]
        .clone()
}

async fn only_an_admin_resets_a_password(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let user_id = app
        .make_user("sara@comune.test", Role::Operator, None)
        .await;
    for (email, role) in [
        ("op@asst.test", Role::Operator),
        ("auditor@asst.test", Role::Auditor),
        ("reporter@asst.test", Role::Reporter),
    ] {
        app.make_user(email, role, None).await;
        let client = app.client();
        client.login_ok(email, PASSWORD).await;
        client
            .gql(RESET, json!({ "input": { "userId": user_id } }))
            .await
            .expect_code("FORBIDDEN");
    }
    app.client()
        .gql(RESET, json!({ "input": { "userId": user_id } }))
        .await
        .expect_code("UNAUTHENTICATED");
    app.client().login_ok("sara@comune.test", PASSWORD).await;
}
