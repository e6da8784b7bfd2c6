//! The case diary (diario sociale, issue 17 point 1) and the person's
//! timeline: entries written by those with need-to-know on the person,
//! changed by their author for 24 hours, annotated after; confidential
//! entries kept to their author and the person's current case managers
//! (`policy::reads_diary_entry`).

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use entity::{
    assessment, diary_annotation, diary_entry, diary_entry_participant, discharge, project,
    project_event, referral, user,
};
use sea_orm::sea_query::{Alias, Expr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::case_diary::{self, DiaryDraft, EditRefusal};
use crate::domain::vocabulary::{DiaryKind, DiaryParticipantRole, ReferralStatus, TimelineKind};
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::assessments::current_versions;
use crate::services::at_version::AtVersion;
use crate::services::child_rows::replace_children;
use crate::services::network_agreements::refused;
use crate::services::page::{fetch_audited_page, KeyKind, KeyValue, Keyset, Page, PageRequest};
use crate::services::rows::{commit_audited, find, named};
use crate::services::versions::{guarded_update, stale, Versioned};

/// Who took part: a Ponte user, or someone else by role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Participant {
    User(Uuid),
    Other {
        role: DiaryParticipantRole,
        description: Option<String>,
    },
}

/// What an entry says; the same for writing and for the author's change.
#[derive(Debug, Clone)]
pub struct DiaryEntryInput {
    pub kind: DiaryKind,
    pub occurred_at: DateTime<Utc>,
    pub duration_minutes: Option<i32>,
    pub place: Option<String>,
    pub participants: Vec<Participant>,
    pub text: String,
    pub follow_up_on: Option<NaiveDate>,
    pub confidential: bool,
}

/// The records of the person an entry may be about besides the person.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiaryLinks {
    pub project_id: Option<Uuid>,
    pub referral_id: Option<Uuid>,
    pub assessment_id: Option<Uuid>,
    pub discharge_id: Option<Uuid>,
}

const NOT_THIS_PERSON: &str = "non riguarda questa persona";

/// Each linked record exists and is the person's.
async fn check_links(
    conn: &impl ConnectionTrait,
    person_id: Uuid,
    links: &DiaryLinks,
) -> AppResult<()> {
    let mut owners = Vec::new();
    if let Some(id) = links.project_id {
        let found = named::<project::Entity>(conn, id, "projectId", "Progetto non trovato").await?;
        owners.push(("projectId", "Il progetto", found.person_id));
    }
    if let Some(id) = links.referral_id {
        let found =
            named::<referral::Entity>(conn, id, "referralId", "Segnalazione non trovata").await?;
        owners.push(("referralId", "La segnalazione", found.person_id));
    }
    if let Some(id) = links.assessment_id {
        let found =
            named::<assessment::Entity>(conn, id, "assessmentId", "Valutazione non trovata")
                .await?;
        owners.push(("assessmentId", "La valutazione", found.person_id));
    }
    if let Some(id) = links.discharge_id {
        let found =
            named::<discharge::Entity>(conn, id, "dischargeId", "Dimissione non trovata").await?;
        owners.push(("dischargeId", "La dimissione", found.person_id));
    }
    for (field, what, owner) in owners {
        if owner != person_id {
            return Err(AppError::validation(
                field,
                format!("{what} indicata {NOT_THIS_PERSON}"),
            ));
        }
    }
    Ok(())
}

/// The participants, checked: users exist, each once; others by role.
async fn checked_participants(
    conn: &impl ConnectionTrait,
    given: &[Participant],
) -> AppResult<Vec<Participant>> {
    let mut users = HashSet::new();
    let mut kept = Vec::new();
    for participant in given {
        match participant {
            Participant::User(id) => {
                if users.insert(*id) {
                    named::<user::Entity>(conn, *id, "participants", "Partecipante non trovato")
                        .await?;
                    kept.push(participant.clone());
                }
            }
            Participant::Other { role, description } => {
                let description = case_diary::check_participant_description(description.as_deref())
                    .map_err(refused)?;
                kept.push(Participant::Other {
                    role: *role,
                    description,
                });
            }
        }
    }
    Ok(kept)
}

async fn write_participants(
    conn: &impl ConnectionTrait,
    entry_id: Uuid,
    participants: &[Participant],
) -> AppResult<()> {
    let rows = participants.iter().map(|p| {
        let (user_id, role, description) = match p {
            Participant::User(id) => (Some(*id), None, None),
            Participant::Other { role, description } => (None, Some(*role), description.clone()),
        };
        diary_entry_participant::ActiveModel {
            id: Set(Uuid::now_v7()),
            entry_id: Set(entry_id),
            user_id: Set(user_id),
            role: Set(role),
            description: Set(description),
        }
    });
    replace_children(
        conn,
        diary_entry_participant::Column::EntryId,
        entry_id,
        rows,
    )
    .await
}

