use ponte_domain::vocabulary::OrganizationKind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organizations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    /// `OrganizationKind` as its GraphQL name (ASL, ASST, COMUNE, …).
    pub kind: OrganizationKind,
    pub fiscal_code: Option<String>,
    pub created_at: DateTimeUtc,
    /// The organization this one belongs to in the territory (a Comune's
    /// Ambito, a Distretto's ASST); rules in `domain::territory`.
    pub parent_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::user::Entity")]
    User,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
