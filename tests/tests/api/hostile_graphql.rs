//! The abuses of the OWASP GraphQL cheat sheet and graphql-cop, each sent as
//! an attacker would (no session, straight at `POST /graphql`). Each must be
//! refused with its code (or, at the door, its HTTP status and the same JSON
//! shape), within two seconds on a loaded machine, and before any SQL runs:
//! the abuses ask for `login`, which reads the database whenever it runs, and
//! each test shows first that the same request without the abuse does.
//! Memory is bounded by construction rather than measured: a body is at most
//! 64 KiB (more is refused as it arrives), and what a document may ask for
//! once parsed (fields as run, operations, variables, depth, cost) is
//! refused before anything executes.

use std::time::{Duration, Instant};

use ponte_server::graphql::{MAX_FIELDS, MAX_OPERATIONS, MAX_VARIABLES};
use ponte_server::http::router::MAX_BODY_BYTES;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, TestApp, TestDb};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

on_both_databases!(
    a_field_repeated_thousands_of_times_is_refused,
    directives_piled_on_one_field_are_refused,
    circular_fragments_are_refused,
    a_fragment_spread_over_and_over_is_refused,
    a_string_of_megabytes_is_refused_at_the_door,
    a_list_of_a_million_items_is_refused_at_the_door,
    thousands_of_variables_are_refused,
    a_batch_of_operations_is_refused_in_the_graphql_shape,
    get_never_runs_an_operation,
    form_and_multipart_posts_are_refused,
    introspection_and_suggestions_are_off_in_production,
    an_unknown_operation_name_is_refused,
    a_deeply_nested_value_is_refused,
    thousands_of_operations_in_one_document_are_refused,
    a_syntax_error_does_not_echo_the_query,
);

/// Generous for a debug build on a machine shared with other builds: each
/// refusal takes milliseconds when the machine is idle.
const FAST: Duration = Duration::from_secs(2);

/// A sign-in that reads the database whenever it runs (the throttle, the user).
const LOGIN: &str =
    r#"login(input: { email: "nessuno@ponte.test", password: "password-sbagliata" }) { id }"#;

struct Answer {
    status: u16,
    body: Value,
    /// The body as sent on the wire.
    bytes: usize,
    elapsed: Duration,
    /// SQL statements the server ran while answering.
    statements: u64,
}

impl Answer {
    fn code(&self) -> &str {
        self.body["errors"][0]["extensions"]["code"]
            .as_str()
            .unwrap_or("")
    }

    fn message(&self) -> &str {
        self.body["errors"][0]["message"].as_str().unwrap_or("")
    }

    /// Refused with `status` and `code`, fast, before any SQL, with no data.
    fn refused(&self, status: u16, code: &str) -> &Self {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.code(), code, "{}", self.body);
        assert!(
            self.elapsed < FAST,
            "took {:?}: {}",
            self.elapsed,
            self.body
        );
        assert_eq!(self.statements, 0, "SQL ran: {}", self.body);
        assert!(self.body["data"].is_null(), "data came back: {}", self.body);
        self
    }

    /// A `TOO_COMPLEX` refusal naming `measure` over `limit`.
    fn too_complex(&self, measure: &str, limit: usize) {
        self.refused(200, "TOO_COMPLEX");
        let extensions = &self.body["errors"][0]["extensions"];
        assert_eq!(extensions["limit"], limit, "{}", self.body);
        assert!(
            extensions[measure].as_u64().unwrap_or(0) > limit as u64,
            "{}",
            self.body
        );
    }
}

/// Ponte with no outbox worker, so that the statements counted are the
/// request's own.
async fn quiet(db: TestDb) -> TestApp {
    TestApp::spawn_with(db, |c| c.worker_enabled = false).await
}

async fn send(app: &TestApp, request: reqwest::RequestBuilder) -> Answer {
    let before = app.statements();
    let started = Instant::now();
    let response = request.send().await.expect("an answer");
    let status = response.status().as_u16();
    let text = response.text().await.unwrap_or_default();
    let elapsed = started.elapsed();
    Answer {
        status,
        bytes: text.len(),
        body: ponte_tests::serde_json::from_str(&text).unwrap_or(Value::Null),
        elapsed,
        statements: app.statements() - before,
    }
}

fn post(app: &TestApp) -> reqwest::RequestBuilder {
    reqwest::Client::new()
        .post(format!("{}/graphql", app.base_url))
        .header("X-Ponte-CSRF", "1")
}

