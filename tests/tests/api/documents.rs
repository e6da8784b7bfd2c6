//! Documents attached to the record (issue 17 point 3): the round trip on
//! both stores (a directory, and an S3-compatible server as its own process),
//! the type read from the content, the size limit met before anything is
//! written, need-to-know and its audit trail, the session and CSRF rules,
//! names sanitised, and the soft delete with its reason.

use std::path::PathBuf;

use ponte_tests::s3::S3Server;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::Desk;
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

use crate::audit_trail::auditor;

on_both_databases!(
    a_signed_pai_goes_round_the_directory_byte_for_byte,
    a_file_goes_round_the_s3_store_and_an_oversize_one_never_reaches_it,
    a_file_is_judged_by_its_content_not_its_name,
    an_oversize_file_is_refused_before_anything_is_written,
    an_outsiders_download_is_refused_and_audited,
    uploads_and_downloads_keep_the_session_and_csrf_rules,
    a_deleted_document_leaves_the_lists_and_auditors_see_why,
    names_with_paths_and_quotes_are_sanitised,
);

/// A small PDF with bytes that are not text: what comes back must be these.
fn pdf() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n".to_vec();
    bytes.extend((0..=255u8).cycle().take(3000));
    bytes.extend(b"\n%%EOF\n");
    bytes
}

fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0".to_vec();
    bytes.extend([7u8; 100]);
    bytes
}

struct Record {
    app: TestApp,
    desk: Desk,
    person: String,
    project: String,
}

