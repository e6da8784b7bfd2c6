//! Need-to-know on every path. A case object (a person's record, an
//! assessment, a project, a referral, a discharge) reaches a client only
//! through this module, which asks the policy about that very object, for
//! every field that returns one, not only at the entry point.
//!
//! The GraphQL types of case objects are built only from a [`Seen`] proof,
//! and only this module makes one: a new field that hands out case data
//! without asking the policy does not compile.
//!
//! A nested field answers `null` (or leaves the object out of a list) when
//! the policy says no; entry points refuse earlier, in their services, with
//! FORBIDDEN or NOT_FOUND.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use async_graphql::{Context, ID};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use tokio::sync::OnceCell;

use crate::caller::{Caller, Viewer};
use crate::error::{AppError, AppResult};
use crate::graphql::context::scope;
use crate::graphql::ids::parse_id;
use crate::policy::{self, Party};
use crate::services::page::Page;

/// Proof that the policy let the viewer see one case object. Its field is
/// private: only this module makes one.
#[derive(Clone, Copy, Debug)]
pub struct Seen(());

/// A GraphQL type that shows a person's case data.
pub trait CaseObject: Sized {
    type Row: Send + Sync;

    /// The person the object is about.
    fn person_of(row: &Self::Row) -> Uuid;

    /// Who may see this object without being responsible for its person
    /// (the policy's `*_parties` rules).
    fn parties(_row: &Self::Row) -> Vec<Party> {
        Vec::new()
    }

    /// The author of an object kept to its author and the person's current
    /// case managers (a confidential diary entry: `policy::reads_diary_entry`),
    /// `None` for every other object. No party sees such an object.
    fn confidential_author(_row: &Self::Row) -> Option<Uuid> {
        None
    }

    /// Builds the GraphQL object once the policy said yes.
    fn reveal(row: Self::Row, seen: Seen) -> Self;
}

/// The persons whose record the viewer may read, asked in one query per
/// batch and remembered for the request.
pub struct Readable {
    db: DatabaseConnection,
    caller: Caller,
}

impl Loader<Uuid> for Readable {
    type Value = bool;
    type Error = Arc<String>;

    async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, bool>, Self::Error> {
        let readable: HashSet<Uuid> = policy::readable_persons(&self.db, &self.caller, keys)
            .await
            .map_err(|e| Arc::new(format!("{e:?}")))?;
        Ok(keys.iter().map(|k| (*k, readable.contains(k))).collect())
    }
}

/// The policy's answers for one request: they must not outlive it, since
/// the next request may come from someone who may see less.
pub struct RequestPolicy {
    db: DatabaseConnection,
    caller: Caller,
    readable: DataLoader<Readable, HashMapCache>,
    teams: OnceCell<HashSet<Uuid>>,
}

/// `window` is the request's DataLoader window (`Config::batch_window`):
/// every case object of a nesting level asks in one batch.
pub fn for_request(db: &DatabaseConnection, caller: &Caller, window: Duration) -> RequestPolicy {
    RequestPolicy {
        db: db.clone(),
        caller: caller.clone(),
        readable: DataLoader::with_cache(
            Readable {
                db: db.clone(),
                caller: caller.clone(),
            },
            tokio::spawn,
            HashMapCache::default(),
        )
        .delay(window),
        teams: OnceCell::new(),
    }
}

impl RequestPolicy {
    async fn is_party(&self, parties: &[Party], viewer: &Viewer) -> AppResult<bool> {
        for party in parties {
            let yes = match party {
                Party::User(id) => *id == viewer.user_id,
                Party::MembersOf(team) => self
                    .teams
                    .get_or_try_init(|| policy::active_teams(&self.db, &self.caller))
                    .await?
                    .contains(team),
            };
            if yes {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

async fn may_see<T: CaseObject>(
    ctx: &Context<'_>,
    rows: &[T::Row],
) -> async_graphql::Result<Vec<bool>> {
    let request = ctx.data::<RequestPolicy>()?;
    let Ok(viewer) = policy::require_case_worker(&request.caller) else {
        return Ok(vec![false; rows.len()]);
    };
    let persons: Vec<Uuid> = rows.iter().map(T::person_of).collect();
    let readable = request
        .readable
        .load_many(persons.iter().copied())
        .await
        .map_err(|e| AppError::internal(format!("asking the policy: {e}")))?;
    let confidential: Vec<Uuid> = rows
        .iter()
        .filter(|row| T::confidential_author(row).is_some_and(|a| a != viewer.user_id))
        .map(T::person_of)
        .collect();
    let managed = policy::managed_persons(&request.db, &request.caller, &confidential).await?;
    let mut allowed = Vec::with_capacity(rows.len());
    for (row, person) in rows.iter().zip(&persons) {
        let readable = readable.get(person).copied().unwrap_or(false);
        let yes = match T::confidential_author(row) {
            Some(author) => readable && (author == viewer.user_id || managed.contains(person)),
            None => readable || request.is_party(&T::parties(row), viewer).await?,
        };
        allowed.push(yes);
    }
    Ok(allowed)
}

/// One object, or `None` when the viewer may not see it.
pub async fn one<T: CaseObject>(
    ctx: &Context<'_>,
    row: Option<T::Row>,
) -> async_graphql::Result<Option<T>> {
    let Some(row) = row else {
        return Ok(None);
    };
    let rows = [row];
    let allowed = may_see::<T>(ctx, &rows).await?;
    let [row] = rows;
    Ok(allowed
        .first()
        .copied()
        .unwrap_or(false)
        .then(|| T::reveal(row, Seen(()))))
}

/// The objects of a list the viewer may see, in their order.
pub async fn all<T: CaseObject>(
    ctx: &Context<'_>,
    rows: Vec<T::Row>,
) -> async_graphql::Result<Vec<T>> {
    let allowed = may_see::<T>(ctx, &rows).await?;
    Ok(rows
        .into_iter()
        .zip(allowed)
        .filter(|(_, ok)| *ok)
        .map(|(row, _)| T::reveal(row, Seen(())))
        .collect())
}

/// A page of objects. Entry points list only what the policy allows, so
/// nothing is expected to drop out here; if something does, it is hidden.
pub async fn page<T: CaseObject>(
    ctx: &Context<'_>,
    found: Page<T::Row>,
) -> async_graphql::Result<Page<T>> {
    let allowed = may_see::<T>(ctx, &found.items).await?;
    Ok(found.retain(&allowed).map(|row| T::reveal(row, Seen(()))))
}

/// The object a mutation or an audited lookup returns: its service has
/// already authorized it, so a refusal here is FORBIDDEN, never a silent null.
pub async fn require<T: CaseObject>(ctx: &Context<'_>, row: T::Row) -> async_graphql::Result<T> {
    one(ctx, Some(row))
        .await?
        .ok_or_else(|| AppError::Forbidden.into())
}

/// A case object looked up by its `id` argument (`project(id:)`,
/// `assessment(id:)`…) through its audited service, which refuses with
/// FORBIDDEN or NOT_FOUND: the field is nullable for the schema, yet answers
/// the object or an error.
pub async fn lookup<T: CaseObject>(
    ctx: &Context<'_>,
    id: &ID,
    get: impl for<'a> AsyncFnOnce(&'a DatabaseConnection, &'a Caller, Uuid) -> AppResult<T::Row>,
) -> async_graphql::Result<Option<T>> {
    let s = scope(ctx)?;
    let row = get(s.db, s.caller, parse_id(id, "id")?).await?;
    Ok(Some(require(ctx, row).await?))
}
