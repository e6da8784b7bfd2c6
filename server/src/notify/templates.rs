//! The Italian texts of notifications. No health data ever: the person's
//! initials, what happened, a date and a link — never needs, ward or diagnosis.

use chrono::NaiveDate;

use crate::domain::vocabulary::AgendaKind;
use crate::domain::wording;

/// What happened, with only the facts a notification may carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    DischargeReported {
        initials: String,
        expected_on: NaiveDate,
    },
    ExpectedDateChanged {
        initials: String,
        expected_on: NaiveDate,
    },
    PlanMissingReminder {
        initials: String,
        expected_on: NaiveDate,
    },
    Discharged {
        initials: String,
        discharged_on: NaiveDate,
    },
    DischargeCancelled {
        initials: String,
    },
    /// An agreement of the register ends soon (60, then 15 days ahead).
    /// Agreements carry no personal data: its title is said.
    AgreementExpiring {
        title: String,
        valid_until: NaiveDate,
    },
    /// An item of the agenda is due tomorrow. Not even initials: the kind
    /// of item and its date, the link says the rest to one who may see it.
    AgendaReminder {
        kind: AgendaKind,
        due_on: NaiveDate,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub kind: &'static str,
    /// The in-app title and the email subject.
    pub title: String,
    pub text: String,
    pub html: String,
}

/// "Maria Rossi" → "M.R.": enough for the team to recognise the case from
/// the link, nothing for anyone else.
pub fn initials(given_name: &str, family_name: &str) -> String {
    [given_name, family_name]
        .iter()
        .filter_map(|name| name.trim().chars().next())
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn render(event: &Event, link: &str) -> Rendered {
    let (kind, title, sentence) = match event {
        Event::DischargeReported { initials, expected_on } => (
            "DISCHARGE_REPORTED",
            format!("Nuova dimissione protetta: {initials}"),
            format!(
                "Il reparto ha segnalato una dimissione protetta per {initials}, prevista il {}.",
                wording::date(*expected_on)
            ),
        ),
        Event::ExpectedDateChanged { initials, expected_on } => (
            "DISCHARGE_DATE_CHANGED",
            format!("Dimissione protetta di {initials}: nuova data prevista"),
            format!("La dimissione di {initials} è ora prevista il {}.", wording::date(*expected_on)),
        ),
        Event::PlanMissingReminder { initials, expected_on } => (
            "DISCHARGE_PLAN_MISSING",
            format!("Promemoria: dimissione di {initials} domani senza piano"),
            format!(
                "La dimissione di {initials} è prevista il {} e non c'è ancora un piano concordato.",
                wording::date(*expected_on)
            ),
        ),
        Event::Discharged { initials, discharged_on } => (
            "DISCHARGE_COMPLETED",
            format!("Dimissione avvenuta: {initials}"),
            format!("La dimissione protetta di {initials} è avvenuta il {}.", wording::date(*discharged_on)),
        ),
        Event::DischargeCancelled { initials } => (
            "DISCHARGE_CANCELLED",
            format!("Dimissione protetta di {initials} annullata"),
            format!("La segnalazione di dimissione protetta di {initials} è stata annullata."),
        ),
        Event::AgreementExpiring { title, valid_until } => (
            "AGREEMENT_EXPIRING",
            format!("Accordo in scadenza il {}: {title}", wording::date(*valid_until)),
            format!(
                "L'accordo «{title}» scade il {}. Se deve continuare, va rinnovato per tempo.",
                wording::date(*valid_until)
            ),
        ),
        Event::AgendaReminder { kind, due_on } => {
            let what = agenda_kind_words(*kind);
            (
                "AGENDA_REMINDER",
                format!("Promemoria: {what} domani, {}", wording::date(*due_on)),
                format!(
                    "Nella tua agenda di Ponte: {what} il {}.",
                    wording::date(*due_on)
                ),
            )
        }
    };
    let text = format!(
        "{sentence}\n\nApri Ponte per i dettagli: {link}\n\n-- \nPonte, servizi sociosanitari integrati. Questa email non contiene dati sanitari.\n"
    );
    let html = format!(
        "<!doctype html><html lang=\"it\"><body style=\"font-family:sans-serif\"><p>{}</p><p><a href=\"{}\">Apri Ponte per i dettagli</a></p><p style=\"color:#555;font-size:small\">Ponte, servizi sociosanitari integrati. Questa email non contiene dati sanitari.</p></body></html>",
        escape(&sentence),
        escape(link)
    );
    Rendered {
        kind,
        title,
        text,
        html,
    }
}

/// The kind of an agenda item as a reminder names it.
fn agenda_kind_words(kind: AgendaKind) -> &'static str {
    match kind {
        AgendaKind::ReviewDue => "revisione di un progetto",
        AgendaKind::UvmAssessment => "valutazione UVM programmata",
        AgendaKind::ExpectedDischarge => "dimissione protetta prevista",
        AgendaKind::Meeting => "incontro programmato",
        AgendaKind::DiaryFollowUp => "seguito di una nota di diario",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_two_upper_case_letters() {
        assert_eq!(initials("maria", "Rossi"), "M.R.");
        assert_eq!(initials("Élise", " d'Angelo"), "É.D.");
    }

    #[test]
    fn a_report_says_who_when_and_where_to_look_and_nothing_else() {
        let event = Event::DischargeReported {
            initials: "M.R.".into(),
            expected_on: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        };
        let rendered = render(&event, "https://ponte.example.it/dimissioni/1");
        assert_eq!(rendered.title, "Nuova dimissione protetta: M.R.");
        assert!(rendered.text.contains("25/11/2026"));
        assert!(rendered
            .text
            .contains("https://ponte.example.it/dimissioni/1"));
        assert!(rendered
            .html
            .contains("href=\"https://ponte.example.it/dimissioni/1\""));
    }

    #[test]
    fn html_is_escaped() {
        let rendered = render(
            &Event::DischargeCancelled {
                initials: "<b>".into(),
            },
            "x",
        );
        assert!(rendered.html.contains("&lt;b&gt;"));
    }
}
