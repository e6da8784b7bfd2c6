//! The mail server down, deferring, refusing, answering late and stalled
//! past the send limit. Emails come from real use: a hospital ward reports
//! discharges, and each report tells every member of the receiving PUA team
//! through the outbox. Promised: no email lost (each delivered once the
//! server takes it, or dead-lettered with its reason shown to an
//! administrator), none delivered twice, and the API as quick while the
//! mail server misbehaves as before. Each phase has its own Ponte and its
//! own SMTP server over loopback (`ponte_tests::smtp`), and they run side
//! by side.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use ponte_tests::serde_json::json;
use ponte_tests::smtp::{HeldPort, Received, SmtpServer};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};
use tokio::time::Instant;

use crate::both_databases::{database_of, run_on_both, show_and_check};
use crate::crew::{numbered_person, Crew};
use crate::report::{Row, Scale};

on_both_databases!(no_email_is_lost_or_repeated_and_the_api_never_waits_for_the_mail_server);

async fn no_email_is_lost_or_repeated_and_the_api_never_waits_for_the_mail_server(db: TestDb) {
    show_and_check(&on(db, Scale::Short).await);
}

/// Every phase on both databases.
pub async fn run(scale: Scale) -> Vec<Row> {
    run_on_both("mail_server_faults", |db| on(db, scale)).await
}

/// The phases side by side on `db`, each asserting its own promises.
pub async fn on(db: TestDb, scale: Scale) -> Vec<Row> {
    let phases = async {
        let (down, deferring, refusing, late, stalled) = tokio::join!(
            down_then_up(db, scale),
            deferring_then_accepting(db, scale),
            refusing_one_recipient(db, scale),
            answering_late(db, scale),
            stalled_past_the_send_limit(db, scale),
        );
        vec![down, deferring, refusing, late, stalled]
    };
    let limit = scale.pick(Duration::from_secs(150), Duration::from_secs(900));
    tokio::time::timeout(limit, phases)
        .await
        .expect("the mail server phases end in time")
}

/// The receiving team's size: each report owes this many emails.
const MEMBERS: usize = 3;

/// The longest wait for the emails still owed once the server takes them.
fn delivery_wait(scale: Scale) -> Duration {
    scale.pick(Duration::from_secs(60), Duration::from_secs(300))
}

async fn down_then_up(db: TestDb, scale: Scale) -> Row {
    let outage = scale.pick(Duration::from_secs(2), Duration::from_secs(30));
    let retry = scale.pick(Duration::from_millis(200), Duration::from_secs(1));
    let port = HeldPort::new();
    let url = port.url();
    let app = TestApp::spawn_with(db, |c| {
        c.smtp_url = Some(url);
        c.mail_retry_base = retry;
    })
    .await;
    let ward = Ward::open(&app).await;
    let down_since = Instant::now();
    let reports = ward.report_while(0, scale.pick(4, 30), None).await;

    // Every email is tried (and refused a connection) while the server is down.
    let tried = app
        .wait_for_count(
            "SELECT COUNT(*) FROM outbox_emails WHERE attempts = 0",
            0,
            delivery_wait(scale),
        )
        .await;
    assert_eq!(tried, 0, "every email was tried during the outage");
    tokio::time::sleep_until(down_since + outage).await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox_emails WHERE status IN ('SENT', 'DEAD')")
            .await,
        0,
        "a refused connection is not permanent: every email waits for its retry"
    );

    let smtp = SmtpServer::start_on_held(port);
    // The retry due after the outage comes at most about as long again
    // (the backoff doubles): the clock brings it forward instead.
    app.clock.advance(outage + retry * 2);
    let owed = ward.owed(&reports.discharges, &[]);
    smtp.wait_for(owed.len(), delivery_wait(scale)).await;
    app.worker_round().await;
    let tally = Tally::of(&owed, &smtp.received());
    ward.dead_letters_shown(&[]).await;
    ward.row(
        "SMTP down, then up",
        format!("{} reports, {} emails", reports.len(), owed.len()),
        format!(
            "connections refused for {} s, retried every {} ms doubling",
            outage.as_secs(),
            retry.as_millis()
        ),
        &reports,
        &owed,
        &tally,
    )
    .await
}

