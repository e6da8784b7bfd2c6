//! A person's record as FHIR R4 (`GET /fhir/r4/Patient/{id}/$everything`,
//! issue 18.3): the rows `services::fhir_record` read, turned into one
//! `searchset` Bundle by pure functions. Every resource keeps Ponte's id;
//! every reference is relative (`CarePlan/<id>`) and resolves to an entry of
//! the Bundle, whose `fullUrl` is the installation's FHIR base and that
//! path. The mapping, and Ponte's code systems, are in the README
//! ("Interoperability").
//!
//! Not in it: the case diary and the documents (confidential, and not the
//! record a receiving system works on), the users (who did what stays in
//! Ponte's audit trail).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use entity::{
    assessment, assessment_result, discharge, organization, person, privacy_consent, project,
    project_goal, project_intervention, team,
};
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::domain::vocabulary::{DischargeStatus, GoalStatus, Instrument, ProjectStatus, Sex};
use crate::fhir::systems::{
    ALTERNATIVE_CODE, ASSESSMENT_REASON, ASSESSMENT_SETTING, CARE_SETTING, CODICE_FISCALE,
    CONSENT_KIND, GOAL_STATUS, INSTRUMENT, LIFE_AREA, LOINC, NEED_LEVEL, ORGANIZATION_KIND,
    PROJECT_KIND, SERVICE_KIND, TEAM_KIND,
};

/// The published LOINC code of the Barthel index's total score.
pub const BARTHEL_TOTAL_LOINC: &str = "96761-2";
const BARTHEL_TOTAL_DISPLAY: &str = "Total score Barthel Index";
/// LOINC's "Patient Consent", the category of every Consent.
const PATIENT_CONSENT_LOINC: &str = "59284-0";
/// The code of a project's own consent in [`CONSENT_KIND`].
pub const PROJECT_CONSENT: &str = "PROJECT";

const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
const ACT_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
const CONSENT_SCOPE: &str = "http://terminology.hl7.org/CodeSystem/consentscope";
const GOAL_ACHIEVEMENT: &str = "http://terminology.hl7.org/CodeSystem/goal-achievement";

/// Everything of one person that goes into `$everything`, as read.
#[derive(Debug, Clone)]
pub struct Record {
    pub person: person::Model,
    /// The teams responsible for the person (`policy::responsible_teams`).
    pub teams: Vec<team::Model>,
    /// The organizations the other rows name: the teams', the hospitals',
    /// the providers' and the Comune of residence.
    pub organizations: Vec<organization::Model>,
    pub projects: Vec<project::Model>,
    pub goals: Vec<project_goal::Model>,
    pub interventions: Vec<project_intervention::Model>,
    pub assessments: Vec<assessment::Model>,
    pub results: Vec<assessment_result::Model>,
    pub discharges: Vec<discharge::Model>,
    pub consents: Vec<privacy_consent::Model>,
}

/// A project's lifecycle as a CarePlan's status.
pub fn care_plan_status(status: ProjectStatus) -> &'static str {
    match status {
        ProjectStatus::Intake | ProjectStatus::Assessment | ProjectStatus::Planning => "draft",
        ProjectStatus::Active | ProjectStatus::Review => "active",
        ProjectStatus::Suspended => "on-hold",
        ProjectStatus::Closed => "completed",
    }
}

/// A goal's status as a Goal's `lifecycleStatus`.
pub fn goal_lifecycle(status: GoalStatus) -> &'static str {
    match status {
        GoalStatus::Open => "active",
        GoalStatus::Achieved | GoalStatus::PartlyAchieved | GoalStatus::NotAchieved => "completed",
        GoalStatus::Dropped => "cancelled",
    }
}

/// A goal's status as R4's goal-achievement code, where one says the same.
pub fn goal_achievement(status: GoalStatus) -> Option<&'static str> {
    match status {
        GoalStatus::Open => Some("in-progress"),
        GoalStatus::Achieved => Some("achieved"),
        GoalStatus::NotAchieved => Some("not-achieved"),
        GoalStatus::PartlyAchieved | GoalStatus::Dropped => None,
    }
}

/// A protected discharge as an EpisodeOfCare's and an Encounter's status.
pub fn discharge_statuses(status: DischargeStatus) -> (&'static str, &'static str) {
    match status {
        DischargeStatus::Reported
        | DischargeStatus::AssessmentScheduled
        | DischargeStatus::PlanAgreed => ("active", "in-progress"),
        DischargeStatus::Discharged => ("finished", "finished"),
        DischargeStatus::Cancelled => ("cancelled", "cancelled"),
    }
}

