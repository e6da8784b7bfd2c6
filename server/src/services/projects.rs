//! Individual projects: opened for a person by a team with a case manager,
//! walked through the case process, with goals and interventions in the four
//! life areas, reviews, the person's agreement and outcome scores.

use chrono::{DateTime, Days, NaiveDate, Utc};
use entity::{
    assessment, life_area_score, organization, project, project_goal, project_intervention,
    project_review, team,
};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::person_identity::optional_text;
use crate::domain::project_lifecycle::{self, ProjectFacts};
use crate::domain::vocabulary::{
    BudgetAgreementStatus, ConsentMethod, GoalStatus, LifeArea, ProjectKind, ProjectStatus, Rater,
    ServiceKind,
};
use crate::domain::wording;
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::page::{fetch_page, Page, PageRequest};
use crate::services::project_history;
use crate::services::rows::InRow;
use crate::services::versions::{guarded_update, stale, Versioned};

#[derive(Debug, Clone)]
pub struct NewProject {
    pub person_id: Uuid,
    pub kind: ProjectKind,
    pub team_id: Uuid,
    pub case_manager_id: Uuid,
    pub title: String,
    pub start_date: NaiveDate,
    pub review_every_days: i32,
}

fn check_cadence(days: i32) -> AppResult<()> {
    if !(7..=730).contains(&days) {
        return Err(AppError::validation(
            "reviewEveryDays",
            "La cadenza delle verifiche va da 7 a 730 giorni",
        ));
    }
    Ok(())
}

fn next_review(from: NaiveDate, days: i32) -> NaiveDate {
    from.checked_add_days(Days::new(days.max(1) as u64))
        .unwrap_or(from)
}

async fn load(conn: &impl ConnectionTrait, project_id: Uuid) -> AppResult<project::Model> {
    project::Entity::find_by_id(project_id)
        .one(conn)
        .await
        .in_row(project::Entity, project_id)?
        .ok_or(AppError::NotFound)
}

/// Loads a project for a change by someone who works on it.
pub async fn load_for_work(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    project_id: Uuid,
) -> AppResult<(Uuid, project::Model)> {
    let found = load(conn, project_id).await?;
    let viewer = policy::require_project_worker(conn, caller, &found).await?;
    Ok((viewer.user_id, found))
}

/// A change to a part of the project (a goal, an intervention, a budget line
/// or its use, a review, scores) moves the project's version on in the same
/// transaction: a decision on the whole project taken meanwhile (closing it
/// because every goal is final) then conflicts with the change instead of
/// missing it, on SQLite and PostgreSQL alike.
pub async fn touch(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    found: &project::Model,
) -> AppResult<()> {
    guarded_update::<project::Entity>(conn, now, found.id, found.version, vec![]).await
}