async fn deferring_then_accepting(db: TestDb, scale: Scale) -> Row {
    let smtp = SmtpServer::start().await;
    let times = scale.pick(2, 3);
    smtp.defer_each(times);
    let url = smtp.url();
    let app = TestApp::spawn_with(db, |c| c.smtp_url = Some(url)).await;
    let ward = Ward::open(&app).await;
    let reports = ward.report_while(0, scale.pick(4, 30), None).await;
    let owed = ward.owed(&reports.discharges, &[]);
    smtp.wait_for(owed.len(), delivery_wait(scale)).await;
    app.worker_round().await;

    assert_eq!(
        smtp.deferrals_answered(),
        times * MEMBERS,
        "each recipient was deferred {times} times"
    );
    // Each deferral cost its email one attempt more; nothing else did.
    assert_eq!(
        app.count("SELECT CAST(SUM(attempts) AS BIGINT) FROM outbox_emails")
            .await,
        (owed.len() + times * MEMBERS) as i64
    );
    let tally = Tally::of(&owed, &smtp.received());
    ward.dead_letters_shown(&[]).await;
    ward.row(
        "SMTP answers 4xx, then 250",
        format!("{} reports, {} emails", reports.len(), owed.len()),
        format!("450 to each recipient's first {times} tries"),
        &reports,
        &owed,
        &tally,
    )
    .await
}

async fn refusing_one_recipient(db: TestDb, scale: Scale) -> Row {
    let smtp = SmtpServer::start().await;
    let url = smtp.url();
    let app = TestApp::spawn_with(db, |c| c.smtp_url = Some(url)).await;
    let ward = Ward::open(&app).await;
    let refused = ward.crew.members[0].email.clone();
    smtp.refuse(&refused);
    let reports = ward.report_while(0, scale.pick(3, 20), None).await;
    let owed = ward.owed(&reports.discharges, std::slice::from_ref(&refused));
    smtp.wait_for(owed.len(), delivery_wait(scale)).await;
    let dead = app
        .wait_for_count(
            "SELECT COUNT(*) FROM outbox_emails WHERE status = 'DEAD'",
            reports.len() as i64,
            delivery_wait(scale),
        )
        .await;
    assert_eq!(dead, reports.len() as i64, "one dead letter per report");
    app.worker_round().await;
    // A permanent refusal is not tried again.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox_emails WHERE status = 'DEAD' AND attempts <> 1")
            .await,
        0
    );
    let shown = ward.dead_letters_shown(&[refused.as_str()]).await;
    let mut tally = Tally::of(&owed, &smtp.received());
    // A dead letter an administrator cannot see is an email lost.
    tally.missing += (reports.len() as u64).saturating_sub(shown);
    ward.row(
        "SMTP answers 5xx",
        format!("{} reports, {} emails", reports.len(), owed.len() + reports.len()),
        format!(
            "550 for 1 recipient of {MEMBERS}: {shown} dead letters, each shown to an ADMIN with its reason"
        ),
        &reports,
        &owed,
        &tally,
    )
    .await
}

/// The server says nothing for a while, less than the send limit: the send
/// waits for it and succeeds at the first attempt.
async fn answering_late(db: TestDb, scale: Scale) -> Row {
    let stall = scale.pick(Duration::from_secs(5), Duration::from_secs(25));
    stalled_phase(db, scale, stall, None).await
}

/// The server says nothing for longer than the send limit: the send is cut
/// off, the email tried again, and delivered once after the stall.
async fn stalled_past_the_send_limit(db: TestDb, scale: Scale) -> Row {
    let stall = scale.pick(Duration::from_secs(4), Duration::from_secs(25));
    let limit = scale.pick(Duration::from_secs(1), Duration::from_secs(20));
    stalled_phase(db, scale, stall, Some(limit)).await
}

