//! The transactional outbox: notification rows written with the change that
//! causes them, then claimed, sent and marked by the worker.
//!
//! Delivery is claim → send → mark. Several workers (instances) claim
//! disjoint rows: on PostgreSQL with `FOR UPDATE SKIP LOCKED`, on SQLite by
//! its single writer. A worker that dies after sending but before marking
//! leaves the row SENDING; after `STALE_CLAIM` another worker takes it again
//! and the email goes out a second time. That window (a crash between the
//! SMTP server's acceptance and one UPDATE) is the only at-least-once case.

use chrono::{DateTime, Duration as ChronoDuration, Utc};
use entity::{notification, outbox_email, user};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter, Set,
    Statement,
};
use url::Url;
use uuid::Uuid;

use crate::enums::EmailStatus;
use crate::error::AppResult;
use crate::notify::templates::{render, Event};

/// A claim older than this is taken to belong to a worker that died.
pub const STALE_CLAIM: std::time::Duration = std::time::Duration::from_secs(600);

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
/// outbox. Call it inside the transaction of the change it reports.
pub async fn notify(
    conn: &impl ConnectionTrait,
    public_url: &Url,
    recipients: &[user::Model],
    event: &Event,
    discharge_id: Option<Uuid>,
) -> AppResult<()> {
    let mut seen = Vec::new();
    let recipients: Vec<&user::Model> = recipients
        .iter()
        .filter(|u| {
            u.active && !seen.contains(&u.id) && {
                seen.push(u.id);
                true
            }
        })
        .collect();
    if recipients.is_empty() {
        return Ok(());
    }
    let path = discharge_id
        .map(discharge_path)
        .unwrap_or_else(|| "/".to_owned());
    let rendered = render(event, &absolute(public_url, &path));
    let now = Utc::now();
    let in_app = recipients.iter().map(|u| notification::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(u.id),
        kind: Set(rendered.kind.to_owned()),
        title: Set(rendered.title.clone()),
        link: Set(path.clone()),
        discharge_id: Set(discharge_id),
        created_at: Set(now),
        read_at: Set(None),
    });
    notification::Entity::insert_many(in_app).exec(conn).await?;
    let emails = recipients.iter().map(|u| outbox_email::ActiveModel {
        id: Set(Uuid::now_v7()),
        recipient: Set(u.email.clone()),
        subject: Set(rendered.title.clone()),
        body_text: Set(rendered.text.clone()),
        body_html: Set(rendered.html.clone()),
        status: Set(EmailStatus::Pending.as_str().to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        last_error: Set(None),
        claimed_at: Set(None),
        claimed_by: Set(None),
        sent_at: Set(None),
        created_at: Set(now),
    });
    outbox_email::Entity::insert_many(emails).exec(conn).await?;
    Ok(())
}

/// Takes up to `limit` due emails for `worker`, counting the attempt.
pub async fn claim(
    conn: &impl ConnectionTrait,
    worker: &str,
    limit: u64,
) -> AppResult<Vec<outbox_email::Model>> {
    let now = Utc::now();
    let stale_before =
        now - ChronoDuration::from_std(STALE_CLAIM).unwrap_or(ChronoDuration::minutes(10));
    let backend = conn.get_database_backend();
    let (sql, lock) = match backend {
        DbBackend::Postgres => ("$1", " FOR UPDATE SKIP LOCKED"),
        _ => ("?", ""),
    };
    let placeholders: Vec<String> = (1..=5)
        .map(|i| {
            if sql == "$1" {
                format!("${i}")
            } else {
                "?".to_owned()
            }
        })
        .collect();
    let statement = format!(
        "UPDATE outbox_emails SET status = 'SENDING', claimed_at = {p1}, claimed_by = {p2}, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM outbox_emails \
           WHERE (status = 'PENDING' AND next_attempt_at <= {p3}) OR (status = 'SENDING' AND claimed_at < {p4}) \
           ORDER BY next_attempt_at LIMIT {p5}{lock}) \
         RETURNING *",
        p1 = placeholders[0],
        p2 = placeholders[1],
        p3 = placeholders[2],
        p4 = placeholders[3],
        p5 = placeholders[4],
    );
    let rows = outbox_email::Model::find_by_statement(Statement::from_sql_and_values(
        backend,
        statement,
        [
            now.into(),
            worker.to_owned().into(),
            now.into(),
            stale_before.into(),
            (limit as i64).into(),
        ],
    ))
    .all(conn)
    .await?;
    Ok(rows)
}

pub async fn mark_sent(conn: &impl ConnectionTrait, id: Uuid, worker: &str) -> AppResult<()> {
    outbox_email::Entity::update_many()
        .col_expr(
            outbox_email::Column::Status,
            Expr::value(EmailStatus::Sent.as_str()),
        )
        .col_expr(outbox_email::Column::SentAt, Expr::value(Utc::now()))
        .col_expr(
            outbox_email::Column::LastError,
            Expr::value(Option::<String>::None),
        )
        .filter(outbox_email::Column::Id.eq(id))
        .filter(outbox_email::Column::ClaimedBy.eq(worker))
        .exec(conn)
        .await?;
    Ok(())
}

/// The wait before attempt `attempts + 1`: base × 2^(attempts − 1), at most six hours.
pub fn backoff(base: std::time::Duration, attempts: i32) -> std::time::Duration {
    let exponent = attempts.saturating_sub(1).clamp(0, 20) as u32;
    base.saturating_mul(2u32.saturating_pow(exponent))
        .min(std::time::Duration::from_secs(6 * 3600))
}

/// Records a failed attempt: back to PENDING after the backoff, or DEAD when
/// the failure is permanent or the attempts are used up.
pub async fn mark_failed(
    conn: &impl ConnectionTrait,
    email: &outbox_email::Model,
    worker: &str,
    detail: &str,
    permanent: bool,
    max_attempts: u32,
    retry_base: std::time::Duration,
) -> AppResult<()> {
    let dead = permanent || email.attempts >= max_attempts as i32;
    let next: DateTime<Utc> = Utc::now()
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
            Expr::value(detail.chars().take(500).collect::<String>()),
        )
        .filter(outbox_email::Column::Id.eq(email.id))
        .filter(outbox_email::Column::ClaimedBy.eq(worker))
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
