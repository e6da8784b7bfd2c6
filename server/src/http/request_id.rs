//! The request id that ties a request's log lines, its response and its
//! audit events together is ours: a client could otherwise choose the id its
//! actions are filed under in the audit trail, or reuse someone else's. An
//! `X-Request-Id` sent to us is dropped (and a fresh one made) unless it
//! comes from a reverse proxy listed in `PONTE_TRUSTED_PROXIES`, which sets
//! its own to correlate its logs with ours.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::http::client_address::is_trusted_proxy;
use crate::http::router::AppState;

pub const HEADER: &str = "x-request-id";

/// Runs before the layer that makes ids for requests without one.
pub async fn drop_untrusted(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let from_trusted_proxy = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .is_some_and(|ConnectInfo(peer)| {
            is_trusted_proxy(peer.ip(), &state.config.trusted_proxies)
        });
    if !from_trusted_proxy {
        request.headers_mut().remove(HEADER);
    }
    next.run(request).await
}
