//! `GET /fhir/r4/Patient/{id}/$everything` (issue 18.3): the record of a
//! demo person (several projects, goals, interventions, assessments with a
//! Barthel, a protected discharge, consents) validates against the official
//! R4 StructureDefinitions and holds every project, goal and assessment the
//! database holds, each reference resolving inside the Bundle; the read is
//! audited as the record's read, naming the service account when one
//! reads; the README's sample validates too. Who is refused is in
//! `access_matrix.rs`.

use std::collections::{BTreeSet, HashMap};

use entity::{
    assessment, assessment_result, audit_event, discharge, privacy_consent, project, project_goal,
    project_intervention, team, team_membership, user,
};
use ponte_server::domain::vocabulary::Instrument;
use ponte_server::seed::{seed_demo, DEMO_PASSWORD};
use ponte_tests::fhir::assert_valid;
use ponte_tests::serde_json::{json, Value};
use ponte_tests::{on_both_databases, Client, TestApp, TestDb};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::assessments::{barthel, RECORD};
use crate::service_accounts::{machine_get, service_account};

on_both_databases!(
    everything_of_a_demo_person_validates_and_holds_the_whole_record,
    a_refusal_is_an_operation_outcome,
);

pub(crate) fn everything_path(person: &str) -> String {
    format!("/fhir/r4/Patient/{person}/$everything")
}

/// A GET with the session of `client`, as a browser's link sends it.
pub(crate) async fn session_get(client: &Client, path: &str) -> (u16, String, Value) {
    let response = client
        .http
        .get(format!("{}{path}", client.base_url))
        .send()
        .await
        .expect("request sent");
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, content_type, body)
}

/// The demo person with a protected discharge and a Barthel whose record is
/// the largest.
async fn richest_demo_person(app: &TestApp) -> Uuid {
    let discharged: BTreeSet<Uuid> = discharge::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.person_id)
        .collect();
    let barthel_assessments: BTreeSet<Uuid> = assessment_result::Entity::find()
        .filter(assessment_result::Column::Instrument.eq(Instrument::Barthel))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.assessment_id)
        .collect();
    let barthel: BTreeSet<Uuid> = assessment::Entity::find()
        .filter(assessment::Column::Id.is_in(barthel_assessments))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.person_id)
        .collect();
    // The size of each record: projects, goals, interventions, assessments.
    let mut size: HashMap<Uuid, usize> = HashMap::new();
    let mut owner = HashMap::new();
    for p in project::Entity::find().all(&app.db).await.unwrap() {
        owner.insert(p.id, p.person_id);
        *size.entry(p.person_id).or_default() += 1;
    }
    for g in project_goal::Entity::find().all(&app.db).await.unwrap() {
        *size.entry(owner[&g.project_id]).or_default() += 1;
    }
    for i in project_intervention::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
    {
        *size.entry(owner[&i.project_id]).or_default() += 1;
    }
    for a in assessment::Entity::find().all(&app.db).await.unwrap() {
        *size.entry(a.person_id).or_default() += 1;
    }
    discharged
        .intersection(&barthel)
        .max_by_key(|id| (size.get(id).copied().unwrap_or(0), **id))
        .copied()
        .expect("the demo has a discharged person with a Barthel")
}

/// A demo user who is an active member of `team_id`, signed in.
async fn member_of(app: &TestApp, team_id: Uuid) -> (Client, Uuid) {
    let members: Vec<Uuid> = team_membership::Entity::find()
        .filter(team_membership::Column::TeamId.eq(team_id))
        .filter(team_membership::Column::EndedOn.is_null())
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let found = user::Entity::find()
        .filter(user::Column::Id.is_in(members))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.email.ends_with("@ponte.demo"))
        .expect("the team has a demo member");
    let client = app.client();
    client.login_ok(&found.email, DEMO_PASSWORD).await;
    (client, found.id)
}

/// The ids of the Bundle's resources of `kind`.
fn ids_of(bundle: &Value, kind: &str) -> BTreeSet<String> {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["resource"]["resourceType"] == kind)
        .map(|e| e["resource"]["id"].as_str().unwrap().to_owned())
        .collect()
}

