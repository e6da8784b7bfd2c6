//! The HTTP surface: the router, the CSRF guard, the GraphQL endpoint, the
//! downloads (indicators, a person's access log), the documents' upload and download, health checks, the metrics listener, the refusals at
//! the door, the client's address behind proxies, the request id, the net under panics, the answer when
//! a session cannot be saved and the SPA's static files.

pub mod access_log_export;
pub mod bearer;
pub mod calendar_feed;
pub mod client_address;
pub mod csrf;
pub mod documents;
pub mod download;
pub mod fhir_bundle;
pub mod fhir_everything;
pub mod graphql_endpoint;
pub mod health;
pub mod indicator_export;
pub mod interventions_export;
pub mod metrics_endpoint;
pub mod panics;
pub mod refusals;
pub mod request_id;
pub mod request_span;
pub mod router;
pub mod session_save;
