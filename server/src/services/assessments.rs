//! UVM multidimensional assessments: logged by a member of the assessing
//! team, scored by the server, immutable once signed, corrected by amendments
//! that keep every earlier version.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use entity::{
    assessment, assessment_participant, assessment_result, assessment_social_domain, discharge,
    person, project, team,
};
use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, EntityTrait, PrimaryKeyTrait, QueryFilter, Set, SqlErr, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::assessment_indicators::{self, AssessmentFacts, Indicators};
use crate::domain::instruments::{self, Answer};
use crate::domain::joint_assessment;
use crate::domain::person_identity::optional_text;
use crate::domain::vocabulary::{
    AssessmentReason, AssessmentSetting, AssessmentStatus, CareSetting, Education, Instrument,
    NeedLevel, Profession, SocialDomain, TeamKind,
};
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::at_version::AtVersion;
use crate::services::child_rows::replace_children;
use crate::services::not_in_future;
use crate::services::page::{fetch_audited_page, Keyset, Page, PageRequest};
use crate::services::participants::participants;
use crate::services::persons;
use crate::services::rows::{commit_audited, find, find_optional, named};
use crate::services::team_period::TeamPeriod;
use crate::services::versions::{guarded_update, stale, Versioned};

/// Whom an assessment is about, who assesses, and what it may serve.
#[derive(Debug, Clone, Copy)]
pub struct AssessmentOf {
    pub person_id: Uuid,
    pub team_id: Uuid,
    /// The project it informs, if any.
    pub project_id: Option<Uuid>,
    /// The protected discharge it prepares, if any.
    pub discharge_id: Option<Uuid>,
}

#[derive(Debug, Clone)]
pub struct InstrumentAnswers {
    pub instrument: Instrument,
    pub answers: Vec<(String, i32)>,
    pub education: Option<Education>,
}

#[derive(Debug, Clone)]
pub struct SocialDomainLevel {
    pub domain: SocialDomain,
    pub level: i32,
    pub note: Option<String>,
}

/// What an assessment says; who and about whom are given separately.
#[derive(Debug, Clone)]
pub struct AssessmentContent {
    pub date: NaiveDate,
    pub setting: AssessmentSetting,
    pub reason: AssessmentReason,
    pub participant_ids: Vec<Uuid>,
    pub instruments: Vec<InstrumentAnswers>,
    pub social_domains: Vec<SocialDomainLevel>,
    pub need_level: NeedLevel,
    pub recommended_setting: CareSetting,
    pub notes: Option<String>,
}

/// A participant as they were on the day: profession and organization are
/// kept even if the user's change later.
struct Participant {
    user_id: Uuid,
    profession: Profession,
    organization_id: Option<Uuid>,
}

/// The rows of an assessment's content, checked and scored.
struct Checked {
    participants: Vec<Participant>,
    results: Vec<assessment_result::ActiveModel>,
    domains: Vec<assessment_social_domain::ActiveModel>,
    notes: Option<String>,
}

