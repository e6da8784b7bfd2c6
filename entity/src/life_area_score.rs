use ponte_domain::vocabulary::{LifeArea, Rater};
use sea_orm::entity::prelude::*;

/// An outcome score (1–5) for one life area at a date, by the person or the team.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "life_area_scores")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    pub scored_on: Date,
    /// `Rater`: PERSON or TEAM.
    pub rater: Rater,
    /// `LifeArea`.
    pub life_area: LifeArea,
    pub score: i32,
    pub note: Option<String>,
    pub recorded_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
