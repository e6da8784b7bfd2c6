use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{
    assessment, assessment_participant, assessment_result, assessment_social_domain, user,
};

use crate::domain::instruments;
use crate::domain::joint_assessment;
use crate::domain::vocabulary::DocumentSubject;
use crate::error::AppError;
use crate::graphql::context::scope;
use crate::graphql::cost;
use crate::graphql::documents::{self, Document};
use crate::graphql::guard::{self, CaseObject, Seen};
use crate::graphql::ids::{parse_id, parse_ids, parse_optional_id};
use crate::graphql::loaders;
use crate::graphql::organizations::{self, Organization};
use crate::graphql::pagination::{connection, page_request, PonteConnection};
use crate::graphql::persons::{self, Person};
use crate::graphql::scalars::Date;
use crate::graphql::teams::{self, Team};
use crate::graphql::users::{self, User};
use crate::graphql::vocabulary::{
    AssessmentReason, AssessmentSetting, AssessmentStatus, CareSetting, Education, Instrument,
    NeedLevel, Profession, SocialDomain,
};
use crate::services::assessments::{
    self, AssessmentContent, AssessmentFilter, AssessmentOf, InstrumentAnswers, SocialDomainLevel,
};
use crate::services::at_version::AtVersion;
use crate::services::team_period::TeamPeriod;

/// A band of an instrument's score, e.g. Barthel 21–60 "Dipendenza grave".
#[derive(SimpleObject, Clone)]
pub struct ScoreBand {
    pub code: String,
    pub label: String,
    pub min: i32,
    pub max: i32,
}

impl From<&instruments::Band> for ScoreBand {
    fn from(b: &instruments::Band) -> Self {
        ScoreBand {
            code: b.code.to_owned(),
            label: b.label_it.to_owned(),
            min: b.min,
            max: b.max,
        }
    }
}

#[derive(SimpleObject, Clone)]
pub struct AnswerOption {
    pub value: i32,
    pub label: String,
    pub points: i32,
}

#[derive(SimpleObject, Clone)]
pub struct InstrumentItem {
    pub code: String,
    pub label: String,
    pub options: Vec<AnswerOption>,
}

/// The instrument's correction for schooling: for a person with this
/// education the score moves by `scoreChange` (then stays within the scale).
#[derive(SimpleObject, Clone)]
pub struct EducationAdjustment {
    pub education: Education,
    pub score_change: i32,
}

/// Everything the SPA needs to render an instrument's form and to show the
/// score live; the score that counts is the server's.
#[derive(SimpleObject, Clone)]
pub struct InstrumentDefinition {
    pub code: Instrument,
    pub name: String,
    pub description: String,
    pub min_score: i32,
    pub max_score: i32,
    pub higher_is_better: bool,
    pub uses_education: bool,
    /// One per education level when `usesEducation`, empty otherwise: the
    /// score is the sum of the chosen options' points plus the adjustment
    /// for the person's education, kept within `minScore`–`maxScore`.
    pub education_adjustments: Vec<EducationAdjustment>,
    pub items: Vec<InstrumentItem>,
    pub bands: Vec<ScoreBand>,
}

impl InstrumentDefinition {
    fn from_registry(d: &instruments::InstrumentDefinition) -> Self {
        InstrumentDefinition {
            code: d.code.into(),
            name: d.name_it.to_owned(),
            description: d.description_it.to_owned(),
            min_score: d.min_score,
            max_score: d.max_score,
            higher_is_better: d.higher_is_better,
            uses_education: d.uses_education,
            education_adjustments: d
                .education_adjustments
                .iter()
                .map(|a| EducationAdjustment {
                    education: a.education.into(),
                    score_change: a.score_change,
                })
                .collect(),
            items: d
                .items
                .iter()
                .map(|item| InstrumentItem {
                    code: item.code.to_owned(),
                    label: item.label_it.to_owned(),
                    options: item
                        .options
                        .iter()
                        .map(|o| AnswerOption {
                            value: o.value,
                            label: o.label_it.to_owned(),
                            points: o.points,
                        })
                        .collect(),
                })
                .collect(),
            bands: d.bands.iter().map(ScoreBand::from).collect(),
        }
    }
}

