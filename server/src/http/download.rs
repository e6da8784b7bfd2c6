//! What every download has in common: the request read once (peer, headers,
//! session, query string), the caller from the API's session, the file as an
//! attachment, and errors as the JSON a GraphQL client reads, with the
//! matching status. A plain link opens a download, so the router guards them
//! with `csrf::same_origin_only` instead of the CSRF header.

use std::net::SocketAddr;

use axum::extract::rejection::QueryRejection;
use axum::extract::{ConnectInfo, FromRequestParts, Query};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::de::DeserializeOwned;
use tower_sessions::Session;

use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::graphql::errors::http_answer;
use crate::http::graphql_endpoint::caller_of;
use crate::http::router::AppState;

/// What a download request brings; `P` is its query string.
pub struct Asked<P> {
    peer: SocketAddr,
    headers: HeaderMap,
    session: Session,
    params: Result<Query<P>, QueryRejection>,
}

impl<S: Send + Sync, P: DeserializeOwned + Send> FromRequestParts<S> for Asked<P> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let ConnectInfo(peer) = ConnectInfo::<SocketAddr>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Asked {
            peer,
            headers: parts.headers.clone(),
            session,
            params: Query::<P>::from_request_parts(parts, state).await,
        })
    }
}

impl<P> Asked<P> {
    /// The caller, who must be signed in, and the query string. Signed out
    /// is told first, whatever the parameters: the SPA then sends the
    /// person to the sign-in page rather than show a parameter error.
    pub async fn caller_and_params(self, state: &AppState) -> AppResult<(Caller, P)> {
        let caller = caller_of(state, self.peer, &self.headers, &self.session).await?;
        caller.viewer()?;
        let Query(params) = self.params.map_err(|_| {
            AppError::validation("query", "Parametri della richiesta non leggibili")
        })?;
        Ok((caller, params))
    }
}

/// A file the browser saves as `file_name`.
pub fn attachment(content_type: &str, file_name: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// The file, or the error as JSON with its status.
pub fn answer(result: AppResult<Response>) -> Response {
    result.unwrap_or_else(|err| {
        let (status, body) = http_answer(err);
        (status, Json(body)).into_response()
    })
}
