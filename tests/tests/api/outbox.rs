use std::collections::BTreeMap;
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use ponte_server::notify::lease::LeaseTerms;
use ponte_server::notify::outbox;
use ponte_tests::smtp::SmtpServer;
use ponte_tests::{on_both_databases, Backend, TestApp, TestDb};
use sea_orm::{ConnectionTrait, EntityTrait};

on_both_databases!(
    two_instances_with_a_slow_smtp_server_and_a_short_lease_send_each_email_once,
    a_sent_email_that_could_not_be_recorded_is_recorded_later_and_not_sent_again,
    a_worker_whose_lease_was_taken_over_neither_sends_nor_marks_the_email,
    an_email_in_flight_during_the_upgrade_is_not_taken_again_for_ten_minutes,
);

async fn two_instances_with_a_slow_smtp_server_and_a_short_lease_send_each_email_once(db: TestDb) {
    // The server takes longer to accept each message than a claim's lease
    // lasts: while one instance sends, the other sees the rest of its batch
    // expire and takes it over.
    let smtp = SmtpServer::start().await;
    let url = smtp.url();
    let app = TestApp::spawn_with(db, |c| {
        c.smtp_url = Some(url);
        c.worker_enabled = false;
        c.mail_lease = Duration::from_millis(400);
    })
    .await;
    smtp.slow_down(&app.clock, Duration::from_millis(800));
    let recipients: Vec<String> = (0..6).map(|i| format!("persona{i}@asst.test")).collect();

    // Both instances are up when the emails come in.
    let first = app.another_instance(|c| c.worker_enabled = true).await;
    let second = app.another_instance(|c| c.worker_enabled = true).await;
    app.queue_emails(&recipients).await;
    let sent = app
        .wait_for_count(
            "SELECT COUNT(*) FROM outbox_emails WHERE status = 'SENT'",
            6,
            Duration::from_secs(40),
        )
        .await;
    assert_eq!(sent, 6, "every email delivered and recorded");
    // A late second copy, were one on its way, has arrived once both
    // workers have gone through a whole round since.
    tokio::join!(first.worker_round(), second.worker_round());

    let once_each: BTreeMap<String, usize> = recipients.iter().map(|r| (r.clone(), 1)).collect();
    assert_eq!(
        smtp.count_by_recipient(),
        once_each,
        "every email arrived exactly once"
    );
    assert_eq!(
        app.count("SELECT COUNT(DISTINCT claimed_by) FROM outbox_emails")
            .await,
        2,
        "both instances sent some of the emails"
    );
}

async fn a_sent_email_that_could_not_be_recorded_is_recorded_later_and_not_sent_again(db: TestDb) {
    let smtp = SmtpServer::start().await;
    let url = smtp.url();
    let app = TestApp::spawn_with(db, |c| {
        c.smtp_url = Some(url);
        c.mail_lease = Duration::from_millis(300);
    })
    .await;
    // The database refuses to record any email as sent, for now.
    let (break_marking, repair_marking) = match db.backend {
        Backend::Sqlite => (
            "CREATE TRIGGER outbox_mark_fails BEFORE UPDATE OF status ON outbox_emails \
             WHEN NEW.status = 'SENT' BEGIN SELECT RAISE(ABORT, 'marking is down'); END",
            "DROP TRIGGER outbox_mark_fails",
        ),
        Backend::Postgres => (
            "CREATE FUNCTION outbox_mark_fails() RETURNS trigger LANGUAGE plpgsql AS \
             $$ BEGIN RAISE EXCEPTION 'marking is down'; END $$; \
             CREATE TRIGGER outbox_mark_fails BEFORE UPDATE ON outbox_emails FOR EACH ROW \
             WHEN (NEW.status = 'SENT') EXECUTE FUNCTION outbox_mark_fails()",
            "DROP TRIGGER outbox_mark_fails ON outbox_emails",
        ),
    };
    app.db.execute_unprepared(break_marking).await.unwrap();
    app.queue_emails(&["collega@asst.test".to_owned()]).await;

    assert_eq!(smtp.wait_for(1, Duration::from_secs(30)).await.len(), 1);
    // Longer than a claim's lease, while recording keeps failing: the
    // worker tries to record it twice more (each try is one statement, and
    // it runs no other meanwhile), so it decides at least once, on the moved
    // clock, whether to go on trying.
    app.clock.advance(Duration::from_millis(900));
    let before = app.statements();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while app.statements() < before + 2 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox_emails WHERE status = 'SENDING'")
            .await,
        1,
        "not recorded yet"
    );
    app.db.execute_unprepared(repair_marking).await.unwrap();

    let sent = app
        .wait_for_count(
            "SELECT COUNT(*) FROM outbox_emails WHERE status = 'SENT'",
            1,
            Duration::from_secs(30),
        )
        .await;
    assert_eq!(sent, 1, "recorded once the database takes it");
    // Past every lease: only its being recorded keeps it from going out again.
    app.clock.advance(Duration::from_secs(5 * 60));
    app.worker_round().await;
    assert_eq!(smtp.received().len(), 1, "sent once");
    assert_eq!(
        app.count("SELECT CAST(MAX(attempts) AS BIGINT) FROM outbox_emails")
            .await,
        1,
        "one attempt"
    );
}

