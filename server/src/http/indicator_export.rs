//! `GET /export/indicators.csv` and `GET /export/indicators.xlsx`: the
//! `indicators` query as a file, for a plain link the SPA offers with
//! `<a href download>`. The parameters are the query's (`codes`
//! comma-separated, `territoryId`, `teamId`, `from`, `to`, `breakdown`); the
//! service is the query's, so the rule and the audit event are one. Errors
//! come back as the JSON a GraphQL client reads, with the matching status.

use async_graphql::ID;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

use crate::domain::vocabulary::IndicatorBreakdown;
use crate::error::{AppError, AppResult};
use crate::graphql::ids::parse_id;
use crate::graphql::scalars::{parse_date, INVALID_DATE};
use crate::http::download::{answer, attachment, Asked};
use crate::http::router::AppState;
use crate::services::indicator_export::export_indicators;
use crate::services::indicator_files::{self, CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE};
use crate::services::indicators::{ExportFormat, IndicatorRequest};

/// The query string as sent: every value text, read by `request` so that a
/// bad one is a VALIDATION error naming its parameter.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Params {
    codes: Option<String>,
    territory_id: Option<String>,
    team_id: Option<String>,
    from: Option<String>,
    to: Option<String>,
    breakdown: Option<String>,
}

pub async fn csv(State(state): State<AppState>, asked: Asked<Params>) -> Response {
    answer(download(&state, asked, ExportFormat::Csv).await)
}

pub async fn xlsx(State(state): State<AppState>, asked: Asked<Params>) -> Response {
    answer(download(&state, asked, ExportFormat::Xlsx).await)
}

async fn download(
    state: &AppState,
    asked: Asked<Params>,
    format: ExportFormat,
) -> AppResult<Response> {
    let (caller, params) = asked.caller_and_params(state).await?;
    let request = request(params, format)?;
    let export = export_indicators(
        &state.db,
        &caller,
        state.config.suppression_threshold,
        request,
    )
    .await?;
    let (content_type, extension, body) = match format {
        ExportFormat::Csv => (
            CSV_CONTENT_TYPE,
            "csv",
            indicator_files::csv(&export).into_bytes(),
        ),
        ExportFormat::Xlsx => (XLSX_CONTENT_TYPE, "xlsx", indicator_files::xlsx(&export)?),
    };
    let file_name = indicator_files::file_name(&export.filters, extension);
    Ok(attachment(content_type, &file_name, body))
}

/// The service's request from the query string, with the GraphQL
/// arguments' names and rules.
fn request(params: Params, format: ExportFormat) -> AppResult<IndicatorRequest> {
    let id = |value: Option<String>, field| {
        value
            .filter(|v| !v.is_empty())
            .map(|v| parse_id(&ID::from(v), field))
            .transpose()
    };
    let date = |value: Option<String>, field: &str, missing: &str| match value {
        None => Err(AppError::validation(field, missing)),
        Some(text) => parse_date(&text).ok_or_else(|| AppError::validation(field, INVALID_DATE)),
    };
    // `codes=` or no `codes` at all: every indicator Ponte computes.
    let codes = params
        .codes
        .map(|codes| {
            codes
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|codes| !codes.is_empty());
    let breakdown = match params.breakdown.as_deref() {
        None | Some("") => IndicatorBreakdown::None,
        Some(text) => IndicatorBreakdown::parse(text).ok_or_else(|| {
            AppError::validation(
                "breakdown",
                "Suddivisione non valida: usa NONE, QUARTER o MONTH",
            )
        })?,
    };
    Ok(IndicatorRequest {
        codes,
        territory_id: id(params.territory_id, "territoryId")?,
        team_id: id(params.team_id, "teamId")?,
        from: date(params.from, "from", "Indica la data iniziale (AAAA-MM-GG)")?,
        to: date(params.to, "to", "Indica la data finale (AAAA-MM-GG)")?,
        breakdown,
        export: Some(format),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(result: AppResult<IndicatorRequest>) -> String {
        match result {
            Err(AppError::Validation { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    fn params(pairs: &[(&str, &str)]) -> Params {
        let query: String = pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        axum::extract::Query::<Params>::try_from_uri(&format!("/x?{query}").parse().unwrap())
            .unwrap()
            .0
    }

    #[test]
    fn the_query_string_reads_as_the_graphql_arguments() {
        let asked = request(
            params(&[
                ("codes", "ASSESSMENTS,%20RSA_PLACEMENTS"),
                ("territoryId", "0196a0b1-0000-7000-8000-000000000001"),
                ("from", "2026-01-01"),
                ("to", "2026-03-31"),
                ("breakdown", "MONTH"),
            ]),
            ExportFormat::Csv,
        )
        .unwrap();
        assert_eq!(
            asked.codes,
            Some(vec!["ASSESSMENTS".to_owned(), "RSA_PLACEMENTS".to_owned()])
        );
        assert!(asked.territory_id.is_some() && asked.team_id.is_none());
        assert_eq!(asked.breakdown, IndicatorBreakdown::Month);
        assert_eq!(asked.export, Some(ExportFormat::Csv));
        let every = request(
            params(&[("codes", ""), ("from", "2026-01-01"), ("to", "2026-03-31")]),
            ExportFormat::Xlsx,
        )
        .unwrap();
        assert_eq!(every.codes, None);
        assert_eq!(every.breakdown, IndicatorBreakdown::None);
    }

    #[test]
    fn a_bad_parameter_is_named() {
        let with = |pairs: &[(&str, &str)]| field(request(params(pairs), ExportFormat::Csv));
        assert_eq!(with(&[("to", "2026-03-31")]), "from");
        assert_eq!(
            with(&[("from", "01/01/2026"), ("to", "2026-03-31")]),
            "from"
        );
        assert_eq!(with(&[("from", "2026-01-01")]), "to");
        assert_eq!(
            with(&[
                ("from", "2026-01-01"),
                ("to", "2026-03-31"),
                ("teamId", "nope")
            ]),
            "teamId"
        );
        assert_eq!(
            with(&[
                ("from", "2026-01-01"),
                ("to", "2026-03-31"),
                ("breakdown", "WEEK")
            ]),
            "breakdown"
        );
    }
}
