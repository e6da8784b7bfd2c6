//! Ponte: a GraphQL case-management server for Italian integrated
//! social-health services. `main.rs` only parses the command line; everything
//! that can be tested lives here.

pub mod app;
pub mod audit;
pub mod auth;
pub mod backup;
/// The benchmark's hand-written SQL route (`bench/`); never in the default build.
#[cfg(feature = "bench-sql")]
pub mod bench_sql;
pub mod caller;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod document_store;
/// The vocabularies and business rules, in their own crate so that they stay
/// free of the frameworks (see CONTRIBUTING.md).
pub use ponte_domain as domain;
pub mod error;
pub mod fhir;
pub mod graphql;
pub mod http;
pub mod metrics;
pub mod notify;
pub mod policy;
pub mod seed;
pub mod services;
pub mod telemetry;
