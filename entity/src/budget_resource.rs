use ponte_domain::vocabulary::{
    FundingSource, LifeArea, Profession, ProviderKind, ResourceKind, ResourceUnit,
};
use sea_orm::entity::prelude::*;

/// A line of the Budget di Salute: economic (EUR), professional (hours of a
/// profession) or relational (hours or a described commitment).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "budget_resources")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    pub version: i32,
    /// `LifeArea`.
    pub life_area: LifeArea,
    /// `ResourceKind`.
    pub kind: ResourceKind,
    /// `ProviderKind`: ORGANIZATION, FAMILY or PERSON.
    pub provider_kind: ProviderKind,
    pub provider_id: Option<Uuid>,
    /// The organization's name at the time, or "Famiglia" / "Persona".
    pub provider_name: String,
    /// `FundingSource`.
    pub funding_source: FundingSource,
    pub description: String,
    pub profession: Option<Profession>,
    /// `ResourceUnit`: EUR, HOURS or COMMITMENT.
    pub unit: ResourceUnit,
    /// Hundredths of the unit: cents, or hundredths of an hour.
    pub planned_hundredths: i64,
    pub period_start: Date,
    pub period_end: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
