use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{meeting, meeting_participant, meeting_service, network_agreement, user};

use crate::domain::meetings;
use crate::error::AppError;
use crate::graphql::context::{register_reach, scope};
use crate::graphql::cost;
use crate::graphql::ids::{parse_id, parse_ids, parse_optional_id};
use crate::graphql::loaders;
use crate::graphql::network_agreements::{self, listed_codes, NetworkAgreement};
use crate::graphql::organizations::{self, Organization};
use crate::graphql::pagination::{connection, page_request, PonteConnection};
use crate::graphql::scalars::Date;
use crate::graphql::teams::{self, Team};
use crate::graphql::users::User;
use crate::graphql::vocabulary::{each, MeetingKind, MeetingStatus, ServiceKind};
use crate::services::at_version::AtVersion;
use crate::services::meetings::{
    self as service, Attendance, MeetingFilter, MeetingInput as Input,
};

/// A meeting of the network: training, supervision, a caregiver course, an
/// équipe or a co-design table; planned, then held or cancelled.
#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct Meeting {
    pub id: ID,
    pub version: i32,
    pub kind: MeetingKind,
    pub title: String,
    pub planned_on: Date,
    pub held_on: Option<Date>,
    pub status: MeetingStatus,
    pub cancelled_reason: Option<String>,
    /// People outside Ponte: caregivers, families, other services' staff.
    pub external_participants: i32,
    /// A short note; no personal data.
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
    #[graphql(skip)]
    pub row: meeting::Model,
}

impl From<meeting::Model> for Meeting {
    fn from(m: meeting::Model) -> Self {
        Meeting {
            id: ID(m.id.to_string()),
            version: m.version,
            kind: m.kind.into(),
            title: m.title.clone(),
            planned_on: Date(m.planned_on),
            held_on: m.held_on.map(Date),
            status: m.status.into(),
            cancelled_reason: m.cancelled_reason.clone(),
            external_participants: m.external_participants,
            note: m.note.clone(),
            created_at: m.created_at,
            row: m,
        }
    }
}

