//! The interventions flow (issue 18.5): `GET /export/interventions.csv`
//! read back with a CSV parser and compared with the rows written here (the
//! persons through the API, the projects, interventions and Budget di Salute
//! as the tables hold them). An export with intervention kinds the
//! nomenclatore mapping lacks is refused naming them; only a service account
//! with the scope over the territory, or a REPORTER of it, gets the file.

use std::collections::HashMap;

use chrono::Utc;
use entity::{budget_resource, project_intervention};
use ponte_server::domain::vocabulary::{
    FundingSource, LifeArea, ProjectStatus, ProviderKind, ResourceKind, ResourceUnit, Role,
    ServiceKind,
};
use ponte_tests::serde_json::json;
use ponte_tests::world::{fiscal_code_of, person_input, Desk};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb, PASSWORD};
use sea_orm::{ActiveModelTrait, Set};
use uuid::Uuid;

use crate::indicators::{budget_use_row, day, project_row, reporter, uuid};
use crate::service_accounts::{machine_get, service_account, Answer};

on_both_databases!(
    the_csv_holds_each_delivered_intervention_as_the_database_has_it,
    unmapped_kinds_are_refused_by_name_until_an_admin_maps_them,
    only_the_territorys_reporter_or_account_gets_the_flow,
);

const SET_CODE: &str = "mutation($kind: ServiceKind!, $code: String!, $label: String!) { setNomenclatoreCode(serviceKind: $kind, code: $code, label: $label) { serviceKind code label } }";

struct Flow {
    desk: Desk,
    ats: String,
    ambito: String,
    other_ambito: String,
    /// Breno's person with a codice fiscale, and their code.
    anna: (Uuid, String),
    /// Breno's person with an ENI code instead.
    ion: Uuid,
    /// The interventions the flow of Q1 2026 must hold.
    sad: Uuid,
    pasti: Uuid,
    sad_ion: Uuid,
}

impl Flow {
    async fn open(app: &TestApp) -> Flow {
        let desk = Desk::open(app, "PUA").await;
        let admin = &desk.admin;
        let ats = app.organization(admin, "ATS della Montagna", "ATS").await;
        let ambito = app
            .organization_under(admin, "Ambito di Vallecamonica", "AMBITO", &ats)
            .await;
        let breno = app
            .organization_under(admin, "Comune di Breno", "COMUNE", &ambito)
            .await;
        let other_ambito = app.organization(admin, "Ambito di Sebino", "AMBITO").await;
        let lovere = app
            .organization_under(admin, "Comune di Lovere", "COMUNE", &other_ambito)
            .await;
        let mut input = person_input(&desk.team_id, "Rossi", "Anna", (1941, 3, 3), "F");
        input["residenceComuneId"] = json!(breno);
        let code = fiscal_code_of(&input);
        let anna = uuid(&app.person(&desk.operator, input).await);
        let mut input = person_input(&desk.team_id, "Popescu", "Ion", (1975, 7, 7), "M");
        input["fiscalCode"] = json!(null);
        input["fiscalCodeMissingReason"] = json!("ENI");
        input["alternativeCode"] = json!("ENI0300011234567");
        input["residenceComuneId"] = json!(breno);
        let ion = uuid(&app.person(&desk.operator, input).await);
        let mut input = person_input(&desk.team_id, "Bianchi", "Carla", (1950, 5, 5), "F");
        input["residenceComuneId"] = json!(lovere);
        let carla = uuid(&app.person(&desk.operator, input).await);

        let rows = Rows {
            app,
            team: uuid(&desk.team_id),
            user: uuid(&desk.operator_id),
        };
        use LifeArea::{HealthWellbeing as Health, Housing};
        use ServiceKind::{Pasti, Rsa, Sad, Trasporto};
        let active = rows.project(anna, ProjectStatus::Active).await;
        let sad = rows
            .intervention(active, Sad, Health, "2026-01-10", Some("2026-02-28"))
            .await;
        let pasti = rows
            .intervention(active, Pasti, Housing, "2025-11-01", None)
            .await;
        // Ended before the period: not in it.
        rows.intervention(active, Trasporto, Housing, "2025-01-01", Some("2025-12-31"))
            .await;
        let help = rows.resource(active, Health, FundingSource::FnaB1).await;
        // In the period and within the SAD's dates: 100,00 + 50,50.
        rows.used(help, "2026-01-15", 10_000).await;
        rows.used(help, "2026-02-15", 5_050).await;
        // After the SAD ended, and before the period: not counted.
        rows.used(help, "2026-03-15", 2_000).await;
        rows.used(help, "2025-12-20", 9_999).await;
        let rent = rows.resource(active, Housing, FundingSource::Comune).await;
        // 300,00 less a reversal of 50,00.
        rows.used(rent, "2026-02-01", 30_000).await;
        rows.used(rent, "2026-02-02", -5_000).await;
        let ions = rows.project(ion, ProjectStatus::Review).await;
        let sad_ion = rows
            .intervention(ions, Sad, Health, "2026-03-31", None)
            .await;
        // Another territory, and a project still being planned.
        let carlas = rows.project(carla, ProjectStatus::Active).await;
        rows.intervention(carlas, Rsa, Housing, "2026-01-01", None)
            .await;
        let planned = rows.project(anna, ProjectStatus::Planning).await;
        rows.intervention(planned, Rsa, Housing, "2026-01-01", None)
            .await;
        Flow {
            desk,
            ats,
            ambito,
            other_ambito,
            anna: (anna, code),
            ion,
            sad,
            pasti,
            sad_ion,
        }
    }

