//! The agreements register (issue 15): its rules, its status derived from
//! the dates, who reads and who manages an agreement, and the expiry
//! reminders queued once.

use chrono::{Days, NaiveDate};
use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::give_territory;
use ponte_tests::{on_both_databases, Client, TestApp, TestDb, PASSWORD};

on_both_databases!(
    an_agreement_has_two_parties_coherent_dates_and_a_status_derived_from_them,
    a_partys_users_read_an_agreement_and_an_outsider_neither_reads_nor_edits_it,
    a_reporter_manages_the_agreements_of_their_territory_only_with_the_permission,
    expiry_reminders_are_queued_once_per_threshold_and_end_of_validity,
);

pub const CREATE: &str = "mutation($input: NetworkAgreementInput!) { createNetworkAgreement(input: $input) { id version status canEdit title parties { role organization { id } contact { id } } services lifeAreas elements { purpose } } }";
const UPDATE: &str = "mutation($input: UpdateNetworkAgreementInput!) { updateNetworkAgreement(input: $input) { id version status validUntil } }";
const READ: &str =
    "query($id: ID!) { networkAgreement(id: $id) { id title status canEdit parties { contact { id } } } }";

/// `today` moved by `offset` days, as the API writes a date.
pub fn day(today: NaiveDate, offset: i64) -> String {
    let moved = if offset >= 0 {
        today.checked_add_days(Days::new(offset as u64))
    } else {
        today.checked_sub_days(Days::new(offset.unsigned_abs()))
    };
    moved.unwrap().to_string()
}

/// An agreement between `parties` (organization ids, the first promoter).
pub fn agreement(title: &str, parties: &[&str], dates: Value) -> Value {
    let parties: Vec<Value> = parties
        .iter()
        .enumerate()
        .map(|(i, org)| {
            json!({ "organizationId": org, "role": if i == 0 { "PROMOTER" } else { "SIGNATORY" } })
        })
        .collect();
    let mut input = json!({
        "kind": "CONVENZIONE",
        "title": title,
        "parties": parties,
        "services": ["SAD"],
        "lifeAreas": ["HEALTH_WELLBEING"],
        "elements": { "purpose": "Integrare SAD e ADI" },
    });
    for (key, value) in dates.as_object().unwrap() {
        input[key] = value.clone();
    }
    input
}

async fn create(client: &Client, input: Value) -> Value {
    client.gql(CREATE, json!({ "input": input })).await.ok()["createNetworkAgreement"].clone()
}

/// A signed-in user of `role` employed by `organization`.
pub async fn user_of(
    app: &TestApp,
    email: &str,
    role: Role,
    organization: &str,
) -> (Client, String) {
    let id = app
        .make_user(email, role, Some(organization.parse().unwrap()))
        .await;
    let client = app.client();
    client.login_ok(email, PASSWORD).await;
    (client, id)
}

