//! The Ambito's indicators (issue 14.3–4) on a hand-built data set with a
//! known answer: a territory of two Ambiti, assessments and protected
//! discharges around the first quarter of 2026.
//!
//! The rows are written with the entity models, as a register imported
//! from before would be: the indicators read the tables, and the edge
//! cases (a corrected assessment, a participant's organization frozen at
//! assessment time, a cancelled report, a period boundary) are easier to
//! state exactly than to provoke through every workflow.

use chrono::{NaiveDate, TimeZone, Utc};
use entity::{
    assessment, assessment_participant, budget_resource, discharge, life_area_score, project,
};
use ponte_server::domain::vocabulary::{
    AssessmentReason, AssessmentSetting, BudgetAgreementStatus, CareSetting, DischargeStatus,
    FundingSource, LifeArea, NeedLevel, Profession, ProjectKind, ProjectStatus, ProviderKind,
    Rater, ResourceKind, ResourceUnit, Role,
};
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{person_input, Desk};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb, PASSWORD};
use sea_orm::{ActiveModelTrait, Set};
use uuid::Uuid;

on_both_databases!(
    the_admin_reads_the_known_numbers_of_a_territory_and_of_everything,
    a_reporter_sees_small_counts_suppressed_and_only_their_territories,
    an_operator_reads_their_team_and_an_auditor_nothing,
);

pub(crate) const INDICATORS: &str = "query($codes: [String!], $territory: ID, $team: ID, $from: Date!, $to: Date!, $breakdown: IndicatorBreakdown = NONE) { \
    indicators(codes: $codes, territoryId: $territory, teamId: $team, from: $from, to: $to, breakdown: $breakdown) { \
      code value numerator denominator suppressed series { from to value numerator denominator suppressed } } }";

/// Also the data set of `indicator_export`, which reads the same numbers
/// back from the files.
pub(crate) struct Territory {
    pub(crate) desk: Desk,
    pub(crate) ambito: String,
    pub(crate) other_ambito: String,
    pub(crate) breno: String,
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

fn uuid(id: &str) -> Uuid {
    id.parse().expect("an id")
}

impl Territory {
    /// Ambito di Vallecamonica (Comune di Breno) and Ambito di Darfo (Comune
    /// di Darfo), persons P1–P6 in Breno and one in Darfo, the assessments and
    /// discharges below.
    pub(crate) async fn open(app: &TestApp) -> Territory {
        let desk = Desk::open(app, "PUA").await;
        let admin = &desk.admin;
        let ambito = app
            .organization(admin, "Ambito di Vallecamonica", "AMBITO")
            .await;
        let breno = app
            .organization_under(admin, "Comune di Breno", "COMUNE", &ambito)
            .await;
        let other_ambito = app.organization(admin, "Ambito di Darfo", "AMBITO").await;
        let darfo = app
            .organization_under(admin, "Comune di Darfo", "COMUNE", &other_ambito)
            .await;
        let hospital = app
            .organization(admin, "Ospedale di Esine", "OSPEDALE")
            .await;
        let mut persons = Vec::new();
        for (i, comune) in [&breno, &breno, &breno, &breno, &breno, &breno, &darfo]
            .into_iter()
            .enumerate()
        {
            let mut input = person_input(
                &desk.team_id,
                "Caso",
                ["Anna", "Bruna", "Carla", "Dora", "Elsa", "Flora", "Gina"][i],
                (1940 + i as i32, 3, 3),
                "F",
            );
            input["residenceComuneId"] = json!(comune);
            persons.push(uuid(&app.person(&desk.operator, input).await));
        }
        let world = World {
            app,
            team: uuid(&desk.team_id),
            user: uuid(&desk.operator_id),
            asst: uuid(&desk.organization_id),
            breno: uuid(&breno),
            darfo: uuid(&darfo),
            hospital: uuid(&hospital),
        };
        world.assessments(&persons).await;
        world.discharges(&persons).await;
        world.projects(&persons).await;
        Territory {
            desk,
            ambito,
            other_ambito,
            breno,
        }
    }
}

struct World<'a> {
    app: &'a TestApp,
    team: Uuid,
    user: Uuid,
    asst: Uuid,
    breno: Uuid,
    darfo: Uuid,
    hospital: Uuid,
}

