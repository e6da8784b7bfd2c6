//! The directory of organizations (Enti): ASST, Comuni, ETS, hospitals, …

use entity::organization;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::account::check_display_name;
use crate::domain::territory;
use crate::domain::vocabulary::OrganizationKind;
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::page::{fetch_page, Keyset, Page, PageRequest};
use crate::services::rows::{commit_audited, insert_audited, lock, named};
use crate::services::territory::chain_upwards;

#[derive(Debug, Clone)]
pub struct NewOrganization {
    pub name: String,
    pub kind: OrganizationKind,
    pub fiscal_code: Option<String>,
    /// Where it sits in the territory (`domain::territory`).
    pub parent_id: Option<Uuid>,
}

/// Public bodies and ETS have an 11-digit numeric codice fiscale (or partita IVA).
fn check_organization_fiscal_code(code: &str) -> Result<String, &'static str> {
    let code = code.trim();
    if code.len() == 11 && code.chars().all(|c| c.is_ascii_digit()) {
        Ok(code.to_owned())
    } else {
        Err("Il codice fiscale di un ente è composto da 11 cifre")
    }
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn create_organization(
    db: &DatabaseConnection,
    caller: &Caller,
    input: NewOrganization,
) -> AppResult<organization::Model> {
    policy::require_admin(caller)?;
    create_organization_unchecked(db, caller, input).await
}

/// For the command line and the demo seed, which are authorized by running on the server.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn create_organization_unchecked(
    db: &DatabaseConnection,
    caller: &Caller,
    input: NewOrganization,
) -> AppResult<organization::Model> {
    let name = check_display_name(&input.name).map_err(|m| AppError::validation("name", m))?;
    let fiscal_code = match input.fiscal_code.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(code) => Some(
            check_organization_fiscal_code(code)
                .map_err(|m| AppError::validation("fiscalCode", m))?,
        ),
    };
    let txn = db.begin().await?;
    let id = Uuid::now_v7();
    if let Some(parent_id) = input.parent_id {
        check_parent(&txn, id, input.kind, parent_id).await?;
    }
    let row = organization::ActiveModel {
        id: Set(id),
        name: Set(name),
        kind: Set(input.kind),
        fiscal_code: Set(fiscal_code),
        created_at: Set(caller.now()),
        parent_id: Set(input.parent_id),
    };
    insert_audited(txn, caller, row, |inserted| {
        AuditEntry::new(AuditAction::OrganizationCreated)
            .on("organization", inserted.id)
            .details(json!({ "kind": inserted.kind, "parentId": inserted.parent_id }))
    })
    .await
}

/// Refuses a parent that does not exist, whose kind cannot hold `kind`
/// (`domain::territory`), or that lies under the organization `id` itself.
async fn check_parent(
    conn: &impl sea_orm::ConnectionTrait,
    id: Uuid,
    kind: OrganizationKind,
    parent_id: Uuid,
) -> AppResult<()> {
    let parent = named::<organization::Entity>(
        conn,
        parent_id,
        "parentId",
        "L'ente di appartenenza non esiste",
    )
    .await?;
    territory::check_parent_kind(kind, parent.kind)
        .map_err(|m| AppError::validation("parentId", m))?;
    let chain = chain_upwards(conn, parent_id).await?;
    territory::check_no_cycle(&id, &chain).map_err(|m| AppError::validation("parentId", m))
}

/// Puts an organization under another in the territory, or takes it out
/// (`parent_id` none); the indicators of the territories above follow.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), organization_id = %organization_id))]
pub async fn set_organization_parent(
    db: &DatabaseConnection,
    caller: &Caller,
    organization_id: Uuid,
    parent_id: Option<Uuid>,
) -> AppResult<organization::Model> {
    policy::require_admin(caller)?;
    let txn = db.begin().await?;
    let current = lock::<organization::Entity>(&txn, organization_id).await?;
    if let Some(parent_id) = parent_id {
        check_parent(&txn, current.id, current.kind, parent_id).await?;
    }
    let previous = current.parent_id;
    let mut changed: organization::ActiveModel = current.into();
    changed.parent_id = Set(parent_id);
    let updated = changed.update(&txn).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::OrganizationParentSet)
            .on("organization", organization_id)
            .details(json!({ "from": previous, "to": parent_id })),
    )
    .await?;
    Ok(updated)
}

/// The organizations directly under `parent_id`, for `Organization.children`.
pub async fn children_of(
    conn: &impl sea_orm::ConnectionTrait,
    caller: &Caller,
    parent_id: Uuid,
) -> AppResult<Vec<organization::Model>> {
    policy::can_list_organizations(caller)?;
    Ok(organization::Entity::find()
        .filter(organization::Column::ParentId.eq(parent_id))
        .order_by_asc(organization::Column::Name)
        .all(conn)
        .await?)
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn list_organizations(
    db: &DatabaseConnection,
    caller: &Caller,
    kind: Option<OrganizationKind>,
    page: PageRequest,
) -> AppResult<Page<organization::Model>> {
    policy::can_list_organizations(caller)?;
    let mut query = organization::Entity::find();
    if let Some(kind) = kind {
        query = query.filter(organization::Column::Kind.eq(kind.as_str()));
    }
    fetch_page(db, query, &by_name(), page).await
}

/// The organizations list's order: by name, then id.
fn by_name() -> Keyset<organization::Model> {
    Keyset::new("organizations")
        .asc(organization::Column::Name)
        .asc(organization::Column::Id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organization_fiscal_code_has_eleven_digits() {
        assert_eq!(
            check_organization_fiscal_code(" 00123450987 "),
            Ok("00123450987".into())
        );
        assert!(check_organization_fiscal_code("0012345098").is_err());
        assert!(check_organization_fiscal_code("0012345098A").is_err());
    }
}