async fn an_agreement_has_two_parties_coherent_dates_and_a_status_derived_from_them(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let today = app.clock.today();
    let asst = app.asst(&admin).await;
    let coop = app
        .organization(&admin, "Cooperativa Il Sentiero", "COOPERATIVA_SOCIALE_A")
        .await;
    let refused = [
        (agreement("Sola", &[&asst], json!({})), "parties"),
        (agreement("Doppia", &[&asst, &asst], json!({})), "parties"),
        (agreement("  ", &[&asst, &coop], json!({})), "title"),
        (
            agreement(
                "Al contrario",
                &[&asst, &coop],
                json!({ "validFrom": day(today, 10), "validUntil": day(today, 5) }),
            ),
            "validUntil",
        ),
        (
            agreement(
                "Firmata dopo",
                &[&asst, &coop],
                json!({ "signedOn": day(today, -1), "validFrom": day(today, -5) }),
            ),
            "validFrom",
        ),
        (
            agreement(
                "Firmata domani",
                &[&asst, &coop],
                json!({ "signedOn": day(today, 1) }),
            ),
            "signedOn",
        ),
        (
            agreement(
                "Protocollata in bozza",
                &[&asst, &coop],
                json!({ "protocolNumber": "Prot. 1/2026" }),
            ),
            "signedOn",
        ),
    ];
    for (input, field) in refused {
        let answer = admin.gql(CREATE, json!({ "input": input })).await;
        answer.expect_code("VALIDATION");
        assert_eq!(answer.field(), Some(field), "{}", answer.body);
        assert!(!answer.message().is_empty());
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM network_agreements").await
            + app
                .count("SELECT COUNT(*) FROM network_agreement_parties")
                .await,
        0,
        "nothing refused was written"
    );

    let statuses = [
        ("Bozza", json!({}), "DRAFT"),
        (
            "Firmata, non ancora valida",
            json!({ "signedOn": day(today, -3), "validFrom": day(today, 30) }),
            "SIGNED",
        ),
        (
            "In vigore",
            json!({ "signedOn": day(today, -30), "validFrom": day(today, -30), "validUntil": day(today, 20) }),
            "IN_FORCE",
        ),
        (
            "Scaduta",
            json!({ "signedOn": day(today, -400), "validUntil": day(today, -1) }),
            "EXPIRED",
        ),
    ];
    let mut ids = Vec::new();
    for (title, dates, status) in statuses {
        let created = create(&admin, agreement(title, &[&asst, &coop], dates)).await;
        assert_eq!(created["status"], status, "{title}");
        assert_eq!(created["services"], json!(["SAD"]));
        assert_eq!(created["elements"]["purpose"], "Integrare SAD e ADI");
        ids.push(created["id"].as_str().unwrap().to_owned());
    }
    let listed = |filter: &'static str| {
        let admin = &admin;
        async move {
            let answer = admin
                .gql(
                    &format!(
                        "{{ networkAgreements({filter}) {{ totalCount nodes {{ title }} }} }}"
                    ),
                    json!({}),
                )
                .await;
            answer.ok()["networkAgreements"]["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n["title"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    // Soonest expiry first, open-ended last.
    assert_eq!(
        listed("first: 10").await,
        [
            "Scaduta",
            "In vigore",
            "Bozza",
            "Firmata, non ancora valida"
        ]
    );
    assert_eq!(listed("status: IN_FORCE").await, ["In vigore"]);
    assert_eq!(listed("expiringWithinDays: 30").await, ["In vigore"]);
    assert!(listed("expiringWithinDays: 10").await.is_empty());
    assert_eq!(listed("search: \"vigore\"").await, ["In vigore"]);

    // Withdrawn, with a reason; a second change on the old version is stale.
    let withdrawn = admin
        .gql(
            "mutation($input: WithdrawNetworkAgreementInput!) { withdrawNetworkAgreement(input: $input) { status withdrawnOn withdrawalReason canEdit } }",
            json!({ "input": { "agreementId": ids[2], "expectedVersion": 1, "withdrawnOn": day(today, 0), "reason": "Superata dalla nuova convenzione" } }),
        )
        .await;
    let withdrawn = &withdrawn.ok()["withdrawNetworkAgreement"];
    assert_eq!(withdrawn["status"], "WITHDRAWN");
    assert_eq!(withdrawn["canEdit"], false);
    let late = admin
        .gql(
            UPDATE,
            json!({ "input": { "agreementId": ids[2], "expectedVersion": 1, "agreement": agreement("In vigore", &[&asst, &coop], json!({})) } }),
        )
        .await;
    late.expect_code("CONFLICT");
}

async fn a_partys_users_read_an_agreement_and_an_outsider_neither_reads_nor_edits_it(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let asst = app.asst(&admin).await;
    let coop = app
        .organization(&admin, "Cooperativa Il Sentiero", "ETS")
        .await;
    let elsewhere = app.organization(&admin, "Comune di Lovere", "COMUNE").await;
    let (party_user, party_user_id) =
        user_of(&app, "referente@asst.test", Role::Operator, &asst).await;
    let (outsider, _) = user_of(&app, "altro@lovere.test", Role::Operator, &elsewhere).await;
    // A member of a team of a party, employed elsewhere.
    let team = app.team(&admin, "Équipe SAD", "SERVIZIO", &coop).await;
    let (member, member_id) = user_of(&app, "socio@lovere.test", Role::Operator, &elsewhere).await;
    app.add_member(&admin, &team, &member_id, "MEMBER").await;
    let (auditor, _) = user_of(&app, "dpo@asst.test", Role::Auditor, &elsewhere).await;

    let mut input = agreement("Convenzione SAD", &[&asst, &coop], json!({}));
    input["parties"][0]["contactUserId"] = json!(party_user_id);
    let created = create(&admin, input).await;
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["parties"][0]["contact"]["id"], party_user_id);

    for reader in [&party_user, &member] {
        let read = reader.gql(READ, json!({ "id": id })).await;
        let read = &read.ok()["networkAgreement"];
        assert_eq!(read["title"], "Convenzione SAD");
        assert_eq!(read["canEdit"], false, "reading is not managing");
        let listed = reader
            .gql("{ networkAgreements { totalCount } }", json!({}))
            .await;
        assert_eq!(listed.ok()["networkAgreements"]["totalCount"], 1);
    }
    // The auditor reads what it says, not who the contacts are.
    let audited = auditor.gql(READ, json!({ "id": id })).await;
    assert!(audited.ok()["networkAgreement"]["parties"][0]["contact"].is_null());

    outsider
        .gql(READ, json!({ "id": id }))
        .await
        .expect_code("FORBIDDEN");
    let listed = outsider
        .gql("{ networkAgreements { totalCount } }", json!({}))
        .await;
    assert_eq!(listed.ok()["networkAgreements"]["totalCount"], 0);
    for editor in [&outsider, &party_user] {
        editor
            .gql(
                UPDATE,
                json!({ "input": { "agreementId": id, "expectedVersion": 1, "agreement": agreement("Presa", &[&asst, &coop], json!({})) } }),
            )
            .await
            .expect_code("FORBIDDEN");
    }
    // A contact must work for the party it represents.
    let mut foreign_contact = agreement("Referente sbagliato", &[&asst, &coop], json!({}));
    foreign_contact["parties"][1]["contactUserId"] = json!(party_user_id);
    let refused = admin.gql(CREATE, json!({ "input": foreign_contact })).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("parties"));
}

