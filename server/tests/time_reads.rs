//! The time is read from the application's `Clock`, so that tests can move
//! it (CONTRIBUTING.md): nothing in the server or the domain reads the
//! system time itself.

// A source tree that cannot be read is this test failing, with its message.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("the source folder is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Ways to read the time that bypass the application's clock.
const READS_THE_TIME: [&str; 5] = [
    "Utc::now(",
    "now_utc(",
    "Local::now(",
    "SystemTime::now(",
    "clock::today",
];

/// Whether the code on `line` (not its comment) reads the time itself.
fn reads_the_time(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    READS_THE_TIME.iter().any(|call| code.contains(call))
        || (code.contains("clock::{") && code.contains("today"))
}

#[test]
fn time_is_read_through_the_clock() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../domain/src"),
        &mut files,
    );
    // The clock itself, and the demo seed, which runs on real time.
    let exempt = |file: &Path| file.ends_with("src/clock.rs") || file.starts_with(src.join("seed"));
    let mut offending = Vec::new();
    for file in files.iter().filter(|f| !exempt(f)) {
        let text = std::fs::read_to_string(file).expect("a readable source file");
        for (n, line) in text.lines().enumerate() {
            if reads_the_time(line) {
                offending.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        files.len() > 50,
        "the source folder was found: {}",
        files.len()
    );
    assert!(
        offending.is_empty(),
        "read the time from the Clock (caller.now(), caller.today(), or an instant handed in; \
         see CONTRIBUTING.md):\n{}",
        offending.join("\n")
    );
}

#[test]
fn the_time_check_sees_a_direct_read_and_not_the_clock() {
    assert!(reads_the_time("    let now = Utc::now();"));
    assert!(reads_the_time("expiry_date: OffsetDateTime::now_utc(),"));
    assert!(reads_the_time("use crate::clock::today;"));
    assert!(reads_the_time("use crate::clock::{today, Clock};"));
    assert!(!reads_the_time("    let now = caller.now();"));
    assert!(!reads_the_time("use crate::clock::Clock;"));
    assert!(!reads_the_time("// not Utc::now() but the clock"));
}
