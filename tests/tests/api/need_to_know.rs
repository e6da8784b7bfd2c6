//! Need-to-know on every path, tried as the attacks that found the holes:
//! a stranger's discharge report, the ward's deep query, the case manager
//! who left the team. The schema-generated matrix is in `field_matrix.rs`.

use std::collections::BTreeSet;

use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{fiscal_code_of, person_input, DischargeRoute};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

on_both_databases!(
    reporting_a_strangers_codice_fiscale_opens_nothing,
    the_ward_cannot_reach_the_assessment_or_the_person_through_its_discharge,
    a_plan_rests_only_on_a_signed_assessment_of_the_same_person,
    a_case_manager_who_leaves_the_team_loses_the_person_and_its_emails,
    a_closed_referral_in_the_team_list_no_longer_opens_the_person,
);

const REPORT: &str = "mutation($input: ReportDischargeInput!) { reportDischarge(input: $input) { id patient { fiscalCode givenName familyName birthDate } person { id familyName } plan { assessment { id } } } }";

/// One person's case as practitioners build it, and everyone who must not
/// see it: another team's operator with a person of their own, a former
/// member, a former case manager, the ward that reported the discharge, an
/// administrator and an auditor.
pub struct Case {
    pub admin: Client,
    pub auditor: Client,
    /// A REPORTER whose territory is the ASST of every team of the case.
    pub reporter: Client,
    pub member: Client,
    pub member_id: String,
    pub former: Client,
    pub former_manager: Client,
    pub ward: Client,
    pub other: Client,
    pub hospital: String,
    pub pua: String,
    pub uvm: String,
    pub other_team: String,
    pub person: String,
    pub fiscal_code: String,
    pub assessment: String,
    pub amendment: String,
    pub project: String,
    pub discharge: String,
    /// An earlier stay, discharged home with services: it continues `project`.
    pub discharged: String,
    pub referrals: Vec<String>,
    /// The other team's own person.
    pub other_person: String,
    /// An agreement of the ASST with the hospital, and a meeting of the PUA
    /// that implements it: the registers lead to teams, and teams to cases.
    pub agreement: String,
    pub meeting: String,
    /// One attached to the person, the project, the assessment, the
    /// discharge and the (not confidential) diary entry.
    pub documents: Vec<String>,
    /// The UVM's nurse, responsible for the person like the member but
    /// neither the author of the diary's entries nor the case manager.
    pub colleague: Client,
    /// A diary entry linked to the project, a referral, the assessment and
    /// the discharge; and a confidential one the colleague must not see.
    pub diary_entry: String,
    pub confidential_entry: String,
    /// A document on the confidential entry: the colleague must not see it
    /// either.
    pub confidential_document: String,
}

pub async fn gql_ok(client: &Client, query: &str, vars: Value) -> Value {
    client.gql(query, vars).await.ok().clone()
}

fn assessment_input(person: &str, team: &str, participant: &str, date: &str) -> Value {
    json!({
        "personId": person, "teamId": team, "participantIds": [participant], "date": date,
        "setting": "DOMICILIO", "reason": "FIRST_ASSESSMENT", "needLevel": "HIGH",
        "recommendedSetting": "HOME_WITH_ADI"
    })
}

/// Teresa Bassi's stays, as the ward reports them to the PUA.
struct Stay<'a> {
    ward: &'a Client,
    fiscal_code: &'a str,
    hospital: &'a str,
    pua: &'a str,
}

impl Stay<'_> {
    async fn report(&self, ward: &str, admitted_on: &str, expected_on: &str) -> String {
        let reported = self
            .ward
            .gql(
                REPORT,
                json!({ "input": {
                    "patient": { "fiscalCode": self.fiscal_code, "givenName": "Teresa", "familyName": "Bassi", "birthDate": "1939-10-10", "sex": "F" },
                    "hospitalId": self.hospital, "ward": ward, "admittedOn": admitted_on,
                    "expectedDischargeOn": expected_on, "teamId": self.pua
                } }),
            )
            .await;
        reported.ok()["reportDischarge"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }
}

