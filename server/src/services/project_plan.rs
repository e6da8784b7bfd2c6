//! The plan of an individual project: goals in the four life areas and the
//! interventions that pursue them. Each change moves the project's version on
//! (`projects::touch`) and is written in the project's history.

use chrono::NaiveDate;
use entity::{organization, project, project_goal, project_intervention};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::caller::Caller;
use crate::domain::person_identity::optional_text;
use crate::domain::vocabulary::{GoalStatus, LifeArea, ServiceKind};
use crate::domain::wording;
use crate::error::{AppError, AppResult};
use crate::services::project_history::{self, Change};
use crate::services::rows::{find, InRow};

#[derive(Debug, Clone)]
pub struct GoalDraft {
    pub life_area: LifeArea,
    pub description: String,
    pub target_date: Option<NaiveDate>,
    pub indicator: Option<String>,
}

/// A goal says what it aims at, in at most 2,000 characters.
fn goal_description(text: &str) -> AppResult<String> {
    optional_text("description", Some(text), 2000)?
        .ok_or_else(|| AppError::validation("description", "Descrivi l'obiettivo"))
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %project_id))]
pub async fn add_goal(
    db: &DatabaseConnection,
    caller: &Caller,
    project_id: Uuid,
    draft: GoalDraft,
) -> AppResult<project_goal::Model> {
    let change = Change::of_open_project(db.begin().await?, caller, project_id).await?;
    let description = goal_description(&draft.description)?;
    let now = caller.now();
    change.touch().await?;
    let created = project_goal::ActiveModel {
        id: Set(Uuid::now_v7()),
        project_id: Set(project_id),
        life_area: Set(draft.life_area),
        description: Set(description),
        target_date: Set(draft.target_date),
        indicator: Set(optional_text("indicator", draft.indicator.as_deref(), 500)?),
        status: Set(GoalStatus::Open),
        outcome_note: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&change.txn)
    .await?;
    let summary = format!("Nuovo obiettivo: {}", created.description);
    let details = json!({ "goalId": created.id, "lifeArea": created.life_area });
    change
        .commit("GOAL_ADDED", summary, Some(details), created)
        .await
}

#[derive(Debug, Clone, Default)]
pub struct GoalChanges {
    pub description: Option<String>,
    pub target_date: Option<NaiveDate>,
    pub indicator: Option<String>,
    pub status: Option<GoalStatus>,
    pub outcome_note: Option<String>,
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), goal_id = %goal_id))]
pub async fn update_goal(
    db: &DatabaseConnection,
    caller: &Caller,
    goal_id: Uuid,
    changes: GoalChanges,
) -> AppResult<project_goal::Model> {
    let txn = db.begin().await?;
    let goal = find::<project_goal::Entity>(&txn, goal_id).await?;
    let change = Change::of_open_project(txn, caller, goal.project_id).await?;
    let mut active: project_goal::ActiveModel = goal.clone().into();
    if let Some(text) = &changes.description {
        active.description = Set(goal_description(text)?);
    }
    if let Some(date) = changes.target_date {
        active.target_date = Set(Some(date));
    }
    if let Some(text) = &changes.indicator {
        active.indicator = Set(optional_text("indicator", Some(text), 500)?);
    }
    if let Some(status) = changes.status {
        active.status = Set(status);
    }
    if let Some(text) = &changes.outcome_note {
        active.outcome_note = Set(optional_text("outcomeNote", Some(text), 2000)?);
    }
    active.updated_at = Set(caller.now());
    change.touch().await?;
    let updated = active.update(&change.txn).await?;
    let summary = match changes.status {
        Some(status) if status != goal.status => outcome_summary(&updated.description, status),
        _ => format!("Obiettivo modificato: {}", updated.description),
    };
    let details = json!({ "goalId": goal_id, "status": updated.status });
    change
        .commit("GOAL_UPDATED", summary, Some(details), updated)
        .await
}

fn outcome_summary(description: &str, status: GoalStatus) -> String {
    format!(
        "Obiettivo «{description}»: {}",
        wording::goal_status(status.as_str())
    )
}

/// A goal's final outcome, given with the closure of its project.
#[derive(Debug, Clone)]
pub struct GoalOutcome {
    pub goal_id: Uuid,
    pub status: GoalStatus,
    pub outcome_note: Option<String>,
}

