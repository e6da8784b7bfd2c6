//! How the outbox worker's reminders are queued once each, whatever their
//! kind (the agenda's, a discharge's, an agreement's): every due reminder in
//! its own transaction, which first claims the reminder's mark and queues
//! its notifications only when it got the mark. Of two workers (or two
//! rounds) one claims it and notifies; the other finds it taken and sends
//! nothing.

use std::future::Future;

use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    IntoActiveModel, TransactionTrait,
};
use url::Url;

use crate::caller::Caller;
use crate::error::AppResult;
use crate::services::{agenda_reminders, discharge_reminders, network_agreement_reminders};

/// Queues the reminders of every kind that are due (a discharge's plan, an
/// agreement's end, tomorrow's agenda), each once; returns how many this
/// worker queued. The caller is the outbox worker.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn queue_due_reminders(
    db: &DatabaseConnection,
    caller: &Caller,
    public_url: &Url,
) -> AppResult<usize> {
    let round = Round { caller, public_url };
    Ok(discharge_reminders::queue_due(db, round).await?
        + network_agreement_reminders::queue_due(db, round).await?
        + agenda_reminders::queue_due(db, round).await?)
}

/// The outbox worker's round that queues the reminders: its caller, and
/// the address the reminders' links point to.
#[derive(Clone, Copy)]
pub(crate) struct Round<'a> {
    pub caller: &'a Caller,
    pub public_url: &'a Url,
}

/// A reminder found due, to be queued once.
pub(crate) trait DueReminder {
    /// Claims the reminder's mark in `txn` and, when the claim is this
    /// worker's, queues its notifications there; answers whether it did.
    fn queue(
        self,
        txn: &DatabaseTransaction,
        round: &Round<'_>,
    ) -> impl Future<Output = AppResult<bool>> + Send;
}

/// Queues each of `due` in its own transaction; returns how many this
/// worker queued.
pub(crate) async fn queue_each<R: DueReminder>(
    db: &DatabaseConnection,
    round: Round<'_>,
    due: Vec<R>,
) -> AppResult<usize> {
    let mut queued = 0;
    for reminder in due {
        let txn = db.begin().await?;
        if reminder.queue(&txn, &round).await? {
            queued += 1;
        }
        txn.commit().await?;
    }
    Ok(queued)
}

/// Inserts `mark` unless a row with the same `key` columns is already
/// there (`INSERT … ON CONFLICT DO NOTHING`): true when this insert wrote
/// it, false when someone else had. A hospital's message, received once
/// however often it is sent, is claimed the same way.
pub(crate) async fn claim_once<A>(
    conn: &impl ConnectionTrait,
    mark: A,
    key: impl IntoIterator<Item = <A::Entity as EntityTrait>::Column>,
) -> AppResult<bool>
where
    A: ActiveModelTrait,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    let written = A::Entity::insert(mark)
        .on_conflict(OnConflict::columns(key).do_nothing().to_owned())
        .exec_without_returning(conn)
        .await?;
    Ok(written == 1)
}
