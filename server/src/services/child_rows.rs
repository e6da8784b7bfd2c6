//! The rows a parent owns as a set (a meeting's participants, an
//! agreement's parties): a change replaces the whole set.

use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::error::AppResult;

/// Replaces the rows of `E` whose `parent` column is `parent_id` with
/// `rows` (none: the set is left empty).
pub async fn replace_children<E, A>(
    conn: &impl ConnectionTrait,
    parent: E::Column,
    parent_id: Uuid,
    rows: impl IntoIterator<Item = A>,
) -> AppResult<()>
where
    E: EntityTrait,
    A: ActiveModelTrait<Entity = E>,
{
    E::delete_many()
        .filter(parent.eq(parent_id))
        .exec(conn)
        .await?;
    let rows: Vec<A> = rows.into_iter().collect();
    // An INSERT needs at least one row.
    if !rows.is_empty() {
        E::insert_many(rows).exec(conn).await?;
    }
    Ok(())
}
