use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// A budget is agreed only when the person and every provider organization
/// have agreed to the plan as it stands (issue 13.3). An agreement holds until
/// the plan changes: `superseded_at` says when it stopped holding.
///
/// Rows from before: the agreements of a budget marked TO_RENEW were given to
/// a plan that has changed since, so they are superseded (as of their own
/// recording, the latest moment known); a budget marked AGREED that lacks the
/// person's or a provider's agreement becomes PARTIALLY_AGREED.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum BudgetAgreements {
    Table,
    SupersededAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(BudgetAgreements::Table)
                    .add_column(timestamp_with_time_zone_null(
                        BudgetAgreements::SupersededAt,
                    ))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(
            "UPDATE budget_agreements SET superseded_at = created_at \
             WHERE project_id IN (SELECT id FROM projects WHERE budget_agreement = 'TO_RENEW')",
        )
        .await?;
        db.execute_unprepared(
            "UPDATE projects SET budget_agreement = 'PARTIALLY_AGREED' \
             WHERE budget_agreement = 'AGREED' AND ( \
               NOT EXISTS (SELECT 1 FROM budget_agreements a \
                 WHERE a.project_id = projects.id AND a.party_kind = 'PERSON' AND a.superseded_at IS NULL) \
               OR EXISTS (SELECT 1 FROM budget_resources r \
                 WHERE r.project_id = projects.id AND r.provider_kind = 'ORGANIZATION' \
                 AND NOT EXISTS (SELECT 1 FROM budget_agreements a \
                   WHERE a.project_id = projects.id AND a.organization_id = r.provider_id \
                   AND a.superseded_at IS NULL)))",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE projects SET budget_agreement = 'AGREED' WHERE budget_agreement = 'PARTIALLY_AGREED'",
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(BudgetAgreements::Table)
                    .drop_column(BudgetAgreements::SupersededAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
