//! The SPA warns before an idle session ends: it asks `sessionPolicy` how
//! long a session lasts at least after a request, and that promise holds even
//! for a one-minute idle timeout (end-to-end runs use one).

use std::time::Duration;

use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::json;
use ponte_tests::{on_both_databases, TestApp, TestDb, PASSWORD};

on_both_databases!(
    anybody_may_ask_how_long_an_idle_session_lasts,
    a_one_minute_session_lasts_three_quarters_of_a_minute_after_each_request,
);

async fn idle_timeout_seconds(app: &TestApp) -> i64 {
    let answer = app
        .client()
        .gql("{ sessionPolicy { idleTimeoutSeconds } }", json!({}))
        .await;
    answer.ok()["sessionPolicy"]["idleTimeoutSeconds"]
        .as_i64()
        .unwrap()
}

async fn anybody_may_ask_how_long_an_idle_session_lasts(db: TestDb) {
    // The default 30 minutes: the server dates a session again once a
    // minute, so 29 minutes are certain.
    let app = TestApp::spawn(db).await;
    assert_eq!(idle_timeout_seconds(&app).await, 29 * 60);
}

async fn a_one_minute_session_lasts_three_quarters_of_a_minute_after_each_request(db: TestDb) {
    let app = TestApp::spawn_with(db, |config| {
        config.session_idle_timeout = Duration::from_secs(60);
    })
    .await;
    assert_eq!(idle_timeout_seconds(&app).await, 45);
    app.make_user("breve@asst.test", Role::Operator, None).await;
    let browser = app.client();
    browser.login_ok("breve@asst.test", PASSWORD).await;

    app.clock.advance(Duration::from_secs(20));
    assert!(!browser.me().await.is_null(), "20 seconds idle");
    // Had the request 20 seconds after sign-in not slid the session (a whole
    // minute of slack), it would end a minute after sign-in.
    app.clock.advance(Duration::from_secs(50));
    assert!(
        !browser.me().await.is_null(),
        "70 seconds since sign-in, 50 since the last request"
    );
    app.clock.advance(Duration::from_secs(61));
    assert!(browser.me().await.is_null(), "61 seconds idle: ended");
}
