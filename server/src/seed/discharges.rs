//! Demo protected discharges in every status, reported by the hospital ward
//! to the PUA, with their notifications delivered (to `.eml` files when no
//! SMTP server is configured). The plans list structured needs and rest on a
//! signed UVM assessment; a discharge home with services opens its PAI.

use chrono::{Days, NaiveDate};
use entity::{discharge, organization};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{
    answers, demo_user, missing, person_known, seed_caller, DemoTeams, Residences, BARTHEL_ITEMS,
    BARTHEL_PROFILES,
};
use crate::caller::Caller;
use crate::clock::today;
use crate::config::Config;
use crate::domain::fiscal_code::encode;
use crate::domain::vocabulary::{
    AssessmentReason, AssessmentSetting, CancelReason, CareSetting, DischargeNeed, DischargeStatus,
    Instrument, NeedLevel, Sex, TargetGroup,
};
use crate::error::AppResult;
use crate::services::assessments::{self, AssessmentContent, AssessmentOf, InstrumentAnswers};
use crate::services::at_version::AtVersion;
use crate::services::discharges::{
    self, Cancellation, DischargeChanges, DischargeOutcome, DischargePlan, NewDischarge, Patient,
};
use crate::services::persons::PersonDraft;

/// (given, family, birth year, sex, target status)
const PATIENTS: &[(&str, &str, i32, Sex, DischargeStatus)] = &[
    (
        "Battista",
        "Zendrini",
        1934,
        Sex::M,
        DischargeStatus::Reported,
    ),
    (
        "Lucia",
        "Ghitti",
        1939,
        Sex::F,
        DischargeStatus::AssessmentScheduled,
    ),
    (
        "Angela",
        "Bertelli",
        1931,
        Sex::F,
        DischargeStatus::PlanAgreed,
    ),
    (
        "Pietro",
        "Cominardi",
        1942,
        Sex::M,
        DischargeStatus::Discharged,
    ),
    ("Teresa", "Moles", 1936, Sex::F, DischargeStatus::Discharged),
    (
        "Giovanni",
        "Ravelli",
        1929,
        Sex::M,
        DischargeStatus::Cancelled,
    ),
];

pub async fn seed_discharges(
    db: &DatabaseConnection,
    config: &Config,
    teams: &DemoTeams,
    residences: &Residences,
) -> AppResult<usize> {
    let ward = demo_user(db, "reparto@ponte.demo").await?;
    let social_worker = demo_user(db, "assistente.sociale@ponte.demo").await?;
    let hospital = organization::Entity::find()
        .filter(organization::Column::Name.eq("Ospedale di Esine"))
        .one(db)
        .await?
        .ok_or_else(|| missing("hospital"))?;
    let nurse = demo_user(db, "infermiere@ponte.demo").await?;
    let ward_caller = seed_caller(&ward)?;
    let team_caller = seed_caller(&social_worker)?;
    let url = &config.public_url;
    let parties = Parties {
        ward: &ward_caller,
        team: &team_caller,
        url,
        uvm: teams.uvm,
        assessors: [social_worker.id, nurse.id],
    };
    let mut added = 0;
    for (n, (given, family, year, sex, target)) in PATIENTS.iter().enumerate() {
        let encoded = if *sex == Sex::F { Sex::F } else { Sex::M };
        let code = encode(family, given, *year, 5, 10 + n as u32, encoded, "D434")
            .ok_or_else(|| missing("codice fiscale"))?;
        // Each patient once: the past years' discharges are there already.
        if person_known(db, code.as_str()).await? {
            continue;
        }
        let birth =
            NaiveDate::from_ymd_opt(*year, 5, 10 + n as u32).ok_or_else(|| missing("date"))?;
        let (comune, town) = residences.nth(n);
        let admitted = today() - Days::new(20 + n as u64);
        let expected = match target {
            DischargeStatus::Reported => today() + Days::new(1),
            DischargeStatus::AssessmentScheduled | DischargeStatus::PlanAgreed => {
                today() + Days::new(3 + n as u64)
            }
            _ => today() - Days::new(2),
        };
        let reported = discharges::report_discharge(
            db,
            &ward_caller,
            url,
            NewDischarge {
                patient: Patient::Identity(Box::new(inpatient(
                    (given, family),
                    birth,
                    *sex,
                    code.as_str(),
                    "Esine",
                    (format!("Via Manzoni 4, {town}"), comune),
                ))),
                hospital_id: hospital.id,
                ward: "Medicina generale".into(),
                admitted_on: admitted,
                expected_on: expected,
                team_id: teams.pua,
                needs: Some(
                    "Non autosufficiente nella deambulazione; necessita di assistenza per l'igiene"
                        .into(),
                ),
                notes: None,
            },
        )
        .await?;
        added += 1;
        walk(db, &parties, &reported, *target, n).await?;
    }
    Ok(added)
}