impl World<'_> {
    async fn assessments(&self, p: &[Uuid]) {
        use Profession::{AssistenteSociale as Sw, Educatore, Infermiere};
        let (asst, breno, darfo) = (self.asst, self.breno, self.darfo);
        // a1: a Comune social worker (whose user is now at the ASST: the
        // frozen organization counts) with an ASST nurse: joint.
        self.assessment(p[0], "2026-01-10", None, &[(Sw, breno), (Infermiere, asst)])
            .await;
        // a2: a social worker of the ASST: neither a Comune's nor joint.
        self.assessment(p[1], "2026-02-01", None, &[(Sw, asst)])
            .await;
        // a3: on the quarter's last day; a Comune educator and a nurse: joint,
        // but no social worker.
        self.assessment(
            p[2],
            "2026-03-31",
            None,
            &[(Infermiere, asst), (Educatore, breno)],
        )
        .await;
        // a4: the day after the quarter.
        self.assessment(p[3], "2026-04-01", None, &[(Sw, breno)])
            .await;
        // a5, corrected by a5b: one assessment.
        let a5 = self
            .assessment(p[0], "2026-02-10", None, &[(Sw, breno)])
            .await;
        self.assessment(p[0], "2026-02-10", Some(a5), &[(Sw, breno)])
            .await;
        // a6: a person of the other Ambito.
        self.assessment(p[6], "2026-01-15", None, &[(Sw, darfo)])
            .await;
    }

    async fn assessment(
        &self,
        person: Uuid,
        on: &str,
        amends: Option<Uuid>,
        participants: &[(Profession, Uuid)],
    ) -> Uuid {
        let id = Uuid::now_v7();
        assessment::ActiveModel {
            id: Set(id),
            person_id: Set(person),
            team_id: Set(self.team),
            project_id: Set(None),
            discharge_id: Set(None),
            assessed_on: Set(day(on)),
            setting: Set(AssessmentSetting::Domicilio),
            reason: Set(if amends.is_some() {
                AssessmentReason::Reassessment
            } else {
                AssessmentReason::FirstAssessment
            }),
            need_level: Set(NeedLevel::High),
            recommended_setting: Set(CareSetting::HomeWithAdi),
            notes: Set(None),
            logged_by: Set(self.user),
            created_at: Set(Utc::now()),
            version: Set(if amends.is_some() { 2 } else { 1 }),
            signed_at: Set(Some(Utc::now())),
            signed_by: Set(Some(self.user)),
            amends_id: Set(amends),
            amendment_reason: Set(amends.map(|_| "Correzione".to_owned())),
        }
        .insert(&self.app.db)
        .await
        .expect("assessment");
        for (profession, organization) in participants {
            assessment_participant::ActiveModel {
                id: Set(Uuid::now_v7()),
                assessment_id: Set(id),
                user_id: Set(self.user),
                profession: Set(*profession),
                organization_id: Set(Some(*organization)),
            }
            .insert(&self.app.db)
            .await
            .expect("participant");
        }
        id
    }

    async fn projects(&self, p: &[Uuid]) {
        use LifeArea::{HealthWellbeing, Housing};
        use ProjectStatus::{Active, Closed};
        // pr1: started in the quarter, with a budget.
        self.project(p[0], "2026-01-15", Active, None, true, &[])
            .await;
        // pr2: closed in the quarter; Abitare from 2 to 4 (the person's own
        // score does not count), Benessere unchanged.
        self.project(
            p[1],
            "2025-06-01",
            Closed,
            Some("2026-02-20"),
            false,
            &[
                (Housing, Rater::Team, "2025-06-01", 2),
                (Housing, Rater::Person, "2026-02-20", 1),
                (Housing, Rater::Team, "2026-02-20", 4),
                (HealthWellbeing, Rater::Team, "2025-06-01", 3),
                (HealthWellbeing, Rater::Team, "2026-02-20", 3),
            ],
        )
        .await;
        // pr3: closed in the quarter with a budget; Abitare from 4 to 3.
        self.project(
            p[2],
            "2025-09-01",
            Closed,
            Some("2026-03-10"),
            true,
            &[
                (Housing, Rater::Team, "2026-03-10", 3),
                (Housing, Rater::Team, "2025-09-01", 4),
            ],
        )
        .await;
        // pr4: the other Ambito; pr5: after the quarter.
        self.project(p[6], "2026-02-01", Active, None, false, &[])
            .await;
        self.project(p[3], "2026-04-02", Active, None, false, &[])
            .await;
    }

    async fn project(
        &self,
        person: Uuid,
        started: &str,
        status: ProjectStatus,
        closed: Option<&str>,
        budget: bool,
        scores: &[(LifeArea, Rater, &str, i32)],
    ) {
        let id = Uuid::now_v7();
        let now = Utc::now();
        project::ActiveModel {
            id: Set(id),
            version: Set(1),
            person_id: Set(person),
            kind: Set(ProjectKind::Pai),
            status: Set(status),
            team_id: Set(self.team),
            case_manager_id: Set(self.user),
            title: Set("Progetto".into()),
            start_date: Set(day(started)),
            review_every_days: Set(90),
            next_review_on: Set(day(started)),
            suspended_from: Set(None),
            consent_on: Set(None),
            consent_method: Set(None),
            consent_witness: Set(None),
            consent_family_cosignature: Set(None),
            consent_recorded_by: Set(None),
            closure_reason: Set(closed.map(|_| "Obiettivi raggiunti".to_owned())),
            closed_on: Set(closed.map(day)),
            budget_agreement: Set(BudgetAgreementStatus::None),
            integrated: Set(false),
            created_by: Set(self.user),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&self.app.db)
        .await
        .expect("project");
        if budget {
            budget_resource::ActiveModel {
                id: Set(Uuid::now_v7()),
                project_id: Set(id),
                version: Set(1),
                life_area: Set(LifeArea::Housing),
                kind: Set(ResourceKind::Economic),
                provider_kind: Set(ProviderKind::Family),
                provider_id: Set(None),
                provider_name: Set("Famiglia".into()),
                funding_source: Set(FundingSource::Fna),
                description: Set("Affitto".into()),
                profession: Set(None),
                unit: Set(ResourceUnit::Eur),
                planned_hundredths: Set(10_000),
                period_start: Set(day(started)),
                period_end: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&self.app.db)
            .await
            .expect("budget resource");
        }
        for (area, rater, on, score) in scores {
            life_area_score::ActiveModel {
                id: Set(Uuid::now_v7()),
                project_id: Set(id),
                scored_on: Set(day(on)),
                rater: Set(*rater),
                life_area: Set(*area),
                score: Set(*score),
                note: Set(None),
                recorded_by: Set(self.user),
                created_at: Set(now),
            }
            .insert(&self.app.db)
            .await
            .expect("score");
        }
    }

    async fn discharges(&self, p: &[Uuid]) {
        use CareSetting::{Home, HomeWithSad, Rsa};
        use DischargeStatus::{Cancelled, Discharged, Reported};
        let done = |ready: &'static str, left: &'static str, to| Some((ready, left, to));
        // (person, reported on, status, (dischargeable, discharged, destination))
        let rows = [
            (
                p[0],
                "2026-01-05",
                Discharged,
                done("2026-01-10", "2026-01-12", Home),
            ),
            (
                p[1],
                "2026-01-20",
                Discharged,
                done("2026-01-25", "2026-01-29", HomeWithSad),
            ),
            (
                p[2],
                "2026-02-01",
                Discharged,
                done("2026-02-05", "2026-02-15", Rsa),
            ),
            (p[3], "2026-02-10", Cancelled, None),
            (p[4], "2026-03-20", Reported, None),
            // Reported in the quarter, discharged after it.
            (
                p[5],
                "2026-03-25",
                Discharged,
                done("2026-03-30", "2026-04-03", Home),
            ),
            // The other Ambito.
            (
                p[6],
                "2026-01-08",
                Discharged,
                done("2026-01-10", "2026-01-30", Rsa),
            ),
            // Reported before the quarter, discharged in it.
            (
                p[0],
                "2025-12-30",
                Discharged,
                done("2026-01-02", "2026-01-03", Home),
            ),
        ];
        for (person, reported, status, outcome) in rows {
            let reported = day(reported);
            let at = Utc.from_utc_datetime(&reported.and_hms_opt(10, 0, 0).expect("a time"));
            discharge::ActiveModel {
                id: Set(Uuid::now_v7()),
                version: Set(1),
                person_id: Set(person),
                hospital_id: Set(self.hospital),
                ward: Set("Medicina".into()),
                admitted_on: Set(reported),
                expected_discharge_on: Set(reported),
                receiving_team_id: Set(self.team),
                needs: Set(None),
                notes: Set(None),
                status: Set(status),
                reported_by: Set(self.user),
                reported_at: Set(at),
                assessment_scheduled_on: Set(None),
                dischargeable_on: Set(outcome.map(|(ready, _, _)| day(ready))),
                assessment_id: Set(None),
                plan_destination: Set(outcome.map(|(_, _, to)| to)),
                plan_services: Set(None),
                plan_agreed_on: Set(None),
                plan_agreed_by: Set(None),
                discharged_on: Set(outcome.map(|(_, left, _)| day(left))),
                destination: Set(outcome.map(|(_, _, to)| to)),
                cancel_reason: Set(None),
                cancel_note: Set(None),
                cancelled_on: Set((status == Cancelled).then_some(reported)),
                reminder_sent: Set(false),
                updated_at: Set(at),
                reported_fiscal_code: Set(None),
                reported_given_name: Set(None),
                reported_family_name: Set(None),
                reported_birth_date: Set(None),
                reported_sex: Set(None),
                plan_note: Set(None),
                project_id: Set(None),
            }
            .insert(&self.app.db)
            .await
            .expect("discharge");
        }
    }
}

