//! Operations metrics and logs (issue 19, point 5): the scrape on its own
//! listener, what it counts, and the JSON log lines of a request.

use ponte_server::domain::vocabulary::Role;
use ponte_tests::process::PonteProcess;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, Backend, Client, TestApp, TestDb, PASSWORD};

on_both_databases!(
    the_scrape_counts_requests_by_operation_and_code_and_refused_sign_ins,
    a_throttled_sign_in_is_counted_apart_from_a_wrong_password,
    the_outbox_gauges_show_the_queued_and_the_dead_lettered_emails,
    the_outbox_workers_rounds_are_counted,
    the_public_listener_does_not_serve_the_metrics,
    json_logs_carry_the_request_id_and_the_operation_on_every_line,
);

const LOGIN: &str = "mutation Login($input: LoginInput!) { login(input: $input) { id } }";

async fn spawn_with_metrics(db: TestDb) -> TestApp {
    TestApp::spawn_with(db, |c| {
        c.metrics_bind = Some("127.0.0.1:0".parse().expect("an address"))
    })
    .await
}

async fn scrape(app: &TestApp) -> String {
    let addr = app.metrics_addr.expect("the instance serves metrics");
    let response = reqwest::get(format!("http://{addr}/metrics"))
        .await
        .expect("scrape sent");
    assert_eq!(response.status().as_u16(), 200);
    let kind = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
    response.text().await.expect("exposition text")
}

/// The value of the sample `name` with exactly these labels, if any.
fn sample(exposition: &str, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    let mut wanted: Vec<String> = labels.iter().map(|(k, v)| format!("{k}=\"{v}\"")).collect();
    wanted.sort();
    exposition.lines().find_map(|line| {
        let (series, value) = line.rsplit_once(' ')?;
        let (metric, rest) = series.split_once('{').unwrap_or((series, "}"));
        if metric != name {
            return None;
        }
        let mut found: Vec<String> = rest
            .trim_end_matches('}')
            .split(',')
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        found.sort();
        (found == wanted).then(|| value.parse().expect("a number"))
    })
}

async fn the_scrape_counts_requests_by_operation_and_code_and_refused_sign_ins(db: TestDb) {
    let app = spawn_with_metrics(db).await;
    app.make_user("metrica@ponte.test", Role::Operator, None)
        .await;
    let client = app.client();
    let login = |password: &str| json!({ "input": { "email": "metrica@ponte.test", "password": password } });

    // A refused sign-in, a successful one, a query that answers and one
    // refused to a signed-out client, all by the SPA's operation names.
    client
        .gql(LOGIN, login("password-sbagliata"))
        .await
        .expect_code("UNAUTHENTICATED");
    client.gql(LOGIN, login(PASSWORD)).await.ok();
    client.gql("query Me { me { id } }", json!({})).await.ok();
    let unread = "query UnreadNotificationCount { notifications(unreadOnly: true, first: 0) { totalCount } }";
    app.client()
        .gql(unread, json!({}))
        .await
        .expect_code("UNAUTHENTICATED");
    // Names the SPA never sends are not labels: a client cannot grow the registry.
    client
        .gql("query Esfiltra { me { id } }", json!({}))
        .await
        .ok();
    client.gql("{ me { id } }", json!({})).await.ok();
    reqwest::get(format!("{}/healthz", app.base_url))
        .await
        .expect("health answered");

    let text = scrape(&app).await;
    let requests = |operation, code| {
        sample(
            &text,
            "ponte_requests_total",
            &[("operation", operation), ("code", code)],
        )
    };
    assert_eq!(requests("Login", "UNAUTHENTICATED"), Some(1.0), "{text}");
    assert_eq!(requests("Login", "OK"), Some(1.0), "{text}");
    assert_eq!(requests("Me", "OK"), Some(1.0), "{text}");
    assert_eq!(
        requests("UnreadNotificationCount", "UNAUTHENTICATED"),
        Some(1.0)
    );
    assert_eq!(requests("other", "OK"), Some(1.0), "{text}");
    assert_eq!(requests("anonymous", "OK"), Some(1.0), "{text}");
    assert!(!text.contains("Esfiltra"), "{text}");
    assert_eq!(
        sample(
            &text,
            "ponte_login_failures_total",
            &[("reason", "bad_credentials")]
        ),
        Some(1.0),
        "{text}"
    );

    // A histogram (buckets Prometheus can add up), not a summary.
    assert!(
        text.contains("# TYPE ponte_request_duration_seconds histogram"),
        "{text}"
    );
    let me_bucket = |le| {
        sample(
            &text,
            "ponte_request_duration_seconds_bucket",
            &[("operation", "Me"), ("le", le)],
        )
    };
    assert_eq!(me_bucket("+Inf"), Some(1.0), "{text}");
    assert_eq!(me_bucket("30"), Some(1.0), "{text}");
    assert_eq!(
        sample(
            &text,
            "ponte_request_duration_seconds_count",
            &[("operation", "Login")]
        ),
        Some(2.0),
        "{text}"
    );

    // Every HTTP request, by route template and status.
    assert_eq!(
        sample(
            &text,
            "ponte_http_requests_total",
            &[("route", "/graphql"), ("status", "200")]
        ),
        Some(6.0),
        "{text}"
    );
    assert_eq!(
        sample(
            &text,
            "ponte_http_requests_total",
            &[("route", "/healthz"), ("status", "200")]
        ),
        Some(1.0),
        "{text}"
    );

    // The database pool: SQLite has one connection (one writer), PostgreSQL twenty.
    let pool = |state| sample(&text, "ponte_db_pool_connections", &[("state", state)]);
    let max = match db.backend {
        Backend::Sqlite => 1.0,
        Backend::Postgres => 20.0,
    };
    assert_eq!(pool("max"), Some(max), "{text}");
    let open = pool("in_use").expect("in use") + pool("idle").expect("idle");
    assert!((1.0..=max).contains(&open), "{text}");
}

