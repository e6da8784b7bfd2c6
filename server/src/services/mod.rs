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
    /// Every module of this folder, by its source.
    const SOURCES: [(&str, &str); 34] = [
        ("agenda", include_str!("agenda.rs")),
        ("agenda_reminders", include_str!("agenda_reminders.rs")),
        ("calendar_feeds", include_str!("calendar_feeds.rs")),
        ("calendar_file", include_str!("calendar_file.rs")),
        ("assessments", include_str!("assessments.rs")),
        ("audit_trail", include_str!("audit_trail.rs")),
        ("budget", include_str!("budget.rs")),
        (
            "discharge_indicators",
            include_str!("discharge_indicators.rs"),
        ),
        (
            "discharge_reminders",
            include_str!("discharge_reminders.rs"),
        ),
        ("discharges", include_str!("discharges.rs")),
        ("fhir_record", include_str!("fhir_record.rs")),
        ("identity", include_str!("identity.rs")),
        ("indicator_export", include_str!("indicator_export.rs")),
        ("indicator_files", include_str!("indicator_files.rs")),
        ("indicators", include_str!("indicators.rs")),
        ("interventions_flow", include_str!("interventions_flow.rs")),
        ("meetings", include_str!("meetings.rs")),
        (
            "network_agreement_reminders",
            include_str!("network_agreement_reminders.rs"),
        ),
        ("network_agreements", include_str!("network_agreements.rs")),
        ("notifications", include_str!("notifications.rs")),
        ("organizations", include_str!("organizations.rs")),
        ("page", include_str!("page.rs")),
        ("persons", include_str!("persons.rs")),
        ("project_history", include_str!("project_history.rs")),
        ("project_plan", include_str!("project_plan.rs")),
        ("project_reviews", include_str!("project_reviews.rs")),
        ("projects", include_str!("projects.rs")),
        ("referrals", include_str!("referrals.rs")),
        ("service_accounts", include_str!("service_accounts.rs")),
        ("teams", include_str!("teams.rs")),
        ("territory", include_str!("territory.rs")),
        ("users", include_str!("users.rs")),
        ("versions", include_str!("versions.rs")),
        ("mod", include_str!("mod.rs")),
    ];

    /// A use case (a public function given the pool and the caller) is one
    /// span in the logs, under the request's id, with the ids it works on.
    #[test]
    fn every_use_case_is_a_span_with_the_request_id() {
        let mut bare = Vec::new();
        for (module, source) in SOURCES {
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
