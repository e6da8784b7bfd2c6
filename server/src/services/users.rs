//! User accounts: created and managed by administrators (or the command line
//! for the first administrator).

use chrono::{DateTime, Utc};
use entity::{organization, user, user_territory};
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, Set, SqlErr, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use crate::audit::{AuditAction, AuditEntry};
use crate::auth::password;
use crate::caller::Caller;
use crate::domain::account;
use crate::domain::vocabulary::{Profession, Role};
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::at_version::AtVersion;
use crate::services::child_rows::replace_children;
use crate::services::page::{fetch_page, like_literal, Keyset, Page, PageRequest, Placement};
use crate::services::rows::{commit_audited, find, named};
use crate::services::versions::{guarded_update, stale, Versioned};

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub role: Role,
    pub profession: Profession,
    pub organization_id: Option<Uuid>,
}

#[derive(Debug, Clone, Default)]
pub struct UserChanges {
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub profession: Option<Profession>,
    pub organization_id: Option<Uuid>,
    pub active: Option<bool>,
    /// Only a REPORTER manages agreements; a user who stops being one stops
    /// managing them.
    pub manages_agreements: Option<bool>,
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn create_user(
    db: &DatabaseConnection,
    caller: &Caller,
    input: NewUser,
) -> AppResult<user::Model> {
    policy::require_admin(caller)?;
    if input.organization_id.is_none() {
        return Err(AppError::validation(
            "organizationId",
            "Indica l'ente di appartenenza dell'utente",
        ));
    }
    create_user_unchecked(db, caller, input).await
}

/// Creates a user after authorization was settled by the caller of this
/// function: the service above, or the command line run by the operator.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn create_user_unchecked(
    db: &DatabaseConnection,
    caller: &Caller,
    input: NewUser,
) -> AppResult<user::Model> {
    account::check_email(&input.email).map_err(|m| AppError::validation("email", m))?;
    let display_name = account::check_display_name(&input.display_name)
        .map_err(|m| AppError::validation("displayName", m))?;
    account::check_password(&input.password).map_err(|m| AppError::validation("password", m))?;
    if let Some(org_id) = input.organization_id {
        ensure_organization(db, org_id).await?;
    }
    let email_normalized = account::normalize_email(&input.email);
    if email_taken(db, &email_normalized).await? {
        return Err(email_conflict());
    }
    let password_hash = password::hash(input.password).await?;

    let txn = db.begin().await?;
    let row = new_account_row(
        Uuid::now_v7(),
        AccountRow {
            email: input.email,
            display_name,
            password_hash,
            role: input.role,
            profession: input.profession,
            organization_id: input.organization_id,
        },
        caller.now(),
    );
    let inserted = row.insert(&txn).await.map_err(|e| match e.sql_err() {
        // Two admins creating the same email at once: the index decides.
        Some(SqlErr::UniqueConstraintViolation(_)) => email_conflict(),
        _ => e.into(),
    })?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::UserCreated)
            .on("user", inserted.id)
            .details(json!({ "role": inserted.role, "profession": inserted.profession })),
    )
    .await?;
    Ok(inserted)
}

/// What a new account is made of; the rest of its row is the same for every
/// new account (`new_account_row`).
pub struct AccountRow {
    /// As written: it is stored trimmed, and compared normalized.
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: Role,
    pub profession: Profession,
    pub organization_id: Option<Uuid>,
}