/// Reports discharges before a stall (the baseline) and all through it,
/// timing each answer. `send_limit` replaces the default (60 s).
async fn stalled_phase(
    db: TestDb,
    scale: Scale,
    stall: Duration,
    send_limit: Option<Duration>,
) -> Row {
    let smtp = SmtpServer::start().await;
    let url = smtp.url();
    let app = TestApp::spawn_with(db, |c| {
        c.smtp_url = Some(url);
        if let Some(limit) = send_limit {
            c.mail_send_limit = limit;
        }
    })
    .await;
    let ward = Ward::open(&app).await;
    // A first report warms the connections; then the baseline, delivered.
    let mut reports = ward.report_while(0, 1, None).await;
    let baseline = ward.report_while(1, 5, None).await;
    reports.extend(&baseline);
    let before = ward.owed(&reports.discharges, &[]).len();
    smtp.wait_for(before, delivery_wait(scale)).await;
    app.worker_round().await;

    let stall_ends = smtp.stall_for(stall);
    // Reports for three quarters of the stall; the emails received are
    // counted before it ends (a send waiting for the greeting goes through
    // the instant it does), unless a slow last answer overran the margin.
    let during = ward
        .report_while(
            reports.len(),
            scale.pick(12, 100),
            Some(stall_ends - stall / 4),
        )
        .await;
    let received = smtp.received().len();
    if Instant::now() < stall_ends {
        assert_eq!(
            received, before,
            "nothing was delivered while the server stalled"
        );
    }
    reports.extend(&during);
    let owed = ward.owed(&reports.discharges, &[]);
    smtp.wait_for(owed.len(), delivery_wait(scale)).await;
    app.worker_round().await;
    let retried = app
        .count("SELECT COUNT(*) FROM outbox_emails WHERE attempts > 1")
        .await;
    let faults = match send_limit {
        None => {
            assert_eq!(retried, 0, "each send waited for the late answer");
            format!(
                "SMTP says nothing for {} s (send limit 60 s)",
                stall.as_secs()
            )
        }
        Some(limit) => {
            assert!(retried >= 1, "a send was cut off and tried again");
            format!(
                "SMTP says nothing for {} s, past the send limit of {} s: sends cut off and retried: {retried}",
                stall.as_secs(),
                limit.as_secs()
            )
        }
    };
    let load = assert_not_slowed(&baseline.latencies, &during.latencies, stall);
    let tally = Tally::of(&owed, &smtp.received());
    ward.dead_letters_shown(&[]).await;
    let name = if send_limit.is_some() {
        "SMTP stalled past the send limit"
    } else {
        "SMTP answers late"
    };
    ward.row(
        name,
        format!("{} reports, {} emails; {load}", reports.len(), owed.len()),
        faults,
        &reports,
        &owed,
        &tally,
    )
    .await
}

/// The API's answers while the mail server stalls are about as quick as
/// before: the median at most three times the baseline's (or half a second
/// more, on a loaded machine), and none as long as half the stall, which a
/// request waiting on the mail server would take. Returns them in words.
fn assert_not_slowed(baseline: &[Duration], during: &[Duration], stall: Duration) -> String {
    let base = median(baseline);
    let typical = median(during);
    let slowest = during.iter().max().copied().unwrap_or_default();
    assert!(!during.is_empty(), "requests were made during the stall");
    assert!(
        typical <= (base * 3).max(base + Duration::from_millis(500)),
        "the API slowed while the mail server stalled: median {typical:?}, before {base:?}"
    );
    assert!(
        slowest < stall / 2,
        "a request took {slowest:?} while the mail server stalled for {stall:?}"
    );
    format!(
        "API median {} ms during the stall (before: {} ms), slowest {} ms",
        typical.as_millis(),
        base.as_millis(),
        slowest.as_millis()
    )
}

fn median(latencies: &[Duration]) -> Duration {
    let mut sorted = latencies.to_vec();
    sorted.sort();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

const REPORT: &str =
    "mutation($input: ReportDischargeInput!) { reportDischarge(input: $input) { id } }";

/// A hospital ward that reports discharges to a PUA team of `MEMBERS`.
struct Ward<'a> {
    app: &'a TestApp,
    crew: Crew,
    hospital_id: String,
    ward: Client,
}

/// Discharges reported, and how long the API took for each.
#[derive(Default)]
struct Reports {
    discharges: Vec<String>,
    latencies: Vec<Duration>,
}

impl Reports {
    fn len(&self) -> usize {
        self.discharges.len()
    }

    fn extend(&mut self, more: &Reports) {
        self.discharges.extend(more.discharges.iter().cloned());
        self.latencies.extend(more.latencies.iter().copied());
    }
}

