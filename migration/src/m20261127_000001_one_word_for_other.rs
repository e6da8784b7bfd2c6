use sea_orm_migration::prelude::*;

/// One word for "other" across the vocabularies (`OTHER`, formerly `ALTRO`
/// in four of them), and `SELF_REFERRAL` for a person who refers themselves
/// (formerly `SELF`, a name the storage mapping cannot take). The API
/// accepts the former spellings on input for one release; stored rows take
/// the new ones here, so a stored value is always one the server knows.
#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, column, former, current). Written out, not derived from the
/// server's vocabularies: a landed migration must not change when they do.
const RENAMES: &[(&str, &str, &str, &str)] = &[
    ("users", "profession", "ALTRO", "OTHER"),
    ("assessment_participants", "profession", "ALTRO", "OTHER"),
    ("budget_resources", "profession", "ALTRO", "OTHER"),
    ("organizations", "kind", "ALTRO", "OTHER"),
    ("project_interventions", "service_kind", "ALTRO", "OTHER"),
    ("budget_resources", "funding_source", "ALTRO", "OTHER"),
    ("referrals", "source", "SELF", "SELF_REFERRAL"),
];

async fn rename(
    manager: &SchemaManager<'_>,
    renames: impl Iterator<Item = (&'static str, &'static str, &'static str, &'static str)>,
) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for (table, column, from, to) in renames {
        let update = Query::update()
            .table(Alias::new(table))
            .value(Alias::new(column), to)
            .and_where(Expr::col(Alias::new(column)).eq(from))
            .to_owned();
        db.execute(db.get_database_backend().build(&update)).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rename(manager, RENAMES.iter().copied()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rename(
            manager,
            RENAMES
                .iter()
                .map(|&(table, column, former, current)| (table, column, current, former)),
        )
        .await
    }
}
