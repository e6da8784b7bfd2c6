use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::json;
use ponte_tests::world::Desk;
use ponte_tests::{on_both_databases, TestApp, TestDb};

on_both_databases!(
    a_team_gathers_members_from_several_organizations,
    coordinators_manage_membership_and_members_do_not,
    ending_a_membership_keeps_its_history_and_ends_access,
    my_teams_are_the_ones_i_am_an_active_member_of,
    membership_mistakes_are_clear_errors,
    a_member_removed_while_made_case_manager_never_leaves_a_project_without_one,
    adding_the_same_member_twice_at_once_makes_one_membership,
);

const TEAM: &str = "query($id: ID!) { team(id: $id) { name kind organization { name } members(includeFormer: true) { teamRole active startedOn endedOn user { email organization { name } } } } }";

async fn a_team_gathers_members_from_several_organizations(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "UVM").await;
    let comune = app
        .organization(&desk.admin, "Comune di Breno", "COMUNE")
        .await;
    let ets = app
        .organization(&desk.admin, "Cooperativa Il Ponte", "COOPERATIVA_SOCIALE")
        .await;
    let social_worker = app
        .make_user(
            "as@breno.test",
            ponte_server::domain::vocabulary::Role::Operator,
            Some(comune.parse().unwrap()),
        )
        .await;
    let educator = app
        .make_user(
            "edu@ponte.test",
            ponte_server::domain::vocabulary::Role::Operator,
            Some(ets.parse().unwrap()),
        )
        .await;
    app.add_member(&desk.admin, &desk.team_id, &social_worker, "COORDINATOR")
        .await;
    app.add_member(&desk.admin, &desk.team_id, &educator, "MEMBER")
        .await;
    let team = desk.operator.gql(TEAM, json!({ "id": desk.team_id })).await;
    let team = &team.ok()["team"];
    assert_eq!(team["kind"], "UVM");
    assert_eq!(team["organization"]["name"], "ASST della Valcamonica");
    let members = team["members"].as_array().unwrap();
    assert_eq!(members.len(), 3);
    let orgs: Vec<&str> = members
        .iter()
        .filter_map(|m| m["user"]["organization"]["name"].as_str())
        .collect();
    assert!(
        orgs.contains(&"Comune di Breno") && orgs.contains(&"Cooperativa Il Ponte"),
        "{orgs:?}"
    );
    assert!(members.iter().any(|m| m["teamRole"] == "COORDINATOR"));
    assert!(members
        .iter()
        .all(|m| m["active"] == true && m["endedOn"].is_null()));
}

