//! The agenda (issue 17): reviews due, scheduled UVM assessments, expected
//! discharges and planned meetings of a user and their teams, overdue first.
//!
//! One function per source reads its rows, filtered by the policy (the
//! caller's active teams and `policy::responsible_for`), and turns them into
//! [`AgendaEntry`]s; [`agenda`] runs the sources asked for and orders the
//! entries by `domain::agenda`. The same sources, read for everyone, give
//! the day-before reminders (`services::agenda_reminders`). A new source
//! (the diary's follow-ups) is one more function and one more arm in
//! [`read_source`].

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use entity::{diary_entry, discharge, meeting, meeting_participant, project, user};
use sea_orm::sea_query::{Expr, IntoColumnRef, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect,
};
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::agenda::{agenda_order, check_window, is_overdue, read_between};
use crate::domain::vocabulary::{
    AgendaKind, AgendaScope, DischargeStatus, MeetingStatus, ProjectStatus,
};
use crate::error::AppResult;
use crate::policy::{self, responsible_for};
use crate::services::network_agreements::refused;

/// The object an agenda item is about.
#[derive(Debug, Clone)]
pub enum AgendaRow {
    Project(project::Model),
    Discharge(discharge::Model),
    Meeting(meeting::Model),
    DiaryEntry(diary_entry::Model),
}

impl AgendaRow {
    pub fn id(&self) -> Uuid {
        match self {
            AgendaRow::Project(p) => p.id,
            AgendaRow::Discharge(d) => d.id,
            AgendaRow::Meeting(m) => m.id,
            AgendaRow::DiaryEntry(e) => e.id,
        }
    }

    /// The person it concerns (a meeting of the register concerns nobody).
    pub fn person_id(&self) -> Option<Uuid> {
        match self {
            AgendaRow::Project(p) => Some(p.person_id),
            AgendaRow::Discharge(d) => Some(d.person_id),
            AgendaRow::Meeting(_) => None,
            AgendaRow::DiaryEntry(e) => Some(e.person_id),
        }
    }
}

/// Who an item is for: whose agenda MINE shows it in, and who is reminded
/// of it the day before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// A project's case manager, while an active member of its team.
    CaseManager { user_id: Uuid, team_id: Uuid },
    /// The active members of a team (the team receiving a discharge).
    Team(Uuid),
    /// These users (a meeting's participants, a diary entry's author).
    Users(Vec<Uuid>),
}

#[derive(Debug, Clone)]
pub struct AgendaEntry {
    pub kind: AgendaKind,
    pub date: NaiveDate,
    pub overdue: bool,
    pub row: AgendaRow,
    pub owner: Owner,
}

/// Whose agenda a source reads: a user, their active teams and the scope;
/// `None` (for the reminders) reads every open item.
#[derive(Debug, Clone)]
pub struct Audience {
    pub user_id: Uuid,
    pub teams: HashSet<Uuid>,
    pub scope: AgendaScope,
}

/// What an `agenda` query asks.
#[derive(Debug, Clone)]
pub struct AgendaQuery {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub scope: AgendaScope,
    /// Empty: every kind.
    pub kinds: Vec<AgendaKind>,
}

/// Every kind the agenda lists, in the order sources are read.
pub const KINDS: [AgendaKind; 5] = [
    AgendaKind::ReviewDue,
    AgendaKind::UvmAssessment,
    AgendaKind::ExpectedDischarge,
    AgendaKind::Meeting,
    AgendaKind::DiaryFollowUp,
];