    async fn map_all(&self) {
        for (kind, code) in [("SAD", "A1"), ("PASTI", "B2")] {
            self.desk
                .admin
                .gql(
                    SET_CODE,
                    json!({ "kind": kind, "code": code, "label": format!("Voce {code}") }),
                )
                .await
                .ok();
        }
    }

    fn path(&self, territory: &str) -> String {
        format!("/export/interventions.csv?from=2026-01-01&to=2026-03-31&territory={territory}")
    }
}

struct Rows<'a> {
    app: &'a TestApp,
    team: Uuid,
    user: Uuid,
}

impl Rows<'_> {
    async fn project(&self, person: Uuid, status: ProjectStatus) -> Uuid {
        let team_and_user = (self.team, self.user);
        let dates = ("2025-10-01", "2026-06-01");
        project_row(self.app, team_and_user, person, status, dates, None).await
    }

    async fn intervention(
        &self,
        project: Uuid,
        kind: ServiceKind,
        area: LifeArea,
        start: &str,
        end: Option<&str>,
    ) -> Uuid {
        let id = Uuid::now_v7();
        project_intervention::ActiveModel {
            id: Set(id),
            project_id: Set(project),
            goal_id: Set(None),
            life_area: Set(area),
            service_kind: Set(kind),
            provider_id: Set(None),
            frequency: Set("settimanale".into()),
            start_date: Set(day(start)),
            end_date: Set(end.map(day)),
            created_at: Set(Utc::now()),
        }
        .insert(&self.app.db)
        .await
        .expect("intervention");
        id
    }

    async fn resource(&self, project: Uuid, area: LifeArea, source: FundingSource) -> Uuid {
        let id = Uuid::now_v7();
        let now = Utc::now();
        budget_resource::ActiveModel {
            id: Set(id),
            project_id: Set(project),
            version: Set(1),
            life_area: Set(area),
            kind: Set(ResourceKind::Economic),
            provider_kind: Set(ProviderKind::Family),
            provider_id: Set(None),
            provider_name: Set("Famiglia".into()),
            funding_source: Set(source),
            description: Set("Contributo".into()),
            profession: Set(None),
            unit: Set(ResourceUnit::Eur),
            planned_hundredths: Set(100_000),
            period_start: Set(day("2025-10-01")),
            period_end: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&self.app.db)
        .await
        .expect("budget resource");
        id
    }

    async fn used(&self, resource: Uuid, on: &str, cents: i64) {
        budget_use_row(self.app, resource, on, cents, self.user).await;
    }
}