#[ComplexObject]
impl Meeting {
    /// The organizing team (its members record the meeting), or null when an
    /// organization organizes it.
    async fn team(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Team>> {
        match self.row.team_id {
            Some(id) => teams::load(ctx, id).await,
            None => Ok(None),
        }
    }

    /// The organizing organization (the team's organization when a team
    /// organizes it).
    async fn organizer(&self, ctx: &Context<'_>) -> async_graphql::Result<Organization> {
        organizations::load(ctx, Some(self.row.organization_id))
            .await?
            .ok_or_else(|| {
                AppError::internal(format!("meeting {}: no organization", self.row.id)).into()
            })
    }

    /// Ponte users who took part (or are expected to, while planned); empty
    /// for an AUDITOR, who reads no staff names.
    async fn participants(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<User>> {
        if !register_reach(ctx).await?.sees_staff() {
            return Ok(Vec::new());
        }
        let ids: Vec<uuid::Uuid> = loaders::many::<meeting_participant::Entity>(ctx, self.row.id)
            .await?
            .iter()
            .map(|p| p.user_id)
            .collect();
        Ok(loaders::each_of::<user::Entity>(ctx, &ids)
            .await?
            .into_iter()
            .map(User::from)
            .collect())
    }

    /// The LEPS interventions it serves, in the vocabulary's order.
    async fn services(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ServiceKind>> {
        listed_codes::<meeting_service::Entity, _, _>(ctx, self.row.id, |row| row.service).await
    }

    /// The agreement it implements, if the viewer may read it.
    async fn agreement(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<NetworkAgreement>> {
        let Some(id) = self.row.agreement_id else {
            return Ok(None);
        };
        if !network_agreements::readable(ctx, id).await? {
            return Ok(None);
        }
        Ok(loaders::one::<network_agreement::Entity>(ctx, id)
            .await?
            .map(NetworkAgreement::from))
    }

    /// The viewer may change it, record it held or cancel it.
    async fn can_edit(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(meetings::check_changeable(self.row.status).is_ok()
            && register_reach(ctx)
                .await?
                .may_record_meeting(self.row.team_id, self.row.organization_id))
    }
}

#[derive(InputObject)]
pub struct MeetingInput {
    pub kind: MeetingKind,
    pub title: String,
    pub planned_on: Date,
    /// Given: the meeting is recorded as already held.
    pub held_on: Option<Date>,
    /// One of teamId / organizationId.
    pub team_id: Option<ID>,
    pub organization_id: Option<ID>,
    #[graphql(default)]
    pub participant_ids: Vec<ID>,
    #[graphql(default)]
    pub external_participants: i32,
    #[graphql(default)]
    pub services: Vec<ServiceKind>,
    pub agreement_id: Option<ID>,
    pub note: Option<String>,
}

impl MeetingInput {
    fn parse(self) -> Result<Input, AppError> {
        Ok(Input {
            kind: self.kind.into(),
            title: self.title,
            planned_on: self.planned_on.0,
            held_on: self.held_on.map(|d| d.0),
            team_id: parse_optional_id(&self.team_id, "teamId")?,
            organization_id: parse_optional_id(&self.organization_id, "organizationId")?,
            participant_ids: parse_ids(&self.participant_ids, "participantIds")?,
            external_participants: self.external_participants,
            services: each(self.services),
            agreement_id: parse_optional_id(&self.agreement_id, "agreementId")?,
            note: self.note,
        })
    }
}

#[derive(InputObject)]
pub struct UpdateMeetingInput {
    pub meeting_id: ID,
    pub expected_version: i32,
    pub meeting: MeetingInput,
}

impl UpdateMeetingInput {
    fn parse(self) -> Result<AtVersion<Input>, AppError> {
        let meeting_id = parse_id(&self.meeting_id, "meetingId")?;
        Ok(AtVersion::new(meeting_id, self.expected_version).with(self.meeting.parse()?))
    }
}

#[derive(InputObject)]
pub struct RecordMeetingHeldInput {
    pub meeting_id: ID,
    pub expected_version: i32,
    pub held_on: Date,
    pub participant_ids: Vec<ID>,
    pub external_participants: i32,
    /// Null keeps the note as it was.
    pub note: Option<String>,
}

impl RecordMeetingHeldInput {
    fn parse(self) -> Result<AtVersion<Attendance>, AppError> {
        let meeting = AtVersion::new(
            parse_id(&self.meeting_id, "meetingId")?,
            self.expected_version,
        );
        Ok(meeting.with(Attendance {
            held_on: self.held_on.0,
            participant_ids: parse_ids(&self.participant_ids, "participantIds")?,
            external_participants: self.external_participants,
            note: self.note,
        }))
    }
}

#[derive(InputObject)]
pub struct CancelMeetingInput {
    pub meeting_id: ID,
    pub expected_version: i32,
    pub reason: String,
}

impl CancelMeetingInput {
    fn parse(self) -> Result<AtVersion<String>, AppError> {
        let meeting_id = parse_id(&self.meeting_id, "meetingId")?;
        Ok(AtVersion::new(meeting_id, self.expected_version).with(self.reason))
    }
}

#[derive(Default)]
pub struct MeetingQuery;

#[Object]
impl MeetingQuery {
    /// Meetings the viewer may read whose date (held, else planned) lies in
    /// from..=to, by date.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn meetings(
        &self,
        ctx: &Context<'_>,
        from: Date,
        to: Date,
        kind: Option<MeetingKind>,
        team_id: Option<ID>,
        status: Option<MeetingStatus>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<PonteConnection<Meeting>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let filter = MeetingFilter {
            from: from.0,
            to: to.0,
            kind: kind.map(Into::into),
            team_id: parse_optional_id(&team_id, "teamId")?,
            status: status.map(Into::into),
        };
        let found = service::list_meetings(s.db, s.caller, filter, page).await?;
        Ok(connection(found.map(Meeting::from)))
    }

    /// One meeting, for those who may read it; null when there is none.
    async fn meeting(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Meeting>> {
        let s = scope(ctx)?;
        let id = parse_id(&id, "id")?;
        Ok(service::get_meeting(s.db, s.caller, id)
            .await?
            .map(Meeting::from))
    }
}

#[derive(Default)]
pub struct MeetingMutation;

#[Object]
impl MeetingMutation {
    /// A team's active members plan their team's meetings; ADMIN and the
    /// agreement managers over it, an organization's.
    async fn plan_meeting(
        &self,
        ctx: &Context<'_>,
        input: MeetingInput,
    ) -> async_graphql::Result<Meeting> {
        let s = scope(ctx)?;
        Ok(service::plan_meeting(s.db, s.caller, input.parse()?)
            .await?
            .into())
    }

    async fn update_meeting(
        &self,
        ctx: &Context<'_>,
        input: UpdateMeetingInput,
    ) -> async_graphql::Result<Meeting> {
        let s = scope(ctx)?;
        Ok(service::update_meeting(s.db, s.caller, input.parse()?)
            .await?
            .into())
    }

    /// Records the attendance of a planned meeting.
    async fn record_meeting_held(
        &self,
        ctx: &Context<'_>,
        input: RecordMeetingHeldInput,
    ) -> async_graphql::Result<Meeting> {
        let s = scope(ctx)?;
        Ok(service::record_meeting_held(s.db, s.caller, input.parse()?)
            .await?
            .into())
    }

    /// Only a planned meeting is cancelled.
    async fn cancel_meeting(
        &self,
        ctx: &Context<'_>,
        input: CancelMeetingInput,
    ) -> async_graphql::Result<Meeting> {
        let s = scope(ctx)?;
        Ok(service::cancel_meeting(s.db, s.caller, input.parse()?)
            .await?
            .into())
    }
}