pub(crate) async fn read(client: &Client, vars: Value) -> Vec<Value> {
    let answer = client.gql(INDICATORS, vars).await;
    answer.ok()["indicators"]
        .as_array()
        .expect("a list")
        .clone()
}

fn by_code<'a>(values: &'a [Value], code: &str) -> &'a Value {
    values
        .iter()
        .find(|v| v["code"] == code)
        .unwrap_or_else(|| panic!("{code} missing from {values:?}"))
}

/// `(value, numerator, denominator, suppressed)` of one indicator.
fn figure(values: &[Value], code: &str) -> Value {
    let v = by_code(values, code);
    json!([
        v["value"],
        v["numerator"],
        v["denominator"],
        v["suppressed"]
    ])
}

async fn the_admin_reads_the_known_numbers_of_a_territory_and_of_everything(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let t = Territory::open(&app).await;
    let quarter = json!({ "from": "2026-01-01", "to": "2026-03-31", "territory": t.ambito });
    let ambito = read(&t.desk.admin, quarter).await;
    assert_eq!(figure(&ambito, "ASSESSMENTS"), json!([4.0, 4, null, false]));
    assert_eq!(
        figure(&ambito, "ASSESSMENTS_WITH_SOCIAL_WORKER"),
        json!([0.5, 2, 4, false])
    );
    assert_eq!(
        figure(&ambito, "JOINT_ASSESSMENTS"),
        json!([2.0, 2, null, false])
    );
    // Six reports in the quarter (one cancelled, one still open), four discharged.
    let served = figure(&ambito, "PROTECTED_DISCHARGES_SERVED");
    assert_eq!(served[1], 4);
    assert_eq!(served[2], 6);
    assert!((served[0].as_f64().unwrap() - 4.0 / 6.0).abs() < 1e-9);
    // Home: 2, 4 and 1 days (the one reported in December counts: it left
    // in the quarter); the one discharged in April does not.
    let home = figure(&ambito, "DISCHARGE_WAIT_HOME_MEAN");
    assert!((home[0].as_f64().unwrap() - 7.0 / 3.0).abs() < 1e-9);
    assert_eq!(home[2], 3);
    assert_eq!(
        figure(&ambito, "DISCHARGE_WAIT_HOME_MEDIAN"),
        json!([2.0, null, 3, false])
    );
    assert_eq!(
        figure(&ambito, "DISCHARGE_WAIT_RESIDENTIAL_MEAN"),
        json!([10.0, null, 1, false])
    );
    assert_eq!(
        figure(&ambito, "DISCHARGES_MANAGED_IN_PONTE"),
        json!([4.0, 4, null, false])
    );
    assert_eq!(
        figure(&ambito, "RSA_PLACEMENTS"),
        json!([1.0, 1, null, false])
    );
    assert_eq!(
        figure(&ambito, "PROJECTS_PER_ASSESSMENT"),
        json!([0.25, 1, 4, false])
    );
    assert_eq!(
        figure(&ambito, "PROJECTS_WITH_BUDGET_DI_SALUTE"),
        json!([2.0, 2, null, false])
    );
    assert_eq!(
        figure(&ambito, "PROJECTS_CLOSED_IMPROVED_HOUSING"),
        json!([0.5, 1, 2, false])
    );
    assert_eq!(
        figure(&ambito, "PROJECTS_CLOSED_IMPROVED_HEALTH_WELLBEING"),
        json!([0.0, 0, 1, false])
    );
    assert_eq!(
        figure(&ambito, "PROJECTS_CLOSED_IMPROVED_WORK_INCOME"),
        json!([null, 0, 0, false])
    );

    // Everything: the other Ambito's person too.
    let all = read(
        &t.desk.admin,
        json!({ "from": "2026-01-01", "to": "2026-03-31" }),
    )
    .await;
    assert_eq!(figure(&all, "ASSESSMENTS"), json!([5.0, 5, null, false]));
    assert_eq!(
        figure(&all, "ASSESSMENTS_WITH_SOCIAL_WORKER"),
        json!([0.6, 3, 5, false])
    );
    assert_eq!(
        figure(&all, "DISCHARGE_WAIT_RESIDENTIAL_MEDIAN"),
        json!([15.0, null, 2, false])
    );
    assert_eq!(figure(&all, "RSA_PLACEMENTS"), json!([2.0, 2, null, false]));
    assert_eq!(
        figure(&all, "PROJECTS_PER_ASSESSMENT"),
        json!([0.4, 2, 5, false])
    );

    // By quarter over a half year: the April assessment falls in the second.
    let half = read(
        &t.desk.admin,
        json!({ "codes": ["ASSESSMENTS"], "from": "2026-01-01", "to": "2026-06-30", "territory": t.breno, "breakdown": "QUARTER" }),
    )
    .await;
    assert_eq!(half.len(), 1);
    assert_eq!(half[0]["numerator"], 5);
    assert_eq!(
        half[0]["series"],
        json!([
            { "from": "2026-01-01", "to": "2026-03-31", "value": 4.0, "numerator": 4, "denominator": null, "suppressed": false },
            { "from": "2026-04-01", "to": "2026-06-30", "value": 1.0, "numerator": 1, "denominator": null, "suppressed": false },
        ])
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE action = 'INDICATORS_READ'")
            .await,
        3
    );

    // A code the catalogue lists without data yet is refused, by name.
    let refused = t
        .desk
        .admin
        .gql(
            INDICATORS,
            json!({ "codes": ["REPEATED_ADMISSIONS_30_DAYS"], "from": "2026-01-01", "to": "2026-03-31" }),
        )
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("codes"));
    assert_eq!(
        refused.message(),
        "L'indicatore REPEATED_ADMISSIONS_30_DAYS non è ancora calcolato da Ponte"
    );
    let catalogue = t
        .desk
        .admin
        .gql(
            "{ indicatorCatalogue { code computed missingData source } }",
            json!({}),
        )
        .await;
    let catalogue = catalogue.ok()["indicatorCatalogue"]
        .as_array()
        .unwrap()
        .clone();
    let readmissions = by_code(&catalogue, "REPEATED_ADMISSIONS_30_DAYS");
    assert_eq!(readmissions["computed"], false);
    assert!(readmissions["missingData"]
        .as_str()
        .unwrap()
        .contains("ricoveri"));
}

