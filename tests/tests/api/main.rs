//! Ponte as a client sees it: every test drives the real server over HTTP,
//! once on SQLite and once on PostgreSQL.

mod access_matrix;
mod admin;
mod assessments;
mod audit_trail;
mod auth;
mod closing_names_and_settles_open_goals;
mod cost;
mod demo;
mod discharges;
mod field_matrix;
mod hardening;
mod indicator_export;
mod indicators;
mod input_probe;
mod integrated_projects;
mod need_to_know;
mod operations;
mod outbox;
mod pagination;
mod person_filters_only_narrow;
mod persons;
mod policy_property;
mod projects;
mod protected_discharges_follow_the_protocol;
mod referrals;
mod schema;
mod seed_scale;
mod sessions_warn_before_they_end;
mod sign_in_attacks;
mod teams;
mod territory;
mod vocabularies;
