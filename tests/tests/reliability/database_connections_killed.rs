//! PostgreSQL connections killed under load. A Ponte process reaches its
//! database through a TCP proxy of the test. While clients send mixed
//! mutations, the test ends the process's backend connections with
//! `pg_terminate_backend` (on this test's database only: the cluster is
//! shared and never restarted), then cuts the proxy for a moment. Requests
//! fail cleanly (INTERNAL with a reference, or 503; never a hang or a torn
//! answer), nothing is half written, `/readyz` goes red while the database
//! is out of reach and green after, and the same process serves again.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ponte_tests::process::PonteProcess;
use ponte_tests::serde_json::json;
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};

use crate::load;
use crate::proxy::TcpProxy;
use crate::report::{Row, Scale};
use crate::setting::{fresh_connections, send, Outcome, USE};

/// The process's connections carry this name, so that only they are
/// terminated (the test's own instance shares the database).
const APPLICATION: &str = "ponte_under_fault";

pub async fn run(scale: Scale) -> Vec<Row> {
    let clients: u64 = scale.pick(4, 16);
    let per_client: u64 = scale.pick(24, 150);
    let prepared = load::prepare("database_connections_killed", clients).await;

    let mut url = url::Url::parse(&prepared.app.config.database_url).expect("the database URL");
    let database = url.path().trim_start_matches('/').to_owned();
    let postgres = tokio::net::lookup_host((
        url.host_str().expect("a PostgreSQL host").to_owned(),
        url.port().unwrap_or(5432),
    ))
    .await
    .expect("PostgreSQL's address")
    .next()
    .expect("an address");
    let network = TcpProxy::start(vec![postgres]).await;
    url.set_ip_host(network.addr.ip()).expect("an IP host");
    url.set_port(Some(network.addr.port())).expect("a port");
    url.query_pairs_mut()
        .append_pair("application_name", APPLICATION);
    let ponte = PonteProcess::start(
        url.as_str(),
        &[
            // A request stuck on the database is cut off (503) well before
            // the client's own limit, which would be a hang.
            ("PONTE_REQUEST_TIMEOUT_SECONDS", "10".into()),
        ],
    )
    .await;

    // The terminator: ends the process's backends every `every` while the
    // load runs: often in the short form, so that a few seconds of load
    // meet it; less often in the long one, whose 16 clients on this debug
    // build would otherwise hardly finish a request between two rounds.
    let every = Duration::from_millis(scale.pick(300, 1500));
    let admin = Database::connect(ponte_tests::postgres_admin_url())
        .await
        .expect("PostgreSQL reachable");
    let loading = Arc::new(AtomicBool::new(true));
    let terminated = Arc::new(AtomicU64::new(0));
    let rounds = Arc::new(AtomicU64::new(0));
    let terminator = {
        let (loading, terminated, rounds) = (loading.clone(), terminated.clone(), rounds.clone());
        let sql = format!(
            "SELECT COUNT(*) AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = '{database}' AND application_name = '{APPLICATION}' AND pid <> pg_backend_pid()) t"
        );
        tokio::spawn(async move {
            while loading.load(Ordering::Relaxed) {
                tokio::time::sleep(every).await;
                let row = admin
                    .query_one(Statement::from_string(DbBackend::Postgres, sql.clone()))
                    .await
                    .expect("pg_terminate_backend runs")
                    .expect("a row");
                let n: i64 = row.try_get("", "n").expect("a count");
                terminated.fetch_add(n.unsigned_abs(), Ordering::Relaxed);
                rounds.fetch_add(1, Ordering::Relaxed);
            }
            admin.close().await.ok();
        })
    };

    let answered = AtomicU64::new(0);
    let sent = prepared.run(per_client, &ponte.base_url, &answered).await;
    loading.store(false, Ordering::Relaxed);
    terminator.await.expect("the terminator ends");
    for s in &sent {
        assert!(
            matches!(s.outcome, Outcome::Acknowledged(_)) || s.outcome.is_clean_failure(),
            "a clean answer under killed connections: {s:?}"
        );
    }
    let failed = sent
        .iter()
        .filter(|s| !matches!(s.outcome, Outcome::Acknowledged(_)))
        .count();
    assert!(
        terminated.load(Ordering::Relaxed) > 0,
        "connections were terminated under the load"
    );

    // The network to PostgreSQL cut: /readyz goes red, a write fails
    // cleanly; mended: green again, and the same process writes.
    let probe = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("http client");
    let operator = fresh_connections(&ponte.base_url, Duration::from_secs(30));
    operator
        .login_ok(&prepared.ward.operator_email, ponte_tests::PASSWORD)
        .await;
    network.cut();
    let cut_at = Instant::now();
    let red = wait_for_readiness(&ponte, &probe, 503).await;
    let one_use = |note: &'static str| {
        send(
            &operator,
            USE,
            json!({ "input": { "resourceId": prepared.projects[0].resource, "date": "2026-10-02", "quantity": "1", "note": note } }),
        )
    };
    let during = one_use("senza rete").await;
    assert!(
        during.is_clean_failure(),
        "a write without a database fails cleanly: {during:?}"
    );
    network.mend();
    let cut_for = cut_at.elapsed();
    let green = wait_for_readiness(&ponte, &probe, 200).await;
    let after = one_use("rete tornata").await;
    assert!(
        matches!(after, Outcome::Acknowledged(_)),
        "the same process serves once the database is back: {after:?}"
    );

    let tally = prepared.check(&sent).await;
    let row = Row {
        scenario: "PostgreSQL connections killed".into(),
        load: format!("{clients} clients × {per_client} mixed mutations"),
        faults: format!(
            "{} backends terminated in {} rounds {every:?} apart ({failed} requests failed cleanly, {} unacknowledged writes found whole); network to PostgreSQL cut {:.1} s: /readyz red after {:.1} s, green {:.1} s after the mend",
            terminated.load(Ordering::Relaxed),
            rounds.load(Ordering::Relaxed),
            tally.unacknowledged_found,
            cut_for.as_secs_f64(),
            red.as_secs_f64(),
            green.as_secs_f64(),
        ),
        acknowledged: tally.acknowledged,
        found: tally.found,
        emails_expected: 0,
        emails_received: 0,
        duplicates: tally.duplicates,
        lost: tally.lost,
    };
    row.assert_nothing_lost();
    vec![row]
}

/// Polls `/readyz` until it answers `status`; how long that took. A minute
/// at most: a readiness that never changes fails the scenario.
async fn wait_for_readiness(
    ponte: &PonteProcess,
    probe: &reqwest::Client,
    status: u16,
) -> Duration {
    let start = Instant::now();
    loop {
        if ponte.ready(probe).await == Some(status) {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "/readyz did not answer {status} within a minute"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The short form. PostgreSQL only: the scenario is about processes sharing
/// one PostgreSQL database (see `setting::postgres_app`).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killed_database_connections_fail_requests_cleanly_and_write_nothing_by_half() {
    crate::setting::short_form(run(Scale::Short)).await;
}
