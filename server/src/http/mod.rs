//! The HTTP surface: the router, the CSRF guard, the GraphQL endpoint, health
//! checks and the SPA's static files.

pub mod csrf;
pub mod graphql_endpoint;
pub mod health;
pub mod router;