/// Checks the content and scores every instrument. The client never sends a
/// score: whatever it shows is recomputed here.
async fn check(
    conn: &impl ConnectionTrait,
    person: &person::Model,
    content: &AssessmentContent,
    today: NaiveDate,
) -> AppResult<Checked> {
    not_in_future("date", "La data della valutazione", content.date, today)?;
    if content.date < person.birth_date {
        return Err(AppError::validation(
            "date",
            "La data della valutazione precede la nascita della persona",
        ));
    }
    let participants = participants(conn, &content.participant_ids, "alla valutazione")
        .await?
        .into_iter()
        .map(|user| Participant {
            user_id: user.id,
            profession: user.profession,
            organization_id: user.organization_id,
        })
        .collect();

    let results = rows_once_each(
        &content.instruments,
        |given| given.instrument,
        ("instruments", "instrument"),
        "Lo stesso strumento è indicato due volte",
        |index, given| {
            let answers: Vec<Answer> = given
                .answers
                .iter()
                .map(|(item, value)| Answer {
                    item: item.clone(),
                    value: *value,
                })
                .collect();
            let education = given.education;
            let scored =
                instruments::score(given.instrument, &answers, education).map_err(|e| {
                    AppError::validation(format!("instruments[{index}].answers"), e.message_it())
                })?;
            let normalized: Vec<serde_json::Value> = scored
                .answers
                .iter()
                .map(|a| json!({ "item": a.item, "value": a.value }))
                .collect();
            Ok(assessment_result::ActiveModel {
                id: Set(Uuid::now_v7()),
                assessment_id: Set(Uuid::nil()),
                instrument: Set(given.instrument),
                score: Set(scored.score),
                raw_errors: Set(scored.raw_errors),
                band: Set(scored.band.code.to_owned()),
                education: Set(given.education),
                answers: Set(serde_json::Value::Array(normalized).to_string()),
            })
        },
    )?;

    let domains = rows_once_each(
        &content.social_domains,
        |level| level.domain,
        ("socialDomains", "domain"),
        "Lo stesso ambito sociale è indicato due volte",
        |index, level| {
            if !(1..=3).contains(&level.level) {
                return Err(AppError::validation(
                    format!("socialDomains[{index}].level"),
                    "Il livello va da 1 (adeguato) a 3 (critico)",
                ));
            }
            Ok(assessment_social_domain::ActiveModel {
                id: Set(Uuid::now_v7()),
                assessment_id: Set(Uuid::nil()),
                domain: Set(level.domain),
                level: Set(level.level),
                note: Set(optional_text(
                    "socialDomains.note",
                    level.note.as_deref(),
                    2000,
                )?),
            })
        },
    )?;
    Ok(Checked {
        participants,
        results,
        domains,
        notes: optional_text("notes", content.notes.as_deref(), 10_000)?,
    })
}

/// One row per item of `items`, made by `row` in order; an item whose `key`
/// an earlier item already gave is refused (`message`, at
/// `list[i].field`) before its row is made.
fn rows_once_each<T, K: PartialEq, R>(
    items: &[T],
    key: impl Fn(&T) -> K,
    (list, field): (&str, &str),
    message: &str,
    mut row: impl FnMut(usize, &T) -> AppResult<R>,
) -> AppResult<Vec<R>> {
    let mut seen = Vec::new();
    let mut rows = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let given = key(item);
        if seen.contains(&given) {
            return Err(AppError::validation(
                format!("{list}[{index}].{field}"),
                message,
            ));
        }
        seen.push(given);
        rows.push(row(index, item)?);
    }
    Ok(rows)
}

/// Writes the content rows of assessment `id` (a new one, or a draft whose
/// old rows were just removed).
/// Writes the participants, results and social domains `checked` holds as
/// the assessment's own, replacing any it had (an edited draft's).
async fn write_content(conn: &impl ConnectionTrait, id: Uuid, checked: Checked) -> AppResult<()> {
    let participants =
        checked
            .participants
            .into_iter()
            .map(|p| assessment_participant::ActiveModel {
                id: Set(Uuid::now_v7()),
                assessment_id: Set(id),
                user_id: Set(p.user_id),
                profession: Set(p.profession),
                organization_id: Set(p.organization_id),
            });
    replace_children(
        conn,
        assessment_participant::Column::AssessmentId,
        id,
        participants,
    )
    .await?;
    let results = checked.results.into_iter().map(|mut r| {
        r.assessment_id = Set(id);
        r
    });
    replace_children(conn, assessment_result::Column::AssessmentId, id, results).await?;
    let domains = checked.domains.into_iter().map(|mut d| {
        d.assessment_id = Set(id);
        d
    });
    replace_children(
        conn,
        assessment_social_domain::Column::AssessmentId,
        id,
        domains,
    )
    .await
}

