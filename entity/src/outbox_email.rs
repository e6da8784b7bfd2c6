use ponte_domain::vocabulary::EmailStatus;
use sea_orm::entity::prelude::*;

/// An email waiting to be sent, written in the same transaction as the change
/// that causes it and delivered by the outbox worker.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_emails")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    /// PENDING, SENDING, SENT or DEAD.
    pub status: EmailStatus,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub last_error: Option<String>,
    /// When the last claim was made, and by which worker (for the log).
    pub claimed_at: Option<DateTimeUtc>,
    pub claimed_by: Option<String>,
    /// The random token of the claim that holds the email while SENDING.
    pub lease_token: Option<Uuid>,
    /// When that claim ends: after it another worker may take the email.
    pub lease_expires_at: Option<DateTimeUtc>,
    pub sent_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