impl Record {
    async fn open(app: TestApp) -> Record {
        let desk = Desk::open(&app, "PUA").await;
        let person = desk.person("Gatti", "Elsa", (1940, 3, 3), "F").await;
        let project = desk
            .operator
            .gql(
                "mutation($input: OpenProjectInput!) { openProject(input: $input) { id } }",
                json!({ "input": { "personId": person, "kind": "PAI", "teamId": desk.team_id, "caseManagerId": desk.operator_id, "title": "PAI", "startDate": "2026-10-01" } }),
            )
            .await;
        let project = project.ok()["openProject"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        Record {
            app,
            desk,
            person,
            project,
        }
    }

    fn directory(&self) -> PathBuf {
        self.app.config.data_dir.join("documents")
    }

    /// The files in the directory store (none when it was never made).
    fn files(&self) -> Vec<String> {
        std::fs::read_dir(self.directory())
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    async fn rows(&self) -> i64 {
        self.app.count("SELECT COUNT(*) FROM documents").await
    }

    /// The storage key of the one document of the test (ids are stored as
    /// blobs on SQLite: no id in the SQL).
    async fn storage_key(&self) -> String {
        let rows = self.app.rows("SELECT storage_key FROM documents").await;
        assert_eq!(rows.len(), 1, "{rows:?}");
        rows[0]["storage_key"].as_str().unwrap().to_owned()
    }
}

struct Upload<'a> {
    subject_kind: &'a str,
    subject_id: &'a str,
    kind: &'a str,
    title: &'a str,
    file_name: &'a str,
    declared: &'a str,
    bytes: Vec<u8>,
}

impl<'a> Upload<'a> {
    fn pai(project: &'a str) -> Upload<'a> {
        Upload {
            subject_kind: "PROJECT",
            subject_id: project,
            kind: "PAI_FIRMATO",
            title: "PAI firmato",
            file_name: "PAI firmato è.pdf",
            declared: "application/pdf",
            bytes: pdf(),
        }
    }

    fn form(&self) -> reqwest::multipart::Form {
        let file = reqwest::multipart::Part::bytes(self.bytes.clone())
            .file_name(self.file_name.to_owned())
            .mime_str(self.declared)
            .unwrap();
        // Names as a browser sends them: UTF-8 as is.
        reqwest::multipart::Form::new()
            .percent_encode_noop()
            .text("subjectKind", self.subject_kind.to_owned())
            .text("subjectId", self.subject_id.to_owned())
            .text("kind", self.kind.to_owned())
            .text("title", self.title.to_owned())
            .text("documentDate", "2026-10-02")
            .part("file", file)
    }

    /// Sent as the SPA sends it: the CSRF header, the session cookie.
    async fn send(&self, client: &Client) -> (u16, Value) {
        let answer = client
            .http
            .post(format!("{}/documents", client.base_url))
            .header("X-Ponte-CSRF", "1")
            .multipart(self.form())
            .send()
            .await
            .unwrap();
        (
            answer.status().as_u16(),
            answer.json().await.unwrap_or(Value::Null),
        )
    }
}

/// A small PDF sent to be attached to `subject_id` by `client`: the status
/// and the answer.
pub(crate) async fn try_attach(
    client: &Client,
    subject_kind: &str,
    subject_id: &str,
) -> (u16, Value) {
    let upload = Upload {
        subject_kind,
        subject_id,
        kind: "OTHER",
        title: "Documento di prova",
        file_name: "prova.pdf",
        declared: "application/pdf",
        bytes: pdf(),
    };
    upload.send(client).await
}

/// A small PDF attached to `subject_id` by `client`, for the matrices; its id.
pub(crate) async fn attach(client: &Client, subject_kind: &str, subject_id: &str) -> String {
    let (status, saved) = try_attach(client, subject_kind, subject_id).await;
    assert_eq!(
        status, 201,
        "attaching to {subject_kind} {subject_id}: {saved}"
    );
    saved["id"].as_str().unwrap().to_owned()
}

pub(crate) async fn download(client: &Client, id: &str) -> reqwest::Response {
    client
        .http
        .get(format!("{}/documents/{id}", client.base_url))
        .send()
        .await
        .unwrap()
}

fn header<'r>(answer: &'r reqwest::Response, name: &str) -> &'r str {
    answer
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

const LISTS: &str = "query($person: ID!, $project: ID!) { person(id: $person) { documents { id title kind subjectKind fileName contentType sizeBytes downloadUrl uploadedBy { id } } } project(id: $project) { documents { id version title documentDate } } }";

async fn a_signed_pai_goes_round_the_directory_byte_for_byte(db: TestDb) {
    let record = Record::open(TestApp::spawn(db).await).await;
    let op = &record.desk.operator;
    let (status, saved) = Upload::pai(&record.project).send(op).await;
    assert_eq!(status, 201, "{saved}");
    let id = saved["id"].as_str().unwrap();
    assert_eq!(saved["contentType"], "application/pdf");
    assert_eq!(saved["fileName"], "PAI firmato è.pdf");
    assert_eq!(saved["sizeBytes"], pdf().len());
    // Random (version 4) ids: nothing to guess from the previous one.
    assert_eq!(uuid::Uuid::parse_str(id).unwrap().get_version_num(), 4);

    let answer = download(op, id).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(header(&answer, "content-type"), "application/pdf");
    assert_eq!(
        header(&answer, "content-disposition"),
        "attachment; filename=\"PAI firmato _.pdf\"; filename*=UTF-8''PAI%20firmato%20%C3%A8.pdf"
    );
    assert_eq!(header(&answer, "x-content-type-options"), "nosniff");
    assert_eq!(header(&answer, "cache-control"), "no-store");
    assert_eq!(answer.bytes().await.unwrap().to_vec(), pdf());

    // The file is in the directory under its random key, nothing else.
    let key = record.storage_key().await;
    assert_eq!(record.files(), vec![key.clone()]);
    assert_eq!(std::fs::read(record.directory().join(&key)).unwrap(), pdf());

    let lists = op
        .gql(
            LISTS,
            json!({ "person": record.person, "project": record.project }),
        )
        .await;
    let lists = lists.ok();
    assert_eq!(lists["project"]["documents"][0]["id"], id);
    assert_eq!(
        lists["project"]["documents"][0]["documentDate"],
        "2026-10-02"
    );
    let on_person = &lists["person"]["documents"][0];
    assert_eq!(on_person["subjectKind"], "PROJECT");
    assert_eq!(on_person["downloadUrl"], format!("/documents/{id}"));
    assert_eq!(on_person["uploadedBy"]["id"], record.desk.operator_id);
    assert_eq!(
        record
            .app
            .count("SELECT COUNT(*) FROM audit_events WHERE action IN ('DOCUMENT_UPLOADED', 'DOCUMENT_DOWNLOADED')")
            .await,
        2
    );
}

async fn a_file_goes_round_the_s3_store_and_an_oversize_one_never_reaches_it(db: TestDb) {
    let s3 = S3Server::start().await;
    let store = s3.store_config();
    let app = TestApp::spawn_with(db, |config| {
        config.document_store = store;
        config.document_max_bytes = 64 * 1024;
    })
    .await;
    let record = Record::open(app).await;
    let op = &record.desk.operator;
    let photo = Upload {
        subject_kind: "PERSON",
        subject_id: &record.person,
        kind: "DOCUMENTO_IDENTITA",
        title: "Carta d'identità",
        file_name: "carta.png",
        declared: "image/png",
        bytes: png(),
    };
    let (status, saved) = photo.send(op).await;
    assert_eq!(status, 201, "{saved}");
    let id = saved["id"].as_str().unwrap();
    let answer = download(op, id).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(header(&answer, "content-type"), "image/png");
    assert_eq!(answer.bytes().await.unwrap().to_vec(), png());
    let key = record.storage_key().await;
    assert_eq!(s3.keys().await, vec![key.clone()]);
    assert_eq!(s3.sizes().await, vec![png().len()]);
    assert!(record.files().is_empty(), "nothing in the directory");

    let mut big = Upload::pai(&record.project);
    big.bytes = pdf().repeat(30);
    let (status, refused) = big.send(op).await;
    assert_eq!(status, 413, "{refused}");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "file");
    assert_eq!(s3.keys().await, vec![key], "no object for the refused file");
    assert_eq!(record.rows().await, 1);
}