/// The Ambito di Valle Camonica with the Comune di Breno in it, and the
/// Ambito del Sebino outside it: a territory and one that is not.
pub struct Ambiti {
    pub ambito: String,
    pub comune: String,
    pub other_ambito: String,
}

impl Ambiti {
    pub async fn open(app: &TestApp, admin: &Client) -> Ambiti {
        let ambito = app
            .organization(admin, "Ambito di Valle Camonica", "AMBITO")
            .await;
        let comune = app
            .organization_under(admin, "Comune di Breno", "COMUNE", &ambito)
            .await;
        let other_ambito = app.organization(admin, "Ambito del Sebino", "AMBITO").await;
        Ambiti {
            ambito,
            comune,
            other_ambito,
        }
    }
}

/// A REPORTER of `territory`, signed in.
pub async fn reporter_of(
    app: &TestApp,
    admin: &Client,
    email: &str,
    territory: &str,
) -> (Client, String) {
    let (client, id) = user_of(app, email, Role::Reporter, territory).await;
    give_territory(admin, &id, territory).await;
    (client, id)
}

pub async fn let_manage_agreements(admin: &Client, user_id: &str) {
    let version = admin
        .gql("{ users(first: 100) { nodes { id version } } }", json!({}))
        .await;
    let version = version.ok()["users"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == user_id)
        .unwrap()["version"]
        .clone();
    let updated = admin
        .gql(
            "mutation($input: UpdateUserInput!) { updateUser(input: $input) { managesAgreements } }",
            json!({ "input": { "userId": user_id, "expectedVersion": version, "managesAgreements": true } }),
        )
        .await;
    assert_eq!(updated.ok()["updateUser"]["managesAgreements"], true);
}

async fn a_reporter_manages_the_agreements_of_their_territory_only_with_the_permission(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let Ambiti {
        ambito,
        comune,
        other_ambito: elsewhere,
    } = Ambiti::open(&app, &admin).await;
    let coop = app
        .organization(&admin, "Cooperativa Il Sentiero", "ETS")
        .await;
    let asst = app.asst(&admin).await;
    let (reporter, reporter_id) = reporter_of(&app, &admin, "piano@vc.test", &ambito).await;

    let ours = create(
        &admin,
        agreement("Del Comune", &[&comune, &coop], json!({})),
    )
    .await;
    let theirs = create(
        &admin,
        agreement("Di altri", &[&asst, &elsewhere], json!({})),
    )
    .await;
    // Without the permission it reads the territory's agreements, edits none.
    let read = reporter.gql(READ, json!({ "id": ours["id"] })).await;
    assert_eq!(read.ok()["networkAgreement"]["canEdit"], false);
    reporter
        .gql(READ, json!({ "id": theirs["id"] }))
        .await
        .expect_code("FORBIDDEN");
    reporter
        .gql(
            CREATE,
            json!({ "input": agreement("Nuova", &[&comune, &coop], json!({})) }),
        )
        .await
        .expect_code("FORBIDDEN");

    // Only a REPORTER may be given the permission.
    let (_, operator_id) = user_of(&app, "op@vc.test", Role::Operator, &comune).await;
    let refused = admin
        .gql(
            "mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }",
            json!({ "input": { "userId": operator_id, "expectedVersion": 1, "managesAgreements": true } }),
        )
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("managesAgreements"));

    let_manage_agreements(&admin, &reporter_id).await;
    let read = reporter.gql(READ, json!({ "id": ours["id"] })).await;
    assert_eq!(read.ok()["networkAgreement"]["canEdit"], true);
    let created = create(
        &reporter,
        agreement("Della domiciliarità", &[&comune, &coop], json!({})),
    )
    .await;
    assert_eq!(created["canEdit"], true);
    // Not outside the territory, nor handing one of its own over.
    reporter
        .gql(
            CREATE,
            json!({ "input": agreement("Fuori", &[&asst, &elsewhere], json!({})) }),
        )
        .await
        .expect_code("FORBIDDEN");
    reporter
        .gql(
            UPDATE,
            json!({ "input": { "agreementId": ours["id"], "expectedVersion": 1, "agreement": agreement("Ceduta", &[&asst, &elsewhere], json!({})) } }),
        )
        .await
        .expect_code("FORBIDDEN");
    let updated = reporter
        .gql(
            UPDATE,
            json!({ "input": { "agreementId": ours["id"], "expectedVersion": 1, "agreement": agreement("Del Comune, rivista", &[&comune, &coop, &asst], json!({})) } }),
        )
        .await;
    assert_eq!(updated.ok()["updateNetworkAgreement"]["version"], 2);
}

