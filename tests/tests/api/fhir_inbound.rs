//! A hospital's system reports a protected discharge in FHIR R4 (issue
//! 18.2): `POST /fhir/r4/Bundle` with the README's example Bundle
//! (`docs/fhir/discharge-bundle.json`, validated here too) makes one
//! discharge however often it is sent, at once or again, tells the
//! receiving team, names the account in the audit trail and tells the
//! hospital nothing of a person Ponte already knew; twenty malformed
//! requests each get an `OperationOutcome` 4xx naming the element at fault
//! and write nothing. Every answer goes through the R4 validator.

use ponte_tests::fhir::assert_valid;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{person_input, Desk};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

use entity::discharge;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use uuid::Uuid;

use crate::service_accounts::{machine_send, service_account, Answer};

fn uuid(id: &str) -> Uuid {
    id.parse().expect("an id")
}

on_both_databases!(
    a_bundle_makes_one_discharge_however_often_it_is_sent,
    the_hospital_learns_nothing_of_a_person_ponte_knew,
    malformed_bundles_get_an_operation_outcome_and_write_nothing,
    a_session_without_a_token_does_not_report,
);

pub(crate) const BUNDLE_PATH: &str = "/fhir/r4/Bundle";

/// The README's example, with the receiving team's id put in.
pub(crate) fn example_bundle(team_id: &str) -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/fhir/discharge-bundle.json"
    ))
    .expect("the README's example Bundle");
    let mut bundle: Value = serde_json::from_str(&text).expect("the example is JSON");
    bundle["entry"][2]["resource"]["performer"][0]["identifier"]["value"] = json!(team_id);
    bundle
}

/// A FHIR call as a hospital's system makes it.
pub(crate) async fn post_fhir(
    app: &TestApp,
    token: Option<&str>,
    content_type: &str,
    body: Vec<u8>,
) -> Answer {
    let request = reqwest::Client::new()
        .post(format!("{}{BUNDLE_PATH}", app.base_url))
        .header("Content-Type", content_type)
        .body(body);
    machine_send(request, token).await
}

async fn post_bundle(app: &TestApp, token: &str, bundle: &Value) -> Answer {
    post_fhir(
        app,
        Some(token),
        "application/fhir+json",
        serde_json::to_vec(bundle).expect("JSON"),
    )
    .await
}

/// A PUA with its operator, a hospital and its system's account.
struct Hospital {
    desk: Desk,
    hospital: String,
    token: String,
    account_id: String,
}

impl Hospital {
    async fn open(app: &TestApp) -> Hospital {
        let desk = Desk::open(app, "PUA").await;
        let hospital = app
            .organization(&desk.admin, "Ospedale di Esine", "OSPEDALE")
            .await;
        let (account_id, token, _) =
            service_account(&desk.admin, &hospital, &["DISCHARGES_REPORT"], 30).await;
        Hospital {
            desk,
            hospital,
            token,
            account_id,
        }
    }
}

/// The `Encounter` reference of a successful answer, after checking it.
fn encounter_of(answer: &Answer, status: u16) -> String {
    assert_eq!(answer.status, status, "{}", answer.text());
    assert_eq!(answer.header("content-type"), "application/fhir+json");
    let body = answer.json();
    assert_valid(&body);
    assert_eq!(body["type"], "transaction-response");
    let location = body["entry"][0]["response"]["location"]
        .as_str()
        .expect("a location")
        .to_owned();
    assert!(location.starts_with("Encounter/"), "{location}");
    assert_eq!(answer.header("location"), location);
    location
}

