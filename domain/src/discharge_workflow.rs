//! Dimissioni protette: the path of a frail patient from the ward's report to
//! the day they leave hospital with services in place (seeds 001 and 003).
//!
//! The workflow is driven by actions rather than by target statuses because
//! each step is its own mutation in the API (`agreeDischargePlan`,
//! `completeDischarge`, `cancelDischarge`, …) and carries its own data; the
//! rules here only decide which step may follow which.
//!
//! Completing follows the protocol (issue 13.4): only a patient going home
//! without services may leave without an agreed plan; any other destination
//! needs a plan resting on a signed UVM assessment of the same person, and
//! every discharge needs the day the patient became clinically dischargeable,
//! which the actual day cannot precede (the wait the seeds measure is never
//! negative). [`complete`] decides it all on facts the service gathers.
//!
//! The seeds also measure waiting times, so the averages they ask for are
//! computed here too, on plain day counts, where they can be tested exactly.

use std::fmt;

use chrono::NaiveDate;

pub use crate::vocabulary::{
    CancelReason, CareSetting, DischargeAction, DischargeNeed, DischargeStatus,
};
use crate::wording;

impl DischargeStatus {
    /// A discharge that happened or was called off is history: changing it
    /// would rewrite the indicators already reported. The discharge list
    /// filters on this very list.
    pub const FINAL: [DischargeStatus; 2] =
        [DischargeStatus::Discharged, DischargeStatus::Cancelled];

    pub fn is_final(self) -> bool {
        DischargeStatus::FINAL.contains(&self)
    }
}

/// What the service knows about the discharge when a step is asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DischargeFacts {
    /// A UVM assessment linked to this discharge is recorded. Agreeing the
    /// plan straight from `REPORTED` skips the scheduling step, so it needs
    /// this proof that the person was actually assessed. From
    /// `ASSESSMENT_SCHEDULED` it is not required: the UVM often agrees the
    /// plan in the same meeting as the assessment, which is logged later.
    pub has_assessment: bool,
}

/// Why a step was refused; each names what the user should do instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DischargeRefusal {
    /// Carries the final status so the message can say which ending it was.
    AlreadyFinal(DischargeStatus),
    /// Moving the date is an update of the discharge, not a new step.
    AssessmentAlreadyScheduled,
    /// Once the plan is agreed a new assessment does not undo it; changes to
    /// the plan are updates.
    PlanAlreadyAgreed,
    AssessmentMissing,
}

impl DischargeRefusal {
    pub fn message_it(&self) -> &'static str {
        match self {
            DischargeRefusal::AlreadyFinal(DischargeStatus::Cancelled) => {
                "La segnalazione è annullata e non può più essere modificata"
            }
            DischargeRefusal::AlreadyFinal(_) => {
                "La dimissione è già avvenuta e non può più essere modificata"
            }
            DischargeRefusal::AssessmentAlreadyScheduled => {
                "La valutazione è già programmata: per cambiarne la data modificare la dimissione"
            }
            DischargeRefusal::PlanAlreadyAgreed => "Il piano di dimissione è già concordato",
            DischargeRefusal::AssessmentMissing => {
                "Per concordare il piano serve una valutazione UVM registrata o programmata"
            }
        }
    }
}

impl fmt::Display for DischargeRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message_it())
    }
}

impl std::error::Error for DischargeRefusal {}

/// Where the discharge leads. Cancellation is possible from any open status
/// because death or a transfer does not wait for the workflow. Completing is
/// possible from every open status as far as the path goes: without a plan
/// only home without services, which [`complete`] checks with the destination.
pub fn next_status(
    from: DischargeStatus,
    action: DischargeAction,
    facts: &DischargeFacts,
) -> Result<DischargeStatus, DischargeRefusal> {
    use DischargeAction as A;
    use DischargeStatus as S;
    if from.is_final() {
        return Err(DischargeRefusal::AlreadyFinal(from));
    }
    match (from, action) {
        (_, A::Cancel) => Ok(S::Cancelled),
        (S::Reported, A::ScheduleAssessment) => Ok(S::AssessmentScheduled),
        (S::AssessmentScheduled, A::ScheduleAssessment) => {
            Err(DischargeRefusal::AssessmentAlreadyScheduled)
        }
        (S::PlanAgreed, A::ScheduleAssessment | A::AgreePlan) => {
            Err(DischargeRefusal::PlanAlreadyAgreed)
        }
        (S::Reported, A::AgreePlan) if !facts.has_assessment => {
            Err(DischargeRefusal::AssessmentMissing)
        }
        (S::Reported | S::AssessmentScheduled, A::AgreePlan) => Ok(S::PlanAgreed),
        (S::Reported | S::AssessmentScheduled | S::PlanAgreed, A::Complete) => Ok(S::Discharged),
        // Final statuses returned above; listed so the match stays total
        // without a catch-all that would hide a new status.
        (S::Discharged | S::Cancelled, _) => Err(DischargeRefusal::AlreadyFinal(from)),
    }
}

