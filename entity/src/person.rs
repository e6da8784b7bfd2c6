use ponte_domain::vocabulary::{FiscalCodeMissingReason, Sex};
use sea_orm::entity::prelude::*;

/// A beneficiary (beneficiario): the person a case is about.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "persons")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub version: i32,
    /// Upper case; unique when present.
    #[sea_orm(unique)]
    pub fiscal_code: Option<String>,
    /// Why there is no codice fiscale: STP, ENI, PROVISIONAL or NOT_ASSIGNED.
    pub fiscal_code_missing_reason: Option<FiscalCodeMissingReason>,
    /// The STP/ENI code or the 11-digit provisional code, when that is the reason.
    pub alternative_code: Option<String>,
    pub given_name: String,
    pub family_name: String,
    /// " family given", accent-folded and lower case, for word-prefix search
    /// that behaves the same on SQLite and PostgreSQL.
    pub search_name: String,
    pub birth_date: Date,
    pub birth_place: Option<String>,
    /// `Sex`: F or M.
    pub sex: Sex,
    pub residence: Option<String>,
    /// Residenza fittizia: no home; `residence` then holds the fictitious address.
    pub homeless: bool,
    pub domicile: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub language: Option<String>,
    /// `TargetGroup` names, comma-separated.
    pub target_groups: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The Comune of residence (an organization of kind COMUNE); for a
    /// homeless person the Comune of their residenza fittizia.
    pub residence_comune_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
