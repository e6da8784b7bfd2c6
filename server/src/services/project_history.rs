//! The history of a project: every change is an event with who and when,
//! written in the same transaction as the change.

use entity::{project, project_event};
use sea_orm::sea_query::SimpleExpr;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, Set};
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::error::AppResult;
use crate::services::projects;
use crate::services::versions::guarded_update;

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

/// One change to a project by someone who works on it, in one transaction:
/// the project as found, who changes it, and at the end the change's
/// history and audit events, written with it before the commit.
pub struct Change<'a> {
    pub txn: DatabaseTransaction,
    pub caller: &'a Caller,
    pub user_id: Uuid,
    pub found: project::Model,
}

impl<'a> Change<'a> {
    /// A change to the project `project_id` in `txn`, whatever its status.
    pub async fn of_project(
        txn: DatabaseTransaction,
        caller: &'a Caller,
        project_id: Uuid,
    ) -> AppResult<Self> {
        let (user_id, found) = projects::load_for_work(&txn, caller, project_id).await?;
        Ok(Change {
            txn,
            caller,
            user_id,
            found,
        })
    }

    /// A change to the plan of the project `project_id` in `txn`, refused
    /// on a closed project.
    pub async fn of_open_project(
        txn: DatabaseTransaction,
        caller: &'a Caller,
        project_id: Uuid,
    ) -> AppResult<Self> {
        let change = Self::of_project(txn, caller, project_id).await?;
        projects::refuse_closed(&change.found)?;
        Ok(change)
    }

    /// Moves the project's version on (`projects::touch`): a change to a
    /// part of it conflicts with a decision on the whole taken meanwhile.
    pub async fn touch(&self) -> AppResult<()> {
        projects::touch(&self.txn, self.caller.now(), &self.found).await
    }

    /// Writes `changes` to the project if it is still at `expected_version`
    /// (`guarded_update`), moving its version on.
    pub async fn update_project(
        &self,
        expected_version: i32,
        changes: Vec<(project::Column, SimpleExpr)>,
    ) -> AppResult<()> {
        guarded_update::<project::Entity>(
            &self.txn,
            self.caller.now(),
            self.found.id,
            expected_version,
            changes,
        )
        .await
    }

    /// Ends the change: its history event (`kind`, `summary`, `details`)
    /// and audit event, then the commit; `answer` is what the use case
    /// returns.
    pub async fn commit<T>(
        self,
        kind: &str,
        summary: impl Into<String>,
        details: Option<serde_json::Value>,
        answer: T,
    ) -> AppResult<T> {
        changed(
            &self.txn,
            self.caller,
            &self.found,
            self.user_id,
            kind,
            summary,
            details,
        )
        .await?;
        self.txn.commit().await?;
        Ok(answer)
    }

    /// Ends the change as `commit` does, answering the project as the
    /// change left it.
    pub async fn commit_project(
        self,
        kind: &str,
        summary: impl Into<String>,
        details: Option<serde_json::Value>,
    ) -> AppResult<project::Model> {
        let updated = projects::load(&self.txn, self.found.id).await?;
        self.commit(kind, summary, details, updated).await
    }
}
