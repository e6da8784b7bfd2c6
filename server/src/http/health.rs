use axum::extract::State;
use axum::http::StatusCode;

use crate::http::router::AppState;

/// The process is up.
pub async fn healthz() -> &'static str {
    "ok"
}

/// The process can reach its database: a load balancer sends traffic only then.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(err) => {
            tracing::warn!(error = %err, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}
