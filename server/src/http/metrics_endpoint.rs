//! `GET /metrics` on the metrics listener (`PONTE_METRICS_BIND`), and the
//! count of every HTTP request on the public one.
//!
//! The exposition is served only on its own address, never on the public
//! listener: a firewall or the bind address (a loopback or management
//! network) decides who scrapes, and no token can leak from a Prometheus
//! configuration into the public's reach.

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::http::router::AppState;

/// The one content type of the text exposition format.
const EXPOSITION: &str = "text/plain; version=0.0.4; charset=utf-8";

/// The router of the metrics listener: `/metrics` and nothing else.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(state)
}

async fn scrape(State(state): State<AppState>) -> Response {
    match state.metrics.render(&state.db).await {
        Ok(text) => ([(header::CONTENT_TYPE, EXPOSITION)], text).into_response(),
        Err(err) => {
            // The scrape fails visibly (Prometheus records `up` 0 for it)
            // and the reason is in the log.
            tracing::warn!(error = ?err, "metrics scrape failed");
            (StatusCode::SERVICE_UNAVAILABLE, "metrics unavailable").into_response()
        }
    }
}

/// Counts a request by its route template (`/export/indicators.csv`, never
/// the raw path a client chose) and the status it got; what no route
/// matched (the SPA's files, or nothing) is "fallback".
pub async fn count_http(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "fallback".to_owned(), |path| path.as_str().to_owned());
    let response = next.run(request).await;
    state
        .metrics
        .http_request(route, response.status().as_u16());
    response
}
