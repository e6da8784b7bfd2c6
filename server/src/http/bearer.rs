//! The door of the machine endpoints (issue 18.1): `Authorization: Bearer
//! ponte_sa_…` and nothing else. [`ServiceAccountCaller`] is the extractor a
//! machine handler takes: it answers 401 with `WWW-Authenticate: Bearer`
//! for a missing, unknown, revoked or expired token or an inactive account,
//! 429 with `Retry-After` past the account's rate, and hands the handler a
//! `Caller` whose audit events name the account; [`ServiceAccountCaller::require`]
//! answers 403 for a scope the account lacks. The FHIR endpoints plug in
//! the same way. A token never makes a session, and anywhere but the
//! machine endpoints (`/graphql` above all) it is refused with 401.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use governor::clock::{Clock as _, DefaultClock};
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use serde_json::json;
use uuid::Uuid;

use crate::caller::Caller;
use crate::domain::service_accounts::TokenRefusal;
use crate::domain::vocabulary::ServiceScope;
use crate::graphql::errors::http_answer;
use crate::http::graphql_endpoint::client_address_of;
use crate::http::request_id;
use crate::http::router::AppState;
use crate::policy;
use crate::services::service_accounts::{authenticate, record_scope_refused, BearerRefusal};

/// The paths that take a bearer token. Everything else refuses one.
pub fn is_machine_endpoint(path: &str) -> bool {
    path == "/export/interventions.csv" || path.starts_with("/fhir/")
}

/// Per account, a burst of `n` calls then one every 60/n seconds (GCRA).
/// Kept in this instance's memory: behind a load balancer of k instances
/// an account gets at most k times the rate.
#[derive(Clone)]
pub struct ServiceRate(Arc<RateLimiter<Uuid, DefaultKeyedStateStore<Uuid>, DefaultClock>>);

impl ServiceRate {
    pub fn new(per_minute: u32) -> ServiceRate {
        let per_minute = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        ServiceRate(Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute))))
    }

    /// `Err(seconds to wait)` when the account is over its rate.
    fn check(&self, account_id: Uuid) -> Result<(), u64> {
        self.0.check_key(&account_id).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }
}

/// The answer of a refused machine call: the GraphQL error shape every
/// client of Ponte reads, with the status and headers HTTP clients expect.
fn refusal(
    status: StatusCode,
    code: &str,
    message: &str,
    headers: &[(header::HeaderName, String)],
) -> Response {
    let mut response = (
        status,
        Json(json!({ "errors": [{ "message": message, "extensions": { "code": code } }] })),
    )
        .into_response();
    for (name, value) in headers {
        if let Ok(value) = HeaderValue::from_str(value) {
            response.headers_mut().insert(name.clone(), value);
        }
    }
    response
}

fn unauthorized(message: &str, invalid: bool) -> Response {
    let challenge = if invalid {
        "Bearer realm=\"ponte\", error=\"invalid_token\""
    } else {
        "Bearer realm=\"ponte\""
    };
    refusal(
        StatusCode::UNAUTHORIZED,
        "UNAUTHENTICATED",
        message,
        &[(header::WWW_AUTHENTICATE, challenge.to_owned())],
    )
}

/// The token of `Authorization: Bearer <token>`, if that is what is sent.
fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

fn carries_bearer(headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.get(..6)
                .is_some_and(|scheme| scheme.eq_ignore_ascii_case("bearer"))
        })
}

/// A bearer token anywhere but a machine endpoint: 401, before CSRF and
/// the session are looked at, so a token never reaches `/graphql` nor
/// makes a session.
pub async fn only_on_machine_endpoints(request: Request, next: Next) -> Response {
    if carries_bearer(request.headers()) && !is_machine_endpoint(request.uri().path()) {
        return unauthorized(
            "I token dei service account valgono solo sugli endpoint per i sistemi \
             (/export/interventions.csv, /fhir/…), non qui: su /graphql si entra con una sessione",
            false,
        );
    }
    next.run(request).await
}

/// A machine call with a valid token of an active account within its rate.
pub struct ServiceAccountCaller {
    pub caller: Caller,
    state: AppState,
    path: String,
}