async fn a_file_is_judged_by_its_content_not_its_name(db: TestDb) {
    let record = Record::open(TestApp::spawn(db).await).await;
    let op = &record.desk.operator;
    for bytes in [
        b"<!DOCTYPE html><html><script>alert(1)</script></html>".to_vec(),
        b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0".to_vec(),
        b"solo testo, niente PDF".to_vec(),
    ] {
        let mut fake = Upload::pai(&record.project);
        fake.file_name = "PAI.pdf";
        fake.bytes = bytes;
        let (status, refused) = fake.send(op).await;
        assert_eq!(status, 400, "{refused}");
        assert_eq!(refused["errors"][0]["extensions"]["code"], "VALIDATION");
        assert_eq!(refused["errors"][0]["extensions"]["field"], "file");
    }
    assert_eq!(record.rows().await, 0);
    assert!(record.files().is_empty());

    // A PNG sent as a PDF is kept as the PNG it is.
    let mut png_as_pdf = Upload::pai(&record.project);
    png_as_pdf.bytes = png();
    let (status, saved) = png_as_pdf.send(op).await;
    assert_eq!(status, 201, "{saved}");
    assert_eq!(saved["contentType"], "image/png");
    assert_eq!(saved["fileName"], "PAI firmato è.pdf.png");
}

