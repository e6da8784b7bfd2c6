//! Every operation of persons, teams, referrals and the audit trail, called
//! by every kind of caller, must give exactly the expected answer.

use ponte_server::enums::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{fiscal_code_of, person_input, CREATE_PERSON};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb, PASSWORD};

on_both_databases!(
    each_caller_gets_exactly_the_expected_answer,
    each_caller_gets_exactly_the_expected_answer_about_assessments,
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

/// The callers, in the order they try each operation: the one expected to
/// succeed at a write comes after those expected to fail.
const CALLERS: [&str; 6] = [
    "anonymous",
    "auditor",
    "other team",
    "former member",
    "admin",
    "member",
];

struct Op {
    name: &'static str,
    query: &'static str,
    vars: Value,
    /// In the order of CALLERS.
    expect: [Expect; 6],
}

async fn signed_in(app: &TestApp, email: &str, role: Role) -> (Client, String) {
    let id = app.make_user(email, role, None).await;
    let client = app.client();
    client.login_ok(email, PASSWORD).await;
    (client, id)
}

async fn each_caller_gets_exactly_the_expected_answer(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let org = app
        .organization(&admin, "ASST della Valcamonica", "ASST")
        .await;
    let responsible = app.team(&admin, "PUA Breno", "PUA", &org).await;
    let other_team = app.team(&admin, "UVM Darfo", "UVM", &org).await;
    let (member, member_id) = signed_in(&app, "member@asst.test", Role::Operator).await;
    let (other, other_id) = signed_in(&app, "other@asst.test", Role::Operator).await;
    let (former, former_id) = signed_in(&app, "former@asst.test", Role::Operator).await;
    let (auditor, _) = signed_in(&app, "auditor@asst.test", Role::Auditor).await;
    let newcomer = app
        .make_user("newcomer@asst.test", Role::Operator, None)
        .await;
    app.add_member(&admin, &responsible, &member_id, "MEMBER")
        .await;
    app.add_member(&admin, &responsible, &former_id, "MEMBER")
        .await;
    app.add_member(&admin, &other_team, &other_id, "MEMBER")
        .await;

    let p_input = person_input(&responsible, "Bassi", "Teresa", (1939, 10, 10), "F");
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
            json!({ "input": person_input(&responsible, "Neri", "Aldo", (1945, 5, 5), "M") }),
        )
        .await;
    let second_referral = created.ok()["createPerson"]["referrals"][0]["id"].clone();
    app.remove_member(&admin, &responsible, &former_id).await;
    let anonymous = app.client();
    let clients = [&anonymous, &auditor, &other, &former, &admin, &member];

    let ops = vec![
        Op {
            name: "person",
            query: "query($id: ID!) { person(id: $id) { id referencePersons { id } } }",
            vars: json!({ "id": person }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "persons",
            query: "{ persons { nodes { id } } }",
            vars: json!({}),
            expect: [UNAUTH, DENY, Hidden, Hidden, DENY, Ok],
        },
        Op {
            name: "personIdentityByFiscalCode",
            query: "query($cf: String!) { personIdentityByFiscalCode(fiscalCode: $cf) { id } }",
            vars: json!({ "cf": fiscal_code_of(&p_input) }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "team",
            query: "query($id: ID!) { team(id: $id) { name members { user { email } } } }",
            vars: json!({ "id": responsible }),
            expect: [UNAUTH, Ok, Ok, Ok, Ok, Ok],
        },
        Op {
            name: "teams",
            query: "{ teams { totalCount } }",
            vars: json!({}),
            expect: [UNAUTH, Ok, Ok, Ok, Ok, Ok],
        },
        Op {
            name: "team.referrals",
            query: "query($id: ID!) { team(id: $id) { referrals { nodes { person { id } } } } }",
            vars: json!({ "id": responsible }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "auditTrail",
            query: "query($id: ID) { auditTrail(personId: $id) { totalCount } }",
            vars: json!({ "id": person }),
            expect: [UNAUTH, Ok, DENY, DENY, DENY, DENY],
        },
        Op {
            name: "createPerson",
            query: CREATE_PERSON,
            vars: json!({ "input": person_input(&responsible, "Villa", "Ettore", (1951, 1, 21), "M") }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "updatePerson",
            query: "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { version } }",
            vars: json!({ "input": { "personId": person, "expectedVersion": 1, "phone": "0364 22222" } }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "addReferencePerson",
            query: "mutation($input: AddReferencePersonInput!) { addReferencePerson(input: $input) { id } }",
            vars: json!({ "input": { "personId": person, "kind": "CAREGIVER", "fullName": "Marta Bassi" } }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "recordPrivacyConsent",
            query: "mutation($input: RecordPrivacyConsentInput!) { recordPrivacyConsent(input: $input) { id } }",
            vars: json!({ "input": { "personId": person, "kind": "PRIVACY_NOTICE", "granted": true, "givenOn": "2026-11-20" } }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "acceptReferral",
            query: "mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { status } }",
            vars: json!({ "input": { "referralId": person_referral } }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "closeReferral",
            query: "mutation($input: CloseReferralInput!) { closeReferral(input: $input) { status } }",
            vars: json!({ "input": { "referralId": second_referral, "outcome": "Non necessario" } }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "createTeam",
            query: "mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }",
            vars: json!({ "input": { "name": "EEMM Edolo", "kind": "EQUIPE_MULTIDISCIPLINARE", "organizationId": org } }),
            expect: [UNAUTH, DENY, DENY, DENY, Ok, DENY],
        },
        Op {
            name: "addTeamMember",
            query: "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }",
            vars: json!({ "input": { "teamId": other_team, "userId": newcomer } }),
            expect: [UNAUTH, DENY, DENY, DENY, Ok, DENY],
        },
        Op {
            name: "removeTeamMember",
            query: "mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { id } }",
            vars: json!({ "input": { "teamId": other_team, "userId": newcomer } }),
            expect: [UNAUTH, DENY, DENY, DENY, Ok, DENY],
        },
        // Last: it makes the other team responsible too.
        Op {
            name: "referPerson",
            query: "mutation($input: ReferPersonInput!) { referPerson(input: $input) { id } }",
            vars: json!({ "input": { "personId": person, "teamId": other_team, "source": "SERVICE", "reason": "Valutazione UVM" } }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
    ];

    let cells = check(&ops, &clients, &person).await;
    assert_eq!(cells, 102);
}

/// Sends every operation as every caller and fails listing every answer that
/// differs from the expected one. Returns the number of answers checked.
async fn check(ops: &[Op], clients: &[&Client; 6], person: &str) -> usize {
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
                    op.name, CALLERS[i], op.expect[i], got, response.body
                ));
            }
        }
    }
    println!(
        "access matrix: {} operations x {} callers = {cells} answers checked",
        ops.len(),
        CALLERS.len()
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
    let admin = app.admin().await;
    let org = app
        .organization(&admin, "ASST della Valcamonica", "ASST")
        .await;
    let uvm = app.team(&admin, "UVM Breno", "UVM", &org).await;
    let other_team = app.team(&admin, "UVM Darfo", "UVM", &org).await;
    let (member, member_id) = signed_in(&app, "member@asst.test", Role::Operator).await;
    let (other, other_id) = signed_in(&app, "other@asst.test", Role::Operator).await;
    let (former, former_id) = signed_in(&app, "former@asst.test", Role::Operator).await;
    let (auditor, _) = signed_in(&app, "auditor@asst.test", Role::Auditor).await;
    app.add_member(&admin, &uvm, &member_id, "MEMBER").await;
    app.add_member(&admin, &uvm, &former_id, "MEMBER").await;
    app.add_member(&admin, &other_team, &other_id, "MEMBER")
        .await;
    let person = app
        .person(
            &member,
            person_input(&uvm, "Bassi", "Teresa", (1939, 10, 10), "F"),
        )
        .await;
    let content = json!({
        "date": "2026-11-10", "setting": "DOMICILIO", "reason": "FIRST_ASSESSMENT",
        "participantIds": [member_id], "needLevel": "HIGH", "recommendedSetting": "HOME_WITH_SAD",
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
    app.remove_member(&admin, &uvm, &former_id).await;
    let anonymous = app.client();
    let clients = [&anonymous, &auditor, &other, &former, &admin, &member];
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
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "person.assessments",
            query: "query($id: ID!) { person(id: $id) { assessments { totalCount } scoreSeries(instrument: BARTHEL) { score } } }",
            vars: json!({ "id": person }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "instruments",
            query: "{ instruments { code } }",
            vars: json!({}),
            expect: [UNAUTH, Ok, Ok, Ok, Ok, Ok],
        },
        Op {
            name: "assessmentIndicators",
            query: "query($team: ID) { assessmentIndicators(from: \"2026-01-01\", to: \"2026-12-31\", teamId: $team) { assessments } }",
            vars: json!({ "team": uvm }),
            expect: [UNAUTH, DENY, DENY, DENY, Ok, Ok],
        },
        Op {
            name: "recordAssessment",
            query: record,
            vars: json!({ "input": input }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "updateAssessment",
            query: "mutation($input: UpdateAssessmentInput!) { updateAssessment(input: $input) { id } }",
            vars: json!({ "input": update }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "signAssessment",
            query: "mutation($input: SignAssessmentInput!) { signAssessment(input: $input) { id } }",
            vars: json!({ "input": { "assessmentId": draft } }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
        Op {
            name: "amendAssessment",
            query: "mutation($input: AmendAssessmentInput!) { amendAssessment(input: $input) { id } }",
            vars: json!({ "input": amend }),
            expect: [UNAUTH, DENY, DENY, DENY, DENY, Ok],
        },
    ];
    assert_eq!(check(&ops, &clients, &person).await, 48);
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
