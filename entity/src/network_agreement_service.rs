use ponte_domain::vocabulary::ServiceKind;
use sea_orm::entity::prelude::*;

/// A LEPS intervention an agreement concerns; once per agreement.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "network_agreement_services")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agreement_id: Uuid,
    /// `ServiceKind`.
    pub service: ServiceKind,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
