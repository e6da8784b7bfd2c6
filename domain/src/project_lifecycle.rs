//! The life of an individual project (PAI, PTRI, progetto personalizzato,
//! progetto di vita) follows the case process of seed 001: accesso →
//! valutazione → progettazione → erogazione ⇄ verifica → conclusione.
//!
//! The rules live here, apart from the database, so that the service that
//! moves a project and the SPA that offers the buttons agree on one answer,
//! and so that every pair of states can be tested in milliseconds.
//!
//! Choices that the seeds leave open, made as a social worker would expect:
//!
//! - `CLOSED` can be reached from every state that is not already closed. A
//!   case can end at any step: the person declines during the accesso, moves
//!   away during the valutazione, dies while the project is suspended. The
//!   closure conditions are the same everywhere (every goal has a final
//!   outcome, every area with goals a final score — `closure_outcomes` —,
//!   a closure reason is given); a project closed early simply has fewer
//!   goals to account for.
//! - `CLOSED` is final. A new need opens a new project, so that the closed
//!   one keeps its outcomes and its history exactly as they were signed off.
//! - There is no way back to an earlier phase (e.g. `PLANNING` → `INTAKE`):
//!   a re-assessment happens inside `REVIEW`, which is where the seeds put
//!   the verifica periodica.
//! - The conditions for `ACTIVE` are checked on every entry, including the
//!   return from `REVIEW` and the resume from `SUSPENDED`: a review may have
//!   removed goals, and the person's agreement must still be on record for
//!   services to be delivered.

use std::fmt;

use chrono::NaiveDate;

pub use crate::vocabulary::{
    IntegratedPart, LifeArea, ProjectKind, ProjectStatus, Rater, TransitionRefusalCode,
};

impl ProjectStatus {
    /// The Italian name of the phase, as users say it; used in messages so
    /// that no English enum name reaches the screen.
    pub fn label_it(self) -> &'static str {
        match self {
            ProjectStatus::Intake => "Accesso",
            ProjectStatus::Assessment => "Valutazione",
            ProjectStatus::Planning => "Progettazione",
            ProjectStatus::Active => "Erogazione",
            ProjectStatus::Review => "Verifica",
            ProjectStatus::Suspended => "Sospensione",
            ProjectStatus::Closed => "Conclusione",
        }
    }

    /// Nothing leaves `CLOSED`; see the module documentation for why.
    pub fn is_final(self) -> bool {
        self == ProjectStatus::Closed
    }
}

/// What the service knows about the project when a move is asked for. Plain
/// values, so the rules can be checked without a database and the service
/// decides how to count (e.g. which goal statuses are final).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectFacts {
    pub has_case_manager: bool,
    pub has_team: bool,
    pub goal_count: usize,
    /// The person's assessment the project would rest on.
    pub assessment: AssessmentStanding,
    /// The person's agreement to the project (date and signature recorded);
    /// not a GDPR consent, which professional care does not need.
    pub has_consent: bool,
    /// The goals still open, which closing needs to have an outcome.
    pub goals_without_final_status: Vec<OpenGoal>,
    /// The parties whose agreement to the budget is missing: for a PTRI
    /// always, for other kinds once the budget has a line (an empty budget
    /// has nothing to agree to).
    pub budget_parties_missing: Vec<String>,
    /// A PTRI (a Budget di Salute project) runs only on an agreed budget;
    /// the other kinds run on a plan the budget may follow, so a budget not
    /// yet agreed is a warning for them, not a refusal.
    pub budget_agreement_required: bool,
    /// For an integrated PAI: the sides (health, social) that have not
    /// co-signed it yet. Empty for any other project.
    pub integrated_parts_missing: Vec<IntegratedPart>,
    /// The life areas still without a final score, by rater
    /// (`closure_outcomes::missing_final_scores`).
    pub missing_final_scores: Vec<(Rater, Vec<LifeArea>)>,
    pub closure_reason_given: bool,
    /// Where a suspended project came from; the only status it may resume
    /// to. `None` outside `SUSPENDED`.
    pub suspended_from: Option<ProjectStatus>,
}

/// A goal without its final outcome, named as the screens name it: the
/// refusal to close lists them so the team knows which to settle.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OpenGoal {
    /// The goal's id as the API gives it, for a screen to point at it.
    pub id: String,
    pub description: String,
}

/// An open project of the person, as the rule on parallel projects names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenProject {
    pub title: String,
    pub team: String,
}

/// One open project of a kind per person: two PAI in parallel from two
/// teams is the fragmentation the planning documents want to end. A second
/// one is opened only with a reason, which the history keeps. The refusal
/// names the projects already open, which the caller may see (they are
/// responsible for the person).
pub fn parallel_project_refusal(
    kind: ProjectKind,
    open_of_kind: &[OpenProject],
    reason_given: bool,
) -> Option<String> {
    if open_of_kind.is_empty() || reason_given {
        return None;
    }
    let named: Vec<String> = open_of_kind
        .iter()
        .map(|p| format!("«{}» (équipe {})", p.title, p.team))
        .collect();
    let one = match kind {
        ProjectKind::Pai => "un PAI aperto",
        ProjectKind::Ptri => "un PTRI aperto",
        ProjectKind::ProgettoPersonalizzato => "un progetto personalizzato aperto",
        ProjectKind::ProgettoDiVita => "un progetto di vita aperto",
    };
    Some(format!(
        "La persona ha già {one}: {}. Per aprirne un altro in parallelo indica il motivo",
        named.join(", ")
    ))
}

