//! Service accounts and the nomenclatore mapping (issue 18.1 and 18.5):
//! ADMIN's configuration of the machine clients. A token's secret appears
//! in one answer only, the one that made it (`IssuedServiceAccountToken`).

use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{nomenclatore_mapping, service_account_token};

use crate::error::AppError;
use crate::graphql::context::{on_id, scope};
use crate::graphql::ids::{parse_id, parse_optional_id};
use crate::graphql::organizations::{self, Organization};
use crate::graphql::vocabulary::{each, ServiceKind, ServiceScope};
use crate::services::interventions_flow as flow;
use crate::services::service_accounts::{
    self as service, scopes_of, AccountWithTokens, IssuedToken, NewServiceAccount,
};

/// A machine client of an organization; it calls the machine endpoints
/// with a bearer token, never `/graphql`.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct ServiceAccount {
    pub id: ID,
    pub name: String,
    pub scopes: Vec<ServiceScope>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub version: i32,
    /// Newest first: prefixes, expiry, revocation and last use, never a secret.
    pub tokens: Vec<ServiceAccountToken>,
    #[graphql(skip)]
    pub organization_id: uuid::Uuid,
}

#[ComplexObject]
impl ServiceAccount {
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Organization> {
        organizations::load(ctx, Some(self.organization_id))
            .await?
            .ok_or_else(|| {
                AppError::internal(format!("service account {}: no organization", self.id.0)).into()
            })
    }
}

impl TryFrom<AccountWithTokens> for ServiceAccount {
    type Error = AppError;

    fn try_from(found: AccountWithTokens) -> Result<Self, AppError> {
        let scopes = scopes_of(&found.account)?;
        let a = found.account;
        Ok(ServiceAccount {
            id: ID(a.id.to_string()),
            name: a.name,
            scopes: each(scopes),
            active: a.active,
            created_at: a.created_at,
            version: a.version,
            tokens: found
                .tokens
                .into_iter()
                .map(ServiceAccountToken::from)
                .collect(),
            organization_id: a.organization_id,
        })
    }
}

#[derive(SimpleObject)]
pub struct ServiceAccountToken {
    pub id: ID,
    /// `ponte_sa_` and the first eight characters: to recognise the token.
    pub prefix: String,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// To the minute.
    pub last_used_at: Option<DateTime<Utc>>,
}

impl From<service_account_token::Model> for ServiceAccountToken {
    fn from(t: service_account_token::Model) -> Self {
        ServiceAccountToken {
            id: ID(t.id.to_string()),
            prefix: t.prefix,
            expires_at: t.expires_at,
            revoked_at: t.revoked_at,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
        }
    }
}

/// A token just made: `token` is shown here once and never again (only
/// its hash is kept).
#[derive(SimpleObject)]
pub struct IssuedServiceAccountToken {
    pub account: ServiceAccount,
    pub token: String,
    pub token_info: ServiceAccountToken,
}

fn issued(
    found: AccountWithTokens,
    token: IssuedToken,
) -> async_graphql::Result<IssuedServiceAccountToken> {
    Ok(IssuedServiceAccountToken {
        account: found.try_into()?,
        token: token.secret,
        token_info: token.row.into(),
    })
}