async fn coordinators_manage_membership_and_members_do_not(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "EQUIPE_MULTIDISCIPLINARE").await;
    let (coordinator, coordinator_id) = app.operator("coord@asst.test").await;
    app.add_member(&desk.admin, &desk.team_id, &coordinator_id, "COORDINATOR")
        .await;
    let newcomer = app
        .make_user(
            "nuovo@asst.test",
            ponte_server::domain::vocabulary::Role::Operator,
            None,
        )
        .await;
    let add = "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { members { user { email } } } }";
    let input = json!({ "input": { "teamId": desk.team_id, "userId": newcomer } });
    desk.operator
        .gql(add, input.clone())
        .await
        .expect_code("FORBIDDEN");
    let added = coordinator.gql(add, input).await;
    assert_eq!(
        added.ok()["addTeamMember"]["members"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let remove =
        "mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { id } }";
    desk.operator
        .gql(
            remove,
            json!({ "input": { "teamId": desk.team_id, "userId": newcomer } }),
        )
        .await
        .expect_code("FORBIDDEN");
    coordinator
        .gql(
            remove,
            json!({ "input": { "teamId": desk.team_id, "userId": newcomer } }),
        )
        .await
        .ok();
    // Only admins create teams.
    coordinator
        .gql(
            "mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }",
            json!({ "input": { "name": "X", "kind": "PUA", "organizationId": desk.organization_id } }),
        )
        .await
        .expect_code("FORBIDDEN");
}

async fn ending_a_membership_keeps_its_history_and_ends_access(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let person = desk.person("Riva", "Ada", (1944, 4, 4), "F").await;
    let read = "query($id: ID!) { person(id: $id) { id } }";
    desk.operator.gql(read, json!({ "id": person })).await.ok();

    app.remove_member(&desk.admin, &desk.team_id, &desk.operator_id)
        .await;
    desk.operator
        .gql(read, json!({ "id": person }))
        .await
        .expect_code("FORBIDDEN");
    let listed = desk
        .operator
        .gql("{ persons { totalCount } }", json!({}))
        .await;
    assert_eq!(listed.ok()["persons"]["totalCount"], 0);

    let team = desk.admin.gql(TEAM, json!({ "id": desk.team_id })).await;
    let member = &team.ok()["team"]["members"][0];
    assert_eq!(member["active"], false);
    assert!(
        member["endedOn"].is_string(),
        "the end date is kept: {member}"
    );
    let current = desk
        .admin
        .gql(
            "query($id: ID!) { team(id: $id) { members { user { id } } } }",
            json!({ "id": desk.team_id }),
        )
        .await;
    assert!(current.ok()["team"]["members"]
        .as_array()
        .unwrap()
        .is_empty());

    // Back in the team, back to work; the history shows both periods.
    app.add_member(&desk.admin, &desk.team_id, &desk.operator_id, "MEMBER")
        .await;
    desk.operator.gql(read, json!({ "id": person })).await.ok();
    let team = desk.admin.gql(TEAM, json!({ "id": desk.team_id })).await;
    assert_eq!(team.ok()["team"]["members"].as_array().unwrap().len(), 2);
}

async fn my_teams_are_the_ones_i_am_an_active_member_of(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let other = app
        .team(&desk.admin, "UVM Darfo", "UVM", &desk.organization_id)
        .await;
    let former = app
        .team(
            &desk.admin,
            "Servizio Anziani",
            "SERVIZIO",
            &desk.organization_id,
        )
        .await;
    app.add_member(&desk.admin, &former, &desk.operator_id, "MEMBER")
        .await;
    app.remove_member(&desk.admin, &former, &desk.operator_id)
        .await;
    let mine = desk
        .operator
        .gql(
            "{ teams(mine: true) { totalCount nodes { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(mine.ok()["teams"]["totalCount"], 1);
    assert_eq!(mine.ok()["teams"]["nodes"][0]["id"], desk.team_id);
    let all = desk
        .operator
        .gql("{ teams { totalCount } }", json!({}))
        .await;
    assert_eq!(all.ok()["teams"]["totalCount"], 3);
    let uvm = desk
        .operator
        .gql("{ teams(kind: UVM) { nodes { id } } }", json!({}))
        .await;
    assert_eq!(uvm.ok()["teams"]["nodes"][0]["id"], other);
}

async fn membership_mistakes_are_clear_errors(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let add = "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }";
    let twice = desk
        .admin
        .gql(
            add,
            json!({ "input": { "teamId": desk.team_id, "userId": desk.operator_id } }),
        )
        .await;
    twice.expect_code("CONFLICT");
    let nobody = desk
        .admin
        .gql(add, json!({ "input": { "teamId": desk.team_id, "userId": uuid::Uuid::now_v7().to_string() } }))
        .await;
    nobody.expect_code("VALIDATION");
    assert_eq!(nobody.field(), Some("userId"));
    let no_team = desk
        .admin
        .gql(add, json!({ "input": { "teamId": uuid::Uuid::now_v7().to_string(), "userId": desk.operator_id } }))
        .await;
    no_team.expect_code("NOT_FOUND");
    let not_member = desk
        .admin
        .gql(
            "mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { id } }",
            json!({ "input": { "teamId": desk.team_id, "userId": desk.admin_id().await } }),
        )
        .await;
    not_member.expect_code("VALIDATION");
    let bad_org = desk
        .admin
        .gql(
            "mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }",
            json!({ "input": { "name": "UVM", "kind": "UVM", "organizationId": uuid::Uuid::now_v7().to_string() } }),
        )
        .await;
    bad_org.expect_code("VALIDATION");
    assert_eq!(bad_org.field(), Some("organizationId"));
}

/// Open projects whose case manager is no longer an active member of the
/// project's team: what removing a case manager must never leave.
const CASE_MANAGERS_GONE: &str = "SELECT COUNT(*) FROM projects p WHERE p.status <> 'CLOSED' \
     AND NOT EXISTS (SELECT 1 FROM team_memberships m WHERE m.team_id = p.team_id \
     AND m.user_id = p.case_manager_id AND m.ended_on IS NULL)";

async fn a_member_removed_while_made_case_manager_never_leaves_a_project_without_one(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "EQUIPE_MULTIDISCIPLINARE").await;
    let person = desk.person("Pasini", "Gemma", (1942, 8, 8), "F").await;
    let opened = desk
        .operator
        .gql(
            "mutation($input: OpenProjectInput!) { openProject(input: $input) { id version } }",
            json!({ "input": {
                "personId": person, "kind": "PAI", "teamId": desk.team_id,
                "caseManagerId": desk.operator_id, "title": "Restare a casa",
                "startDate": "2026-09-01", "reviewEveryDays": 60
            } }),
        )
        .await;
    let project = opened.ok()["openProject"].clone();
    let mut version = project["version"].clone();
    const CHANGE: &str = "mutation($input: ChangeCaseManagerInput!) { changeCaseManager(input: $input) { version } }";
    const REMOVE: &str =
        "mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { id } }";
    // Each round a new member is at once removed and made the project's case
    // manager; one of the two starts a little later each round (0 to 3 ms),
    // so that some round lands each between the other's check and its write.
    for round in 0..20u64 {
        let member = app
            .make_user(&format!("cm{round}@asst.test"), Role::Operator, None)
            .await;
        app.add_member(&desk.admin, &desk.team_id, &member, "MEMBER")
            .await;
        let later = std::time::Duration::from_micros(300 * (round / 2));
        let (changed, removed) = tokio::join!(
            async {
                if round % 2 == 0 {
                    tokio::time::sleep(later).await;
                }
                desk.operator
                    .gql(CHANGE, json!({ "input": { "projectId": project["id"], "expectedVersion": version, "caseManagerId": member } }))
                    .await
            },
            async {
                if round % 2 == 1 {
                    tokio::time::sleep(later).await;
                }
                desk.admin
                    .gql(
                        REMOVE,
                        json!({ "input": { "teamId": desk.team_id, "userId": member } }),
                    )
                    .await
            }
        );
        assert_eq!(
            app.count(CASE_MANAGERS_GONE).await,
            0,
            "round {round}: the case manager left the team ({} / {})",
            changed.body,
            removed.body
        );
        // Exactly one of the two happened; the other was refused.
        let codes = [changed.code(), removed.code()];
        assert!(
            codes.contains(&None) && codes.contains(&Some("VALIDATION")),
            "round {round}: {codes:?}"
        );
        if changed.code().is_none() {
            version = changed.ok()["changeCaseManager"]["version"].clone();
        }
    }
}

async fn adding_the_same_member_twice_at_once_makes_one_membership(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "UVM").await;
    const ADD: &str =
        "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id } }";
    for round in 0..10u64 {
        let email = format!("nuovo{round}@asst.test");
        let newcomer = app.make_user(&email, Role::Operator, None).await;
        let input = json!({ "input": { "teamId": desk.team_id, "userId": newcomer, "teamRole": "MEMBER" } });
        let (first, second) = tokio::join!(desk.admin.gql(ADD, input.clone()), async {
            tokio::time::sleep(std::time::Duration::from_micros(300 * round)).await;
            desk.admin.gql(ADD, input.clone()).await
        });
        let memberships = app
            .count(&format!(
                "SELECT COUNT(*) FROM team_memberships WHERE ended_on IS NULL \
                 AND user_id = (SELECT id FROM users WHERE email = '{email}')"
            ))
            .await;
        assert_eq!(
            memberships, 1,
            "round {round}: {} / {}",
            first.body, second.body
        );
        let codes = [first.code(), second.code()];
        assert!(
            codes.contains(&None) && codes.contains(&Some("CONFLICT")),
            "round {round}: {codes:?}"
        );
    }
}
