//! The Budget di Salute of a project: resource lines from several providers
//! and funders across the four life areas, their uses, and the parties'
//! agreement. Quantities are integer hundredths end to end.

use chrono::NaiveDate;
use entity::{budget_agreement, budget_resource, budget_use, organization, project};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, Set, SqlErr, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::caller::Caller;
use crate::domain::budget_agreement::{self as budget_agreement_rule, Party};
use crate::domain::budget_period::{self, Period};
use crate::domain::money::Fixed2;
use crate::domain::person_identity::optional_text;
use crate::domain::vocabulary::{
    FundingSource, LifeArea, Profession, ProviderKind, ResourceKind, ResourceUnit,
};
use crate::domain::wording;
use crate::error::{AppError, AppResult};
use crate::services::at_version::AtVersion;
use crate::services::not_in_future;
use crate::services::project_history::Change;
use crate::services::rows::{find, named};
use crate::services::versions::guarded_update;

#[derive(Debug, Clone)]
pub struct ResourceDraft {
    pub life_area: LifeArea,
    pub kind: ResourceKind,
    pub provider_kind: ProviderKind,
    pub provider_id: Option<Uuid>,
    pub funding_source: FundingSource,
    pub description: String,
    pub profession: Option<Profession>,
    pub unit: ResourceUnit,
    pub planned: Fixed2,
    pub period_start: NaiveDate,
    pub period_end: Option<NaiveDate>,
}

/// Which units fit which kind of resource.
fn unit_fits(kind: ResourceKind, unit: ResourceUnit) -> bool {
    matches!(
        (kind, unit),
        (ResourceKind::Economic, ResourceUnit::Eur)
            | (ResourceKind::Professional, ResourceUnit::Hours)
            | (
                ResourceKind::Relational,
                ResourceUnit::Hours | ResourceUnit::Commitment
            )
    )
}

/// Checks a resource line and returns the provider's display name.
async fn check(conn: &impl ConnectionTrait, draft: &ResourceDraft) -> AppResult<(String, String)> {
    if !unit_fits(draft.kind, draft.unit) {
        return Err(AppError::validation(
            "unit",
            "Unità non coerente: euro per le risorse economiche, ore per quelle professionali, ore o impegno descritto per quelle relazionali",
        ));
    }
    if draft.kind == ResourceKind::Professional && draft.profession.is_none() {
        return Err(AppError::validation(
            "profession",
            "Indica la professione delle ore previste",
        ));
    }
    if draft.planned.is_negative() {
        return Err(AppError::validation(
            "plannedQuantity",
            "La quantità prevista non può essere negativa",
        ));
    }
    if draft.unit != ResourceUnit::Commitment && draft.planned == Fixed2::ZERO {
        return Err(AppError::validation(
            "plannedQuantity",
            "Indica la quantità prevista",
        ));
    }
    if draft.period_end.is_some_and(|end| end < draft.period_start) {
        return Err(AppError::validation(
            "periodEnd",
            "La fine del periodo precede l'inizio",
        ));
    }
    let description = optional_text("description", Some(&draft.description), 2000)?
        .ok_or_else(|| AppError::validation("description", "Descrivi la risorsa"))?;
    let provider_name = match (draft.provider_kind, draft.provider_id) {
        (ProviderKind::Organization, Some(id)) => {
            named::<organization::Entity>(conn, id, "providerId", "Ente non trovato")
                .await?
                .name
        }
        (ProviderKind::Organization, None) => {
            return Err(AppError::validation(
                "providerId",
                "Indica l'ente che mette a disposizione la risorsa",
            ))
        }
        (_, Some(_)) => {
            return Err(AppError::validation(
                "providerId",
                "Un ente si indica solo per le risorse di un ente",
            ))
        }
        (ProviderKind::Family, None) => "Famiglia".to_owned(),
        (ProviderKind::Person, None) => "Persona".to_owned(),
    };
    Ok((provider_name, description))
}

