//! The session store, with two rules added: a session deleted while a
//! request was running stays deleted, and a session's idle timeout counts on
//! the application's clock.
//!
//! Every response saves its session (that is what makes the idle timeout
//! slide), and the stores save by upsert. A request that loaded the session
//! before a sign-out elsewhere in the same browser (the SPA's unread count, a
//! slow list) would write it back when it ends, and its cookie with it: the
//! person signed out of a shared ward computer would still be signed in.
//! Here a save only updates a session that still exists; new sessions come
//! through `create`. What remains is the instant between the check and the
//! write, instead of the whole length of a request.
//!
//! tower-sessions dates a session's expiry from the system's time; `OnTheClock`
//! dates it again from the application's `Clock` on every write and refuses
//! one past it on every read, so that a test moves past the idle timeout by
//! advancing its clock. With the system's clock both dates are the same.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use time::{Duration, OffsetDateTime, PrimitiveDateTime};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Result, SessionStore};

use crate::clock::Clock;

#[derive(Debug, Clone)]
pub struct SignedOutStaysOut<S>(pub S);

#[async_trait]
impl<S: SessionStore> SessionStore for SignedOutStaysOut<S> {
    async fn create(&self, record: &mut Record) -> Result<()> {
        self.0.create(record).await
    }

    async fn save(&self, record: &Record) -> Result<()> {
        if self.0.load(&record.id).await?.is_some() {
            self.0.save(record).await?;
        }
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        self.0.load(id).await
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        self.0.delete(id).await
    }
}

/// Sessions that end `idle` after their last save, by `clock`.
#[derive(Debug, Clone)]
pub struct OnTheClock<S> {
    pub store: S,
    pub clock: Clock,
    pub idle: Duration,
}

impl<S> OnTheClock<S> {
    fn expiry(&self) -> OffsetDateTime {
        offset(self.clock.now()).saturating_add(self.idle)
    }
}

/// The same instant in the `time` crate's type that tower-sessions uses;
/// beyond the years it can hold, the nearest one it can.
pub fn offset(at: DateTime<Utc>) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(at.timestamp_micros()) * 1000).unwrap_or(
        if at.timestamp() < 0 {
            PrimitiveDateTime::MIN.assume_utc()
        } else {
            PrimitiveDateTime::MAX.assume_utc()
        },
    )
}

#[async_trait]
impl<S: SessionStore> SessionStore for OnTheClock<S> {
    async fn create(&self, record: &mut Record) -> Result<()> {
        record.expiry_date = self.expiry();
        self.store.create(record).await
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let record = Record {
            expiry_date: self.expiry(),
            ..record.clone()
        };
        self.store.save(&record).await
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let now = offset(self.clock.now());
        Ok(self
            .store
            .load(id)
            .await?
            .filter(|record| record.expiry_date > now))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        self.store.delete(id).await
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use sea_orm::Database;
    use tower_sessions_sqlx_store::SqliteStore;

    use super::*;
    use crate::clock::TestClock;

    async fn sqlite_store() -> SqliteStore {
        let db = Database::connect("sqlite::memory:").await.unwrap();
        let store = SqliteStore::new(db.get_sqlite_connection_pool().clone());
        store.migrate().await.unwrap();
        store
    }

    fn signed_in() -> Record {
        Record {
            id: Id::default(),
            data: HashMap::from([("ponte.auth".to_owned(), serde_json::json!({ "user": 1 }))]),
            expiry_date: PrimitiveDateTime::MIN.assume_utc(),
        }
    }

    #[tokio::test]
    async fn a_late_save_does_not_bring_a_signed_out_session_back() {
        let store = sqlite_store().await;
        let guarded = SignedOutStaysOut(store.clone());
        // The bare store reads the system's time: the dates are real ones.
        let now = offset(Clock::system().now());

        let mut record = Record {
            expiry_date: now + Duration::hours(1),
            ..signed_in()
        };
        guarded.create(&mut record).await.unwrap();
        // A request in flight refreshes it: an existing session is saved.
        let later = now + Duration::hours(2);
        let refreshed = Record {
            expiry_date: later,
            ..record.clone()
        };
        guarded.save(&refreshed).await.unwrap();
        let stored = store.load(&record.id).await.unwrap().unwrap();
        assert_eq!(stored.expiry_date.unix_timestamp(), later.unix_timestamp());

        // Sign-out deletes it; the request that loaded it earlier ends and saves.
        guarded.delete(&record.id).await.unwrap();
        guarded.save(&refreshed).await.unwrap();
        assert!(store.load(&record.id).await.unwrap().is_none());

        // The bare store would have brought it back: the danger is real.
        store.save(&refreshed).await.unwrap();
        assert!(store.load(&record.id).await.unwrap().is_some());
    }

    #[tokio::test]
    async fn a_session_ends_idle_minutes_after_its_last_save_by_the_clock() {
        let test = TestClock::running();
        let store = OnTheClock {
            store: sqlite_store().await,
            clock: test.clock(),
            idle: Duration::minutes(30),
        };
        let mut record = signed_in();
        store.create(&mut record).await.unwrap();
        let from_now = record.expiry_date - offset(test.now());
        assert!(
            from_now > Duration::minutes(29) && from_now <= Duration::minutes(30),
            "dated from the clock: {from_now}"
        );

        // Each request saves it again: the 30 minutes start over.
        test.advance(std::time::Duration::from_secs(20 * 60));
        assert!(store.load(&record.id).await.unwrap().is_some());
        store.save(&record).await.unwrap();
        test.advance(std::time::Duration::from_secs(20 * 60));
        assert!(
            store.load(&record.id).await.unwrap().is_some(),
            "40 minutes since sign-in, 20 since the last request"
        );

        test.advance(std::time::Duration::from_secs(11 * 60));
        assert!(
            store.load(&record.id).await.unwrap().is_none(),
            "31 minutes idle"
        );
    }

    #[test]
    fn instants_beyond_the_sessions_calendar_are_clamped() {
        let at = DateTime::parse_from_rfc3339("2026-03-01T10:00:00.123456Z")
            .unwrap()
            .to_utc();
        assert_eq!(offset(at).unix_timestamp(), at.timestamp());
        assert_eq!(offset(at).microsecond(), 123_456);
        assert_eq!(
            offset(DateTime::<Utc>::MAX_UTC),
            PrimitiveDateTime::MAX.assume_utc()
        );
        assert_eq!(
            offset(DateTime::<Utc>::MIN_UTC),
            PrimitiveDateTime::MIN.assume_utc()
        );
    }
}
