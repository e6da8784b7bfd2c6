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
    assessment, assessment_participant, budget_resource, budget_use, discharge,
    discharge_plan_need, life_area_score, project, project_intervention, team_membership,
};
use ponte_server::domain::vocabulary::{
    AssessmentReason, AssessmentSetting, BudgetAgreementStatus, CareSetting, DischargeNeed,
    DischargeStatus, FundingSource, LifeArea, NeedLevel, Profession, ProjectKind, ProjectStatus,
    ProviderKind, Rater, ResourceKind, ResourceUnit, Role, ServiceKind, TeamRole,
};
use ponte_tests::serde_json::{json, Value};
use ponte_tests::world::{give_territory, person_input, Desk};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb, PASSWORD};
use sea_orm::{ActiveModelTrait, Set};
use uuid::Uuid;

on_both_databases!(
    the_admin_reads_the_known_numbers_of_a_territory_and_of_everything,
    a_reporter_sees_small_counts_suppressed_and_only_their_territories,
    an_operator_reads_their_team_and_an_auditor_nothing,
    sad_and_team_indicators_count_what_the_seeds_ask,
);

pub(crate) const INDICATORS: &str = "query($codes: [String!], $territory: ID, $team: ID, $from: Date!, $to: Date!, $breakdown: IndicatorBreakdown = NONE) { \
    indicators(codes: $codes, territoryId: $territory, teamId: $team, from: $from, to: $to, breakdown: $breakdown) { \
      code value numerator denominator suppressed series { from to value numerator denominator suppressed } \
      parts { dimension key label value numerator denominator suppressed } } }";

/// Also the data set of `indicator_export`, which reads the same numbers
/// back from the files.
pub(crate) struct Territory {
    pub(crate) desk: Desk,
    pub(crate) ambito: String,
    pub(crate) other_ambito: String,
    pub(crate) breno: String,
}

pub(crate) fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

pub(crate) fn uuid(id: &str) -> Uuid {
    id.parse().expect("an id")
}

/// A PAI of `person` in `team`, its case manager and author `user`, as the
/// service stores it: `status`, started on `started`, due for review on
/// `review_on`, closed (with a reason) on `closed`.
pub(crate) async fn project_row(
    app: &TestApp,
    (team, user): (Uuid, Uuid),
    person: Uuid,
    status: ProjectStatus,
    (started, review_on): (&str, &str),
    closed: Option<&str>,
) -> Uuid {
    let id = Uuid::now_v7();
    let now = Utc::now();
    project::ActiveModel {
        id: Set(id),
        version: Set(1),
        person_id: Set(person),
        kind: Set(ProjectKind::Pai),
        status: Set(status),
        team_id: Set(team),
        case_manager_id: Set(user),
        title: Set("Progetto".into()),
        start_date: Set(day(started)),
        review_every_days: Set(90),
        next_review_on: Set(day(review_on)),
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
        created_by: Set(user),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&app.db)
    .await
    .expect("project");
    id
}

