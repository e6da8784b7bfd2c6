//! `GET /export/audit/person-accesses.csv?personId=…&from=…&to=…`: every
//! access to one person's record as a file, for an AUDITOR (the Garante's
//! rules on access logs to health records). `from` and `to` are days,
//! both included, in UTC like the rest of the trail.

use async_graphql::ID;
use axum::extract::State;
use axum::response::Response;
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Deserialize;

use crate::error::{AppError, AppResult};
use crate::graphql::ids::parse_id;
use crate::graphql::scalars::{parse_date, INVALID_DATE};
use crate::http::download::{answer, attachment, Asked};
use crate::http::router::AppState;
use crate::services::audit_trail::{access_log_csv, person_accesses};
use crate::services::csv_text::CSV_CONTENT_TYPE;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Params {
    person_id: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

pub async fn csv(State(state): State<AppState>, asked: Asked<Params>) -> Response {
    answer(download(&state, asked).await)
}

async fn download(state: &AppState, asked: Asked<Params>) -> AppResult<Response> {
    let (caller, params) = asked.caller_and_params(state).await?;
    let person_id = params
        .person_id
        .filter(|v| !v.is_empty())
        .ok_or_else(|| AppError::validation("personId", "Indica la persona"))?;
    let person_id = parse_id(&ID::from(person_id), "personId")?;
    let from = day(params.from, "from")?;
    let to = day(params.to, "to")?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(AppError::validation(
                "to",
                "La data finale viene prima di quella iniziale",
            ));
        }
    }
    let accesses = person_accesses(
        &state.db,
        &caller,
        person_id,
        from.map(start_of),
        to.and_then(|to| to.checked_add_days(Days::new(1)))
            .map(start_of),
    )
    .await?;
    let body = access_log_csv(&accesses).into_bytes();
    let file_name = format!("accessi-{}.csv", person_id.simple());
    Ok(attachment(CSV_CONTENT_TYPE, &file_name, body))
}

fn day(value: Option<String>, field: &str) -> AppResult<Option<NaiveDate>> {
    value
        .filter(|v| !v.is_empty())
        .map(|text| parse_date(&text).ok_or_else(|| AppError::validation(field, INVALID_DATE)))
        .transpose()
}

fn start_of(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(chrono::NaiveTime::MIN).and_utc()
}
