use async_graphql::{Context, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{notification, outbox_email};

use crate::graphql::context::{on_id, scope};
use crate::graphql::cost;
use crate::graphql::pagination::{connection, page_request, PonteConnection};
use crate::graphql::vocabulary::EmailStatus;
use crate::services::notifications;

/// An in-app notification: what happened and where to look, no health data.
#[derive(SimpleObject)]
pub struct Notification {
    pub id: ID,
    pub kind: String,
    pub title: String,
    /// A path in the SPA.
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
    pub read: bool,
}

impl From<notification::Model> for Notification {
    fn from(m: notification::Model) -> Self {
        Notification {
            id: ID(m.id.to_string()),
            kind: m.kind,
            title: m.title,
            link: m.link,
            created_at: m.created_at,
            read: m.read_at.is_some(),
            read_at: m.read_at,
        }
    }
}

/// An email of the outbox, as administrators see it in the dead-letter list.
#[derive(SimpleObject)]
pub struct OutboxEmail {
    pub id: ID,
    pub recipient: String,
    pub subject: String,
    pub status: EmailStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<outbox_email::Model> for OutboxEmail {
    fn from(m: outbox_email::Model) -> Self {
        OutboxEmail {
            id: ID(m.id.to_string()),
            recipient: m.recipient,
            subject: m.subject,
            status: m.status.into(),
            attempts: m.attempts,
            last_error: m.last_error,
            created_at: m.created_at,
        }
    }
}

#[derive(Default)]
pub struct NotificationQuery;

#[Object]
impl NotificationQuery {
    /// The viewer's own notifications, newest first.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn notifications(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default)] unread_only: bool,
    ) -> async_graphql::Result<PonteConnection<Notification>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let found = notifications::list(s.db, s.caller, unread_only, page).await?;
        Ok(connection(found.map(Notification::from)))
    }

    /// ADMIN: emails that could not be delivered.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn failed_notifications(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<PonteConnection<OutboxEmail>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let found = notifications::failed_emails(s.db, s.caller, page).await?;
        Ok(connection(found.map(OutboxEmail::from)))
    }
}

#[derive(Default)]
pub struct NotificationMutation;

#[Object]
impl NotificationMutation {
    async fn mark_notification_read(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Notification> {
        Ok(on_id(ctx, &id, notifications::mark_read).await?.into())
    }

    /// Marks all the caller's unread notifications as read; returns how
    /// many there were.
    async fn mark_all_notifications_read(&self, ctx: &Context<'_>) -> async_graphql::Result<i32> {
        let s = scope(ctx)?;
        let marked = notifications::mark_all_read(s.db, s.caller).await?;
        Ok(i32::try_from(marked).unwrap_or(i32::MAX))
    }

    /// ADMIN: puts a dead email back in the queue.
    async fn retry_notification(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<OutboxEmail> {
        Ok(on_id(ctx, &id, notifications::retry_email).await?.into())
    }
}