async fn an_oversize_file_is_refused_before_anything_is_written(db: TestDb) {
    let app = TestApp::spawn_with(db, |config| config.document_max_bytes = 2048).await;
    let record = Record::open(app).await;
    let op = &record.desk.operator;
    let (status, refused) = Upload::pai(&record.project).send(op).await;
    assert_eq!(status, 413, "{refused}");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "file");
    assert!(refused["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("troppo grande"));
    // Far past the limit of the whole request too.
    let mut huge = Upload::pai(&record.project);
    huge.bytes = pdf().repeat(100);
    assert_eq!(huge.send(op).await.0, 413);
    assert_eq!(record.rows().await, 0);
    assert!(record.files().is_empty(), "{:?}", record.files());
    let mut small = Upload::pai(&record.project);
    small.bytes = pdf()[..2000].to_vec();
    assert_eq!(small.send(op).await.0, 201, "under the limit it passes");
}

async fn an_outsiders_download_is_refused_and_audited(db: TestDb) {
    let record = Record::open(TestApp::spawn(db).await).await;
    let (_, saved) = Upload::pai(&record.project)
        .send(&record.desk.operator)
        .await;
    let id = saved["id"].as_str().unwrap();
    let (outsider, outsider_id) = record.app.operator("fuori@asst.test").await;
    let answer = download(&outsider, id).await;
    assert_eq!(answer.status(), 403);
    let body: Value = answer.json().await.unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN");
    // Nor may they attach anything to a record that is not theirs.
    let (status, _) = Upload::pai(&record.project).send(&outsider).await;
    assert_eq!(status, 403);
    assert_eq!(record.rows().await, 1);
    let unknown = download(&outsider, &uuid::Uuid::new_v4().to_string()).await;
    assert_eq!(unknown.status(), 404);
    // An auditor reads the trail, not the files.
    let dpo = auditor(&record.app).await;
    assert_eq!(download(&dpo, id).await.status(), 403);

    let trail = dpo
        .gql(
            "query($person: ID) { auditTrail(personId: $person, first: 100) { nodes { action entityType actor { id } } } }",
            json!({ "person": record.person }),
        )
        .await;
    let refused: Vec<&Value> = trail.ok()["auditTrail"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["action"] == "DOCUMENT_DOWNLOAD_REFUSED")
        .collect();
    assert_eq!(refused.len(), 2, "the outsider's and the auditor's");
    assert!(refused.iter().any(|n| n["actor"]["id"] == outsider_id));
    assert_eq!(
        record
            .app
            .count("SELECT COUNT(*) FROM audit_events WHERE action = 'DOCUMENT_DOWNLOAD_REFUSED' AND person_id IS NULL")
            .await,
        1,
        "the unknown id too"
    );
}

async fn uploads_and_downloads_keep_the_session_and_csrf_rules(db: TestDb) {
    let record = Record::open(TestApp::spawn(db).await).await;
    let op = &record.desk.operator;
    let (_, saved) = Upload::pai(&record.project).send(op).await;
    let id = saved["id"].as_str().unwrap();
    let url = format!("{}/documents", record.app.base_url);

    let no_header = op
        .http
        .post(&url)
        .multipart(Upload::pai(&record.project).form())
        .send()
        .await
        .unwrap();
    assert_eq!(no_header.status(), 403);
    let foreign = op
        .http
        .post(&url)
        .header("X-Ponte-CSRF", "1")
        .header("Origin", "https://evil.example")
        .multipart(Upload::pai(&record.project).form())
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    let cross_site = op
        .http
        .get(format!("{url}/{id}"))
        .header("Sec-Fetch-Site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), 403);
    assert_eq!(record.rows().await, 1);

    let stranger = record.app.client();
    assert_eq!(download(&stranger, id).await.status(), 401);
    assert_eq!(Upload::pai(&record.project).send(&stranger).await.0, 401);
    op.gql("mutation { logout }", json!({})).await.ok();
    assert_eq!(download(op, id).await.status(), 401);
    assert_eq!(Upload::pai(&record.project).send(op).await.0, 401);
    assert_eq!(record.rows().await, 1);
}

pub(crate) const DELETE: &str = "mutation($id: ID!, $reason: String!, $version: Int!) { deleteDocument(id: $id, reason: $reason, expectedVersion: $version) { id version deletedAt deleteReason deletedBy { id } } }";

async fn a_deleted_document_leaves_the_lists_and_auditors_see_why(db: TestDb) {
    let record = Record::open(TestApp::spawn(db).await).await;
    let op = &record.desk.operator;
    let (_, saved) = Upload::pai(&record.project).send(op).await;
    let id = saved["id"].as_str().unwrap();

    let no_reason = op
        .gql(DELETE, json!({ "id": id, "reason": "  ", "version": 1 }))
        .await;
    no_reason.expect_code("VALIDATION");
    assert_eq!(no_reason.field(), Some("reason"));
    op.gql(
        DELETE,
        json!({ "id": id, "reason": "doppio", "version": 7 }),
    )
    .await
    .expect_code("CONFLICT");
    let (outsider, _) = record.app.operator("fuori@asst.test").await;
    outsider
        .gql(DELETE, json!({ "id": id, "reason": "mio", "version": 1 }))
        .await
        .expect_code("FORBIDDEN");

    let deleted = op
        .gql(
            DELETE,
            json!({ "id": id, "reason": "Caricato sulla persona sbagliata", "version": 1 }),
        )
        .await;
    let deleted = &deleted.ok()["deleteDocument"];
    assert_eq!(deleted["version"], 2);
    assert_eq!(deleted["deleteReason"], "Caricato sulla persona sbagliata");
    assert_eq!(deleted["deletedBy"]["id"], record.desk.operator_id);
    assert!(deleted["deletedAt"].is_string());

    let lists = op
        .gql(
            LISTS,
            json!({ "person": record.person, "project": record.project }),
        )
        .await;
    assert_eq!(lists.ok()["person"]["documents"], json!([]));
    assert_eq!(lists.ok()["project"]["documents"], json!([]));
    assert_eq!(download(op, id).await.status(), 404);
    op.gql(
        DELETE,
        json!({ "id": id, "reason": "ancora", "version": 2 }),
    )
    .await
    .expect_code("NOT_FOUND");
    assert_eq!(record.rows().await, 1, "the row stays");

    let dpo = auditor(&record.app).await;
    let trail = dpo
        .gql(
            "query($person: ID) { auditTrail(personId: $person, first: 100) { nodes { action details } } }",
            json!({ "person": record.person }),
        )
        .await;
    let nodes = trail.ok()["auditTrail"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    let deletion = nodes
        .iter()
        .find(|n| n["action"] == "DOCUMENT_DELETED")
        .expect("the deletion is in the trail");
    assert!(deletion["details"]
        .as_str()
        .unwrap()
        .contains("Caricato sulla persona sbagliata"));
}

async fn names_with_paths_and_quotes_are_sanitised(db: TestDb) {
    let record = Record::open(TestApp::spawn(db).await).await;
    let op = &record.desk.operator;
    // By hand: a quote in the name is escaped (`\"`) as in a quoted string.
    let sent_name = r#"../..\etc/\"evil\";x.pdf"#;
    let mut body = Vec::new();
    for (name, value) in [
        ("subjectKind", "PROJECT"),
        ("subjectId", record.project.as_str()),
        ("kind", "CONSENSO"),
        ("title", "Consenso"),
    ] {
        body.extend(
            format!("--B\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .into_bytes(),
        );
    }
    body.extend(
        format!("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{sent_name}\"\r\nContent-Type: application/pdf\r\n\r\n")
            .into_bytes(),
    );
    body.extend(pdf());
    body.extend(b"\r\n--B--\r\n");
    let answer = op
        .http
        .post(format!("{}/documents", record.app.base_url))
        .header("X-Ponte-CSRF", "1")
        .header("Content-Type", "multipart/form-data; boundary=B")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 201);
    let saved: Value = answer.json().await.unwrap();
    let name = saved["fileName"].as_str().unwrap();
    assert_eq!(name, "_evil__x.pdf");
    let answer = download(op, saved["id"].as_str().unwrap()).await;
    assert_eq!(
        header(&answer, "content-disposition"),
        "attachment; filename=\"_evil__x.pdf\"; filename*=UTF-8''_evil__x.pdf"
    );
    // On disk the file is named by its random key, never by what was sent.
    let key = record.storage_key().await;
    assert_eq!(record.files(), vec![key.clone()]);
    assert!(key.chars().all(|c| c.is_ascii_hexdigit()), "{key}");
}
