use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// SPMSQ's errors as counted, beside the score the schooling adjustment
/// gives: the adjusted score alone cannot say what was observed. Null for
/// the instruments that do not count errors, and for results stored before
/// this change: their answers are kept, but a count recomputed now would
/// present today's scorer as what was recorded then.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AssessmentResults {
    Table,
    RawErrors,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AssessmentResults::Table)
                    .add_column(integer_null(AssessmentResults::RawErrors))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AssessmentResults::Table)
                    .drop_column(AssessmentResults::RawErrors)
                    .to_owned(),
            )
            .await
    }
}
