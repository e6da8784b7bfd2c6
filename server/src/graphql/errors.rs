//! The one place where errors become GraphQL errors with `extensions.code`.

use async_graphql::{ErrorExtensions, Response, ServerError, Value};
use axum::http::StatusCode;
use chrono::DateTime;
use uuid::Uuid;

use crate::domain::money::parse_euros;
use crate::error::AppError;
use crate::graphql::scalars::{parse_date, INVALID_DATE};

const INTERNAL_MESSAGE: &str = "errore interno";

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        let code = err.code();
        match err {
            AppError::Unauthenticated => coded("Accesso richiesto: effettua l'accesso", code),
            AppError::BadCredentials => coded("Email o password non corretti", code),
            AppError::Forbidden => coded("Non hai i permessi per questa operazione", code),
            AppError::ForbiddenBecause(message) => coded(message, code),
            AppError::NotFound => coded("Elemento non trovato", code),
            AppError::Validation { field, message } => async_graphql::Error::new(message)
                .extend_with(|_, ext| {
                    ext.set("code", code);
                    ext.set("field", field.clone());
                }),
            AppError::Refused { field, reasons } => async_graphql::Error::new(reasons.join("; "))
                .extend_with(|_, ext| {
                    ext.set("code", code);
                    ext.set("field", field.clone());
                    ext.set(
                        "reasons",
                        Value::List(reasons.iter().cloned().map(Value::from).collect()),
                    );
                }),
            AppError::Conflict(message) => coded(message, code),
            AppError::RateLimited => coded(
                "Troppi tentativi di accesso: riprova tra qualche minuto",
                code,
            ),
            AppError::Internal(detail) => internal(&detail),
        }
    }
}

