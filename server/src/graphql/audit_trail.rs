use async_graphql::{ComplexObject, Context, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{audit_event, user};

use crate::graphql::context::scope;
use crate::graphql::cost;
use crate::graphql::ids::parse_id;
use crate::graphql::loaders;
use crate::graphql::pagination::{connection, page_request, PonteConnection};
use crate::graphql::users::User;
use crate::services::audit_trail::{self, TrailFilter};

/// One access or change: who, from which organization, when, what, from where.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct AuditEvent {
    pub id: ID,
    pub occurred_at: DateTime<Utc>,
    pub action: String,
    pub entity_type: Option<String>,
    pub entity_id: Option<ID>,
    pub person_id: Option<ID>,
    pub request_id: Option<String>,
    pub client_addr: Option<String>,
    /// A small JSON object of facts (never passwords or health data).
    pub details: Option<String>,
    #[graphql(skip)]
    pub actor_user_id: Option<uuid::Uuid>,
    #[graphql(skip)]
    pub actor_organization_id: Option<uuid::Uuid>,
}

#[ComplexObject]
impl AuditEvent {
    async fn actor(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        match self.actor_user_id {
            Some(id) => Ok(loaders::one::<user::Entity>(ctx, id).await?.map(User::from)),
            None => Ok(None),
        }
    }

    /// The actor's organization at the time of the event.
    async fn actor_organization(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<crate::graphql::organizations::Organization>> {
        crate::graphql::organizations::load(ctx, self.actor_organization_id).await
    }
}

impl From<audit_event::Model> for AuditEvent {
    fn from(m: audit_event::Model) -> Self {
        AuditEvent {
            id: ID(m.id.to_string()),
            occurred_at: m.occurred_at,
            action: m.action,
            entity_type: m.entity_type,
            entity_id: m.entity_id.map(|id| ID(id.to_string())),
            person_id: m.person_id.map(|id| ID(id.to_string())),
            request_id: m.request_id,
            client_addr: m.client_addr,
            details: m.details.map(|d| d.to_string()),
            actor_user_id: m.actor_user_id,
            actor_organization_id: m.actor_organization_id,
        }
    }
}

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// AUDITOR only. Newest first; `from` inclusive, `to` exclusive.
    // One Rust parameter per GraphQL argument, and the schema must not
    // change: async-graphql 7 cannot flatten a struct into field arguments
    // (async-graphql issue #1514), so the list stays; the resolver gathers
    // the arguments into a `TrailFilter` for the service.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn audit_trail(
        &self,
        ctx: &Context<'_>,
        person_id: Option<ID>,
        user_id: Option<ID>,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<PonteConnection<AuditEvent>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let filter = TrailFilter {
            person_id: person_id
                .as_ref()
                .map(|id| parse_id(id, "personId"))
                .transpose()?,
            user_id: user_id
                .as_ref()
                .map(|id| parse_id(id, "userId"))
                .transpose()?,
            from,
            to,
        };
        let found = audit_trail::list(s.db, s.caller, filter, page).await?;
        Ok(connection(found.map(AuditEvent::from)))
    }
}
