//! The directory of organizations (Enti): ASST, Comuni, ETS, hospitals, …

use entity::organization;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::Caller;
use crate::domain::account::check_display_name;
use crate::domain::vocabulary::OrganizationKind;
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::page::{fetch_page, Keyset, Page, PageRequest};

#[derive(Debug, Clone)]
pub struct NewOrganization {
    pub name: String,
    pub kind: OrganizationKind,
    pub fiscal_code: Option<String>,
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
    let inserted = organization::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name),
        kind: Set(input.kind),
        fiscal_code: Set(fiscal_code),
        created_at: Set(caller.now()),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        caller,
        AuditEntry::new(AuditAction::OrganizationCreated)
            .on("organization", inserted.id)
            .details(json!({ "kind": inserted.kind })),
    )
    .await?;
    txn.commit().await?;
    Ok(inserted)
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
