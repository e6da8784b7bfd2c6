use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{record_assessment, Desk};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};

on_both_databases!(
    a_project_walks_the_case_process_and_says_what_is_missing,
    suspension_returns_where_it_came_from_and_closing_needs_outcomes,
    opening_a_project_makes_its_team_responsible,
    budget_totals_are_exact_to_the_cent_by_area_kind_provider_and_source,
    budget_mistakes_are_clear_errors_and_agreement_needs_renewal_after_changes,
    two_updates_with_one_version_have_one_winner,
    closing_while_a_goal_is_reopened_never_leaves_a_closed_project_with_an_open_goal,
    life_area_scores_show_each_trajectory_from_baseline,
    my_projects_with_nested_data_run_a_bounded_number_of_statements,
    a_stored_status_outside_the_vocabulary_is_an_internal_error_not_a_default,
    a_review_does_not_bring_back_a_project_that_lacks_what_active_needs,
    a_closed_project_keeps_its_budget_and_a_use_stays_in_its_period,
    active_rests_on_a_signed_assessment_within_the_installations_period,
    a_second_open_project_of_a_kind_needs_a_reason_kept_in_its_history,
    closing_needs_final_scores_by_the_team_and_by_the_person_who_took_part,
);

pub const OPEN: &str = "mutation($input: OpenProjectInput!) { openProject(input: $input) { id version status nextReviewOn caseManager { id } team { id } } }";
const TRANSITION: &str = "mutation($input: TransitionProjectInput!) { transitionProject(input: $input) { id version status nextReviewOn closureReason } }";
pub(crate) const ADD_GOAL: &str =
    "mutation($input: AddGoalInput!) { addGoal(input: $input) { id status lifeArea } }";
pub(crate) const CONSENT: &str = "mutation($input: RecordConsentInput!) { recordConsent(input: $input) { version consent { date method recordedBy { id } } } }";
pub(crate) const ADD_RESOURCE: &str = "mutation($input: AddBudgetResourceInput!) { addBudgetResource(input: $input) { id version plannedQuantity providerName } }";
const USE: &str =
    "mutation($input: RecordResourceUseInput!) { recordResourceUse(input: $input) { id } }";
const BUDGET: &str = "query($id: ID!) { project(id: $id) { budget { agreementStatus agreements { partyName } resources { description plannedQuantity usedQuantity overused uses { quantity } } totals { overall { key unit planned used overused } byLifeArea { key unit planned used overused } byKind { key unit planned used } byProvider { key unit planned used } byFundingSource { key unit planned used } } } } }";

/// A team that can assess (an EEMM), its operator and a person in its care.
pub struct Case {
    pub desk: Desk,
    pub person: String,
}

impl Case {
    pub async fn open(app: &TestApp) -> Case {
        let desk = Desk::open(app, "EQUIPE_MULTIDISCIPLINARE").await;
        let person = desk.person("Pasini", "Gemma", (1942, 8, 8), "F").await;
        Case { desk, person }
    }

    pub async fn project(&self, kind: &str) -> Value {
        let opened = self
            .desk
            .operator
            .gql(
                OPEN,
                json!({ "input": {
                    "personId": self.person, "kind": kind, "teamId": self.desk.team_id,
                    "caseManagerId": self.desk.operator_id, "title": "Restare a casa in sicurezza",
                    "startDate": "2026-09-01", "reviewEveryDays": 60,
                    // Tests open several projects for one person; the rule
                    // itself is tested on its own below.
                    "parallelReason": "Progetti di prova in parallelo"
                } }),
            )
            .await;
        opened.ok()["openProject"].clone()
    }

    /// A signed assessment, as entering ACTIVE needs.
    pub async fn assess(&self) {
        let id = self.draft_assessment("2026-09-05").await;
        self.desk
            .operator
            .gql(
                "mutation($input: SignAssessmentInput!) { signAssessment(input: $input) { id } }",
                json!({ "input": { "assessmentId": id } }),
            )
            .await
            .ok();
    }

    /// Takes `project` from INTAKE to PLANNING with a goal and the person's
    /// consent, given by `consent_method`: all ACTIVE needs but the signed
    /// assessment (its version is then 5).
    pub async fn plan(&self, project: &Value, consent_method: &str) {
        let op = &self.desk.operator;
        move_to(op, project, "ASSESSMENT", 1).await.ok();
        move_to(op, project, "PLANNING", 2).await.ok();
        op.gql(ADD_GOAL, json!({ "input": { "projectId": project["id"], "lifeArea": "HEALTH_WELLBEING", "description": "Deambulare in casa" } }))
            .await
            .ok();
        op.gql(CONSENT, json!({ "input": { "projectId": project["id"], "expectedVersion": 4, "date": "2026-09-10", "method": consent_method } }))
            .await
            .ok();
    }

    pub async fn draft_assessment(&self, date: &str) -> String {
        let input = json!({
            "personId": self.person, "teamId": self.desk.team_id, "date": date,
            "setting": "DOMICILIO", "reason": "FIRST_ASSESSMENT", "participantIds": [self.desk.operator_id],
            "needLevel": "MEDIUM", "recommendedSetting": "HOME_WITH_SAD"
        });
        record_assessment(&self.desk.operator, input).await
    }
}

pub(crate) async fn move_to(
    client: &Client,
    project: &Value,
    to: &str,
    version: i64,
) -> ponte_tests::Gql {
    client
        .gql(TRANSITION, json!({ "input": { "projectId": project["id"], "to": to, "expectedVersion": version } }))
        .await
}

