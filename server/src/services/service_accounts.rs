//! Service accounts (issue 18.1): an ADMIN creates one for an organization
//! with its scopes and gets its token once; tokens are rotated, revoked, and
//! the account deactivated, each audited. `authenticate` is the door of the
//! machine endpoints (`http::bearer`).
//!
//! Only the SHA-256 of a token is stored. A password needs a slow hash
//! (argon2) because people choose guessable ones; a token is 256 random
//! bits, so no dictionary or brute force reaches it and one fast hash is as
//! safe, while it keeps every machine call cheap.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use entity::{organization, service_account, service_account_token};
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit::{self, AuditAction, AuditEntry};
use crate::caller::{Caller, ServiceAccountActor};
use crate::domain::service_accounts::{
    self as rules, parse_scopes, scopes_text, Refusal, TokenRefusal, DEFAULT_TOKEN_DAYS,
    SHOWN_RANDOM_CHARS, TOKEN_PREFIX,
};
use crate::domain::vocabulary::ServiceScope;
use crate::error::{AppError, AppResult};
use crate::policy;
use crate::services::rows::{commit_audited, find, named};

fn refused((field, message): Refusal) -> AppError {
    AppError::validation(field, message)
}

/// A token as made: the text shown once, and its row.
pub struct IssuedToken {
    pub secret: String,
    pub row: service_account_token::Model,
}

/// An account with its tokens, newest first.
pub struct AccountWithTokens {
    pub account: service_account::Model,
    pub tokens: Vec<service_account_token::Model>,
}

/// The account's scopes, a stored value outside the vocabulary naming the row.
pub fn scopes_of(account: &service_account::Model) -> AppResult<Vec<ServiceScope>> {
    parse_scopes(&account.scopes).ok_or_else(|| {
        AppError::internal(format!(
            "service_accounts row {}: unknown scope in {:?}",
            account.id, account.scopes
        ))
    })
}

/// `ponte_sa_` and 43 characters of base64url: 256 bits from the
/// operating system's generator.
fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{TOKEN_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
}

fn hash_of(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What is kept in the clear: the prefix and the first random characters.
fn shown_prefix(secret: &str) -> Option<&str> {
    secret.get(..TOKEN_PREFIX.len() + SHOWN_RANDOM_CHARS)
}

async fn issue(
    conn: &impl ConnectionTrait,
    account_id: Uuid,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> AppResult<IssuedToken> {
    let secret = new_secret();
    let prefix = shown_prefix(&secret)
        .ok_or_else(|| AppError::internal("token shorter than its prefix"))?
        .to_owned();
    let row = service_account_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        account_id: Set(account_id),
        token_hash: Set(hash_of(&secret)),
        prefix: Set(prefix),
        expires_at: Set(expires_at),
        revoked_at: Set(None),
        created_at: Set(now),
        last_used_at: Set(None),
    }
    .insert(conn)
    .await?;
    Ok(IssuedToken { secret, row })
}

#[derive(Debug, Clone)]
pub struct NewServiceAccount {
    pub organization_id: Uuid,
    pub name: String,
    pub scopes: Vec<ServiceScope>,
    pub expires_in_days: i32,
}

#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn create_service_account(
    db: &DatabaseConnection,
    caller: &Caller,
    input: NewServiceAccount,
) -> AppResult<(AccountWithTokens, IssuedToken)> {
    let viewer = policy::can_manage_service_accounts(caller)?;
    let name = rules::check_name(&input.name).map_err(refused)?;
    rules::check_scopes(&input.scopes).map_err(refused)?;
    let now = caller.now();
    let expires_at = rules::expiry(now, input.expires_in_days).map_err(refused)?;
    let txn = db.begin().await?;
    named::<organization::Entity>(
        &txn,
        input.organization_id,
        "organizationId",
        "Ente non trovato",
    )
    .await?;
    let account = service_account::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(input.organization_id),
        name: Set(name),
        scopes: Set(scopes_text(&input.scopes)),
        active: Set(true),
        created_by: Set(Some(viewer.user_id)),
        created_at: Set(now),
        version: Set(1),
    }
    .insert(&txn)
    .await?;
    let token = issue(&txn, account.id, now, expires_at).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::ServiceAccountCreated)
            .on("service_account", account.id)
            .details(json!({
                "name": account.name,
                "organizationId": account.organization_id,
                "scopes": account.scopes,
                "tokenPrefix": token.row.prefix,
                "expiresAt": token.row.expires_at,
            })),
    )
    .await?;
    let tokens = vec![token.row.clone()];
    Ok((AccountWithTokens { account, tokens }, token))
}

async fn bump_version(
    conn: &impl ConnectionTrait,
    account: &service_account::Model,
    active: bool,
) -> AppResult<service_account::Model> {
    let updated = service_account::Entity::update_many()
        .col_expr(
            service_account::Column::Version,
            Expr::value(account.version + 1),
        )
        .col_expr(service_account::Column::Active, Expr::value(active))
        .filter(service_account::Column::Id.eq(account.id))
        .filter(service_account::Column::Version.eq(account.version))
        .exec(conn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(AppError::Conflict(
            "Il service account è stato modificato nel frattempo: ricarica e riprova".into(),
        ));
    }
    find::<service_account::Entity>(conn, account.id).await
}

