//! `ponte seed-scale`: a fictional ASST at full size, to measure Ponte where
//! it will run. Per 100,000 persons (the ratios scale with `--persons`):
//!
//! | rows | per person | at 100,000 |
//! | --- | --- | --- |
//! | teams (each responsible for an eighth of the persons) | — | 8 |
//! | operators (5 per team, one more in two teams: `bench@scala.test`) | — | 41 |
//! | referrals (accepted: the responsibility) | 1 | 100,000 |
//! | projects, with 3 goals and 3 budget lines each | 0.2 | 20,000 |
//! | budget uses (5 per line) | 3 | 300,000 |
//! | assessments, signed, one Barthel result each | 2 | 200,000 |
//! | protected discharges | 0.1 | 10,000 |
//!
//! Everything is written in one transaction, in multi-row inserts, so a
//! failed run leaves the database as it was, then the tables are analyzed.
//! It refuses a database that already holds persons. The same `--seed` gives
//! the same data.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use entity::{
    assessment, assessment_result, budget_resource, budget_use, organization, person, project,
    project_goal, referral, team, team_membership,
};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set,
    TransactionTrait,
};
use uuid::Uuid;

use super::catalogue::{MEN, PLACES, SURNAMES, WOMEN};
use crate::auth::password;
use crate::domain::fiscal_code::encode;
use crate::domain::instruments;
use crate::domain::search_text;
use crate::domain::vocabulary::{
    AssessmentReason, AssessmentSetting, BudgetAgreementStatus, CareSetting, ConsentMethod,
    DischargeStatus, FiscalCodeMissingReason, FundingSource, GoalStatus, Instrument, LifeArea,
    NeedLevel, OrganizationKind, Profession, ProjectKind, ProjectStatus, ProviderKind,
    ReferralSource, ReferralStatus, ResourceKind, ResourceUnit, Role, Sex, TeamKind, TeamRole,
    Urgency,
};
use crate::error::{AppError, AppResult};
use crate::services::discharges::{self, NewDischarge, Patient, TypedIdentity};
use crate::services::users;

/// The password of every user of the scale data set (never a real system).
pub const SCALE_PASSWORD: &str = "scala-di-prova-2026";
/// The operator in two teams the benchmark signs in as.
pub const BENCH_USER: &str = "bench@scala.test";
pub const TEAMS: usize = 8;
const OPERATORS_PER_TEAM: usize = 5;
/// Rows per INSERT: well under SQLite's 32,766 bound variables and
/// PostgreSQL's 65,535 for the widest table here (discharges, 33 columns).
const BATCH: usize = 500;

#[derive(Debug, Clone, Copy)]
pub struct ScaleOptions {
    pub persons: usize,
    pub seed: u64,
}

/// What was written, for the command's last line and for tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScaleReport {
    pub persons: usize,
    pub referrals: usize,
    pub projects: usize,
    pub goals: usize,
    pub budget_lines: usize,
    pub budget_uses: usize,
    pub assessments: usize,
    pub discharges: usize,
    pub users: usize,
}

impl std::fmt::Display for ScaleReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} persons, {} referrals, {} projects ({} goals, {} budget lines, {} uses), \
             {} assessments, {} discharges, {} users; sign in as {BENCH_USER} / {SCALE_PASSWORD}",
            self.persons,
            self.referrals,
            self.projects,
            self.goals,
            self.budget_lines,
            self.budget_uses,
            self.assessments,
            self.discharges,
            self.users
        )
    }
}

/// Told of each batch written, with the rows written so far and the total.
pub trait Progress {
    fn advance(&self, done: u64, total: u64);
}

impl Progress for () {
    fn advance(&self, _done: u64, _total: u64) {}
}

/// The day the data set is "now": fixed, so the same seed gives the same rows.
fn base_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default()
}

fn instant(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(9, 0, 0).unwrap_or_default())
}

fn uuid(rng: &mut StdRng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid()
}

fn pick<'a, T>(rng: &mut StdRng, from: &'a [T]) -> &'a T {
    &from[rng.random_range(0..from.len())]
}

