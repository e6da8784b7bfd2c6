//! The interventions flow (issue 18.5): one CSV row per intervention
//! delivered to a beneficiary of a territory in a period, with the code of
//! the national nomenclatore of social services an ADMIN gave its kind
//! (`nomenclatore_mappings`, seeded empty: Ponte invents no official code).
//!
//! A territory's beneficiaries are the persons whose Comune of residence
//! lies in it, as for the indicators. An intervention is delivered in the
//! period when its dates overlap it and its project got past planning
//! (ACTIVE, REVIEW, SUSPENDED or CLOSED). Its amount is what the Budget di
//! Salute recorded as used, in the period and within the intervention's
//! dates, on the project's economic (EUR) lines of the same life area (and
//! of the same provider when the intervention names one); each line counts
//! for the first intervention it matches only, so no euro is sent twice.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use entity::{budget_resource, budget_use, nomenclatore_mapping, organization};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryResult, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::service_accounts::{check_period, delivered_in};
use crate::domain::vocabulary::{
    FiscalCodeMissingReason, FundingSource, LifeArea, ProjectStatus, ResourceUnit, ServiceKind, Sex,
};
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::csv_text;
use crate::services::rows::{commit_audited, named};
use crate::services::territory::{statement, territory_cte};

pub const MAX_CODE_CHARS: usize = 32;
pub const MAX_LABEL_CHARS: usize = 200;

/// The columns, as the README lists them.
pub const HEADERS: [&str; 14] = [
    "Id intervento",
    "Codice fiscale",
    "Motivo assenza codice fiscale",
    "Codice alternativo",
    "Anno di nascita",
    "Sesso",
    "Comune di residenza",
    "Tipo intervento",
    "Codice nomenclatore",
    "Voce nomenclatore",
    "Data inizio",
    "Data fine",
    "Importo (euro)",
    "Fonte di finanziamento",
];

fn kind_of(row: &nomenclatore_mapping::Model) -> AppResult<ServiceKind> {
    ServiceKind::parse(&row.service_kind).ok_or_else(|| {
        AppError::internal(format!(
            "nomenclatore_mappings row {}: not a ServiceKind",
            row.service_kind
        ))
    })
}

async fn mappings(
    conn: &impl ConnectionTrait,
) -> AppResult<HashMap<ServiceKind, nomenclatore_mapping::Model>> {
    let mut by_kind = HashMap::new();
    for row in nomenclatore_mapping::Entity::find().all(conn).await? {
        by_kind.insert(kind_of(&row)?, row);
    }
    Ok(by_kind)
}

/// The mapping, in the vocabulary's order.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn nomenclatore_mappings(
    db: &DatabaseConnection,
    caller: &Caller,
) -> AppResult<Vec<nomenclatore_mapping::Model>> {
    policy::can_read_nomenclatore(caller)?;
    let mut by_kind = mappings(db).await?;
    Ok(ServiceKind::ALL
        .iter()
        .filter_map(|kind| by_kind.remove(kind))
        .collect())
}

fn text(field: &'static str, value: &str, max: usize, missing: &str) -> AppResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(AppError::validation(field, missing));
    }
    if value.chars().count() > max {
        return Err(AppError::validation(
            field,
            format!("Al massimo {max} caratteri"),
        ));
    }
    Ok(value.to_owned())
}

