//! What the seeds' indicators over assessments and discharges are asked
//! for: a period, inclusive, and optionally one team. Both are read the
//! same way: who may read them, which period is right, which rows count.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Select};
use uuid::Uuid;

use crate::caller::Caller;
use crate::error::AppResult;
use crate::policy;

#[derive(Debug, Clone, Copy)]
pub struct TeamPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// None: every team the caller may read the indicators of.
    pub team_id: Option<Uuid>,
}

impl TeamPeriod {
    /// The caller may read the team's indicators (every team's for an
    /// ADMIN), and the period does not run backwards.
    pub(crate) async fn check(
        &self,
        conn: &impl ConnectionTrait,
        caller: &Caller,
    ) -> AppResult<()> {
        policy::require_indicator_access(conn, caller, self.team_id).await?;
        super::indicator_period(self.from, self.to)
    }

    /// The rows of `E` whose `date` falls in the period and, when a team
    /// is asked for, whose `team` is that team.
    pub(crate) fn rows<E: EntityTrait>(&self, date: E::Column, team: E::Column) -> Select<E> {
        let mut query = E::find()
            .filter(date.gte(self.from))
            .filter(date.lte(self.to));
        if let Some(team_id) = self.team_id {
            query = query.filter(team.eq(team_id));
        }
        query
    }
}
