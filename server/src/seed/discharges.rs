//! Demo protected discharges in every status, reported by the hospital ward
//! to the PUA, with their notifications delivered (to `.eml` files when no
//! SMTP server is configured).

use chrono::Days;
use entity::{discharge, organization, team};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

use super::{missing, seed_caller, user_with_email};
use crate::caller::Caller;
use crate::clock::{today, Clock};
use crate::config::Config;
use crate::domain::fiscal_code::encode;
use crate::domain::vocabulary::{
    CancelReason, DischargeDestination, DischargeStatus, Sex, TargetGroup, TeamKind,
};
use crate::error::{AppError, AppResult};
use crate::notify::worker::Worker;
use crate::services::discharges::{self, DischargeChanges, NewDischarge, Patient};
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

pub async fn seed_discharges(db: &DatabaseConnection, config: &Config) -> AppResult<usize> {
    if discharge::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let ward = user_with_email(db, "reparto@ponte.demo")
        .await?
        .ok_or_else(|| missing("ward user"))?;
    let social_worker = user_with_email(db, "assistente.sociale@ponte.demo")
        .await?
        .ok_or_else(|| missing("social worker"))?;
    let hospital = organization::Entity::find()
        .filter(organization::Column::Name.eq("Ospedale di Esine"))
        .one(db)
        .await?
        .ok_or_else(|| missing("hospital"))?;
    let pua = team::Entity::find()
        .filter(team::Column::Kind.eq(TeamKind::Pua.as_str()))
        .one(db)
        .await?
        .ok_or_else(|| missing("PUA"))?;
    let ward_caller = seed_caller(&ward)?;
    let team_caller = seed_caller(&social_worker)?;
    let url = &config.public_url;
    let parties = Parties {
        ward: &ward_caller,
        team: &team_caller,
        url,
    };
    let mut added = 0;
    for (n, (given, family, year, sex, target)) in PATIENTS.iter().enumerate() {
        let encoded = if *sex == Sex::F { Sex::F } else { Sex::M };
        let code = encode(family, given, *year, 5, 10 + n as u32, encoded, "D434")
            .ok_or_else(|| missing("codice fiscale"))?;
        let birth = chrono::NaiveDate::from_ymd_opt(*year, 5, 10 + n as u32)
            .ok_or_else(|| missing("date"))?;
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
                patient: Patient::Identity(Box::new(PersonDraft {
                    fiscal_code: Some(code.as_str().to_owned()),
                    fiscal_code_missing_reason: None,
                    alternative_code: None,
                    given_name: (*given).into(),
                    family_name: (*family).into(),
                    birth_date: birth,
                    sex: *sex,
                    birth_place: Some("Esine".into()),
                    residence: Some("Via Manzoni 4, Esine".into()),
                    homeless: false,
                    domicile: None,
                    phone: None,
                    email: None,
                    language: None,
                    target_groups: vec![TargetGroup::NonAutosufficiente],
                })),
                hospital_id: hospital.id,
                ward: "Medicina generale".into(),
                admitted_on: admitted,
                expected_on: expected,
                team_id: pua.id,
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
    // Deliver what the demo queued, so the .eml files (or the SMTP server) show it.
    let worker = Worker::new(db.clone(), config, Clock::system()).map_err(AppError::internal)?;
    worker.run_once().await?;
    Ok(added)
}

/// Who moves a demo discharge along: the ward that reported it and the team
/// that receives it, with the address their notifications link to.
struct Parties<'a> {
    ward: &'a Caller,
    team: &'a Caller,
    url: &'a url::Url,
}

/// Moves a reported discharge on to `target`.
async fn walk(
    db: &DatabaseConnection,
    parties: &Parties<'_>,
    reported: &discharge::Model,
    target: DischargeStatus,
    n: usize,
) -> AppResult<()> {
    let Parties { ward, team, url } = *parties;
    let (id, admitted) = (reported.id, reported.admitted_on);
    let version = |found: &discharge::Model| found.version;
    let current = discharges::get_discharge(db, team, id).await?;
    match target {
        DischargeStatus::Reported => Ok(()),
        DischargeStatus::Cancelled => {
            discharges::cancel(
                db,
                ward,
                url,
                id,
                version(&current),
                CancelReason::Transfer,
                Some("Trasferito in altra struttura".into()),
            )
            .await?;
            Ok(())
        }
        _ => {
            let scheduled = discharges::update_discharge(
                db,
                team,
                url,
                id,
                version(&current),
                DischargeChanges {
                    assessment_scheduled_on: Some(admitted + Days::new(5)),
                    ..DischargeChanges::default()
                },
            )
            .await?;
            if target == DischargeStatus::AssessmentScheduled {
                return Ok(());
            }
            let ready = discharges::mark_dischargeable(
                db,
                team,
                id,
                scheduled.version,
                admitted + Days::new(8),
            )
            .await?;
            let destination = if n.is_multiple_of(2) {
                DischargeDestination::HomeWithServices
            } else {
                DischargeDestination::Rsa
            };
            let planned = discharges::agree_plan(
                db,
                team,
                id,
                ready.version,
                destination,
                Some("SAD e ADI a domicilio".into()),
                None,
            )
            .await?;
            if target == DischargeStatus::PlanAgreed {
                return Ok(());
            }
            discharges::complete(
                db,
                ward,
                url,
                id,
                planned.version,
                admitted + Days::new(12),
                destination,
            )
            .await?;
            Ok(())
        }
    }
}
