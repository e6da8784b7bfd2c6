use ponte_domain::vocabulary::{CancelReason, CareSetting, DischargeStatus, Sex};
use sea_orm::entity::prelude::*;

/// A protected hospital discharge (dimissione protetta), from the ward's
/// report to the discharge or its cancellation.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "discharges")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub version: i32,
    pub person_id: Uuid,
    pub hospital_id: Uuid,
    pub ward: String,
    pub admitted_on: Date,
    pub expected_discharge_on: Date,
    pub receiving_team_id: Uuid,
    /// Health data: shown to those responsible, never put in an email.
    pub needs: Option<String>,
    pub notes: Option<String>,
    /// `DischargeStatus`.
    pub status: DischargeStatus,
    /// The user who reported it; none when a hospital's system did
    /// (`fhir_inbound_bundle` names its service account).
    pub reported_by: Option<Uuid>,
    pub reported_at: DateTimeUtc,
    pub assessment_scheduled_on: Option<Date>,
    pub dischargeable_on: Option<Date>,
    pub assessment_id: Option<Uuid>,
    pub plan_destination: Option<CareSetting>,
    /// The plan's former free-text services, copied into `plan_note` by the
    /// migration that structured the needs; no longer written.
    pub plan_services: Option<String>,
    pub plan_agreed_on: Option<Date>,
    pub plan_agreed_by: Option<Uuid>,
    pub discharged_on: Option<Date>,
    pub destination: Option<CareSetting>,
    pub cancel_reason: Option<CancelReason>,
    pub cancel_note: Option<String>,
    pub cancelled_on: Option<Date>,
    /// The day-before reminder went out (it goes out once).
    pub reminder_sent: bool,
    pub updated_at: DateTimeUtc,
    /// The patient's identity as the reporter typed it (what a ward may see).
    pub reported_fiscal_code: Option<String>,
    pub reported_given_name: Option<String>,
    pub reported_family_name: Option<String>,
    pub reported_birth_date: Option<Date>,
    /// `Sex`.
    pub reported_sex: Option<Sex>,
    /// What the plan says beside its structured needs (`discharge_plan_needs`).
    pub plan_note: Option<String>,
    /// The individual project opened or continued for a discharge home with
    /// services.
    pub project_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
