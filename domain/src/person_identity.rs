//! Rules for a person's identity: the codice fiscale must agree with the birth
//! date and sex entered, and a person without one carries the reason (and the
//! STP/ENI or provisional code) instead of an invented code.

use chrono::{Datelike, NaiveDate};

use crate::fiscal_code::{is_provisional_code, is_stp_eni_code, FiscalCode};
use crate::vocabulary::{AgeBand, FiscalCodeMissingReason, Sex};

/// What is stored about the person's code once the rules pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedCode {
    pub fiscal_code: Option<String>,
    pub missing_reason: Option<FiscalCodeMissingReason>,
    pub alternative_code: Option<String>,
}

/// A refused identity: the input field to point at and an Italian message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityError {
    pub field: &'static str,
    pub message: String,
}

fn refuse(field: &'static str, message: impl Into<String>) -> IdentityError {
    IdentityError {
        field,
        message: message.into(),
    }
}

pub fn check_code(
    fiscal_code: Option<&str>,
    missing_reason: Option<FiscalCodeMissingReason>,
    alternative_code: Option<&str>,
    birth_date: NaiveDate,
    sex: Sex,
) -> Result<CheckedCode, IdentityError> {
    let fiscal_code = fiscal_code.map(str::trim).filter(|s| !s.is_empty());
    let alternative_code = alternative_code
        .map(|s| s.trim().to_ascii_uppercase())
        .filter(|s| !s.is_empty());
    match (fiscal_code, missing_reason) {
        (Some(_), Some(_)) => Err(refuse(
            "fiscalCodeMissingReason",
            "Il motivo della mancanza si indica solo quando il codice fiscale manca",
        )),
        (Some(text), None) => {
            let code = FiscalCode::parse(text).map_err(|e| refuse("fiscalCode", e.message_it()))?;
            code.check_matches(birth_date.year(), birth_date.month(), birth_date.day(), sex)
                .map_err(|e| match e {
                    crate::fiscal_code::FiscalCodeError::SexMismatch => refuse(
                        "sex",
                        "Il sesso non corrisponde a quello indicato nel codice fiscale",
                    ),
                    _ => refuse(
                        "birthDate",
                        "La data di nascita non corrisponde a quella indicata nel codice fiscale",
                    ),
                })?;
            Ok(CheckedCode {
                fiscal_code: Some(code.as_str().to_owned()),
                missing_reason: None,
                alternative_code: None,
            })
        }
        (None, None) => Err(refuse(
            "fiscalCode",
            "Inserisci il codice fiscale oppure indica perché manca",
        )),
        (None, Some(reason)) => {
            let alternative = match reason {
                FiscalCodeMissingReason::Stp | FiscalCodeMissingReason::Eni => {
                    let code = alternative_code.ok_or_else(|| {
                        refuse("alternativeCode", "Inserisci il codice STP o ENI")
                    })?;
                    let expected = reason.as_str();
                    if !is_stp_eni_code(&code) || !code.starts_with(expected) {
                        return Err(refuse(
                            "alternativeCode",
                            format!("Il codice {expected} è composto da {expected} e 13 cifre"),
                        ));
                    }
                    Some(code)
                }
                FiscalCodeMissingReason::Provisional => {
                    let code = alternative_code.ok_or_else(|| {
                        refuse("alternativeCode", "Inserisci il codice fiscale provvisorio")
                    })?;
                    if !is_provisional_code(&code) {
                        return Err(refuse(
                            "alternativeCode",
                            "Il codice fiscale provvisorio è composto da 11 cifre",
                        ));
                    }
                    Some(code)
                }
                FiscalCodeMissingReason::NotAssigned => {
                    if alternative_code.is_some() {
                        return Err(refuse(
                            "alternativeCode",
                            "Senza codice assegnato non si indica un codice alternativo",
                        ));
                    }
                    None
                }
            };
            Ok(CheckedCode {
                fiscal_code: None,
                missing_reason: Some(reason),
                alternative_code: alternative,
            })
        }
    }
}