/// An intervention's activity status: by its dates, on `today`, and
/// `completed` once its project is closed.
pub fn activity_status(
    start: NaiveDate,
    end: Option<NaiveDate>,
    project: ProjectStatus,
    today: NaiveDate,
) -> &'static str {
    if project == ProjectStatus::Closed || end.is_some_and(|end| end < today) {
        "completed"
    } else if start > today {
        "not-started"
    } else {
        "in-progress"
    }
}

fn gender(sex: Sex) -> &'static str {
    match sex {
        Sex::F => "female",
        Sex::M => "male",
    }
}

fn date(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn concept(system: &str, code: &str) -> Value {
    json!({ "coding": [{ "system": system, "code": code }] })
}

fn reference(kind: &str, id: Uuid) -> Value {
    json!({ "reference": format!("{kind}/{id}") })
}

fn period(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Value {
    json!({ "start": start.map(date), "end": end.map(date) })
}

/// FHIR JSON has no nulls and no empty arrays or objects: the builders
/// write `null` for what is missing and this takes it away.
pub fn pruned(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let kept: Map<String, Value> = map
                .into_iter()
                .map(|(key, value)| (key, pruned(value)))
                .filter(|(_, value)| !is_empty(value))
                .collect();
            Value::Object(kept)
        }
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(pruned)
                .filter(|value| !is_empty(value))
                .collect(),
        ),
        other => other,
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        Value::String(text) => text.trim().is_empty(),
        _ => false,
    }
}

/// Builds the resources, remembering which exist so that a reference is
/// written only to a resource of the Bundle.
struct Builder<'a> {
    record: &'a Record,
    organizations: HashSet<Uuid>,
    teams: HashMap<Uuid, &'a team::Model>,
    today: NaiveDate,
}

