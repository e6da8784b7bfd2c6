use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Each participant's organization, frozen with their profession on the day
/// of the assessment: an ASST nurse and a Comune social worker are two
/// services, and the reports count the assessments they make together.
/// Rows written before this change take the user's organization as it is
/// now, the best knowledge left; a user without one stays null. No foreign
/// key: SQLite cannot add one to an existing table, and organizations are
/// never deleted.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AssessmentParticipants {
    Table,
    OrganizationId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AssessmentParticipants::Table)
                    .add_column(uuid_null(AssessmentParticipants::OrganizationId))
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE assessment_participants SET organization_id = \
                   (SELECT organization_id FROM users WHERE users.id = assessment_participants.user_id)",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AssessmentParticipants::Table)
                    .drop_column(AssessmentParticipants::OrganizationId)
                    .to_owned(),
            )
            .await
    }
}
