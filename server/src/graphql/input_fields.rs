//! Finds which input field holds a value that async-graphql could not parse as
//! its scalar: its error names the scalar and, at most, the input type. The
//! operation's variable types and the schema's input types lead from each
//! variable to the fields declared with that scalar.

use std::collections::HashMap;
use std::sync::OnceLock;

use async_graphql::parser::types::{
    BaseType, DocumentOperations, Type, TypeKind, TypeSystemDefinition,
};
use async_graphql::parser::{parse_query, parse_schema};
use async_graphql::{Value, Variables};

use crate::graphql::PonteSchema;

/// Input object → field → the named type at its core (lists and `!` removed).
pub struct InputTypes(HashMap<String, HashMap<String, String>>);

impl InputTypes {
    pub fn from_sdl(sdl: &str) -> InputTypes {
        let mut types = HashMap::new();
        if let Ok(document) = parse_schema(sdl) {
            for definition in document.definitions {
                let TypeSystemDefinition::Type(definition) = definition else {
                    continue;
                };
                let definition = definition.node;
                if let TypeKind::InputObject(input) = definition.kind {
                    let fields = input
                        .fields
                        .iter()
                        .map(|f| {
                            (
                                f.node.name.node.to_string(),
                                core(&f.node.ty.node).to_owned(),
                            )
                        })
                        .collect();
                    types.insert(definition.name.node.to_string(), fields);
                }
            }
        }
        InputTypes(types)
    }

    /// The schema's input types, read once from its SDL (the schema never changes).
    pub fn of(schema: &PonteSchema) -> &'static InputTypes {
        static TYPES: OnceLock<InputTypes> = OnceLock::new();
        TYPES.get_or_init(|| InputTypes::from_sdl(&schema.sdl()))
    }
}

fn core(ty: &Type) -> &str {
    match &ty.base {
        BaseType::Named(name) => name.as_str(),
        BaseType::List(inner) => core(inner),
    }
}

/// The name of the first field (or variable) declared as `scalar` whose value
/// `parses` refuses. `None` when the value was written in the query itself.
pub fn locate(
    types: &InputTypes,
    query: &str,
    operation_name: Option<&str>,
    variables: &Variables,
    scalar: &str,
    parses: impl Fn(&Value) -> bool,
) -> Option<String> {
    let document = parse_query(query).ok()?;
    let operation = match &document.operations {
        DocumentOperations::Single(operation) => operation,
        DocumentOperations::Multiple(operations) => {
            let wanted = operation_name?;
            operations
                .iter()
                .find(|(name, _)| name.as_str() == wanted)
                .map(|(_, operation)| operation)?
        }
    };
    operation
        .node
        .variable_definitions
        .iter()
        .find_map(|definition| {
            let name = definition.node.name.node.as_str();
            let value = variables.get(name)?;
            walk(
                types,
                core(&definition.node.var_type.node),
                name,
                value,
                scalar,
                &parses,
            )
        })
}

fn walk(
    types: &InputTypes,
    ty: &str,
    name: &str,
    value: &Value,
    scalar: &str,
    parses: &impl Fn(&Value) -> bool,
) -> Option<String> {
    match value {
        Value::List(items) => items
            .iter()
            .find_map(|item| walk(types, ty, name, item, scalar, parses)),
        Value::Null => None,
        value if ty == scalar => (!parses(value)).then(|| name.to_owned()),
        Value::Object(fields) => {
            let declared = types.0.get(ty)?;
            fields.iter().find_map(|(field, value)| {
                let field_ty = declared.get(field.as_str())?;
                walk(types, field_ty, field.as_str(), value, scalar, parses)
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SDL: &str = r#"
        scalar Date
        input ScoreInput { note: String, on: Date }
        input ConsentInput { projectId: ID!, date: Date!, other: String, scores: [ScoreInput!] }
        type Query { a: Int }
    "#;

    fn is_date(value: &Value) -> bool {
        matches!(value, Value::String(s) if chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok())
    }

    fn find(query: &str, variables: serde_json::Value) -> Option<String> {
        let types = InputTypes::from_sdl(SDL);
        locate(
            &types,
            query,
            None,
            &Variables::from_json(variables),
            "Date",
            is_date,
        )
    }

    #[test]
    fn a_field_is_found_by_its_declared_type_not_by_its_looks() {
        let query = "mutation($input: ConsentInput!) { a }";
        // projectId and other are no dates, but they are not declared as Date.
        let found = find(
            query,
            serde_json::json!({ "input": { "projectId": "x", "other": "y", "date": "2026-02-30" } }),
        );
        assert_eq!(found.as_deref(), Some("date"));
        let nested = find(
            query,
            serde_json::json!({ "input": { "projectId": "x", "date": "2026-02-28", "scores": [{ "on": "2026-01-01" }, { "on": "ieri" }] } }),
        );
        assert_eq!(nested.as_deref(), Some("on"));
    }

    #[test]
    fn a_scalar_variable_is_named_by_the_variable_and_a_literal_is_not_found() {
        assert_eq!(
            find(
                "query($from: Date) { a }",
                serde_json::json!({ "from": "ieri" })
            )
            .as_deref(),
            Some("from")
        );
        assert_eq!(find("query { a }", serde_json::json!({})), None);
    }
}
