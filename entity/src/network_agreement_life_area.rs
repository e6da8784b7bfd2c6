use ponte_domain::vocabulary::LifeArea;
use sea_orm::entity::prelude::*;

/// A life area an agreement concerns; once per agreement.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "network_agreement_life_areas")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agreement_id: Uuid,
    /// `LifeArea`.
    pub life_area: LifeArea,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
