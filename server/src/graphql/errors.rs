//! The one place where errors become GraphQL errors with `extensions.code`.

use async_graphql::{ErrorExtensions, Response, ServerError, Value};
use uuid::Uuid;

use crate::error::AppError;

const INTERNAL_MESSAGE: &str = "errore interno";

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        let code = err.code();
        match err {
            AppError::Unauthenticated => coded("Accesso richiesto: effettua l'accesso", code),
            AppError::BadCredentials => coded("Email o password non corretti", code),
            AppError::Forbidden => coded("Non hai i permessi per questa operazione", code),
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

pub fn internal_response(detail: &str) -> Response {
    let err = internal(detail).into_server_error(async_graphql::Pos::default());
    Response::from_errors(vec![err])
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
