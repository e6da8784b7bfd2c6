use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::table_helpers::{fk, index};

/// An integrated PAI has a health part and a social part and is co-signed by
/// a health organization (ASL, ASST…) and a social one (Comune, Ambito…):
/// each signature is a row, so the project records who signed and when
/// (issue 13.10). Existing projects are not integrated.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Projects {
    Table,
    Id,
    Integrated,
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ProjectCosignatures {
    Table,
    Id,
    ProjectId,
    OrganizationId,
    Part,
    SignedOn,
    Signatory,
    RecordedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Projects::Table)
                    .add_column(boolean(Projects::Integrated).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProjectCosignatures::Table)
                    .col(pk_uuid(ProjectCosignatures::Id))
                    .col(uuid(ProjectCosignatures::ProjectId))
                    .col(uuid(ProjectCosignatures::OrganizationId))
                    .col(string_len(ProjectCosignatures::Part, 16))
                    .col(date(ProjectCosignatures::SignedOn))
                    .col(string_null(ProjectCosignatures::Signatory))
                    .col(uuid(ProjectCosignatures::RecordedBy))
                    .col(timestamp_with_time_zone(ProjectCosignatures::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_project_cosignatures_project",
                        (ProjectCosignatures::Table, ProjectCosignatures::ProjectId),
                        (Projects::Table, Projects::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_project_cosignatures_organization",
                        (
                            ProjectCosignatures::Table,
                            ProjectCosignatures::OrganizationId,
                        ),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // One signature per organization and project: a second one would
        // count the same signatory twice.
        manager
            .create_index(
                Index::create()
                    .name("idx_project_cosignatures_project_organization")
                    .table(ProjectCosignatures::Table)
                    .col(ProjectCosignatures::ProjectId)
                    .col(ProjectCosignatures::OrganizationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_project_cosignatures_organization_id",
            ProjectCosignatures::Table,
            vec![ProjectCosignatures::OrganizationId.into_iden()],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ProjectCosignatures::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Projects::Table)
                    .drop_column(Projects::Integrated)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
