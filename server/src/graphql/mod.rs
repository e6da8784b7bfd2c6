//! The GraphQL schema: thin resolvers that translate between GraphQL and the
//! services, plus the hardening limits every request goes through.

pub mod agenda;
pub mod assessments;
pub mod audit_trail;
pub mod budget;
pub mod case_diary;
pub mod context;
pub mod cost;
pub mod discharges;
pub mod documents;
pub mod errors;
pub mod guard;
pub mod identity;
pub mod ids;
pub mod indicators;
pub mod input_fields;
pub mod introspection;
pub mod loaders;
pub mod meetings;
pub mod network_agreements;
pub mod notifications;
pub mod organizations;
pub mod pagination;
pub mod persons;
pub mod project_plan;
pub mod project_reviews;
pub mod projects;
pub mod referrals;
pub mod scalars;
pub mod service_accounts;
pub mod teams;
pub mod users;
pub mod vocabulary;

use async_graphql::{EmptySubscription, MergedObject, Schema, SchemaBuilder};

#[derive(MergedObject, Default)]
pub struct QueryRoot(
    identity::IdentityQuery,
    users::UserQuery,
    organizations::OrganizationQuery,
    persons::PersonQuery,
    teams::TeamQuery,
    audit_trail::AuditQuery,
    assessments::AssessmentQuery,
    projects::ProjectQuery,
    discharges::DischargeQuery,
    indicators::IndicatorQuery,
    notifications::NotificationQuery,
    network_agreements::NetworkAgreementQuery,
    meetings::MeetingQuery,
    agenda::AgendaQueryRoot,
    service_accounts::ServiceAccountQuery,
);

#[derive(MergedObject, Default)]
pub struct MutationRoot(
    identity::IdentityMutation,
    users::UserMutation,
    organizations::OrganizationMutation,
    persons::PersonMutation,
    referrals::ReferralMutation,
    teams::TeamMutation,
    assessments::AssessmentMutation,
    projects::ProjectMutation,
    project_plan::ProjectPlanMutation,
    project_reviews::ProjectReviewsMutation,
    budget::BudgetMutation,
    discharges::DischargeMutation,
    notifications::NotificationMutation,
    network_agreements::NetworkAgreementMutation,
    meetings::MeetingMutation,
    documents::DocumentMutation,
    agenda::AgendaMutation,
    case_diary::DiaryMutation,
    service_accounts::ServiceAccountMutation,
);

pub type PonteSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

/// Deep enough for the SPA's nested records, shallow enough to stop abuse.
pub const MAX_DEPTH: usize = 10;
/// GraphiQL's own introspection query nests type references about 13 deep.
pub const MAX_DEPTH_WITH_INTROSPECTION: usize = 15;
/// The cost of a query (see `cost`): every field 1, a list with `first` that
/// many times what it asks of each row. The SPA's largest screen costs about
/// 2,100 even at 100 rows per page; 100 persons with 20 assessments each fit,
/// 100 with 100 do not.
pub const MAX_COMPLEXITY: usize = 25_000;
/// Fields at the top of one operation, aliases included: each runs a service
/// (a policy check, an audited read, a password check). The SPA sends at most 2.
pub const MAX_TOP_FIELDS: usize = 10;
pub const MAX_DIRECTIVES: usize = 5;
/// Fields of a document as they would run, each fragment counted where it
/// is spread (`cost::fields_as_run`): the SPA's documents stay far below it
/// (`tests/tests/api/cost.rs` sends every one of them).
pub const MAX_FIELDS: usize = 2_000;
/// A client sends one operation per request; a document may hold a few
/// (GraphiQL's tabs), never hundreds.
pub const MAX_OPERATIONS: usize = 10;
/// The SPA's largest form sends a handful of variables.
pub const MAX_VARIABLES: usize = 50;

fn builder() -> SchemaBuilder<QueryRoot, MutationRoot, EmptySubscription> {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        EmptySubscription,
    )
}

pub fn build(introspection: bool) -> PonteSchema {
    let mut schema = builder()
        .limit_depth(if introspection {
            MAX_DEPTH_WITH_INTROSPECTION
        } else {
            MAX_DEPTH
        })
        .extension(cost::CostLimit {
            max_cost: MAX_COMPLEXITY,
            max_top_fields: MAX_TOP_FIELDS,
            max_fields: MAX_FIELDS,
            max_operations: MAX_OPERATIONS,
            max_variables: MAX_VARIABLES,
            refuse_introspection: !introspection,
        })
        .limit_directives(MAX_DIRECTIVES)
        .disable_suggestions();
    if !introspection {
        schema = schema.disable_introspection();
    }
    schema.finish()
}

/// The SDL that `schema.graphql` must equal.
pub fn sdl() -> String {
    builder().finish().sdl()
}