async fn a_bundle_makes_one_discharge_however_often_it_is_sent(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let h = Hospital::open(&app).await;
    let bundle = example_bundle(&h.desk.team_id);
    assert_valid(&bundle);

    let first = post_bundle(&app, &h.token, &bundle).await;
    let location = encounter_of(&first, 201);
    let again = post_bundle(&app, &h.token, &bundle).await;
    assert_eq!(encounter_of(&again, 200), location);
    assert_eq!(app.count("SELECT COUNT(*) FROM discharges").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM persons").await, 1);

    // The discharge is the hospital's, reported by no user, as the ward sent it.
    let id = location.trim_start_matches("Encounter/");
    let row = discharge::Entity::find_by_id(uuid(id))
        .one(&app.db)
        .await
        .expect("read")
        .expect("the discharge");
    assert_eq!(row.hospital_id, uuid(&h.hospital));
    assert_eq!(row.reported_by, None);
    assert_eq!(row.receiving_team_id, uuid(&h.desk.team_id));
    assert_eq!(row.ward, "Medicina generale");
    assert_eq!(
        row.needs.as_deref(),
        Some("ADI (assistenza domiciliare integrata); Vive sola, la figlia abita a Brescia")
    );
    assert_eq!(
        row.notes.as_deref(),
        Some("Piede diabetico, insulina tre volte al giorno")
    );
    assert_eq!(row.admitted_on.to_string(), "2026-11-20");
    assert_eq!(row.expected_discharge_on.to_string(), "2026-12-04");

    // The team is told, once.
    let inbox = h
        .desk
        .operator
        .gql(
            "{ notifications { totalCount nodes { title link } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        inbox.ok()["notifications"]["totalCount"],
        1,
        "{}",
        inbox.body
    );
    assert!(inbox.ok()["notifications"]["nodes"][0]["link"]
        .as_str()
        .unwrap_or_default()
        .contains(id));
    // The team reads it; the reporter is no user.
    let read = h
        .desk
        .operator
        .gql(
            "query($id: ID!) { discharge(id: $id) { id ward reportedBy { id } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(read.ok()["discharge"]["ward"], "Medicina generale");
    assert!(read.ok()["discharge"]["reportedBy"].is_null());

    // The audit event names the account, no user.
    let events = app
        .rows("SELECT actor_user_id, details FROM audit_events WHERE action = 'DISCHARGE_REPORTED'")
        .await;
    assert_eq!(events.len(), 1);
    assert!(events[0]["actor_user_id"].is_null());
    assert!(
        events[0]["details"].to_string().contains(&h.account_id),
        "{}",
        events[0]["details"]
    );

    // Two sends of another message at the same moment: one discharge.
    let mut other = bundle.clone();
    other["identifier"]["value"] = json!("ADT-2026-000124");
    let (a, b) = tokio::join!(
        post_bundle(&app, &h.token, &other),
        post_bundle(&app, &h.token, &other)
    );
    let mut statuses = [a.status, b.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 201], "{} / {}", a.text(), b.text());
    assert_eq!(encounter_of(&a, a.status), encounter_of(&b, b.status));
    assert_eq!(app.count("SELECT COUNT(*) FROM discharges").await, 2);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM fhir_inbound_bundles").await,
        2
    );

    // The same report as a message: its MessageHeader first, no requests.
    let mut message = bundle.clone();
    message["type"] = json!("message");
    message["identifier"]["value"] = json!("ADT-2026-000125");
    let entries = message["entry"].as_array_mut().unwrap();
    for entry in entries.iter_mut() {
        entry.as_object_mut().unwrap().remove("request");
    }
    entries.insert(
        0,
        json!({ "fullUrl": "urn:uuid:5b0ad0a4-3f1e-4c52-9d2b-0c7a1e8f4a00",
                "resource": { "resourceType": "MessageHeader",
                  "eventCoding": { "system": "urn:ponte:fhir:event", "code": "discharge-report" },
                  "source": { "endpoint": "urn:oid:2.16.840.1.113883.2.9.2.30.4.1" },
                  "focus": [{ "reference": "urn:uuid:5b0ad0a4-3f1e-4c52-9d2b-0c7a1e8f4a03" }] } }),
    );
    message["timestamp"] = json!("2026-11-21T09:00:00+01:00");
    assert_valid(&message);
    encounter_of(&post_bundle(&app, &h.token, &message).await, 201);
    assert_eq!(app.count("SELECT COUNT(*) FROM discharges").await, 3);
}

