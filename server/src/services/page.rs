//! A page of a list: where it starts and how long it may be.
//!
//! Pages are cut by key, not by position: a cursor holds the sort-key values
//! of the last row a client saw (and the row's id, which breaks ties), and the
//! next page is the rows after those values in the list's order. Rows
//! inserted, removed or re-sorted between two requests then move only
//! themselves: with offsets every row behind them shifted, and a client
//! walking the list skipped or repeated rows it never touched. Each list
//! declares its order once, as a [`Keyset`]; the same declaration gives the
//! ORDER BY, the condition that continues after a cursor, and the cursor of a
//! row.

use std::cmp::Ordering;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, LikeExpr, NullOrdering, SimpleExpr};
use sea_orm::{
    ColumnTrait, ColumnType, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait,
    IntoSimpleExpr, ModelTrait, Order, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    Select, Value,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::audit::{self, AuditEntry};
use crate::caller::Caller;
use crate::error::{AppError, AppResult};

/// Lists never return more than this many rows at once.
pub const MAX_PAGE_SIZE: u64 = 100;
pub const DEFAULT_PAGE_SIZE: u64 = 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    /// The cursor of the last row already seen; `None` for the first page.
    pub after: Option<Cursor>,
    pub limit: u64,
    /// Whether the client asked for the list's total: counting the whole
    /// filtered list is a second query, run only then.
    pub count: bool,
}

impl PageRequest {
    /// The first `limit` rows of a list, uncounted.
    pub fn first(limit: u64) -> PageRequest {
        PageRequest {
            after: None,
            limit,
            count: false,
        }
    }
}

/// Where a page of a list ends: the list it belongs to and the sort-key
/// values of its last row, its id last. Clients hold it opaque.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    #[serde(rename = "l")]
    pub list: String,
    #[serde(rename = "k")]
    pub keys: Vec<KeyValue>,
}

/// One sort-key value of a row, as a cursor keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyValue {
    #[serde(rename = "n")]
    Null,
    #[serde(rename = "s")]
    Text(String),
    #[serde(rename = "i")]
    Int(i64),
    #[serde(rename = "d")]
    Date(NaiveDate),
    #[serde(rename = "t")]
    Instant(DateTime<Utc>),
    #[serde(rename = "u")]
    Id(Uuid),
}

/// What kind of value a sort key holds: a cursor whose values are of other
/// kinds comes from another list, or from no server at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Text,
    Int,
    Date,
    Instant,
    Id,
}

impl KeyValue {
    fn is_of(&self, kind: Option<KeyKind>, nullable: bool) -> bool {
        matches!(
            (self, kind),
            (KeyValue::Text(_), Some(KeyKind::Text))
                | (KeyValue::Int(_), Some(KeyKind::Int))
                | (KeyValue::Date(_), Some(KeyKind::Date))
                | (KeyValue::Instant(_), Some(KeyKind::Instant))
                | (KeyValue::Id(_), Some(KeyKind::Id))
        ) || (nullable && *self == KeyValue::Null)
    }

    /// The value bound in SQL; `None` for NULL, which is never compared
    /// with `=` or `>`.
    fn sql(&self) -> Option<Value> {
        match self {
            KeyValue::Null => None,
            KeyValue::Text(v) => Some(v.clone().into()),
            KeyValue::Int(v) => Some((*v).into()),
            KeyValue::Date(v) => Some((*v).into()),
            KeyValue::Instant(v) => Some((*v).into()),
            KeyValue::Id(v) => Some((*v).into()),
        }
    }

    /// Two non-NULL values of one key in ascending order.
    fn ascending(&self, other: &KeyValue) -> Ordering {
        match (self, other) {
            (KeyValue::Text(a), KeyValue::Text(b)) => a.cmp(b),
            (KeyValue::Int(a), KeyValue::Int(b)) => a.cmp(b),
            (KeyValue::Date(a), KeyValue::Date(b)) => a.cmp(b),
            (KeyValue::Instant(a), KeyValue::Instant(b)) => a.cmp(b),
            (KeyValue::Id(a), KeyValue::Id(b)) => a.cmp(b),
            // Values of one key share a kind (checked when a cursor is read).
            _ => Ordering::Equal,
        }
    }
}

