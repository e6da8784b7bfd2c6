//! Two years of activity (the previous calendar year and the current one up
//! to yesterday) in both Ambiti, so that every indicator Ponte computes has
//! something to count in every quarter: protected discharges home and to an
//! RSA with their waits, some cancelled, the UVM assessments they rest on,
//! and the PAI a discharge home with services opens, carried to its closure
//! with first and last life-area scores.
//!
//! Every step goes through its use case, as the person who takes it, with a
//! clock that reads the day it happened: the protocol's and the project's
//! rules hold as they would have then, and what is dated (a report, a plan,
//! a closure) carries that day. The days are relative to today, so the demo
//! never goes stale; the rest is fixed, so two runs on the same day agree.

use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate};
use entity::{discharge, notification, referral, user};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use tokio::task::JoinSet;
use uuid::Uuid;

use super::catalogue::{PAST_MEN, PAST_WOMEN, PLACES, STREETS, SURNAMES};
use super::discharges::inpatient;
use super::{
    answers, demo_user, missing, organization_id, person_known, seed_caller_on, DemoTeams,
    Residences, BARTHEL_ITEMS, BARTHEL_PROFILES,
};
use crate::clock::today;
use crate::config::Config;
use crate::domain::fiscal_code::encode;
use crate::domain::indicators::periods;
use crate::domain::money::Fixed2;
use crate::domain::vocabulary::{
    AssessmentReason, AssessmentSetting, CancelReason, CareSetting, ConsentMethod, DischargeNeed,
    FundingSource, GoalStatus, IndicatorBreakdown, Instrument, LifeArea, NeedLevel, Profession,
    ProjectStatus, ProviderKind, Rater, ResourceKind, ResourceUnit, ServiceKind, Sex,
};
use crate::error::{AppError, AppResult};
use crate::services::assessments::{self, AssessmentContent, AssessmentOf, InstrumentAnswers};
use crate::services::at_version::AtVersion;
use crate::services::budget::{self, ResourceDraft};
use crate::services::discharges::{
    self, Cancellation, DischargeChanges, DischargeOutcome, DischargePlan, NewDischarge, Patient,
};
use crate::services::integrated_pai::{self, Cosignature};
use crate::services::persons::PersonDraft;
use crate::services::project_plan::{self, GoalChanges, GoalDraft, InterventionDraft};
use crate::services::project_reviews::{self, AreaScore};
use crate::services::projects::{self, ClosingOutcomes, Consent, Transition};
use crate::services::{notifications, referrals};

/// How a discharge of the history ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Course {
    /// Home with SAD (and ADI): the plan rests on a joint assessment with
    /// the Comune's social worker, and the discharge opens a PAI.
    HomeWithServices,
    /// Recovered, home without services: no plan needed.
    Home,
    /// An RSA place: assessed in the ward by the hospital's social worker
    /// and the nurse, the ASST alone.
    Rsa,
    /// Cancelled by the ward before any assessment.
    Cancelled,
}

/// The discharges each Ambito reports in a quarter, in order: enough of
/// each kind for a REPORTER to see every figure (five or more).
const QUARTER: [Course; 14] = [
    Course::HomeWithServices,
    Course::HomeWithServices,
    Course::HomeWithServices,
    Course::HomeWithServices,
    Course::HomeWithServices,
    Course::HomeWithServices,
    Course::Home,
    Course::Home,
    Course::Rsa,
    Course::Rsa,
    Course::Rsa,
    Course::Rsa,
    Course::Rsa,
    Course::Cancelled,
];

/// The slot of `QUARTER` whose patient lives in the small Comune, every
/// other quarter in Valle Camonica.
const SMALL_COMUNE_SLOT: usize = 6;

/// The PUA of an Ambito's Casa di Comunità and its social worker, of a
/// Comune: she takes the reports in charge, sits in the UVM for a return
/// home, agrees the plans and runs the PAIs.
struct Desk {
    pua: Uuid,
    social_worker: user::Model,
}

/// Who takes the steps, and where.
struct Actors {
    ward: user::Model,
    hospital_social_worker: user::Model,
    nurse: user::Model,
    hospital: Uuid,
    /// The health side that co-signs an integrated PAI.
    asst: Uuid,
    uvm: Uuid,
    url: url::Url,
    /// Valle Camonica's, the Sebino's.
    desks: [Desk; 2],
}

