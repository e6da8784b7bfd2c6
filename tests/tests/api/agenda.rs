//! The agenda (issue 17, point 2): a hand-built week read as MINE and as
//! MY_TEAMS, the day-before reminders queued once and carrying no personal
//! data, and the calendar feed with initials only behind a revocable secret.

use chrono::{Days, NaiveDate};
use ponte_server::domain::vocabulary::Role;
use ponte_server::notify::worker::Worker;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{fiscal_code_of, person_input, DischargeRoute};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

on_both_databases!(
    the_week_is_listed_overdue_first_for_me_and_for_my_teams,
    nobody_outside_the_teams_sees_the_agenda,
    reminders_are_queued_once_in_app_and_by_email_only_if_asked,
    the_calendar_feed_has_initials_only_and_stops_when_revoked,
);

const AGENDA: &str = "query($from: Date!, $to: Date!, $scope: AgendaScope!, $kinds: [AgendaKind!]) { agenda(from: $from, to: $to, scope: $scope, kinds: $kinds) { id kind date overdue project { id title } discharge { id } meeting { id title } person { id familyName } } }";

fn day(today: NaiveDate, offset: i64) -> String {
    let date = if offset >= 0 {
        today.checked_add_days(Days::new(offset as u64))
    } else {
        today.checked_sub_days(Days::new(offset.unsigned_abs()))
    };
    date.unwrap().to_string()
}

/// An EEMM (me, a colleague, a former member), a PUA receiving protected
/// discharges (me), another team with its own operator; one person with
/// three projects, two discharges, two meetings.
struct Week {
    app: TestApp,
    today: NaiveDate,
    admin: Client,
    me: Client,
    colleague: Client,
    former: Client,
    other: Client,
    fiscal_code: String,
    /// Overdue (3 days ago, mine), tomorrow (mine), in 2 days (the colleague's).
    overdue_review: String,
    tomorrow_review: String,
    colleague_review: String,
    /// Expected in 4 days; expected in 5 with its UVM assessment in 2.
    discharge: String,
    scheduled: String,
    /// Tomorrow, I take part; in 3 days, the team's with nobody named.
    my_meeting: String,
    team_meeting: String,
}