async fn a_worker_whose_lease_was_taken_over_neither_sends_nor_marks_the_email(db: TestDb) {
    let app = TestApp::spawn_with(db, |c| c.worker_enabled = false).await;
    app.queue_emails(&["collega@asst.test".to_owned()]).await;
    let short = LeaseTerms {
        lease: Duration::from_millis(300),
        send_limit: Duration::from_secs(60),
    };
    let long = LeaseTerms {
        lease: Duration::from_secs(60),
        send_limit: Duration::from_secs(60),
    };

    // The same worker claims twice: the claims are told apart by their
    // tokens, not by the worker's name.
    let stale = outbox::claim(&app.db, app.clock.now(), "worker-a", &short, 10)
        .await
        .unwrap();
    assert_eq!(stale.emails.len(), 1);
    let held = outbox::claim(&app.db, app.clock.now(), "worker-a", &long, 10)
        .await
        .unwrap();
    assert!(
        held.emails.is_empty(),
        "a leased email is not claimed again"
    );
    app.clock.advance(Duration::from_millis(500));
    let fresh = outbox::claim(&app.db, app.clock.now(), "worker-a", &long, 10)
        .await
        .unwrap();
    assert_eq!(fresh.emails.len(), 1, "claimed again once the lease ended");
    assert_ne!(fresh.token, stale.token);

    // The first claim wakes up: it may neither send nor mark the email.
    let email = &stale.emails[0];
    let until = long.send_ends(app.clock.now());
    let woke = outbox::begin_send(&app.db, email, stale.token, until)
        .await
        .unwrap();
    assert!(woke.is_none(), "the stale claim must skip the email");
    assert!(
        !outbox::mark_sent(&app.db, app.clock.now(), email.id, stale.token)
            .await
            .unwrap()
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox_emails WHERE status = 'SENDING'")
            .await,
        1,
        "the late mark changed nothing"
    );

    // The claim that holds it sends and marks it.
    let sending = outbox::begin_send(&app.db, &fresh.emails[0], fresh.token, until)
        .await
        .unwrap()
        .expect("the holder may send");
    assert_eq!(sending.attempts, 1);
    assert!(
        outbox::mark_sent(&app.db, app.clock.now(), sending.id, fresh.token)
            .await
            .unwrap()
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox_emails WHERE status = 'SENT' AND attempts = 1")
            .await,
        1
    );
}

async fn an_email_in_flight_during_the_upgrade_is_not_taken_again_for_ten_minutes(db: TestDb) {
    let app = TestApp::spawn_with(db, |c| c.worker_enabled = false).await;
    // Back to the schema before leases (and whatever came after them).
    let since_lease = Migrator::migrations()
        .iter()
        .rev()
        .position(|m| m.name() == "m20261126_000001_outbox_lease")
        .expect("the lease migration is registered")
        + 1;
    Migrator::down(&app.db, Some(since_lease as u32))
        .await
        .unwrap();
    // The previous code's worker is sending an email as the upgrade runs.
    app.queue_emails(&["collega@asst.test".to_owned()]).await;
    app.db
        .execute_unprepared(
            "UPDATE outbox_emails SET status = 'SENDING', claimed_by = 'worker-old'",
        )
        .await
        .unwrap();
    let upgraded_at = chrono::Utc::now();
    Migrator::up(&app.db, None).await.unwrap();

    let long = LeaseTerms {
        lease: Duration::from_secs(60),
        send_limit: Duration::from_secs(60),
    };
    let taken = outbox::claim(&app.db, app.clock.now(), "worker-new", &long, 10)
        .await
        .unwrap();
    assert!(
        taken.emails.is_empty(),
        "the old send may still be in flight"
    );
    let email = entity::outbox_email::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let held = email.lease_expires_at.expect("a lease") - upgraded_at;
    assert!(
        held >= chrono::Duration::seconds(595) && held <= chrono::Duration::seconds(660),
        "held as long as the old code trusted a claim: {held}"
    );
}
