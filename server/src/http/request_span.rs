//! The request's span (method, path, request id, see `router`), kept in the
//! request's extensions: layers inside it enter spans of their own (the
//! session layer's), so a handler that learns more about the request (the
//! GraphQL operation) finds the span to record it on here, not as the
//! current one.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Span;

#[derive(Clone)]
pub struct RequestSpan(pub Span);

/// Runs just inside the tracing layer, where its span is the current one.
pub async fn remember(mut request: Request, next: Next) -> Response {
    request
        .extensions_mut()
        .insert(RequestSpan(Span::current()));
    next.run(request).await
}
