//! Signing in and changing one's own password.

use entity::user;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    Set, TransactionTrait,
};
use serde_json::json;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::auth::password::{self, PasswordChecks};
use crate::auth::throttle::{self, Throttle};
use crate::caller::Caller;
use crate::domain::account;
use crate::error::{AppError, AppResult};
use crate::services::rows::{commit_audited, InRow};

/// Signs in. The attempt is counted before the password is checked (see
/// `auth::throttle`), the check waits for a free verification, and the audit
/// trail names the email only when it is an account's: text typed into the
/// email field of a failed sign-in may well be a password.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn login(
    db: &DatabaseConnection,
    caller: &Caller,
    throttle_rule: &Throttle,
    checks: &PasswordChecks,
    email: &str,
    password: String,
) -> AppResult<user::Model> {
    let email_normalized = account::normalize_email(email);
    let found = user::Entity::find()
        .filter(user::Column::EmailNormalized.eq(&email_normalized))
        .one(db)
        .await?;
    let reservation = match throttle_rule
        .reserve(
            db,
            &email_normalized,
            caller.client_addr.as_deref(),
            caller.now(),
        )
        .await?
    {
        Ok(reservation) => reservation,
        Err(limit) => {
            record_throttled(db, caller, found.as_ref(), limit.as_str()).await?;
            return Err(AppError::RateLimited);
        }
    };
    let matches = match checks
        .verify(password, found.as_ref().map(|u| u.password_hash.clone()))
        .await
    {
        Ok(matches) => matches,
        Err(err) => {
            throttle::release(db, reservation).await?;
            if matches!(err, AppError::RateLimited) {
                record_throttled(db, caller, found.as_ref(), "busy").await?;
            }
            return Err(err);
        }
    };
    let accepted = found.clone().filter(|u| matches && u.active);

    let txn = db.begin().await?;
    let result = match accepted {
        Some(user) => {
            throttle::confirm_success(&txn, reservation).await?;
            audit::record(
                &txn,
                caller,
                AuditEntry::new(AuditAction::LoginSucceeded)
                    .on("user", user.id)
                    .actor(user.id),
            )
            .await?;
            Ok(user)
        }
        None => {
            throttle::confirm_failure(reservation);
            audit::record(
                &txn,
                caller,
                attempt_entry(AuditAction::LoginFailed, found.as_ref(), None),
            )
            .await?;
            Err(AppError::BadCredentials)
        }
    };
    txn.commit().await?;
    result
}

/// The audit event of a sign-in attempt: it names the account when the typed
/// email is one's, and holds nothing of the typed text otherwise.
fn attempt_entry(
    action: AuditAction,
    account: Option<&user::Model>,
    limit: Option<&str>,
) -> AuditEntry {
    let mut entry = AuditEntry::new(action);
    let mut details = serde_json::Map::new();
    if let Some(user) = account {
        entry = entry.on("user", user.id);
        details.insert("email".into(), json!(user.email_normalized));
    }
    if let Some(limit) = limit {
        details.insert("limit".into(), json!(limit));
    }
    if details.is_empty() {
        entry
    } else {
        entry.details(serde_json::Value::Object(details))
    }
}

async fn record_throttled(
    db: &DatabaseConnection,
    caller: &Caller,
    account: Option<&user::Model>,
    limit: &str,
) -> AppResult<()> {
    let entry = attempt_entry(AuditAction::LoginThrottled, account, Some(limit));
    audit::record(db, caller, entry).await
}

/// Changes the caller's password and moves their session epoch, which ends
/// every other session of theirs at its next request. A wrong current
/// password is a failed attempt on the account, counted with sign-in's.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn change_password(
    db: &DatabaseConnection,
    caller: &Caller,
    throttle_rule: &Throttle,
    checks: &PasswordChecks,
    current_password: String,
    new_password: String,
) -> AppResult<user::Model> {
    let viewer = caller.viewer()?;
    account::check_password(&new_password).map_err(|m| AppError::validation("newPassword", m))?;
    let user = user::Entity::find_by_id(viewer.user_id)
        .one(db)
        .await
        .in_row(user::Entity, viewer.user_id)?
        .ok_or(AppError::Unauthenticated)?;
    let reservation = match throttle_rule
        .reserve(
            db,
            &user.email_normalized,
            caller.client_addr.as_deref(),
            caller.now(),
        )
        .await?
    {
        Ok(reservation) => reservation,
        Err(_limit) => return Err(AppError::RateLimited),
    };
    let matches = match checks
        .verify(current_password, Some(user.password_hash.clone()))
        .await
    {
        Ok(matches) => matches,
        Err(err) => {
            throttle::release(db, reservation).await?;
            return Err(err);
        }
    };
    if !matches {
        throttle::confirm_failure(reservation);
        return Err(AppError::validation(
            "currentPassword",
            "La password attuale non è corretta",
        ));
    }
    let new_hash = password::hash(new_password).await?;

    let txn = db.begin().await?;
    throttle::confirm_success(&txn, reservation).await?;
    let epoch = user.session_epoch + 1;
    let version = user.version + 1;
    let mut active = user.into_active_model();
    active.password_hash = Set(new_hash);
    active.session_epoch = Set(epoch);
    active.password_must_change = Set(false);
    active.version = Set(version);
    active.updated_at = Set(caller.now());
    let updated = active.update(&txn).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::PasswordChanged).on("user", updated.id),
    )
    .await?;
    Ok(updated)
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn record_logout(db: &DatabaseConnection, caller: &Caller) -> AppResult<()> {
    if let Some(viewer) = &caller.viewer {
        audit::record(
            db,
            caller,
            AuditEntry::new(AuditAction::Logout).on("user", viewer.user_id),
        )
        .await?;
    }
    Ok(())
}
