use chrono::{Datelike, Utc};
use ponte_server::seed::{seed_demo, DEMO_PASSWORD};
use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

on_both_databases!(
    the_demo_data_set_signs_in_and_shows_a_working_caseload,
    the_ufficio_di_piano_reads_every_indicator_of_its_ambito_and_no_person,
    the_demo_holds_the_agreements_and_meetings_of_its_ambiti,
    each_demo_project_speaks_to_the_age_and_target_group_of_its_person,
);

async fn the_demo_data_set_signs_in_and_shows_a_working_caseload(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let report = seed_demo(&app.db, &app.config).await.unwrap();
    assert!(report.contains("assistente.sociale@ponte.demo"), "{report}");
    let again = seed_demo(&app.db, &app.config).await.unwrap();
    assert!(
        again.contains("(0 new persons, 0 new projects, 0 new discharges)"),
        "running twice adds nothing: {again}"
    );

    let social_worker = app.client();
    social_worker
        .login_ok("assistente.sociale@ponte.demo", DEMO_PASSWORD)
        .await;
    let persons = social_worker
        .gql(
            "{ persons(first: 100) { totalCount nodes { fiscalCode referencePersons { kind } } } }",
            json!({}),
        )
        .await;
    let persons = &persons.ok()["persons"];
    assert!(persons["totalCount"].as_i64().unwrap() >= 50, "{persons}");
    assert!(persons["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["fiscalCode"].as_str().unwrap().len() == 16));

    let geriatra = app.client();
    geriatra
        .login_ok("geriatra@ponte.demo", DEMO_PASSWORD)
        .await;
    let uvm = geriatra
        .gql("{ teams(mine: true) { nodes { kind referrals { totalCount } members { user { profession } } } } }", json!({}))
        .await;
    let team = &uvm.ok()["teams"]["nodes"][0];
    assert_eq!(team["kind"], "UVM");
    assert!(team["referrals"]["totalCount"].as_i64().unwrap() > 0);
    assert!(team["members"].as_array().unwrap().len() >= 4);
    assert!(
        team["members"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["user"]["profession"] == "GERIATRA"),
        "the UVM has a geriatrician"
    );
    let cooperatives = geriatra
        .gql(
            "{ organizations(kind: COOPERATIVA_SOCIALE_A) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(cooperatives.ok()["organizations"]["totalCount"], 1);
    assert!(
        app.count("SELECT COUNT(*) FROM budget_resources WHERE funding_source = 'FNA_B1'")
            .await
            > 0,
        "a line funded by the FNA's measure B1"
    );

    let assessed = geriatra
        .gql(
            "{ persons(first: 100) { nodes { assessments { nodes { amended signedAt joint team { kind } participants { organization { name } } results { instrument score } } } } } }",
            json!({}),
        )
        .await;
    let assessments: Vec<ponte_tests::serde_json::Value> = assessed.ok()["persons"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["assessments"]["nodes"].as_array().unwrap().clone())
        .collect();
    assert!(
        assessments.len() >= 8,
        "a good part of the persons: {}",
        assessments.len()
    );
    // The one correction may be past the first hundred persons, among the
    // past years' patients.
    assert_eq!(
        app.count("SELECT COUNT(*) FROM assessments WHERE amends_id IS NOT NULL")
            .await,
        1
    );
    assert!(
        assessments.iter().any(|a| a["signedAt"].is_null()),
        "some drafts"
    );
    assert!(
        assessments
            .iter()
            .filter(|a| !a["signedAt"].is_null())
            .count()
            >= 5
    );
    assert!(assessments
        .iter()
        .all(|a| !a["results"].as_array().unwrap().is_empty()));
    // The UVM assesses jointly, the ASST's doctors and nurses with the
    // Comune's social worker.
    let by_uvm: Vec<_> = assessments
        .iter()
        .filter(|a| a["team"]["kind"] == "UVM")
        .collect();
    assert!(by_uvm.len() >= 5, "{}", by_uvm.len());
    for assessment in by_uvm {
        assert_eq!(assessment["joint"], true, "{assessment}");
        let services: std::collections::BTreeSet<&str> = assessment["participants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["organization"]["name"].as_str().unwrap())
            .collect();
        assert!(services.len() >= 2, "two services: {services:?}");
    }

    let mut kinds = std::collections::BTreeSet::new();
    let mut statuses = std::collections::BTreeSet::new();
    let mut budgets = std::collections::BTreeSet::new();
    let mut integrated = Vec::new();
    for email in [
        "geriatra@ponte.demo",
        "psichiatra@ponte.demo",
        "assistente.sociale@ponte.demo",
    ] {
        let manager = app.client();
        manager.login_ok(email, DEMO_PASSWORD).await;
        let mine = manager
            .gql(
                "{ projects(mine: true, first: 100) { nodes { kind status integrated cosignatures { part } goals { lifeArea } interventions { lifeArea } finalScoresRequired { rater recorded } budget { agreementStatus totals { byProvider { key } } } } } }",
                json!({}),
            )
            .await;
        for p in mine.ok()["projects"]["nodes"].as_array().unwrap() {
            kinds.insert(p["kind"].as_str().unwrap().to_owned());
            statuses.insert(p["status"].as_str().unwrap().to_owned());
            budgets.insert(p["budget"]["agreementStatus"].as_str().unwrap().to_owned());
            if p["integrated"] == true {
                integrated.push((p["status"].clone(), p["cosignatures"].clone()));
            }
            if p["status"] == "CLOSED" {
                let required = p["finalScoresRequired"].as_array().unwrap();
                assert!(
                    !required.is_empty() && required.iter().all(|f| f["recorded"] == true),
                    "a closed project has its final scores: {required:?}"
                );
                assert!(
                    required.iter().any(|f| f["rater"] == "PERSON"),
                    "the person scored the end too"
                );
            }
            if p["status"] == "ACTIVE" {
                let areas: std::collections::BTreeSet<&str> = p["goals"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|g| g["lifeArea"].as_str().unwrap())
                    .collect();
                assert_eq!(areas.len(), 4, "goals in all four life areas");
                assert!(
                    p["budget"]["totals"]["byProvider"]
                        .as_array()
                        .unwrap()
                        .len()
                        >= 3,
                    "three providers or more"
                );
            }
        }
    }
    assert_eq!(kinds.len(), 4, "every kind: {kinds:?}");
    assert_eq!(statuses.len(), 7, "every status: {statuses:?}");
    assert!(
        budgets.contains("AGREED") && budgets.contains("PARTIALLY_AGREED"),
        "agreed and partially agreed budgets: {budgets:?}"
    );
    // Seen by every member of its team, so possibly more than once.
    let signed_by_both = (
        json!("ACTIVE"),
        json!([{ "part": "HEALTH" }, { "part": "SOCIAL" }]),
    );
    assert!(
        !integrated.is_empty() && integrated.iter().all(|p| *p == signed_by_both),
        "an integrated PAI, delivered, signed by both sides: {integrated:?}"
    );

    let pua = app.client();
    pua.login_ok("assistente.sociale@ponte.demo", DEMO_PASSWORD)
        .await;
    let board = pua
        .gql(
            "{ discharges(first: 50) { nodes { status planNeeds project { kind } } } }",
            json!({}),
        )
        .await;
    let statuses: std::collections::BTreeSet<String> = board.ok()["discharges"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["status"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        statuses.len(),
        5,
        "discharges in every status: {statuses:?}"
    );
    let nodes = board.ok()["discharges"]["nodes"].as_array().unwrap();
    assert!(
        nodes
            .iter()
            .any(|d| d["planNeeds"] == json!(["SAD", "ADI"])),
        "a plan with structured needs: {nodes:?}"
    );
    assert!(
        nodes.iter().any(|d| d["project"]["kind"] == "PAI"),
        "a discharge that continues a PAI: {nodes:?}"
    );
    let mail_dir = app.config.data_dir.join("mail");
    let files = std::fs::read_dir(&mail_dir).map(|d| d.count()).unwrap_or(0);
    assert!(
        files > 0,
        "notifications were delivered to .eml files in {}",
        mail_dir.display()
    );
    let pending = app
        .count("SELECT COUNT(*) FROM outbox_emails WHERE status <> 'SENT'")
        .await;
    assert_eq!(pending, 0);

    let admin = app.client();
    admin.login_ok("admin@ponte.demo", DEMO_PASSWORD).await;
    let orgs = admin
        .gql(
            "{ organizations { totalCount } users { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(orgs.ok()["organizations"]["totalCount"], 17);
    assert!(orgs.ok()["users"]["totalCount"].as_i64().unwrap() >= 15);
}

/// The indicators of the previous calendar year, by quarter, for `territory`.
async fn last_year(client: &Client, territory: &str) -> Vec<Value> {
    let year = Utc::now().date_naive().year() - 1;
    let shown = client
        .gql(
            "query($territory: ID, $from: Date!, $to: Date!) { \
               indicators(territoryId: $territory, from: $from, to: $to, breakdown: QUARTER) { \
                 code value suppressed series { from value suppressed } } }",
            json!({
                "territory": territory,
                "from": format!("{year}-01-01"),
                "to": format!("{year}-12-31"),
            }),
        )
        .await;
    shown.ok()["indicators"].as_array().unwrap().clone()
}

async fn the_ufficio_di_piano_reads_every_indicator_of_its_ambito_and_no_person(db: TestDb) {
    let app = TestApp::spawn(db).await;
    seed_demo(&app.db, &app.config).await.unwrap();
    let reporter = app.client();
    reporter
        .login_ok("ufficio.piano@ponte.demo", DEMO_PASSWORD)
        .await;
    let me = reporter
        .gql("{ me { role territories { id name } } }", json!({}))
        .await;
    let me = &me.ok()["me"];
    assert_eq!(me["role"], "REPORTER");
    assert_eq!(
        me["territories"][0]["name"],
        "Ambito Territoriale di Valle Camonica"
    );
    let ambito = me["territories"][0]["id"].as_str().unwrap().to_owned();

    // Every indicator Ponte computes, in every quarter of last year: shown
    // (five or more behind each figure), and not nothing over the year.
    let catalogue = reporter
        .gql("{ indicatorCatalogue { code computed } }", json!({}))
        .await;
    let computed: Vec<String> = catalogue.ok()["indicatorCatalogue"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["computed"] == true)
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect();
    let figures = last_year(&reporter, &ambito).await;
    let codes: Vec<&str> = figures
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, computed, "every computed indicator");
    for figure in &figures {
        let value = figure["value"].as_f64();
        assert!(
            value.is_some_and(|v| v > 0.0),
            "a value for the year: {figure}"
        );
        let quarters = figure["series"].as_array().unwrap();
        assert_eq!(quarters.len(), 4, "{figure}");
        for quarter in quarters {
            assert!(
                quarter["suppressed"] == false && !quarter["value"].is_null(),
                "every quarter shown: {figure}"
            );
        }
    }
    let value = |code: &str| {
        figures
            .iter()
            .find(|f| f["code"] == code)
            .and_then(|f| f["value"].as_f64())
            .unwrap()
    };
    // Not trivial: some assessments without the Comune, some projects no
    // better at the end, a wait longer for an RSA than for home.
    assert!(value("ASSESSMENTS_WITH_SOCIAL_WORKER") < 1.0);
    assert!(value("JOINT_ASSESSMENTS") < value("ASSESSMENTS"));
    assert!(value("PROJECTS_CLOSED_IMPROVED_HOUSING") < 1.0);
    assert!(value("PROTECTED_DISCHARGES_SERVED") < 1.0);
    assert!(value("DISCHARGE_WAIT_RESIDENTIAL_MEAN") > value("DISCHARGE_WAIT_HOME_MEAN"));

    // The other Ambito is as busy, as the administrator sees (unsuppressed).
    let admin = app.client();
    admin.login_ok("admin@ponte.demo", DEMO_PASSWORD).await;
    let ambiti = admin
        .gql(
            "{ organizations(kind: AMBITO) { nodes { id name } } }",
            json!({}),
        )
        .await;
    let sebino = ambiti.ok()["organizations"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Ambito Territoriale del Sebino")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for figure in last_year(&admin, &sebino).await {
        // A Convenzione is signed in some quarters, not in every one.
        if figure["code"] == "ETS_AGREEMENTS" {
            continue;
        }
        for quarter in figure["series"].as_array().unwrap() {
            assert!(
                quarter["value"].as_f64().is_some_and(|v| v > 0.0),
                "every quarter counts something in the Sebino: {figure}"
            );
        }
    }

    // A Comune of a few hundred inhabitants: its handful of cases is hidden.
    let comuni = reporter
        .gql(
            "{ organizations(kind: COMUNE) { nodes { id name parent { name } } } }",
            json!({}),
        )
        .await;
    let comuni = comuni.ok()["organizations"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    assert!(comuni
        .iter()
        .any(|c| c["parent"]["name"] == "Ambito Territoriale del Sebino"));
    let small = comuni
        .iter()
        .find(|c| c["name"] == "Comune di Paspardo")
        .unwrap();
    let small = last_year(&reporter, small["id"].as_str().unwrap()).await;
    assert!(
        small
            .iter()
            .any(|f| f["suppressed"] == true && f["value"].is_null()),
        "{small:?}"
    );

    // The figures, never the persons behind them.
    let persons = reporter
        .gql("{ persons(first: 10) { totalCount } }", json!({}))
        .await;
    persons.expect_code("FORBIDDEN");
    let social_worker = app.client();
    social_worker
        .login_ok("assistente.sociale@ponte.demo", DEMO_PASSWORD)
        .await;
    let someone = social_worker
        .gql("{ persons(first: 1) { nodes { id } } }", json!({}))
        .await;
    let someone = someone.ok()["persons"]["nodes"][0]["id"].clone();
    let person = reporter
        .gql(
            "query($id: ID!) { person(id: $id) { id } }",
            json!({ "id": someone }),
        )
        .await;
    assert!(person.data()["person"].is_null(), "{:?}", person.errors());
}

async fn the_demo_holds_the_agreements_and_meetings_of_its_ambiti(db: TestDb) {
    let app = TestApp::spawn(db).await;
    seed_demo(&app.db, &app.config).await.unwrap();
    let reporter = app.client();
    reporter
        .login_ok("ufficio.piano@ponte.demo", DEMO_PASSWORD)
        .await;
    let me = reporter
        .gql("{ me { managesAgreements } }", json!({}))
        .await;
    assert_eq!(me.ok()["me"]["managesAgreements"], true);
    let agreements = reporter
        .gql(
            "{ networkAgreements(first: 20) { totalCount nodes { kind status canEdit } } }",
            json!({}),
        )
        .await;
    let agreements = &agreements.ok()["networkAgreements"];
    let kinds: Vec<&str> = agreements["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    for kind in ["CONVENZIONE", "PROTOCOLLO_D_INTESA", "ACCORDO_DI_PROGRAMMA"] {
        assert!(kinds.contains(&kind), "{kinds:?}");
    }
    assert!(agreements["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["canEdit"] == true && a["status"] == "IN_FORCE"));
    let expiring = reporter
        .gql(
            "{ networkAgreements(expiringWithinDays: 60) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(expiring.ok()["networkAgreements"]["totalCount"], 1);

    // A year of meetings, some held, some planned ahead; the SAD agreement's
    // contact at the ASST was reminded of its end.
    let year = Utc::now().date_naive().year();
    let meetings = reporter
        .gql(
            "query($from: Date!, $to: Date!) { meetings(from: $from, to: $to, first: 100) { totalCount nodes { kind status canEdit } } }",
            json!({ "from": format!("{}-01-01", year - 1), "to": format!("{}-12-31", year + 1) }),
        )
        .await;
    let meetings = meetings.ok()["meetings"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    let has = |kind: &str, status: &str| {
        meetings
            .iter()
            .any(|m| m["kind"] == kind && m["status"] == status)
    };
    assert!(
        has("FORMAZIONE", "HELD") && has("FORMAZIONE", "PLANNED") && has("FORMAZIONE", "CANCELLED")
    );
    assert!(has("SUPERVISIONE", "HELD") && has("FORMAZIONE_CAREGIVER", "HELD"));
    let geriatra = app.client();
    geriatra
        .login_ok("geriatra@ponte.demo", DEMO_PASSWORD)
        .await;
    let reminded = geriatra
        .gql("{ notifications { nodes { title link } } }", json!({}))
        .await;
    assert!(
        reminded.ok()["notifications"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["link"].as_str().unwrap().starts_with("/accordi/")),
        "{}",
        reminded.body
    );
}

/// Words that belong to old age: a child's progetto di vita has none of them.
const ELDERLY_ONLY: [&str; 6] = [
    "cadut",
    "bagno adattato",
    "anzian",
    "badante",
    "indennità di accompagnamento",
    "figlia",
];
/// Words that belong to childhood: an older person's PAI has none of them.
const CHILDHOOD_ONLY: [&str; 4] = [
    "scuola",
    "scolastic",
    "genitori",
    "neuropsichiatria infantile",
];

async fn each_demo_project_speaks_to_the_age_and_target_group_of_its_person(db: TestDb) {
    let app = TestApp::spawn(db).await;
    seed_demo(&app.db, &app.config).await.unwrap();
    let query = "{ projects(first: 100) { nodes { id kind title person { age targetGroups } goals { description indicator } interventions { frequency } budget { resources { description } } } } }";
    // Between them the three case managers see every demo project.
    let mut projects: Vec<Value> = Vec::new();
    for email in [
        "assistente.sociale@ponte.demo",
        "geriatra@ponte.demo",
        "psichiatra@ponte.demo",
    ] {
        let client = app.client();
        client.login_ok(email, DEMO_PASSWORD).await;
        let answer = client.gql(query, json!({})).await;
        for project in answer.ok()["projects"]["nodes"].as_array().unwrap() {
            if !projects.iter().any(|p| p["id"] == project["id"]) {
                projects.push(project.clone());
            }
        }
    }
    let texts = |project: &Value| -> String {
        let mut all = vec![project["title"].as_str().unwrap_or_default().to_owned()];
        for goal in project["goals"].as_array().unwrap() {
            all.push(goal["description"].as_str().unwrap_or_default().to_owned());
            all.push(goal["indicator"].as_str().unwrap_or_default().to_owned());
        }
        for intervention in project["interventions"].as_array().unwrap() {
            all.push(
                intervention["frequency"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            );
        }
        for line in project["budget"]["resources"].as_array().unwrap() {
            all.push(line["description"].as_str().unwrap_or_default().to_owned());
        }
        all.join(" | ").to_lowercase()
    };
    let mut minors = 0;
    let mut elderly = 0;
    for project in &projects {
        let age = project["person"]["age"].as_i64().unwrap();
        let minor = age < 18
            || project["person"]["targetGroups"]
                .as_array()
                .unwrap()
                .contains(&json!("MINORE"));
        let text = texts(project);
        if project["goals"].as_array().unwrap().is_empty() {
            continue;
        }
        if minor {
            minors += 1;
            for word in ELDERLY_ONLY {
                assert!(
                    !text.contains(word),
                    "a {age}-year-old's project speaks of «{word}»: {text}"
                );
            }
        }
        if age >= 65 {
            elderly += 1;
            for word in CHILDHOOD_ONLY {
                assert!(
                    !text.contains(word),
                    "a {age}-year-old's project speaks of «{word}»: {text}"
                );
            }
        }
    }
    assert!(
        minors > 0,
        "the demo has a minor's project with goals: {projects:?}"
    );
    assert!(
        elderly > 0,
        "the demo has an older person's project with goals"
    );
    // The record says "residenza fittizia" once, from the flag: the address
    // itself does not say it again.
    let social_worker = app.client();
    social_worker
        .login_ok("assistente.sociale@ponte.demo", DEMO_PASSWORD)
        .await;
    let persons = social_worker
        .gql(
            "{ persons(first: 100) { nodes { homeless residence } } }",
            json!({}),
        )
        .await;
    let persons = persons.ok()["persons"]["nodes"].as_array().unwrap().clone();
    assert!(
        persons.iter().any(|p| p["homeless"] == true),
        "a homeless person in the demo"
    );
    for person in &persons {
        let residence = person["residence"].as_str().unwrap_or_default();
        assert!(!residence.contains("fittizia"), "{residence}");
    }
}