/// A POST as the SPA sends it, with any JSON body.
async fn post_json(app: &TestApp, body: &Value) -> Answer {
    send(
        app,
        post(app)
            .header("Content-Type", "application/json")
            .body(body.to_string()),
    )
    .await
}

async fn query(app: &TestApp, document: &str) -> Answer {
    post_json(app, &json!({ "query": document })).await
}

/// The abuse's harmless twin runs, and reads the database: the refusals'
/// "no SQL" could fail.
async fn login_runs(app: &TestApp, document: &str) {
    let answer = query(app, document).await;
    assert_eq!(answer.code(), "UNAUTHENTICATED", "{}", answer.body);
    assert!(answer.statements > 0, "{}", answer.body);
}

async fn a_field_repeated_thousands_of_times_is_refused(db: TestDb) {
    let app = quiet(db).await;
    login_runs(&app, &format!("mutation {{ {LOGIN} }}")).await;
    // 5,000 times `id`: within the body limit and, one field at a time,
    // within the cost limit too.
    let ids = "id ".repeat(5_000);
    let repeated = LOGIN.replace("{ id }", &format!("{{ {ids} }}"));
    let answer = query(&app, &format!("mutation {{ {repeated} }}")).await;
    answer.too_complex("fields", MAX_FIELDS);
    assert!(answer.message().starts_with("Richiesta troppo estesa"));
}

async fn directives_piled_on_one_field_are_refused(db: TestDb) {
    let app = quiet(db).await;
    login_runs(
        &app,
        &format!(
            "mutation {{ {} }}",
            LOGIN.replace(") {", ") @include(if: true) {")
        ),
    )
    .await;
    for directives in [
        "@include(if: true) ".repeat(1_000),
        "@skip(if: false) ".repeat(6),
        "@nessuna ".repeat(1_000),
        (0..1_000).map(|i| format!("@d{i} ")).collect::<String>(),
    ] {
        let piled = LOGIN.replace(") {", &format!(") {directives} {{"));
        let answer = query(&app, &format!("mutation {{ {piled} }}")).await;
        answer.refused(200, "BAD_REQUEST");
        assert!(
            answer.message().contains("directives"),
            "{}",
            answer.message()
        );
    }
    // Fewer than the limit, but the same twice or unknown: still refused.
    for directives in ["@skip(if: false) @skip(if: false)", "@nessuna"] {
        let piled = LOGIN.replace(") {", &format!(") {directives} {{"));
        query(&app, &format!("mutation {{ {piled} }}"))
            .await
            .refused(200, "BAD_REQUEST");
    }
}

async fn circular_fragments_are_refused(db: TestDb) {
    let app = quiet(db).await;
    login_runs(
        &app,
        &format!("mutation {{ ...A }} fragment A on MutationRoot {{ {LOGIN} }}"),
    )
    .await;
    for document in [
        format!("mutation {{ ...A }} fragment A on MutationRoot {{ {LOGIN} ...B }} fragment B on MutationRoot {{ ...A }}"),
        format!("mutation {{ ...A }} fragment A on MutationRoot {{ {LOGIN} ...A }}"),
        // Each fragment spreads the other twice: 2^n ways round the circle.
        format!("mutation {{ ...A }} fragment A on MutationRoot {{ {LOGIN} ...B ...B }} fragment B on MutationRoot {{ ...A ...A }}"),
    ] {
        query(&app, &document).await.refused(200, "BAD_REQUEST");
    }
}

async fn a_fragment_spread_over_and_over_is_refused(db: TestDb) {
    let app = quiet(db).await;
    // One fragment spread 5,000 times.
    let spreads = "...F ".repeat(5_000);
    let answer = query(
        &app,
        &format!("mutation {{ {spreads} }} fragment F on MutationRoot {{ {LOGIN} }}"),
    )
    .await;
    answer.too_complex("fields", MAX_FIELDS);
    // Fragments each spreading the next ten times, nine deep: a billion
    // sign-ins from a few hundred bytes.
    let mut document = String::from("mutation { ...F0 }");
    for level in 0..9 {
        let next = format!("...F{} ", level + 1).repeat(10);
        document.push_str(&format!(" fragment F{level} on MutationRoot {{ {next} }}"));
    }
    document.push_str(&format!(" fragment F9 on MutationRoot {{ {LOGIN} }}"));
    assert!(document.len() < 2_000);
    query(&app, &document)
        .await
        .too_complex("fields", MAX_FIELDS);
}

