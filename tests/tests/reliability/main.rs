//! The fault suite: Ponte under the faults an operations team meets (two
//! instances on one PostgreSQL, a failing mail server, a database restarted
//! under load, a killed process, lost-update races, SQLite under concurrent
//! writers). Every scenario runs on 127.0.0.1 only and is bounded in time.
//!
//! Short form (part of the README test command): each scenario's own test
//! below. Long form (heavier load, longer faults, one table at the end):
//!
//! ```sh
//! cargo test -p ponte-tests --test reliability -- --ignored --nocapture long_form
//! ```

mod both_databases;
mod crew;
mod database_connections_killed;
mod killed_process;
mod load;
mod lost_updates;
mod mail_server_faults;
mod proxy;
mod report;
mod setting;
mod sqlite_concurrency;
mod two_instances;

use report::{Row, Scale};

/// Every scenario at the long form's scale, one after the other, then the
/// table of what each held, injected, acknowledged, found, expected and
/// received.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "the long form: run it with --ignored (see the module's comment)"]
async fn long_form() {
    let mut rows: Vec<Row> = Vec::new();
    // Scenarios, each `run(Scale::Long) -> Vec<Row>` (keep one line each):
    rows.extend(mail_server_faults::run(Scale::Long).await);
    rows.extend(lost_updates::run(Scale::Long).await);
    rows.extend(sqlite_concurrency::run(Scale::Long).await);
    rows.extend(setting::bounded(Scale::Long, two_instances::run(Scale::Long)).await);
    rows.extend(setting::bounded(Scale::Long, database_connections_killed::run(Scale::Long)).await);
    rows.extend(setting::bounded(Scale::Long, killed_process::run(Scale::Long)).await);
    println!("\n{}", report::table(&rows));
    for row in &rows {
        row.assert_nothing_lost();
    }
}
