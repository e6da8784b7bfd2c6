//! The one layering rule a program can check (CONTRIBUTING.md): business
//! rules in `domain/` are plain Rust, free of the web, GraphQL and database
//! frameworks, so that they can be read and tested on their own. The one
//! exception is the storage mapping of the vocabularies, which only the
//! `entity` crate turns on (`storage` feature) and which must stay a
//! `cfg_attr` of that feature.

// A source tree that cannot be read is this test failing, with its message.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};

const FORBIDDEN: [&str; 4] = ["axum", "async_graphql", "sea_orm", "entity"];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("the domain folder is readable") {
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

/// A vocabulary's storage mapping, compiled only with the `storage` feature.
fn is_storage_mapping(line: &str) -> bool {
    line.trim_start()
        .starts_with("#[cfg_attr(feature = \"storage\", ")
}

#[test]
fn domain_has_no_framework_imports() {
    let domain = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&domain, &mut files);
    assert!(files.len() > 5, "the domain folder was found: {files:?}");
    let mut offending = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a readable source file");
        for (n, line) in text.lines().enumerate() {
            for krate in FORBIDDEN {
                if mentions(line, krate) && !is_storage_mapping(line) {
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
    assert!(is_storage_mapping(
        "        #[cfg_attr(feature = \"storage\", derive(sea_orm::EnumIter))]"
    ));
    assert!(!is_storage_mapping("use sea_orm::EntityTrait;"));
}

/// The frameworks are not even dependencies, except sea-orm as the optional
/// storage mapping.
#[test]
fn the_manifest_has_no_framework_dependency() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .expect("a readable manifest");
    let dependencies = manifest
        .split("[dependencies]")
        .nth(1)
        .expect("a [dependencies] table")
        .split("\n[")
        .next()
        .unwrap_or("");
    for krate in ["axum", "async-graphql", "entity"] {
        assert!(
            !dependencies
                .lines()
                .any(|l| l.trim_start().starts_with(krate)),
            "domain/Cargo.toml must not depend on {krate}"
        );
    }
    let sea_orm = dependencies
        .lines()
        .find(|l| l.trim_start().starts_with("sea-orm"))
        .expect("sea-orm, for the storage feature");
    assert!(sea_orm.contains("optional = true"), "{sea_orm}");
}
