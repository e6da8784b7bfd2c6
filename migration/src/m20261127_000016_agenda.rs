use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::table_helpers::fk;

/// The agenda (issue 17, point 2).
///
/// - `users.agenda_email_reminders`: whether the day-before reminders of the
///   agenda also go out by email (in-app they always do). Off by default:
///   nobody starts receiving emails because a release landed.
/// - `agenda_reminders`: one row per reminder queued, unique by user, kind of
///   item, item and due date, so that two workers or two rounds queue it
///   once and a moved date earns a new reminder.
/// - `calendar_feeds`: a user's calendar feed (ICS). Only the hash of its
///   secret is kept; one per user, replaced when created again.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    AgendaEmailReminders,
}

#[derive(DeriveIden)]
enum AgendaReminders {
    Table,
    Id,
    UserId,
    ItemKind,
    ItemId,
    DueOn,
    QueuedAt,
}

#[derive(DeriveIden)]
enum CalendarFeeds {
    Table,
    Id,
    UserId,
    TokenHash,
    CreatedAt,
    LastFetchedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut email = boolean(Users::AgendaEmailReminders);
        email.default(false);
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(&mut email)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgendaReminders::Table)
                    .col(pk_uuid(AgendaReminders::Id))
                    .col(uuid(AgendaReminders::UserId))
                    .col(string_len(AgendaReminders::ItemKind, 32))
                    .col(uuid(AgendaReminders::ItemId))
                    .col(date(AgendaReminders::DueOn))
                    .col(timestamp_with_time_zone(AgendaReminders::QueuedAt))
                    .foreign_key(&mut fk(
                        "fk_agenda_reminders_user",
                        (AgendaReminders::Table, AgendaReminders::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // Queued once: the key the reminders' INSERT … ON CONFLICT DO NOTHING
        // stands on.
        manager
            .create_index(
                Index::create()
                    .name("idx_agenda_reminders_once")
                    .table(AgendaReminders::Table)
                    .col(AgendaReminders::UserId)
                    .col(AgendaReminders::ItemKind)
                    .col(AgendaReminders::ItemId)
                    .col(AgendaReminders::DueOn)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CalendarFeeds::Table)
                    .col(pk_uuid(CalendarFeeds::Id))
                    .col(uuid(CalendarFeeds::UserId))
                    .col(string_len(CalendarFeeds::TokenHash, 64))
                    .col(timestamp_with_time_zone(CalendarFeeds::CreatedAt))
                    .col(timestamp_with_time_zone_null(CalendarFeeds::LastFetchedAt))
                    .foreign_key(&mut fk(
                        "fk_calendar_feeds_user",
                        (CalendarFeeds::Table, CalendarFeeds::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_calendar_feeds_user", CalendarFeeds::UserId),
            ("idx_calendar_feeds_token", CalendarFeeds::TokenHash),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(CalendarFeeds::Table)
                        .col(column)
                        .unique()
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CalendarFeeds::Table.into_iden(),
            AgendaReminders::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::AgendaEmailReminders)
                    .to_owned(),
            )
            .await
    }
}
