//! Starting Ponte: connect, migrate, wire the router, serve until told to stop.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tower_sessions::session_store::ExpiredDeletion;
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

use crate::auth::password::PasswordChecks;
use crate::auth::session_store::SignedOutStaysOut;
use crate::clock::Clock;
use crate::config::Config;
use crate::db;
use crate::document_store;
use crate::graphql;
use crate::http::bearer::ServiceRate;
use crate::http::metrics_endpoint;
use crate::http::router::{router, AppState};
use crate::metrics::Metrics;
use crate::notify::worker::{Rounds, Worker};

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("session store: {0}")]
    Sessions(#[from] sqlx_error::Error),
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
    #[error("email: {0}")]
    Mail(String),
    #[error("document store: {0}")]
    Documents(String),
}

/// The sqlx error type of the session store, without a direct sqlx dependency.
mod sqlx_error {
    pub type Error = sea_orm::sqlx::Error;
}

pub struct Ponte {
    pub state: AppState,
    /// Where `/metrics` is served, when `PONTE_METRICS_BIND` asks for it.
    pub metrics_addr: Option<SocketAddr>,
    /// The outbox worker's progress, when this instance runs it.
    pub worker_rounds: Option<Rounds>,
    router: axum::Router,
    background: Background,
}

/// Background tasks end with the instance that started them, also when it
/// is dropped without serving.
struct Background(Vec<JoinHandle<()>>);

impl Drop for Background {
    fn drop(&mut self) {
        for task in &self.0 {
            task.abort();
        }
    }
}

impl Ponte {
    /// Connects, applies migrations and prepares the session store.
    pub async fn prepare(config: Config) -> Result<Ponte, StartError> {
        Ponte::prepare_with_clock(config, Clock::system()).await
    }

    /// As `prepare`, reading the time from `clock` (a test's).
    pub async fn prepare_with_clock(config: Config, clock: Clock) -> Result<Ponte, StartError> {
        let db = db::connect(&config.database_url).await?;
        db::migrate(&db).await?;
        Ponte::with_database(config, db, clock).await
    }

    pub async fn with_database(
        config: Config,
        mut db: DatabaseConnection,
        clock: Clock,
    ) -> Result<Ponte, StartError> {
        let config_for_worker = config.clone();
        let config = Arc::new(config);
        let statements = Arc::new(AtomicU64::new(0));
        let counter = statements.clone();
        // Set before the connection is cloned: clones share the callback.
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        let documents = document_store::from_config(&config).map_err(StartError::Documents)?;
        let state = AppState {
            statements,
            db: db.clone(),
            schema: graphql::build(config.graphiql),
            password_checks: PasswordChecks::new(
                config.password_checks,
                config.password_check_wait,
            ),
            service_rate: ServiceRate::new(config.service_rate_per_minute),
            config,
            clock: clock.clone(),
            metrics: Metrics::new(),
            documents,
        };
        let mut background = vec![spawn_metrics_upkeep(state.metrics.clone())];
        let mut metrics_addr = None;
        if let Some(bind) = config_for_worker.metrics_bind {
            let listener = TcpListener::bind(bind).await?;
            metrics_addr = Some(listener.local_addr()?);
            let metrics = metrics_endpoint::router(state.clone());
            background.push(tokio::spawn(async move {
                if let Err(err) = axum::serve(listener, metrics).await {
                    tracing::error!(error = %err, "the metrics listener stopped");
                }
            }));
        }
        let router = match db.get_database_backend() {
            DbBackend::Postgres => {
                let store = PostgresStore::new(db.get_postgres_connection_pool().clone());
                store.migrate().await?;
                background.push(spawn_expired_deletion(store.clone()));
                router(state.clone(), SignedOutStaysOut(store))
            }
            _ => {
                let store = SqliteStore::new(db.get_sqlite_connection_pool().clone());
                store.migrate().await?;
                background.push(spawn_expired_deletion(store.clone()));
                router(state.clone(), SignedOutStaysOut(store))
            }
        };
        let mut worker_rounds = None;
        if config_for_worker.worker_enabled {
            let worker =
                Worker::new(db.clone(), &config_for_worker, clock).map_err(StartError::Mail)?;
            worker_rounds = Some(worker.rounds());
            let interval = config_for_worker.worker_interval;
            background.push(tokio::spawn(worker.run(interval, state.metrics.clone())));
        }
        Ok(Ponte {
            state,
            metrics_addr,
            worker_rounds,
            router,
            background: Background(background),
        })
    }

    /// Serves on `listener` until `shutdown` completes, then finishes the
    /// requests in flight.
    pub async fn run(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let result = axum::serve(
            listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        drop(self.background);
        result
    }
}

/// Folds the latency histograms' samples in every few seconds, also when
/// nobody scrapes (the exporter's own listener would do it; ours is a route).
fn spawn_metrics_upkeep(metrics: Metrics) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(tokio::time::Duration::from_secs(5));
        loop {
            every.tick().await;
            metrics.upkeep();
        }
    })
}

fn spawn_expired_deletion<S: ExpiredDeletion + Clone + 'static>(store: S) -> JoinHandle<()> {
    tokio::spawn(async move {
        if let Err(err) = store
            .continuously_delete_expired(tokio::time::Duration::from_secs(300))
            .await
        {
            tracing::warn!(error = %err, "expired-session cleanup stopped");
        }
    })
}

/// `ponte serve`: runs until SIGINT or SIGTERM.
pub async fn serve(config: Config) -> Result<(), StartError> {
    let bind = config.bind;
    let public_url = config.public_url.clone();
    let ponte = Ponte::prepare(config).await?;
    let listener = TcpListener::bind(bind).await?;
    // The address it listens on: PONTE_BIND may leave the port to the system (:0).
    let bound = listener.local_addr()?;
    tracing::info!(bind = %bound, public_url = %public_url, "Ponte is serving");
    if let Some(metrics) = ponte.metrics_addr {
        tracing::info!(bind = %metrics, "metrics at /metrics");
    }
    ponte.run(listener, shutdown_signal()).await?;
    tracing::info!("Ponte stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::warn!(error = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