#[derive(SimpleObject, Clone)]
pub struct ItemAnswer {
    pub item: String,
    pub value: i32,
}

#[derive(SimpleObject)]
pub struct InstrumentResult {
    pub instrument: Instrument,
    /// Computed by the server from the answers.
    pub score: i32,
    /// The errors as counted, before the schooling adjustment that `score`
    /// includes: SPMSQ only, and null for results recorded before it was kept.
    pub raw_errors: Option<i32>,
    pub band: Option<ScoreBand>,
    pub education: Option<Education>,
    pub answers: Vec<ItemAnswer>,
}

impl From<assessment_result::Model> for InstrumentResult {
    fn from(m: assessment_result::Model) -> Self {
        let band = instruments::definition(m.instrument)
            .bands
            .iter()
            .find(|b| b.code == m.band)
            .map(ScoreBand::from);
        let answers: Vec<ItemAnswer> = serde_json::from_str::<Vec<serde_json::Value>>(&m.answers)
            .unwrap_or_default()
            .iter()
            .filter_map(|a| {
                Some(ItemAnswer {
                    item: a["item"].as_str()?.to_owned(),
                    value: i32::try_from(a["value"].as_i64()?).ok()?,
                })
            })
            .collect();
        InstrumentResult {
            instrument: m.instrument.into(),
            score: m.score,
            raw_errors: m.raw_errors,
            band,
            education: m.education.map(Into::into),
            answers,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Participant {
    /// The profession on the day of the assessment, not today's.
    pub profession: Profession,
    #[graphql(skip)]
    pub user_id: uuid::Uuid,
    #[graphql(skip)]
    pub organization_id: Option<uuid::Uuid>,
}

#[ComplexObject]
impl Participant {
    async fn user(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        Ok(loaders::one::<user::Entity>(ctx, self.user_id)
            .await?
            .map(User::from))
    }

    /// The organization the participant worked for on the day of the
    /// assessment, not today's; null for participants recorded before it
    /// was kept whose user had none.
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        organizations::load(ctx, self.organization_id).await
    }
}

#[derive(SimpleObject)]
pub struct SocialDomainAssessment {
    pub domain: SocialDomain,
    /// 1 adequate, 2 partly adequate, 3 critical.
    pub level: i32,
    pub note: Option<String>,
}

#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct Assessment {
    pub id: ID,
    pub version: i32,
    pub date: Date,
    pub setting: AssessmentSetting,
    pub reason: AssessmentReason,
    pub need_level: NeedLevel,
    pub recommended_setting: CareSetting,
    pub notes: Option<String>,
    pub created_at: DateTime<Utc>,
    pub signed_at: Option<DateTime<Utc>>,
    /// This version corrects an earlier one.
    pub amended: bool,
    pub amendment_reason: Option<String>,
    pub project_id: Option<ID>,
    pub discharge_id: Option<ID>,
    #[graphql(skip)]
    pub row: assessment::Model,
    #[graphql(skip)]
    pub seen: Seen,
}

impl CaseObject for Assessment {
    type Row = assessment::Model;

    fn person_of(row: &assessment::Model) -> uuid::Uuid {
        row.person_id
    }

