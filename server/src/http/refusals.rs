//! Refusals before GraphQL runs (wrong method, body too large, not JSON, a
//! batch, a body that is not a GraphQL request) answer in the GraphQL error
//! shape, `{"errors":[{"message", "extensions":{"code"}}]}`, under the HTTP
//! status that says the same: a client reads one format, whatever refused it,
//! and nothing of the library underneath (its Debug text) reaches it.

use async_graphql::ParseRequestError;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::http::router::MAX_BODY_BYTES;

/// The answer to a request refused at the door.
pub fn refusal(status: StatusCode, message: &str) -> Response {
    let code = if status == StatusCode::FORBIDDEN {
        "FORBIDDEN"
    } else {
        "BAD_REQUEST"
    };
    (
        status,
        Json(json!({ "errors": [{ "message": message, "extensions": { "code": code } }] })),
    )
        .into_response()
}

/// A body async-graphql could not read as one GraphQL request.
pub fn unreadable_request(err: &ParseRequestError) -> Response {
    match err {
        ParseRequestError::UnsupportedBatch => refusal(
            StatusCode::BAD_REQUEST,
            "Le richieste multiple (batch) non sono accettate: una operazione per richiesta",
        ),
        // The body limit, met while reading a body sent without its length.
        ParseRequestError::PayloadTooLarge => too_large(),
        ParseRequestError::Io(io) if io.to_string().contains("length limit exceeded") => {
            too_large()
        }
        _ => refusal(
            StatusCode::BAD_REQUEST,
            "Il corpo della richiesta non è una richiesta GraphQL in JSON: {\"query\": …, \"variables\": {…}}",
        ),
    }
}

fn too_large() -> Response {
    refusal(
        StatusCode::PAYLOAD_TOO_LARGE,
        &format!(
            "Richiesta troppo grande: al massimo {} KiB",
            MAX_BODY_BYTES / 1024
        ),
    )
}

/// The refusals axum and tower-http answer themselves, with a plain-text or
/// empty body (405 for a method the route does not take, 413 for a body
/// whose declared length is over the limit), put in the same shape.
pub async fn in_graphql_shape(response: Response) -> Response {
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if is_json {
        return response;
    }
    match response.status() {
        StatusCode::METHOD_NOT_ALLOWED => {
            let mut answer = refusal(
                StatusCode::METHOD_NOT_ALLOWED,
                "Metodo non consentito: le operazioni si inviano con POST",
            );
            // The methods the route does take, as axum said them.
            if let Some(allow) = response.headers().get(header::ALLOW) {
                answer.headers_mut().insert(header::ALLOW, allow.clone());
            }
            answer
        }
        StatusCode::PAYLOAD_TOO_LARGE => too_large(),
        _ => response,
    }
}
