//! Signing in: password hashing, the login throttle and the session cookie.

pub mod password;
pub mod session;
pub mod session_store;
pub mod throttle;
