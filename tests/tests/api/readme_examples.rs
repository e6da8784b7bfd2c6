//! The README's interoperability examples work as written: every `sh`
//! block of its "Interoperability" section, in order, run by bash against a
//! Ponte holding the demo data (the address changed to this test server's).
//! An example that no longer matches the API fails here, not in the hands
//! of the hospital's or the Region's integrator.

use std::process::Command;

use ponte_server::seed::seed_demo;
use ponte_tests::{on_both_databases, TestApp, TestDb};

on_both_databases!(the_interoperability_examples_run_against_the_demo);

/// The address the README's examples name: `scripts/demo`'s.
const DEMO_ADDRESS: &str = "http://127.0.0.1:8080";

/// The `sh` blocks of the README's section `heading`, in order.
fn shell_blocks(readme: &str, heading: &str) -> Vec<String> {
    let start = readme
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("the README has a section {heading}"));
    let rest = &readme[start + heading.len() + 2..];
    let section = rest.find("\n## ").map_or(rest, |end| &rest[..end]);
    section
        .split("```sh\n")
        .skip(1)
        .map(|block| block.split("```").next().expect("a block ends").to_owned())
        .collect()
}

async fn the_interoperability_examples_run_against_the_demo(db: TestDb) {
    let app = TestApp::spawn(db).await;
    seed_demo(&app.db, &app.config).await.unwrap();
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("the README is readable");
    let blocks = shell_blocks(&readme, "## Interoperability");
    assert!(!blocks.is_empty(), "the section shows its examples");
    let script = format!(
        "set -euo pipefail\n{}",
        blocks.join("\n").replace(DEMO_ADDRESS, &app.base_url)
    );

    let dir = std::env::temp_dir().join(format!("ponte-readme-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    // The Region's table the example loads: a made-up code for every kind
    // (Ponte ships none; the README says the codes are the Region's).
    let kinds = [
        "SAD",
        "ADI",
        "CENTRO_DIURNO",
        "TIROCINIO_INCLUSIONE",
        "HOUSING_SOCIALE",
        "SOLLIEVO",
        "EDUCATIVA_DOMICILIARE",
        "SUPPORTO_PSICOLOGICO",
        "TRASPORTO",
        "PASTI",
        "INSERIMENTO_LAVORATIVO",
        "RSA",
        "OTHER",
    ];
    let table: String = kinds
        .iter()
        .map(|k| format!("{k};PROVA-{k};Voce di prova {k}\n"))
        .collect();
    std::fs::write(dir.join("nomenclatore.csv"), table).unwrap();
    // The example Bundle, where the README's example reads it.
    std::fs::create_dir_all(dir.join("docs/fhir")).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../docs/fhir/discharge-bundle.json"
        ),
        dir.join("docs/fhir/discharge-bundle.json"),
    )
    .unwrap();

    let run = tokio::task::spawn_blocking({
        let dir = dir.clone();
        move || {
            Command::new("bash")
                .arg("-c")
                .arg(script)
                .current_dir(dir)
                .output()
                .expect("bash runs")
        }
    })
    .await
    .unwrap();
    let printed = String::from_utf8_lossy(&run.stdout).into_owned();
    let complained = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(
        run.status.success(),
        "the examples failed ({}):\n{printed}\n{complained}",
        run.status
    );
    assert!(
        !printed.contains("\"errors\""),
        "an example got a GraphQL error:\n{printed}"
    );

    assert!(
        printed.contains("\"transaction-response\""),
        "the hospital's Bundle was answered with the created Encounter:\n{printed}"
    );
    let flow = std::fs::read_to_string(dir.join("interventions.csv"))
        .expect("the example saved the interventions flow");
    let rows: Vec<&str> = flow.lines().collect();
    assert!(
        rows[0].contains("Codice fiscale") && rows.len() > 1,
        "the flow has its header and the demo's interventions: {flow}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