/// The settings of the case rules an installation may choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseRules {
    /// How long a signed assessment supports entering `ACTIVE`
    /// (`PONTE_ASSESSMENT_VALID_MONTHS`, 12 unless set).
    pub assessment_valid_months: u32,
}

impl Default for CaseRules {
    fn default() -> Self {
        CaseRules {
            assessment_valid_months: 12,
        }
    }
}

/// One assessment of the person in its latest version (an amended version
/// no longer counts: its correction does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssessmentOnRecord {
    pub assessed_on: NaiveDate,
    pub signed: bool,
}

/// Whether the person has an assessment a project can enter `ACTIVE` on:
/// signed, in its latest version, made within the period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AssessmentStanding {
    #[default]
    Missing,
    /// Only drafts: the newest one's date, so the user can find it.
    NotSigned {
        latest_on: NaiveDate,
    },
    /// The newest signed one is older than the period.
    Outdated {
        signed_on: NaiveDate,
        months: u32,
    },
    Current {
        signed_on: NaiveDate,
    },
}

/// Any team's assessment counts (the UVM often assesses before the project
/// exists, and a project team may rely on another team's), but only a signed
/// one: a draft is not yet an assessment anybody answers for. A signed
/// assessment dated on the first day of the period still counts.
pub fn assessment_standing(
    records: &[AssessmentOnRecord],
    today: NaiveDate,
    valid_months: u32,
) -> AssessmentStanding {
    let newest_signed = records
        .iter()
        .filter(|r| r.signed)
        .map(|r| r.assessed_on)
        .max();
    match newest_signed {
        Some(signed_on) => {
            let oldest_valid = today
                .checked_sub_months(chrono::Months::new(valid_months))
                .unwrap_or(NaiveDate::MIN);
            if signed_on >= oldest_valid {
                AssessmentStanding::Current { signed_on }
            } else {
                AssessmentStanding::Outdated {
                    signed_on,
                    months: valid_months,
                }
            }
        }
        None => match records.iter().map(|r| r.assessed_on).max() {
            Some(latest_on) => AssessmentStanding::NotSigned { latest_on },
            None => AssessmentStanding::Missing,
        },
    }
}

/// One reason a move was refused. A refused move returns all of them at
/// once, so the social worker can fix everything before trying again rather
/// than discovering one missing piece per attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransitionRefusal {
    /// Asking for the current status is almost always a double click or a
    /// stale screen; saying so is clearer than "not allowed".
    AlreadyIn(ProjectStatus),
    ProjectClosed,
    NotAllowed {
        from: ProjectStatus,
        to: ProjectStatus,
    },
    /// A suspension pauses the project; resuming elsewhere would skip or
    /// repeat a phase without anyone deciding it.
    MustResumeTo(ProjectStatus),
    /// The project is suspended but nobody recorded from where: resuming
    /// would be a guess, so only closing stays possible.
    ResumeStatusUnknown,
    MissingCaseManager,
    MissingTeam,
    NoGoals,
    NoAssessments,
    AssessmentNotSigned {
        latest_on: NaiveDate,
    },
    AssessmentOutdated {
        signed_on: NaiveDate,
        months: u32,
    },
    MissingConsent,
    BudgetNotAgreed {
        missing: Vec<String>,
    },
    IntegratedNotCosigned {
        missing: Vec<IntegratedPart>,
    },
    GoalsWithoutFinalStatus {
        goals: Vec<OpenGoal>,
    },
    /// The outcome is measured per area at the end: see `closure_outcomes`
    /// for what counts as final.
    FinalScoresMissing {
        rater: Rater,
        areas: Vec<LifeArea>,
    },
    MissingClosureReason,
}

