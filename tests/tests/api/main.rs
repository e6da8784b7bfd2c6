//! Ponte as a client sees it: every test drives the real server over HTTP,
//! once on SQLite and once on PostgreSQL.

mod access_matrix;
mod admin;
mod agreements_and_meetings_are_counted;
mod agreements_register;
mod assessments;
mod audit_trail;
mod auth;
mod backup_and_restore;
mod cost;
mod demo;
mod discharges;
mod field_matrix;
mod hardening;
mod indicator_export;
mod indicators;
mod input_probe;
mod integrated_projects;
mod meetings_register;
mod need_to_know;
mod operations;
mod outbox;
mod pagination;
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
mod the_audit_trail_is_kept_and_a_persons_accesses_exported;
mod vocabularies;
