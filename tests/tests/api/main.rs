//! Ponte as a client sees it: every test drives the real server over HTTP,
//! once on SQLite and once on PostgreSQL.

mod access_matrix;
mod admin;
mod assessments;
mod audit_trail;
mod auth;
mod demo;
mod discharges;
mod hardening;
mod input_probe;
mod operations;
mod persons;
mod projects;
mod referrals;
mod schema;
mod sign_in_attacks;
mod teams;