impl Actors {
    fn desk(&self, case: &Case) -> AppResult<&Desk> {
        self.desks
            .get(case.ambito)
            .ok_or_else(|| missing("the Ambito's PUA"))
    }
}

/// One discharge of the history: its patient's number (which makes the
/// identity), its slot in the quarter, its Comune and its days.
struct Case {
    number: usize,
    /// 0 for Valle Camonica, 1 for the Sebino.
    ambito: usize,
    slot: usize,
    course: Course,
    comune: (Uuid, &'static str),
    admitted: NaiveDate,
    /// Days from clinically dischargeable to discharged.
    wait: u64,
}

/// The patient's identity, the same on every run: the birth dates differ,
/// so the codici fiscali do.
fn patient(case: &Case) -> AppResult<PersonDraft> {
    let n = case.number;
    let woman = n.is_multiple_of(2);
    let given = if woman {
        PAST_WOMEN[n / 2 % PAST_WOMEN.len()]
    } else {
        PAST_MEN[n / 2 % PAST_MEN.len()]
    };
    let family = SURNAMES[(n * 7 + n / SURNAMES.len()) % SURNAMES.len()];
    let (place, belfiore) = PLACES[n % PLACES.len()];
    let first = NaiveDate::from_ymd_opt(1928, 3, 1).ok_or_else(|| missing("birth date"))?;
    let birth_date = first + Days::new(29 * n as u64);
    let sex = if woman { Sex::F } else { Sex::M };
    let code = encode(
        family,
        given,
        birth_date.year(),
        birth_date.month(),
        birth_date.day(),
        sex,
        belfiore,
    )
    .ok_or_else(|| missing("codice fiscale"))?;
    let (comune, town) = case.comune;
    let address = format!("{} {}, {town}", STREETS[n % STREETS.len()], 1 + n % 60);
    Ok(inpatient(
        (given, family),
        birth_date,
        sex,
        code.as_str(),
        place,
        (address, comune),
    ))
}

/// Writes the history once: nothing when its first patient is there already.
/// Returns the discharges reported (one new person each).
pub async fn seed_history(
    db: &DatabaseConnection,
    config: &Config,
    teams: &DemoTeams,
    residences: &Residences,
) -> AppResult<usize> {
    let today = today();
    let quarters = cases(today, residences)?;
    let Some(first) = quarters.first().and_then(|cases| cases.first()) else {
        return Ok(0);
    };
    let first_code = patient(first)?.fiscal_code.unwrap_or_default();
    if person_known(db, &first_code).await? {
        return Ok(0);
    }
    let desk = |pua: Uuid, email: &'static str| async move {
        Ok::<_, AppError>(Desk {
            pua,
            social_worker: demo_user(db, email).await?,
        })
    };
    let actors = Actors {
        // The hospital's discharge office reported the past years: the ward's
        // own account keeps today's reports on its home page.
        ward: demo_user(db, "dimissioni.ospedale@ponte.demo").await?,
        hospital_social_worker: demo_user(db, "assistente.sociale.ospedale@ponte.demo").await?,
        nurse: demo_user(db, "infermiere@ponte.demo").await?,
        hospital: organization_id(db, "Ospedale di Esine").await?,
        asst: organization_id(db, "ASST della Valcamonica").await?,
        uvm: teams.uvm,
        url: config.public_url.clone(),
        desks: [
            desk(teams.past_puas[0], "assistente.sociale.darfo@ponte.demo").await?,
            desk(teams.past_puas[1], "assistente.sociale.iseo@ponte.demo").await?,
        ],
    };
    // The quarters run side by side (each is its own persons, discharges
    // and projects): PostgreSQL takes them at once, SQLite's one
    // connection in turns, and the demo is ready sooner on both.
    let actors = Arc::new(actors);
    let mut running = JoinSet::new();
    let mut reported = 0;
    for cases in quarters {
        reported += cases.len();
        let (db, actors) = (db.clone(), actors.clone());
        running.spawn(async move {
            for case in &cases {
                follow(&db, &actors, case, today).await?;
            }
            AppResult::Ok(())
        });
    }
    while let Some(done) = running.join_next().await {
        done.map_err(AppError::internal)??;
    }
    read_the_news(db, today).await?;
    Ok(reported)
}