impl TransitionRefusal {
    /// Lower case on purpose: the service joins several refusals into one
    /// sentence ("impossibile attivare il progetto: manca il case manager;
    /// nessun obiettivo"). Returns a `String` because some messages name the
    /// statuses involved.
    pub fn message_it(&self) -> String {
        match self {
            TransitionRefusal::AlreadyIn(status) => {
                format!("il progetto è già in «{}»", status.label_it())
            }
            TransitionRefusal::ProjectClosed => {
                "il progetto è concluso e non può più cambiare stato".to_owned()
            }
            TransitionRefusal::NotAllowed { from, to } => format!(
                "passaggio non consentito da «{}» a «{}»",
                from.label_it(),
                to.label_it()
            ),
            TransitionRefusal::MustResumeTo(status) => format!(
                "un progetto sospeso può tornare solo a «{}», da cui era stato sospeso",
                status.label_it()
            ),
            TransitionRefusal::ResumeStatusUnknown => {
                "non risulta da quale fase il progetto era stato sospeso".to_owned()
            }
            TransitionRefusal::MissingCaseManager => "manca il case manager".to_owned(),
            TransitionRefusal::MissingTeam => "manca l'équipe".to_owned(),
            TransitionRefusal::NoGoals => "nessun obiettivo".to_owned(),
            TransitionRefusal::NoAssessments => "nessuna valutazione".to_owned(),
            TransitionRefusal::AssessmentNotSigned { latest_on } => format!(
                "la valutazione del {} non è ancora firmata",
                crate::wording::date(*latest_on)
            ),
            TransitionRefusal::AssessmentOutdated { signed_on, months } => format!(
                "l'ultima valutazione firmata, del {}, ha più di {months} mesi: serve una nuova valutazione",
                crate::wording::date(*signed_on)
            ),
            TransitionRefusal::MissingConsent => "manca il consenso della persona".to_owned(),
            TransitionRefusal::BudgetNotAgreed { missing } => format!(
                "il Budget di Salute non è ancora condiviso da: {}",
                missing.join(", ")
            ),
            TransitionRefusal::IntegratedNotCosigned { missing } => format!(
                "il PAI integrato non è ancora sottoscritto dalla {}",
                missing
                    .iter()
                    .map(|part| part.label_it())
                    .collect::<Vec<_>>()
                    .join(" né dalla ")
            ),
            TransitionRefusal::GoalsWithoutFinalStatus { goals } => format!(
                "{} senza esito finale: {}",
                if goals.len() == 1 {
                    "obiettivo"
                } else {
                    "obiettivi"
                },
                goals
                    .iter()
                    .map(|goal| format!("«{}»", goal.description))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            TransitionRefusal::FinalScoresMissing { rater, areas } => format!(
                "manca il punteggio finale {} per: {} (è finale un punteggio registrato dal giorno dell'ultima modifica agli obiettivi dell'area)",
                match rater {
                    Rater::Team => "dell'équipe",
                    Rater::Person => "della persona",
                },
                areas
                    .iter()
                    .map(|area| area.label_it())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            TransitionRefusal::MissingClosureReason => "manca il motivo di chiusura".to_owned(),
        }
    }
}

impl TransitionRefusal {
    /// What a screen needs to lead to the fix (the project's section where
    /// the missing piece is recorded), whatever the wording.
    pub fn code(&self) -> TransitionRefusalCode {
        use TransitionRefusalCode as C;
        match self {
            TransitionRefusal::AlreadyIn(_) => C::AlreadyIn,
            TransitionRefusal::ProjectClosed => C::ProjectClosed,
            TransitionRefusal::NotAllowed { .. } => C::NotAllowed,
            TransitionRefusal::MustResumeTo(_) => C::MustResumeTo,
            TransitionRefusal::ResumeStatusUnknown => C::ResumeStatusUnknown,
            TransitionRefusal::MissingCaseManager => C::MissingCaseManager,
            TransitionRefusal::MissingTeam => C::MissingTeam,
            TransitionRefusal::NoGoals => C::NoGoals,
            TransitionRefusal::NoAssessments => C::NoAssessments,
            TransitionRefusal::AssessmentNotSigned { .. } => C::AssessmentNotSigned,
            TransitionRefusal::AssessmentOutdated { .. } => C::AssessmentOutdated,
            TransitionRefusal::MissingConsent => C::MissingConsent,
            TransitionRefusal::BudgetNotAgreed { .. } => C::BudgetNotAgreed,
            TransitionRefusal::IntegratedNotCosigned { .. } => C::IntegratedNotCosigned,
            TransitionRefusal::GoalsWithoutFinalStatus { .. } => C::GoalsWithoutFinalStatus,
            TransitionRefusal::FinalScoresMissing { .. } => C::FinalScoresMissing,
            TransitionRefusal::MissingClosureReason => C::MissingClosureReason,
        }
    }

    /// The goals the refusal is about (those still open, to close).
    pub fn goals(&self) -> &[OpenGoal] {
        match self {
            TransitionRefusal::GoalsWithoutFinalStatus { goals } => goals,
            _ => &[],
        }
    }
}

impl fmt::Display for TransitionRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_it())
    }
}

/// The moves the process allows regardless of the project's content, so the
/// SPA can show only sensible buttons. From `SUSPENDED` both `ACTIVE` and
/// `REVIEW` are listed because the right one depends on
/// `ProjectFacts::suspended_from`; `check_transition` has the last word.
pub fn allowed_targets(from: ProjectStatus) -> Vec<ProjectStatus> {
    use ProjectStatus::*;
    match from {
        Intake => vec![Assessment, Closed],
        Assessment => vec![Planning, Closed],
        Planning => vec![Active, Closed],
        Active => vec![Review, Suspended, Closed],
        Review => vec![Active, Suspended, Closed],
        Suspended => vec![Active, Review, Closed],
        Closed => Vec::new(),
    }
}

/// The statuses in which the review cadence runs. Before `ACTIVE` there is
/// nothing to review yet, a suspension pauses the cadence with the services,
/// and a closed project is never reviewed again. The project list filters
/// on this very list, so the list and each project's flag cannot disagree.
pub const REVIEWS_RUN_IN: [ProjectStatus; 2] = [ProjectStatus::Active, ProjectStatus::Review];

/// The next review date has passed while the cadence runs. The review day
/// itself is still on time: a review recorded that day is not late.
pub fn is_review_overdue(
    status: ProjectStatus,
    next_review_on: NaiveDate,
    today: NaiveDate,
) -> bool {
    REVIEWS_RUN_IN.contains(&status) && next_review_on < today
}

