//! Connecting to SQLite or PostgreSQL and bringing the schema up to date.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr, Statement,
    TransactionTrait,
};

pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        // Every statement at INFO drowns the request log; keep it for debugging.
        .sqlx_logging_level(tracing::log::LevelFilter::Debug);
    if url.starts_with("sqlite:") {
        // SQLite has one writer at a time, and nearly every request writes
        // (reads of case data are audited). With several connections two
        // transactions that read and then write deadlock and one fails with
        // SQLITE_BUSY at once; one connection queues them instead.
        // PostgreSQL is the backend for concurrency.
        options.max_connections(1).min_connections(1);
    } else {
        options.max_connections(20);
    }
    let db = Database::connect(options).await?;
    if db.get_database_backend() == DbBackend::Sqlite {
        db.execute_unprepared("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;")
            .await?;
    }
    Ok(db)
}

/// Applies pending migrations. On PostgreSQL an advisory lock makes several
/// instances starting together take turns instead of racing. The lock is the
/// transaction's own (`pg_advisory_xact_lock`) and the migrations run in that
/// transaction: a session lock taken through the pool could be released on
/// another connection, which fails, and stay held for the life of the process,
/// so that every other instance (or `ponte create-admin`) waited forever.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    if db.get_database_backend() == DbBackend::Postgres {
        const LOCK: i64 = 0x0050_4f4e_5445; // "PONTE"
        let txn = db.begin().await?;
        txn.execute(Statement::from_string(
            DbBackend::Postgres,
            format!("SELECT pg_advisory_xact_lock({LOCK})"),
        ))
        .await?;
        Migrator::up(&txn, None).await?;
        txn.commit().await
    } else {
        Migrator::up(db, None).await
    }
}
