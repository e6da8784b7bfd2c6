//! The territory (issue 14.1): organizations under one another, and a
//! person's Comune of residence.

use ponte_server::domain::vocabulary::Role;
use ponte_tests::serde_json::json;
use ponte_tests::world::{person_input, Desk};
use ponte_tests::{on_both_databases, TestApp, TestDb, PASSWORD};

on_both_databases!(
    an_ambito_groups_its_comuni_and_a_distretto_sits_under_its_asst,
    a_comune_cannot_sit_under_an_asst,
    only_an_admin_moves_an_organization_and_it_is_audited,
    a_person_resides_in_a_comune_of_the_catalogue,
    an_admin_gives_a_reporter_their_territories,
);

const CREATE_ORGANIZATION: &str =
    "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }";
const SET_PARENT: &str = "mutation($input: SetOrganizationParentInput!) { setOrganizationParent(input: $input) { id parent { name } } }";

async fn an_ambito_groups_its_comuni_and_a_distretto_sits_under_its_asst(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let (_, asst) = app.ats_and_its_asst(&admin).await;
    let distretto = app
        .organization_under(&admin, "Distretto di Breno", "DISTRETTO", &asst)
        .await;
    let ambito = app
        .organization_under(&admin, "Ambito di Vallecamonica", "AMBITO", &distretto)
        .await;
    for comune in ["Comune di Breno", "Comune di Esine"] {
        app.organization_under(&admin, comune, "COMUNE", &ambito)
            .await;
    }
    let read = admin
        .gql(
            "{ organizations(kind: AMBITO) { nodes { name parent { name parent { name } } children { name kind } } } }",
            json!({}),
        )
        .await;
    let ambito = &read.ok()["organizations"]["nodes"][0];
    assert_eq!(ambito["parent"]["name"], "Distretto di Breno");
    assert_eq!(ambito["parent"]["parent"]["name"], "ASST della Valcamonica");
    assert_eq!(
        ambito["children"],
        json!([
            { "name": "Comune di Breno", "kind": "COMUNE" },
            { "name": "Comune di Esine", "kind": "COMUNE" },
        ])
    );
}

async fn a_comune_cannot_sit_under_an_asst(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let admin = app.admin().await;
    let asst = app.asst(&admin).await;
    let refused = admin
        .gql(
            CREATE_ORGANIZATION,
            json!({ "input": { "name": "Comune di Breno", "kind": "COMUNE", "parentId": asst } }),
        )
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("parentId"));
    assert_eq!(
        refused.message(),
        "Un Comune appartiene a un Ambito territoriale"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM organizations WHERE kind = 'COMUNE'")
            .await,
        0
    );
    // A health service may sit there.
    let ospedale = admin
        .gql(
            CREATE_ORGANIZATION,
            json!({ "input": { "name": "Ospedale di Esine", "kind": "OSPEDALE", "parentId": asst } }),
        )
        .await;
    ospedale.ok();
}

async fn only_an_admin_moves_an_organization_and_it_is_audited(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let ambito = app
        .organization(&desk.admin, "Ambito di Vallecamonica", "AMBITO")
        .await;
    let comune = app
        .organization(&desk.admin, "Comune di Breno", "COMUNE")
        .await;
    let input = json!({ "input": { "organizationId": comune, "parentId": ambito } });
    desk.operator
        .gql(SET_PARENT, input.clone())
        .await
        .expect_code("FORBIDDEN");
    let moved = desk.admin.gql(SET_PARENT, input).await;
    assert_eq!(
        moved.ok()["setOrganizationParent"]["parent"]["name"],
        "Ambito di Vallecamonica"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'ORGANIZATION_PARENT_SET'")
            .await,
        1
    );
    // An Ambito under its own Comune would be a loop (and the wrong kind).
    let refused = desk
        .admin
        .gql(
            SET_PARENT,
            json!({ "input": { "organizationId": ambito, "parentId": comune } }),
        )
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("parentId"));
    assert_eq!(
        refused.message(),
        "Un Ambito appartiene a un Distretto o a un'ATS"
    );
}

async fn a_person_resides_in_a_comune_of_the_catalogue(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let comune = app
        .organization(&desk.admin, "Comune di Breno", "COMUNE")
        .await;
    let mut input = person_input(&desk.team_id, "Bassi", "Teresa", (1939, 10, 10), "F");
    input["residenceComuneId"] = json!(desk.organization_id);
    let refused = desk
        .operator
        .gql(
            "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }",
            json!({ "input": input }),
        )
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("residenceComuneId"));
    assert_eq!(
        refused.message(),
        "La residenza va indicata con un Comune (non un altro tipo di ente)"
    );
    input["residenceComuneId"] = json!(comune);
    let created = desk
        .operator
        .gql(
            "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id version residenceComune { name } } }",
            json!({ "input": input }),
        )
        .await;
    let person = &created.ok()["createPerson"];
    assert_eq!(person["residenceComune"]["name"], "Comune di Breno");
    let elsewhere = app
        .organization(&desk.admin, "Comune di Esine", "COMUNE")
        .await;
    let moved = desk
        .operator
        .gql(
            "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { residenceComune { name } } }",
            json!({ "input": { "personId": person["id"], "expectedVersion": person["version"], "residenceComuneId": elsewhere } }),
        )
        .await;
    assert_eq!(
        moved.ok()["updatePerson"]["residenceComune"]["name"],
        "Comune di Esine"
    );
}

const SET_TERRITORIES: &str =
    "mutation($input: SetUserTerritoriesInput!) { setUserTerritories(input: $input) { id } }";

async fn an_admin_gives_a_reporter_their_territories(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
    let ambito = app
        .organization(&desk.admin, "Ambito di Vallecamonica", "AMBITO")
        .await;
    let reporter_id = app
        .make_user("ufficio.piano@ambito.test", Role::Reporter, None)
        .await;
    let input = json!({ "input": { "userId": reporter_id, "organizationIds": [ambito] } });
    desk.operator
        .gql(SET_TERRITORIES, input.clone())
        .await
        .expect_code("FORBIDDEN");
    // An operator reads indicators by team, not by territory.
    let refused = desk
        .admin
        .gql(
            SET_TERRITORIES,
            json!({ "input": { "userId": desk.operator_id, "organizationIds": [ambito] } }),
        )
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("userId"));
    assert_eq!(
        refused.message(),
        "Solo un utente con ruolo REPORTER ha territori di competenza"
    );
    desk.admin.gql(SET_TERRITORIES, input).await.ok();
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'USER_TERRITORIES_SET'")
            .await,
        1
    );
    let reporter = app.client();
    reporter
        .login_ok("ufficio.piano@ambito.test", PASSWORD)
        .await;
    let me = reporter
        .gql("{ me { role territories { name } } }", json!({}))
        .await;
    assert_eq!(
        me.ok()["me"],
        json!({ "role": "REPORTER", "territories": [{ "name": "Ambito di Vallecamonica" }] })
    );
}
