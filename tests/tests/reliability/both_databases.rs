//! What every in-process scenario does around its own work: run on SQLite,
//! then on PostgreSQL, for the long form; show and check its rows in the
//! short form.

use std::future::Future;

use ponte_tests::{Backend, TestApp, TestDb};
use sea_orm::{ConnectionTrait, DbBackend};

use crate::report::{self, Row};

/// `scenario` on SQLite, then on PostgreSQL (databases named after `name`).
pub async fn run_on_both<F: Future<Output = Vec<Row>>>(
    name: &'static str,
    scenario: impl Fn(TestDb) -> F,
) -> Vec<Row> {
    let mut rows = Vec::new();
    for backend in [Backend::Sqlite, Backend::Postgres] {
        rows.extend(scenario(TestDb { backend, name }).await);
    }
    rows
}

/// Prints the rows (seen with `--nocapture`) and checks that nothing was
/// lost or repeated in any.
pub fn show_and_check(rows: &[Row]) {
    println!("{}", report::table(rows));
    for row in rows {
        row.assert_nothing_lost();
    }
}

/// The database `app` runs on, as the rows name it.
pub fn database_of(app: &TestApp) -> &'static str {
    match app.db.get_database_backend() {
        DbBackend::Postgres => "PostgreSQL",
        _ => "SQLite",
    }
}
