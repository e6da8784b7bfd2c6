//! Sign-in under attack: parallel guesses on one account, spraying many
//! accounts from one address, floods of password checks, guesses through
//! `changePassword`, and what the audit trail keeps of the typed text.

use std::time::Duration;

use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, TestApp, TestDb, PASSWORD};

on_both_databases!(
    twenty_four_parallel_wrong_passwords_are_checked_at_most_five_times,
    spraying_many_emails_from_one_address_hits_the_address_ceiling,
    sign_ins_beyond_the_free_password_checks_are_rate_limited,
    wrong_current_passwords_throttle_change_password_and_sign_in,
    a_failed_sign_in_on_an_unknown_email_keeps_none_of_the_typed_text,
    attempts_past_the_window_are_pruned,
);

/// Sends every sign-in at once, each from its own browser; the answers'
/// codes (`None` for a success), in no particular order.
async fn sign_in_together(app: &TestApp, attempts: Vec<(String, String)>) -> Vec<Option<String>> {
    let mut together = tokio::task::JoinSet::new();
    for (email, password) in attempts {
        let browser = app.client();
        together.spawn(async move {
            browser
                .login(&email, &password)
                .await
                .code()
                .map(str::to_owned)
        });
    }
    together.join_all().await
}

fn count_of(codes: &[Option<String>], code: Option<&str>) -> usize {
    codes.iter().filter(|c| c.as_deref() == code).count()
}

async fn audited(app: &TestApp, action: &str) -> i64 {
    app.count(&format!(
        "SELECT COUNT(*) FROM audit_events WHERE action = '{action}'"
    ))
    .await
}

async fn twenty_four_parallel_wrong_passwords_are_checked_at_most_five_times(db: TestDb) {
    let app = TestApp::spawn(db).await;
    assert_eq!(app.config.login_max_failures, 5);
    let email = "bersaglio@asst.test";
    app.make_user(email, Role::Operator, None).await;

    let guesses = (0..24)
        .map(|i| (email.to_owned(), format!("indovina-{i}-sbagliata")))
        .collect();
    let codes = sign_in_together(&app, guesses).await;
    let checked = count_of(&codes, Some("UNAUTHENTICATED"));
    let refused = count_of(&codes, Some("RATE_LIMITED"));
    assert_eq!(checked + refused, 24, "{codes:?}");
    assert!(checked <= 5, "{checked} guesses were checked: {codes:?}");
    // Every check that ran is one failed attempt and one LOGIN_FAILED event.
    assert_eq!(audited(&app, "LOGIN_FAILED").await, checked as i64);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM login_attempts").await,
        checked as i64
    );
    assert_eq!(audited(&app, "LOGIN_THROTTLED").await, refused as i64);

    // Refusals in a burst may leave some of the five unspent: spend them, one
    // by one, and then the right password is refused as well.
    let browser = app.client();
    for _ in checked..5 {
        browser
            .login(email, "ancora-sbagliata")
            .await
            .expect_code("UNAUTHENTICATED");
    }
    browser
        .login(email, PASSWORD)
        .await
        .expect_code("RATE_LIMITED");
    assert_eq!(audited(&app, "LOGIN_FAILED").await, 5);
}

