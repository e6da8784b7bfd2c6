//! Every operation of persons, teams, referrals and the audit trail, called
//! by every kind of caller, must give exactly the expected answer.

use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{fiscal_code_of, person_input, DischargeRoute, CREATE_PERSON};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

use crate::fhir_everything::{everything_path, session_get};
use crate::service_accounts::{machine_get, service_account};

on_both_databases!(
    each_caller_gets_exactly_the_expected_answer,
    each_caller_gets_exactly_the_expected_answer_about_assessments,
    each_caller_gets_exactly_the_expected_answer_about_projects,
    each_caller_gets_exactly_the_expected_answer_about_discharges,
    each_caller_gets_exactly_the_expected_answer_about_agreements_and_meetings,
    each_caller_gets_exactly_the_expected_answer_about_the_case_diary,
    each_caller_gets_exactly_the_expected_answer_about_service_accounts,
    each_caller_gets_exactly_the_expected_answer_about_fhir_everything,
    each_caller_gets_exactly_the_expected_answer_about_the_fhir_bundle,
);

#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    /// Answered, without error.
    Ok,
    /// Answered, but the person of the scenario is not in the answer.
    Hidden,
    Code(&'static str),
}
use Expect::{Code, Hidden, Ok};

const UNAUTH: Expect = Code("UNAUTHENTICATED");
const DENY: Expect = Code("FORBIDDEN");

/// The answers most operations give, in the order of `CALLERS`: the active
/// member of the responsible team only; anyone signed in; the admin only;
/// and a list that shows the scenario's person to the member only.
const MEMBER_ONLY: [Expect; 7] = [UNAUTH, DENY, DENY, DENY, DENY, DENY, Ok];
const SIGNED_IN: [Expect; 7] = [UNAUTH, Ok, Ok, Ok, Ok, Ok, Ok];
const ADMIN_ONLY: [Expect; 7] = [UNAUTH, DENY, DENY, DENY, DENY, Ok, DENY];
const LISTED_TO_MEMBER: [Expect; 7] = [UNAUTH, DENY, DENY, Hidden, Hidden, DENY, Ok];

/// The callers, in the order they try each operation: the one expected to
/// succeed at a write comes after those expected to fail.
const CALLERS: [&str; 7] = [
    "anonymous",
    "auditor",
    "reporter",
    "other team",
    "former member",
    "admin",
    "member",
];

struct Op<const N: usize = 7> {
    name: &'static str,
    query: &'static str,
    vars: Value,
    /// In the order of the callers.
    expect: [Expect; N],
}

/// A REPORTER whose territory is an ATS above every organization of the
/// scenario: the widest reader of indicators, who still reads no case object.
async fn reporter_of_everything(app: &TestApp, admin: &Client) -> Client {
    let ats = app.organization(admin, "ATS della Montagna", "ATS").await;
    app.reporter_of(admin, "reporter@ats.test", &ats).await.0
}

/// The callers of a scenario, but the anonymous one: the admin, an auditor,
/// a REPORTER, an active member of `team`, a member of `other_team`, and a
/// member of `team` who leaves it (`former_leaves`) once the scenario's data
/// is in.
struct Callers {
    admin: Client,
    asst: String,
    team: String,
    other_team: String,
    auditor: Client,
    reporter: Client,
    member: Client,
    member_id: String,
    other: Client,
    former: Client,
    former_id: String,
}

/// Where the callers stand: the teams are in `asst`, but for `other_team`,
/// which may be elsewhere.
struct Teams {
    asst: String,
    team: String,
    other_team: String,
}

impl Callers {
    /// The usual scenario: `team` (its name and kind) beside the UVM Darfo
    /// in the ASST, and a REPORTER of everything.
    async fn in_the_asst(app: &TestApp, team: (&str, &str)) -> Callers {
        let admin = app.admin().await;
        let asst = app.asst(&admin).await;
        let team = app.team(&admin, team.0, team.1, &asst).await;
        Callers::beside_the_uvm_darfo(app, admin, asst, team).await
    }

    /// `team` of `asst` beside the UVM Darfo, and a REPORTER of everything.
    async fn beside_the_uvm_darfo(
        app: &TestApp,
        admin: Client,
        asst: String,
        team: String,
    ) -> Callers {
        let other_team = app.team(&admin, "UVM Darfo", "UVM", &asst).await;
        let reporter = reporter_of_everything(app, &admin).await;
        let teams = Teams {
            asst,
            team,
            other_team,
        };
        Callers::join(app, admin, teams, reporter).await
    }

    async fn join(app: &TestApp, admin: Client, teams: Teams, reporter: Client) -> Callers {
        let (member, member_id) = app.operator("member@asst.test").await;
        let (other, other_id) = app.operator("other@asst.test").await;
        let (former, former_id) = app.operator("former@asst.test").await;
        let (auditor, _) = app.signed_in("auditor@asst.test", Role::Auditor).await;
        let Teams {
            asst,
            team,
            other_team,
        } = teams;
        app.add_member(&admin, &team, &member_id, "MEMBER").await;
        app.add_member(&admin, &team, &former_id, "MEMBER").await;
        app.add_member(&admin, &other_team, &other_id, "MEMBER")
            .await;
        Callers {
            admin,
            asst,
            team,
            other_team,
            auditor,
            reporter,
            member,
            member_id,
            other,
            former,
            former_id,
        }
    }

    async fn former_leaves(&self, app: &TestApp) {
        app.remove_member(&self.admin, &self.team, &self.former_id)
            .await;
    }

    /// In the order of `CALLERS`.
    fn clients<'a>(&'a self, anonymous: &'a Client) -> [&'a Client; 7] {
        [
            anonymous,
            &self.auditor,
            &self.reporter,
            &self.other,
            &self.former,
            &self.admin,
            &self.member,
        ]
    }
}

