//! The outbox claims emails with a lease: a fresh random token per claim and
//! the instant the lease ends. A worker sends an email only while its token is
//! on the row, and another worker takes an email back only once its lease has
//! ended, so no email is sent twice by two workers.

use std::time::{Duration, SystemTime};

use sea_orm::{prelude::ChronoDateTimeUtc, DbBackend, Statement};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::table_helpers::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OutboxEmails {
    Table,
    Status,
    LeaseToken,
    LeaseExpiresAt,
}

/// How long the claims of the previous code were trusted before being taken
/// again (its `STALE_CLAIM`).
const OLD_STALE_CLAIM: Duration = Duration::from_secs(600);

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in [
            uuid_null(OutboxEmails::LeaseToken),
            timestamp_with_time_zone_null(OutboxEmails::LeaseExpiresAt),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(OutboxEmails::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        // An email an instance of the previous code is sending now keeps the
        // old stale-claim window, counted from now: a generous bound on when
        // that send can still be in flight.
        let backend = manager.get_database_backend();
        let (until, status) = match backend {
            DbBackend::Postgres => ("$1", "$2"),
            _ => ("?", "?"),
        };
        let held_until = ChronoDateTimeUtc::from(SystemTime::now() + OLD_STALE_CLAIM);
        manager
            .get_connection()
            .execute(Statement::from_sql_and_values(
                backend,
                format!(
                    "UPDATE outbox_emails SET lease_expires_at = {until} WHERE status = {status}"
                ),
                [held_until.into(), "SENDING".into()],
            ))
            .await?;
        index(
            manager,
            "idx_outbox_emails_lease",
            OutboxEmails::Table,
            vec![
                OutboxEmails::Status.into_iden(),
                OutboxEmails::LeaseExpiresAt.into_iden(),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_outbox_emails_lease")
                    .table(OutboxEmails::Table)
                    .to_owned(),
            )
            .await?;
        for column in [OutboxEmails::LeaseExpiresAt, OutboxEmails::LeaseToken] {
            manager
                .alter_table(
                    Table::alter()
                        .table(OutboxEmails::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
