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

/// Every scalar of the schema, fed any JSON a client could send, as a
/// variable (the way the SPA sends values) and written in the query: the
/// value is taken and answered back unchanged (sent again, it comes back the
/// same), or refused with a coded error. Never a panic, never `INTERNAL`.
#[cfg(test)]
mod fuzz {
    use async_graphql::{EmptyMutation, EmptySubscription, Object, Request, Schema, Variables, ID};
    use chrono::{DateTime, Utc};
    use ponte_domain::fuzzing::fuzz;
    use proptest::prelude::*;
    use serde_json::{json, Value as Json};

    use super::{Date, Decimal};
    use crate::graphql::errors;

    /// One field per scalar, answering its argument.
    struct Echo;

    #[Object]
    impl Echo {
        async fn date(&self, v: Date) -> Date {
            v
        }
        async fn decimal(&self, v: Decimal) -> Decimal {
            v
        }
        async fn date_time(&self, v: DateTime<Utc>) -> DateTime<Utc> {
            v
        }
        async fn id(&self, v: ID) -> ID {
            v
        }
        async fn int(&self, v: i32) -> i32 {
            v
        }
        async fn float(&self, v: f64) -> f64 {
            v
        }
        async fn string(&self, v: String) -> String {
            v
        }
        async fn boolean(&self, v: bool) -> bool {
            v
        }
    }

    /// (field, GraphQL type) of each scalar.
    const SCALARS: [(&str, &str); 8] = [
        ("date", "Date"),
        ("decimal", "Decimal"),
        ("dateTime", "DateTime"),
        ("id", "ID"),
        ("int", "Int"),
        ("float", "Float"),
        ("string", "String"),
        ("boolean", "Boolean"),
    ];

    /// Any JSON, with strings that look like what the scalars take.
    fn any_json() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::from),
            any::<i64>().prop_map(Json::from),
            any::<f64>().prop_map(Json::from),
            any::<String>().prop_map(Json::from),
            "[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}".prop_map(Json::from),
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})"
                .prop_map(Json::from),
            "-?[0-9.,]{1,25}".prop_map(Json::from),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Json::from),
                proptest::collection::btree_map("[a-z]{1,3}", inner, 0..4)
                    .prop_map(|map| Json::Object(map.into_iter().collect())),
            ]
        })
    }

    fn schema() -> Schema<Echo, EmptyMutation, EmptySubscription> {
        Schema::new(Echo, EmptyMutation, EmptySubscription)
    }

    /// Runs `request` as the endpoint does (errors explained, then
    /// sanitized): the data and the codes of the errors.
    fn run(
        runtime: &tokio::runtime::Runtime,
        schema: &Schema<Echo, EmptyMutation, EmptySubscription>,
        request: Request,
    ) -> (Json, Vec<String>) {
        let mut response = runtime.block_on(schema.execute(request));
        errors::explain_input_errors(&mut response, |_, _| None);
        errors::sanitize(&mut response);
        let codes = response
            .errors
            .iter()
            .map(|e| {
                e.extensions
                    .as_ref()
                    .and_then(|ext| ext.get("code"))
                    .map(|code| code.to_string().trim_matches('"').to_owned())
                    .unwrap_or_default()
            })
            .collect();
        (response.data.into_json().unwrap_or(Json::Null), codes)
    }

    fn as_variable(field: &str, ty: &str, value: Json) -> Request {
        Request::new(format!("query($v: {ty}) {{ {field}(v: $v) }}"))
            .variables(Variables::from_json(json!({ "v": value })))
    }

    #[test]
    fn fuzz_every_scalar_takes_back_what_it_answers_or_refuses_with_a_code() {
        let schema = schema();
        // The echo schema never waits on anything: one thread is enough.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        fuzz(
            "scalar coercion",
            (proptest::sample::select(&SCALARS[..]), any_json()),
            |((field, ty), value)| {
                let (data, codes) = run(&runtime, &schema, as_variable(field, ty, value.clone()));
                if codes.is_empty() {
                    // Taken: what came back goes in again unchanged.
                    let answered = data[field].clone();
                    let (again, codes) =
                        run(&runtime, &schema, as_variable(field, ty, answered.clone()));
                    prop_assert!(codes.is_empty(), "{} from {}: {:?}", answered, value, codes);
                    prop_assert_eq!(&again[field], &answered);
                } else {
                    prop_assert!(
                        codes
                            .iter()
                            .all(|code| code == "VALIDATION" || code == "BAD_REQUEST"),
                        "{} of {}: {:?}",
                        ty,
                        value,
                        codes
                    );
                    prop_assert!(data.is_null() || data[field].is_null());
                }
                // Written in the query instead: coded too, never INTERNAL.
                let literal = async_graphql::Value::from_json(value.clone())
                    .unwrap_or(async_graphql::Value::Null);
                let (_, codes) = run(
                    &runtime,
                    &schema,
                    Request::new(format!("{{ {field}(v: {literal}) }}")),
                );
                prop_assert!(
                    codes
                        .iter()
                        .all(|code| code == "VALIDATION" || code == "BAD_REQUEST"),
                    "{} literal {}: {:?}",
                    ty,
                    literal,
                    codes
                );
                Ok(())
            },
        );
    }
}
