//! The case diary (diario sociale, issue 17): what a social worker records
//! of each interview, visit, call or meeting about a person.
//!
//! A paper diary is never rewritten: the author may fix a typo the same day
//! (within [`EDIT_WINDOW_HOURS`] of writing), after that an entry is
//! corrected by an annotation and the original stays visible.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::network_agreements::{optional_text, Refusal};

/// How long after writing an entry its author may still change it.
pub const EDIT_WINDOW_HOURS: i64 = 24;
/// Longer than any interview or accompaniment: a typing error (12 hours).
pub const MAX_DURATION_MINUTES: i32 = 12 * 60;
pub const MAX_TEXT: usize = 20_000;
pub const MAX_ANNOTATION: usize = 5_000;
pub const MAX_PLACE: usize = 200;
pub const MAX_PARTICIPANT_DESCRIPTION: usize = 200;
/// An entry may be dated a little ahead of the server's clock (a phone
/// whose time runs fast), not later than this.
pub const MAX_MINUTES_AHEAD: i64 = 10;

/// What the author typed, before the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiaryDraft<'a> {
    pub occurred_at: DateTime<Utc>,
    pub duration_minutes: Option<i32>,
    pub place: Option<&'a str>,
    pub text: &'a str,
    pub follow_up_on: Option<NaiveDate>,
}

/// A draft the rules accepted: texts trimmed, empty ones gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedDiary {
    pub place: Option<String>,
    pub text: String,
}

/// The entry's rules: text required, a plausible duration, not dated in
/// the future, a follow-up not before the day of the entry.
pub fn check_entry(draft: &DiaryDraft<'_>, now: DateTime<Utc>) -> Result<CheckedDiary, Refusal> {
    let text = required_text("text", draft.text, MAX_TEXT)?;
    if draft.occurred_at > now + Duration::minutes(MAX_MINUTES_AHEAD) {
        return Err((
            "occurredAt",
            "Il diario registra ciò che è avvenuto: la data e l'ora non possono essere future"
                .into(),
        ));
    }
    if let Some(minutes) = draft.duration_minutes {
        if !(1..=MAX_DURATION_MINUTES).contains(&minutes) {
            return Err((
                "durationMinutes",
                format!(
                    "La durata va da 1 a {MAX_DURATION_MINUTES} minuti ({} ore)",
                    MAX_DURATION_MINUTES / 60
                ),
            ));
        }
    }
    if let Some(follow_up) = draft.follow_up_on {
        if follow_up < draft.occurred_at.date_naive() {
            return Err((
                "followUpOn",
                "La data di ripresa non può precedere la data della nota".into(),
            ));
        }
    }
    let place = optional_text("place", draft.place, MAX_PLACE)?;
    Ok(CheckedDiary { place, text })
}

/// The text of an annotation: required, within its length.
pub fn check_annotation(text: &str) -> Result<String, Refusal> {
    required_text("text", text, MAX_ANNOTATION)
}

/// A participant who is not a Ponte user: the description, trimmed.
pub fn check_participant_description(text: Option<&str>) -> Result<Option<String>, Refusal> {
    optional_text("participants", text, MAX_PARTICIPANT_DESCRIPTION)
}

fn required_text(field: &'static str, text: &str, max: usize) -> Result<String, Refusal> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err((field, "Scrivi il testo della nota".into()));
    }
    if trimmed.chars().count() > max {
        return Err((
            field,
            format!("Il testo può avere al massimo {max} caratteri"),
        ));
    }
    Ok(trimmed.to_owned())
}

/// Why an entry cannot be changed any more by its author.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditRefusal {
    /// Only the author rewrites their entry; others annotate it.
    NotTheAuthor,
    /// The 24 hours are over: corrections are annotations now.
    WindowClosed,
}

