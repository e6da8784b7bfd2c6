//! The territory as SQL: an organization's chain of ancestors, and what lies
//! under a territory, each one recursive query (`WITH RECURSIVE`, the same
//! text on SQLite and PostgreSQL). Both walks stop at `MAX_DEPTH` levels so
//! that a loop written by hand into the table cannot run forever.

use std::collections::HashSet;

use entity::user_territory;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QuerySelect,
    Statement, Value,
};
use uuid::Uuid;

use crate::error::AppResult;

/// Deeper than any real territory (Comune, Ambito, Distretto, ASST, ATS).
const MAX_DEPTH: i32 = 16;

/// `territory(id)`: the organization `$n` and every organization under it,
/// as a common table expression to put before a query's `SELECT`.
pub fn territory_cte(param: usize) -> String {
    format!(
        "WITH RECURSIVE territory(id, depth) AS ( \
           SELECT id, 0 FROM organizations WHERE id = ${param} \
           UNION ALL \
           SELECT o.id, t.depth + 1 FROM organizations o JOIN territory t ON o.parent_id = t.id \
           WHERE t.depth < {MAX_DEPTH} \
         ) "
    )
}

/// A statement for the connection's backend: the SQL here numbers its
/// parameters `$n`, which SQLite spells `?n`.
pub fn statement(conn: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Statement {
    let backend = conn.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Sqlite => sql.replace('$', "?"),
        _ => sql.to_owned(),
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// `organization_id` and its ancestors, the organization first.
pub async fn chain_upwards(
    conn: &impl ConnectionTrait,
    organization_id: Uuid,
) -> AppResult<Vec<Uuid>> {
    let sql = format!(
        "WITH RECURSIVE chain(id, parent_id, depth) AS ( \
           SELECT id, parent_id, 0 FROM organizations WHERE id = $1 \
           UNION ALL \
           SELECT o.id, o.parent_id, c.depth + 1 FROM organizations o JOIN chain c ON o.id = c.parent_id \
           WHERE c.depth < {MAX_DEPTH} \
         ) SELECT id FROM chain ORDER BY depth"
    );
    let rows = conn
        .query_all(statement(conn, &sql, vec![organization_id.into()]))
        .await?;
    let mut chain = Vec::with_capacity(rows.len());
    for row in rows {
        chain.push(row.try_get_by_index::<Uuid>(0)?);
    }
    Ok(chain)
}

/// Whether `inner` is `outer` or lies under it.
pub async fn lies_within(
    conn: &impl ConnectionTrait,
    inner: Uuid,
    outer: &[Uuid],
) -> AppResult<bool> {
    Ok(chain_upwards(conn, inner)
        .await?
        .iter()
        .any(|id| outer.contains(id)))
}

/// The territories assigned to a user (a REPORTER's), without what lies
/// under them.
pub async fn territory_ids(conn: &impl ConnectionTrait, user_id: Uuid) -> AppResult<Vec<Uuid>> {
    Ok(user_territory::Entity::find()
        .select_only()
        .column(user_territory::Column::OrganizationId)
        .filter(user_territory::Column::UserId.eq(user_id))
        .into_tuple()
        .all(conn)
        .await?)
}

/// Every organization that is one of `roots` or lies under one.
pub async fn within_territories(
    conn: &impl ConnectionTrait,
    roots: &[Uuid],
) -> AppResult<HashSet<Uuid>> {
    let mut within = HashSet::new();
    for root in roots {
        let sql = format!("{}SELECT id FROM territory", territory_cte(1));
        let rows = conn
            .query_all(statement(conn, &sql, vec![(*root).into()]))
            .await?;
        for row in rows {
            within.insert(row.try_get_by_index::<Uuid>(0)?);
        }
    }
    Ok(within)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_territory_is_one_recursive_expression_with_a_depth_bound() {
        let cte = territory_cte(3);
        assert!(
            cte.starts_with("WITH RECURSIVE territory(id, depth)"),
            "{cte}"
        );
        assert!(cte.contains("WHERE id = $3"), "{cte}");
        assert!(cte.contains("t.depth < 16"), "{cte}");
    }
}
