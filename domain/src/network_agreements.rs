//! The agreements register (issue 15): Convenzioni, protocols, Accordi di
//! Programma and co-design agreements between the organizations of the
//! network. Their status is derived from the dates, never stored; the rules
//! of a coherent agreement and the expiry reminders are here.

use chrono::NaiveDate;

use crate::vocabulary::NetworkAgreementStatus;

/// Days before `validUntil` at which the parties' contacts are reminded,
/// widest first.
pub const REMINDER_DAYS: [i64; 2] = [60, 15];

/// The longest title, protocol number and element text kept.
pub const MAX_TITLE: usize = 300;
pub const MAX_PROTOCOL_NUMBER: usize = 100;
pub const MAX_ELEMENT: usize = 10_000;

/// The dates an agreement's status is derived from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AgreementDates {
    pub signed_on: Option<NaiveDate>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub withdrawn_on: Option<NaiveDate>,
}

/// WITHDRAWN when withdrawn; DRAFT when not signed; EXPIRED when
/// `valid_until` < today; SIGNED when `valid_from` > today; IN_FORCE
/// otherwise (a signed agreement with no start date is in force from its
/// signature).
pub fn status(dates: &AgreementDates, today: NaiveDate) -> NetworkAgreementStatus {
    if dates.withdrawn_on.is_some() {
        NetworkAgreementStatus::Withdrawn
    } else if dates.signed_on.is_none() {
        NetworkAgreementStatus::Draft
    } else if dates.valid_until.is_some_and(|until| until < today) {
        NetworkAgreementStatus::Expired
    } else if dates.valid_from.is_some_and(|from| from > today) {
        NetworkAgreementStatus::Signed
    } else {
        NetworkAgreementStatus::InForce
    }
}

/// What an agreement says, as checked before it is written. `Id` is how
/// the caller names an organization (the server's UUIDs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementDraft<'a, Id> {
    pub title: &'a str,
    /// The parties' organizations, in the order given.
    pub party_organizations: Vec<Id>,
    pub dates: AgreementDates,
    pub protocol_number: Option<&'a str>,
}

/// A refusal: the input field it concerns and the Italian message.
pub type Refusal = (&'static str, String);

/// The title trimmed, or why it is refused.
pub fn check_title(title: &str) -> Result<String, Refusal> {
    let trimmed = title.trim();
    if trimmed.is_empty() {
        return Err(("title", "Indica il titolo".into()));
    }
    if trimmed.chars().count() > MAX_TITLE {
        return Err((
            "title",
            format!("Il titolo può avere al massimo {MAX_TITLE} caratteri"),
        ));
    }
    Ok(trimmed.to_owned())
}

/// An optional text trimmed to None when blank, or refused when too long.
pub fn optional_text(
    field: &'static str,
    text: Option<&str>,
    max: usize,
) -> Result<Option<String>, Refusal> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) if text.chars().count() > max => Err((
            field,
            format!("Il testo può avere al massimo {max} caratteri"),
        )),
        Some(text) => Ok(Some(text.to_owned())),
    }
}