impl From<String> for KeyValue {
    fn from(v: String) -> Self {
        KeyValue::Text(v)
    }
}

impl From<i64> for KeyValue {
    fn from(v: i64) -> Self {
        KeyValue::Int(v)
    }
}

impl From<NaiveDate> for KeyValue {
    fn from(v: NaiveDate) -> Self {
        KeyValue::Date(v)
    }
}

impl From<DateTime<Utc>> for KeyValue {
    fn from(v: DateTime<Utc>) -> Self {
        KeyValue::Instant(v)
    }
}

impl From<Uuid> for KeyValue {
    fn from(v: Uuid) -> Self {
        KeyValue::Id(v)
    }
}

impl<V: Into<KeyValue>> From<Option<V>> for KeyValue {
    fn from(v: Option<V>) -> Self {
        v.map_or(KeyValue::Null, Into::into)
    }
}

impl KeyValue {
    /// A column's value as a model holds it. A type no key kind takes
    /// (`column_kind`) is read as NULL, which no cursor of a non-null key
    /// accepts back.
    fn of_column(value: Value) -> KeyValue {
        match value {
            Value::String(Some(v)) => KeyValue::Text(*v),
            Value::Int(Some(v)) => KeyValue::Int(v.into()),
            Value::BigInt(Some(v)) => KeyValue::Int(v),
            Value::ChronoDate(Some(v)) => KeyValue::Date(*v),
            Value::ChronoDateTimeUtc(Some(v)) => KeyValue::Instant(*v),
            Value::Uuid(Some(v)) => KeyValue::Id(*v),
            _ => KeyValue::Null,
        }
    }
}

/// The kind of key a column of this type is; `None` for a type lists are not
/// sorted by (a key of it takes no cursor back: add the type here first).
fn column_kind(column_type: &ColumnType) -> Option<KeyKind> {
    match column_type {
        ColumnType::String(_) | ColumnType::Text | ColumnType::Char(_) => Some(KeyKind::Text),
        ColumnType::Integer | ColumnType::BigInteger | ColumnType::SmallInteger => {
            Some(KeyKind::Int)
        }
        ColumnType::Date => Some(KeyKind::Date),
        ColumnType::TimestampWithTimeZone => Some(KeyKind::Instant),
        ColumnType::Uuid => Some(KeyKind::Id),
        _ => None,
    }
}

type Read<M> = Box<dyn Fn(&M) -> KeyValue + Send + Sync>;

struct SortKey<M> {
    expr: SimpleExpr,
    order: Order,
    kind: Option<KeyKind>,
    /// A key that may be NULL sorts its NULLs after every value, in either
    /// direction and on both databases (PostgreSQL's default puts them last
    /// ascending and first descending, SQLite's the other way round).
    nullable: bool,
    read: Read<M>,
}

/// The order of one list, declared once: its sort keys in order, the last
/// one unique (the id), each with how SQL computes it and how to read it off
/// a row (a column of the list's table, or an expression with its reading in
/// Rust). `list` names the list in its cursors.
pub struct Keyset<M> {
    list: &'static str,
    keys: Vec<SortKey<M>>,
}

impl<M> Keyset<M> {
    pub fn new(list: &'static str) -> Self {
        Keyset {
            list,
            keys: Vec::new(),
        }
    }

    /// The key declared last may be NULL; its NULLs come after its values.
    pub fn nulls_last(mut self) -> Self {
        if let Some(key) = self.keys.last_mut() {
            key.nullable = true;
        }
        self
    }

    fn key(mut self, order: Order, kind: Option<KeyKind>, expr: SimpleExpr, read: Read<M>) -> Self {
        self.keys.push(SortKey {
            expr,
            order,
            kind,
            nullable: false,
            read,
        });
        self
    }

    /// The cursor that continues after `row`.
    pub fn cursor_of(&self, row: &M) -> Cursor {
        Cursor {
            list: self.list.to_owned(),
            keys: self.keys.iter().map(|key| (key.read)(row)).collect(),
        }
    }