/// The entry's rules, its texts trimmed.
fn checked(input: &DiaryEntryInput, now: DateTime<Utc>) -> AppResult<case_diary::CheckedDiary> {
    case_diary::check_entry(
        &DiaryDraft {
            occurred_at: input.occurred_at,
            duration_minutes: input.duration_minutes,
            place: input.place.as_deref(),
            text: &input.text,
            follow_up_on: input.follow_up_on,
        },
        now,
    )
    .map_err(refused)
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), person_id = %person_id))]
pub async fn write_diary_entry(
    db: &DatabaseConnection,
    caller: &Caller,
    person_id: Uuid,
    links: DiaryLinks,
    input: DiaryEntryInput,
) -> AppResult<diary_entry::Model> {
    let txn = db.begin().await?;
    let viewer = policy::require_diary_writer(&txn, caller, person_id).await?;
    let author = viewer.user_id;
    check_links(&txn, person_id, &links).await?;
    let now = caller.now();
    let text = checked(&input, now)?;
    let participants = checked_participants(&txn, &input.participants).await?;
    let created = diary_entry::ActiveModel {
        id: Set(Uuid::now_v7()),
        version: Set(1),
        person_id: Set(person_id),
        project_id: Set(links.project_id),
        referral_id: Set(links.referral_id),
        assessment_id: Set(links.assessment_id),
        discharge_id: Set(links.discharge_id),
        kind: Set(input.kind),
        occurred_at: Set(input.occurred_at),
        duration_minutes: Set(input.duration_minutes),
        place: Set(text.place),
        text: Set(text.text),
        follow_up_on: Set(input.follow_up_on),
        confidential: Set(input.confidential),
        author_id: Set(author),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    write_participants(&txn, created.id, &participants).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::DiaryEntryWritten)
            .on("diary_entry", created.id)
            .person(person_id)
            .details(json!({ "kind": created.kind, "confidential": created.confidential })),
    )
    .await?;
    Ok(created)
}

/// The author's change within 24 hours of writing; after that, or for
/// anyone else, an annotation.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), entry_id = %edit.id))]
pub async fn edit_diary_entry(
    db: &DatabaseConnection,
    caller: &Caller,
    edit: AtVersion<DiaryEntryInput>,
) -> AppResult<diary_entry::Model> {
    let AtVersion {
        id: entry_id,
        expected_version,
        change: input,
    } = edit;
    let txn = db.begin().await?;
    let found = find::<diary_entry::Entity>(&txn, entry_id).await?;
    let viewer = policy::require_diary_reader(&txn, caller, &found).await?;
    let now = caller.now();
    match case_diary::check_edit(&found.author_id, &viewer.user_id, found.created_at, now) {
        Ok(()) => {}
        Err(EditRefusal::NotTheAuthor) => {
            return Err(AppError::ForbiddenBecause(
                EditRefusal::NotTheAuthor.message_it().into(),
            ))
        }
        Err(EditRefusal::WindowClosed) => {
            return Err(AppError::Conflict(
                EditRefusal::WindowClosed.message_it().into(),
            ))
        }
    }
    if found.version != expected_version {
        return Err(stale(diary_entry::Entity::NOUN));
    }
    let text = checked(&input, now)?;
    let participants = checked_participants(&txn, &input.participants).await?;
    use diary_entry::Column as C;
    guarded_update::<diary_entry::Entity>(
        &txn,
        now,
        entry_id,
        expected_version,
        vec![
            (C::Kind, Expr::value(input.kind.as_str())),
            (C::OccurredAt, Expr::value(input.occurred_at)),
            (C::DurationMinutes, Expr::value(input.duration_minutes)),
            (C::Place, Expr::value(text.place)),
            (C::Text, Expr::value(text.text)),
            (C::FollowUpOn, Expr::value(input.follow_up_on)),
            (C::Confidential, Expr::value(input.confidential)),
        ],
    )
    .await?;
    write_participants(&txn, entry_id, &participants).await?;
    audit::record(
        &txn,
        caller,
        AuditEntry::new(AuditAction::DiaryEntryEdited)
            .on("diary_entry", entry_id)
            .person(found.person_id)
            .details(json!({ "kind": input.kind, "confidential": input.confidential })),
    )
    .await?;
    let updated = find::<diary_entry::Entity>(&txn, entry_id).await?;
    txn.commit().await?;
    Ok(updated)
}