/// The caller's agenda between `from` and `to` (with what is overdue
/// before it when the window contains today), overdue first. Only an
/// OPERATOR has one; each person shown is audited as a read of the agenda.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn agenda(
    db: &DatabaseConnection,
    caller: &Caller,
    query: AgendaQuery,
) -> AppResult<Vec<AgendaEntry>> {
    let viewer = policy::require_case_worker(caller)?;
    check_window(query.from, query.to).map_err(refused)?;
    let audience = Audience {
        user_id: viewer.user_id,
        teams: policy::active_teams(db, caller).await?,
        scope: query.scope,
    };
    let today = caller.today();
    let (lo, hi) = read_between(query.from, query.to, today);
    let entries = read_agenda(db, Some(&audience), &query.kinds, (lo, hi), today).await?;
    // Between lo and from, only what is overdue: the past of the window
    // asked is not brought back.
    let entries: Vec<AgendaEntry> = entries
        .into_iter()
        .filter(|e| e.date >= query.from || e.overdue)
        .collect();
    let persons: HashSet<Uuid> = entries.iter().filter_map(|e| e.row.person_id()).collect();
    audit::record_many(
        db,
        caller,
        persons.into_iter().map(|person| {
            AuditEntry::new(AuditAction::AgendaRead)
                .person(person)
                .details(serde_json::json!({
                    "from": query.from,
                    "to": query.to,
                    "scope": query.scope.as_str(),
                }))
        }),
    )
    .await?;
    Ok(entries)
}

/// The entries of the sources of `kinds` (every kind when empty) dated in
/// `lo..=hi`, in the agenda's order.
pub(crate) async fn read_agenda(
    conn: &impl ConnectionTrait,
    audience: Option<&Audience>,
    kinds: &[AgendaKind],
    (lo, hi): (NaiveDate, NaiveDate),
    today: NaiveDate,
) -> AppResult<Vec<AgendaEntry>> {
    let mut entries = Vec::new();
    for kind in KINDS {
        if kinds.is_empty() || kinds.contains(&kind) {
            entries.extend(read_source(conn, kind, audience, (lo, hi), today).await?);
        }
    }
    entries.sort_by(|a, b| {
        agenda_order((a.overdue, a.date), (b.overdue, b.date))
            .then(a.kind.cmp(&b.kind))
            .then(a.row.id().cmp(&b.row.id()))
    });
    Ok(entries)
}

async fn read_source(
    conn: &impl ConnectionTrait,
    kind: AgendaKind,
    audience: Option<&Audience>,
    window: (NaiveDate, NaiveDate),
    today: NaiveDate,
) -> AppResult<Vec<AgendaEntry>> {
    match kind {
        AgendaKind::ReviewDue => reviews_due(conn, audience, window, today).await,
        AgendaKind::UvmAssessment => {
            discharges_due(conn, &UVM_ASSESSMENTS, audience, window, today).await
        }
        AgendaKind::ExpectedDischarge => {
            discharges_due(conn, &EXPECTED_DISCHARGES, audience, window, today).await
        }
        AgendaKind::Meeting => planned_meetings(conn, audience, window, today).await,
        AgendaKind::DiaryFollowUp => diary_follow_ups(conn, audience, window).await,
    }
}

/// Rows of the audience's teams (`team` names the column) whose person the
/// user is responsible for (`person`).
fn of_audience(
    audience: Option<&Audience>,
    team: impl ColumnTrait,
    person: impl IntoColumnRef,
) -> Condition {
    match audience {
        None => Condition::all(),
        Some(a) => Condition::all()
            .add(team.is_in(a.teams.iter().copied()))
            .add(responsible_for(person, a.user_id)),
    }
}

/// Projects still open whose next review falls in the window: MINE, those
/// the user is case manager of; MY_TEAMS, those of the user's teams.
async fn reviews_due(
    conn: &impl ConnectionTrait,
    audience: Option<&Audience>,
    (lo, hi): (NaiveDate, NaiveDate),
    today: NaiveDate,
) -> AppResult<Vec<AgendaEntry>> {
    let mut query = project::Entity::find()
        .filter(project::Column::Status.ne(ProjectStatus::Closed.as_str()))
        .filter(project::Column::NextReviewOn.between(lo, hi))
        .filter(of_audience(
            audience,
            project::Column::TeamId,
            (project::Entity, project::Column::PersonId),
        ));
    if let Some(a) = audience.filter(|a| a.scope == AgendaScope::Mine) {
        query = query.filter(project::Column::CaseManagerId.eq(a.user_id));
    }
    Ok(query
        .all(conn)
        .await?
        .into_iter()
        .map(|p| AgendaEntry {
            kind: AgendaKind::ReviewDue,
            date: p.next_review_on,
            overdue: is_overdue(p.next_review_on, today, true),
            owner: Owner::CaseManager {
                user_id: p.case_manager_id,
                team_id: p.team_id,
            },
            row: AgendaRow::Project(p),
        })
        .collect())
}

