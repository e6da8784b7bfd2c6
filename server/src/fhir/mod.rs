//! FHIR R4 (issue 18): what Ponte says in FHIR. The inbound Bundle of a
//! hospital's discharge and the outbound record (`$everything`) share the
//! identifier systems and code systems (`systems`) and the one way an error
//! is told to a FHIR client (`outcome`).

pub mod inbound;
pub mod outcome;
pub mod record;
pub mod systems;
