//! The protected discharges' indicators (seed 001 §6–7): destinations, the
//! wait from clinically dischargeable to discharged, and the share of those
//! sent home with services who have a SAD project.

use entity::{discharge, project, project_intervention};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::caller::Caller;
use crate::domain::discharge_workflow;
use crate::domain::vocabulary::{DischargeStatus, ServiceKind};
use crate::error::AppResult;
use crate::services::team_period::TeamPeriod;

/// Seed 001 §6–7 over discharges completed in `from..=to`.
#[derive(Debug, Clone, PartialEq)]
pub struct DischargeIndicators {
    pub by_destination: Vec<(String, usize)>,
    pub home_average_days: Option<f64>,
    pub home_median_days: Option<f64>,
    pub residential_average_days: Option<f64>,
    pub residential_median_days: Option<f64>,
    pub needing_sad: usize,
    pub with_sad_project: usize,
    pub sad_share: Option<f64>,
}

/// Discharges home with SAD (alone, with ADI, or the legacy "home with
/// services") need SAD; they count as served when the
/// person has a project with a SAD intervention.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), team_id = ?asked.team_id))]
pub async fn indicators(
    db: &DatabaseConnection,
    caller: &Caller,
    asked: TeamPeriod,
) -> AppResult<DischargeIndicators> {
    asked.check(db, caller).await?;
    let done = asked
        .rows::<discharge::Entity>(
            discharge::Column::DischargedOn,
            discharge::Column::ReceivingTeamId,
        )
        .filter(discharge::Column::Status.eq(DischargeStatus::Discharged.as_str()))
        .all(db)
        .await?;
    let mut by_destination = std::collections::BTreeMap::<String, usize>::new();
    let mut home = Vec::new();
    let mut residential = Vec::new();
    let mut needing_sad = Vec::new();
    for d in &done {
        let destination = d.destination;
        *by_destination
            .entry(
                destination
                    .map(|d| d.as_str().to_owned())
                    .unwrap_or_default(),
            )
            .or_default() += 1;
        if let (Some(destination), Some(ready), Some(left)) =
            (destination, d.dischargeable_on, d.discharged_on)
        {
            let days = (left - ready).num_days();
            if destination.is_home() {
                home.push(days);
            } else if destination.is_residential() {
                residential.push(days);
            }
        }
        if destination.is_some_and(|d| d.needs_sad()) {
            needing_sad.push(d.person_id);
        }
    }
    let with_sad: std::collections::HashSet<Uuid> = project::Entity::find()
        .filter(project::Column::PersonId.is_in(needing_sad.clone()))
        .filter(
            project::Column::Id.in_subquery(
                Query::select()
                    .column(project_intervention::Column::ProjectId)
                    .from(project_intervention::Entity)
                    .and_where(
                        Expr::col(project_intervention::Column::ServiceKind)
                            .eq(ServiceKind::Sad.as_str()),
                    )
                    .to_owned(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.person_id)
        .collect();
    let with_sad_project = needing_sad.iter().filter(|p| with_sad.contains(p)).count();
    Ok(DischargeIndicators {
        by_destination: by_destination.into_iter().collect(),
        home_average_days: discharge_workflow::average_days(&home),
        home_median_days: discharge_workflow::median_days(&home),
        residential_average_days: discharge_workflow::average_days(&residential),
        residential_median_days: discharge_workflow::median_days(&residential),
        needing_sad: needing_sad.len(),
        with_sad_project,
        sad_share: (!needing_sad.is_empty())
            .then(|| with_sad_project as f64 / needing_sad.len() as f64),
    })
}
