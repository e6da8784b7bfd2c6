//! Relay connections over keyset pages. Cursors are opaque to clients; inside
//! they are the sort-key values of the row and its id (`services::page`), so
//! that a page continues after its last row wherever that row now stands.

use async_graphql::connection::{Connection, Edge};
use async_graphql::{Context, OutputType, SimpleObject};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::error::AppError;
use crate::services::page::{Cursor, Page, PageRequest, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};

#[derive(SimpleObject)]
pub struct TotalCount {
    pub total_count: i64,
}

pub type PonteConnection<T> = Connection<String, T, TotalCount>;

fn encode_cursor(cursor: &Cursor) -> String {
    // A cursor is plain data (strings, numbers, dates, ids): it always
    // serializes; an empty one would only be refused when it came back.
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(cursor).unwrap_or_default())
}

/// Whether the cursor fits the list it is used on is the list's to say
/// (`services::page::Keyset`); here only that it is one of ours at all. The
/// offset cursors of earlier versions (`o:<position>`) are not.
fn decode_cursor(cursor: &str) -> Option<Cursor> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    serde_json::from_slice(&bytes).ok()
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
    let after = after
        .map(|cursor| {
            decode_cursor(cursor)
                .ok_or_else(|| AppError::validation("after", "Cursore di paginazione non valido"))
        })
        .transpose()?;
    Ok(PageRequest {
        after,
        limit,
        count: true,
    })
}

pub fn connection<T: OutputType>(page: Page<T>) -> PonteConnection<T> {
    // `total` is missing only when the query did not select `totalCount`.
    let total = page.total.unwrap_or_default();
    let mut connection = Connection::with_additional_fields(
        page.has_previous,
        page.has_next,
        TotalCount {
            total_count: i64::try_from(total).unwrap_or(i64::MAX),
        },
    );
    connection.edges.extend(
        page.items
            .into_iter()
            .zip(&page.cursors)
            .map(|(node, cursor)| Edge::new(encode_cursor(cursor), node)),
    );
    connection
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::page::KeyValue;

    #[test]
    fn a_cursor_comes_back_as_it_was_handed_out() {
        let cursor = Cursor {
            list: "persons".into(),
            keys: vec![
                KeyValue::Text("rossi mario".into()),
                KeyValue::Date(chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()),
                KeyValue::Null,
                KeyValue::Id(uuid::Uuid::now_v7()),
            ],
        };
        let page = page_of(Some(10), Some(&encode_cursor(&cursor))).unwrap();
        assert_eq!(
            page,
            PageRequest {
                after: Some(cursor),
                limit: 10,
                count: true,
            }
        );
    }

    #[test]
    fn an_offset_cursor_of_earlier_versions_is_refused() {
        let old = URL_SAFE_NO_PAD.encode("o:41");
        let refused = page_of(Some(10), Some(&old)).unwrap_err();
        assert!(
            matches!(refused, AppError::Validation { ref field, .. } if field == "after"),
            "{refused:?}"
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
