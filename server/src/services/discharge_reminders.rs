//! The day-before reminder of a protected discharge whose plan is not agreed
//! yet, queued by the outbox worker.

use chrono::{Days, NaiveDate};
use entity::discharge;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DatabaseTransaction, EntityTrait, QueryFilter,
};

use crate::domain::vocabulary::DischargeStatus;
use crate::error::AppResult;
use crate::notify::outbox;
use crate::notify::templates::Event;
use crate::services::discharges;
use crate::services::reminder_sweep::{queue_each, DueReminder, Round};

/// Not reminded yet, with no agreed plan, expected today or tomorrow.
fn reminder_due(today: NaiveDate) -> Condition {
    let tomorrow = today.checked_add_days(Days::new(1)).unwrap_or(today);
    Condition::all()
        .add(discharge::Column::ReminderSent.eq(false))
        .add(discharge::Column::Status.is_in([
            DischargeStatus::Reported.as_str(),
            DischargeStatus::AssessmentScheduled.as_str(),
        ]))
        .add(discharge::Column::ExpectedDischargeOn.lte(tomorrow))
        .add(discharge::Column::ExpectedDischargeOn.gte(today))
}

/// The day before the expected date, a discharge with no agreed plan reminds
/// the team, once. The flag is set by an update that checks again that the
/// reminder is due, so two workers never send the same reminder and a plan
/// agreed (or a date moved) since the list was read sends none.
pub(crate) async fn queue_due(db: &DatabaseConnection, round: Round<'_>) -> AppResult<usize> {
    // One reading of the clock: both ends of the window on the same day.
    let today = round.caller.today();
    let due = discharge::Entity::find()
        .filter(reminder_due(today))
        .all(db)
        .await?;
    let due = due
        .into_iter()
        .map(|listed| PlanMissing { listed, today })
        .collect();
    queue_each(db, round, due).await
}

/// A discharge listed as due for its reminder on `today`.
struct PlanMissing {
    listed: discharge::Model,
    today: NaiveDate,
}

impl DueReminder for PlanMissing {
    async fn queue(self, txn: &DatabaseTransaction, round: &Round<'_>) -> AppResult<bool> {
        // The mark is the flag, set only while the reminder is still due.
        let taken = discharge::Entity::update_many()
            .col_expr(discharge::Column::ReminderSent, Expr::value(true))
            .filter(discharge::Column::Id.eq(self.listed.id))
            .filter(reminder_due(self.today))
            .exec(txn)
            .await?;
        if taken.rows_affected != 1 {
            return Ok(false);
        }
        let found = discharges::load(txn, self.listed.id).await?;
        let recipients = discharges::team_members(txn, found.receiving_team_id).await?;
        let event = Event::PlanMissingReminder {
            initials: discharges::initials_of(txn, found.person_id).await?,
            expected_on: found.expected_discharge_on,
        };
        let discharge_id = Some(found.id);
        outbox::notify(
            txn,
            round.caller,
            round.public_url,
            &recipients,
            &event,
            discharge_id,
        )
        .await?;
        Ok(true)
    }
}