impl Builder<'_> {
    fn organization_ref(&self, id: Option<Uuid>) -> Value {
        match id {
            Some(id) if self.organizations.contains(&id) => reference("Organization", id),
            _ => Value::Null,
        }
    }

    fn care_team_ref(&self, id: Uuid) -> Value {
        if self.teams.contains_key(&id) {
            reference("CareTeam", id)
        } else {
            Value::Null
        }
    }

    fn patient(&self) -> Value {
        let person = &self.record.person;
        let identifier = match (&person.fiscal_code, &person.alternative_code) {
            (Some(code), _) => {
                json!({ "use": "official", "system": CODICE_FISCALE, "value": code })
            }
            (None, Some(code)) => json!({
                "use": "secondary",
                "system": ALTERNATIVE_CODE,
                "value": code,
                "type": { "text": person.fiscal_code_missing_reason.map(|r| r.as_str()) },
            }),
            (None, None) => Value::Null,
        };
        let comune = person.residence_comune_id.and_then(|id| {
            self.record
                .organizations
                .iter()
                .find(|org| org.id == id)
                .map(|org| org.name.clone())
        });
        json!({
            "resourceType": "Patient",
            "id": person.id.to_string(),
            "meta": { "lastUpdated": instant(person.updated_at) },
            "identifier": [identifier],
            "active": true,
            "name": [{ "use": "official", "family": person.family_name, "given": [person.given_name] }],
            "telecom": [
                person.phone.as_ref().map(|phone| json!({ "system": "phone", "value": phone })),
                person.email.as_ref().map(|email| json!({ "system": "email", "value": email })),
            ],
            "gender": gender(person.sex),
            "birthDate": date(person.birth_date),
            "address": [{
                "use": "home",
                "text": person.residence,
                "city": comune,
                "country": "IT",
            }],
        })
    }

    fn organization(&self, org: &organization::Model) -> Value {
        json!({
            "resourceType": "Organization",
            "id": org.id.to_string(),
            "identifier": [org.fiscal_code.as_ref().map(|code| json!({ "system": CODICE_FISCALE, "value": code }))],
            "active": true,
            "type": [concept(ORGANIZATION_KIND, org.kind.as_str())],
            "name": org.name,
        })
    }

    fn care_team(&self, team: &team::Model) -> Value {
        json!({
            "resourceType": "CareTeam",
            "id": team.id.to_string(),
            "status": "active",
            "category": [concept(TEAM_KIND, team.kind.as_str())],
            "name": team.name,
            "subject": reference("Patient", self.record.person.id),
            "managingOrganization": [self.organization_ref(Some(team.organization_id))],
        })
    }

    fn care_plan(&self, project: &project::Model) -> Value {
        let goals: Vec<Value> = self
            .record
            .goals
            .iter()
            .filter(|goal| goal.project_id == project.id)
            .map(|goal| reference("Goal", goal.id))
            .collect();
        let assessments: Vec<Value> = self
            .record
            .assessments
            .iter()
            .filter(|a| a.project_id == Some(project.id))
            .map(|a| reference("QuestionnaireResponse", a.id))
            .collect();
        let activities: Vec<Value> = self
            .record
            .interventions
            .iter()
            .filter(|i| i.project_id == project.id)
            .map(|i| {
                json!({ "detail": {
                    "kind": "ServiceRequest",
                    "code": concept(SERVICE_KIND, i.service_kind.as_str()),
                    "goal": [i.goal_id.map(|goal| reference("Goal", goal))],
                    "status": activity_status(i.start_date, i.end_date, project.status, self.today),
                    "scheduledPeriod": period(Some(i.start_date), i.end_date),
                    "performer": [self.organization_ref(i.provider_id)],
                    "description": i.frequency,
                }})
            })
            .collect();
        json!({
            "resourceType": "CarePlan",
            "id": project.id.to_string(),
            "meta": { "lastUpdated": instant(project.updated_at) },
            "status": care_plan_status(project.status),
            "intent": "plan",
            "category": [concept(PROJECT_KIND, project.kind.as_str())],
            "title": project.title,
            "subject": reference("Patient", project.person_id),
            "period": period(Some(project.start_date), project.closed_on),
            "created": instant(project.created_at),
            "careTeam": [self.care_team_ref(project.team_id)],
            "supportingInfo": assessments,
            "goal": goals,
            "activity": activities,
        })
    }

    fn goal(&self, goal: &project_goal::Model) -> Value {
        let mut achievement = Vec::new();
        if let Some(code) = goal_achievement(goal.status) {
            achievement.push(json!({ "system": GOAL_ACHIEVEMENT, "code": code }));
        }
        achievement.push(json!({ "system": GOAL_STATUS, "code": goal.status.as_str() }));
        json!({
            "resourceType": "Goal",
            "id": goal.id.to_string(),
            "meta": { "lastUpdated": instant(goal.updated_at) },
            "lifecycleStatus": goal_lifecycle(goal.status),
            "achievementStatus": { "coding": achievement },
            "category": [concept(LIFE_AREA, goal.life_area.as_str())],
            "description": { "text": goal.description },
            "subject": reference("Patient", self.record.person.id),
            "startDate": date(goal.created_at.date_naive()),
            "target": [{
                "measure": goal.indicator.as_ref().map(|text| json!({ "text": text })),
                "dueDate": goal.target_date.map(date),
            }],
            "note": [goal.outcome_note.as_ref().map(|text| json!({ "text": text }))],
        })
    }

    fn questionnaire_response(&self, found: &assessment::Model) -> Value {
        let mut items = vec![
            json!({ "linkId": "setting", "answer": [{ "valueCoding": { "system": ASSESSMENT_SETTING, "code": found.setting.as_str() } }] }),
            json!({ "linkId": "reason", "answer": [{ "valueCoding": { "system": ASSESSMENT_REASON, "code": found.reason.as_str() } }] }),
            json!({ "linkId": "need-level", "answer": [{ "valueCoding": { "system": NEED_LEVEL, "code": found.need_level.as_str() } }] }),
            json!({ "linkId": "recommended-setting", "answer": [{ "valueCoding": { "system": CARE_SETTING, "code": found.recommended_setting.as_str() } }] }),
        ];
        items.extend(
            self.results_of(found.id)
                .map(|result| json!({ "linkId": result.instrument.as_str(), "answer": [{ "valueInteger": result.score }] })),
        );
        if let Some(notes) = &found.notes {
            items.push(json!({ "linkId": "notes", "answer": [{ "valueString": notes }] }));
        }
        let status = match (found.signed_at, found.amends_id) {
            (None, _) => "in-progress",
            (Some(_), None) => "completed",
            (Some(_), Some(_)) => "amended",
        };
        json!({
            "resourceType": "QuestionnaireResponse",
            "id": found.id.to_string(),
            "basedOn": [found.project_id.map(|id| reference("CarePlan", id))],
            "status": status,
            "subject": reference("Patient", found.person_id),
            "encounter": found.discharge_id.map(|id| reference("Encounter", id)),
            "authored": date(found.assessed_on),
            "item": items,
        })
    }

    fn results_of(&self, assessment_id: Uuid) -> impl Iterator<Item = &assessment_result::Model> {
        self.record
            .results
            .iter()
            .filter(move |r| r.assessment_id == assessment_id)
    }

    fn observation(&self, found: &assessment::Model, result: &assessment_result::Model) -> Value {
        let mut coding = Vec::new();
        if result.instrument == Instrument::Barthel {
            coding.push(json!({ "system": LOINC, "code": BARTHEL_TOTAL_LOINC, "display": BARTHEL_TOTAL_DISPLAY }));
        }
        coding.push(json!({ "system": INSTRUMENT, "code": result.instrument.as_str() }));
        json!({
            "resourceType": "Observation",
            "id": result.id.to_string(),
            "status": if found.signed_at.is_some() { "final" } else { "preliminary" },
            "category": [{ "coding": [{ "system": OBSERVATION_CATEGORY, "code": "survey" }] }],
            "code": { "coding": coding },
            "subject": reference("Patient", found.person_id),
            "effectiveDateTime": date(found.assessed_on),
            "valueInteger": result.score,
            "interpretation": [{ "text": result.band }],
            "derivedFrom": [reference("QuestionnaireResponse", found.id)],
        })
    }

    fn episode_of_care(&self, found: &discharge::Model) -> Value {
        let (status, _) = discharge_statuses(found.status);
        let receiving = self
            .teams
            .get(&found.receiving_team_id)
            .map(|team| team.organization_id);
        json!({
            "resourceType": "EpisodeOfCare",
            "id": found.id.to_string(),
            "meta": { "lastUpdated": instant(found.updated_at) },
            "status": status,
            "type": [{ "text": "Dimissione protetta" }],
            "patient": reference("Patient", found.person_id),
            "managingOrganization": self.organization_ref(receiving),
            "period": period(
                Some(found.reported_at.date_naive()),
                found.discharged_on.or(found.cancelled_on),
            ),
            "team": [self.care_team_ref(found.receiving_team_id)],
        })
    }

    fn encounter(&self, found: &discharge::Model) -> Value {
        let (_, status) = discharge_statuses(found.status);
        let destination = found.destination.or(found.plan_destination);
        json!({
            "resourceType": "Encounter",
            "id": found.id.to_string(),
            "status": status,
            "class": { "system": ACT_CODE, "code": "IMP", "display": "inpatient encounter" },
            "serviceType": { "text": found.ward },
            "subject": reference("Patient", found.person_id),
            "episodeOfCare": [reference("EpisodeOfCare", found.id)],
            "period": period(
                Some(found.admitted_on),
                Some(found.discharged_on.unwrap_or(found.expected_discharge_on)),
            ),
            "reasonCode": [found.needs.as_ref().map(|text| json!({ "text": text }))],
            "hospitalization": {
                "dischargeDisposition": destination.map(|d| concept(CARE_SETTING, d.as_str())),
            },
            "serviceProvider": self.organization_ref(Some(found.hospital_id)),
        })
    }

    fn consent(&self, id: Uuid, kind: &str, granted: bool, on: NaiveDate, scope: &str) -> Value {
        json!({
            "resourceType": "Consent",
            "id": id.to_string(),
            "status": if granted { "active" } else { "rejected" },
            "scope": { "coding": [{ "system": CONSENT_SCOPE, "code": scope }] },
            "category": [
                { "coding": [{ "system": LOINC, "code": PATIENT_CONSENT_LOINC, "display": "Patient Consent" }] },
                concept(CONSENT_KIND, kind),
            ],
            "patient": reference("Patient", self.record.person.id),
            "dateTime": date(on),
            "policyRule": { "coding": [{ "system": ACT_CODE, "code": if granted { "OPTIN" } else { "OPTOUT" } }] },
            "provision": { "type": if granted { "permit" } else { "deny" } },
        })
    }

    /// The resources, each with its type: the Patient first.
    fn resources(&self) -> Vec<(&'static str, Uuid, Value)> {
        let record = self.record;
        let mut out = vec![("Patient", record.person.id, self.patient())];
        out.extend(
            record
                .organizations
                .iter()
                .map(|org| ("Organization", org.id, self.organization(org))),
        );
        out.extend(
            record
                .teams
                .iter()
                .map(|team| ("CareTeam", team.id, self.care_team(team))),
        );
        out.extend(
            record
                .projects
                .iter()
                .map(|p| ("CarePlan", p.id, self.care_plan(p))),
        );
        out.extend(record.goals.iter().map(|g| ("Goal", g.id, self.goal(g))));
        for found in &record.assessments {
            out.push((
                "QuestionnaireResponse",
                found.id,
                self.questionnaire_response(found),
            ));
            out.extend(
                self.results_of(found.id)
                    .map(|result| ("Observation", result.id, self.observation(found, result))),
            );
        }
        for found in &record.discharges {
            out.push(("EpisodeOfCare", found.id, self.episode_of_care(found)));
            out.push(("Encounter", found.id, self.encounter(found)));
        }
        out.extend(record.consents.iter().map(|c| {
            (
                "Consent",
                c.id,
                self.consent(
                    c.id,
                    c.kind.as_str(),
                    c.granted,
                    c.given_on,
                    "patient-privacy",
                ),
            )
        }));
        out.extend(record.projects.iter().filter_map(|p| {
            p.consent_on.map(|on| {
                (
                    "Consent",
                    p.id,
                    self.consent(p.id, PROJECT_CONSENT, true, on, "treatment"),
                )
            })
        }));
        out
    }
}

