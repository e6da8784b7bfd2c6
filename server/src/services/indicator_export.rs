//! The indicators as a file to take away (issue 14.5): the same figures as
//! the `indicators` query, through the same service (one rule, one audit
//! event, which names the format), with the names a spreadsheet needs to
//! say what it holds. The files themselves are written by
//! `services::indicator_files`.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{organization, team, user};
use sea_orm::DatabaseConnection;

use crate::caller::Caller;
use crate::domain::vocabulary::IndicatorBreakdown;
use crate::error::AppResult;
use crate::services::indicators::{self, IndicatorRequest, IndicatorResult};
use crate::services::rows::find_optional;

/// What was asked for, by whom and when: the file's "Filtri" sheet.
#[derive(Debug, Clone)]
pub struct Filters {
    /// The territory's name, when one was asked for.
    pub territory: Option<String>,
    /// The team's name, when one was asked for.
    pub team: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub breakdown: IndicatorBreakdown,
    pub generated_at: DateTime<Utc>,
    /// The display name of the user who downloaded the file.
    pub generated_by: String,
    /// A suppressed figure is written `< threshold`.
    pub threshold: u64,
}

#[derive(Debug, Clone)]
pub struct Export {
    pub results: Vec<IndicatorResult>,
    pub filters: Filters,
}

/// The indicators of `request` with the names of its territory, team and
/// caller. The indicators service authorizes and audits; the names are read
/// only once it has said yes.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn export_indicators(
    db: &DatabaseConnection,
    caller: &Caller,
    suppression_threshold: u64,
    request: IndicatorRequest,
) -> AppResult<Export> {
    let (territory_id, team_id) = (request.territory_id, request.team_id);
    let (from, to, breakdown) = (request.from, request.to, request.breakdown);
    let results = indicators::indicators(db, caller, suppression_threshold, request).await?;
    let viewer = caller.viewer()?;
    let territory = match territory_id {
        Some(id) => find_optional::<organization::Entity>(db, id)
            .await?
            .map(|o| o.name),
        None => None,
    };
    let team = match team_id {
        Some(id) => find_optional::<team::Entity>(db, id).await?.map(|t| t.name),
        None => None,
    };
    let generated_by = find_optional::<user::Entity>(db, viewer.user_id)
        .await?
        .map(|u| u.display_name)
        .unwrap_or_default();
    Ok(Export {
        results,
        filters: Filters {
            territory,
            team,
            from,
            to,
            breakdown,
            generated_at: caller.now(),
            generated_by,
            threshold: suppression_threshold,
        },
    })
}