/// A new account's row, for the services and the seed alike: active, signed
/// in nowhere yet (session epoch 0), with no duty beyond its role, no
/// password change asked, no agenda reminders by email, at version 1.
pub fn new_account_row(id: Uuid, new: AccountRow, now: DateTime<Utc>) -> user::ActiveModel {
    user::ActiveModel {
        id: Set(id),
        email_normalized: Set(account::normalize_email(&new.email)),
        email: Set(new.email.trim().to_owned()),
        display_name: Set(new.display_name),
        password_hash: Set(new.password_hash),
        role: Set(new.role),
        profession: Set(new.profession),
        organization_id: Set(new.organization_id),
        active: Set(true),
        session_epoch: Set(0),
        manages_agreements: Set(false),
        password_must_change: Set(false),
        agenda_email_reminders: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
}

fn email_conflict() -> AppError {
    AppError::Conflict("Esiste già un utente con questa email".into())
}

async fn email_taken(conn: &impl ConnectionTrait, email_normalized: &str) -> AppResult<bool> {
    Ok(user::Entity::find()
        .filter(user::Column::EmailNormalized.eq(email_normalized))
        .count(conn)
        .await?
        > 0)
}

async fn ensure_organization(conn: &impl ConnectionTrait, id: Uuid) -> AppResult<()> {
    named::<organization::Entity>(conn, id, "organizationId", "Ente non trovato").await?;
    Ok(())
}

/// Changes a user's account. Deactivating takes effect at the user's next
/// request, since every request re-reads the account.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), user_id = %input.id))]
pub async fn update_user(
    db: &DatabaseConnection,
    caller: &Caller,
    input: AtVersion<UserChanges>,
) -> AppResult<user::Model> {
    let AtVersion {
        id: user_id,
        expected_version,
        change: changes,
    } = input;
    let admin = policy::require_admin(caller)?;
    let display_name = match &changes.display_name {
        Some(name) => Some(
            account::check_display_name(name)
                .map_err(|m| AppError::validation("displayName", m))?,
        ),
        None => None,
    };
    if changes.active == Some(false) && user_id == admin.user_id {
        return Err(AppError::validation(
            "active",
            "Non puoi disattivare il tuo stesso account",
        ));
    }

    let txn = db.begin().await?;
    let current = find::<user::Entity>(&txn, user_id).await?;
    if current.version != expected_version {
        return Err(stale(user::Entity::NOUN));
    }
    if let Some(role) = changes.role {
        policy::require_other_to_change_role(admin, user_id, current.role, role)?;
    }
    if let Some(org_id) = changes.organization_id {
        ensure_organization(&txn, org_id).await?;
    }
    let old_role = current.role;
    let was_active = current.active;
    let was_managing = current.manages_agreements;
    let role = changes.role.unwrap_or(current.role);
    let manages_agreements = match changes.manages_agreements {
        Some(true) if role != Role::Reporter => {
            return Err(AppError::validation(
                "managesAgreements",
                "Solo un utente dell'Ufficio di Piano (ruolo REPORTER) può gestire gli accordi",
            ))
        }
        Some(flag) => flag,
        None => current.manages_agreements && role == Role::Reporter,
    };
    let mut set: Vec<(user::Column, SimpleExpr)> = Vec::new();
    if let Some(name) = display_name {
        set.push((user::Column::DisplayName, Expr::value(name)));
    }
    if let Some(role) = changes.role {
        set.push((user::Column::Role, Expr::value(role.as_str())));
    }
    if let Some(profession) = changes.profession {
        set.push((user::Column::Profession, Expr::value(profession.as_str())));
    }
    if let Some(org_id) = changes.organization_id {
        set.push((user::Column::OrganizationId, Expr::value(org_id)));
    }
    if let Some(flag) = changes.active {
        set.push((user::Column::Active, Expr::value(flag)));
    }
    if manages_agreements != was_managing {
        set.push((
            user::Column::ManagesAgreements,
            Expr::value(manages_agreements),
        ));
    }
    guarded_update::<user::Entity>(&txn, caller.now(), user_id, expected_version, set).await?;
    let updated = find::<user::Entity>(&txn, user_id).await?;

    let action = if updated.role != old_role {
        AuditAction::UserRoleChanged
    } else if was_active && !updated.active {
        AuditAction::UserDeactivated
    } else if !was_active && updated.active {
        AuditAction::UserReactivated
    } else {
        AuditAction::UserUpdated
    };
    commit_audited(
        txn,
        caller,
        AuditEntry::new(action)
            .on("user", updated.id)
            .details(json!({
                "role": { "from": old_role, "to": updated.role },
                "active": { "from": was_active, "to": updated.active },
                "profession": updated.profession,
                "managesAgreements": { "from": was_managing, "to": updated.manages_agreements },
            })),
    )
    .await?;
    Ok(updated)
}

/// An administrator resets a forgotten password: a random temporary one
/// (the administrator never chooses, so never knows, a password the user
/// keeps), every session of the user ends, and the user must choose their
/// own at the next sign-in. Returns the temporary password, to be shown once.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), user_id = %user_id))]
pub async fn reset_password(
    db: &DatabaseConnection,
    caller: &Caller,
    user_id: Uuid,
) -> AppResult<(user::Model, String)> {
    policy::require_admin(caller)?;
    let temporary = password::temporary();
    let hash = password::hash(temporary.clone()).await?;
    let txn = db.begin().await?;
    let current = find::<user::Entity>(&txn, user_id).await?;
    guarded_update::<user::Entity>(
        &txn,
        caller.now(),
        user_id,
        current.version,
        vec![
            (user::Column::PasswordHash, Expr::value(hash)),
            (
                user::Column::SessionEpoch,
                Expr::value(current.session_epoch.saturating_add(1)),
            ),
            (user::Column::PasswordMustChange, Expr::value(true)),
        ],
    )
    .await?;
    let updated = find::<user::Entity>(&txn, user_id).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::PasswordReset).on("user", updated.id),
    )
    .await?;
    Ok((updated, temporary))
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn list_users(
    db: &DatabaseConnection,
    caller: &Caller,
    search: Option<&str>,
    page: PageRequest,
) -> AppResult<Page<user::Model>> {
    policy::can_list_users(caller)?;
    let mut query = user::Entity::find();
    if let Some(text) = search.filter(|s| !s.trim().is_empty()) {
        let pattern = like_literal(&text.trim().to_lowercase(), Placement::Anywhere);
        query = query.filter(
            Condition::any()
                .add(user::Column::EmailNormalized.like(pattern.clone()))
                .add(
                    sea_orm::sea_query::Expr::expr(sea_orm::sea_query::Func::lower(
                        sea_orm::sea_query::Expr::col(user::Column::DisplayName),
                    ))
                    .like(pattern),
                ),
        );
    }
    fetch_page(db, query, &by_email(), page).await
}

