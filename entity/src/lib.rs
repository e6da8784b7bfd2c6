//! sea-orm models, one module per table. Generated-style models stay plain;
//! behaviour lives in the server's domain and service layers.

pub mod assessment;
pub mod assessment_participant;
pub mod assessment_result;
pub mod assessment_social_domain;
pub mod audit_event;
pub mod budget_agreement;
pub mod budget_resource;
pub mod budget_use;
pub mod discharge;
pub mod life_area_score;
pub mod login_attempt;
pub mod notification;
pub mod organization;
pub mod outbox_email;
pub mod person;
pub mod privacy_consent;
pub mod project;
pub mod project_event;
pub mod project_goal;
pub mod project_intervention;
pub mod project_review;
pub mod reference_person;
pub mod referral;
pub mod team;
pub mod team_membership;
pub mod user;