/// Records the outcomes of open goals of `found` inside the caller's
/// transaction (the closure's: refused, it takes them back). The project's
/// version is moved on by the closure itself. `field` names the input.
pub(crate) async fn settle_goals(
    txn: &impl ConnectionTrait,
    caller: &Caller,
    found: &project::Model,
    user_id: Uuid,
    outcomes: &[GoalOutcome],
) -> AppResult<()> {
    const FIELD: &str = "goalOutcomes";
    for outcome in outcomes {
        let goal = project_goal::Entity::find_by_id(outcome.goal_id)
            .one(txn)
            .await
            .in_row(project_goal::Entity, outcome.goal_id)?
            .filter(|goal| goal.project_id == found.id)
            .ok_or_else(|| {
                AppError::validation(FIELD, "L'obiettivo non appartiene a questo progetto")
            })?;
        if outcome.status == GoalStatus::Open {
            return Err(AppError::validation(
                FIELD,
                format!(
                    "Indica l'esito finale dell'obiettivo «{}»",
                    goal.description
                ),
            ));
        }
        if goal.status != GoalStatus::Open {
            return Err(AppError::validation(
                FIELD,
                format!("L'obiettivo «{}» ha già un esito", goal.description),
            ));
        }
        let mut active: project_goal::ActiveModel = goal.clone().into();
        active.status = Set(outcome.status);
        if let Some(text) = &outcome.outcome_note {
            active.outcome_note = Set(optional_text(FIELD, Some(text), 2000)?);
        }
        active.updated_at = Set(caller.now());
        active.update(txn).await?;
        project_history::changed(
            txn,
            caller,
            found,
            user_id,
            "GOAL_UPDATED",
            outcome_summary(&goal.description, outcome.status),
            Some(json!({ "goalId": goal.id, "status": outcome.status })),
        )
        .await?;
    }
    Ok(())
}

#[derive(Debug, Clone)]
pub struct InterventionDraft {
    pub goal_id: Option<Uuid>,
    pub life_area: LifeArea,
    pub service_kind: ServiceKind,
    pub provider_id: Option<Uuid>,
    pub frequency: String,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
}

async fn check_intervention(
    conn: &impl ConnectionTrait,
    project_id: Uuid,
    draft: &InterventionDraft,
) -> AppResult<String> {
    if let Some(goal_id) = draft.goal_id {
        let goal = project_goal::Entity::find_by_id(goal_id)
            .one(conn)
            .await
            .in_row(project_goal::Entity, goal_id)?;
        if goal.map(|g| g.project_id) != Some(project_id) {
            return Err(AppError::validation(
                "goalId",
                "L'obiettivo non appartiene a questo progetto",
            ));
        }
    }
    if let Some(provider_id) = draft.provider_id {
        if organization::Entity::find_by_id(provider_id)
            .count(conn)
            .await?
            == 0
        {
            return Err(AppError::validation(
                "providerId",
                "Ente erogatore non trovato",
            ));
        }
    }
    if draft.end_date.is_some_and(|end| end < draft.start_date) {
        return Err(AppError::validation(
            "endDate",
            "La data di fine precede quella di inizio",
        ));
    }
    optional_text("frequency", Some(&draft.frequency), 200)?.ok_or_else(|| {
        AppError::validation(
            "frequency",
            "Indica la frequenza (ad esempio «3 accessi a settimana»)",
        )
    })
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %project_id))]
pub async fn add_intervention(
    db: &DatabaseConnection,
    caller: &Caller,
    project_id: Uuid,
    draft: InterventionDraft,
) -> AppResult<project_intervention::Model> {
    let change = Change::of_open_project(db.begin().await?, caller, project_id).await?;
    let frequency = check_intervention(&change.txn, project_id, &draft).await?;
    change.touch().await?;
    let created = project_intervention::ActiveModel {
        id: Set(Uuid::now_v7()),
        project_id: Set(project_id),
        goal_id: Set(draft.goal_id),
        life_area: Set(draft.life_area),
        service_kind: Set(draft.service_kind),
        provider_id: Set(draft.provider_id),
        frequency: Set(frequency),
        start_date: Set(draft.start_date),
        end_date: Set(draft.end_date),
        created_at: Set(caller.now()),
    }
    .insert(&change.txn)
    .await?;
    intervention_changed(change, "INTERVENTION_ADDED", "Nuovo intervento", created).await
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), intervention_id = %intervention_id))]
pub async fn update_intervention(
    db: &DatabaseConnection,
    caller: &Caller,
    intervention_id: Uuid,
    draft: InterventionDraft,
) -> AppResult<project_intervention::Model> {
    let txn = db.begin().await?;
    let current = find::<project_intervention::Entity>(&txn, intervention_id).await?;
    let change = Change::of_open_project(txn, caller, current.project_id).await?;
    let frequency = check_intervention(&change.txn, change.found.id, &draft).await?;
    let mut active: project_intervention::ActiveModel = current.into();
    active.goal_id = Set(draft.goal_id);
    active.life_area = Set(draft.life_area);
    active.service_kind = Set(draft.service_kind);
    active.provider_id = Set(draft.provider_id);
    active.frequency = Set(frequency);
    active.start_date = Set(draft.start_date);
    active.end_date = Set(draft.end_date);
    change.touch().await?;
    let updated = active.update(&change.txn).await?;
    intervention_changed(
        change,
        "INTERVENTION_UPDATED",
        "Intervento modificato",
        updated,
    )
    .await
}

/// Ends a change to an intervention, which the history names by its
/// service and frequency after `what` was done to it.
async fn intervention_changed(
    change: Change<'_>,
    kind: &str,
    what: &str,
    intervention: project_intervention::Model,
) -> AppResult<project_intervention::Model> {
    let summary = format!(
        "{what}: {} ({})",
        intervention.service_kind.label_it(),
        intervention.frequency
    );
    let details = json!({ "interventionId": intervention.id });
    change
        .commit(kind, summary, Some(details), intervention)
        .await
}
