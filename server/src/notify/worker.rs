//! The outbox worker inside `ponte serve`: sends due reminders' rows to the
//! outbox and delivers pending emails, with retries and backoff; once a day
//! it also prunes the audit trail past its retention. Any number
//! of instances may run it at once; the lease (`notify::lease`) sends each
//! email from one of them only.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use entity::outbox_email;
use lettre::message::Mailbox;
use sea_orm::DatabaseConnection;
use tokio::sync::watch;
use url::Url;
use uuid::Uuid;

use crate::caller::Caller;
use crate::clock::Clock;
use crate::config::Config;
use crate::error::AppResult;
use crate::metrics::Metrics;
use crate::notify::lease::{mark_retry_wait, LeaseTerms};
use crate::notify::mailer::Mailer;
use crate::notify::outbox;
use crate::services::{audit_trail, reminder_sweep};

pub struct Worker {
    pub id: String,
    db: DatabaseConnection,
    mailer: Arc<Mailer>,
    from: Mailbox,
    public_url: Url,
    max_attempts: u32,
    retry_base: Duration,
    lease: LeaseTerms,
    batch: u64,
    /// Due dates, leases and backoff are decided on this clock; the polling
    /// interval and the send deadline are tokio timers on real time.
    clock: Clock,
    /// Rounds `run` has finished.
    rounds: watch::Sender<u64>,
    audit_retention_months: u32,
    /// The day this worker last pruned the audit trail: once a day is enough.
    pruned_on: Mutex<Option<NaiveDate>>,
}

/// The rounds a running worker has finished, for whoever needs to know that
/// it has caught up (a test, instead of sleeping "long enough").
#[derive(Clone, Debug)]
pub struct Rounds(watch::Receiver<u64>);

impl Rounds {
    /// Waits for the end of a round that began after this call: a send the
    /// worker had in flight is over, and whatever was due at the call has
    /// been tried. False when the worker has stopped.
    pub async fn one_whole_round(&mut self) -> bool {
        let finished = *self.0.borrow_and_update();
        // The round under way at the call ends first; the next one began after.
        let target = finished.saturating_add(2);
        self.0.wait_for(|done| *done >= target).await.is_ok()
    }
}

impl Worker {
    pub fn new(db: DatabaseConnection, config: &Config, clock: Clock) -> Result<Worker, String> {
        let from: Mailbox = config
            .mail_from
            .parse()
            .map_err(|e| format!("PONTE_MAIL_FROM {:?}: {e}", config.mail_from))?;
        Ok(Worker {
            id: format!("worker-{}", Uuid::now_v7().simple()),
            db,
            mailer: Arc::new(Mailer::from_config(config)?),
            from,
            public_url: config.public_url.clone(),
            max_attempts: config.mail_max_attempts,
            retry_base: config.mail_retry_base,
            lease: LeaseTerms {
                lease: config.mail_lease,
                send_limit: config.mail_send_limit,
            },
            batch: 50,
            clock,
            rounds: watch::Sender::new(0),
            audit_retention_months: config.audit_retention_months,
            pruned_on: Mutex::new(None),
        })
    }

    pub fn rounds(&self) -> Rounds {
        Rounds(self.rounds.subscribe())
    }

    /// One round: queue due reminders, then deliver what is due. Returns the
    /// number of emails sent.
    pub async fn run_once(&self) -> AppResult<usize> {
        let caller = Caller {
            request_id: Some(self.id.clone()),
            clock: self.clock.clone(),
            ..Caller::default()
        };
        self.prune_audit_once_a_day(&caller).await?;
        reminder_sweep::queue_due_reminders(&self.db, &caller, &self.public_url).await?;
        let mut sent = 0;
        loop {
            let claim = outbox::claim(
                &self.db,
                self.clock.now(),
                &self.id,
                &self.lease,
                self.batch,
            )
            .await?;
            if claim.emails.is_empty() {
                break;
            }
            for email in &claim.emails {
                if self.deliver(email, claim.token).await? {
                    sent += 1;
                }
            }
        }
        Ok(sent)
    }

    /// Removes the audit events past their retention on the first round of
    /// each day (by the clock). Several instances may prune on the same day:
    /// the second finds nothing left to remove.
    async fn prune_audit_once_a_day(&self, caller: &Caller) -> AppResult<()> {
        let today = self.clock.today();
        let due = self
            .pruned_on
            .lock()
            .map(|pruned_on| *pruned_on != Some(today))
            .unwrap_or(true);
        if !due {
            return Ok(());
        }
        let removed =
            audit_trail::prune_expired(&self.db, caller, self.audit_retention_months).await?;
        if removed > 0 {
            tracing::info!(removed, worker = %self.id, "audit events past their retention removed");
        }
        if let Ok(mut pruned_on) = self.pruned_on.lock() {
            *pruned_on = Some(today);
        }
        Ok(())
    }

    /// Sends one claimed email if the claim `token` still holds it, and
    /// records the outcome. True when the SMTP server accepted it.
    async fn deliver(&self, email: &outbox_email::Model, token: Uuid) -> AppResult<bool> {
        let started = tokio::time::Instant::now();
        let lease_ends = self.lease.send_ends(self.clock.now());
        let Some(email) = outbox::begin_send(&self.db, email, token, lease_ends).await? else {
            tracing::debug!(email = %email.id, worker = %self.id, "taken over by another worker after the lease ended: not sent from here");
            return Ok(false);
        };
        match self
            .mailer
            .send(&self.from, &email, started + self.lease.send_limit)
            .await
        {
            Ok(()) => {
                self.record_sent(email.id, token, lease_ends).await?;
                Ok(true)
            }
            Err(failure) => {
                tracing::warn!(email = %email.id, attempts = email.attempts, permanent = failure.permanent, detail = %failure.detail, "email not delivered");
                outbox::mark_failed(
                    &self.db,
                    self.clock.now(),
                    &email,
                    token,
                    &failure,
                    self.max_attempts,
                    self.retry_base,
                )
                .await?;
                Ok(false)
            }
        }
    }

    /// Marks a sent email, trying again while its lease holds: an email left
    /// SENDING would be sent again once the lease ended.
    async fn record_sent(&self, id: Uuid, token: Uuid, lease_ends: DateTime<Utc>) -> AppResult<()> {
        let mut tries = 0;
        loop {
            match outbox::mark_sent(&self.db, self.clock.now(), id, token).await {
                Ok(true) => return Ok(()),
                Ok(false) => {
                    tracing::error!(email = %id, worker = %self.id, "sent, but taken over before it was recorded: it may go out twice");
                    return Ok(());
                }
                Err(err) => match mark_retry_wait(tries, self.clock.now(), lease_ends) {
                    Some(wait) => {
                        tracing::warn!(email = %id, error = ?err, "sent, but not recorded yet: trying again");
                        tokio::time::sleep(wait).await;
                        tries = tries.saturating_add(1);
                    }
                    None => return Err(err),
                },
            }
        }
    }

    /// Runs until the task is aborted; errors are logged and retried next
    /// round. Each finished round is counted in `metrics`.
    pub async fn run(self, interval: Duration, metrics: Metrics) {
        loop {
            if let Err(err) = self.run_once().await {
                tracing::error!(worker = %self.id, error = ?err, "outbox round failed");
            }
            self.rounds
                .send_modify(|done| *done = done.saturating_add(1));
            metrics.outbox_round();
            tokio::time::sleep(interval).await;
        }
    }
}
