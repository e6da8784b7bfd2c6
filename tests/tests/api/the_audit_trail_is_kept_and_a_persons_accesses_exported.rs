//! Issue 19.4: the audit trail is kept for its retention (two years at
//! least) and pruned after, never before; an auditor exports every access to
//! one person's record as a file.

use chrono::{Duration, Months, Utc};
use entity::audit_event;
use ponte_tests::serde_json::json;
use ponte_tests::world::Desk;
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

use crate::audit_trail::auditor;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

on_both_databases!(
    the_worker_prunes_audit_events_past_the_retention_and_never_a_younger_one,
    an_auditor_exports_the_accesses_to_one_persons_record_and_no_one_else_can,
);

async fn event_at(app: &TestApp, at: chrono::DateTime<Utc>, action: &str) -> uuid::Uuid {
    let id = uuid::Uuid::now_v7();
    audit_event::ActiveModel {
        id: Set(id),
        occurred_at: Set(at),
        actor_user_id: Set(None),
        actor_organization_id: Set(None),
        action: Set(action.to_owned()),
        entity_type: Set(None),
        entity_id: Set(None),
        person_id: Set(None),
        request_id: Set(None),
        client_addr: Set(None),
        details: Set(None),
    }
    .insert(&app.db)
    .await
    .unwrap();
    id
}

async fn present(app: &TestApp, id: uuid::Uuid) -> bool {
    audit_event::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .is_some()
}

async fn the_worker_prunes_audit_events_past_the_retention_and_never_a_younger_one(db: TestDb) {
    let app = TestApp::spawn(db).await;
    app.worker_round().await;
    // Tomorrow, by the clock, the first round prunes: the rows are placed
    // around tomorrow's limit before the clock gets there.
    let tomorrow = app.clock.now() + Duration::days(1);
    let limit = tomorrow.checked_sub_months(Months::new(24)).unwrap();
    let old = event_at(&app, limit - Duration::hours(1), "LOGIN_FAILED").await;
    let young = event_at(&app, limit + Duration::hours(1), "LOGIN_FAILED").await;
    app.worker_round().await;
    assert!(present(&app, old).await, "not pruned before its day");

    app.clock.advance(std::time::Duration::from_secs(24 * 3600));
    app.worker_round().await;
    assert!(!present(&app, old).await, "past the retention");
    assert!(present(&app, young).await, "younger than the retention");
    let pruned = app
        .rows("SELECT details FROM audit_events WHERE action = 'AUDIT_PRUNED'")
        .await;
    assert_eq!(pruned.len(), 1, "{pruned:?}");
    // SQLite keeps JSON as text.
    let details = match &pruned[0]["details"] {
        ponte_tests::serde_json::Value::String(text) => {
            ponte_tests::serde_json::from_str(text).unwrap()
        }
        value => value.clone(),
    };
    assert_eq!(details["removed"], 1, "{details}");
    assert_eq!(details["retentionMonths"], 24, "{details}");

    // A longer retention, as configured, keeps what 24 months would prune.
    let keeping = TestApp::spawn_with(db, |config| config.audit_retention_months = 36).await;
    keeping.worker_round().await;
    let tomorrow = keeping.clock.now() + Duration::days(1);
    let thirty_months = tomorrow.checked_sub_months(Months::new(30)).unwrap();
    let kept = event_at(&keeping, thirty_months, "LOGIN_FAILED").await;
    keeping
        .clock
        .advance(std::time::Duration::from_secs(24 * 3600));
    keeping.worker_round().await;
    assert!(present(&keeping, kept).await);
}

struct Download {
    status: u16,
    disposition: String,
    body: String,
}

async fn accesses(client: &Client, query: &[(&str, &str)]) -> Download {
    let response = client
        .http
        .get(format!(
            "{}/export/audit/person-accesses.csv",
            client.base_url
        ))
        .query(query)
        .send()
        .await
        .unwrap();
    Download {
        status: response.status().as_u16(),
        disposition: response
            .headers()
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned(),
        body: response.text().await.unwrap(),
    }
}

async fn an_auditor_exports_the_accesses_to_one_persons_record_and_no_one_else_can(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let person = desk.person("Sala", "Nora", (1941, 1, 11), "F").await;
    let other = desk.person("Bassi", "Elio", (1950, 3, 2), "M").await;
    desk.operator
        .gql(
            "query($id: ID!) { person(id: $id) { id } }",
            json!({ "id": person }),
        )
        .await
        .ok();

    let dpo = auditor(&app).await;

    let file = accesses(&dpo, &[("personId", person.as_str())]).await;
    assert_eq!(file.status, 200, "{}", file.body);
    assert!(
        file.disposition.contains("accessi-"),
        "{}",
        file.disposition
    );
    let lines: Vec<&str> = file.body.trim_end().split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}Data e ora (UTC);Utente;Email;Tipo di accesso;Azione;Oggetto;Richiesta;Indirizzo"
    );
    let actions: Vec<&str> = lines[1..]
        .iter()
        .map(|line| line.split(';').nth(4).unwrap())
        .collect();
    assert_eq!(
        actions,
        ["PERSON_CREATED", "REFERRAL_CREATED", "PERSON_READ"],
        "oldest first, this person's only:\n{}",
        file.body
    );
    let read = lines[3];
    assert!(read.contains(";Consultazione;PERSON_READ;"), "{read}");
    assert!(read.contains("@asst.test"), "the operator's email: {read}");
    assert!(read.ends_with(";127.0.0.1"), "{read}");
    assert!(
        !file.body.contains(&other),
        "another person's events stay out"
    );

    // The export is itself in the trail, on the person.
    let exported = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("ACCESS_LOG_EXPORTED"))
        .filter(audit_event::Column::PersonId.eq(person.parse::<uuid::Uuid>().unwrap()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(exported, 1);
    // A period with nothing in it: the header only.
    let empty = accesses(
        &dpo,
        &[
            ("personId", person.as_str()),
            ("from", "2001-01-01"),
            ("to", "2001-12-31"),
        ],
    )
    .await;
    assert_eq!(
        empty.body.trim_end().split("\r\n").count(),
        1,
        "{}",
        empty.body
    );
    // Bad input names its parameter.
    for (query, field) in [
        (vec![], "personId"),
        (vec![("personId", "nope")], "personId"),
        (
            vec![("personId", person.as_str()), ("from", "31/12/2026")],
            "from",
        ),
        (
            vec![
                ("personId", person.as_str()),
                ("from", "2026-02-01"),
                ("to", "2026-01-01"),
            ],
            "to",
        ),
    ] {
        let refused = accesses(&dpo, &query).await;
        assert_eq!(refused.status, 400, "{query:?}: {}", refused.body);
        assert!(
            refused.body.contains(&format!("\"field\":\"{field}\"")),
            "{}",
            refused.body
        );
    }

    // Nobody else: the person's own team, the admin, a signed-out browser.
    for client in [&desk.operator, &desk.admin] {
        let refused = accesses(client, &[("personId", person.as_str())]).await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        assert!(refused.body.contains("FORBIDDEN"), "{}", refused.body);
    }
    let anonymous = accesses(&app.client(), &[("personId", person.as_str())]).await;
    assert_eq!(anonymous.status, 401, "{}", anonymous.body);
}
