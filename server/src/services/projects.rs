//! Individual projects: opened for a person by a team with a case manager,
//! read and listed, walked through the case process (transitions, the
//! person's agreement, a new case manager, closure). The plan (goals and
//! interventions) is in `project_plan`, reviews and outcome scores in
//! `project_reviews`, the Budget di Salute in `budget`.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use entity::{assessment, life_area_score, person, project, project_goal, team};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::closure_outcomes::{self, FinalScore, GoalOnRecord, ScoreOnRecord};
use crate::domain::person_identity::optional_text;
use crate::domain::project_lifecycle::{
    self, AssessmentOnRecord, OpenGoal, OpenProject, ProjectFacts, TransitionCheck,
};
use crate::domain::vocabulary::{
    BudgetAgreementStatus, ConsentMethod, GoalStatus, ProjectKind, ProjectStatus, Rater,
};
use crate::domain::wording;
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::assessments;
use crate::services::at_version::AtVersion;
use crate::services::budget;
use crate::services::integrated_pai;
use crate::services::not_in_future;
use crate::services::page::{fetch_audited_page, Keyset, Page, PageRequest};
use crate::services::project_history::{self, Change};
use crate::services::project_plan::{self, GoalOutcome};
use crate::services::project_reviews::{score_rows, AreaScore};
use crate::services::rows::{find, lock, named};
use crate::services::versions::{guarded_update, stale, Versioned};

/// The review cadence of a project opened without one, in days.
pub const DEFAULT_REVIEW_EVERY_DAYS: i32 = 90;