/// An annotation by anyone who may read the entry; the entry stays as written.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), entry_id = %entry_id))]
pub async fn annotate_diary_entry(
    db: &DatabaseConnection,
    caller: &Caller,
    entry_id: Uuid,
    text: &str,
) -> AppResult<diary_entry::Model> {
    let txn = db.begin().await?;
    let found = find::<diary_entry::Entity>(&txn, entry_id).await?;
    let viewer = policy::require_diary_reader(&txn, caller, &found).await?;
    let text = case_diary::check_annotation(text).map_err(refused)?;
    let annotation = diary_annotation::ActiveModel {
        id: Set(Uuid::now_v7()),
        entry_id: Set(entry_id),
        author_id: Set(viewer.user_id),
        text: Set(text),
        created_at: Set(caller.now()),
    }
    .insert(&txn)
    .await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::DiaryEntryAnnotated)
            .on("diary_entry", entry_id)
            .person(found.person_id)
            .details(json!({ "annotation_id": annotation.id })),
    )
    .await?;
    Ok(found)
}

/// A diary's order: newest first, then by id.
pub fn newest_first() -> Keyset<diary_entry::Model> {
    Keyset::new("diary")
        .desc(diary_entry::Column::OccurredAt)
        .desc(diary_entry::Column::Id)
}

fn listed(entry: &diary_entry::Model) -> AuditEntry {
    AuditEntry::new(AuditAction::DiaryEntryListed)
        .on("diary_entry", entry.id)
        .person(entry.person_id)
}

/// The entries the viewer may read of a person (or of a project of
/// theirs), of the kinds asked for (all when none).
fn readable_entries(viewer: Uuid, kinds: &[DiaryKind]) -> sea_orm::Select<diary_entry::Entity> {
    let mut query = diary_entry::Entity::find().filter(policy::reads_diary_entry(viewer));
    if !kinds.is_empty() {
        query =
            query.filter(diary_entry::Column::Kind.is_in(kinds.iter().map(|kind| kind.as_str())));
    }
    query
}

/// Whose diary is read: a person's, or the entries linked to a project
/// (of its person).
#[derive(Debug, Clone, Copy)]
pub enum DiaryOf {
    Person(Uuid),
    Project(Uuid),
}

/// A page of a diary, newest first; each entry shown is audited.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), of = ?of))]
pub async fn diary(
    db: &DatabaseConnection,
    caller: &Caller,
    of: DiaryOf,
    kinds: &[DiaryKind],
    page: PageRequest,
) -> AppResult<Page<diary_entry::Model>> {
    let txn = db.begin().await?;
    let (person_id, project_id) = match of {
        DiaryOf::Person(person_id) => (person_id, None),
        DiaryOf::Project(project_id) => {
            let found = find::<project::Entity>(&txn, project_id).await?;
            (found.person_id, Some(project_id))
        }
    };
    let viewer = policy::require_person_access(&txn, caller, person_id).await?;
    let mut query =
        readable_entries(viewer.user_id, kinds).filter(diary_entry::Column::PersonId.eq(person_id));
    if let Some(project_id) = project_id {
        query = query.filter(diary_entry::Column::ProjectId.eq(project_id));
    }
    fetch_audited_page(txn, caller, query, &newest_first(), page, listed).await
}

/// One item of a person's timeline: what happened, when, and the record.
#[derive(Debug, Clone)]
pub struct TimelineRow {
    pub at: DateTime<Utc>,
    pub kind: TimelineKind,
    /// A short code: the diary entry's kind, the project event's kind, the
    /// discharge's status…; never Italian text.
    pub code: String,
    pub record: TimelineRecord,
    /// Tells apart two items of one record (a referral opened and closed).
    pub id: Uuid,
}

#[derive(Debug, Clone)]
pub enum TimelineRecord {
    Diary(diary_entry::Model),
    Referral(referral::Model),
    Assessment(assessment::Model),
    ProjectStep(project::Model, project_event::Model),
    Discharge(discharge::Model),
}

/// The timeline's order: newest first, then by item id. In memory only: the
/// cursor's keys are read off the rows.
pub fn timeline_order() -> Keyset<TimelineRow> {
    Keyset::<TimelineRow>::new("timeline")
        .desc_expr(KeyKind::Instant, Expr::col(Alias::new("at")), |r| {
            r.at.into()
        })
        .desc_expr(KeyKind::Id, Expr::col(Alias::new("id")), |r| {
            KeyValue::Id(r.id)
        })
}

/// A day as an instant of the timeline: its start, in UTC.
fn start_of(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(NaiveTime::MIN).and_utc()
}