async fn a_string_of_megabytes_is_refused_at_the_door(db: TestDb) {
    let app = quiet(db).await;
    let login = "mutation($input: LoginInput!) { login(input: $input) { id } }";
    // Just within the body limit: it is read, and answered as any sign-in.
    let email = "a".repeat(MAX_BODY_BYTES - 1_024);
    let answer = post_json(
        &app,
        &json!({ "query": login, "variables": { "input": { "email": email, "password": "x" } } }),
    )
    .await;
    assert_eq!(answer.status, 200);
    assert!(!answer.code().is_empty(), "{}", answer.body);
    assert!(answer.elapsed < FAST);
    for megabytes in [1, 10] {
        let email = "a".repeat(megabytes * 1024 * 1024);
        let body = json!({ "query": login, "variables": { "input": { "email": email, "password": "x" } } });
        refused_at_the_door(&app, &body.to_string()).await;
    }
}

async fn a_list_of_a_million_items_is_refused_at_the_door(db: TestDb) {
    let app = quiet(db).await;
    let record =
        "mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }";
    let ids = vec![Value::from("01a20a65-ce67-7309-ae25-62ab0679ac39"); 1_000_000];
    let body =
        json!({ "query": record, "variables": { "input": { "participantIds": ids } } }).to_string();
    refused_at_the_door(&app, &body).await;
    // As many as fit in the body are read and answered like any list.
    let numbers = vec![Value::from(1); 30_000];
    let answer = post_json(
        &app,
        &json!({ "query": record, "variables": { "input": { "participantIds": numbers } } }),
    )
    .await;
    assert_eq!(answer.status, 200);
    assert!(!answer.code().is_empty(), "{}", answer.body);
    assert!(answer.elapsed < FAST, "{:?}", answer.elapsed);
    assert_eq!(answer.statements, 0, "{}", answer.body);
}

async fn thousands_of_variables_are_refused(db: TestDb) {
    let app = quiet(db).await;
    let declared: String = (0..5_000).map(|i| format!("$v{i}: Int ")).collect();
    let answer = query(&app, &format!("mutation({declared}) {{ {LOGIN} }}")).await;
    answer.too_complex("variables", MAX_VARIABLES);
    assert!(answer.message().starts_with("Troppe variabili"));
}

async fn a_batch_of_operations_is_refused_in_the_graphql_shape(db: TestDb) {
    let app = quiet(db).await;
    let login = json!({ "query": format!("mutation {{ {LOGIN} }}") });
    let me = json!({ "query": "{me{id}}" });
    for batch in [vec![login; 2], vec![me; 1_000]] {
        let batch = Value::Array(batch);
        let answer = post_json(&app, &batch).await;
        answer.refused(400, "BAD_REQUEST");
        assert!(answer.message().contains("batch"), "{}", answer.body);
    }
    // Not JSON at all, or JSON of no request: no library text comes back.
    for body in [r#"{"query": "{ me { id } }""#, "42"] {
        let answer = send(
            &app,
            post(&app)
                .header("Content-Type", "application/json")
                .body(body),
        )
        .await;
        answer.refused(400, "BAD_REQUEST");
        assert!(answer.message().starts_with("Il corpo della richiesta"));
    }
    // A request with no query (a misspelt key) is an empty, unparsable one.
    let answer = post_json(&app, &json!({ "querry": "{ me { id } }" })).await;
    answer.refused(200, "BAD_REQUEST");
    assert!(answer.message().starts_with("Errore di sintassi"));
}

async fn get_never_runs_an_operation(db: TestDb) {
    let app = quiet(db).await;
    let operation = format!("mutation {{ {LOGIN} }}");
    let get = |app: &TestApp| {
        reqwest::Client::new()
            .get(format!("{}/graphql", app.base_url))
            .query(&[("query", operation.as_str())])
            .header("X-Ponte-CSRF", "1")
    };
    let answer = send(&app, get(&app)).await;
    answer.refused(405, "BAD_REQUEST");
    // With GraphiQL on (a demo), GET serves the page and runs nothing.
    let demo = TestApp::spawn_with(db, |c| {
        c.graphiql = true;
        c.worker_enabled = false;
    })
    .await;
    let answer = send(&demo, get(&demo)).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.statements, 0);
    assert!(answer.body.is_null(), "an HTML page, not an answer");
}

