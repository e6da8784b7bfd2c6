//! A page of a list: where it starts and how long it may be.

use sea_orm::sea_query::LikeExpr;
use sea_orm::{
    ConnectionTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QuerySelect, Select,
};

use crate::audit::{self, AuditEntry};
use crate::caller::Caller;
use crate::error::AppResult;

/// Lists never return more than this many rows at once.
pub const MAX_PAGE_SIZE: u64 = 100;
pub const DEFAULT_PAGE_SIZE: u64 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub offset: u64,
    pub limit: u64,
    /// Whether the client asked for the list's total: counting the whole
    /// filtered list is a second query, run only then.
    pub count: bool,
}

#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub offset: u64,
    pub total: u64,
}

impl<T> Page<T> {
    pub fn has_next(&self) -> bool {
        self.offset + (self.items.len() as u64) < self.total
    }

    /// The page `page` of a whole list already in memory (a DataLoader's rows).
    pub fn cut(all: Vec<T>, page: PageRequest) -> Page<T> {
        let total = all.len() as u64;
        let items = all
            .into_iter()
            .skip(usize::try_from(page.offset).unwrap_or(usize::MAX))
            .take(usize::try_from(page.limit).unwrap_or(usize::MAX))
            .collect();
        Page {
            items,
            offset: page.offset,
            total,
        }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            offset: self.offset,
            total: self.total,
        }
    }
}

/// A page of case rows for a list, committed with one audited read per row
/// it shows (`read` names the row and its person).
pub async fn fetch_audited_page<E>(
    txn: DatabaseTransaction,
    caller: &Caller,
    query: Select<E>,
    page: PageRequest,
    read: impl Fn(&E::Model) -> AuditEntry,
) -> AppResult<Page<E::Model>>
where
    E: EntityTrait,
    E::Model: Send + Sync,
{
    let found = fetch_page(&txn, query, page).await?;
    audit::record_many(&txn, caller, found.items.iter().map(read)).await?;
    txn.commit().await?;
    Ok(found)
}

/// Runs an ordered query for one page, with the total the connection shows
/// when it was asked for. Without it the page reads one row more, to know
/// whether another page follows, and `total` only says that much (the rows
/// up to this page, plus one if more follow).
pub async fn fetch_page<E>(
    conn: &impl ConnectionTrait,
    query: Select<E>,
    page: PageRequest,
) -> AppResult<Page<E::Model>>
where
    E: EntityTrait,
    E::Model: Send + Sync,
{
    let counted = if page.count {
        Some(query.clone().count(conn).await?)
    } else {
        None
    };
    // Without a count, one row more tells whether another page follows.
    let mut items = query
        .offset(page.offset)
        .limit(page.limit.saturating_add(1))
        .all(conn)
        .await?;
    let more = items.len() as u64 > page.limit;
    items.truncate(usize::try_from(page.limit).unwrap_or(usize::MAX));
    Ok(Page {
        offset: page.offset,
        total: counted.unwrap_or(page.offset + items.len() as u64 + u64::from(more)),
        items,
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
    use sea_orm::sea_query::{Alias, Expr, Query, SqliteQueryBuilder};

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

    #[test]
    fn a_page_cut_from_a_list_keeps_its_total_and_position() {
        let page = Page::cut(
            (1..=5).collect(),
            PageRequest {
                offset: 2,
                limit: 2,
                count: true,
            },
        );
        assert_eq!(page.items, vec![3, 4]);
        assert_eq!((page.offset, page.total), (2, 5));
        assert!(page.has_next());
        let past_the_end = Page::cut(
            vec![1, 2],
            PageRequest {
                offset: 7,
                limit: 20,
                count: true,
            },
        );
        assert!(past_the_end.items.is_empty());
        assert_eq!(past_the_end.total, 2);
    }

    #[test]
    fn a_page_knows_whether_more_follow() {
        let page = Page {
            items: vec![1, 2],
            offset: 0,
            total: 3,
        };
        assert!(page.has_next());
        let page = Page {
            items: vec![3],
            offset: 2,
            total: 3,
        };
        assert!(!page.has_next());
    }
}
