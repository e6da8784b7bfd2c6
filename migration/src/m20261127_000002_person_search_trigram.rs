use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

/// The person search matches word prefixes anywhere in the folded name
/// (`search_name LIKE '% ros%'`), which no B-tree serves. On PostgreSQL a
/// trigram index (pg_trgm, a trusted extension since PostgreSQL 13) does: on
/// 100,000 persons a two-word search went from 28 ms to 8 ms. SQLite keeps
/// its scan: the embedded default holds one service's persons, not an ASST's.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        let db = manager.get_connection();
        db.execute_unprepared("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            .await?;
        db.execute_unprepared(
            "CREATE INDEX IF NOT EXISTS idx_persons_search_name_trgm \
             ON persons USING gin (search_name gin_trgm_ops)",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX IF EXISTS idx_persons_search_name_trgm")
            .await?;
        Ok(())
    }
}
