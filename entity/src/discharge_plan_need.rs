use ponte_domain::vocabulary::DischargeNeed;
use sea_orm::entity::prelude::*;

/// One need the discharge plan arranges for (SAD, ADI, RSA, …); a need is
/// listed once per discharge.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "discharge_plan_needs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub discharge_id: Uuid,
    /// `DischargeNeed`.
    pub need: DischargeNeed,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
