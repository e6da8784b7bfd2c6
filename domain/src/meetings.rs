//! The meetings register (issue 15): training, supervision, caregiver
//! courses, équipe and co-design tables. A meeting is planned, then held or
//! cancelled; planned against held is what the indicators compare.

use chrono::{Days, NaiveDate};

use crate::network_agreements::{check_title, Refusal};
use crate::vocabulary::{MeetingKind, MeetingStatus};

/// A meeting recorded as held may have moved earlier than planned, but not
/// by more than this: further back is a mistyped year.
pub const MAX_DAYS_HELD_BEFORE_PLANNED: u64 = 366;
/// More people than any room or course holds: a typing error.
pub const MAX_EXTERNAL_PARTICIPANTS: i32 = 10_000;
pub const MAX_NOTE: usize = 2_000;

/// Who organizes a meeting: a team (its members record it) or an
/// organization. `Id` is how the caller names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Organizer<Id> {
    Team(Id),
    Organization(Id),
}

/// Exactly one of `teamId` / `organizationId`.
pub fn organizer<Id>(team: Option<Id>, organization: Option<Id>) -> Result<Organizer<Id>, Refusal> {
    match (team, organization) {
        (Some(team), None) => Ok(Organizer::Team(team)),
        (None, Some(organization)) => Ok(Organizer::Organization(organization)),
        (Some(_), Some(_)) => Err((
            "teamId",
            "Indica chi organizza l'incontro: un'équipe oppure un ente, non entrambi".into(),
        )),
        (None, None) => Err((
            "teamId",
            "Indica chi organizza l'incontro: un'équipe oppure un ente".into(),
        )),
    }
}

/// The day a meeting took place: not in the future, and not more than a
/// year before the day it was planned for.
pub fn check_held_on(
    held_on: NaiveDate,
    planned_on: NaiveDate,
    today: NaiveDate,
) -> Result<(), Refusal> {
    if held_on > today {
        return Err((
            "heldOn",
            "Un incontro non può essere svolto in una data futura: registralo come programmato"
                .into(),
        ));
    }
    let earliest = planned_on
        .checked_sub_days(Days::new(MAX_DAYS_HELD_BEFORE_PLANNED))
        .unwrap_or(NaiveDate::MIN);
    if held_on < earliest {
        return Err((
            "heldOn",
            "La data di svolgimento precede di oltre un anno quella programmata: controlla l'anno"
                .into(),
        ));
    }
    Ok(())
}

pub fn check_external_participants(count: i32) -> Result<(), Refusal> {
    if count < 0 {
        return Err((
            "externalParticipants",
            "Il numero di partecipanti esterni non può essere negativo".into(),
        ));
    }
    if count > MAX_EXTERNAL_PARTICIPANTS {
        return Err((
            "externalParticipants",
            format!("Al massimo {MAX_EXTERNAL_PARTICIPANTS} partecipanti esterni"),
        ));
    }
    Ok(())
}

/// What a meeting says, as checked before it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingDraft<'a> {
    pub kind: MeetingKind,
    pub title: &'a str,
    pub planned_on: NaiveDate,
    pub held_on: Option<NaiveDate>,
    pub external_participants: i32,
}

/// The title trimmed and the status the meeting is written in: HELD when
/// it is recorded with the day it took place, PLANNED otherwise.
pub fn check_meeting(
    draft: &MeetingDraft<'_>,
    today: NaiveDate,
) -> Result<(String, MeetingStatus), Refusal> {
    let title = check_title(draft.title)?;
    check_external_participants(draft.external_participants)?;
    match draft.held_on {
        Some(held_on) => {
            check_held_on(held_on, draft.planned_on, today)?;
            Ok((title, MeetingStatus::Held))
        }
        None => Ok((title, MeetingStatus::Planned)),
    }
}

/// A cancelled meeting stays cancelled: it is neither edited nor recorded
/// as held (plan a new one instead).
pub fn check_changeable(status: MeetingStatus) -> Result<(), Refusal> {
    if status == MeetingStatus::Cancelled {
        return Err((
            "meetingId",
            "L'incontro è stato annullato: programmane uno nuovo".into(),
        ));
    }
    Ok(())
}

/// Only a planned meeting is cancelled, with a reason.
pub fn check_cancellation(status: MeetingStatus, reason: &str) -> Result<String, Refusal> {
    match status {
        MeetingStatus::Planned => {}
        MeetingStatus::Held => {
            return Err((
                "meetingId",
                "L'incontro si è già svolto: non può essere annullato".into(),
            ))
        }
        MeetingStatus::Cancelled => {
            return Err(("meetingId", "L'incontro è già stato annullato".into()))
        }
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(("reason", "Indica il motivo dell'annullamento".into()));
    }
    if reason.chars().count() > MAX_NOTE {
        return Err((
            "reason",
            format!("Il testo può avere al massimo {MAX_NOTE} caratteri"),
        ));
    }
    Ok(reason.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn draft(held_on: Option<&str>, external: i32) -> MeetingDraft<'static> {
        MeetingDraft {
            kind: MeetingKind::Formazione,
            title: " Formazione UVM ",
            planned_on: day("2026-11-20"),
            held_on: held_on.map(day),
            external_participants: external,
        }
    }

    #[test]
    fn a_meeting_is_organized_by_a_team_or_an_organization_not_both() {
        assert_eq!(organizer(Some(1), None), Ok(Organizer::Team(1)));
        assert_eq!(organizer(None, Some(2)), Ok(Organizer::Organization(2)));
        assert_eq!(organizer(Some(1), Some(2)).unwrap_err().0, "teamId");
        assert_eq!(organizer::<u8>(None, None).unwrap_err().0, "teamId");
    }

    #[test]
    fn held_is_not_in_the_future_nor_a_year_before_the_plan() {
        let today = day("2026-11-27");
        assert_eq!(
            check_meeting(&draft(None, 0), today),
            Ok(("Formazione UVM".into(), MeetingStatus::Planned))
        );
        assert_eq!(
            check_meeting(&draft(Some("2026-11-21"), 12), today),
            Ok(("Formazione UVM".into(), MeetingStatus::Held))
        );
        assert_eq!(
            check_meeting(&draft(Some("2026-11-28"), 0), today)
                .unwrap_err()
                .0,
            "heldOn"
        );
        assert_eq!(
            check_meeting(&draft(Some("2025-11-18"), 0), today)
                .unwrap_err()
                .0,
            "heldOn"
        );
        assert_eq!(
            check_meeting(&draft(None, -1), today).unwrap_err().0,
            "externalParticipants"
        );
    }

    #[test]
    fn only_a_planned_meeting_is_cancelled_and_a_cancelled_one_stays_so() {
        assert_eq!(
            check_cancellation(MeetingStatus::Planned, " Maltempo "),
            Ok("Maltempo".into())
        );
        assert_eq!(
            check_cancellation(MeetingStatus::Planned, " ")
                .unwrap_err()
                .0,
            "reason"
        );
        assert_eq!(
            check_cancellation(MeetingStatus::Held, "x").unwrap_err().0,
            "meetingId"
        );
        assert!(check_changeable(MeetingStatus::Cancelled).is_err());
        assert!(check_changeable(MeetingStatus::Held).is_ok());
    }
}