    /// The cursor's values, when it is a cursor of this list.
    fn values_of<'c>(&self, cursor: &'c Cursor) -> AppResult<&'c [KeyValue]> {
        let fits = cursor.list == self.list
            && cursor.keys.len() == self.keys.len()
            && cursor
                .keys
                .iter()
                .zip(&self.keys)
                .all(|(value, key)| value.is_of(key.kind, key.nullable));
        if fits {
            Ok(&cursor.keys)
        } else {
            Err(bad_cursor())
        }
    }

    /// The list's ORDER BY.
    pub fn order<E: EntityTrait>(&self, query: Select<E>) -> Select<E> {
        self.keys.iter().fold(query, |query, key| {
            if key.nullable {
                query.order_by_with_nulls(key.expr.clone(), key.order.clone(), NullOrdering::Last)
            } else {
                query.order_by(key.expr.clone(), key.order.clone())
            }
        })
    }

    /// The rows after the cursor in the list's order. Each key adds a bound
    /// of its own before the next key is looked at,
    /// `k ≥ v AND (k > v OR <after the next keys>)`, so that the leading
    /// `k ≥ v` is a range the planner can start a (k, id) index scan from.
    pub fn after(&self, cursor: &Cursor) -> AppResult<Condition> {
        let values = self.values_of(cursor)?;
        Ok(after_keys(&self.keys, values))
    }

    /// Whether `row` comes after the cursor's row in the list's order.
    fn is_after(&self, row: &M, values: &[KeyValue]) -> bool {
        for (key, value) in self.keys.iter().zip(values) {
            match key.compare(&(key.read)(row), value) {
                Ordering::Greater => return true,
                Ordering::Less => return false,
                Ordering::Equal => {}
            }
        }
        false
    }
}

/// How Rust reads a key that SQL computes as an expression.
pub type ReadKey<M> = fn(&M) -> KeyValue;

impl<M: 'static> Keyset<M> {
    /// A key SQL computes as `expr` and Rust as `read`, ascending.
    pub fn asc_expr(self, kind: KeyKind, expr: impl Into<SimpleExpr>, read: ReadKey<M>) -> Self {
        self.key(Order::Asc, Some(kind), expr.into(), Box::new(read))
    }

    /// A key SQL computes as `expr` and Rust as `read`, descending.
    pub fn desc_expr(self, kind: KeyKind, expr: impl Into<SimpleExpr>, read: ReadKey<M>) -> Self {
        self.key(Order::Desc, Some(kind), expr.into(), Box::new(read))
    }
}

impl<M: ModelTrait + 'static> Keyset<M> {
    /// A column of the list's table, ascending. Its kind and whether it may
    /// be NULL come from the entity; a model holds its value.
    pub fn asc(self, column: <M::Entity as EntityTrait>::Column) -> Self {
        self.column(Order::Asc, column)
    }

    /// A column of the list's table, descending.
    pub fn desc(self, column: <M::Entity as EntityTrait>::Column) -> Self {
        self.column(Order::Desc, column)
    }

    fn column(self, order: Order, column: <M::Entity as EntityTrait>::Column) -> Self {
        let def = column.def();
        let keyset = self.key(
            order,
            column_kind(def.get_column_type()),
            // Qualified by its table, so that a join cannot make it ambiguous.
            column.into_simple_expr(),
            Box::new(move |row: &M| KeyValue::of_column(row.get(column))),
        );
        if def.is_null() {
            keyset.nulls_last()
        } else {
            keyset
        }
    }
}

impl<M> SortKey<M> {
    /// Two values of this key in the list's order.
    fn compare(&self, a: &KeyValue, b: &KeyValue) -> Ordering {
        match (a, b) {
            (KeyValue::Null, KeyValue::Null) => Ordering::Equal,
            (KeyValue::Null, _) => Ordering::Greater,
            (_, KeyValue::Null) => Ordering::Less,
            _ if self.order == Order::Desc => a.ascending(b).reverse(),
            _ => a.ascending(b),
        }
    }

    fn is_null(&self) -> SimpleExpr {
        Expr::expr(self.expr.clone()).is_null()
    }

