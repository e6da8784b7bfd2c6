//! Cross-site request protection for `POST /graphql` and the downloads. A browser can only send
//! `Content-Type: application/json` and a custom header cross-site after a
//! CORS preflight, which Ponte never grants; the `Origin` check and the
//! SameSite=Strict cookie are further layers.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use crate::http::refusals::refusal;
use crate::http::router::AppState;
use crate::http::{bearer, documents};

pub const CSRF_HEADER: &str = "x-ponte-csrf";

pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST || machine_call(request.headers(), request.uri().path()) {
        return next.run(request).await;
    }
    let checked = if request.uri().path() == documents::UPLOAD_PATH {
        check_upload(request.headers(), &state.config.allowed_origins())
    } else {
        check(request.headers(), &state.config.allowed_origins())
    };
    match checked {
        Ok(()) => next.run(request).await,
        Err((status, message)) => refusal(status, message),
    }
}

/// A system's call to a machine endpoint (`POST /fhir/r4/Bundle`): no
/// session is read there (`http::bearer` authenticates the token, and
/// answers `401` asking for one when it is missing), and a browser sends an
/// `Authorization` header cross-site only after a CORS preflight Ponte never
/// grants, so there is nothing for the CSRF check to protect and no header
/// to ask for. A POST to the FHIR endpoints is a machine's whatever it
/// carries (a session cookie there opens nothing), so a client that forgot
/// its token is told so, not that its content type is wrong.
fn machine_call(headers: &HeaderMap, path: &str) -> bool {
    bearer::is_machine_endpoint(path)
        && (bearer::sent_by_machine(headers) || path.starts_with("/fhir/"))
}

/// The body every POST but an upload carries.
const JSON: BodyType = BodyType {
    content_type: "application/json",
    refusal: "Le richieste devono avere Content-Type: application/json",
};

/// A document's upload is a multipart form, the one content type a
/// cross-site `<form>` can send too: the custom header (which such a form
/// cannot set, and a cross-site `fetch` only after a preflight Ponte never
/// grants) and the `Origin` are what refuse it.
const MULTIPART: BodyType = BodyType {
    content_type: "multipart/form-data",
    refusal: "Il caricamento deve avere Content-Type: multipart/form-data",
};

struct BodyType {
    content_type: &'static str,
    refusal: &'static str,
}

fn check(
    headers: &HeaderMap,
    allowed_origins: &[String],
) -> Result<(), (StatusCode, &'static str)> {
    check_as(headers, allowed_origins, &JSON)
}

fn check_upload(
    headers: &HeaderMap,
    allowed_origins: &[String],
) -> Result<(), (StatusCode, &'static str)> {
    check_as(headers, allowed_origins, &MULTIPART)
}

/// The one cross-site check: the body's type, the custom header, the origin.
fn check_as(
    headers: &HeaderMap,
    allowed_origins: &[String],
    body: &BodyType,
) -> Result<(), (StatusCode, &'static str)> {
    let right_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .eq_ignore_ascii_case(body.content_type)
        });
    if !right_type {
        return Err((StatusCode::UNSUPPORTED_MEDIA_TYPE, body.refusal));
    }
    if headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()) != Some("1") {
        return Err((
            StatusCode::FORBIDDEN,
            "Manca l'intestazione X-Ponte-CSRF: 1",
        ));
    }
    if foreign_origin(headers, allowed_origins) {
        return Err((StatusCode::FORBIDDEN, FOREIGN_ORIGIN));
    }
    Ok(())
}

const FOREIGN_ORIGIN: &str = "Origine della richiesta non consentita";

/// Whether the request says it comes from an origin other than Ponte's.
fn foreign_origin(headers: &HeaderMap, allowed_origins: &[String]) -> bool {
    headers.get(header::ORIGIN).is_some_and(|origin| {
        let origin = origin.to_str().unwrap_or("");
        !allowed_origins.iter().any(|allowed| allowed == origin)
    })
}

/// For the downloads (`GET /export/…`), which a plain link opens with the
/// session cookie and so cannot ask for a custom header. The SameSite=Strict
/// cookie already stays home on a cross-site request; the fetch metadata and
/// the `Origin` a browser sends refuse what would still get through (a
/// sibling subdomain is same-site, an old browser ignores SameSite). Absent
/// headers pass: a browser that sends neither is judged by the cookie alone.
pub async fn same_origin_only(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    match cross_site(request.headers(), &state.config.allowed_origins()) {
        None => next.run(request).await,
        Some(message) => refusal(StatusCode::FORBIDDEN, message),
    }
}

fn cross_site(headers: &HeaderMap, allowed_origins: &[String]) -> Option<&'static str> {
    let site = headers
        .get("sec-fetch-site")
        .map(|v| v.to_str().unwrap_or(""));
    // `none`: typed in the address bar or opened from a bookmark.
    if site.is_some_and(|site| site != "same-origin" && site != "none") {
        return Some("Richiesta proveniente da un altro sito non consentita");
    }
    foreign_origin(headers, allowed_origins).then_some(FOREIGN_ORIGIN)
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
    fn a_download_from_another_site_is_refused_and_ours_or_a_bookmark_passes() {
        for ours in [
            headers(&[("sec-fetch-site", "same-origin")]),
            headers(&[("sec-fetch-site", "none")]),
            headers(&[
                ("sec-fetch-site", "same-origin"),
                ("origin", "http://127.0.0.1:8080"),
            ]),
            headers(&[]),
        ] {
            assert_eq!(cross_site(&ours, &origins()), None);
        }
        for theirs in [
            headers(&[("sec-fetch-site", "cross-site")]),
            headers(&[("sec-fetch-site", "same-site")]),
            headers(&[("origin", "https://evil.example")]),
            headers(&[
                ("sec-fetch-site", "same-origin"),
                ("origin", "https://evil.example"),
            ]),
        ] {
            assert!(cross_site(&theirs, &origins()).is_some());
        }
    }

    #[test]
    fn an_upload_needs_the_header_and_our_origin_but_not_json() {
        let ours = headers(&[
            ("content-type", "multipart/form-data; boundary=x"),
            ("x-ponte-csrf", "1"),
            ("origin", "http://127.0.0.1:8080"),
        ]);
        assert_eq!(check_upload(&ours, &origins()), Ok(()));
        let form = headers(&[("content-type", "multipart/form-data; boundary=x")]);
        assert_eq!(
            check_upload(&form, &origins()).unwrap_err().0,
            StatusCode::FORBIDDEN
        );
        let foreign = headers(&[
            ("content-type", "multipart/form-data; boundary=x"),
            ("x-ponte-csrf", "1"),
            ("origin", "https://evil.example"),
        ]);
        assert_eq!(
            check_upload(&foreign, &origins()).unwrap_err().0,
            StatusCode::FORBIDDEN
        );
    }

    #[test]
    fn only_calls_to_a_machine_endpoint_skip_the_check() {
        let machine = headers(&[("authorization", "Bearer ponte_sa_abc")]);
        assert!(machine_call(&machine, "/fhir/r4/Bundle"));
        assert!(!machine_call(&machine, "/graphql"));
        // A FHIR POST reads no session: without a token the handler asks for one.
        let cookie = headers(&[("cookie", "ponte_session=abc")]);
        assert!(machine_call(&cookie, "/fhir/r4/Bundle"));
        assert!(!machine_call(&cookie, "/graphql"));
        let basic = headers(&[("authorization", "Basic dXNlcjpwYXNz")]);
        assert!(!machine_call(&basic, "/graphql"));
        assert!(!machine_call(&basic, crate::http::documents::UPLOAD_PATH));
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
