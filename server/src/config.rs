//! Configuration read once from the environment at start and validated there:
//! a bad value stops the program with a message naming the variable.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use ipnet::IpNet;
use url::Url;

use crate::domain::project_lifecycle::CaseRules;
use crate::http::client_address::parse_trusted_proxies;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Clone)]
pub struct Config {
    pub database_url: String,
    pub bind: SocketAddr,
    /// Where `/metrics` is served, apart from the public listener; none: not served.
    pub metrics_bind: Option<SocketAddr>,
    /// The address people reach Ponte at: links in emails, the allowed `Origin`.
    pub public_url: Url,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub static_dir: Option<PathBuf>,
    pub data_dir: PathBuf,
    pub graphiql: bool,
    pub cookie_secure: bool,
    pub log: String,
    pub log_format: LogFormat,
    pub session_idle_timeout: Duration,
    pub session_max_lifetime: Duration,
    pub login_max_failures: u64,
    pub login_window: Duration,
    /// Failed sign-ins from one client address (any email) within the window
    /// before that address is throttled: well above one office's typos.
    pub login_max_failures_per_address: u64,
    /// Password verifications (argon2, 19 MiB each) running at once.
    pub password_checks: usize,
    /// How long a sign-in waits for a free verification before `RATE_LIMITED`.
    pub password_check_wait: Duration,
    pub request_timeout: Duration,
    /// How long a DataLoader waits for sibling rows to ask for their keys
    /// before it queries. 1 ms batches a page of 50 in one query on a
    /// release build (5 ms cost a quarter more time for the same statements;
    /// 0 splits a caseload page into 120 queries); a debug build resolves
    /// siblings more slowly and needs longer.
    pub batch_window: Duration,
    /// Delivery attempts before an email is dead-lettered.
    pub mail_max_attempts: u32,
    /// The first retry waits this long; each further one twice as long.
    pub mail_retry_base: Duration,
    /// How long a worker's claim holds an email before another may take it.
    pub mail_lease: Duration,
    /// The longest one send may take, whatever the SMTP server does (it is
    /// cut off then and tried again later); the lease reaches past it.
    pub mail_send_limit: Duration,
    /// How often the outbox worker looks for work.
    pub worker_interval: Duration,
    /// Whether this instance runs the outbox worker (several instances may).
    pub worker_enabled: bool,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<IpNet>,
    pub case_rules: CaseRules,
    /// Counts below this (from 1) are shown to a REPORTER as suppressed,
    /// with every ratio built on them: small Comuni would otherwise name
    /// their few persons (statistical disclosure control).
    pub suppression_threshold: u64,
    /// Audit events older than this many months are pruned (at least 24:
    /// the access log of a health record is kept two years at least).
    pub audit_retention_months: u32,
    /// Where the documents attached to records are kept.
    pub document_store: DocumentStoreConfig,
    /// The largest document accepted, in bytes.
    pub document_max_bytes: u64,
    /// Calls a service account may make per minute on the machine
    /// endpoints (a burst of as many, then one per 60/n seconds).
    pub service_rate_per_minute: u32,
}

/// `PONTE_DOCUMENT_STORE`: a directory under `PONTE_DATA_DIR` (one instance)
/// or an S3-compatible object store (several instances share it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentStoreConfig {
    Directory,
    S3(S3Config),
}

/// An S3-compatible bucket. The secret is never printed (`Debug` hides it).
#[derive(Clone, PartialEq, Eq)]
pub struct S3Config {
    pub bucket: String,
    /// None: AWS itself; else the store's address (MinIO, Ceph, a provider's).
    pub endpoint: Option<Url>,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
}

impl fmt::Debug for S3Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("S3Config")
            .field("bucket", &self.bucket)
            .field("endpoint", &self.endpoint.as_ref().map(Url::as_str))
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"***")
            .finish()
    }
}