impl EditRefusal {
    pub fn message_it(self) -> &'static str {
        match self {
            EditRefusal::NotTheAuthor => {
                "Solo chi ha scritto la nota può modificarla: aggiungi un'annotazione"
            }
            EditRefusal::WindowClosed => {
                "Sono passate più di 24 ore da quando la nota è stata scritta: non si modifica più, aggiungi un'annotazione"
            }
        }
    }
}

/// Until when the author may change an entry written at `created_at`.
pub fn editable_until(created_at: DateTime<Utc>) -> DateTime<Utc> {
    created_at + Duration::hours(EDIT_WINDOW_HOURS)
}

/// Whether `editor` may rewrite the entry `author` wrote at `created_at`.
pub fn check_edit<Id: PartialEq>(
    author: &Id,
    editor: &Id,
    created_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), EditRefusal> {
    if author != editor {
        return Err(EditRefusal::NotTheAuthor);
    }
    if now >= editable_until(created_at) {
        return Err(EditRefusal::WindowClosed);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
    }

    fn draft(text: &str) -> DiaryDraft<'_> {
        DiaryDraft {
            occurred_at: at(20, 10),
            duration_minutes: Some(45),
            place: Some("  domicilio "),
            text,
            follow_up_on: Some(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()),
        }
    }

    #[test]
    fn a_good_entry_is_trimmed() {
        let checked = check_entry(&draft("  Colloquio con la figlia. "), at(20, 12)).unwrap();
        assert_eq!(checked.text, "Colloquio con la figlia.");
        assert_eq!(checked.place.as_deref(), Some("domicilio"));
    }

    #[test]
    fn the_text_is_required() {
        let err = check_entry(&draft("   "), at(20, 12)).unwrap_err();
        assert_eq!(err.0, "text");
        assert_eq!(check_annotation(" ").unwrap_err().0, "text");
        assert_eq!(check_annotation(" rettifica ").unwrap(), "rettifica");
    }

    #[test]
    fn the_duration_is_within_reason() {
        for minutes in [0, -5, MAX_DURATION_MINUTES + 1] {
            let mut d = draft("testo");
            d.duration_minutes = Some(minutes);
            assert_eq!(
                check_entry(&d, at(20, 12)).unwrap_err().0,
                "durationMinutes"
            );
        }
        let mut d = draft("testo");
        d.duration_minutes = Some(MAX_DURATION_MINUTES);
        assert!(check_entry(&d, at(20, 12)).is_ok());
        d.duration_minutes = None;
        assert!(check_entry(&d, at(20, 12)).is_ok());
    }

    #[test]
    fn the_follow_up_is_not_before_the_entry() {
        let mut d = draft("testo");
        d.follow_up_on = NaiveDate::from_ymd_opt(2026, 11, 19);
        assert_eq!(check_entry(&d, at(20, 12)).unwrap_err().0, "followUpOn");
        d.follow_up_on = NaiveDate::from_ymd_opt(2026, 11, 20);
        assert!(check_entry(&d, at(20, 12)).is_ok());
    }

    #[test]
    fn an_entry_is_not_dated_in_the_future() {
        let mut d = draft("testo");
        d.occurred_at = at(21, 10);
        assert_eq!(check_entry(&d, at(20, 12)).unwrap_err().0, "occurredAt");
        d.occurred_at = at(20, 12) + Duration::minutes(MAX_MINUTES_AHEAD);
        d.follow_up_on = None;
        assert!(check_entry(&d, at(20, 12)).is_ok());
    }

    #[test]
    fn the_author_edits_within_24_hours_then_annotates() {
        let written = at(20, 10);
        assert_eq!(check_edit(&1, &1, written, at(21, 9)), Ok(()));
        assert_eq!(
            check_edit(&1, &1, written, at(21, 10)),
            Err(EditRefusal::WindowClosed)
        );
        assert_eq!(
            check_edit(&1, &2, written, at(20, 11)),
            Err(EditRefusal::NotTheAuthor)
        );
        assert!(EditRefusal::WindowClosed
            .message_it()
            .contains("annotazione"));
    }
}
