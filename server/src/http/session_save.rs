//! The session is saved after every request (so that the idle timeout
//! slides). When that save fails, because the database went away while the
//! request ran, `tower-sessions` throws the handler's answer away and sends
//! a bare 500 with no body: a client cannot tell it from a torn answer, and
//! a write the handler had committed looks like nothing at all. This turns
//! it into what any failure of the database answers: the GraphQL envelope
//! with INTERNAL and its reference, under 503 (the service is unavailable
//! for the moment; the log names the cause under the reference).

use axum::body::{Body, HttpBody};
use axum::http::{Response, StatusCode};

use crate::http::panics::internal_answer;

/// Placed just outside the session layer: every other 500 of Ponte carries
/// a body (a panic's answer), so a bodiless one is the failed save.
pub async fn explain_failure(response: Response<Body>) -> Response<Body> {
    if response.status() == StatusCode::INTERNAL_SERVER_ERROR
        && response.body().size_hint().exact() == Some(0)
    {
        return internal_answer(
            StatusCode::SERVICE_UNAVAILABLE,
            "session: the session could not be saved after the request (database unreachable?)",
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn explained(status: StatusCode, body: &'static str) -> (StatusCode, serde_json::Value) {
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = status;
        let response = explain_failure(response).await;
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 4096)
            .await
            .unwrap();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null),
        )
    }

    #[tokio::test]
    async fn a_bare_500_becomes_an_internal_error_with_its_reference_under_503() {
        let (status, body) = explained(StatusCode::INTERNAL_SERVER_ERROR, "").await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        let error = &body["errors"][0];
        assert_eq!(error["extensions"]["code"], "INTERNAL");
        let message = error["message"].as_str().unwrap();
        assert!(message.starts_with("errore interno (rif. "), "{message}");
        assert!(!message.contains("session"), "{message}");
    }

    #[tokio::test]
    async fn answers_with_a_body_pass_unchanged() {
        let (status, _) = explained(StatusCode::INTERNAL_SERVER_ERROR, "{}").await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        let (status, _) = explained(StatusCode::OK, "").await;
        assert_eq!(status, StatusCode::OK);
    }
}