/// A use of `hundredths` of `resource` on `on`, recorded by `user`, written
/// as the service stores it.
pub(crate) async fn budget_use_row(
    app: &TestApp,
    resource: Uuid,
    on: &str,
    hundredths: i64,
    user: Uuid,
) {
    budget_use::ActiveModel {
        id: Set(Uuid::now_v7()),
        resource_id: Set(resource),
        used_on: Set(day(on)),
        quantity_hundredths: Set(hundredths),
        note: Set(None),
        recorded_by: Set(user),
        reverses_id: Set(None),
        reason: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(&app.db)
    .await
    .expect("budget use");
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
        let id = self
            .assessed(person, on, amends, NeedLevel::High, true)
            .await;
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

    /// An assessment without participants, signed or a draft.
    async fn assessed(
        &self,
        person: Uuid,
        on: &str,
        amends: Option<Uuid>,
        need: NeedLevel,
        signed: bool,
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
            need_level: Set(need),
            recommended_setting: Set(CareSetting::HomeWithAdi),
            notes: Set(None),
            logged_by: Set(self.user),
            created_at: Set(Utc::now()),
            version: Set(if amends.is_some() { 2 } else { 1 }),
            signed_at: Set(signed.then(Utc::now)),
            signed_by: Set(signed.then_some(self.user)),
            amends_id: Set(amends),
            amendment_reason: Set(amends.map(|_| "Correzione".to_owned())),
        }
        .insert(&self.app.db)
        .await
        .expect("assessment");
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
    ) -> Uuid {
        let team_and_user = (self.team, self.user);
        let dates = (started, started);
        let id = project_row(self.app, team_and_user, person, status, dates, closed).await;
        let now = Utc::now();
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
        id
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
            self.discharge(person, reported, status, outcome).await;
        }
    }

    /// One report, and its outcome `(dischargeable, discharged, destination)`.
    async fn discharge(
        &self,
        person: Uuid,
        reported: &str,
        status: DischargeStatus,
        outcome: Option<(&str, &str, CareSetting)>,
    ) -> Uuid {
        let id = Uuid::now_v7();
        let reported = day(reported);
        let at = Utc.from_utc_datetime(&reported.and_hms_opt(10, 0, 0).expect("a time"));
        discharge::ActiveModel {
            id: Set(id),
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
            reported_by: Set(Some(self.user)),
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
            cancelled_on: Set((status == DischargeStatus::Cancelled).then_some(reported)),
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
        id
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
    give_territory(admin, &id, territory).await;
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
    give_territory(&t.desk.admin, &id, &t.ambito).await;
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

impl World<'_> {
    /// An intervention of `kind` in `project` from `start` to `end`.
    async fn intervention(&self, project: Uuid, kind: ServiceKind, start: &str, end: Option<&str>) {
        project_intervention::ActiveModel {
            id: Set(Uuid::now_v7()),
            project_id: Set(project),
            goal_id: Set(None),
            life_area: Set(LifeArea::HealthWellbeing),
            service_kind: Set(kind),
            provider_id: Set(None),
            frequency: Set("2 volte a settimana".into()),
            start_date: Set(day(start)),
            end_date: Set(end.map(day)),
            created_at: Set(Utc::now()),
        }
        .insert(&self.app.db)
        .await
        .expect("intervention");
    }

    /// A resource of `project`, `(area, kind, source)`, `(unit, planned in
    /// hundredths)`, valid `(from, to)`.
    async fn resource(
        &self,
        project: Uuid,
        (area, kind, source): (LifeArea, ResourceKind, FundingSource),
        (unit, planned): (ResourceUnit, i64),
        (start, end): (&str, Option<&str>),
    ) -> Uuid {
        let id = Uuid::now_v7();
        budget_resource::ActiveModel {
            id: Set(id),
            project_id: Set(project),
            version: Set(1),
            life_area: Set(area),
            kind: Set(kind),
            provider_kind: Set(ProviderKind::Organization),
            provider_id: Set(None),
            provider_name: Set("Comune".into()),
            funding_source: Set(source),
            description: Set("Risorsa".into()),
            profession: Set(None),
            unit: Set(unit),
            planned_hundredths: Set(planned),
            period_start: Set(day(start)),
            period_end: Set(end.map(day)),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
        }
        .insert(&self.app.db)
        .await
        .expect("resource");
        id
    }

    async fn used(&self, resource: Uuid, on: &str, hundredths: i64) {
        budget_use_row(self.app, resource, on, hundredths, self.user).await;
    }

    /// `user` in `team` from `from` to `until`.
    async fn member(&self, team: &str, user: &str, from: &str, until: Option<&str>) {
        team_membership::ActiveModel {
            id: Set(Uuid::now_v7()),
            team_id: Set(uuid(team)),
            user_id: Set(uuid(user)),
            team_role: Set(TeamRole::Member),
            started_on: Set(day(from)),
            ended_on: Set(until.map(day)),
            created_at: Set(Utc::now()),
        }
        .insert(&self.app.db)
        .await
        .expect("membership");
    }
}

/// The SAD and team indicators over the first quarter of 2026 in the
/// Ambito of Breno: each row below says whether and why it counts.
async fn sad_and_team_indicators_count_what_the_seeds_ask(db: TestDb) {
    use ProjectStatus::{Active, Closed, Planning};
    use ServiceKind::{Adi, Sad};
    let app = TestApp::spawn(db).await;
    let desk = Desk::open(&app, "PUA").await;
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
    let mut p = Vec::new();
    // P0–P3 and P5 elderly in Breno, P4 young in Breno, P6 in Darfo.
    for (i, (comune, born)) in [
        (&breno, 1940),
        (&breno, 1941),
        (&breno, 1942),
        (&breno, 1943),
        (&breno, 1990),
        (&breno, 1945),
        (&darfo, 1946),
    ]
    .into_iter()
    .enumerate()
    {
        let mut input = person_input(
            &desk.team_id,
            "Sad",
            ["Anna", "Bruna", "Carla", "Dora", "Elsa", "Flora", "Gina"][i],
            (born, 5, 5),
            "F",
        );
        input["residenceComuneId"] = json!(comune);
        p.push(uuid(&app.person(&desk.operator, input).await));
    }
    let w = World {
        app: &app,
        team: uuid(&desk.team_id),
        user: uuid(&desk.operator_id),
        asst: uuid(&desk.organization_id),
        breno: uuid(&breno),
        darfo: uuid(&darfo),
        hospital: uuid(&hospital),
    };

    // SAD interventions.
    // A: P0, running since October, an integrated PAI: active, not new.
    let a = w
        .project(p[0], "2025-10-01", Active, None, false, &[])
        .await;
    w.intervention(a, Sad, "2025-10-01", None).await;
    project::ActiveModel {
        id: Set(a),
        integrated: Set(true),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .expect("integrated");
    // B: P1, from February: active and new.
    let b = w
        .project(p[1], "2026-02-01", Active, None, false, &[])
        .await;
    w.intervention(b, Sad, "2026-02-01", None).await;
    // C: P2, a plan still being written: nothing delivered.
    let c = w
        .project(p[2], "2026-02-01", Planning, None, false, &[])
        .await;
    w.intervention(c, Sad, "2026-02-01", None).await;
    // D: P3, closed in December: over; E: P3 again from January: new.
    let d = w
        .project(p[3], "2025-06-01", Closed, Some("2025-12-15"), false, &[])
        .await;
    w.intervention(d, Sad, "2025-06-01", None).await;
    let e = w
        .project(p[3], "2026-01-10", Active, None, false, &[])
        .await;
    w.intervention(e, Sad, "2026-01-10", None).await;
    // G1 to the end of January and G2 from the day after: P4's SAD goes on
    // (two interventions, no new taking in charge).
    let g1 = w
        .project(p[4], "2025-11-01", Active, None, false, &[])
        .await;
    w.intervention(g1, Sad, "2025-11-01", Some("2026-01-31"))
        .await;
    let g2 = w
        .project(p[4], "2026-02-01", Active, None, false, &[])
        .await;
    w.intervention(g2, Sad, "2026-02-01", None).await;
    // H: ADI is not SAD; I: the other Ambito.
    let h = w
        .project(p[5], "2026-01-01", Active, None, false, &[])
        .await;
    w.intervention(h, Adi, "2026-01-01", None).await;
    let i = w
        .project(p[6], "2026-01-01", Active, None, false, &[])
        .await;
    w.intervention(i, Sad, "2026-01-01", None).await;

    // Need levels: P0 and P1 high (P1's later draft does not count), P3 high
    // then medium, P4 high but 36 years old.
    // By the UVM (below): P1, P3 and P4 in January, P2 in February (whose
    // project delivers nothing yet).
    let by_uvm = [
        w.assessed(p[1], "2026-01-20", None, NeedLevel::High, true)
            .await,
        w.assessed(p[3], "2026-01-20", None, NeedLevel::Medium, true)
            .await,
        w.assessed(p[4], "2026-01-20", None, NeedLevel::High, true)
            .await,
        w.assessed(p[2], "2026-02-20", None, NeedLevel::High, true)
            .await,
    ];
    w.assessed(p[0], "2025-09-01", None, NeedLevel::High, true)
        .await;
    w.assessed(p[1], "2026-03-01", None, NeedLevel::Low, false)
        .await;
    w.assessed(p[3], "2025-12-01", None, NeedLevel::High, true)
        .await;

    // Discharges: P0 home with SAD into project A (served); P1 home with ADI
    // whose plan needed SAD, no project (not served); P5 home without
    // services and P2 cancelled (neither counts).
    let served = w
        .discharge(
            p[0],
            "2026-01-10",
            DischargeStatus::Discharged,
            Some(("2026-01-15", "2026-01-20", CareSetting::HomeWithSad)),
        )
        .await;
    discharge::ActiveModel {
        id: Set(served),
        project_id: Set(Some(a)),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .expect("linked");
    let unserved = w
        .discharge(
            p[1],
            "2026-02-01",
            DischargeStatus::Discharged,
            Some(("2026-02-05", "2026-02-10", CareSetting::HomeWithAdi)),
        )
        .await;
    discharge_plan_need::ActiveModel {
        id: Set(Uuid::now_v7()),
        discharge_id: Set(unserved),
        need: Set(DischargeNeed::Sad),
    }
    .insert(&app.db)
    .await
    .expect("need");
    w.discharge(
        p[5],
        "2026-02-20",
        DischargeStatus::Discharged,
        Some(("2026-02-25", "2026-03-01", CareSetting::Home)),
    )
    .await;
    w.discharge(p[2], "2026-02-20", DischargeStatus::Cancelled, None)
        .await;

    // Teams. T1, an EEMM of Breno: a social worker throughout, an educator
    // until mid-January, a clerk (not a profession of care). T2, a UVM of
    // Breno from April; T3, a PUA of Breno; T4, an EEMM of Darfo.
    let user_in = |profession: &'static str, organization: String| {
        let app = &app;
        async move {
            let id = app
                .make_user(
                    &format!("u{}@comune.test", Uuid::now_v7().simple()),
                    Role::Operator,
                    Some(uuid(&organization)),
                )
                .await;
            app.db_set_profession(&id, profession).await;
            id
        }
    };
    let t1 = app
        .team(admin, "EEMM di Breno", "EQUIPE_MULTIDISCIPLINARE", &breno)
        .await;
    let t2 = app.team(admin, "UVM di Breno", "UVM", &breno).await;
    let t3 = app.team(admin, "PUA di Breno", "PUA", &breno).await;
    let t4 = app
        .team(admin, "EEMM di Darfo", "EQUIPE_MULTIDISCIPLINARE", &darfo)
        .await;
    let social_worker = user_in("ASSISTENTE_SOCIALE", breno.clone()).await;
    let educator = user_in("EDUCATORE", breno.clone()).await;
    let clerk = user_in("AMMINISTRATIVO", breno.clone()).await;
    // A psychologist of Breno in no team: a profession the Comune has.
    user_in("PSICOLOGO", breno.clone()).await;
    let nurse = user_in("INFERMIERE", desk.organization_id.clone()).await;
    let darfo_worker = user_in("ASSISTENTE_SOCIALE", darfo.clone()).await;
    w.member(&t1, &social_worker, "2025-01-01", None).await;
    w.member(&t1, &educator, "2025-01-01", Some("2026-01-15"))
        .await;
    w.member(&t1, &clerk, "2025-01-01", None).await;
    w.member(&t2, &nurse, "2026-04-01", None).await;
    w.member(&t3, &social_worker, "2025-01-01", None).await;
    w.member(&t4, &darfo_worker, "2025-01-01", None).await;
    for id in by_uvm {
        assessment::ActiveModel {
            id: Set(id),
            team_id: Set(uuid(&t2)),
            ..Default::default()
        }
        .update(&app.db)
        .await
        .expect("by the UVM");
    }

    // Budget di Salute: A housing 1.000 € from FNA, 250 € used in February
    // (and 100 € in December, before the quarter); B work 500 € from the
    // Comune, 50,50 € used in March; E 40 professional hours, 10 used; G1's
    // resource ended in December; the other Ambito's does not count.
    use FundingSource::{Comune, Fna, FondoSanitario};
    use ResourceKind::{Economic, Professional};
    let housing = w
        .resource(
            a,
            (LifeArea::Housing, Economic, Fna),
            (ResourceUnit::Eur, 100_000),
            ("2025-10-01", None),
        )
        .await;
    w.used(housing, "2026-02-10", 25_000).await;
    w.used(housing, "2025-12-10", 10_000).await;
    let work = w
        .resource(
            b,
            (LifeArea::WorkIncome, Economic, Comune),
            (ResourceUnit::Eur, 50_000),
            ("2026-02-01", None),
        )
        .await;
    w.used(work, "2026-03-05", 5_050).await;
    let hours = w
        .resource(
            e,
            (LifeArea::HealthWellbeing, Professional, FondoSanitario),
            (ResourceUnit::Hours, 4_000),
            ("2026-01-10", None),
        )
        .await;
    w.used(hours, "2026-01-20", 1_000).await;
    w.resource(
        g1,
        (LifeArea::Housing, Economic, Fna),
        (ResourceUnit::Eur, 70_000),
        ("2025-11-01", Some("2025-12-31")),
    )
    .await;
    let elsewhere = w
        .resource(
            i,
            (LifeArea::Housing, Economic, Fna),
            (ResourceUnit::Eur, 30_000),
            ("2026-01-01", None),
        )
        .await;
    w.used(elsewhere, "2026-01-10", 30_000).await;

    let codes = json!([
        "COMPLEX_TAKEN_IN_CHARGE_AFTER_UVM",
        "SAD_INTERVENTIONS",
        "SAD_NEW_TAKINGS_IN_CHARGE",
        "SAD_INTEGRATED_PLAN_SHARE",
        "SAD_WITH_DISCHARGE_PATH",
        "ACTIVE_TEAMS",
        "EEMM_PROFESSIONS"
    ]);
    let quarter =
        json!({ "codes": codes, "from": "2026-01-01", "to": "2026-03-31", "territory": ambito });
    let values = read(admin, quarter).await;
    // P1 and P4: high need, assessed by the UVM, with a project delivering.
    assert_eq!(
        figure(&values, "COMPLEX_TAKEN_IN_CHARGE_AFTER_UVM"),
        json!([2.0, 2, null, false])
    );
    // A, B, E, G1, G2.
    assert_eq!(
        figure(&values, "SAD_INTERVENTIONS"),
        json!([5.0, 5, null, false])
    );
    // P1 and P3.
    assert_eq!(
        figure(&values, "SAD_NEW_TAKINGS_IN_CHARGE"),
        json!([2.0, 2, null, false])
    );
    // A and B are elderly with high need; A is integrated.
    assert_eq!(
        figure(&values, "SAD_INTEGRATED_PLAN_SHARE"),
        json!([0.5, 1, 2, false])
    );
    assert_eq!(
        figure(&values, "SAD_WITH_DISCHARGE_PATH"),
        json!([0.5, 1, 2, false])
    );
    assert_eq!(
        figure(&values, "ACTIVE_TEAMS"),
        json!([1.0, 1, null, false])
    );
    // Social worker and educator, of the Comune's social worker, educator
    // and psychologist.
    let professions = figure(&values, "EEMM_PROFESSIONS");
    assert_eq!(professions[1], 2);
    assert_eq!(professions[2], 3);

    let budget = read(
        admin,
        json!({ "codes": ["BUDGET_RESOURCES", "BUDGET_HOURS"], "from": "2026-01-01", "to": "2026-03-31", "territory": ambito, "breakdown": "QUARTER" }),
    )
    .await;
    assert_eq!(
        figure(&budget, "BUDGET_RESOURCES"),
        json!([300.5, 301, 1500, false])
    );
    let part = |dimension: &str, key: &str, label: &str, value: f64, used: i64, planned: i64| json!({ "dimension": dimension, "key": key, "label": label, "value": value, "numerator": used, "denominator": planned, "suppressed": false });
    assert_eq!(
        by_code(&budget, "BUDGET_RESOURCES")["parts"],
        json!([
            part("LIFE_AREA", "HOUSING", "Abitare", 250.0, 250, 1000),
            part(
                "LIFE_AREA",
                "WORK_INCOME",
                "Inclusione lavorativa e risorse economiche",
                50.5,
                51,
                500
            ),
            part("RESOURCE_KIND", "ECONOMIC", "Economica", 300.5, 301, 1500),
            part(
                "FUNDING_SOURCE",
                "FNA",
                "Fondo per le non autosufficienze (FNA)",
                250.0,
                250,
                1000
            ),
            part("FUNDING_SOURCE", "COMUNE", "Fondi comunali", 50.5, 51, 500),
        ])
    );
    assert_eq!(
        by_code(&budget, "BUDGET_RESOURCES")["series"][0]["value"],
        json!(300.5)
    );
    assert_eq!(
        figure(&budget, "BUDGET_HOURS"),
        json!([10.0, 10, 40, false])
    );
    assert_eq!(
        by_code(&budget, "BUDGET_HOURS")["parts"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    // A REPORTER does not see amounts that rest on two projects.
    let planner = reporter(&app, admin, &ambito).await;
    let hidden = read(
        &planner,
        json!({ "codes": ["BUDGET_RESOURCES"], "from": "2026-01-01", "to": "2026-03-31", "territory": ambito }),
    )
    .await;
    assert_eq!(
        figure(&hidden, "BUDGET_RESOURCES"),
        json!([null, null, null, true])
    );
    // One team is no one's case: the REPORTER sees it.
    let teams = read(
        &planner,
        json!({ "codes": ["ACTIVE_TEAMS", "EEMM_PROFESSIONS"], "from": "2026-01-01", "to": "2026-03-31", "territory": ambito }),
    )
    .await;
    assert_eq!(figure(&teams, "ACTIVE_TEAMS"), json!([1.0, 1, null, false]));
    assert_eq!(figure(&teams, "EEMM_PROFESSIONS")[3], false);
    assert!(by_code(&hidden, "BUDGET_RESOURCES")["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .all(|p| p["suppressed"] == true && p["value"].is_null()));

    // The second quarter: the educator has left, the UVM has started.
    let spring = read(
        admin,
        json!({ "codes": ["ACTIVE_TEAMS", "EEMM_PROFESSIONS", "SAD_NEW_TAKINGS_IN_CHARGE"], "from": "2026-04-01", "to": "2026-06-30", "territory": ambito }),
    )
    .await;
    assert_eq!(
        figure(&spring, "ACTIVE_TEAMS"),
        json!([2.0, 2, null, false])
    );
    // Social worker and nurse, of the Comune's three and the ASST's nurse.
    let professions = figure(&spring, "EEMM_PROFESSIONS");
    assert_eq!(professions[1], 2);
    assert_eq!(professions[2], 4);
    assert_eq!(
        figure(&spring, "SAD_NEW_TAKINGS_IN_CHARGE"),
        json!([0.0, 0, null, false])
    );

    // Everything: the other Ambito's SAD and team too.
    let all = read(
        admin,
        json!({ "codes": ["SAD_INTERVENTIONS", "ACTIVE_TEAMS"], "from": "2026-01-01", "to": "2026-03-31" }),
    )
    .await;
    assert_eq!(
        figure(&all, "SAD_INTERVENTIONS"),
        json!([6.0, 6, null, false])
    );
    assert_eq!(figure(&all, "ACTIVE_TEAMS"), json!([2.0, 2, null, false]));
}
