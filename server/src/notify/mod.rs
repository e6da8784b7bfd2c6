//! Notifications: in-app rows and emails written to the outbox in the
//! transaction of the change that causes them, delivered by the worker.

pub mod lease;
pub mod mailer;
pub mod outbox;
pub mod templates;
pub mod worker;