pub(crate) fn reasons(response: &ponte_tests::Gql) -> Vec<String> {
    response.body["errors"][0]["extensions"]["reasons"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|r| r.as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

async fn a_project_walks_the_case_process_and_says_what_is_missing(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let project = case.project("PAI").await;
    assert_eq!(project["status"], "INTAKE");
    assert_eq!(
        project["nextReviewOn"], "2026-10-31",
        "start date plus the cadence"
    );
    let op = &case.desk.operator;
    assert_eq!(
        move_to(op, &project, "ASSESSMENT", 1).await.ok()["transitionProject"]["status"],
        "ASSESSMENT"
    );
    assert_eq!(
        move_to(op, &project, "PLANNING", 2).await.ok()["transitionProject"]["status"],
        "PLANNING"
    );

    let refused = move_to(op, &project, "ACTIVE", 3).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("to"));
    let why = reasons(&refused);
    assert_eq!(why.len(), 3, "{why:?}");
    assert!(why.iter().any(|r| r.contains("consenso")), "{why:?}");
    assert!(why.iter().any(|r| r.contains("obiettiv")), "{why:?}");
    assert!(why.iter().any(|r| r.contains("valutazion")), "{why:?}");
    // Skipping a step is refused too, with its own reason.
    let skip = move_to(op, &project, "REVIEW", 3).await;
    skip.expect_code("VALIDATION");
    assert!(
        skip.message().contains("non consentito"),
        "{}",
        skip.message()
    );

    op.gql(ADD_GOAL, json!({ "input": { "projectId": project["id"], "lifeArea": "HEALTH_WELLBEING", "description": "Deambulare in casa in autonomia" } }))
        .await
        .ok();
    op.gql(ADD_GOAL, json!({ "input": { "projectId": project["id"], "lifeArea": "SOCIAL_INCLUSION", "description": "Partecipare al centro anziani una volta a settimana" } }))
        .await
        .ok();
    // Each goal moved the project's version on (3 → 5).
    let consent = op
        .gql(CONSENT, json!({ "input": { "projectId": project["id"], "expectedVersion": 5, "date": "2026-09-10", "method": "SIGNED_PAPER", "familyCosignature": "Marco Pasini (figlio)" } }))
        .await;
    assert_eq!(
        consent.ok()["recordConsent"]["consent"]["recordedBy"]["id"],
        case.desk.operator_id
    );
    let still = move_to(op, &project, "ACTIVE", 6).await;
    assert_eq!(
        reasons(&still).len(),
        1,
        "only the assessment is missing now: {:?}",
        reasons(&still)
    );
    case.assess().await;
    let active = move_to(op, &project, "ACTIVE", 6).await;
    assert_eq!(active.ok()["transitionProject"]["status"], "ACTIVE");

    assert_eq!(
        move_to(op, &project, "REVIEW", 7).await.ok()["transitionProject"]["status"],
        "REVIEW"
    );
    let review = op
        .gql(
            "mutation($input: RecordReviewInput!) { recordReview(input: $input) { status version nextReviewOn reviews { date decisions participants { id } } } }",
            json!({ "input": { "projectId": project["id"], "date": "2026-11-02", "participantIds": [case.desk.operator_id], "notes": "Buoni progressi", "decisions": "Proseguire la fisioterapia" } }),
        )
        .await;
    let review = review.ok()["recordReview"].clone();
    assert_eq!(review["status"], "ACTIVE");
    assert_eq!(review["nextReviewOn"], "2027-01-01");
    assert_eq!(
        review["reviews"][0]["decisions"],
        "Proseguire la fisioterapia"
    );

    let history = op
        .gql("query($id: ID!) { project(id: $id) { history { kind summary actor { id } } allowedTransitions } }", json!({ "id": project["id"] }))
        .await;
    let kinds: Vec<String> = history.ok()["project"]["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        kinds,
        vec![
            "PROJECT_OPENED",
            "STATUS_CHANGED",
            "STATUS_CHANGED",
            "GOAL_ADDED",
            "GOAL_ADDED",
            "CONSENT_RECORDED",
            "STATUS_CHANGED",
            "STATUS_CHANGED",
            "REVIEW_RECORDED"
        ]
    );
    let allowed = history.ok()["project"]["allowedTransitions"].clone();
    assert_eq!(allowed, json!(["REVIEW", "SUSPENDED", "CLOSED"]));
}

async fn suspension_returns_where_it_came_from_and_closing_needs_outcomes(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    case.assess().await;
    let project = case.project("PTRI").await;
    let op = &case.desk.operator;
    let goal = op
        .gql(ADD_GOAL, json!({ "input": { "projectId": project["id"], "lifeArea": "WORK_INCOME", "description": "Tirocinio di inclusione" } }))
        .await;
    let goal_id = goal.ok()["addGoal"]["id"].clone();
    // The goal moved the project's version on.
    op.gql(CONSENT, json!({ "input": { "projectId": project["id"], "expectedVersion": 2, "date": "2026-09-10", "method": "VERBAL_WITH_WITNESS", "witness": "Anna Neri" } }))
        .await
        .ok();
    move_to(op, &project, "ASSESSMENT", 3).await.ok();
    move_to(op, &project, "PLANNING", 4).await.ok();
    // A PTRI runs on a Budget di Salute its parties agreed: here the person alone.
    let unagreed = move_to(op, &project, "ACTIVE", 5).await;
    assert_eq!(
        reasons(&unagreed),
        vec!["il Budget di Salute non è ancora condiviso da: la persona (o chi la rappresenta)"]
    );
    op.gql(
        "mutation($input: AgreeBudgetInput!) { agreeBudget(input: $input) { version } }",
        json!({ "input": { "projectId": project["id"], "partyKind": "PERSON", "partyName": "Gemma Pasini", "agreedOn": "2026-09-12" } }),
    )
    .await
    .ok();
    for (to, version) in [("ACTIVE", 6), ("SUSPENDED", 7)] {
        move_to(op, &project, to, version).await.ok();
    }
    move_to(op, &project, "REVIEW", 8)
        .await
        .expect_code("VALIDATION");
    assert_eq!(
        move_to(op, &project, "ACTIVE", 8).await.ok()["transitionProject"]["status"],
        "ACTIVE"
    );

    let refused = move_to(op, &project, "CLOSED", 9).await;
    let why = reasons(&refused);
    assert_eq!(why.len(), 3, "{why:?}");
    assert!(
        why.contains(&format!(
            "{TEAM_FINAL} Inclusione lavorativa e risorse economiche {FINAL_RULE}"
        )),
        "{why:?}"
    );
    op.gql(
        "mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { status outcomeNote } }",
        json!({ "input": { "goalId": goal_id, "status": "PARTLY_ACHIEVED", "outcomeNote": "Tirocinio avviato, da consolidare" } }),
    )
    .await
    .ok();
    let closed = op
        .gql(TRANSITION, json!({ "input": { "projectId": project["id"], "to": "CLOSED", "expectedVersion": 10, "reason": "Obiettivi raggiunti, presa in carico dal CPS",
            "finalScores": [{ "rater": "TEAM", "lifeArea": "WORK_INCOME", "score": 3 }] } }))
        .await;
    let closed = closed.ok()["transitionProject"].clone();
    assert_eq!(closed["status"], "CLOSED");
    assert_eq!(
        closed["closureReason"],
        "Obiettivi raggiunti, presa in carico dal CPS"
    );
    // A closed project keeps its record.
    op.gql(ADD_GOAL, json!({ "input": { "projectId": project["id"], "lifeArea": "HOUSING", "description": "Altro" } }))
        .await
        .expect_code("VALIDATION");
    move_to(op, &project, "ACTIVE", 11)
        .await
        .expect_code("VALIDATION");
}

async fn opening_a_project_makes_its_team_responsible(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let uvm = app
        .team(&case.desk.admin, "UVM", "UVM", &case.desk.organization_id)
        .await;
    let (geriatra, geriatra_id) = app.operator("ger@asst.test").await;
    app.add_member(&case.desk.admin, &uvm, &geriatra_id, "MEMBER")
        .await;
    app.add_member(&case.desk.admin, &uvm, &case.desk.operator_id, "MEMBER")
        .await;
    let read = "query($id: ID!) { person(id: $id) { projects { id } } }";
    geriatra
        .gql(read, json!({ "id": case.person }))
        .await
        .expect_code("FORBIDDEN");

    let bad_manager = case
        .desk
        .operator
        .gql(
            OPEN,
            json!({ "input": { "personId": case.person, "kind": "PAI", "teamId": uvm, "caseManagerId": app.make_user("esterno@asst.test", ponte_server::domain::vocabulary::Role::Operator, None).await, "title": "PAI", "startDate": "2026-10-01" } }),
        )
        .await;
    bad_manager.expect_code("VALIDATION");
    assert_eq!(bad_manager.field(), Some("caseManagerId"));
    let bad_cadence = case
        .desk
        .operator
        .gql(OPEN, json!({ "input": { "personId": case.person, "kind": "PAI", "teamId": uvm, "caseManagerId": geriatra_id, "title": "PAI", "startDate": "2026-10-01", "reviewEveryDays": 1 } }))
        .await;
    assert_eq!(bad_cadence.field(), Some("reviewEveryDays"));

    let opened = case
        .desk
        .operator
        .gql(OPEN, json!({ "input": { "personId": case.person, "kind": "PAI", "teamId": uvm, "caseManagerId": geriatra_id, "title": "PAI integrato", "startDate": "2026-10-01" } }))
        .await;
    assert_eq!(opened.ok()["openProject"]["caseManager"]["id"], geriatra_id);
    let projects = geriatra.gql(read, json!({ "id": case.person })).await;
    assert_eq!(
        projects.ok()["person"]["projects"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let mine = geriatra
        .gql(
            "{ projects(mine: true) { totalCount nodes { title } } }",
            json!({}),
        )
        .await;
    assert_eq!(mine.ok()["projects"]["totalCount"], 1);
}

pub(crate) fn resource(
    project: &Value,
    area: &str,
    kind: &str,
    provider: Value,
    source: &str,
    unit: &str,
    planned: &str,
) -> Value {
    let mut input = json!({
        "projectId": project["id"], "lifeArea": area, "kind": kind, "fundingSource": source,
        "description": format!("{kind} {area}"), "unit": unit, "plannedQuantity": planned, "periodStart": "2026-09-01"
    });
    for (k, v) in provider.as_object().unwrap() {
        input[k] = v.clone();
    }
    if kind == "PROFESSIONAL" {
        input["profession"] = json!("EDUCATORE");
    }
    json!({ "input": input })
}

async fn budget_totals_are_exact_to_the_cent_by_area_kind_provider_and_source(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let comune = app
        .organization(&case.desk.admin, "Comune di Breno", "COMUNE")
        .await;
    let ets = app
        .organization(
            &case.desk.admin,
            "Cooperativa Il Ponte",
            "COOPERATIVA_SOCIALE",
        )
        .await;
    let project = case.project("PROGETTO_DI_VITA").await;
    let op = &case.desk.operator;
    let asst = json!({ "providerKind": "ORGANIZATION", "providerId": case.desk.organization_id });
    let add = |input: Value| async move {
        op.gql(ADD_RESOURCE, input).await.ok()["addBudgetResource"].clone()
    };
    let sad = add(resource(
        &project,
        "HOUSING",
        "ECONOMIC",
        json!({ "providerKind": "ORGANIZATION", "providerId": comune }),
        "FNA",
        "EUR",
        "1250,50",
    ))
    .await;
    assert_eq!(sad["plannedQuantity"], "1250.50");
    assert_eq!(sad["providerName"], "Comune di Breno");
    let tirocinio = add(resource(
        &project,
        "WORK_INCOME",
        "ECONOMIC",
        json!({ "providerKind": "ORGANIZATION", "providerId": ets }),
        "PN_INCLUSIONE",
        "EUR",
        "0.30",
    ))
    .await;
    let educator = add(resource(
        &project,
        "SOCIAL_INCLUSION",
        "PROFESSIONAL",
        asst.clone(),
        "FONDO_SANITARIO",
        "HOURS",
        "40",
    ))
    .await;
    let family = add(resource(
        &project,
        "SOCIAL_INCLUSION",
        "RELATIONAL",
        json!({ "providerKind": "FAMILY" }),
        "PRIVATO",
        "HOURS",
        "10.5",
    ))
    .await;

    // 0.10 + 0.20 is 0.30 exactly, and 150 uses of 0.01 are 1.50 exactly.
    for amount in ["0.10", "0.20"] {
        op.gql(USE, json!({ "input": { "resourceId": tirocinio["id"], "date": "2026-10-01", "quantity": amount } })).await.ok();
    }
    for _ in 0..150 {
        op.gql(USE, json!({ "input": { "resourceId": sad["id"], "date": "2026-10-02", "quantity": "0.01" } })).await.ok();
    }
    op.gql(USE, json!({ "input": { "resourceId": educator["id"], "date": "2026-10-03", "quantity": "41.25", "note": "Più ore del previsto" } })).await.ok();
    op.gql(
        USE,
        json!({ "input": { "resourceId": family["id"], "date": "2026-10-04", "quantity": "2" } }),
    )
    .await
    .ok();

    let budget = op.gql(BUDGET, json!({ "id": project["id"] })).await;
    let budget = budget.ok()["project"]["budget"].clone();
    let resources = budget["resources"].as_array().unwrap();
    let by_desc = |d: &str| {
        resources
            .iter()
            .find(|r| r["description"] == d)
            .unwrap()
            .clone()
    };
    assert_eq!(by_desc("ECONOMIC HOUSING")["usedQuantity"], "1.50");
    assert_eq!(by_desc("ECONOMIC WORK_INCOME")["usedQuantity"], "0.30");
    assert_eq!(
        by_desc("ECONOMIC WORK_INCOME")["overused"],
        false,
        "used exactly the plan"
    );
    assert_eq!(by_desc("PROFESSIONAL SOCIAL_INCLUSION")["overused"], true);

    let totals = &budget["totals"];
    assert_eq!(
        totals["overall"],
        json!([
            { "key": "TOTALE", "unit": "EUR", "planned": "1250.80", "used": "1.80", "overused": false },
            { "key": "TOTALE", "unit": "HOURS", "planned": "50.50", "used": "43.25", "overused": false }
        ])
    );
    let find = |list: &Value, key: &str, unit: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|t| t["key"] == key && t["unit"] == unit)
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(
        find(&totals["byLifeArea"], "SOCIAL_INCLUSION", "HOURS")["planned"],
        "50.50"
    );
    assert_eq!(
        find(&totals["byLifeArea"], "SOCIAL_INCLUSION", "HOURS")["used"],
        "43.25"
    );
    assert_eq!(
        find(&totals["byLifeArea"], "HOUSING", "EUR")["planned"],
        "1250.50"
    );
    assert_eq!(
        find(&totals["byKind"], "RELATIONAL", "HOURS")["used"],
        "2.00"
    );
    assert_eq!(
        find(&totals["byProvider"], "Famiglia", "HOURS")["planned"],
        "10.50"
    );
    assert_eq!(
        find(&totals["byProvider"], "Cooperativa Il Ponte", "EUR")["used"],
        "0.30"
    );
    assert_eq!(
        find(&totals["byProvider"], "ASST della Valcamonica", "HOURS")["used"],
        "41.25"
    );
    assert_eq!(
        find(&totals["byFundingSource"], "FNA", "EUR")["used"],
        "1.50"
    );
    assert_eq!(totals["byProvider"].as_array().unwrap().len(), 4);
}

async fn budget_mistakes_are_clear_errors_and_agreement_needs_renewal_after_changes(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let project = case.project("PROGETTO_PERSONALIZZATO").await;
    let op = &case.desk.operator;
    let asst = json!({ "providerKind": "ORGANIZATION", "providerId": case.desk.organization_id });
    for (input, field) in [
        (
            resource(
                &project,
                "HOUSING",
                "ECONOMIC",
                asst.clone(),
                "FNA",
                "HOURS",
                "10",
            ),
            "unit",
        ),
        (
            resource(
                &project,
                "HOUSING",
                "ECONOMIC",
                json!({ "providerKind": "ORGANIZATION" }),
                "FNA",
                "EUR",
                "10",
            ),
            "providerId",
        ),
        (
            resource(
                &project,
                "HOUSING",
                "ECONOMIC",
                asst.clone(),
                "FNA",
                "EUR",
                "0",
            ),
            "plannedQuantity",
        ),
    ] {
        let refused = op.gql(ADD_RESOURCE, input).await;
        refused.expect_code("VALIDATION");
        assert_eq!(refused.field(), Some(field), "{}", refused.body);
    }
    // "1.234" may be 1234 or 1.234: refused, with a message saying how to
    // write either; a negative amount is refused as such.
    for (amount, message) in [
        (
            "1.234",
            "Un punto seguito da tre cifre è ambiguo: scrivere 1250 (milleduecentocinquanta) oppure 1,25",
        ),
        ("-5", "La quantità prevista non può essere negativa"),
        (
            "dieci",
            "Scrivere un numero con al più due decimali, ad esempio 1.250,50 o 1250,50",
        ),
        (
            "1 000,00",
            "Le migliaia si separano con il punto, a gruppi di tre cifre: ad esempio 1.250,50 (oppure 1250,50)",
        ),
    ] {
        let refused = op
            .gql(
                ADD_RESOURCE,
                resource(
                    &project,
                    "HOUSING",
                    "ECONOMIC",
                    asst.clone(),
                    "FNA",
                    "EUR",
                    amount,
                ),
            )
            .await;
        assert_eq!(
            refused.code(),
            Some("VALIDATION"),
            "{amount}: {}",
            refused.body
        );
        assert!(refused.message().contains(message), "{amount}: {}", refused.body);
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM budget_resources").await, 0);

    let line = op
        .gql(
            ADD_RESOURCE,
            resource(
                &project,
                "HOUSING",
                "ECONOMIC",
                asst.clone(),
                "COMUNE",
                "EUR",
                // As Ponte displays amounts: with the thousands dot.
                "1.250,50",
            ),
        )
        .await;
    let line = line.ok()["addBudgetResource"].clone();
    assert_eq!(line["plannedQuantity"], "1250.50");
    let agree = "mutation($input: AgreeBudgetInput!) { agreeBudget(input: $input) { budget { agreementStatus missingParties agreements { partyName partyKind current } } } }";
    let agreed = op
        .gql(agree, json!({ "input": { "projectId": project["id"], "partyKind": "PERSON", "partyName": "Gemma Pasini", "agreedOn": "2026-09-20" } }))
        .await;
    // The pact needs the provider with a line too.
    let budget = agreed.ok()["agreeBudget"]["budget"].clone();
    assert_eq!(budget["agreementStatus"], "PARTIALLY_AGREED");
    assert_eq!(budget["missingParties"], json!(["ASST della Valcamonica"]));
    let agreed = op
        .gql(agree, json!({ "input": { "projectId": project["id"], "partyKind": "ORGANIZATION", "organizationId": case.desk.organization_id, "agreedOn": "2026-09-21" } }))
        .await;
    let budget = agreed.ok()["agreeBudget"]["budget"].clone();
    assert_eq!(budget["agreementStatus"], "AGREED");
    assert_eq!(budget["missingParties"], json!([]));
    // A use is not a change of plan.
    op.gql(
        USE,
        json!({ "input": { "resourceId": line["id"], "date": "2026-10-01", "quantity": "50" } }),
    )
    .await
    .ok();
    let status = "query($id: ID!) { project(id: $id) { budget { agreementStatus } } }";
    assert_eq!(
        op.gql(status, json!({ "id": project["id"] })).await.ok()["project"]["budget"]
            ["agreementStatus"],
        "AGREED"
    );
    let mut update = resource(
        &project, "HOUSING", "ECONOMIC", asst, "COMUNE", "EUR", "450",
    )["input"]
        .clone();
    update.as_object_mut().unwrap().remove("projectId");
    update["resourceId"] = line["id"].clone();
    update["expectedVersion"] = json!(1);
    op.gql("mutation($input: UpdateBudgetResourceInput!) { updateBudgetResource(input: $input) { version plannedQuantity } }", json!({ "input": update }))
        .await
        .ok();
    assert_eq!(
        op.gql(status, json!({ "id": project["id"] })).await.ok()["project"]["budget"]
            ["agreementStatus"],
        "TO_RENEW"
    );
    // Every party agrees again to the changed plan; the earlier agreements stay on record.
    let again = op
        .gql(agree, json!({ "input": { "projectId": project["id"], "partyKind": "ORGANIZATION", "organizationId": case.desk.organization_id, "agreedOn": "2026-10-02" } }))
        .await;
    let budget = again.ok()["agreeBudget"]["budget"].clone();
    assert_eq!(budget["agreementStatus"], "PARTIALLY_AGREED");
    assert_eq!(
        budget["missingParties"],
        json!(["la persona (o chi la rappresenta)"])
    );
    let current: Vec<bool> = budget["agreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["current"].as_bool().unwrap())
        .collect();
    assert_eq!(current, vec![false, false, true]);
    let zero_use = op
        .gql(
            USE,
            json!({ "input": { "resourceId": line["id"], "date": "2026-10-01", "quantity": "0" } }),
        )
        .await;
    assert_eq!(zero_use.field(), Some("quantity"));
}

async fn two_updates_with_one_version_have_one_winner(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let project = case.project("PAI").await;
    let op = case.desk.operator.clone();
    let asst = json!({ "providerKind": "ORGANIZATION", "providerId": case.desk.organization_id });
    let line = op
        .gql(
            ADD_RESOURCE,
            resource(
                &project,
                "HEALTH_WELLBEING",
                "ECONOMIC",
                asst.clone(),
                "FNA",
                "EUR",
                "100",
            ),
        )
        .await;
    let line_id = line.ok()["addBudgetResource"]["id"].clone();
    let update = |planned: &'static str| {
        let mut input = resource(
            &project,
            "HEALTH_WELLBEING",
            "ECONOMIC",
            asst.clone(),
            "FNA",
            "EUR",
            planned,
        )["input"]
            .clone();
        input.as_object_mut().unwrap().remove("projectId");
        input["resourceId"] = line_id.clone();
        input["expectedVersion"] = json!(1);
        let op = op.clone();
        async move {
            op.gql("mutation($input: UpdateBudgetResourceInput!) { updateBudgetResource(input: $input) { plannedQuantity } }", json!({ "input": input }))
                .await
        }
    };
    let (a, b) = tokio::join!(update("200"), update("300"));
    let winners: Vec<&ponte_tests::Gql> = [&a, &b]
        .into_iter()
        .filter(|r| r.code().is_none())
        .collect();
    assert_eq!(winners.len(), 1, "{} / {}", a.body, b.body);
    assert!([a.code(), b.code()].contains(&Some("CONFLICT")));
    let kept = winners[0].data()["updateBudgetResource"]["plannedQuantity"].clone();
    let budget = op.gql(BUDGET, json!({ "id": project["id"] })).await;
    assert_eq!(
        budget.ok()["project"]["budget"]["resources"][0]["plannedQuantity"],
        kept
    );

    // The line and its one winning change moved the project to version 3.
    let (x, y) = tokio::join!(
        move_to(&op, &project, "ASSESSMENT", 3),
        move_to(&op, &project, "ASSESSMENT", 3)
    );
    let codes = [x.code(), y.code()];
    assert!(
        codes.contains(&None) && codes.contains(&Some("CONFLICT")),
        "{codes:?}"
    );

    // The largest Int has no next version: a clear refusal, not a crash.
    let largest = op
        .gql(CONSENT, json!({ "input": { "projectId": project["id"], "expectedVersion": i32::MAX, "date": "2026-09-10", "method": "SIGNED_PAPER" } }))
        .await;
    largest.expect_code("VALIDATION");
    assert_eq!(largest.field(), Some("expectedVersion"));
    let current = op
        .gql(
            "query($id: ID!) { project(id: $id) { consent { date } } }",
            json!({ "id": project["id"] }),
        )
        .await;
    assert!(
        current.ok()["project"]["consent"].is_null(),
        "nothing written"
    );
}

async fn closing_while_a_goal_is_reopened_never_leaves_a_closed_project_with_an_open_goal(
    db: TestDb,
) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let op = &case.desk.operator;
    const UPDATE_GOAL: &str =
        "mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { status } }";
    const READ: &str = "query($id: ID!) { project(id: $id) { status version goals { status } } }";
    // The reopening starts first and the closing a little later each round
    // (0 to 6 ms), so that some round lands the reopening between the
    // closing's check of the goals and its write.
    for round in 0..20u64 {
        let project = case.project("PAI").await;
        let goal = op
            .gql(ADD_GOAL, json!({ "input": { "projectId": project["id"], "lifeArea": "HOUSING", "description": "Restare a casa" } }))
            .await;
        let goal_id = goal.ok()["addGoal"]["id"].clone();
        op.gql(
            UPDATE_GOAL,
            json!({ "input": { "goalId": goal_id, "status": "ACHIEVED" } }),
        )
        .await
        .ok();
        // Each change of a goal moved the project on: a decision taken on
        // version 1 or 2 can no longer miss it.
        let before = op.gql(READ, json!({ "id": project["id"] })).await;
        let version = before.ok()["project"]["version"].clone();
        assert_eq!(version, 3, "round {round}");

        let (reopened, closed) = tokio::join!(
            op.gql(
                UPDATE_GOAL,
                json!({ "input": { "goalId": goal_id, "status": "OPEN" } })
            ),
            async {
                tokio::time::sleep(std::time::Duration::from_micros(300 * round)).await;
                op.gql(TRANSITION, json!({ "input": { "projectId": project["id"], "to": "CLOSED", "expectedVersion": version, "reason": "Obiettivo raggiunto",
                    "finalScores": [{ "rater": "TEAM", "lifeArea": "HOUSING", "score": 4 }] } }))
                    .await
            }
        );
        let after = op.gql(READ, json!({ "id": project["id"] })).await;
        let after = after.ok()["project"].clone();
        let open_goal = after["goals"][0]["status"] == "OPEN";
        assert!(
            !(after["status"] == "CLOSED" && open_goal),
            "round {round}: closed with an open goal ({} / {})",
            closed.body,
            reopened.body
        );
        // Exactly one of the two happened; the other was refused as late.
        let codes = [closed.code(), reopened.code()];
        assert!(
            codes.contains(&None)
                && (codes.contains(&Some("CONFLICT")) || codes.contains(&Some("VALIDATION"))),
            "round {round}: {codes:?}"
        );
        assert_eq!(after["status"] == "CLOSED", closed.code().is_none());
        assert_eq!(open_goal, reopened.code().is_none());
    }
}

async fn life_area_scores_show_each_trajectory_from_baseline(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let project = case.project("PAI").await;
    let record = "mutation($input: RecordLifeAreaScoresInput!) { recordLifeAreaScores(input: $input) { lifeAreaScores { lifeArea points { date rater score } } } }";
    case.desk
        .operator
        .gql(record, json!({ "input": { "projectId": project["id"], "date": "2026-09-01", "rater": "TEAM", "scores": [{ "lifeArea": "HOUSING", "score": 2 }, { "lifeArea": "HEALTH_WELLBEING", "score": 1, "note": "Cadute frequenti" }] } }))
        .await
        .ok();
    let later = case
        .desk
        .operator
        .gql(record, json!({ "input": { "projectId": project["id"], "date": "2026-11-01", "rater": "PERSON", "scores": [{ "lifeArea": "HOUSING", "score": 4 }] } }))
        .await;
    let trajectories = later.ok()["recordLifeAreaScores"]["lifeAreaScores"].clone();
    assert_eq!(
        trajectories.as_array().unwrap().len(),
        4,
        "all four areas, even without scores"
    );
    let housing = trajectories
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["lifeArea"] == "HOUSING")
        .unwrap()
        .clone();
    assert_eq!(
        housing["points"],
        json!([{ "date": "2026-09-01", "rater": "TEAM", "score": 2 }, { "date": "2026-11-01", "rater": "PERSON", "score": 4 }])
    );
    let bad = case
        .desk
        .operator
        .gql(record, json!({ "input": { "projectId": project["id"], "date": "2026-11-01", "rater": "TEAM", "scores": [{ "lifeArea": "HOUSING", "score": 6 }] } }))
        .await;
    assert_eq!(bad.field(), Some("scores[0].score"));
}

async fn my_projects_with_nested_data_run_a_bounded_number_of_statements(db: TestDb) {
    let app = TestApp::spawn_counting(db).await;
    let case = Case::open(&app).await;
    let asst = json!({ "providerKind": "ORGANIZATION", "providerId": case.desk.organization_id });
    for i in 0..200 {
        let project = case.project(["PAI", "PTRI"][i % 2]).await;
        if i % 10 == 0 {
            case.desk
                .operator
                .gql(ADD_GOAL, json!({ "input": { "projectId": project["id"], "lifeArea": "HOUSING", "description": "Casa" } }))
                .await
                .ok();
            case.desk
                .operator
                .gql(
                    ADD_RESOURCE,
                    resource(
                        &project,
                        "HOUSING",
                        "ECONOMIC",
                        asst.clone(),
                        "FNA",
                        "EUR",
                        "10",
                    ),
                )
                .await
                .ok();
        }
    }
    let query = "query($n: Int) { projects(mine: true, first: $n) { totalCount nodes { title status reviewOverdue person { familyName } caseManager { displayName } team { name } goals { description status } budget { agreementStatus totals { overall { unit planned used } byLifeArea { key planned } } resources { usedQuantity overused } } } } }";
    let mut counts = Vec::new();
    for n in [10, 100] {
        let before = app.statements();
        let response = case.desk.operator.gql(query, json!({ "n": n })).await;
        assert_eq!(response.ok()["projects"]["totalCount"], 200);
        assert_eq!(
            response.ok()["projects"]["nodes"].as_array().unwrap().len(),
            n as usize
        );
        counts.push(app.statements() - before);
    }
    println!("SQL statements for 10 and 100 projects with nested data: {counts:?}");
    // See the persons test: a split batch costs a few statements, a query per
    // row would cost at least 90.
    assert!(
        counts[1] < counts[0] + 30,
        "the statement count grows with the page size: {counts:?}"
    );
}

/// A row written outside Ponte (a hand-made fix, an old import) with a status
/// the vocabulary does not know is reported, never read as INTAKE.
async fn a_stored_status_outside_the_vocabulary_is_an_internal_error_not_a_default(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let project = case.project("PAI").await;
    let id = project["id"].as_str().unwrap();
    let read = "query($id: ID!) { project(id: $id) { id status } }";
    let before = case.desk.operator.gql(read, json!({ "id": id })).await;
    assert_eq!(before.ok()["project"]["status"], "INTAKE");

    // The test's own database holds this one project.
    app.execute("UPDATE projects SET status = 'PAUSED'").await;
    let after = case.desk.operator.gql(read, json!({ "id": id })).await;
    after.expect_code("INTERNAL");
    assert!(
        after.message().starts_with("errore interno (rif. "),
        "{}",
        after.message()
    );
    let listed = case
        .desk
        .operator
        .gql("{ projects(first: 10) { nodes { id status } } }", json!({}))
        .await;
    listed.expect_code("INTERNAL");
}

/// A review returns the project to ACTIVE only on the conditions of ACTIVE
/// (issue 13.1): here the person's agreement is no longer on record.
async fn a_review_does_not_bring_back_a_project_that_lacks_what_active_needs(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let project = case.project("PAI").await;
    let op = &case.desk.operator;
    case.plan(&project, "SIGNED_PAPER").await;
    case.assess().await;
    assert_eq!(
        move_to(op, &project, "ACTIVE", 5).await.ok()["transitionProject"]["status"],
        "ACTIVE"
    );
    assert_eq!(
        move_to(op, &project, "REVIEW", 6).await.ok()["transitionProject"]["status"],
        "REVIEW"
    );
    // An empty review (nobody wrote what was decided or seen) is refused:
    // it would move the next review on with nothing on record.
    let empty = op
        .gql(
            "mutation($input: RecordReviewInput!) { recordReview(input: $input) { status } }",
            json!({ "input": { "projectId": project["id"], "date": "2026-11-02", "participantIds": [case.desk.operator_id], "notes": "  ", "decisions": "" } }),
        )
        .await;
    empty.expect_code("VALIDATION");
    assert_eq!(empty.field(), Some("decisions"));
    assert_eq!(
        empty.message(),
        "Scrivi le decisioni o le note della verifica: una verifica vuota non si registra"
    );
    // Who took part is named, and each is a user.
    for (participants, message) in [
        (json!([]), "Indica chi ha partecipato alla verifica"),
        (
            json!([
                case.desk.operator_id,
                "0190a0a0-0000-7000-8000-000000000000"
            ]),
            "Un partecipante non esiste",
        ),
    ] {
        let refused = op
            .gql(
                "mutation($input: RecordReviewInput!) { recordReview(input: $input) { status } }",
                json!({ "input": { "projectId": project["id"], "date": "2026-11-02", "participantIds": participants, "decisions": "Proseguire" } }),
            )
            .await;
        refused.expect_code("VALIDATION");
        assert_eq!(refused.field(), Some("participantIds"));
        assert_eq!(refused.message(), message);
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM project_reviews").await,
        0,
        "nothing written"
    );
    // The agreement was recorded by mistake and taken off the record.
    app.execute("UPDATE projects SET consent_on = NULL, consent_method = NULL")
        .await;

    let record = "mutation($input: RecordReviewInput!) { recordReview(input: $input) { status } }";
    let input = json!({ "input": { "projectId": project["id"], "date": "2026-11-02", "participantIds": [case.desk.operator_id], "decisions": "Proseguire" } });
    let refused = op.gql(record, input.clone()).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("projectId"));
    let why = reasons(&refused);
    assert_eq!(why.len(), 1, "{why:?}");
    assert!(why[0].contains("consenso"), "{why:?}");
    let now = op
        .gql(
            "query($id: ID!) { project(id: $id) { status reviews { date } } }",
            json!({ "id": project["id"] }),
        )
        .await;
    assert_eq!(now.ok()["project"]["status"], "REVIEW", "nothing written");
    assert_eq!(now.ok()["project"]["reviews"], json!([]));

    // With the agreement on record again, the same review is recorded.
    op.gql(CONSENT, json!({ "input": { "projectId": project["id"], "expectedVersion": 7, "date": "2026-09-10", "method": "SIGNED_PAPER" } }))
        .await
        .ok();
    let recorded = op.gql(record, input).await;
    assert_eq!(recorded.ok()["recordReview"]["status"], "ACTIVE");
}

