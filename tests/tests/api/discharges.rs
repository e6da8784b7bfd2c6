use std::ops::Deref;
use std::time::Duration;

use ponte_server::domain::vocabulary::Role;
use ponte_server::notify::worker::Worker;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::smtp::{HeldPort, SmtpServer};
use ponte_tests::world::{person_input, ProtectedDischarges};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb, PASSWORD};

on_both_databases!(
    a_report_reaches_the_team_by_email_and_in_app_without_health_data,
    the_ward_sees_its_discharge_but_not_the_persons_record,
    while_smtp_is_down_emails_wait_and_all_arrive_once_it_is_back,
    a_refused_address_ends_in_the_dead_letter_list_and_can_be_retried,
    two_workers_deliver_two_hundred_emails_exactly_once,
    the_reminder_fires_once_and_only_without_an_agreed_plan,
    the_workflow_allows_its_moves_and_refuses_the_others,
    allowed_actions_follow_the_discharge_through_its_workflow,
    indicators_on_a_known_data_set_give_the_known_numbers,
    a_discharge_is_never_both_completed_and_cancelled,
    nobody_is_notified_of_their_own_act_and_all_can_be_marked_read,
);

const REPORT: &str = "mutation($input: ReportDischargeInput!) { reportDischarge(input: $input) { id version status patient { familyName } person { id } } }";
const NEEDS: &str = "Piede diabetico, insulina tre volte al giorno";

/// The protocol's PUA with a second active member and a former one, its
/// UVM, the hospital and a ward user.
struct Ward {
    protocol: ProtectedDischarges,
    colleague: Client,
    colleague_email: String,
}

/// The desk, its UVM and the ward are the shared world's.
impl Deref for Ward {
    type Target = ProtectedDischarges;

    fn deref(&self) -> &ProtectedDischarges {
        &self.protocol
    }
}

impl Ward {
    async fn open(app: &TestApp) -> Ward {
        let protocol = ProtectedDischarges::open(app).await;
        let desk = &protocol.desk;
        let colleague_email = "collega@asst.test".to_owned();
        let (colleague, colleague_id) = app.operator(&colleague_email).await;
        app.add_member(&desk.admin, &desk.team_id, &colleague_id, "MEMBER")
            .await;
        let gone = app.make_user("ex@asst.test", Role::Operator, None).await;
        app.add_member(&desk.admin, &desk.team_id, &gone, "MEMBER")
            .await;
        app.remove_member(&desk.admin, &desk.team_id, &gone).await;
        Ward {
            protocol,
            colleague,
            colleague_email,
        }
    }

    fn input(&self, expected: &str) -> Value {
        let identity = person_input(&self.desk.team_id, "Tognali", "Rosa", (1937, 3, 3), "F");
        json!({ "input": {
            "patient": {
                "fiscalCode": identity["fiscalCode"], "givenName": "Rosa", "familyName": "Tognali",
                "birthDate": "1937-03-03", "sex": "F"
            },
            "hospitalId": self.hospital, "ward": "Medicina generale", "admittedOn": "2026-11-10",
            "expectedDischargeOn": expected, "teamId": self.desk.team_id, "needs": NEEDS
        } })
    }

    async fn report(&self, expected: &str) -> Value {
        self.ward.gql(REPORT, self.input(expected)).await.ok()["reportDischarge"].clone()
    }

    /// A signed UVM assessment of the discharge's person, recorded for the
    /// discharge: what a plan for anything but home without services rests on.
    async fn assess(&self, discharge: &Value) {
        let discharge = discharge.as_str().unwrap();
        let id = self
            .record_assessment(discharge, &in_days(-1), "HOME_WITH_SAD")
            .await;
        self.desk
            .operator
            .gql(
                "mutation($id: ID!) { signAssessment(input: { assessmentId: $id }) { id } }",
                json!({ "id": id }),
            )
            .await
            .ok();
    }
}

fn in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string()
}