/// Inserts `rows` in multi-row statements, telling `progress`.
async fn insert_all<A, C>(
    conn: &C,
    rows: Vec<A>,
    done: &mut u64,
    total: u64,
    progress: &impl Progress,
) -> AppResult<()>
where
    A: ActiveModelTrait + Send,
    <A::Entity as EntityTrait>::Model: sea_orm::IntoActiveModel<A>,
    C: ConnectionTrait,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<A> = rows.by_ref().take(BATCH).collect();
        let n = batch.len() as u64;
        <A::Entity as EntityTrait>::insert_many(batch)
            .exec_without_returning(conn)
            .await?;
        *done += n;
        progress.advance(*done, total);
    }
    Ok(())
}

/// Writes the data set; see the module documentation for what and how much.
pub async fn seed_scale(
    db: &DatabaseConnection,
    options: ScaleOptions,
    progress: &impl Progress,
) -> AppResult<ScaleReport> {
    if options.persons == 0 {
        return Err(AppError::validation("persons", "Indica almeno una persona"));
    }
    if person::Entity::find().count(db).await? > 0 {
        return Err(AppError::validation(
            "database",
            "Il database contiene già delle persone: seed-scale scrive solo in un database vuoto",
        ));
    }
    let phc = password::hash(SCALE_PASSWORD.to_owned()).await?;
    let mut rng = StdRng::seed_from_u64(options.seed);
    let n = options.persons;
    let projects_n = n / 5;
    let discharges_n = n / 10;
    let total = (n * 2 + projects_n * (3 + 3 + 15 + 1) + n * 2 * 2 + discharges_n) as u64;
    let mut done = 0u64;
    let today = base_day();
    let created = instant(today);

    let txn = db.begin().await?;
    let asst = Uuid::now_v7();
    let hospital = Uuid::now_v7();
    for (id, name, kind) in [
        (asst, "ASST della Scala", OrganizationKind::Asst),
        (hospital, "Ospedale della Scala", OrganizationKind::Ospedale),
    ] {
        organization::ActiveModel {
            id: Set(id),
            name: Set(name.to_owned()),
            kind: Set(kind),
            fiscal_code: Set(None),
            created_at: Set(created),
            parent_id: Set(None),
        }
        .insert(&txn)
        .await?;
    }

    let team_kinds = [
        TeamKind::Pua,
        TeamKind::Uvm,
        TeamKind::EquipeMultidisciplinare,
        TeamKind::Servizio,
    ];
    let teams: Vec<Uuid> = (0..TEAMS).map(|_| uuid(&mut rng)).collect();
    let team_rows = teams
        .iter()
        .enumerate()
        .map(|(i, id)| team::ActiveModel {
            id: Set(*id),
            name: Set(format!("Équipe territoriale {}", i + 1)),
            kind: Set(team_kinds[i % team_kinds.len()]),
            organization_id: Set(asst),
            created_at: Set(created),
        })
        .collect();
    insert_all(&txn, team_rows, &mut done, total, progress).await?;

    let mut users = Vec::new();
    let mut memberships = Vec::new();
    let user_row = |id: Uuid, email: String, name: String, role: Role, org: Uuid| {
        users::new_account_row(
            id,
            users::AccountRow {
                email,
                display_name: name,
                password_hash: phc.clone(),
                role,
                profession: Profession::AssistenteSociale,
                organization_id: Some(org),
            },
            created,
        )
    };
    let membership = |team_id: Uuid, user_id: Uuid, role: TeamRole, rng: &mut StdRng| {
        team_membership::ActiveModel {
            id: Set(uuid(rng)),
            team_id: Set(team_id),
            user_id: Set(user_id),
            team_role: Set(role),
            started_on: Set(today - Duration::days(720)),
            ended_on: Set(None),
            created_at: Set(created),
        }
    };
    // Operators of each team; the first one coordinates it.
    let mut operators: Vec<Vec<Uuid>> = Vec::with_capacity(TEAMS);
    for (t, team_id) in teams.iter().enumerate() {
        let mut of_team = Vec::with_capacity(OPERATORS_PER_TEAM);
        for k in 0..OPERATORS_PER_TEAM {
            let id = uuid(&mut rng);
            users.push(user_row(
                id,
                format!("operatore.{}.{}@scala.test", t + 1, k + 1),
                format!("Operatore {}.{}", t + 1, k + 1),
                Role::Operator,
                asst,
            ));
            let role = if k == 0 {
                TeamRole::Coordinator
            } else {
                TeamRole::Member
            };
            memberships.push(membership(*team_id, id, role, &mut rng));
            of_team.push(id);
        }
        operators.push(of_team);
    }
    let bench = uuid(&mut rng);
    users.push(user_row(
        bench,
        BENCH_USER.to_owned(),
        "Operatrice del banco di prova".to_owned(),
        Role::Operator,
        asst,
    ));
    for team_id in teams.iter().take(2) {
        memberships.push(membership(*team_id, bench, TeamRole::Member, &mut rng));
    }
    let ward_nurse = uuid(&mut rng);
    users.push(user_row(
        ward_nurse,
        "reparto@scala.test".to_owned(),
        "Infermiera di reparto".to_owned(),
        Role::Operator,
        hospital,
    ));
    let users_n = users.len();
    insert_all(&txn, users, &mut done, total, progress).await?;
    insert_all(&txn, memberships, &mut done, total, progress).await?;

    // Persons, each in the care of one team (person i: team i mod 8).
    let mut codes = std::collections::HashSet::new();
    let mut persons = Vec::with_capacity(n);
    let mut person_ids = Vec::with_capacity(n);
    let mut births = Vec::with_capacity(n);
    for _ in 0..n {
        let sex = if rng.random_bool(0.55) {
            Sex::F
        } else {
            Sex::M
        };
        let given = *pick(&mut rng, if sex == Sex::F { WOMEN } else { MEN });
        let family = *pick(&mut rng, SURNAMES);
        let birth = NaiveDate::from_ymd_opt(
            rng.random_range(1925..2015),
            rng.random_range(1..=12),
            rng.random_range(1..=28),
        )
        .unwrap_or(today);
        let (_, place) = *pick(&mut rng, PLACES);
        use chrono::Datelike;
        let code = encode(
            family,
            given,
            birth.year(),
            birth.month(),
            birth.day(),
            sex,
            place,
        )
        .map(|c| c.as_str().to_owned())
        .filter(|c| codes.insert(c.clone()));
        let missing = code
            .is_none()
            .then_some(FiscalCodeMissingReason::NotAssigned);
        births.push((given, family, birth, sex));
        let id = uuid(&mut rng);
        person_ids.push(id);
        persons.push(person::ActiveModel {
            id: Set(id),
            version: Set(1),
            fiscal_code: Set(code),
            fiscal_code_missing_reason: Set(missing),
            alternative_code: Set(None),
            given_name: Set(given.to_owned()),
            family_name: Set(family.to_owned()),
            search_name: Set(format!(" {}", search_text::name_tokens(given, family))),
            birth_date: Set(birth),
            birth_place: Set(None),
            sex: Set(sex),
            residence: Set(Some("Via della Scala 1".to_owned())),
            homeless: Set(false),
            residence_comune_id: Set(None),
            domicile: Set(None),
            phone: Set(None),
            email: Set(None),
            language: Set(None),
            target_groups: Set("NON_AUTOSUFFICIENTE".to_owned()),
            created_by: Set(None),
            created_at: Set(created),
            updated_at: Set(created),
        });
    }
    insert_all(&txn, persons, &mut done, total, progress).await?;

    let team_of = |i: usize| teams[i % TEAMS];
    let operator_of = |i: usize, k: usize| operators[i % TEAMS][k % OPERATORS_PER_TEAM];
    let referrals: Vec<_> = (0..n)
        .map(|i| referral::ActiveModel {
            id: Set(uuid(&mut rng)),
            person_id: Set(person_ids[i]),
            team_id: Set(team_of(i)),
            source: Set(ReferralSource::Service),
            reason: Set("Presa in carico territoriale".to_owned()),
            urgency: Set(Urgency::Ordinary),
            status: Set(ReferralStatus::Accepted),
            created_by: Set(Some(operator_of(i, 0))),
            created_at: Set(created - Duration::days(400)),
            accepted_by: Set(Some(operator_of(i, 0))),
            accepted_at: Set(Some(created - Duration::days(399))),
            closed_by: Set(None),
            closed_at: Set(None),
            outcome: Set(None),
        })
        .collect();
    insert_all(&txn, referrals, &mut done, total, progress).await?;

    // Projects: every fifth person.
    let statuses = [
        ProjectStatus::Active,
        ProjectStatus::Active,
        ProjectStatus::Review,
        ProjectStatus::Planning,
        ProjectStatus::Assessment,
    ];
    let mut projects = Vec::with_capacity(projects_n);
    let mut goals = Vec::with_capacity(projects_n * 3);
    let mut lines = Vec::with_capacity(projects_n * 3);
    let mut uses = Vec::with_capacity(projects_n * 15);
    for p in 0..projects_n {
        let i = p * 5;
        let id = uuid(&mut rng);
        let status = statuses[p % statuses.len()];
        let start = today - Duration::days(rng.random_range(30..700));
        let running = matches!(status, ProjectStatus::Active | ProjectStatus::Review);
        projects.push(project::ActiveModel {
            id: Set(id),
            version: Set(1),
            person_id: Set(person_ids[i]),
            kind: Set(if p % 3 == 0 {
                ProjectKind::Ptri
            } else {
                ProjectKind::Pai
            }),
            status: Set(status),
            team_id: Set(team_of(i)),
            case_manager_id: Set(operator_of(i, p)),
            title: Set(format!("Progetto di {}", births[i].0)),
            start_date: Set(start),
            review_every_days: Set(90),
            next_review_on: Set(today + Duration::days(rng.random_range(-60..120))),
            suspended_from: Set(None),
            consent_on: Set(running.then_some(start)),
            consent_method: Set(running.then_some(ConsentMethod::SignedPaper)),
            consent_witness: Set(None),
            consent_family_cosignature: Set(None),
            consent_recorded_by: Set(running.then(|| operator_of(i, p))),
            closure_reason: Set(None),
            closed_on: Set(None),
            budget_agreement: Set(BudgetAgreementStatus::None),
            integrated: Set(false),
            created_by: Set(operator_of(i, p)),
            created_at: Set(instant(start)),
            updated_at: Set(instant(start)),
        });
        for (g, area) in LifeArea::ALL.iter().take(3).enumerate() {
            goals.push(project_goal::ActiveModel {
                id: Set(uuid(&mut rng)),
                project_id: Set(id),
                life_area: Set(*area),
                description: Set(format!("Obiettivo {} del progetto", g + 1)),
                target_date: Set(Some(today + Duration::days(180))),
                indicator: Set(None),
                status: Set(GoalStatus::Open),
                outcome_note: Set(None),
                created_at: Set(instant(start)),
                updated_at: Set(instant(start)),
            });
        }
        for (l, area) in LifeArea::ALL.iter().take(3).enumerate() {
            let line = uuid(&mut rng);
            let euros = l % 2 == 0;
            lines.push(budget_resource::ActiveModel {
                id: Set(line),
                project_id: Set(id),
                version: Set(1),
                life_area: Set(*area),
                kind: Set(if euros {
                    ResourceKind::Economic
                } else {
                    ResourceKind::Professional
                }),
                provider_kind: Set(ProviderKind::Organization),
                provider_id: Set(Some(asst)),
                provider_name: Set("ASST della Scala".to_owned()),
                funding_source: Set(if euros {
                    FundingSource::Fna
                } else {
                    FundingSource::FondoSanitario
                }),
                description: Set(format!("Risorsa {}", l + 1)),
                profession: Set((!euros).then_some(Profession::Educatore)),
                unit: Set(if euros {
                    ResourceUnit::Eur
                } else {
                    ResourceUnit::Hours
                }),
                planned_hundredths: Set(rng.random_range(10_000..500_000)),
                period_start: Set(start),
                period_end: Set(None),
                created_at: Set(instant(start)),
                updated_at: Set(instant(start)),
            });
            for _ in 0..5 {
                let on = start + Duration::days(rng.random_range(0..30));
                uses.push(budget_use::ActiveModel {
                    id: Set(uuid(&mut rng)),
                    resource_id: Set(line),
                    used_on: Set(on.min(today)),
                    quantity_hundredths: Set(rng.random_range(100..20_000)),
                    note: Set(None),
                    recorded_by: Set(operator_of(i, p)),
                    reverses_id: Set(None),
                    reason: Set(None),
                    created_at: Set(instant(on.min(today))),
                });
            }
        }
    }
    let (goals_n, lines_n, uses_n) = (goals.len(), lines.len(), uses.len());
    insert_all(&txn, projects, &mut done, total, progress).await?;
    insert_all(&txn, goals, &mut done, total, progress).await?;
    insert_all(&txn, lines, &mut done, total, progress).await?;
    insert_all(&txn, uses, &mut done, total, progress).await?;

    // Two signed assessments per person, a Barthel result each.
    let barthel = instruments::definition(Instrument::Barthel);
    let mut assessments = Vec::with_capacity(n * 2);
    let mut results = Vec::with_capacity(n * 2);
    for (i, person_id) in person_ids.iter().enumerate() {
        for a in 0..2 {
            let id = uuid(&mut rng);
            let on = today - Duration::days(rng.random_range(1..700));
            assessments.push(assessment::ActiveModel {
                id: Set(id),
                person_id: Set(*person_id),
                team_id: Set(team_of(i)),
                project_id: Set(None),
                discharge_id: Set(None),
                assessed_on: Set(on),
                setting: Set(AssessmentSetting::Domicilio),
                reason: Set(if a == 0 {
                    AssessmentReason::FirstAssessment
                } else {
                    AssessmentReason::Reassessment
                }),
                need_level: Set(*pick(
                    &mut rng,
                    &[NeedLevel::Low, NeedLevel::Medium, NeedLevel::High],
                )),
                recommended_setting: Set(CareSetting::HomeWithSad),
                notes: Set(None),
                logged_by: Set(operator_of(i, a)),
                created_at: Set(instant(on)),
                version: Set(1),
                signed_at: Set(Some(instant(on))),
                signed_by: Set(Some(operator_of(i, a))),
                amends_id: Set(None),
                amendment_reason: Set(None),
            });
            let score = rng.random_range(0..=20) * 5;
            results.push(assessment_result::ActiveModel {
                id: Set(uuid(&mut rng)),
                assessment_id: Set(id),
                instrument: Set(Instrument::Barthel),
                score: Set(score),
                raw_errors: Set(None),
                band: Set(barthel
                    .band_for(score)
                    .map(|b| b.code.to_owned())
                    .unwrap_or_default()),
                education: Set(None),
                answers: Set("[]".to_owned()),
            });
        }
    }
    let assessments_n = assessments.len();
    insert_all(&txn, assessments, &mut done, total, progress).await?;
    insert_all(&txn, results, &mut done, total, progress).await?;

    // Protected discharges: every tenth person, most still open.
    let discharge_statuses = [
        DischargeStatus::Reported,
        DischargeStatus::AssessmentScheduled,
        DischargeStatus::PlanAgreed,
        DischargeStatus::Discharged,
    ];
    let discharges: Vec<_> = (0..discharges_n)
        .map(|d| {
            let i = d * 10 + 3;
            let i = i.min(n - 1);
            let (given, family, birth, sex) = births[i];
            let admitted = today - Duration::days(rng.random_range(1..40));
            // By eights, not one by one: the receiving team follows the
            // person (i % TEAMS), and each team must get every status (the
            // benchmark's board reads the REPORTED ones of its two teams).
            let status = discharge_statuses[(d / TEAMS) % discharge_statuses.len()];
            // The id first: the generator's draws stay in the order they had.
            let id = uuid(&mut rng);
            let report = NewDischarge {
                patient: Patient::Existing(person_ids[i]),
                hospital_id: hospital,
                ward: "Medicina generale".to_owned(),
                admitted_on: admitted,
                expected_on: admitted + Duration::days(rng.random_range(5..30)),
                team_id: team_of(i),
                needs: Some("Assistenza domiciliare".to_owned()),
                notes: None,
            };
            let typed = TypedIdentity {
                fiscal_code: None,
                given_name: given.to_owned(),
                family_name: family.to_owned(),
                birth_date: birth,
                sex,
            };
            let mut row = discharges::reported_row(
                person_ids[i],
                report,
                Some(ward_nurse),
                instant(admitted),
                typed,
            );
            row.id = Set(id);
            row.status = Set(status);
            row.discharged_on = Set((status == DischargeStatus::Discharged).then_some(today));
            row
        })
        .collect();
    insert_all(&txn, discharges, &mut done, total, progress).await?;
    txn.commit().await?;
    // Fresh statistics: without them PostgreSQL planned the need-to-know
    // subquery of a caseload page at 2.5 s instead of 0.2 s.
    db.execute_unprepared("ANALYZE").await?;

    Ok(ScaleReport {
        persons: n,
        referrals: n,
        projects: projects_n,
        goals: goals_n,
        budget_lines: lines_n,
        budget_uses: uses_n,
        assessments: assessments_n,
        discharges: discharges_n,
        users: users_n,
    })
}
