//! The case diary (diario sociale, issue 17): written by those responsible
//! for the person, changed by its author for 24 hours and annotated after
//! (the original stays), confidential entries kept to their author and the
//! person's current case manager on every path, linked records of the same
//! person only, and the person's timeline merged newest first.

use std::time::Duration;

use chrono::{DateTime, Utc};
use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{fiscal_code_of, person_input, DischargeRoute};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

on_both_databases!(
    an_entry_is_edited_by_its_author_for_24_hours_then_only_annotated,
    a_confidential_entry_reaches_only_its_author_and_the_case_manager_on_every_path,
    a_linked_record_must_be_the_persons_own,
    the_timeline_merges_the_records_newest_first_and_filters_by_kind,
    bad_input_is_refused_naming_the_field_and_writes_nothing,
    a_follow_up_is_in_the_agenda_of_whom_may_read_its_entry_and_reminds_its_author,
    a_confidential_entrys_documents_stay_with_it_on_every_path,
);

pub const WRITE: &str = "mutation($input: WriteDiaryEntryInput!) { writeDiaryEntry(input: $input) { id version kind text place durationMinutes followUpOn confidential editableUntil author { id } project { id } participants { role description user { id } } } }";
pub const EDIT: &str =
    "mutation($input: EditDiaryEntryInput!) { editDiaryEntry(input: $input) { id version text } }";
pub const ANNOTATE: &str = "mutation($input: AnnotateDiaryEntryInput!) { annotateDiaryEntry(input: $input) { id text annotations { text author { id } } } }";
pub const PERSON_DIARY: &str =
    "query($id: ID!) { person(id: $id) { diary(first: 50) { nodes { id text } } } }";
pub const PROJECT_DIARY: &str =
    "query($id: ID!) { project(id: $id) { diary(first: 50) { nodes { id text } } } }";
pub const TIMELINE: &str = "query($id: ID!, $kinds: [TimelineKind!]) { person(id: $id) { timeline(first: 50, kinds: $kinds) { nodes { at kind code diaryEntry { id } referral { id } assessment { id } project { id } discharge { id } } } } }";

const REPORT: &str =
    "mutation($input: ReportDischargeInput!) { reportDischarge(input: $input) { id } }";

/// A PUA with the person's case manager, the author of the entries, a
/// colleague and a former member; another team with its own person; the
/// ward that reported the person's discharge; an administrator and an
/// auditor. Sessions outlast the clock's jumps of a day or two.
pub struct Scene {
    pub app: TestApp,
    pub admin: Client,
    pub auditor: Client,
    pub author: Client,
    pub author_id: String,
    pub manager: Client,
    pub manager_id: String,
    pub colleague: Client,
    pub former: Client,
    pub other: Client,
    pub ward: Client,
    pub person: String,
    pub project: String,
    pub discharge: String,
    pub referral: String,
    pub other_person: String,
    pub other_project: String,
}

pub fn at(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339()
}

pub fn entry(occurred_at: DateTime<Utc>, text: &str) -> Value {
    json!({ "kind": "COLLOQUIO", "occurredAt": at(occurred_at), "text": text })
}

