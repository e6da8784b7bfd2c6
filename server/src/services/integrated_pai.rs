//! The integrated PAI: marking a PAI as integrated and recording the
//! signatures of its health and social sides. The rule that both sides must
//! have signed before the PAI is delivered is in `project_lifecycle`; the
//! sides each kind of organization signs for are in `integrated_pai`.

use chrono::NaiveDate;
use entity::{organization, project, project_cosignature};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::caller::Caller;
use crate::domain::integrated_pai::{self, IntegratedPart};
use crate::domain::person_identity::optional_text;
use crate::domain::vocabulary::ProjectKind;
use crate::domain::wording;
use crate::error::{AppError, AppResult};
use crate::services::at_version::AtVersion;
use crate::services::not_in_future;
use crate::services::project_history::Change;
use crate::services::projects::commit;
use crate::services::rows::named;
use crate::services::versions::{stale, Versioned};

/// Only a PAI joins the health and the social plan in one project; the other
/// kinds have their own frameworks (the PTRI its Budget di Salute).
pub(crate) fn check_integrated(kind: ProjectKind, integrated: bool) -> AppResult<()> {
    if integrated && kind != ProjectKind::Pai {
        return Err(AppError::validation(
            "integrated",
            "Solo un PAI può essere integrato (parte sanitaria e parte sociale)",
        ));
    }
    Ok(())
}

/// The sides of an integrated PAI that still have to sign; empty for any
/// other project.
pub(crate) async fn parts_missing(
    conn: &impl ConnectionTrait,
    found: &project::Model,
) -> AppResult<Vec<IntegratedPart>> {
    if !found.integrated {
        return Ok(Vec::new());
    }
    let signed = project_cosignature::Entity::find()
        .filter(project_cosignature::Column::ProjectId.eq(found.id))
        .all(conn)
        .await?;
    Ok(integrated_pai::missing_parts(
        signed.into_iter().map(|s| s.part),
    ))
}

/// Marks a PAI as integrated, or takes the mark back while nobody has
/// signed it (a mark given by mistake; once signed, the signatures are the
/// record). The change is whether it is integrated.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %input.id))]
pub async fn set_integrated(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AtVersion<bool>,
) -> AppResult<project::Model> {
    let AtVersion {
        id: project_id,
        expected_version,
        change: integrated,
    } = input;
    let change = Change::of_open_project(db.begin().await?, caller, project_id).await?;
    let found = &change.found;
    if found.version != expected_version {
        return Err(stale(project::Entity::NOUN));
    }
    check_integrated(found.kind, integrated)?;
    if found.integrated == integrated {
        return commit(change.txn, project_id).await;
    }
    if !integrated {
        let signed = project_cosignature::Entity::find()
            .filter(project_cosignature::Column::ProjectId.eq(project_id))
            .all(&change.txn)
            .await?;
        if !signed.is_empty() {
            return Err(AppError::validation(
                "integrated",
                "Il PAI integrato è già stato sottoscritto: non può tornare un PAI solo sociale o solo sanitario",
            ));
        }
    }
    let changes = vec![(project::Column::Integrated, Expr::value(integrated))];
    change.update_project(expected_version, changes).await?;
    let summary = if integrated {
        "Il PAI è integrato: parte sanitaria e parte sociale, da sottoscrivere da entrambe"
    } else {
        "Il PAI non è più integrato"
    };
    let details = json!({ "integrated": integrated });
    change
        .commit_project("INTEGRATED_CHANGED", summary, Some(details))
        .await
}

#[derive(Debug, Clone)]
pub struct Cosignature {
    pub organization_id: Uuid,
    pub signed_on: NaiveDate,
    pub signatory: Option<String>,
}

/// Records an organization's signature of an integrated PAI, for the side
/// its kind stands for.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %project_id))]
pub async fn cosign(
    db: &DatabaseConnection,
    caller: &Caller,
    project_id: Uuid,
    signature: Cosignature,
) -> AppResult<project::Model> {
    let change = Change::of_open_project(db.begin().await?, caller, project_id).await?;
    let found = &change.found;
    if !found.integrated {
        return Err(AppError::validation(
            "projectId",
            "Il progetto non è un PAI integrato: la sottoscrizione di ASL/ASST e Comune/Ambito non si registra",
        ));
    }
    not_in_future(
        "signedOn",
        "La data della sottoscrizione",
        signature.signed_on,
        caller.today(),
    )?;
    if signature.signed_on < found.start_date {
        return Err(AppError::validation(
            "signedOn",
            format!(
                "La sottoscrizione non può precedere l'avvio del progetto ({})",
                wording::date(found.start_date)
            ),
        ));
    }
    let signatory = optional_text("signatory", signature.signatory.as_deref(), 200)?;
    let org = named::<organization::Entity>(
        &change.txn,
        signature.organization_id,
        "organizationId",
        "Ente non trovato",
    )
    .await?;
    let part = org.kind.integrated_part().ok_or_else(|| {
        AppError::validation(
            "organizationId",
            format!(
                "{} non sottoscrive un PAI integrato: lo firmano un ente sanitario (ASL, ASST, ATS, distretto, Casa di Comunità…) e uno sociale (Comune, Ambito, Ufficio di Piano)",
                org.name
            ),
        )
    })?;
    if let Some(earlier) = project_cosignature::Entity::find()
        .filter(project_cosignature::Column::ProjectId.eq(project_id))
        .filter(project_cosignature::Column::OrganizationId.eq(org.id))
        .one(&change.txn)
        .await?
    {
        return Err(AppError::validation(
            "organizationId",
            format!(
                "{} ha già sottoscritto il PAI il {}",
                org.name,
                wording::date(earlier.signed_on)
            ),
        ));
    }
    change.touch().await?;
    project_cosignature::ActiveModel {
        id: Set(Uuid::now_v7()),
        project_id: Set(project_id),
        organization_id: Set(org.id),
        part: Set(part),
        signed_on: Set(signature.signed_on),
        signatory: Set(signatory.clone()),
        recorded_by: Set(change.user_id),
        created_at: Set(caller.now()),
    }
    .insert(&change.txn)
    .await?;
    let summary = format!(
        "PAI integrato sottoscritto da {}{} per la {} il {}",
        org.name,
        signatory
            .as_deref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default(),
        part.label_it(),
        wording::date(signature.signed_on)
    );
    let details = json!({ "organizationId": org.id, "part": part.as_str() });
    change
        .commit_project("COSIGNED", summary, Some(details))
        .await
}
