use ponte_domain::vocabulary::SocialDomain;
use sea_orm::entity::prelude::*;

/// A social domain's level: 1 adequate, 2 partly adequate, 3 critical.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assessment_social_domains")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub assessment_id: Uuid,
    /// `SocialDomain`.
    pub domain: SocialDomain,
    pub level: i32,
    pub note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
