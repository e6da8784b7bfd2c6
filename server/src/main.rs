// The schema's mutation root has grown past the compiler's default query
// depth when the release build lays out its resolvers' futures
// ("queries overflow the depth limit"); the debug build never hits it.
#![recursion_limit = "256"]

use std::process::ExitCode;

use clap::Parser;
use ponte_server::cli::{run, Cli};

#[tokio::main]
async fn main() -> ExitCode {
    run(Cli::parse()).await
}
