//! The meetings register (issue 15): training, supervision, caregiver
//! courses, équipe and co-design tables, planned then held or cancelled.
//! A team's meetings are recorded by its active members; an organization's
//! by ADMIN and the agreement managers over it (`policy::RegisterReach`).

use std::collections::HashSet;

use chrono::NaiveDate;
use entity::{
    meeting, meeting_participant, meeting_service, network_agreement, organization, team, user,
};
use sea_orm::sea_query::{Expr, Func, Query, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::meetings::{self, MeetingDraft, Organizer, MAX_NOTE};
use crate::domain::network_agreements::optional_text;
use crate::domain::vocabulary::{MeetingKind, MeetingStatus, ServiceKind};
use crate::error::{AppError, AppResult};
use crate::policy::{self, RegisterReach};
use crate::services::at_version::AtVersion;
use crate::services::child_rows::replace_children;
use crate::services::network_agreements::{party_ids, refused};
use crate::services::page::{fetch_page, KeyKind, KeyValue, Keyset, Page, PageRequest};
use crate::services::rows::{commit_audited, find, named};
use crate::services::versions::{guarded_update, stale, Versioned};

#[derive(Debug, Clone)]
pub struct MeetingInput {
    pub kind: MeetingKind,
    pub title: String,
    pub planned_on: NaiveDate,
    /// Given: the meeting is recorded as already held.
    pub held_on: Option<NaiveDate>,
    pub team_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub participant_ids: Vec<Uuid>,
    pub external_participants: i32,
    pub services: Vec<ServiceKind>,
    pub agreement_id: Option<Uuid>,
    pub note: Option<String>,
}

/// The team (if any) and the organization that organize a meeting.
async fn organizer_of(
    conn: &impl ConnectionTrait,
    team_id: Option<Uuid>,
    organization_id: Option<Uuid>,
) -> AppResult<(Option<Uuid>, Uuid)> {
    match meetings::organizer(team_id, organization_id).map_err(refused)? {
        Organizer::Team(id) => {
            let found = named::<team::Entity>(conn, id, "teamId", "Équipe non trovata").await?;
            Ok((Some(found.id), found.organization_id))
        }
        Organizer::Organization(id) => {
            named::<organization::Entity>(conn, id, "organizationId", "Ente non trovato").await?;
            Ok((None, id))
        }
    }
}

/// The participants named exist, each once.
async fn participants(conn: &impl ConnectionTrait, ids: &[Uuid]) -> AppResult<Vec<Uuid>> {
    let mut seen = HashSet::new();
    let mut kept = Vec::new();
    for id in ids {
        if seen.insert(*id) {
            named::<user::Entity>(conn, *id, "participantIds", "Partecipante non trovato").await?;
            kept.push(*id);
        }
    }
    Ok(kept)
}

async fn write_participants(
    conn: &impl ConnectionTrait,
    meeting_id: Uuid,
    users: &[Uuid],
) -> AppResult<()> {
    let rows = users
        .iter()
        .map(|user_id| meeting_participant::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(meeting_id),
            user_id: Set(*user_id),
        });
    replace_children(
        conn,
        meeting_participant::Column::MeetingId,
        meeting_id,
        rows,
    )
    .await
}

/// Each service once.
async fn write_services(
    conn: &impl ConnectionTrait,
    meeting_id: Uuid,
    services: &[ServiceKind],
) -> AppResult<()> {
    let services: HashSet<ServiceKind> = services.iter().copied().collect();
    let rows = services
        .into_iter()
        .map(|service| meeting_service::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(meeting_id),
            service: Set(service),
        });
    replace_children(conn, meeting_service::Column::MeetingId, meeting_id, rows).await
}

/// What an input sets, checked against the rules and the rows it names.
struct Checked {
    title: String,
    status: MeetingStatus,
    team_id: Option<Uuid>,
    organization_id: Uuid,
    participants: Vec<Uuid>,
    note: Option<String>,
}

