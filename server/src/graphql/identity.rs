use async_graphql::{Context, InputObject, Object, SimpleObject};
use entity::user;
use sea_orm::EntityTrait;
use tower_sessions::Session;

use crate::auth::password::PasswordChecks;
use crate::auth::session;
use crate::auth::session_store;
use crate::auth::throttle::Throttle;
use crate::error::AppError;
use crate::graphql::context::scope;
use crate::graphql::users::User;
use crate::metrics::Metrics;
use crate::services::identity;

#[derive(InputObject)]
pub struct LoginInput {
    pub email: String,
    #[graphql(secret)]
    pub password: String,
}

#[derive(InputObject)]
pub struct ChangePasswordInput {
    #[graphql(secret)]
    pub current_password: String,
    #[graphql(secret)]
    pub new_password: String,
}

/// How long a session lasts without requests. Public and free of case data:
/// the SPA reads it to warn before a session ends.
#[derive(SimpleObject)]
pub struct SessionPolicy {
    /// The least number of seconds a session lasts after the last request
    /// that reached the server. It may last up to a minute longer (the
    /// server dates an unchanged session again at most once a minute), so a
    /// client that counts from its last answer never warns too late.
    pub idle_timeout_seconds: i32,
}

#[derive(Default)]
pub struct IdentityQuery;

#[Object]
impl IdentityQuery {
    /// The signed-in user, or null.
    async fn me(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        let s = scope(ctx)?;
        let Some(viewer) = &s.caller.viewer else {
            return Ok(None);
        };
        let found = user::Entity::find_by_id(viewer.user_id)
            .one(s.db)
            .await
            .map_err(crate::error::AppError::from)?;
        Ok(found.map(User::from))
    }

    /// How long a session lasts without requests; answered to anybody.
    async fn session_policy(&self, ctx: &Context<'_>) -> async_graphql::Result<SessionPolicy> {
        let s = scope(ctx)?;
        let idle = session_store::idle_timeout(s.config.session_idle_timeout);
        let seconds = session_store::shortest_idle(idle).whole_seconds();
        Ok(SessionPolicy {
            idle_timeout_seconds: i32::try_from(seconds).unwrap_or(i32::MAX),
        })
    }
}

#[derive(Default)]
pub struct IdentityMutation;

#[Object]
impl IdentityMutation {
    /// Signs in and sets the session cookie.
    async fn login(&self, ctx: &Context<'_>, input: LoginInput) -> async_graphql::Result<User> {
        let s = scope(ctx)?;
        let signed_in = identity::login(
            s.db,
            s.caller,
            &Throttle::from_config(s.config),
            ctx.data::<PasswordChecks>()?,
            &input.email,
            input.password,
        )
        .await
        .inspect_err(|err| {
            let reason = match err {
                AppError::BadCredentials => "bad_credentials",
                AppError::RateLimited => "throttled",
                // Not a refusal of the sign-in (a failure of Ponte's).
                _ => return,
            };
            if let Ok(metrics) = ctx.data::<Metrics>() {
                metrics.login_failed(reason);
            }
        })?;
        session::start(ctx.data::<Session>()?, &signed_in, s.caller.now()).await?;
        Ok(signed_in.into())
    }

    /// Ends the session on the server: the old cookie is worth nothing afterwards.
    async fn logout(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let s = scope(ctx)?;
        identity::record_logout(s.db, s.caller).await?;
        session::end(ctx.data::<Session>()?).await?;
        Ok(true)
    }

    /// Changes the signed-in user's password and signs out their other sessions.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        input: ChangePasswordInput,
    ) -> async_graphql::Result<bool> {
        let s = scope(ctx)?;
        let updated = identity::change_password(
            s.db,
            s.caller,
            &Throttle::from_config(s.config),
            ctx.data::<PasswordChecks>()?,
            input.current_password,
            input.new_password,
        )
        .await?;
        session::renew_epoch(ctx.data::<Session>()?, updated.session_epoch).await?;
        Ok(true)
    }
}
