//! Naming the row when a stored row cannot be read: a value outside its
//! vocabulary (say a project status `PAUSED` written by hand) is an internal
//! error whose log line says which row to repair, never a silent default.
//! And writing a new row together with its audit event.

use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ConnectionTrait, DatabaseTransaction, DbErr, EntityName,
    EntityTrait, IntoActiveModel, PrimaryKeyTrait, QuerySelect, Select,
};
use uuid::Uuid;

use crate::audit::{self, AuditEntry};
use crate::caller::Caller;
use crate::error::{AppError, AppResult};

pub trait InRow<T> {
    /// Names `entity`'s row `id` in the error, if reading it failed.
    fn in_row<E: EntityName>(self, entity: E, id: Uuid) -> AppResult<T>;
}

impl<T> InRow<T> for Result<T, DbErr> {
    fn in_row<E: EntityName>(self, entity: E, id: Uuid) -> AppResult<T> {
        self.map_err(|err| row_error(entity.table_name(), id, &err))
    }
}

fn row_error(table: &str, id: Uuid, err: &DbErr) -> AppError {
    AppError::internal(format!("database: {table} row {id}: {err}"))
}

/// The row `id` of `E`; `NotFound` when there is none.
pub async fn find<E>(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<E::Model>
where
    E: EntityTrait,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Uuid>,
{
    first(conn, E::find_by_id(id), id).await
}

/// The row `id` of `E`, or none: for a row whose absence is an answer (a
/// name to print), not an error.
pub async fn find_optional<E>(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<Option<E::Model>>
where
    E: EntityTrait,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Uuid>,
{
    E::find_by_id(id).one(conn).await.in_row(E::default(), id)
}

/// The row `id` of `E` that an input names in `field`: when there is none,
/// the input is wrong (a validation error with `message`), not the request's
/// object missing.
pub async fn named<E>(
    conn: &impl ConnectionTrait,
    id: Uuid,
    field: &str,
    message: &str,
) -> AppResult<E::Model>
where
    E: EntityTrait,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Uuid>,
{
    find::<E>(conn, id).await.map_err(|err| match err {
        AppError::NotFound => AppError::validation(field, message),
        other => other,
    })
}

/// The row `id` of `E`, held until the transaction ends (`FOR UPDATE` on
/// PostgreSQL; SQLite's write transactions already exclude each other);
/// `NotFound` when there is none.
pub async fn lock<E>(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<E::Model>
where
    E: EntityTrait,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Uuid>,
{
    first(conn, E::find_by_id(id).lock_exclusive(), id).await
}

async fn first<E: EntityTrait>(
    conn: &impl ConnectionTrait,
    select: Select<E>,
    id: Uuid,
) -> AppResult<E::Model> {
    select
        .one(conn)
        .await
        .in_row(E::default(), id)?
        .ok_or(AppError::NotFound)
}

/// Inserts `row` and the audit event `entry` makes of the inserted row, and
/// commits both: a new row is never left without its trail, nor the trail
/// without its row.
pub async fn insert_audited<A>(
    txn: DatabaseTransaction,
    caller: &Caller,
    row: A,
    entry: impl FnOnce(&<A::Entity as EntityTrait>::Model) -> AuditEntry,
) -> AppResult<<A::Entity as EntityTrait>::Model>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    let inserted = row.insert(&txn).await?;
    commit_audited(txn, caller, entry(&inserted)).await?;
    Ok(inserted)
}

/// Records the audit event of the writes made in `txn` and commits them
/// together: a change is never kept without its trail.
pub async fn commit_audited(
    txn: DatabaseTransaction,
    caller: &Caller,
    entry: AuditEntry,
) -> AppResult<()> {
    audit::record(&txn, caller, entry).await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_names_the_table_and_the_row() {
        let id = Uuid::nil();
        let read: Result<(), DbErr> = Err(DbErr::Type(
            "unexpected value for ProjectStatus enum: PAUSED".into(),
        ));
        let AppError::Internal(detail) = read.in_row(entity::project::Entity, id).unwrap_err()
        else {
            panic!("an internal error");
        };
        assert!(
            detail.contains("projects row 00000000-0000-0000-0000-000000000000"),
            "{detail}"
        );
        assert!(detail.contains("ProjectStatus enum: PAUSED"), "{detail}");
    }
}
