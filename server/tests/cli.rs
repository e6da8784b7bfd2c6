//! The `ponte` binary as an operator uses it.

use std::io::Write;
use std::process::{Command, Stdio};

fn ponte() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ponte"))
}

fn temp_db() -> (std::path::PathBuf, String) {
    let path = std::env::temp_dir().join(format!("ponte-cli-{}.db", uuid::Uuid::now_v7()));
    let url = format!("sqlite://{}?mode=rwc", path.display());
    (path, url)
}

#[test]
fn create_admin_reads_the_password_from_standard_input() {
    let (path, url) = temp_db();
    let mut child = ponte()
        .args([
            "create-admin",
            "--email",
            "Capo@Ambito.test",
            "--name",
            "Capo Ambito",
        ])
        .env("PONTE_DATABASE_URL", &url)
        .env("PONTE_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"password-da-riga-di-comando\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Capo@Ambito.test"));

    // A short password is refused with the rule, and nothing is created.
    let mut child = ponte()
        .args([
            "create-admin",
            "--email",
            "altro@ambito.test",
            "--name",
            "Altro",
        ])
        .env("PONTE_DATABASE_URL", &url)
        .env("PONTE_LOG", "warn")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"corta\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("password"));
    let _ = std::fs::remove_file(path);
}

#[test]
fn a_bad_configuration_value_stops_start_up_naming_the_variable() {
    let out = ponte()
        .arg("migrate")
        .env("PONTE_BIND", "not-an-address")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PONTE_BIND"));
}

#[test]
fn every_command_has_help() {
    for command in [
        "serve",
        "migrate",
        "create-admin",
        "seed-demo",
        "export-schema",
    ] {
        let out = ponte().args([command, "--help"]).output().unwrap();
        assert!(out.status.success(), "{command} --help");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"));
    }
}

#[test]
fn seed_demo_prints_the_demo_login_and_can_run_twice() {
    let (path, url) = temp_db();
    for _ in 0..2 {
        let out = ponte()
            .arg("seed-demo")
            .env("PONTE_DATABASE_URL", &url)
            .env(
                "PONTE_DATA_DIR",
                std::env::temp_dir().join("ponte-cli-mail"),
            )
            .env("PONTE_LOG", "warn")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("admin@ponte.demo") && text.contains("ponte-demo-2026"),
            "{text}"
        );
    }
    let _ = std::fs::remove_file(path);
}
