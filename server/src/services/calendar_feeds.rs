//! The agenda's settings of a user: the email reminders, and the calendar
//! feed (ICS) behind a revocable secret URL.
//!
//! The feed's secret (`ponte_cal_…`, 256 random bits) is shown once, when it
//! is created; only its SHA-256 is stored, so a copy of the database opens
//! no feed. One feed per user: creating one replaces the previous secret.
//! The feed is fetched with no session — the secret is the credential — and
//! answers as its user would be answered now: their MINE agenda under the
//! same policy, so a user who left their teams or was deactivated gets an
//! empty calendar or none.

use std::collections::HashMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use entity::{calendar_feed, person, user};
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit::{AuditAction, AuditEntry};
use crate::caller::{Caller, Viewer};
use crate::domain::agenda::{feed_window, FEED_TOKEN_PREFIX};
use crate::domain::vocabulary::{AgendaScope, Role};
use crate::error::AppResult;
use crate::notify::templates::initials;
use crate::policy;
use crate::services::agenda::{read_agenda, AgendaRow, Audience};
use crate::services::calendar_file::{calendar, FeedEvent};
use crate::services::rows::commit_audited;

/// The viewer's agenda settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaSettings {
    pub email_reminders: bool,
    /// When the active calendar feed was created, if there is one.
    pub feed_created_at: Option<DateTime<Utc>>,
    pub feed_last_fetched_at: Option<DateTime<Utc>>,
}

fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn new_token() -> String {
    let mut secret = [0u8; 32];
    rand::rng().fill_bytes(&mut secret);
    format!("{FEED_TOKEN_PREFIX}{}", URL_SAFE_NO_PAD.encode(secret))
}

async fn feed_of(
    conn: &impl sea_orm::ConnectionTrait,
    user_id: Uuid,
) -> AppResult<Option<calendar_feed::Model>> {
    Ok(calendar_feed::Entity::find()
        .filter(calendar_feed::Column::UserId.eq(user_id))
        .one(conn)
        .await?)
}

/// The viewer's settings; only an OPERATOR has an agenda.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn agenda_settings(
    db: &DatabaseConnection,
    caller: &Caller,
) -> AppResult<AgendaSettings> {
    let viewer = policy::require_case_worker(caller)?;
    let me = crate::services::rows::find::<user::Entity>(db, viewer.user_id).await?;
    let feed = feed_of(db, viewer.user_id).await?;
    Ok(AgendaSettings {
        email_reminders: me.agenda_email_reminders,
        feed_created_at: feed.as_ref().map(|f| f.created_at),
        feed_last_fetched_at: feed.and_then(|f| f.last_fetched_at),
    })
}

/// Whether the viewer's day-before reminders also go out by email.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn set_agenda_email_reminders(
    db: &DatabaseConnection,
    caller: &Caller,
    enabled: bool,
) -> AppResult<AgendaSettings> {
    let viewer = policy::require_case_worker(caller)?;
    let txn = db.begin().await?;
    user::Entity::update_many()
        .col_expr(user::Column::AgendaEmailReminders, Expr::value(enabled))
        .filter(user::Column::Id.eq(viewer.user_id))
        .exec(&txn)
        .await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::AgendaEmailRemindersSet)
            .on("user", viewer.user_id)
            .details(json!({ "enabled": enabled })),
    )
    .await?;
    agenda_settings(db, caller).await
}

/// A new secret for the viewer's calendar feed, replacing the previous one
/// (which stops working at once). The secret is returned here and never
/// again.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn create_calendar_feed(db: &DatabaseConnection, caller: &Caller) -> AppResult<String> {
    let viewer = policy::require_case_worker(caller)?;
    let token = new_token();
    let txn = db.begin().await?;
    let replaced = calendar_feed::Entity::delete_many()
        .filter(calendar_feed::Column::UserId.eq(viewer.user_id))
        .exec(&txn)
        .await?
        .rows_affected;
    let feed = calendar_feed::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(viewer.user_id),
        token_hash: Set(hash(&token)),
        created_at: Set(caller.now()),
        last_fetched_at: Set(None),
    }
    .insert(&txn)
    .await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::CalendarFeedCreated)
            .on("calendar_feed", feed.id)
            .details(json!({ "replaced": replaced > 0 })),
    )
    .await?;
    Ok(token)
}

/// Revokes the viewer's calendar feed; false when there was none.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn revoke_calendar_feed(db: &DatabaseConnection, caller: &Caller) -> AppResult<bool> {
    let viewer = policy::require_case_worker(caller)?;
    let txn = db.begin().await?;
    let Some(feed) = feed_of(&txn, viewer.user_id).await? else {
        return Ok(false);
    };
    calendar_feed::Entity::delete_by_id(feed.id)
        .exec(&txn)
        .await?;
    commit_audited(
        txn,
        caller,
        AuditEntry::new(AuditAction::CalendarFeedRevoked).on("calendar_feed", feed.id),
    )
    .await?;
    Ok(true)
}

/// The feed's file for `token` (without `.ics`), or None for a secret that
/// opens no feed (unknown, revoked, or its user no longer an active
/// OPERATOR). `caller` has no viewer: the feed's user becomes it. Each fetch
/// is audited with the number of events only.
#[tracing::instrument(skip_all, fields(request_id = caller.request_id.as_deref()))]
pub async fn calendar_feed_file(
    db: &DatabaseConnection,
    caller: &Caller,
    token: &str,
    host: &str,
) -> AppResult<Option<String>> {
    if !token.starts_with(FEED_TOKEN_PREFIX) {
        return Ok(None);
    }
    let Some(feed) = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::TokenHash.eq(hash(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(owner) = user::Entity::find_by_id(feed.user_id).one(db).await? else {
        return Ok(None);
    };
    if !owner.active || owner.role != Role::Operator {
        return Ok(None);
    }
    let as_owner = Caller {
        viewer: Some(Viewer {
            user_id: owner.id,
            role: owner.role,
            profession: owner.profession,
            organization_id: owner.organization_id,
        }),
        ..caller.clone()
    };
    let audience = Audience {
        user_id: owner.id,
        teams: policy::active_teams(db, &as_owner).await?,
        scope: AgendaScope::Mine,
    };
    let today = as_owner.today();
    let entries = read_agenda(db, Some(&audience), &[], feed_window(today), today).await?;
    let person_ids: Vec<Uuid> = entries.iter().filter_map(|e| e.row.person_id()).collect();
    let names: HashMap<Uuid, String> = if person_ids.is_empty() {
        HashMap::new()
    } else {
        person::Entity::find()
            .filter(person::Column::Id.is_in(person_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, initials(&p.given_name, &p.family_name)))
            .collect()
    };
    let events: Vec<FeedEvent> = entries
        .iter()
        .map(|e| FeedEvent {
            kind: e.kind,
            item_id: e.row.id(),
            date: e.date,
            initials: match &e.row {
                AgendaRow::Meeting(_) => None,
                row => row.person_id().and_then(|p| names.get(&p).cloned()),
            },
        })
        .collect();
    let txn = db.begin().await?;
    calendar_feed::Entity::update_many()
        .col_expr(
            calendar_feed::Column::LastFetchedAt,
            Expr::value(as_owner.now()),
        )
        .filter(calendar_feed::Column::Id.eq(feed.id))
        .exec(&txn)
        .await?;
    commit_audited(
        txn,
        &as_owner,
        AuditEntry::new(AuditAction::CalendarFeedFetched)
            .on("calendar_feed", feed.id)
            .details(json!({ "events": events.len() })),
    )
    .await?;
    Ok(Some(calendar(&events, host, as_owner.now())))
}
