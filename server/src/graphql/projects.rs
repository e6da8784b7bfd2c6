use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{
    life_area_score, project, project_cosignature, project_event, project_goal,
    project_intervention, project_review,
};

use crate::domain::project_lifecycle;
use crate::domain::vocabulary::DocumentSubject;
use crate::graphql::budget::Budget;
use crate::graphql::case_diary::{self, DiaryEntry};
use crate::graphql::context::{scope, today};
use crate::graphql::cost;
use crate::graphql::documents::{self, Document};
use crate::graphql::guard::{self, CaseObject, Seen};
use crate::graphql::ids::{parse_id, parse_optional_id};
use crate::graphql::loaders;
use crate::graphql::organizations::{self, Organization};
use crate::graphql::pagination::{connection, page_request, PonteConnection};
use crate::graphql::persons::{self, Person};
use crate::graphql::project_plan::{Goal, Intervention};
use crate::graphql::project_reviews::{self, LifeAreaTrajectory, Review};
use crate::graphql::scalars::Date;
use crate::graphql::teams::{self, Team};
use crate::graphql::users::{self, User};
use crate::graphql::vocabulary;
use crate::graphql::vocabulary::{
    ConsentMethod, GoalStatus, IntegratedPart, LifeArea, ProjectKind, ProjectStatus, Rater,
    TransitionRefusalCode,
};
use crate::services::at_version::AtVersion;
use crate::services::case_diary::DiaryOf;
use crate::services::integrated_pai::{self, Cosignature};
use crate::services::project_plan::GoalOutcome;
use crate::services::project_reviews::AreaScore;
use crate::services::projects::{
    self, ClosingOutcomes, Consent, NewProject, ProjectFilter, Transition,
};

#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct IndividualProject {
    pub id: ID,
    pub version: i32,
    pub kind: ProjectKind,
    pub status: ProjectStatus,
    pub title: String,
    pub start_date: Date,
    pub review_every_days: i32,
    pub next_review_on: Date,
    pub closure_reason: Option<String>,
    pub closed_on: Option<Date>,
    pub created_at: DateTime<Utc>,
    /// An integrated PAI: a health and a social part, co-signed by a health
    /// organization (ASL, ASST…) and a social one (Comune, Ambito…) before
    /// it is delivered.
    pub integrated: bool,
    #[graphql(skip)]
    pub row: project::Model,
    #[graphql(skip)]
    pub seen: Seen,
}

impl CaseObject for IndividualProject {
    type Row = project::Model;

    fn person_of(row: &project::Model) -> uuid::Uuid {
        row.person_id
    }

    fn reveal(m: project::Model, seen: Seen) -> Self {
        IndividualProject {
            seen,
            id: ID(m.id.to_string()),
            version: m.version,
            kind: m.kind.into(),
            status: m.status.into(),
            title: m.title.clone(),
            start_date: Date(m.start_date),
            review_every_days: m.review_every_days,
            next_review_on: Date(m.next_review_on),
            closure_reason: m.closure_reason.clone(),
            closed_on: m.closed_on.map(Date),
            created_at: m.created_at,
            integrated: m.integrated,
            row: m,
        }
    }
}

/// The person's agreement to the project.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct ProjectConsent {
    pub date: Date,
    pub method: ConsentMethod,
    pub witness: Option<String>,
    pub family_cosignature: Option<String>,
    #[graphql(skip)]
    pub recorded_by_id: Option<uuid::Uuid>,
}

#[ComplexObject]
impl ProjectConsent {
    async fn recorded_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, self.recorded_by_id).await
    }
}

/// An organization's signature of an integrated PAI.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct ProjectCosignature {
    /// The side the organization signed for, from its kind.
    pub part: IntegratedPart,
    pub signed_on: Date,
    /// Who signed for the organization.
    pub signatory: Option<String>,
    #[graphql(skip)]
    pub organization_id: uuid::Uuid,
    #[graphql(skip)]
    pub recorded_by_id: uuid::Uuid,
}

