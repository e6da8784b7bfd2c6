//! Walking a list page by page while it changes: a cursor continues after the
//! last row seen wherever that row now stands, so every row that did not
//! change between pages is seen exactly once, in order (with offset cursors
//! rows inserted or moved ahead of the cursor made the walk repeat or skip
//! the rows behind them).

use std::collections::HashSet;

use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{person_input, Desk};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb, PASSWORD};

on_both_databases!(
    a_walk_through_persons_sees_each_unchanged_person_once_in_order,
    a_walk_through_projects_by_next_review_skips_and_repeats_nothing_that_stayed,
    a_walk_through_the_audit_trail_newest_first_ignores_newer_events,
    a_walk_through_a_persons_assessments_ignores_newer_ones,
    a_walk_through_referrals_one_by_one_crosses_from_one_urgency_to_the_next,
    a_cursor_that_is_not_this_lists_is_refused_on_after,
);

/// One page of the connection at `field`: its nodes, end cursor and whether
/// more follow.
struct Page {
    nodes: Vec<Value>,
    end: Option<String>,
    more: bool,
}

async fn page(client: &Client, query: &str, path: &[&str], variables: Value) -> Page {
    let answer = client.gql(query, variables).await;
    let mut connection = answer.ok().clone();
    for key in path {
        connection = connection[*key].clone();
    }
    Page {
        nodes: connection["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|edge| edge["node"].clone())
            .collect(),
        end: connection["pageInfo"]["endCursor"]
            .as_str()
            .map(str::to_owned),
        more: connection["pageInfo"]["hasNextPage"].as_bool().unwrap(),
    }
}

/// The walk, with the rows that stayed as they were throughout kept in the
/// order seen; each of them must have been seen once.
fn unchanged_as_seen(seen: &[String], unchanged: &[String]) -> Vec<String> {
    let keep: HashSet<&String> = unchanged.iter().collect();
    let seen: Vec<String> = seen.iter().filter(|s| keep.contains(s)).cloned().collect();
    let distinct: HashSet<&String> = seen.iter().collect();
    assert_eq!(distinct.len(), seen.len(), "a row seen twice: {seen:?}");
    seen
}

const PERSONS: &str = "query($after: String) { persons(first: 3, after: $after) { edges { cursor node { id familyName } } pageInfo { hasNextPage endCursor } } }";
const RENAME: &str =
    "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id version } }";
const GIVEN: [&str; 8] = [
    "Anna", "Bice", "Carla", "Dora", "Elsa", "Flora", "Gina", "Ida",
];

async fn a_walk_through_persons_sees_each_unchanged_person_once_in_order(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let names = [
        "Bassi", "Conti", "Donati", "Ferri", "Galli", "Lodi", "Mori", "Neri", "Orsi", "Pace",
    ];
    let mut ids = Vec::new();
    for (day, name) in (1..).zip(names) {
        let input = person_input(&desk.team_id, name, "Anna", (1940, 1, day), "F");
        ids.push(app.person(&desk.operator, input).await);
    }

    let mut seen = Vec::new();
    let mut renamed = HashSet::new();
    let mut after: Option<String> = None;
    for (day, given) in (1..).zip(GIVEN) {
        let found = page(
            &desk.operator,
            PERSONS,
            &["persons"],
            json!({ "after": after }),
        )
        .await;
        seen.extend(
            found
                .nodes
                .iter()
                .map(|n| n["familyName"].as_str().unwrap().to_owned()),
        );
        if !found.more {
            break;
        }
        after = found.end;
        // Between pages: one person who sorts before the cursor, one after
        // every name, and one not yet seen renamed to sort before the cursor.
        let birth = (1950, 1, day);
        let before = person_input(&desk.team_id, "Abate", given, birth, "F");
        app.person(&desk.operator, before).await;
        let last = person_input(&desk.team_id, "Zanetti", given, birth, "M");
        app.person(&desk.operator, last).await;
        let unseen = names
            .iter()
            .zip(&ids)
            .rev()
            .find(|(name, _)| !seen.contains(&name.to_string()) && !renamed.contains(**name));
        if let Some((name, id)) = unseen {
            desk.operator
                .gql(
                    RENAME,
                    json!({ "input": { "personId": id, "expectedVersion": 1, "familyName": "Amati" } }),
                )
                .await
                .ok();
            renamed.insert(name.to_string());
        }
    }
    assert!(!renamed.is_empty(), "the walk changed the list as it went");
    let unchanged: Vec<String> = names
        .iter()
        .filter(|n| !renamed.contains(**n))
        .map(|n| n.to_string())
        .collect();
    assert_eq!(unchanged_as_seen(&seen, &unchanged), unchanged);
}

const PROJECTS: &str = "query($after: String) { projects(first: 3, after: $after) { edges { cursor node { title nextReviewOn } } pageInfo { hasNextPage endCursor } } }";
const OPEN: &str =
    "mutation($input: OpenProjectInput!) { openProject(input: $input) { id nextReviewOn } }";

async fn a_walk_through_projects_by_next_review_skips_and_repeats_nothing_that_stayed(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "EQUIPE_MULTIDISCIPLINARE").await;
    let mut titles = Vec::new();
    for day in 1..=9u32 {
        let input = person_input(
            &desk.team_id,
            "Pasini",
            GIVEN[day as usize % 8],
            (1942, 8, day),
            "F",
        );
        let person = app.person(&desk.operator, input).await;
        let title = format!("Progetto {day}");
        // Reviews fall due a day apart, in the order of the titles.
        desk.operator
            .gql(
                OPEN,
                json!({ "input": {
                    "personId": person, "kind": "PAI", "teamId": desk.team_id,
                    "caseManagerId": desk.operator_id, "title": title,
                    "startDate": format!("2026-09-{day:02}"), "reviewEveryDays": 60
                } }),
            )
            .await
            .ok();
        titles.push(title);
    }

    let mut seen: Vec<String> = Vec::new();
    let mut moved = HashSet::new();
    let mut after: Option<String> = None;
    for round in 0..10 {
        let found = page(
            &desk.operator,
            PROJECTS,
            &["projects"],
            json!({ "after": after }),
        )
        .await;
        seen.extend(
            found
                .nodes
                .iter()
                .map(|n| n["title"].as_str().unwrap().to_owned()),
        );
        if !found.more {
            break;
        }
        after = found.end;
        // In turn, a review held early moves a project not yet seen ahead
        // of the cursor, and a review put off moves one already seen behind
        // it (one at a time: together the two shifts would cancel out).
        let (candidate, due) = if round % 2 == 0 {
            let unseen = titles
                .iter()
                .rev()
                .find(|t| !seen.contains(t) && !moved.contains(*t));
            (unseen, "2026-10-01")
        } else {
            let done = titles
                .iter()
                .find(|t| seen.contains(t) && !moved.contains(*t));
            (done, "2027-06-01")
        };
        if let Some(title) = candidate {
            app.execute(&format!(
                "UPDATE projects SET next_review_on = '{due}' WHERE title = '{title}'"
            ))
            .await;
            moved.insert(title.clone());
        }
    }
    assert!(moved.len() >= 2, "the walk moved projects as it went");
    let unchanged: Vec<String> = titles
        .iter()
        .filter(|t| !moved.contains(*t))
        .cloned()
        .collect();
    assert_eq!(unchanged_as_seen(&seen, &unchanged), unchanged);
}