/// 20 MB (MiB): a scanned, signed PAI of a few dozen pages.
pub const DEFAULT_DOCUMENT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// The SMTP URL may carry a password: never print it.
impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("bind", &self.bind)
            .field("metrics_bind", &self.metrics_bind)
            .field("public_url", &self.public_url.as_str())
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("static_dir", &self.static_dir)
            .field("data_dir", &self.data_dir)
            .field("graphiql", &self.graphiql)
            .field("cookie_secure", &self.cookie_secure)
            .field("log", &self.log)
            .field("log_format", &self.log_format)
            .field("session_idle_timeout", &self.session_idle_timeout)
            .field("session_max_lifetime", &self.session_max_lifetime)
            .field("login_max_failures", &self.login_max_failures)
            .field("login_window", &self.login_window)
            .field(
                "login_max_failures_per_address",
                &self.login_max_failures_per_address,
            )
            .field("password_checks", &self.password_checks)
            .field("password_check_wait", &self.password_check_wait)
            .field("request_timeout", &self.request_timeout)
            .field("batch_window", &self.batch_window)
            .field("mail_max_attempts", &self.mail_max_attempts)
            .field("mail_retry_base", &self.mail_retry_base)
            .field("mail_lease", &self.mail_lease)
            .field("mail_send_limit", &self.mail_send_limit)
            .field("worker_interval", &self.worker_interval)
            .field("worker_enabled", &self.worker_enabled)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("case_rules", &self.case_rules)
            .field("suppression_threshold", &self.suppression_threshold)
            .field("audit_retention_months", &self.audit_retention_months)
            .field("document_store", &self.document_store)
            .field("document_max_bytes", &self.document_max_bytes)
            .field("service_rate_per_minute", &self.service_rate_per_minute)
            .finish()
    }
}

fn redact_url(raw: &str) -> String {
    match Url::parse(raw) {
        Ok(mut url) if url.password().is_some() => {
            // Setting a password only fails for URLs that cannot have one, which these do.
            let _ = url.set_password(Some("***"));
            url.to_string()
        }
        _ => raw.to_string(),
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub variable: &'static str,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.variable, self.message)
    }
}