#[derive(Debug, Clone)]
pub struct NewProject {
    pub person_id: Uuid,
    pub kind: ProjectKind,
    pub team_id: Uuid,
    pub case_manager_id: Uuid,
    pub title: String,
    pub start_date: NaiveDate,
    pub review_every_days: i32,
    /// Why the person needs it beside an open project of the same kind.
    pub parallel_reason: Option<String>,
    /// An integrated PAI (`integrated_pai`).
    pub integrated: bool,
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

pub(crate) fn next_review(from: NaiveDate, days: i32) -> NaiveDate {
    from.checked_add_days(Days::new(days.max(1) as u64))
        .unwrap_or(from)
}

pub(crate) async fn load(
    conn: &impl ConnectionTrait,
    project_id: Uuid,
) -> AppResult<project::Model> {
    find::<project::Entity>(conn, project_id).await
}

/// Ends a change to the project `project_id`: the project as the change
/// left it, committed.
pub(crate) async fn commit(
    txn: DatabaseTransaction,
    project_id: Uuid,
) -> AppResult<project::Model> {
    let updated = load(&txn, project_id).await?;
    txn.commit().await?;
    Ok(updated)
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

/// Refuses a change to the plan of a closed project: closed projects keep
/// their record as it was closed.
pub(crate) fn refuse_closed(found: &project::Model) -> AppResult<()> {
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
    let created = open_in(&txn, caller, input).await?;
    txn.commit().await?;
    Ok(created)
}

/// Opens a project inside `txn`, with every rule, history entry and audit
/// event of `openProject`: also used by a discharge home with services.
pub(crate) async fn open_in(
    txn: &DatabaseTransaction,
    caller: &Caller,
    input: NewProject,
) -> AppResult<project::Model> {
    let viewer = policy::require_person_access(txn, caller, input.person_id).await?;
    named::<team::Entity>(txn, input.team_id, "teamId", "Équipe non trovata").await?;
    policy::require_team_member(txn, caller, input.team_id).await?;
    if !policy::is_active_member(txn, input.case_manager_id, input.team_id).await? {
        return Err(AppError::validation(
            "caseManagerId",
            "Il case manager deve far parte dell'équipe del progetto",
        ));
    }
    let title = optional_text("title", Some(&input.title), 200)?
        .ok_or_else(|| AppError::validation("title", "Dai un titolo al progetto"))?;
    check_cadence(input.review_every_days)?;
    integrated_pai::check_integrated(input.kind, input.integrated)?;
    let parallel_reason = optional_text("parallelReason", input.parallel_reason.as_deref(), 2000)?;
    // Two opens for one person at once must see each other's project.
    lock::<person::Entity>(txn, input.person_id).await?;
    let open_of_kind = open_projects_of_kind(txn, input.person_id, input.kind).await?;
    if let Some(refusal) = project_lifecycle::parallel_project_refusal(
        input.kind,
        &open_of_kind,
        parallel_reason.is_some(),
    ) {
        return Err(AppError::validation("parallelReason", refusal));
    }
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
        integrated: Set(input.integrated),
        created_by: Set(viewer.user_id),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(txn)
    .await?;
    project_history::record(
        txn,
        caller,
        created.id,
        viewer.user_id,
        "PROJECT_OPENED",
        match (&parallel_reason, open_of_kind.is_empty()) {
            (Some(reason), false) => format!(
                "Progetto aperto: {}, in parallelo a un altro dello stesso tipo perché: {reason}",
                created.title
            ),
            _ => format!("Progetto aperto: {}", created.title),
        },
        Some(json!({ "kind": created.kind, "teamId": created.team_id, "caseManagerId": created.case_manager_id, "parallelReason": parallel_reason, "integrated": created.integrated })),
    )
    .await?;
    audit::record(
        txn,
        caller,
        AuditEntry::new(AuditAction::ProjectOpened)
            .on("project", created.id)
            .person(created.person_id),
    )
    .await?;
    Ok(created)
}

/// The person's projects of `kind` that are not closed, with their teams' names.
async fn open_projects_of_kind(
    conn: &impl ConnectionTrait,
    person_id: Uuid,
    kind: ProjectKind,
) -> AppResult<Vec<OpenProject>> {
    let open = project::Entity::find()
        .filter(project::Column::PersonId.eq(person_id))
        .filter(project::Column::Kind.eq(kind.as_str()))
        .filter(project::Column::Status.ne(ProjectStatus::Closed.as_str()))
        .order_by_asc(project::Column::CreatedAt)
        .all(conn)
        .await?;
    let teams: HashMap<Uuid, String> = team::Entity::find()
        .filter(team::Column::Id.is_in(open.iter().map(|p| p.team_id)))
        .all(conn)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect();
    Ok(open
        .into_iter()
        .map(|p| OpenProject {
            team: teams.get(&p.team_id).cloned().unwrap_or_default(),
            title: p.title,
        })
        .collect())
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
    let mut query = project::Entity::find().filter(policy::responsible_for(
        (project::Entity, project::Column::PersonId),
        viewer.user_id,
    ));
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
    let txn = db.begin().await?;
    fetch_audited_page(txn, caller, query, &by_next_review(), page, |p| {
        AuditEntry::new(AuditAction::ProjectListed)
            .on("project", p.id)
            .person(p.person_id)
    })
    .await
}

/// The projects list's order: the next review due first, then by id. The
/// review date moves as reviews are held; keyset cursors keep a walk through
/// the list from skipping or repeating the projects that did not move.
fn by_next_review() -> Keyset<project::Model> {
    Keyset::new("projects")
        .asc(project::Column::NextReviewOn)
        .asc(project::Column::Id)
}

/// The final scores closing the project requires
/// (`closure_outcomes::final_scores`), from its goals and scores.
pub fn final_scores(
    goals: &[project_goal::Model],
    scores: &[life_area_score::Model],
) -> Vec<FinalScore> {
    let goals: Vec<GoalOnRecord> = goals
        .iter()
        .map(|g| GoalOnRecord {
            life_area: g.life_area,
            changed_on: g.updated_at.date_naive(),
        })
        .collect();
    let scores: Vec<ScoreOnRecord> = scores
        .iter()
        .map(|s| ScoreOnRecord {
            life_area: s.life_area,
            rater: s.rater,
            scored_on: s.scored_on,
        })
        .collect();
    closure_outcomes::final_scores(&goals, &scores)
}

/// The facts the state machine needs, read inside the transaction.
pub(crate) async fn facts(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    found: &project::Model,
    closure_reason_given: bool,
) -> AppResult<ProjectFacts> {
    let goals = project_goal::Entity::find()
        .filter(project_goal::Column::ProjectId.eq(found.id))
        .all(conn)
        .await?;
    let scores = life_area_score::Entity::find()
        .filter(life_area_score::Column::ProjectId.eq(found.id))
        .all(conn)
        .await?;
    let on_record: Vec<AssessmentOnRecord> = assessment::Entity::find()
        .filter(assessment::Column::PersonId.eq(found.person_id))
        .filter(assessments::current_versions())
        .all(conn)
        .await?
        .iter()
        .map(|a| AssessmentOnRecord {
            assessed_on: a.assessed_on,
            signed: a.signed_at.is_some(),
        })
        .collect();
    Ok(ProjectFacts {
        has_case_manager: policy::is_active_member(conn, found.case_manager_id, found.team_id)
            .await?,
        has_team: team::Entity::find_by_id(found.team_id).count(conn).await? > 0,
        goal_count: goals.len(),
        assessment: project_lifecycle::assessment_standing(
            &on_record,
            caller.today(),
            caller.rules.assessment_valid_months,
        ),
        has_consent: found.consent_on.is_some(),
        goals_without_final_status: {
            let mut open: Vec<&project_goal::Model> = goals
                .iter()
                .filter(|g| g.status == GoalStatus::Open)
                .collect();
            open.sort_by_key(|g| (g.created_at, g.id));
            open.into_iter()
                .map(|g| OpenGoal {
                    id: g.id.to_string(),
                    description: g.description.clone(),
                })
                .collect()
        },
        budget_parties_missing: if found.kind == ProjectKind::Ptri
            || budget::has_lines(conn, found.id).await?
        {
            budget::parties_missing_for(conn, found.id).await?
        } else {
            Vec::new()
        },
        budget_agreement_required: found.kind == ProjectKind::Ptri,
        integrated_parts_missing: integrated_pai::parts_missing(conn, found).await?,
        missing_final_scores: closure_outcomes::missing_final_scores(&final_scores(
            &goals, &scores,
        )),
        closure_reason_given,
        suspended_from: found.suspended_from,
    })
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %found.id))]
/// Each move the process allows from the project's status, with what still
/// stands in its way and what the team should know (`allowedTransitions`
/// with its reasons). Read outside a transaction: it only informs a screen,
/// `transition_project` decides again inside its own.
pub async fn transition_checks(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    found: &project::Model,
) -> AppResult<Vec<TransitionCheck>> {
    let facts = facts(conn, caller, found, true).await?;
    Ok(project_lifecycle::transition_checks(found.status, &facts))
}

