//! The outbox worker inside `ponte serve`: sends due reminders' rows to the
//! outbox and delivers pending emails, with retries and backoff. Any number
//! of instances may run it at once.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use sea_orm::DatabaseConnection;
use url::Url;
use uuid::Uuid;

use crate::config::Config;
use crate::error::AppResult;
use crate::notify::mailer::Mailer;
use crate::notify::outbox;
use crate::services::discharges;

pub struct Worker {
    pub id: String,
    db: DatabaseConnection,
    mailer: Arc<Mailer>,
    from: Mailbox,
    public_url: Url,
    max_attempts: u32,
    retry_base: Duration,
    batch: u64,
}

impl Worker {
    pub fn new(db: DatabaseConnection, config: &Config) -> Result<Worker, String> {
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
            batch: 50,
        })
    }

    /// One round: queue due reminders, then deliver what is due. Returns the
    /// number of emails sent.
    pub async fn run_once(&self) -> AppResult<usize> {
        discharges::queue_due_reminders(&self.db, &self.public_url).await?;
        let mut sent = 0;
        loop {
            let claimed = outbox::claim(&self.db, &self.id, self.batch).await?;
            if claimed.is_empty() {
                break;
            }
            for email in &claimed {
                match self.mailer.send(&self.from, email).await {
                    Ok(()) => {
                        outbox::mark_sent(&self.db, email.id, &self.id).await?;
                        sent += 1;
                    }
                    Err(failure) => {
                        tracing::warn!(email = %email.id, attempts = email.attempts, permanent = failure.permanent, detail = %failure.detail, "email not delivered");
                        outbox::mark_failed(
                            &self.db,
                            email,
                            &self.id,
                            &failure.detail,
                            failure.permanent,
                            self.max_attempts,
                            self.retry_base,
                        )
                        .await?;
                    }
                }
            }
        }
        Ok(sent)
    }

    /// Runs until the task is aborted; errors are logged and retried next round.
    pub async fn run(self, interval: Duration) {
        loop {
            if let Err(err) = self.run_once().await {
                tracing::error!(worker = %self.id, error = ?err, "outbox round failed");
            }
            tokio::time::sleep(interval).await;
        }
    }
}
