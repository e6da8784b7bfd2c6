//! Sign-in attempts are counted per client address too (password spraying
//! across many emails), and rows past the window are pruned at each attempt:
//! both look the table up by time, without the email.

use sea_orm_migration::prelude::*;

use crate::table_helpers::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LoginAttempts {
    Table,
    ClientAddr,
    AttemptedAt,
}

const BY_ADDRESS: &str = "idx_login_attempts_address_time";
const BY_TIME: &str = "idx_login_attempts_time";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        index(
            manager,
            BY_ADDRESS,
            LoginAttempts::Table,
            vec![
                LoginAttempts::ClientAddr.into_iden(),
                LoginAttempts::AttemptedAt.into_iden(),
            ],
        )
        .await?;
        index(
            manager,
            BY_TIME,
            LoginAttempts::Table,
            vec![LoginAttempts::AttemptedAt.into_iden()],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in [BY_TIME, BY_ADDRESS] {
            manager
                .drop_index(
                    Index::drop()
                        .name(name)
                        .table(LoginAttempts::Table)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