impl<'a> Ward<'a> {
    async fn open(app: &'a TestApp) -> Ward<'a> {
        let crew = Crew::gather(app, "PUA", MEMBERS).await;
        let hospital_id = app
            .organization(&crew.admin, "Ospedale di Esine", "OSPEDALE")
            .await;
        let email = format!("reparto{}@ospedale.test", uuid::Uuid::now_v7().simple());
        let (ward, _) = app.operator_of(&email, &hospital_id).await;
        Ward {
            app,
            crew,
            hospital_id,
            ward,
        }
    }

    /// Reports discharges numbered from `first`, one after another, up to
    /// `most` of them and, given `until`, only until then.
    async fn report_while(&self, first: usize, most: usize, until: Option<Instant>) -> Reports {
        let mut reports = Reports::default();
        for n in first..first + most {
            if until.is_some_and(|until| Instant::now() >= until) {
                break;
            }
            let identity = numbered_person(&self.crew.team_id, n);
            let input = json!({ "input": {
                "patient": {
                    "fiscalCode": identity["fiscalCode"], "givenName": identity["givenName"],
                    "familyName": identity["familyName"], "birthDate": identity["birthDate"],
                    "sex": identity["sex"]
                },
                "hospitalId": self.hospital_id, "ward": "Medicina generale",
                "admittedOn": in_days(-3), "expectedDischargeOn": in_days(5),
                "teamId": self.crew.team_id, "needs": "Assistenza domiciliare dopo la caduta"
            } });
            let started = Instant::now();
            let answer = self.ward.gql(REPORT, input).await;
            reports.latencies.push(started.elapsed());
            let id = answer.ok()["reportDischarge"]["id"]
                .as_str()
                .expect("a discharge id")
                .to_owned();
            reports.discharges.push(id);
        }
        reports
    }

    /// The emails `discharges` owe, by recipient and discharge: one to each
    /// member of the team but those in `refused`.
    fn owed(&self, discharges: &[String], refused: &[String]) -> BTreeSet<(String, String)> {
        let recipients = self
            .crew
            .members
            .iter()
            .map(|m| m.email.to_lowercase())
            .filter(|email| !refused.contains(email));
        recipients
            .flat_map(|to| discharges.iter().map(move |d| (to.clone(), d.clone())))
            .collect()
    }

    /// Checks the dead-letter list an administrator reads: exactly the
    /// emails to `recipients`, each DEAD with the server's answer as its
    /// reason, and closed to an operator. Returns how many it shows.
    async fn dead_letters_shown(&self, recipients: &[&str]) -> u64 {
        const FAILED: &str = "{ failedNotifications(first: 100) { totalCount nodes { recipient status lastError } } }";
        let listed = self.crew.admin.gql(FAILED, json!({})).await;
        let listed = listed.ok()["failedNotifications"].clone();
        let nodes = listed["nodes"].as_array().cloned().unwrap_or_default();
        for node in &nodes {
            let recipient = node["recipient"].as_str().unwrap_or_default();
            assert!(recipients.contains(&recipient), "dead letter to {node}");
            assert_eq!(node["status"], "DEAD");
            let reason = node["lastError"].as_str().unwrap_or_default();
            assert!(reason.contains("550"), "the server's answer shown: {node}");
        }
        self.crew.members[1]
            .client
            .gql(FAILED, json!({}))
            .await
            .expect_code("FORBIDDEN");
        let total = listed["totalCount"].as_u64().unwrap_or_default();
        assert_eq!(total, nodes.len() as u64, "one page holds them all");
        total
    }

    /// The phase's row: the reports acknowledged and found, the emails owed
    /// and received.
    async fn row(
        &self,
        scenario: &str,
        load: String,
        faults: String,
        reports: &Reports,
        owed: &BTreeSet<(String, String)>,
        tally: &Tally,
    ) -> Row {
        let found = self
            .app
            .count("SELECT COUNT(*) FROM discharges")
            .await
            .unsigned_abs();
        let database = database_of(self.app);
        let row = Row {
            scenario: format!("{scenario} ({database})"),
            load,
            faults,
            acknowledged: reports.len() as u64,
            found,
            emails_expected: owed.len() as u64,
            emails_received: tally.received,
            duplicates: tally.duplicates,
            lost: tally.missing,
        };
        assert_eq!(tally.unexpected, 0, "no email nobody was owed: {row:?}");
        row.assert_nothing_lost();
        row
    }
}

/// The emails that arrived, against those owed.
struct Tally {
    received: u64,
    duplicates: u64,
    missing: u64,
    unexpected: u64,
}

impl Tally {
    fn of(owed: &BTreeSet<(String, String)>, received: &[Received]) -> Tally {
        let mut counts: BTreeMap<(String, String), u64> = BTreeMap::new();
        for message in received {
            let discharge = discharge_in(&message.text());
            for to in &message.to {
                *counts.entry((to.clone(), discharge.clone())).or_insert(0) += 1;
            }
        }
        Tally {
            received: counts.values().sum(),
            duplicates: counts.values().map(|n| n.saturating_sub(1)).sum(),
            missing: owed.iter().filter(|key| !counts.contains_key(*key)).count() as u64,
            unexpected: counts.keys().filter(|key| !owed.contains(*key)).count() as u64,
        }
    }
}

/// The discharge an email links to (`…/dimissioni/<id>`).
fn discharge_in(text: &str) -> String {
    text.split("/dimissioni/")
        .nth(1)
        .map(|rest| rest.chars().take(36).collect())
        .unwrap_or_default()
}

fn in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string()
}