/// A new token; the account's other tokens stay valid for the overlap
/// (`ROTATION_OVERLAP_HOURS`) at most, so the client can switch without a
/// gap. A leaked token is revoked instead.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), account_id = %account_id))]
pub async fn rotate_token(
    db: &DatabaseConnection,
    caller: &Caller,
    account_id: Uuid,
    expires_in_days: Option<i32>,
) -> AppResult<(AccountWithTokens, IssuedToken)> {
    policy::can_manage_service_accounts(caller)?;
    let now = caller.now();
    let expires_at =
        rules::expiry(now, expires_in_days.unwrap_or(DEFAULT_TOKEN_DAYS)).map_err(refused)?;
    let txn = db.begin().await?;
    let account = find::<service_account::Entity>(&txn, account_id).await?;
    if !account.active {
        return Err(AppError::Conflict(
            "Il service account è disattivato: non gli si danno nuovi token".into(),
        ));
    }
    let live = service_account_token::Entity::find()
        .filter(service_account_token::Column::AccountId.eq(account.id))
        .filter(service_account_token::Column::RevokedAt.is_null())
        .filter(service_account_token::Column::ExpiresAt.gt(now))
        .all(&txn)
        .await?;
    let mut shortened = Vec::new();
    for token in live {
        let until = rules::expiry_after_rotation(token.expires_at, now);
        if until != token.expires_at {
            service_account_token::Entity::update_many()
                .col_expr(service_account_token::Column::ExpiresAt, Expr::value(until))
                .filter(service_account_token::Column::Id.eq(token.id))
                .exec(&txn)
                .await?;
        }
        shortened.push(json!({ "prefix": token.prefix, "expiresAt": until }));
    }
    let token = issue(&txn, account.id, now, expires_at).await?;
    let account = bump_version(&txn, &account, true).await?;
    let tokens = tokens_of(&txn, &[account.id]).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::ServiceAccountTokenRotated)
            .on("service_account", account.id)
            .details(json!({
                "name": account.name,
                "tokenPrefix": token.row.prefix,
                "expiresAt": token.row.expires_at,
                "previous": shortened,
            })),
    )
    .await?;
    Ok((AccountWithTokens { account, tokens }, token))
}

/// Ends one token at once (a leak, a retired client).
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), token_id = %token_id))]
pub async fn revoke_token(
    db: &DatabaseConnection,
    caller: &Caller,
    token_id: Uuid,
) -> AppResult<AccountWithTokens> {
    policy::can_manage_service_accounts(caller)?;
    let now = caller.now();
    let txn = db.begin().await?;
    let token = find::<service_account_token::Entity>(&txn, token_id).await?;
    if token.revoked_at.is_some() {
        return Err(AppError::Conflict("Il token è già revocato".into()));
    }
    service_account_token::Entity::update_many()
        .col_expr(service_account_token::Column::RevokedAt, Expr::value(now))
        .filter(service_account_token::Column::Id.eq(token.id))
        .exec(&txn)
        .await?;
    let account = find::<service_account::Entity>(&txn, token.account_id).await?;
    let tokens = tokens_of(&txn, &[account.id]).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::ServiceAccountTokenRevoked)
            .on("service_account", account.id)
            .details(json!({ "name": account.name, "tokenPrefix": token.prefix })),
    )
    .await?;
    Ok(AccountWithTokens { account, tokens })
}

/// Stops every token of the account at once; its rows and trail stay.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref(), account_id = %account_id))]
pub async fn deactivate_service_account(
    db: &DatabaseConnection,
    caller: &Caller,
    account_id: Uuid,
) -> AppResult<AccountWithTokens> {
    policy::can_manage_service_accounts(caller)?;
    let txn = db.begin().await?;
    let account = find::<service_account::Entity>(&txn, account_id).await?;
    if !account.active {
        return Err(AppError::Conflict(
            "Il service account è già disattivato".into(),
        ));
    }
    let account = bump_version(&txn, &account, false).await?;
    let tokens = tokens_of(&txn, &[account.id]).await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::ServiceAccountDeactivated)
            .on("service_account", account.id)
            .details(json!({ "name": account.name })),
    )
    .await?;
    Ok(AccountWithTokens { account, tokens })
}

async fn tokens_of(
    conn: &impl ConnectionTrait,
    account_ids: &[Uuid],
) -> AppResult<Vec<service_account_token::Model>> {
    Ok(service_account_token::Entity::find()
        .filter(service_account_token::Column::AccountId.is_in(account_ids.iter().copied()))
        .order_by_desc(service_account_token::Column::CreatedAt)
        .order_by_desc(service_account_token::Column::Id)
        .all(conn)
        .await?)
}

