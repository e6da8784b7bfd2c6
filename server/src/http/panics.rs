//! A panic in a handler is a bug. Without this net hyper drops the connection
//! and the person at the keyboard sees the app hang or a browser error; with
//! it they get the same "errore interno (rif. …)" as any internal error, the
//! log gets the panic under that reference, and the transaction the handler
//! held is rolled back as it is dropped.

use std::any::Any;

use axum::body::Body;
use axum::http::{header, HeaderValue, Response, StatusCode};
use tower_http::catch_panic::CatchPanicLayer;

use crate::graphql::errors;

type Responder = fn(Box<dyn Any + Send + 'static>) -> Response<Body>;

pub fn layer() -> CatchPanicLayer<Responder> {
    CatchPanicLayer::custom(respond as Responder)
}

fn respond(panic: Box<dyn Any + Send + 'static>) -> Response<Body> {
    let what = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    internal_answer(StatusCode::INTERNAL_SERVER_ERROR, &format!("panic: {what}"))
}

/// An internal error as a whole HTTP answer: the GraphQL envelope with
/// "errore interno (rif. …)" under `status`, the detail logged under that
/// reference only.
pub fn internal_answer(status: StatusCode, detail: &str) -> Response<Body> {
    let body = errors::internal_response(detail);
    let mut response = Response::new(Body::from(serde_json::to_vec(&body).unwrap_or_default()));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

#[cfg(test)]
mod tests {
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt;

    use super::*;

    #[tokio::test]
    async fn a_panicking_handler_answers_an_internal_error_without_its_message() {
        let app = Router::new()
            .route(
                "/",
                get(|| async {
                    panic!("SELECT secret FROM persons");
                    #[allow(unreachable_code)]
                    ""
                }),
            )
            .layer(layer());
        let response = app
            .oneshot(
                axum::http::Request::builder()
                    .uri("/")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let bytes = axum::body::to_bytes(response.into_body(), 4096)
            .await
            .unwrap();
        let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let error = &body["errors"][0];
        assert_eq!(error["extensions"]["code"], "INTERNAL");
        let message = error["message"].as_str().unwrap();
        assert!(message.starts_with("errore interno"), "{message}");
        assert!(!message.contains("secret"), "{message}");
    }
}
