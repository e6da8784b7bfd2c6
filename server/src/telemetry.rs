//! Logs go to standard error, human-readable or JSON, filtered by `PONTE_LOG`.
//! A request's lines carry its span: method, path, `request_id` and, on
//! `/graphql`, the `operation` (see `http::router`).

use tracing::Subscriber;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::EnvFilter;

use crate::config::{Config, LogFormat};

pub fn init(config: &Config) {
    if let Err(err) = subscriber(config, std::io::stderr).try_init() {
        eprintln!("logging was already set up: {err}");
    }
}

/// The configured logger writing to `writer`: standard error in `init`, a
/// test's buffer where it reads the lines back.
pub fn subscriber<W>(config: &Config, writer: W) -> Box<dyn Subscriber + Send + Sync>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    // PostgreSQL notices ("relation already exists") are not news.
    let directives = format!("{},sqlx::postgres::notice=warn", config.log);
    let filter = EnvFilter::try_new(&directives).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer);
    match config.log_format {
        LogFormat::Json => Box::new(builder.json().finish()),
        LogFormat::Pretty => Box::new(builder.finish()),
    }
}
