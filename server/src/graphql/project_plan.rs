//! The plan of an individual project in GraphQL, mirroring
//! `services::project_plan`: goals and interventions, their inputs and
//! mutations. The project lists them in its `goals` and `interventions`.

use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use entity::{project_goal, project_intervention};

use crate::graphql::context::scope;
use crate::graphql::ids::{parse_id, parse_optional_id};
use crate::graphql::organizations::{self, Organization};
use crate::graphql::scalars::Date;
use crate::graphql::vocabulary::{GoalStatus, LifeArea, ServiceKind};
use crate::services::project_plan::{self, GoalChanges, GoalDraft, InterventionDraft};

#[derive(SimpleObject, Clone)]
pub struct Goal {
    pub id: ID,
    pub life_area: LifeArea,
    pub description: String,
    pub target_date: Option<Date>,
    pub indicator: Option<String>,
    pub status: GoalStatus,
    pub outcome_note: Option<String>,
}

impl From<project_goal::Model> for Goal {
    fn from(m: project_goal::Model) -> Self {
        Goal {
            id: ID(m.id.to_string()),
            life_area: m.life_area.into(),
            description: m.description,
            target_date: m.target_date.map(Date),
            indicator: m.indicator,
            status: m.status.into(),
            outcome_note: m.outcome_note,
        }
    }
}

#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct Intervention {
    pub id: ID,
    pub goal_id: Option<ID>,
    pub life_area: LifeArea,
    pub service_kind: ServiceKind,
    pub frequency: String,
    pub start_date: Date,
    pub end_date: Option<Date>,
    #[graphql(skip)]
    pub provider_id: Option<uuid::Uuid>,
}

#[ComplexObject]
impl Intervention {
    async fn provider(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        organizations::load(ctx, self.provider_id).await
    }
}

impl From<project_intervention::Model> for Intervention {
    fn from(m: project_intervention::Model) -> Self {
        Intervention {
            id: ID(m.id.to_string()),
            goal_id: m.goal_id.map(|g| ID(g.to_string())),
            life_area: m.life_area.into(),
            service_kind: m.service_kind.into(),
            frequency: m.frequency,
            start_date: Date(m.start_date),
            end_date: m.end_date.map(Date),
            provider_id: m.provider_id,
        }
    }
}

#[derive(InputObject)]
pub struct AddGoalInput {
    pub project_id: ID,
    pub life_area: LifeArea,
    pub description: String,
    pub target_date: Option<Date>,
    pub indicator: Option<String>,
}

#[derive(InputObject)]
pub struct UpdateGoalInput {
    pub goal_id: ID,
    pub description: Option<String>,
    pub target_date: Option<Date>,
    pub indicator: Option<String>,
    pub status: Option<GoalStatus>,
    pub outcome_note: Option<String>,
}

#[derive(InputObject)]
pub struct InterventionFields {
    pub goal_id: Option<ID>,
    pub life_area: LifeArea,
    pub service_kind: ServiceKind,
    pub provider_id: Option<ID>,
    pub frequency: String,
    pub start_date: Date,
    pub end_date: Option<Date>,
}

impl InterventionFields {
    fn into_draft(self) -> Result<InterventionDraft, crate::error::AppError> {
        Ok(InterventionDraft {
            goal_id: parse_optional_id(&self.goal_id, "goalId")?,
            life_area: self.life_area.into(),
            service_kind: self.service_kind.into(),
            provider_id: parse_optional_id(&self.provider_id, "providerId")?,
            frequency: self.frequency,
            start_date: self.start_date.0,
            end_date: self.end_date.map(|d| d.0),
        })
    }
}

#[derive(InputObject)]
pub struct AddInterventionInput {
    pub project_id: ID,
    #[graphql(flatten)]
    pub fields: InterventionFields,
}

#[derive(InputObject)]
pub struct UpdateInterventionInput {
    pub intervention_id: ID,
    #[graphql(flatten)]
    pub fields: InterventionFields,
}

#[derive(Default)]
pub struct ProjectPlanMutation;

#[Object]
impl ProjectPlanMutation {
    async fn add_goal(
        &self,
        ctx: &Context<'_>,
        input: AddGoalInput,
    ) -> async_graphql::Result<Goal> {
        let s = scope(ctx)?;
        let id = parse_id(&input.project_id, "projectId")?;
        let draft = GoalDraft {
            life_area: input.life_area.into(),
            description: input.description,
            target_date: input.target_date.map(|d| d.0),
            indicator: input.indicator,
        };
        Ok(project_plan::add_goal(s.db, s.caller, id, draft)
            .await?
            .into())
    }

    async fn update_goal(
        &self,
        ctx: &Context<'_>,
        input: UpdateGoalInput,
    ) -> async_graphql::Result<Goal> {
        let s = scope(ctx)?;
        let id = parse_id(&input.goal_id, "goalId")?;
        let changes = GoalChanges {
            description: input.description,
            target_date: input.target_date.map(|d| d.0),
            indicator: input.indicator,
            status: input.status.map(Into::into),
            outcome_note: input.outcome_note,
        };
        Ok(project_plan::update_goal(s.db, s.caller, id, changes)
            .await?
            .into())
    }

    async fn add_intervention(
        &self,
        ctx: &Context<'_>,
        input: AddInterventionInput,
    ) -> async_graphql::Result<Intervention> {
        let s = scope(ctx)?;
        let id = parse_id(&input.project_id, "projectId")?;
        Ok(
            project_plan::add_intervention(s.db, s.caller, id, input.fields.into_draft()?)
                .await?
                .into(),
        )
    }

    async fn update_intervention(
        &self,
        ctx: &Context<'_>,
        input: UpdateInterventionInput,
    ) -> async_graphql::Result<Intervention> {
        let s = scope(ctx)?;
        let id = parse_id(&input.intervention_id, "interventionId")?;
        Ok(
            project_plan::update_intervention(s.db, s.caller, id, input.fields.into_draft()?)
                .await?
                .into(),
        )
    }
}
