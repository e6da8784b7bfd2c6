//! Reading the audit trail: who accessed what, when, from where.

use chrono::{DateTime, Utc};
use entity::audit_event;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::caller::Caller;
use crate::error::AppResult;
use crate::policy;
use crate::services::page::{fetch_page, Keyset, Page, PageRequest};

#[derive(Debug, Clone, Default)]
pub struct TrailFilter {
    pub person_id: Option<Uuid>,
    pub user_id: Option<Uuid>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// Newest first. UUID v7 ids grow with time, so they break ties in order.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn list(
    db: &DatabaseConnection,
    caller: &Caller,
    filter: TrailFilter,
    page: PageRequest,
) -> AppResult<Page<audit_event::Model>> {
    policy::require_auditor(caller)?;
    let mut query = audit_event::Entity::find();
    if let Some(person_id) = filter.person_id {
        query = query.filter(audit_event::Column::PersonId.eq(person_id));
    }
    if let Some(user_id) = filter.user_id {
        query = query.filter(audit_event::Column::ActorUserId.eq(user_id));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_event::Column::OccurredAt.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(audit_event::Column::OccurredAt.lt(to));
    }
    fetch_page(db, query, &newest_first(), page).await
}

/// The trail's order: newest first, UUID v7 ids breaking ties.
fn newest_first() -> Keyset<audit_event::Model> {
    Keyset::new("audit")
        .desc(audit_event::Column::OccurredAt)
        .desc(audit_event::Column::Id)
}