/// Closed projects keep their record as it was closed.
fn refuse_if_closed(found: &project::Model) -> AppResult<()> {
    if found.status == ProjectStatus::Closed {
        return Err(AppError::validation(
            "projectId",
            "Il progetto è concluso e non si modifica più",
        ));
    }
    Ok(())
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), person_id = %input.person_id, team_id = %input.team_id))]
pub async fn open_project(
    db: &DatabaseConnection,
    caller: &Caller,
    input: NewProject,
) -> AppResult<project::Model> {
    let txn = db.begin().await?;
    let viewer = policy::require_person_access(&txn, caller, input.person_id).await?;
    if team::Entity::find_by_id(input.team_id)
        .one(&txn)
        .await
        .in_row(team::Entity, input.team_id)?
        .is_none()
    {
        return Err(AppError::validation("teamId", "Équipe non trovata"));
    }
    policy::require_team_member(&txn, caller, input.team_id).await?;
    if !policy::is_active_member(&txn, input.case_manager_id, input.team_id).await? {
        return Err(AppError::validation(
            "caseManagerId",
            "Il case manager deve far parte dell'équipe del progetto",
        ));
    }
    let title = optional_text("title", Some(&input.title), 200)?
        .ok_or_else(|| AppError::validation("title", "Dai un titolo al progetto"))?;
    check_cadence(input.review_every_days)?;
    let now = caller.now();
    let created = project::ActiveModel {
        id: Set(Uuid::now_v7()),
        version: Set(1),
        person_id: Set(input.person_id),
        kind: Set(input.kind),
        status: Set(ProjectStatus::Intake),
        team_id: Set(input.team_id),
        case_manager_id: Set(input.case_manager_id),
        title: Set(title),
        start_date: Set(input.start_date),
        review_every_days: Set(input.review_every_days),
        next_review_on: Set(next_review(input.start_date, input.review_every_days)),
        suspended_from: Set(None),
        consent_on: Set(None),
        consent_method: Set(None),
        consent_witness: Set(None),
        consent_family_cosignature: Set(None),
        consent_recorded_by: Set(None),
        closure_reason: Set(None),
        closed_on: Set(None),
        budget_agreement: Set(BudgetAgreementStatus::None),
        created_by: Set(viewer.user_id),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    project_history::record(
        &txn,
        caller,
        created.id,
        viewer.user_id,
        "PROJECT_OPENED",
        format!("Progetto aperto: {}", created.title),
        Some(json!({ "kind": created.kind, "teamId": created.team_id, "caseManagerId": created.case_manager_id })),
    )
    .await?;
    audit::record(
        &txn,
        caller,
        AuditEntry::new(AuditAction::ProjectOpened)
            .on("project", created.id)
            .person(created.person_id),
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %project_id))]
pub async fn get_project(
    db: &DatabaseConnection,
    caller: &Caller,
    project_id: Uuid,
) -> AppResult<project::Model> {
    let found = load(db, project_id).await?;
    policy::require_person_access(db, caller, found.person_id).await?;
    audit::record(
        db,
        caller,
        AuditEntry::new(AuditAction::ProjectRead)
            .on("project", project_id)
            .person(found.person_id),
    )
    .await?;
    Ok(found)
}

#[derive(Debug, Clone, Default)]
pub struct ProjectFilter {
    pub mine: bool,
    pub status: Option<ProjectStatus>,
    pub kind: Option<ProjectKind>,
    pub team_id: Option<Uuid>,
    pub review_overdue: bool,
}

/// Projects of persons the viewer may see (`mine`: those they manage or whose
/// team they are in), soonest review first. Each listed project is an
/// audited access to its person.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn list_projects(
    db: &DatabaseConnection,
    caller: &Caller,
    filter: ProjectFilter,
    page: PageRequest,
) -> AppResult<Page<project::Model>> {
    let viewer = policy::require_case_worker(caller)?;
    let mut query = project::Entity::find()
        .filter(project::Column::PersonId.in_subquery(policy::responsible_persons(viewer.user_id)));
    if filter.mine {
        query = query.filter(
            Condition::any()
                .add(project::Column::CaseManagerId.eq(viewer.user_id))
                .add(
                    project::Column::TeamId.in_subquery(
                        Query::select()
                            .column(entity::team_membership::Column::TeamId)
                            .from(entity::team_membership::Entity)
                            .and_where(
                                Expr::col(entity::team_membership::Column::UserId)
                                    .eq(viewer.user_id),
                            )
                            .and_where(
                                Expr::col(entity::team_membership::Column::EndedOn).is_null(),
                            )
                            .to_owned(),
                    ),
                ),
        );
    }
    if let Some(status) = filter.status {
        query = query.filter(project::Column::Status.eq(status.as_str()));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(project::Column::Kind.eq(kind.as_str()));
    }
    if let Some(team_id) = filter.team_id {
        query = query.filter(project::Column::TeamId.eq(team_id));
    }
    if filter.review_overdue {
        // `project_lifecycle::is_review_overdue`, in SQL.
        query = query
            .filter(project::Column::NextReviewOn.lt(caller.today()))
            .filter(
                project::Column::Status
                    .is_in(project_lifecycle::REVIEWS_RUN_IN.map(|status| status.as_str())),
            );
    }
    let ordered = query
        .order_by_asc(project::Column::NextReviewOn)
        .order_by_asc(project::Column::Id);
    let txn = db.begin().await?;
    let found = fetch_page(&txn, ordered, page).await?;
    audit::record_many(
        &txn,
        caller,
        found.items.iter().map(|p| {
            AuditEntry::new(AuditAction::ProjectListed)
                .on("project", p.id)
                .person(p.person_id)
        }),
    )
    .await?;
    txn.commit().await?;
    Ok(found)
}

