//! `ponte backup` and `ponte restore`: a consistent copy of the database
//! while Ponte runs, and that copy put back into an empty database.
//!
//! SQLite copies itself with `VACUUM INTO`, which reads one snapshot and
//! writes a compact file while the service keeps writing. PostgreSQL is
//! copied by its own tools (`pg_dump --format=custom`, `pg_restore`): they
//! know every object type and every version's details, which a copy of our
//! own would have to learn table by table.

use std::path::{Path, PathBuf};
use std::process::Command;

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

use crate::db;

/// Where a database URL keeps its data.
#[derive(Debug, PartialEq, Eq)]
pub enum Store {
    SqliteFile(PathBuf),
    Postgres(String),
}

impl Store {
    pub fn of(database_url: &str) -> Result<Store, String> {
        if database_url.starts_with("postgres://") || database_url.starts_with("postgresql://") {
            return Ok(Store::Postgres(database_url.to_owned()));
        }
        let rest = database_url
            .strip_prefix("sqlite://")
            .or_else(|| database_url.strip_prefix("sqlite:"))
            .ok_or_else(|| format!("not a SQLite or PostgreSQL URL: {database_url}"))?;
        let path = rest.split('?').next().unwrap_or_default();
        if path.is_empty() || path.starts_with(":memory:") {
            return Err("an in-memory SQLite database has nothing to back up".into());
        }
        Ok(Store::SqliteFile(PathBuf::from(path)))
    }
}

/// Writes a copy of the database at `database_url` to `to`, a file that
/// must not exist yet (an earlier backup is never overwritten).
pub async fn backup(database_url: &str, to: &Path) -> Result<(), String> {
    if to.exists() {
        return Err(format!(
            "{} exists already: choose a new file, an earlier backup is never overwritten",
            to.display()
        ));
    }
    match Store::of(database_url)? {
        Store::SqliteFile(_) => {
            let conn = db::connect(database_url)
                .await
                .map_err(|e| format!("cannot open the database: {e}"))?;
            let target = to.to_str().ok_or("the backup path is not valid UTF-8")?;
            let copied = conn
                .execute(Statement::from_sql_and_values(
                    DbBackend::Sqlite,
                    "VACUUM INTO ?",
                    [target.into()],
                ))
                .await;
            conn.close().await.ok();
            copied
                .map(|_| ())
                .map_err(|e| format!("VACUUM INTO failed: {e}"))
        }
        Store::Postgres(url) => run_tool(
            "pg_dump",
            Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
                .arg(to)
                .arg("--dbname")
                .arg(&url),
        ),
    }
}

/// Puts the backup `from` into the database at `database_url`, which must
/// hold no table yet: a restore never mixes two databases. Ponte must not be
/// running on that database.
pub async fn restore(database_url: &str, from: &Path) -> Result<(), String> {
    if !from.is_file() {
        return Err(format!("{} is not a backup file", from.display()));
    }
    let store = Store::of(database_url)?;
    let target_exists = match &store {
        Store::SqliteFile(path) => path.exists(),
        Store::Postgres(_) => true,
    };
    if target_exists {
        refuse_unless_empty(database_url).await?;
    }
    match store {
        Store::SqliteFile(path) => {
            // Copy beside the target, then rename: a half-copied file never
            // stands where Ponte would open it. An empty file left there,
            // with its WAL companions, gives way to the copy.
            let partial = path.with_extension("restoring");
            std::fs::copy(from, &partial)
                .map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
            for suffix in ["-wal", "-shm"] {
                let companion = PathBuf::from(format!("{}{suffix}", path.display()));
                if companion.exists() {
                    std::fs::remove_file(&companion)
                        .map_err(|e| format!("cannot remove {}: {e}", companion.display()))?;
                }
            }
            std::fs::rename(&partial, &path)
                .map_err(|e| format!("cannot put the copy in place: {e}"))
        }
        Store::Postgres(url) => run_tool(
            "pg_restore",
            Command::new("pg_restore")
                .args([
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    "--dbname",
                ])
                .arg(&url)
                .arg(from),
        ),
    }
}

async fn refuse_unless_empty(database_url: &str) -> Result<(), String> {
    let target = db::connect(database_url)
        .await
        .map_err(|e| format!("cannot open the target database: {e}"))?;
    let tables = table_names(&target).await;
    target.close().await.ok();
    match tables?.first() {
        None => Ok(()),
        Some(table) => Err(format!(
            "the target database is not empty (it has the table {table}): \
             restore into a new, empty database"
        )),
    }
}

/// The application's tables in a database (none in a new one).
pub async fn table_names(conn: &DatabaseConnection) -> Result<Vec<String>, String> {
    let sql = match conn.get_database_backend() {
        DbBackend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        _ => {
            "SELECT table_name FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
             ORDER BY table_name"
        }
    };
    let rows = conn
        .query_all(Statement::from_string(
            conn.get_database_backend(),
            sql.to_owned(),
        ))
        .await
        .map_err(|e| format!("cannot list the tables: {e}"))?;
    rows.iter()
        .map(|row| {
            row.try_get_by_index::<String>(0)
                .map_err(|e| format!("cannot read a table name: {e}"))
        })
        .collect()
}

fn run_tool(name: &str, command: &mut Command) -> Result<(), String> {
    let output = command.output().map_err(|e| {
        format!("cannot run {name} ({e}): install the PostgreSQL client tools (Debian: postgresql-client)")
    })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{name} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_names_its_store() {
        assert_eq!(
            Store::of("sqlite://ponte.db?mode=rwc"),
            Ok(Store::SqliteFile("ponte.db".into()))
        );
        assert_eq!(
            Store::of("sqlite:///var/lib/ponte/ponte.db"),
            Ok(Store::SqliteFile("/var/lib/ponte/ponte.db".into()))
        );
        assert_eq!(
            Store::of("postgres://ponte@db/ponte"),
            Ok(Store::Postgres("postgres://ponte@db/ponte".into()))
        );
        assert!(Store::of("sqlite::memory:").is_err());
        assert!(Store::of("mysql://x").is_err());
    }
}