async fn a_report_reaches_the_team_by_email_and_in_app_without_health_data(db: TestDb) {
    let smtp = SmtpServer::start().await;
    let url = smtp.url();
    let app = TestApp::spawn_with(db, |c| c.smtp_url = Some(url)).await;
    let ward = Ward::open(&app).await;
    let reported = ward.report(&in_days(5)).await;
    assert_eq!(reported["status"], "REPORTED");

    let mails = smtp.wait_for(2, Duration::from_secs(30)).await;
    assert_eq!(mails.len(), 2, "the two active members, not the former one");
    let mut recipients: Vec<String> = mails.iter().flat_map(|m| m.to.clone()).collect();
    recipients.sort();
    let operator_email = ward.desk.operator.me().await["email"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut expected = vec![ward.colleague_email.clone(), operator_email];
    expected.sort();
    assert_eq!(recipients, expected);
    let link = format!(
        "{}/dimissioni/{}",
        app.base_url,
        reported["id"].as_str().unwrap()
    );
    for mail in &mails {
        let text = mail.text();
        assert!(
            text.contains("Subject: Nuova dimissione protetta: R.T."),
            "{text}"
        );
        assert!(text.contains(&link), "{text}");
        for secret in [
            "Piede",
            "diabetico",
            "insulina",
            "Medicina",
            "Tognali",
            "Rosa",
        ] {
            assert!(
                !text.contains(secret),
                "{secret} in an email: {}",
                mail.data
            );
        }
    }

    let inbox = "query($unread: Boolean) { notifications(unreadOnly: $unread) { totalCount nodes { id title link read } } }";
    let unread = ward.colleague.gql(inbox, json!({ "unread": true })).await;
    let unread = unread.ok()["notifications"].clone();
    assert_eq!(unread["totalCount"], 1);
    assert_eq!(
        unread["nodes"][0]["title"],
        "Nuova dimissione protetta: R.T."
    );
    assert_eq!(
        unread["nodes"][0]["link"],
        format!("/dimissioni/{}", reported["id"].as_str().unwrap())
    );
    let id = unread["nodes"][0]["id"].clone();
    // Someone else's notification does not exist for you.
    ward.ward
        .gql(
            "mutation($id: ID!) { markNotificationRead(id: $id) { read } }",
            json!({ "id": id }),
        )
        .await
        .expect_code("NOT_FOUND");
    let read = ward
        .colleague
        .gql(
            "mutation($id: ID!) { markNotificationRead(id: $id) { read } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(read.ok()["markNotificationRead"]["read"], true);
    assert_eq!(
        ward.colleague
            .gql(inbox, json!({ "unread": true }))
            .await
            .ok()["notifications"]["totalCount"],
        0
    );
    assert_eq!(
        ward.colleague
            .gql(inbox, json!({ "unread": false }))
            .await
            .ok()["notifications"]["totalCount"],
        1
    );
}

async fn the_ward_sees_its_discharge_but_not_the_persons_record(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let ward = Ward::open(&app).await;
    let reported = ward.report(&in_days(3)).await;
    let read = "query($id: ID!) { discharge(id: $id) { needs patient { familyName } person { id } hospital { name } } }";
    let seen = ward.ward.gql(read, json!({ "id": reported["id"] })).await;
    let seen = seen.ok()["discharge"].clone();
    assert_eq!(seen["patient"]["familyName"], "Tognali");
    assert_eq!(seen["needs"], NEEDS);
    assert!(seen["person"].is_null(), "the ward does not get the record");
    let team_view = ward
        .colleague
        .gql(read, json!({ "id": reported["id"] }))
        .await;
    let person_id = team_view.ok()["discharge"]["person"]["id"].clone();
    assert!(person_id.is_string(), "{}", team_view.body);
    ward.ward
        .gql(
            "query($id: ID!) { person(id: $id) { id } }",
            json!({ "id": person_id }),
        )
        .await
        .expect_code("FORBIDDEN");
    let listed = ward
        .ward
        .gql("{ discharges { totalCount } }", json!({}))
        .await;
    assert_eq!(listed.ok()["discharges"]["totalCount"], 1);

    // The receiving team gets the whole record, and the person is in its care.
    assert_eq!(
        team_view.ok()["discharge"]["patient"]["familyName"],
        "Tognali"
    );
    // Reporting the same person again links to the record, creating nobody.
    ward.report(&in_days(4)).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM persons").await, 1);
    let (stranger, _) = app.operator("altro@ospedale.test").await;
    stranger
        .gql(read, json!({ "id": reported["id"] }))
        .await
        .expect_code("FORBIDDEN");
}

async fn while_smtp_is_down_emails_wait_and_all_arrive_once_it_is_back(db: TestDb) {
    // A port nobody listens on, for now, held by this test.
    let port = HeldPort::new();
    let url = port.url();
    // A minute before the first retry: the clock, not the machine's speed,
    // decides when it comes.
    let app = TestApp::spawn_with(db, |c| {
        c.smtp_url = Some(url);
        c.mail_retry_base = Duration::from_secs(60);
    })
    .await;
    let ward = Ward::open(&app).await;
    ward.report(&in_days(5)).await;
    ward.report(&in_days(6)).await;
    // Every email tried once, and one more round in which none was due.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while app
        .count("SELECT COUNT(*) FROM outbox_emails WHERE attempts = 0")
        .await
        > 0
        && tokio::time::Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    app.worker_round().await;
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox_emails WHERE status = 'SENT'")
            .await,
        0
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox_emails WHERE status = 'DEAD'")
            .await,
        0,
        "a refused connection is not permanent"
    );
    assert!(
        app.count("SELECT COUNT(*) FROM outbox_emails WHERE attempts >= 1")
            .await
            >= 1,
        "attempts were made"
    );
    let tried_again = app
        .count("SELECT CAST(MAX(attempts) AS BIGINT) FROM outbox_emails")
        .await;
    assert!(
        tried_again < 6,
        "attempts back off instead of hammering: {tried_again}"
    );

    let smtp = SmtpServer::start_on_held(port);
    app.clock.advance(Duration::from_secs(61));
    let mails = smtp.wait_for(4, Duration::from_secs(30)).await;
    app.worker_round().await;
    assert_eq!(smtp.received().len(), 4, "every email once: {mails:?}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox_emails WHERE status = 'SENT'")
            .await,
        4
    );
}