    /// The rows whose key comes after `value` in the list's order; `None`
    /// when none can (after a NULL, which sorts last).
    fn beyond(&self, value: &KeyValue) -> Option<Condition> {
        let bound = value.sql()?;
        let key = Expr::expr(self.expr.clone());
        let past = match self.order {
            Order::Desc => key.lt(bound),
            _ => key.gt(bound),
        };
        Some(self.or_null(past))
    }

    /// The rows whose key is `value` or comes after it.
    fn from(&self, value: &KeyValue) -> Condition {
        let Some(bound) = value.sql() else {
            return Condition::all().add(self.is_null());
        };
        let key = Expr::expr(self.expr.clone());
        let reached = match self.order {
            Order::Desc => key.lte(bound),
            _ => key.gte(bound),
        };
        self.or_null(reached)
    }

    /// A nullable key's NULLs sort after every value.
    fn or_null(&self, condition: SimpleExpr) -> Condition {
        let any = Condition::any().add(condition);
        if self.nullable {
            any.add(self.is_null())
        } else {
            any
        }
    }
}

/// The rows after `values` by `keys`: `from(k) AND (beyond(k) OR after the
/// rest)`, which is `beyond(k) OR (k = v AND after the rest)` with the
/// range on `k` in front.
fn after_keys<M>(keys: &[SortKey<M>], values: &[KeyValue]) -> Condition {
    match (keys, values) {
        ([key], [value]) => key
            .beyond(value)
            .unwrap_or_else(|| Condition::all().add(Expr::value(false))),
        ([key, rest @ ..], [value, rest_values @ ..]) => {
            let later = after_keys(rest, rest_values);
            let beyond_or_later = match key.beyond(value) {
                Some(beyond) => Condition::any().add(beyond).add(later),
                None => later,
            };
            Condition::all().add(key.from(value)).add(beyond_or_later)
        }
        // Checked against the declaration when the cursor was read.
        _ => Condition::all().add(Expr::value(false)),
    }
}

fn bad_cursor() -> AppError {
    AppError::validation("after", "Cursore di paginazione non valido")
}

#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The cursor of each item, in step with `items`.
    pub cursors: Vec<Cursor>,
    /// Whether the page continues an earlier one.
    pub has_previous: bool,
    pub has_next: bool,
    /// The whole list's length, when it was asked for (or known anyway).
    pub total: Option<u64>,
}

impl<T> Page<T> {
    /// The page after the request's cursor of a whole list already in
    /// memory (a DataLoader's rows), in `keys`' order.
    pub fn cut(all: Vec<T>, page: &PageRequest, keys: &Keyset<T>) -> AppResult<Page<T>> {
        let total = all.len() as u64;
        let start = match &page.after {
            None => 0,
            Some(cursor) => {
                let values = keys.values_of(cursor)?;
                all.iter()
                    .position(|row| keys.is_after(row, values))
                    .unwrap_or(all.len())
            }
        };
        let limit = usize::try_from(page.limit).unwrap_or(usize::MAX);
        let has_next = all.len().saturating_sub(start) > limit;
        let items: Vec<T> = all.into_iter().skip(start).take(limit).collect();
        Ok(Page {
            cursors: items.iter().map(|row| keys.cursor_of(row)).collect(),
            items,
            has_previous: page.after.is_some(),
            has_next,
            total: Some(total),
        })
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            cursors: self.cursors,
            has_previous: self.has_previous,
            has_next: self.has_next,
            total: self.total,
        }
    }

    /// The page without the items `keep` refuses, and their cursors.
    pub fn retain(self, keep: &[bool]) -> Page<T> {
        let (items, cursors) = self
            .items
            .into_iter()
            .zip(self.cursors)
            .zip(keep)
            .filter(|(_, keep)| **keep)
            .map(|(pair, _)| pair)
            .unzip();
        Page {
            items,
            cursors,
            ..self
        }
    }
}