async fn check(
    conn: &impl ConnectionTrait,
    reach: &RegisterReach,
    input: &MeetingInput,
    today: NaiveDate,
) -> AppResult<Checked> {
    let (team_id, organization_id) =
        organizer_of(conn, input.team_id, input.organization_id).await?;
    policy::require_meeting_recorder(reach, team_id, organization_id)?;
    let (title, status) = meetings::check_meeting(
        &MeetingDraft {
            kind: input.kind,
            title: &input.title,
            planned_on: input.planned_on,
            held_on: input.held_on,
            external_participants: input.external_participants,
        },
        today,
    )
    .map_err(refused)?;
    let note = optional_text("note", input.note.as_deref(), MAX_NOTE).map_err(refused)?;
    if let Some(agreement_id) = input.agreement_id {
        named::<network_agreement::Entity>(
            conn,
            agreement_id,
            "agreementId",
            "Accordo non trovato",
        )
        .await?;
        // An agreement the recorder cannot read is as good as unknown to them.
        if !reach.may_read_agreement(&party_ids(conn, agreement_id).await?) {
            return Err(AppError::validation("agreementId", "Accordo non trovato"));
        }
    }
    Ok(Checked {
        title,
        status,
        team_id,
        organization_id,
        participants: participants(conn, &input.participant_ids).await?,
        note,
    })
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn plan_meeting(
    db: &DatabaseConnection,
    caller: &Caller,
    input: MeetingInput,
) -> AppResult<meeting::Model> {
    let txn = db.begin().await?;
    let reach = policy::register_reach(&txn, caller).await?;
    let checked = check(&txn, &reach, &input, caller.today()).await?;
    let now = caller.now();
    let created = meeting::ActiveModel {
        id: Set(Uuid::now_v7()),
        version: Set(1),
        kind: Set(input.kind),
        title: Set(checked.title),
        planned_on: Set(input.planned_on),
        held_on: Set(input.held_on),
        status: Set(checked.status),
        cancelled_reason: Set(None),
        team_id: Set(checked.team_id),
        organization_id: Set(checked.organization_id),
        external_participants: Set(input.external_participants),
        agreement_id: Set(input.agreement_id),
        note: Set(checked.note),
        created_by: Set(caller.viewer.as_ref().map(|v| v.user_id)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    write_participants(&txn, created.id, &checked.participants).await?;
    write_services(&txn, created.id, &input.services).await?;
    let action = match created.status {
        MeetingStatus::Held => AuditAction::MeetingHeld,
        _ => AuditAction::MeetingPlanned,
    };
    commit_audited(
        txn,
        caller,
        AuditEntry::new(action)
            .on("meeting", created.id)
            .details(json!({ "kind": created.kind, "status": created.status })),
    )
    .await?;
    Ok(created)
}

/// The meeting, for a change by one who records its organizer's meetings.
async fn load_for_recorder<T>(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    input: &AtVersion<T>,
) -> AppResult<(RegisterReach, meeting::Model)> {
    let reach = policy::register_reach(conn, caller).await?;
    let found = find::<meeting::Entity>(conn, input.id).await?;
    policy::require_meeting_recorder(&reach, found.team_id, found.organization_id)?;
    if found.version != input.expected_version {
        return Err(stale(meeting::Entity::NOUN));
    }
    meetings::check_changeable(found.status).map_err(refused)?;
    Ok((reach, found))
}

/// Writes a checked change of the meeting with its audit event, and reads
/// it back.
async fn write(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    found: &meeting::Model,
    changes: Vec<(meeting::Column, SimpleExpr)>,
    action: AuditAction,
) -> AppResult<meeting::Model> {
    guarded_update::<meeting::Entity>(conn, caller.now(), found.id, found.version, changes).await?;
    audit::record(
        conn,
        caller,
        AuditEntry::new(action)
            .on("meeting", found.id)
            .details(json!({ "kind": found.kind })),
    )
    .await?;
    find::<meeting::Entity>(conn, found.id).await
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), meeting_id = %change.id))]
pub async fn update_meeting(
    db: &DatabaseConnection,
    caller: &Caller,
    change: AtVersion<MeetingInput>,
) -> AppResult<meeting::Model> {
    let txn = db.begin().await?;
    let (reach, found) = load_for_recorder(&txn, caller, &change).await?;
    let input = change.change;
    let checked = check(&txn, &reach, &input, caller.today()).await?;
    use meeting::Column as C;
    let changes = vec![
        (C::Kind, Expr::value(input.kind.as_str())),
        (C::Title, Expr::value(checked.title)),
        (C::PlannedOn, Expr::value(input.planned_on)),
        (C::HeldOn, Expr::value(input.held_on)),
        (C::Status, Expr::value(checked.status.as_str())),
        (C::TeamId, Expr::value(checked.team_id)),
        (C::OrganizationId, Expr::value(checked.organization_id)),
        (
            C::ExternalParticipants,
            Expr::value(input.external_participants),
        ),
        (C::AgreementId, Expr::value(input.agreement_id)),
        (C::Note, Expr::value(checked.note)),
    ];
    let updated = write(&txn, caller, &found, changes, AuditAction::MeetingChanged).await?;
    write_participants(&txn, found.id, &checked.participants).await?;
    write_services(&txn, found.id, &input.services).await?;
    txn.commit().await?;
    Ok(updated)
}

#[derive(Debug, Clone)]
pub struct Attendance {
    pub held_on: NaiveDate,
    pub participant_ids: Vec<Uuid>,
    pub external_participants: i32,
    /// None keeps the note as it was.
    pub note: Option<String>,
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), meeting_id = %input.id))]
pub async fn record_meeting_held(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AtVersion<Attendance>,
) -> AppResult<meeting::Model> {
    let txn = db.begin().await?;
    let (_, found) = load_for_recorder(&txn, caller, &input).await?;
    let attendance = input.change;
    meetings::check_held_on(attendance.held_on, found.planned_on, caller.today())
        .map_err(refused)?;
    meetings::check_external_participants(attendance.external_participants).map_err(refused)?;
    let participants = participants(&txn, &attendance.participant_ids).await?;
    use meeting::Column as C;
    let mut changes = vec![
        (C::HeldOn, Expr::value(attendance.held_on)),
        (C::Status, Expr::value(MeetingStatus::Held.as_str())),
        (
            C::ExternalParticipants,
            Expr::value(attendance.external_participants),
        ),
    ];
    if attendance.note.is_some() {
        let note = optional_text("note", attendance.note.as_deref(), MAX_NOTE).map_err(refused)?;
        changes.push((C::Note, Expr::value(note)));
    }
    let updated = write(&txn, caller, &found, changes, AuditAction::MeetingHeld).await?;
    write_participants(&txn, found.id, &participants).await?;
    txn.commit().await?;
    Ok(updated)
}

