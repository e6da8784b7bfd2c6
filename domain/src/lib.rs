//! Ponte's vocabularies and business rules as plain Rust: no axum,
//! async-graphql or sea-orm here (the `storage` feature only maps the
//! vocabularies to text columns, for the `entity` crate).

pub mod account;
pub mod agenda;
pub mod assessment_indicators;
pub mod audit_retention;
pub mod budget_agreement;
pub mod budget_period;
pub mod budget_totals;
pub mod case_diary;
pub mod closure_outcomes;
pub mod discharge_workflow;
pub mod documents;
pub mod fiscal_code;
#[cfg(any(test, feature = "fuzzing"))]
pub mod fuzzing;
pub mod indicators;
pub mod instruments;
pub mod integrated_pai;
pub mod joint_assessment;
pub mod meetings;
pub mod money;
pub mod network_agreements;
pub mod person_identity;
pub mod project_lifecycle;
pub mod search_text;
pub mod service_accounts;
pub mod territory;
pub mod vocabulary;
pub mod wording;