/// Whom the row `id` of `E` that an input names is about (`person_of`):
/// `None` when the input names none, `Some(None)` when there is no such row.
async fn about<E>(
    conn: &impl ConnectionTrait,
    id: Option<Uuid>,
    person_of: fn(&E::Model) -> Uuid,
) -> AppResult<Option<Option<Uuid>>>
where
    E: EntityTrait,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Uuid>,
{
    match id {
        Some(id) => Ok(Some(
            find_optional::<E>(conn, id).await?.as_ref().map(person_of),
        )),
        None => Ok(None),
    }
}

/// A new assessment's row: about `of`, saying `content` (its notes as
/// checked), logged by `logged_by` at `now`; unsigned and amending nothing,
/// which an amendment then sets.
fn new_row(
    of: &AssessmentOf,
    content: &AssessmentContent,
    checked: &Checked,
    logged_by: Uuid,
    now: DateTime<Utc>,
) -> assessment::ActiveModel {
    assessment::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(of.person_id),
        team_id: Set(of.team_id),
        project_id: Set(of.project_id),
        discharge_id: Set(of.discharge_id),
        assessed_on: Set(content.date),
        setting: Set(content.setting),
        reason: Set(content.reason),
        need_level: Set(content.need_level),
        recommended_setting: Set(content.recommended_setting),
        notes: Set(checked.notes.clone()),
        logged_by: Set(logged_by),
        created_at: Set(now),
        version: Set(1),
        signed_at: Set(None),
        signed_by: Set(None),
        amends_id: Set(None),
        amendment_reason: Set(None),
    }
}

/// Logged by a member of the assessing team (a UVM or an EEMM) who may see
/// the person; from then on the team is responsible for the person too.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), person_id = %subject.person_id, team_id = %subject.team_id))]
pub async fn record_assessment(
    db: &DatabaseConnection,
    caller: &Caller,
    subject: AssessmentOf,
    content: AssessmentContent,
) -> AppResult<assessment::Model> {
    let AssessmentOf {
        person_id,
        team_id,
        project_id,
        discharge_id,
    } = subject;
    let txn = db.begin().await?;
    let viewer = policy::require_person_access(&txn, caller, person_id).await?;
    // What the assessment serves must be about its person.
    let served = [
        (
            "projectId",
            "Il progetto non riguarda questa persona",
            about::<project::Entity>(&txn, project_id, |p| p.person_id).await?,
        ),
        (
            "dischargeId",
            "La dimissione non riguarda questa persona",
            about::<discharge::Entity>(&txn, discharge_id, |d| d.person_id).await?,
        ),
    ];
    for (field, message, about) in served {
        if about.is_some_and(|about| about != Some(person_id)) {
            return Err(AppError::validation(field, message));
        }
    }
    let team = named::<team::Entity>(&txn, team_id, "teamId", "Équipe non trovata").await?;
    if ![
        TeamKind::Uvm.as_str(),
        TeamKind::EquipeMultidisciplinare.as_str(),
    ]
    .contains(&team.kind.as_str())
    {
        return Err(AppError::validation(
            "teamId",
            "Le valutazioni multidimensionali si registrano per una UVM o un'équipe multidisciplinare",
        ));
    }
    policy::require_team_member(&txn, caller, team_id).await?;
    let person = persons::load(&txn, person_id).await?;
    let checked = check(&txn, &person, &content, caller.today()).await?;
    let created = new_row(&subject, &content, &checked, viewer.user_id, caller.now())
        .insert(&txn)
        .await?;
    write_content(&txn, created.id, checked).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::AssessmentRecorded)
            .on("assessment", created.id)
            .person(person_id)
            .details(json!({ "teamId": team_id })),
    )
    .await?;
    Ok(created)
}

/// A UVM signs only a joint assessment (`joint_assessment`). A draft may
/// still lack a participant: the check is made when the assessment is
/// signed, or recorded signed as an amendment is.
async fn refuse_unless_joint_where_uvm(
    conn: &impl ConnectionTrait,
    team_id: Uuid,
    professions: &[Profession],
) -> AppResult<()> {
    let team = find::<team::Entity>(conn, team_id).await?;
    if team.kind != TeamKind::Uvm {
        return Ok(());
    }
    match joint_assessment::uvm_participants_refusal(professions) {
        Some(message) => Err(AppError::validation("participantIds", message)),
        None => Ok(()),
    }
}

