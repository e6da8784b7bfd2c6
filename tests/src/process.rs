//! The real `ponte` binary as a child process, for the faults an in-process
//! instance cannot suffer: `kill -9`, two processes behind one proxy. Each
//! instance listens on 127.0.0.1 only, logs to a file of its own (shown when
//! it fails to start) and is killed when dropped.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::Client;

/// How long a start may take on a loaded machine (migrations are already
/// applied: the database comes from a test's instance).
const READY_WITHIN: Duration = Duration::from_secs(60);

pub struct PonteProcess {
    child: Option<Child>,
    env: Vec<(String, String)>,
    pub addr: SocketAddr,
    pub base_url: String,
    /// Where the instance serves `/metrics` (its outbox rounds).
    metrics_addr: SocketAddr,
    work_dir: PathBuf,
    log: PathBuf,
}

impl Drop for PonteProcess {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.work_dir);
    }
}

/// The `ponte` binary: `PONTE_BIN`, else the one cargo built next to this
/// test binary (`target/debug/ponte`, beside `deps/`).
pub fn binary() -> PathBuf {
    if let Ok(path) = std::env::var("PONTE_BIN") {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().expect("the test binary's path");
    let beside_deps = exe
        .parent()
        .and_then(|deps| deps.parent())
        .map(|profile| profile.join("ponte"))
        .expect("the test binary lives in target/<profile>/deps");
    if !beside_deps.exists() {
        panic!(
            "the ponte binary is not at {}: build it first (`cargo build -p ponte-server --bin ponte` \
             with the same CARGO_TARGET_DIR; `cargo test --workspace --all-targets` does) or set PONTE_BIN",
            beside_deps.display()
        );
    }
    beside_deps
}

impl PonteProcess {
    /// Starts `ponte serve` on `database_url` and a free port of 127.0.0.1,
    /// and waits until `/readyz` answers. `env` adds or overrides variables
    /// (`PONTE_SMTP_URL`, `PONTE_PUBLIC_URL`, …); nothing is inherited from
    /// the test's own environment but `PATH`.
    pub async fn start(database_url: &str, env: &[(&str, String)]) -> PonteProcess {
        let free_port = || {
            std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port on 127.0.0.1")
        };
        let (port, metrics_addr) = (free_port(), free_port());
        let work_dir = std::env::temp_dir().join(format!("ponte-process-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&work_dir).expect("the instance's folder");
        let mut all: Vec<(String, String)> = vec![
            ("PONTE_DATABASE_URL".into(), database_url.into()),
            ("PONTE_BIND".into(), port.to_string()),
            ("PONTE_METRICS_BIND".into(), metrics_addr.to_string()),
            ("PONTE_PUBLIC_URL".into(), format!("http://{port}")),
            (
                "PONTE_DATA_DIR".into(),
                work_dir.join("data").display().to_string(),
            ),
            ("PONTE_LOG".into(), "warn".into()),
        ];
        for (name, value) in env {
            all.retain(|(n, _)| n != name);
            all.push(((*name).into(), value.clone()));
        }
        let mut process = PonteProcess {
            child: None,
            env: all,
            addr: port,
            base_url: format!("http://{port}"),
            metrics_addr,
            log: work_dir.join("ponte.log"),
            work_dir,
        };
        process.launch().await;
        process
    }

    async fn launch(&mut self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .expect("the instance's log file");
        let err = log.try_clone().expect("the log file, twice");
        let mut command = Command::new(binary());
        command
            .arg("serve")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdin(Stdio::null())
            .stdout(Stdio::from(log))
            .stderr(Stdio::from(err));
        self.child = Some(command.spawn().expect("the ponte binary starts"));
        self.wait_ready().await;
    }

    /// Polls `/readyz` until it says ready; fails with the instance's log
    /// if the process exits or the time is up.
    async fn wait_ready(&mut self) {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("http client");
        let deadline = tokio::time::Instant::now() + READY_WITHIN;
        loop {
            if let Some(status) = self
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                panic!(
                    "ponte exited with {status} before it was ready:\n{}",
                    self.log_text()
                );
            }
            if self.ready(&http).await == Some(200) {
                return;
            }
            if tokio::time::Instant::now() > deadline {
                panic!(
                    "ponte was not ready within {READY_WITHIN:?}:\n{}",
                    self.log_text()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// `/readyz`'s status, or `None` if nothing answered.
    pub async fn ready(&self, http: &reqwest::Client) -> Option<u16> {
        http.get(format!("{}/readyz", self.base_url))
            .send()
            .await
            .ok()
            .map(|r| r.status().as_u16())
    }

    /// `kill -9`: the process gets no chance to finish anything.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            // `Child::kill` is SIGKILL on Unix; the wait reaps it (at once).
            child.kill().expect("SIGKILL delivered");
            child.wait().expect("the killed process reaped");
        }
    }

    /// Starts the binary again with the same environment (same port and
    /// database) and waits until it is ready.
    pub async fn restart(&mut self) {
        self.kill9();
        self.launch().await;
    }

    /// Waits until the instance's outbox worker has finished a round that
    /// began after the call (its rounds counter on `/metrics` grew by two),
    /// as `TestApp::worker_round` does for an instance in the test's own
    /// process: instead of sleeping "long enough" for a late or second email.
    pub async fn worker_round(&self) {
        let start = self.outbox_rounds().await;
        let deadline = tokio::time::Instant::now() + READY_WITHIN;
        while self.outbox_rounds().await < start + 2 {
            assert!(
                tokio::time::Instant::now() < deadline,
                "no outbox round within {READY_WITHIN:?} (a `ponte` binary older than \
                 this test counts none: `cargo build -p ponte-server`):\n{}",
                self.log_text()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// `ponte_outbox_rounds_total` now (none before the first round).
    async fn outbox_rounds(&self) -> u64 {
        let text = reqwest::get(format!("http://{}/metrics", self.metrics_addr))
            .await
            .expect("the instance serves its metrics")
            .text()
            .await
            .expect("the metrics text");
        text.lines()
            .find_map(|line| line.strip_prefix("ponte_outbox_rounds_total "))
            .and_then(|value| value.trim().parse::<f64>().ok())
            .map_or(0, |value| value as u64)
    }

    pub fn client(&self) -> Client {
        Client::new(&self.base_url)
    }

    /// The instance's log so far (its standard output and error).
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}
