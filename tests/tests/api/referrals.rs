use ponte_tests::serde_json::json;
use ponte_tests::world::{fiscal_code_of, person_input, Desk};
use ponte_tests::{on_both_databases, TestApp, TestDb};

on_both_databases!(
    a_pua_refers_a_person_to_the_uvm_which_takes_them_in_charge,
    closing_the_last_referral_ends_the_team_responsibility,
    the_work_list_puts_urgent_referrals_first_and_lists_only_open_ones,
    referral_mistakes_are_clear_errors,
    pua_members_look_up_identities_by_codice_fiscale_and_it_is_audited,
    sending_a_person_to_a_team_twice_at_once_makes_one_referral,
);

const REFER: &str = "mutation($input: ReferPersonInput!) { referPerson(input: $input) { id status urgency team { id } person { id } createdBy { id } } }";
const ACCEPT: &str = "mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { status acceptedAt acceptedBy { id } } }";
const CLOSE: &str = "mutation($input: CloseReferralInput!) { closeReferral(input: $input) { status outcome closedBy { id } } }";

/// A UVM beside the PUA, in the same organization.
async fn uvm(app: &TestApp, pua: &Desk) -> String {
    app.team(
        &pua.admin,
        "UVM Valle Camonica",
        "UVM",
        &pua.organization_id,
    )
    .await
}

async fn a_pua_refers_a_person_to_the_uvm_which_takes_them_in_charge(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let pua = Desk::open(&app, "PUA").await;
    let uvm_team = uvm(&app, &pua).await;
    let (uvm, uvm_id) = app.operator("geriatra@asst.test").await;
    app.add_member(&pua.admin, &uvm_team, &uvm_id, "MEMBER")
        .await;
    let person = app
        .person(
            &pua.operator,
            person_input(&pua.team_id, "Gatti", "Irma", (1936, 6, 1), "F"),
        )
        .await;
    let read = "query($id: ID!) { person(id: $id) { teams { id } } }";
    uvm.gql(read, json!({ "id": person }))
        .await
        .expect_code("FORBIDDEN");

    let referred = pua
        .operator
        .gql(
            REFER,
            json!({ "input": { "personId": person, "teamId": uvm_team, "source": "SERVICE", "reason": "Valutazione multidimensionale per ADI", "urgency": "URGENT" } }),
        )
        .await;
    let referral = referred.ok()["referPerson"].clone();
    assert_eq!(referral["status"], "OPEN");
    assert_eq!(referral["createdBy"]["id"], pua.operator_id);
    // An open referral already makes the UVM responsible.
    let teams = uvm.gql(read, json!({ "id": person })).await;
    assert_eq!(teams.ok()["person"]["teams"].as_array().unwrap().len(), 2);

    let accepted = uvm
        .gql(ACCEPT, json!({ "input": { "referralId": referral["id"] } }))
        .await;
    let accepted = &accepted.ok()["acceptReferral"];
    assert_eq!(accepted["status"], "ACCEPTED");
    assert_eq!(accepted["acceptedBy"]["id"], uvm_id);
    assert!(accepted["acceptedAt"].is_string());
    // Accepting twice is refused.
    uvm.gql(ACCEPT, json!({ "input": { "referralId": referral["id"] } }))
        .await
        .expect_code("VALIDATION");
}

