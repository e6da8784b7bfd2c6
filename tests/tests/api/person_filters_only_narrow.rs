//! The persons list's filters (issue 16 point 10): team, case manager,
//! target group, age band and project status. Each narrows the persons the
//! viewer is responsible for and never shows one they are not.

use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{person_input, Desk};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

use crate::projects::{move_to, OPEN};

on_both_databases!(
    each_filter_narrows_the_list_to_the_persons_it_names,
    a_filter_never_shows_a_person_the_viewer_is_not_responsible_for,
);

const LIST: &str = "query($s: String, $f: PersonsFilter) { persons(search: $s, filter: $f, first: 50) { totalCount nodes { familyName } } }";

async fn listed(client: &Client, search: Option<&str>, filter: Value) -> Vec<String> {
    let response = client.gql(LIST, json!({ "s": search, "f": filter })).await;
    let persons = response.ok()["persons"].clone();
    let names: Vec<String> = persons["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["familyName"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(persons["totalCount"], names.len(), "{filter}");
    names
}

async fn person(
    app: &TestApp,
    desk: &Desk,
    family: &str,
    born: (i32, u32, u32),
    groups: &[&str],
) -> String {
    let mut input = person_input(&desk.team_id, family, "Anna", born, "F");
    input["targetGroups"] = json!(groups);
    app.person(&desk.operator, input).await
}

async fn project(desk: &Desk, person: &str, case_manager: &str) -> Value {
    let opened = desk
        .operator
        .gql(
            OPEN,
            json!({ "input": {
                "personId": person, "kind": "PAI", "teamId": desk.team_id,
                "caseManagerId": case_manager, "title": "Restare a casa",
                "startDate": "2026-09-01", "reviewEveryDays": 60
            } }),
        )
        .await;
    opened.ok()["openProject"].clone()
}

/// A second team in the desk's organization with an operator of its own.
async fn other_desk(app: &TestApp, desk: &Desk) -> Desk {
    let team_id = app
        .team(
            &desk.admin,
            "Équipe di Darfo",
            "EQUIPE_MULTIDISCIPLINARE",
            &desk.organization_id,
        )
        .await;
    let email = format!("op{}@comune.test", uuid::Uuid::now_v7().simple());
    let (operator, operator_id) = app.operator(&email).await;
    app.add_member(&desk.admin, &team_id, &operator_id, "MEMBER")
        .await;
    Desk {
        admin: app.admin().await,
        organization_id: desk.organization_id.clone(),
        team_id,
        operator,
        operator_id,
    }
}

async fn each_filter_narrows_the_list_to_the_persons_it_names(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "EQUIPE_MULTIDISCIPLINARE").await;
    let email = format!("cm{}@asst.test", uuid::Uuid::now_v7().simple());
    let (_, case_manager) = app.operator(&email).await;
    app.add_member(&desk.admin, &desk.team_id, &case_manager, "MEMBER")
        .await;
    let elderly = person(
        &app,
        &desk,
        "Anziani",
        (1938, 5, 5),
        &["NON_AUTOSUFFICIENTE"],
    )
    .await;
    person(
        &app,
        &desk,
        "Bambini",
        (2016, 6, 6),
        &["MINORE", "DISABILITA"],
    )
    .await;
    person(
        &app,
        &desk,
        "Adulti",
        (1975, 7, 7),
        &["POVERTA", "SALUTE_MENTALE", "DIPENDENZE"],
    )
    .await;
    let managed = project(&desk, &elderly, &case_manager).await;
    let op = &desk.operator;

    assert_eq!(
        listed(op, None, json!(null)).await,
        ["Adulti", "Anziani", "Bambini"]
    );
    assert_eq!(
        listed(op, None, json!({ "teamId": desk.team_id })).await,
        ["Adulti", "Anziani", "Bambini"]
    );
    for (group, expected) in [
        ("MINORE", vec!["Bambini"]),
        ("DISABILITA", vec!["Bambini"]),
        ("POVERTA", vec!["Adulti"]),
        ("SALUTE_MENTALE", vec!["Adulti"]),
        ("DIPENDENZE", vec!["Adulti"]),
        ("NON_AUTOSUFFICIENTE", vec!["Anziani"]),
        ("SENZA_DIMORA", vec![]),
    ] {
        assert_eq!(
            listed(op, None, json!({ "targetGroup": group })).await,
            expected,
            "{group}"
        );
    }
    for (band, expected) in [
        ("UNDER_18", vec!["Bambini"]),
        ("FROM_18_TO_64", vec!["Adulti"]),
        ("FROM_65_TO_79", vec![]),
        ("FROM_80", vec!["Anziani"]),
    ] {
        assert_eq!(
            listed(op, None, json!({ "ageBand": band })).await,
            expected,
            "{band}"
        );
    }
    assert_eq!(
        listed(op, None, json!({ "caseManagerId": case_manager })).await,
        ["Anziani"]
    );
    assert!(
        listed(op, None, json!({ "caseManagerId": desk.operator_id }))
            .await
            .is_empty()
    );
    assert_eq!(
        listed(op, None, json!({ "projectStatus": "INTAKE" })).await,
        ["Anziani"]
    );
    // Case manager and status name the same project.
    move_to(
        op,
        &managed,
        "ASSESSMENT",
        managed["version"].as_i64().unwrap(),
    )
    .await
    .ok();
    assert!(listed(op, None, json!({ "projectStatus": "INTAKE" }))
        .await
        .is_empty());
    assert_eq!(
        listed(
            op,
            None,
            json!({ "caseManagerId": case_manager, "projectStatus": "ASSESSMENT" })
        )
        .await,
        ["Anziani"]
    );
    assert!(listed(
        op,
        None,
        json!({ "caseManagerId": case_manager, "projectStatus": "PLANNING" })
    )
    .await
    .is_empty());
    // Filters and the search add up.
    assert_eq!(
        listed(op, Some("anz"), json!({ "ageBand": "FROM_80" })).await,
        ["Anziani"]
    );
    assert!(listed(op, Some("anz"), json!({ "ageBand": "UNDER_18" }))
        .await
        .is_empty());

    let refused = op
        .gql(LIST, json!({ "f": { "teamId": "not-an-id" } }))
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("teamId"));
}