impl Case {
    pub async fn open(app: &TestApp) -> Case {
        let route = DischargeRoute::open(app).await;
        let uvm = app
            .team(&route.admin, "UVM Breno", "UVM", &route.asst)
            .await;
        let other_team = app
            .team(&route.admin, "UVM Darfo", "UVM", &route.asst)
            .await;
        let (member, member_id) = app.operator("member@asst.test").await;
        let (former, former_id) = app.operator("former@asst.test").await;
        let (former_manager, former_manager_id) = app.operator("ex.cm@asst.test").await;
        let (other, other_id) = app.operator("other@asst.test").await;
        let (auditor, _) = app.signed_in("dpo@asst.test", Role::Auditor).await;
        let (reporter, _) = app
            .reporter_of(&route.admin, "ufficio.piano@asst.test", &route.asst)
            .await;
        // The UVM's nurse: a UVM signs only joint assessments.
        let nurse_id = app.make_user("nurse@asst.test", Role::Operator, None).await;
        app.db_set_profession(&nurse_id, "INFERMIERE").await;
        let joint = |mut input: Value| {
            input["participantIds"] = json!([member_id, nurse_id]);
            input
        };
        for (team, user) in [
            (&route.pua, &member_id),
            (&uvm, &member_id),
            (&uvm, &nurse_id),
            (&route.pua, &former_id),
            (&route.pua, &former_manager_id),
            (&other_team, &other_id),
        ] {
            app.add_member(&route.admin, team, user, "MEMBER").await;
        }

        let other_person = app
            .person(
                &other,
                person_input(&other_team, "Rizzi", "Carla", (1945, 4, 4), "F"),
            )
            .await;
        let identity = person_input(&route.pua, "Bassi", "Teresa", (1939, 10, 10), "F");
        let fiscal_code = fiscal_code_of(&identity);
        let person = app.person(&member, identity).await;

        // The PUA refers her to the UVM, which takes her in and assesses her.
        let referred = gql_ok(
            &member,
            "mutation($input: ReferPersonInput!) { referPerson(input: $input) { id } }",
            json!({ "input": { "personId": person, "teamId": uvm, "source": "SERVICE", "reason": "Valutazione multidimensionale" } }),
        )
        .await;
        gql_ok(
            &member,
            "mutation($id: ID!) { acceptReferral(input: { referralId: $id }) { id } }",
            json!({ "id": referred["referPerson"]["id"] }),
        )
        .await;
        let recorded = gql_ok(
            &member,
            "mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }",
            json!({ "input": joint(assessment_input(&person, &uvm, &member_id, "2026-10-01")) }),
        )
        .await;
        let assessment = recorded["recordAssessment"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        gql_ok(
            &member,
            "mutation($id: ID!) { signAssessment(input: { assessmentId: $id }) { id } }",
            json!({ "id": assessment }),
        )
        .await;
        let mut amend = joint(assessment_input(&person, &uvm, &member_id, "2026-10-02"));
        amend["assessmentId"] = json!(assessment);
        amend["amendmentReason"] = json!("Data della visita corretta");
        amend.as_object_mut().unwrap().remove("personId");
        amend.as_object_mut().unwrap().remove("teamId");
        let amended = gql_ok(
            &member,
            "mutation($input: AmendAssessmentInput!) { amendAssessment(input: $input) { id } }",
            json!({ "input": amend }),
        )
        .await;
        let amendment = amended["amendAssessment"]["id"]
            .as_str()
            .unwrap()
            .to_owned();

        // The PUA runs her project; its first case manager leaves later.
        let opened = gql_ok(
            &member,
            "mutation($input: OpenProjectInput!) { openProject(input: $input) { id } }",
            json!({ "input": { "personId": person, "kind": "PAI", "teamId": route.pua, "caseManagerId": former_manager_id, "title": "PAI", "startDate": "2026-10-05" } }),
        )
        .await;
        let project = opened["openProject"]["id"].as_str().unwrap().to_owned();

        // The ward reports her discharge; the PUA agrees the plan on the assessment.
        let stay = Stay {
            ward: &route.ward,
            fiscal_code: &fiscal_code,
            hospital: &route.hospital,
            pua: &route.pua,
        };
        let discharge = stay.report("Geriatria", "2026-11-01", "2026-12-20").await;
        gql_ok(
            &member,
            "mutation($input: UpdateDischargeInput!) { updateDischarge(input: $input) { id } }",
            json!({ "input": { "dischargeId": discharge, "expectedVersion": 1, "assessmentScheduledOn": "2026-11-20" } }),
        )
        .await;
        gql_ok(
            &member,
            "mutation($input: AgreeDischargePlanInput!) { agreeDischargePlan(input: $input) { id } }",
            json!({ "input": { "dischargeId": discharge, "expectedVersion": 2, "destination": "HOME_WITH_SERVICES", "services": "SAD", "assessmentId": assessment } }),
        )
        .await;

        // The case manager hands over and leaves; another member leaves too.
        gql_ok(
            &member,
            "mutation($input: ChangeCaseManagerInput!) { changeCaseManager(input: $input) { id } }",
            json!({ "input": { "projectId": project, "expectedVersion": 1, "caseManagerId": member_id } }),
        )
        .await;
        app.remove_member(&route.admin, &route.pua, &former_manager_id)
            .await;
        app.remove_member(&route.admin, &route.pua, &former_id)
            .await;

        // An earlier stay: discharged home with services, it continues her PAI.
        let discharged = stay.report("Ortopedia", "2026-10-10", "2026-10-20").await;
        gql_ok(
            &member,
            "mutation($input: MarkDischargeableInput!) { markDischargeable(input: $input) { id } }",
            json!({ "input": { "dischargeId": discharged, "expectedVersion": 1, "date": "2026-10-18" } }),
        )
        .await;
        gql_ok(
            &member,
            "mutation($input: AgreeDischargePlanInput!) { agreeDischargePlan(input: $input) { id } }",
            json!({ "input": { "dischargeId": discharged, "expectedVersion": 2, "destination": "HOME_WITH_SAD", "needs": ["SAD"], "assessmentId": assessment } }),
        )
        .await;
        let completed = gql_ok(
            &member,
            "mutation($input: CompleteDischargeInput!) { completeDischarge(input: $input) { project { id } } }",
            json!({ "input": { "dischargeId": discharged, "expectedVersion": 3, "dischargedOn": "2026-10-20", "destination": "HOME_WITH_SAD" } }),
        )
        .await;
        assert_eq!(
            completed["completeDischarge"]["project"]["id"],
            json!(project),
            "the discharge continues her open PAI"
        );

        let referrals: Vec<String> = gql_ok(
            &member,
            "query($id: ID!) { person(id: $id) { referrals { id } } }",
            json!({ "id": person }),
        )
        .await["person"]["referrals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_owned())
            .collect();

        let agreement = gql_ok(
            &route.admin,
            "mutation($input: NetworkAgreementInput!) { createNetworkAgreement(input: $input) { id } }",
            json!({ "input": { "kind": "PROTOCOLLO_D_INTESA", "title": "Protocollo dimissioni", "parties": [
                { "organizationId": route.asst, "role": "PROMOTER" },
                { "organizationId": route.hospital, "role": "SIGNATORY" },
            ] } }),
        )
        .await["createNetworkAgreement"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let meeting = gql_ok(
            &member,
            "mutation($input: MeetingInput!) { planMeeting(input: $input) { id } }",
            json!({ "input": { "kind": "EQUIPE", "title": "Équipe del PUA", "plannedOn": "2026-12-01", "teamId": route.pua, "agreementId": agreement } }),
        )
        .await["planMeeting"]["id"]
            .as_str()
            .unwrap()
            .to_owned();

        // A document on the person and on each of her project, assessment
        // and discharge: the lists of documents are case data too.
        let mut documents = Vec::new();
        for (kind, id) in [
            ("PERSON", &person),
            ("PROJECT", &project),
            ("ASSESSMENT", &assessment),
            ("DISCHARGE", &discharge),
        ] {
            documents.push(crate::documents::attach(&member, kind, id).await);
        }
        let colleague = app.client();
        colleague
            .login_ok("nurse@asst.test", ponte_tests::PASSWORD)
            .await;
        let occurred_at = (app.clock.now() - chrono::Duration::hours(1)).to_rfc3339();
        let follow_up_on = (app.clock.today() + chrono::Days::new(7)).to_string();
        let write = |links: Value, confidential: bool| {
            let mut input = links;
            input["personId"] = json!(person);
            // A follow-up in a week: the agenda leads to the entry too.
            input["entry"] = json!({ "kind": "COLLOQUIO", "occurredAt": occurred_at, "text": "Colloquio", "confidential": confidential, "followUpOn": follow_up_on });
            json!({ "input": input })
        };
        let written = |answer: Value| answer["writeDiaryEntry"]["id"].as_str().unwrap().to_owned();
        const WRITE_DIARY: &str =
            "mutation($input: WriteDiaryEntryInput!) { writeDiaryEntry(input: $input) { id } }";
        let diary_entry = written(
            gql_ok(
                &member,
                WRITE_DIARY,
                write(
                    json!({ "projectId": project, "referralId": referrals[0], "assessmentId": assessment, "dischargeId": discharge }),
                    false,
                ),
            )
            .await,
        );
        let confidential_entry = written(
            gql_ok(
                &member,
                WRITE_DIARY,
                write(json!({ "projectId": project }), true),
            )
            .await,
        );

        // The diary's entries carry files too: the confidential one's
        // follow it.
        documents.push(crate::documents::attach(&member, "DIARY_ENTRY", &diary_entry).await);
        let confidential_document =
            crate::documents::attach(&member, "DIARY_ENTRY", &confidential_entry).await;

        Case {
            colleague,
            diary_entry,
            confidential_entry,
            confidential_document,
            admin: route.admin,
            auditor,
            reporter,
            member,
            member_id,
            former,
            former_manager,
            ward: route.ward,
            other,
            hospital: route.hospital,
            pua: route.pua,
            uvm,
            other_team,
            person,
            fiscal_code,
            assessment,
            amendment,
            project,
            discharge,
            discharged,
            referrals,
            other_person,
            agreement,
            meeting,
            documents,
        }
    }

    /// The ids of every case object of the person.
    pub fn case_ids(&self) -> BTreeSet<String> {
        let mut ids: BTreeSet<String> = [
            &self.person,
            &self.assessment,
            &self.amendment,
            &self.project,
            &self.discharge,
            &self.discharged,
            &self.diary_entry,
            &self.confidential_entry,
            &self.confidential_document,
        ]
        .into_iter()
        .cloned()
        .collect();
        ids.extend(self.referrals.iter().cloned());
        ids.extend(self.documents.iter().cloned());
        ids
    }
}

/// Every string under an `id` key, anywhere in an answer.
pub fn ids_in(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                if key == "id" {
                    if let Some(id) = inner.as_str() {
                        found.insert(id.to_owned());
                    }
                }
                ids_in(inner, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| ids_in(v, found)),
        _ => {}
    }
}

async fn reporting_a_strangers_codice_fiscale_opens_nothing(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let report = |team: &str, hospital: &str, given: &str, family: &str| {
        json!({ "input": {
            "patient": { "fiscalCode": case.fiscal_code, "givenName": given, "familyName": family, "birthDate": "1950-01-01", "sex": "M" },
            "hospitalId": hospital, "ward": "Medicina", "admittedOn": "2026-11-01",
            "expectedDischargeOn": "2026-12-20", "teamId": team
        } })
    };
    // Another team's operator, naming any hospital, to their own UVM: the
    // codice fiscale is someone they may not see, so nothing is linked.
    let refused = case
        .other
        .gql(
            REPORT,
            report(&case.other_team, &case.hospital, "Mario", "Rossi"),
        )
        .await;
    refused.expect_code("CONFLICT");
    assert!(
        !refused.body.to_string().contains("Bassi"),
        "{}",
        refused.body
    );
    // …nor to a team they are not in.
    case.other
        .gql(REPORT, report(&case.pua, &case.hospital, "Mario", "Rossi"))
        .await
        .expect_code("FORBIDDEN");
    // A hospital user reports it: linked, and shown only what they typed.
    let reported = case
        .ward
        .gql(REPORT, report(&case.pua, &case.hospital, "Mario", "Rossi"))
        .await;
    let answer = reported.ok()["reportDischarge"].clone();
    assert_eq!(answer["patient"]["familyName"], "Rossi");
    assert_eq!(answer["patient"]["birthDate"], "1950-01-01");
    assert!(answer["person"].is_null());
    let text = reported.body.to_string();
    assert!(
        !text.contains("Bassi") && !text.contains("Teresa") && !text.contains(&case.person),
        "the stored identity leaked: {text}"
    );
    // An organization that is not a hospital cannot be named.
    let asst = case
        .admin
        .gql("{ organizations(kind: ASST) { nodes { id } } }", json!({}))
        .await;
    let asst = asst.ok()["organizations"]["nodes"][0]["id"].clone();
    let not_a_hospital = case
        .ward
        .gql(
            REPORT,
            report(&case.pua, asst.as_str().unwrap(), "Mario", "Rossi"),
        )
        .await;
    not_a_hospital.expect_code("VALIDATION");
    assert_eq!(not_a_hospital.field(), Some("hospitalId"));
    // The other team still cannot read her.
    case.other
        .gql(
            "query($id: ID!) { person(id: $id) { id } }",
            json!({ "id": case.person }),
        )
        .await
        .expect_code("FORBIDDEN");
    // The receiving PUA's member may record a phoned-in report of her.
    let on_behalf = case
        .member
        .gql(REPORT, report(&case.pua, &case.hospital, "Teresa", "Bassi"))
        .await;
    assert_eq!(
        on_behalf.ok()["reportDischarge"]["person"]["id"],
        json!(case.person)
    );
}

async fn the_ward_cannot_reach_the_assessment_or_the_person_through_its_discharge(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let deep = "query($id: ID!) { discharge(id: $id) { id status person { id } plan { destination assessment { id notes person { id familyName assessments { nodes { id } } projects { id } } } } } }";
    let seen = case.ward.gql(deep, json!({ "id": case.discharge })).await;
    let discharge = seen.ok()["discharge"].clone();
    assert_eq!(discharge["status"], "PLAN_AGREED");
    assert_eq!(discharge["plan"]["destination"], "HOME_WITH_SERVICES");
    assert!(discharge["person"].is_null());
    assert!(discharge["plan"]["assessment"].is_null());
    let mut ids = BTreeSet::new();
    ids_in(&seen.body, &mut ids);
    assert_eq!(ids, BTreeSet::from([case.discharge.clone()]));
    case.ward
        .gql(
            "query($id: ID!) { assessment(id: $id) { id } }",
            json!({ "id": case.assessment }),
        )
        .await
        .expect_code("FORBIDDEN");
    // The team sees all of it.
    let team = case.member.gql(deep, json!({ "id": case.discharge })).await;
    assert_eq!(
        team.ok()["discharge"]["plan"]["assessment"]["person"]["id"],
        json!(case.person)
    );
}

async fn a_plan_rests_only_on_a_signed_assessment_of_the_same_person(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let agree =
        "mutation($input: AgreeDischargePlanInput!) { agreeDischargePlan(input: $input) { id } }";
    // A second stay, reported by the ward and scheduled by the team.
    let second = case
        .ward
        .gql(
            REPORT,
            json!({ "input": {
                "patient": { "fiscalCode": case.fiscal_code, "givenName": "Teresa", "familyName": "Bassi", "birthDate": "1939-10-10", "sex": "F" },
                "hospitalId": case.hospital, "ward": "Geriatria", "admittedOn": "2026-11-20",
                "expectedDischargeOn": "2026-12-28", "teamId": case.pua
            } }),
        )
        .await;
    let discharge = second.ok()["reportDischarge"]["id"].clone();
    gql_ok(
        &case.member,
        "mutation($input: UpdateDischargeInput!) { updateDischarge(input: $input) { id } }",
        json!({ "input": { "dischargeId": discharge, "expectedVersion": 1, "assessmentScheduledOn": "2026-11-22" } }),
    )
    .await;
    let version = 2;
    // A new assessment not yet signed is a draft.
    let unsigned = gql_ok(
        &case.member,
        "mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }",
        json!({ "input": assessment_input(&case.person, &case.uvm, &case.member_id, "2026-11-21") }),
    )
    .await["recordAssessment"]["id"]
        .clone();
    let draft = case
        .member
        .gql(agree, json!({ "input": { "dischargeId": discharge, "expectedVersion": version, "destination": "RSA", "assessmentId": unsigned } }))
        .await;
    draft.expect_code("VALIDATION");
    assert_eq!(draft.field(), Some("assessmentId"));
    assert!(draft.message().contains("firmata"), "{}", draft.body);
    // Another person's assessment, by another team.
    let (other_uvm_member, other_uvm_member_id) = app.operator("uvm.darfo@asst.test").await;
    app.add_member(
        &case.admin,
        &case.other_team,
        &other_uvm_member_id,
        "MEMBER",
    )
    .await;
    let theirs = gql_ok(
        &other_uvm_member,
        "mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }",
        json!({ "input": assessment_input(&case.other_person, &case.other_team, &other_uvm_member_id, "2026-10-01") }),
    )
    .await["recordAssessment"]["id"]
        .clone();
    let foreign = case
        .member
        .gql(agree, json!({ "input": { "dischargeId": discharge, "expectedVersion": version, "destination": "RSA", "assessmentId": theirs } }))
        .await;
    foreign.expect_code("VALIDATION");
    assert_eq!(foreign.field(), Some("assessmentId"));
    // Nothing changed.
    let after = gql_ok(
        &case.member,
        "query($id: ID!) { discharge(id: $id) { version status plan { destination } } }",
        json!({ "id": discharge }),
    )
    .await;
    assert_eq!(after["discharge"]["version"], version);
    assert_eq!(after["discharge"]["status"], "ASSESSMENT_SCHEDULED");
    assert!(after["discharge"]["plan"].is_null());
    // The signed one is accepted.
    gql_ok(
        &case.member,
        agree,
        json!({ "input": { "dischargeId": discharge, "expectedVersion": version, "destination": "RSA", "assessmentId": case.assessment } }),
    )
    .await;
}

async fn a_case_manager_who_leaves_the_team_loses_the_person_and_its_emails(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let (manager, manager_id) = app.operator("cm@asst.test").await;
    app.add_member(&case.admin, &case.pua, &manager_id, "MEMBER")
        .await;
    let opened = gql_ok(
        &case.member,
        "mutation($input: OpenProjectInput!) { openProject(input: $input) { id } }",
        json!({ "input": { "personId": case.person, "kind": "PROGETTO_DI_VITA", "teamId": case.pua, "caseManagerId": manager_id, "title": "Progetto di vita", "startDate": "2026-03-02" } }),
    )
    .await;
    let project = opened["openProject"]["id"].as_str().unwrap().to_owned();

    // Removing a case manager is refused, naming the project but not the person.
    let remove =
        "mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { id } }";
    let refused = case
        .admin
        .gql(
            remove,
            json!({ "input": { "teamId": case.pua, "userId": manager_id } }),
        )
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("userId"));
    let reasons = refused.errors()[0]["extensions"]["reasons"].clone();
    assert_eq!(
        reasons,
        json!([format!(
            "È case manager di un progetto di vita avviato il 02/03/2026 (rif. {}): indica un altro case manager dell'équipe prima di toglierlo",
            &project[project.len() - 8..]
        )])
    );
    assert!(!refused.body.to_string().contains("Bassi"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM team_memberships WHERE ended_on IS NULL AND user_id = (SELECT id FROM users WHERE email = 'cm@asst.test')")
            .await,
        1,
        "the membership did not end"
    );
    // A member of another team cannot be made case manager.
    let outsider_id = app.make_user("fuori@asst.test", Role::Operator, None).await;
    let change = "mutation($input: ChangeCaseManagerInput!) { changeCaseManager(input: $input) { version caseManager { id } history { kind } } }";
    let wrong = case
        .member
        .gql(change, json!({ "input": { "projectId": project, "expectedVersion": 1, "caseManagerId": outsider_id } }))
        .await;
    wrong.expect_code("VALIDATION");
    assert_eq!(wrong.field(), Some("caseManagerId"));
    let handed = case
        .member
        .gql(change, json!({ "input": { "projectId": project, "expectedVersion": 1, "caseManagerId": case.member_id } }))
        .await;
    let handed = handed.ok()["changeCaseManager"].clone();
    assert_eq!(handed["caseManager"]["id"], json!(case.member_id));
    assert_eq!(handed["version"], 2);
    assert!(handed["history"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "CASE_MANAGER_CHANGED"));
    case.admin
        .gql(
            remove,
            json!({ "input": { "teamId": case.pua, "userId": manager_id } }),
        )
        .await
        .ok();

    // The former case manager of the first project (who handed it over and
    // left) and this one both lose the person and the projects.
    for (client, who) in [(&manager, "cm"), (&case.former_manager, "ex.cm")] {
        for (query, id) in [
            ("query($id: ID!) { person(id: $id) { id } }", &case.person),
            ("query($id: ID!) { project(id: $id) { id } }", &case.project),
            ("query($id: ID!) { project(id: $id) { id } }", &project),
        ] {
            let answer = client.gql(query, json!({ "id": id })).await;
            assert_eq!(answer.code(), Some("FORBIDDEN"), "{who}: {}", answer.body);
        }
        let mine = client
            .gql("{ projects(mine: true) { totalCount } }", json!({}))
            .await;
        assert_eq!(mine.ok()["projects"]["totalCount"], 0, "{who}");
    }

    // A case manager whose membership ended behind the API's back (data from
    // before this rule) is neither allowed in nor told about the discharge.
    let (legacy, legacy_id) = app.operator("legacy@asst.test").await;
    app.add_member(&case.admin, &case.pua, &legacy_id, "MEMBER")
        .await;
    let legacy_project = gql_ok(
        &case.member,
        "mutation($input: OpenProjectInput!) { openProject(input: $input) { id } }",
        json!({ "input": { "personId": case.person, "kind": "PTRI", "teamId": case.pua, "caseManagerId": legacy_id, "title": "PTRI", "startDate": "2026-04-01" } }),
    )
    .await["openProject"]["id"]
        .clone();
    app.execute(
        "UPDATE team_memberships SET ended_on = '2026-11-01' \
         WHERE user_id = (SELECT id FROM users WHERE email = 'legacy@asst.test')",
    )
    .await;
    legacy
        .gql(
            "query($id: ID!) { project(id: $id) { id } }",
            json!({ "id": legacy_project }),
        )
        .await
        .expect_code("FORBIDDEN");
    let version = gql_ok(
        &case.member,
        "query($id: ID!) { discharge(id: $id) { version } }",
        json!({ "id": case.discharge }),
    )
    .await["discharge"]["version"]
        .clone();
    // The ward moves the date: the team's member is told (nobody is told of
    // their own act), the former and the legacy case managers are not.
    gql_ok(
        &case.ward,
        "mutation($input: UpdateDischargeInput!) { updateDischarge(input: $input) { id } }",
        json!({ "input": { "dischargeId": case.discharge, "expectedVersion": version, "expectedDischargeOn": "2026-12-22" } }),
    )
    .await;
    let told = |email: &str| {
        format!(
            "SELECT COUNT(*) FROM notifications WHERE kind = 'DISCHARGE_DATE_CHANGED' AND user_id = (SELECT id FROM users WHERE email = '{email}')"
        )
    };
    assert_eq!(app.count(&told("member@asst.test")).await, 1);
    assert_eq!(app.count(&told("legacy@asst.test")).await, 0);
    assert_eq!(app.count(&told("ex.cm@asst.test")).await, 0);
}

async fn a_closed_referral_in_the_team_list_no_longer_opens_the_person(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let asst = app.organization(&admin, "ASST", "ASST").await;
    let pua = app.team(&admin, "PUA", "PUA", &asst).await;
    let eemm = app
        .team(&admin, "Équipe Breno", "EQUIPE_MULTIDISCIPLINARE", &asst)
        .await;
    let (pua_member, pua_member_id) = app.operator("pua@asst.test").await;
    let (eemm_member, eemm_member_id) = app.operator("eemm@asst.test").await;
    app.add_member(&admin, &pua, &pua_member_id, "MEMBER").await;
    app.add_member(&admin, &eemm, &eemm_member_id, "MEMBER")
        .await;
    let person = app
        .person(
            &pua_member,
            person_input(&pua, "Bassi", "Teresa", (1939, 10, 10), "F"),
        )
        .await;
    let referred = gql_ok(
        &pua_member,
        "mutation($input: ReferPersonInput!) { referPerson(input: $input) { id } }",
        json!({ "input": { "personId": person, "teamId": eemm, "source": "SERVICE", "reason": "Presa in carico" } }),
    )
    .await["referPerson"]["id"]
        .clone();
    // The équipe closes the referral without taking her in: the answer
    // shows the referral, no longer the person.
    let closed = eemm_member
        .gql(
            "mutation($input: CloseReferralInput!) { closeReferral(input: $input) { id status person { id familyName } } }",
            json!({ "input": { "referralId": referred, "outcome": "Non di competenza" } }),
        )
        .await;
    let closed = closed.ok()["closeReferral"].clone();
    assert_eq!(closed["status"], "CLOSED");
    assert!(closed["person"].is_null(), "{closed}");
    eemm_member
        .gql(
            "query($id: ID!) { person(id: $id) { id } }",
            json!({ "id": person }),
        )
        .await
        .expect_code("FORBIDDEN");
}