/// The facts the state machine needs, read inside the transaction.
async fn facts(
    conn: &impl ConnectionTrait,
    found: &project::Model,
    closure_reason_given: bool,
) -> AppResult<ProjectFacts> {
    let goals = project_goal::Entity::find()
        .filter(project_goal::Column::ProjectId.eq(found.id))
        .all(conn)
        .await?;
    // Any assessment of the person counts: the UVM often assesses before
    // the project exists, and a project team may rely on another team's.
    let assessments = assessment::Entity::find()
        .filter(assessment::Column::PersonId.eq(found.person_id))
        .count(conn)
        .await?;
    Ok(ProjectFacts {
        has_case_manager: policy::is_active_member(conn, found.case_manager_id, found.team_id)
            .await?,
        has_team: team::Entity::find_by_id(found.team_id).count(conn).await? > 0,
        goal_count: goals.len(),
        assessment_count: assessments as usize,
        has_consent: found.consent_on.is_some(),
        goals_without_final_status: goals
            .iter()
            .filter(|g| g.status == GoalStatus::Open)
            .count(),
        closure_reason_given,
        suspended_from: found.suspended_from,
    })
}

/// Moves the project along the case process. A refusal lists every unmet
/// condition in Italian.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %project_id))]
pub async fn transition_project(
    db: &DatabaseConnection,
    caller: &Caller,
    project_id: Uuid,
    to: ProjectStatus,
    expected_version: i32,
    reason: Option<String>,
) -> AppResult<project::Model> {
    let txn = db.begin().await?;
    let (user_id, found) = load_for_work(&txn, caller, project_id).await?;
    if found.version != expected_version {
        return Err(stale(project::Entity::NOUN));
    }
    let reason = optional_text("reason", reason.as_deref(), 2000)?;
    let from = found.status;
    let facts = facts(&txn, &found, reason.is_some()).await?;
    project_lifecycle::check_transition(from, to, &facts).map_err(|refusals| {
        AppError::Refused {
            field: "to".into(),
            reasons: refusals.iter().map(|r| r.message_it()).collect(),
        }
    })?;
    let suspended_from = match to {
        ProjectStatus::Suspended => Some(from.as_str().to_owned()),
        _ => None,
    };
    let closing = to == ProjectStatus::Closed;
    guarded_update::<project::Entity>(
        &txn,
        caller.now(),
        project_id,
        expected_version,
        vec![
            (project::Column::Status, Expr::value(to.as_str())),
            (project::Column::SuspendedFrom, Expr::value(suspended_from)),
            (
                project::Column::ClosureReason,
                Expr::value(if closing {
                    reason.clone()
                } else {
                    found.closure_reason.clone()
                }),
            ),
            (
                project::Column::ClosedOn,
                Expr::value(if closing { Some(caller.today()) } else { None }),
            ),
        ],
    )
    .await?;
    project_history::record(
        &txn,
        caller,
        project_id,
        user_id,
        "STATUS_CHANGED",
        format!(
            "Stato: da {} a {}{}",
            from.label_it(),
            to.label_it(),
            reason
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        ),
        Some(json!({ "from": from.as_str(), "to": to.as_str() })),
    )
    .await?;
    audit::record(
        &txn,
        caller,
        AuditEntry::new(AuditAction::ProjectChanged)
            .on("project", project_id)
            .person(found.person_id)
            .details(json!({ "status": to.as_str() })),
    )
    .await?;
    let updated = load(&txn, project_id).await?;
    txn.commit().await?;
    Ok(updated)
}

