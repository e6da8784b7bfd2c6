use sea_orm::entity::prelude::*;

/// A bearer token of a service account: the secret is shown once and only
/// its SHA-256 is kept.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_account_tokens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub account_id: Uuid,
    /// Lower-case hex SHA-256 of the whole token text.
    pub token_hash: String,
    /// The token's first characters (`ponte_sa_` and eight more): shown to
    /// recognise it, and how a presented token finds its row.
    #[sea_orm(unique)]
    pub prefix: String,
    pub expires_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