/// Decides a move in two stages: first whether the process allows it at all
/// (one refusal, since nothing the user fills in would change that), then
/// whether the project is ready for the target (every unmet condition, in
/// the order a form would list them).
pub fn check_transition(
    from: ProjectStatus,
    to: ProjectStatus,
    facts: &ProjectFacts,
) -> Result<(), Vec<TransitionRefusal>> {
    if from == to {
        return Err(vec![TransitionRefusal::AlreadyIn(to)]);
    }
    if from.is_final() {
        return Err(vec![TransitionRefusal::ProjectClosed]);
    }
    if !allowed_targets(from).contains(&to) {
        return Err(vec![TransitionRefusal::NotAllowed { from, to }]);
    }
    if from == ProjectStatus::Suspended && to != ProjectStatus::Closed {
        match facts.suspended_from {
            None => return Err(vec![TransitionRefusal::ResumeStatusUnknown]),
            Some(origin) if origin != to => {
                return Err(vec![TransitionRefusal::MustResumeTo(origin)])
            }
            Some(_) => {}
        }
    }

    let refusals = entry_conditions(to, facts);
    if refusals.is_empty() {
        Ok(())
    } else {
        Err(refusals)
    }
}

/// What entering `to` requires and `facts` lack, whatever the status the
/// project comes from.
fn entry_conditions(to: ProjectStatus, facts: &ProjectFacts) -> Vec<TransitionRefusal> {
    let mut refusals = Vec::new();
    match to {
        ProjectStatus::Active => {
            if !facts.has_case_manager {
                refusals.push(TransitionRefusal::MissingCaseManager);
            }
            if !facts.has_team {
                refusals.push(TransitionRefusal::MissingTeam);
            }
            if facts.goal_count == 0 {
                refusals.push(TransitionRefusal::NoGoals);
            }
            match facts.assessment {
                AssessmentStanding::Current { .. } => {}
                AssessmentStanding::Missing => refusals.push(TransitionRefusal::NoAssessments),
                AssessmentStanding::NotSigned { latest_on } => {
                    refusals.push(TransitionRefusal::AssessmentNotSigned { latest_on })
                }
                AssessmentStanding::Outdated { signed_on, months } => {
                    refusals.push(TransitionRefusal::AssessmentOutdated { signed_on, months })
                }
            }
            if !facts.has_consent {
                refusals.push(TransitionRefusal::MissingConsent);
            }
            if facts.budget_agreement_required && !facts.budget_parties_missing.is_empty() {
                refusals.push(TransitionRefusal::BudgetNotAgreed {
                    missing: facts.budget_parties_missing.clone(),
                });
            }
            if !facts.integrated_parts_missing.is_empty() {
                refusals.push(TransitionRefusal::IntegratedNotCosigned {
                    missing: facts.integrated_parts_missing.clone(),
                });
            }
        }
        ProjectStatus::Closed => {
            if !facts.goals_without_final_status.is_empty() {
                refusals.push(TransitionRefusal::GoalsWithoutFinalStatus {
                    goals: facts.goals_without_final_status.clone(),
                });
            }
            for (rater, areas) in &facts.missing_final_scores {
                refusals.push(TransitionRefusal::FinalScoresMissing {
                    rater: *rater,
                    areas: areas.clone(),
                });
            }
            if !facts.closure_reason_given {
                refusals.push(TransitionRefusal::MissingClosureReason);
            }
        }
        _ => {}
    }
    refusals
}

/// Something a move allows but the team should know before making it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransitionWarning {
    /// A project that is not a PTRI may deliver before its budget is agreed
    /// (the plan leads, the budget follows), but the resources in it are not
    /// committed until every party agrees.
    BudgetNotAgreed { missing: Vec<String> },
}

impl TransitionWarning {
    /// Lower case, like `TransitionRefusal::message_it`.
    pub fn message_it(&self) -> String {
        match self {
            TransitionWarning::BudgetNotAgreed { missing } => format!(
                "il Budget di Salute non è ancora condiviso da: {} (le risorse non sono ancora impegnate)",
                missing.join(", ")
            ),
        }
    }
}

/// What entering `to` would bring that the process allows but the team
/// should know.
pub fn entry_warnings(to: ProjectStatus, facts: &ProjectFacts) -> Vec<TransitionWarning> {
    let mut warnings = Vec::new();
    if to == ProjectStatus::Active
        && !facts.budget_agreement_required
        && !facts.budget_parties_missing.is_empty()
    {
        warnings.push(TransitionWarning::BudgetNotAgreed {
            missing: facts.budget_parties_missing.clone(),
        });
    }
    warnings
}

/// One move the process allows from here, with what still stands in its way
/// and what the team should know before making it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransitionCheck {
    pub to: ProjectStatus,
    /// Empty when the move can be made now.
    pub refusals: Vec<TransitionRefusal>,
    pub warnings: Vec<TransitionWarning>,
}

/// Every move `allowed_targets` lists, checked against the facts, so the SPA
/// can say why a button would be refused before it is pressed. Conditions
/// that depend on what the user types with the move (the closure reason) are
/// taken as met: the form asks for them.
pub fn transition_checks(from: ProjectStatus, facts: &ProjectFacts) -> Vec<TransitionCheck> {
    let facts = ProjectFacts {
        closure_reason_given: true,
        ..facts.clone()
    };
    allowed_targets(from)
        .into_iter()
        .map(|to| TransitionCheck {
            to,
            refusals: check_transition(from, to, &facts).err().unwrap_or_default(),
            warnings: entry_warnings(to, &facts),
        })
        .collect()
}

