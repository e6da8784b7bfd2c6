//! Cross-site request protection for `POST /graphql`. A browser can only send
//! `Content-Type: application/json` and a custom header cross-site after a
//! CORS preflight, which Ponte never grants; the `Origin` check and the
//! SameSite=Strict cookie are further layers.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::http::router::AppState;

pub const CSRF_HEADER: &str = "x-ponte-csrf";

pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    match check(request.headers(), &state.config.allowed_origins()) {
        Ok(()) => next.run(request).await,
        Err((status, message)) => refusal(status, message),
    }
}

fn check(
    headers: &HeaderMap,
    allowed_origins: &[String],
) -> Result<(), (StatusCode, &'static str)> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .eq_ignore_ascii_case("application/json")
        })
        .unwrap_or(false);
    if !is_json {
        return Err((
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Le richieste devono avere Content-Type: application/json",
        ));
    }
    if headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()) != Some("1") {
        return Err((
            StatusCode::FORBIDDEN,
            "Manca l'intestazione X-Ponte-CSRF: 1",
        ));
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        if !allowed_origins.iter().any(|allowed| allowed == origin) {
            return Err((
                StatusCode::FORBIDDEN,
                "Origine della richiesta non consentita",
            ));
        }
    }
    Ok(())
}

/// Refusals use the GraphQL error shape so clients read one format.
fn refusal(status: StatusCode, message: &str) -> Response {
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

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    fn origins() -> Vec<String> {
        vec!["http://127.0.0.1:8080".to_string()]
    }

    #[test]
    fn json_with_the_header_and_our_origin_passes() {
        let h = headers(&[
            ("content-type", "application/json; charset=utf-8"),
            ("x-ponte-csrf", "1"),
            ("origin", "http://127.0.0.1:8080"),
        ]);
        assert_eq!(check(&h, &origins()), Ok(()));
        let h = headers(&[("content-type", "application/json"), ("x-ponte-csrf", "1")]);
        assert_eq!(check(&h, &origins()), Ok(()));
    }

    #[test]
    fn forms_missing_headers_and_foreign_origins_are_refused() {
        let form = headers(&[("content-type", "text/plain"), ("x-ponte-csrf", "1")]);
        assert_eq!(
            check(&form, &origins()).unwrap_err().0,
            StatusCode::UNSUPPORTED_MEDIA_TYPE
        );
        let no_header = headers(&[("content-type", "application/json")]);
        assert_eq!(
            check(&no_header, &origins()).unwrap_err().0,
            StatusCode::FORBIDDEN
        );
        let foreign = headers(&[
            ("content-type", "application/json"),
            ("x-ponte-csrf", "1"),
            ("origin", "https://evil.example"),
        ]);
        assert_eq!(
            check(&foreign, &origins()).unwrap_err().0,
            StatusCode::FORBIDDEN
        );
    }
}