/// The rules of a coherent agreement: a title, at least two distinct
/// parties, validity from before until, signature not after the start of
/// validity nor after today, and a protocol number only on a signed
/// document.
pub fn check_agreement<Id: Ord + Clone>(
    draft: &AgreementDraft<'_, Id>,
    today: NaiveDate,
) -> Result<(), Refusal> {
    check_title(draft.title)?;
    let mut distinct = draft.party_organizations.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() != draft.party_organizations.len() {
        return Err((
            "parties",
            "Ogni ente compare una sola volta tra le parti".into(),
        ));
    }
    if distinct.len() < 2 {
        return Err((
            "parties",
            "Un accordo ha almeno due parti: indica gli enti che lo sottoscrivono".into(),
        ));
    }
    let AgreementDates {
        signed_on,
        valid_from,
        valid_until,
        ..
    } = draft.dates;
    if let (Some(from), Some(until)) = (valid_from, valid_until) {
        if until < from {
            return Err((
                "validUntil",
                "La fine della validità precede il suo inizio".into(),
            ));
        }
    }
    if let Some(signed) = signed_on {
        if signed > today {
            return Err((
                "signedOn",
                "La data di firma non può essere nel futuro".into(),
            ));
        }
        if valid_from.is_some_and(|from| signed > from) {
            return Err((
                "validFrom",
                "La validità non può iniziare prima della firma".into(),
            ));
        }
        if valid_from.is_none() && valid_until.is_some_and(|until| until < signed) {
            return Err((
                "validUntil",
                "La fine della validità precede la firma".into(),
            ));
        }
    }
    if draft
        .protocol_number
        .is_some_and(|number| !number.trim().is_empty())
        && signed_on.is_none()
    {
        return Err((
            "signedOn",
            "Un accordo protocollato è firmato: indica la data di firma".into(),
        ));
    }
    Ok(())
}

/// Withdrawing: an agreement not already withdrawn, on a day not in the
/// future nor before its signature, with a reason.
pub fn check_withdrawal(
    dates: &AgreementDates,
    withdrawn_on: NaiveDate,
    reason: &str,
    today: NaiveDate,
) -> Result<String, Refusal> {
    if dates.withdrawn_on.is_some() {
        return Err(("agreementId", "L'accordo è già stato ritirato".into()));
    }
    if withdrawn_on > today {
        return Err((
            "withdrawnOn",
            "La data del ritiro non può essere nel futuro".into(),
        ));
    }
    if dates.signed_on.is_some_and(|signed| withdrawn_on < signed) {
        return Err((
            "withdrawnOn",
            "La data del ritiro precede la firma dell'accordo".into(),
        ));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(("reason", "Indica il motivo del ritiro".into()));
    }
    if reason.chars().count() > MAX_ELEMENT {
        return Err((
            "reason",
            format!("Il testo può avere al massimo {MAX_ELEMENT} caratteri"),
        ));
    }
    Ok(reason.to_owned())
}

/// The reminder due today for an agreement in force until `valid_until`:
/// the tightest threshold of [`REMINDER_DAYS`] the days left have reached
/// (60 days ahead, then 15), none before 60 days or once it ended. An
/// agreement recorded with 10 days left gets the 15-day reminder only: the
/// 60-day one would say less, later.
pub fn reminder_due(valid_until: NaiveDate, today: NaiveDate) -> Option<i64> {
    let left = (valid_until - today).num_days();
    if left < 0 {
        return None;
    }
    REMINDER_DAYS
        .iter()
        .copied()
        .filter(|threshold| left <= *threshold)
        .min()
}