async fn closing_the_last_referral_ends_the_team_responsibility(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "SERVIZIO").await;
    let created = desk
        .operator
        .gql(
            "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id referrals { id } } }",
            json!({ "input": person_input(&desk.team_id, "Fontana", "Elio", (1958, 3, 3), "M") }),
        )
        .await;
    let person = created.ok()["createPerson"].clone();
    let referral_id = person["referrals"][0]["id"].clone();
    let missing_outcome = desk
        .operator
        .gql(
            CLOSE,
            json!({ "input": { "referralId": referral_id, "outcome": "  " } }),
        )
        .await;
    missing_outcome.expect_code("VALIDATION");
    assert_eq!(missing_outcome.field(), Some("outcome"));
    let closed = desk
        .operator
        .gql(CLOSE, json!({ "input": { "referralId": referral_id, "outcome": "Orientato ai servizi del Comune" } }))
        .await;
    assert_eq!(closed.ok()["closeReferral"]["status"], "CLOSED");
    assert_eq!(
        closed.ok()["closeReferral"]["closedBy"]["id"],
        desk.operator_id
    );
    desk.operator
        .gql(
            "query($id: ID!) { person(id: $id) { id } }",
            json!({ "id": person["id"] }),
        )
        .await
        .expect_code("FORBIDDEN");
    desk.operator
        .gql(
            CLOSE,
            json!({ "input": { "referralId": referral_id, "outcome": "di nuovo" } }),
        )
        .await
        .expect_code("VALIDATION");
}

