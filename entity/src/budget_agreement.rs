use ponte_domain::vocabulary::ProviderKind;
use sea_orm::entity::prelude::*;

/// One party's agreement to the budget (an organization, the person, the family).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "budget_agreements")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    /// `ProviderKind`.
    pub party_kind: ProviderKind,
    pub organization_id: Option<Uuid>,
    pub party_name: String,
    pub agreed_on: Date,
    pub recorded_by: Uuid,
    pub created_at: DateTimeUtc,
    /// When a change to the plan ended this agreement; `None` while it holds.
    pub superseded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