async fn a_refused_address_ends_in_the_dead_letter_list_and_can_be_retried(db: TestDb) {
    let smtp = SmtpServer::start().await;
    smtp.refuse("collega@asst.test");
    let url = smtp.url();
    let app = TestApp::spawn_with(db, |c| c.smtp_url = Some(url)).await;
    let ward = Ward::open(&app).await;
    ward.report(&in_days(5)).await;
    smtp.wait_for(1, Duration::from_secs(30)).await;
    app.wait_for_count(
        "SELECT COUNT(*) FROM outbox_emails WHERE status = 'DEAD'",
        1,
        Duration::from_secs(30),
    )
    .await;
    let failed = ward
        .desk
        .admin
        .gql("{ failedNotifications { totalCount nodes { id recipient status attempts lastError } } }", json!({}))
        .await;
    let failed = failed.ok()["failedNotifications"].clone();
    assert_eq!(failed["totalCount"], 1);
    assert_eq!(failed["nodes"][0]["recipient"], ward.colleague_email);
    assert!(failed["nodes"][0]["lastError"]
        .as_str()
        .unwrap()
        .contains("550"));
    ward.desk
        .operator
        .gql("{ failedNotifications { totalCount } }", json!({}))
        .await
        .expect_code("FORBIDDEN");

    smtp.accept_everyone();
    let retried = ward
        .desk
        .admin
        .gql(
            "mutation($id: ID!) { retryNotification(id: $id) { status attempts } }",
            json!({ "id": failed["nodes"][0]["id"] }),
        )
        .await;
    // What the admin did, even when the worker has already claimed it.
    assert_eq!(retried.ok()["retryNotification"]["status"], "PENDING");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'EMAIL_RETRIED'")
            .await,
        1
    );
    let mails = smtp.wait_for(2, Duration::from_secs(30)).await;
    assert_eq!(mails.len(), 2);
    assert_eq!(mails[1].to, vec![ward.colleague_email.clone()]);
}