/// Issue 13.3: a closed project's budget is history (no line added, changed,
/// used or agreed), and a use is dated within its line's period.
async fn a_closed_project_keeps_its_budget_and_a_use_stays_in_its_period(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let project = case.project("PTRI").await;
    let op = &case.desk.operator;
    let asst = json!({ "providerKind": "ORGANIZATION", "providerId": case.desk.organization_id });
    let mut input = resource(
        &project,
        "HOUSING",
        "ECONOMIC",
        asst.clone(),
        "FNA",
        "EUR",
        "500",
    );
    input["input"]["periodEnd"] = json!("2026-10-31");
    let line = op.gql(ADD_RESOURCE, input).await.ok()["addBudgetResource"].clone();

    let before = op
        .gql(USE, json!({ "input": { "resourceId": line["id"], "date": "2026-08-31", "quantity": "10" } }))
        .await;
    before.expect_code("VALIDATION");
    assert_eq!(before.field(), Some("date"));
    assert_eq!(
        before.message(),
        "La data dell'utilizzo è fuori dal periodo della risorsa (dal 01/09/2026 al 31/10/2026)"
    );
    let after = op
        .gql(USE, json!({ "input": { "resourceId": line["id"], "date": "2026-11-01", "quantity": "10" } }))
        .await;
    assert_eq!(after.field(), Some("date"));
    op.gql(
        USE,
        json!({ "input": { "resourceId": line["id"], "date": "2026-10-31", "quantity": "10" } }),
    )
    .await
    .ok();

    // Closed (as an old record might be): every budget change is refused.
    app.execute("UPDATE projects SET status = 'CLOSED'").await;
    let closed = "Il progetto è concluso e non si modifica più";
    let add = op
        .gql(
            ADD_RESOURCE,
            resource(&project, "HOUSING", "ECONOMIC", asst, "FNA", "EUR", "5"),
        )
        .await;
    add.expect_code("VALIDATION");
    assert_eq!(add.message(), closed);
    let used = op
        .gql(
            USE,
            json!({ "input": { "resourceId": line["id"], "date": "2026-10-30", "quantity": "1" } }),
        )
        .await;
    used.expect_code("VALIDATION");
    assert_eq!(used.message(), closed);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM budget_uses").await,
        1,
        "only the use within the period, before closing"
    );
}

