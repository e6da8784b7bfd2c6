//! Black-box test harness: starts the real Ponte on 127.0.0.1:0 over a fresh
//! database (SQLite file, or a PostgreSQL database cloned from a migrated
//! template) and talks to it over HTTP as the SPA does.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use entity::user as entity_user;
use ponte_server::app::Ponte;
use ponte_server::caller::Caller;
use ponte_server::clock::TestClock;
use ponte_server::config::Config;
use ponte_server::domain::vocabulary::{Profession, Role};
use ponte_server::notify::worker::Rounds;
use ponte_server::services::users::{create_user_unchecked, NewUser};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::OnceCell;

pub use serde_json;

pub mod fhir;
pub mod process;
pub mod s3;
pub mod smtp;
pub mod world;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Which database a test runs on, and its name (used for the PostgreSQL database).
#[derive(Clone, Copy, Debug)]
pub struct TestDb {
    pub backend: Backend,
    pub name: &'static str,
}

/// Declares each listed `async fn name(db: TestDb)` as two tests,
/// `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::TestDb { backend: $crate::Backend::Sqlite, name: stringify!($name) }).await
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::TestDb { backend: $crate::Backend::Postgres, name: stringify!($name) }).await
                }
            )+
        }
    };
}

pub const PASSWORD: &str = "una-password-lunga";

pub struct TestApp {
    pub addr: SocketAddr,
    pub base_url: String,
    /// Direct access for setup that has no API (the first admin) and for
    /// breaking things on purpose.
    pub db: DatabaseConnection,
    pub config: Config,
    /// The time this instance reads, shared with its other instances: a test
    /// moves it forward past a timeout instead of sleeping.
    pub clock: TestClock,
    /// Where this instance serves `/metrics`, when its configuration has a
    /// `metrics_bind` (`127.0.0.1:0` picks a port).
    pub metrics_addr: Option<SocketAddr>,
    worker_rounds: Option<Rounds>,
    statements: std::sync::Arc<std::sync::atomic::AtomicU64>,
    sqlite_file: Option<PathBuf>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.config.data_dir);
        if let Some(path) = &self.sqlite_file {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        }
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

impl TestApp {
    pub async fn spawn(db: TestDb) -> TestApp {
        TestApp::spawn_with(db, |_| {}).await
    }

    /// An app for the tests that count SQL statements. Sibling rows register
    /// their keys with a DataLoader one after another; on a machine busy
    /// with other builds a 5 ms window can close between them and split a
    /// batch, so these tests wait longer: what they check is that the
    /// statements do not grow with the rows, not how fast keys arrive. The
    /// outbox worker is off: its rounds, every 50 ms, would be counted with
    /// a request that now lasts several windows.
    pub async fn spawn_counting(db: TestDb) -> TestApp {
        TestApp::spawn_with(db, |config| {
            config.batch_window = std::time::Duration::from_millis(100);
            config.worker_enabled = false;
        })
        .await
    }

    pub async fn spawn_with(db: TestDb, tweak: impl FnOnce(&mut Config)) -> TestApp {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let (database_url, sqlite_file) = match db.backend {
            Backend::Sqlite => {
                let path =
                    std::env::temp_dir().join(format!("ponte-test-{}.db", uuid::Uuid::now_v7()));
                (format!("sqlite://{}?mode=rwc", path.display()), Some(path))
            }
            Backend::Postgres => (postgres_database_for(db.name).await, None),
        };
        let mut config = Config::from_lookup(|_| None).expect("default configuration");
        // Emails of tests that do not look at them go to a scratch folder.
        config.data_dir =
            std::env::temp_dir().join(format!("ponte-test-data-{}", uuid::Uuid::now_v7()));
        config.worker_interval = std::time::Duration::from_millis(50);
        // The tests' debug build, sharing the machine with other tests,
        // resolves sibling rows more slowly than a release build: a longer
        // batch window than the default (`spawn_counting` for the tests
        // that count statements).
        config.batch_window = std::time::Duration::from_millis(5);
        config.mail_retry_base = std::time::Duration::from_millis(200);
        config.database_url = database_url;
        config.bind = addr;
        config.public_url = format!("http://{addr}").parse().expect("url");
        tweak(&mut config);
        TestApp::start(listener, config, TestClock::running(), sqlite_file).await
    }

