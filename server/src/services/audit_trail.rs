//! The audit trail: reading it (who accessed what, when, from where), one
//! person's accesses as a file for the auditor, and pruning it past its
//! retention.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::{audit_event, user};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::audit_retention::prune_before;
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::csv_text;
use crate::services::page::{fetch_page, Keyset, Page, PageRequest};
use crate::services::rows::commit_audited;

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

/// One access to a person's record, with the name of who made it.
#[derive(Debug, Clone)]
pub struct Access {
    pub event: audit_event::Model,
    pub user: Option<(String, String)>,
}

/// More than this many events about one person in one file is not a log an
/// auditor reads: they narrow the period.
const ACCESS_LOG_LIMIT: u64 = 50_000;

/// Every audit event about one person (`from` inclusive, `to` exclusive),
/// oldest first, for the access log an auditor exports. The export is
/// itself an audited act.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), person_id = %person_id))]
pub async fn person_accesses(
    db: &DatabaseConnection,
    caller: &Caller,
    person_id: Uuid,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
) -> AppResult<Vec<Access>> {
    policy::require_auditor(caller)?;
    let txn = db.begin().await?;
    let mut query = audit_event::Entity::find().filter(audit_event::Column::PersonId.eq(person_id));
    if let Some(from) = from {
        query = query.filter(audit_event::Column::OccurredAt.gte(from));
    }
    if let Some(to) = to {
        query = query.filter(audit_event::Column::OccurredAt.lt(to));
    }
    let events = query
        .order_by_asc(audit_event::Column::OccurredAt)
        .order_by_asc(audit_event::Column::Id)
        .limit(ACCESS_LOG_LIMIT + 1)
        .all(&txn)
        .await?;
    if events.len() as u64 > ACCESS_LOG_LIMIT {
        return Err(AppError::validation(
            "from",
            format!("Più di {ACCESS_LOG_LIMIT} accessi: restringere il periodo"),
        ));
    }
    let user_ids: Vec<Uuid> = events.iter().filter_map(|e| e.actor_user_id).collect();
    let users: HashMap<Uuid, (String, String)> = user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids))
        .all(&txn)
        .await?
        .into_iter()
        .map(|u| (u.id, (u.display_name, u.email)))
        .collect();
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::AccessLogExported)
            .person(person_id)
            .details(json!({ "from": from, "to": to, "events": events.len() })),
    )
    .await?;
    Ok(events
        .into_iter()
        .map(|event| Access {
            user: event.actor_user_id.and_then(|id| users.get(&id).cloned()),
            event,
        })
        .collect())
}

/// Reading a record, a list or an identity is a consultation; every other
/// event about the person recorded or changed something.
pub fn access_kind(action: &str) -> &'static str {
    if action.ends_with("_READ") || action.ends_with("_LISTED") || action.ends_with("_LOOKUP") {
        "Consultazione"
    } else {
        "Registrazione o modifica"
    }
}

const ACCESS_HEADERS: [&str; 8] = [
    "Data e ora (UTC)",
    "Utente",
    "Email",
    "Tipo di accesso",
    "Azione",
    "Oggetto",
    "Richiesta",
    "Indirizzo",
];

/// The access log as a spreadsheet opens it (see `csv_text`).
pub fn access_log_csv(accesses: &[Access]) -> String {
    let mut text = csv_text::start(&ACCESS_HEADERS);
    for access in accesses {
        let event = &access.event;
        let (name, email) = access.user.clone().unwrap_or_default();
        let object = match (&event.entity_type, event.entity_id) {
            (Some(kind), Some(id)) => format!("{kind} {id}"),
            (Some(kind), None) => kind.clone(),
            _ => String::new(),
        };
        csv_text::line(
            &mut text,
            &[
                event.occurred_at.format("%d/%m/%Y %H:%M:%S").to_string(),
                name,
                email,
                access_kind(&event.action).to_owned(),
                event.action.clone(),
                object,
                event.request_id.clone().unwrap_or_default(),
                event.client_addr.clone().unwrap_or_default(),
            ],
        );
    }
    text
}

/// Removes the audit events older than `retention_months` (never a younger
/// one) and records that it did, with the limit and the count.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), retention_months))]
pub async fn prune_expired(
    db: &DatabaseConnection,
    caller: &Caller,
    retention_months: u32,
) -> AppResult<u64> {
    let before = prune_before(caller.now(), retention_months);
    let txn = db.begin().await?;
    let removed = audit_event::Entity::delete_many()
        .filter(audit_event::Column::OccurredAt.lt(before))
        .exec(&txn)
        .await?
        .rows_affected;
    if removed > 0 {
        audit::record(
            &txn,
            caller,
            AuditEntry::new(AuditAction::AuditPruned).details(json!({
                "before": before,
                "removed": removed,
                "retentionMonths": retention_months,
            })),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_consultations_and_the_rest_records_or_changes() {
        assert_eq!(access_kind("PERSON_READ"), "Consultazione");
        assert_eq!(access_kind("PROJECT_LISTED"), "Consultazione");
        assert_eq!(access_kind("PERSON_IDENTITY_LOOKUP"), "Consultazione");
        assert_eq!(access_kind("PERSON_UPDATED"), "Registrazione o modifica");
        assert_eq!(
            access_kind("ACCESS_LOG_EXPORTED"),
            "Registrazione o modifica"
        );
    }
}