/// A project in PLANNING with goals and consent: only the assessment decides
/// whether it may enter ACTIVE (its version is 5).
async fn planned(case: &Case) -> Value {
    let project = case.project("PAI").await;
    case.plan(&project, "DIGITAL").await;
    project
}

async fn active_rests_on_a_signed_assessment_within_the_installations_period(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let op = &case.desk.operator;
    let project = planned(&case).await;

    // A draft is not yet an assessment anybody answers for.
    let draft = case.draft_assessment("2026-09-05").await;
    let refused = move_to(op, &project, "ACTIVE", 5).await;
    refused.expect_code("VALIDATION");
    assert_eq!(
        reasons(&refused),
        vec!["la valutazione del 05/09/2026 non è ancora firmata"]
    );

    // Signed, but made more than twelve months before today.
    let long_ago = (app.clock.today() - chrono::Months::new(13))
        .format("%Y-%m-%d")
        .to_string();
    let old = case.draft_assessment(&long_ago).await;
    op.gql(
        "mutation($input: SignAssessmentInput!) { signAssessment(input: $input) { id } }",
        json!({ "input": { "assessmentId": old } }),
    )
    .await
    .ok();
    let refused = move_to(op, &project, "ACTIVE", 5).await;
    let shown = (app.clock.today() - chrono::Months::new(13)).format("%d/%m/%Y");
    assert_eq!(
        reasons(&refused),
        vec![format!(
            "l'ultima valutazione firmata, del {shown}, ha più di 12 mesi: serve una nuova valutazione"
        )]
    );

    // An installation that keeps assessments valid for two years accepts it.
    // Its outbox worker stays off and it stops before the next write: two
    // instances writing one SQLite file are not a supported setup.
    let lenient = app
        .another_instance(|config| {
            config.case_rules.assessment_valid_months = 24;
            config.worker_enabled = false;
        })
        .await;
    // Cookies do not tell ports apart: the same session, on the other instance.
    let lenient_op = Client {
        http: op.http.clone(),
        base_url: lenient.base_url.clone(),
    };
    let active = move_to(&lenient_op, &project, "ACTIVE", 5).await;
    assert_eq!(active.ok()["transitionProject"]["status"], "ACTIVE");
    drop(lenient_op);
    drop(lenient);

    // Here, signing the current draft is what makes it count.
    let other = planned(&case).await;
    assert!(!reasons(&move_to(op, &other, "ACTIVE", 5).await).is_empty());
    op.gql(
        "mutation($input: SignAssessmentInput!) { signAssessment(input: $input) { id } }",
        json!({ "input": { "assessmentId": draft } }),
    )
    .await
    .ok();
    let active = move_to(op, &other, "ACTIVE", 5).await;
    assert_eq!(active.ok()["transitionProject"]["status"], "ACTIVE");
}