/// A plan change ends every agreement given to the plan, and a budget that
/// any party had agreed to goes back to every party (TO_RENEW).
async fn plan_changed(change: &Change<'_>) -> AppResult<()> {
    let (conn, found) = (&change.txn, &change.found);
    budget_agreement::Entity::update_many()
        .col_expr(
            budget_agreement::Column::SupersededAt,
            Expr::value(Some(change.caller.now())),
        )
        .filter(budget_agreement::Column::ProjectId.eq(found.id))
        .filter(budget_agreement::Column::SupersededAt.is_null())
        .exec(conn)
        .await?;
    let status = budget_agreement_rule::after_change(found.budget_agreement);
    if status != found.budget_agreement {
        project::Entity::update_many()
            .col_expr(
                project::Column::BudgetAgreement,
                Expr::value(status.as_str()),
            )
            .filter(project::Column::Id.eq(found.id))
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// The parties that have not agreed to the plan as it stands, by name: the
/// person first, then the providers with a line, by the name on their line.
pub fn missing_parties(
    lines: &[budget_resource::Model],
    agreements: &[budget_agreement::Model],
) -> Vec<String> {
    let providers = lines.iter().filter_map(|line| line.provider_id);
    let agreed = agreements
        .iter()
        .filter(|a| a.superseded_at.is_none())
        .filter_map(|a| match (a.party_kind, a.organization_id) {
            (ProviderKind::Person, _) => Some(Party::Person),
            (ProviderKind::Organization, Some(id)) => Some(Party::Organization(id)),
            _ => None,
        });
    budget_agreement_rule::missing_parties(providers, agreed)
        .into_iter()
        .map(|party| match party {
            Party::Person => "la persona (o chi la rappresenta)".to_owned(),
            Party::Organization(id) => lines
                .iter()
                .find(|line| line.provider_id == Some(id))
                .map(|line| line.provider_name.clone())
                .unwrap_or_default(),
        })
        .collect()
}

/// Whether the budget has any line: an empty budget has nothing to agree to.
pub async fn has_lines(conn: &impl ConnectionTrait, project_id: Uuid) -> AppResult<bool> {
    Ok(budget_resource::Entity::find()
        .filter(budget_resource::Column::ProjectId.eq(project_id))
        .count(conn)
        .await?
        > 0)
}

/// The lines and the agreements of a project, as `missing_parties` reads them.
pub async fn parties_missing_for(
    conn: &impl ConnectionTrait,
    project_id: Uuid,
) -> AppResult<Vec<String>> {
    let lines = budget_resource::Entity::find()
        .filter(budget_resource::Column::ProjectId.eq(project_id))
        .filter(budget_resource::Column::ProviderKind.eq(ProviderKind::Organization.as_str()))
        .all(conn)
        .await?;
    let agreements = budget_agreement::Entity::find()
        .filter(budget_agreement::Column::ProjectId.eq(project_id))
        .filter(budget_agreement::Column::SupersededAt.is_null())
        .all(conn)
        .await?;
    Ok(missing_parties(&lines, &agreements))
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %project_id))]
pub async fn add_resource(
    db: &DatabaseConnection,
    caller: &Caller,
    project_id: Uuid,
    draft: ResourceDraft,
) -> AppResult<budget_resource::Model> {
    let change = Change::of_open_project(db.begin().await?, caller, project_id).await?;
    let (provider_name, description) = check(&change.txn, &draft).await?;
    let now = caller.now();
    change.touch().await?;
    plan_changed(&change).await?;
    let created = budget_resource::ActiveModel {
        id: Set(Uuid::now_v7()),
        project_id: Set(project_id),
        version: Set(1),
        life_area: Set(draft.life_area),
        kind: Set(draft.kind),
        provider_kind: Set(draft.provider_kind),
        provider_id: Set(draft.provider_id),
        provider_name: Set(provider_name),
        funding_source: Set(draft.funding_source),
        description: Set(description),
        profession: Set(draft.profession),
        unit: Set(draft.unit),
        planned_hundredths: Set(draft.planned.0),
        period_start: Set(draft.period_start),
        period_end: Set(draft.period_end),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&change.txn)
    .await?;
    let summary = format!(
        "Risorsa aggiunta al budget: {} ({})",
        created.description,
        wording::quantity(draft.planned, created.unit.as_str())
    );
    let details = json!({ "resourceId": created.id });
    change
        .commit("BUDGET_RESOURCE_ADDED", summary, Some(details), created)
        .await
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), resource_id = %input.id))]
pub async fn update_resource(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AtVersion<ResourceDraft>,
) -> AppResult<budget_resource::Model> {
    let AtVersion {
        id: resource_id,
        expected_version,
        change: draft,
    } = input;
    let txn = db.begin().await?;
    let current = find::<budget_resource::Entity>(&txn, resource_id).await?;
    let change = Change::of_open_project(txn, caller, current.project_id).await?;
    let (provider_name, description) = check(&change.txn, &draft).await?;
    guarded_update::<budget_resource::Entity>(
        &change.txn,
        caller.now(),
        resource_id,
        expected_version,
        vec![
            (
                budget_resource::Column::LifeArea,
                Expr::value(draft.life_area.as_str()),
            ),
            (
                budget_resource::Column::Kind,
                Expr::value(draft.kind.as_str()),
            ),
            (
                budget_resource::Column::ProviderKind,
                Expr::value(draft.provider_kind.as_str()),
            ),
            (
                budget_resource::Column::ProviderId,
                Expr::value(draft.provider_id),
            ),
            (
                budget_resource::Column::ProviderName,
                Expr::value(provider_name),
            ),
            (
                budget_resource::Column::FundingSource,
                Expr::value(draft.funding_source.as_str()),
            ),
            (
                budget_resource::Column::Description,
                Expr::value(description),
            ),
            (
                budget_resource::Column::Profession,
                Expr::value(draft.profession.map(|p| p.as_str())),
            ),
            (
                budget_resource::Column::Unit,
                Expr::value(draft.unit.as_str()),
            ),
            (
                budget_resource::Column::PlannedHundredths,
                Expr::value(draft.planned.0),
            ),
            (
                budget_resource::Column::PeriodStart,
                Expr::value(draft.period_start),
            ),
            (
                budget_resource::Column::PeriodEnd,
                Expr::value(draft.period_end),
            ),
        ],
    )
    .await?;
    change.touch().await?;
    plan_changed(&change).await?;
    let updated = find::<budget_resource::Entity>(&change.txn, resource_id).await?;
    let summary = format!(
        "Risorsa modificata: previsto {}",
        wording::quantity(draft.planned, draft.unit.as_str())
    );
    let details = json!({ "resourceId": resource_id });
    change
        .commit("BUDGET_RESOURCE_UPDATED", summary, Some(details), updated)
        .await
}