#[derive(Debug, Clone)]
pub struct Consent {
    pub date: NaiveDate,
    pub method: ConsentMethod,
    pub witness: Option<String>,
    pub family_cosignature: Option<String>,
}

/// The person's agreement to the project, needed to start delivering it.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %project_id))]
pub async fn record_consent(
    db: &DatabaseConnection,
    caller: &Caller,
    project_id: Uuid,
    expected_version: i32,
    consent: Consent,
) -> AppResult<project::Model> {
    let txn = db.begin().await?;
    let (user_id, found) = load_for_work(&txn, caller, project_id).await?;
    refuse_if_closed(&found)?;
    if consent.date > caller.today() {
        return Err(AppError::validation(
            "date",
            "La data del consenso è nel futuro",
        ));
    }
    let witness = optional_text("witness", consent.witness.as_deref(), 200)?;
    if consent.method == ConsentMethod::VerbalWithWitness && witness.is_none() {
        return Err(AppError::validation(
            "witness",
            "Un consenso verbale richiede il nome del testimone",
        ));
    }
    let cosignature = optional_text(
        "familyCosignature",
        consent.family_cosignature.as_deref(),
        200,
    )?;
    guarded_update::<project::Entity>(
        &txn,
        caller.now(),
        project_id,
        expected_version,
        vec![
            (project::Column::ConsentOn, Expr::value(consent.date)),
            (
                project::Column::ConsentMethod,
                Expr::value(consent.method.as_str()),
            ),
            (project::Column::ConsentWitness, Expr::value(witness)),
            (
                project::Column::ConsentFamilyCosignature,
                Expr::value(cosignature),
            ),
            (project::Column::ConsentRecordedBy, Expr::value(user_id)),
        ],
    )
    .await?;
    project_history::changed(
        &txn,
        caller,
        &found,
        user_id,
        "CONSENT_RECORDED",
        format!(
            "Consenso della persona registrato il {}",
            wording::date(consent.date)
        ),
        Some(json!({ "method": consent.method.as_str() })),
    )
    .await?;
    let updated = load(&txn, project_id).await?;
    txn.commit().await?;
    Ok(updated)
}

/// Hands the project to another case manager, an active member of the
/// project's team: how a case manager who leaves the team is replaced.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %project_id))]
pub async fn change_case_manager(
    db: &DatabaseConnection,
    caller: &Caller,
    project_id: Uuid,
    expected_version: i32,
    case_manager_id: Uuid,
) -> AppResult<project::Model> {
    let txn = db.begin().await?;
    let (user_id, found) = load_for_work(&txn, caller, project_id).await?;
    refuse_if_closed(&found)?;
    if !policy::is_active_member(&txn, case_manager_id, found.team_id).await? {
        return Err(AppError::validation(
            "caseManagerId",
            "Il case manager deve far parte dell'équipe del progetto",
        ));
    }
    if case_manager_id == found.case_manager_id {
        return Err(AppError::validation(
            "caseManagerId",
            "È già il case manager del progetto",
        ));
    }
    guarded_update::<project::Entity>(
        &txn,
        caller.now(),
        project_id,
        expected_version,
        vec![(project::Column::CaseManagerId, Expr::value(case_manager_id))],
    )
    .await?;
    project_history::changed(
        &txn,
        caller,
        &found,
        user_id,
        "CASE_MANAGER_CHANGED",
        "Nuovo case manager del progetto",
        Some(json!({ "from": found.case_manager_id, "to": case_manager_id })),
    )
    .await?;
    let updated = load(&txn, project_id).await?;
    txn.commit().await?;
    Ok(updated)
}

