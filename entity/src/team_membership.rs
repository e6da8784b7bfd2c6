use ponte_domain::vocabulary::TeamRole;
use sea_orm::entity::prelude::*;

/// A period of membership. Ending it sets `ended_on`; rows are never deleted,
/// so who was in the team when is always known.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "team_memberships")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub team_id: Uuid,
    pub user_id: Uuid,
    /// `TeamRole`: COORDINATOR or MEMBER.
    pub team_role: TeamRole,
    pub started_on: Date,
    pub ended_on: Option<Date>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
