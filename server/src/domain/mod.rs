//! Business rules as plain functions: no axum, async-graphql or sea-orm here.

pub mod account;
pub mod assessment_indicators;
pub mod budget_totals;
pub mod discharge_workflow;
pub mod fiscal_code;
pub mod instruments;
pub mod money;
pub mod person_identity;
pub mod project_lifecycle;
pub mod search_text;
pub mod wording;