impl From<project_cosignature::Model> for ProjectCosignature {
    fn from(m: project_cosignature::Model) -> Self {
        ProjectCosignature {
            part: m.part.into(),
            signed_on: Date(m.signed_on),
            signatory: m.signatory,
            organization_id: m.organization_id,
            recorded_by_id: m.recorded_by,
        }
    }
}

#[ComplexObject]
impl ProjectCosignature {
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        organizations::load(ctx, Some(self.organization_id)).await
    }

    async fn recorded_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, Some(self.recorded_by_id)).await
    }
}

/// A move the process allows from the project's status, checked against
/// the project as it stands.
#[derive(SimpleObject)]
pub struct TransitionCheck {
    pub to: ProjectStatus,
    /// The move can be made now (`reasons` is empty).
    pub ready: bool,
    /// What stands in the way, in Italian; `transitionProject` refuses the
    /// move with these same reasons.
    pub reasons: Vec<String>,
    /// The same reasons with a code, for a screen to lead to the fix.
    pub refusals: Vec<TransitionRefusal>,
    /// What the team should know before making the move (e.g. a budget not
    /// yet agreed for a project that is not a PTRI); never a refusal.
    pub warnings: Vec<String>,
}

/// One reason a move cannot be made now.
#[derive(SimpleObject)]
pub struct TransitionRefusal {
    pub code: TransitionRefusalCode,
    /// In Italian, as in `reasons`.
    pub message: String,
    /// The goals it is about: with `GOALS_WITHOUT_FINAL_STATUS`, those
    /// still open, oldest first; else empty.
    pub goal_ids: Vec<ID>,
}

impl From<&project_lifecycle::TransitionRefusal> for TransitionRefusal {
    fn from(refusal: &project_lifecycle::TransitionRefusal) -> Self {
        TransitionRefusal {
            code: refusal.code().into(),
            message: refusal.message_it(),
            goal_ids: refusal.goals().iter().map(|g| ID(g.id.clone())).collect(),
        }
    }
}

#[derive(SimpleObject)]
#[graphql(complex)]
pub struct ProjectEvent {
    pub occurred_at: DateTime<Utc>,
    pub kind: String,
    pub summary: String,
    #[graphql(skip)]
    pub actor_id: uuid::Uuid,
}

#[ComplexObject]
impl ProjectEvent {
    async fn actor(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, Some(self.actor_id)).await
    }
}

/// A final life-area score closing the project needs: by the team for
/// every area with goals, by the person too when they have scored before.
#[derive(SimpleObject)]
pub struct FinalScoreRequirement {
    pub rater: Rater,
    pub life_area: LifeArea,
    /// Scores dated from this day count as final (the area's goals last
    /// changed that day).
    pub from: Date,
    pub recorded: bool,
}

#[ComplexObject]
impl IndividualProject {
    /// The documents attached to this project (the signed PAI, say), not
    /// deleted, oldest first.
    async fn documents(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Document>> {
        documents::of_subject(ctx, DocumentSubject::Project, self.row.id).await
    }

    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        persons::load(ctx, self.row.person_id).await
    }

    /// The diary entries linked to the project, newest first (confidential
    /// ones only for their author and the current case managers). Audited.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn diary(
        &self,
        ctx: &Context<'_>,
        kinds: Option<Vec<vocabulary::DiaryKind>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<PonteConnection<DiaryEntry>> {
        case_diary::diary(ctx, DiaryOf::Project(self.row.id), kinds, first, after).await
    }

    async fn team(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Team>> {
        teams::load(ctx, self.row.team_id).await
    }

    async fn case_manager(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, Some(self.row.case_manager_id)).await
    }

    /// The next review date has passed while the project is running
    /// (ACTIVE or REVIEW); the review day itself is still on time.
    async fn review_overdue(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(project_lifecycle::is_review_overdue(
            self.row.status,
            self.row.next_review_on,
            today(ctx)?,
        ))
    }

    /// Where the project may go from here, before checking its conditions;
    /// `transitionChecks` gives each one's reasons and warnings.
    async fn allowed_transitions(&self) -> async_graphql::Result<Vec<ProjectStatus>> {
        Ok(vocabulary::each(project_lifecycle::allowed_targets(
            self.row.status,
        )))
    }