    fn reveal(m: assessment::Model, seen: Seen) -> Self {
        Assessment {
            seen,
            id: ID(m.id.to_string()),
            version: m.version,
            date: Date(m.assessed_on),
            setting: m.setting.into(),
            reason: m.reason.into(),
            need_level: m.need_level.into(),
            recommended_setting: m.recommended_setting.into(),
            notes: m.notes.clone(),
            created_at: m.created_at,
            signed_at: m.signed_at,
            amended: m.amends_id.is_some(),
            amendment_reason: m.amendment_reason.clone(),
            project_id: m.project_id.map(|id| ID(id.to_string())),
            discharge_id: m.discharge_id.map(|id| ID(id.to_string())),
            row: m,
        }
    }
}

#[ComplexObject]
impl Assessment {
    /// The documents attached to this assessment (the UVM minutes, say),
    /// not deleted, oldest first.
    async fn documents(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Document>> {
        documents::of_subject(ctx, DocumentSubject::Assessment, self.row.id).await
    }

    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        persons::load(ctx, self.row.person_id).await
    }

    async fn team(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Team>> {
        teams::load(ctx, self.row.team_id).await
    }

    async fn participants(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Participant>> {
        let rows = loaders::many::<assessment_participant::Entity>(ctx, self.row.id).await?;
        Ok(rows
            .into_iter()
            .map(|p| Participant {
                profession: p.profession.into(),
                user_id: p.user_id,
                organization_id: p.organization_id,
            })
            .collect())
    }

    /// Social and health participants together (an assistente sociale and
    /// a doctor or nurse): what a UVM must be to sign, and what the reports
    /// count as a joint assessment.
    async fn joint(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let rows = loaders::many::<assessment_participant::Entity>(ctx, self.row.id).await?;
        let professions: Vec<_> = rows.iter().map(|p| p.profession).collect();
        Ok(joint_assessment::is_joint(&professions))
    }

    async fn logged_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, Some(self.row.logged_by)).await
    }

