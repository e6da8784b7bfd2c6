//! The one error type of every service, mapped to GraphQL codes in
//! `graphql::errors` and nowhere else.
//!
//! `AppError` deliberately does not implement `Display`: async-graphql converts
//! any `Display` error into a client message, which is how database text leaks.
//! Without `Display` the only way out is our own mapping.

use sea_orm::DbErr;

#[derive(Debug)]
pub enum AppError {
    Unauthenticated,
    /// Wrong email or password: the same answer whichever was wrong.
    BadCredentials,
    Forbidden,
    /// Forbidden for a reason the person can act on (Italian, shown as is).
    ForbiddenBecause(String),
    NotFound,
    /// `field` names the input field (camelCase, as the client sent it);
    /// `message` is Italian, for the person at the keyboard.
    Validation {
        field: String,
        message: String,
    },
    /// Several rules refused one request (for example a project transition):
    /// every reason is reported, not just the first.
    Refused {
        field: String,
        reasons: Vec<String>,
    },
    Conflict(String),
    RateLimited,
    /// Logged with a correlation id, never shown.
    Internal(String),
}

impl AppError {
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        AppError::Validation {
            field: field.into(),
            message: message.into(),
        }
    }

    pub fn internal(context: impl std::fmt::Display) -> Self {
        AppError::Internal(context.to_string())
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::Unauthenticated | AppError::BadCredentials => "UNAUTHENTICATED",
            AppError::Forbidden | AppError::ForbiddenBecause(_) => "FORBIDDEN",
            AppError::NotFound => "NOT_FOUND",
            AppError::Validation { .. } | AppError::Refused { .. } => "VALIDATION",
            AppError::Conflict(_) => "CONFLICT",
            AppError::RateLimited => "RATE_LIMITED",
            AppError::Internal(_) => "INTERNAL",
        }
    }
}

impl From<DbErr> for AppError {
    fn from(err: DbErr) -> Self {
        AppError::Internal(format!("database: {err}"))
    }
}

impl From<sea_orm::TransactionError<AppError>> for AppError {
    fn from(err: sea_orm::TransactionError<AppError>) -> Self {
        match err {
            sea_orm::TransactionError::Connection(db) => db.into(),
            sea_orm::TransactionError::Transaction(app) => app,
        }
    }
}

impl From<tower_sessions::session::Error> for AppError {
    fn from(err: tower_sessions::session::Error) -> Self {
        AppError::Internal(format!("session: {err}"))
    }
}

pub type AppResult<T> = Result<T, AppError>;
