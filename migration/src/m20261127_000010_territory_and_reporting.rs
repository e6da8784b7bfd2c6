use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::table_helpers::{fk, index};

/// Reporting for the Ambito (issue 14): organizations form a territory (a
/// Comune under its Ambito, a Distretto under its ASST…), a person resides in
/// a Comune of the catalogue, and a REPORTER reads the indicators of the
/// territories assigned to them. The two new columns have no foreign key:
/// SQLite cannot add one to an existing table, and organizations are never
/// deleted; the services check them instead.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
    ParentId,
}

#[derive(DeriveIden)]
enum Persons {
    Table,
    ResidenceComuneId,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum UserTerritories {
    Table,
    Id,
    UserId,
    OrganizationId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Organizations::Table)
                    .add_column(uuid_null(Organizations::ParentId))
                    .to_owned(),
            )
            .await?;
        // The territory is walked downwards (a parent's children).
        index(
            manager,
            "idx_organizations_parent_id",
            Organizations::Table,
            vec![Organizations::ParentId.into_iden()],
        )
        .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Persons::Table)
                    .add_column(uuid_null(Persons::ResidenceComuneId))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_persons_residence_comune_id",
            Persons::Table,
            vec![Persons::ResidenceComuneId.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(UserTerritories::Table)
                    .col(pk_uuid(UserTerritories::Id))
                    .col(uuid(UserTerritories::UserId))
                    .col(uuid(UserTerritories::OrganizationId))
                    .col(timestamp_with_time_zone(UserTerritories::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_user_territories_user",
                        (UserTerritories::Table, UserTerritories::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_user_territories_organization",
                        (UserTerritories::Table, UserTerritories::OrganizationId),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_user_territories_user_organization")
                    .table(UserTerritories::Table)
                    .col(UserTerritories::UserId)
                    .col(UserTerritories::OrganizationId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(UserTerritories::Table).to_owned())
            .await?;
        for (table, column, name) in [
            (
                Persons::Table.into_iden(),
                Persons::ResidenceComuneId.into_iden(),
                "idx_persons_residence_comune_id",
            ),
            (
                Organizations::Table.into_iden(),
                Organizations::ParentId.into_iden(),
                "idx_organizations_parent_id",
            ),
        ] {
            manager
                .drop_index(Index::drop().name(name).table(table.clone()).to_owned())
                .await?;
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