/// A sign-in as a trusted proxy passes it on for `client`; the answer's code.
async fn login_from(app: &TestApp, client: &str, email: &str, password: &str) -> Option<String> {
    let body: Value = reqwest::Client::new()
        .post(format!("{}/graphql", app.base_url))
        .header("X-Ponte-CSRF", "1")
        .header("X-Forwarded-For", client)
        .json(&json!({
            "query": "mutation($input: LoginInput!) { login(input: $input) { id } }",
            "variables": { "input": { "email": email, "password": password } },
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .map(str::to_owned)
}

async fn spraying_many_emails_from_one_address_hits_the_address_ceiling(db: TestDb) {
    let app = TestApp::spawn_with(db, |c| {
        c.login_max_failures_per_address = 3;
        c.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    })
    .await;
    app.make_user("vera@asst.test", Role::Operator, None).await;
    let sprayer = "203.0.113.7";
    // One common password tried on many accounts: each email fails only once.
    for i in 0..3 {
        let email = format!("utente{i}@asst.test");
        assert_eq!(
            login_from(&app, sprayer, &email, "Primavera2026!")
                .await
                .as_deref(),
            Some("UNAUTHENTICATED")
        );
    }
    for i in 3..8 {
        let email = format!("utente{i}@asst.test");
        assert_eq!(
            login_from(&app, sprayer, &email, "Primavera2026!")
                .await
                .as_deref(),
            Some("RATE_LIMITED"),
            "attempt {i}"
        );
    }
    assert_eq!(
        audited(&app, "LOGIN_FAILED").await,
        3,
        "only three were checked"
    );
    // The address is throttled, whoever signs in from it; other addresses are not.
    assert_eq!(
        login_from(&app, sprayer, "vera@asst.test", PASSWORD)
            .await
            .as_deref(),
        Some("RATE_LIMITED")
    );
    assert_eq!(
        login_from(&app, "198.51.100.20", "vera@asst.test", PASSWORD).await,
        None
    );
}

async fn sign_ins_beyond_the_free_password_checks_are_rate_limited(db: TestDb) {
    // One check at a time and no waiting for it: the rest are answered at once.
    let app = TestApp::spawn_with(db, |c| {
        c.password_checks = 1;
        c.password_check_wait = Duration::ZERO;
    })
    .await;
    app.make_user("paziente@asst.test", Role::Operator, None)
        .await;
    // Sixteen different emails, so that no per-email limit is in the way.
    let crowd = (0..16)
        .map(|i| (format!("folla{i}@asst.test"), "Primavera2026!".to_owned()))
        .collect();
    let codes = sign_in_together(&app, crowd).await;
    let checked = count_of(&codes, Some("UNAUTHENTICATED"));
    let refused = count_of(&codes, Some("RATE_LIMITED"));
    assert_eq!(checked + refused, 16, "{codes:?}");
    assert!(checked >= 1, "{codes:?}");
    assert!(
        refused >= 1,
        "sixteen checks at once on one permit: {codes:?}"
    );
    // A sign-in refused for want of a free check was never checked: it is
    // not counted as a failure, and the trail says why it was refused.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM login_attempts").await,
        checked as i64
    );
    let busy = app
        .rows("SELECT details FROM audit_events WHERE action = 'LOGIN_THROTTLED'")
        .await;
    assert_eq!(busy.len(), refused);
    assert!(
        busy.iter().all(|row| row.to_string().contains("busy")),
        "{busy:?}"
    );
    // Once the crowd is gone a sign-in gets its check.
    app.client().login_ok("paziente@asst.test", PASSWORD).await;
}

const CHANGE_PASSWORD: &str =
    "mutation($input: ChangePasswordInput!) { changePassword(input: $input) }";

fn change(current: &str, new: &str) -> Value {
    json!({ "input": { "currentPassword": current, "newPassword": new } })
}

async fn wrong_current_passwords_throttle_change_password_and_sign_in(db: TestDb) {
    // The default window, 15 minutes, passed by moving the clock.
    let app = TestApp::spawn(db).await;
    let email = "sessione.rubata@comune.test";
    app.make_user(email, Role::Operator, None).await;
    // Someone at an unlocked, signed-in computer guesses the current password.
    let browser = app.client();
    browser.login_ok(email, PASSWORD).await;
    for i in 0..5 {
        let wrong = browser
            .gql(
                CHANGE_PASSWORD,
                change(&format!("forse-questa-{i}"), "nuova-password-sicura"),
            )
            .await;
        wrong.expect_code("VALIDATION");
        assert_eq!(wrong.field(), Some("currentPassword"));
    }
    browser
        .gql(
            CHANGE_PASSWORD,
            change("forse-questa-6", "nuova-password-sicura"),
        )
        .await
        .expect_code("RATE_LIMITED");
    // Even the right one is refused now, and the password did not change.
    browser
        .gql(CHANGE_PASSWORD, change(PASSWORD, "nuova-password-sicura"))
        .await
        .expect_code("RATE_LIMITED");
    // The guesses were on the account: its sign-in is throttled as well.
    app.client()
        .login(email, PASSWORD)
        .await
        .expect_code("RATE_LIMITED");

    app.clock
        .advance(app.config.login_window + Duration::from_secs(1));
    browser
        .gql(CHANGE_PASSWORD, change(PASSWORD, "nuova-password-sicura"))
        .await
        .ok();
    app.client().login_ok(email, "nuova-password-sicura").await;
}

async fn a_failed_sign_in_on_an_unknown_email_keeps_none_of_the_typed_text(db: TestDb) {
    let app = TestApp::spawn(db).await;
    app.make_user("noemi@asst.test", Role::Operator, None).await;
    let browser = app.client();
    // A password typed into the email field, six times: five checks, one throttled.
    for _ in 0..6 {
        browser
            .login("Segreto-Di-Noemi-2026", "Segreto-Di-Noemi-2026")
            .await;
    }
    browser.login("noemi@asst.test", "password-sbagliata").await;

    let trail = app
        .rows(
            "SELECT action, entity_id, details FROM audit_events \
             WHERE action IN ('LOGIN_FAILED', 'LOGIN_THROTTLED') ORDER BY occurred_at, id",
        )
        .await;
    assert_eq!(trail.len(), 7, "{trail:?}");
    for row in &trail[..6] {
        let text = row.to_string().to_lowercase();
        assert!(!text.contains("segreto"), "the typed text was kept: {text}");
        assert!(row["entity_id"].is_null(), "{row}");
    }
    // An attempt on a real account names it.
    let known = trail[6].to_string();
    assert!(known.contains("noemi@asst.test"), "{known}");
    assert!(!trail[6]["entity_id"].is_null(), "{known}");
}

async fn attempts_past_the_window_are_pruned(db: TestDb) {
    let app = TestApp::spawn(db).await;
    app.make_user("vecchia@asst.test", Role::Operator, None)
        .await;
    let browser = app.client();
    browser.login("vecchia@asst.test", "sbagliata-1").await;
    browser.login("altra@asst.test", "sbagliata-2").await;
    assert_eq!(app.count("SELECT COUNT(*) FROM login_attempts").await, 2);
    app.clock
        .advance(app.config.login_window + Duration::from_secs(1));
    browser.login_ok("vecchia@asst.test", PASSWORD).await;
    // Only the attempt inside the window is left: the older ones say nothing any more.
    assert_eq!(app.count("SELECT COUNT(*) FROM login_attempts").await, 1);
}
