use ponte_domain::vocabulary::ConsentKind;
use sea_orm::entity::prelude::*;

/// One recorded privacy consent or refusal; the latest row per kind is in force.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "privacy_consents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    /// `ConsentKind`.
    pub kind: ConsentKind,
    pub granted: bool,
    pub given_on: Date,
    pub recorded_by: Uuid,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
