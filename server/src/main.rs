use std::process::ExitCode;

use clap::Parser;
use ponte_server::cli::{run, Cli};

#[tokio::main]
async fn main() -> ExitCode {
    run(Cli::parse()).await
}