/// Birth dates in the future or before 1900 are typing mistakes.
pub fn check_birth_date(birth_date: NaiveDate, today: NaiveDate) -> Result<(), IdentityError> {
    if birth_date > today {
        return Err(refuse("birthDate", "La data di nascita è nel futuro"));
    }
    if birth_date.year() < 1900 {
        return Err(refuse(
            "birthDate",
            "La data di nascita è precedente al 1900",
        ));
    }
    Ok(())
}

/// Full years of age on `today`.
pub fn age_on(birth_date: NaiveDate, today: NaiveDate) -> i32 {
    let mut age = today.year() - birth_date.year();
    if (today.month(), today.day()) < (birth_date.month(), birth_date.day()) {
        age -= 1;
    }
    age.max(0)
}

/// The birth dates of the persons whose age on `today` (as [`age_on`]
/// counts it) is in `band`: born after `born_after` and on or before
/// `born_on_or_before`, each bound absent when the band is open on that side.
/// A list filters on these dates so that it can use the stored column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BirthDates {
    pub born_after: Option<NaiveDate>,
    pub born_on_or_before: Option<NaiveDate>,
}

pub fn birth_dates_in(band: AgeBand, today: NaiveDate) -> BirthDates {
    let (youngest, oldest) = match band {
        AgeBand::Under18 => (0, Some(17)),
        AgeBand::From18To64 => (18, Some(64)),
        AgeBand::From65To79 => (65, Some(79)),
        AgeBand::From80 => (80, None),
    };
    // Aged `years` or more: born on or before the day `years` ago (a 29
    // February birthday counts from 28 February, as `age_on` does).
    let years_ago = |years: u32| today.checked_sub_months(chrono::Months::new(years * 12));
    BirthDates {
        born_after: oldest.and_then(|years| years_ago(years + 1)),
        born_on_or_before: if youngest == 0 {
            None
        } else {
            years_ago(youngest)
        },
    }
}

/// A name as typed, trimmed, not empty, no control characters.
pub fn check_name(field: &'static str, name: &str) -> Result<String, IdentityError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(refuse(field, "Il campo è obbligatorio"));
    }
    if name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(refuse(
            field,
            "Il nome contiene caratteri non ammessi o è troppo lungo",
        ));
    }
    Ok(name)
}

