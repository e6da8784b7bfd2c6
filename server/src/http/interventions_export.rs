//! `GET /export/interventions.csv?from=…&to=…&territory=…`: the
//! interventions flow (issue 18.5) for a service account with
//! `export:interventions` (its bearer token) or a REPORTER's browser (the
//! session, with the downloads' same-site check, as
//! `indicator_export.rs`). The rule, the file and the audit event are the
//! service's (`services::interventions_flow`).

use async_graphql::ID;
use axum::extract::{FromRequestParts, Query, Request, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::caller::Caller;
use crate::domain::vocabulary::ServiceScope;
use crate::error::{AppError, AppResult};
use crate::graphql::ids::parse_id;
use crate::graphql::scalars::{parse_date, INVALID_DATE};
use crate::http::bearer::{sent_by_machine, ServiceAccountCaller};
use crate::http::download::{answer, attachment, Asked};
use crate::http::router::AppState;
use crate::services::csv_text::CSV_CONTENT_TYPE;
use crate::services::interventions_flow::{export_interventions, FlowRequest};

/// The query string as sent, read by `request` so that a bad value is a
/// VALIDATION error naming its parameter.
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    from: Option<String>,
    to: Option<String>,
    territory: Option<String>,
}

pub async fn csv(State(state): State<AppState>, request: Request) -> Response {
    let (mut parts, _) = request.into_parts();
    if sent_by_machine(&parts.headers) {
        let machine = match ServiceAccountCaller::from_request_parts(&mut parts, &state).await {
            Ok(machine) => machine,
            Err(refused) => return refused,
        };
        if let Err(refused) = machine.require(ServiceScope::ExportInterventions).await {
            return refused;
        }
        let params = Query::<Params>::from_request_parts(&mut parts, &state)
            .await
            .map(|Query(p)| p)
            .map_err(|_| AppError::validation("query", "Parametri della richiesta non leggibili"));
        return answer(match params {
            Ok(params) => download(&state, &machine.caller, params).await,
            Err(err) => Err(err),
        });
    }
    let asked = match Asked::<Params>::from_request_parts(&mut parts, &state).await {
        Ok(asked) => asked,
        Err(refused) => return refused.into_response(),
    };
    answer(match asked.caller_and_params(&state).await {
        Ok((caller, params)) => download(&state, &caller, params).await,
        Err(err) => Err(err),
    })
}

async fn download(state: &AppState, caller: &Caller, params: Params) -> AppResult<Response> {
    let request = request(params)?;
    let file = export_interventions(&state.db, caller, request).await?;
    Ok(attachment(
        CSV_CONTENT_TYPE,
        &file.file_name,
        file.text.into_bytes(),
    ))
}

fn request(params: Params) -> AppResult<FlowRequest> {
    let date = |value: Option<String>, field: &str, missing: &str| match value {
        None => Err(AppError::validation(field, missing)),
        Some(text) => parse_date(&text).ok_or_else(|| AppError::validation(field, INVALID_DATE)),
    };
    let territory_id = match params.territory.filter(|t| !t.is_empty()) {
        None => {
            return Err(AppError::validation(
                "territory",
                "Indica il territorio (territory=<id>)",
            ))
        }
        Some(text) => parse_id(&ID::from(text), "territory")?,
    };
    Ok(FlowRequest {
        territory_id,
        from: date(params.from, "from", "Indica la data iniziale (AAAA-MM-GG)")?,
        to: date(params.to, "to", "Indica la data finale (AAAA-MM-GG)")?,
    })
}
