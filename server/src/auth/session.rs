//! What the session cookie stands for, and the check made on every request:
//! the user still exists and is active, the session is not older than the
//! absolute lifetime, and no password change has happened since sign-in.

use chrono::{DateTime, Utc};
use entity::user;
use sea_orm::{DatabaseConnection, EntityTrait};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;
use uuid::Uuid;

use crate::caller::Viewer;
use crate::error::AppResult;
use crate::services::rows::InRow;

const KEY: &str = "ponte.auth";

#[derive(Debug, Clone, Serialize, Deserialize)]
struct SignedIn {
    user_id: Uuid,
    session_epoch: i32,
    signed_in_at: i64,
}

/// Starts an authenticated session under a fresh id, so that a session id
/// planted before sign-in is worth nothing after it. `now` is the sign-in's
/// time, from which the absolute lifetime counts.
pub async fn start(session: &Session, user: &user::Model, now: DateTime<Utc>) -> AppResult<()> {
    session.cycle_id().await?;
    session
        .insert(
            KEY,
            SignedIn {
                user_id: user.id,
                session_epoch: user.session_epoch,
                signed_in_at: now.timestamp(),
            },
        )
        .await?;
    Ok(())
}

/// Keeps the current session valid after the user's epoch moved (their own
/// password change), under a new id.
pub async fn renew_epoch(session: &Session, session_epoch: i32) -> AppResult<()> {
    if let Some(mut signed_in) = session.get::<SignedIn>(KEY).await? {
        signed_in.session_epoch = session_epoch;
        session.cycle_id().await?;
        session.insert(KEY, signed_in).await?;
    }
    Ok(())
}

/// Deletes the session server-side, so the old cookie is refused afterwards.
pub async fn end(session: &Session) -> AppResult<()> {
    session.flush().await?;
    Ok(())
}

/// The viewer for this request, or `None` when not signed in. A session that
/// is no longer acceptable (at `now`) is flushed on the spot.
pub async fn current_viewer(
    session: &Session,
    db: &DatabaseConnection,
    max_lifetime: std::time::Duration,
    now: DateTime<Utc>,
) -> AppResult<Option<(Viewer, user::Model)>> {
    let Some(signed_in) = session.get::<SignedIn>(KEY).await? else {
        return Ok(None);
    };
    let age = now.timestamp() - signed_in.signed_in_at;
    let too_old = age < 0 || age as u64 > max_lifetime.as_secs();
    let user = user::Entity::find_by_id(signed_in.user_id)
        .one(db)
        .await
        .in_row(user::Entity, signed_in.user_id)?;
    let user = match user {
        Some(u) if !too_old && u.active && u.session_epoch == signed_in.session_epoch => u,
        _ => {
            session.flush().await?;
            return Ok(None);
        }
    };
    let viewer = viewer_of(&user)?;
    Ok(Some((viewer, user)))
}

pub fn viewer_of(user: &user::Model) -> AppResult<Viewer> {
    Ok(Viewer {
        user_id: user.id,
        role: user.role,
        profession: user.profession,
        organization_id: user.organization_id,
    })
}
