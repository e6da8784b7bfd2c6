use ponte_domain::vocabulary::{BudgetAgreementStatus, ConsentMethod, ProjectKind, ProjectStatus};
use sea_orm::entity::prelude::*;

/// An individual project (PAI, PTRI, progetto personalizzato, progetto di vita).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "projects")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub version: i32,
    pub person_id: Uuid,
    /// `ProjectKind`.
    pub kind: ProjectKind,
    /// `ProjectStatus`.
    pub status: ProjectStatus,
    pub team_id: Uuid,
    pub case_manager_id: Uuid,
    pub title: String,
    pub start_date: Date,
    pub review_every_days: i32,
    pub next_review_on: Date,
    /// While SUSPENDED: the status to go back to.
    pub suspended_from: Option<ProjectStatus>,
    pub consent_on: Option<Date>,
    /// `ConsentMethod`.
    pub consent_method: Option<ConsentMethod>,
    pub consent_witness: Option<String>,
    pub consent_family_cosignature: Option<String>,
    pub consent_recorded_by: Option<Uuid>,
    pub closure_reason: Option<String>,
    pub closed_on: Option<Date>,
    /// `BudgetAgreementStatus`: NONE, AGREED or TO_RENEW.
    pub budget_agreement: BudgetAgreementStatus,
    /// An integrated PAI: health and social parts, co-signed by a health and
    /// a social organization (`project_cosignature`).
    pub integrated: bool,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
