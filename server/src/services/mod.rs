//! One async function per use case: authorize, validate, then one transaction
//! holding the writes and their audit events.

pub mod agenda;
pub mod agenda_reminders;
pub mod assessments;
pub mod at_version;
pub mod audit_trail;
pub mod budget;
pub mod calendar_feeds;
pub mod calendar_file;
pub mod case_diary;
pub mod child_rows;
pub mod csv_text;
pub mod discharge_indicators;
pub mod discharge_reminders;
pub mod discharges;
pub mod documents;
pub mod fhir_record;
pub mod identity;
pub mod indicator_export;
pub mod indicator_files;
pub mod indicators;
pub mod integrated_pai;
pub mod interventions_flow;
pub mod meetings;
pub mod network_agreement_reminders;
pub mod network_agreements;
pub mod notifications;
pub mod organizations;
pub mod page;
pub mod participants;
pub mod person_search;
pub mod persons;
pub mod project_history;
pub mod project_plan;
pub mod project_reviews;
pub mod projects;
pub mod referrals;
pub mod reminder_sweep;
pub mod rows;
pub mod service_accounts;
pub mod team_period;
pub mod teams;
pub mod territory;
pub mod users;
pub mod versions;

use chrono::NaiveDate;

use crate::error::{AppError, AppResult};

/// The day an act happened (`what` names that day in the message, "La data
/// della verifica"): never after today.
pub(crate) fn not_in_future(
    field: &str,
    what: &str,
    day: NaiveDate,
    today: NaiveDate,
) -> AppResult<()> {
    if day > today {
        return Err(AppError::validation(field, format!("{what} è nel futuro")));
    }
    Ok(())
}

/// The period `from..=to` an indicator is asked for: it must not run backwards.
pub(crate) fn indicator_period(from: NaiveDate, to: NaiveDate) -> AppResult<()> {
    if to < from {
        return Err(AppError::validation(
            "to",
            "La data finale precede quella iniziale",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::error::AppError;

    #[test]
    fn a_day_up_to_today_is_not_in_the_future() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert!(super::not_in_future("date", "La data", today, today).is_ok());
        let Err(AppError::Validation { field, message }) = super::not_in_future(
            "date",
            "La data della verifica",
            today.succ_opt().unwrap(),
            today,
        ) else {
            panic!("refused");
        };
        assert_eq!(field, "date");
        assert_eq!(message, "La data della verifica è nel futuro");
    }

    /// Every module of this folder, read from disk when the test runs so
    /// that a new module cannot be left out of the checks.
    fn sources() -> Vec<(String, String)> {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/services");
        let mut sources: Vec<(String, String)> = std::fs::read_dir(&folder)
            .expect("services folder")
            .map(|entry| entry.expect("folder entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "rs"))
            .map(|path| {
                let module = path.file_stem().expect("file name");
                let source = std::fs::read_to_string(&path).expect("module source");
                (module.to_string_lossy().into_owned(), source)
            })
            .collect();
        sources.sort();
        sources
    }

    /// A use case (a public function given the pool and the caller) is one
    /// span in the logs, under the request's id, with the ids it works on.
    #[test]
    fn every_use_case_is_a_span_with_the_request_id() {
        let sources = sources();
        assert!(sources.iter().any(|(module, _)| module == "persons"));
        let mut bare = Vec::new();
        for (module, source) in &sources {
            let lines: Vec<&str> = source.lines().collect();
            for (i, line) in lines.iter().enumerate() {
                let Some(name) = line.strip_prefix("pub async fn ") else {
                    continue;
                };
                let signature: String = lines[i..]
                    .iter()
                    .take_while(|l| !l.contains('{'))
                    .copied()
                    .collect();
                let use_case = signature.contains("db: &DatabaseConnection")
                    && signature.contains("caller: &Caller");
                let spanned = i > 0
                    && lines[i - 1].starts_with(
                        "#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()",
                    );
                if use_case && !spanned {
                    bare.push(format!(
                        "{module}::{}",
                        name.split('(').next().unwrap_or(name)
                    ));
                }
            }
        }
        assert!(bare.is_empty(), "without #[tracing::instrument]: {bare:?}");
    }
}
