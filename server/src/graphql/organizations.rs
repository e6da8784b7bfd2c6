use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::organization;
use uuid::Uuid;

use crate::error::AppError;
use crate::graphql::context::scope;
use crate::graphql::cost;
use crate::graphql::ids::{parse_id, parse_optional_id};
use crate::graphql::loaders;
use crate::graphql::pagination::{connection, page_request, PonteConnection};
use crate::graphql::vocabulary::{IntegratedPart, OrganizationKind};
use crate::services::organizations::{self, NewOrganization};

/// An Ente: a health authority, a Comune, an ETS, a hospital…
#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct Organization {
    pub id: ID,
    pub name: String,
    pub kind: OrganizationKind,
    pub fiscal_code: Option<String>,
    pub created_at: DateTime<Utc>,
    #[graphql(skip)]
    pub uuid: Uuid,
    #[graphql(skip)]
    pub parent_id: Option<Uuid>,
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
            uuid: m.id,
            parent_id: m.parent_id,
        }
    }
}

#[ComplexObject]
impl Organization {
    /// The side of an integrated PAI an organization of this kind signs for
    /// (`cosignProject`): HEALTH for ASL, ASST and their services, SOCIAL for
    /// Comune, Ambito and Ufficio di Piano; null for the partners of a plan
    /// that sign neither side.
    async fn integrated_part(&self) -> Option<IntegratedPart> {
        crate::domain::vocabulary::OrganizationKind::from(self.kind)
            .integrated_part()
            .map(Into::into)
    }

    /// Where it belongs in the territory: a Comune's Ambito, an Ambito's
    /// Distretto or ATS, a Distretto's (or hospital's) ASST.
    async fn parent(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        load(ctx, self.parent_id).await
    }

    /// The organizations directly under this one, by name.
    async fn children(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Organization>> {
        let s = scope(ctx)?;
        let rows = organizations::children_of(s.db, s.caller, self.uuid).await?;
        Ok(rows.into_iter().map(Organization::from).collect())
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
    /// Where it belongs in the territory (`Organization.parent`).
    pub parent_id: Option<ID>,
}

impl CreateOrganizationInput {
    fn parse(self) -> Result<NewOrganization, AppError> {
        Ok(NewOrganization {
            name: self.name,
            kind: self.kind.into(),
            fiscal_code: self.fiscal_code,
            parent_id: parse_optional_id(&self.parent_id, "parentId")?,
        })
    }
}

#[derive(InputObject)]
pub struct SetOrganizationParentInput {
    pub organization_id: ID,
    /// None takes the organization out of the territory above it.
    pub parent_id: Option<ID>,
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
        Ok(
            organizations::create_organization(s.db, s.caller, input.parse()?)
                .await?
                .into(),
        )
    }

    /// Puts an organization under another in the territory (ADMIN, audited).
    async fn set_organization_parent(
        &self,
        ctx: &Context<'_>,
        input: SetOrganizationParentInput,
    ) -> async_graphql::Result<Organization> {
        let s = scope(ctx)?;
        let updated = organizations::set_organization_parent(
            s.db,
            s.caller,
            parse_id(&input.organization_id, "organizationId")?,
            parse_optional_id(&input.parent_id, "parentId")?,
        )
        .await?;
        Ok(updated.into())
    }
}