async fn a_filter_never_shows_a_person_the_viewer_is_not_responsible_for(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "EQUIPE_MULTIDISCIPLINARE").await;
    let other = other_desk(&app, &desk).await;
    person(
        &app,
        &desk,
        "Nostri",
        (1940, 1, 1),
        &["NON_AUTOSUFFICIENTE"],
    )
    .await;
    let theirs = person(
        &app,
        &other,
        "Altrui",
        (1941, 2, 2),
        &["NON_AUTOSUFFICIENTE"],
    )
    .await;
    project(&other, &theirs, &other.operator_id).await;
    let op = &desk.operator;

    for filter in [
        json!({ "teamId": other.team_id }),
        json!({ "caseManagerId": other.operator_id }),
        json!({ "projectStatus": "INTAKE" }),
        json!({ "caseManagerId": other.operator_id, "projectStatus": "INTAKE" }),
    ] {
        assert!(
            listed(op, None, filter.clone()).await.is_empty(),
            "{filter}"
        );
    }
    for filter in [
        json!({ "targetGroup": "NON_AUTOSUFFICIENTE" }),
        json!({ "ageBand": "FROM_80" }),
        json!({ "teamId": desk.team_id }),
    ] {
        assert_eq!(
            listed(op, None, filter.clone()).await,
            ["Nostri"],
            "{filter}"
        );
    }
    // The other team sees its own, filtered the same way.
    assert_eq!(
        listed(
            &other.operator,
            None,
            json!({ "caseManagerId": other.operator_id, "projectStatus": "INTAKE" })
        )
        .await,
        ["Altrui"]
    );
    assert!(
        listed(&other.operator, None, json!({ "teamId": desk.team_id }))
            .await
            .is_empty()
    );
}