#[derive(SimpleObject)]
pub struct NomenclatoreMapping {
    pub service_kind: ServiceKind,
    pub code: String,
    pub label: String,
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<nomenclatore_mapping::Model> for NomenclatoreMapping {
    type Error = AppError;

    fn try_from(m: nomenclatore_mapping::Model) -> Result<Self, AppError> {
        let kind =
            crate::domain::vocabulary::ServiceKind::parse(&m.service_kind).ok_or_else(|| {
                AppError::internal(format!(
                    "nomenclatore_mappings row {}: not a ServiceKind",
                    m.service_kind
                ))
            })?;
        Ok(NomenclatoreMapping {
            service_kind: kind.into(),
            code: m.code,
            label: m.label,
            updated_at: m.updated_at,
        })
    }
}

#[derive(InputObject)]
pub struct CreateServiceAccountInput {
    pub organization_id: ID,
    pub name: String,
    pub scopes: Vec<ServiceScope>,
    /// How long the first token lives, 1 to 730 days.
    pub expires_in_days: i32,
}

impl CreateServiceAccountInput {
    fn parse(self) -> Result<NewServiceAccount, AppError> {
        Ok(NewServiceAccount {
            organization_id: parse_id(&self.organization_id, "organizationId")?,
            name: self.name,
            scopes: each(self.scopes),
            expires_in_days: self.expires_in_days,
        })
    }
}

#[derive(Default)]
pub struct ServiceAccountQuery;

#[Object]
impl ServiceAccountQuery {
    /// ADMIN only: every service account by name (of one organization when
    /// given), with its tokens' prefixes, expiry and last use.
    async fn service_accounts(
        &self,
        ctx: &Context<'_>,
        organization_id: Option<ID>,
    ) -> async_graphql::Result<Vec<ServiceAccount>> {
        let s = scope(ctx)?;
        let organization_id = parse_optional_id(&organization_id, "organizationId")?;
        let found = service::list_service_accounts(s.db, s.caller, organization_id).await?;
        Ok(found
            .into_iter()
            .map(ServiceAccount::try_from)
            .collect::<Result<_, _>>()?)
    }

    /// ADMIN and REPORTER: the nomenclatore code of each intervention kind
    /// that has one, in the vocabulary's order.
    async fn nomenclatore_mappings(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<NomenclatoreMapping>> {
        let s = scope(ctx)?;
        Ok(flow::nomenclatore_mappings(s.db, s.caller)
            .await?
            .into_iter()
            .map(NomenclatoreMapping::try_from)
            .collect::<Result<_, _>>()?)
    }
}

#[derive(Default)]
pub struct ServiceAccountMutation;

#[Object]
impl ServiceAccountMutation {
    /// ADMIN only. The answer holds the token, shown this once.
    async fn create_service_account(
        &self,
        ctx: &Context<'_>,
        input: CreateServiceAccountInput,
    ) -> async_graphql::Result<IssuedServiceAccountToken> {
        let s = scope(ctx)?;
        let (found, token) =
            service::create_service_account(s.db, s.caller, input.parse()?).await?;
        issued(found, token)
    }

    /// ADMIN only: a new token (shown this once, `expiresInDays` 365 when
    /// absent); the account's previous tokens stay valid 24 hours more at
    /// most, so the client can switch without a gap.
    async fn rotate_service_account_token(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expires_in_days: Option<i32>,
    ) -> async_graphql::Result<IssuedServiceAccountToken> {
        let s = scope(ctx)?;
        let id = parse_id(&id, "id")?;
        let (found, token) = service::rotate_token(s.db, s.caller, id, expires_in_days).await?;
        issued(found, token)
    }

    /// ADMIN only: ends one token (`id` of the token) at once.
    async fn revoke_service_account_token(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<ServiceAccount> {
        Ok(on_id(ctx, &id, service::revoke_token).await?.try_into()?)
    }

    /// ADMIN only: every token of the account stops working.
    async fn deactivate_service_account(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<ServiceAccount> {
        Ok(on_id(ctx, &id, service::deactivate_service_account)
            .await?
            .try_into()?)
    }

    /// ADMIN only: the nomenclatore code (and its wording) of one
    /// intervention kind, replacing the previous one.
    async fn set_nomenclatore_code(
        &self,
        ctx: &Context<'_>,
        service_kind: ServiceKind,
        code: String,
        label: String,
    ) -> async_graphql::Result<NomenclatoreMapping> {
        let s = scope(ctx)?;
        Ok(
            flow::set_nomenclatore_code(s.db, s.caller, service_kind.into(), &code, &label)
                .await?
                .try_into()?,
        )
    }
}
