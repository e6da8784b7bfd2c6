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
//!
//! A read must not cost a write: `OnTheClock` writes a session whose data did
//! not change at most once every `reslide(idle)` (a minute, or a quarter of a
//! shorter idle timeout), so the idle timeout slides by steps — a session ends
//! between `shortest_idle(idle)` and `idle` after the last request — and a
//! page of requests costs one session write, not one each. The SPA warns
//! before `shortest_idle`, the end it can count on. It remembers, per instance, what it last read or wrote of
//! each session; another instance sharing the database only ever sees an
//! expiry up to a minute older, never a lost change of data.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

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

/// How stale a stored expiry may be before an unchanged session is written
/// again, at most.
pub const RESLIDE: Duration = Duration::minutes(1);

/// The configured idle timeout in the sessions' type of duration; one too
/// large for it (the configuration never gives one) is the default 30 minutes.
pub fn idle_timeout(configured: std::time::Duration) -> Duration {
    Duration::try_from(configured).unwrap_or(Duration::minutes(30))
}

/// How stale a stored expiry may be for this idle timeout: a minute, or a
/// quarter of a shorter timeout, so that a request always leaves its session
/// at least three quarters of the timeout (a whole minute of slack would end a
/// one-minute session at once).
pub fn reslide(idle: Duration) -> Duration {
    RESLIDE.min(idle / 4)
}

/// The least time a session lasts after a request that reached the server:
/// what the SPA counts down from before it warns.
pub fn shortest_idle(idle: Duration) -> Duration {
    idle - reslide(idle)
}

/// What this instance last read or wrote of a session: its stored expiry and
/// its data, to tell whether a save would change anything that matters.
#[derive(Debug, Clone, PartialEq)]
struct Stored {
    expiry: OffsetDateTime,
    data: HashMap<String, serde_json::Value>,
}

/// Sessions that end `idle` after their last save, by `clock`.
#[derive(Debug, Clone)]
pub struct OnTheClock<S> {
    pub store: S,
    pub clock: Clock,
    pub idle: Duration,
    known: Arc<Mutex<HashMap<Id, Stored>>>,
}

impl<S> OnTheClock<S> {
    pub fn new(store: S, clock: Clock, idle: Duration) -> Self {
        OnTheClock {
            store,
            clock,
            idle,
            known: Arc::default(),
        }
    }

    fn expiry(&self) -> OffsetDateTime {
        offset(self.clock.now()).saturating_add(self.idle)
    }

    /// Whether writing `record` with the expiry `expiry` can wait: same data
    /// as stored, and the stored expiry less than `reslide` behind.
    fn can_skip(&self, record: &Record, expiry: OffsetDateTime) -> bool {
        let known = self
            .known
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        known.get(&record.id).is_some_and(|stored| {
            stored.data == record.data && expiry - stored.expiry < reslide(self.idle)
        })
    }

    fn remember(&self, id: Id, stored: Option<Stored>) {
        let mut known = self
            .known
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match stored {
            Some(stored) => {
                // Forget the sessions that have ended, now and then, so the
                // map holds only live sessions.
                if known.len() >= 1024 && known.len().is_power_of_two() {
                    let now = offset(self.clock.now());
                    known.retain(|_, s| s.expiry > now);
                }
                known.insert(id, stored);
            }
            None => {
                known.remove(&id);
            }
        }
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
        self.store.create(record).await?;
        self.remember(
            record.id,
            Some(Stored {
                expiry: record.expiry_date,
                data: record.data.clone(),
            }),
        );
        Ok(())
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let expiry = self.expiry();
        if self.can_skip(record, expiry) {
            return Ok(());
        }
        let record = Record {
            expiry_date: expiry,
            ..record.clone()
        };
        self.store.save(&record).await?;
        self.remember(
            record.id,
            Some(Stored {
                expiry,
                data: record.data,
            }),
        );
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let now = offset(self.clock.now());
        let found = self
            .store
            .load(id)
            .await?
            .filter(|record| record.expiry_date > now);
        self.remember(
            *id,
            found.as_ref().map(|record| Stored {
                expiry: record.expiry_date,
                data: record.data.clone(),
            }),
        );
        Ok(found)
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        self.remember(*id, None);
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
        let store = OnTheClock::new(sqlite_store().await, test.clock(), Duration::minutes(30));
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

    /// A store that counts the writes it receives.
    #[derive(Debug, Clone)]
    struct Counting {
        inner: SqliteStore,
        saves: Arc<std::sync::atomic::AtomicUsize>,
    }

    #[async_trait]
    impl SessionStore for Counting {
        async fn create(&self, record: &mut Record) -> Result<()> {
            self.inner.create(record).await
        }
        async fn save(&self, record: &Record) -> Result<()> {
            self.saves.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            self.inner.save(record).await
        }
        async fn load(&self, id: &Id) -> Result<Option<Record>> {
            self.inner.load(id).await
        }
        async fn delete(&self, id: &Id) -> Result<()> {
            self.inner.delete(id).await
        }
    }

    #[tokio::test]
    async fn an_unchanged_session_is_written_at_most_once_a_minute() {
        let test = TestClock::running();
        let counting = Counting {
            inner: sqlite_store().await,
            saves: Arc::default(),
        };
        let saves = counting.saves.clone();
        let writes = || saves.load(std::sync::atomic::Ordering::SeqCst);
        let store = OnTheClock::new(counting, test.clock(), Duration::minutes(30));
        let mut record = signed_in();
        store.create(&mut record).await.unwrap();

        // A page's requests: each loads and saves the same session.
        for _ in 0..10 {
            let loaded = store.load(&record.id).await.unwrap().unwrap();
            store.save(&loaded).await.unwrap();
        }
        assert_eq!(writes(), 0, "nothing changed within the minute");

        // A change of data is written at once.
        let mut changed = store.load(&record.id).await.unwrap().unwrap();
        changed
            .data
            .insert("ponte.flag".to_owned(), serde_json::json!(true));
        store.save(&changed).await.unwrap();
        assert_eq!(writes(), 1);

        // A minute on, the expiry slides again, once.
        test.advance(std::time::Duration::from_secs(61));
        for _ in 0..5 {
            let loaded = store.load(&record.id).await.unwrap().unwrap();
            store.save(&loaded).await.unwrap();
        }
        assert_eq!(writes(), 2);
        let stored = store.load(&record.id).await.unwrap().unwrap();
        let from_now = stored.expiry_date - offset(test.now());
        assert!(from_now > Duration::minutes(29), "slid: {from_now}");
    }

    #[test]
    fn a_short_idle_timeout_slides_by_a_quarter_of_itself() {
        assert_eq!(reslide(Duration::minutes(30)), RESLIDE);
        assert_eq!(shortest_idle(Duration::minutes(30)), Duration::minutes(29));
        assert_eq!(reslide(Duration::minutes(1)), Duration::seconds(15));
        assert_eq!(shortest_idle(Duration::minutes(1)), Duration::seconds(45));
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