/// The widest reminder window: agreements ending further ahead need none yet.
pub fn reminder_horizon() -> i64 {
    REMINDER_DAYS.iter().copied().max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn dates(signed: Option<&str>, from: Option<&str>, until: Option<&str>) -> AgreementDates {
        AgreementDates {
            signed_on: signed.map(day),
            valid_from: from.map(day),
            valid_until: until.map(day),
            withdrawn_on: None,
        }
    }

    fn draft(parties: &[u8], dates: AgreementDates) -> AgreementDraft<'static, u8> {
        AgreementDraft {
            title: "Convenzione SAD",
            party_organizations: parties.to_vec(),
            dates,
            protocol_number: None,
        }
    }

    #[test]
    fn the_status_follows_the_dates() {
        let today = day("2026-11-27");
        let status_of = |d: AgreementDates| status(&d, today);
        assert_eq!(
            status_of(dates(None, Some("2026-01-01"), None)),
            NetworkAgreementStatus::Draft
        );
        assert_eq!(
            status_of(dates(Some("2026-01-01"), Some("2027-01-01"), None)),
            NetworkAgreementStatus::Signed
        );
        assert_eq!(
            status_of(dates(Some("2026-01-01"), None, None)),
            NetworkAgreementStatus::InForce
        );
        // The last day of validity is still in force.
        assert_eq!(
            status_of(dates(
                Some("2026-01-01"),
                Some("2026-01-01"),
                Some("2026-11-27")
            )),
            NetworkAgreementStatus::InForce
        );
        assert_eq!(
            status_of(dates(Some("2025-01-01"), None, Some("2026-11-26"))),
            NetworkAgreementStatus::Expired
        );
        let withdrawn = AgreementDates {
            withdrawn_on: Some(day("2026-06-01")),
            ..dates(Some("2026-01-01"), None, None)
        };
        assert_eq!(status_of(withdrawn), NetworkAgreementStatus::Withdrawn);
    }

    #[test]
    fn an_agreement_has_two_distinct_parties_and_a_title() {
        let today = day("2026-11-27");
        let none = AgreementDates::default();
        assert_eq!(
            check_agreement(&draft(&[1], none), today).unwrap_err().0,
            "parties"
        );
        assert_eq!(
            check_agreement(&draft(&[1, 1], none), today).unwrap_err().0,
            "parties"
        );
        assert!(check_agreement(&draft(&[1, 2], none), today).is_ok());
        let blank = AgreementDraft {
            title: "  ",
            ..draft(&[1, 2], none)
        };
        assert_eq!(check_agreement(&blank, today).unwrap_err().0, "title");
    }

    #[test]
    fn the_dates_must_follow_one_another() {
        let today = day("2026-11-27");
        let field = |d| check_agreement(&draft(&[1, 2], d), today).map_err(|e| e.0);
        assert_eq!(
            field(dates(None, Some("2026-05-01"), Some("2026-04-30"))),
            Err("validUntil")
        );
        assert_eq!(
            field(dates(Some("2026-05-02"), Some("2026-05-01"), None)),
            Err("validFrom")
        );
        assert_eq!(
            field(dates(Some("2026-11-28"), None, None)),
            Err("signedOn")
        );
        assert_eq!(
            field(dates(
                Some("2026-05-01"),
                Some("2026-05-01"),
                Some("2026-05-01")
            )),
            Ok(())
        );
        let numbered = AgreementDraft {
            protocol_number: Some("Prot. 123/2026"),
            ..draft(&[1, 2], AgreementDates::default())
        };
        assert_eq!(check_agreement(&numbered, today).unwrap_err().0, "signedOn");
    }

    #[test]
    fn a_withdrawal_needs_a_reason_and_a_past_day_after_the_signature() {
        let today = day("2026-11-27");
        let signed = dates(Some("2026-01-10"), None, None);
        assert_eq!(
            check_withdrawal(&signed, day("2026-11-28"), "Superato", today)
                .unwrap_err()
                .0,
            "withdrawnOn"
        );
        assert_eq!(
            check_withdrawal(&signed, day("2026-01-09"), "Superato", today)
                .unwrap_err()
                .0,
            "withdrawnOn"
        );
        assert_eq!(
            check_withdrawal(&signed, day("2026-06-01"), " ", today)
                .unwrap_err()
                .0,
            "reason"
        );
        assert_eq!(
            check_withdrawal(&signed, day("2026-06-01"), " Superato ", today),
            Ok("Superato".into())
        );
    }

    #[test]
    fn reminders_come_60_and_15_days_ahead_the_tightest_reached_only() {
        let until = day("2027-01-31");
        let on = |days_before: i64| until - chrono::Days::new(days_before as u64);
        assert_eq!(reminder_due(until, on(61)), None);
        assert_eq!(reminder_due(until, on(60)), Some(60));
        assert_eq!(reminder_due(until, on(16)), Some(60));
        assert_eq!(reminder_due(until, on(15)), Some(15));
        assert_eq!(reminder_due(until, on(0)), Some(15));
        assert_eq!(reminder_due(until, until + chrono::Days::new(1)), None);
        assert_eq!(reminder_horizon(), 60);
    }
}