/// The change is the reason for cancelling.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), meeting_id = %input.id))]
pub async fn cancel_meeting(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AtVersion<String>,
) -> AppResult<meeting::Model> {
    let txn = db.begin().await?;
    let (_, found) = load_for_recorder(&txn, caller, &input).await?;
    let reason = meetings::check_cancellation(found.status, &input.change).map_err(refused)?;
    let changes = vec![
        (
            meeting::Column::Status,
            Expr::value(MeetingStatus::Cancelled.as_str()),
        ),
        (meeting::Column::CancelledReason, Expr::value(reason)),
    ];
    let updated = write(&txn, caller, &found, changes, AuditAction::MeetingCancelled).await?;
    txn.commit().await?;
    Ok(updated)
}

/// The users who took part in a meeting.
pub async fn participant_ids(
    conn: &impl ConnectionTrait,
    meeting_id: Uuid,
) -> AppResult<Vec<Uuid>> {
    Ok(meeting_participant::Entity::find()
        .select_only()
        .column(meeting_participant::Column::UserId)
        .filter(meeting_participant::Column::MeetingId.eq(meeting_id))
        .into_tuple()
        .all(conn)
        .await?)
}

/// One meeting, for those who may read it.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), meeting_id = %meeting_id))]
pub async fn get_meeting(
    db: &DatabaseConnection,
    caller: &Caller,
    meeting_id: Uuid,
) -> AppResult<Option<meeting::Model>> {
    let reach = policy::register_reach(db, caller).await?;
    let Some(found) = meeting::Entity::find_by_id(meeting_id).one(db).await? else {
        return Ok(None);
    };
    let participants = participant_ids(db, meeting_id).await?;
    if reach.may_read_meeting(found.team_id, found.organization_id, &participants) {
        Ok(Some(found))
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Debug, Clone)]
pub struct MeetingFilter {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub kind: Option<MeetingKind>,
    pub team_id: Option<Uuid>,
    pub status: Option<MeetingStatus>,
}

/// The day a meeting is listed under: held, else planned.
fn dated_on() -> SimpleExpr {
    Func::coalesce([
        Expr::col((meeting::Entity, meeting::Column::HeldOn)).into(),
        Expr::col((meeting::Entity, meeting::Column::PlannedOn)).into(),
    ])
    .into()
}

/// `RegisterReach::may_read_meeting`, in SQL.
fn readable(reach: &RegisterReach) -> Option<Condition> {
    if reach.reads_everything() {
        return None;
    }
    let mut any = Condition::any()
        .add(meeting::Column::TeamId.is_in(reach.teams.iter().copied()))
        .add(
            meeting::Column::OrganizationId.is_in(
                reach
                    .organization_id
                    .into_iter()
                    .chain(reach.territory.iter().copied()),
            ),
        );
    if let Some(me) = reach.user_id {
        any = any.add(
            meeting::Column::Id.in_subquery(
                Query::select()
                    .column(meeting_participant::Column::MeetingId)
                    .from(meeting_participant::Entity)
                    .and_where(Expr::col(meeting_participant::Column::UserId).eq(me))
                    .to_owned(),
            ),
        );
    }
    Some(any)
}

/// The meetings the caller may read dated in `from..=to`, by date.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn list_meetings(
    db: &DatabaseConnection,
    caller: &Caller,
    filter: MeetingFilter,
    page: PageRequest,
) -> AppResult<Page<meeting::Model>> {
    let reach = policy::register_reach(db, caller).await?;
    super::indicator_period(filter.from, filter.to)?;
    let mut query = meeting::Entity::find()
        .filter(Expr::expr(dated_on()).gte(filter.from))
        .filter(Expr::expr(dated_on()).lte(filter.to));
    if let Some(readable) = readable(&reach) {
        query = query.filter(readable);
    }
    if let Some(kind) = filter.kind {
        query = query.filter(meeting::Column::Kind.eq(kind.as_str()));
    }
    if let Some(team_id) = filter.team_id {
        query = query.filter(meeting::Column::TeamId.eq(team_id));
    }
    if let Some(status) = filter.status {
        query = query.filter(meeting::Column::Status.eq(status.as_str()));
    }
    fetch_page(db, query, &by_date(), page).await
}

/// The register's order: by the day held (else planned), then by id.
fn by_date() -> Keyset<meeting::Model> {
    Keyset::new("meetings")
        .asc_expr(KeyKind::Date, dated_on(), |m: &meeting::Model| {
            KeyValue::from(m.held_on.unwrap_or(m.planned_on))
        })
        .asc(meeting::Column::Id)
}