/// The teams read the past years' notifications as they came: by yesterday
/// every one of them is read, and the demo's today's news stand out.
async fn read_the_news(db: &DatabaseConnection, today: NaiveDate) -> AppResult<()> {
    let Some(yesterday) = today.pred_opt() else {
        return Ok(());
    };
    let readers: Vec<Uuid> = notification::Entity::find()
        .select_only()
        .column(notification::Column::UserId)
        .filter(notification::Column::ReadAt.is_null())
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    for id in readers {
        if let Some(reader) = user::Entity::find_by_id(id).one(db).await? {
            notifications::mark_all_read(db, &seed_caller_on(&reader, yesterday)?).await?;
        }
    }
    Ok(())
}

/// Every discharge of the two years: per Ambito and quarter, the slots of
/// `QUARTER`, admitted three days apart from the quarter's second day, so
/// that each is reported, assessed, discharged and its PAI closed within
/// its quarter.
fn cases(today: NaiveDate, residences: &Residences) -> AppResult<Vec<Vec<Case>>> {
    let from = NaiveDate::from_ymd_opt(today.year() - 1, 1, 1).ok_or_else(|| missing("year"))?;
    let Some(yesterday) = today.pred_opt() else {
        return Ok(Vec::new());
    };
    let quarters = periods(from, yesterday, IndicatorBreakdown::Quarter);
    let mut all = Vec::new();
    for ambito in 0..2 {
        for (q, (start, _)) in quarters.iter().enumerate() {
            let mut cases = Vec::with_capacity(QUARTER.len());
            for (slot, course) in QUARTER.iter().enumerate() {
                // Two years hold at most eight quarters.
                let number = (ambito * 8 + q) * QUARTER.len() + slot;
                let comune = if ambito == 0 && slot == SMALL_COMUNE_SLOT && q % 2 == 1 {
                    residences.small
                } else {
                    // `nth` alternates the Ambiti by parity.
                    residences.nth(2 * (slot + q) + ambito)
                };
                let wait = match course {
                    Course::Rsa => 6 + (3 * slot + q + 2 * ambito) as u64 % 15,
                    _ => 1 + (slot + q + ambito) as u64 % 7,
                };
                cases.push(Case {
                    number,
                    ambito,
                    slot,
                    course: *course,
                    comune,
                    admitted: *start + Days::new(1 + 3 * slot as u64),
                    wait,
                });
            }
            all.push(cases);
        }
    }
    Ok(all)
}