impl std::error::Error for ConfigError {}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://ponte.db?mode=rwc";
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads every variable through `lookup`, so tests need no process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());

        let database_url = get("PONTE_DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError {
                variable: "PONTE_DATABASE_URL",
                message: "must start with sqlite:, postgres:// or postgresql://".into(),
            });
        }

        let bind_text = get("PONTE_BIND").unwrap_or_else(|| DEFAULT_BIND.into());
        let bind: SocketAddr = bind_text.parse().map_err(|_| ConfigError {
            variable: "PONTE_BIND",
            message: format!("{bind_text:?} is not an address:port such as 127.0.0.1:8080"),
        })?;

        let metrics_bind = get("PONTE_METRICS_BIND")
            .map(|text| {
                let error = |message: String| ConfigError {
                    variable: "PONTE_METRICS_BIND",
                    message,
                };
                let addr: SocketAddr = text.parse().map_err(|_| {
                    error(format!(
                        "{text:?} is not an address:port such as 127.0.0.1:9464"
                    ))
                })?;
                // On the public address the metrics would be public.
                if addr == bind && addr.port() != 0 {
                    return Err(error(format!(
                        "{text:?} is PONTE_BIND: metrics must not be public"
                    )));
                }
                Ok(addr)
            })
            .transpose()?;

        let public_url = match get("PONTE_PUBLIC_URL") {
            Some(text) => parse_public_url(&text)?,
            None => parse_public_url(&format!("http://{bind}"))?,
        };

        let smtp_url = get("PONTE_SMTP_URL");
        if let Some(text) = &smtp_url {
            let ok = Url::parse(text)
                .map(|u| matches!(u.scheme(), "smtp" | "smtps") && u.host_str().is_some())
                .unwrap_or(false);
            if !ok {
                return Err(ConfigError {
                    variable: "PONTE_SMTP_URL",
                    message: "must look like smtp://host:port or smtps://user:password@host".into(),
                });
            }
        }

        let mail_from = get("PONTE_MAIL_FROM").unwrap_or_else(|| {
            format!(
                "Ponte <ponte@{}>",
                public_url.host_str().unwrap_or("localhost")
            )
        });

        let cookie_secure = match get("PONTE_COOKIE_SECURE") {
            Some(text) => parse_bool("PONTE_COOKIE_SECURE", &text)?,
            None => public_url.scheme() == "https",
        };
        let graphiql = match get("PONTE_GRAPHIQL") {
            Some(text) => parse_bool("PONTE_GRAPHIQL", &text)?,
            None => false,
        };

        let log_format = match get("PONTE_LOG_FORMAT").as_deref() {
            None | Some("pretty") => LogFormat::Pretty,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError {
                    variable: "PONTE_LOG_FORMAT",
                    message: format!("{other:?} is neither pretty nor json"),
                })
            }
        };

        let trusted_proxies = parse_trusted_proxies(
            &get("PONTE_TRUSTED_PROXIES").unwrap_or_default(),
        )
        .map_err(|message| ConfigError {
            variable: "PONTE_TRUSTED_PROXIES",
            message,
        })?;

        Ok(Config {
            database_url,
            bind,
            metrics_bind,
            public_url,
            smtp_url,
            mail_from,
            static_dir: get("PONTE_STATIC_DIR").map(PathBuf::from),
            data_dir: get("PONTE_DATA_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("ponte-data")),
            graphiql,
            cookie_secure,
            log: get("PONTE_LOG").unwrap_or_else(|| "info".into()),
            log_format,
            session_idle_timeout: minutes(&get, "PONTE_SESSION_IDLE_MINUTES", 30)?,
            session_max_lifetime: minutes(&get, "PONTE_SESSION_MAX_HOURS", 12)?.saturating_mul(60),
            login_max_failures: positive(&get, "PONTE_LOGIN_MAX_FAILURES", 5)?,
            login_window: minutes(&get, "PONTE_LOGIN_WINDOW_MINUTES", 15)?,
            login_max_failures_per_address: positive(
                &get,
                "PONTE_LOGIN_MAX_FAILURES_PER_ADDRESS",
                100,
            )?,
            password_checks: std::thread::available_parallelism()
                .map(usize::from)
                .unwrap_or(1),
            password_check_wait: Duration::from_secs(1),
            request_timeout: Duration::from_secs(positive(
                &get,
                "PONTE_REQUEST_TIMEOUT_SECONDS",
                30,
            )?),
            batch_window: Duration::from_millis(
                get("PONTE_BATCH_WINDOW_MS")
                    .map(|text| {
                        text.trim()
                            .parse::<u64>()
                            .ok()
                            .filter(|ms| *ms <= 100)
                            .ok_or_else(|| ConfigError {
                                variable: "PONTE_BATCH_WINDOW_MS",
                                message: format!(
                                    "{text:?} is not a number of milliseconds from 0 to 100"
                                ),
                            })
                    })
                    .transpose()?
                    .unwrap_or(1),
            ),
            mail_max_attempts: u32::try_from(positive(&get, "PONTE_MAIL_MAX_ATTEMPTS", 8)?)
                .unwrap_or(u32::MAX),
            mail_retry_base: Duration::from_secs(positive(&get, "PONTE_MAIL_RETRY_SECONDS", 30)?),
            mail_lease: Duration::from_secs(positive(&get, "PONTE_MAIL_LEASE_SECONDS", 60)?),
            mail_send_limit: Duration::from_secs(positive(&get, "PONTE_MAIL_SEND_SECONDS", 60)?),
            worker_interval: Duration::from_secs(1),
            worker_enabled: true,
            trusted_proxies,
            case_rules: CaseRules {
                assessment_valid_months: u32::try_from(positive(
                    &get,
                    "PONTE_ASSESSMENT_VALID_MONTHS",
                    u64::from(CaseRules::default().assessment_valid_months),
                )?)
                .unwrap_or(u32::MAX),
            },
            suppression_threshold: positive(&get, "PONTE_SUPPRESSION_THRESHOLD", 5)?,
            audit_retention_months: audit_retention_months(&get)?,
            document_store: document_store(&get)?,
            document_max_bytes: positive(
                &get,
                "PONTE_DOCUMENT_MAX_BYTES",
                DEFAULT_DOCUMENT_MAX_BYTES,
            )?,
            service_rate_per_minute: u32::try_from(positive(
                &get,
                "PONTE_SERVICE_RATE_PER_MINUTE",
                120,
            )?)
            .unwrap_or(u32::MAX),
        })
    }

    /// The scheme://host:port a browser sends as `Origin` for pages we serve.
    pub fn public_origin(&self) -> String {
        self.public_url.origin().ascii_serialization()
    }

    /// The origins whose pages may call the API. On a loopback address the
    /// other loopback names are the same machine, so a demo opened at
    /// `localhost` works when the public URL says `127.0.0.1`, and back.
    pub fn allowed_origins(&self) -> Vec<String> {
        let mut origins = vec![self.public_origin()];
        let loopback = ["127.0.0.1", "localhost", "[::1]"];
        if let Some(host) = self.public_url.host_str() {
            if loopback.contains(&host) {
                let port = self
                    .public_url
                    .port_or_known_default()
                    .map(|p| format!(":{p}"))
                    .unwrap_or_default();
                for other in loopback.iter().filter(|h| **h != host) {
                    origins.push(format!("{}://{other}{port}", self.public_url.scheme()));
                }
            }
        }
        origins
    }
}