/// A page of case rows for a list, committed with one audited read per row
/// it shows (`read` names the row and its person).
pub async fn fetch_audited_page<E>(
    txn: DatabaseTransaction,
    caller: &Caller,
    query: Select<E>,
    keys: &Keyset<E::Model>,
    page: PageRequest,
    read: impl Fn(&E::Model) -> AuditEntry,
) -> AppResult<Page<E::Model>>
where
    E: EntityTrait,
    E::Model: Send + Sync,
{
    let found = fetch_page(&txn, query, keys, page).await?;
    audit::record_many(&txn, caller, found.items.iter().map(read)).await?;
    txn.commit().await?;
    Ok(found)
}

/// Runs a filtered query for the page after the request's cursor, in `keys`'
/// order, with the total the connection shows when it was asked for. The
/// page reads one row more, to know whether another page follows.
pub async fn fetch_page<E>(
    conn: &impl ConnectionTrait,
    query: Select<E>,
    keys: &Keyset<E::Model>,
    page: PageRequest,
) -> AppResult<Page<E::Model>>
where
    E: EntityTrait,
    E::Model: Send + Sync,
{
    let after = page.after.as_ref().map(|c| keys.after(c)).transpose()?;
    let total = if page.count {
        Some(query.clone().count(conn).await?)
    } else {
        None
    };
    let mut rows = keys.order(query);
    if let Some(after) = after {
        rows = rows.filter(after);
    }
    let mut items = rows.limit(page.limit.saturating_add(1)).all(conn).await?;
    let has_next = items.len() as u64 > page.limit;
    items.truncate(usize::try_from(page.limit).unwrap_or(usize::MAX));
    Ok(Page {
        cursors: items.iter().map(|row| keys.cursor_of(row)).collect(),
        items,
        has_previous: page.after.is_some(),
        has_next,
        total,
    })
}

/// Where a searched text must sit in the searched column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Anywhere,
    /// At the start of a word of a column kept as " word word …".
    WordStart,
}

/// The LIKE that finds `text` literally: its `%`, `_` and `\` escaped, with
/// the `ESCAPE '\'` clause without which SQLite takes the backslash for an
/// ordinary character (and a search for `a_b` finds nothing). Every LIKE built
/// from what a user typed comes from here. The caller folds case as the
/// column is kept.
pub fn like_literal(text: &str, placement: Placement) -> LikeExpr {
    let mut pattern = String::from(match placement {
        Placement::Anywhere => "%",
        Placement::WordStart => "% ",
    });
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    LikeExpr::new(pattern).escape('\\')
}

