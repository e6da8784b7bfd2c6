//! Scalars of the contract: `Date` is a calendar day written YYYY-MM-DD.

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};
use chrono::NaiveDate;

use crate::domain::money::{parse_euros, Fixed2};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date(pub NaiveDate);

/// Why a `Date` was refused, for every door a date comes in by.
pub const INVALID_DATE: &str = "data non valida: usa il formato AAAA-MM-GG";

/// A calendar day as the contract writes it, YYYY-MM-DD.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

#[Scalar(name = "Date")]
impl ScalarType for Date {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(text) => parse_date(text).map(Date).ok_or_else(|| {
                InputValueError::custom(INVALID_DATE).with_extension("code", "VALIDATION")
            }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.format("%Y-%m-%d").to_string())
    }
}

/// An exact amount with two decimals, written "1250.00": euros for economic
/// resources, hours for the others. Never a float on the way in or out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal(pub Fixed2);

#[Scalar(name = "Decimal")]
impl ScalarType for Decimal {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(text) => parse_euros(text).map(Decimal).map_err(|e| {
                InputValueError::custom(e.message_it()).with_extension("code", "VALIDATION")
            }),
            _ => Err(InputValueError::custom(
                "gli importi si scrivono come testo, ad esempio \"1250.00\"",
            )
            .with_extension("code", "VALIDATION")),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.to_string())
    }
}

impl From<NaiveDate> for Date {
    fn from(date: NaiveDate) -> Self {
        Date(date)
    }
}
