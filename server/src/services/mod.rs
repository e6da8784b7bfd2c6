//! One async function per use case: authorize, validate, then one transaction
//! holding the writes and their audit events.

pub mod assessments;
pub mod audit_trail;
pub mod budget;
pub mod discharges;
pub mod identity;
pub mod notifications;
pub mod organizations;
pub mod page;
pub mod persons;
pub mod project_history;
pub mod projects;
pub mod referrals;
pub mod teams;
pub mod users;
pub mod versions;
