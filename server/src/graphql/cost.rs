//! What a query costs before it runs. Every field costs 1 plus what is asked
//! under it, and a list with `first` costs that many times what is asked of
//! each row (the default page when `first` is absent, never more than the
//! largest page): a query's cost grows with the rows it may return, so
//! nesting pages or repeating them under aliases is bounded by one number.
//! The fields at the top of an operation are where services run (a policy
//! check, an audited read, a password check), so their number is bounded too,
//! aliases included.
//!
//! Before any of that, the document itself is measured as it was sent:
//! its operations, its variables, and its fields counted as they would run,
//! each fragment once per place it is spread. async-graphql spreads every
//! fragment again at each place while it validates, so ten fragments each
//! spreading the next ten times (a few hundred bytes) would be 10^10 fields
//! to visit: that is refused here, in time proportional to the text.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextPrepareRequest,
    NextValidation,
};
use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, Selection, SelectionSet,
};
use async_graphql::{Request, ServerError, ServerResult, ValidationResult, Variables};

use crate::graphql::pagination::page_of;
use crate::graphql::{errors, introspection};

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

/// Deeper than this, fields and fragments are not counted: async-graphql
/// refuses the document for its depth (32) before it spreads anything, and
/// the count keeps the stack of the thread it runs on small.
const COUNTED_DEPTH: usize = 64;

/// The fields of every operation in `document` as they would run: a field
/// under a fragment counts once for each place the fragment is spread. Each
/// fragment is measured once, so this takes time proportional to the text
/// whatever the spreads multiply to; a fragment that spreads itself (refused
/// later as a cycle) adds nothing.
pub fn fields_as_run(document: &ExecutableDocument) -> usize {
    struct Count<'a> {
        document: &'a ExecutableDocument,
        /// `None` while the fragment is being measured: a cycle.
        fragments: HashMap<&'a str, Option<usize>>,
    }
    impl<'a> Count<'a> {
        fn set(&mut self, set: &'a SelectionSet, depth: usize) -> usize {
            if depth > COUNTED_DEPTH {
                return 0;
            }
            set.items.iter().fold(0, |total: usize, selection| {
                let fields = match &selection.node {
                    Selection::Field(field) => {
                        1_usize.saturating_add(self.set(&field.node.selection_set.node, depth + 1))
                    }
                    Selection::InlineFragment(inline) => {
                        self.set(&inline.node.selection_set.node, depth + 1)
                    }
                    Selection::FragmentSpread(named) => {
                        self.fragment(named.node.fragment_name.node.as_str(), depth + 1)
                    }
                };
                total.saturating_add(fields)
            })
        }

        fn fragment(&mut self, name: &'a str, depth: usize) -> usize {
            if let Some(known) = self.fragments.get(name) {
                return known.unwrap_or(0);
            }
            let Some(fragment) = self.document.fragments.get(name) else {
                return 0;
            };
            self.fragments.insert(name, None);
            let fields = self.set(&fragment.node.selection_set.node, depth);
            self.fragments.insert(name, Some(fields));
            fields
        }
    }
    let mut count = Count {
        document,
        fragments: HashMap::new(),
    };
    document
        .operations
        .iter()
        .fold(0, |total: usize, (_, operation)| {
            total.saturating_add(count.set(&operation.node.selection_set.node, 0))
        })
}

/// The variables declared by all the operations of `document`.
pub fn variables(document: &ExecutableDocument) -> usize {
    document
        .operations
        .iter()
        .map(|(_, operation)| operation.node.variable_definitions.len())
        .sum()
}

pub fn operations(document: &ExecutableDocument) -> usize {
    match &document.operations {
        DocumentOperations::Single(_) => 1,
        DocumentOperations::Multiple(operations) => operations.len(),
    }
}

/// Refuses introspection when it is off (`BAD_REQUEST`) and, with our own
/// coded error (`TOO_COMPLEX`, with the numbers), a document with more
/// operations, variables or fields (as run) than the limits, an operation with more than `max_top_fields` fields at the top or
/// whose cost is above `max_cost`; async-graphql's own limit would only say
/// "Query is too complex." in English.
#[derive(Clone, Copy)]
pub struct CostLimit {
    pub max_cost: usize,
    pub max_top_fields: usize,
    pub max_fields: usize,
    pub max_operations: usize,
    pub max_variables: usize,
    /// Refuse `__schema` and `__type` (introspection off): see `introspection`.
    pub refuse_introspection: bool,
}

impl ExtensionFactory for CostLimit {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(*self)
    }
}

impl CostLimit {
    fn measure(&self, document: &ExecutableDocument) -> Result<(), ServerError> {
        let operations = operations(document);
        if operations > self.max_operations {
            return Err(errors::too_many_operations(operations, self.max_operations));
        }
        let variables = variables(document);
        if variables > self.max_variables {
            return Err(errors::too_many_variables(variables, self.max_variables));
        }
        let fields = fields_as_run(document);
        if fields > self.max_fields {
            return Err(errors::too_many_fields(fields, self.max_fields));
        }
        if self.refuse_introspection && introspection::asks_for_introspection(document) {
            return Err(errors::introspection_off());
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl Extension for CostLimit {
    /// Parses the query here, once (async-graphql keeps the document), to
    /// measure it before async-graphql's own checks spread its fragments.
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        mut request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        match async_graphql::parser::parse_query(&request.query) {
            Ok(document) => {
                self.measure(&document)?;
                request.set_parsed_query(document);
            }
            Err(err) => return Err(errors::syntax_error(&err)),
        }
        next.run(ctx, request).await
    }

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
