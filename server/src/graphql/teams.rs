use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{team, team_membership, user};

use crate::error::AppError;
use crate::graphql::context::{on_id, scope};
use crate::graphql::cost;
use crate::graphql::guard;
use crate::graphql::ids::parse_id;
use crate::graphql::loaders;
use crate::graphql::organizations::{self, Organization};
use crate::graphql::pagination::{connection, page_request, PonteConnection};
use crate::graphql::referrals::Referral;
use crate::graphql::scalars::Date;
use crate::graphql::users::User;
use crate::graphql::vocabulary::{ReferralStatus, TeamKind, TeamRole};
use crate::services::teams::{NewMember, NewTeam};
use crate::services::{referrals, teams};

#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct Team {
    pub id: ID,
    pub name: String,
    pub kind: TeamKind,
    pub created_at: DateTime<Utc>,
    #[graphql(skip)]
    pub row: team::Model,
}

impl From<team::Model> for Team {
    fn from(m: team::Model) -> Self {
        Team {
            id: ID(m.id.to_string()),
            name: m.name.clone(),
            kind: m.kind.into(),
            created_at: m.created_at,
            row: m,
        }
    }
}

/// Resolves a team reference through the request's DataLoader.
pub async fn load(ctx: &Context<'_>, id: uuid::Uuid) -> async_graphql::Result<Option<Team>> {
    Ok(loaders::one::<team::Entity>(ctx, id).await?.map(Team::from))
}

/// A period of membership of a user in a team.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct TeamMember {
    pub team_role: TeamRole,
    pub started_on: Date,
    pub ended_on: Option<Date>,
    pub active: bool,
    #[graphql(skip)]
    pub user_id: uuid::Uuid,
}

#[ComplexObject]
impl TeamMember {
    async fn user(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        Ok(loaders::one::<user::Entity>(ctx, self.user_id)
            .await?
            .map(User::from))
    }
}

impl From<team_membership::Model> for TeamMember {
    fn from(m: team_membership::Model) -> Self {
        TeamMember {
            team_role: m.team_role.into(),
            started_on: Date(m.started_on),
            active: m.ended_on.is_none(),
            ended_on: m.ended_on.map(Date),
            user_id: m.user_id,
        }
    }
}

#[ComplexObject]
impl Team {
    /// The organization the team belongs to; members may come from others.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        organizations::load(ctx, Some(self.row.organization_id)).await
    }

    /// Current members, or the whole history with `includeFormer`.
    async fn members(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] include_former: bool,
    ) -> async_graphql::Result<Vec<TeamMember>> {
        let rows = loaders::many::<team_membership::Entity>(ctx, self.row.id).await?;
        Ok(rows
            .into_iter()
            .filter(|m| include_former || m.ended_on.is_none())
            .map(TeamMember::from)
            .collect())
    }

    /// The team's work list: open and accepted referrals, most urgent first.
    /// Only for the team's active members; each listed person is an audited access.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn referrals(
        &self,
        ctx: &Context<'_>,
        status: Option<ReferralStatus>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<PonteConnection<Referral>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let found =
            referrals::team_referrals(s.db, s.caller, self.row.id, status.map(Into::into), page)
                .await?;
        Ok(connection(guard::page(ctx, found).await?))
    }
}

#[derive(InputObject)]
pub struct CreateTeamInput {
    pub name: String,
    pub kind: TeamKind,
    pub organization_id: ID,
}

impl CreateTeamInput {
    fn parse(self) -> Result<NewTeam, AppError> {
        Ok(NewTeam {
            organization_id: parse_id(&self.organization_id, "organizationId")?,
            name: self.name,
            kind: self.kind.into(),
        })
    }
}

#[derive(InputObject)]
pub struct AddTeamMemberInput {
    pub team_id: ID,
    pub user_id: ID,
    #[graphql(default_with = "TeamRole::Member")]
    pub team_role: TeamRole,
}

impl AddTeamMemberInput {
    fn parse(self) -> Result<NewMember, AppError> {
        Ok(NewMember {
            team_id: parse_id(&self.team_id, "teamId")?,
            user_id: parse_id(&self.user_id, "userId")?,
            role: self.team_role.into(),
        })
    }
}

#[derive(InputObject)]
pub struct RemoveTeamMemberInput {
    pub team_id: ID,
    pub user_id: ID,
}

#[derive(Default)]
pub struct TeamQuery;

#[Object]
impl TeamQuery {
    async fn team(&self, ctx: &Context<'_>, id: ID) -> async_graphql::Result<Option<Team>> {
        Ok(on_id(ctx, &id, teams::get_team).await?.map(Team::from))
    }

    /// The team directory; `mine: true` keeps the viewer's own teams.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn teams(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        #[graphql(default)] mine: bool,
        kind: Option<TeamKind>,
    ) -> async_graphql::Result<PonteConnection<Team>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let found = teams::list_teams(s.db, s.caller, mine, kind.map(Into::into), page).await?;
        Ok(connection(found.map(Team::from)))
    }
}

#[derive(Default)]
pub struct TeamMutation;

#[Object]
impl TeamMutation {
    /// ADMIN only.
    async fn create_team(
        &self,
        ctx: &Context<'_>,
        input: CreateTeamInput,
    ) -> async_graphql::Result<Team> {
        let s = scope(ctx)?;
        Ok(teams::create_team(s.db, s.caller, input.parse()?)
            .await?
            .into())
    }

    /// ADMINs and the team's coordinators.
    async fn add_team_member(
        &self,
        ctx: &Context<'_>,
        input: AddTeamMemberInput,
    ) -> async_graphql::Result<Team> {
        let s = scope(ctx)?;
        Ok(teams::add_member(s.db, s.caller, input.parse()?)
            .await?
            .into())
    }

    /// Ends the membership today; its history is kept.
    async fn remove_team_member(
        &self,
        ctx: &Context<'_>,
        input: RemoveTeamMemberInput,
    ) -> async_graphql::Result<Team> {
        let s = scope(ctx)?;
        let team_id = parse_id(&input.team_id, "teamId")?;
        let user_id = parse_id(&input.user_id, "userId")?;
        Ok(teams::remove_member(s.db, s.caller, team_id, user_id)
            .await?
            .into())
    }
}
