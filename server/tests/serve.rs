//! `ponte serve` as an operator starts it: on an empty database it migrates,
//! answers `/healthz` and `/readyz`, lets a user created with `create-admin`
//! sign in, and stops cleanly on SIGTERM. Run on SQLite (the embedded default,
//! `ponte.db` in the working directory) and on a new, empty PostgreSQL
//! database.

// Helpers of a test: any failed step should stop it on the spot.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::{json, Value};

const PASSWORD: &str = "password-del-primo-avvio";

struct Server {
    child: Child,
    base_url: String,
    log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn ponte(dir: &Path, database_url: Option<&str>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ponte"));
    command
        .current_dir(dir)
        .env_remove("PONTE_DATABASE_URL")
        .env("PONTE_DATA_DIR", dir.join("data"))
        .env("PONTE_LOG", "info");
    if let Some(url) = database_url {
        command.env("PONTE_DATABASE_URL", url);
    }
    command
}

/// The address `ponte serve` says it listens on, once it has said so.
fn serving_address(log: &Path) -> Option<SocketAddr> {
    let text = std::fs::read_to_string(log).ok()?;
    text.lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .find(|entry| entry["fields"]["message"] == "Ponte is serving")
        .and_then(|entry| entry["fields"]["bind"].as_str()?.parse().ok())
}

fn create_admin(dir: &Path, database_url: Option<&str>) {
    let mut child = ponte(dir, database_url)
        .args([
            "create-admin",
            "--email",
            "primo@ambito.test",
            "--name",
            "Primo Admin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{PASSWORD}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn start(dir: &Path, database_url: Option<&str>) -> Server {
    let log = dir.join("serve.log");
    // Any free port, as the server binds it: a port found free beforehand
    // could be taken by someone else before the server binds it.
    let child = ponte(dir, database_url)
        .arg("serve")
        .env("PONTE_BIND", "127.0.0.1:0")
        .env("PONTE_LOG_FORMAT", "json")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    // Killed on drop, also when it does not start.
    let mut server = Server {
        child,
        base_url: String::new(),
        log,
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    let addr = loop {
        if let Some(addr) = serving_address(&server.log) {
            break addr;
        }
        let exited = server.child.try_wait().unwrap();
        assert!(
            exited.is_none() && Instant::now() < deadline,
            "ponte serve did not start within a minute ({exited:?}):\n{}",
            std::fs::read_to_string(&server.log).unwrap_or_default()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    server.base_url = format!("http://{addr}");
    loop {
        if let Ok(response) = reqwest::get(format!("{}/healthz", server.base_url)).await {
            assert_eq!(response.status().as_u16(), 200);
            return server;
        }
        assert!(
            Instant::now() < deadline,
            "ponte serve did not answer within a minute:\n{}",
            std::fs::read_to_string(&server.log).unwrap_or_default()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn graphql(http: &reqwest::Client, base_url: &str, query: &str, variables: Value) -> Value {
    http.post(format!("{base_url}/graphql"))
        .header("X-Ponte-CSRF", "1")
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Serves on an empty database, signs the CLI-made admin in, stops on SIGTERM.
async fn serves_an_empty_database(dir: &Path, database_url: Option<&str>) {
    let mut server = start(dir, database_url).await;
    let ready = reqwest::get(format!("{}/readyz", server.base_url))
        .await
        .unwrap();
    assert_eq!(ready.status().as_u16(), 200);

    if let Some(url) = database_url {
        // Start-up holds no lock once it serves: another instance, or the CLI
        // below, would wait for it forever.
        let db = Database::connect(url).await.unwrap();
        let held = db
            .query_one(Statement::from_string(
                db.get_database_backend(),
                "SELECT COUNT(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database \
                 WHERE l.locktype = 'advisory' AND d.datname = current_database()",
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get::<i64>("", "n")
            .unwrap();
        assert_eq!(held, 0, "advisory locks still held by ponte serve");
        db.close().await.unwrap();
    }

    // The admin made by the CLI beside a running server signs in.
    create_admin(dir, database_url);
    let http = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let login = graphql(
        &http,
        &server.base_url,
        "mutation($input: LoginInput!) { login(input: $input) { email } }",
        json!({ "input": { "email": "primo@ambito.test", "password": PASSWORD } }),
    )
    .await;
    assert_eq!(
        login["data"]["login"]["email"], "primo@ambito.test",
        "{login}"
    );
    let me = graphql(
        &http,
        &server.base_url,
        "{ me { displayName role } }",
        json!({}),
    )
    .await;
    assert_eq!(
        me["data"]["me"],
        json!({ "displayName": "Primo Admin", "role": "ADMIN" })
    );

    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(30);
    let exit = loop {
        if let Some(exit) = server.child.try_wait().unwrap() {
            break exit;
        }
        assert!(Instant::now() < deadline, "ponte serve ignored SIGTERM");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(
        exit.success(),
        "{exit}:\n{}",
        std::fs::read_to_string(&server.log).unwrap_or_default()
    );
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ponte-{name}-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

mod sqlite {
    use super::*;

    #[tokio::test]
    async fn serve_creates_and_migrates_ponte_db_in_the_working_directory() {
        let dir = temp_dir("serve-sqlite");
        assert!(!dir.join("ponte.db").exists());
        serves_an_empty_database(&dir, None).await;
        assert!(dir.join("ponte.db").exists(), "the embedded default file");
        let _ = std::fs::remove_dir_all(dir);
    }
}

mod postgres {
    use super::*;

    #[tokio::test]
    async fn serve_migrates_an_empty_postgres_database() {
        let admin_url = std::env::var("PONTE_TEST_DATABASE_URL").expect(
            "PONTE_TEST_DATABASE_URL is not set: this test needs PostgreSQL (scripts/test sets it)",
        );
        let name = format!("ponte_serve_{}", uuid::Uuid::now_v7().simple());
        let admin = Database::connect(&admin_url).await.unwrap();
        let create = format!("CREATE DATABASE {name}");
        admin
            .execute(Statement::from_string(admin.get_database_backend(), create))
            .await
            .unwrap();
        let mut url = reqwest::Url::parse(&admin_url).unwrap();
        url.set_path(&format!("/{name}"));

        let dir = temp_dir("serve-postgres");
        serves_an_empty_database(&dir, Some(url.as_str())).await;
        assert!(!dir.join("ponte.db").exists(), "nothing written to SQLite");

        let drop = format!("DROP DATABASE {name} WITH (FORCE)");
        admin
            .execute(Statement::from_string(admin.get_database_backend(), drop))
            .await
            .unwrap();
        let _ = std::fs::remove_dir_all(dir);
    }
}