async fn the_work_list_puts_urgent_referrals_first_and_lists_only_open_ones(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    for (family, urgency) in [
        ("Uno", "ORDINARY"),
        ("Due", "URGENT"),
        ("Tre", "PRIORITY"),
        ("Quattro", "ORDINARY"),
    ] {
        let mut input = person_input(&desk.team_id, family, "Test", (1950, 1, 1), "M");
        input["urgency"] = json!(urgency);
        app.person(&desk.operator, input).await;
    }
    let list = "query($id: ID!, $status: ReferralStatus) { team(id: $id) { referrals(status: $status) { totalCount nodes { id urgency person { familyName } } } } }";
    let open = desk.operator.gql(list, json!({ "id": desk.team_id })).await;
    let nodes = open.ok()["team"]["referrals"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    let order: Vec<&str> = nodes
        .iter()
        .map(|n| n["person"]["familyName"].as_str().unwrap())
        .collect();
    assert_eq!(order, vec!["Due", "Tre", "Uno", "Quattro"]);
    desk.operator
        .gql(
            CLOSE,
            json!({ "input": { "referralId": nodes[3]["id"], "outcome": "Nessun bisogno" } }),
        )
        .await
        .ok();
    desk.operator
        .gql(ACCEPT, json!({ "input": { "referralId": nodes[0]["id"] } }))
        .await
        .ok();
    let open_only = desk
        .operator
        .gql(list, json!({ "id": desk.team_id, "status": "OPEN" }))
        .await;
    assert_eq!(open_only.ok()["team"]["referrals"]["totalCount"], 2);
    let in_charge = desk.operator.gql(list, json!({ "id": desk.team_id })).await;
    assert_eq!(in_charge.ok()["team"]["referrals"]["totalCount"], 3);
    let closed = desk
        .operator
        .gql(list, json!({ "id": desk.team_id, "status": "CLOSED" }))
        .await;
    closed.expect_code("VALIDATION");
}

async fn referral_mistakes_are_clear_errors(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let person = desk.person("Lombardi", "Rita", (1949, 9, 9), "F").await;
    let no_reason = desk
        .operator
        .gql(REFER, json!({ "input": { "personId": person, "teamId": desk.team_id, "source": "MMG", "reason": "" } }))
        .await;
    no_reason.expect_code("VALIDATION");
    assert_eq!(no_reason.field(), Some("reason"));
    let same_team = desk
        .operator
        .gql(REFER, json!({ "input": { "personId": person, "teamId": desk.team_id, "source": "MMG", "reason": "Di nuovo" } }))
        .await;
    same_team.expect_code("CONFLICT");
    let no_team = desk
        .operator
        .gql(
            REFER,
            json!({ "input": { "personId": person, "teamId": uuid::Uuid::now_v7().to_string(), "source": "MMG", "reason": "X" } }),
        )
        .await;
    no_team.expect_code("VALIDATION");
    assert_eq!(no_team.field(), Some("teamId"));
    let bad_id = desk
        .operator
        .gql(ACCEPT, json!({ "input": { "referralId": "not-a-uuid" } }))
        .await;
    bad_id.expect_code("VALIDATION");
    assert_eq!(bad_id.field(), Some("referralId"));
    let unknown = desk
        .operator
        .gql(
            ACCEPT,
            json!({ "input": { "referralId": uuid::Uuid::now_v7().to_string() } }),
        )
        .await;
    unknown.expect_code("NOT_FOUND");
}

async fn pua_members_look_up_identities_by_codice_fiscale_and_it_is_audited(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let service = Desk::open(&app, "SERVIZIO").await;
    let input = person_input(&service.team_id, "Marchetti", "Bruno", (1947, 7, 17), "M");
    let person = app.person(&service.operator, input.clone()).await;
    let pua_team = app
        .team(
            &service.admin,
            "PUA Casa di Comunità",
            "PUA",
            &service.organization_id,
        )
        .await;
    let (pua, pua_id) = app.operator("pua@asst.test").await;
    app.add_member(&service.admin, &pua_team, &pua_id, "MEMBER")
        .await;

    let lookup = "query($cf: String!) { personIdentityByFiscalCode(fiscalCode: $cf) { id givenName familyName birthDate } }";
    let code = fiscal_code_of(&input);
    let found = pua.gql(lookup, json!({ "cf": code.to_lowercase() })).await;
    let identity = &found.ok()["personIdentityByFiscalCode"];
    assert_eq!(identity["id"], person);
    assert_eq!(identity["familyName"], "Marchetti");
    // Identity only: the record itself stays closed to the PUA.
    pua.gql(
        "query($id: ID!) { person(id: $id) { id } }",
        json!({ "id": person }),
    )
    .await
    .expect_code("FORBIDDEN");
    let unknown = pua.gql(lookup, json!({ "cf": "RSSMRA80A01H501U" })).await;
    assert!(unknown.ok()["personIdentityByFiscalCode"].is_null());
    let malformed = pua.gql(lookup, json!({ "cf": "XYZ" })).await;
    malformed.expect_code("VALIDATION");
    assert_eq!(malformed.field(), Some("fiscalCode"));
    service
        .operator
        .gql(lookup, json!({ "cf": code }))
        .await
        .expect_code("FORBIDDEN");
    let audited = app
        .count("SELECT COUNT(*) FROM audit_events WHERE action = 'PERSON_IDENTITY_LOOKUP'")
        .await;
    assert_eq!(audited, 1);
}

async fn sending_a_person_to_a_team_twice_at_once_makes_one_referral(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let pua = Desk::open(&app, "PUA").await;
    let uvm_team = uvm(&app, &pua).await;
    let refer = |person: &str| {
        pua.operator.gql(
            REFER,
            json!({ "input": { "personId": person, "teamId": uvm_team, "source": "SERVICE", "reason": "Valutazione multidimensionale", "urgency": "ORDINARY" } }),
        )
    };
    for round in 0..10u32 {
        let person = app
            .person(
                &pua.operator,
                person_input(&pua.team_id, "Gatti", "Irma", (1930, 6, round + 1), "F"),
            )
            .await;
        let (first, second) = tokio::join!(refer(&person), async {
            tokio::time::sleep(std::time::Duration::from_micros(300 * u64::from(round))).await;
            refer(&person).await
        });
        let read = pua
            .operator
            .gql(
                "query($id: ID!) { person(id: $id) { referrals { status team { id } } } }",
                json!({ "id": person }),
            )
            .await;
        let to_uvm = read.ok()["person"]["referrals"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["team"]["id"] == uvm_team.as_str())
            .count();
        assert_eq!(to_uvm, 1, "round {round}: {} / {}", first.body, second.body);
        let codes = [first.code(), second.code()];
        assert!(
            codes.contains(&None) && codes.contains(&Some("CONFLICT")),
            "round {round}: {codes:?}"
        );
    }
}
