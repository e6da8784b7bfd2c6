//! How the tables came to be: one file per change, append-only once landed.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_identity_and_audit;
mod m20261123_000002_persons_teams_referrals;
mod m20261123_000003_assessments;
mod m20261123_000004_projects_and_budget;
mod m20261123_000005_discharges_and_notifications;
mod m20261126_000001_outbox_lease;
mod m20261126_000002_sign_in_reservations;
mod m20261126_000003_discharge_reported_identity;
mod m20261127_000001_one_word_for_other;
mod m20261127_000002_person_search_trigram;
mod m20261127_000003_person_search_sqlite_fts;
mod m20261127_000004_keyset_indexes;
mod m20261127_000005_spmsq_raw_errors;
mod m20261127_000006_budget_agreement_rounds;
mod m20261127_000007_discharge_protocol;
mod m20261127_000008_joint_uvm;
mod m20261127_000009_integrated_pai;
mod m20261127_000010_territory_and_reporting;
mod m20261127_000011_search_name_apostrophes;
mod m20261127_000012_agreements_and_meetings;
mod m20261127_000013_corrections;
mod m20261127_000014_case_diary;
mod m20261127_000015_documents;
mod m20261127_000016_agenda;
mod m20261127_000017_service_accounts;
mod m20261128_000018_fhir_inbound;
mod table_helpers;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_identity_and_audit::Migration),
            Box::new(m20261123_000002_persons_teams_referrals::Migration),
            Box::new(m20261123_000003_assessments::Migration),
            Box::new(m20261123_000004_projects_and_budget::Migration),
            Box::new(m20261123_000005_discharges_and_notifications::Migration),
            Box::new(m20261126_000001_outbox_lease::Migration),
            Box::new(m20261126_000002_sign_in_reservations::Migration),
            Box::new(m20261126_000003_discharge_reported_identity::Migration),
            Box::new(m20261127_000001_one_word_for_other::Migration),
            Box::new(m20261127_000002_person_search_trigram::Migration),
            Box::new(m20261127_000003_person_search_sqlite_fts::Migration),
            Box::new(m20261127_000004_keyset_indexes::Migration),
            Box::new(m20261127_000005_spmsq_raw_errors::Migration),
            Box::new(m20261127_000006_budget_agreement_rounds::Migration),
            Box::new(m20261127_000007_discharge_protocol::Migration),
            Box::new(m20261127_000008_joint_uvm::Migration),
            Box::new(m20261127_000009_integrated_pai::Migration),
            Box::new(m20261127_000010_territory_and_reporting::Migration),
            Box::new(m20261127_000011_search_name_apostrophes::Migration),
            Box::new(m20261127_000012_agreements_and_meetings::Migration),
            Box::new(m20261127_000013_corrections::Migration),
            Box::new(m20261127_000015_documents::Migration),
            Box::new(m20261127_000016_agenda::Migration),
            Box::new(m20261127_000014_case_diary::Migration),
            Box::new(m20261127_000017_service_accounts::Migration),
            Box::new(m20261128_000018_fhir_inbound::Migration),
        ]
    }
}
