//! The operation label of a GraphQL request. Only the names of operations
//! the SPA sends are kept as they are: they are read from the documents the
//! code generator writes (`frontend/src/gql/gql.ts`, checked against the SPA
//! by `npm run codegen:check`), so a new screen's queries are counted under
//! their names as soon as they exist. Any other name is "other" and a
//! request without one "anonymous": a client choosing names cannot grow the
//! registry.

use std::collections::HashSet;
use std::sync::OnceLock;

use async_graphql::parser::types::DocumentOperations;

const SPA_DOCUMENTS: &str = include_str!("../../../frontend/src/gql/gql.ts");

pub const ANONYMOUS: &str = "anonymous";
pub const OTHER: &str = "other";

fn spa_operations() -> &'static HashSet<&'static str> {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| names_in(SPA_DOCUMENTS))
}

/// Operation names in the generated file's document strings, where each
/// operation begins a line: `"\n  query Persons(…`. The file's comments
/// also say "query", never after a `\n` escape.
fn names_in(generated: &'static str) -> HashSet<&'static str> {
    let mut names = HashSet::new();
    for line in generated.split("\\n").skip(1) {
        let line = line.trim_start();
        for keyword in ["query ", "mutation ", "subscription "] {
            if let Some(rest) = line.strip_prefix(keyword) {
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                if end > 0 {
                    names.insert(&rest[..end]);
                }
            }
        }
    }
    names
}

/// The operation the request runs: the `operationName` it gives, else the
/// name of the document's only operation. The document is parsed once here
/// and kept in the request for execution, which applies its limits to it.
pub fn name_of(request: &mut async_graphql::Request) -> Option<String> {
    if let Some(name) = &request.operation_name {
        return Some(name.clone());
    }
    match &request.parsed_query().ok()?.operations {
        DocumentOperations::Single(_) => None,
        DocumentOperations::Multiple(operations) if operations.len() == 1 => {
            operations.keys().next().map(|name| name.to_string())
        }
        DocumentOperations::Multiple(_) => None,
    }
}

/// The label for `name`: one of the SPA's operations, "other" or "anonymous".
pub fn label(name: Option<&str>) -> &'static str {
    match name {
        None => ANONYMOUS,
        Some(name) => spa_operations().get(name).copied().unwrap_or(OTHER),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spas_operations_are_known_by_name_and_others_are_not() {
        assert_eq!(label(Some("Login")), "Login");
        assert_eq!(label(Some("Persons")), "Persons");
        assert_eq!(
            label(Some("UnreadNotificationCount")),
            "UnreadNotificationCount"
        );
        assert_eq!(label(Some("EsfiltraTutto")), OTHER);
        assert_eq!(label(None), ANONYMOUS);
        // Words of the file's comments are not operations.
        assert!(!spa_operations().contains("will"));
        assert!(spa_operations().len() > 50, "{:?}", spa_operations());
    }

    #[test]
    fn a_documents_only_named_operation_names_the_request() {
        let mut named = async_graphql::Request::new("query Me { me { id } }");
        assert_eq!(name_of(&mut named).as_deref(), Some("Me"));
        let mut anonymous = async_graphql::Request::new("{ me { id } }");
        assert_eq!(name_of(&mut anonymous), None);
        let mut chosen = async_graphql::Request::new("query A { me { id } } query B { me { id } }")
            .operation_name("B");
        assert_eq!(name_of(&mut chosen).as_deref(), Some("B"));
        let mut unparsable = async_graphql::Request::new("query {");
        assert_eq!(name_of(&mut unparsable), None);
    }
}
