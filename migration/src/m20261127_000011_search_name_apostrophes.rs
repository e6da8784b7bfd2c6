use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use sea_orm_migration::prelude::*;

/// Names are searched with apostrophes of every kind ignored and family
/// names in parts found apart and joined ("dalessio", "d’alessio" and
/// "d alessio" find D'Alessio; issue 16): every person's stored
/// `search_name` is written again the new way.
///
/// The folding is copied here as it was when this migration landed, so that
/// a later change to `ponte_domain::search_text` cannot change what this
/// migration did; a later change writes its own migration.
#[derive(DeriveMigrationName)]
pub struct Migration;

const APOSTROPHES: [char; 6] = ['\'', '\u{2019}', '\u{2018}', '`', '\u{b4}', '\u{2bc}'];

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

fn fold(s: &str) -> String {
    let words: Vec<String> = s
        .split_whitespace()
        .map(|word| {
            word.chars()
                .filter(|c| !APOSTROPHES.contains(c))
                .flat_map(char::to_lowercase)
                .map(strip_accent)
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect();
    words.join(" ")
}

/// As stored by the service: a leading space, so that every word of the
/// name, the first included, follows a space.
fn search_name(given: &str, family: &str) -> String {
    let mut tokens = fold(&format!("{family} {given}"));
    let parts: Vec<String> = family
        .split(|c: char| c.is_whitespace() || APOSTROPHES.contains(&c))
        .map(fold)
        .filter(|part| !part.is_empty())
        .collect();
    if parts.len() > 1 {
        let written = fold(family);
        for variant in [parts.join(" "), parts.concat()] {
            if variant != written {
                tokens.push(' ');
                tokens.push_str(&variant);
            }
        }
    }
    format!(" {tokens}")
}

#[derive(FromQueryResult)]
struct Row {
    id: sea_orm::prelude::Uuid,
    given_name: String,
    family_name: String,
    search_name: String,
}

/// Persons are read a page at a time in id order, so the migration's memory
/// does not grow with an ASST's 100,000 records; only changed names are
/// written.
const PAGE: u64 = 1000;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = db.get_database_backend();
        let mut after: Option<sea_orm::prelude::Uuid> = None;
        loop {
            let mut page = Query::select();
            page.columns([
                Alias::new("id"),
                Alias::new("given_name"),
                Alias::new("family_name"),
                Alias::new("search_name"),
            ])
            .from(Alias::new("persons"))
            .order_by(Alias::new("id"), Order::Asc)
            .limit(PAGE);
            if let Some(last) = after {
                page.and_where(Expr::col(Alias::new("id")).gt(last));
            }
            let rows = Row::find_by_statement(backend.build(&page)).all(db).await?;
            let Some(last) = rows.last() else { break };
            after = Some(last.id);
            for row in &rows {
                let folded = search_name(&row.given_name, &row.family_name);
                if folded == row.search_name {
                    continue;
                }
                let update = Query::update()
                    .table(Alias::new("persons"))
                    .value(Alias::new("search_name"), Value::from(folded))
                    .and_where(Expr::col(Alias::new("id")).eq(row.id))
                    .to_owned();
                db.execute(backend.build(&update)).await?;
            }
            if (rows.len() as u64) < PAGE {
                break;
            }
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // The former folding found fewer names, not other ones: the new
        // search names stay, and a search the old way still finds every
        // name without an apostrophe.
        Ok(())
    }
}