fn signed_refusal() -> AppError {
    AppError::validation(
        "assessmentId",
        "La valutazione è firmata e non si può modificare: registra una rettifica",
    )
}

async fn load(conn: &impl ConnectionTrait, assessment_id: Uuid) -> AppResult<assessment::Model> {
    find::<assessment::Entity>(conn, assessment_id).await
}

/// Loads an assessment for a change by a member of the assessing team,
/// inside the change's transaction.
async fn load_for_work(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    assessment_id: Uuid,
) -> AppResult<assessment::Model> {
    let found = load(conn, assessment_id).await?;
    policy::require_person_access(conn, caller, found.person_id).await?;
    policy::require_team_member(conn, caller, found.team_id).await?;
    Ok(found)
}

/// Ends a change of the assessment `current` in place: its audit event,
/// then the row as the change left it, committed.
async fn finish(
    txn: DatabaseTransaction,
    caller: &Caller,
    action: AuditAction,
    current: &assessment::Model,
) -> AppResult<assessment::Model> {
    audit::record(
        &txn,
        caller,
        AuditEntry::new(action)
            .on("assessment", current.id)
            .person(current.person_id),
    )
    .await?;
    let updated = load(&txn, current.id).await?;
    txn.commit().await?;
    Ok(updated)
}

/// Changes a draft (unsigned) assessment; a signed one is refused.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), assessment_id = %edit.id))]
pub async fn update_assessment(
    db: &DatabaseConnection,
    caller: &Caller,
    edit: AtVersion<AssessmentContent>,
) -> AppResult<assessment::Model> {
    let AtVersion {
        id: assessment_id,
        expected_version,
        change: content,
    } = edit;
    let txn = db.begin().await?;
    let current = load_for_work(&txn, caller, assessment_id).await?;
    if current.signed_at.is_some() {
        return Err(signed_refusal());
    }
    let person = persons::load(&txn, current.person_id).await?;
    let checked = check(&txn, &person, &content, caller.today()).await?;
    // The draft was checked as read in this transaction: it stands only if
    // that is the version the caller edited. A signature or an edit since
    // makes the guarded update touch no row (a signed assessment is never
    // `changeable`).
    if current.version != expected_version {
        return Err(stale(assessment::Entity::NOUN));
    }
    guarded_update::<assessment::Entity>(
        &txn,
        caller.now(),
        assessment_id,
        expected_version,
        vec![
            (assessment::Column::AssessedOn, Expr::value(content.date)),
            (
                assessment::Column::Setting,
                Expr::value(content.setting.as_str()),
            ),
            (
                assessment::Column::Reason,
                Expr::value(content.reason.as_str()),
            ),
            (
                assessment::Column::NeedLevel,
                Expr::value(content.need_level.as_str()),
            ),
            (
                assessment::Column::RecommendedSetting,
                Expr::value(content.recommended_setting.as_str()),
            ),
            (
                assessment::Column::Notes,
                Expr::value(checked.notes.clone()),
            ),
        ],
    )
    .await?;
    write_content(&txn, assessment_id, checked).await?;
    finish(txn, caller, AuditAction::AssessmentUpdated, &current).await
}