/// The steps the workflow allows from here, in the order of the path, so
/// the SPA offers only those. Who may take them (the ward or the receiving
/// team) is the policy's business: the service still checks the caller and
/// the step's own data. A final discharge allows none.
pub fn allowed_actions(from: DischargeStatus, facts: &DischargeFacts) -> Vec<DischargeAction> {
    DischargeAction::ALL
        .iter()
        .copied()
        .filter(|action| next_status(from, *action, facts).is_ok())
        .collect()
}

/// Past the expected date and still in progress; the expected day itself is
/// still on time.
pub fn is_overdue(status: DischargeStatus, expected_on: NaiveDate, today: NaiveDate) -> bool {
    !status.is_final() && expected_on < today
}

/// The assessment a plan rests on, as the service found it: the one given
/// when the plan is agreed, or the one linked to the discharge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanAssessment {
    Missing,
    OfAnotherPerson,
    Draft,
    Signed,
}

/// What the service knows when the patient is reported discharged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completion {
    pub destination: CareSetting,
    pub discharged_on: NaiveDate,
    pub dischargeable_on: Option<NaiveDate>,
    pub plan_assessment: PlanAssessment,
}

/// Why the protocol refuses a plan or a discharge; each names the input field
/// the user must change and says what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProtocolRefusal {
    Step(DischargeRefusal),
    /// Without an agreed plan the patient may only go home without services.
    PlanNeeded(CareSetting),
    /// The plan rests on no assessment, for a destination that needs one.
    AssessmentMissing,
    AssessmentOfAnotherPerson,
    /// A draft, refused at the step it blocks (agreeing or completing).
    AssessmentNotSigned(DischargeAction),
    DischargeableMissing,
    BeforeDischargeable {
        discharged_on: NaiveDate,
        dischargeable_on: NaiveDate,
    },
}

impl ProtocolRefusal {
    /// The input field the message belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            ProtocolRefusal::Step(_) => "status",
            ProtocolRefusal::PlanNeeded(_) => "destination",
            ProtocolRefusal::AssessmentMissing
            | ProtocolRefusal::AssessmentOfAnotherPerson
            | ProtocolRefusal::AssessmentNotSigned(_) => "assessmentId",
            ProtocolRefusal::DischargeableMissing => "dischargeableOn",
            ProtocolRefusal::BeforeDischargeable { .. } => "dischargedOn",
        }
    }

    pub fn message_it(&self) -> String {
        match self {
            ProtocolRefusal::Step(refusal) => refusal.message_it().to_owned(),
            ProtocolRefusal::PlanNeeded(destination) => format!(
                "Senza un piano concordato si dimette solo a domicilio senza servizi: \
                 per «{}» concorda prima il piano",
                destination.label_it()
            ),
            ProtocolRefusal::AssessmentMissing => {
                "Il piano non poggia su una valutazione UVM: registra la valutazione per questa \
                 dimissione e firmala prima di dimettere"
                    .into()
            }
            ProtocolRefusal::AssessmentOfAnotherPerson => {
                "La valutazione non riguarda questa persona".into()
            }
            ProtocolRefusal::AssessmentNotSigned(DischargeAction::Complete) => {
                "La valutazione UVM del piano non è ancora firmata: firmala prima di registrare \
                 la dimissione"
                    .into()
            }
            ProtocolRefusal::AssessmentNotSigned(_) => {
                "La valutazione UVM non è ancora firmata: firmala prima di concordare il piano"
                    .into()
            }
            ProtocolRefusal::DischargeableMissing => {
                "Manca la data da cui il paziente è clinicamente dimissibile: registrala prima \
                 della dimissione"
                    .into()
            }
            ProtocolRefusal::BeforeDischargeable {
                discharged_on,
                dischargeable_on,
            } => format!(
                "La data di dimissione ({}) precede quella da cui il paziente è dimissibile ({})",
                wording::date(*discharged_on),
                wording::date(*dischargeable_on)
            ),
        }
    }
}

