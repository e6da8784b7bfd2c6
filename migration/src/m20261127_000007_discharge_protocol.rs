use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::table_helpers::{fk, index};

/// Protected discharges follow the protocol (issue 13.4 and 13.8).
///
/// - The plan's services become structured needs, one row per need in
///   `discharge_plan_needs`, beside a free `plan_note`. The former free text
///   `plan_services` is copied into the note and left in place (dropping a
///   column is not something SQLite does safely), unread from now on.
/// - `project_id`: the individual project opened or continued for a
///   discharge home with services. No foreign key: SQLite cannot add one to
///   an existing table; the server writes only ids it has just read.
/// - Destinations and recommended settings now share one vocabulary; the
///   stored values are all in it (the two legacy values stay as they are),
///   so no row changes.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Discharges {
    Table,
    Id,
    PlanNote,
    ProjectId,
}

#[derive(DeriveIden)]
enum DischargePlanNeeds {
    Table,
    Id,
    DischargeId,
    Need,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        for column in [
            text_null(Discharges::PlanNote),
            uuid_null(Discharges::ProjectId),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(Discharges::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .get_connection()
            .execute_unprepared("UPDATE discharges SET plan_note = plan_services")
            .await?;
        index(
            manager,
            "idx_discharges_project_id",
            Discharges::Table,
            vec![Discharges::ProjectId.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(DischargePlanNeeds::Table)
                    .col(pk_uuid(DischargePlanNeeds::Id))
                    .col(uuid(DischargePlanNeeds::DischargeId))
                    .col(string_len(DischargePlanNeeds::Need, 32))
                    .foreign_key(&mut fk(
                        "fk_discharge_plan_needs_discharge",
                        (DischargePlanNeeds::Table, DischargePlanNeeds::DischargeId),
                        (Discharges::Table, Discharges::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // A need is listed once per plan; the index also serves the lookup
        // of a discharge's needs.
        manager
            .create_index(
                Index::create()
                    .name("idx_discharge_plan_needs_discharge_need")
                    .table(DischargePlanNeeds::Table)
                    .col(DischargePlanNeeds::DischargeId)
                    .col(DischargePlanNeeds::Need)
                    .unique()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DischargePlanNeeds::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_discharges_project_id")
                    .table(Discharges::Table)
                    .to_owned(),
            )
            .await?;
        for column in [Discharges::PlanNote, Discharges::ProjectId] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Discharges::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
