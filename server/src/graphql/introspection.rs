//! With introspection off (production), async-graphql answers `__schema`
//! and `__type` with a silent `null`, which a scanner (graphql-cop) cannot
//! tell from an empty answer. Ponte refuses such a document outright, with a
//! code, before anything in it runs (`cost::CostLimit` asks this module).

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};

/// Whether any operation or fragment selects `__schema` or `__type`
/// (`__typename` is no introspection: it names the type of a row). Each
/// selection set is read once; spreads are not followed, as the fragments
/// are read on their own.
pub fn asks_for_introspection(document: &ExecutableDocument) -> bool {
    fn selects(set: &SelectionSet) -> bool {
        set.items.iter().any(|selection| match &selection.node {
            Selection::Field(field) => {
                matches!(field.node.name.node.as_str(), "__schema" | "__type")
                    || selects(&field.node.selection_set.node)
            }
            Selection::InlineFragment(inline) => selects(&inline.node.selection_set.node),
            Selection::FragmentSpread(_) => false,
        })
    }
    document
        .operations
        .iter()
        .any(|(_, operation)| selects(&operation.node.selection_set.node))
        || document
            .fragments
            .values()
            .any(|fragment| selects(&fragment.node.selection_set.node))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asks(query: &str) -> bool {
        asks_for_introspection(&async_graphql::parser::parse_query(query).unwrap())
    }

    #[test]
    fn schema_and_type_are_introspection_and_typename_is_not() {
        assert!(asks("{ __schema { types { name } } }"));
        assert!(asks("{ me { id } t: __type(name: \"User\") { name } }"));
        assert!(asks(
            "{ ...F } fragment F on QueryRoot { __schema { queryType { name } } }"
        ));
        assert!(asks(
            "{ ... on QueryRoot { __type(name: \"User\") { name } } }"
        ));
        assert!(!asks("{ me { id __typename } __typename }"));
    }
}
