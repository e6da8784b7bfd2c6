//! The session store, with one rule added: a session deleted while a request
//! was running stays deleted.
//!
//! Every response saves its session (that is what makes the idle timeout
//! slide), and the stores save by upsert. A request that loaded the session
//! before a sign-out elsewhere in the same browser (the SPA's unread count, a
//! slow list) would write it back when it ends, and its cookie with it: the
//! person signed out of a shared ward computer would still be signed in.
//! Here a save only updates a session that still exists; new sessions come
//! through `create`. What remains is the instant between the check and the
//! write, instead of the whole length of a request.

use async_trait::async_trait;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Result, SessionStore};

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

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use sea_orm::Database;
    use time::{Duration, OffsetDateTime};
    use tower_sessions_sqlx_store::SqliteStore;

    use super::*;

    #[tokio::test]
    async fn a_late_save_does_not_bring_a_signed_out_session_back() {
        let db = Database::connect("sqlite::memory:").await.unwrap();
        let store = SqliteStore::new(db.get_sqlite_connection_pool().clone());
        store.migrate().await.unwrap();
        let guarded = SignedOutStaysOut(store.clone());

        let mut record = Record {
            id: Id::default(),
            data: HashMap::from([("ponte.auth".to_owned(), serde_json::json!({ "user": 1 }))]),
            expiry_date: OffsetDateTime::now_utc() + Duration::hours(1),
        };
        guarded.create(&mut record).await.unwrap();
        // A request in flight refreshes it: an existing session is saved.
        let later = OffsetDateTime::now_utc() + Duration::hours(2);
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
}
