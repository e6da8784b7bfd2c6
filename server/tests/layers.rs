//! The rules a program can check (CONTRIBUTING.md): business rules in
//! `domain/` are plain Rust, free of the web, GraphQL and database
//! frameworks, so that they can be read and tested on their own; and the
//! time is read from the application's `Clock`, so that tests can move it.

// A source tree that cannot be read is this test failing, with its message.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};

const FORBIDDEN: [&str; 4] = ["axum", "async_graphql", "sea_orm", "entity"];

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

/// The crate names a line of Rust refers to by path (`use x::…`, `x::f()`).
fn mentions(line: &str, krate: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    code.match_indices(&format!("{krate}::")).any(|(at, _)| {
        at == 0
            || !code[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
    })
}

#[test]
fn domain_has_no_framework_imports() {
    let domain = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut files = Vec::new();
    rust_files(&domain, &mut files);
    assert!(files.len() > 5, "the domain folder was found: {files:?}");
    let mut offending = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a readable source file");
        for (n, line) in text.lines().enumerate() {
            for krate in FORBIDDEN {
                if mentions(line, krate) {
                    offending.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offending.is_empty(),
        "domain/ must not use {FORBIDDEN:?} (see CONTRIBUTING.md):\n{}",
        offending.join("\n")
    );
}

#[test]
fn the_check_sees_a_framework_path_and_not_a_lookalike() {
    assert!(mentions("use sea_orm::EntityTrait;", "sea_orm"));
    assert!(mentions(
        "    let x = async_graphql::Value::Null;",
        "async_graphql"
    ));
    assert!(mentions("use entity::person;", "entity"));
    assert!(!mentions("use crate::domain::identity::x;", "entity"));
    assert!(!mentions("let my_entity::x = 1;", "entity"));
    assert!(!mentions("// sea_orm::Something in a comment", "sea_orm"));
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
