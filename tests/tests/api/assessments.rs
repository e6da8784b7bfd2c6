use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{person_input, Desk};
use ponte_tests::{on_both_databases, TestApp, TestDb};

on_both_databases!(
    the_server_scores_the_instruments_and_refuses_impossible_answers,
    the_instruments_are_published_for_the_forms,
    the_spmsq_definition_carries_the_education_adjustment_the_server_scores_with,
    a_signed_assessment_is_immutable_and_an_amendment_keeps_the_original,
    participants_professions_are_frozen_on_the_day,
    the_persons_history_shows_latest_versions_and_score_series,
    only_a_participant_signs_and_only_the_assessing_team_logs,
    assessing_makes_the_team_responsible_for_the_person,
    indicators_on_a_known_data_set_give_the_known_numbers,
    an_assessment_links_to_the_persons_project_and_discharge,
    assessments_and_score_series_of_a_page_of_persons_take_the_same_statements_for_more_persons,
    an_spmsq_result_keeps_the_raw_error_count_beside_the_adjusted_score,
    a_uvm_signs_only_a_joint_assessment_and_keeps_each_participants_organization,
    the_drafts_waiting_for_a_signature_are_listed_to_their_participants_only,
);

pub const RECORD: &str = "mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id version date needLevel signedAt results { instrument score band { code label } answers { item value } } participants { profession user { id } } socialDomains { domain level } } }";
const SIGN: &str = "mutation($input: SignAssessmentInput!) { signAssessment(input: $input) { id signedAt signedBy { id } } }";
const AMEND: &str = "mutation($input: AmendAssessmentInput!) { amendAssessment(input: $input) { id amended amendmentReason amends { id } results { score } } }";
const UPDATE: &str = "mutation($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { id version results { score } } }";
const READ: &str = "query($id: ID!) { assessment(id: $id) { id version date setting reason needLevel recommendedSetting notes signedAt amended isLatest results { instrument score band { code } answers { item value } education } participants { profession user { id } } socialDomains { domain level note } amendments { id } } }";

const BARTHEL_ITEMS: [&str; 10] = [
    "FEEDING",
    "BATHING",
    "GROOMING",
    "DRESSING",
    "BOWELS",
    "BLADDER",
    "TOILET_USE",
    "TRANSFERS",
    "MOBILITY",
    "STAIRS",
];

/// Barthel answers in item order.
pub fn barthel(values: [i32; 10]) -> Value {
    json!({
        "instrument": "BARTHEL",
        "answers": BARTHEL_ITEMS.iter().zip(values).map(|(item, value)| json!({ "item": item, "value": value })).collect::<Vec<_>>()
    })
}

fn spmsq(errors: usize, education: &str) -> Value {
    let items = [
        "DATE",
        "WEEKDAY",
        "PLACE",
        "PHONE_OR_ADDRESS",
        "AGE",
        "BIRTH_DATE",
        "PRESIDENT",
        "PREVIOUS_PRESIDENT",
        "MOTHER_MAIDEN_NAME",
        "SUBTRACTION",
    ];
    json!({
        "instrument": "SPMSQ",
        "education": education,
        "answers": items.iter().enumerate().map(|(i, item)| json!({ "item": item, "value": if i < errors { 1 } else { 0 } })).collect::<Vec<_>>()
    })
}

fn iadl(levels: [i32; 8]) -> Value {
    let items = [
        "TELEPHONE",
        "SHOPPING",
        "FOOD_PREPARATION",
        "HOUSEKEEPING",
        "LAUNDRY",
        "TRANSPORTATION",
        "MEDICATIONS",
        "FINANCES",
    ];
    json!({
        "instrument": "IADL_LAWTON",
        "answers": items.iter().zip(levels).map(|(item, value)| json!({ "item": item, "value": value })).collect::<Vec<_>>()
    })
}

/// A UVM with its operator (an assistente sociale) and a nurse, and a
/// person the UVM is responsible for.
pub struct Uvm {
    pub desk: Desk,
    pub person: String,
    pub nurse_id: String,
}

impl Uvm {
    pub async fn open(app: &TestApp) -> Uvm {
        let desk = Desk::open(app, "UVM").await;
        let person = desk.person("Guerini", "Adele", (1935, 2, 14), "F").await;
        let nurse_id = app.nurse_in(&desk.admin, &desk.team_id).await;
        Uvm {
            desk,
            person,
            nurse_id,
        }
    }

    /// The input with the nurse beside the social worker: a joint
    /// assessment, as a UVM must sign.
    pub fn joint_input(&self, date: &str, instruments: Vec<Value>) -> Value {
        let mut input = self.input(date, instruments);
        input["input"]["participantIds"] = json!([self.desk.operator_id, self.nurse_id]);
        input
    }

    pub fn input(&self, date: &str, instruments: Vec<Value>) -> Value {
        json!({ "input": {
            "personId": self.person, "teamId": self.desk.team_id, "date": date,
            "setting": "DOMICILIO", "reason": "FIRST_ASSESSMENT",
            "participantIds": [self.desk.operator_id],
            "instruments": instruments,
            "socialDomains": [{ "domain": "CAREGIVER_NETWORK", "level": 2, "note": "Figlia presente due giorni a settimana" }],
            "needLevel": "HIGH", "recommendedSetting": "HOME_WITH_ADI", "notes": "Valutazione a domicilio"
        } })
    }