    /// A second Ponte instance on this one's database, as behind a load
    /// balancer: its own address, pool and outbox worker. `tweak` starts from
    /// this instance's configuration.
    pub async fn another_instance(&self, tweak: impl FnOnce(&mut Config)) -> TestApp {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let mut config = self.config.clone();
        config.data_dir =
            std::env::temp_dir().join(format!("ponte-test-data-{}", uuid::Uuid::now_v7()));
        config.bind = addr;
        config.public_url = format!("http://{addr}").parse().expect("url");
        tweak(&mut config);
        // The first instance owns the database file and removes it.
        TestApp::start(listener, config, self.clock.clone(), None).await
    }

    async fn start(
        listener: TcpListener,
        config: Config,
        clock: TestClock,
        sqlite_file: Option<PathBuf>,
    ) -> TestApp {
        let addr = listener.local_addr().expect("local address");
        let ponte = Ponte::prepare_with_clock(config.clone(), clock.clock())
            .await
            .expect("Ponte starts");
        let handle = ponte.state.db.clone();
        let statements = ponte.state.statements.clone();
        let worker_rounds = ponte.worker_rounds.clone();
        let metrics_addr = ponte.metrics_addr;
        tokio::spawn(ponte.run(listener, std::future::pending()));
        TestApp {
            addr,
            base_url: format!("http://{addr}"),
            db: handle,
            config,
            clock,
            metrics_addr,
            worker_rounds,
            statements,
            sqlite_file,
        }
    }

    /// Waits until this instance's outbox worker has finished a round that
    /// began after the call: nothing it was sending is still on its way, and
    /// what was due by the clock has been tried. Instead of sleeping "long
    /// enough" for a late or second email.
    pub async fn worker_round(&self) {
        let mut rounds = self
            .worker_rounds
            .clone()
            .expect("this instance runs the outbox worker");
        let finished =
            tokio::time::timeout(std::time::Duration::from_secs(60), rounds.one_whole_round())
                .await
                .expect("the outbox worker finishes a round within a minute");
        assert!(finished, "the outbox worker has stopped");
    }

