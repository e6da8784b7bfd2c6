use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::referral;

use crate::error::AppError;
use crate::graphql::context::scope;
use crate::graphql::guard::{self, CaseObject, Seen};
use crate::graphql::ids::parse_id;
use crate::graphql::persons::{self, Person};
use crate::graphql::teams::{self, Team};
use crate::graphql::users::{self, User};
use crate::graphql::vocabulary::{ReferralSource, ReferralStatus, Urgency};
use crate::policy::{self, Party};
use crate::services::referrals::{self, NewReferral};

/// A referral (accesso) of a person to a team.
#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct Referral {
    pub id: ID,
    pub source: ReferralSource,
    pub reason: String,
    pub urgency: Urgency,
    pub status: ReferralStatus,
    pub created_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub outcome: Option<String>,
    #[graphql(skip)]
    pub row: referral::Model,
    #[graphql(skip)]
    pub seen: Seen,
}

impl CaseObject for Referral {
    type Row = referral::Model;

    fn person_of(row: &referral::Model) -> uuid::Uuid {
        row.person_id
    }

    fn parties(row: &referral::Model) -> Vec<Party> {
        policy::referral_parties(row).to_vec()
    }

    fn reveal(m: referral::Model, seen: Seen) -> Self {
        Referral {
            seen,
            id: ID(m.id.to_string()),
            source: m.source.into(),
            reason: m.reason.clone(),
            urgency: m.urgency.into(),
            status: m.status.into(),
            created_at: m.created_at,
            accepted_at: m.accepted_at,
            closed_at: m.closed_at,
            outcome: m.outcome.clone(),
            row: m,
        }
    }
}

#[ComplexObject]
impl Referral {
    /// Null once the viewer is no longer responsible for the person (a
    /// closed referral in a team's list, the answer of `closeReferral`).
    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        persons::load(ctx, self.row.person_id).await
    }

    async fn team(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Team>> {
        teams::load(ctx, self.row.team_id).await
    }

    async fn created_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, self.row.created_by).await
    }

    async fn accepted_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, self.row.accepted_by).await
    }

    async fn closed_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, self.row.closed_by).await
    }
}

#[derive(InputObject)]
pub struct ReferPersonInput {
    pub person_id: ID,
    pub team_id: ID,
    pub source: ReferralSource,
    pub reason: String,
    #[graphql(default_with = "Urgency::Ordinary")]
    pub urgency: Urgency,
}

impl ReferPersonInput {
    fn parse(self) -> Result<NewReferral, AppError> {
        Ok(NewReferral {
            person_id: parse_id(&self.person_id, "personId")?,
            team_id: parse_id(&self.team_id, "teamId")?,
            source: self.source.into(),
            reason: self.reason,
            urgency: self.urgency.into(),
        })
    }
}

#[derive(InputObject)]
pub struct AcceptReferralInput {
    pub referral_id: ID,
}

#[derive(InputObject)]
pub struct CloseReferralInput {
    pub referral_id: ID,
    pub outcome: String,
}

#[derive(Default)]
pub struct ReferralMutation;

#[Object]
impl ReferralMutation {
    /// Sends a person the viewer is responsible for to a team.
    async fn refer_person(
        &self,
        ctx: &Context<'_>,
        input: ReferPersonInput,
    ) -> async_graphql::Result<Referral> {
        let s = scope(ctx)?;
        let created = referrals::refer_person(s.db, s.caller, input.parse()?).await?;
        guard::require(ctx, created).await
    }

    /// The receiving team takes the person in charge.
    async fn accept_referral(
        &self,
        ctx: &Context<'_>,
        input: AcceptReferralInput,
    ) -> async_graphql::Result<Referral> {
        let s = scope(ctx)?;
        let id = parse_id(&input.referral_id, "referralId")?;
        guard::require(ctx, referrals::accept_referral(s.db, s.caller, id).await?).await
    }

    async fn close_referral(
        &self,
        ctx: &Context<'_>,
        input: CloseReferralInput,
    ) -> async_graphql::Result<Referral> {
        let s = scope(ctx)?;
        let id = parse_id(&input.referral_id, "referralId")?;
        guard::require(
            ctx,
            referrals::close_referral(s.db, s.caller, id, &input.outcome).await?,
        )
        .await
    }
}