impl fmt::Display for ProtocolRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_it())
    }
}

impl std::error::Error for ProtocolRefusal {}

/// A plan rests on the person's own signed assessment, when it rests on one:
/// a draft may still change, so nothing is agreed on it. Without an
/// assessment the path decides (`next_status`: from `ASSESSMENT_SCHEDULED`
/// the UVM may log it later).
pub fn check_plan_assessment(found: PlanAssessment) -> Result<(), ProtocolRefusal> {
    match found {
        PlanAssessment::Missing | PlanAssessment::Signed => Ok(()),
        PlanAssessment::OfAnotherPerson => Err(ProtocolRefusal::AssessmentOfAnotherPerson),
        PlanAssessment::Draft => Err(ProtocolRefusal::AssessmentNotSigned(
            DischargeAction::AgreePlan,
        )),
    }
}

/// Reporting the patient discharged. Home without services needs no plan:
/// a patient who recovered goes home from `REPORTED` or
/// `ASSESSMENT_SCHEDULED` and nothing is left to arrange. Every other
/// destination moves care to services or a facility, so it needs the agreed
/// plan and the signed UVM assessment of this person it rests on. Any
/// discharge needs the day the patient became dischargeable, not after the
/// actual day: the wait the seeds measure is never unknown nor negative.
pub fn complete(
    from: DischargeStatus,
    facts: &Completion,
) -> Result<DischargeStatus, ProtocolRefusal> {
    let next = next_status(from, DischargeAction::Complete, &DischargeFacts::default())
        .map_err(ProtocolRefusal::Step)?;
    if facts.destination.needs_plan() {
        if from != DischargeStatus::PlanAgreed {
            return Err(ProtocolRefusal::PlanNeeded(facts.destination));
        }
        match facts.plan_assessment {
            PlanAssessment::Signed => {}
            PlanAssessment::Missing => return Err(ProtocolRefusal::AssessmentMissing),
            PlanAssessment::OfAnotherPerson => {
                return Err(ProtocolRefusal::AssessmentOfAnotherPerson)
            }
            PlanAssessment::Draft => {
                return Err(ProtocolRefusal::AssessmentNotSigned(
                    DischargeAction::Complete,
                ))
            }
        }
    }
    let Some(dischargeable_on) = facts.dischargeable_on else {
        return Err(ProtocolRefusal::DischargeableMissing);
    };
    if facts.discharged_on < dischargeable_on {
        return Err(ProtocolRefusal::BeforeDischargeable {
            discharged_on: facts.discharged_on,
            dischargeable_on,
        });
    }
    Ok(next)
}

impl CareSetting {
    pub fn label_it(self) -> &'static str {
        match self {
            CareSetting::Home => "Domicilio senza servizi",
            CareSetting::HomeWithSad => "Domicilio con SAD",
            CareSetting::HomeWithAdi => "Domicilio con ADI",
            CareSetting::HomeWithSadAndAdi => "Domicilio con SAD e ADI",
            CareSetting::Rsa => "RSA",
            CareSetting::Rsd => "RSD",
            CareSetting::OspedaleDiComunita => "Ospedale di comunità",
            CareSetting::CureIntermedie => "Cure intermedie",
            CareSetting::Hospice => "Hospice",
            CareSetting::RiabilitazionePostAcuta => "Riabilitazione post-acuta",
            CareSetting::DayCentre => "Centro diurno",
            CareSetting::Other => "Altro",
            CareSetting::HomeWithServices => "Domicilio con servizi (SAD/ADI, non specificati)",
            CareSetting::RsaRsd => "RSA o RSD (non specificato)",
        }
    }

    /// A stay in a facility, however long: the seeds' "residential" wait.
    /// `OTHER` is neither home nor residential, so it stays out of both
    /// averages rather than skewing one of them.
    pub fn is_residential(self) -> bool {
        use CareSetting as C;
        matches!(
            self,
            C::Rsa
                | C::Rsd
                | C::RsaRsd
                | C::OspedaleDiComunita
                | C::CureIntermedie
                | C::Hospice
                | C::RiabilitazionePostAcuta
        )
    }

    /// The person sleeps at home: with or without home services, and with a
    /// day centre (semi-residential: the nights and the weekends are home's).
    pub fn is_home(self) -> bool {
        use CareSetting as C;
        matches!(self, C::Home | C::DayCentre) || self.has_home_services()
    }

    /// Home with SAD and/or ADI: services start at home, so the discharge
    /// opens or continues a PAI.
    pub fn has_home_services(self) -> bool {
        use CareSetting as C;
        matches!(
            self,
            C::HomeWithSad | C::HomeWithAdi | C::HomeWithSadAndAdi | C::HomeWithServices
        )
    }

    /// Counted among the discharges needing SAD (seed 001 §6). The legacy
    /// "home with services" counts, as it did when SAD and ADI were one value.
    pub fn needs_sad(self) -> bool {
        use CareSetting as C;
        matches!(
            self,
            C::HomeWithSad | C::HomeWithSadAndAdi | C::HomeWithServices
        )
    }

    /// Anything but home without services moves care elsewhere and needs an
    /// agreed plan (see [`complete`]).
    pub fn needs_plan(self) -> bool {
        self != CareSetting::Home
    }
}

