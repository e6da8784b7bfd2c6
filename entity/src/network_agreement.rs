use ponte_domain::vocabulary::NetworkAgreementKind;
use sea_orm::entity::prelude::*;

/// An agreement of the network's register: a Convenzione, a protocol, an
/// Accordo di Programma… Its status is derived from the dates
/// (`network_agreements::status`), never stored.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "network_agreements")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub version: i32,
    /// `NetworkAgreementKind`.
    pub kind: NetworkAgreementKind,
    pub title: String,
    pub signed_on: Option<Date>,
    pub valid_from: Option<Date>,
    /// None: open-ended.
    pub valid_until: Option<Date>,
    pub withdrawn_on: Option<Date>,
    pub withdrawal_reason: Option<String>,
    /// The protocol number of the signed document.
    pub protocol_number: Option<String>,
    /// The elements every protocol defines (seed 001 §7).
    pub purpose: Option<String>,
    pub recipients: Option<String>,
    pub actions: Option<String>,
    pub actors: Option<String>,
    pub timing: Option<String>,
    pub responsibilities: Option<String>,
    pub monitoring_indicators: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