/// What closing a project may bring, recorded in the closure's transaction:
/// the final life-area scores (dated today) and the outcomes of the goals
/// still open, so that one confirmation settles them all.
#[derive(Debug, Clone, Default)]
pub struct ClosingOutcomes {
    pub final_scores: Vec<(Rater, AreaScore)>,
    pub goal_outcomes: Vec<GoalOutcome>,
}

impl ClosingOutcomes {
    pub fn scores(final_scores: Vec<(Rater, AreaScore)>) -> Self {
        ClosingOutcomes {
            final_scores,
            goal_outcomes: Vec::new(),
        }
    }
}

/// A move of the project to `to`, with its reason.
#[derive(Debug, Clone)]
pub struct Transition {
    pub to: ProjectStatus,
    pub reason: Option<String>,
    pub closing_outcomes: ClosingOutcomes,
}

impl Transition {
    /// A move with no reason given and nothing recorded on closing.
    pub fn to(to: ProjectStatus) -> Self {
        Transition {
            to,
            reason: None,
            closing_outcomes: ClosingOutcomes::default(),
        }
    }
}

/// Moves the project along the case process. A refusal lists every unmet
/// condition in Italian. Closing may bring the final life-area scores and
/// the open goals' outcomes (`ClosingOutcomes`).
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %input.id))]
pub async fn transition_project(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AtVersion<Transition>,
) -> AppResult<project::Model> {
    let AtVersion {
        id: project_id,
        expected_version,
        change:
            Transition {
                to,
                reason,
                closing_outcomes:
                    ClosingOutcomes {
                        final_scores,
                        goal_outcomes,
                    },
            },
    } = input;
    let txn = db.begin().await?;
    let (user_id, found) = load_for_work(&txn, caller, project_id).await?;
    if found.version != expected_version {
        return Err(stale(project::Entity::NOUN));
    }
    let reason = optional_text("reason", reason.as_deref(), 2000)?;
    let from = found.status;
    if !final_scores.is_empty() {
        if to != ProjectStatus::Closed {
            return Err(AppError::validation(
                "finalScores",
                "I punteggi finali si registrano chiudendo il progetto",
            ));
        }
        let rows = score_rows(
            project_id,
            user_id,
            caller.today(),
            caller.now(),
            "finalScores",
            &final_scores,
        )?;
        // Written before the checks read them; refused, the closure takes
        // them back with it.
        life_area_score::Entity::insert_many(rows)
            .exec(&txn)
            .await?;
    }
    if !goal_outcomes.is_empty() {
        if to != ProjectStatus::Closed {
            return Err(AppError::validation(
                "goalOutcomes",
                "Gli esiti degli obiettivi si registrano qui chiudendo il progetto",
            ));
        }
        project_plan::settle_goals(&txn, caller, &found, user_id, &goal_outcomes).await?;
    }
    let facts = facts(&txn, caller, &found, reason.is_some()).await?;
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
    if !final_scores.is_empty() {
        project_history::record(
            &txn,
            caller,
            project_id,
            user_id,
            "SCORES_RECORDED",
            format!(
                "Punteggi finali per area di vita del {}",
                wording::date(caller.today())
            ),
            Some(json!({ "final": true })),
        )
        .await?;
    }
    audit::record(
        &txn,
        caller,
        AuditEntry::new(AuditAction::ProjectChanged)
            .on("project", project_id)
            .person(found.person_id)
            .details(json!({ "status": to.as_str() })),
    )
    .await?;
    commit(txn, project_id).await
}