async fn a_throttled_sign_in_is_counted_apart_from_a_wrong_password(db: TestDb) {
    let app = TestApp::spawn_with(db, |c| {
        c.metrics_bind = Some("127.0.0.1:0".parse().expect("an address"));
        c.login_max_failures = 2;
    })
    .await;
    app.make_user("bersaglio@ponte.test", Role::Operator, None)
        .await;
    let client = app.client();
    let wrong =
        json!({ "input": { "email": "bersaglio@ponte.test", "password": "non-e-lei-davvero" } });
    let mut refused = 0.0;
    loop {
        let answer = client.gql(LOGIN, wrong.clone()).await;
        if answer.code() == Some("RATE_LIMITED") {
            break;
        }
        answer.expect_code("UNAUTHENTICATED");
        refused += 1.0;
        assert!(refused <= 3.0, "never throttled");
    }
    let text = scrape(&app).await;
    let failures = |reason| sample(&text, "ponte_login_failures_total", &[("reason", reason)]);
    assert_eq!(failures("bad_credentials"), Some(refused), "{text}");
    assert_eq!(failures("throttled"), Some(1.0), "{text}");
    assert_eq!(
        sample(
            &text,
            "ponte_requests_total",
            &[("operation", "Login"), ("code", "RATE_LIMITED")]
        ),
        Some(1.0),
        "{text}"
    );
}

async fn the_outbox_gauges_show_the_queued_and_the_dead_lettered_emails(db: TestDb) {
    let app = TestApp::spawn_with(db, |c| {
        c.metrics_bind = Some("127.0.0.1:0".parse().expect("an address"));
        // The emails stay where the test puts them.
        c.worker_enabled = false;
    })
    .await;
    let outbox = |text: &str, status| sample(text, "ponte_outbox_emails", &[("status", status)]);
    let empty = scrape(&app).await;
    assert_eq!(outbox(&empty, "PENDING"), Some(0.0), "{empty}");
    assert_eq!(outbox(&empty, "DEAD"), Some(0.0), "{empty}");

    app.queue_emails(&[
        "una@asst.test".to_owned(),
        "due@asst.test".to_owned(),
        "tre@asst.test".to_owned(),
    ])
    .await;
    // As the worker leaves an email the server refused for good (the
    // dead-lettering itself is the outbox suite's): here only the gauge.
    app.execute(
        "UPDATE outbox_emails SET status = 'DEAD', attempts = 1, \
         last_error = '550 mailbox unavailable' WHERE recipient = 'tre@asst.test'",
    )
    .await;
    let text = scrape(&app).await;
    assert_eq!(outbox(&text, "PENDING"), Some(2.0), "{text}");
    assert_eq!(outbox(&text, "DEAD"), Some(1.0), "{text}");
    assert_eq!(outbox(&text, "SENDING"), Some(0.0), "{text}");
}