pub(crate) async fn reporter(app: &TestApp, admin: &Client, territory: &str) -> Client {
    let email = format!("up{}@ambito.test", Uuid::now_v7().simple());
    let id = app.make_user(&email, Role::Reporter, None).await;
    admin
        .gql(
            "mutation($input: SetUserTerritoriesInput!) { setUserTerritories(input: $input) { id } }",
            json!({ "input": { "userId": id, "organizationIds": [territory] } }),
        )
        .await
        .ok();
    let client = app.client();
    client.login_ok(&email, PASSWORD).await;
    client
}

async fn a_reporter_sees_small_counts_suppressed_and_only_their_territories(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let t = Territory::open(&app).await;
    let up = reporter(&app, &t.desk.admin, &t.ambito).await;
    let quarter = json!({ "from": "2026-01-01", "to": "2026-03-31", "territory": t.ambito });
    let shown = read(&up, quarter).await;
    // 4 assessments: below 5, hidden, and so is the ratio built on them.
    assert_eq!(
        figure(&shown, "ASSESSMENTS"),
        json!([null, null, null, true])
    );
    assert_eq!(
        figure(&shown, "ASSESSMENTS_WITH_SOCIAL_WORKER"),
        json!([null, null, null, true])
    );
    // 4 served of 6 reports: the base is shown, the share is not.
    assert_eq!(
        figure(&shown, "PROTECTED_DISCHARGES_SERVED"),
        json!([null, null, 6, true])
    );
    // A wait measured on one discharge names that person's stay.
    assert_eq!(
        figure(&shown, "DISCHARGE_WAIT_RESIDENTIAL_MEAN"),
        json!([null, null, null, true])
    );
    // A Comune under their Ambito is theirs too.
    read(
        &up,
        json!({ "from": "2026-01-01", "to": "2026-03-31", "territory": t.breno }),
    )
    .await;
    // The other Ambito is not.
    let refused = up
        .gql(
            INDICATORS,
            json!({ "from": "2026-01-01", "to": "2026-03-31", "territory": t.other_ambito }),
        )
        .await;
    refused.expect_code("FORBIDDEN");
    assert_eq!(
        refused.message(),
        "Questo territorio non è tra quelli di tua competenza"
    );
    let refused = up
        .gql(
            INDICATORS,
            json!({ "from": "2026-01-01", "to": "2026-03-31" }),
        )
        .await;
    refused.expect_code("VALIDATION");
    assert_eq!(refused.field(), Some("territoryId"));
    assert_eq!(
        refused.message(),
        "Indica il territorio di cui vuoi vedere gli indicatori"
    );

    // With the threshold at 3, four assessments are shown, two are not.
    let lenient = TestApp::another_instance(&app, |c| c.suppression_threshold = 3).await;
    let up = lenient.client();
    let email = "soglia@ambito.test";
    let id = lenient.make_user(email, Role::Reporter, None).await;
    t.desk
        .admin
        .gql(
            "mutation($input: SetUserTerritoriesInput!) { setUserTerritories(input: $input) { id } }",
            json!({ "input": { "userId": id, "organizationIds": [t.ambito] } }),
        )
        .await
        .ok();
    up.login_ok(email, PASSWORD).await;
    let shown = read(
        &up,
        json!({ "from": "2026-01-01", "to": "2026-03-31", "territory": t.ambito }),
    )
    .await;
    assert_eq!(figure(&shown, "ASSESSMENTS"), json!([4.0, 4, null, false]));
    assert_eq!(
        figure(&shown, "ASSESSMENTS_WITH_SOCIAL_WORKER"),
        json!([null, null, 4, true])
    );
}