/// The file's rows by their first column, the intervention's id.
fn read_csv(answer: &Answer) -> (Vec<String>, HashMap<String, Vec<String>>) {
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(answer.header("content-type").starts_with("text/csv"));
    let text = answer.text();
    let text = text.strip_prefix('\u{feff}').expect("a BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .expect("headers")
        .iter()
        .map(str::to_owned)
        .collect();
    let mut rows = HashMap::new();
    for record in reader.records() {
        let record: Vec<String> = record.expect("a row").iter().map(str::to_owned).collect();
        rows.insert(record[0].clone(), record);
    }
    (headers, rows)
}

async fn the_csv_holds_each_delivered_intervention_as_the_database_has_it(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let flow = Flow::open(&app).await;
    flow.map_all().await;
    let (_, token, _) =
        service_account(&flow.desk.admin, &flow.ats, &["EXPORT_INTERVENTIONS"], 30).await;
    let answer = machine_get(&app, &flow.path(&flow.ambito), Some(&token)).await;
    let (headers, rows) = read_csv(&answer);
    assert_eq!(
        headers.join(";"),
        "Id intervento;Codice fiscale;Motivo assenza codice fiscale;Codice alternativo;\
         Anno di nascita;Sesso;Comune di residenza;Tipo intervento;Codice nomenclatore;\
         Voce nomenclatore;Data inizio;Data fine;Importo (euro);Fonte di finanziamento"
    );
    assert_eq!(rows.len(), 3, "{}", answer.text());
    let row = |id: Uuid| rows.get(&id.to_string()).expect("the intervention").clone();
    let anna = &flow.anna.1;
    assert_eq!(
        row(flow.sad),
        [
            &flow.sad.to_string(),
            anna,
            "",
            "",
            "1941",
            "F",
            "Comune di Breno",
            "SAD",
            "A1",
            "Voce A1",
            "2026-01-10",
            "2026-02-28",
            "150,50",
            "FNA_B1",
        ]
    );
    assert_eq!(
        row(flow.pasti),
        [
            &flow.pasti.to_string(),
            anna,
            "",
            "",
            "1941",
            "F",
            "Comune di Breno",
            "PASTI",
            "B2",
            "Voce B2",
            "2025-11-01",
            "",
            "250,00",
            "COMUNE",
        ]
    );
    assert_eq!(
        row(flow.sad_ion),
        [
            &flow.sad_ion.to_string(),
            "",
            "ENI",
            "ENI0300011234567",
            "1975",
            "M",
            "Comune di Breno",
            "SAD",
            "A1",
            "Voce A1",
            "2026-03-31",
            "",
            "",
            "",
        ]
    );
    // The amounts are the database's sums over the same days.
    let sum = |from: &str, to: &str, source: &str| {
        format!(
            "SELECT CAST(COALESCE(SUM(u.quantity_hundredths), 0) AS BIGINT) FROM budget_uses u \
             JOIN budget_resources r ON r.id = u.resource_id \
             WHERE r.funding_source = '{source}' AND u.used_on >= '{from}' AND u.used_on <= '{to}'"
        )
    };
    assert_eq!(
        app.count(&sum("2026-01-10", "2026-02-28", "FNA_B1")).await,
        15_050
    );
    assert_eq!(
        app.count(&sum("2026-01-01", "2026-03-31", "COMUNE")).await,
        25_000
    );
    // The stored persons are the file's.
    let stored = app
        .rows(&format!(
            "SELECT fiscal_code, birth_date FROM persons WHERE fiscal_code = '{anna}'"
        ))
        .await;
    assert_eq!(stored.len(), 1);
    assert!(stored[0]["birth_date"].to_string().contains("1941"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM persons WHERE fiscal_code IS NULL AND fiscal_code_missing_reason = 'ENI' AND alternative_code = 'ENI0300011234567'").await,
        1
    );
    let _ = flow.ion;
    // Audited under the account: period, territory, rows.
    let audited = app
        .rows("SELECT details FROM audit_events WHERE action = 'INTERVENTIONS_EXPORTED'")
        .await;
    assert_eq!(audited.len(), 1);
    let details = audited[0]["details"].to_string();
    for fact in [
        "2026-01-01",
        "2026-03-31",
        "Ambito di Vallecamonica",
        "serviceAccount",
    ] {
        assert!(details.contains(fact), "{fact} in {details}");
    }
    assert!(
        details.contains("\"rows\":3") || details.contains("\\\"rows\\\":3"),
        "{details}"
    );
}

async fn unmapped_kinds_are_refused_by_name_until_an_admin_maps_them(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let flow = Flow::open(&app).await;
    let up = reporter(&app, &flow.desk.admin, &flow.ambito).await;
    let get = |client: &Client| {
        let url = format!("{}{}", client.base_url, flow.path(&flow.ambito));
        let http = client.http.clone();
        async move {
            let response = http.get(url).send().await.expect("sent");
            let status = response.status().as_u16();
            let body: serde_json::Value = response.json().await.unwrap_or_default();
            (status, body)
        }
    };
    let mapping = "{ nomenclatoreMappings { serviceKind code label } }";
    assert_eq!(
        flow.desk.admin.gql(mapping, json!({})).await.ok()["nomenclatoreMappings"],
        json!([])
    );
    let (status, body) = get(&up).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["errors"][0]["extensions"]["code"], "CONFLICT");
    let message = body["errors"][0]["message"].as_str().unwrap().to_owned();
    assert!(
        message.contains("(SAD)") && message.contains("(PASTI)"),
        "{message}"
    );
    // Kinds not delivered in the period are not asked for.
    assert!(
        !message.contains("(RSA)") && !message.contains("(TRASPORTO)"),
        "{message}"
    );
    assert!(message.contains("nomenclatore"), "{message}");

    flow.desk
        .admin
        .gql(
            SET_CODE,
            json!({ "kind": "SAD", "code": " A1 ", "label": "Assistenza domiciliare" }),
        )
        .await
        .ok();
    let (status, body) = get(&up).await;
    assert_eq!(status, 409);
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(
        !message.contains("(SAD)") && message.contains("(PASTI)"),
        "{message}"
    );
    // Bad codes are refused naming the field; a code is replaced, not doubled.
    let bad = flow
        .desk
        .admin
        .gql(
            SET_CODE,
            json!({ "kind": "PASTI", "code": " ", "label": "Pasti" }),
        )
        .await;
    bad.expect_code("VALIDATION");
    assert_eq!(bad.field(), Some("code"));
    flow.map_all().await;
    let listed = up.gql(mapping, json!({})).await;
    assert_eq!(
        listed.ok()["nomenclatoreMappings"],
        json!([
            { "serviceKind": "SAD", "code": "A1", "label": "Voce A1" },
            { "serviceKind": "PASTI", "code": "B2", "label": "Voce B2" },
        ])
    );
    let (status, _) = get(&up).await;
    assert_eq!(status, 200);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'NOMENCLATORE_CODE_SET'")
            .await,
        3
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'INTERVENTIONS_EXPORTED'")
            .await,
        1
    );
}

