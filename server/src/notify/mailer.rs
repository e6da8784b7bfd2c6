//! Sending an outbox email: SMTP when `PONTE_SMTP_URL` is set, otherwise an
//! `.eml` file under the data directory (the embedded default).

use std::path::PathBuf;
use std::time::Duration;

use entity::outbox_email;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::time::{timeout_at, Instant};

use crate::config::Config;

pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

/// Why a send failed; `permanent` (a 5xx answer, an impossible address)
/// means retrying cannot help.
#[derive(Debug)]
pub struct SendFailure {
    pub permanent: bool,
    pub detail: String,
}

impl Mailer {
    pub fn from_config(config: &Config) -> Result<Mailer, String> {
        match &config.smtp_url {
            Some(url) => {
                // A send cut off at its deadline leaves its connection in
                // the middle of a conversation: never pool connections, so
                // none is reused out of step. Each email has its own.
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| format!("PONTE_SMTP_URL: {e}"))?
                    .timeout(Some(Duration::from_secs(20)))
                    .pool_config(PoolConfig::new().max_size(0))
                    .build();
                Ok(Mailer::Smtp(transport))
            }
            None => {
                let dir = config.data_dir.join("mail");
                std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                Ok(Mailer::Files(
                    AsyncFileTransport::<Tokio1Executor>::new(&dir),
                    dir,
                ))
            }
        }
    }

    /// Sends `email`, giving up at `deadline`, the end of the send limit
    /// (`PONTE_MAIL_SEND_SECONDS`, which the outbox lease reaches past, see
    /// `notify::lease`): the send then counts as failed for now, and is
    /// tried again later. A stalled SMTP server holds the worker no longer.
    pub async fn send(
        &self,
        from: &Mailbox,
        email: &outbox_email::Model,
        deadline: Instant,
    ) -> Result<(), SendFailure> {
        timeout_at(deadline, self.send_now(from, email))
            .await
            .unwrap_or_else(|_| {
                Err(SendFailure {
                    permanent: false,
                    detail: "no answer within the send limit (PONTE_MAIL_SEND_SECONDS)".into(),
                })
            })
    }

    async fn send_now(
        &self,
        from: &Mailbox,
        email: &outbox_email::Model,
    ) -> Result<(), SendFailure> {
        let to: Mailbox = email.recipient.parse().map_err(|e| SendFailure {
            permanent: true,
            detail: format!("address {:?}: {e}", email.recipient),
        })?;
        let message = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(email.subject.clone())
            .multipart(MultiPart::alternative_plain_html(
                email.body_text.clone(),
                email.body_html.clone(),
            ))
            .map_err(|e| SendFailure {
                permanent: true,
                detail: format!("building the message: {e}"),
            })?;
        match self {
            Mailer::Smtp(transport) => {
                transport
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| SendFailure {
                        permanent: e.is_permanent(),
                        detail: e.to_string(),
                    })
            }
            Mailer::Files(transport, dir) => {
                let id = transport.send(message).await.map_err(|e| SendFailure {
                    permanent: false,
                    detail: e.to_string(),
                })?;
                tracing::info!(file = %dir.join(format!("{id}.eml")).display(), "email written to a file (no PONTE_SMTP_URL)");
                Ok(())
            }
        }
    }
}
