use ponte_domain::vocabulary::{GoalStatus, LifeArea};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "project_goals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    /// `LifeArea`.
    pub life_area: LifeArea,
    pub description: String,
    pub target_date: Option<Date>,
    pub indicator: Option<String>,
    /// `GoalStatus`.
    pub status: GoalStatus,
    pub outcome_note: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
