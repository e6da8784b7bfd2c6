use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::organization;
use uuid::Uuid;

use crate::graphql::context::scope;
use crate::graphql::cost;
use crate::graphql::loaders;
use crate::graphql::pagination::{connection, page_request, PonteConnection};
use crate::graphql::vocabulary::OrganizationKind;
use crate::services::organizations::{self, NewOrganization};

/// An Ente: a health authority, a Comune, an ETS, a hospital…
#[derive(SimpleObject, Clone)]
pub struct Organization {
    pub id: ID,
    pub name: String,
    pub kind: OrganizationKind,
    pub fiscal_code: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<organization::Model> for Organization {
    fn from(m: organization::Model) -> Self {
        Organization {
            id: ID(m.id.to_string()),
            name: m.name,
            // Rows are only written through `OrganizationKind::as_str`.
            kind: m.kind.into(),
            fiscal_code: m.fiscal_code,
            created_at: m.created_at,
        }
    }
}

/// Resolves an organization reference through the request's DataLoader.
pub async fn load(
    ctx: &Context<'_>,
    id: Option<Uuid>,
) -> async_graphql::Result<Option<Organization>> {
    let Some(id) = id else { return Ok(None) };
    Ok(loaders::one::<organization::Entity>(ctx, id)
        .await?
        .map(Organization::from))
}

#[derive(InputObject)]
pub struct CreateOrganizationInput {
    pub name: String,
    pub kind: OrganizationKind,
    pub fiscal_code: Option<String>,
}

#[derive(Default)]
pub struct OrganizationQuery;

#[Object]
impl OrganizationQuery {
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn organizations(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        kind: Option<OrganizationKind>,
    ) -> async_graphql::Result<PonteConnection<Organization>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let found =
            organizations::list_organizations(s.db, s.caller, kind.map(Into::into), page).await?;
        Ok(connection(found.map(Organization::from)))
    }
}

#[derive(Default)]
pub struct OrganizationMutation;

#[Object]
impl OrganizationMutation {
    async fn create_organization(
        &self,
        ctx: &Context<'_>,
        input: CreateOrganizationInput,
    ) -> async_graphql::Result<Organization> {
        let s = scope(ctx)?;
        let created = organizations::create_organization(
            s.db,
            s.caller,
            NewOrganization {
                name: input.name,
                kind: input.kind.into(),
                fiscal_code: input.fiscal_code,
            },
        )
        .await?;
        Ok(created.into())
    }
}