/// A participant signs; from then on the assessment never changes.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), assessment_id = %assessment_id))]
pub async fn sign_assessment(
    db: &DatabaseConnection,
    caller: &Caller,
    assessment_id: Uuid,
) -> AppResult<assessment::Model> {
    let txn = db.begin().await?;
    let current = load(&txn, assessment_id).await?;
    let viewer = policy::require_person_access(&txn, caller, current.person_id).await?;
    // The participants of the version read above: an edit that changes them
    // moves the version on, and the guarded update below then touches no row.
    let took_part = assessment_participant::Entity::find()
        .filter(assessment_participant::Column::AssessmentId.eq(assessment_id))
        .filter(assessment_participant::Column::UserId.eq(viewer.user_id))
        .one(&txn)
        .await?
        .is_some();
    if !took_part {
        return Err(AppError::Forbidden);
    }
    if current.signed_at.is_some() {
        return Err(AppError::validation(
            "assessmentId",
            "La valutazione è già firmata",
        ));
    }
    let professions: Vec<Profession> = assessment_participant::Entity::find()
        .filter(assessment_participant::Column::AssessmentId.eq(assessment_id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|p| p.profession)
        .collect();
    refuse_unless_joint_where_uvm(&txn, current.team_id, &professions).await?;
    guarded_update::<assessment::Entity>(
        &txn,
        caller.now(),
        assessment_id,
        current.version,
        vec![
            (assessment::Column::SignedAt, Expr::value(caller.now())),
            (assessment::Column::SignedBy, Expr::value(viewer.user_id)),
        ],
    )
    .await?;
    finish(txn, caller, AuditAction::AssessmentSigned, &current).await
}

/// Corrects a signed assessment with a new version that names the one it
/// corrects and why; the corrected version stays as it was. The amendment is
/// signed by whoever records it.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), assessment_id = %assessment_id))]
pub async fn amend_assessment(
    db: &DatabaseConnection,
    caller: &Caller,
    assessment_id: Uuid,
    reason: &str,
    content: AssessmentContent,
) -> AppResult<assessment::Model> {
    let txn = db.begin().await?;
    let original = load_for_work(&txn, caller, assessment_id).await?;
    let viewer = caller.viewer()?;
    let reason = optional_text("amendmentReason", Some(reason), 2000)?.ok_or_else(|| {
        AppError::validation("amendmentReason", "Indica il motivo della rettifica")
    })?;
    if original.signed_at.is_none() {
        return Err(AppError::validation(
            "assessmentId",
            "Una valutazione non firmata si modifica direttamente, senza rettifica",
        ));
    }
    let person = persons::load(&txn, original.person_id).await?;
    let checked = check(&txn, &person, &content, caller.today()).await?;
    // An amendment is signed as it is recorded: it must be whole already.
    let professions: Vec<Profession> = checked.participants.iter().map(|p| p.profession).collect();
    refuse_unless_joint_where_uvm(&txn, original.team_id, &professions).await?;
    let now = caller.now();
    let of = AssessmentOf {
        person_id: original.person_id,
        team_id: original.team_id,
        project_id: original.project_id,
        discharge_id: original.discharge_id,
    };
    let mut amendment = new_row(&of, &content, &checked, viewer.user_id, now);
    amendment.signed_at = Set(Some(now));
    amendment.signed_by = Set(Some(viewer.user_id));
    amendment.amends_id = Set(Some(original.id));
    amendment.amendment_reason = Set(Some(reason));
    let amendment = amendment
        .insert(&txn)
        .await
        .map_err(|e| match e.sql_err() {
            // The unique index on amends_id: someone amended this version first.
            Some(SqlErr::UniqueConstraintViolation(_)) => AppError::Conflict(
                "Questa versione è già stata rettificata: rettifica la versione più recente".into(),
            ),
            _ => e.into(),
        })?;
    write_content(&txn, amendment.id, checked).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::AssessmentAmended)
            .on("assessment", amendment.id)
            .person(original.person_id)
            .details(json!({ "amends": original.id })),
    )
    .await?;
    Ok(amendment)
}

/// One assessment (any version); the read is audited.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), assessment_id = %assessment_id))]
pub async fn get_assessment(
    db: &DatabaseConnection,
    caller: &Caller,
    assessment_id: Uuid,
) -> AppResult<assessment::Model> {
    let found = load(db, assessment_id).await?;
    policy::require_person_access(db, caller, found.person_id).await?;
    audit::record(
        db,
        caller,
        AuditEntry::new(AuditAction::AssessmentRead)
            .on("assessment", assessment_id)
            .person(found.person_id),
    )
    .await?;
    Ok(found)
}

