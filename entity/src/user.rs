use ponte_domain::vocabulary::{Profession, Role};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// As typed at creation, for display and for mail.
    pub email: String,
    /// Lower-cased email: the unique key, so uniqueness ignores case on every backend.
    #[sea_orm(unique)]
    pub email_normalized: String,
    pub display_name: String,
    pub password_hash: String,
    /// `Role`: ADMIN, OPERATOR or AUDITOR.
    pub role: Role,
    /// `Profession` as its GraphQL name.
    pub profession: Profession,
    pub organization_id: Option<Uuid>,
    pub active: bool,
    /// Bumped when every existing session of the user must stop working
    /// (password change); sessions remember the epoch they were opened in.
    pub session_epoch: i32,
    /// A REPORTER who manages the agreements of their territories.
    pub manages_agreements: bool,
    /// A password an administrator reset: its owner must choose their own.
    pub password_must_change: bool,
    /// The agenda's day-before reminders also go out by email (in-app they
    /// always do); off by default.
    pub agenda_email_reminders: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::organization::Entity",
        from = "Column::OrganizationId",
        to = "super::organization::Column::Id"
    )]
    Organization,
}

impl Related<super::organization::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organization.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