impl DischargeNeed {
    pub fn label_it(self) -> &'static str {
        match self {
            DischargeNeed::Sad => "SAD (assistenza domiciliare)",
            DischargeNeed::Adi => "ADI (assistenza domiciliare integrata)",
            DischargeNeed::Rsa => "RSA",
            DischargeNeed::CureIntermedie => "Cure intermedie",
            DischargeNeed::OspedaleDiComunita => "Ospedale di comunità",
            DischargeNeed::Hospice => "Hospice",
            DischargeNeed::Riabilitazione => "Riabilitazione",
            DischargeNeed::Other => "Altro",
        }
    }
}

impl CancelReason {
    pub fn label_it(self) -> &'static str {
        match self {
            CancelReason::Death => "Decesso",
            CancelReason::Transfer => "Trasferimento",
            CancelReason::Refused => "Rifiuto della persona",
            CancelReason::Other => "Altro",
        }
    }
}

/// `None` for no data, so a screen shows "—" instead of a misleading 0.
/// Values are taken as given: a negative wait is a data error the caller
/// should see in the result rather than have silently dropped here. Summed
/// in `i128` so no realistic input can overflow.
pub fn average_days(values: &[i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let sum: i128 = values.iter().map(|&v| i128::from(v)).sum();
    // Day counts are far below 2^53, where f64 stops being exact.
    Some(sum as f64 / values.len() as f64)
}

/// `average_days` and `median_days` of the values a histogram counts
/// (`(days, how many)`, any order): what a database's `GROUP BY days`
/// returns, a few rows however many discharges there were.
pub fn histogram_average_and_median(histogram: &[(i64, i64)]) -> (Option<f64>, Option<f64>) {
    let mut sorted: Vec<(i64, i64)> = histogram.iter().copied().filter(|(_, n)| *n > 0).collect();
    sorted.sort_unstable();
    let total: i64 = sorted.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return (None, None);
    }
    let sum: i128 = sorted
        .iter()
        .map(|(days, n)| i128::from(*days) * i128::from(*n))
        .sum();
    // The value at 0-based position `at` of the sorted values.
    let nth = |at: i64| {
        let mut seen = 0;
        sorted.iter().find_map(|(days, n)| {
            seen += n;
            (at < seen).then_some(*days)
        })
    };
    let median = if total % 2 == 1 {
        nth(total / 2).map(|v| v as f64)
    } else {
        match (nth(total / 2 - 1), nth(total / 2)) {
            (Some(low), Some(high)) => Some((i128::from(low) + i128::from(high)) as f64 / 2.0),
            _ => None,
        }
    };
    (Some(sum as f64 / total as f64), median)
}