async fn expiry_reminders_are_queued_once_per_threshold_and_end_of_validity(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let today = app.clock.today();
    let ambito = app
        .organization(&admin, "Ambito di Valle Camonica", "AMBITO")
        .await;
    let asst = app.asst(&admin).await;
    let (_, contact_id) = user_of(&app, "referente@asst.test", Role::Operator, &asst).await;
    // The Ambito names no contact: its agreement manager is reminded.
    let (_, manager_id) = reporter_of(&app, &admin, "piano@vc.test", &ambito).await;
    let_manage_agreements(&admin, &manager_id).await;

    let mut input = agreement(
        "Convenzione in scadenza",
        &[&asst, &ambito],
        json!({ "signedOn": day(today, -300), "validUntil": day(today, 60) }),
    );
    input["parties"][0]["contactUserId"] = json!(contact_id);
    let created = create(&admin, input.clone()).await;
    let id = created["id"].as_str().unwrap().to_owned();
    // Far from its end, another agreement earns nothing.
    create(
        &admin,
        agreement(
            "Convenzione lontana",
            &[&asst, &ambito],
            json!({ "signedOn": day(today, -10), "validUntil": day(today, 61) }),
        ),
    )
    .await;

    // Two ticks of this instance and one of a second, on the same database.
    let second = app.another_instance(|_| {}).await;
    app.worker_round().await;
    second.worker_round().await;
    app.worker_round().await;
    assert_eq!(
        reminder_counts(&app, &id).await,
        (1, 1, 1, 2),
        "the 60-day reminder, once"
    );
    let subject = app
        .rows("SELECT subject FROM outbox_emails WHERE recipient = 'referente@asst.test'")
        .await;
    assert!(
        subject[0]["subject"]
            .as_str()
            .unwrap()
            .contains("Convenzione in scadenza"),
        "{subject:?}"
    );

    // A new end of validity 10 days ahead: the 15-day reminder, once.
    input["validUntil"] = json!(day(today, 10));
    admin
        .gql(
            UPDATE,
            json!({ "input": { "agreementId": id, "expectedVersion": 1, "agreement": input } }),
        )
        .await
        .ok();
    app.worker_round().await;
    second.worker_round().await;
    assert_eq!(reminder_counts(&app, &id).await, (2, 2, 2, 4));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM network_agreement_reminders")
            .await,
        2,
        "nothing for the agreement far from its end"
    );
}

/// The reminders of the agreement titled "Convenzione in scadenza", the
/// contact's and the manager's notifications of it (by email: SQLite keeps
/// ids as bytes), and the emails to both.
async fn reminder_counts(app: &TestApp, id: &str) -> (i64, i64, i64, i64) {
    let notified = |email: &str| {
        format!(
            "SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id \
             WHERE u.email = '{email}' AND n.kind = 'AGREEMENT_EXPIRING' AND n.link = '/accordi/{id}'"
        )
    };
    (
        app.count(
            "SELECT COUNT(*) FROM network_agreement_reminders r \
             JOIN network_agreements a ON a.id = r.agreement_id WHERE a.title = 'Convenzione in scadenza'",
        )
        .await,
        app.count(&notified("referente@asst.test")).await,
        app.count(&notified("piano@vc.test")).await,
        app.count(
            "SELECT COUNT(*) FROM outbox_emails WHERE recipient IN ('referente@asst.test', 'piano@vc.test')",
        )
        .await,
    )
}
