//! sea-orm models, one module per table. Generated-style models stay plain;
//! behaviour lives in the server's domain and service layers.

pub mod audit_event;
pub mod login_attempt;
pub mod organization;
pub mod user;
