//! Property tests that are also the fuzzers of hostile input. Each test
//! named `fuzz_…` calls [`fuzz`]: in the test command it runs a short smoke
//! (64 random cases, a fraction of a second); with `PONTE_FUZZ_SECONDS=N` it
//! keeps running fresh rounds of random cases for N seconds and says how
//! many it tried:
//!
//! ```text
//! PONTE_FUZZ_SECONDS=300 cargo test -p ponte-domain --release fuzz_ -- --nocapture
//! PONTE_FUZZ_SECONDS=300 cargo test -p ponte-server --release --lib fuzz_ -- --nocapture
//! ```
//!
//! A failing case (a panic included: proptest catches it) is shrunk to the
//! smallest input that still fails and reported with it.

use std::time::{Duration, Instant};

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseResult, TestRunner};

/// Cases per round in the test command's smoke.
pub const SMOKE_CASES: u32 = 64;

/// Cases per round in a timed run: the clock is read between rounds.
const ROUND_CASES: u32 = 1_000;

/// How long to fuzz, from `PONTE_FUZZ_SECONDS`; none for the smoke.
fn fuzz_for() -> Option<Duration> {
    let seconds = std::env::var("PONTE_FUZZ_SECONDS").ok()?;
    let seconds: u64 = seconds
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("PONTE_FUZZ_SECONDS is a number of seconds, not {seconds:?}"));
    Some(Duration::from_secs(seconds))
}

/// Checks `property` on values of `strategy`: one smoke round, or rounds
/// until `PONTE_FUZZ_SECONDS` have passed. Panics with the smallest failing
/// input, under `name`.
pub fn fuzz<S: Strategy>(name: &str, strategy: S, property: impl Fn(S::Value) -> TestCaseResult) {
    let deadline = fuzz_for().map(|length| Instant::now() + length);
    let cases = if deadline.is_some() {
        ROUND_CASES
    } else {
        SMOKE_CASES
    };
    let mut tried: u64 = 0;
    loop {
        // A new runner each round: a fresh random seed, and the shrinking
        // state of one round never slows the next.
        let mut runner = TestRunner::new(Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        });
        if let Err(failure) = runner.run(&strategy, &property) {
            panic!("{name}: {failure}");
        }
        tried += u64::from(cases);
        match deadline {
            Some(deadline) if Instant::now() < deadline => continue,
            Some(_) => {
                println!("{name}: {tried} cases, no failure");
                return;
            }
            None => return,
        }
    }
}