/// Consumption of a resource. Using more than planned is allowed (the need
/// is real) and flagged on the resource, not refused.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), resource_id = %resource_id))]
pub async fn record_use(
    db: &DatabaseConnection,
    caller: &Caller,
    resource_id: Uuid,
    date: NaiveDate,
    quantity: Fixed2,
    note: Option<String>,
) -> AppResult<budget_resource::Model> {
    let txn = db.begin().await?;
    let resource = find::<budget_resource::Entity>(&txn, resource_id).await?;
    let change = Change::of_open_project(txn, caller, resource.project_id).await?;
    if quantity.is_negative() || quantity == Fixed2::ZERO {
        return Err(AppError::validation(
            "quantity",
            "La quantità usata deve essere maggiore di zero",
        ));
    }
    not_in_future("date", "La data dell'utilizzo", date, caller.today())?;
    let period = Period {
        start: resource.period_start,
        end: resource.period_end,
    };
    if let Some(why) = budget_period::refuse_use_on(date, period) {
        return Err(AppError::validation("date", why));
    }
    change.touch().await?;
    budget_use::ActiveModel {
        id: Set(Uuid::now_v7()),
        resource_id: Set(resource_id),
        used_on: Set(date),
        quantity_hundredths: Set(quantity.0),
        note: Set(optional_text("note", note.as_deref(), 2000)?),
        recorded_by: Set(change.user_id),
        reverses_id: Set(None),
        reason: Set(None),
        created_at: Set(caller.now()),
    }
    .insert(&change.txn)
    .await?;
    let summary = format!(
        "Utilizzo di {} il {}: {}",
        wording::quantity(quantity, resource.unit.as_str()),
        wording::date(date),
        resource.description
    );
    let details = json!({ "resourceId": resource_id });
    change
        .commit("BUDGET_USE_RECORDED", summary, Some(details), resource)
        .await
}

