//! Signing in and changing one's own password.

use chrono::Utc;
use entity::user;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    Set, TransactionTrait,
};
use serde_json::json;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::auth::password;
use crate::auth::throttle::{self, Throttle};
use crate::caller::Caller;
use crate::domain::account;
use crate::error::{AppError, AppResult};

#[tracing::instrument(skip(db, caller, password, throttle_rule), fields(request_id = caller.request_id.as_deref()))]
pub async fn login(
    db: &DatabaseConnection,
    caller: &Caller,
    throttle_rule: &Throttle,
    email: &str,
    password: String,
) -> AppResult<user::Model> {
    let email_normalized = account::normalize_email(email);
    let now = Utc::now();

    if throttle_rule.is_locked(db, &email_normalized, now).await? {
        audit::record(
            db,
            caller,
            AuditEntry::new(AuditAction::LoginThrottled)
                .details(json!({ "email": email_normalized })),
        )
        .await?;
        return Err(AppError::RateLimited);
    }

    let found = user::Entity::find()
        .filter(user::Column::EmailNormalized.eq(&email_normalized))
        .one(db)
        .await?;
    let matches =
        password::verify(password, found.as_ref().map(|u| u.password_hash.clone())).await?;
    let accepted = found.filter(|u| matches && u.active);

    let txn = db.begin().await?;
    throttle::record_attempt(
        &txn,
        &email_normalized,
        accepted.is_some(),
        caller.client_addr.clone(),
    )
    .await?;
    let result = match accepted {
        Some(user) => {
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
            audit::record(
                &txn,
                caller,
                AuditEntry::new(AuditAction::LoginFailed)
                    .details(json!({ "email": email_normalized })),
            )
            .await?;
            Err(AppError::BadCredentials)
        }
    };
    txn.commit().await?;
    result
}

/// Changes the caller's password and moves their session epoch, which ends
/// every other session of theirs at its next request.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn change_password(
    db: &DatabaseConnection,
    caller: &Caller,
    current_password: String,
    new_password: String,
) -> AppResult<user::Model> {
    let viewer = caller.viewer()?;
    account::check_password(&new_password).map_err(|m| AppError::validation("newPassword", m))?;
    let user = user::Entity::find_by_id(viewer.user_id)
        .one(db)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if !password::verify(current_password, Some(user.password_hash.clone())).await? {
        return Err(AppError::validation(
            "currentPassword",
            "La password attuale non è corretta",
        ));
    }
    let new_hash = password::hash(new_password).await?;

    let txn = db.begin().await?;
    let epoch = user.session_epoch + 1;
    let version = user.version + 1;
    let mut active = user.into_active_model();
    active.password_hash = Set(new_hash);
    active.session_epoch = Set(epoch);
    active.version = Set(version);
    active.updated_at = Set(Utc::now());
    let updated = active.update(&txn).await?;
    audit::record(
        &txn,
        caller,
        AuditEntry::new(AuditAction::PasswordChanged).on("user", updated.id),
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

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
