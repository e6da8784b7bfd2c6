use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{person, referral, team};

use crate::enums::{ReferralSource, ReferralStatus, Urgency};
use crate::graphql::context::scope;
use crate::graphql::loaders;
use crate::graphql::persons::Person;
use crate::graphql::teams::Team;
use crate::graphql::users::{self, parse_id, User};
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
}

impl From<referral::Model> for Referral {
    fn from(m: referral::Model) -> Self {
        Referral {
            id: ID(m.id.to_string()),
            source: ReferralSource::parse(&m.source).unwrap_or(ReferralSource::Other),
            reason: m.reason.clone(),
            urgency: Urgency::parse(&m.urgency).unwrap_or(Urgency::Ordinary),
            status: ReferralStatus::parse(&m.status).unwrap_or(ReferralStatus::Closed),
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
    /// Reached only through a person or a team work list the viewer may read.
    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        Ok(loaders::one::<person::Entity>(ctx, self.row.person_id)
            .await?
            .map(Person::from))
    }

    async fn team(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Team>> {
        Ok(loaders::one::<team::Entity>(ctx, self.row.team_id)
            .await?
            .map(Team::from))
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
        let created = referrals::refer_person(
            s.db,
            s.caller,
            NewReferral {
                person_id: parse_id(&input.person_id, "personId")?,
                team_id: parse_id(&input.team_id, "teamId")?,
                source: input.source,
                reason: input.reason,
                urgency: input.urgency,
            },
        )
        .await?;
        Ok(created.into())
    }

    /// The receiving team takes the person in charge.
    async fn accept_referral(
        &self,
        ctx: &Context<'_>,
        input: AcceptReferralInput,
    ) -> async_graphql::Result<Referral> {
        let s = scope(ctx)?;
        let id = parse_id(&input.referral_id, "referralId")?;
        Ok(referrals::accept_referral(s.db, s.caller, id).await?.into())
    }

    async fn close_referral(
        &self,
        ctx: &Context<'_>,
        input: CloseReferralInput,
    ) -> async_graphql::Result<Referral> {
        let s = scope(ctx)?;
        let id = parse_id(&input.referral_id, "referralId")?;
        Ok(
            referrals::close_referral(s.db, s.caller, id, &input.outcome)
                .await?
                .into(),
        )
    }
}
