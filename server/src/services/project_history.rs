//! The history of a project: every change is an event with who and when,
//! written in the same transaction as the change.

use entity::{project, project_event};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::error::AppResult;

pub async fn record(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    project_id: Uuid,
    actor_id: Uuid,
    kind: &str,
    summary: impl Into<String>,
    details: Option<serde_json::Value>,
) -> AppResult<()> {
    project_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        project_id: Set(project_id),
        occurred_at: Set(caller.now()),
        actor_id: Set(actor_id),
        kind: Set(kind.to_owned()),
        summary: Set(summary.into()),
        details: Set(details),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// A change to a project: its history event and its audit event, together.
pub async fn changed(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    found: &project::Model,
    actor_id: Uuid,
    kind: &str,
    summary: impl Into<String>,
    details: Option<serde_json::Value>,
) -> AppResult<()> {
    record(conn, caller, found.id, actor_id, kind, summary, details).await?;
    audit::record(
        conn,
        caller,
        AuditEntry::new(AuditAction::ProjectChanged)
            .on("project", found.id)
            .person(found.person_id),
    )
    .await
}
