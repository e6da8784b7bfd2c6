use sea_orm::entity::prelude::*;

/// A FHIR Bundle a hospital's system sent (issue 18.2), unique by the
/// organization and the Bundle's identifier: the same message twice makes
/// one discharge.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "fhir_inbound_bundles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub identifier_system: String,
    pub identifier_value: String,
    /// The account that sent it: the discharge's reporter.
    pub service_account_id: Uuid,
    /// Set in the transaction that claimed the row.
    pub discharge_id: Option<Uuid>,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