async fn two_workers_deliver_two_hundred_emails_exactly_once(db: TestDb) {
    let (smtp, app) = TestApp::spawn_mailing_by_hand(db).await;
    let recipients: Vec<String> = (0..200).map(|i| format!("persona{i}@asst.test")).collect();
    app.queue_emails(&recipients).await;

    // Two instances: each its own pool on the same database.
    let mut workers = Vec::new();
    for _ in 0..2 {
        let db = ponte_server::db::connect(&app.config.database_url)
            .await
            .unwrap();
        workers.push(Worker::new(db, &app.config, app.clock.clock()).unwrap());
    }
    let (a, b) = tokio::join!(workers[0].run_once(), workers[1].run_once());
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(
        a + b,
        200,
        "each email sent by exactly one worker ({a} + {b})"
    );
    let received = smtp.wait_for(200, Duration::from_secs(30)).await;
    let mut subjects: Vec<String> = received
        .iter()
        .filter_map(|m| {
            m.data
                .lines()
                .find(|l| l.starts_with("Subject: "))
                .map(str::to_owned)
        })
        .collect();
    subjects.sort();
    subjects.dedup();
    assert_eq!(received.len(), 200);
    assert_eq!(subjects.len(), 200, "no email twice");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM outbox_emails WHERE status = 'SENT'")
            .await,
        200
    );
}

async fn the_reminder_fires_once_and_only_without_an_agreed_plan(db: TestDb) {
    let (smtp, app) = TestApp::spawn_mailing_by_hand(db).await;
    let ward = Ward::open(&app).await;
    let worker = Worker::new(app.db.clone(), &app.config, app.clock.clock()).unwrap();
    let without_plan = ward.report(&in_days(1)).await;
    let other = person_input(&ward.desk.team_id, "Bonetti", "Aldo", (1941, 1, 1), "M");
    let mut input = ward.input(&in_days(1));
    input["input"]["patient"]["fiscalCode"] = other["fiscalCode"].clone();
    input["input"]["patient"]["givenName"] = json!("Aldo");
    input["input"]["patient"]["familyName"] = json!("Bonetti");
    input["input"]["patient"]["birthDate"] = json!("1941-01-01");
    input["input"]["patient"]["sex"] = json!("M");
    let with_plan = ward.ward.gql(REPORT, input).await.ok()["reportDischarge"].clone();
    ward.desk
        .operator
        .gql(
            "mutation($input: UpdateDischargeInput!) { updateDischarge(input: $input) { status } }",
            json!({ "input": { "dischargeId": with_plan["id"], "expectedVersion": 1, "assessmentScheduledOn": in_days(0) } }),
        )
        .await
        .ok();
    ward.desk
        .operator
        .gql(
            "mutation($input: AgreeDischargePlanInput!) { agreeDischargePlan(input: $input) { status } }",
            json!({ "input": { "dischargeId": with_plan["id"], "expectedVersion": 2, "destination": "HOME_WITH_SERVICES", "services": "SAD" } }),
        )
        .await
        .ok();
    // Far from its date: no reminder.
    ward.report(&in_days(9)).await;

    for _ in 0..3 {
        worker.run_once().await.unwrap();
    }
    let reminders: Vec<_> = smtp
        .received()
        .into_iter()
        .filter(|m| m.text().contains("Promemoria"))
        .collect();
    assert_eq!(
        reminders.len(),
        2,
        "one per team member, for the discharge without a plan only"
    );
    assert!(reminders
        .iter()
        .all(|m| m.text().contains(without_plan["id"].as_str().unwrap())));
    worker.run_once().await.unwrap();
    assert_eq!(
        smtp.received()
            .iter()
            .filter(|m| m.text().contains("Promemoria"))
            .count(),
        2,
        "once"
    );
}