async fn a_second_open_project_of_a_kind_needs_a_reason_kept_in_its_history(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let op = &case.desk.operator;
    case.project("PAI").await;
    let input = |reason: Option<&str>| {
        json!({ "input": {
            "personId": case.person, "kind": "PAI", "teamId": case.desk.team_id,
            "caseManagerId": case.desk.operator_id, "title": "Secondo PAI",
            "startDate": "2026-09-01", "parallelReason": reason
        } })
    };
    let refused = op.gql(OPEN, input(None)).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("parallelReason"));
    assert_eq!(
        refused.message(),
        "La persona ha già un PAI aperto: «Restare a casa in sicurezza» (équipe Équipe di prova). Per aprirne un altro in parallelo indica il motivo"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM projects WHERE title = 'Secondo PAI'")
            .await,
        0
    );
    // Another kind is another project.
    assert_eq!(case.project("PTRI").await["status"], "INTAKE");
    let opened = op
        .gql(
            OPEN,
            input(Some("Progetto riabilitativo distinto, concordato in UVM")),
        )
        .await;
    let id = opened.ok()["openProject"]["id"].clone();
    let history = op
        .gql(
            "query($id: ID!) { project(id: $id) { history { kind summary } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        history.ok()["project"]["history"][0]["summary"],
        "Progetto aperto: Secondo PAI, in parallelo a un altro dello stesso tipo perché: Progetto riabilitativo distinto, concordato in UVM"
    );
}