impl ServiceAccountCaller {
    /// 403 (and an event in the account's trail) unless the account has `scope`.
    pub async fn require(&self, scope: ServiceScope) -> Result<(), Response> {
        let Some(account) = &self.caller.service_account else {
            return Err(unauthorized("Manca il token del service account", false));
        };
        if let Err(err) = policy::require_scope(account, scope) {
            if let Err(failed) =
                record_scope_refused(&self.state.db, &self.caller, scope, &self.path).await
            {
                return Err(answer_error(failed));
            }
            let (status, body) = http_answer(err);
            let mut response = (status, Json(body)).into_response();
            let challenge = format!(
                "Bearer realm=\"ponte\", error=\"insufficient_scope\", scope=\"{}\"",
                scope.wire()
            );
            if let Ok(value) = HeaderValue::from_str(&challenge) {
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, value);
            }
            return Err(response);
        }
        Ok(())
    }
}

fn answer_error(err: crate::error::AppError) -> Response {
    let (status, body) = http_answer(err);
    (status, Json(body)).into_response()
}

impl FromRequestParts<AppState> for ServiceAccountCaller {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Some(token) = bearer_token(&parts.headers).map(str::to_owned) else {
            return Err(unauthorized(
                "Manca il token: invia Authorization: Bearer ponte_sa_…",
                false,
            ));
        };
        let ConnectInfo(peer) = ConnectInfo::<SocketAddr>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let caller = Caller {
            viewer: None,
            service_account: None,
            request_id: parts
                .headers
                .get(request_id::HEADER)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
            client_addr: Some(client_address_of(state, peer, &parts.headers)),
            clock: state.clock.clone(),
            rules: state.config.case_rules,
        };
        let account = match authenticate(&state.db, &caller, &token).await {
            Ok(account) => account,
            Err(BearerRefusal::Unknown) => {
                return Err(unauthorized("Token non valido", true));
            }
            Err(BearerRefusal::Refused(why)) => {
                let message = match why {
                    TokenRefusal::Revoked => "Token revocato",
                    TokenRefusal::Expired => "Token scaduto",
                    TokenRefusal::InactiveAccount => "Service account disattivato",
                };
                return Err(unauthorized(message, true));
            }
            Err(BearerRefusal::Failed(err)) => return Err(answer_error(err)),
        };
        if let Err(seconds) = state.service_rate.check(account.account_id) {
            tracing::warn!(account_id = %account.account_id, "service account over its rate");
            return Err(refusal(
                StatusCode::TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                &format!(
                    "Troppe richieste per questo service account: riprova tra {seconds} secondi"
                ),
                &[(header::RETRY_AFTER, seconds.max(1).to_string())],
            ));
        }
        Ok(ServiceAccountCaller {
            caller: Caller {
                service_account: Some(account),
                ..caller
            },
            state: state.clone(),
            path: parts.uri.path().to_owned(),
        })
    }
}

/// Whether the request comes with a bearer token (a machine) rather than
/// a session (a person): the endpoints open to both ask this first.
pub fn sent_by_machine(headers: &HeaderMap) -> bool {
    carries_bearer(headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_machine_endpoints_take_a_token() {
        assert!(is_machine_endpoint("/export/interventions.csv"));
        assert!(is_machine_endpoint("/fhir/r4/Bundle"));
        assert!(!is_machine_endpoint("/graphql"));
        assert!(!is_machine_endpoint("/export/indicators.csv"));
    }

    #[test]
    fn the_token_is_read_from_a_bearer_header_only() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer ponte_sa_abc"),
        );
        assert_eq!(bearer_token(&headers), Some("ponte_sa_abc"));
        assert!(carries_bearer(&headers));
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Basic dXNlcjpwYXNz"),
        );
        assert_eq!(bearer_token(&headers), None);
        assert!(!carries_bearer(&headers));
    }

    #[test]
    fn past_the_burst_a_call_waits() {
        let rate = ServiceRate::new(2);
        let account = Uuid::now_v7();
        assert!(rate.check(account).is_ok());
        assert!(rate.check(account).is_ok());
        let wait = rate.check(account).unwrap_err();
        assert!((1..=30).contains(&wait), "{wait}");
        assert!(rate.check(Uuid::now_v7()).is_ok());
    }
}
