//! The expiry reminders of the agreements register, queued by the outbox
//! worker: 60 and then 15 days before an agreement in force ends, an in-app
//! notification and an email to each party's contact (for a party with no
//! contact, to the users who manage agreements over it).

use std::collections::HashSet;

use chrono::Days;
use entity::{network_agreement, network_agreement_party, network_agreement_reminder, user};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use url::Url;
use uuid::Uuid;

use crate::caller::Caller;
use crate::domain::network_agreements::{reminder_due, reminder_horizon};
use crate::domain::vocabulary::{NetworkAgreementStatus, Role};
use crate::error::AppResult;
use crate::notify::outbox;
use crate::notify::templates::Event;
use crate::services::network_agreements::in_status;
use crate::services::territory::{territory_ids, within_territories};

/// For every agreement in force whose end is within the widest threshold,
/// the reminder due today (`network_agreements::reminder_due`) is queued
/// once: the row of `network_agreement_reminders`, unique by agreement,
/// threshold and end of validity, is written by an `INSERT … ON CONFLICT DO
/// NOTHING` in the transaction of the notifications, so of two workers (or
/// two ticks) one writes it and sends, the other finds it there and sends
/// nothing. A changed end of validity is a new key: new reminders. The
/// caller is the outbox worker.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn queue_due_reminders(
    db: &DatabaseConnection,
    caller: &Caller,
    public_url: &Url,
) -> AppResult<usize> {
    let today = caller.today();
    let horizon = today
        .checked_add_days(Days::new(reminder_horizon().unsigned_abs()))
        .unwrap_or(today);
    let ending = network_agreement::Entity::find()
        .filter(in_status(NetworkAgreementStatus::InForce, today))
        .filter(network_agreement::Column::ValidUntil.lte(horizon))
        .all(db)
        .await?;
    let mut queued = 0;
    for agreement in ending {
        let Some(valid_until) = agreement.valid_until else {
            continue;
        };
        let Some(threshold) = reminder_due(valid_until, today) else {
            continue;
        };
        let txn = db.begin().await?;
        let taken =
            network_agreement_reminder::Entity::insert(network_agreement_reminder::ActiveModel {
                id: Set(Uuid::now_v7()),
                agreement_id: Set(agreement.id),
                threshold_days: Set(i32::try_from(threshold).unwrap_or(i32::MAX)),
                valid_until: Set(valid_until),
                queued_at: Set(caller.now()),
            })
            .on_conflict(
                OnConflict::columns([
                    network_agreement_reminder::Column::AgreementId,
                    network_agreement_reminder::Column::ThresholdDays,
                    network_agreement_reminder::Column::ValidUntil,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(&txn)
            .await?;
        if taken == 1 {
            let recipients = recipients(&txn, agreement.id).await?;
            let event = Event::AgreementExpiring {
                title: agreement.title.clone(),
                valid_until,
            };
            outbox::notify_at(
                &txn,
                caller,
                public_url,
                &recipients,
                &event,
                &outbox::agreement_path(agreement.id),
                None,
            )
            .await?;
            queued += 1;
        }
        txn.commit().await?;
    }
    Ok(queued)
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