fn strings(ids: impl IntoIterator<Item = Uuid>) -> BTreeSet<String> {
    ids.into_iter().map(|id| id.to_string()).collect()
}

/// Every `reference` anywhere under `value`.
fn references(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                match (key.as_str(), inner) {
                    ("reference", Value::String(text)) => found.push(text.clone()),
                    _ => references(inner, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| references(i, found)),
        _ => {}
    }
}

async fn everything_of_a_demo_person_validates_and_holds_the_whole_record(db: TestDb) {
    let app = TestApp::spawn(db).await;
    seed_demo(&app.db, &app.config).await.unwrap();
    let person = richest_demo_person(&app).await;
    // The UVM that assessed the person: its member opens a second project
    // and assesses the person again.
    let team_id = assessment::Entity::find()
        .filter(assessment::Column::PersonId.eq(person))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the person was assessed")
        .team_id;
    let (member, member_id) = member_of(&app, team_id).await;
    // A second project, with a goal and an intervention for it, as the demo
    // gives each person one.
    let opened = member
        .gql(
            "mutation($input: OpenProjectInput!) { openProject(input: $input) { id } }",
            json!({ "input": { "personId": person, "kind": "PROGETTO_DI_VITA", "teamId": team_id, "caseManagerId": member_id, "title": "Progetto di vita", "startDate": "2026-02-01" } }),
        )
        .await;
    let second = opened.ok()["openProject"]["id"].clone();
    let goal = member
        .gql(
            "mutation($input: AddGoalInput!) { addGoal(input: $input) { id } }",
            json!({ "input": { "projectId": second, "lifeArea": "SOCIAL_INCLUSION", "description": "Frequentare il centro diurno", "targetDate": "2026-12-31", "indicator": "Presenze settimanali" } }),
        )
        .await;
    member
        .gql(
            "mutation($input: AddInterventionInput!) { addIntervention(input: $input) { id } }",
            json!({ "input": { "projectId": second, "goalId": goal.ok()["addGoal"]["id"], "lifeArea": "SOCIAL_INCLUSION", "serviceKind": "CENTRO_DIURNO", "frequency": "Tre giorni a settimana", "startDate": "2026-03-01" } }),
        )
        .await
        .ok();
    member
        .gql(
            RECORD,
            json!({ "input": {
                "personId": person, "teamId": team_id, "projectId": second, "date": "2026-02-10",
                "setting": "DOMICILIO", "reason": "REASSESSMENT", "participantIds": [member_id],
                "instruments": [barthel([10, 5, 5, 10, 10, 10, 10, 15, 10, 5])],
                "needLevel": "MEDIUM", "recommendedSetting": "HOME_WITH_SAD", "notes": "Rivalutazione a domicilio"
            } }),
        )
        .await
        .ok();
    // Consents the demo does not record: one given, one refused.
    for (kind, granted) in [("DATA_SHARING", true), ("CONTACT", false)] {
        member
            .gql(
                "mutation($input: RecordPrivacyConsentInput!) { recordPrivacyConsent(input: $input) { id } }",
                json!({ "input": { "personId": person, "kind": kind, "granted": granted, "givenOn": "2026-01-15" } }),
            )
            .await
            .ok();
    }
    let projects = project::Entity::find()
        .filter(project::Column::PersonId.eq(person))
        .all(&app.db)
        .await
        .unwrap();
    let project_ids: Vec<Uuid> = projects.iter().map(|p| p.id).collect();
    let goals = project_goal::Entity::find()
        .filter(project_goal::Column::ProjectId.is_in(project_ids.clone()))
        .all(&app.db)
        .await
        .unwrap();
    let interventions = project_intervention::Entity::find()
        .filter(project_intervention::Column::ProjectId.is_in(project_ids.clone()))
        .all(&app.db)
        .await
        .unwrap();
    let assessments = assessment::Entity::find()
        .filter(assessment::Column::PersonId.eq(person))
        .all(&app.db)
        .await
        .unwrap();
    let results = assessment_result::Entity::find()
        .filter(assessment_result::Column::AssessmentId.is_in(assessments.iter().map(|a| a.id)))
        .all(&app.db)
        .await
        .unwrap();
    let discharges = discharge::Entity::find()
        .filter(discharge::Column::PersonId.eq(person))
        .all(&app.db)
        .await
        .unwrap();
    let consents = privacy_consent::Entity::find()
        .filter(privacy_consent::Column::PersonId.eq(person))
        .all(&app.db)
        .await
        .unwrap();
    assert!(
        projects.len() >= 2,
        "a demo-like record: {} projects",
        projects.len()
    );
    assert!(
        goals.len() >= 2 && interventions.len() >= 2 && assessments.len() >= 2,
        "{} goals, {} interventions, {} assessments",
        goals.len(),
        interventions.len(),
        assessments.len()
    );
    assert_eq!(consents.len(), 2);

    let before = app.statements();
    let (status, content_type, bundle) =
        session_get(&member, &everything_path(&person.to_string())).await;
    let statements = app.statements() - before;
    assert_eq!(status, 200, "{bundle}");
    assert_eq!(content_type, "application/fhir+json");
    assert_valid(&bundle);
    // Bounded: the session, the policy, one query per table, the audit.
    assert!(statements <= 25, "{statements} statements");

    assert_eq!(bundle["type"], "searchset");
    assert_eq!(ids_of(&bundle, "Patient"), strings([person]));
    assert_eq!(
        ids_of(&bundle, "CarePlan"),
        strings(project_ids.iter().copied())
    );
    assert_eq!(ids_of(&bundle, "Goal"), strings(goals.iter().map(|g| g.id)));
    assert_eq!(
        ids_of(&bundle, "QuestionnaireResponse"),
        strings(assessments.iter().map(|a| a.id))
    );
    assert_eq!(
        ids_of(&bundle, "Observation"),
        strings(results.iter().map(|r| r.id))
    );
    assert_eq!(
        ids_of(&bundle, "EpisodeOfCare"),
        strings(discharges.iter().map(|d| d.id))
    );
    assert_eq!(
        ids_of(&bundle, "Encounter"),
        strings(discharges.iter().map(|d| d.id))
    );
    let consent_ids = ids_of(&bundle, "Consent");
    assert!(consent_ids.is_superset(&strings(consents.iter().map(|c| c.id))));
    let teams: BTreeSet<Uuid> = projects
        .iter()
        .map(|p| p.team_id)
        .chain(assessments.iter().map(|a| a.team_id))
        .chain(discharges.iter().map(|d| d.receiving_team_id))
        .collect();
    assert!(ids_of(&bundle, "CareTeam").is_superset(&strings(teams)));
    let entries = bundle["entry"].as_array().unwrap();
    let activities: usize = entries
        .iter()
        .filter(|e| e["resource"]["resourceType"] == "CarePlan")
        .map(|e| e["resource"]["activity"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(activities, interventions.len());
    assert_eq!(bundle["total"], entries.len());

    // The Barthel's total is told with its LOINC code.
    let barthel = results
        .iter()
        .find(|r| r.instrument == Instrument::Barthel)
        .expect("a Barthel");
    let observation = entries
        .iter()
        .map(|e| &e["resource"])
        .find(|r| r["resourceType"] == "Observation" && r["id"] == barthel.id.to_string())
        .unwrap();
    assert_eq!(
        observation["code"]["coding"][0]["system"],
        "http://loinc.org"
    );
    assert_eq!(observation["code"]["coding"][0]["code"], "96761-2");
    assert_eq!(observation["valueInteger"], barthel.score);
    let patient = &entries[0]["resource"];
    assert_eq!(
        patient["identifier"][0]["system"],
        "http://hl7.it/sid/codiceFiscale"
    );

    // Every reference resolves to an entry, under its fullUrl.
    let full_urls: BTreeSet<String> = entries
        .iter()
        .map(|e| e["fullUrl"].as_str().unwrap().to_owned())
        .collect();
    let base = format!(
        "{}/fhir/r4",
        app.config.public_url.as_str().trim_end_matches('/')
    );
    for entry in entries {
        let kind = entry["resource"]["resourceType"].as_str().unwrap();
        let id = entry["resource"]["id"].as_str().unwrap();
        assert_eq!(entry["fullUrl"], format!("{base}/{kind}/{id}"));
    }
    let mut found = Vec::new();
    references(&bundle["entry"], &mut found);
    assert!(found.len() > entries.len());
    for reference in found {
        assert!(
            full_urls.contains(&format!("{base}/{reference}")),
            "{reference} is not in the Bundle"
        );
    }

    // Audited as the record's read, saying how.
    let read = fhir_reads(&app).await;
    assert_eq!(read.len(), 1, "{read:?}");
    assert!(read[0].get("serviceAccount").is_none());

    // A service account of the team's organization reads it too, named in the trail.
    let admin = app.client();
    admin
        .login_ok(ponte_server::seed::DEMO_ADMIN_EMAIL, DEMO_PASSWORD)
        .await;
    let organization = team::Entity::find_by_id(team_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .organization_id;
    let (_, token, _) =
        service_account(&admin, &organization.to_string(), &["FHIR_READ"], 30).await;
    let answer = machine_get(&app, &everything_path(&person.to_string()), Some(&token)).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(
        ids_of(&answer.json(), "CarePlan"),
        ids_of(&bundle, "CarePlan")
    );
    let read = fhir_reads(&app).await;
    assert_eq!(read.len(), 2, "{read:?}");
    assert_eq!(read[1]["serviceAccount"]["name"], "Datawarehouse ATS");
    assert_eq!(read[1]["projects"], projects.len());

    // What the README shows was validated here.
    assert_valid(&readme_sample());
}

/// The details of the `PERSON_READ` events of `$everything`, oldest first.
async fn fhir_reads(app: &TestApp) -> Vec<Value> {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("PERSON_READ"))
        .order_by_asc(audit_event::Column::OccurredAt)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|e| e.details)
        .filter(|d| d["via"] == "FHIR $everything")
        .collect()
}

/// The JSON block after `<!-- fhir-everything-sample -->` in the README.
fn readme_sample() -> Value {
    let readme = include_str!("../../../README.md");
    let (_, after) = readme
        .split_once("<!-- fhir-everything-sample -->")
        .expect("the README marks its $everything sample");
    let (_, block) = after.split_once("```json\n").expect("a json block");
    let (json, _) = block.split_once("```").expect("the block ends");
    ponte_tests::serde_json::from_str(json).expect("the sample is JSON")
}

async fn a_refusal_is_an_operation_outcome(db: TestDb) {
    let app = TestApp::spawn(db).await;
    let path = everything_path(&Uuid::now_v7().to_string());
    let signed_out = machine_get(&app, &path, None).await;
    assert_eq!(signed_out.status, 401);
    let unknown = machine_get(&app, &path, Some("ponte_sa_nonexistent")).await;
    assert_eq!(unknown.status, 401);
    assert!(unknown.header("www-authenticate").contains("invalid_token"));
    let admin = app.admin().await;
    let ats = app.organization(&admin, "ATS della Montagna", "ATS").await;
    let (_, token, _) = service_account(&admin, &ats, &["FHIR_READ"], 30).await;
    let not_found = machine_get(&app, &path, Some(&token)).await;
    assert_eq!(not_found.status, 404);
    let bad_id = machine_get(&app, &everything_path("non-un-id"), Some(&token)).await;
    assert_eq!(bad_id.status, 400);
    assert_eq!(
        bad_id.json()["issue"][0]["expression"],
        json!(["Patient.id"])
    );
    for answer in [&signed_out, &unknown, &not_found, &bad_id] {
        assert_eq!(answer.header("content-type"), "application/fhir+json");
        assert_eq!(
            answer.json()["resourceType"],
            "OperationOutcome",
            "{}",
            answer.text()
        );
        assert_valid(&answer.json());
    }
}