const TRAIL: &str = "query($after: String, $first: Int) { auditTrail(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }";

async fn a_walk_through_the_audit_trail_newest_first_ignores_newer_events(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    for day in 1..=4 {
        let input = person_input(
            &desk.team_id,
            "Sala",
            GIVEN[day as usize],
            (1941, 1, day),
            "F",
        );
        app.person(&desk.operator, input).await;
    }
    let email = format!("dpo{}@asst.test", uuid::Uuid::now_v7().simple());
    app.make_user(&email, Role::Auditor, None).await;
    let auditor = app.client();
    auditor.login_ok(&email, PASSWORD).await;
    let ids = |found: &Page| -> Vec<String> {
        found
            .nodes
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let before = page(&auditor, TRAIL, &["auditTrail"], json!({ "first": 100 })).await;
    assert!(!before.more);
    let existing = ids(&before);
    assert!(existing.len() > 6, "{} events", existing.len());

    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    for day in 10..40 {
        let found = page(
            &auditor,
            TRAIL,
            &["auditTrail"],
            json!({ "first": 3, "after": after }),
        )
        .await;
        seen.extend(ids(&found));
        if !found.more {
            break;
        }
        after = found.end;
        // Newer events come in ahead of the cursor, at the top of the trail.
        let input = person_input(&desk.team_id, "Riva", "Anna", (1950, 2, day - 9), "F");
        app.person(&desk.operator, input).await;
    }
    assert_eq!(unchanged_as_seen(&seen, &existing), existing);
}

const ASSESSMENTS: &str = "query($id: ID!, $after: String) { person(id: $id) { assessments(first: 2, after: $after) { edges { cursor node { id date } } pageInfo { hasNextPage endCursor } } } }";
const ASSESS: &str =
    "mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }";

async fn assess(desk: &Desk, person: &str, date: &str) -> String {
    let recorded = desk
        .operator
        .gql(
            ASSESS,
            json!({ "input": {
                "personId": person, "teamId": desk.team_id, "date": date,
                "setting": "DOMICILIO", "reason": "REASSESSMENT", "participantIds": [desk.operator_id],
                "needLevel": "MEDIUM", "recommendedSetting": "HOME_WITH_SAD"
            } }),
        )
        .await;
    recorded.ok()["recordAssessment"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn a_walk_through_a_persons_assessments_ignores_newer_ones(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "EQUIPE_MULTIDISCIPLINARE").await;
    let input = person_input(&desk.team_id, "Pasini", "Gemma", (1942, 8, 8), "F");
    let person = app.person(&desk.operator, input).await;
    let mut newest_first = Vec::new();
    for day in 1..=7 {
        newest_first.insert(
            0,
            assess(&desk, &person, &format!("2026-09-{day:02}")).await,
        );
    }

    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    for day in 10..20 {
        let found = page(
            &desk.operator,
            ASSESSMENTS,
            &["person", "assessments"],
            json!({ "id": person, "after": after }),
        )
        .await;
        seen.extend(
            found
                .nodes
                .iter()
                .map(|n| n["id"].as_str().unwrap().to_owned()),
        );
        if !found.more {
            break;
        }
        after = found.end;
        // A newer assessment goes to the top of the list, ahead of the cursor.
        assess(&desk, &person, &format!("2026-09-{day:02}")).await;
    }
    assert_eq!(unchanged_as_seen(&seen, &newest_first), newest_first);
}

const REFERRALS: &str = "query($id: ID!, $after: String) { team(id: $id) { referrals(first: 1, after: $after) { edges { cursor node { person { familyName } } } pageInfo { hasNextPage endCursor } } } }";

/// The referrals' first key is an expression (the urgency's rank): pages of
/// one row cross from each rank to the next, and ties within a rank go by age.
async fn a_walk_through_referrals_one_by_one_crosses_from_one_urgency_to_the_next(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let referred = [
        ("Uno", "ORDINARY"),
        ("Due", "URGENT"),
        ("Tre", "PRIORITY"),
        ("Quattro", "ORDINARY"),
        ("Cinque", "URGENT"),
    ];
    for (day, (family, urgency)) in (1..).zip(referred) {
        let mut input = person_input(&desk.team_id, family, "Test", (1950, 1, day), "M");
        input["urgency"] = json!(urgency);
        app.person(&desk.operator, input).await;
    }
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..referred.len() {
        let found = page(
            &desk.operator,
            REFERRALS,
            &["team", "referrals"],
            json!({ "id": desk.team_id, "after": after }),
        )
        .await;
        seen.extend(
            found
                .nodes
                .iter()
                .map(|n| n["person"]["familyName"].as_str().unwrap().to_owned()),
        );
        if !found.more {
            break;
        }
        after = found.end;
    }
    assert_eq!(seen, ["Due", "Cinque", "Tre", "Uno", "Quattro"]);
}

async fn a_cursor_that_is_not_this_lists_is_refused_on_after(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "EQUIPE_MULTIDISCIPLINARE").await;
    let input = person_input(&desk.team_id, "Pasini", "Gemma", (1942, 8, 8), "F");
    let person = app.person(&desk.operator, input).await;
    assess(&desk, &person, "2026-09-01").await;
    let teams = page(
        &desk.operator,
        "query { teams(first: 1) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }",
        &["teams"],
        json!({}),
    )
    .await;
    let of_teams = teams.end.unwrap();
    // "o:0", a cursor of the offset pages of earlier versions.
    for cursor in ["garbage!", "bzow", of_teams.as_str()] {
        let refused = desk.operator.gql(PERSONS, json!({ "after": cursor })).await;
        refused.expect_code("VALIDATION");
        assert_eq!(refused.field(), Some("after"), "{cursor}");
        let refused = desk
            .operator
            .gql(ASSESSMENTS, json!({ "id": person, "after": cursor }))
            .await;
        refused.expect_code("VALIDATION");
        assert_eq!(refused.field(), Some("after"), "{cursor}");
    }
    // The list's own cursor is taken.
    let persons = page(&desk.operator, PERSONS, &["persons"], json!({})).await;
    let next = desk
        .operator
        .gql(PERSONS, json!({ "after": persons.end }))
        .await;
    assert!(next.ok()["persons"]["edges"].as_array().unwrap().is_empty());
}