/// The item id of a referral's closing: the referral's id with its bits
/// flipped, so that opening and closing have ids of their own.
fn closing_id(id: Uuid) -> Uuid {
    Uuid::from_u128(!id.as_u128())
}

/// The person's timeline: diary entries (those the viewer may read),
/// referrals opened and closed, assessments (current versions), project
/// steps and discharges, merged newest first, of the kinds asked for (all
/// when none). The diary entries shown are audited as the diary's are.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), person_id = %person_id))]
pub async fn person_timeline(
    db: &DatabaseConnection,
    caller: &Caller,
    person_id: Uuid,
    kinds: &[TimelineKind],
    page: PageRequest,
) -> AppResult<Page<TimelineRow>> {
    let txn = db.begin().await?;
    let viewer = policy::require_person_access(&txn, caller, person_id).await?;
    let wants = |kind: TimelineKind| kinds.is_empty() || kinds.contains(&kind);
    let mut rows = Vec::new();
    if wants(TimelineKind::DiaryEntry) {
        let entries = readable_entries(viewer.user_id, &[])
            .filter(diary_entry::Column::PersonId.eq(person_id))
            .all(&txn)
            .await?;
        rows.extend(entries.into_iter().map(|e| TimelineRow {
            at: e.occurred_at,
            kind: TimelineKind::DiaryEntry,
            code: e.kind.as_str().to_owned(),
            id: e.id,
            record: TimelineRecord::Diary(e),
        }));
    }
    if wants(TimelineKind::ReferralOpened) || wants(TimelineKind::ReferralClosed) {
        let referrals = referral::Entity::find()
            .filter(referral::Column::PersonId.eq(person_id))
            .all(&txn)
            .await?;
        for r in referrals {
            if wants(TimelineKind::ReferralClosed) {
                if let (ReferralStatus::Closed, Some(closed_at)) = (r.status, r.closed_at) {
                    rows.push(TimelineRow {
                        at: closed_at,
                        kind: TimelineKind::ReferralClosed,
                        code: r.status.as_str().to_owned(),
                        id: closing_id(r.id),
                        record: TimelineRecord::Referral(r.clone()),
                    });
                }
            }
            if wants(TimelineKind::ReferralOpened) {
                rows.push(TimelineRow {
                    at: r.created_at,
                    kind: TimelineKind::ReferralOpened,
                    code: r.urgency.as_str().to_owned(),
                    id: r.id,
                    record: TimelineRecord::Referral(r),
                });
            }
        }
    }
    if wants(TimelineKind::Assessment) {
        let assessments = assessment::Entity::find()
            .filter(assessment::Column::PersonId.eq(person_id))
            .filter(current_versions())
            .all(&txn)
            .await?;
        rows.extend(assessments.into_iter().map(|a| TimelineRow {
            at: start_of(a.assessed_on),
            kind: TimelineKind::Assessment,
            code: if a.signed_at.is_some() {
                "SIGNED".to_owned()
            } else {
                "DRAFT".to_owned()
            },
            id: a.id,
            record: TimelineRecord::Assessment(a),
        }));
    }
    if wants(TimelineKind::ProjectStep) {
        let projects = project::Entity::find()
            .filter(project::Column::PersonId.eq(person_id))
            .all(&txn)
            .await?;
        let events = project_event::Entity::find()
            .filter(project_event::Column::ProjectId.is_in(projects.iter().map(|p| p.id)))
            .order_by_asc(project_event::Column::OccurredAt)
            .all(&txn)
            .await?;
        for event in events {
            if let Some(p) = projects.iter().find(|p| p.id == event.project_id) {
                rows.push(TimelineRow {
                    at: event.occurred_at,
                    kind: TimelineKind::ProjectStep,
                    code: event.kind.clone(),
                    id: event.id,
                    record: TimelineRecord::ProjectStep(p.clone(), event),
                });
            }
        }
    }
    if wants(TimelineKind::Discharge) {
        let discharges = discharge::Entity::find()
            .filter(discharge::Column::PersonId.eq(person_id))
            .all(&txn)
            .await?;
        rows.extend(discharges.into_iter().map(|d| TimelineRow {
            at: d.reported_at,
            kind: TimelineKind::Discharge,
            code: d.status.as_str().to_owned(),
            id: d.id,
            record: TimelineRecord::Discharge(d),
        }));
    }
    rows.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
    let found = Page::cut(rows, &page, &timeline_order())?;
    audit::record_many(
        &txn,
        caller,
        found.items.iter().filter_map(|row| match &row.record {
            TimelineRecord::Diary(entry) => Some(listed(entry)),
            _ => None,
        }),
    )
    .await?;
    txn.commit().await?;
    Ok(found)
}
