//! An error told to a FHIR client: an `OperationOutcome` with the HTTP
//! status Ponte gives the same error elsewhere (`graphql::errors::http_answer`),
//! the message in Italian and, when the error names what was wrong, the
//! FHIRPath of that element in `expression`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::error::AppError;
use crate::graphql::errors::http_answer;

/// The media type of every FHIR answer.
pub const FHIR_JSON: &str = "application/fhir+json";

/// One issue of an `OperationOutcome`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// `fatal`, `error`, `warning` or `information`.
    pub severity: &'static str,
    /// A code of http://hl7.org/fhir/issue-type (`invalid`, `required`,
    /// `code-invalid`, `not-found`, `forbidden`, `login`, `conflict`,
    /// `throttled`, `exception`…).
    pub code: &'static str,
    /// What a person reads, in Italian.
    pub diagnostics: String,
    /// The FHIRPath of the element at fault, when there is one.
    pub expression: Option<String>,
}

impl Issue {
    pub fn error(code: &'static str, diagnostics: impl Into<String>) -> Issue {
        Issue {
            severity: "error",
            code,
            diagnostics: diagnostics.into(),
            expression: None,
        }
    }

    pub fn at(mut self, expression: impl Into<String>) -> Issue {
        self.expression = Some(expression.into());
        self
    }
}

/// The `OperationOutcome` resource holding `issues` (at least one).
pub fn operation_outcome(issues: &[Issue]) -> Value {
    let issues: Vec<Value> = issues
        .iter()
        .map(|issue| {
            let mut value = json!({
                "severity": issue.severity,
                "code": issue.code,
                "diagnostics": issue.diagnostics,
            });
            if let Some(expression) = &issue.expression {
                value["expression"] = json!([expression]);
            }
            value
        })
        .collect();
    json!({ "resourceType": "OperationOutcome", "issue": issues })
}

/// A FHIR answer: `body` as `application/fhir+json` with `status`.
pub fn fhir_response(status: StatusCode, body: Value) -> Response {
    let mut response = (status, Json(body)).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(FHIR_JSON));
    response
}

/// `issues` refused with `status`.
pub fn refused(status: StatusCode, issues: &[Issue]) -> Response {
    fhir_response(status, operation_outcome(issues))
}

/// Ponte's error as a FHIR client reads it: the same status and message as
/// the JSON answer of the other endpoints (an internal error keeps only its
/// correlation id), the field named by a validation error as `expression`.
pub fn error_response(err: AppError) -> Response {
    let (status, body) = http_answer(err);
    let first = &body["errors"][0];
    let message = first["message"].as_str().unwrap_or_default().to_owned();
    let code = match first["extensions"]["code"].as_str().unwrap_or_default() {
        "UNAUTHENTICATED" => "login",
        "FORBIDDEN" => "forbidden",
        "NOT_FOUND" => "not-found",
        "VALIDATION" => "invalid",
        "CONFLICT" => "conflict",
        "RATE_LIMITED" => "throttled",
        _ => "exception",
    };
    let mut issue = Issue::error(code, message);
    if let Some(field) = first["extensions"]["field"].as_str() {
        issue = issue.at(field);
    }
    refused(status, &[issue])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issue_names_the_element_at_fault_only_when_there_is_one() {
        let outcome = operation_outcome(&[
            Issue::error("required", "Manca il paziente").at("Bundle.entry"),
            Issue::error("invalid", "Richiesta non leggibile"),
        ]);
        assert_eq!(outcome["resourceType"], "OperationOutcome");
        assert_eq!(outcome["issue"][0]["expression"], json!(["Bundle.entry"]));
        assert!(outcome["issue"][1].get("expression").is_none());
    }

    #[test]
    fn ponte_errors_keep_their_status_and_name_the_field() {
        let response = error_response(AppError::validation(
            "Patient.identifier",
            "Codice fiscale non valido",
        ));
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(response.headers()[header::CONTENT_TYPE], FHIR_JSON);
        assert_eq!(
            error_response(AppError::Forbidden).status(),
            StatusCode::FORBIDDEN
        );
    }
}
