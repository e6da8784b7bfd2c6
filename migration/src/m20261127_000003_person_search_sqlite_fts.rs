use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

/// The SQLite counterpart of the trigram index: an FTS5 table with the
/// trigram tokenizer over the folded names, kept by triggers, so that the
/// same `LIKE '% ros%'` the search asks of `persons` is answered from an
/// index (on 100,000 names: 0.2 ms instead of a 12 ms scan). FTS5 serves a
/// LIKE only without an ESCAPE clause and with at least three characters,
/// which the search service knows (`services::persons`).
///
/// The table is keyed by the person's id, not by SQLite's rowid: a table
/// without an INTEGER PRIMARY KEY may renumber its rowids on VACUUM.
#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: [&str; 5] = [
    "CREATE VIRTUAL TABLE persons_search \
     USING fts5(person_id UNINDEXED, search_name, tokenize = 'trigram')",
    "INSERT INTO persons_search (person_id, search_name) SELECT id, search_name FROM persons",
    "CREATE TRIGGER persons_search_insert AFTER INSERT ON persons BEGIN \
     INSERT INTO persons_search (person_id, search_name) VALUES (new.id, new.search_name); END",
    "CREATE TRIGGER persons_search_update AFTER UPDATE OF search_name ON persons BEGIN \
     DELETE FROM persons_search WHERE person_id = old.id; \
     INSERT INTO persons_search (person_id, search_name) VALUES (new.id, new.search_name); END",
    "CREATE TRIGGER persons_search_delete AFTER DELETE ON persons BEGIN \
     DELETE FROM persons_search WHERE person_id = old.id; END",
];

const DOWN: [&str; 4] = [
    "DROP TRIGGER IF EXISTS persons_search_delete",
    "DROP TRIGGER IF EXISTS persons_search_update",
    "DROP TRIGGER IF EXISTS persons_search_insert",
    "DROP TABLE IF EXISTS persons_search",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, &UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run(manager, &DOWN).await
    }
}

async fn run(manager: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    if manager.get_database_backend() != DbBackend::Sqlite {
        return Ok(());
    }
    let db = manager.get_connection();
    for statement in statements {
        db.execute_unprepared(statement).await?;
    }
    Ok(())
}