fn parse_public_url(text: &str) -> Result<Url, ConfigError> {
    let url = Url::parse(text).map_err(|e| ConfigError {
        variable: "PONTE_PUBLIC_URL",
        message: format!("{text:?} is not a URL: {e}"),
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(ConfigError {
            variable: "PONTE_PUBLIC_URL",
            message: format!("{text:?} must be an http:// or https:// address"),
        });
    }
    Ok(url)
}

fn parse_bool(variable: &'static str, text: &str) -> Result<bool, ConfigError> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(ConfigError {
            variable,
            message: format!("{text:?} is not true or false"),
        }),
    }
}

/// The minimum the Garante's rules on access logs to health records ask.
pub const AUDIT_RETENTION_MIN_MONTHS: u32 = 24;

fn audit_retention_months(get: &impl Fn(&str) -> Option<String>) -> Result<u32, ConfigError> {
    const VARIABLE: &str = "PONTE_AUDIT_RETENTION_MONTHS";
    let months = positive(get, VARIABLE, u64::from(AUDIT_RETENTION_MIN_MONTHS))?;
    match u32::try_from(months) {
        Ok(months) if months >= AUDIT_RETENTION_MIN_MONTHS => Ok(months),
        _ => Err(ConfigError {
            variable: VARIABLE,
            message: format!(
                "{months} months: the audit trail is kept {AUDIT_RETENTION_MIN_MONTHS} months at least"
            ),
        }),
    }
}

fn document_store(
    get: &impl Fn(&str) -> Option<String>,
) -> Result<DocumentStoreConfig, ConfigError> {
    match get("PONTE_DOCUMENT_STORE").as_deref().map(str::trim) {
        None | Some("directory") => Ok(DocumentStoreConfig::Directory),
        Some("s3") => {
            let required = |variable: &'static str| {
                get(variable).ok_or_else(|| ConfigError {
                    variable,
                    message: "required when PONTE_DOCUMENT_STORE is s3".into(),
                })
            };
            let endpoint = get("PONTE_S3_ENDPOINT")
                .map(|text| {
                    Url::parse(&text)
                        .ok()
                        .filter(|u| matches!(u.scheme(), "http" | "https") && u.has_host())
                        .ok_or_else(|| ConfigError {
                            variable: "PONTE_S3_ENDPOINT",
                            message: format!("{text:?} is not an http:// or https:// address"),
                        })
                })
                .transpose()?;
            Ok(DocumentStoreConfig::S3(S3Config {
                bucket: required("PONTE_S3_BUCKET")?,
                endpoint,
                region: get("PONTE_S3_REGION").unwrap_or_else(|| "us-east-1".into()),
                access_key_id: required("PONTE_S3_ACCESS_KEY_ID")?,
                secret_access_key: required("PONTE_S3_SECRET_ACCESS_KEY")?,
            }))
        }
        Some(other) => Err(ConfigError {
            variable: "PONTE_DOCUMENT_STORE",
            message: format!("{other:?} is neither directory nor s3"),
        }),
    }
}

fn positive(
    get: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    default: u64,
) -> Result<u64, ConfigError> {
    match get(variable) {
        None => Ok(default),
        Some(text) => match text.trim().parse::<u64>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(ConfigError {
                variable,
                message: format!("{text:?} is not a whole number greater than zero"),
            }),
        },
    }
}

