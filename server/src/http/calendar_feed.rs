//! `GET /calendar/{token}.ics`: a user's calendar feed for calendar apps,
//! which send no session and no CSRF header: the secret in the path is the
//! credential (`services::calendar_feeds`). An unknown or revoked secret is
//! a plain 404, the same answer as a path that never existed.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::caller::Caller;
use crate::graphql::errors::http_answer;
use crate::http::graphql_endpoint::client_address_of;
use crate::http::request_id;
use crate::http::router::AppState;
use crate::services::calendar_feeds;

pub async fn ics(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    let Some(token) = file.strip_suffix(".ics") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let caller = Caller {
        viewer: None,
        request_id: headers
            .get(request_id::HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        client_addr: Some(client_address_of(&state, peer, &headers)),
        clock: state.clock.clone(),
        rules: state.config.case_rules,
        service_account: None,
    };
    let host = state.config.public_url.host_str().unwrap_or("ponte");
    match calendar_feeds::calendar_feed_file(&state.db, &caller, token, host).await {
        Ok(Some(body)) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
                (header::REFERRER_POLICY, "no-referrer"),
            ],
            body,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            let (status, body) = http_answer(err);
            (status, axum::Json(body)).into_response()
        }
    }
}
