//! The indicators of the agreements and meetings registers (issue 15.3) on
//! a hand-built set: what each counts in a territory and for a team, and
//! that they are never suppressed (they rest on no person's case).

use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb, PASSWORD};

use crate::agreements_register::{agreement, let_manage_agreements, reporter_of, Ambiti, CREATE};

on_both_databases!(the_registers_indicators_count_agreements_and_meetings_of_the_territory);

const PLAN: &str = "mutation($input: MeetingInput!) { planMeeting(input: $input) { id } }";

async fn signed(admin: &Client, kind: &str, title: &str, parties: &[&str], dates: Value) -> String {
    let mut input = agreement(title, parties, dates);
    input["kind"] = json!(kind);
    let created = admin.gql(CREATE, json!({ "input": input })).await;
    created.ok()["createNetworkAgreement"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn meeting(
    client: &Client,
    kind: &str,
    planned: &str,
    held: Option<&str>,
    rest: Value,
) -> String {
    let mut input = json!({ "kind": kind, "title": format!("{kind} {planned}"), "plannedOn": planned, "heldOn": held });
    for (key, value) in rest.as_object().unwrap() {
        input[key] = value.clone();
    }
    let created = client.gql(PLAN, json!({ "input": input })).await;
    created.ok()["planMeeting"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn figures(client: &Client, scope: Value) -> Vec<Value> {
    let mut variables = json!({
        "codes": [
            "ETS_AGREEMENTS", "AGREEMENTS_IN_FORCE", "TRAINING_MEETINGS", "SUPERVISION_MEETINGS",
            "CAREGIVER_TRAINING_MEETINGS", "CAREGIVERS_REACHED", "CO_DESIGN_TABLES_ACTIVE",
        ],
    });
    for (key, value) in scope.as_object().unwrap() {
        variables[key] = value.clone();
    }
    let answer = client
        .gql(
            "query($codes: [String!], $territory: ID, $team: ID) { \
               indicators(codes: $codes, territoryId: $territory, teamId: $team, from: \"2026-01-01\", to: \"2026-06-30\") { \
                 code value numerator denominator suppressed parts { dimension key value } } }",
            variables,
        )
        .await;
    answer.ok()["indicators"].as_array().unwrap().clone()
}

fn of<'a>(figures: &'a [Value], code: &str) -> &'a Value {
    figures.iter().find(|f| f["code"] == code).unwrap()
}

async fn the_registers_indicators_count_agreements_and_meetings_of_the_territory(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let Ambiti {
        ambito,
        comune,
        other_ambito,
    } = Ambiti::open(&app, &admin).await;
    let asst = app.asst(&admin).await;
    let coop = app
        .organization(&admin, "Cooperativa Il Sentiero", "COOPERATIVA_SOCIALE_A")
        .await;

    // Agreements: one ASST–ETS Convenzione signed in the period (in force
    // from April), one without an ETS, one that ended last year, one outside
    // the territory, one draft.
    let ets = signed(
        &admin,
        "CONVENZIONE",
        "SAD con la cooperativa",
        &[&asst, &coop, &comune],
        json!({ "signedOn": "2026-03-10", "validFrom": "2026-04-01", "validUntil": "2027-03-31" }),
    )
    .await;
    signed(
        &admin,
        "CONVENZIONE",
        "ADI",
        &[&asst, &comune],
        json!({ "signedOn": "2026-02-01" }),
    )
    .await;
    signed(
        &admin,
        "PROTOCOLLO_D_INTESA",
        "Vecchio protocollo",
        &[&comune, &asst],
        json!({ "signedOn": "2025-01-01", "validUntil": "2025-12-31" }),
    )
    .await;
    signed(
        &admin,
        "ACCORDO_DI_PROGRAMMA",
        "AdP del Sebino",
        &[&other_ambito, &asst],
        json!({ "signedOn": "2026-01-15" }),
    )
    .await;
    signed(
        &admin,
        "PROTOCOLLO_D_INTESA",
        "Bozza",
        &[&comune, &asst],
        json!({}),
    )
    .await;

    // Meetings: the Comune's EEMM trains (3 planned in the period, one
    // cancelled, one planned after it) and supervises (one held, one not
    // recorded); the Ambito runs two caregiver sessions and a co-design
    // table twice for its agreement; the EEMM's own co-design meeting is a
    // second table; another Ambito's training does not count here.
    let team = app
        .team(&admin, "EEMM Breno", "EQUIPE_MULTIDISCIPLINARE", &comune)
        .await;
    let member_id = app
        .make_user(
            "membro@breno.test",
            Role::Operator,
            Some(comune.parse().unwrap()),
        )
        .await;
    app.add_member(&admin, &team, &member_id, "MEMBER").await;
    let member = app.client();
    member.login_ok("membro@breno.test", PASSWORD).await;
    let by_team = json!({ "teamId": team });
    meeting(
        &member,
        "FORMAZIONE",
        "2026-02-10",
        Some("2026-02-10"),
        by_team.clone(),
    )
    .await;
    let cancelled = meeting(&member, "FORMAZIONE", "2026-03-10", None, by_team.clone()).await;
    member
        .gql(
            "mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }",
            json!({ "input": { "meetingId": cancelled, "expectedVersion": 1, "reason": "Neve" } }),
        )
        .await
        .ok();
    meeting(
        &member,
        "FORMAZIONE",
        "2026-05-10",
        Some("2026-05-12"),
        by_team.clone(),
    )
    .await;
    meeting(
        &member,
        "FORMAZIONE",
        "2026-07-10",
        Some("2026-07-10"),
        by_team.clone(),
    )
    .await;
    meeting(
        &member,
        "SUPERVISIONE",
        "2026-04-01",
        Some("2026-04-01"),
        by_team.clone(),
    )
    .await;
    meeting(&member, "SUPERVISIONE", "2026-06-20", None, by_team.clone()).await;
    meeting(
        &member,
        "CO_PROGETTAZIONE",
        "2026-05-05",
        Some("2026-05-05"),
        by_team.clone(),
    )
    .await;
    let by_ambito =
        |external: i32| json!({ "organizationId": ambito, "externalParticipants": external });
    meeting(
        &admin,
        "FORMAZIONE_CAREGIVER",
        "2026-03-01",
        Some("2026-03-01"),
        by_ambito(12),
    )
    .await;
    meeting(
        &admin,
        "FORMAZIONE_CAREGIVER",
        "2026-06-01",
        Some("2026-06-01"),
        by_ambito(8),
    )
    .await;
    for on in ["2026-03-05", "2026-04-05"] {
        let mut table = by_ambito(4);
        table["agreementId"] = json!(ets);
        meeting(&admin, "CO_PROGETTAZIONE", on, Some(on), table).await;
    }
    meeting(
        &admin,
        "FORMAZIONE",
        "2026-02-11",
        Some("2026-02-11"),
        json!({ "organizationId": other_ambito }),
    )
    .await;

    // The Ufficio di Piano of the Ambito, who manages its agreements too.
    let (reporter, reporter_id) = reporter_of(&app, &admin, "piano@vc.test", &ambito).await;
    let_manage_agreements(&admin, &reporter_id).await;

    let territory = figures(&reporter, json!({ "territory": ambito })).await;
    let value = |figures: &[Value], code: &str| of(figures, code)["value"].as_f64();
    assert_eq!(value(&territory, "ETS_AGREEMENTS"), Some(1.0));
    assert_eq!(value(&territory, "AGREEMENTS_IN_FORCE"), Some(2.0));
    assert_eq!(
        of(&territory, "AGREEMENTS_IN_FORCE")["parts"],
        json!([{ "dimension": "NETWORK_AGREEMENT_KIND", "key": "CONVENZIONE", "value": 2.0 }])
    );
    let training = of(&territory, "TRAINING_MEETINGS");
    assert_eq!(
        (
            training["numerator"].clone(),
            training["denominator"].clone()
        ),
        (json!(2), json!(3))
    );
    assert_eq!(value(&territory, "SUPERVISION_MEETINGS"), Some(1.0));
    assert_eq!(value(&territory, "CAREGIVER_TRAINING_MEETINGS"), Some(2.0));
    assert_eq!(value(&territory, "CAREGIVERS_REACHED"), Some(20.0));
    assert_eq!(value(&territory, "CO_DESIGN_TABLES_ACTIVE"), Some(2.0));
    assert!(
        territory.iter().all(|f| f["suppressed"] == false),
        "small counts of meetings name no one: {territory:?}"
    );

    // The team's own: its meetings, the agreements its organization signed.
    let team_figures = figures(&admin, json!({ "team": team })).await;
    assert_eq!(value(&team_figures, "CO_DESIGN_TABLES_ACTIVE"), Some(1.0));
    assert_eq!(
        value(&team_figures, "CAREGIVER_TRAINING_MEETINGS"),
        Some(0.0)
    );
    assert_eq!(of(&team_figures, "TRAINING_MEETINGS")["denominator"], 3);
    assert_eq!(value(&team_figures, "AGREEMENTS_IN_FORCE"), Some(2.0));

    // The other Ambito: its training, its AdP.
    let other = figures(&admin, json!({ "territory": other_ambito })).await;
    assert_eq!(of(&other, "TRAINING_MEETINGS")["numerator"], 1);
    assert_eq!(value(&other, "AGREEMENTS_IN_FORCE"), Some(1.0));
    assert_eq!(value(&other, "ETS_AGREEMENTS"), Some(0.0));
}