/// Takes one discharge as far as the days up to yesterday allow: in the
/// current quarter some stay open, reported or waiting for their plan.
async fn follow(
    db: &DatabaseConnection,
    actors: &Actors,
    case: &Case,
    today: NaiveDate,
) -> AppResult<()> {
    let desk = actors.desk(case)?;
    let admitted = case.admitted;
    let day = |after: u64| admitted + Days::new(after);
    let past = |d: NaiveDate| d < today;
    if !past(day(1)) {
        return Ok(());
    }
    let url = &actors.url;
    let ward = seed_caller_on(&actors.ward, day(1))?;
    let reported = discharges::report_discharge(
        db,
        &ward,
        url,
        NewDischarge {
            patient: Patient::Identity(Box::new(patient(case)?)),
            hospital_id: actors.hospital,
            ward: ["Medicina generale", "Geriatria", "Ortopedia"][case.slot % 3].into(),
            admitted_on: admitted,
            expected_on: day(10),
            team_id: desk.pua,
            needs: Some("Non autosufficiente dopo il ricovero; da valutare il rientro".into()),
            notes: None,
        },
    )
    .await?;
    let id = reported.id;
    let mut version = reported.version;
    let team_on = |d: NaiveDate| seed_caller_on(&desk.social_worker, d);

    // The report is a referral to the PUA: taken in charge, or closed when
    // the ward cancels.
    let referral = referral::Entity::find()
        .filter(referral::Column::PersonId.eq(reported.person_id))
        .filter(referral::Column::TeamId.eq(desk.pua))
        .one(db)
        .await?
        .map(|r| r.id)
        .ok_or_else(|| missing("the report's referral"))?;

    if case.course == Course::Cancelled {
        if past(day(3)) {
            // Every other quarter a death, else a refusal.
            let (reason, note) = if (case.number / QUARTER.len()).is_multiple_of(2) {
                (CancelReason::Death, "Decesso in reparto")
            } else {
                (CancelReason::Refused, "La famiglia rinuncia al percorso")
            };
            let ward = seed_caller_on(&actors.ward, day(3))?;
            let cancellation = AtVersion::new(id, version).with(Cancellation {
                reason,
                note: Some(note.into()),
            });
            discharges::cancel(db, &ward, url, cancellation).await?;
            referrals::close_referral(db, &team_on(day(3))?, referral, note).await?;
        }
        return Ok(());
    }
    if !past(day(2)) {
        return Ok(());
    }
    referrals::accept_referral(db, &team_on(day(2))?, referral).await?;
    if case.course == Course::Home {
        // Recovered: clinically dischargeable two days in, home without a plan.
        let dischargeable = day(2);
        let discharged = dischargeable + Days::new(case.wait);
        if !past(discharged) {
            return Ok(());
        }
        let team = team_on(dischargeable)?;
        let ready = AtVersion::new(id, version).with(dischargeable);
        version = discharges::mark_dischargeable(db, &team, ready)
            .await?
            .version;
        complete(db, actors, desk, id, version, discharged, CareSetting::Home).await?;
        return Ok(());
    }

    let scheduled = AtVersion::new(id, version).with(DischargeChanges {
        assessment_scheduled_on: Some(day(3)),
        ..DischargeChanges::default()
    });
    version = discharges::update_discharge(db, &team_on(day(2))?, url, scheduled)
        .await?
        .version;
    if !past(day(4)) {
        return Ok(());
    }
    let (destination, needs) = match (case.course, case.slot % 2) {
        (Course::Rsa, _) => (CareSetting::Rsa, vec![DischargeNeed::Rsa]),
        (_, 0) => (
            CareSetting::HomeWithSadAndAdi,
            vec![DischargeNeed::Sad, DischargeNeed::Adi],
        ),
        _ => (CareSetting::HomeWithSad, vec![DischargeNeed::Sad]),
    };
    // The UVM in the ward: the Comune's social worker and the nurse for a
    // return home (a joint assessment); the hospital's social worker and
    // the nurse for an RSA (the ASST alone).
    let social = if case.course == Course::Rsa {
        &actors.hospital_social_worker
    } else {
        &desk.social_worker
    };
    let team = team_on(day(3))?;
    let assessed = assessments::record_assessment(
        db,
        &team,
        AssessmentOf {
            person_id: reported.person_id,
            team_id: actors.uvm,
            project_id: None,
            discharge_id: Some(id),
        },
        AssessmentContent {
            date: day(3),
            setting: AssessmentSetting::Ospedale,
            reason: AssessmentReason::ProtectedDischarge,
            participant_ids: vec![social.id, actors.nurse.id],
            instruments: vec![InstrumentAnswers {
                instrument: Instrument::Barthel,
                answers: answers(&BARTHEL_ITEMS, &BARTHEL_PROFILES[case.slot % 3]),
                education: None,
            }],
            social_domains: vec![],
            // Not self-sufficient after the stay, whether home or to an RSA:
            // the complex conditions the UVM takes in charge (seed 001 §8).
            need_level: NeedLevel::High,
            recommended_setting: destination,
            notes: Some("Valutazione UVM in reparto".into()),
        },
    )
    .await?;
    // A participant signs: the social worker the return home she took part
    // in, the nurse the RSA's (the UVM she sits in holds the person once it
    // has assessed them).
    let signer = if case.course == Course::Rsa {
        seed_caller_on(&actors.nurse, day(3))?
    } else {
        team
    };
    assessments::sign_assessment(db, &signer, assessed.id).await?;
    let dischargeable = day(4);
    let team = team_on(dischargeable)?;
    let ready = AtVersion::new(id, version).with(dischargeable);
    version = discharges::mark_dischargeable(db, &team, ready)
        .await?
        .version;
    let plan = AtVersion::new(id, version).with(DischargePlan {
        destination,
        needs,
        note: Some(
            if case.course == Course::Rsa {
                "Posto in RSA; la famiglia ha scelto la struttura"
            } else {
                "Rientro a casa con assistenza domiciliare"
            }
            .into(),
        ),
        assessment_id: Some(assessed.id),
    });
    version = discharges::agree_plan(db, &team, plan).await?.version;
    let discharged = dischargeable + Days::new(case.wait);
    if !past(discharged) {
        return Ok(());
    }
    let done = complete(db, actors, desk, id, version, discharged, destination).await?;
    if let Some(project_id) = done.project_id {
        carry_pai(db, actors, case, project_id, discharged, today).await?;
    }
    Ok(())
}