    pub async fn record(&self, date: &str, instruments: Vec<Value>) -> Value {
        let response = self
            .desk
            .operator
            .gql(RECORD, self.input(date, instruments))
            .await;
        response.ok()["recordAssessment"].clone()
    }
}

async fn the_server_scores_the_instruments_and_refuses_impossible_answers(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    let recorded = uvm
        .record(
            "2026-11-02",
            vec![
                barthel([5, 0, 0, 5, 10, 5, 5, 10, 10, 0]),
                iadl([1, 2, 2, 5, 1, 4, 1, 2]),
                spmsq(4, "PRIMARY"),
            ],
        )
        .await;
    let results = recorded["results"].as_array().unwrap();
    let find = |code: &str| {
        results
            .iter()
            .find(|r| r["instrument"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(find("BARTHEL")["score"], 50);
    assert_eq!(find("BARTHEL")["band"]["code"], "SEVERE");
    assert_eq!(find("IADL_LAWTON")["score"], 4);
    // Four errors, one forgiven for primary schooling: three, mild impairment.
    assert_eq!(find("SPMSQ")["score"], 3);
    assert_eq!(find("SPMSQ")["band"]["code"], "MILD");
    assert_eq!(
        recorded["participants"],
        json!([{ "profession": "ASSISTENTE_SOCIALE", "user": { "id": uvm.desk.operator_id } }])
    );
    assert!(recorded["signedAt"].is_null());

    // Band boundaries through the API: 60 is severe, 65 moderate.
    let sixty = uvm
        .record(
            "2026-11-03",
            vec![barthel([10, 5, 5, 10, 10, 10, 5, 5, 0, 0])],
        )
        .await;
    assert_eq!(sixty["results"][0]["score"], 60);
    assert_eq!(sixty["results"][0]["band"]["code"], "SEVERE");
    let sixty_five = uvm
        .record(
            "2026-11-03",
            vec![barthel([10, 5, 5, 10, 10, 10, 5, 10, 0, 0])],
        )
        .await;
    assert_eq!(sixty_five["results"][0]["band"]["code"], "MODERATE");

    // A score sent by the client is not even part of the input.
    let mut with_score = uvm.input("2026-11-03", vec![barthel([10; 10])]);
    with_score["input"]["instruments"][0]["score"] = json!(100);
    let refused = uvm.desk.operator.gql(RECORD, with_score).await;
    assert!(refused.code().is_some(), "{}", refused.body);

    let before = app.count("SELECT COUNT(*) FROM assessments").await;
    for (instruments, field) in [
        (
            vec![barthel([7, 0, 0, 5, 10, 5, 5, 10, 10, 0])],
            "instruments[0].answers",
        ),
        (
            vec![barthel([5, 5, 0, 5, 10, 5, 5, 10, 10, 0]), barthel([5; 10])],
            "instruments[1].instrument",
        ),
        (
            vec![
                spmsq(2, "PRIMARY"),
                json!({ "instrument": "SPMSQ", "answers": [] }),
            ],
            "instruments[1].instrument",
        ),
        (
            vec![
                json!({ "instrument": "BARTHEL", "answers": [{ "item": "FEEDING", "value": 5 }] }),
            ],
            "instruments[0].answers",
        ),
        (
            vec![json!({ "instrument": "SPMSQ", "answers": spmsq(1, "PRIMARY")["answers"] })],
            "instruments[0].answers",
        ),
    ] {
        let response = uvm
            .desk
            .operator
            .gql(RECORD, uvm.input("2026-11-03", instruments))
            .await;
        response.expect_code("VALIDATION");
        assert_eq!(response.field(), Some(field), "{}", response.body);
        assert!(!response.message().is_empty());
    }
    let mut bad_domain = uvm.input("2026-11-03", vec![]);
    bad_domain["input"]["socialDomains"][0]["level"] = json!(4);
    let response = uvm.desk.operator.gql(RECORD, bad_domain).await;
    assert_eq!(response.field(), Some("socialDomains[0].level"));
    let future = uvm
        .desk
        .operator
        .gql(RECORD, uvm.input("2999-01-01", vec![]))
        .await;
    assert_eq!(future.field(), Some("date"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM assessments").await,
        before,
        "nothing written"
    );
}

async fn the_instruments_are_published_for_the_forms(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    let response = uvm
        .desk
        .operator
        .gql("{ instruments { code name minScore maxScore usesEducation items { code label options { value label points } } bands { code label min max } } }", json!({}))
        .await;
    let list = response.ok()["instruments"].as_array().unwrap().clone();
    let codes: Vec<&str> = list.iter().map(|i| i["code"].as_str().unwrap()).collect();
    assert_eq!(codes, vec!["BARTHEL", "IADL_LAWTON", "SPMSQ"]);
    let barthel = &list[0];
    assert_eq!(barthel["maxScore"], 100);
    assert_eq!(barthel["items"].as_array().unwrap().len(), 10);
    assert_eq!(barthel["items"][7]["code"], "TRANSFERS");
    assert_eq!(barthel["items"][7]["options"].as_array().unwrap().len(), 4);
    assert_eq!(list[2]["usesEducation"], true);
    app.client()
        .gql("{ instruments { code } }", json!({}))
        .await
        .expect_code("UNAUTHENTICATED");
}

async fn the_spmsq_definition_carries_the_education_adjustment_the_server_scores_with(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    let response = uvm
        .desk
        .operator
        .gql(
            "{ instruments { code educationAdjustments { education scoreChange } } }",
            json!({}),
        )
        .await;
    let list = response.ok()["instruments"].as_array().unwrap().clone();
    let adjustments = |code: &str| {
        list.iter().find(|i| i["code"] == code).unwrap()["educationAdjustments"].clone()
    };
    assert_eq!(
        adjustments("SPMSQ"),
        json!([
            { "education": "PRIMARY", "scoreChange": -1 },
            { "education": "SECONDARY", "scoreChange": 0 },
            { "education": "BEYOND_SECONDARY", "scoreChange": 1 }
        ])
    );
    assert_eq!(adjustments("BARTHEL"), json!([]));
    assert_eq!(adjustments("IADL_LAWTON"), json!([]));

    // Four errors, as the published adjustment reads them for each level.
    for (education, score) in [("PRIMARY", 3), ("SECONDARY", 4), ("BEYOND_SECONDARY", 5)] {
        let recorded = uvm.record("2026-11-02", vec![spmsq(4, education)]).await;
        assert_eq!(recorded["results"][0]["score"], score, "{education}");
    }
}

async fn a_signed_assessment_is_immutable_and_an_amendment_keeps_the_original(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    let recorded = uvm
        .record(
            "2026-10-01",
            vec![barthel([5, 0, 0, 5, 10, 5, 5, 10, 10, 0])],
        )
        .await;
    let id = recorded["id"].clone();
    // A draft may still change (here: the nurse joins, as a UVM signs only
    // a joint assessment).
    let mut content = uvm.joint_input(
        "2026-10-01",
        vec![barthel([10, 0, 0, 5, 10, 5, 5, 10, 10, 0])],
    )["input"]
        .clone();
    content.as_object_mut().unwrap().remove("personId");
    content.as_object_mut().unwrap().remove("teamId");
    let mut update = content.clone();
    update["assessmentId"] = id.clone();
    update["expectedVersion"] = json!(1);
    let updated = uvm
        .desk
        .operator
        .gql(UPDATE, json!({ "input": update }))
        .await;
    assert_eq!(updated.ok()["updateAssessment"]["results"][0]["score"], 55);

    let signed = uvm
        .desk
        .operator
        .gql(SIGN, json!({ "input": { "assessmentId": id } }))
        .await;
    assert_eq!(
        signed.ok()["signAssessment"]["signedBy"]["id"],
        uvm.desk.operator_id
    );
    let before = uvm.desk.operator.gql(READ, json!({ "id": id })).await.ok()["assessment"].clone();
    let stored_before = original_rows(&app).await;
    assert_eq!(stored_before[0].len(), 1);
    assert_eq!(stored_before[2].len(), 2, "two participants");

    update["expectedVersion"] = json!(3);
    let refused = uvm
        .desk
        .operator
        .gql(UPDATE, json!({ "input": update }))
        .await;
    refused.expect_code("VALIDATION");
    assert!(
        refused.message().contains("rettifica"),
        "{}",
        refused.message()
    );
    uvm.desk
        .operator
        .gql(SIGN, json!({ "input": { "assessmentId": id } }))
        .await
        .expect_code("VALIDATION");

    let mut amend = content.clone();
    amend["assessmentId"] = id.clone();
    amend["amendmentReason"] = json!("Corretto il punteggio della deambulazione");
    amend["instruments"] = json!([barthel([10, 0, 0, 5, 10, 5, 5, 10, 15, 0])]);
    let amendment = uvm
        .desk
        .operator
        .gql(AMEND, json!({ "input": amend.clone() }))
        .await;
    let amendment = amendment.ok()["amendAssessment"].clone();
    assert_eq!(amendment["amended"], true);
    assert_eq!(amendment["amends"]["id"], id);
    assert_eq!(amendment["results"][0]["score"], 60);

    let mut after =
        uvm.desk.operator.gql(READ, json!({ "id": id })).await.ok()["assessment"].clone();
    assert_eq!(after["isLatest"], false);
    assert_eq!(after["amendments"][0]["id"], amendment["id"]);
    // Apart from the links to later versions, the original reads exactly as before.
    for field in ["isLatest", "amendments"] {
        after.as_object_mut().unwrap().remove(field);
    }
    let mut before = before;
    for field in ["isLatest", "amendments"] {
        before.as_object_mut().unwrap().remove(field);
    }
    assert_eq!(before, after);
    assert_eq!(
        original_rows(&app).await,
        stored_before,
        "the original rows are untouched, byte for byte"
    );

    // The same version cannot be amended twice; the amendment can.
    uvm.desk
        .operator
        .gql(AMEND, json!({ "input": amend.clone() }))
        .await
        .expect_code("CONFLICT");
    amend["assessmentId"] = amendment["id"].clone();
    uvm.desk
        .operator
        .gql(AMEND, json!({ "input": amend }))
        .await
        .ok();
}

/// The stored rows of the unamended original, to compare them exactly.
async fn original_rows(app: &TestApp) -> Vec<Vec<Value>> {
    let mut all = Vec::new();
    for sql in [
        "SELECT * FROM assessments WHERE amends_id IS NULL",
        "SELECT * FROM assessment_results WHERE assessment_id IN (SELECT id FROM assessments WHERE amends_id IS NULL) ORDER BY instrument",
        "SELECT * FROM assessment_participants WHERE assessment_id IN (SELECT id FROM assessments WHERE amends_id IS NULL) ORDER BY user_id",
        "SELECT * FROM assessment_social_domains WHERE assessment_id IN (SELECT id FROM assessments WHERE amends_id IS NULL) ORDER BY domain",
    ] {
        all.push(app.rows(sql).await);
    }
    all
}

async fn participants_professions_are_frozen_on_the_day(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    let recorded = uvm.record("2026-09-09", vec![]).await;
    let version = uvm
        .desk
        .admin
        .gql(
            "query($s: String) { users(search: $s) { nodes { version } } }",
            json!({ "s": "op" }),
        )
        .await;
    let version = version.ok()["users"]["nodes"][0]["version"].clone();
    uvm.desk
        .admin
        .gql(
            "mutation($input: UpdateUserInput!) { updateUser(input: $input) { profession } }",
            json!({ "input": { "userId": uvm.desk.operator_id, "expectedVersion": version, "profession": "PSICOLOGO" } }),
        )
        .await
        .ok();
    let read = uvm
        .desk
        .operator
        .gql(READ, json!({ "id": recorded["id"] }))
        .await;
    assert_eq!(
        read.ok()["assessment"]["participants"][0]["profession"],
        "ASSISTENTE_SOCIALE"
    );
    let later = uvm.record("2026-09-10", vec![]).await;
    assert_eq!(later["participants"][0]["profession"], "PSICOLOGO");
}

async fn the_persons_history_shows_latest_versions_and_score_series(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    let first = uvm
        .desk
        .operator
        .gql(
            RECORD,
            uvm.joint_input("2026-01-10", vec![barthel([5, 0, 0, 5, 5, 5, 5, 5, 5, 0])]),
        )
        .await;
    let first = first.ok()["recordAssessment"].clone();
    uvm.record(
        "2026-06-10",
        vec![barthel([10, 5, 5, 10, 10, 10, 10, 10, 10, 5])],
    )
    .await;
    uvm.desk
        .operator
        .gql(SIGN, json!({ "input": { "assessmentId": first["id"] } }))
        .await
        .ok();
    let mut amend = uvm.joint_input("2026-01-10", vec![barthel([5, 0, 0, 5, 5, 5, 5, 10, 5, 0])])
        ["input"]
        .clone();
    amend.as_object_mut().unwrap().remove("personId");
    amend.as_object_mut().unwrap().remove("teamId");
    amend["assessmentId"] = first["id"].clone();
    amend["amendmentReason"] = json!("Trasferimenti rivalutati");
    uvm.desk
        .operator
        .gql(AMEND, json!({ "input": amend }))
        .await
        .ok();

    let history = uvm
        .desk
        .operator
        .gql(
            "query($id: ID!) { person(id: $id) { assessments { totalCount nodes { date amended } } scoreSeries(instrument: BARTHEL) { date score band } } }",
            json!({ "id": uvm.person }),
        )
        .await;
    let person = history.ok()["person"].clone();
    assert_eq!(
        person["assessments"]["totalCount"], 2,
        "one line per assessment, its latest version"
    );
    assert_eq!(person["assessments"]["nodes"][0]["date"], "2026-06-10");
    assert_eq!(person["assessments"]["nodes"][1]["amended"], true);
    let series = person["scoreSeries"].as_array().unwrap();
    assert_eq!(series.len(), 2);
    assert_eq!(series[0]["date"], "2026-01-10");
    assert_eq!(series[0]["score"], 40, "the amended score");
    assert_eq!(series[1]["score"], 85);
    assert_eq!(series[1]["band"], "MODERATE");
}

async fn only_a_participant_signs_and_only_the_assessing_team_logs(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    let (colleague, colleague_id) = app.operator("collega@asst.test").await;
    app.add_member(&uvm.desk.admin, &uvm.desk.team_id, &colleague_id, "MEMBER")
        .await;
    let recorded = uvm.record("2026-05-05", vec![]).await;
    colleague
        .gql(SIGN, json!({ "input": { "assessmentId": recorded["id"] } }))
        .await
        .expect_code("FORBIDDEN");
    // A PUA is not an assessing team.
    let pua = app
        .team(&uvm.desk.admin, "PUA", "PUA", &uvm.desk.organization_id)
        .await;
    app.add_member(&uvm.desk.admin, &pua, &uvm.desk.operator_id, "MEMBER")
        .await;
    let mut input = uvm.input("2026-05-05", vec![]);
    input["input"]["teamId"] = json!(pua);
    let refused = uvm.desk.operator.gql(RECORD, input).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("teamId"));
}

async fn assessing_makes_the_team_responsible_for_the_person(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    let (geriatra, geriatra_id) = app.operator("geriatra@asst.test").await;
    app.add_member(&uvm.desk.admin, &uvm.desk.team_id, &geriatra_id, "MEMBER")
        .await;
    uvm.record("2026-04-04", vec![]).await;
    // Close the only referral: the assessment alone keeps the UVM responsible.
    let referral = uvm
        .desk
        .operator
        .gql(
            "query($id: ID!) { person(id: $id) { referrals { id } } }",
            json!({ "id": uvm.person }),
        )
        .await;
    let referral_id = referral.ok()["person"]["referrals"][0]["id"].clone();
    uvm.desk
        .operator
        .gql(
            "mutation($input: CloseReferralInput!) { closeReferral(input: $input) { id } }",
            json!({ "input": { "referralId": referral_id, "outcome": "Valutato" } }),
        )
        .await
        .ok();
    geriatra
        .gql(
            "query($id: ID!) { person(id: $id) { familyName } }",
            json!({ "id": uvm.person }),
        )
        .await
        .ok();
}

async fn indicators_on_a_known_data_set_give_the_known_numbers(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    // Two assessments with the assistente sociale, one without; one joint
    // (with the nurse beside her).
    let nurse_id = uvm.nurse_id.clone();
    let second = app
        .person(
            &uvm.desk.operator,
            person_input(&uvm.desk.team_id, "Cretti", "Ugo", (1940, 7, 7), "M"),
        )
        .await;
    uvm.record("2026-03-01", vec![]).await;
    let mut with_both = uvm.input("2026-03-15", vec![]);
    with_both["input"]["participantIds"] = json!([uvm.desk.operator_id, nurse_id]);
    with_both["input"]["needLevel"] = json!("MEDIUM");
    uvm.desk.operator.gql(RECORD, with_both).await.ok();
    let mut nurse_only = uvm.input("2026-03-20", vec![]);
    nurse_only["input"]["personId"] = json!(second);
    nurse_only["input"]["participantIds"] = json!([nurse_id]);
    uvm.desk.operator.gql(RECORD, nurse_only).await.ok();
    // Outside the range.
    uvm.record("2026-05-01", vec![]).await;

    let query = "query($team: ID) { assessmentIndicators(from: \"2026-03-01\", to: \"2026-03-31\", teamId: $team) { assessments withSocialWorker socialWorkerShare jointAssessments personsAssessed byNeedLevel { name count } professions { name count } } }";
    let numbers = uvm
        .desk
        .operator
        .gql(query, json!({ "team": uvm.desk.team_id }))
        .await;
    let numbers = numbers.ok()["assessmentIndicators"].clone();
    assert_eq!(numbers["assessments"], 3);
    assert_eq!(numbers["withSocialWorker"], 2);
    assert!((numbers["socialWorkerShare"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(numbers["jointAssessments"], 1);
    assert_eq!(numbers["personsAssessed"], 2);
    assert_eq!(
        numbers["byNeedLevel"],
        json!([{ "name": "HIGH", "count": 2 }, { "name": "MEDIUM", "count": 1 }])
    );
    assert_eq!(
        numbers["professions"],
        json!([{ "name": "ASSISTENTE_SOCIALE", "count": 2 }, { "name": "INFERMIERE", "count": 2 }])
    );
    let admin_view = uvm.desk.admin.gql(query, json!({})).await;
    assert_eq!(admin_view.ok()["assessmentIndicators"]["assessments"], 3);
    let (outsider, _) = app.operator("fuori@asst.test").await;
    outsider
        .gql(query, json!({ "team": uvm.desk.team_id }))
        .await
        .expect_code("FORBIDDEN");
}

async fn an_assessment_links_to_the_persons_project_and_discharge(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    let op = &uvm.desk.operator;
    let project = op
        .gql(
            "mutation($input: OpenProjectInput!) { openProject(input: $input) { id } }",
            json!({ "input": { "personId": uvm.person, "kind": "PAI", "teamId": uvm.desk.team_id, "caseManagerId": uvm.desk.operator_id, "title": "PAI", "startDate": "2026-10-01" } }),
        )
        .await;
    let project = project.ok()["openProject"]["id"].clone();
    let hospital = app
        .organization(&uvm.desk.admin, "Ospedale di Esine", "OSPEDALE")
        .await;
    let discharge = op
        .gql(
            "mutation($input: ReportDischargeInput!) { reportDischarge(input: $input) { id } }",
            json!({ "input": { "personId": uvm.person, "hospitalId": hospital, "ward": "Medicina", "admittedOn": "2026-11-01", "expectedDischargeOn": "2026-12-30", "teamId": uvm.desk.team_id } }),
        )
        .await;
    let discharge = discharge.ok()["reportDischarge"]["id"].clone();
    let mut input = uvm.input("2026-11-05", vec![]);
    input["input"]["projectId"] = project.clone();
    input["input"]["dischargeId"] = discharge.clone();
    input["input"]["reason"] = json!("PROTECTED_DISCHARGE");
    let linked = op
        .gql("mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { projectId dischargeId } }", input)
        .await;
    assert_eq!(linked.ok()["recordAssessment"]["projectId"], project);
    assert_eq!(linked.ok()["recordAssessment"]["dischargeId"], discharge);

    let other = app
        .person(
            op,
            person_input(&uvm.desk.team_id, "Altri", "Piero", (1944, 4, 4), "M"),
        )
        .await;
    let mut wrong = uvm.input("2026-11-05", vec![]);
    wrong["input"]["personId"] = json!(other);
    wrong["input"]["projectId"] = project;
    let refused = op.gql(RECORD, wrong).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("projectId"));
}

async fn assessments_and_score_series_of_a_page_of_persons_take_the_same_statements_for_more_persons(
    db: TestDb,
) {
    let app = TestApp::spawn_counting(db).await;
    let uvm = Uvm::open(&app).await;
    let query = "{ persons(first: 20) { nodes { id assessments { totalCount nodes { id date amended results { score } } } scoreSeries(instrument: BARTHEL) { date score band } } } }";
    // `Uvm::open` made the first person, not assessed.
    let mut made = 1;
    let mut counts = Vec::new();
    for persons in [2usize, 20] {
        while made < persons {
            assessed_person(&app, &uvm, made).await;
            made += 1;
        }
        let before = app.statements();
        let response = uvm.desk.operator.gql(query, json!({})).await;
        let nodes = response.ok()["persons"]["nodes"]
            .as_array()
            .unwrap()
            .clone();
        counts.push(app.statements() - before);
        assert_eq!(nodes.len(), persons);
        let assessed = nodes
            .iter()
            .filter(|p| {
                p["assessments"]["totalCount"] == 2
                    && p["assessments"]["nodes"][0]["results"][0]["score"] == 85
                    && p["scoreSeries"][0]["score"] == 35
                    && p["scoreSeries"][1]["score"] == 85
            })
            .count();
        assert_eq!(
            assessed,
            persons - 1,
            "all but the UVM's first person: {nodes:?}"
        );
    }
    println!("SQL statements for 2 and 20 persons with assessments and score series: {counts:?}");
    // One service call per person would add 18 statements or more per field
    // between the two pages; a batch window split by a loaded machine, or the
    // outbox worker polling meanwhile, adds a few.
    assert!(
        counts[1] < counts[0] + 18,
        "the statement count grows with the persons: {counts:?}"
    );
}

/// One more person in the UVM's care, assessed twice (Barthel 35, then 85).
async fn assessed_person(app: &TestApp, uvm: &Uvm, n: usize) {
    let mut input = person_input(&uvm.desk.team_id, "Guerini", "Adele", (1935, 2, 14), "F");
    input["givenName"] = json!(format!("Adele {n}"));
    input["fiscalCode"] = Value::Null;
    input["fiscalCodeMissingReason"] = json!("NOT_ASSIGNED");
    let person = app.person(&uvm.desk.operator, input).await;
    for (date, answers) in [
        ("2026-01-10", [5, 0, 0, 5, 5, 5, 5, 5, 5, 0]),
        ("2026-06-10", [10, 5, 5, 10, 10, 10, 10, 10, 10, 5]),
    ] {
        let mut assessed = uvm.input(date, vec![barthel(answers)]);
        assessed["input"]["personId"] = json!(person);
        uvm.desk.operator.gql(RECORD, assessed).await.ok();
    }
}

async fn an_spmsq_result_keeps_the_raw_error_count_beside_the_adjusted_score(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    let recorded = uvm
        .record(
            "2026-11-02",
            vec![
                barthel([10, 5, 5, 10, 10, 10, 10, 15, 15, 10]),
                spmsq(3, "PRIMARY"),
            ],
        )
        .await;
    let read = uvm
        .desk
        .operator
        .gql(
            "query($id: ID!) { assessment(id: $id) { results { instrument score rawErrors band { code } } } }",
            json!({ "id": recorded["id"] }),
        )
        .await;
    // Three errors with primary schooling read as two: the count observed
    // stays beside the reading.
    let results = read.ok()["assessment"]["results"]
        .as_array()
        .unwrap()
        .clone();
    let find = |code: &str| {
        results
            .iter()
            .find(|r| r["instrument"] == code)
            .cloned()
            .unwrap()
    };
    assert_eq!(
        find("SPMSQ"),
        json!({ "instrument": "SPMSQ", "score": 2, "rawErrors": 3, "band": { "code": "INTACT" } })
    );
    assert_eq!(
        find("BARTHEL"),
        json!({ "instrument": "BARTHEL", "score": 100, "rawErrors": null, "band": { "code": "INDEPENDENT" } })
    );
    let stored = app
        .rows("SELECT instrument, score, raw_errors FROM assessment_results ORDER BY instrument")
        .await;
    assert_eq!(
        stored,
        [
            json!({ "instrument": "BARTHEL", "score": 100, "raw_errors": null }),
            json!({ "instrument": "SPMSQ", "score": 2, "raw_errors": 3 }),
        ]
    );

    // A result stored before the count was kept reads as unknown, never as
    // a count recomputed today.
    app.execute("UPDATE assessment_results SET raw_errors = NULL")
        .await;
    let before = uvm
        .desk
        .operator
        .gql(
            "query($id: ID!) { assessment(id: $id) { results { instrument rawErrors } } }",
            json!({ "id": recorded["id"] }),
        )
        .await;
    let before = before.ok()["assessment"]["results"]
        .as_array()
        .unwrap()
        .clone();
    assert!(
        before.contains(&json!({ "instrument": "SPMSQ", "rawErrors": null })),
        "{before:?}"
    );
}

const JOINT_REFUSAL: &str = "Una valutazione UVM richiede almeno un assistente sociale e almeno un medico o infermiere tra i partecipanti";

async fn a_uvm_signs_only_a_joint_assessment_and_keeps_each_participants_organization(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    let op = &uvm.desk.operator;
    // The social worker of a Comune and the nurse of the ASST.
    let comune = app
        .organization(&uvm.desk.admin, "Comune di Breno", "COMUNE")
        .await;
    app.db_set_organization(&uvm.desk.operator_id, Some(&comune))
        .await;
    app.db_set_organization(&uvm.nurse_id, Some(&uvm.desk.organization_id))
        .await;
    const READ_JOINT: &str = "query($id: ID!) { assessment(id: $id) { joint signedAt participants { profession user { id } organization { id name } } } }";

    // A draft may lack the health side; signing it may not.
    let draft = uvm.record("2026-11-02", vec![]).await;
    let refused = op
        .gql(SIGN, json!({ "input": { "assessmentId": draft["id"] } }))
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("participantIds"));
    assert_eq!(
        refused.message(),
        format!("{JOINT_REFUSAL}: manca un medico o infermiere")
    );
    let read = op.gql(READ_JOINT, json!({ "id": draft["id"] })).await;
    assert_eq!(read.ok()["assessment"]["joint"], false);
    assert!(read.ok()["assessment"]["signedAt"].is_null());

    // Both sides: signed, joint, each participant with their organization.
    let joint = op.gql(RECORD, uvm.joint_input("2026-11-03", vec![])).await;
    let joint = joint.ok()["recordAssessment"]["id"].clone();
    op.gql(SIGN, json!({ "input": { "assessmentId": joint } }))
        .await
        .ok();
    // Organizations are frozen with the profession: a later move does not
    // rewrite who assessed for which service.
    app.db_set_organization(&uvm.nurse_id, None).await;
    let read = op.gql(READ_JOINT, json!({ "id": joint })).await;
    let read = read.ok()["assessment"].clone();
    assert_eq!(read["joint"], true);
    assert!(!read["signedAt"].is_null());
    let participants = read["participants"].as_array().unwrap();
    let of = |user: &str| {
        participants
            .iter()
            .find(|p| p["user"]["id"] == user)
            .unwrap()
            .clone()
    };
    assert_eq!(
        of(&uvm.desk.operator_id)["organization"]["name"],
        "Comune di Breno"
    );
    assert_eq!(
        of(&uvm.desk.operator_id)["profession"],
        "ASSISTENTE_SOCIALE"
    );
    assert_eq!(
        of(&uvm.nurse_id)["organization"]["name"],
        "ASST della Valcamonica"
    );
    assert_eq!(of(&uvm.nurse_id)["profession"], "INFERMIERE");

    // An amendment is signed as it is recorded: it must be joint already
    // (here the nurse alone lacks the social side).
    let mut amend = uvm.input("2026-11-03", vec![])["input"].clone();
    amend.as_object_mut().unwrap().remove("personId");
    amend.as_object_mut().unwrap().remove("teamId");
    amend["assessmentId"] = joint.clone();
    amend["amendmentReason"] = json!("Rete familiare rivalutata");
    amend["participantIds"] = json!([uvm.nurse_id]);
    let refused = op.gql(AMEND, json!({ "input": amend.clone() })).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("participantIds"));
    assert_eq!(
        refused.message(),
        format!("{JOINT_REFUSAL}: manca un assistente sociale")
    );
    amend["participantIds"] = json!([uvm.desk.operator_id, uvm.nurse_id]);
    op.gql(AMEND, json!({ "input": amend })).await.ok();

    // An équipe multidisciplinare is not a UVM: its social worker signs alone.
    let eemm = app
        .team(
            &uvm.desk.admin,
            "EEMM",
            "EQUIPE_MULTIDISCIPLINARE",
            &uvm.desk.organization_id,
        )
        .await;
    app.add_member(&uvm.desk.admin, &eemm, &uvm.desk.operator_id, "MEMBER")
        .await;
    let mut alone = uvm.input("2026-11-04", vec![]);
    alone["input"]["teamId"] = json!(eemm);
    let alone = op.gql(RECORD, alone).await;
    let alone = alone.ok()["recordAssessment"]["id"].clone();
    let signed = op
        .gql(SIGN, json!({ "input": { "assessmentId": alone } }))
        .await;
    assert!(!signed.ok()["signAssessment"]["signedAt"].is_null());
}

const LIST: &str = "query($status: AssessmentStatus, $mine: Boolean!, $after: String, $first: Int) { assessments(status: $status, mine: $mine, first: $first, after: $after) { totalCount nodes { id signedAt person { id } } pageInfo { hasNextPage endCursor } } }";

/// The ids a list of assessments answered, in its order.
fn listed(answer: &Value) -> Vec<String> {
    answer["assessments"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn the_drafts_waiting_for_a_signature_are_listed_to_their_participants_only(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let uvm = Uvm::open(&app).await;
    let admin = &uvm.desk.admin;
    let operator = &uvm.desk.operator;
    let (colleague, colleague_id) = app.operator("collega@asst.test").await;
    app.add_member(admin, &uvm.desk.team_id, &colleague_id, "MEMBER")
        .await;
    let id_of = |answer: &Value| {
        answer["recordAssessment"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };

    // Waiting for the operator (and the nurse): joint, not signed yet.
    let mine = operator
        .gql(RECORD, uvm.joint_input("2026-11-02", vec![]))
        .await;
    let mine = id_of(mine.ok());
    // Waiting for the colleague only: the operator logged it, took no part.
    let mut input = uvm.input("2026-11-03", vec![]);
    input["input"]["participantIds"] = json!([colleague_id]);
    let colleagues = id_of(operator.gql(RECORD, input).await.ok());
    // Signed, then amended: only the amendment is current.
    let signed = id_of(
        operator
            .gql(RECORD, uvm.joint_input("2026-11-01", vec![]))
            .await
            .ok(),
    );
    operator
        .gql(SIGN, json!({ "input": { "assessmentId": signed } }))
        .await
        .ok();
    let mut amend = uvm.joint_input("2026-11-01", vec![]);
    amend["input"]["assessmentId"] = json!(signed);
    amend["input"]["amendmentReason"] = json!("Data corretta");
    amend["input"]
        .as_object_mut()
        .unwrap()
        .retain(|k, _| k != "personId" && k != "teamId");
    let amendment = operator.gql(AMEND, amend).await;
    let amendment = amendment.ok()["amendAssessment"]["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let list = |client: &ponte_tests::Client, status: Value, mine: bool| {
        let client = client.clone();
        async move {
            client
                .gql(LIST, json!({ "status": status, "mine": mine }))
                .await
        }
    };
    let waiting = list(operator, json!("DRAFT"), true).await;
    assert_eq!(listed(waiting.ok()), vec![mine.clone()]);
    assert_eq!(
        waiting.ok()["assessments"]["nodes"][0]["person"]["id"],
        json!(uvm.person)
    );
    assert_eq!(
        listed(list(&colleague, json!("DRAFT"), true).await.ok()),
        vec![colleagues.clone()]
    );
    // Newest first; every current version, drafts and signed.
    assert_eq!(
        listed(list(operator, json!("DRAFT"), false).await.ok()),
        vec![colleagues.clone(), mine.clone()]
    );
    assert_eq!(
        listed(list(operator, json!("SIGNED"), false).await.ok()),
        vec![amendment.clone()]
    );
    let all = list(operator, Value::Null, false).await;
    assert_eq!(
        listed(all.ok()),
        vec![colleagues.clone(), mine.clone(), amendment.clone()]
    );

    // Page by page, the same order.
    let first = operator
        .gql(LIST, json!({ "mine": false, "first": 2 }))
        .await;
    assert_eq!(listed(first.ok()), vec![colleagues.clone(), mine.clone()]);
    assert_eq!(first.ok()["assessments"]["totalCount"], 3);
    let after = first.ok()["assessments"]["pageInfo"]["endCursor"].clone();
    let second = operator
        .gql(LIST, json!({ "mine": false, "first": 2, "after": after }))
        .await;
    assert_eq!(listed(second.ok()), vec![amendment.clone()]);
    assert_eq!(second.ok()["assessments"]["pageInfo"]["hasNextPage"], false);

    // Every row shown is in the audit trail, as for the other case lists.
    let listed_events = "SELECT COUNT(*) FROM audit_events WHERE action = 'ASSESSMENT_LISTED'";
    let before = app.count(listed_events).await;
    list(operator, Value::Null, false).await.ok();
    assert_eq!(app.count(listed_events).await, before + 3);

    // Another team's operator and the hospital's ward see none of them.
    let other_team = app
        .team(admin, "UVM Darfo", "UVM", &uvm.desk.organization_id)
        .await;
    let (other, other_id) = app.operator("altra@asst.test").await;
    app.add_member(admin, &other_team, &other_id, "MEMBER")
        .await;
    let hospital = app
        .organization(admin, "Ospedale di Esine", "OSPEDALE")
        .await;
    let (ward, _) = app.operator_of("reparto@ospedale.test", &hospital).await;
    for (who, client) in [("another team", &other), ("the ward", &ward)] {
        let answer = list(client, Value::Null, false).await;
        assert_eq!(answer.ok()["assessments"]["totalCount"], 0, "{who}");
    }
    // A former member no longer finds the draft that waited for them.
    app.remove_member(admin, &uvm.desk.team_id, &colleague_id)
        .await;
    let gone = list(&colleague, json!("DRAFT"), true).await;
    assert_eq!(gone.ok()["assessments"]["totalCount"], 0);
    // Administrators and auditors read no case list.
    let (auditor, _) = signed_in_as(
        &app,
        "auditor@asst.test",
        ponte_server::domain::vocabulary::Role::Auditor,
    )
    .await;
    for (who, client) in [("admin", admin), ("auditor", &auditor)] {
        let answer = list(client, json!("DRAFT"), true).await;
        assert_eq!(answer.code(), Some("FORBIDDEN"), "{who}: {}", answer.body);
    }
}

async fn signed_in_as(
    app: &TestApp,
    email: &str,
    role: ponte_server::domain::vocabulary::Role,
) -> (ponte_tests::Client, String) {
    let id = app.make_user(email, role, None).await;
    let client = app.client();
    client.login_ok(email, ponte_tests::PASSWORD).await;
    (client, id)
}