#[derive(Debug, Clone)]
pub struct Consent {
    pub date: NaiveDate,
    pub method: ConsentMethod,
    pub witness: Option<String>,
    pub family_cosignature: Option<String>,
}

/// The person's agreement to the project, needed to start delivering it.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %input.id))]
pub async fn record_consent(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AtVersion<Consent>,
) -> AppResult<project::Model> {
    let AtVersion {
        id: project_id,
        expected_version,
        change: consent,
    } = input;
    let change = Change::of_open_project(db.begin().await?, caller, project_id).await?;
    not_in_future("date", "La data del consenso", consent.date, caller.today())?;
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
    change
        .update_project(
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
                (
                    project::Column::ConsentRecordedBy,
                    Expr::value(change.user_id),
                ),
            ],
        )
        .await?;
    change
        .commit_project(
            "CONSENT_RECORDED",
            format!(
                "Consenso della persona registrato il {}",
                wording::date(consent.date)
            ),
            Some(json!({ "method": consent.method.as_str() })),
        )
        .await
}

/// Hands the project to another case manager, an active member of the
/// project's team: how a case manager who leaves the team is replaced. The
/// change is the new case manager's id.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %input.id))]
pub async fn change_case_manager(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AtVersion<Uuid>,
) -> AppResult<project::Model> {
    let AtVersion {
        id: project_id,
        expected_version,
        change: case_manager_id,
    } = input;
    let change = Change::of_open_project(db.begin().await?, caller, project_id).await?;
    let found = &change.found;
    if !policy::is_active_member(&change.txn, case_manager_id, found.team_id).await? {
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
    let changes = vec![(project::Column::CaseManagerId, Expr::value(case_manager_id))];
    change.update_project(expected_version, changes).await?;
    let details = json!({ "from": found.case_manager_id, "to": case_manager_id });
    change
        .commit_project(
            "CASE_MANAGER_CHANGED",
            "Nuovo case manager del progetto",
            Some(details),
        )
        .await
}