/// The median alongside the average, because one patient waiting months
/// for an RSA bed drags the average far from the typical wait. With an even
/// count it is the mean of the two middle values.
pub fn median_days(values: &[i64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let middle = sorted.len() / 2;
    match sorted.len() {
        0 => None,
        len if len % 2 == 1 => sorted.get(middle).map(|&v| v as f64),
        _ => {
            let low = i128::from(*sorted.get(middle - 1)?);
            let high = i128::from(*sorted.get(middle)?);
            Some((low + high) as f64 / 2.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DischargeAction as A;
    use super::DischargeRefusal as R;
    use super::DischargeStatus as S;
    use super::*;

    type Expected = Result<DischargeStatus, DischargeRefusal>;

    /// (from, action, answer without an assessment, answer with one).
    type Row = (DischargeStatus, DischargeAction, Expected, Expected);

    /// Every (status, action) pair, written out by hand so that a change to
    /// the rules shows up as a change to this table.
    #[rustfmt::skip]
    fn grid() -> Vec<Row> {
        let done = Err(R::AlreadyFinal(S::Discharged));
        let cancelled = Err(R::AlreadyFinal(S::Cancelled));
        vec![
            (S::Reported, A::ScheduleAssessment, Ok(S::AssessmentScheduled), Ok(S::AssessmentScheduled)),
            (S::Reported, A::AgreePlan, Err(R::AssessmentMissing), Ok(S::PlanAgreed)),
            (S::Reported, A::Complete, Ok(S::Discharged), Ok(S::Discharged)),
            (S::Reported, A::Cancel, Ok(S::Cancelled), Ok(S::Cancelled)),
            (S::AssessmentScheduled, A::ScheduleAssessment, Err(R::AssessmentAlreadyScheduled), Err(R::AssessmentAlreadyScheduled)),
            (S::AssessmentScheduled, A::AgreePlan, Ok(S::PlanAgreed), Ok(S::PlanAgreed)),
            (S::AssessmentScheduled, A::Complete, Ok(S::Discharged), Ok(S::Discharged)),
            (S::AssessmentScheduled, A::Cancel, Ok(S::Cancelled), Ok(S::Cancelled)),
            (S::PlanAgreed, A::ScheduleAssessment, Err(R::PlanAlreadyAgreed), Err(R::PlanAlreadyAgreed)),
            (S::PlanAgreed, A::AgreePlan, Err(R::PlanAlreadyAgreed), Err(R::PlanAlreadyAgreed)),
            (S::PlanAgreed, A::Complete, Ok(S::Discharged), Ok(S::Discharged)),
            (S::PlanAgreed, A::Cancel, Ok(S::Cancelled), Ok(S::Cancelled)),
            (S::Discharged, A::ScheduleAssessment, done, done),
            (S::Discharged, A::AgreePlan, done, done),
            (S::Discharged, A::Complete, done, done),
            (S::Discharged, A::Cancel, done, done),
            (S::Cancelled, A::ScheduleAssessment, cancelled, cancelled),
            (S::Cancelled, A::AgreePlan, cancelled, cancelled),
            (S::Cancelled, A::Complete, cancelled, cancelled),
            (S::Cancelled, A::Cancel, cancelled, cancelled),
        ]
    }

    #[test]
    fn the_grid_lists_every_status_and_action_exactly_once() {
        let grid = grid();
        assert_eq!(grid.len(), 20);
        for status in DischargeStatus::ALL.iter().copied() {
            for action in DischargeAction::ALL.iter().copied() {
                let rows = grid
                    .iter()
                    .filter(|r| r.0 == status && r.1 == action)
                    .count();
                assert_eq!(rows, 1, "{status} {action:?}");
            }
        }
    }

    #[test]
    fn every_step_is_decided_as_the_grid_says_without_an_assessment() {
        let facts = DischargeFacts {
            has_assessment: false,
        };
        for (from, action, expected, _) in grid() {
            assert_eq!(
                next_status(from, action, &facts),
                expected,
                "{from} {action:?}"
            );
        }
    }

    #[test]
    fn every_step_is_decided_as_the_grid_says_with_an_assessment() {
        let facts = DischargeFacts {
            has_assessment: true,
        };
        for (from, action, _, expected) in grid() {
            assert_eq!(
                next_status(from, action, &facts),
                expected,
                "{from} {action:?}"
            );
        }
    }

    #[test]
    fn the_usual_path_ends_in_discharged() {
        let facts = DischargeFacts::default();
        let mut status = S::Reported;
        for action in [A::ScheduleAssessment, A::AgreePlan, A::Complete] {
            status = next_status(status, action, &facts).expect("each step follows the previous");
        }
        assert_eq!(status, S::Discharged);
    }

    #[test]
    fn refusals_speak_italian_and_name_the_ending() {
        assert_eq!(
            R::AlreadyFinal(S::Cancelled).message_it(),
            "La segnalazione è annullata e non può più essere modificata"
        );
        assert_eq!(
            R::AlreadyFinal(S::Discharged).to_string(),
            "La dimissione è già avvenuta e non può più essere modificata"
        );
        assert_eq!(
            R::AssessmentMissing.message_it(),
            "Per concordare il piano serve una valutazione UVM registrata o programmata"
        );
    }

    #[test]
    fn allowed_actions_follow_the_path_and_the_facts() {
        let without = DischargeFacts::default();
        let with = DischargeFacts {
            has_assessment: true,
        };
        let rows = [
            (
                S::Reported,
                vec![A::ScheduleAssessment, A::Complete, A::Cancel],
                vec![A::ScheduleAssessment, A::AgreePlan, A::Complete, A::Cancel],
            ),
            (
                S::AssessmentScheduled,
                vec![A::AgreePlan, A::Complete, A::Cancel],
                vec![A::AgreePlan, A::Complete, A::Cancel],
            ),
            (
                S::PlanAgreed,
                vec![A::Complete, A::Cancel],
                vec![A::Complete, A::Cancel],
            ),
            (S::Discharged, vec![], vec![]),
            (S::Cancelled, vec![], vec![]),
        ];
        for (from, expected_without, expected_with) in rows {
            assert_eq!(allowed_actions(from, &without), expected_without, "{from}");
            assert_eq!(allowed_actions(from, &with), expected_with, "{from}");
        }
    }

    #[test]
    fn allowed_actions_are_exactly_the_steps_next_status_accepts() {
        for has_assessment in [false, true] {
            let facts = DischargeFacts { has_assessment };
            for from in DischargeStatus::ALL.iter().copied() {
                let allowed = allowed_actions(from, &facts);
                for action in DischargeAction::ALL.iter().copied() {
                    assert_eq!(
                        allowed.contains(&action),
                        next_status(from, action, &facts).is_ok(),
                        "{from} {action:?} {has_assessment}"
                    );
                }
                assert_eq!(allowed.is_empty(), from.is_final(), "{from}");
            }
        }
    }

    #[test]
    fn a_discharge_is_overdue_from_the_day_after_the_expected_one() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 10).expect("a real day");
        let yesterday = today.pred_opt().expect("a real day");
        let tomorrow = today.succ_opt().expect("a real day");
        assert!(is_overdue(S::Reported, yesterday, today));
        assert!(!is_overdue(S::Reported, today, today));
        assert!(!is_overdue(S::PlanAgreed, tomorrow, today));
        let late: Vec<_> = DischargeStatus::ALL
            .iter()
            .copied()
            .filter(|status| is_overdue(*status, yesterday, today))
            .collect();
        assert_eq!(late, [S::Reported, S::AssessmentScheduled, S::PlanAgreed]);
        assert!(DischargeStatus::FINAL.iter().all(|s| !late.contains(s)));
    }

    #[test]
    fn only_discharged_and_cancelled_are_final() {
        let finals: Vec<_> = DischargeStatus::ALL
            .iter()
            .copied()
            .filter(|s| s.is_final())
            .collect();
        assert_eq!(finals, [S::Discharged, S::Cancelled]);
    }

    #[test]
    fn names_round_trip_and_unknown_names_are_refused() {
        for status in DischargeStatus::ALL.iter().copied() {
            assert_eq!(DischargeStatus::parse(status.as_str()), Some(status));
        }
        for destination in CareSetting::ALL.iter().copied() {
            assert_eq!(CareSetting::parse(destination.as_str()), Some(destination));
        }
        for reason in CancelReason::ALL.iter().copied() {
            assert_eq!(CancelReason::parse(reason.as_str()), Some(reason));
        }
        assert_eq!(DischargeStatus::parse("reported"), None);
        assert_eq!(CareSetting::parse("HOSPICE"), Some(CareSetting::Hospice));
        assert_eq!(CareSetting::parse("ALTRO"), None);
        assert_eq!(CancelReason::parse(""), None);
    }

    #[test]
    fn care_settings_split_into_home_residential_and_other() {
        use CareSetting as C;
        let home: Vec<_> = C::ALL.iter().copied().filter(|d| d.is_home()).collect();
        let residential: Vec<_> = C::ALL
            .iter()
            .copied()
            .filter(|d| d.is_residential())
            .collect();
        assert_eq!(
            home,
            [
                C::Home,
                C::HomeWithSad,
                C::HomeWithAdi,
                C::HomeWithSadAndAdi,
                C::DayCentre,
                C::HomeWithServices
            ]
        );
        assert_eq!(
            residential,
            [
                C::Rsa,
                C::Rsd,
                C::OspedaleDiComunita,
                C::CureIntermedie,
                C::Hospice,
                C::RiabilitazionePostAcuta,
                C::RsaRsd
            ]
        );
        let neither: Vec<_> = C::ALL
            .iter()
            .copied()
            .filter(|d| !d.is_home() && !d.is_residential())
            .collect();
        assert_eq!(neither, [C::Other]);
    }

    #[test]
    fn home_services_and_sad_include_the_legacy_value() {
        use CareSetting as C;
        let services: Vec<_> = C::ALL
            .iter()
            .copied()
            .filter(|d| d.has_home_services())
            .collect();
        assert_eq!(
            services,
            [
                C::HomeWithSad,
                C::HomeWithAdi,
                C::HomeWithSadAndAdi,
                C::HomeWithServices
            ]
        );
        let sad: Vec<_> = C::ALL.iter().copied().filter(|d| d.needs_sad()).collect();
        assert_eq!(
            sad,
            [C::HomeWithSad, C::HomeWithSadAndAdi, C::HomeWithServices]
        );
        let without_plan: Vec<_> = C::ALL.iter().copied().filter(|d| !d.needs_plan()).collect();
        assert_eq!(without_plan, [C::Home]);
    }

    #[test]
    fn every_care_setting_and_need_has_an_italian_label() {
        for setting in CareSetting::ALL {
            assert!(!setting.label_it().is_empty(), "{setting}");
        }
        for need in DischargeNeed::ALL {
            assert!(!need.label_it().is_empty(), "{need}");
        }
        assert_eq!(
            CareSetting::HomeWithSadAndAdi.label_it(),
            "Domicilio con SAD e ADI"
        );
        assert_eq!(DischargeNeed::Other.as_str(), "OTHER");
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("a real day")
    }

    fn completion(destination: CareSetting, plan_assessment: PlanAssessment) -> Completion {
        Completion {
            destination,
            discharged_on: day(10),
            dischargeable_on: Some(day(8)),
            plan_assessment,
        }
    }

    #[test]
    fn home_without_services_needs_no_plan() {
        let facts = completion(CareSetting::Home, PlanAssessment::Missing);
        for from in [S::Reported, S::AssessmentScheduled, S::PlanAgreed] {
            assert_eq!(complete(from, &facts), Ok(S::Discharged), "{from}");
        }
    }

    #[test]
    fn any_other_destination_needs_the_agreed_plan() {
        for destination in CareSetting::ALL.iter().copied().filter(|d| d.needs_plan()) {
            let facts = completion(destination, PlanAssessment::Signed);
            for from in [S::Reported, S::AssessmentScheduled] {
                assert_eq!(
                    complete(from, &facts),
                    Err(ProtocolRefusal::PlanNeeded(destination)),
                    "{from} {destination}"
                );
            }
            assert_eq!(complete(S::PlanAgreed, &facts), Ok(S::Discharged));
        }
        let refusal = complete(
            S::Reported,
            &completion(CareSetting::Rsa, PlanAssessment::Signed),
        )
        .expect_err("no plan");
        assert_eq!(refusal.field(), "destination");
        assert_eq!(
            refusal.message_it(),
            "Senza un piano concordato si dimette solo a domicilio senza servizi: \
             per «RSA» concorda prima il piano"
        );
    }

    #[test]
    fn the_plan_rests_on_a_signed_assessment_of_the_person() {
        let at = |found| complete(S::PlanAgreed, &completion(CareSetting::HomeWithAdi, found));
        assert_eq!(at(PlanAssessment::Signed), Ok(S::Discharged));
        assert_eq!(
            at(PlanAssessment::Missing),
            Err(ProtocolRefusal::AssessmentMissing)
        );
        assert_eq!(
            at(PlanAssessment::OfAnotherPerson),
            Err(ProtocolRefusal::AssessmentOfAnotherPerson)
        );
        let draft = at(PlanAssessment::Draft).expect_err("a draft");
        assert_eq!(draft.field(), "assessmentId");
        assert_eq!(
            draft.message_it(),
            "La valutazione UVM del piano non è ancora firmata: firmala prima di registrare \
             la dimissione"
        );
        // Home without services does not look at the plan's assessment.
        assert_eq!(
            complete(
                S::PlanAgreed,
                &completion(CareSetting::Home, PlanAssessment::Draft)
            ),
            Ok(S::Discharged)
        );
    }

    #[test]
    fn agreeing_refuses_a_draft_and_another_persons_assessment() {
        assert_eq!(check_plan_assessment(PlanAssessment::Signed), Ok(()));
        assert_eq!(check_plan_assessment(PlanAssessment::Missing), Ok(()));
        let draft = check_plan_assessment(PlanAssessment::Draft).expect_err("a draft");
        assert_eq!(
            draft.message_it(),
            "La valutazione UVM non è ancora firmata: firmala prima di concordare il piano"
        );
        assert_eq!(draft.field(), "assessmentId");
        assert_eq!(
            check_plan_assessment(PlanAssessment::OfAnotherPerson)
                .expect_err("another person")
                .message_it(),
            "La valutazione non riguarda questa persona"
        );
    }

    #[test]
    fn the_dischargeable_day_is_required_and_not_after_the_discharge() {
        let mut facts = completion(CareSetting::Home, PlanAssessment::Missing);
        facts.dischargeable_on = None;
        let missing = complete(S::Reported, &facts).expect_err("no day");
        assert_eq!(missing, ProtocolRefusal::DischargeableMissing);
        assert_eq!(missing.field(), "dischargeableOn");
        facts.dischargeable_on = Some(day(10));
        assert_eq!(complete(S::Reported, &facts), Ok(S::Discharged));
        facts.dischargeable_on = Some(day(11));
        let early = complete(S::Reported, &facts).expect_err("a negative wait");
        assert_eq!(early.field(), "dischargedOn");
        assert_eq!(
            early.message_it(),
            "La data di dimissione (10/11/2026) precede quella da cui il paziente è \
             dimissibile (11/11/2026)"
        );
    }

    #[test]
    fn a_final_discharge_is_not_completed_again() {
        let facts = completion(CareSetting::Home, PlanAssessment::Signed);
        assert_eq!(
            complete(S::Cancelled, &facts),
            Err(ProtocolRefusal::Step(R::AlreadyFinal(S::Cancelled)))
        );
        assert_eq!(
            complete(S::Discharged, &facts).map_err(|r| r.field()),
            Err("status")
        );
    }

    #[test]
    fn average_days_is_none_without_data_and_exact_otherwise() {
        assert_eq!(average_days(&[]), None);
        assert_eq!(average_days(&[4]), Some(4.0));
        assert_eq!(average_days(&[1, 2]), Some(1.5));
        assert_eq!(average_days(&[3, 5, 10]), Some(6.0));
        assert_eq!(average_days(&[-2, 2]), Some(0.0));
        assert_eq!(average_days(&[i64::MAX, i64::MAX]), Some(i64::MAX as f64));
    }

    #[test]
    fn a_histogram_gives_the_average_and_median_of_the_values_it_counts() {
        let cases: [&[i64]; 6] = [
            &[],
            &[4],
            &[1, 2],
            &[3, 5, 10],
            &[2, 2, 2, 9],
            &[7, 1, 7, 3, 1, 30],
        ];
        for values in cases {
            let mut histogram: Vec<(i64, i64)> = Vec::new();
            for v in values {
                match histogram.iter_mut().find(|(d, _)| d == v) {
                    Some((_, n)) => *n += 1,
                    None => histogram.push((*v, 1)),
                }
            }
            assert_eq!(
                histogram_average_and_median(&histogram),
                (average_days(values), median_days(values)),
                "{values:?}"
            );
        }
    }

    #[test]
    fn median_days_takes_the_middle_or_the_mean_of_the_two_middles() {
        assert_eq!(median_days(&[]), None);
        assert_eq!(median_days(&[7]), Some(7.0));
        assert_eq!(median_days(&[30, 1, 2]), Some(2.0));
        assert_eq!(median_days(&[4, 1, 3, 2]), Some(2.5));
        assert_eq!(median_days(&[1, 2, 3, 90]), Some(2.5));
        assert_eq!(median_days(&[i64::MAX, i64::MAX]), Some(i64::MAX as f64));
    }

    #[test]
    fn one_long_wait_moves_the_average_but_not_the_median() {
        let waits = [2, 3, 3, 4, 120];
        assert_eq!(average_days(&waits), Some(26.4));
        assert_eq!(median_days(&waits), Some(3.0));
    }
}
