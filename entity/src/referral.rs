use ponte_domain::vocabulary::{ReferralSource, ReferralStatus, Urgency};
use sea_orm::entity::prelude::*;

/// An access (accesso): a person referred to a team. While OPEN or ACCEPTED it
/// makes the team responsible for the person.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "referrals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub team_id: Uuid,
    /// `ReferralSource`.
    pub source: ReferralSource,
    pub reason: String,
    /// `Urgency`.
    pub urgency: Urgency,
    /// `ReferralStatus`: OPEN, ACCEPTED or CLOSED.
    pub status: ReferralStatus,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub accepted_by: Option<Uuid>,
    pub accepted_at: Option<DateTimeUtc>,
    pub closed_by: Option<Uuid>,
    pub closed_at: Option<DateTimeUtc>,
    pub outcome: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
