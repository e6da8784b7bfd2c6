//! Service accounts (issue 18.1): the rules of their scopes, names, token
//! lifetimes and rotation, apart from how tokens are made and stored.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::vocabulary::ServiceScope;

/// Every token starts with this, so that a leaked one is found by a grep
/// (in a repository, a log, a ticket) and told from any other secret.
pub const TOKEN_PREFIX: &str = "ponte_sa_";

/// Characters of the random part kept in the clear with the prefix: enough
/// to recognise a token in the list and to find its row, far too few to
/// guess the rest (the whole random part is 43 characters, 256 bits).
pub const SHOWN_RANDOM_CHARS: usize = 8;

/// A rotation leaves the previous tokens valid this long, so that the
/// client system can be given the new one without a gap in its calls. A
/// leaked token is revoked instead, which ends it at once.
pub const ROTATION_OVERLAP_HOURS: i64 = 24;

/// The longest a token may be asked to live, and what a rotation gives
/// when no length is asked.
pub const MAX_TOKEN_DAYS: i32 = 730;
pub const DEFAULT_TOKEN_DAYS: i32 = 365;

pub const MAX_NAME_CHARS: usize = 120;

impl ServiceScope {
    /// The name on the wire and in storage.
    pub fn wire(self) -> &'static str {
        match self {
            ServiceScope::DischargesReport => "discharges:report",
            ServiceScope::FhirRead => "fhir:read",
            ServiceScope::ExportInterventions => "export:interventions",
        }
    }

    pub fn from_wire(text: &str) -> Option<ServiceScope> {
        ServiceScope::ALL
            .iter()
            .copied()
            .find(|scope| scope.wire() == text)
    }
}

/// The stored list: wire names, comma-separated, each once, in the
/// vocabulary's order.
pub fn scopes_text(scopes: &[ServiceScope]) -> String {
    ServiceScope::ALL
        .iter()
        .filter(|scope| scopes.contains(scope))
        .map(|scope| scope.wire())
        .collect::<Vec<_>>()
        .join(",")
}

/// The stored list read back; `None` when a value is not a scope.
pub fn parse_scopes(text: &str) -> Option<Vec<ServiceScope>> {
    text.split(',')
        .filter(|part| !part.is_empty())
        .map(ServiceScope::from_wire)
        .collect()
}

/// A refused input: the field and the Italian message.
pub type Refusal = (&'static str, String);

/// The account's name, trimmed: what the list and the audit trail show.
pub fn check_name(name: &str) -> Result<String, Refusal> {
    let name = name.trim();
    if name.is_empty() {
        return Err(("name", "Indica il nome del service account".into()));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err((
            "name",
            format!("Il nome può avere al massimo {MAX_NAME_CHARS} caratteri"),
        ));
    }
    Ok(name.to_owned())
}

pub fn check_scopes(scopes: &[ServiceScope]) -> Result<(), Refusal> {
    if scopes.is_empty() {
        return Err((
            "scopes",
            "Indica almeno un ambito (scope) del service account".into(),
        ));
    }
    Ok(())
}

/// When a token made `now` for `days` days expires.
pub fn expiry(now: DateTime<Utc>, days: i32) -> Result<DateTime<Utc>, Refusal> {
    if !(1..=MAX_TOKEN_DAYS).contains(&days) {
        return Err((
            "expiresInDays",
            format!("La durata del token va da 1 a {MAX_TOKEN_DAYS} giorni"),
        ));
    }
    Ok(now + Duration::days(i64::from(days)))
}

/// What a rotation leaves of a token that expires at `expires_at`.
pub fn expiry_after_rotation(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
    expires_at.min(now + Duration::hours(ROTATION_OVERLAP_HOURS))
}

/// Why a token found by its prefix does not open the door.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenRefusal {
    Revoked,
    Expired,
    InactiveAccount,
}

impl TokenRefusal {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenRefusal::Revoked => "revoked",
            TokenRefusal::Expired => "expired",
            TokenRefusal::InactiveAccount => "inactive_account",
        }
    }
}