async fn each_caller_gets_exactly_the_expected_answer(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let callers = Callers::in_the_asst(&app, ("PUA Breno", "PUA")).await;
    let (member, responsible, other_team) = (&callers.member, &callers.team, &callers.other_team);
    let newcomer = app
        .make_user("newcomer@asst.test", Role::Operator, None)
        .await;

    let p_input = person_input(responsible, "Bassi", "Teresa", (1939, 10, 10), "F");
    let created = member
        .gql(
            "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id referrals { id } } }",
            json!({ "input": p_input }),
        )
        .await;
    let person = created.ok()["createPerson"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let person_referral = created.ok()["createPerson"]["referrals"][0]["id"].clone();
    let created = member
        .gql(
            "mutation($input: CreatePersonInput!) { createPerson(input: $input) { referrals { id } } }",
            json!({ "input": person_input(responsible, "Neri", "Aldo", (1945, 5, 5), "M") }),
        )
        .await;
    let second_referral = created.ok()["createPerson"]["referrals"][0]["id"].clone();
    callers.former_leaves(&app).await;
    let anonymous = app.client();
    let clients = callers.clients(&anonymous);

    let ops = vec![
        Op {
            name: "person",
            query: "query($id: ID!) { person(id: $id) { id referencePersons { id } } }",
            vars: json!({ "id": person }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "persons",
            query: "{ persons { nodes { id } } }",
            vars: json!({}),
            expect: LISTED_TO_MEMBER,
        },
        Op {
            name: "personIdentityByFiscalCode",
            query: "query($cf: String!) { personIdentityByFiscalCode(fiscalCode: $cf) { id } }",
            vars: json!({ "cf": fiscal_code_of(&p_input) }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "team",
            query: "query($id: ID!) { team(id: $id) { name members { user { email } } } }",
            vars: json!({ "id": responsible }),
            expect: SIGNED_IN,
        },
        Op {
            name: "teams",
            query: "{ teams { totalCount } }",
            vars: json!({}),
            expect: SIGNED_IN,
        },
        Op {
            name: "team.referrals",
            query: "query($id: ID!) { team(id: $id) { referrals { nodes { person { id } } } } }",
            vars: json!({ "id": responsible }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "auditTrail",
            query: "query($id: ID) { auditTrail(personId: $id) { totalCount } }",
            vars: json!({ "id": person }),
            expect: [UNAUTH, Ok, DENY, DENY, DENY, DENY, DENY],
        },
        Op {
            name: "createPerson",
            query: CREATE_PERSON,
            vars: json!({ "input": person_input(responsible, "Villa", "Ettore", (1951, 1, 21), "M") }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "updatePerson",
            query: "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { version } }",
            vars: json!({ "input": { "personId": person, "expectedVersion": 1, "phone": "0364 22222" } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "addReferencePerson",
            query: "mutation($input: AddReferencePersonInput!) { addReferencePerson(input: $input) { id } }",
            vars: json!({ "input": { "personId": person, "kind": "CAREGIVER", "fullName": "Marta Bassi" } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "recordPrivacyConsent",
            query: "mutation($input: RecordPrivacyConsentInput!) { recordPrivacyConsent(input: $input) { id } }",
            vars: json!({ "input": { "personId": person, "kind": "PRIVACY_NOTICE", "granted": true, "givenOn": "2026-11-20" } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "acceptReferral",
            query: "mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { status } }",
            vars: json!({ "input": { "referralId": person_referral } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "closeReferral",
            query: "mutation($input: CloseReferralInput!) { closeReferral(input: $input) { status } }",
            vars: json!({ "input": { "referralId": second_referral, "outcome": "Non necessario" } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "createTeam",
            query: "mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }",
            vars: json!({ "input": { "name": "EEMM Edolo", "kind": "EQUIPE_MULTIDISCIPLINARE", "organizationId": callers.asst } }),
            expect: ADMIN_ONLY,
        },
        Op {
            name: "addTeamMember",
            query: "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }",
            vars: json!({ "input": { "teamId": other_team, "userId": newcomer } }),
            expect: ADMIN_ONLY,
        },
        Op {
            name: "removeTeamMember",
            query: "mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { id } }",
            vars: json!({ "input": { "teamId": other_team, "userId": newcomer } }),
            expect: ADMIN_ONLY,
        },
        // Last: it makes the other team responsible too.
        Op {
            name: "referPerson",
            query: "mutation($input: ReferPersonInput!) { referPerson(input: $input) { id } }",
            vars: json!({ "input": { "personId": person, "teamId": other_team, "source": "SERVICE", "reason": "Valutazione UVM" } }),
            expect: MEMBER_ONLY,
        },
    ];

    let cells = check(&ops, &clients, &person).await;
    assert_eq!(cells, 119);
}

/// Sends every operation as every caller and fails listing every answer that
/// differs from the expected one. Returns the number of answers checked.
async fn check(ops: &[Op], clients: &[&Client; 7], person: &str) -> usize {
    check_as(ops, clients, &CALLERS, person).await
}

async fn check_as<const N: usize>(
    ops: &[Op<N>],
    clients: &[&Client; N],
    names: &[&str; N],
    person: &str,
) -> usize {
    let mut cells = 0;
    let mut wrong = Vec::new();
    for op in ops {
        for (i, client) in clients.iter().enumerate() {
            cells += 1;
            let response = client.gql(op.query, op.vars.clone()).await;
            let got = match response.code() {
                Some(code) => Code(known_code(code)),
                None if response.body.get("errors").is_some_and(|e| !e.is_null()) => Code("?"),
                None if op.expect[i] == Hidden || op.name == "persons" => {
                    if response.body.to_string().contains(person) {
                        Ok
                    } else {
                        Hidden
                    }
                }
                None => Ok,
            };
            if got != op.expect[i] {
                wrong.push(format!(
                    "{} by {}: expected {:?}, got {:?} ({})",
                    op.name, names[i], op.expect[i], got, response.body
                ));
            }
        }
    }
    println!(
        "access matrix: {} operations x {} callers = {cells} answers checked",
        ops.len(),
        N
    );
    assert!(
        wrong.is_empty(),
        "unexpected answers:\n{}",
        wrong.join("\n")
    );
    cells
}

async fn each_caller_gets_exactly_the_expected_answer_about_assessments(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let callers = Callers::in_the_asst(&app, ("UVM Breno", "UVM")).await;
    let (member, member_id, uvm) = (&callers.member, &callers.member_id, &callers.team);
    // The UVM's nurse: a UVM signs only joint assessments.
    let nurse_id = app.make_user("nurse@asst.test", Role::Operator, None).await;
    app.db_set_profession(&nurse_id, "INFERMIERE").await;
    app.add_member(&callers.admin, uvm, &nurse_id, "MEMBER")
        .await;
    let person = app
        .person(
            member,
            person_input(uvm, "Bassi", "Teresa", (1939, 10, 10), "F"),
        )
        .await;
    let content = json!({
        "date": "2026-11-10", "setting": "DOMICILIO", "reason": "FIRST_ASSESSMENT",
        "participantIds": [member_id, nurse_id], "needLevel": "HIGH", "recommendedSetting": "HOME_WITH_SAD",
        "instruments": [], "socialDomains": []
    });
    let record =
        "mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }";
    let mut input = content.clone();
    input["personId"] = json!(person);
    input["teamId"] = json!(uvm);
    let draft = member.gql(record, json!({ "input": input.clone() })).await;
    let draft = draft.ok()["recordAssessment"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let signed = member.gql(record, json!({ "input": input.clone() })).await;
    let signed = signed.ok()["recordAssessment"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    member
        .gql(
            "mutation($input: SignAssessmentInput!) { signAssessment(input: $input) { id } }",
            json!({ "input": { "assessmentId": signed } }),
        )
        .await
        .ok();
    callers.former_leaves(&app).await;
    let anonymous = app.client();
    let clients = callers.clients(&anonymous);
    let mut update = content.clone();
    update["assessmentId"] = json!(draft);
    update["expectedVersion"] = json!(1);
    let mut amend = content.clone();
    amend["assessmentId"] = json!(signed);
    amend["amendmentReason"] = json!("Rettifica");

    let ops = vec![
        Op {
            name: "assessment",
            query: "query($id: ID!) { assessment(id: $id) { id results { score } participants { profession } } }",
            vars: json!({ "id": draft }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "person.assessments",
            query: "query($id: ID!) { person(id: $id) { assessments { totalCount } scoreSeries(instrument: BARTHEL) { score } } }",
            vars: json!({ "id": person }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "assessments",
            query: "{ assessments(status: DRAFT, mine: true) { nodes { id person { id } } } }",
            vars: json!({}),
            expect: LISTED_TO_MEMBER,
        },
        Op {
            name: "instruments",
            query: "{ instruments { code } }",
            vars: json!({}),
            expect: SIGNED_IN,
        },
        Op {
            name: "assessmentIndicators",
            query: "query($team: ID) { assessmentIndicators(from: \"2026-01-01\", to: \"2026-12-31\", teamId: $team) { assessments } }",
            vars: json!({ "team": uvm }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok, Ok],
        },
        Op {
            name: "recordAssessment",
            query: record,
            vars: json!({ "input": input }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "updateAssessment",
            query: "mutation($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { id } }",
            vars: json!({ "input": update }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "signAssessment",
            query: "mutation($input: SignAssessmentInput!) { signAssessment(input: $input) { id } }",
            vars: json!({ "input": { "assessmentId": draft } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "amendAssessment",
            query: "mutation($input: AmendAssessmentInput!) { amendAssessment(input: $input) { id } }",
            vars: json!({ "input": amend }),
            expect: MEMBER_ONLY,
        },
    ];
    assert_eq!(check(&ops, &clients, &person).await, 63);
}

async fn each_caller_gets_exactly_the_expected_answer_about_projects(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let callers = Callers::in_the_asst(&app, ("EEMM Breno", "EQUIPE_MULTIDISCIPLINARE")).await;
    let (member, member_id, eemm) = (&callers.member, &callers.member_id, &callers.team);
    let person = app
        .person(
            member,
            person_input(eemm, "Bassi", "Teresa", (1939, 10, 10), "F"),
        )
        .await;
    let open = "mutation($input: OpenProjectInput!) { openProject(input: $input) { id } }";
    let open_input = json!({ "input": {
        "personId": person, "kind": "PAI", "teamId": eemm, "caseManagerId": member_id,
        "title": "PAI", "startDate": "2026-09-01",
        // The matrix opens several projects for one person.
        "parallelReason": "Progetti di prova in parallelo"
    } });
    let mut projects = Vec::new();
    for _ in 0..3 {
        let opened = member.gql(open, open_input.clone()).await;
        projects.push(
            opened.ok()["openProject"]["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let [work, consent_one, running] = [
        projects[0].clone(),
        projects[1].clone(),
        projects[2].clone(),
    ];
    let handed_over = member.gql(open, open_input.clone()).await.ok()["openProject"]["id"].clone();
    let colleague = app
        .make_user("colleague@asst.test", Role::Operator, None)
        .await;
    app.add_member(&callers.admin, eemm, &colleague, "MEMBER")
        .await;
    let goal = member
        .gql(
            "mutation($input: AddGoalInput!) { addGoal(input: $input) { id } }",
            json!({ "input": { "projectId": work, "lifeArea": "HOUSING", "description": "Casa" } }),
        )
        .await;
    let goal = goal.ok()["addGoal"]["id"].clone();
    let intervention = member
        .gql(
            "mutation($input: AddInterventionInput!) { addIntervention(input: $input) { id } }",
            json!({ "input": { "projectId": work, "lifeArea": "HOUSING", "serviceKind": "SAD", "frequency": "3 volte a settimana", "startDate": "2026-09-10" } }),
        )
        .await;
    let intervention = intervention.ok()["addIntervention"]["id"].clone();
    let resource_fields = json!({
        "lifeArea": "HOUSING", "kind": "ECONOMIC", "providerKind": "FAMILY", "fundingSource": "PRIVATO",
        "description": "Contributo della famiglia", "unit": "EUR", "plannedQuantity": "100.00", "periodStart": "2026-09-01"
    });
    let mut add_resource = resource_fields.clone();
    add_resource["projectId"] = json!(work);
    let line = member
        .gql(
            "mutation($input: AddBudgetResourceInput!) { addBudgetResource(input: $input) { id } }",
            json!({ "input": add_resource.clone() }),
        )
        .await;
    let line = line.ok()["addBudgetResource"]["id"].clone();
    // The third project is running, so it can be reviewed: on a signed assessment.
    let assessed = member
        .gql(
            "mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }",
            json!({ "input": { "personId": person, "teamId": eemm, "date": "2026-09-02", "setting": "SERVIZIO", "reason": "FIRST_ASSESSMENT", "participantIds": [member_id], "needLevel": "LOW", "recommendedSetting": "HOME" } }),
        )
        .await;
    member
        .gql(
            "mutation($input: SignAssessmentInput!) { signAssessment(input: $input) { id } }",
            json!({ "input": { "assessmentId": assessed.ok()["recordAssessment"]["id"] } }),
        )
        .await
        .ok();
    member
        .gql(
            "mutation($input: AddGoalInput!) { addGoal(input: $input) { id } }",
            json!({ "input": { "projectId": running, "lifeArea": "HEALTH_WELLBEING", "description": "Salute" } }),
        )
        .await
        .ok();
    member
        .gql(
            "mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }",
            // The goal moved the project's version on.
            json!({ "input": { "projectId": running, "expectedVersion": 2, "date": "2026-09-03", "method": "DIGITAL" } }),
        )
        .await
        .ok();
    for (to, version) in [("ASSESSMENT", 3), ("PLANNING", 4), ("ACTIVE", 5)] {
        member
            .gql(
                "mutation($input: TransitionProjectInput!) { transitionProject(input: $input) { id } }",
                json!({ "input": { "projectId": running, "to": to, "expectedVersion": version } }),
            )
            .await
            .ok();
    }
    // A use to reverse, on the running project: the work project's version
    // is counted above.
    let mut running_line = resource_fields.clone();
    running_line["projectId"] = json!(running);
    let running_line = member
        .gql(
            "mutation($input: AddBudgetResourceInput!) { addBudgetResource(input: $input) { id } }",
            json!({ "input": running_line }),
        )
        .await;
    let used = member
        .gql(
            "mutation($input: RecordResourceUseInput!) { recordResourceUse(input: $input) { uses { id } } }",
            json!({ "input": { "resourceId": running_line.ok()["addBudgetResource"]["id"], "date": "2026-10-01", "quantity": "10" } }),
        )
        .await;
    let used = used.ok()["recordResourceUse"]["uses"][0]["id"].clone();
    callers.former_leaves(&app).await;
    let anonymous = app.client();
    let clients = callers.clients(&anonymous);
    let mut update_resource = resource_fields.clone();
    update_resource["resourceId"] = line.clone();
    update_resource["expectedVersion"] = json!(1);

    let document = crate::documents::attach(member, "PROJECT", &work).await;
    let ops = vec![
        Op {
            name: "project",
            query: "query($id: ID!) { project(id: $id) { id goals { id } budget { totals { overall { planned } } } history { kind } } }",
            vars: json!({ "id": work }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "deleteDocument",
            query: "mutation($id: ID!) { deleteDocument(id: $id, reason: \"Caricato per errore\", expectedVersion: 1) { id deletedAt } }",
            vars: json!({ "id": document }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "projects",
            query: "{ projects { nodes { id person { id } } } }",
            vars: json!({}),
            expect: LISTED_TO_MEMBER,
        },
        Op { name: "openProject", query: open, vars: open_input.clone(), expect: MEMBER_ONLY },
        Op {
            name: "transitionProject",
            query: "mutation($input: TransitionProjectInput!) { transitionProject(input: $input) { id } }",
            // Its goal, intervention and budget line moved the project's version on.
            vars: json!({ "input": { "projectId": work, "to": "ASSESSMENT", "expectedVersion": 4 } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "changeCaseManager",
            query: "mutation($input: ChangeCaseManagerInput!) { changeCaseManager(input: $input) { id } }",
            vars: json!({ "input": { "projectId": handed_over, "expectedVersion": 1, "caseManagerId": colleague } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "recordConsent",
            query: "mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }",
            vars: json!({ "input": { "projectId": consent_one, "expectedVersion": 1, "date": "2026-09-03", "method": "SIGNED_PAPER" } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "addGoal",
            query: "mutation($input: AddGoalInput!) { addGoal(input: $input) { id } }",
            vars: json!({ "input": { "projectId": work, "lifeArea": "WORK_INCOME", "description": "Lavoro" } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "updateGoal",
            query: "mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { id } }",
            vars: json!({ "input": { "goalId": goal, "status": "ACHIEVED" } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "addIntervention",
            query: "mutation($input: AddInterventionInput!) { addIntervention(input: $input) { id } }",
            vars: json!({ "input": { "projectId": work, "lifeArea": "HOUSING", "serviceKind": "PASTI", "frequency": "ogni giorno", "startDate": "2026-09-10" } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "updateIntervention",
            query: "mutation($input: UpdateInterventionInput!) { updateIntervention(input: $input) { id } }",
            vars: json!({ "input": { "interventionId": intervention, "lifeArea": "HOUSING", "serviceKind": "SAD", "frequency": "ogni giorno", "startDate": "2026-09-10" } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "recordReview",
            query: "mutation($input: RecordReviewInput!) { recordReview(input: $input) { id } }",
            vars: json!({ "input": { "projectId": running, "date": "2026-11-01", "participantIds": [member_id], "decisions": "Proseguire" } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "addBudgetResource",
            query: "mutation($input: AddBudgetResourceInput!) { addBudgetResource(input: $input) { id } }",
            vars: json!({ "input": add_resource }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "updateBudgetResource",
            query: "mutation($input: UpdateBudgetResourceInput!) { updateBudgetResource(input: $input) { id } }",
            vars: json!({ "input": update_resource }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "recordResourceUse",
            query: "mutation($input: RecordResourceUseInput!) { recordResourceUse(input: $input) { id } }",
            vars: json!({ "input": { "resourceId": line, "date": "2026-10-01", "quantity": "10" } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "reverseResourceUse",
            query: "mutation($input: ReverseResourceUseInput!) { reverseResourceUse(input: $input) { id } }",
            vars: json!({ "input": { "useId": used, "reason": "Importo sbagliato" } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "agreeBudget",
            query: "mutation($input: AgreeBudgetInput!) { agreeBudget(input: $input) { id } }",
            vars: json!({ "input": { "projectId": work, "partyKind": "FAMILY", "partyName": "Famiglia Bassi", "agreedOn": "2026-09-05" } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "recordLifeAreaScores",
            query: "mutation($input: RecordLifeAreaScoresInput!) { recordLifeAreaScores(input: $input) { id } }",
            vars: json!({ "input": { "projectId": work, "date": "2026-09-05", "rater": "TEAM", "scores": [{ "lifeArea": "HOUSING", "score": 3 }] } }),
            expect: MEMBER_ONLY,
        },
    ];
    assert_eq!(check(&ops, &clients, &person).await, 126);
}

/// The callers of a protected discharge's scenario: the usual ones, the
/// team receiving it being the PUA, and the ward reporting it.
struct DischargeWorld {
    callers: Callers,
    hospital: String,
    ward: Client,
}

impl DischargeWorld {
    async fn open(app: &TestApp) -> DischargeWorld {
        let route = DischargeRoute::open(app).await;
        let callers = Callers::beside_the_uvm_darfo(app, route.admin, route.asst, route.pua).await;
        DischargeWorld {
            callers,
            hospital: route.hospital,
            ward: route.ward,
        }
    }
}

/// The reporting ward user is a seventh caller: their own discharge, not the record.
async fn each_caller_gets_exactly_the_expected_answer_about_discharges(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let DischargeWorld {
        callers,
        hospital,
        ward,
    } = DischargeWorld::open(&app).await;
    let (member, pua) = (&callers.member, &callers.team);
    let report = "mutation($input: ReportDischargeInput!) { reportDischarge(input: $input) { id patient { familyName } } }";
    let report_input = |family: &str, birth: (i32, u32, u32)| {
        let identity = person_input(pua, family, "Lina", birth, "F");
        json!({ "input": {
            "patient": { "fiscalCode": identity["fiscalCode"], "givenName": "Lina", "familyName": family, "birthDate": identity["birthDate"], "sex": "F" },
            "hospitalId": hospital, "ward": "Geriatria", "admittedOn": "2026-11-01", "expectedDischargeOn": "2026-12-20", "teamId": pua
        } })
    };
    let mut ids = Vec::new();
    let mut person = String::new();
    for (i, family) in ["Uno", "Due", "Tre", "Quattro", "Cinque"]
        .iter()
        .enumerate()
    {
        let created = ward
            .gql(report, report_input(family, (1930 + i as i32, 1, 1)))
            .await;
        ids.push(
            created.ok()["reportDischarge"]["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
        if i == 0 {
            let seen = member
                .gql(
                    "query($id: ID!) { discharge(id: $id) { person { id } } }",
                    json!({ "id": ids[0] }),
                )
                .await;
            person = seen.ok()["discharge"]["person"]["id"]
                .as_str()
                .unwrap()
                .to_owned();
        }
    }
    callers.former_leaves(&app).await;
    let anonymous = app.client();
    let [anonymous, auditor, reporter, other, former, admin, member] = callers.clients(&anonymous);
    let clients = [
        anonymous, auditor, reporter, other, former, admin, &ward, member,
    ];
    let names = [
        "anonymous",
        "auditor",
        "reporter",
        "other team",
        "former member",
        "admin",
        "reporting ward",
        "member",
    ];
    // The ward may do what concerns its report; the plan is the team's.
    let both = [UNAUTH, DENY, DENY, DENY, DENY, DENY, Ok, Ok];
    let team_only = [UNAUTH, DENY, DENY, DENY, DENY, DENY, DENY, Ok];
    // The agenda (issue 17) is an OPERATOR's own: every operator has one
    // (empty without teams), ADMIN, AUDITOR and REPORTER none.
    let own = [UNAUTH, DENY, DENY, Ok, Ok, DENY, Ok, Ok];
    let ops: Vec<Op<8>> = vec![
        Op {
            name: "agenda",
            query: "{ agenda(from: \"2026-12-01\", to: \"2026-12-31\", scope: MY_TEAMS) { id overdue discharge { id } person { id } } }",
            vars: json!({}),
            expect: [UNAUTH, DENY, DENY, Hidden, Hidden, DENY, Hidden, Ok],
        },
        Op {
            name: "agendaSettings",
            query: "{ agendaSettings { emailReminders calendarFeedCreatedAt } }",
            vars: json!({}),
            expect: own,
        },
        Op {
            name: "setAgendaEmailReminders",
            query: "mutation { setAgendaEmailReminders(enabled: true) { emailReminders } }",
            vars: json!({}),
            expect: own,
        },
        Op {
            name: "createCalendarFeed",
            query: "mutation { createCalendarFeed { url } }",
            vars: json!({}),
            expect: own,
        },
        Op {
            name: "revokeCalendarFeed",
            query: "mutation { revokeCalendarFeed }",
            vars: json!({}),
            expect: own,
        },
        Op {
            name: "discharge",
            query: "query($id: ID!) { discharge(id: $id) { id needs patient { familyName } } }",
            vars: json!({ "id": ids[0] }),
            expect: both,
        },
        Op {
            name: "discharge.person",
            query: "query($id: ID!) { discharge(id: $id) { person { id } } }",
            vars: json!({ "id": ids[0] }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, DENY, Hidden, Ok],
        },
        Op {
            name: "person",
            query: "query($id: ID!) { person(id: $id) { id discharges { id } } }",
            vars: json!({ "id": person }),
            expect: team_only,
        },
        Op {
            name: "discharges",
            query: "{ discharges { nodes { id person { id } plan { assessment { id } } } } }",
            vars: json!({}),
            expect: [UNAUTH, DENY, DENY, Hidden, Hidden, DENY, Hidden, Ok],
        },
        Op {
            name: "dischargeIndicators",
            query: "query($team: ID) { dischargeIndicators(from: \"2026-01-01\", to: \"2026-12-31\", teamId: $team) { discharged } }",
            vars: json!({ "team": pua }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok, DENY, Ok],
        },
        Op {
            name: "notifications",
            query: "{ notifications { totalCount } }",
            vars: json!({}),
            expect: [UNAUTH, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        },
        Op {
            name: "failedNotifications",
            query: "{ failedNotifications { totalCount } }",
            vars: json!({}),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok, DENY, DENY],
        },
        Op {
            name: "reportDischarge",
            query: report,
            vars: report_input("Sei", (1936, 6, 6)),
            // Only the hospital's staff, or the receiving PUA on its behalf.
            expect: [UNAUTH, DENY, DENY, DENY, DENY, DENY, Ok, Ok],
        },
        Op {
            name: "updateDischarge",
            query: "mutation($input: UpdateDischargeInput!) { updateDischarge(input: $input) { id } }",
            vars: json!({ "input": { "dischargeId": ids[1], "expectedVersion": 1, "notes": "Aggiornato" } }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, DENY, Ok, Code("CONFLICT")],
        },
        Op {
            name: "markDischargeable",
            query: "mutation($input: MarkDischargeableInput!) { markDischargeable(input: $input) { id } }",
            vars: json!({ "input": { "dischargeId": ids[2], "expectedVersion": 1, "date": "2026-11-15" } }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, DENY, Ok, Code("CONFLICT")],
        },
        Op {
            name: "agreeDischargePlan",
            query: "mutation($input: AgreeDischargePlanInput!) { agreeDischargePlan(input: $input) { id } }",
            vars: json!({ "input": { "dischargeId": ids[3], "expectedVersion": 1, "destination": "RSA", "services": "RSA" } }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, DENY, DENY, Code("VALIDATION")],
        },
        Op {
            name: "completeDischarge",
            query: "mutation($input: CompleteDischargeInput!) { completeDischarge(input: $input) { id } }",
            vars: json!({ "input": { "dischargeId": ids[3], "expectedVersion": 1, "dischargedOn": "2026-11-20", "destination": "RSA" } }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, DENY, Code("VALIDATION"), Code("VALIDATION")],
        },
        Op {
            name: "cancelDischarge",
            query: "mutation($input: CancelDischargeInput!) { cancelDischarge(input: $input) { id } }",
            vars: json!({ "input": { "dischargeId": ids[4], "expectedVersion": 1, "reason": "DEATH" } }),
            // The ward cancelled it first: nothing is left to cancel.
            expect: [UNAUTH, DENY, DENY, DENY, DENY, DENY, Ok, Code("VALIDATION")],
        },
    ];
    assert_eq!(check_as(&ops, &clients, &names, &person).await, 144);
}

/// The agreements and meetings registers (issue 15): read by the parties'
/// and the organizer's people, managed by ADMIN (and permitted REPORTERs),
/// a team's meetings recorded by its active members only.
async fn each_caller_gets_exactly_the_expected_answer_about_agreements_and_meetings(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let (ats, asst) = app.ats_and_its_asst(&admin).await;
    let coop = app
        .organization(&admin, "Cooperativa Il Sentiero", "ETS")
        .await;
    let lovere = app.organization(&admin, "Comune di Lovere", "COMUNE").await;
    let pua = app.team(&admin, "PUA Breno", "PUA", &asst).await;
    let other_team = app
        .team(&admin, "Servizi Lovere", "SERVIZIO", &lovere)
        .await;
    let (reporter, _) = app.reporter_of(&admin, "reporter@ats.test", &ats).await;
    let teams = Teams {
        asst,
        team: pua,
        other_team,
    };
    let callers = Callers::join(&app, admin, teams, reporter).await;
    callers.former_leaves(&app).await;
    let (admin, member, member_id, asst, pua) = (
        &callers.admin,
        &callers.member,
        &callers.member_id,
        &callers.asst,
        &callers.team,
    );

    let create =
        "mutation($input: NetworkAgreementInput!) { createNetworkAgreement(input: $input) { id } }";
    let agreement_input = |title: &str| {
        json!({ "kind": "CONVENZIONE", "title": title, "parties": [
            { "organizationId": asst, "role": "PROMOTER" },
            { "organizationId": coop, "role": "ETS_PARTNER" },
        ] })
    };
    let mut agreements = Vec::new();
    for title in ["Convenzione SAD", "Protocollo dimissioni"] {
        let created = admin
            .gql(create, json!({ "input": agreement_input(title) }))
            .await;
        agreements.push(created.ok()["createNetworkAgreement"]["id"].clone());
    }
    let plan = "mutation($input: MeetingInput!) { planMeeting(input: $input) { id } }";
    let meeting_input = |organizer: Value| {
        let mut input =
            json!({ "kind": "FORMAZIONE", "title": "Formazione", "plannedOn": "2026-12-15" });
        for (key, value) in organizer.as_object().unwrap() {
            input[key] = value.clone();
        }
        input
    };
    let mut meetings = Vec::new();
    for _ in 0..4 {
        let planned = member
            .gql(
                plan,
                json!({ "input": meeting_input(json!({ "teamId": pua })) }),
            )
            .await;
        meetings.push(planned.ok()["planMeeting"]["id"].clone());
    }
    let anonymous = app.client();
    let clients = callers.clients(&anonymous);
    let readers = [UNAUTH, Ok, Ok, DENY, DENY, Ok, Ok];
    let ops = vec![
        Op {
            name: "networkAgreement",
            query: "query($id: ID!) { networkAgreement(id: $id) { id status canEdit parties { organization { id } } meetings { id } } }",
            vars: json!({ "id": agreements[0] }),
            expect: readers,
        },
        Op {
            name: "networkAgreements",
            query: "{ networkAgreements { totalCount nodes { id } } }",
            vars: json!({}),
            expect: SIGNED_IN,
        },
        Op {
            name: "createNetworkAgreement",
            query: create,
            vars: json!({ "input": agreement_input("Nuovo accordo") }),
            expect: ADMIN_ONLY,
        },
        Op {
            name: "updateNetworkAgreement",
            query: "mutation($input: UpdateNetworkAgreementInput!) { updateNetworkAgreement(input: $input) { id } }",
            vars: json!({ "input": { "agreementId": agreements[0], "expectedVersion": 1, "agreement": agreement_input("Convenzione SAD rivista") } }),
            expect: ADMIN_ONLY,
        },
        Op {
            name: "withdrawNetworkAgreement",
            query: "mutation($input: WithdrawNetworkAgreementInput!) { withdrawNetworkAgreement(input: $input) { id } }",
            vars: json!({ "input": { "agreementId": agreements[1], "expectedVersion": 1, "withdrawnOn": "2026-11-01", "reason": "Superato" } }),
            expect: ADMIN_ONLY,
        },
        Op {
            name: "meeting",
            query: "query($id: ID!) { meeting(id: $id) { id canEdit team { id } organizer { id } participants { id } } }",
            vars: json!({ "id": meetings[0] }),
            expect: readers,
        },
        Op {
            name: "meetings",
            query: "{ meetings(from: \"2026-01-01\", to: \"2026-12-31\") { totalCount nodes { id } } }",
            vars: json!({}),
            expect: SIGNED_IN,
        },
        Op {
            name: "planMeeting (team)",
            query: plan,
            vars: json!({ "input": meeting_input(json!({ "teamId": pua })) }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "planMeeting (organization)",
            query: plan,
            vars: json!({ "input": meeting_input(json!({ "organizationId": asst })) }),
            expect: ADMIN_ONLY,
        },
        Op {
            name: "updateMeeting",
            query: "mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { id } }",
            vars: json!({ "input": { "meetingId": meetings[1], "expectedVersion": 1, "meeting": meeting_input(json!({ "teamId": pua })) } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "recordMeetingHeld",
            query: "mutation($input: RecordMeetingHeldInput!) { recordMeetingHeld(input: $input) { id } }",
            vars: json!({ "input": { "meetingId": meetings[2], "expectedVersion": 1, "heldOn": "2026-11-20", "participantIds": [member_id], "externalParticipants": 0 } }),
            expect: MEMBER_ONLY,
        },
        Op {
            name: "cancelMeeting",
            query: "mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id } }",
            vars: json!({ "input": { "meetingId": meetings[3], "expectedVersion": 1, "reason": "Rinviato" } }),
            expect: MEMBER_ONLY,
        },
    ];
    assert_eq!(check(&ops, &clients, "no person here").await, 84);
}

/// The case diary's callers: besides the usual ones, the ward that reported
/// the person's discharge, a colleague of the team, the person's case
/// manager and the entries' author.
const DIARY_CALLERS: [&str; 9] = [
    "anonymous",
    "auditor",
    "admin",
    "ward",
    "other team",
    "former member",
    "colleague",
    "case manager",
    "author",
];

async fn each_caller_gets_exactly_the_expected_answer_about_the_case_diary(db: TestDb) {
    use crate::case_diary::{entry, Scene, ANNOTATE, EDIT, PERSON_DIARY, WRITE};
    let s = Scene::open(db).await;
    let anonymous = s.app.client();
    let clients = [
        &anonymous,
        &s.auditor,
        &s.admin,
        &s.ward,
        &s.other,
        &s.former,
        &s.colleague,
        &s.manager,
        &s.author,
    ];
    let plain = s
        .write(&s.author, entry(s.an_hour_ago(), "Colloquio"))
        .await;
    let mut secret = entry(s.an_hour_ago(), "Detto in confidenza");
    secret["confidential"] = json!(true);
    let secret = s.write(&s.author, secret).await;
    // A file on the confidential entry: it follows the entry.
    let secret_document = crate::documents::attach(&s.author, "DIARY_ENTRY", &secret).await;
    let outside = [UNAUTH, DENY, DENY, DENY, DENY, DENY];
    let with = |rest: [Expect; 3]| -> [Expect; 9] {
        let mut all = [DENY; 9];
        all[..6].copy_from_slice(&outside);
        all[6..].copy_from_slice(&rest);
        all
    };
    let write =
        json!({ "input": { "personId": s.person, "entry": entry(s.an_hour_ago(), "Telefonata") } });
    let mut confidential_write = write.clone();
    confidential_write["input"]["entry"]["confidential"] = json!(true);
    let ops = vec![
        Op {
            name: "writeDiaryEntry",
            query: WRITE,
            vars: write,
            expect: with([Ok, Ok, Ok]),
        },
        Op {
            name: "writeDiaryEntry (confidential)",
            query: WRITE,
            vars: confidential_write,
            expect: with([Ok, Ok, Ok]),
        },
        Op {
            name: "editDiaryEntry",
            query: EDIT,
            vars: json!({ "input": { "entryId": plain, "expectedVersion": 1, "entry": entry(s.an_hour_ago(), "Colloquio breve") } }),
            expect: with([DENY, DENY, Ok]),
        },
        Op {
            name: "annotateDiaryEntry",
            query: ANNOTATE,
            vars: json!({ "input": { "entryId": plain, "text": "Aggiunta" } }),
            expect: with([Ok, Ok, Ok]),
        },
        Op {
            name: "annotateDiaryEntry (confidential)",
            query: ANNOTATE,
            vars: json!({ "input": { "entryId": secret, "text": "Aggiunta" } }),
            expect: with([DENY, Ok, Ok]),
        },
        Op {
            name: "person.diary (the confidential entry)",
            query: PERSON_DIARY,
            vars: json!({ "id": s.person }),
            expect: with([Hidden, Ok, Ok]),
        },
        // A document names its entry (`subjectId`): Hidden is the entry's
        // document left out.
        Op {
            name: "person.documents (the confidential entry's)",
            query: "query($id: ID!) { person(id: $id) { documents { id subjectId } } }",
            vars: json!({ "id": s.person }),
            expect: with([Hidden, Ok, Ok]),
        },
        Op {
            name: "person.diary.documents (the confidential entry's)",
            query: "query($id: ID!) { person(id: $id) { diary(first: 50) { nodes { documents { id subjectId } } } } }",
            vars: json!({ "id": s.person }),
            expect: with([Hidden, Ok, Ok]),
        },
        // The case manager takes it away; the author then finds it gone.
        Op {
            name: "deleteDocument (the confidential entry's)",
            query: "mutation($id: ID!) { deleteDocument(id: $id, reason: \"Caricato per errore\", expectedVersion: 1) { id subjectId } }",
            vars: json!({ "id": secret_document }),
            expect: with([DENY, Ok, Code("NOT_FOUND")]),
        },
    ];
    let cells = check_as(&ops, &clients, &DIARY_CALLERS, &secret).await;
    assert_eq!(cells, 81);
    // Those shown `Ok` above do see it.
    for reader in [&s.manager, &s.author] {
        let answer = reader.gql(PERSON_DIARY, json!({ "id": s.person })).await;
        assert!(answer.body.to_string().contains(&secret), "{}", answer.body);
    }
}

/// Service accounts and the nomenclatore mapping are ADMIN's configuration
/// (the mapping is also read by a REPORTER, who sends the flow).
async fn each_caller_gets_exactly_the_expected_answer_about_service_accounts(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let (ats, asst) = app.ats_and_its_asst(&admin).await;
    let pua = app.team(&admin, "PUA Breno", "PUA", &asst).await;
    let callers = Callers::beside_the_uvm_darfo(&app, admin, asst, pua).await;
    callers.former_leaves(&app).await;
    let admin = &callers.admin;
    let create = "mutation($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { token account { id } tokenInfo { id } } }";
    let input = json!({ "input": { "organizationId": ats, "name": "Datawarehouse", "scopes": ["EXPORT_INTERVENTIONS"], "expiresInDays": 30 } });
    let mut accounts = Vec::new();
    for _ in 0..2 {
        let made = admin.gql(create, input.clone()).await;
        accounts.push((
            made.ok()["createServiceAccount"]["account"]["id"].clone(),
            made.ok()["createServiceAccount"]["tokenInfo"]["id"].clone(),
        ));
    }
    let anonymous = app.client();
    let clients = callers.clients(&anonymous);
    let ops = vec![
        Op {
            name: "serviceAccounts",
            query: "{ serviceAccounts { id tokens { prefix } organization { id } } }",
            vars: json!({}),
            expect: ADMIN_ONLY,
        },
        Op {
            name: "nomenclatoreMappings",
            query: "{ nomenclatoreMappings { serviceKind code } }",
            vars: json!({}),
            expect: [UNAUTH, DENY, Ok, DENY, DENY, Ok, DENY],
        },
        Op {
            name: "createServiceAccount",
            query: create,
            vars: input.clone(),
            expect: ADMIN_ONLY,
        },
        Op {
            name: "rotateServiceAccountToken",
            query: "mutation($id: ID!) { rotateServiceAccountToken(id: $id) { token } }",
            vars: json!({ "id": accounts[0].0 }),
            expect: ADMIN_ONLY,
        },
        Op {
            name: "revokeServiceAccountToken",
            query: "mutation($id: ID!) { revokeServiceAccountToken(id: $id) { id } }",
            vars: json!({ "id": accounts[0].1 }),
            expect: ADMIN_ONLY,
        },
        Op {
            name: "deactivateServiceAccount",
            query: "mutation($id: ID!) { deactivateServiceAccount(id: $id) { id } }",
            vars: json!({ "id": accounts[1].0 }),
            expect: ADMIN_ONLY,
        },
        Op {
            name: "setNomenclatoreCode",
            query: "mutation { setNomenclatoreCode(serviceKind: SAD, code: \"A1\", label: \"SAD\") { code } }",
            vars: json!({}),
            expect: ADMIN_ONLY,
        },
    ];
    assert_eq!(check(&ops, &clients, "no person here").await, 49);
}

/// `GET /fhir/r4/Patient/{id}/$everything` (issue 18.3): the HTTP status
/// each session and each service account gets, every refusal an
/// `OperationOutcome`. Only the responsible team's member and a `fhir:read`
/// account of the team's organization read the record; the ward that
/// reported the discharge, and its hospital's account, do not.
async fn each_caller_gets_exactly_the_expected_answer_about_fhir_everything(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let world = DischargeWorld::open(&app).await;
    let callers = &world.callers;
    let (admin, member, pua) = (&callers.admin, &callers.member, &callers.team);
    let elsewhere = app.organization(admin, "ATS di Bergamo", "ATS").await;
    let identity = person_input(pua, "Uno", "Lina", (1930, 1, 1), "F");
    let reported = world
        .ward
        .gql(
            "mutation($input: ReportDischargeInput!) { reportDischarge(input: $input) { id } }",
            json!({ "input": {
                "patient": { "fiscalCode": identity["fiscalCode"], "givenName": "Lina", "familyName": "Uno", "birthDate": identity["birthDate"], "sex": "F" },
                "hospitalId": world.hospital, "ward": "Geriatria", "admittedOn": "2026-11-01", "expectedDischargeOn": "2026-12-20", "teamId": pua
            } }),
        )
        .await;
    let seen = member
        .gql(
            "query($id: ID!) { discharge(id: $id) { person { id } } }",
            json!({ "id": reported.ok()["reportDischarge"]["id"] }),
        )
        .await;
    let person = seen.ok()["discharge"]["person"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    callers.former_leaves(&app).await;
    let path = everything_path(&person);
    let anonymous = app.client();
    let sessions = [
        ("anonymous", &anonymous, 401),
        ("auditor", &callers.auditor, 403),
        ("reporter", &callers.reporter, 403),
        ("other team", &callers.other, 403),
        ("former member", &callers.former, 403),
        ("admin", admin, 403),
        ("reporting ward", &world.ward, 403),
        ("member", member, 200),
    ];
    let mut checked = 0;
    for (name, client, expected) in &sessions {
        let (status, content_type, body) = session_get(client, &path).await;
        assert_eq!(status, *expected, "{name}: {body}");
        assert_eq!(content_type, "application/fhir+json", "{name}");
        if *expected != 200 {
            assert_eq!(body["resourceType"], "OperationOutcome", "{name}: {body}");
        }
        checked += 1;
    }
    let accounts = [
        ("no token", None, 401),
        (
            "without the scope",
            Some((&callers.asst, "EXPORT_INTERVENTIONS")),
            403,
        ),
        (
            "of the reporting hospital",
            Some((&world.hospital, "FHIR_READ")),
            403,
        ),
        (
            "of another organization",
            Some((&elsewhere, "FHIR_READ")),
            403,
        ),
        (
            "of the responsible team's organization",
            Some((&callers.asst, "FHIR_READ")),
            200,
        ),
    ];
    for (name, account, expected) in accounts {
        let token = match account {
            Some((organization, scope)) => {
                Some(service_account(admin, organization, &[scope], 30).await.1)
            }
            None => None,
        };
        let answer = machine_get(&app, &path, token.as_deref()).await;
        assert_eq!(answer.status, expected, "{name}: {}", answer.text());
        assert_eq!(
            answer.header("content-type"),
            "application/fhir+json",
            "{name}"
        );
        if expected != 200 {
            assert_eq!(answer.json()["resourceType"], "OperationOutcome", "{name}");
        }
        checked += 1;
    }
    // An unknown person is NOT_FOUND for the member, as in GraphQL.
    let (status, _, _) =
        session_get(member, &everything_path(&uuid::Uuid::now_v7().to_string())).await;
    assert_eq!(status, 404);
    assert_eq!(checked, 13);
}

/// `POST /fhir/r4/Bundle` is a hospital's system's door: only a service
/// account of a hospital with `discharges:report` reports (for its own
/// hospital); a person's session, whoever they are (the reporting ward
/// included), gets `401` with an `OperationOutcome`, as no token at all
/// (sent as the SPA would, past the CSRF check).
async fn each_caller_gets_exactly_the_expected_answer_about_the_fhir_bundle(db: TestDb) {
    use crate::fhir_inbound::{example_bundle, post_fhir, BUNDLE_PATH};
    use crate::service_accounts::service_account;

    let app = TestApp::spawn(db).await;
    let DischargeWorld {
        callers,
        hospital,
        ward,
    } = DischargeWorld::open(&app).await;
    callers.former_leaves(&app).await;
    let Callers {
        admin,
        asst,
        team: pua,
        member,
        other,
        former,
        auditor,
        ..
    } = callers;
    let other_hospital = app
        .organization(&admin, "Ospedale di Edolo", "OSPEDALE")
        .await;
    let anonymous = app.client();

    let mut n = 0;
    let mut bundle = || {
        n += 1;
        let mut bundle = example_bundle(&pua);
        bundle["identifier"]["value"] = json!(format!("ADT-{n}"));
        serde_json::to_vec(&bundle).expect("JSON")
    };
    for (who, client) in [
        ("anonymous", &anonymous),
        ("auditor", &auditor),
        ("other team", &other),
        ("former member", &former),
        ("admin", &admin),
        ("member of the receiving team", &member),
        ("the reporting ward", &ward),
    ] {
        let response = client
            .http
            .post(format!("{}{BUNDLE_PATH}", app.base_url))
            .header("Content-Type", "application/json")
            .header("X-Ponte-CSRF", "1")
            .body(bundle())
            .send()
            .await
            .expect("sent");
        assert_eq!(response.status().as_u16(), 401, "{who}");
        let outcome: Value = response.json().await.expect("JSON");
        assert_eq!(outcome["resourceType"], "OperationOutcome", "{who}");
    }
    let machines = [
        (
            "the hospital's system",
            hospital.as_str(),
            "DISCHARGES_REPORT",
            201,
        ),
        (
            "another hospital's system",
            other_hospital.as_str(),
            "DISCHARGES_REPORT",
            201,
        ),
        (
            "the hospital's system without the scope",
            hospital.as_str(),
            "FHIR_READ",
            403,
        ),
        (
            "an ASST's account with the scope",
            asst.as_str(),
            "DISCHARGES_REPORT",
            403,
        ),
    ];
    for (who, organization, scope, status) in machines {
        let (_, token, _) = service_account(&admin, organization, &[scope], 30).await;
        let answer = post_fhir(&app, Some(&token), "application/fhir+json", bundle()).await;
        assert_eq!(answer.status, status, "{who}: {}", answer.text());
    }
    // Each hospital's system reported for itself.
    use sea_orm::EntityTrait;
    let mut reported: Vec<String> = entity::discharge::Entity::find()
        .all(&app.db)
        .await
        .expect("read")
        .into_iter()
        .map(|d| d.hospital_id.to_string())
        .collect();
    reported.sort();
    let mut expected = vec![hospital.clone(), other_hospital.clone()];
    expected.sort();
    assert_eq!(reported, expected);
}

/// Error codes are a small closed set; this keeps `Expect` `Copy`.
fn known_code(code: &str) -> &'static str {
    match code {
        "UNAUTHENTICATED" => "UNAUTHENTICATED",
        "FORBIDDEN" => "FORBIDDEN",
        "NOT_FOUND" => "NOT_FOUND",
        "VALIDATION" => "VALIDATION",
        "CONFLICT" => "CONFLICT",
        "INTERNAL" => "INTERNAL",
        _ => "OTHER",
    }
}
