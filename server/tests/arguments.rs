//! Functions with many positional arguments take an input struct (issue
//! 11, CONTRIBUTING.md). Clippy's `too_many_arguments` is set to 9 in
//! `clippy.toml` for one reason: a GraphQL resolver's arguments are the
//! fields of the public schema (`projects(first, after, status, kind,
//! teamId, mine, reviewOverdue)`), and grouping them would change the API.
//! Everywhere else the default limit of 7 holds, and this test is where it
//! is checked: the services, the policy, audit and notification, and the
//! domain crate.

// A source tree that cannot be read or parsed is this test failing.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// Clippy's default: more than this many arguments is too many.
const MOST: usize = 7;

fn rust_files(path: &Path, found: &mut Vec<PathBuf>) {
    if path.is_file() {
        found.push(path.to_owned());
        return;
    }
    for entry in std::fs::read_dir(path).expect("a readable folder") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() || path.extension().is_some_and(|e| e == "rs") {
            rust_files(&path, found);
        }
    }
}

struct Signatures<'a> {
    file: &'a Path,
    too_long: Vec<String>,
}

impl Signatures<'_> {
    fn check(&mut self, signature: &syn::Signature) {
        if signature.inputs.len() > MOST {
            self.too_long.push(format!(
                "{}: fn {} takes {} arguments",
                self.file.display(),
                signature.ident,
                signature.inputs.len()
            ));
        }
    }
}

impl<'ast> Visit<'ast> for Signatures<'_> {
    fn visit_signature(&mut self, signature: &'ast syn::Signature) {
        self.check(signature);
        syn::visit::visit_signature(self, signature);
    }
}

#[test]
fn no_service_policy_or_domain_function_takes_more_than_seven_arguments() {
    let server = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for part in [
        "src/services",
        "src/policy.rs",
        "src/audit.rs",
        "src/notify",
        "../domain/src",
    ] {
        rust_files(&server.join(part), &mut files);
    }
    assert!(files.len() > 30, "the sources were found: {files:?}");
    let mut too_long = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a readable file");
        let parsed = syn::parse_file(&text).expect("a Rust file");
        let mut signatures = Signatures {
            file,
            too_long: Vec::new(),
        };
        signatures.visit_file(&parsed);
        too_long.extend(signatures.too_long);
    }
    assert!(
        too_long.is_empty(),
        "take an input struct instead:\n{}",
        too_long.join("\n")
    );
}

#[test]
fn the_check_counts_every_argument_of_a_method() {
    let parsed = syn::parse_file(
        "impl X { fn eight(&self, a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, g: u8) {} }",
    )
    .expect("Rust");
    let mut signatures = Signatures {
        file: Path::new("x.rs"),
        too_long: Vec::new(),
    };
    signatures.visit_file(&parsed);
    assert_eq!(signatures.too_long, ["x.rs: fn eight takes 8 arguments"]);
}
