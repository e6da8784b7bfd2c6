//! `GET /fhir/r4/Patient/{id}/$everything` (issue 18.3): a person's record
//! as a FHIR R4 `searchset` Bundle, for a service account with `fhir:read`
//! of an organization responsible for the person (its bearer token) or a
//! user with need-to-know (the session, with the downloads' same-site
//! check). Every refusal, the machine door's included, is an
//! `OperationOutcome` with the status Ponte gives it elsewhere. The rule
//! and the audit are the service's (`services::fhir_record`), the
//! resources `fhir::record`'s.

use async_graphql::ID;
use axum::body::to_bytes;
use axum::extract::{FromRequestParts, Path, Request, State};
use axum::http::{header, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use serde_json::Value;

use crate::caller::Caller;
use crate::domain::vocabulary::ServiceScope;
use crate::fhir::outcome::{error_response, fhir_response, graphql_answer_response};
use crate::fhir::record::everything as bundle;
use crate::graphql::ids::parse_id;
use crate::http::bearer::{sent_by_machine, ServiceAccountCaller};
use crate::http::download::Asked;
use crate::http::router::AppState;
use crate::services::fhir_record::read_record;

/// `$everything` takes none of its optional parameters (`start`, `end`,
/// `_since`, `_type`, `_count`): the whole record is always sent.
#[derive(Debug, Default, Deserialize)]
pub struct Params {}

/// The installation's FHIR base: the public URL and `/fhir/r4`.
pub fn fhir_base(state: &AppState) -> String {
    format!(
        "{}/fhir/r4",
        state.config.public_url.as_str().trim_end_matches('/')
    )
}

pub async fn everything(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let (mut parts, _) = request.into_parts();
    let caller = if sent_by_machine(&parts.headers) {
        let machine = match ServiceAccountCaller::from_request_parts(&mut parts, &state).await {
            Ok(machine) => machine,
            Err(refused) => return as_outcome(refused).await,
        };
        if let Err(refused) = machine.require(ServiceScope::FhirRead).await {
            return as_outcome(refused).await;
        }
        machine.caller
    } else {
        let asked = match Asked::<Params>::from_request_parts(&mut parts, &state).await {
            Ok(asked) => asked,
            Err(refused) => return as_outcome(refused).await,
        };
        match asked.caller_and_params(&state).await {
            Ok((caller, _)) => caller,
            Err(err) => return error_response(err),
        }
    };
    answer(&state, &caller, &id).await
}

async fn answer(state: &AppState, caller: &Caller, id: &str) -> Response {
    let person_id = match parse_id(&ID::from(id), "Patient.id") {
        Ok(person_id) => person_id,
        Err(err) => return error_response(err),
    };
    match read_record(&state.db, caller, person_id).await {
        Ok(record) => fhir_response(
            StatusCode::OK,
            bundle(&record, &fhir_base(state), caller.today(), caller.now()),
        ),
        Err(err) => error_response(err),
    }
}

/// A refusal of the machine door (401, 403, 429, in Ponte's JSON error
/// shape) as an `OperationOutcome`, keeping its status and the headers a
/// client acts on (`WWW-Authenticate`, `Retry-After`).
async fn as_outcome(refused: Response) -> Response {
    let (parts, body) = refused.into_parts();
    let body: Value = match to_bytes(body, 64 * 1024).await {
        Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        Err(_) => Value::Null,
    };
    let mut answer = graphql_answer_response(parts.status, &body);
    for name in [header::WWW_AUTHENTICATE, header::RETRY_AFTER] {
        if let Some(value) = parts.headers.get(&name) {
            answer.headers_mut().insert(name, value.clone());
        }
    }
    answer
}
