//! `POST /fhir/r4/Bundle`: a hospital's system reports a protected
//! discharge in FHIR R4 (issue 18.2). Bearer only: a service account of the
//! hospital with `discharges:report`. The Bundle is read by
//! `fhir::inbound`, the rules and the single discharge per message are the
//! service's (`services::discharges::report_discharge_once`). Every answer
//! is FHIR: 201 (200 for a message already received) with a
//! `transaction-response` Bundle whose entry's `response.location` is
//! `Encounter/<discharge id>`, or an `OperationOutcome` naming the element at
//! fault, never a 500 for what was sent.

use axum::body::to_bytes;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use crate::domain::vocabulary::ServiceScope;
use crate::error::AppError;
use crate::fhir::inbound::read_bundle;
use crate::fhir::outcome::{error_response, fhir_response, refused, Issue};
use crate::http::bearer::ServiceAccountCaller;
use crate::http::router::{AppState, MAX_BODY_BYTES};
use crate::services::discharges::{report_discharge_once, SystemReport};

pub const PATH: &str = "/fhir/r4/Bundle";

pub async fn post(State(state): State<AppState>, request: Request) -> Response {
    let (mut parts, body) = request.into_parts();
    let machine = match ServiceAccountCaller::from_request_parts(&mut parts, &state).await {
        Ok(machine) => machine,
        Err(refusal) => return as_outcome(refusal).await,
    };
    if let Err(refusal) = machine.require(ServiceScope::DischargesReport).await {
        return as_outcome(refusal).await;
    }
    if !fhir_json(&parts.headers) {
        return refused(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &[Issue::error(
                "not-supported",
                "Il Bundle si invia con Content-Type: application/fhir+json",
            )],
        );
    }
    let Ok(bytes) = to_bytes(body, MAX_BODY_BYTES).await else {
        return refused(
            StatusCode::PAYLOAD_TOO_LARGE,
            &[Issue::error(
                "too-costly",
                format!(
                    "Bundle troppo grande: al massimo {} KiB",
                    MAX_BODY_BYTES / 1024
                ),
            )],
        );
    };
    let Ok(sent) = serde_json::from_slice::<Value>(&bytes) else {
        return refused(
            StatusCode::BAD_REQUEST,
            &[Issue::error(
                "structure",
                "Il corpo della richiesta non è JSON",
            )],
        );
    };
    let read = match read_bundle(&sent) {
        Ok(read) => read,
        Err(issues) => return refused(StatusCode::BAD_REQUEST, &issues),
    };
    match report_discharge_once(
        &state.db,
        &machine.caller,
        &state.config.public_url,
        read.message,
        read.report,
    )
    .await
    {
        Ok(report) => answer(report),
        Err(AppError::Validation { field, message }) => {
            let at = read.paths.of_field(&field).unwrap_or("Bundle").to_owned();
            refused(
                StatusCode::BAD_REQUEST,
                &[Issue::error("invalid", message).at(at)],
            )
        }
        Err(err) => error_response(err),
    }
}

/// `application/fhir+json`, or `application/json` as many clients send.
fn fhir_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::trim)
        .is_some_and(|t| {
            t.eq_ignore_ascii_case("application/fhir+json")
                || t.eq_ignore_ascii_case("application/json")
        })
}

/// The created (201) or already received (200) discharge's `Encounter`.
fn answer(report: SystemReport) -> Response {
    let location = format!("Encounter/{}", report.discharge_id);
    let (status, said) = if report.created {
        (StatusCode::CREATED, "201 Created")
    } else {
        (StatusCode::OK, "200 OK")
    };
    let mut response = fhir_response(
        status,
        json!({
            "resourceType": "Bundle",
            "type": "transaction-response",
            "entry": [{ "response": { "status": said, "location": location } }],
        }),
    );
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// The door's refusal (401, 403, 429, in Ponte's JSON error shape) told as
/// an `OperationOutcome`, with its status and headers (`WWW-Authenticate`,
/// `Retry-After`).
async fn as_outcome(refusal: Response) -> Response {
    let (parts, body) = refusal.into_parts();
    let said: Value = to_bytes(body, MAX_BODY_BYTES)
        .await
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or(Value::Null);
    let first = &said["errors"][0];
    let message = first["message"]
        .as_str()
        .unwrap_or("Richiesta rifiutata")
        .to_owned();
    let code = match parts.status {
        StatusCode::UNAUTHORIZED => "login",
        StatusCode::FORBIDDEN => "forbidden",
        StatusCode::TOO_MANY_REQUESTS => "throttled",
        _ => "exception",
    };
    let mut response = refused(parts.status, &[Issue::error(code, message)]);
    for name in [header::WWW_AUTHENTICATE, header::RETRY_AFTER] {
        if let Some(value) = parts.headers.get(&name) {
            response.headers_mut().insert(name, value.clone());
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_comes_as_fhir_json_or_json() {
        let mut headers = HeaderMap::new();
        assert!(!fhir_json(&headers));
        for (sent, taken) in [
            ("application/fhir+json; charset=utf-8", true),
            ("application/json", true),
            ("application/fhir+xml", false),
            ("text/plain", false),
        ] {
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(sent));
            assert_eq!(fhir_json(&headers), taken, "{sent}");
        }
    }
}
