use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Corrections from the app (issue 16 point 4).
///
/// A wrong budget use is never deleted nor edited: a reversing entry, a
/// negative use, points at the use it reverses (`reverses_id`) and says why
/// (`reason`). The unique index lets a use be reversed once, even by two
/// people at the same moment.
///
/// A password an administrator resets is temporary: `password_must_change`
/// holds until its owner chooses their own.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum BudgetUses {
    Table,
    ReversesId,
    Reason,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    PasswordMustChange,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters a table one change at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(BudgetUses::Table)
                    .add_column(uuid_null(BudgetUses::ReversesId))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(BudgetUses::Table)
                    .add_column(text_null(BudgetUses::Reason))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_budget_uses_reverses_id")
                    .table(BudgetUses::Table)
                    .col(BudgetUses::ReversesId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(boolean(Users::PasswordMustChange).default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::PasswordMustChange)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_budget_uses_reverses_id")
                    .table(BudgetUses::Table)
                    .to_owned(),
            )
            .await?;
        for column in [BudgetUses::Reason, BudgetUses::ReversesId] {
            manager
                .alter_table(
                    Table::alter()
                        .table(BudgetUses::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
