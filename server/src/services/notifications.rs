//! In-app notifications for their recipient, and the dead-letter list of
//! emails for administrators.

use entity::{notification, outbox_email};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};
use uuid::Uuid;

use crate::audit::{AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::vocabulary::EmailStatus;
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::page::{fetch_page, Keyset, Page, PageRequest};
use crate::services::rows::{commit_audited, find};

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn list(
    db: &DatabaseConnection,
    caller: &Caller,
    unread_only: bool,
    page: PageRequest,
) -> AppResult<Page<notification::Model>> {
    let viewer = policy::require_signed_in(caller)?;
    let mut query =
        notification::Entity::find().filter(notification::Column::UserId.eq(viewer.user_id));
    if unread_only {
        query = query.filter(notification::Column::ReadAt.is_null());
    }
    fetch_page(db, query, &newest_notifications_first(), page).await
}

/// The notifications list's order: newest first, then by id.
fn newest_notifications_first() -> Keyset<notification::Model> {
    Keyset::new("notifications")
        .desc(notification::Column::CreatedAt)
        .desc(notification::Column::Id)
}

/// Someone else's notification is NOT_FOUND: its existence is not theirs to know.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), notification_id = %id))]
pub async fn mark_read(
    db: &DatabaseConnection,
    caller: &Caller,
    id: Uuid,
) -> AppResult<notification::Model> {
    let viewer = policy::require_signed_in(caller)?;
    // Someone else's notification is as absent as one that never was.
    let found = find::<notification::Entity>(db, id).await?;
    if found.user_id != viewer.user_id {
        return Err(AppError::NotFound);
    }
    if found.read_at.is_none() {
        notification::Entity::update_many()
            .col_expr(notification::Column::ReadAt, Expr::value(caller.now()))
            .filter(notification::Column::Id.eq(id))
            .filter(notification::Column::ReadAt.is_null())
            .exec(db)
            .await?;
    }
    find::<notification::Entity>(db, id).await
}

/// Marks every unread notification of the caller as read ("segna tutte
/// come lette"); returns how many were unread.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn mark_all_read(db: &DatabaseConnection, caller: &Caller) -> AppResult<u64> {
    let viewer = policy::require_signed_in(caller)?;
    let marked = notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, Expr::value(caller.now()))
        .filter(notification::Column::UserId.eq(viewer.user_id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await?;
    Ok(marked.rows_affected)
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn failed_emails(
    db: &DatabaseConnection,
    caller: &Caller,
    page: PageRequest,
) -> AppResult<Page<outbox_email::Model>> {
    policy::require_admin(caller)?;
    let query = outbox_email::Entity::find()
        .filter(outbox_email::Column::Status.eq(EmailStatus::Dead.as_str()));
    fetch_page(db, query, &newest_emails_first(), page).await
}

/// The failed emails list's order: newest first, then by id.
fn newest_emails_first() -> Keyset<outbox_email::Model> {
    Keyset::new("failed-emails")
        .desc(outbox_email::Column::CreatedAt)
        .desc(outbox_email::Column::Id)
}

/// Puts a dead email back in the queue with a fresh count of attempts. The
/// answer is read inside the same transaction: the worker may claim the
/// email the moment it is PENDING, and the admin is told what they did.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), email_id = %id))]
pub async fn retry_email(
    db: &DatabaseConnection,
    caller: &Caller,
    id: Uuid,
) -> AppResult<outbox_email::Model> {
    policy::require_admin(caller)?;
    let txn = db.begin().await?;
    let moved = outbox_email::Entity::update_many()
        .col_expr(
            outbox_email::Column::Status,
            Expr::value(EmailStatus::Pending.as_str()),
        )
        .col_expr(outbox_email::Column::Attempts, Expr::value(0))
        .col_expr(
            outbox_email::Column::NextAttemptAt,
            Expr::value(caller.now()),
        )
        .filter(outbox_email::Column::Id.eq(id))
        .filter(outbox_email::Column::Status.eq(EmailStatus::Dead.as_str()))
        .exec(&txn)
        .await?;
    let found = find::<outbox_email::Entity>(&txn, id).await?;
    if moved.rows_affected == 0 {
        return Err(AppError::validation(
            "id",
            "Si può ritentare solo un'email non recapitata",
        ));
    }
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::EmailRetried).on("outbox_email", id),
    )
    .await?;
    Ok(found)
}