fn minutes(
    get: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    default: u64,
) -> Result<Duration, ConfigError> {
    Ok(Duration::from_secs(positive(get, variable, default)? * 60))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(move |k| map.get(k).cloned())
    }

    #[test]
    fn defaults_give_an_embedded_sqlite_on_localhost() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(c.metrics_bind, None, "no metrics unless asked for");
        assert_eq!(c.public_origin(), "http://127.0.0.1:8080");
        assert!(!c.cookie_secure);
        assert!(!c.graphiql);
        assert_eq!(c.log_format, LogFormat::Pretty);
        assert_eq!(c.session_idle_timeout, Duration::from_secs(30 * 60));
        assert_eq!(c.session_max_lifetime, Duration::from_secs(12 * 3600));
        assert_eq!(c.login_max_failures, 5);
        assert_eq!(c.login_window, Duration::from_secs(15 * 60));
        assert_eq!(c.mail_lease, Duration::from_secs(60));
        assert_eq!(c.mail_send_limit, Duration::from_secs(60));
        assert_eq!(c.login_max_failures_per_address, 100);
        assert!(c.password_checks >= 1);
        assert!(
            c.trusted_proxies.is_empty(),
            "no X-Forwarded-For is believed"
        );
    }

    #[test]
    fn small_counts_are_suppressed_below_five_unless_configured() {
        assert_eq!(config(&[]).unwrap().suppression_threshold, 5);
        let c = config(&[("PONTE_SUPPRESSION_THRESHOLD", "10")]).unwrap();
        assert_eq!(c.suppression_threshold, 10);
        assert!(config(&[("PONTE_SUPPRESSION_THRESHOLD", "0")]).is_err());
    }

    #[test]
    fn documents_go_to_a_directory_unless_a_whole_s3_store_is_configured() {
        let c = config(&[]).unwrap();
        assert_eq!(c.document_store, DocumentStoreConfig::Directory);
        assert_eq!(c.document_max_bytes, 20 * 1024 * 1024);
        let s3 = [
            ("PONTE_DOCUMENT_STORE", "s3"),
            ("PONTE_S3_BUCKET", "ponte"),
            ("PONTE_S3_ENDPOINT", "http://127.0.0.1:9000"),
            ("PONTE_S3_ACCESS_KEY_ID", "id"),
            ("PONTE_S3_SECRET_ACCESS_KEY", "segreto"),
        ];
        let c = config(&s3).unwrap();
        let DocumentStoreConfig::S3(store) = &c.document_store else {
            panic!("an S3 store: {:?}", c.document_store);
        };
        assert_eq!(store.region, "us-east-1");
        assert!(
            !format!("{c:?}").contains("segreto"),
            "the secret is not printed"
        );
        for missing in [1, 3, 4] {
            let mut vars = s3.to_vec();
            let (variable, _) = vars.remove(missing);
            assert_eq!(config(&vars).unwrap_err().variable, variable);
        }
        let mut bad = s3.to_vec();
        bad[2].1 = "ftp://store";
        assert_eq!(config(&bad).unwrap_err().variable, "PONTE_S3_ENDPOINT");
        let err = config(&[("PONTE_DOCUMENT_STORE", "nfs")]).unwrap_err();
        assert_eq!(err.variable, "PONTE_DOCUMENT_STORE");
        let err = config(&[("PONTE_DOCUMENT_MAX_BYTES", "0")]).unwrap_err();
        assert_eq!(err.variable, "PONTE_DOCUMENT_MAX_BYTES");
    }

    #[test]
    fn the_audit_trail_is_kept_two_years_at_least() {
        assert_eq!(config(&[]).unwrap().audit_retention_months, 24);
        let c = config(&[("PONTE_AUDIT_RETENTION_MONTHS", "60")]).unwrap();
        assert_eq!(c.audit_retention_months, 60);
        let short = config(&[("PONTE_AUDIT_RETENTION_MONTHS", "12")]).unwrap_err();
        assert_eq!(short.variable, "PONTE_AUDIT_RETENTION_MONTHS");
    }

    #[test]
    fn the_batch_window_is_a_few_milliseconds() {
        assert_eq!(config(&[]).unwrap().batch_window, Duration::from_millis(1));
        let c = config(&[("PONTE_BATCH_WINDOW_MS", "0")]).unwrap();
        assert_eq!(c.batch_window, Duration::ZERO);
        for bad in ["101", "uno", "-1"] {
            let err = config(&[("PONTE_BATCH_WINDOW_MS", bad)]).err().unwrap();
            assert_eq!(err.variable, "PONTE_BATCH_WINDOW_MS");
        }
    }

    #[test]
    fn the_assessment_period_is_a_whole_number_of_months() {
        assert_eq!(config(&[]).unwrap().case_rules.assessment_valid_months, 12);
        let c = config(&[("PONTE_ASSESSMENT_VALID_MONTHS", "18")]).unwrap();
        assert_eq!(c.case_rules.assessment_valid_months, 18);
        for bad in ["0", "dodici", "-3"] {
            let err = config(&[("PONTE_ASSESSMENT_VALID_MONTHS", bad)])
                .err()
                .unwrap();
            assert_eq!(err.variable, "PONTE_ASSESSMENT_VALID_MONTHS");
        }
    }

    #[test]
    fn trusted_proxies_are_read_and_a_bad_one_is_named() {
        let c = config(&[("PONTE_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")]).unwrap();
        assert_eq!(c.trusted_proxies.len(), 2);
        let err = config(&[("PONTE_TRUSTED_PROXIES", "10.0.0.0/33")])
            .err()
            .unwrap();
        assert_eq!(err.variable, "PONTE_TRUSTED_PROXIES");
    }

    #[test]
    fn an_https_public_url_makes_cookies_secure_unless_overridden() {
        let c = config(&[("PONTE_PUBLIC_URL", "https://ponte.example.it")]).unwrap();
        assert!(c.cookie_secure);
        assert_eq!(c.public_origin(), "https://ponte.example.it");
        let c = config(&[
            ("PONTE_PUBLIC_URL", "https://ponte.example.it"),
            ("PONTE_COOKIE_SECURE", "false"),
        ])
        .unwrap();
        assert!(!c.cookie_secure);
    }

    #[test]
    fn loopback_names_are_interchangeable_origins_and_real_hosts_are_not() {
        let c = config(&[]).unwrap();
        assert_eq!(
            c.allowed_origins(),
            vec![
                "http://127.0.0.1:8080".to_string(),
                "http://localhost:8080".to_string(),
                "http://[::1]:8080".to_string()
            ]
        );
        let c = config(&[("PONTE_PUBLIC_URL", "https://ponte.example.it/")]).unwrap();
        assert_eq!(
            c.allowed_origins(),
            vec!["https://ponte.example.it".to_string()]
        );
    }

    #[test]
    fn a_bad_value_names_its_variable() {
        let cases = [
            ("PONTE_BIND", "localhost"),
            ("PONTE_METRICS_BIND", "9464"),
            ("PONTE_METRICS_BIND", "127.0.0.1:8080"),
            ("PONTE_DATABASE_URL", "mysql://x"),
            ("PONTE_PUBLIC_URL", "ftp://x"),
            ("PONTE_PUBLIC_URL", "not a url"),
            ("PONTE_SMTP_URL", "http://mail"),
            ("PONTE_GRAPHIQL", "maybe"),
            ("PONTE_COOKIE_SECURE", "2"),
            ("PONTE_LOG_FORMAT", "xml"),
            ("PONTE_SESSION_IDLE_MINUTES", "0"),
            ("PONTE_SESSION_MAX_HOURS", "-1"),
            ("PONTE_LOGIN_MAX_FAILURES", "many"),
            ("PONTE_MAIL_LEASE_SECONDS", "0"),
            ("PONTE_MAIL_SEND_SECONDS", "0"),
            ("PONTE_LOGIN_MAX_FAILURES_PER_ADDRESS", "0"),
        ];
        for (var, value) in cases {
            let err = config(&[(var, value)]).unwrap_err();
            assert_eq!(err.variable, var, "{var}={value}");
            assert!(err.to_string().starts_with(var));
        }
    }

    #[test]
    fn postgres_urls_and_json_logs_are_accepted() {
        let c = config(&[
            ("PONTE_DATABASE_URL", "postgres://ponte@db/ponte"),
            ("PONTE_LOG_FORMAT", "json"),
            ("PONTE_GRAPHIQL", "true"),
            ("PONTE_SMTP_URL", "smtp://mail.local:2525"),
        ])
        .unwrap();
        assert_eq!(c.log_format, LogFormat::Json);
        assert!(c.graphiql);
        assert_eq!(c.smtp_url.as_deref(), Some("smtp://mail.local:2525"));
    }

    #[test]
    fn debug_output_hides_passwords() {
        let c = config(&[
            ("PONTE_SMTP_URL", "smtps://ponte:segreto@mail.example.it"),
            ("PONTE_DATABASE_URL", "postgres://ponte:segreto@db/ponte"),
        ])
        .unwrap();
        let shown = format!("{c:?}");
        assert!(!shown.contains("segreto"), "{shown}");
    }
}
