//! Dimissioni protette: the path of a frail patient from the ward's report to
//! the day they leave hospital with services in place (seeds 001 and 003).
//!
//! The workflow is driven by actions rather than by target statuses because
//! each step is its own mutation in the API (`agreeDischargePlan`,
//! `completeDischarge`, `cancelDischarge`, …) and carries its own data; the
//! rules here only decide which step may follow which.
//!
//! The seeds also measure waiting times, so the averages they ask for are
//! computed here too, on plain day counts, where they can be tested exactly.

use std::fmt;

use chrono::NaiveDate;

pub use crate::vocabulary::{CancelReason, DischargeAction, DischargeDestination, DischargeStatus};

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
    PlanNotAgreed,
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
            DischargeRefusal::PlanNotAgreed => {
                "Il piano di dimissione non è ancora concordato: non si può dimettere"
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
/// because death or a transfer does not wait for the workflow.
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
        (S::PlanAgreed, A::Complete) => Ok(S::Discharged),
        (S::Reported | S::AssessmentScheduled, A::Complete) => Err(DischargeRefusal::PlanNotAgreed),
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

impl DischargeDestination {
    pub fn label_it(self) -> &'static str {
        match self {
            DischargeDestination::Home => "Domicilio",
            DischargeDestination::HomeWithServices => "Domicilio con servizi (SAD/ADI)",
            DischargeDestination::Rsa => "RSA",
            DischargeDestination::CureIntermedie => "Cure intermedie",
            DischargeDestination::Other => "Altro",
        }
    }

    /// `OTHER` is neither home nor residential, so it stays out of both
    /// averages rather than skewing one of them.
    pub fn is_residential(self) -> bool {
        matches!(
            self,
            DischargeDestination::Rsa | DischargeDestination::CureIntermedie
        )
    }

    pub fn is_home(self) -> bool {
        matches!(
            self,
            DischargeDestination::Home | DischargeDestination::HomeWithServices
        )
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
            (S::Reported, A::Complete, Err(R::PlanNotAgreed), Err(R::PlanNotAgreed)),
            (S::Reported, A::Cancel, Ok(S::Cancelled), Ok(S::Cancelled)),
            (S::AssessmentScheduled, A::ScheduleAssessment, Err(R::AssessmentAlreadyScheduled), Err(R::AssessmentAlreadyScheduled)),
            (S::AssessmentScheduled, A::AgreePlan, Ok(S::PlanAgreed), Ok(S::PlanAgreed)),
            (S::AssessmentScheduled, A::Complete, Err(R::PlanNotAgreed), Err(R::PlanNotAgreed)),
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
            R::PlanNotAgreed.message_it(),
            "Il piano di dimissione non è ancora concordato: non si può dimettere"
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
                vec![A::ScheduleAssessment, A::Cancel],
                vec![A::ScheduleAssessment, A::AgreePlan, A::Cancel],
            ),
            (
                S::AssessmentScheduled,
                vec![A::AgreePlan, A::Cancel],
                vec![A::AgreePlan, A::Cancel],
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
        for destination in DischargeDestination::ALL.iter().copied() {
            assert_eq!(
                DischargeDestination::parse(destination.as_str()),
                Some(destination)
            );
        }
        for reason in CancelReason::ALL.iter().copied() {
            assert_eq!(CancelReason::parse(reason.as_str()), Some(reason));
        }
        assert_eq!(DischargeStatus::parse("reported"), None);
        assert_eq!(DischargeDestination::parse("HOSPICE"), None);
        assert_eq!(CancelReason::parse(""), None);
    }

    #[test]
    fn destinations_split_into_home_residential_and_other() {
        use DischargeDestination as D;
        let home: Vec<_> = D::ALL.iter().copied().filter(|d| d.is_home()).collect();
        let residential: Vec<_> = D::ALL
            .iter()
            .copied()
            .filter(|d| d.is_residential())
            .collect();
        assert_eq!(home, [D::Home, D::HomeWithServices]);
        assert_eq!(residential, [D::Rsa, D::CureIntermedie]);
        assert!(!D::Other.is_home() && !D::Other.is_residential());
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
