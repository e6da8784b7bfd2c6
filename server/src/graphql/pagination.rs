//! Relay connections over offset pages. Cursors are opaque to clients; inside
//! they are the row's position in the list's stable order.

use async_graphql::connection::{Connection, Edge};
use async_graphql::{Context, OutputType, SimpleObject};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::error::AppError;
use crate::services::page::{Page, PageRequest, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};

#[derive(SimpleObject)]
pub struct TotalCount {
    pub total_count: i64,
}

pub type PonteConnection<T> = Connection<String, T, TotalCount>;

fn encode_cursor(position: u64) -> String {
    URL_SAFE_NO_PAD.encode(format!("o:{position}"))
}

fn decode_cursor(cursor: &str) -> Option<u64> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    text.strip_prefix("o:")?.parse().ok()
}

/// The page a connection field asks for; the list's total is counted only
/// when the query selects `totalCount`.
pub fn page_request(
    ctx: &Context<'_>,
    first: Option<i32>,
    after: Option<&str>,
) -> Result<PageRequest, AppError> {
    let count = ctx.look_ahead().field("totalCount").exists();
    Ok(PageRequest {
        count,
        ..page_of(first, after)?
    })
}

/// `first` defaults to 20 and is capped at 100; `after` must be a cursor this
/// server handed out.
pub fn page_of(first: Option<i32>, after: Option<&str>) -> Result<PageRequest, AppError> {
    let limit = match first {
        None => DEFAULT_PAGE_SIZE,
        Some(n) if n < 0 => {
            return Err(AppError::validation(
                "first",
                "Il numero di elementi non può essere negativo",
            ))
        }
        Some(n) => (n as u64).min(MAX_PAGE_SIZE),
    };
    let offset = match after {
        None => 0,
        Some(cursor) => decode_cursor(cursor)
            .ok_or_else(|| AppError::validation("after", "Cursore di paginazione non valido"))?
            .saturating_add(1),
    };
    Ok(PageRequest {
        offset,
        limit,
        count: true,
    })
}

pub fn connection<T: OutputType>(page: Page<T>) -> PonteConnection<T> {
    let has_next = page.has_next();
    let mut connection = Connection::with_additional_fields(
        page.offset > 0,
        has_next,
        TotalCount {
            total_count: i64::try_from(page.total).unwrap_or(i64::MAX),
        },
    );
    let start = page.offset;
    connection.edges.extend(
        page.items
            .into_iter()
            .enumerate()
            .map(|(i, node)| Edge::new(encode_cursor(start + i as u64), node)),
    );
    connection
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_continues_after_its_row() {
        let cursor = encode_cursor(41);
        let page = page_of(Some(10), Some(&cursor)).unwrap();
        assert_eq!(
            page,
            PageRequest {
                offset: 42,
                limit: 10,
                count: true,
            }
        );
    }

    #[test]
    fn page_size_is_capped_and_bad_input_is_refused() {
        assert_eq!(page_of(Some(1000), None).unwrap().limit, MAX_PAGE_SIZE);
        assert_eq!(page_of(None, None).unwrap().limit, DEFAULT_PAGE_SIZE);
        assert!(page_of(Some(-1), None).is_err());
        assert!(page_of(None, Some("garbage!")).is_err());
    }
}