async fn form_and_multipart_posts_are_refused(db: TestDb) {
    let app = quiet(db).await;
    let operation = format!("mutation {{ {LOGIN} }}");
    let form = format!(
        "query={}",
        url::form_urlencoded::byte_serialize(operation.as_bytes()).collect::<String>()
    );
    let boundary = "ponte-confine";
    let multipart = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{{}}\r\n--{boundary}--\r\n",
        json!({ "query": operation })
    );
    for (content_type, body) in [
        ("application/x-www-form-urlencoded".to_owned(), form),
        (
            format!("multipart/form-data; boundary={boundary}"),
            multipart,
        ),
        ("application/graphql".to_owned(), operation.clone()),
    ] {
        let answer = send(
            &app,
            post(&app).header("Content-Type", content_type).body(body),
        )
        .await;
        answer.refused(415, "BAD_REQUEST");
    }
}

async fn introspection_and_suggestions_are_off_in_production(db: TestDb) {
    let app = quiet(db).await;
    for document in [
        "{ __schema { types { name } } }",
        "{ __type(name: \"User\") { name fields { name } } }",
        "{ me { id } __schema { queryType { name } } }",
    ] {
        let answer = query(&app, document).await;
        answer.refused(200, "BAD_REQUEST");
        assert!(
            answer.message().contains("introspezione"),
            "{}",
            answer.body
        );
    }
    // What graphql-cop probes for field suggestions, and the like for
    // arguments, types and enum values: no "Did you mean" gives names away.
    for document in [
        "{ me { emial } }".to_owned(),
        "{ mee { id } }".to_owned(),
        "{ persons(frist: 5) { totalCount } }".to_owned(),
        "query($f: PersonFilter) { persons(filter: $f) { totalCount } }".to_owned(),
        "{ projects(status: ATTIVO) { totalCount } }".to_owned(),
        "mutation { logot }".to_owned(),
        format!("mutation {{ {} }}", LOGIN.replace("email", "emai")),
    ] {
        let answer = query(&app, &document).await;
        answer.refused(200, "BAD_REQUEST");
        let text = answer.body.to_string().to_lowercase();
        assert!(!text.contains("did you mean"), "{text}");
    }
}

async fn an_unknown_operation_name_is_refused(db: TestDb) {
    let app = quiet(db).await;
    let document = format!("mutation Entra {{ {LOGIN} }} query Io {{ me {{ id }} }}");
    let runs = post_json(
        &app,
        &json!({ "query": document, "operationName": "Entra" }),
    )
    .await;
    assert_eq!(runs.code(), "UNAUTHENTICATED");
    assert!(runs.statements > 0);
    for name in [
        json!("Esci"),
        json!(""),
        json!(null),
        json!("x".repeat(10_000)),
    ] {
        let request = json!({ "query": document, "operationName": name });
        let answer = post_json(&app, &request).await;
        answer.refused(200, "BAD_REQUEST");
        // The name is said back once at most: no bigger than the request.
        assert!(answer.bytes < request.to_string().len(), "{}", answer.bytes);
    }
}