const TEAM_FINAL: &str = "manca il punteggio finale dell'équipe per:";
const PERSON_FINAL: &str = "manca il punteggio finale della persona per:";
const FINAL_RULE: &str =
    "(è finale un punteggio registrato dal giorno dell'ultima modifica agli obiettivi dell'area)";

async fn closing_needs_final_scores_by_the_team_and_by_the_person_who_took_part(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let case = Case::open(&app).await;
    let op = &case.desk.operator;
    let project = case.project("PAI").await;
    const SCORES: &str = "mutation($input: RecordLifeAreaScoresInput!) { recordLifeAreaScores(input: $input) { version } }";
    const CLOSING: &str = "query($id: ID!) { project(id: $id) { version transitionChecks { to ready reasons warnings } finalScoresRequired { rater lifeArea recorded } } }";
    // The person scored their housing at the start: they take part.
    op.gql(SCORES, json!({ "input": { "projectId": project["id"], "date": "2026-09-01", "rater": "PERSON", "scores": [{ "lifeArea": "HOUSING", "score": 2 }] } }))
        .await
        .ok();
    for (area, description) in [
        ("HOUSING", "Restare a casa"),
        ("HEALTH_WELLBEING", "Deambulare in casa"),
    ] {
        let goal = op
            .gql(ADD_GOAL, json!({ "input": { "projectId": project["id"], "lifeArea": area, "description": description } }))
            .await;
        op.gql(
            "mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { status } }",
            json!({ "input": { "goalId": goal.ok()["addGoal"]["id"], "status": "ACHIEVED" } }),
        )
        .await
        .ok();
    }
    // A team score from before the goals' outcomes measured a project under way.
    op.gql(SCORES, json!({ "input": { "projectId": project["id"], "date": "2026-09-01", "rater": "TEAM", "scores": [{ "lifeArea": "HOUSING", "score": 2 }, { "lifeArea": "HEALTH_WELLBEING", "score": 1 }] } }))
        .await
        .ok();

    let team_missing = format!("{TEAM_FINAL} Benessere e salute, Abitare {FINAL_RULE}");
    let person_missing = format!("{PERSON_FINAL} Benessere e salute, Abitare {FINAL_RULE}");
    let read = op.gql(CLOSING, json!({ "id": project["id"] })).await;
    let read = read.ok()["project"].clone();
    // From INTAKE: the next phase needs nothing, closing lacks the scores.
    let checks = read["transitionChecks"].as_array().unwrap().clone();
    assert_eq!(
        checks[0],
        json!({ "to": "ASSESSMENT", "ready": true, "reasons": [], "warnings": [] })
    );
    let closing = checks.iter().find(|c| c["to"] == "CLOSED").unwrap().clone();
    assert_eq!(
        closing,
        json!({ "to": "CLOSED", "ready": false, "reasons": [team_missing, person_missing], "warnings": [] })
    );
    assert_eq!(
        read["finalScoresRequired"],
        json!([
            { "rater": "TEAM", "lifeArea": "HEALTH_WELLBEING", "recorded": false },
            { "rater": "TEAM", "lifeArea": "HOUSING", "recorded": false },
            { "rater": "PERSON", "lifeArea": "HEALTH_WELLBEING", "recorded": false },
            { "rater": "PERSON", "lifeArea": "HOUSING", "recorded": false },
        ])
    );
    let version = read["version"].as_i64().unwrap();
    let close = |version: i64, scores: Value| json!({ "input": { "projectId": project["id"], "to": "CLOSED", "expectedVersion": version, "reason": "Obiettivi raggiunti", "finalScores": scores } });
    let refused = op.gql(TRANSITION, close(version, json!([]))).await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("to"));
    assert_eq!(
        reasons(&refused),
        vec![team_missing, person_missing.clone()]
    );

    // The team scores the end today through the usual mutation.
    let today = app.clock.today().to_string();
    let scored = op
        .gql(SCORES, json!({ "input": { "projectId": project["id"], "date": today, "rater": "TEAM", "scores": [{ "lifeArea": "HOUSING", "score": 4 }, { "lifeArea": "HEALTH_WELLBEING", "score": 3 }] } }))
        .await;
    let version = scored.ok()["recordLifeAreaScores"]["version"]
        .as_i64()
        .unwrap();
    let refused = op.gql(TRANSITION, close(version, json!([]))).await;
    assert_eq!(reasons(&refused), vec![person_missing]);

    // Final scores belong to the closing only, and are checked like any score.
    let early = op
        .gql(TRANSITION, json!({ "input": { "projectId": project["id"], "to": "ASSESSMENT", "expectedVersion": version, "finalScores": [{ "rater": "PERSON", "lifeArea": "HOUSING", "score": 4 }] } }))
        .await;
    early.expect_code("VALIDATION");
    assert_eq!(early.field(), Some("finalScores"));
    assert_eq!(
        early.message(),
        "I punteggi finali si registrano chiudendo il progetto"
    );
    let wrong = op
        .gql(
            TRANSITION,
            close(
                version,
                json!([{ "rater": "PERSON", "lifeArea": "HOUSING", "score": 6 }]),
            ),
        )
        .await;
    assert_eq!(wrong.field(), Some("finalScores[0].score"));

    // The person's final scores come with the closing, in one transaction.
    let closed = op
        .gql(TRANSITION, close(version, json!([
            { "rater": "PERSON", "lifeArea": "HOUSING", "score": 5, "note": "Sto bene a casa mia" },
            { "rater": "PERSON", "lifeArea": "HEALTH_WELLBEING", "score": 3 },
        ])))
        .await;
    assert_eq!(closed.ok()["transitionProject"]["status"], "CLOSED");
    let read = op
        .gql(
            "query($id: ID!) { project(id: $id) { finalScoresRequired { recorded } lifeAreaScores { lifeArea points { date rater score } } } }",
            json!({ "id": project["id"] }),
        )
        .await;
    let read = read.ok()["project"].clone();
    assert!(read["finalScoresRequired"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["recorded"] == true));
    let housing = read["lifeAreaScores"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["lifeArea"] == "HOUSING")
        .unwrap()["points"]
        .clone();
    assert!(
        housing
            .as_array()
            .unwrap()
            .contains(&json!({ "date": today, "rater": "PERSON", "score": 5 })),
        "{housing}"
    );
}
