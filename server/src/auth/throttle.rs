//! Sign-in throttling, counted in the database so it holds across instances
//! and under parallel attempts.
//!
//! An attempt is written down *before* its password is checked (reserve),
//! and only then are the attempts counted, its own included: of any number
//! of attempts arriving together, at most the allowed number see a count
//! within the limit, because each one that counts has already been counted
//! by every later one. The others are refused and their rows removed. After
//! the check the row says how it went (confirm). Two limits apply:
//!
//! - per email: `max_failures` failures within the window since the last
//!   success; a success clears the count;
//! - per client address: `max_failures_per_address` failures within the
//!   window, whatever the email (password spraying), set well above what
//!   one office behind one address mistypes.
//!
//! Rows older than the window say nothing any more and are pruned as new
//! attempts come in.

use chrono::{DateTime, Utc};
use entity::login_attempt;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

use crate::config::Config;
use crate::error::AppResult;

pub struct Throttle {
    pub max_failures: u64,
    pub max_failures_per_address: u64,
    pub window: std::time::Duration,
}

/// Which limit refused an attempt (named in the audit trail).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    Email,
    Address,
}

impl Limit {
    pub fn as_str(self) -> &'static str {
        match self {
            Limit::Email => "email",
            Limit::Address => "address",
        }
    }
}

/// An attempt already counted, waiting for the password check's outcome.
#[must_use = "a reservation is confirmed or released"]
pub struct Reservation {
    id: Uuid,
}

/// Failures counted with the new attempt included: the attempt may go on only
/// while neither count goes past its limit.
pub fn refusal(
    email_failures: u64,
    address_failures: Option<u64>,
    max_failures: u64,
    max_failures_per_address: u64,
) -> Option<Limit> {
    if email_failures > max_failures {
        Some(Limit::Email)
    } else if address_failures.is_some_and(|n| n > max_failures_per_address) {
        Some(Limit::Address)
    } else {
        None
    }
}

impl Throttle {
    pub fn from_config(config: &Config) -> Throttle {
        Throttle {
            max_failures: config.login_max_failures,
            max_failures_per_address: config.login_max_failures_per_address,
            window: config.login_window,
        }
    }

    /// Counts an attempt on `email_normalized` from `client_addr` before its
    /// password is checked, or refuses it (and forgets it) when a limit is
    /// reached. Each statement commits on its own: the row must be visible to
    /// concurrent attempts before this one counts theirs.
    pub async fn reserve(
        &self,
        conn: &impl ConnectionTrait,
        email_normalized: &str,
        client_addr: Option<&str>,
        now: DateTime<Utc>,
    ) -> AppResult<Result<Reservation, Limit>> {
        let window = chrono::Duration::from_std(self.window).unwrap_or(chrono::Duration::MAX);
        let since = now
            .checked_sub_signed(window)
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        login_attempt::Entity::delete_many()
            .filter(login_attempt::Column::AttemptedAt.lte(since))
            .exec(conn)
            .await?;
        let id = Uuid::now_v7();
        login_attempt::ActiveModel {
            id: Set(id),
            email_normalized: Set(email_normalized.to_owned()),
            // A failure until the password check says otherwise: an attempt
            // cut short by a crash still counts.
            succeeded: Set(false),
            attempted_at: Set(now),
            client_addr: Set(client_addr.map(str::to_owned)),
        }
        .insert(conn)
        .await?;

        let email_failures = self
            .failures_since_last_success(conn, email_normalized, since)
            .await?;
        let address_failures = match client_addr {
            Some(addr) => Some(
                login_attempt::Entity::find()
                    .filter(login_attempt::Column::ClientAddr.eq(addr))
                    .filter(login_attempt::Column::Succeeded.eq(false))
                    .filter(login_attempt::Column::AttemptedAt.gt(since))
                    .count(conn)
                    .await?,
            ),
            None => None,
        };
        let reservation = Reservation { id };
        match refusal(
            email_failures,
            address_failures,
            self.max_failures,
            self.max_failures_per_address,
        ) {
            None => Ok(Ok(reservation)),
            Some(limit) => {
                release(conn, reservation).await?;
                Ok(Err(limit))
            }
        }
    }

    async fn failures_since_last_success(
        &self,
        conn: &impl ConnectionTrait,
        email_normalized: &str,
        window_start: DateTime<Utc>,
    ) -> AppResult<u64> {
        let last_success = login_attempt::Entity::find()
            .filter(login_attempt::Column::EmailNormalized.eq(email_normalized))
            .filter(login_attempt::Column::Succeeded.eq(true))
            .filter(login_attempt::Column::AttemptedAt.gt(window_start))
            .order_by_desc(login_attempt::Column::AttemptedAt)
            .one(conn)
            .await?;
        let since = last_success.map_or(window_start, |success| success.attempted_at);
        Ok(login_attempt::Entity::find()
            .filter(login_attempt::Column::EmailNormalized.eq(email_normalized))
            .filter(login_attempt::Column::Succeeded.eq(false))
            .filter(login_attempt::Column::AttemptedAt.gt(since))
            .count(conn)
            .await?)
    }
}

/// The password was right: the attempt becomes a success, which clears the
/// email's count of failures.
pub async fn confirm_success(
    conn: &impl ConnectionTrait,
    reservation: Reservation,
) -> AppResult<()> {
    login_attempt::Entity::update_many()
        .col_expr(login_attempt::Column::Succeeded, Expr::value(true))
        .filter(login_attempt::Column::Id.eq(reservation.id))
        .exec(conn)
        .await?;
    Ok(())
}

/// The password was wrong: the reserved row already says so.
pub fn confirm_failure(_reservation: Reservation) {}

/// The password was never checked (refused, or no verification free): the
/// attempt is forgotten, so that refusals do not extend a lock.
pub async fn release(conn: &impl ConnectionTrait, reservation: Reservation) -> AppResult<()> {
    login_attempt::Entity::delete_by_id(reservation.id)
        .exec(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_attempt_past_the_limit_is_refused_and_the_one_at_it_is_not() {
        assert_eq!(refusal(5, Some(5), 5, 100), None);
        assert_eq!(refusal(6, Some(6), 5, 100), Some(Limit::Email));
        assert_eq!(refusal(1, Some(101), 5, 100), Some(Limit::Address));
        assert_eq!(
            refusal(1, None, 5, 100),
            None,
            "no address, no address limit"
        );
    }

    #[test]
    fn the_email_limit_is_named_first() {
        assert_eq!(refusal(9, Some(999), 5, 100), Some(Limit::Email));
        assert_eq!(Limit::Email.as_str(), "email");
        assert_eq!(Limit::Address.as_str(), "address");
    }
}
