//! The transactional outbox: notification rows written with the change that
//! causes them, then claimed, sent and marked by the worker.
//!
//! Delivery is claim → begin send → send → mark, under a lease
//! (`notify::lease`). A claim takes due emails with a fresh random token and
//! an expiry; on PostgreSQL `FOR UPDATE SKIP LOCKED` keeps two claims apart,
//! on SQLite its single writer does. An email is claimed again only once its
//! lease has ended. Before each send one conditional update checks that the
//! claim's token is still on the row and extends the lease past the send; a
//! worker whose email was taken over skips it. The email is then marked sent
//! by that token, and a failed mark is retried while the lease holds. The one
//! case left where an email goes out twice: the SMTP server accepted it but
//! the worker could not record that before its lease ended (it crashed, lost
//! the server's answer or the database).

use chrono::{DateTime, Duration as ChronoDuration, Utc};
use entity::{notification, outbox_email, user};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter, Set,
    Statement,
};
use url::Url;
use uuid::Uuid;

use crate::caller::Caller;
use crate::domain::vocabulary::EmailStatus;
use crate::error::AppResult;
use crate::notify::lease::LeaseTerms;
use crate::notify::mailer::SendFailure;
use crate::notify::templates::{render, Event, Rendered};

/// The SPA path of a discharge, and its full address in emails.
pub fn discharge_path(discharge_id: Uuid) -> String {
    format!("/dimissioni/{discharge_id}")
}

fn absolute(public_url: &Url, path: &str) -> String {
    public_url
        .join(path.trim_start_matches('/'))
        .map(|u| u.to_string())
        .unwrap_or_else(|_| path.to_owned())
}

/// Writes, for every recipient, an in-app notification and an email in the
/// outbox. Call it inside the transaction of the change it reports. The
/// user whose act it reports is not told of it: they know, and a
/// notification of one's own act buries the others.
pub async fn notify(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    public_url: &Url,
    recipients: &[user::Model],
    event: &Event,
    discharge_id: Option<Uuid>,
) -> AppResult<()> {
    let path = discharge_id
        .map(discharge_path)
        .unwrap_or_else(|| "/".to_owned());
    notify_at(
        conn,
        caller,
        public_url,
        recipients,
        event,
        &path,
        discharge_id,
    )
    .await
}

/// The SPA path of an agreement of the register, and its full address in emails.
pub fn agreement_path(agreement_id: Uuid) -> String {
    format!("/accordi/{agreement_id}")
}

/// [`notify`] with a link to `path` in the SPA, for what is not a discharge.
pub async fn notify_at(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    public_url: &Url,
    recipients: &[user::Model],
    event: &Event,
    path: &str,
    discharge_id: Option<Uuid>,
) -> AppResult<()> {
    let actor = caller.viewer.as_ref().map(|v| v.user_id);
    let mut seen = Vec::new();
    let recipients: Vec<&user::Model> = recipients
        .iter()
        .filter(|u| {
            u.active && Some(u.id) != actor && !seen.contains(&u.id) && {
                seen.push(u.id);
                true
            }
        })
        .collect();
    if recipients.is_empty() {
        return Ok(());
    }
    let rendered = render(event, &absolute(public_url, path));
    let now = caller.now();
    let in_app = recipients
        .iter()
        .map(|u| in_app_row(u, &rendered, path, discharge_id, now));
    notification::Entity::insert_many(in_app).exec(conn).await?;
    let emails = recipients.iter().map(|u| email_row(u, &rendered, now));
    outbox_email::Entity::insert_many(emails).exec(conn).await?;
    Ok(())
}