/// An optional free-text field: trimmed, empty becomes none, bounded length.
pub fn optional_text(
    field: &'static str,
    text: Option<&str>,
    max_chars: usize,
) -> Result<Option<String>, IdentityError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if text.chars().count() > max_chars {
        return Err(refuse(
            field,
            format!("Il testo può avere al massimo {max_chars} caratteri"),
        ));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(refuse(field, "Il testo contiene caratteri non ammessi"));
    }
    Ok(Some(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn in_band(band: AgeBand, birth: NaiveDate, today: NaiveDate) -> bool {
        let dates = birth_dates_in(band, today);
        dates.born_after.is_none_or(|after| birth > after)
            && dates.born_on_or_before.is_none_or(|last| birth <= last)
    }

    #[test]
    fn every_age_is_in_exactly_its_band_as_age_on_counts_it() {
        let bands = [
            (AgeBand::Under18, 0..=17),
            (AgeBand::From18To64, 18..=64),
            (AgeBand::From65To79, 65..=79),
            (AgeBand::From80, 80..=i32::MAX),
        ];
        for today in [date(2026, 11, 27), date(2028, 2, 29), date(2027, 2, 28)] {
            let mut birth = date(1906, 1, 1);
            while birth <= today {
                let age = age_on(birth, today);
                for (band, ages) in bands.clone() {
                    assert_eq!(
                        in_band(band, birth, today),
                        ages.contains(&age),
                        "{band:?}, born {birth}, {age} on {today}"
                    );
                }
                birth = birth.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn the_open_bands_have_one_bound() {
        let today = date(2026, 11, 27);
        assert_eq!(
            birth_dates_in(AgeBand::Under18, today),
            BirthDates {
                born_after: Some(date(2008, 11, 27)),
                born_on_or_before: None
            }
        );
        assert_eq!(
            birth_dates_in(AgeBand::From80, today),
            BirthDates {
                born_after: None,
                born_on_or_before: Some(date(1946, 11, 27))
            }
        );
    }

    #[test]
    fn a_matching_code_is_stored_upper_case() {
        let checked = check_code(
            Some(" rssmra80a01h501u "),
            None,
            None,
            date(1980, 1, 1),
            Sex::M,
        )
        .unwrap();
        assert_eq!(checked.fiscal_code.as_deref(), Some("RSSMRA80A01H501U"));
    }

    #[test]
    fn a_code_that_disagrees_points_at_the_field_that_disagrees() {
        let wrong_date = check_code(
            Some("RSSMRA80A01H501U"),
            None,
            None,
            date(1980, 1, 2),
            Sex::M,
        )
        .unwrap_err();
        assert_eq!(wrong_date.field, "birthDate");
        let wrong_sex = check_code(
            Some("RSSMRA80A01H501U"),
            None,
            None,
            date(1980, 1, 1),
            Sex::F,
        )
        .unwrap_err();
        assert_eq!(wrong_sex.field, "sex");
        let malformed = check_code(
            Some("RSSMRA80A01H501X"),
            None,
            None,
            date(1980, 1, 1),
            Sex::M,
        )
        .unwrap_err();
        assert_eq!(malformed.field, "fiscalCode");
    }

    #[test]
    fn without_a_code_the_reason_and_its_code_are_required() {
        let none = check_code(None, None, None, date(1990, 5, 5), Sex::F).unwrap_err();
        assert_eq!(none.field, "fiscalCode");
        let stp = check_code(
            None,
            Some(FiscalCodeMissingReason::Stp),
            Some("stp0300011234567"),
            date(1990, 5, 5),
            Sex::F,
        )
        .unwrap();
        assert_eq!(stp.alternative_code.as_deref(), Some("STP0300011234567"));
        let eni_as_stp = check_code(
            None,
            Some(FiscalCodeMissingReason::Stp),
            Some("ENI0300011234567"),
            date(1990, 5, 5),
            Sex::F,
        )
        .unwrap_err();
        assert_eq!(eni_as_stp.field, "alternativeCode");
        let provisional = check_code(
            None,
            Some(FiscalCodeMissingReason::Provisional),
            Some("12345678901"),
            date(1990, 5, 5),
            Sex::F,
        )
        .unwrap();
        assert_eq!(
            provisional.missing_reason,
            Some(FiscalCodeMissingReason::Provisional)
        );
        let bad_provisional = check_code(
            None,
            Some(FiscalCodeMissingReason::Provisional),
            Some("1234"),
            date(1990, 5, 5),
            Sex::F,
        )
        .unwrap_err();
        assert_eq!(bad_provisional.field, "alternativeCode");
        let not_assigned = check_code(
            None,
            Some(FiscalCodeMissingReason::NotAssigned),
            None,
            date(1990, 5, 5),
            Sex::F,
        )
        .unwrap();
        assert_eq!(not_assigned.alternative_code, None);
        let both = check_code(
            Some("RSSMRA80A01H501U"),
            Some(FiscalCodeMissingReason::Stp),
            None,
            date(1980, 1, 1),
            Sex::M,
        )
        .unwrap_err();
        assert_eq!(both.field, "fiscalCodeMissingReason");
    }

    #[test]
    fn age_counts_full_years() {
        assert_eq!(age_on(date(1980, 6, 15), date(2026, 6, 14)), 45);
        assert_eq!(age_on(date(1980, 6, 15), date(2026, 6, 15)), 46);
        assert_eq!(age_on(date(2000, 2, 29), date(2026, 2, 28)), 25);
    }

    #[test]
    fn impossible_birth_dates_are_refused() {
        assert!(check_birth_date(date(2030, 1, 1), date(2026, 11, 23)).is_err());
        assert!(check_birth_date(date(1899, 12, 31), date(2026, 11, 23)).is_err());
        assert!(check_birth_date(date(1950, 1, 1), date(2026, 11, 23)).is_ok());
    }

    #[test]
    fn names_are_tidied_and_required() {
        assert_eq!(
            check_name("givenName", "  Maria   Luisa ").unwrap(),
            "Maria Luisa"
        );
        assert_eq!(
            check_name("givenName", "  ").unwrap_err().field,
            "givenName"
        );
        assert_eq!(optional_text("phone", Some("  "), 10).unwrap(), None);
        assert!(optional_text("phone", Some("12345678901"), 10).is_err());
    }
}