async fn week(app: TestApp) -> Week {
    let today = app.clock.today();
    let route = DischargeRoute::open(&app).await;
    let eemm = app
        .team(
            &route.admin,
            "EEMM Breno",
            "EQUIPE_MULTIDISCIPLINARE",
            &route.asst,
        )
        .await;
    let elsewhere = app
        .team(
            &route.admin,
            "EEMM Darfo",
            "EQUIPE_MULTIDISCIPLINARE",
            &route.asst,
        )
        .await;
    let (me, me_id) = app.operator("io@asst.test").await;
    let (colleague, colleague_id) = app.operator("collega@asst.test").await;
    let (former, former_id) = app.operator("ex@asst.test").await;
    let (other, other_id) = app.operator("altro@asst.test").await;
    for (team, user) in [
        (&eemm, &me_id),
        (&eemm, &colleague_id),
        (&eemm, &former_id),
        (&route.pua, &me_id),
        (&route.pua, &former_id),
        (&elsewhere, &other_id),
    ] {
        app.add_member(&route.admin, team, user, "MEMBER").await;
    }
    let identity = person_input(&eemm, "Bassi", "Teresa", (1939, 10, 10), "F");
    let fiscal_code = fiscal_code_of(&identity);
    let person = app.person(&me, identity).await;
    let open =
        "mutation($input: OpenProjectInput!) { openProject(input: $input) { id nextReviewOn } }";
    let mut projects = Vec::new();
    for (title, manager, review_in) in [
        ("Revisione scaduta", &me_id, -3),
        ("Revisione domani", &me_id, 1),
        ("Revisione della collega", &colleague_id, 2),
        ("Revisione lontana", &me_id, 20),
    ] {
        let opened = me
            .gql(
                open,
                json!({ "input": {
                    "personId": person, "kind": "PAI", "teamId": eemm, "caseManagerId": manager,
                    "title": title, "startDate": day(today, review_in - 30), "reviewEveryDays": 30,
                    "parallelReason": "Progetti di prova in parallelo"
                } }),
            )
            .await;
        let opened = opened.ok()["openProject"].clone();
        assert_eq!(opened["nextReviewOn"], day(today, review_in));
        projects.push(opened["id"].as_str().unwrap().to_owned());
    }
    let report =
        "mutation($input: ReportDischargeInput!) { reportDischarge(input: $input) { id version } }";
    let mut discharges = Vec::new();
    for (family, given, birth, expected) in [
        ("Tognali", "Rosa", (1937, 3, 3), 4),
        ("Bonetti", "Aldo", (1941, 1, 1), 5),
    ] {
        let identity = person_input(&route.pua, family, given, birth, "F");
        let reported = route.ward
            .gql(
                report,
                json!({ "input": {
                    "patient": { "fiscalCode": identity["fiscalCode"], "givenName": given, "familyName": family, "birthDate": identity["birthDate"], "sex": "F" },
                    "hospitalId": route.hospital, "ward": "Medicina", "admittedOn": day(today, -5),
                    "expectedDischargeOn": day(today, expected), "teamId": route.pua
                } }),
            )
            .await;
        discharges.push(reported.ok()["reportDischarge"].clone());
    }
    me.gql(
        "mutation($input: UpdateDischargeInput!) { updateDischarge(input: $input) { status } }",
        json!({ "input": { "dischargeId": discharges[1]["id"], "expectedVersion": discharges[1]["version"], "assessmentScheduledOn": day(today, 2) } }),
    )
    .await
    .ok();
    let plan = "mutation($input: MeetingInput!) { planMeeting(input: $input) { id } }";
    let mut meetings = Vec::new();
    for (title, planned, participants) in [
        ("Équipe del giovedì", 1, json!([me_id, colleague_id])),
        ("Supervisione", 3, json!([])),
    ] {
        let planned = me
            .gql(
                plan,
                json!({ "input": {
                    "kind": "EQUIPE", "title": title, "plannedOn": day(today, planned),
                    "teamId": eemm, "participantIds": participants
                } }),
            )
            .await;
        meetings.push(
            planned.ok()["planMeeting"]["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    app.remove_member(&route.admin, &eemm, &former_id).await;
    app.remove_member(&route.admin, &route.pua, &former_id)
        .await;
    let id = |v: &Value| v["id"].as_str().unwrap().to_owned();
    Week {
        today,
        admin: route.admin,
        me,
        colleague,
        former,
        other,
        fiscal_code,
        overdue_review: projects[0].clone(),
        tomorrow_review: projects[1].clone(),
        colleague_review: projects[2].clone(),
        discharge: id(&discharges[0]),
        scheduled: id(&discharges[1]),
        my_meeting: meetings[0].clone(),
        team_meeting: meetings[1].clone(),
        app,
    }
}

impl Week {
    fn window(&self, scope: &str) -> Value {
        json!({ "from": self.today.to_string(), "to": day(self.today, 6), "scope": scope })
    }
}

/// (kind, object id, overdue) of each item, in order.
fn items(answer: &ponte_tests::Gql) -> Vec<(String, String, bool)> {
    answer.ok()["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let object = ["project", "discharge", "meeting"]
                .iter()
                .find_map(|field| item[*field]["id"].as_str())
                .unwrap_or("-")
                .to_owned();
            (
                item["kind"].as_str().unwrap().to_owned(),
                object,
                item["overdue"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn item(kind: &str, id: &str, overdue: bool) -> (String, String, bool) {
    (kind.to_owned(), id.to_owned(), overdue)
}

async fn the_week_is_listed_overdue_first_for_me_and_for_my_teams(db: TestDb) {
    let w = week(TestApp::spawn(db).await).await;
    let mine = w.me.gql(AGENDA, w.window("MINE")).await;
    assert_eq!(
        items(&mine),
        vec![
            item("REVIEW_DUE", &w.overdue_review, true),
            item("REVIEW_DUE", &w.tomorrow_review, false),
            item("MEETING", &w.my_meeting, false),
            item("UVM_ASSESSMENT", &w.scheduled, false),
            item("EXPECTED_DISCHARGE", &w.discharge, false),
            item("EXPECTED_DISCHARGE", &w.scheduled, false),
        ],
        "{}",
        mine.body
    );
    let first = &mine.ok()["agenda"][0];
    assert_eq!(first["date"], day(w.today, -3));
    assert_eq!(first["person"]["familyName"], "Bassi");
    assert_eq!(first["project"]["title"], "Revisione scaduta");

    let teams = w.me.gql(AGENDA, w.window("MY_TEAMS")).await;
    assert_eq!(
        items(&teams),
        vec![
            item("REVIEW_DUE", &w.overdue_review, true),
            item("REVIEW_DUE", &w.tomorrow_review, false),
            item("MEETING", &w.my_meeting, false),
            item("REVIEW_DUE", &w.colleague_review, false),
            item("UVM_ASSESSMENT", &w.scheduled, false),
            item("MEETING", &w.team_meeting, false),
            item("EXPECTED_DISCHARGE", &w.discharge, false),
            item("EXPECTED_DISCHARGE", &w.scheduled, false),
        ],
        "{}",
        teams.body
    );
    // The colleague's MINE: their review and the meeting they take part in;
    // not in the PUA, so no discharge.
    let theirs = w.colleague.gql(AGENDA, w.window("MINE")).await;
    assert_eq!(
        items(&theirs),
        vec![
            item("MEETING", &w.my_meeting, false),
            item("REVIEW_DUE", &w.colleague_review, false),
        ]
    );

    let mut only = w.window("MY_TEAMS");
    only["kinds"] = json!(["MEETING", "UVM_ASSESSMENT"]);
    let filtered = w.me.gql(AGENDA, only).await;
    assert_eq!(
        items(&filtered),
        vec![
            item("MEETING", &w.my_meeting, false),
            item("UVM_ASSESSMENT", &w.scheduled, false),
            item("MEETING", &w.team_meeting, false),
        ]
    );
    // Next week holds nothing of this one, and no overdue item either.
    let next = json!({ "from": day(w.today, 7), "to": day(w.today, 13), "scope": "MY_TEAMS" });
    assert_eq!(items(&w.me.gql(AGENDA, next).await), vec![]);

    let too_wide = json!({ "from": w.today.to_string(), "to": day(w.today, 63), "scope": "MINE" });
    let refused = w.me.gql(AGENDA, too_wide).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("to"));
    let backwards = json!({ "from": w.today.to_string(), "to": day(w.today, -1), "scope": "MINE" });
    w.me.gql(AGENDA, backwards).await.expect_code("VALIDATION");

    // Reading the agenda is audited on each person shown.
    assert!(
        w.app
            .count("SELECT COUNT(*) FROM audit_events WHERE action = 'AGENDA_READ'")
            .await
            >= 3
    );
}

async fn nobody_outside_the_teams_sees_the_agenda(db: TestDb) {
    let w = week(TestApp::spawn(db).await).await;
    for (who, client) in [("former member", &w.former), ("other team", &w.other)] {
        for scope in ["MINE", "MY_TEAMS"] {
            let answer = client.gql(AGENDA, w.window(scope)).await;
            assert_eq!(items(&answer), vec![], "{who}, {scope}: {}", answer.body);
        }
    }
    let (auditor, _) = w.app.signed_in("revisore@asst.test", Role::Auditor).await;
    let (reporter, _) = w.app.signed_in("udp@ambito.test", Role::Reporter).await;
    for client in [&w.admin, &auditor, &reporter] {
        client
            .gql(AGENDA, w.window("MY_TEAMS"))
            .await
            .expect_code("FORBIDDEN");
        client
            .gql("mutation { createCalendarFeed { url } }", json!({}))
            .await
            .expect_code("FORBIDDEN");
    }
    w.app
        .client()
        .gql(AGENDA, w.window("MINE"))
        .await
        .expect_code("UNAUTHENTICATED");
}

async fn reminders_are_queued_once_in_app_and_by_email_only_if_asked(db: TestDb) {
    let (smtp, app) = TestApp::spawn_mailing_by_hand(db).await;
    let w = week(app).await;
    // Off until asked for.
    let settings =
        w.me.gql("{ agendaSettings { emailReminders } }", json!({}))
            .await;
    assert_eq!(settings.ok()["agendaSettings"]["emailReminders"], false);
    let set =
        w.me.gql(
            "mutation { setAgendaEmailReminders(enabled: true) { emailReminders } }",
            json!({}),
        )
        .await;
    assert_eq!(set.ok()["setAgendaEmailReminders"]["emailReminders"], true);

    let first = Worker::new(w.app.db.clone(), &w.app.config, w.app.clock.clock()).unwrap();
    let second = Worker::new(w.app.db.clone(), &w.app.config, w.app.clock.clock()).unwrap();
    let (a, b) = tokio::join!(first.run_once(), second.run_once());
    a.unwrap();
    b.unwrap();
    first.run_once().await.unwrap();
    second.run_once().await.unwrap();

    // Tomorrow: my review and the meeting (me and the colleague); the
    // colleague's review is in two days, the discharges later.
    let in_app = |email: &str| {
        format!(
            "SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id \
             WHERE n.kind = 'AGENDA_REMINDER' AND u.email = '{email}'"
        )
    };
    assert_eq!(w.app.count(&in_app("io@asst.test")).await, 2);
    assert_eq!(w.app.count(&in_app("collega@asst.test")).await, 1);
    assert_eq!(w.app.count(&in_app("ex@asst.test")).await, 0);
    assert_eq!(
        w.app.count("SELECT COUNT(*) FROM agenda_reminders").await,
        3
    );
    let links: Vec<Value> =
        w.me.gql("{ notifications { nodes { title link } } }", json!({}))
            .await
            .ok()["notifications"]["nodes"]
            .as_array()
            .unwrap()
            .clone();
    assert!(links
        .iter()
        .any(|n| n["link"] == format!("/progetti/{}", w.tomorrow_review)));
    assert!(links
        .iter()
        .any(|n| n["link"] == format!("/incontri/{}", w.my_meeting)));

    let mails: Vec<_> = smtp
        .received()
        .into_iter()
        .filter(|m| m.text().contains("Promemoria"))
        .collect();
    assert_eq!(mails.len(), 2, "mine only: the colleague did not ask");
    assert!(mails
        .iter()
        .all(|m| m.to == vec!["io@asst.test".to_owned()]));
    let tomorrow = w.today.succ_opt().unwrap().format("%d/%m/%Y").to_string();
    for mail in &mails {
        let text = mail.text();
        assert!(text.contains(&tomorrow), "{text}");
        for secret in [
            "Bassi",
            "Teresa",
            "T.B.",
            "B.T.",
            w.fiscal_code.as_str(),
            "Revisione domani",
            "Équipe del giovedì",
        ] {
            assert!(!text.contains(secret), "{secret} in an email: {text}");
        }
    }
    assert!(mails.iter().any(|m| m
        .text()
        .contains(&format!("/progetti/{}", w.tomorrow_review))));
}

async fn the_calendar_feed_has_initials_only_and_stops_when_revoked(db: TestDb) {
    let w = week(TestApp::spawn(db).await).await;
    let create = "mutation { createCalendarFeed { url settings { calendarFeedCreatedAt } } }";
    let created = w.me.gql(create, json!({})).await;
    let url = created.ok()["createCalendarFeed"]["url"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        url.starts_with(&format!("{}/calendar/ponte_cal_", w.app.base_url)),
        "{url}"
    );
    assert!(url.ends_with(".ics"));
    // No session, no CSRF header: a calendar app.
    let http = reqwest::Client::new();
    let fetched = http.get(&url).send().await.unwrap();
    assert_eq!(fetched.status(), 200);
    assert!(fetched.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let body = fetched.text().await.unwrap();
    assert!(body.starts_with("BEGIN:VCALENDAR\r\n"), "{body}");
    assert!(
        body.contains("SUMMARY:Revisione progetto – T.B.\r\n"),
        "{body}"
    );
    assert!(body.contains("SUMMARY:Incontro\r\n"), "{body}");
    assert!(
        body.contains(&format!("UID:review_due-{}@", w.tomorrow_review)),
        "{body}"
    );
    // Today onwards: the overdue review is the agenda's, not the calendar's.
    assert!(!body.contains(&w.overdue_review), "{body}");
    for secret in [
        "Bassi",
        "Teresa",
        "Tognali",
        "Rosa",
        w.fiscal_code.as_str(),
        "Medicina",
        "Revisione domani",
        "Équipe del giovedì",
    ] {
        assert!(!body.contains(secret), "{secret} in the feed: {body}");
    }
    assert_eq!(
        w.app
            .count("SELECT COUNT(*) FROM audit_events WHERE action = 'CALENDAR_FEED_FETCHED' AND person_id IS NULL")
            .await,
        1
    );
    // Only the hash is kept.
    let token = url
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".ics")
        .to_owned();
    assert_eq!(
        w.app
            .count(&format!(
                "SELECT COUNT(*) FROM calendar_feeds WHERE token_hash = '{token}'"
            ))
            .await,
        0
    );

    // A new feed replaces the old one.
    let again = w.me.gql(create, json!({})).await;
    let new_url = again.ok()["createCalendarFeed"]["url"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(new_url, url);
    assert_eq!(http.get(&url).send().await.unwrap().status(), 404);
    assert_eq!(http.get(&new_url).send().await.unwrap().status(), 200);

    let revoked = w.me.gql("mutation { revokeCalendarFeed }", json!({})).await;
    assert_eq!(revoked.ok()["revokeCalendarFeed"], true);
    assert_eq!(http.get(&new_url).send().await.unwrap().status(), 404);
    let unknown = format!("{}/calendar/ponte_cal_sconosciuto.ics", w.app.base_url);
    assert_eq!(http.get(&unknown).send().await.unwrap().status(), 404);
    let again = w.me.gql("mutation { revokeCalendarFeed }", json!({})).await;
    assert_eq!(again.ok()["revokeCalendarFeed"], false);

    // A former member's feed answers with an empty calendar.
    let former_feed = w.former.gql(create, json!({})).await;
    let former_url = former_feed.ok()["createCalendarFeed"]["url"]
        .as_str()
        .unwrap()
        .to_owned();
    let body = http
        .get(&former_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!body.contains("BEGIN:VEVENT"), "{body}");
}
