//! The expiry reminders of the agreements register, queued by the outbox
//! worker: 60 and then 15 days before an agreement in force ends, an in-app
//! notification and an email to each party's contact (for a party with no
//! contact, to the users who manage agreements over it).

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use entity::{network_agreement, network_agreement_party, network_agreement_reminder, user};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, Set,
};
use uuid::Uuid;

use crate::domain::network_agreements::{reminder_due, reminder_horizon};
use crate::domain::vocabulary::{NetworkAgreementStatus, Role};
use crate::error::AppResult;
use crate::notify::outbox;
use crate::notify::templates::Event;
use crate::services::network_agreements::in_status;
use crate::services::reminder_sweep::{claim_once, queue_each, DueReminder, Round};
use crate::services::territory::{territory_ids, within_territories};

/// For every agreement in force whose end is within the widest threshold,
/// the reminder due today (`network_agreements::reminder_due`) is queued
/// once: the row of `network_agreement_reminders`, unique by agreement,
/// threshold and end of validity, is the mark `reminder_sweep` claims. A
/// changed end of validity is a new key: new reminders.
pub(crate) async fn queue_due(db: &DatabaseConnection, round: Round<'_>) -> AppResult<usize> {
    let today = round.caller.today();
    let horizon = today
        .checked_add_days(Days::new(reminder_horizon().unsigned_abs()))
        .unwrap_or(today);
    let ending = network_agreement::Entity::find()
        .filter(in_status(NetworkAgreementStatus::InForce, today))
        .filter(network_agreement::Column::ValidUntil.lte(horizon))
        .all(db)
        .await?;
    let due = ending
        .into_iter()
        .filter_map(|agreement| {
            let valid_until = agreement.valid_until?;
            let threshold = reminder_due(valid_until, today)?;
            Some(Expiring {
                agreement,
                valid_until,
                threshold,
            })
        })
        .collect();
    queue_each(db, round, due).await
}

/// An agreement whose reminder at `threshold` days before `valid_until` is due.
struct Expiring {
    agreement: network_agreement::Model,
    valid_until: NaiveDate,
    threshold: i64,
}

impl DueReminder for Expiring {
    async fn queue(self, txn: &DatabaseTransaction, round: &Round<'_>) -> AppResult<bool> {
        let Expiring {
            agreement,
            valid_until,
            threshold,
        } = self;
        let mark = network_agreement_reminder::ActiveModel {
            id: Set(Uuid::now_v7()),
            agreement_id: Set(agreement.id),
            threshold_days: Set(i32::try_from(threshold).unwrap_or(i32::MAX)),
            valid_until: Set(valid_until),
            queued_at: Set(round.caller.now()),
        };
        let key = [
            network_agreement_reminder::Column::AgreementId,
            network_agreement_reminder::Column::ThresholdDays,
            network_agreement_reminder::Column::ValidUntil,
        ];
        if !claim_once(txn, mark, key).await? {
            return Ok(false);
        }
        let recipients = recipients(txn, agreement.id).await?;
        let event = Event::AgreementExpiring {
            title: agreement.title,
            valid_until,
        };
        outbox::notify_at(
            txn,
            round.caller,
            round.public_url,
            &recipients,
            &event,
            &outbox::agreement_path(agreement.id),
            None,
        )
        .await?;
        Ok(true)
    }
}

/// Each party's contact; for a party with none, the REPORTERs who manage
/// agreements over its organization.
async fn recipients(
    conn: &impl ConnectionTrait,
    agreement_id: Uuid,
) -> AppResult<Vec<user::Model>> {
    let parties = network_agreement_party::Entity::find()
        .filter(network_agreement_party::Column::AgreementId.eq(agreement_id))
        .all(conn)
        .await?;
    let mut ids: HashSet<Uuid> = parties.iter().filter_map(|p| p.contact_user_id).collect();
    let uncontacted: Vec<Uuid> = parties
        .iter()
        .filter(|p| p.contact_user_id.is_none())
        .map(|p| p.organization_id)
        .collect();
    if !uncontacted.is_empty() {
        let managers = user::Entity::find()
            .filter(user::Column::Role.eq(Role::Reporter.as_str()))
            .filter(user::Column::ManagesAgreements.eq(true))
            .filter(user::Column::Active.eq(true))
            .all(conn)
            .await?;
        for manager in managers {
            let roots = territory_ids(conn, manager.id).await?;
            let territory = within_territories(conn, &roots).await?;
            if uncontacted.iter().any(|o| territory.contains(o)) {
                ids.insert(manager.id);
            }
        }
    }
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(conn)
        .await?)
}
