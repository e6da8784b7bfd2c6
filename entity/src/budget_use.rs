use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "budget_uses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub resource_id: Uuid,
    pub used_on: Date,
    pub quantity_hundredths: i64,
    pub note: Option<String>,
    pub recorded_by: Uuid,
    /// A reversing entry: the use it cancels (its quantity is that use's,
    /// negated). A use is reversed at most once; a reversal never is.
    pub reverses_id: Option<Uuid>,
    /// Why a use was reversed; only on reversing entries.
    pub reason: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