/// Every account by name, with its tokens (prefixes, expiry, last use:
/// never a secret, which is not stored).
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn list_service_accounts(
    db: &DatabaseConnection,
    caller: &Caller,
    organization_id: Option<Uuid>,
) -> AppResult<Vec<AccountWithTokens>> {
    policy::can_manage_service_accounts(caller)?;
    let mut query = service_account::Entity::find();
    if let Some(organization_id) = organization_id {
        query = query.filter(service_account::Column::OrganizationId.eq(organization_id));
    }
    let accounts = query
        .order_by_asc(service_account::Column::Name)
        .order_by_asc(service_account::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = accounts.iter().map(|a| a.id).collect();
    let mut tokens = tokens_of(db, &ids).await?;
    Ok(accounts
        .into_iter()
        .map(|account| {
            let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut tokens)
                .into_iter()
                .partition(|t| t.account_id == account.id);
            tokens = rest;
            AccountWithTokens {
                account,
                tokens: mine,
            }
        })
        .collect())
}

/// Why a bearer token does not open the door.
#[derive(Debug)]
pub enum BearerRefusal {
    /// Not a Ponte token, or no such token: nothing to name.
    Unknown,
    /// A token of a known account: the refusal is in its trail.
    Refused(TokenRefusal),
    Failed(AppError),
}

impl From<AppError> for BearerRefusal {
    fn from(err: AppError) -> Self {
        BearerRefusal::Failed(err)
    }
}

impl From<sea_orm::DbErr> for BearerRefusal {
    fn from(err: sea_orm::DbErr) -> Self {
        BearerRefusal::Failed(err.into())
    }
}

/// Both digests are compared whole, whatever differs first.
fn same_digest(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The account of a presented token, checked: the token found by its
/// prefix, its digest equal, not revoked, not expired, the account active.
/// A known token refused is audited under its account; its last use is
/// written at most once a minute.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn authenticate(
    db: &DatabaseConnection,
    caller: &Caller,
    presented: &str,
) -> Result<ServiceAccountActor, BearerRefusal> {
    if !presented.starts_with(TOKEN_PREFIX) {
        return Err(BearerRefusal::Unknown);
    }
    let Some(prefix) = shown_prefix(presented) else {
        return Err(BearerRefusal::Unknown);
    };
    let Some(token) = service_account_token::Entity::find()
        .filter(service_account_token::Column::Prefix.eq(prefix))
        .one(db)
        .await?
    else {
        return Err(BearerRefusal::Unknown);
    };
    if !same_digest(&token.token_hash, &hash_of(presented)) {
        return Err(BearerRefusal::Unknown);
    }
    let account = find::<service_account::Entity>(db, token.account_id).await?;
    let actor = ServiceAccountActor {
        account_id: account.id,
        organization_id: account.organization_id,
        name: account.name.clone(),
        scopes: scopes_of(&account)?,
    };
    let now = caller.now();
    if let Err(refusal) =
        rules::token_usable(token.revoked_at, token.expires_at, account.active, now)
    {
        let as_account = Caller {
            service_account: Some(actor),
            ..caller.clone()
        };
        audit::record(
            db,
            &as_account,
            AuditEntry::new(AuditAction::ServiceAccountRefused)
                .on("service_account", account.id)
                .details(json!({ "reason": refusal.as_str(), "tokenPrefix": token.prefix })),
        )
        .await?;
        return Err(BearerRefusal::Refused(refusal));
    }
    let a_minute_ago = now - chrono::Duration::minutes(1);
    service_account_token::Entity::update_many()
        .col_expr(service_account_token::Column::LastUsedAt, Expr::value(now))
        .filter(service_account_token::Column::Id.eq(token.id))
        .filter(
            Condition::any()
                .add(service_account_token::Column::LastUsedAt.is_null())
                .add(service_account_token::Column::LastUsedAt.lt(a_minute_ago)),
        )
        .exec(db)
        .await?;
    Ok(actor)
}

/// A scope refused to a valid token, in the account's trail.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn record_scope_refused(
    db: &DatabaseConnection,
    caller: &Caller,
    scope: ServiceScope,
    path: &str,
) -> AppResult<()> {
    let Some(account) = &caller.service_account else {
        return Ok(());
    };
    audit::record(
        db,
        caller,
        AuditEntry::new(AuditAction::ServiceAccountRefused)
            .on("service_account", account.account_id)
            .details(json!({ "reason": "missing_scope", "scope": scope.wire(), "path": path })),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_the_prefix_and_256_bits_in_base64url() {
        let secret = new_secret();
        assert!(secret.starts_with("ponte_sa_"), "{secret}");
        assert_eq!(secret.len(), TOKEN_PREFIX.len() + 43);
        assert_ne!(secret, new_secret());
        assert_eq!(shown_prefix(&secret).unwrap().len(), 17);
        assert_eq!(hash_of("abc").len(), 64);
        assert!(same_digest(&hash_of(&secret), &hash_of(&secret)));
        assert!(!same_digest(&hash_of(&secret), &hash_of("other")));
    }
}