#[derive(Debug, Clone)]
pub struct GoalDraft {
    pub life_area: LifeArea,
    pub description: String,
    pub target_date: Option<NaiveDate>,
    pub indicator: Option<String>,
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %project_id))]
pub async fn add_goal(
    db: &DatabaseConnection,
    caller: &Caller,
    project_id: Uuid,
    draft: GoalDraft,
) -> AppResult<project_goal::Model> {
    let txn = db.begin().await?;
    let (user_id, found) = load_for_work(&txn, caller, project_id).await?;
    refuse_if_closed(&found)?;
    let description = optional_text("description", Some(&draft.description), 2000)?
        .ok_or_else(|| AppError::validation("description", "Descrivi l'obiettivo"))?;
    let now = caller.now();
    touch(&txn, caller.now(), &found).await?;
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
    .insert(&txn)
    .await?;
    project_history::changed(
        &txn,
        caller,
        &found,
        user_id,
        "GOAL_ADDED",
        format!("Nuovo obiettivo: {}", created.description),
        Some(json!({ "goalId": created.id, "lifeArea": created.life_area })),
    )
    .await?;
    txn.commit().await?;
    Ok(created)
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
    let goal = project_goal::Entity::find_by_id(goal_id)
        .one(&txn)
        .await
        .in_row(project_goal::Entity, goal_id)?
        .ok_or(AppError::NotFound)?;
    let (user_id, found) = load_for_work(&txn, caller, goal.project_id).await?;
    refuse_if_closed(&found)?;
    let mut active: project_goal::ActiveModel = goal.clone().into();
    if let Some(text) = &changes.description {
        active.description = Set(optional_text("description", Some(text), 2000)?
            .ok_or_else(|| AppError::validation("description", "Descrivi l'obiettivo"))?);
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
    touch(&txn, caller.now(), &found).await?;
    let updated = active.update(&txn).await?;
    let summary = match changes.status {
        Some(status) if status != goal.status => format!(
            "Obiettivo «{}»: {}",
            updated.description,
            wording::goal_status(status.as_str())
        ),
        _ => format!("Obiettivo modificato: {}", updated.description),
    };
    project_history::changed(
        &txn,
        caller,
        &found,
        user_id,
        "GOAL_UPDATED",
        summary,
        Some(json!({ "goalId": goal_id, "status": updated.status })),
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
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
    let txn = db.begin().await?;
    let (user_id, found) = load_for_work(&txn, caller, project_id).await?;
    refuse_if_closed(&found)?;
    let frequency = check_intervention(&txn, project_id, &draft).await?;
    touch(&txn, caller.now(), &found).await?;
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
    .insert(&txn)
    .await?;
    project_history::changed(
        &txn,
        caller,
        &found,
        user_id,
        "INTERVENTION_ADDED",
        format!(
            "Nuovo intervento: {} ({})",
            wording::code(created.service_kind.as_str()),
            created.frequency
        ),
        Some(json!({ "interventionId": created.id })),
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), intervention_id = %intervention_id))]
pub async fn update_intervention(
    db: &DatabaseConnection,
    caller: &Caller,
    intervention_id: Uuid,
    draft: InterventionDraft,
) -> AppResult<project_intervention::Model> {
    let txn = db.begin().await?;
    let current = project_intervention::Entity::find_by_id(intervention_id)
        .one(&txn)
        .await
        .in_row(project_intervention::Entity, intervention_id)?
        .ok_or(AppError::NotFound)?;
    let (user_id, found) = load_for_work(&txn, caller, current.project_id).await?;
    refuse_if_closed(&found)?;
    let frequency = check_intervention(&txn, found.id, &draft).await?;
    let mut active: project_intervention::ActiveModel = current.into();
    active.goal_id = Set(draft.goal_id);
    active.life_area = Set(draft.life_area);
    active.service_kind = Set(draft.service_kind);
    active.provider_id = Set(draft.provider_id);
    active.frequency = Set(frequency);
    active.start_date = Set(draft.start_date);
    active.end_date = Set(draft.end_date);
    touch(&txn, caller.now(), &found).await?;
    let updated = active.update(&txn).await?;
    project_history::changed(
        &txn,
        caller,
        &found,
        user_id,
        "INTERVENTION_UPDATED",
        format!(
            "Intervento modificato: {} ({})",
            updated.service_kind, updated.frequency
        ),
        Some(json!({ "interventionId": updated.id })),
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

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
    let txn = db.begin().await?;
    let (user_id, found) = load_for_work(&txn, caller, project_id).await?;
    let status = found.status;
    if !matches!(status, ProjectStatus::Active | ProjectStatus::Review) {
        return Err(AppError::validation(
            "projectId",
            "Le verifiche si registrano per progetti in erogazione o in verifica",
        ));
    }
    if draft.date > caller.today() {
        return Err(AppError::validation(
            "date",
            "La data della verifica è nel futuro",
        ));
    }
    let mut participants = draft.participant_ids.clone();
    participants.sort();
    participants.dedup();
    if participants.is_empty() {
        return Err(AppError::validation(
            "participantIds",
            "Indica chi ha partecipato alla verifica",
        ));
    }
    let known = entity::user::Entity::find()
        .filter(entity::user::Column::Id.is_in(participants.clone()))
        .count(&txn)
        .await?;
    if known as usize != participants.len() {
        return Err(AppError::validation(
            "participantIds",
            "Un partecipante non esiste",
        ));
    }
    // Written first: on SQLite a transaction that writes first cannot deadlock.
    guarded_update::<project::Entity>(
        &txn,
        caller.now(),
        project_id,
        found.version,
        vec![
            (
                project::Column::Status,
                Expr::value(ProjectStatus::Active.as_str()),
            ),
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
        notes: Set(optional_text("notes", draft.notes.as_deref(), 10_000)?),
        decisions: Set(optional_text(
            "decisions",
            draft.decisions.as_deref(),
            10_000,
        )?),
        recorded_by: Set(user_id),
        created_at: Set(caller.now()),
    }
    .insert(&txn)
    .await?;
    project_history::changed(
        &txn,
        caller,
        &found,
        user_id,
        "REVIEW_RECORDED",
        format!("Verifica del {}", wording::date(draft.date)),
        None,
    )
    .await?;
    let updated = load(&txn, project_id).await?;
    txn.commit().await?;
    Ok(updated)
}

#[derive(Debug, Clone)]
pub struct AreaScore {
    pub life_area: LifeArea,
    pub score: i32,
    pub note: Option<String>,
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
    let txn = db.begin().await?;
    let (user_id, found) = load_for_work(&txn, caller, project_id).await?;
    if date > caller.today() {
        return Err(AppError::validation("date", "La data è nel futuro"));
    }
    if scores.is_empty() {
        return Err(AppError::validation("scores", "Indica almeno un punteggio"));
    }
    let mut seen = Vec::new();
    let mut rows = Vec::new();
    for (i, s) in scores.iter().enumerate() {
        if seen.contains(&s.life_area) {
            return Err(AppError::validation(
                format!("scores[{i}].lifeArea"),
                "La stessa area è indicata due volte",
            ));
        }
        seen.push(s.life_area);
        if !(1..=5).contains(&s.score) {
            return Err(AppError::validation(
                format!("scores[{i}].score"),
                "Il punteggio va da 1 a 5",
            ));
        }
        rows.push(life_area_score::ActiveModel {
            id: Set(Uuid::now_v7()),
            project_id: Set(project_id),
            scored_on: Set(date),
            rater: Set(rater),
            life_area: Set(s.life_area),
            score: Set(s.score),
            note: Set(optional_text("note", s.note.as_deref(), 2000)?),
            recorded_by: Set(user_id),
            created_at: Set(caller.now()),
        });
    }
    touch(&txn, caller.now(), &found).await?;
    life_area_score::Entity::insert_many(rows)
        .exec(&txn)
        .await?;
    project_history::changed(
        &txn,
        caller,
        &found,
        user_id,
        "SCORES_RECORDED",
        format!("Punteggi per area di vita del {}", wording::date(date)),
        Some(json!({ "rater": rater.as_str() })),
    )
    .await?;
    let updated = load(&txn, project_id).await?;
    txn.commit().await?;
    Ok(updated)
}