/// An agenda reminder to one user: in-app always, by email only when they
/// asked for it (`users.agenda_email_reminders`). Call it inside the
/// transaction that records the reminder as queued.
pub async fn remind(
    conn: &impl ConnectionTrait,
    caller: &Caller,
    public_url: &Url,
    recipient: &user::Model,
    event: &Event,
    path: &str,
    discharge_id: Option<Uuid>,
) -> AppResult<()> {
    if !recipient.active {
        return Ok(());
    }
    let rendered = render(event, &absolute(public_url, path));
    let now = caller.now();
    notification::Entity::insert(in_app_row(recipient, &rendered, path, discharge_id, now))
        .exec_without_returning(conn)
        .await?;
    if recipient.agenda_email_reminders {
        outbox_email::Entity::insert(email_row(recipient, &rendered, now))
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

fn in_app_row(
    recipient: &user::Model,
    rendered: &Rendered,
    path: &str,
    discharge_id: Option<Uuid>,
    now: DateTime<Utc>,
) -> notification::ActiveModel {
    notification::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(recipient.id),
        kind: Set(rendered.kind.to_owned()),
        title: Set(rendered.title.clone()),
        link: Set(path.to_owned()),
        discharge_id: Set(discharge_id),
        created_at: Set(now),
        read_at: Set(None),
    }
}

fn email_row(
    recipient: &user::Model,
    rendered: &Rendered,
    now: DateTime<Utc>,
) -> outbox_email::ActiveModel {
    outbox_email::ActiveModel {
        id: Set(Uuid::now_v7()),
        recipient: Set(recipient.email.clone()),
        subject: Set(rendered.title.clone()),
        body_text: Set(rendered.text.clone()),
        body_html: Set(rendered.html.clone()),
        status: Set(EmailStatus::Pending),
        attempts: Set(0),
        next_attempt_at: Set(now),
        last_error: Set(None),
        claimed_at: Set(None),
        claimed_by: Set(None),
        lease_token: Set(None),
        lease_expires_at: Set(None),
        sent_at: Set(None),
        created_at: Set(now),
    }
}

/// The emails one claim took, and the token that holds them.
pub struct Claim {
    pub token: Uuid,
    pub emails: Vec<outbox_email::Model>,
}

/// Takes up to `limit` emails that are due at `now`, or whose lease has
/// ended by then, for `worker` under a fresh token.
pub async fn claim(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    worker: &str,
    terms: &LeaseTerms,
    limit: u64,
) -> AppResult<Claim> {
    let token = Uuid::now_v7();
    let backend = conn.get_database_backend();
    let (sql, lock) = match backend {
        DbBackend::Postgres => ("$1", " FOR UPDATE SKIP LOCKED"),
        _ => ("?", ""),
    };
    let placeholders: Vec<String> = (1..=7)
        .map(|i| {
            if sql == "$1" {
                format!("${i}")
            } else {
                "?".to_owned()
            }
        })
        .collect();
    let statement = format!(
        "UPDATE outbox_emails SET status = 'SENDING', claimed_at = {p1}, claimed_by = {p2}, \
           lease_token = {p3}, lease_expires_at = {p4} \
         WHERE id IN (SELECT id FROM outbox_emails \
           WHERE (status = 'PENDING' AND next_attempt_at <= {p5}) OR (status = 'SENDING' AND lease_expires_at < {p6}) \
           ORDER BY next_attempt_at LIMIT {p7}{lock}) \
         RETURNING *",
        p1 = placeholders[0],
        p2 = placeholders[1],
        p3 = placeholders[2],
        p4 = placeholders[3],
        p5 = placeholders[4],
        p6 = placeholders[5],
        p7 = placeholders[6],
    );
    let emails = outbox_email::Model::find_by_statement(Statement::from_sql_and_values(
        backend,
        statement,
        [
            now.into(),
            worker.to_owned().into(),
            token.into(),
            terms.claim_ends(now).into(),
            now.into(),
            now.into(),
            (limit as i64).into(),
        ],
    ))
    .all(conn)
    .await?;
    Ok(Claim { token, emails })
}

/// Just before sending `email`: in one conditional update, checks that the
/// claim `token` still holds it, extends its lease to `lease_ends` and counts
/// the attempt. Returns the email as it now stands, or none when another
/// worker has taken it over (then it must not be sent from here).
pub async fn begin_send(
    conn: &impl ConnectionTrait,
    email: &outbox_email::Model,
    token: Uuid,
    lease_ends: DateTime<Utc>,
) -> AppResult<Option<outbox_email::Model>> {
    let held = outbox_email::Entity::update_many()
        .col_expr(
            outbox_email::Column::LeaseExpiresAt,
            Expr::value(lease_ends),
        )
        .col_expr(
            outbox_email::Column::Attempts,
            Expr::col(outbox_email::Column::Attempts).add(1),
        )
        .filter(outbox_email::Column::Id.eq(email.id))
        .filter(outbox_email::Column::LeaseToken.eq(token))
        .filter(outbox_email::Column::Status.eq(EmailStatus::Sending.as_str()))
        .exec(conn)
        .await?;
    // While the token is on the row nobody else changed it since the claim.
    Ok((held.rows_affected == 1).then(|| outbox_email::Model {
        attempts: email.attempts + 1,
        lease_expires_at: Some(lease_ends),
        ..email.clone()
    }))
}

/// Records `email` as sent at `now` under the claim `token`. False when the
/// claim no longer holds it (another worker took it over after the lease ended).
pub async fn mark_sent(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    id: Uuid,
    token: Uuid,
) -> AppResult<bool> {
    let marked = outbox_email::Entity::update_many()
        .col_expr(
            outbox_email::Column::Status,
            Expr::value(EmailStatus::Sent.as_str()),
        )
        .col_expr(outbox_email::Column::SentAt, Expr::value(now))
        .col_expr(
            outbox_email::Column::LastError,
            Expr::value(Option::<String>::None),
        )
        .filter(outbox_email::Column::Id.eq(id))
        .filter(outbox_email::Column::LeaseToken.eq(token))
        .filter(outbox_email::Column::Status.eq(EmailStatus::Sending.as_str()))
        .exec(conn)
        .await?;
    Ok(marked.rows_affected == 1)
}

/// The wait before attempt `attempts + 1`: base × 2^(attempts − 1), at most six hours.
pub fn backoff(base: std::time::Duration, attempts: i32) -> std::time::Duration {
    let exponent = attempts.saturating_sub(1).clamp(0, 20) as u32;
    base.saturating_mul(2u32.saturating_pow(exponent))
        .min(std::time::Duration::from_secs(6 * 3600))
}

/// Records a failed attempt (`email` as `begin_send` returned it) under the
/// claim `token`: back to PENDING after the backoff from `now`, or DEAD when
/// the failure is permanent or the attempts are used up.
pub async fn mark_failed(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    email: &outbox_email::Model,
    token: Uuid,
    failure: &SendFailure,
    max_attempts: u32,
    retry_base: std::time::Duration,
) -> AppResult<()> {
    let dead = failure.permanent || email.attempts >= max_attempts as i32;
    let next: DateTime<Utc> = now
        + ChronoDuration::from_std(backoff(retry_base, email.attempts))
            .unwrap_or(ChronoDuration::hours(6));
    let status = if dead {
        EmailStatus::Dead
    } else {
        EmailStatus::Pending
    };
    outbox_email::Entity::update_many()
        .col_expr(outbox_email::Column::Status, Expr::value(status.as_str()))
        .col_expr(outbox_email::Column::NextAttemptAt, Expr::value(next))
        .col_expr(
            outbox_email::Column::LastError,
            Expr::value(failure.detail.chars().take(500).collect::<String>()),
        )
        .filter(outbox_email::Column::Id.eq(email.id))
        .filter(outbox_email::Column::LeaseToken.eq(token))
        .filter(outbox_email::Column::Status.eq(EmailStatus::Sending.as_str()))
        .exec(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn each_retry_waits_twice_as_long_up_to_six_hours() {
        let base = Duration::from_secs(30);
        assert_eq!(backoff(base, 1), Duration::from_secs(30));
        assert_eq!(backoff(base, 2), Duration::from_secs(60));
        assert_eq!(backoff(base, 4), Duration::from_secs(240));
        assert_eq!(backoff(base, 30), Duration::from_secs(6 * 3600));
    }

    #[test]
    fn links_are_built_on_the_public_url() {
        let url = Url::parse("https://ponte.example.it/").unwrap();
        assert_eq!(
            absolute(&url, "/dimissioni/1"),
            "https://ponte.example.it/dimissioni/1"
        );
    }
}
