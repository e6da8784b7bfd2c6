use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::user;
use uuid::Uuid;

use crate::error::AppError;
use crate::graphql::context::scope;
use crate::graphql::cost;
use crate::graphql::ids::{parse_id, parse_ids, parse_optional_id};
use crate::graphql::organizations::{self, Organization};
use crate::graphql::pagination::{connection, page_request, PonteConnection};
use crate::graphql::vocabulary::{Profession, Role};
use crate::services::at_version::AtVersion;
use crate::services::users::{self, NewUser, UserChanges};

/// A person who signs in to Ponte. Built field by field from the row, so the
/// password hash has no way into the API.
#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct User {
    pub id: ID,
    pub version: i32,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub profession: Profession,
    pub active: bool,
    /// A REPORTER who manages the agreements of their territories (ADMIN
    /// sets it). An ADMIN manages every agreement whatever this says.
    pub manages_agreements: bool,
    /// True from an administrator's password reset until the user chooses
    /// their own password: the app asks for it before anything else.
    pub must_change_password: bool,
    pub created_at: DateTime<Utc>,
    #[graphql(skip)]
    pub organization_id: Option<Uuid>,
}

#[ComplexObject]
impl User {
    async fn organization(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        organizations::load(ctx, self.organization_id).await
    }

    /// A REPORTER's territories, each with everything under it (ADMIN or
    /// the user themselves).
    async fn territories(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Organization>> {
        let s = scope(ctx)?;
        let user_id = parse_id(&self.id, "id")?;
        let rows = users::user_territories(s.db, s.caller, user_id).await?;
        Ok(rows.into_iter().map(Organization::from).collect())
    }
}

impl From<user::Model> for User {
    fn from(m: user::Model) -> Self {
        User {
            id: ID(m.id.to_string()),
            version: m.version,
            email: m.email,
            display_name: m.display_name,
            // Rows are only written through the enums' `as_str`.
            role: m.role.into(),
            profession: m.profession.into(),
            active: m.active,
            manages_agreements: m.manages_agreements,
            must_change_password: m.password_must_change,
            created_at: m.created_at,
            organization_id: m.organization_id,
        }
    }
}

/// Resolves a user reference through the request's DataLoader.
pub async fn load(ctx: &Context<'_>, id: Option<Uuid>) -> async_graphql::Result<Option<User>> {
    match id {
        Some(id) => Ok(crate::graphql::loaders::one::<user::Entity>(ctx, id)
            .await?
            .map(User::from)),
        None => Ok(None),
    }
}

#[derive(InputObject)]
pub struct CreateUserInput {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub role: Role,
    pub profession: Profession,
    pub organization_id: ID,
}

impl CreateUserInput {
    fn parse(self) -> Result<NewUser, AppError> {
        Ok(NewUser {
            organization_id: Some(parse_id(&self.organization_id, "organizationId")?),
            email: self.email,
            display_name: self.display_name,
            password: self.password,
            role: self.role.into(),
            profession: self.profession.into(),
        })
    }
}

#[derive(InputObject)]
pub struct UpdateUserInput {
    pub user_id: ID,
    pub expected_version: i32,
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub profession: Option<Profession>,
    pub organization_id: Option<ID>,
    /// false deactivates the account: its sessions stop working at once.
    pub active: Option<bool>,
    /// true only for a REPORTER (VALIDATION otherwise): they manage the
    /// agreements of their territories.
    pub manages_agreements: Option<bool>,
}

impl UpdateUserInput {
    fn parse(self) -> Result<AtVersion<UserChanges>, AppError> {
        let user_id = parse_id(&self.user_id, "userId")?;
        Ok(
            AtVersion::new(user_id, self.expected_version).with(UserChanges {
                display_name: self.display_name,
                role: self.role.map(Into::into),
                profession: self.profession.map(Into::into),
                organization_id: parse_optional_id(&self.organization_id, "organizationId")?,
                active: self.active,
                manages_agreements: self.manages_agreements,
            }),
        )
    }
}

/// The territories whose indicators a REPORTER reads; an empty list takes
/// them all away.
#[derive(InputObject)]
pub struct SetUserTerritoriesInput {
    pub user_id: ID,
    pub organization_ids: Vec<ID>,
}

#[derive(InputObject)]
pub struct ResetUserPasswordInput {
    pub user_id: ID,
}

/// A temporary password, shown once to the administrator who reset it.
#[derive(SimpleObject)]
pub struct ResetUserPasswordPayload {
    pub user: User,
    /// Said to the user by the administrator; valid until the user signs in
    /// and chooses their own. Never stored in clear, never shown again.
    pub temporary_password: String,
}

#[derive(Default)]
pub struct UserQuery;

#[Object]
impl UserQuery {
    /// ADMIN only.
    #[graphql(complexity = "cost::of_rows(first, child_complexity)")]
    async fn users(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        search: Option<String>,
    ) -> async_graphql::Result<PonteConnection<User>> {
        let s = scope(ctx)?;
        let page = page_request(ctx, first, after.as_deref())?;
        let found = users::list_users(s.db, s.caller, search.as_deref(), page).await?;
        Ok(connection(found.map(User::from)))
    }
}

#[derive(Default)]
pub struct UserMutation;

#[Object]
impl UserMutation {
    /// ADMIN only.
    async fn create_user(
        &self,
        ctx: &Context<'_>,
        input: CreateUserInput,
    ) -> async_graphql::Result<User> {
        let s = scope(ctx)?;
        Ok(users::create_user(s.db, s.caller, input.parse()?)
            .await?
            .into())
    }

    /// ADMIN only.
    async fn update_user(
        &self,
        ctx: &Context<'_>,
        input: UpdateUserInput,
    ) -> async_graphql::Result<User> {
        let s = scope(ctx)?;
        Ok(users::update_user(s.db, s.caller, input.parse()?)
            .await?
            .into())
    }

    /// ADMIN only; audited. A new random temporary password replaces the
    /// user's, every session of theirs ends, and they must choose their own
    /// password at the next sign-in.
    async fn reset_user_password(
        &self,
        ctx: &Context<'_>,
        input: ResetUserPasswordInput,
    ) -> async_graphql::Result<ResetUserPasswordPayload> {
        let s = scope(ctx)?;
        let user_id = parse_id(&input.user_id, "userId")?;
        let (user, temporary_password) = users::reset_password(s.db, s.caller, user_id).await?;
        Ok(ResetUserPasswordPayload {
            user: user.into(),
            temporary_password,
        })
    }

    /// ADMIN only; audited.
    async fn set_user_territories(
        &self,
        ctx: &Context<'_>,
        input: SetUserTerritoriesInput,
    ) -> async_graphql::Result<User> {
        let s = scope(ctx)?;
        let updated = users::set_user_territories(
            s.db,
            s.caller,
            parse_id(&input.user_id, "userId")?,
            parse_ids(&input.organization_ids, "organizationIds")?,
        )
        .await?;
        Ok(updated.into())
    }
}