    async fn signed_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, self.row.signed_by).await
    }

    async fn results(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<InstrumentResult>> {
        let rows = loaders::many::<assessment_result::Entity>(ctx, self.row.id).await?;
        Ok(rows.into_iter().map(InstrumentResult::from).collect())
    }

    async fn social_domains(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<SocialDomainAssessment>> {
        let rows = loaders::many::<assessment_social_domain::Entity>(ctx, self.row.id).await?;
        Ok(rows
            .into_iter()
            .map(|d| SocialDomainAssessment {
                domain: d.domain.into(),
                level: d.level,
                note: d.note,
            })
            .collect())
    }

    /// The version this one corrects.
    async fn amends(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Assessment>> {
        match self.row.amends_id {
            Some(id) => guard::one(ctx, loaders::one::<assessment::Entity>(ctx, id).await?).await,
            None => Ok(None),
        }
    }

    /// The later versions that correct this one, oldest first.
    async fn amendments(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Assessment>> {
        let mut chain: Vec<assessment::Model> = Vec::new();
        let mut current = self.row.id;
        // Bounded: a chain longer than this is not a correction history.
        for _ in 0..100 {
            let next = loaders::many::<assessment::Entity>(ctx, current).await?;
            let Some(next) = next.into_iter().next() else {
                break;
            };
            current = next.id;
            chain.push(next);
        }
        guard::all(ctx, chain).await
    }

    /// No amendment has replaced this version.
    async fn is_latest(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(loaders::many::<assessment::Entity>(ctx, self.row.id)
            .await?
            .is_empty())
    }
}

#[derive(SimpleObject)]
pub struct ScorePoint {
    pub date: Date,
    pub score: i32,
    pub band: String,
}

#[derive(SimpleObject)]
pub struct CountByName {
    pub name: String,
    pub count: i32,
}

/// Seed 001 §8: assessments, with the assistente sociale, persons assessed.
#[derive(SimpleObject)]
pub struct AssessmentIndicators {
    pub assessments: i32,
    pub with_social_worker: i32,
    /// Share of assessments with an assistente sociale among the participants.
    pub social_worker_share: Option<f64>,
    /// Assessments with social and health participants together.
    pub joint_assessments: i32,
    pub persons_assessed: i32,
    pub by_need_level: Vec<CountByName>,
    pub professions: Vec<CountByName>,
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[derive(InputObject)]
pub struct AnswerInput {
    pub item: String,
    pub value: i32,
}

#[derive(InputObject)]
pub struct InstrumentAnswersInput {
    pub instrument: Instrument,
    pub answers: Vec<AnswerInput>,
    /// SPMSQ only: schooling adjusts the error count.
    pub education: Option<Education>,
}

#[derive(InputObject)]
pub struct SocialDomainInput {
    pub domain: SocialDomain,
    pub level: i32,
    pub note: Option<String>,
}

/// The content of an assessment, shared by record, update and amend.
#[derive(InputObject)]
pub struct AssessmentContentInput {
    pub date: Date,
    pub setting: AssessmentSetting,
    pub reason: AssessmentReason,
    pub participant_ids: Vec<ID>,
    #[graphql(default)]
    pub instruments: Vec<InstrumentAnswersInput>,
    #[graphql(default)]
    pub social_domains: Vec<SocialDomainInput>,
    pub need_level: NeedLevel,
    pub recommended_setting: CareSetting,
    pub notes: Option<String>,
}

impl AssessmentContentInput {
    fn into_content(self) -> Result<AssessmentContent, AppError> {
        let participant_ids = parse_ids(&self.participant_ids, "participantIds")?;
        Ok(AssessmentContent {
            date: self.date.0,
            setting: self.setting.into(),
            reason: self.reason.into(),
            participant_ids,
            instruments: self
                .instruments
                .into_iter()
                .map(|i| InstrumentAnswers {
                    instrument: i.instrument.into(),
                    answers: i.answers.into_iter().map(|a| (a.item, a.value)).collect(),
                    education: i.education.map(Into::into),
                })
                .collect(),
            social_domains: self
                .social_domains
                .into_iter()
                .map(|d| SocialDomainLevel {
                    domain: d.domain.into(),
                    level: d.level,
                    note: d.note,
                })
                .collect(),
            need_level: self.need_level.into(),
            recommended_setting: self.recommended_setting.into(),
            notes: self.notes,
        })
    }
}

#[derive(InputObject)]
pub struct RecordAssessmentInput {
    pub person_id: ID,
    /// A UVM or an équipe multidisciplinare the logger belongs to.
    pub team_id: ID,
    /// The person's project this assessment informs.
    pub project_id: Option<ID>,
    /// The person's protected discharge this assessment prepares.
    pub discharge_id: Option<ID>,
    #[graphql(flatten)]
    pub content: AssessmentContentInput,
}

#[derive(InputObject)]
pub struct UpdateAssessmentInput {
    pub assessment_id: ID,
    pub expected_version: i32,
    #[graphql(flatten)]
    pub content: AssessmentContentInput,
}

impl UpdateAssessmentInput {
    fn parse(self) -> Result<AtVersion<AssessmentContent>, AppError> {
        let assessment_id = parse_id(&self.assessment_id, "assessmentId")?;
        Ok(AtVersion::new(assessment_id, self.expected_version).with(self.content.into_content()?))
    }
}

#[derive(InputObject)]
pub struct SignAssessmentInput {
    pub assessment_id: ID,
}

#[derive(InputObject)]
pub struct AmendAssessmentInput {
    /// The latest version of a signed assessment.
    pub assessment_id: ID,
    /// Why the signed version is being corrected.
    pub amendment_reason: String,
    #[graphql(flatten)]
    pub content: AssessmentContentInput,
}

#[derive(Default)]
pub struct AssessmentQuery;

#[Object]
impl AssessmentQuery {
    /// Need-to-know, like the person's record; audited.
    async fn assessment(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<Assessment>> {
        guard::lookup(ctx, &id, assessments::get_assessment).await
    }

    /// The current versions of the assessments of the persons the viewer is
    /// responsible for, newest first; `mine: true` keeps those the viewer
    /// took part in (with `status: DRAFT`, the drafts waiting for their
    /// signature). Audited.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn assessments(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        status: Option<AssessmentStatus>,
        #[graphql(default)] mine: bool,
    ) -> async_graphql::Result<PonteConnection<Assessment>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let filter = AssessmentFilter {
            status: status.map(Into::into),
            mine,
        };
        let found = assessments::list_assessments(s.db, s.caller, filter, page).await?;
        Ok(connection(guard::page(ctx, found).await?))
    }

    /// The instruments the server scores, with items, answers and bands.
    async fn instruments(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<InstrumentDefinition>> {
        let s = scope(ctx)?;
        s.caller.viewer()?;
        Ok(instruments::registry()
            .iter()
            .map(|d| InstrumentDefinition::from_registry(d))
            .collect())
    }

    /// ADMIN for every team; an operator for a team they belong to. Dates inclusive.
    async fn assessment_indicators(
        &self,
        ctx: &Context<'_>,
        from: Date,
        to: Date,
        team_id: Option<ID>,
    ) -> async_graphql::Result<AssessmentIndicators> {
        let s = scope(ctx)?;
        let asked = TeamPeriod {
            from: from.0,
            to: to.0,
            team_id: parse_optional_id(&team_id, "teamId")?,
        };
        let found = assessments::indicators(s.db, s.caller, asked).await?;
        let by_name = |list: Vec<(String, usize)>| {
            list.into_iter()
                .map(|(name, n)| CountByName {
                    name,
                    count: count(n),
                })
                .collect()
        };
        Ok(AssessmentIndicators {
            assessments: count(found.assessments),
            with_social_worker: count(found.with_social_worker),
            social_worker_share: found.social_worker_share,
            joint_assessments: count(found.joint),
            persons_assessed: count(found.persons),
            by_need_level: by_name(found.by_need_level),
            professions: by_name(found.professions),
        })
    }
}

#[derive(Default)]
pub struct AssessmentMutation;

#[Object]
impl AssessmentMutation {
    /// Scores every instrument on the server; makes the team responsible for the person.
    async fn record_assessment(
        &self,
        ctx: &Context<'_>,
        input: RecordAssessmentInput,
    ) -> async_graphql::Result<Assessment> {
        let s = scope(ctx)?;
        let subject = AssessmentOf {
            person_id: parse_id(&input.person_id, "personId")?,
            team_id: parse_id(&input.team_id, "teamId")?,
            project_id: parse_optional_id(&input.project_id, "projectId")?,
            discharge_id: parse_optional_id(&input.discharge_id, "dischargeId")?,
        };
        let content = input.content.into_content()?;
        guard::require(
            ctx,
            assessments::record_assessment(s.db, s.caller, subject, content).await?,
        )
        .await
    }

    /// Changes a draft; refused once signed.
    async fn update_assessment(
        &self,
        ctx: &Context<'_>,
        input: UpdateAssessmentInput,
    ) -> async_graphql::Result<Assessment> {
        let s = scope(ctx)?;
        let edited = assessments::update_assessment(s.db, s.caller, input.parse()?).await?;
        guard::require(ctx, edited).await
    }

    /// By a participant; the assessment is immutable afterwards.
    async fn sign_assessment(
        &self,
        ctx: &Context<'_>,
        input: SignAssessmentInput,
    ) -> async_graphql::Result<Assessment> {
        let s = scope(ctx)?;
        let id = parse_id(&input.assessment_id, "assessmentId")?;
        guard::require(ctx, assessments::sign_assessment(s.db, s.caller, id).await?).await
    }

    /// A new, signed version that corrects a signed one; both stay readable.
    async fn amend_assessment(
        &self,
        ctx: &Context<'_>,
        input: AmendAssessmentInput,
    ) -> async_graphql::Result<Assessment> {
        let s = scope(ctx)?;
        let id = parse_id(&input.assessment_id, "assessmentId")?;
        let content = input.content.into_content()?;
        guard::require(
            ctx,
            assessments::amend_assessment(s.db, s.caller, id, &input.amendment_reason, content)
                .await?,
        )
        .await
    }
}
