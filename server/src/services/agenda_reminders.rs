//! The agenda's day-before reminders, queued by the outbox worker: for each
//! item due tomorrow, an in-app notification to each user it is for
//! (`agenda::Owner`: the case manager, the receiving team, the meeting's
//! participants), and an email to those who asked for them
//! (`users.agenda_email_reminders`). Neither carries personal data: the kind
//! of item, its date and a link.

use std::collections::HashSet;

use entity::{agenda_reminder, user};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QueryFilter, Set,
};
use uuid::Uuid;

use crate::domain::agenda::reminder_due;
use crate::domain::vocabulary::AgendaKind;
use crate::error::AppResult;
use crate::notify::outbox;
use crate::notify::templates::Event;
use crate::services::agenda::{concerned, read_agenda, AgendaEntry, AgendaRow};
use crate::services::reminder_sweep::{claim_once, queue_each, DueReminder, Round};

/// The SPA path of an agenda item's object.
pub fn item_path(row: &AgendaRow) -> String {
    match row {
        AgendaRow::Project(p) => format!("/progetti/{}", p.id),
        AgendaRow::Discharge(d) => outbox::discharge_path(d.id),
        AgendaRow::Meeting(m) => format!("/incontri/{}", m.id),
        AgendaRow::DiaryEntry(e) => format!("/persone/{}#scheda-diario", e.person_id),
    }
}

/// Queues the reminders of the items due tomorrow, each once per user: the
/// row of `agenda_reminders`, unique by user, kind, item and due date, is
/// the mark `reminder_sweep` claims. A moved date is a new key: a new
/// reminder.
pub(crate) async fn queue_due(db: &DatabaseConnection, round: Round<'_>) -> AppResult<usize> {
    let today = round.caller.today();
    let Some(tomorrow) = today.succ_opt() else {
        return Ok(0);
    };
    let due = read_agenda(db, None, &[], (tomorrow, tomorrow), today).await?;
    if due.is_empty() {
        return Ok(0);
    }
    // Every round reads tomorrow's items again: those already reminded are
    // skipped here, without a transaction each (the unique key still
    // decides between two workers).
    let reminded: HashSet<(Uuid, AgendaKind, Uuid)> = agenda_reminder::Entity::find()
        .filter(agenda_reminder::Column::DueOn.eq(tomorrow))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.user_id, r.item_kind, r.item_id))
        .collect();
    let mut unreminded = Vec::new();
    for entry in due.iter().filter(|e| reminder_due(e.date, today)) {
        for user in concerned(db, &entry.owner).await? {
            if !reminded.contains(&(user.id, entry.kind, entry.row.id())) {
                unreminded.push(ItemReminder { entry, user });
            }
        }
    }
    queue_each(db, round, unreminded).await
}

/// An agenda item's reminder to one of the users it is for.
struct ItemReminder<'a> {
    entry: &'a AgendaEntry,
    user: user::Model,
}

impl DueReminder for ItemReminder<'_> {
    async fn queue(self, txn: &DatabaseTransaction, round: &Round<'_>) -> AppResult<bool> {
        let ItemReminder { entry, user } = self;
        let mark = agenda_reminder::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user.id),
            item_kind: Set(entry.kind),
            item_id: Set(entry.row.id()),
            due_on: Set(entry.date),
            queued_at: Set(round.caller.now()),
        };
        let key = [
            agenda_reminder::Column::UserId,
            agenda_reminder::Column::ItemKind,
            agenda_reminder::Column::ItemId,
            agenda_reminder::Column::DueOn,
        ];
        if !claim_once(txn, mark, key).await? {
            return Ok(false);
        }
        let event = Event::AgendaReminder {
            kind: entry.kind,
            due_on: entry.date,
        };
        let discharge_id = match &entry.row {
            AgendaRow::Discharge(d) => Some(d.id),
            _ => None,
        };
        let path = item_path(&entry.row);
        outbox::remind(
            txn,
            round.caller,
            round.public_url,
            &user,
            &event,
            &path,
            discharge_id,
        )
        .await?;
        Ok(true)
    }
}
