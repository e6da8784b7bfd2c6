//! Client-sent ids: every resolver reads them here, so a malformed one is
//! the same VALIDATION error on every field.

use async_graphql::ID;
use uuid::Uuid;

use crate::error::AppError;

/// Reads a client-sent id; `field` names the input field for the error.
pub fn parse_id(id: &ID, field: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(id.as_str())
        .map_err(|_| AppError::validation(field, "Identificativo non valido"))
}

/// Reads a list of client-sent ids; `field` names the input field for the error.
pub fn parse_ids(ids: &[ID], field: &str) -> Result<Vec<Uuid>, AppError> {
    ids.iter().map(|id| parse_id(id, field)).collect()
}

/// Reads an optional client-sent id.
pub fn parse_optional_id(id: &Option<ID>, field: &str) -> Result<Option<Uuid>, AppError> {
    id.as_ref().map(|id| parse_id(id, field)).transpose()
}