impl Scene {
    pub async fn open(db: TestDb) -> Scene {
        let app = TestApp::spawn_with(db, |config| {
            config.session_idle_timeout = Duration::from_secs(4 * 24 * 3600);
            config.session_max_lifetime = Duration::from_secs(4 * 24 * 3600);
        })
        .await;
        let route = DischargeRoute::open(&app).await;
        let other_team = app
            .team(&route.admin, "UVM Darfo", "UVM", &route.asst)
            .await;
        let (author, author_id) = app.operator("autrice@asst.test").await;
        let (manager, manager_id) = app.operator("case.manager@asst.test").await;
        let (colleague, colleague_id) = app.operator("collega@asst.test").await;
        let (former, former_id) = app.operator("ex@asst.test").await;
        let (other, other_id) = app.operator("altra@asst.test").await;
        let (auditor, _) = app.signed_in("dpo@asst.test", Role::Auditor).await;
        for user in [&author_id, &manager_id, &colleague_id, &former_id] {
            app.add_member(&route.admin, &route.pua, user, "MEMBER")
                .await;
        }
        app.add_member(&route.admin, &other_team, &other_id, "MEMBER")
            .await;

        let identity = person_input(&route.pua, "Bassi", "Teresa", (1939, 10, 10), "F");
        let fiscal_code = fiscal_code_of(&identity);
        let person = app.person(&author, identity).await;
        let referral = author
            .gql(
                "query($id: ID!) { person(id: $id) { referrals { id } } }",
                json!({ "id": person }),
            )
            .await
            .ok()["person"]["referrals"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let project = open_project(&author, &person, &route.pua, &manager_id).await;
        let other_person = app
            .person(
                &other,
                person_input(&other_team, "Rizzi", "Carla", (1945, 4, 4), "F"),
            )
            .await;
        let (other_manager, other_manager_id) = (&other, &other_id);
        let other_project =
            open_project(other_manager, &other_person, &other_team, other_manager_id).await;
        let discharge = route.ward
            .gql(
                REPORT,
                json!({ "input": {
                    "patient": { "fiscalCode": fiscal_code, "givenName": "Teresa", "familyName": "Bassi", "birthDate": "1939-10-10", "sex": "F" },
                    "hospitalId": route.hospital, "ward": "Geriatria", "admittedOn": "2026-11-01",
                    "expectedDischargeOn": "2026-12-20", "teamId": route.pua
                } }),
            )
            .await
            .ok()["reportDischarge"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        app.remove_member(&route.admin, &route.pua, &former_id)
            .await;
        Scene {
            app,
            admin: route.admin,
            auditor,
            author,
            author_id,
            manager,
            manager_id,
            colleague,
            former,
            other,
            ward: route.ward,
            person,
            project,
            discharge,
            referral,
            other_person,
            other_project,
        }
    }

    /// An hour ago by the app's clock.
    pub fn an_hour_ago(&self) -> DateTime<Utc> {
        self.app.clock.now() - chrono::Duration::hours(1)
    }

    /// Everyone, with what they read of the person's diary: `Some(true)`
    /// a confidential entry of the author's too, `Some(false)` all but it,
    /// `None` nothing (the person is not theirs).
    pub fn readers_of_a_confidential_entry(&self) -> [(&'static str, &Client, Option<bool>); 8] {
        [
            ("the author", &self.author, Some(true)),
            ("the case manager", &self.manager, Some(true)),
            ("a colleague of the team", &self.colleague, Some(false)),
            ("another team", &self.other, None),
            ("a former member", &self.former, None),
            ("the reporting ward", &self.ward, None),
            ("an administrator", &self.admin, None),
            ("an auditor", &self.auditor, None),
        ]
    }

    /// Two entries by the author an hour ago, a plain one and a confidential
    /// one; their ids.
    pub async fn plain_and_confidential(&self) -> (String, String) {
        let plain = self
            .write(&self.author, entry(self.an_hour_ago(), "Visita di routine"))
            .await;
        let mut secret = entry(
            self.an_hour_ago(),
            "Riferisce in confidenza un maltrattamento",
        );
        secret["confidential"] = json!(true);
        (plain, self.write(&self.author, secret).await)
    }

    /// Writes an entry on the person (and its project) as `client`; its id.
    pub async fn write(&self, client: &Client, entry: Value) -> String {
        let written = client
            .gql(
                WRITE,
                json!({ "input": { "personId": self.person, "projectId": self.project, "entry": entry } }),
            )
            .await;
        written.ok()["writeDiaryEntry"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }
}

async fn open_project(client: &Client, person: &str, team: &str, manager: &str) -> String {
    client
        .gql(
            "mutation($input: OpenProjectInput!) { openProject(input: $input) { id } }",
            json!({ "input": { "personId": person, "kind": "PAI", "teamId": team, "caseManagerId": manager, "title": "PAI", "startDate": "2026-10-05" } }),
        )
        .await
        .ok()["openProject"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The ids of a diary connection's nodes (empty when it is missing).
fn diary_ids(answer: &Value, path: &[&str]) -> Vec<String> {
    let mut node = answer;
    for key in path {
        node = &node[*key];
    }
    node["diary"]["nodes"]
        .as_array()
        .map(|nodes| {
            nodes
                .iter()
                .map(|n| n["id"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

async fn an_entry_is_edited_by_its_author_for_24_hours_then_only_annotated(db: TestDb) {
    let s = Scene::open(db).await;
    let mut input = entry(s.an_hour_ago(), "  Colloquio con la figlia sulla terapia. ");
    input["kind"] = json!("VISITA_DOMICILIARE");
    input["durationMinutes"] = json!(45);
    input["place"] = json!("Domicilio");
    input["followUpOn"] = json!(s.app.clock.today().to_string());
    input["participants"] = json!([
        { "userId": s.manager_id },
        { "role": "FAMILIARE", "description": "la figlia" },
    ]);
    let written = s
        .author
        .gql(
            WRITE,
            json!({ "input": { "personId": s.person, "projectId": s.project, "entry": input } }),
        )
        .await;
    let written = written.ok()["writeDiaryEntry"].clone();
    assert_eq!(written["text"], "Colloquio con la figlia sulla terapia.");
    assert_eq!(written["kind"], "VISITA_DOMICILIARE");
    assert_eq!(written["author"]["id"], s.author_id);
    assert_eq!(written["project"]["id"], s.project);
    assert_eq!(written["participants"][0]["user"]["id"], s.manager_id);
    assert_eq!(written["participants"][1]["role"], "FAMILIARE");
    assert_eq!(written["participants"][1]["description"], "la figlia");
    let id = written["id"].as_str().unwrap().to_owned();
    assert_eq!(
        s.app
            .count("SELECT COUNT(*) FROM audit_events WHERE action = 'DIARY_ENTRY_WRITTEN'")
            .await,
        1
    );

    // Everyone responsible for the person reads it; reading is audited.
    let read = s
        .colleague
        .gql(PERSON_DIARY, json!({ "id": s.person }))
        .await;
    assert_eq!(diary_ids(read.ok(), &["person"]), vec![id.clone()]);
    assert!(
        s.app
            .count("SELECT COUNT(*) FROM audit_events WHERE action = 'DIARY_ENTRY_LISTED'")
            .await
            >= 1
    );

    // The author changes it the same day; nobody else does.
    let change = |version: i32, text: &str| json!({ "input": { "entryId": id, "expectedVersion": version, "entry": entry(s.an_hour_ago(), text) } });
    let refused = s.colleague.gql(EDIT, change(1, "Riscritto")).await;
    refused.expect_code("FORBIDDEN");
    assert!(
        refused.message().contains("annotazione"),
        "{}",
        refused.body
    );
    let edited = s
        .author
        .gql(EDIT, change(1, "Colloquio con la figlia."))
        .await;
    assert_eq!(edited.ok()["editDiaryEntry"]["version"], 2);
    s.author
        .gql(EDIT, change(1, "Versione vecchia"))
        .await
        .expect_code("CONFLICT");

    // 26 hours later: only an annotation corrects it, the original stays.
    s.app.clock.advance(Duration::from_secs(26 * 3600));
    let late = s.author.gql(EDIT, change(2, "Troppo tardi")).await;
    late.expect_code("CONFLICT");
    assert!(
        late.message().contains("aggiungi un'annotazione"),
        "{}",
        late.body
    );
    let annotated = s
        .colleague
        .gql(
            ANNOTATE,
            json!({ "input": { "entryId": id, "text": "La figlia è la tutrice, non la nipote." } }),
        )
        .await;
    let annotated = annotated.ok()["annotateDiaryEntry"].clone();
    assert_eq!(annotated["text"], "Colloquio con la figlia.");
    assert_eq!(
        annotated["annotations"][0]["text"],
        "La figlia è la tutrice, non la nipote."
    );
    s.colleague
        .gql(
            ANNOTATE,
            json!({ "input": { "entryId": id, "text": "  " } }),
        )
        .await
        .expect_code("VALIDATION");
    s.other
        .gql(
            ANNOTATE,
            json!({ "input": { "entryId": id, "text": "Nota" } }),
        )
        .await
        .expect_code("FORBIDDEN");
    assert_eq!(
        s.app.count("SELECT COUNT(*) FROM diary_annotations").await,
        1
    );
}

async fn a_confidential_entry_reaches_only_its_author_and_the_case_manager_on_every_path(
    db: TestDb,
) {
    let s = Scene::open(db).await;
    let (plain, secret) = s.plain_and_confidential().await;

    let sees = |answer: &Value| -> (bool, bool) {
        let text = answer.to_string();
        (text.contains(&plain), text.contains(&secret))
    };
    for (who, client, expected) in s.readers_of_a_confidential_entry() {
        for (path, query, id) in [
            ("person.diary", PERSON_DIARY, &s.person),
            ("project.diary", PROJECT_DIARY, &s.project),
            ("person.timeline", TIMELINE, &s.person),
        ] {
            let answer = client.gql(query, json!({ "id": id })).await;
            let (plain_seen, secret_seen) = sees(&answer.body);
            match expected {
                Some(secret_too) => {
                    assert!(plain_seen, "{who} via {path}: {}", answer.body);
                    assert_eq!(secret_seen, secret_too, "{who} via {path}: {}", answer.body);
                    assert!(answer.code().is_none(), "{who} via {path}: {}", answer.body);
                }
                None => {
                    assert!(
                        !plain_seen && !secret_seen,
                        "{who} via {path}: {}",
                        answer.body
                    );
                    assert!(answer.code().is_some(), "{who} via {path}: {}", answer.body);
                }
            }
        }
        // Through the discharge the ward reported: no person, no diary.
        let through = client
            .gql(
                "query($id: ID!) { discharge(id: $id) { person { diary { nodes { id } } timeline { nodes { diaryEntry { id } } } } } }",
                json!({ "id": s.discharge }),
            )
            .await;
        if expected != Some(true) {
            assert!(
                !through.body.to_string().contains(&secret),
                "{who} via discharge.person: {}",
                through.body
            );
        }
    }
    // A colleague may not annotate what they may not read.
    s.colleague
        .gql(
            ANNOTATE,
            json!({ "input": { "entryId": secret, "text": "Visto" } }),
        )
        .await
        .expect_code("FORBIDDEN");
    s.manager
        .gql(
            ANNOTATE,
            json!({ "input": { "entryId": secret, "text": "Segnalato" } }),
        )
        .await
        .ok();
    // The case manager who hands the project over stops seeing it.
    s.manager
        .gql(
            "mutation($input: ChangeCaseManagerInput!) { changeCaseManager(input: $input) { id } }",
            json!({ "input": { "projectId": s.project, "expectedVersion": 1, "caseManagerId": s.author_id } }),
        )
        .await
        .ok();
    let answer = s.manager.gql(PERSON_DIARY, json!({ "id": s.person })).await;
    assert_eq!(sees(&answer.body), (true, false), "{}", answer.body);
}

async fn a_linked_record_must_be_the_persons_own(db: TestDb) {
    let s = Scene::open(db).await;
    let write = |links: Value| {
        let mut input = links;
        input["personId"] = json!(s.person);
        input["entry"] = entry(s.an_hour_ago(), "Telefonata");
        json!({ "input": input })
    };
    let refused = s
        .author
        .gql(WRITE, write(json!({ "projectId": s.other_project })))
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("projectId"));
    let refused = s
        .author
        .gql(
            WRITE,
            write(json!({ "projectId": "01930000-0000-7000-8000-000000000000" })),
        )
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("projectId"));
    // Writing on the other team's person is not theirs to do.
    s.author
        .gql(
            WRITE,
            json!({ "input": { "personId": s.other_person, "entry": entry(s.an_hour_ago(), "x") } }),
        )
        .await
        .expect_code("FORBIDDEN");
    assert_eq!(s.app.count("SELECT COUNT(*) FROM diary_entries").await, 0);
    // The person's own referral and discharge are fine.
    let written = s
        .author
        .gql(
            WRITE,
            write(json!({ "referralId": s.referral, "dischargeId": s.discharge })),
        )
        .await;
    written.ok();
    assert_eq!(s.app.count("SELECT COUNT(*) FROM diary_entries").await, 1);
}

async fn the_timeline_merges_the_records_newest_first_and_filters_by_kind(db: TestDb) {
    let s = Scene::open(db).await;
    let older = s
        .write(
            &s.author,
            entry(
                s.app.clock.now() - chrono::Duration::days(40),
                "Primo colloquio",
            ),
        )
        .await;
    let newer = s
        .write(&s.author, entry(s.an_hour_ago(), "Telefonata"))
        .await;
    let answer = s.manager.gql(TIMELINE, json!({ "id": s.person })).await;
    let nodes = answer.ok()["person"]["timeline"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    let kinds: Vec<&str> = nodes.iter().map(|n| n["kind"].as_str().unwrap()).collect();
    for kind in [
        "DIARY_ENTRY",
        "REFERRAL_OPENED",
        "PROJECT_STEP",
        "DISCHARGE",
    ] {
        assert!(kinds.contains(&kind), "{kind} missing: {kinds:?}");
    }
    let instants: Vec<&str> = nodes.iter().map(|n| n["at"].as_str().unwrap()).collect();
    let parsed: Vec<DateTime<Utc>> = instants.iter().map(|t| t.parse().unwrap()).collect();
    assert!(
        parsed.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {instants:?}"
    );
    let diary: Vec<&str> = nodes
        .iter()
        .filter_map(|n| n["diaryEntry"]["id"].as_str())
        .collect();
    assert_eq!(diary, vec![newer.as_str(), older.as_str()]);
    let step = nodes.iter().find(|n| n["kind"] == "PROJECT_STEP").unwrap();
    assert_eq!(step["project"]["id"], s.project);
    let discharge = nodes.iter().find(|n| n["kind"] == "DISCHARGE").unwrap();
    assert_eq!(discharge["discharge"]["id"], s.discharge);

    let only = s
        .manager
        .gql(
            TIMELINE,
            json!({ "id": s.person, "kinds": ["DISCHARGE", "REFERRAL_OPENED"] }),
        )
        .await;
    let kinds: Vec<String> = only.ok()["person"]["timeline"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap().to_owned())
        .collect();
    assert!(!kinds.is_empty());
    assert!(
        kinds
            .iter()
            .all(|k| k == "DISCHARGE" || k == "REFERRAL_OPENED"),
        "{kinds:?}"
    );

    // Pages of one item follow each other without repeats.
    let mut after: Option<String> = None;
    let mut seen = Vec::new();
    loop {
        let page = s
            .manager
            .gql(
                "query($id: ID!, $after: String) { person(id: $id) { timeline(first: 1, after: $after) { pageInfo { hasNextPage endCursor } nodes { at kind code } } } }",
                json!({ "id": s.person, "after": after }),
            )
            .await;
        let timeline = page.ok()["person"]["timeline"].clone();
        seen.push(timeline["nodes"][0].clone());
        if timeline["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = timeline["pageInfo"]["endCursor"]
            .as_str()
            .map(str::to_owned);
    }
    assert_eq!(seen.len(), nodes.len());
    // The diary's own filter by kind.
    let calls = s
        .manager
        .gql(
            "query($id: ID!) { person(id: $id) { diary(kinds: [TELEFONATA]) { nodes { id } } } }",
            json!({ "id": s.person }),
        )
        .await;
    assert_eq!(
        calls.ok()["person"]["diary"]["nodes"],
        json!([]),
        "both entries are COLLOQUIO"
    );
}

async fn bad_input_is_refused_naming_the_field_and_writes_nothing(db: TestDb) {
    let s = Scene::open(db).await;
    let base = entry(s.an_hour_ago(), "Colloquio");
    // The day before the entry's: "yesterday" is the entry's own day in the
    // first hour after midnight (UTC), when an hour ago was yesterday.
    let before_the_entry = (s.an_hour_ago().date_naive() - chrono::Days::new(1)).to_string();
    let future = at(s.app.clock.now() + chrono::Duration::hours(3));
    for (field, key, value) in [
        ("text", "text", json!("   ")),
        ("durationMinutes", "durationMinutes", json!(0)),
        ("durationMinutes", "durationMinutes", json!(24 * 60)),
        ("followUpOn", "followUpOn", json!(before_the_entry)),
        ("occurredAt", "occurredAt", json!(future)),
        ("place", "place", json!("x".repeat(500))),
        (
            "participants",
            "participants",
            json!([{ "userId": s.manager_id, "role": "PERSONA" }]),
        ),
    ] {
        let mut input = base.clone();
        input[key] = value;
        let refused = s
            .author
            .gql(
                WRITE,
                json!({ "input": { "personId": s.person, "entry": input } }),
            )
            .await;
        refused.expect_code("VALIDATION");
        assert_eq!(refused.field(), Some(field), "{}", refused.body);
    }
    let mut unknown = base.clone();
    unknown["kind"] = json!("PETTEGOLEZZO");
    let refused = s
        .author
        .gql(
            WRITE,
            json!({ "input": { "personId": s.person, "entry": unknown } }),
        )
        .await;
    assert!(refused.code().is_some(), "{}", refused.body);
    assert_eq!(s.app.count("SELECT COUNT(*) FROM diary_entries").await, 0);
    assert_eq!(
        s.app
            .count("SELECT COUNT(*) FROM diary_entry_participants")
            .await,
        0
    );
}

const FOLLOW_UPS: &str = "query($from: Date!, $to: Date!, $scope: AgendaScope!) { agenda(from: $from, to: $to, scope: $scope, kinds: [DIARY_FOLLOW_UP]) { kind date overdue diaryEntry { id } person { id } } }";

/// The diary's follow-ups in the agenda (issue 17, points 1 and 2): MINE
/// holds the author's, MY_TEAMS every entry the caller may read — a
/// confidential one only for its author and the case manager — and the
/// author is reminded the day before, once per entry.
async fn a_follow_up_is_in_the_agenda_of_whom_may_read_its_entry_and_reminds_its_author(
    db: TestDb,
) {
    let s = Scene::open(db).await;
    let tomorrow = s.app.clock.today() + chrono::Days::new(1);
    let mut plain = entry(s.an_hour_ago(), "Richiamare la figlia");
    plain["followUpOn"] = json!(tomorrow.to_string());
    let plain = s.write(&s.author, plain).await;
    let mut secret = entry(s.an_hour_ago(), "Detto in confidenza");
    secret["followUpOn"] = json!(tomorrow.to_string());
    secret["confidential"] = json!(true);
    let secret = s.write(&s.author, secret).await;

    let window = |scope: &str| {
        json!({
            "from": s.app.clock.today().to_string(),
            "to": (s.app.clock.today() + chrono::Days::new(6)).to_string(),
            "scope": scope,
        })
    };
    let seen = |answer: ponte_tests::Gql| -> Vec<String> {
        let mut ids: Vec<String> = answer.ok()["agenda"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| {
                assert_eq!(item["kind"], "DIARY_FOLLOW_UP");
                assert_eq!(item["date"], tomorrow.to_string());
                assert_eq!(item["overdue"], false);
                assert_eq!(item["person"]["id"], s.person);
                item["diaryEntry"]["id"].as_str().unwrap().to_owned()
            })
            .collect();
        ids.sort();
        ids
    };
    let mut both = vec![plain.clone(), secret.clone()];
    both.sort();
    let author_mine = s.author.gql(FOLLOW_UPS, window("MINE")).await;
    assert_eq!(seen(author_mine), both);
    let manager_teams = s.manager.gql(FOLLOW_UPS, window("MY_TEAMS")).await;
    assert_eq!(seen(manager_teams), both);
    let manager_mine = s.manager.gql(FOLLOW_UPS, window("MINE")).await;
    assert_eq!(seen(manager_mine), Vec::<String>::new());
    let colleague_teams = s.colleague.gql(FOLLOW_UPS, window("MY_TEAMS")).await;
    assert_eq!(seen(colleague_teams), vec![plain.clone()]);
    for outsider in [&s.former, &s.other] {
        let answer = outsider.gql(FOLLOW_UPS, window("MY_TEAMS")).await;
        assert_eq!(seen(answer), Vec::<String>::new());
    }
    let ward = s.ward.gql(FOLLOW_UPS, window("MY_TEAMS")).await;
    assert_eq!(seen(ward), Vec::<String>::new());
    for no_agenda in [&s.admin, &s.auditor] {
        no_agenda
            .gql(FOLLOW_UPS, window("MY_TEAMS"))
            .await
            .expect_code("FORBIDDEN");
    }

    let reminders = |email: &str| {
        format!(
            "SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id \
             WHERE n.kind = 'AGENDA_REMINDER' AND u.email = '{email}'"
        )
    };
    assert_eq!(
        s.app
            .wait_for_count(&reminders("autrice@asst.test"), 2, Duration::from_secs(30))
            .await,
        2
    );
    s.app.worker_round().await;
    assert_eq!(s.app.count(&reminders("autrice@asst.test")).await, 2);
    assert_eq!(s.app.count(&reminders("collega@asst.test")).await, 0);
    assert_eq!(s.app.count(&reminders("case.manager@asst.test")).await, 0);
}

/// A document attached to a diary entry follows the entry: on a confidential
/// one, listing, the entry's own list, the download (refused and audited),
/// attaching and deleting are for its author and the case manager only.
async fn a_confidential_entrys_documents_stay_with_it_on_every_path(db: TestDb) {
    let s = Scene::open(db).await;
    let (plain, secret) = s.plain_and_confidential().await;
    let plain_doc = crate::documents::attach(&s.colleague, "DIARY_ENTRY", &plain).await;
    let secret_doc = crate::documents::attach(&s.author, "DIARY_ENTRY", &secret).await;
    let (status, _) = crate::documents::try_attach(&s.colleague, "DIARY_ENTRY", &secret).await;
    assert_eq!(
        status, 403,
        "a colleague attaches nothing to what they may not read"
    );
    let (status, _) = crate::documents::try_attach(&s.other, "DIARY_ENTRY", &plain).await;
    assert_eq!(status, 403, "another team attaches nothing to the diary");

    const LISTS: &str = "query($id: ID!) { person(id: $id) { documents { id subjectKind subjectId } diary(first: 50) { nodes { id documents { id } } } timeline(first: 50) { nodes { diaryEntry { documents { id } } } } } }";
    let mut refused = 0;
    for (who, client, expected) in s.readers_of_a_confidential_entry() {
        let answer = client.gql(LISTS, json!({ "id": s.person })).await;
        let text = answer.body.to_string();
        let seen = (text.contains(&plain_doc), text.contains(&secret_doc));
        let through = client
            .gql(
                "query($id: ID!) { discharge(id: $id) { documents { id } person { documents { id } } } }",
                json!({ "id": s.discharge }),
            )
            .await;
        let plain_download = crate::documents::download(client, &plain_doc)
            .await
            .status();
        let secret_download = crate::documents::download(client, &secret_doc)
            .await
            .status();
        match expected {
            Some(secret_too) => {
                assert!(answer.code().is_none(), "{who}: {}", answer.body);
                assert_eq!(seen, (true, secret_too), "{who}: {}", answer.body);
                let on_entry = &answer.ok()["person"]["diary"]["nodes"];
                let on_plain = on_entry
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|n| n["id"] == plain)
                    .unwrap();
                assert_eq!(on_plain["documents"][0]["id"], plain_doc, "{who}");
                assert_eq!(plain_download, 200, "{who}");
                assert_eq!(
                    secret_download == 200,
                    secret_too,
                    "{who}: {secret_download}"
                );
                if !secret_too {
                    assert_eq!(secret_download, 403, "{who}");
                    refused += 1;
                }
            }
            None => {
                assert_eq!(seen, (false, false), "{who}: {}", answer.body);
                assert_ne!(plain_download, 200, "{who}");
                assert_ne!(secret_download, 200, "{who}");
                refused += 2;
            }
        }
        if expected != Some(true) {
            assert!(
                !through.body.to_string().contains(&secret_doc),
                "{who} via the discharge: {}",
                through.body
            );
        }
    }
    assert_eq!(
        s.app
            .count("SELECT COUNT(*) FROM audit_events WHERE action = 'DOCUMENT_DOWNLOAD_REFUSED' AND person_id IS NOT NULL")
            .await,
        refused,
        "every refused download is in the trail, with its person"
    );

    // Only who may read the entry takes its document away.
    let delete = |id: &str| json!({ "id": id, "reason": "caricato per errore", "version": 1 });
    s.colleague
        .gql(crate::documents::DELETE, delete(&secret_doc))
        .await
        .expect_code("FORBIDDEN");
    s.manager
        .gql(crate::documents::DELETE, delete(&secret_doc))
        .await
        .ok();
    let answer = s.author.gql(LISTS, json!({ "id": s.person })).await;
    assert!(
        !answer.body.to_string().contains(&secret_doc),
        "{}",
        answer.body
    );
    assert_eq!(
        crate::documents::download(&s.author, &secret_doc)
            .await
            .status(),
        404
    );
}