/// The status a project takes when a review (verifica) is recorded: services
/// go on, so it is `ACTIVE` again, on the same conditions as any entry into
/// `ACTIVE` — a review does not bring back a project whose case manager left
/// the team or whose agreement is no longer on record. Reviews are recorded
/// only while the project is delivered or under review.
pub fn review_outcome(
    from: ProjectStatus,
    facts: &ProjectFacts,
) -> Result<ProjectStatus, Vec<TransitionRefusal>> {
    if !REVIEWS_RUN_IN.contains(&from) {
        return Err(vec![TransitionRefusal::NotAllowed {
            from,
            to: ProjectStatus::Active,
        }]);
    }
    let refusals = entry_conditions(ProjectStatus::Active, facts);
    if refusals.is_empty() {
        Ok(ProjectStatus::Active)
    } else {
        Err(refusals)
    }
}

#[cfg(test)]
mod tests {
    use super::ProjectStatus::*;
    use super::TransitionRefusal as R;
    use super::*;

    /// Everything in place for any move; resuming goes back to `ACTIVE`.
    fn ready() -> ProjectFacts {
        ProjectFacts {
            has_case_manager: true,
            has_team: true,
            goal_count: 2,
            assessment: AssessmentStanding::Current {
                signed_on: on(2026, 9, 5),
            },
            has_consent: true,
            goals_without_final_status: Vec::new(),
            budget_parties_missing: Vec::new(),
            budget_agreement_required: false,
            integrated_parts_missing: Vec::new(),
            missing_final_scores: Vec::new(),
            closure_reason_given: true,
            suspended_from: Some(Active),
        }
    }

    /// Nothing in place: no case manager, team, goals, assessments, consent,
    /// closure reason, and an unknown suspension origin; one goal still open.
    fn empty() -> ProjectFacts {
        ProjectFacts {
            goals_without_final_status: vec![goal("1", "Restare a casa")],
            ..ProjectFacts::default()
        }
    }

    fn goal(id: &str, description: &str) -> OpenGoal {
        OpenGoal {
            id: id.to_owned(),
            description: description.to_owned(),
        }
    }

    fn not_allowed(from: ProjectStatus, to: ProjectStatus) -> Expected {
        Err(vec![R::NotAllowed { from, to }])
    }

    fn all_active_conditions() -> Vec<R> {
        vec![
            R::MissingCaseManager,
            R::MissingTeam,
            R::NoGoals,
            R::NoAssessments,
            R::MissingConsent,
        ]
    }

    fn all_closing_conditions() -> Vec<R> {
        vec![
            R::GoalsWithoutFinalStatus {
                goals: vec![goal("1", "Restare a casa")],
            },
            R::MissingClosureReason,
        ]
    }

    type Expected = Result<(), Vec<R>>;

    /// (from, to, answer when the project is ready, answer when nothing is
    /// in place).
    type Row = (ProjectStatus, ProjectStatus, Expected, Expected);

    /// Every (from, to) pair, written out by hand so that a change to the
    /// rules shows up as a change to this table.
    #[rustfmt::skip]
    fn grid() -> Vec<Row> {
        vec![
            // from INTAKE
            (Intake, Intake, Err(vec![R::AlreadyIn(Intake)]), Err(vec![R::AlreadyIn(Intake)])),
            (Intake, Assessment, Ok(()), Ok(())),
            (Intake, Planning, not_allowed(Intake, Planning), not_allowed(Intake, Planning)),
            (Intake, Active, not_allowed(Intake, Active), not_allowed(Intake, Active)),
            (Intake, Review, not_allowed(Intake, Review), not_allowed(Intake, Review)),
            (Intake, Suspended, not_allowed(Intake, Suspended), not_allowed(Intake, Suspended)),
            (Intake, Closed, Ok(()), Err(all_closing_conditions())),
            // from ASSESSMENT
            (Assessment, Intake, not_allowed(Assessment, Intake), not_allowed(Assessment, Intake)),
            (Assessment, Assessment, Err(vec![R::AlreadyIn(Assessment)]), Err(vec![R::AlreadyIn(Assessment)])),
            (Assessment, Planning, Ok(()), Ok(())),
            (Assessment, Active, not_allowed(Assessment, Active), not_allowed(Assessment, Active)),
            (Assessment, Review, not_allowed(Assessment, Review), not_allowed(Assessment, Review)),
            (Assessment, Suspended, not_allowed(Assessment, Suspended), not_allowed(Assessment, Suspended)),
            (Assessment, Closed, Ok(()), Err(all_closing_conditions())),
            // from PLANNING
            (Planning, Intake, not_allowed(Planning, Intake), not_allowed(Planning, Intake)),
            (Planning, Assessment, not_allowed(Planning, Assessment), not_allowed(Planning, Assessment)),
            (Planning, Planning, Err(vec![R::AlreadyIn(Planning)]), Err(vec![R::AlreadyIn(Planning)])),
            (Planning, Active, Ok(()), Err(all_active_conditions())),
            (Planning, Review, not_allowed(Planning, Review), not_allowed(Planning, Review)),
            (Planning, Suspended, not_allowed(Planning, Suspended), not_allowed(Planning, Suspended)),
            (Planning, Closed, Ok(()), Err(all_closing_conditions())),
            // from ACTIVE
            (Active, Intake, not_allowed(Active, Intake), not_allowed(Active, Intake)),
            (Active, Assessment, not_allowed(Active, Assessment), not_allowed(Active, Assessment)),
            (Active, Planning, not_allowed(Active, Planning), not_allowed(Active, Planning)),
            (Active, Active, Err(vec![R::AlreadyIn(Active)]), Err(vec![R::AlreadyIn(Active)])),
            (Active, Review, Ok(()), Ok(())),
            (Active, Suspended, Ok(()), Ok(())),
            (Active, Closed, Ok(()), Err(all_closing_conditions())),
            // from REVIEW
            (Review, Intake, not_allowed(Review, Intake), not_allowed(Review, Intake)),
            (Review, Assessment, not_allowed(Review, Assessment), not_allowed(Review, Assessment)),
            (Review, Planning, not_allowed(Review, Planning), not_allowed(Review, Planning)),
            (Review, Active, Ok(()), Err(all_active_conditions())),
            (Review, Review, Err(vec![R::AlreadyIn(Review)]), Err(vec![R::AlreadyIn(Review)])),
            (Review, Suspended, Ok(()), Ok(())),
            (Review, Closed, Ok(()), Err(all_closing_conditions())),
            // from SUSPENDED (ready: suspended from ACTIVE; empty: origin unknown)
            (Suspended, Intake, not_allowed(Suspended, Intake), not_allowed(Suspended, Intake)),
            (Suspended, Assessment, not_allowed(Suspended, Assessment), not_allowed(Suspended, Assessment)),
            (Suspended, Planning, not_allowed(Suspended, Planning), not_allowed(Suspended, Planning)),
            (Suspended, Active, Ok(()), Err(vec![R::ResumeStatusUnknown])),
            (Suspended, Review, Err(vec![R::MustResumeTo(Active)]), Err(vec![R::ResumeStatusUnknown])),
            (Suspended, Suspended, Err(vec![R::AlreadyIn(Suspended)]), Err(vec![R::AlreadyIn(Suspended)])),
            (Suspended, Closed, Ok(()), Err(all_closing_conditions())),
            // from CLOSED
            (Closed, Intake, Err(vec![R::ProjectClosed]), Err(vec![R::ProjectClosed])),
            (Closed, Assessment, Err(vec![R::ProjectClosed]), Err(vec![R::ProjectClosed])),
            (Closed, Planning, Err(vec![R::ProjectClosed]), Err(vec![R::ProjectClosed])),
            (Closed, Active, Err(vec![R::ProjectClosed]), Err(vec![R::ProjectClosed])),
            (Closed, Review, Err(vec![R::ProjectClosed]), Err(vec![R::ProjectClosed])),
            (Closed, Suspended, Err(vec![R::ProjectClosed]), Err(vec![R::ProjectClosed])),
            (Closed, Closed, Err(vec![R::AlreadyIn(Closed)]), Err(vec![R::AlreadyIn(Closed)])),
        ]
    }