    /// Each of `allowedTransitions` with the conditions still unmet and the
    /// warnings, so a screen can say why before the button is pressed. It
    /// reads the project's plan, budget and the person's assessments: ask
    /// for it on one project, not on a list.
    #[graphql(complexity = 50)]
    async fn transition_checks(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<TransitionCheck>> {
        let s = scope(ctx)?;
        let checks = projects::transition_checks(s.db, s.caller, &self.row).await?;
        Ok(checks
            .into_iter()
            .map(|c| TransitionCheck {
                to: c.to.into(),
                ready: c.refusals.is_empty(),
                reasons: c.refusals.iter().map(|r| r.message_it()).collect(),
                refusals: c.refusals.iter().map(TransitionRefusal::from).collect(),
                warnings: c.warnings.iter().map(|w| w.message_it()).collect(),
            })
            .collect())
    }

    /// The signatures of an integrated PAI, oldest first; empty otherwise.
    async fn cosignatures(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<ProjectCosignature>> {
        let rows = loaders::many::<project_cosignature::Entity>(ctx, self.row.id).await?;
        Ok(rows.into_iter().map(ProjectCosignature::from).collect())
    }

    /// The final life-area scores closing requires, and which are on record.
    async fn final_scores_required(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<FinalScoreRequirement>> {
        let goals = loaders::many::<project_goal::Entity>(ctx, self.row.id).await?;
        let scores = loaders::many::<life_area_score::Entity>(ctx, self.row.id).await?;
        Ok(projects::final_scores(&goals, &scores)
            .into_iter()
            .map(|f| FinalScoreRequirement {
                rater: f.rater.into(),
                life_area: f.life_area.into(),
                from: Date(f.from),
                recorded: f.recorded,
            })
            .collect())
    }

    async fn consent(&self) -> Option<ProjectConsent> {
        Some(ProjectConsent {
            date: Date(self.row.consent_on?),
            method: self.row.consent_method.map(Into::into)?,
            witness: self.row.consent_witness.clone(),
            family_cosignature: self.row.consent_family_cosignature.clone(),
            recorded_by_id: self.row.consent_recorded_by,
        })
    }

    async fn goals(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Goal>> {
        let rows = loaders::many::<project_goal::Entity>(ctx, self.row.id).await?;
        Ok(rows.into_iter().map(Goal::from).collect())
    }

    async fn interventions(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Intervention>> {
        let rows = loaders::many::<project_intervention::Entity>(ctx, self.row.id).await?;
        Ok(rows.into_iter().map(Intervention::from).collect())
    }

    async fn reviews(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Review>> {
        let rows = loaders::many::<project_review::Entity>(ctx, self.row.id).await?;
        Ok(rows.into_iter().map(Review::from).collect())
    }

    /// The Budget di Salute: resources, totals and the parties' agreement.
    async fn budget(&self) -> Budget {
        Budget::of(self.row.clone())
    }

    /// Each life area's scores from baseline to now.
    async fn life_area_scores(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<LifeAreaTrajectory>> {
        let rows = loaders::many::<life_area_score::Entity>(ctx, self.row.id).await?;
        Ok(project_reviews::trajectories(rows))
    }

    /// Every change, oldest first.
    async fn history(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ProjectEvent>> {
        let rows = loaders::many::<project_event::Entity>(ctx, self.row.id).await?;
        Ok(rows
            .into_iter()
            .map(|e| ProjectEvent {
                occurred_at: e.occurred_at,
                kind: e.kind,
                summary: e.summary,
                actor_id: e.actor_id,
            })
            .collect())
    }
}

#[derive(InputObject)]
pub struct OpenProjectInput {
    pub person_id: ID,
    pub kind: ProjectKind,
    pub team_id: ID,
    /// An active member of the team.
    pub case_manager_id: ID,
    pub title: String,
    pub start_date: Date,
    #[graphql(default_with = "crate::services::projects::DEFAULT_REVIEW_EVERY_DAYS")]
    pub review_every_days: i32,
    /// Required when the person already has an open project of this kind:
    /// why a second one runs in parallel (kept in the project's history).
    pub parallel_reason: Option<String>,
    /// An integrated PAI (health and social parts); only a PAI can be.
    #[graphql(default)]
    pub integrated: bool,
}

#[derive(InputObject)]
pub struct SetProjectIntegratedInput {
    pub project_id: ID,
    pub expected_version: i32,
    pub integrated: bool,
}

#[derive(InputObject)]
pub struct CosignProjectInput {
    pub project_id: ID,
    /// A health organization (ASL, ASST, ATS, distretto, Casa di Comunità…)
    /// or a social one (Comune, Ambito, Ufficio di Piano).
    pub organization_id: ID,
    pub signed_on: Date,
    /// Who signed for the organization, as on the paper.
    pub signatory: Option<String>,
}

#[derive(InputObject)]
pub struct TransitionProjectInput {
    pub project_id: ID,
    pub to: ProjectStatus,
    pub expected_version: i32,
    /// Required to close: the closure reason.
    pub reason: Option<String>,
    /// Closing only: final life-area scores, dated today and recorded with
    /// the closure (see `IndividualProject.finalScoresRequired`).
    #[graphql(default)]
    pub final_scores: Vec<FinalScoreInput>,
    /// Closing only: the final outcome of goals still open, recorded with
    /// the closure (the refusal `GOALS_WITHOUT_FINAL_STATUS` names them).
    #[graphql(default)]
    pub goal_outcomes: Vec<GoalOutcomeInput>,
}

#[derive(InputObject)]
pub struct GoalOutcomeInput {
    pub goal_id: ID,
    /// Any status but OPEN.
    pub status: GoalStatus,
    pub outcome_note: Option<String>,
}

#[derive(InputObject)]
pub struct FinalScoreInput {
    pub rater: Rater,
    pub life_area: LifeArea,
    /// 1–5.
    pub score: i32,
    pub note: Option<String>,
}

#[derive(InputObject)]
pub struct ChangeCaseManagerInput {
    pub project_id: ID,
    pub expected_version: i32,
    /// An active member of the project's team.
    pub case_manager_id: ID,
}

#[derive(InputObject)]
pub struct RecordConsentInput {
    pub project_id: ID,
    pub expected_version: i32,
    pub date: Date,
    pub method: ConsentMethod,
    /// Required for a verbal agreement.
    pub witness: Option<String>,
    pub family_cosignature: Option<String>,
}

#[derive(Default)]
pub struct ProjectQuery;

#[Object]
impl ProjectQuery {
    /// Need-to-know, like the person's record; audited.
    async fn project(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<IndividualProject>> {
        guard::lookup(ctx, &id, projects::get_project).await
    }

    /// Projects of persons the viewer may see, soonest review first.
    // One Rust parameter per GraphQL argument, and the schema must not
    // change: async-graphql 7 cannot flatten a struct into field arguments
    // (async-graphql issue #1514), so the list stays; the resolver gathers
    // the arguments into a `ProjectFilter` for the service.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn projects(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        status: Option<ProjectStatus>,
        kind: Option<ProjectKind>,
        team_id: Option<ID>,
        #[graphql(default)] mine: bool,
        #[graphql(default)] review_overdue: bool,
    ) -> async_graphql::Result<PonteConnection<IndividualProject>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let filter = ProjectFilter {
            mine,
            status: status.map(Into::into),
            kind: kind.map(Into::into),
            team_id: parse_optional_id(&team_id, "teamId")?,
            review_overdue,
        };
        let found = projects::list_projects(s.db, s.caller, filter, page).await?;
        Ok(connection(guard::page(ctx, found).await?))
    }
}

#[derive(Default)]
pub struct ProjectMutation;

#[Object]
impl ProjectMutation {
    /// Opens a project in INTAKE; its team becomes responsible for the person.
    async fn open_project(
        &self,
        ctx: &Context<'_>,
        input: OpenProjectInput,
    ) -> async_graphql::Result<IndividualProject> {
        let s = scope(ctx)?;
        let created = projects::open_project(
            s.db,
            s.caller,
            NewProject {
                person_id: parse_id(&input.person_id, "personId")?,
                kind: input.kind.into(),
                team_id: parse_id(&input.team_id, "teamId")?,
                case_manager_id: parse_id(&input.case_manager_id, "caseManagerId")?,
                title: input.title,
                start_date: input.start_date.0,
                review_every_days: input.review_every_days,
                parallel_reason: input.parallel_reason,
                integrated: input.integrated,
            },
        )
        .await?;
        guard::require(ctx, created).await
    }

    /// A refused move is a VALIDATION error listing every unmet condition
    /// (`extensions.reasons`).
    async fn transition_project(
        &self,
        ctx: &Context<'_>,
        input: TransitionProjectInput,
    ) -> async_graphql::Result<IndividualProject> {
        let s = scope(ctx)?;
        let id = parse_id(&input.project_id, "projectId")?;
        let goal_outcomes = input
            .goal_outcomes
            .into_iter()
            .map(|g| {
                Ok(GoalOutcome {
                    goal_id: parse_id(&g.goal_id, "goalOutcomes")?,
                    status: g.status.into(),
                    outcome_note: g.outcome_note,
                })
            })
            .collect::<async_graphql::Result<Vec<_>>>()?;
        let final_scores = input
            .final_scores
            .into_iter()
            .map(|f| {
                (
                    f.rater.into(),
                    AreaScore {
                        life_area: f.life_area.into(),
                        score: f.score,
                        note: f.note,
                    },
                )
            })
            .collect();
        let transition = AtVersion::new(id, input.expected_version).with(Transition {
            to: input.to.into(),
            reason: input.reason,
            closing_outcomes: ClosingOutcomes {
                final_scores,
                goal_outcomes,
            },
        });
        guard::require(
            ctx,
            projects::transition_project(s.db, s.caller, transition).await?,
        )
        .await
    }

    /// Hands the project to another member of its team (recorded in its
    /// history); needed before a case manager leaves the team.
    async fn change_case_manager(
        &self,
        ctx: &Context<'_>,
        input: ChangeCaseManagerInput,
    ) -> async_graphql::Result<IndividualProject> {
        let s = scope(ctx)?;
        let id = parse_id(&input.project_id, "projectId")?;
        let case_manager = AtVersion::new(id, input.expected_version)
            .with(parse_id(&input.case_manager_id, "caseManagerId")?);
        let changed = projects::change_case_manager(s.db, s.caller, case_manager).await?;
        guard::require(ctx, changed).await
    }

    /// Marks a PAI as integrated, or takes the mark back while nobody has
    /// signed it.
    async fn set_project_integrated(
        &self,
        ctx: &Context<'_>,
        input: SetProjectIntegratedInput,
    ) -> async_graphql::Result<IndividualProject> {
        let s = scope(ctx)?;
        let id = parse_id(&input.project_id, "projectId")?;
        let integrated = AtVersion::new(id, input.expected_version).with(input.integrated);
        let changed = integrated_pai::set_integrated(s.db, s.caller, integrated).await?;
        guard::require(ctx, changed).await
    }

    /// Records an organization's signature of an integrated PAI; both a
    /// health and a social organization must sign before it is delivered.
    async fn cosign_project(
        &self,
        ctx: &Context<'_>,
        input: CosignProjectInput,
    ) -> async_graphql::Result<IndividualProject> {
        let s = scope(ctx)?;
        let id = parse_id(&input.project_id, "projectId")?;
        let signature = Cosignature {
            organization_id: parse_id(&input.organization_id, "organizationId")?,
            signed_on: input.signed_on.0,
            signatory: input.signatory,
        };
        guard::require(
            ctx,
            integrated_pai::cosign(s.db, s.caller, id, signature).await?,
        )
        .await
    }

    async fn record_consent(
        &self,
        ctx: &Context<'_>,
        input: RecordConsentInput,
    ) -> async_graphql::Result<IndividualProject> {
        let s = scope(ctx)?;
        let id = parse_id(&input.project_id, "projectId")?;
        let consent = AtVersion::new(id, input.expected_version).with(Consent {
            date: input.date.0,
            method: input.method.into(),
            witness: input.witness,
            family_cosignature: input.family_cosignature,
        });
        guard::require(
            ctx,
            projects::record_consent(s.db, s.caller, consent).await?,
        )
        .await
    }
}