/// Whether a token whose secret matched may be used `now`.
pub fn token_usable(
    revoked_at: Option<DateTime<Utc>>,
    expires_at: DateTime<Utc>,
    account_active: bool,
    now: DateTime<Utc>,
) -> Result<(), TokenRefusal> {
    if revoked_at.is_some_and(|at| at <= now) {
        return Err(TokenRefusal::Revoked);
    }
    if expires_at <= now {
        return Err(TokenRefusal::Expired);
    }
    if !account_active {
        return Err(TokenRefusal::InactiveAccount);
    }
    Ok(())
}

/// The period of a flow: both days included, `from` not after `to`.
pub fn check_period(from: NaiveDate, to: NaiveDate) -> Result<(), Refusal> {
    if from > to {
        return Err((
            "to",
            "La data finale non può precedere quella iniziale".into(),
        ));
    }
    Ok(())
}

/// Whether an intervention running from `start` to `end` (open: still
/// running) was delivered on some day of `from..=to`.
pub fn delivered_in(
    start: NaiveDate,
    end: Option<NaiveDate>,
    from: NaiveDate,
    to: NaiveDate,
) -> bool {
    start <= to && end.is_none_or(|end| end >= from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn scopes_are_stored_by_their_wire_names_and_read_back() {
        let text = scopes_text(&[
            ServiceScope::ExportInterventions,
            ServiceScope::DischargesReport,
        ]);
        assert_eq!(text, "discharges:report,export:interventions");
        assert_eq!(
            parse_scopes(&text),
            Some(vec![
                ServiceScope::DischargesReport,
                ServiceScope::ExportInterventions
            ])
        );
        assert_eq!(parse_scopes("fhir:write"), None);
        assert_eq!(parse_scopes(""), Some(vec![]));
        for scope in ServiceScope::ALL {
            assert_eq!(ServiceScope::from_wire(scope.wire()), Some(*scope));
        }
    }

    #[test]
    fn names_scopes_and_lifetimes_are_checked() {
        assert_eq!(check_name("  ADT Esine ").unwrap(), "ADT Esine");
        assert_eq!(check_name(" ").unwrap_err().0, "name");
        assert_eq!(check_name(&"x".repeat(121)).unwrap_err().0, "name");
        assert_eq!(check_scopes(&[]).unwrap_err().0, "scopes");
        let now = at("2026-11-27T10:00:00Z");
        assert_eq!(expiry(now, 30).unwrap(), at("2026-12-27T10:00:00Z"));
        assert_eq!(expiry(now, 0).unwrap_err().0, "expiresInDays");
        assert!(expiry(now, MAX_TOKEN_DAYS + 1).is_err());
    }

    #[test]
    fn a_rotation_shortens_a_token_to_the_overlap_and_never_lengthens_it() {
        let now = at("2026-11-27T10:00:00Z");
        assert_eq!(
            expiry_after_rotation(at("2027-11-27T10:00:00Z"), now),
            at("2026-11-28T10:00:00Z")
        );
        assert_eq!(
            expiry_after_rotation(at("2026-11-27T12:00:00Z"), now),
            at("2026-11-27T12:00:00Z")
        );
    }

    #[test]
    fn a_token_is_refused_revoked_expired_or_of_an_inactive_account() {
        let now = at("2026-11-27T10:00:00Z");
        let later = at("2026-12-27T10:00:00Z");
        assert_eq!(token_usable(None, later, true, now), Ok(()));
        assert_eq!(
            token_usable(Some(now), later, true, now),
            Err(TokenRefusal::Revoked)
        );
        assert_eq!(
            token_usable(None, now, true, now),
            Err(TokenRefusal::Expired)
        );
        assert_eq!(
            token_usable(None, later, false, now),
            Err(TokenRefusal::InactiveAccount)
        );
    }

    #[test]
    fn an_intervention_is_delivered_in_a_period_it_overlaps() {
        let (from, to) = (day("2026-01-01"), day("2026-03-31"));
        assert!(delivered_in(day("2025-06-01"), None, from, to));
        assert!(delivered_in(
            day("2025-06-01"),
            Some(day("2026-01-01")),
            from,
            to
        ));
        assert!(delivered_in(day("2026-03-31"), None, from, to));
        assert!(!delivered_in(
            day("2025-06-01"),
            Some(day("2025-12-31")),
            from,
            to
        ));
        assert!(!delivered_in(day("2026-04-01"), None, from, to));
        assert!(check_period(to, from).is_err());
    }
}
