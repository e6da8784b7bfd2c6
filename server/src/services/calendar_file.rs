//! The calendar feed's file (RFC 5545): one all-day event per agenda item,
//! whose SUMMARY is the kind of appointment and the person's initials, and
//! nothing else — never a name, a codice fiscale, a note, a need or a
//! diagnosis. A calendar app syncs it to phones and to other companies'
//! servers, outside Ponte's audit trail: what it carries must mean nothing
//! to anyone who does not also hold the record.
//!
//! Written by hand: all-day events with four properties need escaping and
//! line folding only, and the `icalendar` crate (0.17) needs a newer Rust
//! than the workspace's `rust-version`.

use chrono::{DateTime, Days, NaiveDate, Utc};
use uuid::Uuid;

use crate::domain::vocabulary::AgendaKind;

/// One event of the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedEvent {
    pub kind: AgendaKind,
    /// The object's id: with the kind, the event's stable UID, so a calendar
    /// app updates a moved review rather than adding a second one.
    pub item_id: Uuid,
    pub date: NaiveDate,
    /// "M.R.", or None for a meeting (which concerns no person).
    pub initials: Option<String>,
}

/// How the feed names a kind of appointment.
pub fn kind_label(kind: AgendaKind) -> &'static str {
    match kind {
        AgendaKind::ReviewDue => "Revisione progetto",
        AgendaKind::UvmAssessment => "Valutazione UVM",
        AgendaKind::ExpectedDischarge => "Dimissione protetta",
        AgendaKind::Meeting => "Incontro",
        AgendaKind::DiaryFollowUp => "Seguito diario",
    }
}

/// The SUMMARY of an event: the kind, and the initials when it concerns a person.
pub fn summary(event: &FeedEvent) -> String {
    match &event.initials {
        Some(initials) => format!("{} – {initials}", kind_label(event.kind)),
        None => kind_label(event.kind).to_owned(),
    }
}

/// The stable UID of an item.
pub fn uid(kind: AgendaKind, item_id: Uuid, host: &str) -> String {
    format!("{}-{item_id}@{host}", kind.as_str().to_ascii_lowercase())
}

/// A TEXT value escaped (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets, never inside a character, ended by CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// The whole file: `host` names the installation in the UIDs, `stamp` is
/// the time of the fetch.
pub fn calendar(events: &[FeedEvent], host: &str, stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Ponte//Agenda//IT",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Ponte – agenda",
    ] {
        push_line(&mut out, line);
    }
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for event in events {
        let end = event
            .date
            .checked_add_days(Days::new(1))
            .unwrap_or(event.date);
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(
            &mut out,
            &format!("UID:{}", uid(event.kind, event.item_id, host)),
        );
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", event.date.format("%Y%m%d")),
        );
        push_line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
        );
        push_line(&mut out, &format!("SUMMARY:{}", escape(&summary(event))));
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "CLASS:CONFIDENTIAL");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_has_a_stable_uid_a_date_and_initials_only() {
        let id = Uuid::nil();
        let event = FeedEvent {
            kind: AgendaKind::ReviewDue,
            item_id: id,
            date: NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
            initials: Some("M.R.".into()),
        };
        let stamp = DateTime::from_timestamp(0, 0).unwrap();
        let text = calendar(std::slice::from_ref(&event), "ponte.example.it", stamp);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains(&format!("UID:review_due-{id}@ponte.example.it\r\n")));
        assert!(text.contains("DTSTART;VALUE=DATE:20261128\r\n"));
        assert!(text.contains("DTEND;VALUE=DATE:20261129\r\n"));
        assert!(text.contains("SUMMARY:Revisione progetto – M.R.\r\n"));
        assert_eq!(
            text,
            calendar(&[event], "ponte.example.it", stamp),
            "the same agenda gives the same file"
        );
    }

    #[test]
    fn lines_are_folded_and_text_escaped() {
        let mut out = String::new();
        push_line(&mut out, &"è".repeat(60));
        assert!(out.lines().all(|l| l.len() <= 75), "{out:?}");
        assert_eq!(out.replace("\r\n ", ""), format!("{}\r\n", "è".repeat(60)));
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
