//! The `ponte` command line: serve, migrate, create-admin, seed-demo, seed-scale,
//! export-schema, backup, restore.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::caller::Caller;
use crate::config::Config;
use crate::domain::vocabulary::{Profession, Role};
use crate::error::AppError;
use crate::services::users::{self, NewUser};
use crate::{app, backup, db, graphql, seed, telemetry};

#[derive(Parser, Debug)]
#[command(
    name = "ponte",
    version,
    about = "Ponte: case management for integrated social-health services"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Applies pending migrations and serves the API (and the SPA when PONTE_STATIC_DIR is set).
    Serve,
    /// Applies pending migrations and exits.
    Migrate,
    /// Creates an administrator; the password is read from standard input, never from an argument.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Fills the database with a fictional Italian demo data set and prints the logins.
    SeedDemo,
    /// Fills an empty database with a fictional ASST at full size, for benchmarks
    /// (ratios in server/src/seed/scale.rs). Never on a real system.
    SeedScale {
        /// How many persons; the rest scales with it.
        #[arg(long, default_value_t = 100_000)]
        persons: usize,
        /// The same seed gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Prints the GraphQL schema (SDL); schema.graphql is this output.
    ExportSchema,
    /// Writes a consistent copy of the database while Ponte runs: SQLite by
    /// `VACUUM INTO`, PostgreSQL by `pg_dump --format=custom`.
    Backup {
        /// A new file (an existing one is never overwritten).
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Puts a backup into the database of PONTE_DATABASE_URL, which must be
    /// new and empty (PostgreSQL: `pg_restore`). Ponte must not be running on it.
    Restore {
        #[arg(long)]
        from: std::path::PathBuf,
    },
    /// Bench only: runs one of the benchmark's hand-written SQL reads in a
    /// closed loop on the database (no HTTP) and prints the latencies as JSON.
    #[cfg(feature = "bench-sql")]
    BenchSql {
        /// caseload, persons, record, board or assess.
        #[arg(long)]
        name: String,
        /// The request's arguments, a JSON object.
        #[arg(long, default_value = "{}")]
        args: String,
        #[arg(long, default_value_t = 1)]
        concurrency: usize,
        #[arg(long, default_value_t = 10.0)]
        seconds: f64,
    },
}

pub async fn run(cli: Cli) -> ExitCode {
    if let Command::ExportSchema = cli.command {
        print!("{}", graphql::sdl());
        return ExitCode::SUCCESS;
    }
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&config);
    let outcome = match cli.command {
        Command::Serve => app::serve(config).await.map_err(|e| e.to_string()),
        Command::Migrate => migrate(&config).await,
        Command::CreateAdmin { email, name } => create_admin(&config, email, name).await,
        Command::SeedDemo => seed_demo(&config).await,
        Command::SeedScale { persons, seed } => seed_scale(&config, persons, seed).await,
        Command::ExportSchema => Ok(()),
        Command::Backup { to } => backup::backup(&config.database_url, &to)
            .await
            .map(|()| eprintln!("backup written to {}", to.display())),
        Command::Restore { from } => backup::restore(&config.database_url, &from)
            .await
            .map(|()| eprintln!("restored from {}", from.display())),
        #[cfg(feature = "bench-sql")]
        Command::BenchSql {
            name,
            args,
            concurrency,
            seconds,
        } => bench_sql(&config, &name, &args, concurrency, seconds).await,
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn migrate(config: &Config) -> Result<(), String> {
    let db = db::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    db::migrate(&db).await.map_err(|e| e.to_string())?;
    eprintln!("migrations applied");
    Ok(())
}

fn read_password() -> Result<String, String> {
    let password = if std::io::stdin().is_terminal() {
        rpassword::prompt_password("Password (min. 12 characters): ").map_err(|e| e.to_string())?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    Ok(password)
}

async fn create_admin(config: &Config, email: String, name: String) -> Result<(), String> {
    let password = read_password()?;
    let db = db::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    db::migrate(&db).await.map_err(|e| e.to_string())?;
    let created = users::create_user_unchecked(
        &db,
        &Caller::command_line(),
        NewUser {
            email,
            display_name: name,
            password,
            role: Role::Admin,
            profession: Profession::Amministrativo,
            organization_id: None,
        },
    )
    .await
    .map_err(describe)?;
    println!("administrator created: {}", created.email);
    Ok(())
}

async fn seed_demo(config: &Config) -> Result<(), String> {
    let db = db::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    db::migrate(&db).await.map_err(|e| e.to_string())?;
    let report = seed::seed_demo(&db, config).await.map_err(describe)?;
    print!("{report}");
    Ok(())
}

/// A progress bar on the terminal (hidden when the output is not one).
struct Bar(indicatif::ProgressBar);

impl seed::scale::Progress for Bar {
    fn advance(&self, done: u64, total: u64) {
        self.0.set_length(total);
        self.0.set_position(done);
    }
}

async fn seed_scale(config: &Config, persons: usize, seed: u64) -> Result<(), String> {
    let db = db::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    db::migrate(&db).await.map_err(|e| e.to_string())?;
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{elapsed_precise} [{bar:40}] {pos}/{len} rows ({per_sec}, {eta} left)",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    let started = std::time::Instant::now();
    let report = seed::scale::seed_scale(
        &db,
        seed::scale::ScaleOptions { persons, seed },
        &Bar(bar.clone()),
    )
    .await
    .map_err(describe)?;
    bar.finish_and_clear();
    println!("{report} ({:.1} s)", started.elapsed().as_secs_f64());
    Ok(())
}

/// For the terminal: the operator running the command may see internal detail.
pub fn describe(err: AppError) -> String {
    match err {
        AppError::Validation { field, message } => format!("{field}: {message}"),
        AppError::Conflict(message) => message,
        AppError::Internal(detail) => detail,
        other => format!("{other:?}"),
    }
}

#[cfg(feature = "bench-sql")]
async fn bench_sql(
    config: &Config,
    name: &str,
    args: &str,
    concurrency: usize,
    seconds: f64,
) -> Result<(), String> {
    let args: serde_json::Value = serde_json::from_str(args).map_err(|e| e.to_string())?;
    let db = db::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    let report = crate::bench_sql::client_loop(
        &db,
        seed::scale::BENCH_USER,
        name,
        &args,
        concurrency,
        seconds,
    )
    .await
    .map_err(describe)?;
    println!("{report}");
    Ok(())
}
