use sea_orm::entity::prelude::*;

/// The project's history: one row per change, with who and when.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "project_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    pub occurred_at: DateTimeUtc,
    pub actor_id: Uuid,
    /// e.g. `STATUS_CHANGED`, `GOAL_ADDED`, `BUDGET_RESOURCE_ADDED`.
    pub kind: String,
    /// Italian, for the history view.
    pub summary: String,
    pub details: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
