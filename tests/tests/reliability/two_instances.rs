//! Two Ponte processes on one PostgreSQL, behind a round-robin proxy of the
//! test, as behind a load balancer: a session made on one works on the
//! other and a sign-out on one ends it on both; the sign-in throttle counts
//! failures made on both; a burst of discharge reports spread over both
//! gives each member of the team each notification email exactly once (at
//! a real SMTP server), and each due reminder is queued once although both
//! instances' outbox workers look for it.

use std::time::Duration;

use async_graphql::futures_util::future::join_all;
use ponte_server::domain::vocabulary::Role;
use ponte_tests::process::PonteProcess;
use ponte_tests::serde_json::json;
use ponte_tests::smtp::SmtpServer;
use ponte_tests::{Client, PASSWORD};

use crate::proxy::TcpProxy;
use crate::report::{Row, Scale};
use crate::setting::{
    copies, discharge_ids, fresh_connections, postgres_app, same_session_at, send, Outcome, Ward,
    REPORT,
};

pub async fn run(scale: Scale) -> Vec<Row> {
    let reports: u64 = scale.pick(16, 120);
    let at_once: usize = scale.pick(8, 16);
    let app = postgres_app("two_instances").await;
    let ward = Ward::open(&app).await;
    let smtp = SmtpServer::start().await;
    let env = [
        ("PONTE_SMTP_URL", smtp.url()),
        ("PONTE_MAIL_RETRY_SECONDS", "1".into()),
    ];
    let (one, two) = tokio::join!(
        PonteProcess::start(&app.config.database_url, &env),
        PonteProcess::start(&app.config.database_url, &env),
    );
    let balancer = TcpProxy::start(vec![one.addr, two.addr]).await;
    let timeout = Duration::from_secs(30);

    // A session made on one instance works on the other; a sign-out on the
    // other ends it on both.
    let browser = Client::new(&one.base_url);
    browser.login_ok(&ward.operator_email, PASSWORD).await;
    let on_one = browser.me().await;
    let on_two = same_session_at(&browser, &two.base_url);
    assert_eq!(
        on_two.me().await,
        on_one,
        "the session works on the other instance"
    );
    let signed_out = on_two.gql("mutation { logout }", json!({})).await;
    assert_eq!(signed_out.ok()["logout"], true);
    for instance in [&browser, &on_two] {
        let me = instance.gql("{ me { id } }", json!({})).await;
        assert!(
            me.code() == Some("UNAUTHENTICATED") || me.body["data"]["me"].is_null(),
            "signed out on both: {}",
            me.body
        );
    }

    // The throttle counts failures on both instances: five wrong passwords
    // through the balancer (each on a new connection, so spread over both),
    // then even the right one is refused.
    let throttled_email = format!("bersaglio{}@asst.test", uuid::Uuid::now_v7().simple());
    app.make_user(&throttled_email, Role::Operator, None).await;
    let attacker = fresh_connections(&balancer.url(), timeout);
    let before = balancer.connections();
    for _ in 0..5 {
        attacker
            .login(&throttled_email, "una-password-sbagliata")
            .await
            .expect_code("UNAUTHENTICATED");
    }
    let spread = balancer.connections();
    assert!(
        spread[0] > before[0] && spread[1] > before[1],
        "the failures went to both instances: {before:?} → {spread:?}"
    );
    attacker
        .login(&throttled_email, PASSWORD)
        .await
        .expect_code("RATE_LIMITED");

    // A burst of reports through the balancer: half expected tomorrow, so
    // that both outbox workers find their reminder due.
    let reporter = fresh_connections(&balancer.url(), timeout);
    reporter.login_ok(&ward.ward_email, PASSWORD).await;
    let mut acknowledged = Vec::new();
    let numbers: Vec<u64> = (0..reports).collect();
    for chunk in numbers.chunks(at_once) {
        let sends = chunk.iter().map(|n| {
            let days = if n % 2 == 0 { 1 } else { 5 };
            send(&reporter, REPORT, ward.report(*n, days))
        });
        for outcome in join_all(sends).await {
            match outcome {
                Outcome::Acknowledged(body) => acknowledged.push(
                    body["data"]["reportDischarge"]["id"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                ),
                other => panic!("a report without a fault is acknowledged: {other:?}"),
            }
        }
    }
    let served = balancer.connections();
    assert!(
        served[0] > spread[0] && served[1] > spread[1],
        "the reports went to both instances: {spread:?} → {served:?}"
    );

    let stored = discharge_ids(&app).await;
    let found = acknowledged.iter().filter(|id| stored.contains(id)).count() as u64;
    // The even-numbered reports, expected tomorrow.
    let due = i64::try_from(reports.div_ceil(2)).unwrap_or(i64::MAX);
    let members = ward.members.len() as u64;
    let expected = (reports + due.unsigned_abs()) * members;
    smtp.wait_for(expected as usize, Duration::from_secs(scale.pick(40, 120)))
        .await;
    // Both workers keep polling: a second copy or reminder would come in
    // their next two rounds.
    for _ in 0..2 {
        tokio::join!(one.worker_round(), two.worker_round());
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM discharges WHERE reminder_sent")
            .await,
        due,
        "every due reminder was queued"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox_emails WHERE subject LIKE 'Promemoria%'")
            .await,
        due * members as i64,
        "each reminder queued once, one email per member"
    );

    // Each (member, discharge, kind of email) arrived once.
    let received = smtp.received();
    let copies = copies(&received, &stored);
    let duplicates = copies.values().filter(|n| **n > 1).count() as u64;
    let expected_keys = stored.len() as u64 * members + due.unsigned_abs() * members;
    let arrived = copies.keys().filter(|(_, d, _)| !d.is_empty()).count() as u64;

    let row = Row {
        scenario: "two instances, one PostgreSQL".into(),
        load: format!(
            "2 processes behind a round-robin proxy, {reports} discharge reports {at_once} at a time"
        ),
        faults: format!(
            "session across instances, sign-out on the other, 5 failed sign-ins spread over both; {due} reminders due"
        ),
        acknowledged: acknowledged.len() as u64,
        found,
        emails_expected: expected,
        emails_received: received.len() as u64,
        duplicates,
        lost: expected_keys.saturating_sub(arrived) + (acknowledged.len() as u64 - found),
    };
    row.assert_nothing_lost();
    vec![row]
}

/// The short form. PostgreSQL only: the scenario is about processes sharing
/// one PostgreSQL database (see `setting::postgres_app`).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_share_sessions_throttle_and_send_each_email_once() {
    crate::setting::short_form(run(Scale::Short)).await;
}