/// The `searchset` Bundle of `record`: `base` is the installation's FHIR
/// base (`https://…/fhir/r4`), `today` dates the interventions' status,
/// `now` the Bundle.
pub fn everything(record: &Record, base: &str, today: NaiveDate, now: DateTime<Utc>) -> Value {
    let builder = Builder {
        record,
        organizations: record.organizations.iter().map(|org| org.id).collect(),
        teams: record.teams.iter().map(|team| (team.id, team)).collect(),
        today,
    };
    let entries: Vec<Value> = builder
        .resources()
        .into_iter()
        .map(|(kind, id, resource)| {
            json!({
                "fullUrl": format!("{base}/{kind}/{id}"),
                "resource": pruned(resource),
                "search": { "mode": "match" },
            })
        })
        .collect();
    json!({
        "resourceType": "Bundle",
        "meta": { "lastUpdated": instant(now) },
        "type": "searchset",
        "total": entries.len(),
        "link": [{
            "relation": "self",
            "url": format!("{base}/Patient/{}/$everything", record.person.id),
        }],
        "entry": entries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nulls_and_empty_values_leave_the_json() {
        let value = pruned(json!({
            "a": null, "b": [], "c": [null, { "d": null }], "e": { "f": "" }, "g": 0, "h": [1]
        }));
        assert_eq!(value, json!({ "g": 0, "h": [1] }));
    }

    #[test]
    fn a_project_lifecycle_maps_to_a_care_plan_status() {
        assert_eq!(care_plan_status(ProjectStatus::Intake), "draft");
        assert_eq!(care_plan_status(ProjectStatus::Planning), "draft");
        assert_eq!(care_plan_status(ProjectStatus::Review), "active");
        assert_eq!(care_plan_status(ProjectStatus::Suspended), "on-hold");
        assert_eq!(care_plan_status(ProjectStatus::Closed), "completed");
    }

    #[test]
    fn a_goal_keeps_its_ponte_status_where_r4_has_no_word() {
        assert_eq!(goal_lifecycle(GoalStatus::Open), "active");
        assert_eq!(goal_lifecycle(GoalStatus::PartlyAchieved), "completed");
        assert_eq!(goal_lifecycle(GoalStatus::Dropped), "cancelled");
        assert_eq!(goal_achievement(GoalStatus::Achieved), Some("achieved"));
        assert_eq!(goal_achievement(GoalStatus::PartlyAchieved), None);
    }

    #[test]
    fn an_intervention_is_running_between_its_dates_while_its_project_is_open() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let open = ProjectStatus::Active;
        assert_eq!(activity_status(day(10), None, open, day(5)), "not-started");
        assert_eq!(activity_status(day(1), None, open, day(5)), "in-progress");
        assert_eq!(
            activity_status(day(1), Some(day(4)), open, day(5)),
            "completed"
        );
        assert_eq!(
            activity_status(day(1), None, ProjectStatus::Closed, day(5)),
            "completed"
        );
    }

    #[test]
    fn a_discharge_is_an_open_episode_until_the_person_leaves() {
        assert_eq!(
            discharge_statuses(DischargeStatus::PlanAgreed),
            ("active", "in-progress")
        );
        assert_eq!(
            discharge_statuses(DischargeStatus::Discharged),
            ("finished", "finished")
        );
        assert_eq!(
            discharge_statuses(DischargeStatus::Cancelled),
            ("cancelled", "cancelled")
        );
    }
}