/// A wrong use is corrected by a reversing entry, never deleted nor edited:
/// a negative use of the same quantity on the same date, linked to the use
/// it cancels and saying why, so the totals drop back and the history keeps
/// both. The right use is then recorded as any other. A use is reversed once
/// (the unique index on `reverses_id` settles two people at once); a
/// reversal is not reversed: the use is recorded again instead.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), use_id = %use_id))]
pub async fn reverse_use(
    db: &DatabaseConnection,
    caller: &Caller,
    use_id: Uuid,
    reason: &str,
) -> AppResult<budget_resource::Model> {
    let txn = db.begin().await?;
    let reversed = find::<budget_use::Entity>(&txn, use_id).await?;
    let resource = find::<budget_resource::Entity>(&txn, reversed.resource_id).await?;
    let change = Change::of_open_project(txn, caller, resource.project_id).await?;
    let reason = optional_text("reason", Some(reason), 2000)?
        .ok_or_else(|| AppError::validation("reason", "Indica il motivo dello storno"))?;
    if reversed.reverses_id.is_some() {
        return Err(AppError::validation(
            "useId",
            "Uno storno non si storna: registra di nuovo l'utilizzo corretto",
        ));
    }
    let already = budget_use::Entity::find()
        .filter(budget_use::Column::ReversesId.eq(use_id))
        .count(&change.txn)
        .await?;
    if already > 0 {
        return Err(already_reversed());
    }
    change.touch().await?;
    budget_use::ActiveModel {
        id: Set(Uuid::now_v7()),
        resource_id: Set(resource.id),
        used_on: Set(reversed.used_on),
        quantity_hundredths: Set(reversed.quantity_hundredths.saturating_neg()),
        note: Set(None),
        recorded_by: Set(change.user_id),
        reverses_id: Set(Some(use_id)),
        reason: Set(Some(reason.clone())),
        created_at: Set(caller.now()),
    }
    .insert(&change.txn)
    .await
    .map_err(|e| match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => already_reversed(),
        _ => e.into(),
    })?;
    let summary = format!(
        "Uso del budget stornato: {} del {} — {reason}",
        wording::quantity(Fixed2(reversed.quantity_hundredths), resource.unit.as_str()),
        wording::date(reversed.used_on),
    );
    let details = json!({ "resourceId": resource.id, "useId": use_id });
    change
        .commit("BUDGET_USE_REVERSED", summary, Some(details), resource)
        .await
}

fn already_reversed() -> AppError {
    AppError::validation("useId", "Questo utilizzo è già stato stornato")
}

/// One party's agreement to the budget as it stands now.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), project_id = %project_id))]
pub async fn agree_budget(
    db: &DatabaseConnection,
    caller: &Caller,
    project_id: Uuid,
    party_kind: ProviderKind,
    organization_id: Option<Uuid>,
    party_name: &str,
    agreed_on: NaiveDate,
) -> AppResult<project::Model> {
    let change = Change::of_open_project(db.begin().await?, caller, project_id).await?;
    not_in_future(
        "agreedOn",
        "La data dell'accordo",
        agreed_on,
        caller.today(),
    )?;
    let party_name = match (party_kind, organization_id) {
        (ProviderKind::Organization, Some(id)) => {
            named::<organization::Entity>(&change.txn, id, "organizationId", "Ente non trovato")
                .await?
                .name
        }
        (ProviderKind::Organization, None) => {
            return Err(AppError::validation(
                "organizationId",
                "Indica l'ente che condivide il budget",
            ))
        }
        _ => optional_text("partyName", Some(party_name), 200)?
            .ok_or_else(|| AppError::validation("partyName", "Indica chi condivide il budget"))?,
    };
    budget_agreement::ActiveModel {
        id: Set(Uuid::now_v7()),
        project_id: Set(project_id),
        party_kind: Set(party_kind),
        organization_id: Set(organization_id),
        party_name: Set(party_name.clone()),
        agreed_on: Set(agreed_on),
        recorded_by: Set(change.user_id),
        created_at: Set(caller.now()),
        superseded_at: Set(None),
    }
    .insert(&change.txn)
    .await?;
    let missing = parties_missing_for(&change.txn, project_id).await?;
    let status = budget_agreement_rule::after_agreement(&missing);
    let changes = vec![(
        project::Column::BudgetAgreement,
        Expr::value(status.as_str()),
    )];
    change.update_project(change.found.version, changes).await?;
    // The status in the words the screens use (`BudgetAgreementStatus::label_it`).
    let summary = if missing.is_empty() {
        format!(
            "Budget condiviso da {party_name} il {}: {}",
            wording::date(agreed_on),
            status.label_it().to_lowercase()
        )
    } else {
        format!(
            "Budget condiviso da {party_name} il {}: {}; manca ancora la condivisione di: {}",
            wording::date(agreed_on),
            status.label_it().to_lowercase(),
            missing.join(", ")
        )
    };
    change.commit_project("BUDGET_AGREED", summary, None).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_resource_has_its_units() {
        assert!(unit_fits(ResourceKind::Economic, ResourceUnit::Eur));
        assert!(!unit_fits(ResourceKind::Economic, ResourceUnit::Hours));
        assert!(unit_fits(ResourceKind::Professional, ResourceUnit::Hours));
        assert!(!unit_fits(
            ResourceKind::Professional,
            ResourceUnit::Commitment
        ));
        assert!(unit_fits(
            ResourceKind::Relational,
            ResourceUnit::Commitment
        ));
        assert!(unit_fits(ResourceKind::Relational, ResourceUnit::Hours));
        assert!(!unit_fits(ResourceKind::Relational, ResourceUnit::Eur));
    }
}
