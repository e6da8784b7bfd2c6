//! A person's whole record for `$everything` (issue 18.3): the policy asked
//! once (`policy::require_record_reader`), the rows read in one transaction
//! with one query per table whatever the number of projects, goals or
//! assessments, and the read audited as the record's read (`PERSON_READ`)
//! saying it went out as FHIR. The resources are `fhir::record`'s.

use std::collections::BTreeSet;

use entity::{
    assessment, assessment_result, discharge, organization, privacy_consent, project, project_goal,
    project_intervention, team,
};
use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::error::AppResult;
use crate::fhir::record::Record;
use crate::policy;
use crate::services::persons::load;
use crate::services::rows::commit_audited;

/// What the audit event says of the read: the FHIR operation.
pub const VIA: &str = "FHIR $everything";

/// The person's record for a caller allowed to read it whole.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), person_id = %person_id))]
pub async fn read_record(
    db: &DatabaseConnection,
    caller: &Caller,
    person_id: Uuid,
) -> AppResult<Record> {
    let txn = db.begin().await?;
    policy::require_record_reader(&txn, caller, person_id).await?;
    let record = load_record(&txn, person_id).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::PersonRead)
            .on("person", person_id)
            .person(person_id)
            .details(json!({
                "via": VIA,
                "projects": record.projects.len(),
                "goals": record.goals.len(),
                "assessments": record.assessments.len(),
                "discharges": record.discharges.len(),
                "consents": record.consents.len(),
            })),
    )
    .await?;
    Ok(record)
}

/// Ten queries: the person, the responsible teams, then each table by the
/// person or by the ids already read, and the organizations they name.
async fn load_record(conn: &impl ConnectionTrait, person_id: Uuid) -> AppResult<Record> {
    let person = load(conn, person_id).await?;
    let held = Alias::new("held");
    let teams = team::Entity::find()
        .filter(
            team::Column::Id.in_subquery(
                Query::select()
                    .column((held.clone(), Alias::new(policy::HELD_TEAM)))
                    .from_subquery(
                        policy::responsible_teams(&Expr::val(person_id).into()),
                        held,
                    )
                    .to_owned(),
            ),
        )
        .order_by_asc(team::Column::Name)
        .all(conn)
        .await?;
    let projects = project::Entity::find()
        .filter(project::Column::PersonId.eq(person_id))
        .order_by_asc(project::Column::StartDate)
        .order_by_asc(project::Column::Id)
        .all(conn)
        .await?;
    let project_ids: Vec<Uuid> = projects.iter().map(|p| p.id).collect();
    let goals = project_goal::Entity::find()
        .filter(project_goal::Column::ProjectId.is_in(project_ids.clone()))
        .order_by_asc(project_goal::Column::CreatedAt)
        .order_by_asc(project_goal::Column::Id)
        .all(conn)
        .await?;
    let interventions = project_intervention::Entity::find()
        .filter(project_intervention::Column::ProjectId.is_in(project_ids))
        .order_by_asc(project_intervention::Column::StartDate)
        .order_by_asc(project_intervention::Column::Id)
        .all(conn)
        .await?;
    let assessments = assessment::Entity::find()
        .filter(assessment::Column::PersonId.eq(person_id))
        .order_by_asc(assessment::Column::AssessedOn)
        .order_by_asc(assessment::Column::Id)
        .all(conn)
        .await?;
    let results = assessment_result::Entity::find()
        .filter(assessment_result::Column::AssessmentId.is_in(assessments.iter().map(|a| a.id)))
        .order_by_asc(assessment_result::Column::Id)
        .all(conn)
        .await?;
    let discharges = discharge::Entity::find()
        .filter(discharge::Column::PersonId.eq(person_id))
        .order_by_asc(discharge::Column::AdmittedOn)
        .order_by_asc(discharge::Column::Id)
        .all(conn)
        .await?;
    let consents = privacy_consent::Entity::find()
        .filter(privacy_consent::Column::PersonId.eq(person_id))
        .order_by_asc(privacy_consent::Column::GivenOn)
        .order_by_asc(privacy_consent::Column::Id)
        .all(conn)
        .await?;
    let named: BTreeSet<Uuid> = teams
        .iter()
        .map(|t| t.organization_id)
        .chain(discharges.iter().map(|d| d.hospital_id))
        .chain(interventions.iter().filter_map(|i| i.provider_id))
        .chain(person.residence_comune_id)
        .collect();
    let organizations = organization::Entity::find()
        .filter(organization::Column::Id.is_in(named))
        .order_by_asc(organization::Column::Name)
        .all(conn)
        .await?;
    Ok(Record {
        person,
        teams,
        organizations,
        projects,
        goals,
        interventions,
        assessments,
        results,
        discharges,
        consents,
    })
}
