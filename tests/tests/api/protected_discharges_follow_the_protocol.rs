//! Protected discharges follow the protocol (issue 13.4): without a plan only
//! home without services; any other destination on an agreed plan resting on
//! a signed UVM assessment of the person; the dischargeable day first, never
//! after the discharge. The plan lists structured needs, and a discharge home
//! with services continues or opens the person's PAI, which only those
//! responsible for the person see.

use std::collections::BTreeSet;
use std::ops::Deref;

use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{person_input, ProtectedDischarges};
use ponte_tests::{on_both_databases, Client, Gql, TestApp, TestDb};

use crate::need_to_know::ids_in;

on_both_databases!(
    without_a_plan_the_patient_goes_only_home_without_services,
    the_dischargeable_day_is_required_and_the_discharge_does_not_precede_it,
    a_plan_rests_on_a_signed_assessment_of_the_person,
    the_plan_lists_structured_needs_and_a_note,
    a_discharge_home_with_services_continues_or_opens_the_pai,
    the_linked_project_is_seen_only_by_those_responsible_for_the_person,
    former_values_of_the_care_settings_still_read_and_are_accepted,
);

const REPORT: &str =
    "mutation($input: ReportDischargeInput!) { reportDischarge(input: $input) { id } }";
const DISCHARGEABLE: &str =
    "mutation($input: MarkDischargeableInput!) { markDischargeable(input: $input) { version } }";
const SCHEDULE: &str =
    "mutation($input: UpdateDischargeInput!) { updateDischarge(input: $input) { version } }";
const AGREE: &str = "mutation($input: AgreeDischargePlanInput!) { agreeDischargePlan(input: $input) { version status planNeeds planNote plan { destination services assessment { id } } } }";
const COMPLETE: &str = "mutation($input: CompleteDischargeInput!) { completeDischarge(input: $input) { version status destination project { id kind status team { id } caseManager { id } } } }";
const SIGN: &str = "mutation($id: ID!) { signAssessment(input: { assessmentId: $id }) { id } }";

fn in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string()
}

/// The protocol's PUA, UVM, hospital and ward, on an app of their own.
struct Protocol {
    app: TestApp,
    protocol: ProtectedDischarges,
}

/// The desk, its UVM and the ward are the shared world's.
impl Deref for Protocol {
    type Target = ProtectedDischarges;

    fn deref(&self) -> &ProtectedDischarges {
        &self.protocol
    }
}

impl Protocol {
    async fn open(db: TestDb) -> Protocol {
        let app = TestApp::spawn(db).await;
        let protocol = ProtectedDischarges::open(&app).await;
        Protocol { app, protocol }
    }

    fn team(&self) -> &Client {
        &self.desk.operator
    }