/// The error as a plain HTTP answer, for a request that has no GraphQL
/// envelope (a file download): the same message and extensions a GraphQL
/// client reads, under the status that says the same thing.
pub fn http_answer(err: AppError) -> (StatusCode, serde_json::Value) {
    let status = match err.code() {
        "UNAUTHENTICATED" => StatusCode::UNAUTHORIZED,
        "FORBIDDEN" => StatusCode::FORBIDDEN,
        "NOT_FOUND" => StatusCode::NOT_FOUND,
        "VALIDATION" => StatusCode::BAD_REQUEST,
        "CONFLICT" => StatusCode::CONFLICT,
        "RATE_LIMITED" => StatusCode::TOO_MANY_REQUESTS,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let error = async_graphql::Error::from(err);
    let mut answer = ServerError::new(error.message, None);
    answer.extensions = error.extensions;
    (status, serde_json::json!({ "errors": [answer] }))
}

fn coded(message: impl Into<String>, code: &'static str) -> async_graphql::Error {
    async_graphql::Error::new(message).extend_with(|_, ext| ext.set("code", code))
}

/// Logs the detail under a fresh correlation id and returns only that id.
fn internal(detail: &str) -> async_graphql::Error {
    let id = Uuid::now_v7().simple().to_string();
    tracing::error!(correlation_id = %id, detail, "internal error");
    async_graphql::Error::new(format!("{INTERNAL_MESSAGE} (rif. {id})")).extend_with(|_, ext| {
        ext.set("code", "INTERNAL");
        ext.set("correlationId", id.clone());
    })
}

/// A query whose cost (see `graphql::cost`) is above the limit: refused
/// before anything runs, with both numbers so a client knows how far to cut.
pub fn too_complex(cost: usize, limit: usize) -> ServerError {
    refused_as_too_complex(
        format!(
            "Richiesta troppo onerosa (costo {cost}, massimo {limit}): chiedi meno righe con `first` o meno campi"
        ),
        ("cost", cost),
        limit,
    )
}

/// An operation with too many fields at the top (aliases included).
pub fn too_many_top_fields(fields: usize, limit: usize) -> ServerError {
    refused_as_too_complex(
        format!(
            "Troppe richieste in una ({fields} campi al primo livello, massimo {limit}): dividila in più richieste"
        ),
        ("topFields", fields),
        limit,
    )
}

/// A document with more operations than a client ever sends at once.
pub fn too_many_operations(operations: usize, limit: usize) -> ServerError {
    refused_as_too_complex(
        format!(
            "Troppe operazioni in un documento ({operations}, massimo {limit}): inviane una per richiesta"
        ),
        ("operations", operations),
        limit,
    )
}

/// A document that declares more variables than any form has fields.
pub fn too_many_variables(variables: usize, limit: usize) -> ServerError {
    refused_as_too_complex(
        format!("Troppe variabili in una richiesta ({variables}, massimo {limit})"),
        ("variables", variables),
        limit,
    )
}

/// A document whose fields, each fragment counted where it is spread, are
/// more than any screen asks for (a field repeated thousands of times, a
/// fragment spread over and over).
pub fn too_many_fields(fields: usize, limit: usize) -> ServerError {
    refused_as_too_complex(
        format!(
            "Richiesta troppo estesa ({fields} campi, contando ogni frammento dove è usato, massimo {limit}): chiedi meno campi"
        ),
        ("fields", fields),
        limit,
    )
}

/// `__schema` or `__type` asked of a server that does not answer them.
pub fn introspection_off() -> ServerError {
    bad_request(
        "L'introspezione dello schema è disattivata su questo server".to_owned(),
        None,
    )
}

/// A document refused as the client wrote it, before anything ran.
fn bad_request(message: String, at: Option<async_graphql::Pos>) -> ServerError {
    let mut error = ServerError::new(message, at);
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", "BAD_REQUEST");
    error
}

/// A query that does not parse. The parser's own message quotes the whole
/// line in error, and a query of 64 KiB on one line would come back two or
/// three times over: the answer keeps the position and the parser's reason.
pub fn syntax_error(err: &async_graphql::parser::Error) -> ServerError {
    let text = err.to_string();
    let reason = text
        .lines()
        .rev()
        .find_map(|line| line.trim().strip_prefix("= "))
        .unwrap_or_else(|| text.lines().next().unwrap_or_default());
    let reason: String = reason.chars().take(200).collect();
    match err.positions().next() {
        Some(at) => bad_request(
            format!(
                "Errore di sintassi alla riga {}, colonna {}: {reason}",
                at.line, at.column
            ),
            Some(at),
        ),
        None => bad_request(format!("Errore di sintassi: {reason}"), None),
    }
}

fn refused_as_too_complex(
    message: String,
    (measure, value): (&str, usize),
    limit: usize,
) -> ServerError {
    let mut error = ServerError::new(message, None);
    let ext = error.extensions.get_or_insert_with(Default::default);
    ext.set("code", "TOO_COMPLEX");
    ext.set(measure, value);
    ext.set("limit", limit);
    error
}

pub fn internal_response(detail: &str) -> Response {
    let err = internal(detail).into_server_error(async_graphql::Pos::default());
    Response::from_errors(vec![err])
}

/// A value that does not parse as its scalar (a `Date` of 30 February, a
/// `Decimal` in scientific notation) is refused by async-graphql before any
/// resolver runs, as `Failed to parse "Date": … (occurred while parsing "…")`
/// without saying which field. This rewrites it as our own VALIDATION error:
/// the scalar's Italian message and, when the value came in a variable (as the
/// SPA always sends them), the field that holds it, found by `locate`.
pub fn explain_input_errors(
    response: &mut Response,
    locate: impl Fn(&str, &dyn Fn(&Value) -> bool) -> Option<String>,
) {
    for error in response.errors.iter_mut() {
        if let Some(variable) = missing_variable(&error.message) {
            error.message = format!("Manca il valore di ${variable}");
            let ext = error.extensions.get_or_insert_with(Default::default);
            ext.set("code", "VALIDATION");
            ext.set("field", variable);
            continue;
        }
        let Some(scalar) = unparsable_scalar(&error.message) else {
            continue;
        };
        let ours = error
            .extensions
            .as_ref()
            .and_then(|ext| ext.get("code"))
            .is_some_and(|code| *code == Value::from("VALIDATION"));
        let message = match scalar.as_str() {
            // Our own scalars wrote the reason, in Italian.
            "Date" | "Decimal" if ours => inner_reason(&error.message),
            "Date" => INVALID_DATE.to_owned(),
            "DateTime" => "data e ora non valide: usa il formato 2026-11-23T10:00:00Z".to_owned(),
            _ => format!("valore non valido per il tipo {scalar}"),
        };
        let field = locate(&scalar, &|value| scalar_parses(&scalar, value));
        error.message = message;
        let ext = error.extensions.get_or_insert_with(Default::default);
        ext.set("code", "VALIDATION");
        if let Some(field) = field {
            ext.set("field", field);
        }
    }
}

/// A variable the operation declares but the request did not send reaches a
/// resolver as `Variable NAME is not defined.`: the client's mistake, not ours.
fn missing_variable(message: &str) -> Option<String> {
    let name = message
        .strip_prefix("Variable ")?
        .strip_suffix(" is not defined.")?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then(|| name.to_owned())
}

/// The scalar a value did not parse as: async-graphql says `Failed to parse
/// "X": …` when the scalar's parser refused the value, and `Expected input
/// type "X", found …` when the value was of the wrong JSON kind (a list or an
/// object for a `DateTime`, text for an `Int`), which would otherwise reach
/// the client as INTERNAL.
fn unparsable_scalar(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("Failed to parse \"")
        .or_else(|| message.strip_prefix("Expected input type \""))?;
    Some(rest.split('"').next()?.to_owned())
}

/// `Failed to parse "Date": REASON (occurred while parsing "X")` → REASON.
fn inner_reason(message: &str) -> String {
    let after = message.split_once("\": ").map_or(message, |(_, r)| r);
    let reason = after
        .split(" (occurred while parsing")
        .next()
        .unwrap_or(after);
    reason.to_owned()
}

/// Whether `value` is acceptable to the scalar named `scalar` (as the scalar's
/// own parser decides; each of ours is written as a string).
fn scalar_parses(scalar: &str, value: &Value) -> bool {
    let Value::String(text) = value else {
        return false;
    };
    match scalar {
        "Date" => parse_date(text).is_some(),
        "Decimal" => parse_euros(text).is_ok(),
        "DateTime" => DateTime::parse_from_rfc3339(text).is_ok(),
        _ => true,
    }
}

/// The safety net behind `From<AppError>`: an error that reached the response
/// without a code came from somewhere else (a library's `Display`, a missing
/// context value) and its text may hold anything, database text included.
/// Document-level errors (parse, validation, limits) have no path and are
/// async-graphql's own words about the query, so they keep their message.
pub fn sanitize(response: &mut Response) {
    for error in response.errors.iter_mut() {
        let has_code = error
            .extensions
            .as_ref()
            .and_then(|ext| ext.get("code"))
            .is_some();
        if has_code {
            continue;
        }
        if error.path.is_empty() {
            let ext = error.extensions.get_or_insert_with(Default::default);
            ext.set("code", "BAD_REQUEST");
        } else {
            let replacement = internal(&error.message)
                .into_server_error(error.locations.first().copied().unwrap_or_default());
            *error = ServerError {
                path: std::mem::take(&mut error.path),
                ..replacement
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reason_is_taken_out_of_async_graphqls_wrapping() {
        let message =
            "Failed to parse \"Date\": data non valida: usa il formato AAAA-MM-GG (occurred while parsing \"RecordConsentInput\")";
        assert_eq!(unparsable_scalar(message).as_deref(), Some("Date"));
        assert_eq!(
            inner_reason(message),
            "data non valida: usa il formato AAAA-MM-GG"
        );
        assert_eq!(unparsable_scalar("Elemento non trovato"), None);
        assert_eq!(
            unparsable_scalar("Expected input type \"DateTime\", found [].").as_deref(),
            Some("DateTime")
        );
    }

    #[test]
    fn a_variable_left_out_is_named() {
        assert_eq!(
            missing_variable("Variable input is not defined.").as_deref(),
            Some("input")
        );
        assert_eq!(missing_variable("Variable is not defined."), None);
        assert_eq!(
            missing_variable("database: Variable x is not defined. boom"),
            None
        );
    }

    #[test]
    fn scalars_are_checked_as_their_parsers_do() {
        assert!(scalar_parses("Date", &Value::from("2026-02-28")));
        assert!(!scalar_parses("Date", &Value::from("2026-02-30")));
        assert!(!scalar_parses("Decimal", &Value::from(12)));
        assert!(!scalar_parses("Decimal", &Value::from("1e400")));
        assert!(scalar_parses(
            "DateTime",
            &Value::from("2026-11-23T10:00:00Z")
        ));
        assert!(!scalar_parses("DateTime", &Value::from("ieri")));
    }
}
