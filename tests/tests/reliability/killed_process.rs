//! `kill -9` of a Ponte process in the middle of a load of mixed mutations,
//! then a restart on the same database: every acknowledged write is there,
//! an unacknowledged one is there whole or not at all, and the outbox
//! resumes: the reports' emails, queued while the mail server was down,
//! arrive once each after the restart.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use ponte_tests::process::PonteProcess;
use ponte_tests::serde_json::json;
use ponte_tests::smtp::{HeldPort, SmtpServer};

use crate::load;
use crate::report::{Row, Scale};
use crate::setting::{copies, discharge_ids, same_session_at, send, Outcome, USE};

pub async fn run(scale: Scale) -> Vec<Row> {
    let clients: u64 = scale.pick(4, 16);
    let per_client: u64 = scale.pick(24, 120);
    let prepared = load::prepare("killed_process", clients).await;
    let (app, ward) = (&prepared.app, &prepared.ward);

    // The mail server is down until the restart: nothing is being sent when
    // the process dies, so an email cannot be both sent and still pending
    // (the window the README names), and the restarted instance must find
    // the queued ones.
    let mail_port = HeldPort::new();
    let mut ponte = PonteProcess::start(
        &app.config.database_url,
        &[
            ("PONTE_SMTP_URL", mail_port.url()),
            ("PONTE_MAIL_RETRY_SECONDS", "1".into()),
            // A claim by the killed process lapses soon.
            ("PONTE_MAIL_LEASE_SECONDS", "2".into()),
            // The one it had begun to send waits out the send's limit too:
            // 5 s rather than the default 60 s keeps the scenario short.
            ("PONTE_MAIL_SEND_SECONDS", "5".into()),
        ],
    )
    .await;

    // Killed with about half of the load answered, requests in flight.
    let answered = AtomicU64::new(0);
    let half = clients * per_client / 2;
    let base_url = ponte.base_url.clone();
    let (sent, killed_after) =
        tokio::join!(prepared.run(per_client, &base_url, &answered), async {
            while answered.load(Ordering::Relaxed) < half {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            ponte.kill9();
            answered.load(Ordering::Relaxed)
        });
    for s in &sent {
        assert!(
            matches!(
                s.outcome,
                Outcome::Acknowledged(_)
                    | Outcome::NoAnswer {
                        timed_out: false,
                        ..
                    }
            ) || s.outcome.is_clean_failure(),
            "before the kill an answer, after it none: {s:?}"
        );
    }
    assert!(
        sent.iter()
            .any(|s| matches!(s.outcome, Outcome::NoAnswer { .. })),
        "the kill cut the load short"
    );

    // Emails the process held when it died wait for their lease to end: a
    // claim's lease (2 s here), or, for the one it had begun to send, the
    // send's limit (5 s here) and the lease, as it may have reached the server
    // and another try must not come first. Counted for the table.
    let held_by_the_dead = app
        .count("SELECT COUNT(*) FROM outbox_emails WHERE status = 'SENDING'")
        .await;
    let smtp = SmtpServer::start_on_held(mail_port);
    ponte.restart().await;
    // The service is back on the same database, with the same sessions.
    let operator = same_session_at(&ward.desk.operator, &ponte.base_url);
    let after = send(
        &operator,
        USE,
        json!({ "input": { "resourceId": prepared.projects[0].resource, "date": "2026-10-02", "quantity": "1", "note": "dopo il riavvio" } }),
    )
    .await;
    assert!(
        matches!(after, Outcome::Acknowledged(_)),
        "the restarted instance writes: {after:?}"
    );

    let tally = prepared.check(&sent).await;

    // The outbox resumes: every report's email to every member, once.
    let discharge_ids = discharge_ids(app).await;
    let expected = discharge_ids.len() * ward.members.len();
    let within = if held_by_the_dead > 0 { 50 } else { 40 };
    smtp.wait_for(expected, Duration::from_secs(within)).await;
    // A second copy would come in the worker's next two rounds.
    ponte.worker_round().await;
    ponte.worker_round().await;
    let received = smtp.received();
    let copies = copies(&received, &discharge_ids);
    let email_duplicates = copies.values().filter(|n| **n > 1).count() as u64;
    let mut email_lost = 0;
    for id in &discharge_ids {
        for member in &ward.members {
            if !copies.contains_key(&(member.clone(), id.clone(), false)) {
                email_lost += 1;
            }
        }
    }

    let row = Row {
        scenario: "killed process".into(),
        load: format!("{clients} clients × {per_client} mixed mutations"),
        faults: format!(
            "kill -9 after {killed_after} answers, SMTP down until the restart ({} unacknowledged writes found whole, {held_by_the_dead} emails held by the killed process waited out their lease)",
            tally.unacknowledged_found
        ),
        acknowledged: tally.acknowledged,
        found: tally.found,
        emails_expected: expected as u64,
        emails_received: received.len() as u64,
        duplicates: tally.duplicates + email_duplicates,
        lost: tally.lost + email_lost,
    };
    row.assert_nothing_lost();
    vec![row]
}

/// The short form. PostgreSQL only: the scenario is about processes sharing
/// one PostgreSQL database (see `setting::postgres_app`).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_killed_process_restarts_with_every_acknowledged_write_and_its_outbox() {
    crate::setting::short_form(run(Scale::Short)).await;
}
