use sea_orm::entity::prelude::*;

/// A machine client of an organization (a hospital's ADT system, a Region's
/// data warehouse): it calls the machine endpoints with a bearer token,
/// never `/graphql`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_accounts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    /// `ServiceScope` wire names, comma-separated (`discharges:report,fhir:read`).
    pub scopes: String,
    pub active: bool,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
