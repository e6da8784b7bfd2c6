use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb, PASSWORD};

on_both_databases!(
    an_admin_creates_an_organization_and_a_user_who_can_sign_in,
    an_operator_calling_admin_operations_is_forbidden,
    anonymous_callers_are_unauthenticated,
    a_malformed_email_and_a_short_password_name_their_field,
    a_duplicate_email_is_a_conflict_whatever_its_case,
    a_stale_version_is_a_conflict_and_the_first_write_stays,
    two_admins_changing_a_user_at_once_have_one_winner,
    user_creation_and_role_changes_are_audited,
    lists_are_paginated_with_a_total,
    an_admin_cannot_change_their_own_role_but_another_admin_can,
    an_admin_cannot_add_themselves_to_a_team_but_another_admin_can,
    the_users_search_takes_underscore_and_percent_literally,
);

const CREATE_ORG: &str =
    "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name kind fiscalCode } }";
const CREATE_USER: &str = "mutation($input: CreateUserInput!) { createUser(input: $input) { id email role profession version organization { name } } }";
const UPDATE_USER: &str =
    "mutation($input: UpdateUserInput!) { updateUser(input: $input) { id role displayName version } }";

async fn make_org(admin: &Client, name: &str) -> String {
    let created = admin
        .gql(
            CREATE_ORG,
            json!({ "input": { "name": name, "kind": "COMUNE" } }),
        )
        .await;
    created.ok()["createOrganization"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn user_input(email: &str, password: &str, org: &str) -> Value {
    json!({ "input": {
        "email": email, "displayName": "Chiara Bianchi", "password": password,
        "role": "OPERATOR", "profession": "ASSISTENTE_SOCIALE", "organizationId": org
    } })
}

async fn an_admin_creates_an_organization_and_a_user_who_can_sign_in(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let org = admin
        .gql(
            CREATE_ORG,
            json!({ "input": { "name": "Comune di Breno", "kind": "COMUNE", "fiscalCode": "00412345678" } }),
        )
        .await;
    let org = org.ok()["createOrganization"].clone();
    assert_eq!(org["kind"], "COMUNE");
    assert_eq!(org["fiscalCode"], "00412345678");

    let created = admin
        .gql(
            CREATE_USER,
            user_input("chiara@breno.test", PASSWORD, org["id"].as_str().unwrap()),
        )
        .await;
    let user = &created.ok()["createUser"];
    assert_eq!(user["profession"], "ASSISTENTE_SOCIALE");
    assert_eq!(user["organization"]["name"], "Comune di Breno");
    assert_eq!(user["version"], 1);

    let chiara = app.client();
    chiara.login_ok("chiara@breno.test", PASSWORD).await;
    assert_eq!(chiara.me().await["role"], "OPERATOR");

    let listed = chiara
        .gql(
            "{ organizations(kind: COMUNE) { totalCount nodes { name } } }",
            json!({}),
        )
        .await;
    assert_eq!(listed.ok()["organizations"]["totalCount"], 1);
}

async fn an_operator_calling_admin_operations_is_forbidden(db: TestDb) {
    let app = TestApp::spawn(db).await;
    app.make_user("op@asst.test", Role::Operator, None).await;
    app.make_user("auditor@asst.test", Role::Auditor, None)
        .await;
    for email in ["op@asst.test", "auditor@asst.test"] {
        let client = app.client();
        client.login_ok(email, PASSWORD).await;
        client
            .gql(
                CREATE_ORG,
                json!({ "input": { "name": "X", "kind": "ETS" } }),
            )
            .await
            .expect_code("FORBIDDEN");
        client
            .gql(
                CREATE_USER,
                user_input("x@y.test", PASSWORD, &uuid::Uuid::now_v7().to_string()),
            )
            .await
            .expect_code("FORBIDDEN");
        client
            .gql("{ users { totalCount } }", json!({}))
            .await
            .expect_code("FORBIDDEN");
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM organizations").await,
        0,
        "nothing written"
    );
}

async fn anonymous_callers_are_unauthenticated(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let anonymous = app.client();
    for (query, vars) in [
        ("{ users { totalCount } }", json!({})),
        ("{ organizations { totalCount } }", json!({})),
        (CREATE_ORG, json!({ "input": { "name": "X", "kind": "ETS" } })),
        (
            "mutation { changePassword(input: {currentPassword: \"a\", newPassword: \"abcdefghijklm\"}) }",
            json!({}),
        ),
    ] {
        anonymous.gql(query, vars).await.expect_code("UNAUTHENTICATED");
    }
}

async fn a_malformed_email_and_a_short_password_name_their_field(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let org = make_org(&admin, "Comune di Edolo").await;
    let bad_email = admin
        .gql(CREATE_USER, user_input("chiara-at-edolo", PASSWORD, &org))
        .await;
    bad_email.expect_code("VALIDATION");
    assert_eq!(bad_email.field(), Some("email"));
    assert!(!bad_email.message().is_empty());

    let short = admin
        .gql(
            CREATE_USER,
            user_input("chiara@edolo.test", "11-caratter", &org),
        )
        .await;
    short.expect_code("VALIDATION");
    assert_eq!(short.field(), Some("password"));
    assert!(short.message().contains("12"), "{}", short.message());

    let bad_org = admin
        .gql(
            CREATE_USER,
            user_input("chiara@edolo.test", PASSWORD, "not-an-id"),
        )
        .await;
    bad_org.expect_code("VALIDATION");
    assert_eq!(bad_org.field(), Some("organizationId"));

    let bad_fc = admin
        .gql(
            CREATE_ORG,
            json!({ "input": { "name": "ETS", "kind": "ETS", "fiscalCode": "12AB" } }),
        )
        .await;
    bad_fc.expect_code("VALIDATION");
    assert_eq!(bad_fc.field(), Some("fiscalCode"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE email LIKE 'chiara%'")
            .await,
        0
    );
}

async fn a_duplicate_email_is_a_conflict_whatever_its_case(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let org = make_org(&admin, "Comune di Darfo").await;
    admin
        .gql(CREATE_USER, user_input("dup@darfo.test", PASSWORD, &org))
        .await
        .ok();
    admin
        .gql(CREATE_USER, user_input("DUP@Darfo.test", PASSWORD, &org))
        .await
        .expect_code("CONFLICT");
}

async fn a_stale_version_is_a_conflict_and_the_first_write_stays(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let other_admin = app.admin().await;
    let id = app.make_user("v@asst.test", Role::Operator, None).await;
    admin
        .gql(
            UPDATE_USER,
            json!({ "input": { "userId": id, "expectedVersion": 1, "displayName": "Primo" } }),
        )
        .await
        .ok();
    other_admin
        .gql(
            UPDATE_USER,
            json!({ "input": { "userId": id, "expectedVersion": 1, "displayName": "Secondo" } }),
        )
        .await
        .expect_code("CONFLICT");
    let users = admin
        .gql(
            "{ users(search: \"v@asst\") { nodes { displayName version } } }",
            json!({}),
        )
        .await;
    assert_eq!(users.ok()["users"]["nodes"][0]["displayName"], "Primo");
    assert_eq!(users.ok()["users"]["nodes"][0]["version"], 2);
}

async fn two_admins_changing_a_user_at_once_have_one_winner(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let other_admin = app.admin().await;
    let id = app.make_user("race@asst.test", Role::Operator, None).await;
    // Two simultaneous requests interleave differently each time: several
    // rounds give the losing one many chances to slip through.
    for version in 1..=8 {
        let send = |client: &Client, name: String| {
            let client = client.clone();
            let input = json!({ "input": { "userId": id, "expectedVersion": version, "displayName": name } });
            async move { client.gql(UPDATE_USER, input).await }
        };
        let (a, b) = tokio::join!(
            send(&admin, format!("Primo {version}")),
            send(&other_admin, format!("Secondo {version}"))
        );
        let codes = [a.code(), b.code()];
        assert!(
            codes.contains(&None) && codes.contains(&Some("CONFLICT")),
            "round {version}: {codes:?}"
        );
        let winner = [&a, &b].into_iter().find(|r| r.code().is_none()).unwrap();
        let users = admin
            .gql(
                "{ users(search: \"race@asst\") { nodes { displayName version } } }",
                json!({}),
            )
            .await;
        let stored = users.ok()["users"]["nodes"][0].clone();
        assert_eq!(
            stored["displayName"],
            winner.data()["updateUser"]["displayName"]
        );
        assert_eq!(stored["version"], version + 1);
    }
}

async fn user_creation_and_role_changes_are_audited(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let org = make_org(&admin, "ASST della Valcamonica").await;
    let created = admin
        .gql(CREATE_USER, user_input("ruolo@asst.test", PASSWORD, &org))
        .await;
    let id = created.ok()["createUser"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    admin
        .gql(
            UPDATE_USER,
            json!({ "input": { "userId": id, "expectedVersion": 1, "role": "AUDITOR" } }),
        )
        .await
        .ok();
    let sql = |action: &str| {
        format!("SELECT COUNT(*) FROM audit_events WHERE action = '{action}' AND actor_user_id IS NOT NULL")
    };
    // The admin made by the harness counts for one USER_CREATED, without an actor.
    assert_eq!(app.count(&sql("USER_CREATED")).await, 1);
    assert_eq!(app.count(&sql("USER_ROLE_CHANGED")).await, 1);
    assert_eq!(app.count(&sql("ORGANIZATION_CREATED")).await, 1);
}

async fn lists_are_paginated_with_a_total(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    for i in 0..5 {
        app.make_user(&format!("pag{i}@asst.test"), Role::Operator, None)
            .await;
    }
    let page = |after: Value| {
        let admin = admin.clone();
        async move {
            admin
                .gql(
                    "query($after: String) { users(first: 2, after: $after, search: \"pag\") { totalCount nodes { email } pageInfo { hasNextPage endCursor } } }",
                    json!({ "after": after }),
                )
                .await
                .ok()["users"]
                .clone()
        }
    };
    let first = page(Value::Null).await;
    assert_eq!(first["totalCount"], 5);
    assert_eq!(first["nodes"][0]["email"], "pag0@asst.test");
    assert_eq!(first["pageInfo"]["hasNextPage"], true);
    let second = page(first["pageInfo"]["endCursor"].clone()).await;
    assert_eq!(second["nodes"][0]["email"], "pag2@asst.test");
    let third = page(second["pageInfo"]["endCursor"].clone()).await;
    assert_eq!(third["nodes"].as_array().unwrap().len(), 1);
    assert_eq!(third["pageInfo"]["hasNextPage"], false);
    let beyond = page(third["pageInfo"]["endCursor"].clone()).await;
    assert_eq!(beyond["nodes"].as_array().unwrap().len(), 0);
    assert_eq!(beyond["totalCount"], 5);
}

const ADD_MEMBER: &str =
    "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { id members { user { id } } } }";

fn id_of(user: &Value) -> String {
    user["id"].as_str().unwrap().to_owned()
}

/// What `actor` did to `subject`, as an auditor reads it in the trail.
async fn audited_acts(app: &TestApp, actor: &str, subject: &str) -> Vec<String> {
    app.make_user("dpo@asst.test", Role::Auditor, None).await;
    let dpo = app.client();
    dpo.login_ok("dpo@asst.test", PASSWORD).await;
    let trail = dpo
        .gql(
            "query($user: ID) { auditTrail(userId: $user, first: 50) { nodes { action entityId details } } }",
            json!({ "user": actor }),
        )
        .await;
    trail.ok()["auditTrail"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|event| {
            event["entityId"] == subject
                || event["details"].as_str().unwrap_or("").contains(subject)
        })
        .map(|event| event["action"].as_str().unwrap().to_owned())
        .collect()
}

async fn an_admin_cannot_change_their_own_role_but_another_admin_can(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let first = app.admin().await;
    let second = app.admin().await;
    let first_id = id_of(&first.me().await);
    let second_id = id_of(&second.me().await);

    // Becoming an OPERATOR is the first step towards case data.
    let refused = first
        .gql(
            UPDATE_USER,
            json!({ "input": { "userId": first_id, "expectedVersion": 1, "role": "OPERATOR" } }),
        )
        .await;
    refused.expect_code("FORBIDDEN");
    assert!(
        refused.message().contains("altro amministratore"),
        "{}",
        refused.message()
    );
    assert_eq!(first.me().await["role"], "ADMIN");
    // Saving one's own account with the role as it is stays possible.
    first
        .gql(
            UPDATE_USER,
            json!({ "input": { "userId": first_id, "expectedVersion": 1, "role": "ADMIN", "displayName": "Prima Amministratrice" } }),
        )
        .await
        .ok();

    // A second person can, and the trail says who.
    let changed = second
        .gql(
            UPDATE_USER,
            json!({ "input": { "userId": first_id, "expectedVersion": 2, "role": "OPERATOR" } }),
        )
        .await;
    assert_eq!(changed.ok()["updateUser"]["role"], "OPERATOR");
    assert_eq!(
        audited_acts(&app, &second_id, &first_id).await,
        vec!["USER_ROLE_CHANGED"]
    );
}

async fn an_admin_cannot_add_themselves_to_a_team_but_another_admin_can(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let first = app.admin().await;
    let second = app.admin().await;
    let first_id = id_of(&first.me().await);
    let second_id = id_of(&second.me().await);
    let org = make_org(&first, "Comune di Breno").await;
    let team = app.team(&first, "PUA di Breno", "PUA", &org).await;
    let join =
        json!({ "input": { "teamId": team, "userId": first_id, "teamRole": "COORDINATOR" } });

    // Membership opens the team's persons' records.
    let refused = first.gql(ADD_MEMBER, join.clone()).await;
    refused.expect_code("FORBIDDEN");
    assert!(
        refused.message().contains("altro amministratore"),
        "{}",
        refused.message()
    );

    let added = second.gql(ADD_MEMBER, join).await;
    let members = added.ok()["addTeamMember"]["members"].clone();
    assert_eq!(members[0]["user"]["id"], first_id.as_str(), "{members}");
    assert_eq!(
        audited_acts(&app, &second_id, &first_id).await,
        vec!["TEAM_MEMBER_ADDED"]
    );
}

async fn the_users_search_takes_underscore_and_percent_literally(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let org = make_org(&admin, "Comune di Breno").await;
    for (email, name) in [
        ("mario_rossi@breno.test", "Mario Rossi"),
        ("mario.rossi@breno.test", "Mario Rossi"),
        ("ufficio@breno.test", "Ufficio 100% Inclusione"),
        ("altro.ufficio@breno.test", "Ufficio 1000 Inclusione"),
    ] {
        let mut input = user_input(email, PASSWORD, &org);
        input["input"]["displayName"] = json!(name);
        admin.gql(CREATE_USER, input).await.ok();
    }
    let found = |search: &'static str| {
        let admin = admin.clone();
        async move {
            let users = admin
                .gql(
                    "query($s: String) { users(search: $s, first: 50) { nodes { email } } }",
                    json!({ "s": search }),
                )
                .await;
            users.ok()["users"]["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u["email"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(found("o_r").await, vec!["mario_rossi@breno.test"]);
    assert_eq!(found("_").await, vec!["mario_rossi@breno.test"]);
    assert_eq!(found("100%").await, vec!["ufficio@breno.test"]);
    assert_eq!(found("%").await, vec!["ufficio@breno.test"]);
    assert_eq!(found("ROSSI").await.len(), 2, "case is still ignored");
}