async fn the_workflow_allows_its_moves_and_refuses_the_others(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let ward = Ward::open(&app).await;
    let team = &ward.desk.operator;
    let reported = ward.report(&in_days(4)).await;
    let id = reported["id"].clone();
    let agree = "mutation($input: AgreeDischargePlanInput!) { agreeDischargePlan(input: $input) { status version plan { destination services } } }";
    let complete = "mutation($input: CompleteDischargeInput!) { completeDischarge(input: $input) { status version destination suggestedProject { kind teamId } project { kind team { id } } } }";
    let cancel =
        "mutation($input: CancelDischargeInput!) { cancelDischarge(input: $input) { status } }";

    // Completing to services before a plan, or agreeing a plan with no
    // assessment, is refused.
    let early = team.gql(complete, json!({ "input": { "dischargeId": id, "expectedVersion": 1, "dischargedOn": in_days(0), "destination": "HOME_WITH_SAD" } })).await;
    early.expect_code("VALIDATION");
    assert_eq!(early.field(), Some("destination"));
    let unassessed = team
        .gql(
            agree,
            json!({ "input": { "dischargeId": id, "expectedVersion": 1, "destination": "HOME" } }),
        )
        .await;
    unassessed.expect_code("VALIDATION");
    // The ward cannot agree the plan: that is the team's.
    ward.ward
        .gql(
            agree,
            json!({ "input": { "dischargeId": id, "expectedVersion": 1, "destination": "HOME" } }),
        )
        .await
        .expect_code("FORBIDDEN");

    let dischargeable = team
        .gql(
            "mutation($input: MarkDischargeableInput!) { markDischargeable(input: $input) { version dischargeableOn } }",
            json!({ "input": { "dischargeId": id, "expectedVersion": 1, "date": in_days(0) } }),
        )
        .await;
    assert_eq!(dischargeable.ok()["markDischargeable"]["version"], 2);
    let scheduled = team
        .gql(
            "mutation($input: UpdateDischargeInput!) { updateDischarge(input: $input) { status version } }",
            json!({ "input": { "dischargeId": id, "expectedVersion": 2, "assessmentScheduledOn": in_days(1) } }),
        )
        .await;
    assert_eq!(
        scheduled.ok()["updateDischarge"]["status"],
        "ASSESSMENT_SCHEDULED"
    );
    let stale = team.gql(agree, json!({ "input": { "dischargeId": id, "expectedVersion": 2, "destination": "HOME_WITH_SERVICES" } })).await;
    stale.expect_code("CONFLICT");
    let planned = team
        .gql(agree, json!({ "input": { "dischargeId": id, "expectedVersion": 3, "destination": "HOME_WITH_SERVICES", "services": "SAD tre volte a settimana, ADI" } }))
        .await;
    assert_eq!(planned.ok()["agreeDischargePlan"]["status"], "PLAN_AGREED");
    // The UVM logs and signs its assessment after the meeting; the team
    // records the discharge, which opens the PAI it suggested before.
    ward.assess(&id).await;
    let done = team
        .gql(complete, json!({ "input": { "dischargeId": id, "expectedVersion": 4, "dischargedOn": in_days(0), "destination": "HOME_WITH_SERVICES" } }))
        .await;
    let done = done.ok()["completeDischarge"].clone();
    assert_eq!(done["status"], "DISCHARGED");
    assert_eq!(done["project"]["kind"], "PAI");
    assert_eq!(done["project"]["team"]["id"], ward.desk.team_id);
    assert!(
        done["suggestedProject"].is_null(),
        "the PAI is open already"
    );
    team.gql(
        cancel,
        json!({ "input": { "dischargeId": id, "expectedVersion": 5, "reason": "OTHER" } }),
    )
    .await
    .expect_code("VALIDATION");

    // A report can be cancelled straight away.
    let other = ward.report(&in_days(2)).await;
    let cancelled = ward.ward.gql(cancel, json!({ "input": { "dischargeId": other["id"], "expectedVersion": 1, "reason": "TRANSFER", "note": "Trasferito in altro ospedale" } })).await;
    assert_eq!(cancelled.ok()["cancelDischarge"]["status"], "CANCELLED");
    let listed = team
        .gql(
            "{ discharges(status: CANCELLED) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(listed.ok()["discharges"]["totalCount"], 1);
}

/// The steps `discharge.allowedActions` offers. The ward and the receiving
/// team are offered the same ones: who may take a step is checked when it is
/// taken.
async fn allowed_actions(ward: &Ward, id: &Value) -> Value {
    let read = "query($id: ID!) { discharge(id: $id) { allowedActions } }";
    let mut seen = Vec::new();
    for client in [&ward.ward, &ward.desk.operator] {
        let found = client.gql(read, json!({ "id": id })).await;
        seen.push(found.ok()["discharge"]["allowedActions"].clone());
    }
    assert_eq!(seen[0], seen[1], "ward and team");
    seen.swap_remove(0)
}

async fn allowed_actions_follow_the_discharge_through_its_workflow(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let ward = Ward::open(&app).await;
    let team = &ward.desk.operator;

    let reported = ward.report(&in_days(4)).await;
    let id = reported["id"].clone();
    // Home without services needs no plan, so completing is offered at once.
    assert_eq!(
        allowed_actions(&ward, &id).await,
        json!(["SCHEDULE_ASSESSMENT", "COMPLETE", "CANCEL"])
    );
    team.gql(
        "mutation($input: UpdateDischargeInput!) { updateDischarge(input: $input) { status } }",
        json!({ "input": { "dischargeId": id, "expectedVersion": 1, "assessmentScheduledOn": in_days(1) } }),
    )
    .await
    .ok();
    assert_eq!(
        allowed_actions(&ward, &id).await,
        json!(["AGREE_PLAN", "COMPLETE", "CANCEL"])
    );
    team.gql(
        "mutation($input: AgreeDischargePlanInput!) { agreeDischargePlan(input: $input) { status } }",
        json!({ "input": { "dischargeId": id, "expectedVersion": 2, "destination": "HOME" } }),
    )
    .await
    .ok();
    assert_eq!(
        allowed_actions(&ward, &id).await,
        json!(["COMPLETE", "CANCEL"])
    );
    team.gql(
        "mutation($input: MarkDischargeableInput!) { markDischargeable(input: $input) { id } }",
        json!({ "input": { "dischargeId": id, "expectedVersion": 3, "date": in_days(0) } }),
    )
    .await
    .ok();
    ward.ward
        .gql(
            "mutation($input: CompleteDischargeInput!) { completeDischarge(input: $input) { status } }",
            json!({ "input": { "dischargeId": id, "expectedVersion": 4, "dischargedOn": in_days(0), "destination": "HOME" } }),
        )
        .await
        .ok();
    assert_eq!(allowed_actions(&ward, &id).await, json!([]));

    let other = ward.report(&in_days(2)).await;
    ward.ward
        .gql(
            "mutation($input: CancelDischargeInput!) { cancelDischarge(input: $input) { status } }",
            json!({ "input": { "dischargeId": other["id"], "expectedVersion": 1, "reason": "DEATH" } }),
        )
        .await
        .ok();
    assert_eq!(allowed_actions(&ward, &other["id"]).await, json!([]));
}

async fn indicators_on_a_known_data_set_give_the_known_numbers(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let ward = Ward::open(&app).await;
    let team = &ward.desk.operator;
    let admitted = -30;
    // (destination, days from dischargeable to discharged, with a SAD project)
    let cases = [
        ("HOME", 2, false),
        ("HOME_WITH_SERVICES", 4, true),
        ("HOME_WITH_SERVICES", 6, false),
        ("RSA", 10, false),
        ("CURE_INTERMEDIE", 20, false),
    ];
    for (i, (destination, days, sad)) in cases.iter().enumerate() {
        let identity = person_input(
            &ward.desk.team_id,
            "Caso",
            &format!("Numero{}", ["Uno", "Due", "Tre", "Quattro", "Cinque"][i]),
            (1940 + i as i32, 2, 2),
            "F",
        );
        let mut input = ward.input(&in_days(0));
        input["input"]["patient"] = json!({ "fiscalCode": identity["fiscalCode"], "givenName": identity["givenName"], "familyName": "Caso", "birthDate": identity["birthDate"], "sex": "F" });
        input["input"]["admittedOn"] = json!(in_days(admitted));
        let reported = ward.ward.gql(REPORT, input).await.ok()["reportDischarge"].clone();
        let id = reported["id"].clone();
        team.gql("mutation($input: MarkDischargeableInput!) { markDischargeable(input: $input) { id } }", json!({ "input": { "dischargeId": id, "expectedVersion": 1, "date": in_days(-1 - days) } })).await.ok();
        team.gql("mutation($input: UpdateDischargeInput!) { updateDischarge(input: $input) { id } }", json!({ "input": { "dischargeId": id, "expectedVersion": 2, "assessmentScheduledOn": in_days(-5) } })).await.ok();
        team.gql("mutation($input: AgreeDischargePlanInput!) { agreeDischargePlan(input: $input) { id } }", json!({ "input": { "dischargeId": id, "expectedVersion": 3, "destination": destination } })).await.ok();
        if *destination != "HOME" {
            ward.assess(&id).await;
        }
        let done = team.gql("mutation($input: CompleteDischargeInput!) { completeDischarge(input: $input) { project { id } } }", json!({ "input": { "dischargeId": id, "expectedVersion": 4, "dischargedOn": in_days(-1), "destination": destination } })).await;
        // Home with services opens the person's PAI; a SAD in it serves her.
        let project_id = done.ok()["completeDischarge"]["project"]["id"].clone();
        assert_eq!(project_id.is_null(), *destination != "HOME_WITH_SERVICES");
        if *sad {
            team.gql(
                "mutation($input: AddInterventionInput!) { addIntervention(input: $input) { id } }",
                json!({ "input": { "projectId": project_id, "lifeArea": "HOUSING", "serviceKind": "SAD", "frequency": "ogni giorno", "startDate": in_days(0) } }),
            )
            .await
            .ok();
        }
    }
    let query = "query($from: Date!, $to: Date!, $team: ID) { dischargeIndicators(from: $from, to: $to, teamId: $team) { discharged byDestination { destination count } homeAverageDays homeMedianDays residentialAverageDays residentialMedianDays needingSad withSadProject sadShare } }";
    let vars = json!({ "from": in_days(-10), "to": in_days(0), "team": ward.desk.team_id });
    let numbers = team.gql(query, vars.clone()).await;
    let numbers = numbers.ok()["dischargeIndicators"].clone();
    assert_eq!(numbers["discharged"], 5);
    assert_eq!(
        numbers["byDestination"],
        json!([
            { "destination": "CURE_INTERMEDIE", "count": 1 },
            { "destination": "HOME", "count": 1 },
            { "destination": "HOME_WITH_SERVICES", "count": 2 },
            { "destination": "RSA", "count": 1 }
        ])
    );
    assert_eq!(numbers["homeAverageDays"], 4.0);
    assert_eq!(numbers["homeMedianDays"], 4.0);
    assert_eq!(numbers["residentialAverageDays"], 15.0);
    assert_eq!(numbers["residentialMedianDays"], 15.0);
    assert_eq!(numbers["needingSad"], 2);
    assert_eq!(numbers["withSadProject"], 1);
    assert_eq!(numbers["sadShare"], 0.5);
    ward.ward.gql(query, vars).await.expect_code("FORBIDDEN");
    let _ = (&ward.colleague, &ward.ward_id, PASSWORD);
}

async fn a_discharge_is_never_both_completed_and_cancelled(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let ward = Ward::open(&app).await;
    let team = &ward.desk.operator;
    const DISCHARGEABLE: &str = "mutation($input: MarkDischargeableInput!) { markDischargeable(input: $input) { version } }";
    const SCHEDULE: &str =
        "mutation($input: UpdateDischargeInput!) { updateDischarge(input: $input) { version } }";
    const AGREE: &str = "mutation($input: AgreeDischargePlanInput!) { agreeDischargePlan(input: $input) { version } }";
    const COMPLETE: &str =
        "mutation($input: CompleteDischargeInput!) { completeDischarge(input: $input) { status } }";
    const CANCEL: &str =
        "mutation($input: CancelDischargeInput!) { cancelDischarge(input: $input) { status } }";
    const READ: &str =
        "query($id: ID!) { discharge(id: $id) { status version dischargedOn cancelReason } }";
    // The ward cancels on the version it read (4); the team completes naming
    // the version the cancellation writes (5), as a client counting versions
    // would. The completion starts a little later each round (0 to 6 ms), so
    // that some round reads the discharge before the cancellation commits and
    // writes after it: a step decided on the status being changed.
    for round in 0..20u64 {
        let id = ward.report(&in_days(4)).await["id"].clone();
        team.gql(
            DISCHARGEABLE,
            json!({ "input": { "dischargeId": id, "expectedVersion": 1, "date": in_days(0) } }),
        )
        .await
        .ok();
        team.gql(SCHEDULE, json!({ "input": { "dischargeId": id, "expectedVersion": 2, "assessmentScheduledOn": in_days(1) } }))
            .await
            .ok();
        let agreed = team
            .gql(AGREE, json!({ "input": { "dischargeId": id, "expectedVersion": 3, "destination": "HOME" } }))
            .await;
        assert_eq!(
            agreed.ok()["agreeDischargePlan"]["version"],
            4,
            "round {round}"
        );

        let (cancelled, completed) = tokio::join!(
            ward.ward.gql(
                CANCEL,
                json!({ "input": { "dischargeId": id, "expectedVersion": 4, "reason": "TRANSFER" } })
            ),
            async {
                tokio::time::sleep(Duration::from_micros(300 * round)).await;
                team.gql(COMPLETE, json!({ "input": { "dischargeId": id, "expectedVersion": 5, "dischargedOn": in_days(0), "destination": "HOME" } }))
                    .await
            }
        );
        let after = team.gql(READ, json!({ "id": id })).await;
        let after = after.ok()["discharge"].clone();
        assert!(
            after["dischargedOn"].is_null() || after["cancelReason"].is_null(),
            "round {round}: both recorded: {after} ({} / {})",
            cancelled.body,
            completed.body
        );
        // Exactly one of the two happened; the other was refused as late.
        let codes = [cancelled.code(), completed.code()];
        assert!(
            codes.contains(&None)
                && (codes.contains(&Some("CONFLICT")) || codes.contains(&Some("VALIDATION"))),
            "round {round}: {codes:?}"
        );
        assert_eq!(after["status"] == "CANCELLED", cancelled.code().is_none());
        assert_eq!(after["status"] == "DISCHARGED", completed.code().is_none());
        assert_eq!(
            after["version"], 5,
            "round {round}: one change on top of the plan"
        );
    }
}

/// Issue 16: the member who moves the expected date is not told of it; the
/// colleague is, and marks everything read at once.
async fn nobody_is_notified_of_their_own_act_and_all_can_be_marked_read(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let ward = Ward::open(&app).await;
    let reported = ward.report(&in_days(3)).await;
    let change =
        "mutation($input: UpdateDischargeInput!) { updateDischarge(input: $input) { version } }";
    ward.desk
        .operator
        .gql(
            change,
            json!({ "input": { "dischargeId": reported["id"], "expectedVersion": reported["version"], "expectedDischargeOn": in_days(5) } }),
        )
        .await
        .ok();
    let inbox = "{ notifications(unreadOnly: true) { totalCount nodes { title } } }";
    let titles = |answer: &ponte_tests::Gql| -> Vec<String> {
        answer.ok()["notifications"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["title"].as_str().unwrap().to_owned())
            .collect()
    };
    // The report (by the ward) reached both members; the change only the one
    // who did not make it.
    let own = ward.desk.operator.gql(inbox, json!({})).await;
    assert_eq!(titles(&own), vec!["Nuova dimissione protetta: R.T."]);
    let colleague = ward.colleague.gql(inbox, json!({})).await;
    assert_eq!(titles(&colleague).len(), 2, "{}", colleague.body);
    let sent_to_colleague = format!(
        "SELECT COUNT(*) FROM outbox_emails WHERE recipient = '{}'",
        ward.colleague_email
    );
    assert_eq!(app.count(&sent_to_colleague).await, 2);

    let all = "mutation { markAllNotificationsRead }";
    let marked = ward.colleague.gql(all, json!({})).await;
    assert_eq!(marked.ok()["markAllNotificationsRead"], 2);
    let colleague = ward.colleague.gql(inbox, json!({})).await;
    assert_eq!(colleague.ok()["notifications"]["totalCount"], 0);
    // Only the caller's own: the other member's stays unread.
    let own = ward.desk.operator.gql(inbox, json!({})).await;
    assert_eq!(own.ok()["notifications"]["totalCount"], 1);
    assert_eq!(
        ward.colleague.gql(all, json!({})).await.ok()["markAllNotificationsRead"],
        0
    );
}
