//! Ponte as a client sees it: every test drives the real server over HTTP,
//! once on SQLite and once on PostgreSQL.

mod admin;
mod auth;
mod hardening;
mod operations;
mod schema;
