use sea_orm::entity::prelude::*;

/// Append-only: rows are inserted by `audit::record` and never updated; they
/// are deleted only past the retention (`services::audit_trail::prune_expired`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub occurred_at: DateTimeUtc,
    pub actor_user_id: Option<Uuid>,
    pub actor_organization_id: Option<Uuid>,
    /// What happened, e.g. `LOGIN_FAILED`, `USER_CREATED`, `PERSON_READ`.
    pub action: String,
    pub entity_type: Option<String>,
    pub entity_id: Option<Uuid>,
    pub person_id: Option<Uuid>,
    pub request_id: Option<String>,
    pub client_addr: Option<String>,
    /// Small JSON object with the facts worth keeping (never passwords or health data).
    pub details: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
