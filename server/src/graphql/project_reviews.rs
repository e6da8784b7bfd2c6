//! Following an individual project up in GraphQL, mirroring
//! `services::project_reviews`: reviews and life-area scores, their inputs
//! and mutations. The project lists them in its `reviews` and
//! `lifeAreaScores`.

use std::collections::HashMap;

use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use entity::{life_area_score, project_review, user};

use crate::domain;
use crate::graphql::context::scope;
use crate::graphql::guard;
use crate::graphql::ids::{parse_id, parse_ids};
use crate::graphql::loaders;
use crate::graphql::projects::IndividualProject;
use crate::graphql::scalars::Date;
use crate::graphql::users::{self, User};
use crate::graphql::vocabulary::{LifeArea, Rater};
use crate::services::project_reviews::{self, AreaScore, ReviewDraft};

#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Review {
    pub id: ID,
    pub date: Date,
    pub notes: Option<String>,
    pub decisions: Option<String>,
    #[graphql(skip)]
    pub participant_ids: Vec<uuid::Uuid>,
    #[graphql(skip)]
    pub recorded_by_id: uuid::Uuid,
}

#[ComplexObject]
impl Review {
    async fn participants(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<User>> {
        Ok(loaders::each_of::<user::Entity>(ctx, &self.participant_ids)
            .await?
            .into_iter()
            .map(User::from)
            .collect())
    }

    async fn recorded_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, Some(self.recorded_by_id)).await
    }
}

#[derive(SimpleObject)]
pub struct LifeAreaScorePoint {
    pub date: Date,
    pub rater: Rater,
    pub score: i32,
    pub note: Option<String>,
}

/// One life area from baseline (the first score) to now.
#[derive(SimpleObject)]
pub struct LifeAreaTrajectory {
    pub life_area: LifeArea,
    pub points: Vec<LifeAreaScorePoint>,
}

impl From<project_review::Model> for Review {
    fn from(r: project_review::Model) -> Self {
        Review {
            id: ID(r.id.to_string()),
            date: Date(r.reviewed_on),
            notes: r.notes,
            decisions: r.decisions,
            participant_ids: serde_json::from_str(&r.participants).unwrap_or_default(),
            recorded_by_id: r.recorded_by,
        }
    }
}

/// Every life area, in the vocabulary's order, with its scores from the
/// baseline on (an area without scores has no points).
pub fn trajectories(rows: Vec<life_area_score::Model>) -> Vec<LifeAreaTrajectory> {
    let mut by_area: HashMap<domain::vocabulary::LifeArea, Vec<LifeAreaScorePoint>> =
        HashMap::new();
    for s in rows {
        by_area
            .entry(s.life_area)
            .or_default()
            .push(LifeAreaScorePoint {
                date: Date(s.scored_on),
                rater: s.rater.into(),
                score: s.score,
                note: s.note,
            });
    }
    domain::vocabulary::LifeArea::ALL
        .iter()
        .map(|area| LifeAreaTrajectory {
            life_area: (*area).into(),
            points: by_area.remove(area).unwrap_or_default(),
        })
        .collect()
}

#[derive(InputObject)]
pub struct RecordReviewInput {
    pub project_id: ID,
    pub date: Date,
    pub participant_ids: Vec<ID>,
    pub notes: Option<String>,
    pub decisions: Option<String>,
}

#[derive(InputObject)]
pub struct LifeAreaScoreInput {
    pub life_area: LifeArea,
    pub score: i32,
    pub note: Option<String>,
}

#[derive(InputObject)]
pub struct RecordLifeAreaScoresInput {
    pub project_id: ID,
    pub date: Date,
    pub rater: Rater,
    pub scores: Vec<LifeAreaScoreInput>,
}

#[derive(Default)]
pub struct ProjectReviewsMutation;

#[Object]
impl ProjectReviewsMutation {
    /// Records a periodic review; a project in REVIEW goes back to ACTIVE and
    /// the next review follows the cadence from this one.
    async fn record_review(
        &self,
        ctx: &Context<'_>,
        input: RecordReviewInput,
    ) -> async_graphql::Result<IndividualProject> {
        let s = scope(ctx)?;
        let id = parse_id(&input.project_id, "projectId")?;
        let participant_ids = parse_ids(&input.participant_ids, "participantIds")?;
        let draft = ReviewDraft {
            date: input.date.0,
            participant_ids,
            notes: input.notes,
            decisions: input.decisions,
        };
        guard::require(
            ctx,
            project_reviews::record_review(s.db, s.caller, id, draft).await?,
        )
        .await
    }

    /// Outcome per life area (1–5) at a date, by the person or the team.
    async fn record_life_area_scores(
        &self,
        ctx: &Context<'_>,
        input: RecordLifeAreaScoresInput,
    ) -> async_graphql::Result<IndividualProject> {
        let s = scope(ctx)?;
        let id = parse_id(&input.project_id, "projectId")?;
        let scores = input
            .scores
            .into_iter()
            .map(|s| AreaScore {
                life_area: s.life_area.into(),
                score: s.score,
                note: s.note,
            })
            .collect();
        guard::require(
            ctx,
            project_reviews::record_life_area_scores(
                s.db,
                s.caller,
                id,
                input.date.0,
                input.rater.into(),
                scores,
            )
            .await?,
        )
        .await
    }
}
