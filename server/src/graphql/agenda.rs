use async_graphql::{ComplexObject, Context, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};

use crate::graphql::case_diary::DiaryEntry;
use crate::graphql::context::scope;
use crate::graphql::discharges::Discharge;
use crate::graphql::guard;
use crate::graphql::meetings::Meeting;
use crate::graphql::persons::{self, Person};
use crate::graphql::projects::IndividualProject;
use crate::graphql::scalars::Date;
use crate::graphql::vocabulary::{each, AgendaKind, AgendaScope};
use crate::services::agenda::{self as service, AgendaEntry, AgendaQuery, AgendaRow};
use crate::services::calendar_feeds::{self, AgendaSettings as Settings};

/// Something coming (or overdue) in the viewer's agenda. Its object is one
/// of project / discharge / meeting, each given only to a viewer the policy
/// lets see it.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct AgendaItem {
    /// Stable across queries: the kind and the object's id.
    pub id: ID,
    pub kind: AgendaKind,
    pub date: Date,
    /// Its date has passed and it is still open.
    pub overdue: bool,
    #[graphql(skip)]
    pub entry: AgendaEntry,
}

impl From<AgendaEntry> for AgendaItem {
    fn from(entry: AgendaEntry) -> Self {
        AgendaItem {
            id: ID(format!("{}:{}", entry.kind.as_str(), entry.row.id())),
            kind: entry.kind.into(),
            date: Date(entry.date),
            overdue: entry.overdue,
            entry,
        }
    }
}

#[ComplexObject]
impl AgendaItem {
    /// The project whose review is due.
    async fn project(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<IndividualProject>> {
        match &self.entry.row {
            AgendaRow::Project(p) => guard::one(ctx, Some(p.clone())).await,
            _ => Ok(None),
        }
    }

    /// The protected discharge expected, or whose UVM assessment is scheduled.
    async fn discharge(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Discharge>> {
        match &self.entry.row {
            AgendaRow::Discharge(d) => guard::one(ctx, Some(d.clone())).await,
            _ => Ok(None),
        }
    }

    /// The planned meeting of the register (no case data).
    async fn meeting(&self) -> Option<Meeting> {
        match &self.entry.row {
            AgendaRow::Meeting(m) => Some(Meeting::from(m.clone())),
            _ => None,
        }
    }

    /// The diary entry whose follow-up is due.
    async fn diary_entry(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<DiaryEntry>> {
        match &self.entry.row {
            AgendaRow::DiaryEntry(e) => guard::one(ctx, Some(e.clone())).await,
            _ => Ok(None),
        }
    }

    /// The person it concerns, for a viewer responsible for them.
    async fn person(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Person>> {
        match self.entry.row.person_id() {
            Some(id) => persons::load(ctx, id).await,
            None => Ok(None),
        }
    }
}

/// The viewer's agenda settings.
#[derive(SimpleObject)]
pub struct AgendaSettings {
    /// The day-before reminders also go out by email (in-app they always
    /// do). Off until the user turns it on.
    pub email_reminders: bool,
    /// When the active calendar feed was created; null without one.
    pub calendar_feed_created_at: Option<DateTime<Utc>>,
    pub calendar_feed_last_fetched_at: Option<DateTime<Utc>>,
}

impl From<Settings> for AgendaSettings {
    fn from(s: Settings) -> Self {
        AgendaSettings {
            email_reminders: s.email_reminders,
            calendar_feed_created_at: s.feed_created_at,
            calendar_feed_last_fetched_at: s.feed_last_fetched_at,
        }
    }
}

/// A new calendar feed: its address is shown now and never again.
#[derive(SimpleObject)]
pub struct CalendarFeed {
    pub url: String,
    pub settings: AgendaSettings,
}

#[derive(Default)]
pub struct AgendaQueryRoot;

#[Object]
impl AgendaQueryRoot {
    /// The viewer's agenda dated from..=to (at most 62 days), overdue items
    /// first (the oldest first; a window containing today also brings the
    /// open ones from before it), then by date. `kinds` empty or absent:
    /// every kind. Only an OPERATOR has an agenda.
    async fn agenda(
        &self,
        ctx: &Context<'_>,
        from: Date,
        to: Date,
        scope: AgendaScope,
        kinds: Option<Vec<AgendaKind>>,
    ) -> async_graphql::Result<Vec<AgendaItem>> {
        let s = crate::graphql::context::scope(ctx)?;
        let query = AgendaQuery {
            from: from.0,
            to: to.0,
            scope: scope.into(),
            kinds: each(kinds.unwrap_or_default()),
        };
        Ok(service::agenda(s.db, s.caller, query)
            .await?
            .into_iter()
            .map(AgendaItem::from)
            .collect())
    }

    async fn agenda_settings(&self, ctx: &Context<'_>) -> async_graphql::Result<AgendaSettings> {
        let s = scope(ctx)?;
        Ok(calendar_feeds::agenda_settings(s.db, s.caller)
            .await?
            .into())
    }
}

#[derive(Default)]
pub struct AgendaMutation;

#[Object]
impl AgendaMutation {
    /// Whether the viewer's day-before reminders also go out by email.
    async fn set_agenda_email_reminders(
        &self,
        ctx: &Context<'_>,
        enabled: bool,
    ) -> async_graphql::Result<AgendaSettings> {
        let s = scope(ctx)?;
        Ok(
            calendar_feeds::set_agenda_email_reminders(s.db, s.caller, enabled)
                .await?
                .into(),
        )
    }

    /// A new secret address for the viewer's calendar feed (ICS), replacing
    /// the previous one. Shown once: only its hash is kept.
    async fn create_calendar_feed(&self, ctx: &Context<'_>) -> async_graphql::Result<CalendarFeed> {
        let s = scope(ctx)?;
        let token = calendar_feeds::create_calendar_feed(s.db, s.caller).await?;
        let url = s
            .config
            .public_url
            .join(&format!("calendar/{token}.ics"))
            .map_err(crate::error::AppError::internal)?
            .to_string();
        let settings = calendar_feeds::agenda_settings(s.db, s.caller).await?;
        Ok(CalendarFeed {
            url,
            settings: settings.into(),
        })
    }

    /// Revokes the viewer's calendar feed: its address answers 404 from now.
    /// False when there was none.
    async fn revoke_calendar_feed(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let s = scope(ctx)?;
        Ok(calendar_feeds::revoke_calendar_feed(s.db, s.caller).await?)
    }
}