/// An agenda source read off protected discharges: which of them, and on
/// which of their days. A discharge has no assignee: MINE and MY_TEAMS both
/// show the receiving team's.
struct DischargeSource {
    kind: AgendaKind,
    /// The discharges the source lists, besides the day in the window.
    which: fn() -> Condition,
    /// The column of the day the entry is on, and its reading on a row.
    day_column: discharge::Column,
    day: fn(&discharge::Model) -> Option<NaiveDate>,
}

/// Protected discharges whose UVM assessment is scheduled in the window and
/// not recorded yet (`updateDischarge` with `assessmentScheduledOn` is how a
/// UVM assessment is scheduled), for the receiving team.
const UVM_ASSESSMENTS: DischargeSource = DischargeSource {
    kind: AgendaKind::UvmAssessment,
    which: || {
        Condition::all()
            .add(discharge::Column::Status.eq(DischargeStatus::AssessmentScheduled.as_str()))
            .add(discharge::Column::AssessmentId.is_null())
    },
    day_column: discharge::Column::AssessmentScheduledOn,
    day: |d| d.assessment_scheduled_on,
};

/// Protected discharges the user's teams receive, expected in the window and
/// neither completed nor cancelled.
const EXPECTED_DISCHARGES: DischargeSource = DischargeSource {
    kind: AgendaKind::ExpectedDischarge,
    which: || {
        Condition::all().add(discharge::Column::Status.is_in([
            DischargeStatus::Reported.as_str(),
            DischargeStatus::AssessmentScheduled.as_str(),
            DischargeStatus::PlanAgreed.as_str(),
        ]))
    },
    day_column: discharge::Column::ExpectedDischargeOn,
    day: |d| Some(d.expected_discharge_on),
};

/// The entries of a discharge source whose day falls in the window, for
/// the receiving teams of the audience.
async fn discharges_due(
    conn: &impl ConnectionTrait,
    source: &DischargeSource,
    audience: Option<&Audience>,
    (lo, hi): (NaiveDate, NaiveDate),
    today: NaiveDate,
) -> AppResult<Vec<AgendaEntry>> {
    let found = discharge::Entity::find()
        .filter((source.which)())
        .filter(source.day_column.between(lo, hi))
        .filter(of_audience(
            audience,
            discharge::Column::ReceivingTeamId,
            (discharge::Entity, discharge::Column::PersonId),
        ))
        .all(conn)
        .await?;
    Ok(found
        .into_iter()
        .filter_map(|d| {
            let date = (source.day)(&d)?;
            Some(AgendaEntry {
                kind: source.kind,
                date,
                overdue: is_overdue(date, today, true),
                owner: Owner::Team(d.receiving_team_id),
                row: AgendaRow::Discharge(d),
            })
        })
        .collect())
}

