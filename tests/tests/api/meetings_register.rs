//! The meetings register (issue 15): a team's members plan and record its
//! meetings, a former member no longer can; an organization's meetings are
//! its managers'; the rules of a held meeting; who reads a meeting.

use chrono::NaiveDate;
use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

use crate::agreements_register::{day, user_of};

on_both_databases!(
    a_teams_members_plan_and_record_its_meetings_and_a_former_member_cannot,
    a_meeting_is_read_by_its_team_organizer_and_participants_only,
    an_organizations_meetings_are_recorded_by_its_managers_and_implement_agreements,
);

const PLAN: &str = "mutation($input: MeetingInput!) { planMeeting(input: $input) { id version status canEdit heldOn externalParticipants team { id } organizer { id } participants { id } services agreement { id } } }";
const HELD: &str = "mutation($input: RecordMeetingHeldInput!) { recordMeetingHeld(input: $input) { id version status heldOn externalParticipants participants { id } } }";
const CANCEL: &str = "mutation($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id status cancelledReason canEdit } }";
const READ: &str = "query($id: ID!) { meeting(id: $id) { id title status } }";

fn training(title: &str, planned_on: &str, organizer: Value) -> Value {
    let mut input = json!({
        "kind": "FORMAZIONE",
        "title": title,
        "plannedOn": planned_on,
        "services": ["SAD"],
    });
    for (key, value) in organizer.as_object().unwrap() {
        input[key] = value.clone();
    }
    input
}

/// A team of the ASST with a member, a former member and an outsider.
struct Scene {
    app: TestApp,
    admin: Client,
    today: NaiveDate,
    asst: String,
    team: String,
    member: Client,
    member_id: String,
    former: Client,
    outsider: Client,
}

async fn scene(db: TestDb) -> Scene {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let today = app.clock.today();
    let asst = app.asst(&admin).await;
    let elsewhere = app.organization(&admin, "Comune di Lovere", "COMUNE").await;
    let team = app
        .team(&admin, "EEMM Breno", "EQUIPE_MULTIDISCIPLINARE", &asst)
        .await;
    let (member, member_id) = user_of(&app, "membro@asst.test", Role::Operator, &elsewhere).await;
    let (former, former_id) = user_of(&app, "ex@asst.test", Role::Operator, &elsewhere).await;
    let (outsider, _) = user_of(&app, "fuori@lovere.test", Role::Operator, &elsewhere).await;
    app.add_member(&admin, &team, &member_id, "MEMBER").await;
    app.add_member(&admin, &team, &former_id, "COORDINATOR")
        .await;
    app.remove_member(&admin, &team, &former_id).await;
    Scene {
        app,
        admin,
        today,
        asst,
        team,
        member,
        member_id,
        former,
        outsider,
    }
}

async fn a_teams_members_plan_and_record_its_meetings_and_a_former_member_cannot(db: TestDb) {
    let s = scene(db).await;
    let input = training(
        "Formazione UVM",
        &day(s.today, 7),
        json!({ "teamId": s.team }),
    );
    s.former
        .gql(PLAN, json!({ "input": input }))
        .await
        .expect_code("FORBIDDEN");
    let both = training(
        "Due organizzatori",
        &day(s.today, 7),
        json!({ "teamId": s.team, "organizationId": s.asst }),
    );
    let refused = s.member.gql(PLAN, json!({ "input": both })).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("teamId"));
    let mut future_held = input.clone();
    future_held["heldOn"] = json!(day(s.today, 1));
    let refused = s.member.gql(PLAN, json!({ "input": future_held })).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("heldOn"));
    assert_eq!(s.app.count("SELECT COUNT(*) FROM meetings").await, 0);

    let planned = s.member.gql(PLAN, json!({ "input": input })).await;
    let planned = planned.ok()["planMeeting"].clone();
    assert_eq!(planned["status"], "PLANNED");
    assert_eq!(planned["canEdit"], true);
    assert_eq!(planned["team"]["id"], s.team);
    assert_eq!(
        planned["organizer"]["id"], s.asst,
        "the team's organization"
    );
    let id = planned["id"].as_str().unwrap().to_owned();

    let attendance = |held_on: String, external: i32| {
        json!({ "input": {
            "meetingId": id, "expectedVersion": 1, "heldOn": held_on,
            "participantIds": [s.member_id], "externalParticipants": external,
        } })
    };
    s.former
        .gql(HELD, attendance(day(s.today, 0), 3))
        .await
        .expect_code("FORBIDDEN");
    for (answer, field) in [
        (
            s.member.gql(HELD, attendance(day(s.today, 1), 3)).await,
            "heldOn",
        ),
        (
            s.member.gql(HELD, attendance(day(s.today, 0), -1)).await,
            "externalParticipants",
        ),
    ] {
        answer.expect_code("VALIDATION");
        assert_eq!(answer.field(), Some(field), "{}", answer.body);
    }
    let held = s.member.gql(HELD, attendance(day(s.today, 0), 3)).await;
    let held = &held.ok()["recordMeetingHeld"];
    assert_eq!(held["status"], "HELD");
    assert_eq!(held["externalParticipants"], 3);
    assert_eq!(held["participants"][0]["id"], s.member_id);
    let cancelled = s
        .member
        .gql(
            CANCEL,
            json!({ "input": { "meetingId": id, "expectedVersion": 2, "reason": "Ripensamento" } }),
        )
        .await;
    cancelled.expect_code("VALIDATION");

    // A planned one is cancelled, with its reason, and is then final.
    let other = s
        .member
        .gql(
            PLAN,
            json!({ "input": training("Supervisione", &day(s.today, 14), json!({ "teamId": s.team })) }),
        )
        .await;
    let other = other.ok()["planMeeting"]["id"].as_str().unwrap().to_owned();
    let cancelled = s
        .member
        .gql(
            CANCEL,
            json!({ "input": { "meetingId": other, "expectedVersion": 1, "reason": "Formatore assente" } }),
        )
        .await;
    let cancelled = &cancelled.ok()["cancelMeeting"];
    assert_eq!(cancelled["status"], "CANCELLED");
    assert_eq!(cancelled["canEdit"], false);
}