/// Which assessments a list keeps: drafts or signed ones, and whether only
/// those the viewer took part in.
#[derive(Debug, Clone, Copy, Default)]
pub struct AssessmentFilter {
    pub status: Option<AssessmentStatus>,
    /// Only those the viewer is a participant of: the drafts waiting for
    /// their signature, since only a participant signs.
    pub mine: bool,
}

/// The current versions of the assessments of the persons the viewer is
/// responsible for, newest first; every row shown is audited, as for the
/// other case lists.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn list_assessments(
    db: &DatabaseConnection,
    caller: &Caller,
    filter: AssessmentFilter,
    page: PageRequest,
) -> AppResult<Page<assessment::Model>> {
    let viewer = policy::require_case_worker(caller)?;
    let mut query = assessment::Entity::find()
        .filter(policy::responsible_for(
            (assessment::Entity, assessment::Column::PersonId),
            viewer.user_id,
        ))
        .filter(current_versions());
    match filter.status {
        Some(AssessmentStatus::Signed) => {
            query = query.filter(assessment::Column::SignedAt.is_not_null())
        }
        Some(AssessmentStatus::Draft) => {
            query = query.filter(assessment::Column::SignedAt.is_null())
        }
        None => {}
    }
    if filter.mine {
        query = query.filter(
            assessment::Column::Id.in_subquery(
                Query::select()
                    .column(assessment_participant::Column::AssessmentId)
                    .from(assessment_participant::Entity)
                    .and_where(Expr::col(assessment_participant::Column::UserId).eq(viewer.user_id))
                    .to_owned(),
            ),
        );
    }
    let txn = db.begin().await?;
    fetch_audited_page(txn, caller, query, &newest_first(), page, |a| {
        AuditEntry::new(AuditAction::AssessmentListed)
            .on("assessment", a.id)
            .person(a.person_id)
    })
    .await
}

/// Versions that no amendment has replaced.
pub(crate) fn current_versions() -> Condition {
    let amended = Alias::new("amended");
    Condition::all().add(
        Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from_as(assessment::Entity, amended.clone())
                .and_where(
                    Expr::col((amended, assessment::Column::AmendsId))
                        .equals((assessment::Entity, assessment::Column::Id)),
                )
                .to_owned(),
        )
        .not(),
    )
}

/// The current versions of the persons' assessments, newest first, by
/// person, in one query (the record's DataLoader). Reached through a person's
/// record, whose read is already authorized and audited: everything about a
/// person the viewer may see is visible, drafts included.
pub async fn current_assessments_of(
    db: &DatabaseConnection,
    person_ids: &[Uuid],
) -> AppResult<HashMap<Uuid, Vec<assessment::Model>>> {
    let query = assessment::Entity::find()
        .filter(assessment::Column::PersonId.is_in(person_ids.iter().copied()))
        .filter(current_versions());
    let rows = newest_first().order(query).all(db).await?;
    let mut by_person: HashMap<Uuid, Vec<assessment::Model>> = HashMap::new();
    for row in rows {
        by_person.entry(row.person_id).or_default().push(row);
    }
    Ok(by_person)
}

/// One page of the person's assessments, newest first, each in its latest version.
pub async fn person_assessments(
    db: &DatabaseConnection,
    person_id: Uuid,
    page: PageRequest,
) -> AppResult<Page<assessment::Model>> {
    let mut found = current_assessments_of(db, &[person_id]).await?;
    Page::cut(
        found.remove(&person_id).unwrap_or_default(),
        &page,
        &newest_first(),
    )
}

/// The order of a person's assessments (`current_assessments_of`): newest
/// first, then by id, for the pages cut from them.
pub fn newest_first() -> Keyset<assessment::Model> {
    Keyset::new("assessments")
        .desc(assessment::Column::AssessedOn)
        .desc(assessment::Column::Id)
}