/// Planned meetings of the register in the window: MINE, those the user
/// takes part in; MY_TEAMS, those too and those their teams organize.
async fn planned_meetings(
    conn: &impl ConnectionTrait,
    audience: Option<&Audience>,
    (lo, hi): (NaiveDate, NaiveDate),
    today: NaiveDate,
) -> AppResult<Vec<AgendaEntry>> {
    let mut query = meeting::Entity::find()
        .filter(meeting::Column::Status.eq(MeetingStatus::Planned.as_str()))
        .filter(meeting::Column::PlannedOn.between(lo, hi));
    if let Some(a) = audience {
        let mine = meeting::Column::Id.in_subquery(
            Query::select()
                .column(meeting_participant::Column::MeetingId)
                .from(meeting_participant::Entity)
                .and_where(Expr::col(meeting_participant::Column::UserId).eq(a.user_id))
                .to_owned(),
        );
        query = query.filter(match a.scope {
            AgendaScope::Mine => Condition::all().add(mine),
            AgendaScope::MyTeams => Condition::any()
                .add(mine)
                .add(meeting::Column::TeamId.is_in(a.teams.iter().copied())),
        });
    }
    let found = query.all(conn).await?;
    let ids: Vec<Uuid> = found.iter().map(|m| m.id).collect();
    let mut participants: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    if !ids.is_empty() {
        let rows: Vec<(Uuid, Uuid)> = meeting_participant::Entity::find()
            .select_only()
            .column(meeting_participant::Column::MeetingId)
            .column(meeting_participant::Column::UserId)
            .filter(meeting_participant::Column::MeetingId.is_in(ids))
            .into_tuple()
            .all(conn)
            .await?;
        for (meeting_id, user_id) in rows {
            participants.entry(meeting_id).or_default().push(user_id);
        }
    }
    Ok(found
        .into_iter()
        .map(|m| AgendaEntry {
            kind: AgendaKind::Meeting,
            date: m.planned_on,
            overdue: is_overdue(m.planned_on, today, true),
            owner: Owner::Users(participants.remove(&m.id).unwrap_or_default()),
            row: AgendaRow::Meeting(m),
        })
        .collect())
}

/// Diary entries whose follow-up falls in the window: MINE, those the user
/// wrote; MY_TEAMS, every entry on a person the user is responsible for
/// and may read (a confidential one only for its author and the case
/// manager, as everywhere). A follow-up is a reminder on its date, not a
/// task that can be closed: it is never carried as overdue.
async fn diary_follow_ups(
    conn: &impl ConnectionTrait,
    audience: Option<&Audience>,
    (lo, hi): (NaiveDate, NaiveDate),
) -> AppResult<Vec<AgendaEntry>> {
    let mut query =
        diary_entry::Entity::find().filter(diary_entry::Column::FollowUpOn.between(lo, hi));
    if let Some(a) = audience {
        query = query
            .filter(responsible_for(
                (diary_entry::Entity, diary_entry::Column::PersonId),
                a.user_id,
            ))
            .filter(policy::reads_diary_entry(a.user_id));
        if a.scope == AgendaScope::Mine {
            query = query.filter(diary_entry::Column::AuthorId.eq(a.user_id));
        }
    }
    Ok(query
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|e| {
            let date = e.follow_up_on?;
            Some(AgendaEntry {
                kind: AgendaKind::DiaryFollowUp,
                date,
                overdue: false,
                owner: Owner::Users(vec![e.author_id]),
                row: AgendaRow::DiaryEntry(e),
            })
        })
        .collect())
}

/// The active users an item is for ([`Owner`]): a case manager who left the
/// team, or a deactivated user, is reminded of nothing.
pub(crate) async fn concerned(
    conn: &impl ConnectionTrait,
    owner: &Owner,
) -> AppResult<Vec<user::Model>> {
    let ids: Vec<Uuid> = match owner {
        Owner::CaseManager { user_id, team_id } => {
            if policy::active_memberships(*user_id, *team_id)
                .one(conn)
                .await?
                .is_some()
            {
                vec![*user_id]
            } else {
                Vec::new()
            }
        }
        Owner::Team(team_id) => {
            return Ok(super::discharges::team_members(conn, *team_id)
                .await?
                .into_iter()
                .filter(|u| u.active)
                .collect())
        }
        Owner::Users(ids) => ids.clone(),
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .filter(user::Column::Active.eq(true))
        .all(conn)
        .await?)
}