    fn on(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn record(date: NaiveDate, signed: bool) -> AssessmentOnRecord {
        AssessmentOnRecord {
            assessed_on: date,
            signed,
        }
    }

    #[test]
    fn active_rests_on_a_signed_assessment_within_the_period() {
        let today = on(2026, 11, 27);
        let standing = |records: &[AssessmentOnRecord]| assessment_standing(records, today, 12);
        assert_eq!(standing(&[]), AssessmentStanding::Missing);
        assert_eq!(
            standing(&[
                record(on(2026, 9, 5), false),
                record(on(2026, 10, 1), false)
            ]),
            AssessmentStanding::NotSigned {
                latest_on: on(2026, 10, 1)
            }
        );
        // A newer draft does not hide an older signed one, and the first day
        // of the period still counts.
        assert_eq!(
            standing(&[
                record(on(2025, 11, 27), true),
                record(on(2026, 10, 1), false)
            ]),
            AssessmentStanding::Current {
                signed_on: on(2025, 11, 27)
            }
        );
        assert_eq!(
            standing(&[record(on(2025, 11, 26), true), record(on(2024, 1, 1), true)]),
            AssessmentStanding::Outdated {
                signed_on: on(2025, 11, 26),
                months: 12
            }
        );
        assert_eq!(
            assessment_standing(&[record(on(2025, 11, 26), true)], today, 18),
            AssessmentStanding::Current {
                signed_on: on(2025, 11, 26)
            }
        );
    }

    #[test]
    fn a_budget_di_salute_project_runs_only_on_a_budget_every_party_agreed() {
        let mut facts = ready();
        facts.budget_agreement_required = true;
        facts.budget_parties_missing = vec![
            "la persona (o chi la rappresenta)".into(),
            "Coop Il Sole".into(),
        ];
        let refused = check_transition(Planning, Active, &facts).unwrap_err();
        assert_eq!(
            refused[0].message_it(),
            "il Budget di Salute non è ancora condiviso da: la persona (o chi la rappresenta), Coop Il Sole"
        );
        assert_eq!(review_outcome(Review, &facts).unwrap_err().len(), 1);
        assert!(entry_warnings(Active, &facts).is_empty());
    }

    #[test]
    fn other_projects_are_warned_of_a_budget_not_agreed_but_may_deliver() {
        let mut facts = ready();
        facts.budget_parties_missing = vec!["Coop Il Sole".into()];
        assert_eq!(check_transition(Planning, Active, &facts), Ok(()));
        let checks = transition_checks(Planning, &facts);
        let active = checks.iter().find(|c| c.to == Active).unwrap();
        assert!(active.refusals.is_empty());
        assert_eq!(
            active
                .warnings
                .iter()
                .map(|w| w.message_it())
                .collect::<Vec<_>>(),
            vec!["il Budget di Salute non è ancora condiviso da: Coop Il Sole (le risorse non sono ancora impegnate)"]
        );
        let closed = checks.iter().find(|c| c.to == Closed).unwrap();
        assert!(closed.warnings.is_empty());
        assert_eq!(
            checks.iter().map(|c| c.to).collect::<Vec<_>>(),
            allowed_targets(Planning)
        );
    }

    #[test]
    fn an_integrated_pai_delivers_only_once_both_sides_signed() {
        let mut facts = ready();
        facts.integrated_parts_missing = vec![IntegratedPart::Health, IntegratedPart::Social];
        let refused = check_transition(Planning, Active, &facts).unwrap_err();
        assert_eq!(
            refused.iter().map(|r| r.message_it()).collect::<Vec<_>>(),
            vec!["il PAI integrato non è ancora sottoscritto dalla parte sanitaria né dalla parte sociale"]
        );
        facts.integrated_parts_missing = vec![IntegratedPart::Social];
        let checks = transition_checks(Review, &facts);
        let active = checks.iter().find(|c| c.to == Active).unwrap();
        assert_eq!(
            active.refusals,
            vec![R::IntegratedNotCosigned {
                missing: vec![IntegratedPart::Social]
            }]
        );
        // Closing does not need the signatures: a plan never signed can end.
        assert_eq!(check_transition(Planning, Closed, &facts), Ok(()));
    }

    #[test]
    fn a_second_open_project_of_a_kind_needs_a_reason() {
        let open = [OpenProject {
            title: "Restare a casa".into(),
            team: "UVM Breno".into(),
        }];
        assert_eq!(parallel_project_refusal(ProjectKind::Pai, &[], false), None);
        assert_eq!(
            parallel_project_refusal(ProjectKind::Pai, &open, true),
            None
        );
        assert_eq!(
            parallel_project_refusal(ProjectKind::Pai, &open, false).as_deref(),
            Some("La persona ha già un PAI aperto: «Restare a casa» (équipe UVM Breno). Per aprirne un altro in parallelo indica il motivo")
        );
    }

    #[test]
    fn a_refusal_names_the_assessment_it_means() {
        let mut facts = ready();
        facts.assessment = AssessmentStanding::Outdated {
            signed_on: on(2025, 3, 4),
            months: 12,
        };
        let refused = check_transition(Planning, Active, &facts).unwrap_err();
        assert_eq!(
            refused.iter().map(|r| r.message_it()).collect::<Vec<_>>(),
            vec!["l'ultima valutazione firmata, del 04/03/2025, ha più di 12 mesi: serve una nuova valutazione"]
        );
        facts.assessment = AssessmentStanding::NotSigned {
            latest_on: on(2026, 9, 5),
        };
        let refused = check_transition(Review, Active, &facts).unwrap_err();
        assert_eq!(
            refused[0].message_it(),
            "la valutazione del 05/09/2026 non è ancora firmata"
        );
    }

    #[test]
    fn the_grid_lists_every_pair_exactly_once() {
        let grid = grid();
        assert_eq!(grid.len(), 49);
        for from in ProjectStatus::ALL.iter().copied() {
            for to in ProjectStatus::ALL.iter().copied() {
                let rows = grid.iter().filter(|r| r.0 == from && r.1 == to).count();
                assert_eq!(rows, 1, "{from} → {to}");
            }
        }
    }

    #[test]
    fn every_pair_is_decided_as_the_grid_says_when_the_project_is_ready() {
        for (from, to, when_ready, _) in grid() {
            assert_eq!(
                check_transition(from, to, &ready()),
                when_ready,
                "{from} → {to}"
            );
        }
    }

    #[test]
    fn every_pair_is_decided_as_the_grid_says_when_nothing_is_in_place() {
        for (from, to, _, when_empty) in grid() {
            assert_eq!(
                check_transition(from, to, &empty()),
                when_empty,
                "{from} → {to}"
            );
        }
    }

    #[test]
    fn allowed_targets_are_exactly_the_moves_a_ready_project_can_make() {
        for from in ProjectStatus::ALL.iter().copied() {
            for to in ProjectStatus::ALL.iter().copied() {
                let mut facts = ready();
                // Resuming is allowed to whichever status the project left.
                if from == Suspended && (to == Active || to == Review) {
                    facts.suspended_from = Some(to);
                }
                assert_eq!(
                    allowed_targets(from).contains(&to),
                    check_transition(from, to, &facts).is_ok(),
                    "{from} → {to}"
                );
            }
        }
    }

    #[test]
    fn entering_active_lists_every_missing_condition_in_form_order() {
        let refusals = check_transition(Planning, Active, &empty()).unwrap_err();
        let messages: Vec<String> = refusals.iter().map(R::message_it).collect();
        assert_eq!(
            messages,
            [
                "manca il case manager",
                "manca l'équipe",
                "nessun obiettivo",
                "nessuna valutazione",
                "manca il consenso della persona",
            ]
        );
    }

    #[test]
    fn entering_active_reports_only_what_is_missing() {
        let facts = ProjectFacts {
            has_team: false,
            has_consent: false,
            ..ready()
        };
        assert_eq!(
            check_transition(Planning, Active, &facts),
            Err(vec![R::MissingTeam, R::MissingConsent])
        );
    }

    #[test]
    fn closing_reports_open_goals_and_the_missing_reason_together() {
        let facts = ProjectFacts {
            goals_without_final_status: vec![goal("1", "Uscire di casa"), goal("2", "Cucinare")],
            closure_reason_given: false,
            ..ready()
        };
        let refusals = check_transition(Review, Closed, &facts).unwrap_err();
        assert_eq!(
            refusals,
            vec![
                R::GoalsWithoutFinalStatus {
                    goals: vec![goal("1", "Uscire di casa"), goal("2", "Cucinare")]
                },
                R::MissingClosureReason
            ]
        );
        assert_eq!(
            refusals[0].message_it(),
            "obiettivi senza esito finale: «Uscire di casa», «Cucinare»"
        );
        assert_eq!(
            refusals[0].code(),
            TransitionRefusalCode::GoalsWithoutFinalStatus
        );
        assert_eq!(refusals[0].goals().len(), 2);
        assert_eq!(
            refusals[1].code(),
            TransitionRefusalCode::MissingClosureReason
        );
        assert_eq!(refusals[1].message_it(), "manca il motivo di chiusura");
    }

    #[test]
    fn closing_names_the_areas_without_a_final_score_by_rater() {
        let facts = ProjectFacts {
            missing_final_scores: vec![
                (
                    Rater::Team,
                    vec![LifeArea::HealthWellbeing, LifeArea::Housing],
                ),
                (Rater::Person, vec![LifeArea::Housing]),
            ],
            ..ready()
        };
        let refusals = check_transition(Review, Closed, &facts).unwrap_err();
        let messages: Vec<String> = refusals.iter().map(R::message_it).collect();
        assert_eq!(
            messages,
            [
                "manca il punteggio finale dell'équipe per: Benessere e salute, Abitare (è finale un punteggio registrato dal giorno dell'ultima modifica agli obiettivi dell'area)",
                "manca il punteggio finale della persona per: Abitare (è finale un punteggio registrato dal giorno dell'ultima modifica agli obiettivi dell'area)",
            ]
        );
        // Only closing asks for them.
        assert_eq!(check_transition(Review, Active, &facts), Ok(()));
    }

    #[test]
    fn a_person_who_declines_at_intake_closes_the_case_with_a_reason() {
        let facts = ProjectFacts {
            closure_reason_given: true,
            ..ProjectFacts::default()
        };
        assert_eq!(check_transition(Intake, Closed, &facts), Ok(()));
    }

    #[test]
    fn a_project_suspended_during_review_resumes_only_to_review() {
        let facts = ProjectFacts {
            suspended_from: Some(Review),
            ..ready()
        };
        assert_eq!(check_transition(Suspended, Review, &facts), Ok(()));
        assert_eq!(
            check_transition(Suspended, Active, &facts),
            Err(vec![R::MustResumeTo(Review)])
        );
    }

    #[test]
    fn resuming_to_active_checks_the_active_conditions_again() {
        let facts = ProjectFacts {
            has_consent: false,
            suspended_from: Some(Active),
            ..ready()
        };
        assert_eq!(
            check_transition(Suspended, Active, &facts),
            Err(vec![R::MissingConsent])
        );
    }

    #[test]
    fn a_refused_move_names_both_phases_in_italian() {
        let refusal = R::NotAllowed {
            from: Intake,
            to: Active,
        };
        assert_eq!(
            refusal.message_it(),
            "passaggio non consentito da «Accesso» a «Erogazione»"
        );
        assert_eq!(refusal.to_string(), refusal.message_it());
    }

    #[test]
    fn status_names_round_trip_and_unknown_names_are_refused() {
        for status in ProjectStatus::ALL.iter().copied() {
            assert_eq!(ProjectStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(ProjectStatus::parse("SUSPENDED"), Some(Suspended));
        assert_eq!(ProjectStatus::parse("active"), None);
        assert_eq!(ProjectStatus::parse(""), None);
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).expect("a day of March 2026")
    }

    #[test]
    fn a_review_is_overdue_from_the_day_after_it_was_due() {
        let today = day(10);
        assert!(is_review_overdue(Active, day(9), today));
        assert!(!is_review_overdue(Active, day(10), today));
        assert!(!is_review_overdue(Active, day(11), today));
        assert!(is_review_overdue(Review, day(1), today));
    }

    #[test]
    fn only_a_running_project_has_an_overdue_review() {
        let running: Vec<_> = ProjectStatus::ALL
            .iter()
            .copied()
            .filter(|status| is_review_overdue(*status, day(1), day(10)))
            .collect();
        assert_eq!(running, [Active, Review]);
        assert_eq!(running, REVIEWS_RUN_IN);
    }

    #[test]
    fn a_review_returns_to_active_only_on_the_conditions_of_active() {
        assert_eq!(review_outcome(Review, &ready()), Ok(Active));
        assert_eq!(review_outcome(Active, &ready()), Ok(Active));
        let mut left = ready();
        left.has_case_manager = false;
        left.has_consent = false;
        assert_eq!(
            review_outcome(Review, &left),
            Err(vec![R::MissingCaseManager, R::MissingConsent])
        );
        assert_eq!(
            review_outcome(Active, &left),
            Err(vec![R::MissingCaseManager, R::MissingConsent])
        );
        for from in [Intake, Assessment, Planning, Suspended, Closed] {
            assert_eq!(
                review_outcome(from, &ready()),
                Err(vec![R::NotAllowed { from, to: Active }]),
                "{from}"
            );
        }
    }

    #[test]
    fn only_closed_is_final() {
        let finals: Vec<_> = ProjectStatus::ALL
            .iter()
            .copied()
            .filter(|s| s.is_final())
            .collect();
        assert_eq!(finals, [Closed]);
        assert!(allowed_targets(Closed).is_empty());
    }
}