/// The receiving team records the patient discharged on `discharged`.
async fn complete(
    db: &DatabaseConnection,
    actors: &Actors,
    desk: &Desk,
    id: Uuid,
    version: i32,
    discharged: NaiveDate,
    destination: CareSetting,
) -> AppResult<discharge::Model> {
    let outcome = AtVersion::new(id, version).with(DischargeOutcome {
        discharged_on: discharged,
        destination,
        project_id: None,
        case_manager_id: None,
    });
    discharges::complete(
        db,
        &seed_caller_on(&desk.social_worker, discharged)?,
        &actors.url,
        outcome,
    )
    .await
}

/// The PAI a discharge home opened, run by the PUA's social worker: two
/// goals, the Comune's SAD voucher as its Budget di Salute (all but one in
/// six), the team's and the person's first scores the day after, active
/// three days in, closed forty days in with the last scores. In each life
/// area one PAI in six ends no better than it began.
async fn carry_pai(
    db: &DatabaseConnection,
    actors: &Actors,
    case: &Case,
    project_id: Uuid,
    discharged: NaiveDate,
    today: NaiveDate,
) -> AppResult<()> {
    let day = |after: u64| discharged + Days::new(after);
    if day(3) >= today {
        return Ok(());
    }
    let social_worker = &actors.desk(case)?.social_worker;
    let caller = seed_caller_on(social_worker, day(1))?;
    let goals = [
        (
            LifeArea::HealthWellbeing,
            "Recuperare l'autonomia nella cura di sé",
        ),
        (LifeArea::Housing, "Restare a casa in sicurezza"),
    ];
    let mut goal_ids = Vec::with_capacity(goals.len());
    for (area, description) in goals {
        let goal = project_plan::add_goal(
            db,
            &caller,
            project_id,
            GoalDraft {
                life_area: area,
                description: description.into(),
                target_date: Some(day(40)),
                indicator: None,
            },
        )
        .await?;
        goal_ids.push(goal.id);
    }
    let (comune, _) = case.comune;
    // The SAD the discharge asked for, from the day after, as long as the PAI.
    project_plan::add_intervention(
        db,
        &caller,
        project_id,
        InterventionDraft {
            goal_id: goal_ids.first().copied(),
            life_area: LifeArea::HealthWellbeing,
            service_kind: ServiceKind::Sad,
            provider_id: Some(comune),
            frequency: "3 accessi a settimana".into(),
            start_date: day(1),
            end_date: Some(day(40)),
        },
    )
    .await?;
    let mut spent = Vec::new();
    if case.slot % 6 != 5 {
        let voucher = budget::add_resource(
            db,
            &caller,
            project_id,
            ResourceDraft {
                life_area: LifeArea::Housing,
                kind: ResourceKind::Economic,
                provider_kind: ProviderKind::Organization,
                provider_id: Some(comune),
                funding_source: FundingSource::FnaB1,
                description: "Voucher SAD dopo la dimissione".into(),
                profession: None,
                unit: ResourceUnit::Eur,
                planned: Fixed2(60_000),
                period_start: day(1),
                period_end: Some(day(40)),
            },
        )
        .await?;
        let nursing = budget::add_resource(
            db,
            &caller,
            project_id,
            ResourceDraft {
                life_area: LifeArea::HealthWellbeing,
                kind: ResourceKind::Professional,
                provider_kind: ProviderKind::Organization,
                provider_id: Some(actors.asst),
                funding_source: FundingSource::FondoSanitario,
                description: "Infermiere di famiglia a domicilio".into(),
                profession: Some(Profession::InfermiereDiFamiglia),
                unit: ResourceUnit::Hours,
                planned: Fixed2(2_000),
                period_start: day(1),
                period_end: Some(day(40)),
            },
        )
        .await?;
        // Used by the twentieth day: part of the voucher, most of the hours.
        spent = vec![
            (voucher.id, Fixed2(30_000 + 2_500 * case.slot as i64)),
            (nursing.id, Fixed2(1_200 + 100 * case.slot as i64)),
        ];
        budget::agree_budget(
            db,
            &caller,
            project_id,
            ProviderKind::Organization,
            Some(comune),
            "",
            day(1),
        )
        .await?;
    }
    // The team's and the person's own first scores: the person scores their
    // situation too, and is asked again at the end.
    let first = |k: usize| 1 + ((case.slot + k) % 3) as i32;
    for rater in [Rater::Team, Rater::Person] {
        project_reviews::record_life_area_scores(
            db,
            &caller,
            project_id,
            day(1),
            rater,
            LifeArea::ALL
                .iter()
                .enumerate()
                .map(|(k, area)| AreaScore {
                    life_area: *area,
                    score: first(k),
                    note: None,
                })
                .collect(),
        )
        .await?;
    }

    let caller = seed_caller_on(social_worker, day(3))?;
    let mut current = projects::get_project(db, &caller, project_id).await?;
    // All but one in six is an integrated PAI, signed by the ASST and the
    // Comune before it delivers.
    if case.slot % 6 != 5 {
        let integrated = AtVersion::new(project_id, current.version).with(true);
        integrated_pai::set_integrated(db, &caller, integrated).await?;
        for (organization_id, signatory) in [
            (actors.asst, "Direttore del Distretto"),
            (comune, "Responsabile dei servizi sociali"),
        ] {
            current = integrated_pai::cosign(
                db,
                &caller,
                project_id,
                Cosignature {
                    organization_id,
                    signed_on: day(3),
                    signatory: Some(signatory.into()),
                },
            )
            .await?;
        }
    }
    let consent = AtVersion::new(project_id, current.version).with(Consent {
        date: day(3),
        method: ConsentMethod::SignedPaper,
        witness: None,
        family_cosignature: None,
    });
    let mut version = projects::record_consent(db, &caller, consent)
        .await?
        .version;
    for step in [
        ProjectStatus::Assessment,
        ProjectStatus::Planning,
        ProjectStatus::Active,
    ] {
        let transition = AtVersion::new(project_id, version).with(Transition::to(step));
        version = projects::transition_project(db, &caller, transition)
            .await?
            .version;
    }
    if day(20) >= today {
        return Ok(());
    }
    let caller = seed_caller_on(social_worker, day(20))?;
    for (resource_id, quantity) in spent {
        budget::record_use(db, &caller, resource_id, day(20), quantity, None).await?;
    }
    if day(40) >= today {
        return Ok(());
    }
    let caller = seed_caller_on(social_worker, day(40))?;
    for (k, goal_id) in goal_ids.iter().enumerate() {
        project_plan::update_goal(
            db,
            &caller,
            *goal_id,
            GoalChanges {
                status: Some(if k == 0 {
                    GoalStatus::Achieved
                } else {
                    GoalStatus::PartlyAchieved
                }),
                outcome_note: Some("Verificato alla chiusura".into()),
                ..GoalChanges::default()
            },
        )
        .await?;
    }
    let mut last = Vec::with_capacity(2 * LifeArea::ALL.len());
    for rater in [Rater::Team, Rater::Person] {
        for (k, area) in LifeArea::ALL.iter().enumerate() {
            let same = (case.slot + k + case.number / QUARTER.len()).is_multiple_of(6);
            last.push((
                rater,
                AreaScore {
                    life_area: *area,
                    score: first(k) + i32::from(!same),
                    note: (rater == Rater::Person)
                        .then(|| "Valutazione della persona alla chiusura".into()),
                },
            ));
        }
    }
    let current = projects::get_project(db, &caller, project_id).await?;
    let closure = AtVersion::new(project_id, current.version).with(Transition {
        to: ProjectStatus::Closed,
        reason: Some("Rientro a domicilio stabilizzato: prosegue il SAD ordinario".into()),
        closing_outcomes: ClosingOutcomes::scores(last),
    });
    projects::transition_project(db, &caller, closure).await?;
    Ok(())
}