/// Sets (or replaces) the code of one intervention kind.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn set_nomenclatore_code(
    db: &DatabaseConnection,
    caller: &Caller,
    kind: ServiceKind,
    code: &str,
    label: &str,
) -> AppResult<nomenclatore_mapping::Model> {
    let viewer = policy::can_manage_service_accounts(caller)?;
    let code = text(
        "code",
        code,
        MAX_CODE_CHARS,
        "Indica il codice del nomenclatore",
    )?;
    let label = text(
        "label",
        label,
        MAX_LABEL_CHARS,
        "Indica la voce del nomenclatore",
    )?;
    let now = caller.now();
    let txn = db.begin().await?;
    let previous = nomenclatore_mapping::Entity::find_by_id(kind.as_str().to_owned())
        .one(&txn)
        .await?;
    nomenclatore_mapping::Entity::insert(nomenclatore_mapping::ActiveModel {
        service_kind: Set(kind.as_str().to_owned()),
        code: Set(code.clone()),
        label: Set(label.clone()),
        updated_by: Set(Some(viewer.user_id)),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(nomenclatore_mapping::Column::ServiceKind)
            .update_columns([
                nomenclatore_mapping::Column::Code,
                nomenclatore_mapping::Column::Label,
                nomenclatore_mapping::Column::UpdatedBy,
                nomenclatore_mapping::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec(&txn)
    .await?;
    audit::record(
        &txn,
        caller,
        AuditEntry::new(AuditAction::NomenclatoreCodeSet).details(json!({
            "serviceKind": kind,
            "code": code,
            "label": label,
            "previousCode": previous.map(|p| p.code),
        })),
    )
    .await?;
    let saved = nomenclatore_mapping::Entity::find_by_id(kind.as_str().to_owned())
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::internal("nomenclatore mapping not saved"))?;
    txn.commit().await?;
    Ok(saved)
}

#[derive(Debug, Clone, Copy)]
pub struct FlowRequest {
    pub territory_id: Uuid,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The file and what the trail says of it.
pub struct FlowFile {
    pub file_name: String,
    pub text: String,
    pub rows: usize,
}

/// One intervention as read, with its person's data for the flow.
struct Delivered {
    id: Uuid,
    project_id: Uuid,
    life_area: LifeArea,
    kind: ServiceKind,
    provider_id: Option<Uuid>,
    start: NaiveDate,
    end: Option<NaiveDate>,
    fiscal_code: Option<String>,
    missing_reason: Option<FiscalCodeMissingReason>,
    alternative_code: Option<String>,
    birth_date: NaiveDate,
    sex: Sex,
    comune: String,
}

fn vocabulary<T>(
    parse: fn(&str) -> Option<T>,
    text: &str,
    row: Uuid,
    column: &str,
) -> AppResult<T> {
    parse(text).ok_or_else(|| {
        AppError::internal(format!(
            "project_interventions row {row}: {column} {text:?} outside its vocabulary"
        ))
    })
}

fn read(row: &QueryResult) -> AppResult<Delivered> {
    let id: Uuid = row.try_get("", "id")?;
    let life_area: String = row.try_get("", "life_area")?;
    let kind: String = row.try_get("", "service_kind")?;
    let sex: String = row.try_get("", "sex")?;
    let reason: Option<String> = row.try_get("", "fiscal_code_missing_reason")?;
    Ok(Delivered {
        id,
        project_id: row.try_get("", "project_id")?,
        life_area: vocabulary(LifeArea::parse, &life_area, id, "life_area")?,
        kind: vocabulary(ServiceKind::parse, &kind, id, "service_kind")?,
        provider_id: row.try_get("", "provider_id")?,
        start: row.try_get("", "start_date")?,
        end: row.try_get("", "end_date")?,
        fiscal_code: row.try_get("", "fiscal_code")?,
        missing_reason: reason
            .map(|r| vocabulary(FiscalCodeMissingReason::parse, &r, id, "person reason"))
            .transpose()?,
        alternative_code: row.try_get("", "alternative_code")?,
        birth_date: row.try_get("", "birth_date")?,
        sex: vocabulary(Sex::parse, &sex, id, "person sex")?,
        comune: row.try_get("", "comune")?,
    })
}

async fn delivered(conn: &impl ConnectionTrait, request: FlowRequest) -> AppResult<Vec<Delivered>> {
    let planning = [
        ProjectStatus::Intake,
        ProjectStatus::Assessment,
        ProjectStatus::Planning,
    ]
    .map(|s| format!("'{}'", s.as_str()))
    .join(", ");
    let sql = format!(
        "{cte}SELECT i.id, i.project_id, i.life_area, i.service_kind, i.provider_id, \
           i.start_date, i.end_date, p.fiscal_code, p.fiscal_code_missing_reason, \
           p.alternative_code, p.birth_date, p.sex, c.name AS comune \
         FROM project_interventions i \
         JOIN projects pr ON pr.id = i.project_id \
         JOIN persons p ON p.id = pr.person_id \
         JOIN organizations c ON c.id = p.residence_comune_id \
         WHERE p.residence_comune_id IN (SELECT id FROM territory) \
           AND pr.status NOT IN ({planning}) \
           AND i.start_date <= $2 AND (i.end_date IS NULL OR i.end_date >= $3) \
         ORDER BY i.start_date, i.id",
        cte = territory_cte(1),
    );
    let rows = conn
        .query_all(statement(
            conn,
            &sql,
            vec![
                request.territory_id.into(),
                request.to.into(),
                request.from.into(),
            ],
        ))
        .await?;
    let mut found = Vec::with_capacity(rows.len());
    for row in &rows {
        let one = read(row)?;
        // The SQL said so; the rule is the domain's.
        if delivered_in(one.start, one.end, request.from, request.to) {
            found.push(one);
        }
    }
    Ok(found)
}

/// Per intervention: the amount in cents and the funding sources, from the
/// economic lines each matches first.
async fn amounts(
    conn: &impl ConnectionTrait,
    rows: &[Delivered],
    request: FlowRequest,
) -> AppResult<HashMap<Uuid, (i64, BTreeSet<FundingSource>)>> {
    let projects: HashSet<Uuid> = rows.iter().map(|r| r.project_id).collect();
    if projects.is_empty() {
        return Ok(HashMap::new());
    }
    let resources = budget_resource::Entity::find()
        .filter(budget_resource::Column::ProjectId.is_in(projects))
        .filter(budget_resource::Column::Unit.eq(ResourceUnit::Eur.as_str()))
        .all(conn)
        .await?;
    let uses = budget_use::Entity::find()
        .filter(budget_use::Column::ResourceId.is_in(resources.iter().map(|r| r.id)))
        .filter(budget_use::Column::UsedOn.gte(request.from))
        .filter(budget_use::Column::UsedOn.lte(request.to))
        .all(conn)
        .await?;
    let mut taken = HashSet::new();
    let mut by_intervention = HashMap::new();
    for row in rows {
        let mut cents = 0i64;
        let mut sources = BTreeSet::new();
        for resource in &resources {
            let matches = resource.project_id == row.project_id
                && resource.life_area == row.life_area
                && row
                    .provider_id
                    .is_none_or(|p| resource.provider_id == Some(p));
            if !matches || !taken.insert(resource.id) {
                continue;
            }
            sources.insert(resource.funding_source);
            cents += uses
                .iter()
                .filter(|u| {
                    u.resource_id == resource.id
                        && u.used_on >= row.start
                        && row.end.is_none_or(|end| u.used_on <= end)
                })
                .map(|u| u.quantity_hundredths)
                .sum::<i64>();
        }
        if !sources.is_empty() {
            by_intervention.insert(row.id, (cents, sources));
        }
    }
    Ok(by_intervention)
}

/// Cents as euros with the decimal comma: `1250,50`, `-12,00`.
fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let magnitude = cents.unsigned_abs();
    format!("{sign}{},{:02}", magnitude / 100, magnitude % 100)
}

/// The kinds delivered in the period without a code, in Italian.
fn unmapped_refusal(kinds: &BTreeSet<ServiceKind>) -> AppError {
    let names: Vec<String> = kinds
        .iter()
        .map(|k| format!("{} ({})", k.label_it(), k.as_str()))
        .collect();
    AppError::Conflict(format!(
        "Manca il codice del nomenclatore per questi tipi di intervento erogati nel periodo: {}. \
         Un amministratore lo imposta con setNomenclatoreCode.",
        names.join(", ")
    ))
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn export_interventions(
    db: &DatabaseConnection,
    caller: &Caller,
    request: FlowRequest,
) -> AppResult<FlowFile> {
    check_period(request.from, request.to)
        .map_err(|(field, message)| AppError::validation(field, message))?;
    let txn = db.begin().await?;
    let territory = named::<organization::Entity>(
        &txn,
        request.territory_id,
        "territory",
        "Territorio non trovato",
    )
    .await?;
    policy::require_interventions_exporter(&txn, caller, request.territory_id).await?;
    let rows = delivered(&txn, request).await?;
    let codes = mappings(&txn).await?;
    let unmapped: BTreeSet<ServiceKind> = rows
        .iter()
        .map(|r| r.kind)
        .filter(|k| !codes.contains_key(k))
        .collect();
    if !unmapped.is_empty() {
        return Err(unmapped_refusal(&unmapped));
    }
    let amounts = amounts(&txn, &rows, request).await?;
    let mut text = csv_text::start(&HEADERS);
    for row in &rows {
        let mapping = codes
            .get(&row.kind)
            .ok_or_else(|| AppError::internal("mapping checked above"))?;
        let (amount, sources) = match amounts.get(&row.id) {
            Some((cents, sources)) => (
                euros(*cents),
                sources
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            None => (String::new(), String::new()),
        };
        csv_text::line(
            &mut text,
            &[
                row.id.to_string(),
                row.fiscal_code.clone().unwrap_or_default(),
                row.missing_reason
                    .map(|r| r.as_str().to_owned())
                    .unwrap_or_default(),
                row.alternative_code.clone().unwrap_or_default(),
                chrono::Datelike::year(&row.birth_date).to_string(),
                row.sex.as_str().to_owned(),
                row.comune.clone(),
                row.kind.as_str().to_owned(),
                mapping.code.clone(),
                mapping.label.clone(),
                row.start.to_string(),
                row.end.map(|d| d.to_string()).unwrap_or_default(),
                amount,
                sources,
            ],
        );
    }
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::InterventionsExported)
            .on("organization", territory.id)
            .details(json!({
                "territoryId": territory.id,
                "territory": territory.name,
                "from": request.from,
                "to": request.to,
                "rows": rows.len(),
            })),
    )
    .await?;
    Ok(FlowFile {
        file_name: format!("interventi_{}_{}.csv", request.from, request.to),
        text,
        rows: rows.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_take_the_decimal_comma() {
        assert_eq!(euros(125050), "1250,50");
        assert_eq!(euros(5), "0,05");
        assert_eq!(euros(-1200), "-12,00");
    }

    #[test]
    fn unmapped_kinds_are_named_in_italian() {
        let kinds = BTreeSet::from([ServiceKind::Sad, ServiceKind::Pasti]);
        let AppError::Conflict(message) = unmapped_refusal(&kinds) else {
            panic!("a conflict");
        };
        assert!(
            message.contains("(SAD)") && message.contains("(PASTI)"),
            "{message}"
        );
    }
}
