use sea_orm_migration::prelude::*;

/// Lists are read by keyset (`WHERE key >= v AND (key > v OR id > i) ORDER BY
/// key, id LIMIT n`): an index on (key, id) lets both databases start at the
/// cursor and stop after the page, in either direction, instead of sorting
/// the filtered list for every page. The single-column indexes on the same
/// leading key are prefixes of the new ones and go. Small directories (teams,
/// organizations, users) and the per-team referrals list are left to a sort.
#[derive(DeriveMigrationName)]
pub struct Migration;

/// (index, table, columns). Written out, not derived from the entities: a
/// landed migration must not change when they do.
const KEYSET_INDEXES: &[(&str, &str, &[&str])] = &[
    (
        "idx_persons_search_name_id",
        "persons",
        &["search_name", "id"],
    ),
    (
        "idx_projects_next_review_on_id",
        "projects",
        &["next_review_on", "id"],
    ),
    (
        "idx_discharges_expected_on_id",
        "discharges",
        &["expected_discharge_on", "id"],
    ),
    (
        "idx_audit_events_time_id",
        "audit_events",
        &["occurred_at", "id"],
    ),
    (
        "idx_notifications_user_time_id",
        "notifications",
        &["user_id", "created_at", "id"],
    ),
];

/// Indexes the new ones make redundant, as the first migrations made them.
const SUPERSEDED: &[(&str, &str, &[&str])] = &[
    ("idx_persons_search_name", "persons", &["search_name"]),
    (
        "idx_projects_next_review_on",
        "projects",
        &["next_review_on"],
    ),
];

async fn create(
    manager: &SchemaManager<'_>,
    indexes: &[(&str, &str, &[&str])],
) -> Result<(), DbErr> {
    for (name, table, columns) in indexes {
        let mut stmt = Index::create();
        stmt.name(*name).table(Alias::new(*table));
        for column in *columns {
            stmt.col(Alias::new(*column));
        }
        manager.create_index(stmt).await?;
    }
    Ok(())
}

async fn drop(manager: &SchemaManager<'_>, indexes: &[(&str, &str, &[&str])]) -> Result<(), DbErr> {
    for (name, table, _) in indexes {
        manager
            .drop_index(
                Index::drop()
                    .name(*name)
                    .table(Alias::new(*table))
                    .to_owned(),
            )
            .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create(manager, KEYSET_INDEXES).await?;
        drop(manager, SUPERSEDED).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create(manager, SUPERSEDED).await?;
        drop(manager, KEYSET_INDEXES).await
    }
}