async fn a_meeting_is_read_by_its_team_organizer_and_participants_only(db: TestDb) {
    let s = scene(db).await;
    let (colleague, _) = user_of(&s.app, "collega@asst.test", Role::Operator, &s.asst).await;
    let elsewhere = s
        .app
        .organization(&s.admin, "Comune di Pisogne", "COMUNE")
        .await;
    let (guest, guest_id) =
        user_of(&s.app, "ospite@pisogne.test", Role::Operator, &elsewhere).await;
    let (auditor, _) = user_of(&s.app, "dpo@asst.test", Role::Auditor, &elsewhere).await;
    let mut input = training("Formazione", &day(s.today, 3), json!({ "teamId": s.team }));
    input["participantIds"] = json!([guest_id]);
    let planned = s.member.gql(PLAN, json!({ "input": input })).await;
    let id = planned.ok()["planMeeting"]["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let listed = |client: &Client| {
        let client = client.clone();
        let (from, to) = (day(s.today, -1), day(s.today, 30));
        async move {
            let answer = client
                .gql(
                    "query($from: Date!, $to: Date!) { meetings(from: $from, to: $to) { totalCount nodes { participants { id } } } }",
                    json!({ "from": from, "to": to }),
                )
                .await;
            answer.ok()["meetings"].clone()
        }
    };
    for reader in [&s.member, &colleague, &guest, &auditor, &s.admin] {
        reader.gql(READ, json!({ "id": id })).await.ok();
        assert_eq!(listed(reader).await["totalCount"], 1);
    }
    // The auditor reads the meeting, not who was there.
    assert_eq!(
        listed(&auditor).await["nodes"][0]["participants"],
        json!([])
    );
    for stranger in [&s.outsider, &s.former] {
        stranger
            .gql(READ, json!({ "id": id }))
            .await
            .expect_code("FORBIDDEN");
        assert_eq!(listed(stranger).await["totalCount"], 0);
    }
    // Outside the dates asked for, nothing.
    let later = s
        .member
        .gql(
            "query($from: Date!) { meetings(from: $from, to: $from) { totalCount } }",
            json!({ "from": day(s.today, 60) }),
        )
        .await;
    assert_eq!(later.ok()["meetings"]["totalCount"], 0);
}

async fn an_organizations_meetings_are_recorded_by_its_managers_and_implement_agreements(
    db: TestDb,
) {
    let s = scene(db).await;
    let coop = s
        .app
        .organization(&s.admin, "Cooperativa Il Sentiero", "ETS")
        .await;
    let created = s
        .admin
        .gql(
            crate::agreements_register::CREATE,
            json!({ "input": crate::agreements_register::agreement("Co-progettazione", &[&s.asst, &coop], json!({})) }),
        )
        .await;
    let agreement = created.ok()["createNetworkAgreement"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut course = training(
        "Corso per caregiver",
        &day(s.today, 0),
        json!({ "organizationId": s.asst }),
    );
    course["kind"] = json!("FORMAZIONE_CAREGIVER");
    course["heldOn"] = json!(day(s.today, 0));
    course["externalParticipants"] = json!(12);
    course["agreementId"] = json!(agreement);
    s.member
        .gql(PLAN, json!({ "input": course }))
        .await
        .expect_code("FORBIDDEN");
    let planned = s.admin.gql(PLAN, json!({ "input": course })).await;
    let planned = &planned.ok()["planMeeting"];
    assert_eq!(planned["status"], "HELD");
    assert!(planned["team"].is_null());
    assert_eq!(planned["agreement"]["id"], agreement);

    // The agreement lists the meetings that implement it.
    let read = s
        .admin
        .gql(
            "query($id: ID!) { networkAgreement(id: $id) { meetings { title externalParticipants } } }",
            json!({ "id": agreement }),
        )
        .await;
    assert_eq!(
        read.ok()["networkAgreement"]["meetings"],
        json!([{ "title": "Corso per caregiver", "externalParticipants": 12 }])
    );
    // An agreement the recorder cannot read is unknown to them.
    let pisogne = s
        .app
        .organization(&s.admin, "Comune di Pisogne", "COMUNE")
        .await;
    let foreign = s
        .admin
        .gql(
            crate::agreements_register::CREATE,
            json!({ "input": crate::agreements_register::agreement("Altrui", &[&pisogne, &coop], json!({})) }),
        )
        .await;
    let foreign = foreign.ok()["createNetworkAgreement"]["id"].clone();
    let mut linked = training("Formazione", &day(s.today, 5), json!({ "teamId": s.team }));
    linked["agreementId"] = foreign;
    let refused = s.member.gql(PLAN, json!({ "input": linked })).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("agreementId"));
}