/// The same LIKE without an ESCAPE clause, for text that holds none of the
/// characters it would escape: SQLite's FTS5 trigram index serves a LIKE only
/// when it has no ESCAPE clause. `None` when the text needs escaping.
pub fn like_plain(text: &str, placement: Placement) -> Option<LikeExpr> {
    if text.contains(['%', '_', '\\']) {
        return None;
    }
    let start = match placement {
        Placement::Anywhere => "%",
        Placement::WordStart => "% ",
    };
    Some(LikeExpr::new(format!("{start}{text}%")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::{Alias, Query, SqliteQueryBuilder};
    use sea_orm::QueryTrait;

    fn where_clause(like: LikeExpr) -> String {
        Query::select()
            .column(Alias::new("name"))
            .from(Alias::new("t"))
            .and_where(Expr::col(Alias::new("name")).like(like))
            .to_string(SqliteQueryBuilder)
    }

    #[test]
    fn wildcards_in_a_search_are_escaped_and_the_escape_is_declared() {
        let sql = where_clause(like_literal("ro_ssi%", Placement::Anywhere));
        assert!(
            sql.ends_with(r#""name" LIKE '%ro\_ssi\%%' ESCAPE '\'"#),
            "{sql}"
        );
        let sql = where_clause(like_literal("a\\b", Placement::WordStart));
        assert!(
            sql.ends_with(r#""name" LIKE '% a\\b%' ESCAPE '\'"#),
            "{sql}"
        );
    }

    #[test]
    fn a_plain_like_is_only_made_of_text_that_needs_no_escape() {
        let sql = where_clause(like_plain("ros", Placement::WordStart).unwrap());
        assert!(sql.ends_with(r#""name" LIKE '% ros%'"#), "{sql}");
        assert!(like_plain("ro_ssi", Placement::Anywhere).is_none());
        assert!(like_plain("50%", Placement::Anywhere).is_none());
        assert!(like_plain("a\\b", Placement::Anywhere).is_none());
    }

    /// A row of a list sorted by a date that may be missing, then by id.
    #[derive(Debug, Clone, PartialEq)]
    struct Row {
        due: Option<NaiveDate>,
        id: i64,
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn by_due() -> Keyset<Row> {
        Keyset::<Row>::new("rows")
            .asc_expr(KeyKind::Date, Expr::col(Alias::new("due")), |r| {
                r.due.into()
            })
            .nulls_last()
            .asc_expr(KeyKind::Int, Expr::col(Alias::new("id")), |r| r.id.into())
    }

    fn newest_first() -> Keyset<Row> {
        Keyset::<Row>::new("newest")
            .desc_expr(KeyKind::Date, Expr::col(Alias::new("due")), |r| {
                r.due.into()
            })
            .desc_expr(KeyKind::Int, Expr::col(Alias::new("id")), |r| r.id.into())
    }

    fn after_sql(keys: &Keyset<Row>, row: &Row) -> String {
        let condition = keys.after(&keys.cursor_of(row)).unwrap();
        let sql = Query::select()
            .column(Alias::new("id"))
            .from(Alias::new("t"))
            .cond_where(condition)
            .to_string(SqliteQueryBuilder);
        sql.split_once(" WHERE ").unwrap().1.to_owned()
    }

    #[test]
    fn the_condition_bounds_the_leading_key_then_breaks_ties_by_id() {
        let sql = after_sql(
            &newest_first(),
            &Row {
                due: Some(day(5)),
                id: 7,
            },
        );
        assert_eq!(
            sql,
            r#""due" <= '2026-11-05' AND ("due" < '2026-11-05' OR "id" < 7)"#
        );
    }

    #[test]
    fn nulls_sort_last_and_the_condition_crosses_into_them() {
        let sql = after_sql(
            &by_due(),
            &Row {
                due: Some(day(5)),
                id: 7,
            },
        );
        assert_eq!(
            sql,
            r#"("due" >= '2026-11-05' OR "due" IS NULL) AND ("due" > '2026-11-05' OR "due" IS NULL OR "id" > 7)"#
        );
        // After a NULL only NULLs follow, by id.
        let sql = after_sql(&by_due(), &Row { due: None, id: 7 });
        assert_eq!(sql, r#""due" IS NULL AND "id" > 7"#);
        let ordered = by_due()
            .order(entity_free_select())
            .build(sea_orm::DatabaseBackend::Sqlite)
            .to_string();
        assert!(
            ordered.contains(r#"ORDER BY "due" ASC NULLS LAST, "id" ASC"#),
            "{ordered}"
        );
        let ordered = by_due()
            .order(entity_free_select())
            .build(sea_orm::DatabaseBackend::Postgres)
            .to_string();
        assert!(
            ordered.contains(r#"ORDER BY "due" ASC NULLS LAST, "id" ASC"#),
            "{ordered}"
        );
    }

    /// Any entity serves to see the ORDER BY a declaration writes.
    fn entity_free_select() -> Select<entity::team::Entity> {
        entity::team::Entity::find()
    }

    fn rows() -> Vec<Row> {
        // In the list's order: dates ascending, NULLs last, ties by id.
        vec![
            Row {
                due: Some(day(1)),
                id: 4,
            },
            Row {
                due: Some(day(3)),
                id: 1,
            },
            Row {
                due: Some(day(3)),
                id: 2,
            },
            Row {
                due: Some(day(9)),
                id: 3,
            },
            Row { due: None, id: 5 },
            Row { due: None, id: 6 },
        ]
    }

    fn first(limit: u64, after: Option<Cursor>) -> PageRequest {
        PageRequest {
            after,
            limit,
            count: true,
        }
    }

    #[test]
    fn a_page_cut_from_a_list_continues_after_its_cursor_key() {
        let keys = by_due();
        let page = Page::cut(rows(), &first(2, None), &keys).unwrap();
        assert_eq!(page.items, rows()[..2]);
        assert!(page.has_next && !page.has_previous);
        assert_eq!(page.total, Some(6));
        let next = Page::cut(rows(), &first(3, page.cursors.last().cloned()), &keys).unwrap();
        assert_eq!(next.items, rows()[2..5]);
        assert!(next.has_next && next.has_previous);
        // The cursor's row is gone and a row came in before it: the page
        // still starts right after the cursor's key.
        let mut changed = rows();
        changed.remove(2);
        changed.insert(
            0,
            Row {
                due: Some(day(2)),
                id: 9,
            },
        );
        let cursor = keys.cursor_of(&rows()[2]);
        let next = Page::cut(changed, &first(2, Some(cursor)), &keys).unwrap();
        assert_eq!(next.items, rows()[3..5]);
        // Past a NULL key, only the NULLs with greater ids.
        let cursor = keys.cursor_of(&rows()[4]);
        let last = Page::cut(rows(), &first(20, Some(cursor)), &keys).unwrap();
        assert_eq!(last.items, rows()[5..]);
        assert!(!last.has_next);
    }

    #[test]
    fn a_descending_cut_goes_to_older_rows() {
        let keys = newest_first();
        let mut newest: Vec<Row> = rows().into_iter().filter(|r| r.due.is_some()).collect();
        newest.reverse();
        let cursor = keys.cursor_of(&newest[1]);
        let page = Page::cut(newest.clone(), &first(20, Some(cursor)), &keys).unwrap();
        assert_eq!(page.items, newest[2..]);
    }

    #[test]
    fn a_cursor_of_another_list_or_shape_is_refused() {
        let row = Row { due: None, id: 1 };
        let theirs = newest_first().cursor_of(&row);
        assert!(by_due().after(&theirs).is_err());
        let mut renamed = by_due().cursor_of(&row);
        renamed.list = "newest".into();
        // Right name, wrong shape: a NULL where the key may not be one.
        assert!(newest_first().after(&renamed).is_err());
        let mut short = by_due().cursor_of(&row);
        short.keys.pop();
        assert!(by_due().after(&short).is_err());
        let mut mistyped = by_due().cursor_of(&row);
        mistyped.keys[1] = KeyValue::Text("1".into());
        assert!(by_due().after(&mistyped).is_err());
        assert!(Page::cut(rows(), &first(2, Some(theirs)), &by_due()).is_err());
    }

    #[test]
    fn a_page_keeps_the_cursors_of_the_items_it_keeps() {
        let keys = by_due();
        let page = Page::cut(rows(), &first(3, None), &keys).unwrap();
        let kept = page.retain(&[true, false, true]);
        assert_eq!(kept.items, vec![rows()[0].clone(), rows()[2].clone()]);
        assert_eq!(
            kept.cursors,
            vec![keys.cursor_of(&rows()[0]), keys.cursor_of(&rows()[2])]
        );
    }

    #[test]
    fn a_column_key_takes_its_kind_and_nulls_from_the_entity() {
        use entity::notification;
        // `read_at` may be NULL: its NULLs sort last without being told.
        let keys = Keyset::<notification::Model>::new("by-read")
            .asc(notification::Column::ReadAt)
            .asc(notification::Column::Id);
        let sql = keys
            .order(notification::Entity::find())
            .build(sea_orm::DatabaseBackend::Postgres)
            .to_string();
        assert!(
            sql.ends_with(
                r#"ORDER BY "notifications"."read_at" ASC NULLS LAST, "notifications"."id" ASC"#
            ),
            "{sql}"
        );
        let id = KeyValue::Id(Uuid::nil());
        let cursor = |read_at: KeyValue, id: KeyValue| Cursor {
            list: "by-read".into(),
            keys: vec![read_at, id],
        };
        let unread = keys.after(&cursor(KeyValue::Null, id.clone()));
        assert!(unread.is_ok());
        let read = KeyValue::Instant(DateTime::<Utc>::MIN_UTC);
        assert!(keys.after(&cursor(read.clone(), id.clone())).is_ok());
        assert!(keys.after(&cursor(read, KeyValue::Null)).is_err());
        assert!(keys.after(&cursor(KeyValue::Date(day(1)), id)).is_err());
    }
}
