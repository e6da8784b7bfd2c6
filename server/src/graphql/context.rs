//! What a resolver takes from the request: the database, the caller (and
//! its clock) and the configuration, put there by the HTTP endpoint.

use std::future::Future;
use std::sync::Arc;

use async_graphql::{Context, ID};
use chrono::NaiveDate;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::caller::Caller;
use crate::config::Config;
use crate::error::AppResult;
use crate::graphql::ids::parse_id;
use crate::policy::{self, RegisterReach};

pub struct Scope<'a> {
    pub db: &'a DatabaseConnection,
    pub caller: &'a Caller,
    pub config: &'a Config,
}

pub fn scope<'a>(ctx: &Context<'a>) -> async_graphql::Result<Scope<'a>> {
    Ok(Scope {
        db: ctx.data::<DatabaseConnection>()?,
        caller: ctx.data::<Caller>()?,
        config: ctx.data::<Arc<Config>>()?.as_ref(),
    })
}

/// Runs `service` as the caller on the row named by the argument `id`: for
/// the fields whose one argument is the id of the row they read or change.
pub async fn on_id<'a, T, Fut>(
    ctx: &Context<'a>,
    id: &ID,
    service: impl FnOnce(&'a DatabaseConnection, &'a Caller, Uuid) -> Fut,
) -> async_graphql::Result<T>
where
    Fut: Future<Output = AppResult<T>>,
{
    let s = scope(ctx)?;
    Ok(service(s.db, s.caller, parse_id(id, "id")?).await?)
}

/// Today by the application's clock, for a field computed on the date
/// ("overdue", an age).
pub fn today(ctx: &Context<'_>) -> async_graphql::Result<NaiveDate> {
    Ok(ctx.data::<Caller>()?.today())
}

/// The viewer's reach in the agreements and meetings registers, read once
/// per request (`loaders::attach` puts an empty one in every request).
#[derive(Default)]
pub struct ReachOnce(tokio::sync::OnceCell<RegisterReach>);

/// The viewer's reach in the registers (`policy::register_reach`), read at
/// the first field that asks and kept for the request's other fields.
pub async fn register_reach<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a RegisterReach> {
    let s = scope(ctx)?;
    let once = ctx.data::<ReachOnce>()?;
    Ok(once
        .0
        .get_or_try_init(|| policy::register_reach(s.db, s.caller))
        .await?)
}