    /// The ward reports a patient admitted ten days ago (a new person for
    /// each `given` name).
    async fn report(&self, given: &str) -> String {
        let identity = person_input(&self.desk.team_id, "Tognali", given, (1937, 3, 3), "F");
        let answer = self
            .ward
            .gql(
                REPORT,
                json!({ "input": {
                    "patient": {
                        "fiscalCode": identity["fiscalCode"], "givenName": given,
                        "familyName": "Tognali", "birthDate": "1937-03-03", "sex": "F"
                    },
                    "hospitalId": self.hospital, "ward": "Medicina generale",
                    "admittedOn": in_days(-10), "expectedDischargeOn": in_days(2),
                    "teamId": self.desk.team_id
                } }),
            )
            .await;
        answer.ok()["reportDischarge"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    async fn mark_dischargeable(&self, discharge: &str, version: i32, date: &str) {
        self.team()
            .gql(
                DISCHARGEABLE,
                json!({ "input": { "dischargeId": discharge, "expectedVersion": version, "date": date } }),
            )
            .await
            .ok();
    }

    async fn schedule(&self, discharge: &str, version: i32) {
        self.team()
            .gql(
                SCHEDULE,
                json!({ "input": { "dischargeId": discharge, "expectedVersion": version, "assessmentScheduledOn": in_days(-3) } }),
            )
            .await
            .ok();
    }

    /// A UVM assessment of the discharge's person, recorded for the
    /// discharge; signed when asked.
    async fn assess(&self, discharge: &str, signed: bool) -> String {
        let id = self
            .record_assessment(discharge, &in_days(-3), "HOME_WITH_SAD_AND_ADI")
            .await;
        if signed {
            self.team().gql(SIGN, json!({ "id": id })).await.ok();
        }
        id
    }

    async fn agree(&self, input: Value) -> Gql {
        self.team().gql(AGREE, json!({ "input": input })).await
    }

    async fn complete(&self, by: &Client, input: Value) -> Gql {
        by.gql(COMPLETE, json!({ "input": input })).await
    }

    /// A report of `given`, dischargeable since yesterday, with a plan to
    /// `destination` agreed on a signed assessment (version 3).
    async fn planned(&self, given: &str, destination: &str, needs: Value) -> String {
        let id = self.report(given).await;
        self.mark_dischargeable(&id, 1, &in_days(-1)).await;
        let assessment = self.assess(&id, true).await;
        self.agree(json!({ "dischargeId": id, "expectedVersion": 2, "destination": destination, "needs": needs, "assessmentId": assessment }))
            .await
            .ok();
        id
    }

    /// Completes a `planned` discharge today.
    async fn complete_planned(&self, by: &Client, id: &str, destination: &str) -> Gql {
        self.complete(
            by,
            json!({ "dischargeId": id, "expectedVersion": 3, "dischargedOn": in_days(0), "destination": destination }),
        )
        .await
    }
}

fn refused(answer: &Gql, field: &str, message: &str) {
    answer.expect_code("VALIDATION");
    assert_eq!(answer.field(), Some(field), "{}", answer.body);
    assert_eq!(answer.message(), message, "{}", answer.body);
}

async fn without_a_plan_the_patient_goes_only_home_without_services(db: TestDb) {
    let p = Protocol::open(db).await;
    let id = p.report("Rosa").await;
    p.mark_dischargeable(&id, 1, &in_days(-1)).await;
    for (destination, label) in [
        ("RSA", "RSA"),
        ("HOME_WITH_SAD", "Domicilio con SAD"),
        ("HOSPICE", "Hospice"),
    ] {
        let early = p
            .complete(
                p.team(),
                json!({ "dischargeId": id, "expectedVersion": 2, "dischargedOn": in_days(0), "destination": destination }),
            )
            .await;
        refused(
            &early,
            "destination",
            &format!(
                "Senza un piano concordato si dimette solo a domicilio senza servizi: per «{label}» \
                 concorda prima il piano"
            ),
        );
    }
    // She recovered: the ward discharges her home straight from the report.
    let home = p
        .complete(
            &p.ward,
            json!({ "dischargeId": id, "expectedVersion": 2, "dischargedOn": in_days(0), "destination": "HOME" }),
        )
        .await;
    let home = home.ok()["completeDischarge"].clone();
    assert_eq!(home["status"], "DISCHARGED");
    assert_eq!(home["destination"], "HOME");
    assert!(
        home["project"].is_null(),
        "home without services opens nothing"
    );
}

async fn the_dischargeable_day_is_required_and_the_discharge_does_not_precede_it(db: TestDb) {
    let p = Protocol::open(db).await;
    let id = p.report("Rosa").await;
    let unknown = p
        .complete(
            p.team(),
            json!({ "dischargeId": id, "expectedVersion": 1, "dischargedOn": in_days(0), "destination": "HOME" }),
        )
        .await;
    refused(
        &unknown,
        "dischargeableOn",
        "Manca la data da cui il paziente è clinicamente dimissibile: registrala prima della \
         dimissione",
    );
    p.mark_dischargeable(&id, 1, &in_days(-2)).await;
    let before = p
        .complete(
            p.team(),
            json!({ "dischargeId": id, "expectedVersion": 2, "dischargedOn": in_days(-3), "destination": "HOME" }),
        )
        .await;
    let day = |days: i64| {
        (chrono::Utc::now().date_naive() + chrono::Duration::days(days))
            .format("%d/%m/%Y")
            .to_string()
    };
    refused(
        &before,
        "dischargedOn",
        &format!(
            "La data di dimissione ({}) precede quella da cui il paziente è dimissibile ({})",
            day(-3),
            day(-2)
        ),
    );
    // The same day is a wait of zero days.
    let same_day = p
        .complete(
            p.team(),
            json!({ "dischargeId": id, "expectedVersion": 2, "dischargedOn": in_days(-2), "destination": "HOME" }),
        )
        .await;
    assert_eq!(same_day.ok()["completeDischarge"]["status"], "DISCHARGED");
}

async fn a_plan_rests_on_a_signed_assessment_of_the_person(db: TestDb) {
    let p = Protocol::open(db).await;
    let id = p.report("Rosa").await;
    p.mark_dischargeable(&id, 1, &in_days(-1)).await;
    // A draft recorded for the discharge is not agreed on.
    let draft = p.assess(&id, false).await;
    let on_draft = p
        .agree(json!({ "dischargeId": id, "expectedVersion": 2, "destination": "RSA", "assessmentId": draft }))
        .await;
    refused(
        &on_draft,
        "assessmentId",
        "La valutazione UVM non è ancora firmata: firmala prima di concordare il piano",
    );
    // Nor when it is only linked to the discharge.
    p.schedule(&id, 2).await;
    let linked_draft = p
        .agree(json!({ "dischargeId": id, "expectedVersion": 3, "destination": "RSA" }))
        .await;
    refused(
        &linked_draft,
        "assessmentId",
        "La valutazione UVM non è ancora firmata: firmala prima di concordare il piano",
    );

    // Another stay: the plan agreed at the UVM meeting, the assessment logged
    // after it.
    let later = p.report("Lidia").await;
    p.mark_dischargeable(&later, 1, &in_days(-1)).await;
    p.schedule(&later, 2).await;
    let planned = p
        .agree(json!({ "dischargeId": later, "expectedVersion": 3, "destination": "RSA", "needs": ["RSA"] }))
        .await;
    assert_eq!(planned.ok()["agreeDischargePlan"]["status"], "PLAN_AGREED");
    let complete = json!({ "dischargeId": later, "expectedVersion": 4, "dischargedOn": in_days(0), "destination": "RSA" });
    refused(
        &p.complete(p.team(), complete.clone()).await,
        "assessmentId",
        "Il piano non poggia su una valutazione UVM: registra la valutazione per questa \
         dimissione e firmala prima di dimettere",
    );
    let logged = p.assess(&later, false).await;
    refused(
        &p.complete(p.team(), complete.clone()).await,
        "assessmentId",
        "La valutazione UVM del piano non è ancora firmata: firmala prima di registrare la \
         dimissione",
    );
    p.team().gql(SIGN, json!({ "id": logged })).await.ok();
    let done = p.complete(&p.ward, complete).await;
    assert_eq!(done.ok()["completeDischarge"]["status"], "DISCHARGED");
    let read = p
        .team()
        .gql(
            "query($id: ID!) { discharge(id: $id) { plan { assessment { id } } } }",
            json!({ "id": later }),
        )
        .await;
    assert_eq!(
        read.ok()["discharge"]["plan"]["assessment"]["id"],
        json!(logged),
        "the assessment the discharge rested on is the plan's"
    );

    // Another person's signed assessment is not this plan's.
    let third = p.report("Ada").await;
    let stranger = p.assess(&later, true).await;
    let elsewhere = p
        .agree(json!({ "dischargeId": third, "expectedVersion": 1, "destination": "RSA", "assessmentId": stranger }))
        .await;
    refused(
        &elsewhere,
        "assessmentId",
        "La valutazione non riguarda questa persona",
    );
    // Signed and hers: agreed straight from the report.
    let hers = p.assess(&third, true).await;
    let agreed = p
        .agree(json!({ "dischargeId": third, "expectedVersion": 1, "destination": "RSA", "assessmentId": hers }))
        .await;
    assert_eq!(
        agreed.ok()["agreeDischargePlan"]["plan"]["assessment"]["id"],
        json!(hers)
    );
}

async fn the_plan_lists_structured_needs_and_a_note(db: TestDb) {
    let p = Protocol::open(db).await;
    let id = p.report("Rosa").await;
    let assessment = p.assess(&id, true).await;
    let agreed = p
        .agree(json!({
            "dischargeId": id, "expectedVersion": 1, "destination": "HOME_WITH_SAD_AND_ADI",
            "needs": ["ADI", "OTHER", "SAD", "ADI"], "note": "Ausili: letto articolato",
            "assessmentId": assessment
        }))
        .await;
    let agreed = agreed.ok()["agreeDischargePlan"].clone();
    assert_eq!(agreed["planNeeds"], json!(["SAD", "ADI", "OTHER"]));
    assert_eq!(agreed["planNote"], "Ausili: letto articolato");
    assert_eq!(agreed["plan"]["destination"], "HOME_WITH_SAD_AND_ADI");
    assert_eq!(agreed["plan"]["services"], "Ausili: letto articolato");

    // The former free-text field is still read, as the note.
    let other = p.report("Lidia").await;
    p.schedule(&other, 1).await;
    let former = p
        .agree(json!({ "dischargeId": other, "expectedVersion": 2, "destination": "HOME", "services": "Nessuno" }))
        .await;
    let former = former.ok()["agreeDischargePlan"].clone();
    assert_eq!(former["planNeeds"], json!([]));
    assert_eq!(former["planNote"], "Nessuno");
    // "Other" is one word: the schema knows no ALTRO need.
    let altro = p
        .team()
        .gql(
            AGREE,
            json!({ "input": { "dischargeId": other, "expectedVersion": 3, "destination": "HOME", "needs": ["ALTRO"] } }),
        )
        .await;
    assert!(!altro.errors().is_null(), "{}", altro.body);
}

async fn a_discharge_home_with_services_continues_or_opens_the_pai(db: TestDb) {
    let p = Protocol::open(db).await;
    let id = p.planned("Rosa", "HOME_WITH_ADI", json!(["ADI"])).await;
    // No PAI is open: the ward may not open one.
    refused(
        &p.complete_planned(&p.ward, &id, "HOME_WITH_ADI").await,
        "destination",
        "La persona non ha un PAI aperto: la dimissione a domicilio con servizi la registra \
         l'équipe ricevente, che apre il PAI",
    );
    // The receiving team's member does, and becomes its case manager.
    let done = p.complete_planned(p.team(), &id, "HOME_WITH_ADI").await;
    let project = done.ok()["completeDischarge"]["project"].clone();
    assert_eq!(project["kind"], "PAI");
    assert_eq!(project["status"], "INTAKE");
    assert_eq!(project["team"]["id"], json!(p.desk.team_id));
    assert_eq!(project["caseManager"]["id"], json!(p.desk.operator_id));
    let pai = project["id"].clone();
    let history = p
        .team()
        .gql(
            "query($id: ID!) { project(id: $id) { history { kind } } }",
            json!({ "id": pai }),
        )
        .await;
    assert_eq!(
        history.ok()["project"]["history"],
        json!([{ "kind": "PROJECT_OPENED" }]),
        "opened as openProject opens"
    );
    let opened = p
        .app
        .count("SELECT COUNT(*) FROM audit_events WHERE action = 'PROJECT_OPENED'")
        .await;
    assert_eq!(opened, 1);

    // Her next stay continues the same PAI, and now the ward may record it.
    let next = p.planned("Rosa", "HOME_WITH_SAD", json!(["SAD"])).await;
    let again = p.complete_planned(&p.ward, &next, "HOME_WITH_SAD").await;
    assert_eq!(again.ok()["completeDischarge"]["status"], "DISCHARGED");
    let linked = p
        .team()
        .gql(
            "query($id: ID!) { discharge(id: $id) { project { id } } }",
            json!({ "id": next }),
        )
        .await;
    assert_eq!(linked.ok()["discharge"]["project"]["id"], pai);

    // A chosen project must be the person's.
    let stranger = p.report("Ada").await;
    p.mark_dischargeable(&stranger, 1, &in_days(-1)).await;
    let chosen = p
        .complete(
            p.team(),
            json!({ "dischargeId": stranger, "expectedVersion": 2, "dischargedOn": in_days(0), "destination": "HOME", "projectId": pai }),
        )
        .await;
    refused(
        &chosen,
        "projectId",
        "Il progetto non riguarda questa persona",
    );
}

async fn the_linked_project_is_seen_only_by_those_responsible_for_the_person(db: TestDb) {
    let p = Protocol::open(db).await;
    let id = p.planned("Rosa", "HOME_WITH_SAD", json!([])).await;
    let done = p.complete_planned(p.team(), &id, "HOME_WITH_SAD").await;
    let pai = done.ok()["completeDischarge"]["project"]["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let read = "query($id: ID!) { discharge(id: $id) { id project { id title } } }";
    // The receiving team sees it.
    let team = p.team().gql(read, json!({ "id": id })).await;
    assert_eq!(team.ok()["discharge"]["project"]["id"], json!(pai));
    // The ward sees its discharge, not the project.
    let ward = p.ward.gql(read, json!({ "id": id })).await;
    assert_eq!(ward.ok()["discharge"]["id"], json!(id));
    assert!(ward.ok()["discharge"]["project"].is_null(), "{}", ward.body);
    // Another team, an administrator and an auditor see neither.
    let other_team = p
        .app
        .team(&p.desk.admin, "UVM Darfo", "UVM", &p.desk.organization_id)
        .await;
    let (other, other_id) = p.app.operator("altra@asst.test").await;
    p.app
        .add_member(&p.desk.admin, &other_team, &other_id, "MEMBER")
        .await;
    p.app.make_user("dpo@asst.test", Role::Auditor, None).await;
    let auditor = p.app.client();
    auditor
        .login_ok("dpo@asst.test", ponte_tests::PASSWORD)
        .await;
    for (who, client) in [
        ("another team", &other),
        ("an administrator", &p.desk.admin),
        ("an auditor", &auditor),
    ] {
        let answer = client.gql(read, json!({ "id": id })).await;
        answer.expect_code("FORBIDDEN");
        let mut ids = BTreeSet::new();
        ids_in(&answer.body, &mut ids);
        assert!(!ids.contains(&pai), "{who}: {}", answer.body);
        let project = client
            .gql(
                "query($id: ID!) { project(id: $id) { id } }",
                json!({ "id": pai }),
            )
            .await;
        assert!(project.code().is_some(), "{who}: {}", project.body);
    }
}

async fn former_values_of_the_care_settings_still_read_and_are_accepted(db: TestDb) {
    let p = Protocol::open(db).await;
    // The former "home with services" is accepted and counts as such: it
    // continues (here opens) the PAI.
    let id = p.planned("Rosa", "HOME_WITH_SERVICES", json!([])).await;
    let done = p
        .complete_planned(p.team(), &id, "HOME_WITH_SERVICES")
        .await;
    let done = done.ok()["completeDischarge"].clone();
    assert_eq!(done["destination"], "HOME_WITH_SERVICES");
    assert_eq!(done["project"]["kind"], "PAI");
    // A recommendation of "RSA or RSD" reads back as recorded.
    let person = p.person_of(&id).await;
    let recorded = p
        .team()
        .gql(
            "mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { recommendedSetting } }",
            json!({ "input": {
                "personId": person, "teamId": p.uvm, "participantIds": [p.desk.operator_id],
                "date": in_days(-1), "setting": "DOMICILIO", "reason": "REASSESSMENT",
                "needLevel": "HIGH", "recommendedSetting": "RSA_RSD"
            } }),
        )
        .await;
    assert_eq!(
        recorded.ok()["recordAssessment"]["recommendedSetting"],
        "RSA_RSD"
    );
}