async fn a_deeply_nested_value_is_refused(db: TestDb) {
    let app = quiet(db).await;
    let login = "mutation($input: LoginInput!) { login(input: $input) { id } }";
    // Deeper than any JSON reader should follow: refused as it is read.
    let deep = format!("{}1{}", "[".repeat(20_000), "]".repeat(20_000));
    let body = format!(r#"{{"query": "{login}", "variables": {{"input": {deep}}}}}"#);
    let answer = send(
        &app,
        post(&app)
            .header("Content-Type", "application/json")
            .body(body),
    )
    .await;
    answer.refused(400, "BAD_REQUEST");
    // Nested as far as JSON is read (100 levels), where a String goes: refused
    // as the variables are checked against their types, before anything runs.
    let mut nested = json!("x");
    for _ in 0..100 {
        nested = json!({ "email": nested });
    }
    let answer = post_json(
        &app,
        &json!({ "query": login, "variables": { "input": { "email": nested, "password": "x" } } }),
    )
    .await;
    answer.refused(200, "BAD_REQUEST");
    assert!(answer.message().contains("input.email"), "{}", answer.body);
    // Nested in the query text itself, lists and objects.
    for (open, close) in [("[", "]"), ("{a: ", "}")] {
        let value = format!("{}1{}", open.repeat(10_000), close.repeat(10_000));
        let answer = query(
            &app,
            &format!("mutation {{ login(input: {value}) {{ id }} }}"),
        )
        .await;
        answer.refused(200, "BAD_REQUEST");
        assert!(answer.bytes < 2_000, "{} bytes came back", answer.bytes);
    }
}

async fn thousands_of_operations_in_one_document_are_refused(db: TestDb) {
    let app = quiet(db).await;
    let document: String = (0..2_000)
        .map(|i| format!("query Q{i}{{me{{id}}}}"))
        .collect();
    for name in [json!("Q1"), json!(null)] {
        let answer = post_json(&app, &json!({ "query": document, "operationName": name })).await;
        answer.too_complex("operations", MAX_OPERATIONS);
        assert!(answer.message().starts_with("Troppe operazioni"));
    }
}

async fn a_syntax_error_does_not_echo_the_query(db: TestDb) {
    let app = quiet(db).await;
    // 60 KB on one line, broken at its end.
    let document = format!("mutation {{ {} {LOGIN} ", "a: __typename ".repeat(4_000));
    let answer = query(&app, &document).await;
    answer.refused(200, "BAD_REQUEST");
    assert!(answer.bytes < 2_000, "{} bytes came back", answer.bytes);
    assert!(
        answer
            .message()
            .starts_with("Errore di sintassi alla riga 1, colonna"),
        "{}",
        answer.message()
    );
}

/// A body over the limit is refused with 413: with its length declared,
/// before it is read; sent in chunks, once 64 KiB of it have come.
async fn refused_at_the_door(app: &TestApp, body: &str) {
    for framing in [Framing::Length, Framing::Chunked] {
        raw_post(app, body.as_bytes(), framing)
            .await
            .refused(413, "BAD_REQUEST");
    }
}

/// How a raw POST says where its body ends.
#[derive(Clone, Copy, PartialEq)]
enum Framing {
    /// `Content-Length`: the server may refuse the body before reading it.
    Length,
    /// In chunks, with no length: the server can only refuse it as it reads.
    Chunked,
}

/// A POST over a plain socket, which goes on reading the answer when the
/// server refuses the body and closes before all of it is sent (an HTTP
/// client library gives up with a broken pipe there).
async fn raw_post(app: &TestApp, body: &[u8], framing: Framing) -> Answer {
    let before = app.statements();
    let started = Instant::now();
    let stream = tokio::net::TcpStream::connect(app.addr)
        .await
        .expect("connect");
    let (mut reader, mut writer) = stream.into_split();
    let length = match framing {
        Framing::Length => format!("Content-Length: {}", body.len()),
        Framing::Chunked => "Transfer-Encoding: chunked".to_owned(),
    };
    let head = format!(
        "POST /graphql HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nX-Ponte-CSRF: 1\r\n{length}\r\nConnection: close\r\n\r\n",
        app.addr
    );
    let mut chunks: Vec<Vec<u8>> = body
        .chunks(16 * 1024)
        .map(|chunk| match framing {
            Framing::Length => chunk.to_vec(),
            Framing::Chunked => {
                let mut framed = format!("{:x}\r\n", chunk.len()).into_bytes();
                framed.extend_from_slice(chunk);
                framed.extend_from_slice(b"\r\n");
                framed
            }
        })
        .collect();
    if framing == Framing::Chunked {
        chunks.push(b"0\r\n\r\n".to_vec());
    }
    // The server may answer and close before the body is all sent: the
    // writer then stops, and the answer is what counts.
    let sending = tokio::spawn(async move {
        writer.write_all(head.as_bytes()).await?;
        for chunk in chunks {
            writer.write_all(&chunk).await?;
        }
        Ok::<(), std::io::Error>(())
    });
    let mut raw = Vec::new();
    tokio::time::timeout(Duration::from_secs(30), reader.read_to_end(&mut raw))
        .await
        .expect("an answer within 30 s")
        .ok();
    let elapsed = started.elapsed();
    sending.abort();
    let text = String::from_utf8_lossy(&raw);
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let payload = text.split("\r\n\r\n").nth(1).unwrap_or_default();
    // The answer itself may come chunked: its JSON is the part in braces.
    let json = payload
        .find('{')
        .and_then(|start| payload.rfind('}').map(|end| &payload[start..=end]))
        .unwrap_or_default();
    Answer {
        status,
        bytes: json.len(),
        body: ponte_tests::serde_json::from_str(json).unwrap_or(Value::Null),
        elapsed,
        statements: app.statements() - before,
    }
}
