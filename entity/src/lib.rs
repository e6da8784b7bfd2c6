//! sea-orm models, one module per table. Generated-style models stay plain;
//! behaviour lives in the server's domain and service layers.

pub mod assessment;
pub mod assessment_participant;
pub mod assessment_result;
pub mod assessment_social_domain;
pub mod audit_event;
pub mod login_attempt;
pub mod organization;
pub mod person;
pub mod privacy_consent;
pub mod reference_person;
pub mod referral;
pub mod team;
pub mod team_membership;
pub mod user;
