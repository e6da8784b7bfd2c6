//! Sign-in throttling per email, counted in the database so it holds across
//! instances: after N failures within the window, attempts are refused until
//! the oldest of them leaves the window. A success clears the count.

use chrono::{DateTime, Utc};
use entity::login_attempt;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

use crate::error::AppResult;

pub struct Throttle {
    pub max_failures: u64,
    pub window: std::time::Duration,
}

impl Throttle {
    pub async fn is_locked(
        &self,
        conn: &impl ConnectionTrait,
        email_normalized: &str,
        now: DateTime<Utc>,
    ) -> AppResult<bool> {
        let window = chrono::Duration::from_std(self.window).unwrap_or(chrono::Duration::MAX);
        let mut since = now - window;
        let last_success = login_attempt::Entity::find()
            .filter(login_attempt::Column::EmailNormalized.eq(email_normalized))
            .filter(login_attempt::Column::Succeeded.eq(true))
            .filter(login_attempt::Column::AttemptedAt.gt(since))
            .order_by_desc(login_attempt::Column::AttemptedAt)
            .one(conn)
            .await?;
        if let Some(success) = last_success {
            since = success.attempted_at;
        }
        let failures = login_attempt::Entity::find()
            .filter(login_attempt::Column::EmailNormalized.eq(email_normalized))
            .filter(login_attempt::Column::Succeeded.eq(false))
            .filter(login_attempt::Column::AttemptedAt.gt(since))
            .count(conn)
            .await?;
        Ok(failures >= self.max_failures)
    }
}

pub async fn record_attempt(
    conn: &impl ConnectionTrait,
    email_normalized: &str,
    succeeded: bool,
    client_addr: Option<String>,
) -> AppResult<()> {
    login_attempt::ActiveModel {
        id: Set(Uuid::now_v7()),
        email_normalized: Set(email_normalized.to_owned()),
        succeeded: Set(succeeded),
        attempted_at: Set(Utc::now()),
        client_addr: Set(client_addr),
    }
    .insert(conn)
    .await?;
    Ok(())
}