async fn an_operator_reads_their_team_and_an_auditor_nothing(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let t = Territory::open(&app).await;
    let team = json!({ "codes": ["ASSESSMENTS"], "from": "2026-01-01", "to": "2026-03-31", "team": t.desk.team_id });
    let mine = read(&t.desk.operator, team.clone()).await;
    assert_eq!(figure(&mine, "ASSESSMENTS"), json!([5.0, 5, null, false]));
    let refused = t
        .desk
        .operator
        .gql(
            INDICATORS,
            json!({ "from": "2026-01-01", "to": "2026-03-31", "territory": t.ambito, "team": t.desk.team_id }),
        )
        .await;
    refused.expect_code("FORBIDDEN");
    let (outsider, _) = app.operator("outsider@asst.test").await;
    outsider
        .gql(INDICATORS, team.clone())
        .await
        .expect_code("FORBIDDEN");
    app.make_user("dpo@asst.test", Role::Auditor, None).await;
    let auditor = app.client();
    auditor.login_ok("dpo@asst.test", PASSWORD).await;
    auditor.gql(INDICATORS, team).await.expect_code("FORBIDDEN");
    // The catalogue is for every signed-in user.
    auditor
        .gql("{ indicatorCatalogue { code } }", json!({}))
        .await
        .ok();
}