/// A patient the ward reports: an older person, not self-sufficient, born
/// in `birth_place`, living at the address in the Comune of `residence`.
pub(super) fn inpatient(
    (given, family): (&str, &str),
    birth_date: NaiveDate,
    sex: Sex,
    fiscal_code: &str,
    birth_place: &str,
    residence: (String, Uuid),
) -> PersonDraft {
    let (address, comune) = residence;
    PersonDraft {
        fiscal_code: Some(fiscal_code.to_owned()),
        fiscal_code_missing_reason: None,
        alternative_code: None,
        given_name: given.into(),
        family_name: family.into(),
        birth_date,
        sex,
        birth_place: Some(birth_place.into()),
        residence: Some(address),
        homeless: false,
        residence_comune_id: Some(comune),
        domicile: None,
        phone: None,
        email: None,
        language: None,
        target_groups: vec![TargetGroup::NonAutosufficiente],
    }
}

/// Who moves a demo discharge along: the ward that reported it and the team
/// that receives it, with the address their notifications link to.
struct Parties<'a> {
    ward: &'a Caller,
    team: &'a Caller,
    url: &'a url::Url,
    /// The UVM that assesses the patient before the plan, and who takes part
    /// (the social worker, who logs it, and the nurse).
    uvm: Uuid,
    assessors: [Uuid; 2],
}

/// The plan of the `n`th demo patient: home with SAD and ADI, or an RSA.
fn demo_plan(n: usize) -> (CareSetting, Vec<DischargeNeed>, &'static str) {
    if n.is_multiple_of(2) {
        (
            CareSetting::HomeWithSadAndAdi,
            vec![DischargeNeed::Sad, DischargeNeed::Adi],
            "SAD tre mattine a settimana per l'igiene; ADI per le medicazioni",
        )
    } else {
        (
            CareSetting::Rsa,
            vec![DischargeNeed::Rsa, DischargeNeed::Riabilitazione],
            "Posto in RSA a Breno; fisioterapia in struttura",
        )
    }
}

/// Moves a reported discharge on to `target`.
async fn walk(
    db: &DatabaseConnection,
    parties: &Parties<'_>,
    reported: &discharge::Model,
    target: DischargeStatus,
    n: usize,
) -> AppResult<()> {
    let Parties {
        ward,
        team,
        url,
        uvm,
        assessors,
    } = *parties;
    let (id, admitted) = (reported.id, reported.admitted_on);
    let version = |found: &discharge::Model| found.version;
    let current = discharges::get_discharge(db, team, id).await?;
    match target {
        DischargeStatus::Reported => Ok(()),
        DischargeStatus::Cancelled => {
            let cancellation = AtVersion::new(id, version(&current)).with(Cancellation {
                reason: CancelReason::Transfer,
                note: Some("Trasferito in altra struttura".into()),
            });
            discharges::cancel(db, ward, url, cancellation).await?;
            Ok(())
        }
        _ => {
            let changes = AtVersion::new(id, version(&current)).with(DischargeChanges {
                assessment_scheduled_on: Some(admitted + Days::new(5)),
                ..DischargeChanges::default()
            });
            let scheduled = discharges::update_discharge(db, team, url, changes).await?;
            if target == DischargeStatus::AssessmentScheduled {
                return Ok(());
            }
            let date = AtVersion::new(id, scheduled.version).with(admitted + Days::new(8));
            let ready = discharges::mark_dischargeable(db, team, date).await?;
            let (destination, needs, note) = demo_plan(n);
            let assessed = assessments::record_assessment(
                db,
                team,
                AssessmentOf {
                    person_id: reported.person_id,
                    team_id: uvm,
                    project_id: None,
                    discharge_id: Some(id),
                },
                AssessmentContent {
                    date: admitted + Days::new(5),
                    setting: AssessmentSetting::Ospedale,
                    reason: AssessmentReason::ProtectedDischarge,
                    participant_ids: assessors.to_vec(),
                    instruments: vec![InstrumentAnswers {
                        instrument: Instrument::Barthel,
                        answers: answers(&BARTHEL_ITEMS, &BARTHEL_PROFILES[n % 4]),
                        education: None,
                    }],
                    social_domains: vec![],
                    need_level: NeedLevel::High,
                    recommended_setting: destination,
                    notes: Some("Valutazione UVM in reparto prima della dimissione".into()),
                },
            )
            .await?;
            assessments::sign_assessment(db, team, assessed.id).await?;
            let plan = AtVersion::new(id, ready.version).with(DischargePlan {
                destination,
                needs,
                note: Some(note.into()),
                assessment_id: Some(assessed.id),
            });
            let planned = discharges::agree_plan(db, team, plan).await?;
            if target == DischargeStatus::PlanAgreed {
                return Ok(());
            }
            // The receiving team records it: home with services opens the
            // PAI, which the ward may not do.
            let outcome = AtVersion::new(id, planned.version).with(DischargeOutcome {
                discharged_on: admitted + Days::new(12),
                destination,
                project_id: None,
                case_manager_id: None,
            });
            discharges::complete(db, team, url, outcome).await?;
            Ok(())
        }
    }
}