async fn the_hospital_learns_nothing_of_a_person_ponte_knew(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let h = Hospital::open(&app).await;
    let mut known = person_input(&h.desk.team_id, "Tognali", "Rosa", (1937, 3, 3), "F");
    known["residence"] = json!("Via dei Segreti 7, Breno");
    known["phone"] = json!("+39 0364 123456");
    let person_id = app.person(&h.desk.operator, known).await;

    let answer = post_bundle(&app, &h.token, &example_bundle(&h.desk.team_id)).await;
    encounter_of(&answer, 201);
    let text = answer.text();
    for secret in [
        person_id.as_str(),
        "Segreti",
        "123456",
        "Tognali",
        "TGNRSO37C43B149J",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    // Linked to the known person, not a second one.
    assert_eq!(app.count("SELECT COUNT(*) FROM persons").await, 1);
    let linked = discharge::Entity::find()
        .filter(discharge::Column::PersonId.eq(uuid(&person_id)))
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(linked, 1);
}

/// One malformed request: what is changed, who sends it, what it must get.
struct Variant {
    what: &'static str,
    token: Option<String>,
    content_type: &'static str,
    body: Vec<u8>,
    status: u16,
    /// The FHIRPath the first issue names, when it must name one.
    expression: Option<&'static str>,
}

async fn malformed_bundles_get_an_operation_outcome_and_write_nothing(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let h = Hospital::open(&app).await;
    let good = example_bundle(&h.desk.team_id);
    let admin = &h.desk.admin;
    let comune = app.organization(admin, "Comune di Breno", "COMUNE").await;
    let (_, comune_token, _) = service_account(admin, &comune, &["DISCHARGES_REPORT"], 30).await;
    let (_, no_scope_token, _) = service_account(admin, &h.hospital, &["FHIR_READ"], 30).await;
    let service = app
        .team(
            admin,
            "Servizio tutela minori",
            "SERVIZIO",
            &h.desk.organization_id,
        )
        .await;

    let token = Some(h.token.clone());
    let variant = |what, change: &dyn Fn(&mut Value), status, expression| {
        let mut bundle = good.clone();
        change(&mut bundle);
        Variant {
            what,
            token: token.clone(),
            content_type: "application/fhir+json",
            body: serde_json::to_vec(&bundle).expect("JSON"),
            status,
            expression,
        }
    };
    let patient = |b: &mut Value| b["entry"][0]["resource"].clone();
    let mut variants = vec![
        variant(
            "no identifier",
            &|b| {
                b.as_object_mut().unwrap().remove("identifier");
            },
            400,
            Some("Bundle.identifier"),
        ),
        variant(
            "a batch",
            &|b| b["type"] = json!("batch"),
            400,
            Some("Bundle.type"),
        ),
        variant(
            "no Patient",
            &|b| {
                b["entry"].as_array_mut().unwrap().remove(0);
            },
            400,
            Some("Bundle.entry"),
        ),
        variant(
            "two Patients",
            &|b| {
                let p = b["entry"][0].clone();
                b["entry"].as_array_mut().unwrap().push(p);
            },
            400,
            Some("Bundle.entry[3].resource"),
        ),
        variant(
            "a transaction entry without its request",
            &|b| {
                b["entry"][1].as_object_mut().unwrap().remove("request");
            },
            400,
            Some("Bundle.entry[1].request"),
        ),
        variant(
            "a message without its MessageHeader",
            &|b| b["type"] = json!("message"),
            400,
            Some("Bundle.entry[0].resource"),
        ),
        variant(
            "a bad codice fiscale",
            &|b| b["entry"][0]["resource"]["identifier"][0]["value"] = json!("TGNRSO37C43B149X"),
            400,
            Some("Bundle.entry[0].resource.identifier[0].value"),
        ),
        variant(
            "no codice fiscale",
            &|b| b["entry"][0]["resource"]["identifier"][0]["system"] = json!("urn:oid:1.2.3"),
            400,
            Some("Bundle.entry[0].resource.identifier"),
        ),
        variant(
            "a codice fiscale of another birth date",
            &|b| b["entry"][0]["resource"]["birthDate"] = json!("1938-03-03"),
            400,
            Some("Bundle.entry[0].resource.birthDate"),
        ),
        variant(
            "an unknown gender",
            &|b| b["entry"][0]["resource"]["gender"] = json!("femmina"),
            400,
            Some("Bundle.entry[0].resource.gender"),
        ),
        variant(
            "a bad admission date",
            &|b| b["entry"][1]["resource"]["period"]["start"] = json!("20/11/2026"),
            400,
            Some("Bundle.entry[1].resource.period.start"),
        ),
        variant(
            "expected before admitted",
            &|b| b["entry"][1]["resource"]["period"]["end"] = json!("2026-11-01"),
            400,
            Some("Bundle.entry[1].resource.period.end"),
        ),
        variant(
            "no ward",
            &|b| {
                b["entry"][1]["resource"]
                    .as_object_mut()
                    .unwrap()
                    .remove("location");
            },
            400,
            Some("Bundle.entry[1].resource.location[0].location.display"),
        ),
        variant(
            "an unknown need",
            &|b| b["entry"][2]["resource"]["reasonCode"][0]["coding"][0]["code"] = json!("BADANTE"),
            400,
            Some("Bundle.entry[2].resource.reasonCode[0].coding[0].code"),
        ),
        variant(
            "an unknown team",
            &|b| {
                b["entry"][2]["resource"]["performer"][0]["identifier"]["value"] =
                    json!("0193a5b0-0000-7000-8000-000000000001")
            },
            400,
            Some("Bundle.entry[2].resource.performer[0].identifier.value"),
        ),
        variant(
            "a team that is not a PUA or a UVM",
            &|b| b["entry"][2]["resource"]["performer"][0]["identifier"]["value"] = json!(service),
            400,
            Some("Bundle.entry[2].resource.performer[0].identifier.value"),
        ),
        variant(
            "a Patient instead of a Bundle",
            &|b| *b = patient(b),
            400,
            Some("resourceType"),
        ),
    ];
    variants.push(Variant {
        what: "not JSON",
        token: token.clone(),
        content_type: "application/fhir+json",
        body: b"{\"resourceType\": \"Bundle\",".to_vec(),
        status: 400,
        expression: None,
    });
    variants.push(Variant {
        what: "XML",
        token: token.clone(),
        content_type: "application/fhir+xml",
        body: b"<Bundle xmlns=\"http://hl7.org/fhir\"/>".to_vec(),
        status: 415,
        expression: None,
    });
    let body = serde_json::to_vec(&good).expect("JSON");
    for (what, token, status) in [
        ("an account of a Comune", Some(comune_token), 403),
        (
            "an account without discharges:report",
            Some(no_scope_token),
            403,
        ),
        // Without a token the handler asks for one (no CSRF check: a FHIR
        // POST reads no session).
        ("no token", None, 401),
        (
            "an unknown token",
            Some("ponte_sa_nonesiste".to_owned()),
            401,
        ),
    ] {
        variants.push(Variant {
            what,
            token,
            content_type: "application/fhir+json",
            body: body.clone(),
            status,
            expression: None,
        });
    }
    assert!(variants.len() >= 20, "{}", variants.len());

    for v in &variants {
        let answer = post_fhir(&app, v.token.as_deref(), v.content_type, v.body.clone()).await;
        assert_eq!(answer.status, v.status, "{}: {}", v.what, answer.text());
        assert_eq!(
            answer.header("content-type"),
            "application/fhir+json",
            "{}",
            v.what
        );
        let outcome = answer.json();
        assert_eq!(outcome["resourceType"], "OperationOutcome", "{}", v.what);
        assert_valid(&outcome);
        let issue = &outcome["issue"][0];
        assert!(
            !issue["diagnostics"].as_str().unwrap_or_default().is_empty(),
            "{}: {outcome}",
            v.what
        );
        if let Some(expression) = v.expression {
            let named: Vec<&str> = outcome["issue"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|i| i["expression"][0].as_str())
                .collect();
            assert!(
                named.contains(&expression),
                "{}: {expression} not in {outcome}",
                v.what
            );
        }
    }
    for table in [
        "discharges",
        "persons",
        "referrals",
        "fhir_inbound_bundles",
        "notifications",
    ] {
        assert_eq!(
            app.count(&format!("SELECT COUNT(*) FROM {table}")).await,
            0,
            "{table}"
        );
    }
    // The good Bundle still goes through: the variants were refused for
    // what they changed.
    encounter_of(&post_bundle(&app, &h.token, &good).await, 201);
}

async fn a_session_without_a_token_does_not_report(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let h = Hospital::open(&app).await;
    let body = serde_json::to_vec(&example_bundle(&h.desk.team_id)).expect("JSON");
    // The ward's user, signed in: the session opens nothing here.
    let (ward, _) = app.operator_of("reparto@ospedale.test", &h.hospital).await;
    let post = |client: &Client, csrf: bool| {
        let mut request = client
            .http
            .post(format!("{}{BUNDLE_PATH}", app.base_url))
            .header("Content-Type", "application/json")
            .body(body.clone());
        if csrf {
            request = request.header("X-Ponte-CSRF", "1");
        }
        request.send()
    };
    // With the SPA's CSRF header or without it, the session is not looked
    // at: `401` asking for a token, in FHIR.
    for csrf in [false, true] {
        let answer = post(&ward, csrf).await.expect("sent");
        assert_eq!(answer.status().as_u16(), 401, "csrf header: {csrf}");
        assert!(answer.headers().contains_key("www-authenticate"));
        let outcome: Value = answer.json().await.expect("JSON");
        assert_eq!(outcome["resourceType"], "OperationOutcome");
        assert_valid(&outcome);
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM discharges").await, 0);
    // The machine needs no CSRF header, and `application/json` is taken.
    let answer = post_fhir(&app, Some(&h.token), "application/json", body).await;
    encounter_of(&answer, 201);
}
