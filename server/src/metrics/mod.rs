//! Operations metrics in the Prometheus text format, served on their own
//! listener (`PONTE_METRICS_BIND`, see `http::metrics_endpoint`).
//!
//! Each Ponte instance keeps its own registry, a `PrometheusRecorder` held in
//! `AppState`, instead of installing the `metrics` crate's process-wide
//! recorder: the tests run many instances in one process at once, and a
//! global registry would add up their requests (and could be installed only
//! once). In production one process is one instance, so nothing changes
//! there. The `metrics` macros are used through `with_local_recorder`, which
//! points them at this instance's registry for the one synchronous call.
//!
//! Labels hold only values from closed sets: operation names the SPA sends
//! (`operations`), error codes Ponte gives, route templates and statuses, so
//! that no client can grow the registry.

pub mod operations;

use std::sync::Arc;
use std::time::Duration;

use metrics::{describe_counter, describe_gauge, describe_histogram, with_local_recorder, Unit};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusRecorder};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, FromQueryResult, Statement};

use crate::error::AppResult;

pub const REQUESTS: &str = "ponte_requests_total";
pub const REQUEST_DURATION: &str = "ponte_request_duration_seconds";
pub const LOGIN_FAILURES: &str = "ponte_login_failures_total";
pub const HTTP_REQUESTS: &str = "ponte_http_requests_total";
pub const POOL_CONNECTIONS: &str = "ponte_db_pool_connections";
pub const OUTBOX_EMAILS: &str = "ponte_outbox_emails";
pub const OUTBOX_ROUNDS: &str = "ponte_outbox_rounds_total";

/// From a 5 ms read to a request cut off by the 30 s timeout.
const DURATION_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// The outbox states shown: SENT grows for ever and says nothing about health.
const OUTBOX_STATES: [&str; 3] = ["PENDING", "SENDING", "DEAD"];

/// This instance's registry; cheap to clone.
#[derive(Clone)]
pub struct Metrics {
    recorder: Arc<PrometheusRecorder>,
}

impl Metrics {
    pub fn new() -> Metrics {
        let recorder = PrometheusBuilder::new()
            // Without buckets the exporter renders a summary, which
            // Prometheus cannot add up across instances.
            .set_buckets_for_metric(Matcher::Full(REQUEST_DURATION.into()), DURATION_BUCKETS)
            .map(PrometheusBuilder::build_recorder)
            // Only an empty bucket list is refused, and ours is not empty.
            .unwrap_or_else(|_| PrometheusBuilder::new().build_recorder());
        let metrics = Metrics {
            recorder: Arc::new(recorder),
        };
        metrics.with(|| {
            describe_counter!(REQUESTS, "GraphQL requests by operation and outcome code");
            describe_histogram!(
                REQUEST_DURATION,
                Unit::Seconds,
                "Time to answer a GraphQL request, by operation"
            );
            describe_counter!(LOGIN_FAILURES, "Refused sign-ins by reason");
            describe_counter!(HTTP_REQUESTS, "HTTP requests by route and status");
            describe_gauge!(
                POOL_CONNECTIONS,
                "Database pool connections: in use, idle, and the maximum"
            );
            describe_gauge!(
                OUTBOX_EMAILS,
                "Emails in the outbox not yet sent, by status"
            );
            describe_counter!(
                OUTBOX_ROUNDS,
                "Rounds the outbox worker has finished (reminders queued, due emails tried)"
            );
        });
        metrics
    }

    fn with<T>(&self, f: impl FnOnce() -> T) -> T {
        with_local_recorder(self.recorder.as_ref(), f)
    }

    /// A GraphQL request answered: `operation` from `operations::label`,
    /// `code` OK or the first error's `extensions.code`.
    pub fn graphql_request(&self, operation: &'static str, code: String, elapsed: Duration) {
        self.with(|| {
            metrics::counter!(REQUESTS, "operation" => operation, "code" => code).increment(1);
            metrics::histogram!(REQUEST_DURATION, "operation" => operation)
                .record(elapsed.as_secs_f64());
        });
    }

    /// A sign-in refused: `bad_credentials` (wrong email or password, or a
    /// disabled account) or `throttled` (too many failures).
    pub fn login_failed(&self, reason: &'static str) {
        self.with(|| metrics::counter!(LOGIN_FAILURES, "reason" => reason).increment(1));
    }

    /// The outbox worker finished a round, failed or not: a count that
    /// stops growing is a worker that is stuck or gone.
    pub fn outbox_round(&self) {
        self.with(|| metrics::counter!(OUTBOX_ROUNDS).increment(1));
    }

    /// Any HTTP request, by its route template (never the raw path).
    pub fn http_request(&self, route: String, status: u16) {
        self.with(|| {
            metrics::counter!(HTTP_REQUESTS, "route" => route, "status" => status.to_string())
                .increment(1)
        });
    }

    /// Folds the histograms' recent samples in: run now and then, also when
    /// nobody scrapes, so that they do not pile up.
    pub fn upkeep(&self) {
        self.recorder.handle().run_upkeep();
    }

    /// The exposition: the gauges read now (the pool, and one grouped count
    /// of the outbox on its status index), then everything rendered.
    pub async fn render(&self, db: &DatabaseConnection) -> AppResult<String> {
        let outbox = outbox_counts(db).await?;
        let pool = pool_use(db);
        self.with(|| {
            for (state, count) in outbox {
                metrics::gauge!(OUTBOX_EMAILS, "status" => state).set(count as f64);
            }
            for (state, count) in pool {
                metrics::gauge!(POOL_CONNECTIONS, "state" => state).set(count as f64);
            }
        });
        self.upkeep();
        Ok(self.recorder.handle().render())
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

#[derive(FromQueryResult)]
struct StatusCount {
    status: String,
    emails: i64,
}

async fn outbox_counts(db: &DatabaseConnection) -> AppResult<Vec<(&'static str, i64)>> {
    let rows = StatusCount::find_by_statement(Statement::from_string(
        db.get_database_backend(),
        "SELECT status, COUNT(*) AS emails FROM outbox_emails \
         WHERE status IN ('PENDING', 'SENDING', 'DEAD') GROUP BY status",
    ))
    .all(db)
    .await?;
    // A state with no email has no row, and must still read 0.
    Ok(OUTBOX_STATES
        .iter()
        .map(|state| {
            let count = rows
                .iter()
                .find(|row| row.status == *state)
                .map_or(0, |row| row.emails);
            (*state, count)
        })
        .collect())
}

fn pool_use(db: &DatabaseConnection) -> Vec<(&'static str, u64)> {
    let (size, idle, max) = match db.get_database_backend() {
        DbBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            (
                pool.size(),
                pool.num_idle(),
                pool.options().get_max_connections(),
            )
        }
        DbBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            (
                pool.size(),
                pool.num_idle(),
                pool.options().get_max_connections(),
            )
        }
        // Ponte connects to nothing else (`config`); no pool, no gauge.
        _ => return Vec::new(),
    };
    let idle = u64::try_from(idle).unwrap_or(u64::MAX);
    vec![
        ("in_use", u64::from(size).saturating_sub(idle)),
        ("idle", idle),
        ("max", u64::from(max)),
    ]
}
