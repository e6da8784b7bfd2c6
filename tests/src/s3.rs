//! An S3-compatible server for the document tests: `moto` in server mode,
//! as its own process speaking HTTP, as a real store would. Installed by
//! `scripts/ensure-s3`, which exports `PONTE_TEST_MOTO_SERVER`; a test that
//! needs it and does not find it fails, saying so (never skips). Each test
//! starts its own on a port the server itself picked (`-p 0`, read back from
//! what it prints), so no number found free earlier is ever raced for, and
//! it is killed when dropped.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use ponte_server::config::{DocumentStoreConfig, S3Config};

const READY_WITHIN: Duration = Duration::from_secs(60);

pub struct S3Server {
    child: Child,
    pub endpoint: String,
    pub bucket: String,
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl S3Server {
    /// Starts moto, waits until it answers and creates one bucket.
    pub async fn start() -> S3Server {
        let binary = std::env::var("PONTE_TEST_MOTO_SERVER").unwrap_or_else(|_| {
            panic!(
                "PONTE_TEST_MOTO_SERVER is not set: the S3 document tests need moto's server; \
                 run `source scripts/ensure-s3` (scripts/test does) and try again"
            )
        });
        if !std::path::Path::new(&binary).exists() {
            panic!(
                "{binary} (PONTE_TEST_MOTO_SERVER) does not exist: run `source scripts/ensure-s3`"
            );
        }
        let mut child = Command::new(&binary)
            .args(["-H", "127.0.0.1", "-p", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e}"));
        let stderr = child.stderr.take().expect("moto's stderr");
        // Werkzeug says where it listens: " * Running on http://127.0.0.1:PORT".
        let endpoint = tokio::task::spawn_blocking(move || {
            let mut lines = BufReader::new(stderr).lines();
            let mut seen = Vec::new();
            for line in lines.by_ref() {
                let line = line.unwrap_or_default();
                if let Some(at) = line.find("http://127.0.0.1:") {
                    let url = line[at..]
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_owned();
                    // Keep reading what it prints so that it never blocks on a full pipe.
                    std::thread::spawn(move || for _ in lines {});
                    return Ok(url);
                }
                seen.push(line);
            }
            Err(seen.join("\n"))
        })
        .await
        .expect("reading moto's output");
        let endpoint = match endpoint {
            Ok(url) => url,
            Err(output) => {
                let _ = child.kill();
                panic!("moto_server stopped before listening:\n{output}");
            }
        };
        let server = S3Server {
            child,
            endpoint,
            bucket: "ponte-documents".to_owned(),
        };
        server.wait_until_ready().await;
        let created = reqwest::Client::new()
            .put(format!("{}/{}", server.endpoint, server.bucket))
            .send()
            .await
            .expect("creating the bucket");
        assert!(
            created.status().is_success(),
            "creating the bucket: {created:?}"
        );
        server
    }

    async fn wait_until_ready(&self) {
        let started = Instant::now();
        let client = reqwest::Client::new();
        loop {
            if let Ok(answer) = client
                .get(format!("{}/moto-api/", self.endpoint))
                .send()
                .await
            {
                if answer.status().is_success() {
                    return;
                }
            }
            assert!(
                started.elapsed() < READY_WITHIN,
                "moto_server did not answer at {} within {READY_WITHIN:?}",
                self.endpoint
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Ponte's configuration for this bucket (moto takes any credentials).
    pub fn store_config(&self) -> DocumentStoreConfig {
        DocumentStoreConfig::S3(S3Config {
            bucket: self.bucket.clone(),
            endpoint: Some(self.endpoint.parse().expect("moto's URL")),
            region: "us-east-1".into(),
            access_key_id: "ponte-test".into(),
            secret_access_key: "ponte-test-secret".into(),
        })
    }

    /// The keys in the bucket, as its listing says.
    pub async fn keys(&self) -> Vec<String> {
        self.listing()
            .await
            .split("<Key>")
            .skip(1)
            .filter_map(|rest| rest.split("</Key>").next())
            .map(str::to_owned)
            .collect()
    }

    /// The objects' sizes, as the bucket's listing says.
    pub async fn sizes(&self) -> Vec<usize> {
        self.listing()
            .await
            .split("<Size>")
            .skip(1)
            .filter_map(|rest| rest.split("</Size>").next())
            .filter_map(|size| size.parse().ok())
            .collect()
    }

    async fn listing(&self) -> String {
        reqwest::Client::new()
            .get(format!("{}/{}?list-type=2", self.endpoint, self.bucket))
            .send()
            .await
            .expect("listing the bucket")
            .text()
            .await
            .expect("the listing")
    }
}