/// A round counter that stops growing is a stuck worker; the reliability
/// suite waits on it for a worker in another process.
async fn the_outbox_workers_rounds_are_counted(db: TestDb) {
    let app = spawn_with_metrics(db).await;
    let rounds = |text: &str| sample(text, "ponte_outbox_rounds_total", &[]);
    app.worker_round().await;
    let before = scrape(&app).await;
    let counted = rounds(&before).unwrap_or_else(|| panic!("no round counted: {before}"));
    assert!(counted >= 1.0, "{before}");
    app.worker_round().await;
    let after = scrape(&app).await;
    assert!(rounds(&after) > Some(counted), "{after}");
}

async fn the_public_listener_does_not_serve_the_metrics(db: TestDb) {
    // With the SPA's files too: its fallback must not answer with metrics either.
    let dir = std::env::temp_dir().join(format!("ponte-spa-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>Ponte</title>",
    )
    .unwrap();
    let static_dir = dir.clone();
    let app = TestApp::spawn_with(db, move |c| {
        c.metrics_bind = Some("127.0.0.1:0".parse().expect("an address"));
        c.static_dir = Some(static_dir);
    })
    .await;
    assert!(scrape(&app).await.contains("ponte_db_pool_connections"));

    for path in ["/metrics", "/metrics/"] {
        let public = reqwest::Client::new()
            .get(format!("{}{path}", app.base_url))
            .header("authorization", "Bearer qualunque")
            .send()
            .await
            .unwrap();
        let body = public.text().await.unwrap();
        assert!(!body.contains("ponte_"), "{path} is public: {body}");
        assert!(body.contains("<title>Ponte</title>"), "{path}: {body}");
    }
    // The metrics listener serves nothing but the metrics.
    let addr = app.metrics_addr.unwrap();
    let graphql = reqwest::Client::new()
        .post(format!("http://{addr}/graphql"))
        .header("X-Ponte-CSRF", "1")
        .json(&json!({ "query": "{ me { id } }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(graphql.status().as_u16(), 404);

    // Without PONTE_METRICS_BIND there is no metrics listener at all.
    let plain = TestApp::spawn(db).await;
    assert_eq!(plain.metrics_addr, None);
    let public = reqwest::get(format!("{}/metrics", plain.base_url))
        .await
        .unwrap();
    assert_eq!(public.status().as_u16(), 404);
    let _ = std::fs::remove_dir_all(dir);
}

/// The JSON lines of a process's log (its other lines, if any, skipped).
fn json_lines(log: &str) -> Vec<Value> {
    log.lines()
        .filter_map(|line| ponte_tests::serde_json::from_str(line).ok())
        .collect()
}

async fn json_logs_carry_the_request_id_and_the_operation_on_every_line(db: TestDb) {
    let app = TestApp::spawn(db).await;
    app.make_user("registro@ponte.test", Role::Operator, None)
        .await;
    // The real binary with its own process-wide logger: a test process
    // shares one logger among all its tests, and a per-thread one misses
    // lines when other tests' threads register the same call sites first.
    // Debug, so that the request logs lines (at info a refused sign-in logs none).
    let ponte = PonteProcess::start(
        &app.config.database_url,
        &[
            ("PONTE_LOG_FORMAT", "json".into()),
            ("PONTE_LOG", "debug".into()),
        ],
    )
    .await;
    let addr = ponte.addr;

    let client = Client::new(&format!("http://{addr}"));
    let response = client
        .http
        .post(client.graphql_url())
        .header("X-Ponte-CSRF", "1")
        .json(&json!({
            "query": LOGIN,
            "variables": { "input": { "email": "registro@ponte.test", "password": "sbagliata-e-lunga" } },
        }))
        .send()
        .await
        .unwrap();
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");

    // The request's lines: those in its span (the last one, "finished
    // processing request", is written before the answer leaves).
    let lines: Vec<Value> = json_lines(&ponte.log_text())
        .into_iter()
        .filter(|line| {
            line["spans"].as_array().is_some_and(|spans| {
                spans.iter().any(|span| {
                    span["name"] == "request" && span["request_id"] == request_id.as_str()
                })
            })
        })
        .collect();
    assert!(lines.len() >= 2, "too few lines to tell: {lines:#?}");
    for line in &lines {
        let request = &line["spans"][0];
        assert_eq!(request["name"], "request", "{line}");
        assert_eq!(request["request_id"], request_id.as_str(), "{line}");
        assert_eq!(request["operation"], "Login", "{line}");
    }
    assert!(
        lines
            .iter()
            .any(|line| line["fields"]["message"] == "finished processing request"),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|line| line["fields"]["message"] == "graphql answered"
                && line["fields"]["code"] == "UNAUTHENTICATED"),
        "the handler's own line, inside the session layer's span: {lines:#?}"
    );
}
