use sea_orm::entity::prelude::*;

/// The code of the national nomenclatore of social services for one of
/// Ponte's intervention kinds, as an ADMIN configured it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "nomenclatore_mappings")]
pub struct Model {
    /// A `ServiceKind`, kept as text because it is the key (read back with
    /// `ServiceKind::parse`, an unknown value naming the row).
    #[sea_orm(primary_key, auto_increment = false)]
    pub service_kind: String,
    pub code: String,
    pub label: String,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
