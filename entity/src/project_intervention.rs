use ponte_domain::vocabulary::{LifeArea, ServiceKind};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "project_interventions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub project_id: Uuid,
    pub goal_id: Option<Uuid>,
    /// `LifeArea`.
    pub life_area: LifeArea,
    /// `ServiceKind`.
    pub service_kind: ServiceKind,
    pub provider_id: Option<Uuid>,
    pub frequency: String,
    pub start_date: Date,
    pub end_date: Option<Date>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