/// The users list's order: by email, then id.
fn by_email() -> Keyset<user::Model> {
    Keyset::new("users")
        .asc(user::Column::EmailNormalized)
        .asc(user::Column::Id)
}

/// Replaces the territories whose indicators a REPORTER reads (an Ambito, a
/// Comune, an ASST…: each with everything under it). Only a REPORTER has
/// territories: the other roles read indicators by team or not at all.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), user_id = %user_id))]
pub async fn set_user_territories(
    db: &DatabaseConnection,
    caller: &Caller,
    user_id: Uuid,
    organization_ids: Vec<Uuid>,
) -> AppResult<user::Model> {
    policy::require_admin(caller)?;
    let txn = db.begin().await?;
    let found = find::<user::Entity>(&txn, user_id).await?;
    if found.role != Role::Reporter && !organization_ids.is_empty() {
        return Err(AppError::validation(
            "userId",
            "Solo un utente con ruolo REPORTER ha territori di competenza",
        ));
    }
    let mut ids = organization_ids;
    ids.sort_unstable();
    ids.dedup();
    for id in &ids {
        named::<organization::Entity>(
            &txn,
            *id,
            "organizationIds",
            "Uno dei territori indicati non è nel catalogo degli enti",
        )
        .await?;
    }
    let now = caller.now();
    let rows = ids.iter().map(|id| user_territory::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        organization_id: Set(*id),
        created_at: Set(now),
    });
    replace_children(&txn, user_territory::Column::UserId, user_id, rows).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::UserTerritoriesSet)
            .on("user", user_id)
            .details(json!({ "organizationIds": ids })),
    )
    .await?;
    Ok(found)
}

/// The territories assigned to `user_id` (a REPORTER's), by name.
pub async fn territories_of(
    conn: &impl ConnectionTrait,
    user_id: Uuid,
) -> AppResult<Vec<organization::Model>> {
    use sea_orm::sea_query::Query;
    use sea_orm::QueryOrder;
    Ok(organization::Entity::find()
        .filter(
            organization::Column::Id.in_subquery(
                Query::select()
                    .column(user_territory::Column::OrganizationId)
                    .from(user_territory::Entity)
                    .and_where(user_territory::Column::UserId.eq(user_id))
                    .to_owned(),
            ),
        )
        .order_by_asc(organization::Column::Name)
        .all(conn)
        .await?)
}

/// A user's territories, for an administrator or the user themselves.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), user_id = %user_id))]
pub async fn user_territories(
    db: &DatabaseConnection,
    caller: &Caller,
    user_id: Uuid,
) -> AppResult<Vec<organization::Model>> {
    policy::can_read_user_territories(caller, user_id)?;
    territories_of(db, user_id).await
}
