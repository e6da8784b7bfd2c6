use ponte_domain::vocabulary::{MeetingKind, MeetingStatus};
use sea_orm::entity::prelude::*;

/// A meeting of the network: training, supervision, a caregiver course, an
/// équipe or co-design table. Organized by a team (then `organization_id`
/// is the team's organization) or by an organization.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub version: i32,
    /// `MeetingKind`.
    pub kind: MeetingKind,
    pub title: String,
    pub planned_on: Date,
    pub held_on: Option<Date>,
    /// `MeetingStatus`.
    pub status: MeetingStatus,
    pub cancelled_reason: Option<String>,
    pub team_id: Option<Uuid>,
    pub organization_id: Uuid,
    /// People outside Ponte: caregivers, families, other services' staff.
    pub external_participants: i32,
    pub agreement_id: Option<Uuid>,
    pub note: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
