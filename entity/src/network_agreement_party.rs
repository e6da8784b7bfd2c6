use ponte_domain::vocabulary::AgreementPartyRole;
use sea_orm::entity::prelude::*;

/// An organization party to an agreement, once per agreement, with its
/// contact in Ponte (who receives the expiry reminders).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "network_agreement_parties")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agreement_id: Uuid,
    pub organization_id: Uuid,
    /// `AgreementPartyRole`.
    pub role: AgreementPartyRole,
    pub contact_user_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