async fn only_the_territorys_reporter_or_account_gets_the_flow(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let flow = Flow::open(&app).await;
    flow.map_all().await;
    let admin = &flow.desk.admin;
    let download = |client: &Client, territory: &str| {
        let url = format!("{}{}", client.base_url, flow.path(territory));
        let http = client.http.clone();
        async move {
            let response = http.get(url).send().await.expect("sent");
            let status = response.status().as_u16();
            let body = response.text().await.unwrap_or_default();
            (status, body)
        }
    };
    // The Ambito's REPORTER and the ATS's (above it): the file.
    let up = reporter(&app, admin, &flow.ambito).await;
    let ats_up = reporter(&app, admin, &flow.ats).await;
    let (status, body) = download(&up, &flow.ambito).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(&flow.anna.1));
    assert_eq!(download(&ats_up, &flow.ambito).await.0, 200);
    // Another Ambito's REPORTER, an operator, an admin, an auditor: 403.
    let other_up = reporter(&app, admin, &flow.other_ambito).await;
    assert_eq!(download(&other_up, &flow.ambito).await.0, 403);
    assert_eq!(download(&up, &flow.other_ambito).await.0, 403);
    assert_eq!(download(&flow.desk.operator, &flow.ambito).await.0, 403);
    assert_eq!(download(admin, &flow.ambito).await.0, 403);
    app.make_user("auditor@flow.test", Role::Auditor, None)
        .await;
    let auditor = app.client();
    auditor.login_ok("auditor@flow.test", PASSWORD).await;
    assert_eq!(download(&auditor, &flow.ambito).await.0, 403);
    // Signed out: 401.
    assert_eq!(download(&app.client(), &flow.ambito).await.0, 401);
    // Another site's page: 403.
    let cross = up
        .http
        .get(format!("{}{}", up.base_url, flow.path(&flow.ambito)))
        .header("Sec-Fetch-Site", "cross-site")
        .send()
        .await
        .expect("sent");
    assert_eq!(cross.status().as_u16(), 403);
    // A service account of another organization: 403.
    let (_, theirs, _) =
        service_account(admin, &flow.other_ambito, &["EXPORT_INTERVENTIONS"], 30).await;
    machine_get(&app, &flow.path(&flow.ambito), Some(&theirs))
        .await
        .refused(403, "FORBIDDEN");
    // Bad parameters are named.
    let bad = machine_get(
        &app,
        &format!(
            "/export/interventions.csv?from=2026-03-31&to=2026-01-01&territory={}",
            flow.other_ambito
        ),
        Some(&theirs),
    )
    .await;
    bad.refused(400, "VALIDATION");
    assert_eq!(bad.json()["errors"][0]["extensions"]["field"], "to");
    let bad = machine_get(
        &app,
        "/export/interventions.csv?from=2026-01-01&to=2026-03-31",
        Some(&theirs),
    )
    .await;
    assert_eq!(bad.json()["errors"][0]["extensions"]["field"], "territory");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'INTERVENTIONS_EXPORTED'")
            .await,
        2
    );
}
