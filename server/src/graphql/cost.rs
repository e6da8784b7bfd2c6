//! What a query costs before it runs. Every field costs 1 plus what is asked
//! under it, and a list with `first` costs that many times what is asked of
//! each row (the default page when `first` is absent, never more than the
//! largest page): a query's cost grows with the rows it may return, so
//! nesting pages or repeating them under aliases is bounded by one number.
//! The fields at the top of an operation are where services run (a policy
//! check, an audited read, a password check), so their number is bounded too,
//! aliases included.

use std::collections::HashSet;
use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextValidation,
};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ServerError, ServerResult, ValidationResult, Variables};

use crate::graphql::errors;
use crate::graphql::pagination::page_of;

/// The complexity of a field with `first`: `#[graphql(complexity =
/// "cost::of_rows(first, child_complexity)")]`. A negative `first` costs
/// nothing here: the resolver refuses it.
pub fn of_rows(first: Option<i32>, child_complexity: usize) -> usize {
    let rows = page_of(first, None).map_or(0, |page| page.limit);
    let rows = usize::try_from(rows).unwrap_or(usize::MAX);
    rows.saturating_mul(child_complexity).saturating_add(1)
}

/// The fields at the top of the largest operation in `document`, counting
/// those brought in by fragments (each fragment once per operation).
pub fn top_fields(document: &ExecutableDocument) -> usize {
    fn count<'a>(
        set: &'a SelectionSet,
        document: &'a ExecutableDocument,
        spread: &mut HashSet<&'a str>,
    ) -> usize {
        set.items
            .iter()
            .map(|selection| match &selection.node {
                Selection::Field(_) => 1,
                Selection::InlineFragment(inline) => {
                    count(&inline.node.selection_set.node, document, spread)
                }
                Selection::FragmentSpread(named) => {
                    let name = &named.node.fragment_name.node;
                    match document.fragments.get(name) {
                        Some(fragment) if spread.insert(name.as_str()) => {
                            count(&fragment.node.selection_set.node, document, spread)
                        }
                        _ => 0,
                    }
                }
            })
            .sum()
    }
    document
        .operations
        .iter()
        .map(|(_, operation)| {
            count(
                &operation.node.selection_set.node,
                document,
                &mut HashSet::new(),
            )
        })
        .max()
        .unwrap_or(0)
}

/// Refuses, with our own coded error (`TOO_COMPLEX`, with the numbers), an
/// operation with more than `max_top_fields` fields at the top or whose cost
/// is above `max_cost`; async-graphql's own limit would only say "Query is
/// too complex." in English.
pub struct CostLimit {
    pub max_cost: usize,
    pub max_top_fields: usize,
}

impl ExtensionFactory for CostLimit {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(CostLimitExtension {
            max_cost: self.max_cost,
            max_top_fields: self.max_top_fields,
        })
    }
}

struct CostLimitExtension {
    max_cost: usize,
    max_top_fields: usize,
}

#[async_trait::async_trait]
impl Extension for CostLimitExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        let fields = top_fields(&document);
        if fields > self.max_top_fields {
            return Err(errors::too_many_top_fields(fields, self.max_top_fields));
        }
        Ok(document)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await?;
        if result.complexity > self.max_cost {
            return Err(vec![errors::too_complex(result.complexity, self.max_cost)]);
        }
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::page::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};

    #[test]
    fn a_list_costs_its_rows_times_what_each_row_asks() {
        assert_eq!(of_rows(Some(10), 3), 31);
        assert_eq!(of_rows(None, 3), DEFAULT_PAGE_SIZE as usize * 3 + 1);
        assert_eq!(of_rows(Some(0), 3), 1, "a count alone costs one");
    }

    fn top_fields_of(query: &str) -> usize {
        top_fields(&async_graphql::parser::parse_query(query).unwrap())
    }

    #[test]
    fn aliases_and_fragments_count_at_the_top() {
        assert_eq!(top_fields_of("{ me { id email } }"), 1);
        assert_eq!(
            top_fields_of("{ a: me { id } b: me { id } c: me { id } }"),
            3
        );
        assert_eq!(
            top_fields_of(
                "query { ...F ... on QueryRoot { x: me { id } } } fragment F on QueryRoot { a: me { id } b: me { id } }"
            ),
            3
        );
        assert_eq!(
            top_fields_of("query A { me { id } } query B { a: me { id } b: me { id } }"),
            2,
            "the largest operation"
        );
        assert_eq!(
            top_fields_of("{ ...F } fragment F on QueryRoot { me { id } ...F }"),
            1,
            "a fragment cycle (refused later) is counted once"
        );
    }

    #[test]
    fn a_list_costs_no_more_rows_than_it_can_return() {
        assert_eq!(of_rows(Some(10_000), 2), MAX_PAGE_SIZE as usize * 2 + 1);
        assert_eq!(of_rows(Some(-5), 2), 1);
        assert_eq!(of_rows(Some(i32::MAX), usize::MAX), usize::MAX);
    }
}