/// (date, score, band code) of one instrument over a person's current
/// assessments (given newest first, with each one's results), oldest first:
/// the SPA's chart.
pub fn score_series(
    newest_first: &[assessment::Model],
    results: &HashMap<Uuid, Vec<assessment_result::Model>>,
    instrument: Instrument,
) -> Vec<(NaiveDate, i32, String)> {
    newest_first
        .iter()
        .rev()
        .filter_map(|a| {
            results
                .get(&a.id)?
                .iter()
                .find(|r| r.instrument == instrument)
                .map(|r| (a.assessed_on, r.score, r.band.clone()))
        })
        .collect()
}

/// The seeds' indicators over current assessments dated `from..=to`.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), team_id = ?asked.team_id))]
pub async fn indicators(
    db: &DatabaseConnection,
    caller: &Caller,
    asked: TeamPeriod,
) -> AppResult<Indicators> {
    asked.check(db, caller).await?;
    let assessments = asked
        .rows::<assessment::Entity>(assessment::Column::AssessedOn, assessment::Column::TeamId)
        .filter(current_versions())
        .all(db)
        .await?;
    let ids: Vec<Uuid> = assessments.iter().map(|a| a.id).collect();
    let mut professions: HashMap<Uuid, Vec<Profession>> = HashMap::new();
    for p in assessment_participant::Entity::find()
        .filter(assessment_participant::Column::AssessmentId.is_in(ids))
        .all(db)
        .await?
    {
        professions
            .entry(p.assessment_id)
            .or_default()
            .push(p.profession);
    }
    let facts: Vec<AssessmentFacts<'_, Uuid>> = assessments
        .iter()
        .map(|a| AssessmentFacts {
            person: a.person_id,
            need_level: a.need_level.as_str(),
            professions: professions
                .get(&a.id)
                .map(|list| list.iter().map(|p| p.as_str()).collect())
                .unwrap_or_default(),
        })
        .collect();
    Ok(assessment_indicators::compute(&facts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assessed_on(date: &str) -> assessment::Model {
        assessment::Model {
            id: Uuid::now_v7(),
            person_id: Uuid::nil(),
            team_id: Uuid::nil(),
            project_id: None,
            discharge_id: None,
            assessed_on: date.parse().unwrap(),
            setting: AssessmentSetting::Domicilio,
            reason: AssessmentReason::FirstAssessment,
            need_level: NeedLevel::High,
            recommended_setting: CareSetting::HomeWithAdi,
            notes: None,
            logged_by: Uuid::nil(),
            created_at: "2026-01-10T09:00:00Z".parse().unwrap(),
            version: 1,
            signed_at: None,
            signed_by: None,
            amends_id: None,
            amendment_reason: None,
        }
    }

    fn result(
        of: &assessment::Model,
        instrument: Instrument,
        score: i32,
    ) -> assessment_result::Model {
        assessment_result::Model {
            id: Uuid::now_v7(),
            assessment_id: of.id,
            instrument,
            score,
            raw_errors: None,
            band: "B".into(),
            education: None,
            answers: "[]".into(),
        }
    }

    #[test]
    fn a_score_series_runs_oldest_first_over_the_assessments_with_that_instrument() {
        let newest = assessed_on("2026-06-10");
        let without = assessed_on("2026-03-01");
        let oldest = assessed_on("2026-01-10");
        let results = HashMap::from([
            (
                newest.id,
                vec![
                    result(&newest, Instrument::Spmsq, 3),
                    result(&newest, Instrument::Barthel, 85),
                ],
            ),
            (without.id, vec![result(&without, Instrument::Spmsq, 2)]),
            (oldest.id, vec![result(&oldest, Instrument::Barthel, 40)]),
        ]);
        let series = score_series(&[newest, without, oldest], &results, Instrument::Barthel);
        let points: Vec<(String, i32)> = series
            .into_iter()
            .map(|(date, score, _)| (date.to_string(), score))
            .collect();
        assert_eq!(
            points,
            vec![("2026-01-10".into(), 40), ("2026-06-10".into(), 85)]
        );
    }
}