    /// SQL statements the server has run so far.
    pub fn statements(&self) -> u64 {
        self.statements.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub fn client(&self) -> Client {
        Client::new(&self.base_url)
    }

    /// Makes a user directly in the database, as the command line does.
    pub async fn make_user(
        &self,
        email: &str,
        role: Role,
        organization_id: Option<uuid::Uuid>,
    ) -> String {
        create_user_unchecked(
            &self.db,
            &Caller {
                clock: self.clock.clock(),
                ..Caller::command_line()
            },
            NewUser {
                email: email.into(),
                display_name: format!("Utente {email}"),
                password: PASSWORD.into(),
                role,
                profession: Profession::AssistenteSociale,
                organization_id,
            },
        )
        .await
        .expect("create user")
        .id
        .to_string()
    }

    /// A signed-in administrator's client (the first admin comes from the CLI).
    pub async fn admin(&self) -> Client {
        let email = format!(
            "admin{}@ponte.test",
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        self.make_user(&email, Role::Admin, None).await;
        let client = self.client();
        client.login_ok(&email, PASSWORD).await;
        client
    }

    /// Sets a user's profession behind the API's back (setup only).
    pub async fn db_set_profession(&self, user_id: &str, profession: &str) {
        self.db_set_user_column(user_id, entity_user::Column::Profession, profession.into())
            .await;
    }

    /// Moves a user to another organization (or none) behind the API's back
    /// (setup only).
    pub async fn db_set_organization(&self, user_id: &str, organization_id: Option<&str>) {
        let organization: Option<uuid::Uuid> =
            organization_id.map(|o| o.parse().expect("an organization id"));
        self.db_set_user_column(
            user_id,
            entity_user::Column::OrganizationId,
            organization.into(),
        )
        .await;
    }

    async fn db_set_user_column(
        &self,
        user_id: &str,
        column: entity_user::Column,
        value: sea_orm::Value,
    ) {
        let id: uuid::Uuid = user_id.parse().expect("a user id");
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        entity_user::Entity::update_many()
            .col_expr(column, sea_orm::sea_query::Expr::value(value))
            .filter(entity_user::Column::Id.eq(id))
            .exec(&self.db)
            .await
            .expect("user column set");
    }

    /// Rows as JSON objects, to compare stored data exactly.
    pub async fn rows(&self, sql: &str) -> Vec<Value> {
        use sea_orm::FromQueryResult;
        let backend = self.db.get_database_backend();
        sea_orm::JsonValue::find_by_statement(Statement::from_string(backend, sql.to_owned()))
            .all(&self.db)
            .await
            .expect("rows query")
    }

    /// Changes data behind the API's back (to recreate rows older code left).
    pub async fn execute(&self, sql: &str) {
        let backend = self.db.get_database_backend();
        self.db
            .execute(Statement::from_string(backend, sql.to_owned()))
            .await
            .expect("statement runs");
    }

    /// Waits until `sql` counts `expected` (or `within` is up) and returns
    /// the last count: for what a worker does in its own time.
    pub async fn wait_for_count(
        &self,
        sql: &str,
        expected: i64,
        within: std::time::Duration,
    ) -> i64 {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let count = self.count(sql).await;
            if count == expected || tokio::time::Instant::now() >= deadline {
                return count;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    pub async fn count(&self, sql: &str) -> i64 {
        let backend = self.db.get_database_backend();
        let row = self
            .db
            .query_one(Statement::from_string(backend, sql.to_owned()))
            .await
            .expect("count query")
            .expect("a row");
        row.try_get_by_index::<i64>(0).expect("a number")
    }

    /// Puts one due email per recipient straight into the outbox, as a busy
    /// day of reports would leave them. Subjects are "Messaggio 0", "Messaggio 1"…
    pub async fn queue_emails(&self, recipients: &[String]) {
        use entity::outbox_email;
        use sea_orm::{ActiveValue::Set, EntityTrait};
        let now = self.clock.now();
        let rows = recipients
            .iter()
            .enumerate()
            .map(|(i, recipient)| outbox_email::ActiveModel {
                id: Set(uuid::Uuid::now_v7()),
                recipient: Set(recipient.clone()),
                subject: Set(format!("Messaggio {i}")),
                body_text: Set("testo".into()),
                body_html: Set("<p>testo</p>".into()),
                status: Set(ponte_server::domain::vocabulary::EmailStatus::Pending),
                attempts: Set(0),
                next_attempt_at: Set(now),
                created_at: Set(now),
                ..Default::default()
            });
        outbox_email::Entity::insert_many(rows)
            .exec(&self.db)
            .await
            .expect("emails queued");
    }
}

/// The PostgreSQL server tests run against. Never skipped: without it the
/// PostgreSQL half of every suite fails with this message.
pub fn postgres_admin_url() -> String {
    std::env::var("PONTE_TEST_DATABASE_URL").unwrap_or_else(|_| {
        panic!(
            "PONTE_TEST_DATABASE_URL is not set: the PostgreSQL tests need a server \
             (scripts/test sets it, e.g. postgres://postgres@127.0.0.1:5432/postgres)"
        )
    })
}

fn with_database(admin_url: &str, database: &str) -> String {
    let mut url = url::Url::parse(admin_url).expect("PONTE_TEST_DATABASE_URL is a URL");
    url.set_path(&format!("/{database}"));
    url.to_string()
}

static TEMPLATE: OnceCell<String> = OnceCell::const_new();
static CLONING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A migrated database to clone: migrations run once per test process, and
/// each test's `CREATE DATABASE … TEMPLATE` costs milliseconds.
async fn template() -> &'static str {
    TEMPLATE
        .get_or_init(|| async {
            let admin_url = postgres_admin_url();
            let admin = Database::connect(&admin_url).await.unwrap_or_else(|e| {
                panic!("cannot reach PostgreSQL at PONTE_TEST_DATABASE_URL: {e}")
            });
            drop_stale_databases(&admin).await;
            let name = format!("ponte_tpl_{}", std::process::id());
            exec(&admin, &format!("DROP DATABASE IF EXISTS {name}")).await;
            exec(&admin, &format!("CREATE DATABASE {name}")).await;
            admin.close().await.ok();

            let mut config = Config::from_lookup(|_| None).expect("default configuration");
            config.database_url = with_database(&admin_url, &name);
            let ponte = Ponte::prepare(config)
                .await
                .expect("migrating the template");
            ponte.state.db.clone().close().await.ok();
            drop(ponte);
            name
        })
        .await
}

/// Removes databases left by earlier test processes that have ended.
async fn drop_stale_databases(admin: &DatabaseConnection) {
    let rows = admin
        .query_all(Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT datname FROM pg_database WHERE datname LIKE 'ponte_t%'".to_owned(),
        ))
        .await
        .expect("list databases");
    for row in rows {
        let name: String = row.try_get_by_index(0).expect("datname");
        let pid = name.split('_').nth(2).and_then(|p| p.parse::<u32>().ok());
        let alive = pid.is_some_and(|pid| PathBuf::from(format!("/proc/{pid}")).exists());
        if !alive {
            exec(
                admin,
                &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            )
            .await;
        }
    }
}

async fn exec(conn: &DatabaseConnection, sql: &str) {
    conn.execute(Statement::from_string(
        sea_orm::DbBackend::Postgres,
        sql.to_owned(),
    ))
    .await
    .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

async fn postgres_database_for(test_name: &str) -> String {
    let template = template().await;
    // PostgreSQL refuses to copy a template while another session is
    // copying it: clones take turns.
    let _turn = CLONING.lock().await;
    create_postgres_database(
        test_name,
        &format!("TEMPLATE {template} STRATEGY FILE_COPY"),
    )
    .await
}

/// Creates a database named after the test and this process (so that a
/// later test process drops it once this one has ended) and gives its URL.
async fn create_postgres_database(test_name: &str, options: &str) -> String {
    let admin_url = postgres_admin_url();
    let short: String = test_name.chars().take(30).collect();
    let name = format!(
        "ponte_t_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        short
    );
    let admin = Database::connect(&admin_url)
        .await
        .expect("PostgreSQL reachable");
    exec(&admin, &format!("CREATE DATABASE {name} {options}")).await;
    admin.close().await.ok();
    with_database(&admin_url, &name)
}

/// The URL of a new database with no table in it, on `db`'s backend (removed
/// with the test's other databases): where a restore goes.
pub async fn empty_database(db: TestDb) -> String {
    match db.backend {
        Backend::Sqlite => {
            let path =
                std::env::temp_dir().join(format!("ponte-empty-{}.db", uuid::Uuid::now_v7()));
            format!("sqlite://{}?mode=rwc", path.display())
        }
        Backend::Postgres => create_postgres_database(db.name, "").await,
    }
}

/// An HTTP client with its own cookie jar: one per simulated browser.
#[derive(Clone)]
pub struct Client {
    pub http: reqwest::Client,
    pub base_url: String,
}

pub struct Gql {
    pub status: u16,
    pub body: Value,
    pub set_cookie: Vec<String>,
}

impl Gql {
    pub fn data(&self) -> &Value {
        &self.body["data"]
    }

    pub fn errors(&self) -> &Value {
        &self.body["errors"]
    }

    pub fn code(&self) -> Option<&str> {
        self.body["errors"][0]["extensions"]["code"].as_str()
    }

    pub fn field(&self) -> Option<&str> {
        self.body["errors"][0]["extensions"]["field"].as_str()
    }

    pub fn message(&self) -> &str {
        self.body["errors"][0]["message"].as_str().unwrap_or("")
    }

    /// The data, after checking there was no error.
    pub fn ok(&self) -> &Value {
        assert!(
            self.body.get("errors").is_none() || self.body["errors"].is_null(),
            "unexpected errors: {}",
            self.body
        );
        &self.body["data"]
    }

    pub fn expect_code(&self, code: &str) {
        assert_eq!(
            self.code(),
            Some(code),
            "expected {code}, got {}",
            self.body
        );
    }
}

impl Client {
    pub fn new(base_url: &str) -> Client {
        Client {
            http: reqwest::Client::builder()
                .cookie_store(true)
                .build()
                .expect("http client"),
            base_url: base_url.to_owned(),
        }
    }

    pub fn graphql_url(&self) -> String {
        format!("{}/graphql", self.base_url)
    }

    /// A POST as the SPA sends it: JSON with the CSRF header.
    pub async fn gql(&self, query: &str, variables: Value) -> Gql {
        let response = self
            .http
            .post(self.graphql_url())
            .header("X-Ponte-CSRF", "1")
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .expect("request sent");
        let status = response.status().as_u16();
        let set_cookie = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect();
        let body = response.json::<Value>().await.unwrap_or(Value::Null);
        Gql {
            status,
            body,
            set_cookie,
        }
    }

    pub async fn login(&self, email: &str, password: &str) -> Gql {
        self.gql(
            "mutation($input: LoginInput!) { login(input: $input) { id email role } }",
            json!({ "input": { "email": email, "password": password } }),
        )
        .await
    }

    pub async fn login_ok(&self, email: &str, password: &str) -> Gql {
        let response = self.login(email, password).await;
        response.ok();
        response
    }

    pub async fn me(&self) -> Value {
        self.gql("{ me { id email role } }", json!({})).await.ok()["me"].clone()
    }
}

/// The `name=value` part of a Set-Cookie header for the session cookie.
pub fn session_cookie(set_cookie: &[String]) -> Option<String> {
    set_cookie
        .iter()
        .find(|c| c.contains("ponte_session="))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned)
}
