//! Following an individual project up: the periodic reviews, which set the
//! next review date, and the outcome scores per life area.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{life_area_score, project, project_review};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

use crate::caller::Caller;
use crate::domain::person_identity::optional_text;
use crate::domain::project_lifecycle;
use crate::domain::vocabulary::{LifeArea, ProjectStatus, Rater};
use crate::domain::wording;
use crate::error::{AppError, AppResult};
use crate::services::not_in_future;
use crate::services::participants::participants;
use crate::services::project_history::Change;
use crate::services::projects::{self, next_review};

#[derive(Debug, Clone)]
pub struct ReviewDraft {
    pub date: NaiveDate,
    pub participant_ids: Vec<Uuid>,
    pub notes: Option<String>,
    pub decisions: Option<String>,
}

/// A periodic review: the next one follows the cadence from this one, and a
/// project in REVIEW goes back to ACTIVE.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %project_id))]
pub async fn record_review(
    db: &DatabaseConnection,
    caller: &Caller,
    project_id: Uuid,
    draft: ReviewDraft,
) -> AppResult<project::Model> {
    let change = Change::of_project(db.begin().await?, caller, project_id).await?;
    let found = &change.found;
    let status = found.status;
    if !matches!(status, ProjectStatus::Active | ProjectStatus::Review) {
        return Err(AppError::validation(
            "projectId",
            "Le verifiche si registrano per progetti in erogazione o in verifica",
        ));
    }
    not_in_future("date", "La data della verifica", draft.date, caller.today())?;
    let participants: Vec<Uuid> =
        participants(&change.txn, &draft.participant_ids, "alla verifica")
            .await?
            .into_iter()
            .map(|user| user.id)
            .collect();
    // A review is what it decided or observed: an empty one would move the
    // next review on and clear "verifica scaduta" with nothing on record.
    let notes = optional_text("notes", draft.notes.as_deref(), 10_000)?;
    let decisions = optional_text("decisions", draft.decisions.as_deref(), 10_000)?;
    if notes.is_none() && decisions.is_none() {
        return Err(AppError::validation(
            "decisions",
            "Scrivi le decisioni o le note della verifica: una verifica vuota non si registra",
        ));
    }
    // A review returns the project to ACTIVE on the same conditions as any
    // move into ACTIVE (the lifecycle's rule, not a shortcut around it).
    let facts = projects::facts(&change.txn, caller, found, false).await?;
    let outcome = project_lifecycle::review_outcome(status, &facts).map_err(|refusals| {
        AppError::Refused {
            field: "projectId".into(),
            reasons: refusals.iter().map(|r| r.message_it()).collect(),
        }
    })?;
    // Written first: on SQLite a transaction that writes first cannot deadlock.
    change
        .update_project(
            found.version,
            vec![
                (project::Column::Status, Expr::value(outcome.as_str())),
                (
                    project::Column::NextReviewOn,
                    Expr::value(next_review(draft.date, found.review_every_days)),
                ),
            ],
        )
        .await?;
    project_review::ActiveModel {
        id: Set(Uuid::now_v7()),
        project_id: Set(project_id),
        reviewed_on: Set(draft.date),
        participants: Set(serde_json::to_string(&participants).map_err(AppError::internal)?),
        notes: Set(notes),
        decisions: Set(decisions),
        recorded_by: Set(change.user_id),
        created_at: Set(caller.now()),
    }
    .insert(&change.txn)
    .await?;
    let summary = format!("Verifica del {}", wording::date(draft.date));
    change
        .commit_project("REVIEW_RECORDED", summary, None)
        .await
}

#[derive(Debug, Clone)]
pub struct AreaScore {
    pub life_area: LifeArea,
    pub score: i32,
    pub note: Option<String>,
}

/// Checks scores given at `date` (each with who gave it) and makes their
/// rows; `field` names the list in the errors. One score per area and
/// rater: the same area twice from one rater is a mistake, not two views.
pub(crate) fn score_rows(
    project_id: Uuid,
    recorded_by: Uuid,
    date: NaiveDate,
    now: DateTime<Utc>,
    field: &str,
    given: &[(Rater, AreaScore)],
) -> AppResult<Vec<life_area_score::ActiveModel>> {
    let mut seen = Vec::new();
    let mut rows = Vec::new();
    for (i, (rater, s)) in given.iter().enumerate() {
        if seen.contains(&(rater, s.life_area)) {
            return Err(AppError::validation(
                format!("{field}[{i}].lifeArea"),
                "La stessa area è indicata due volte",
            ));
        }
        seen.push((rater, s.life_area));
        if !(1..=5).contains(&s.score) {
            return Err(AppError::validation(
                format!("{field}[{i}].score"),
                "Il punteggio va da 1 a 5",
            ));
        }
        rows.push(life_area_score::ActiveModel {
            id: Set(Uuid::now_v7()),
            project_id: Set(project_id),
            scored_on: Set(date),
            rater: Set(*rater),
            life_area: Set(s.life_area),
            score: Set(s.score),
            note: Set(optional_text("note", s.note.as_deref(), 2000)?),
            recorded_by: Set(recorded_by),
            created_at: Set(now),
        });
    }
    Ok(rows)
}

/// Outcome scores (1–5) per life area at a date: the first ones are the baseline.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %project_id))]
pub async fn record_life_area_scores(
    db: &DatabaseConnection,
    caller: &Caller,
    project_id: Uuid,
    date: NaiveDate,
    rater: Rater,
    scores: Vec<AreaScore>,
) -> AppResult<project::Model> {
    let change = Change::of_project(db.begin().await?, caller, project_id).await?;
    not_in_future("date", "La data", date, caller.today())?;
    if scores.is_empty() {
        return Err(AppError::validation("scores", "Indica almeno un punteggio"));
    }
    let given: Vec<(Rater, AreaScore)> = scores.into_iter().map(|s| (rater, s)).collect();
    let rows = score_rows(
        project_id,
        change.user_id,
        date,
        caller.now(),
        "scores",
        &given,
    )?;
    change.touch().await?;
    life_area_score::Entity::insert_many(rows)
        .exec(&change.txn)
        .await?;
    let summary = format!("Punteggi per area di vita del {}", wording::date(date));
    let details = json!({ "rater": rater.as_str() });
    change
        .commit_project("SCORES_RECORDED", summary, Some(details))
        .await
}
