use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::table_helpers::{fk, index};

/// Documents attached to the record (issue 17 point 3): the signed PAI, the
/// consent form, the UVM minutes, the hospital's letter.
///
/// `person_id` is always set, whatever the subject: need-to-know hangs on
/// it. The subject (`subject_kind` + `subject_id`) is a person, a project, an
/// assessment or a discharge; a kind more (a diary entry) is one more value,
/// with no new column, so it carries no foreign key. The file itself lives
/// in the document store under `storage_key`, random and never derived from
/// what the user sent. A document is never deleted: `deleted_at`, `_by` and
/// `delete_reason` say who took it away and why.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Persons {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Documents {
    Table,
    Id,
    Version,
    PersonId,
    SubjectKind,
    SubjectId,
    Kind,
    Title,
    DocumentDate,
    FileName,
    ContentType,
    SizeBytes,
    Sha256,
    StorageKey,
    UploadedBy,
    UploadedAt,
    DeletedAt,
    DeletedBy,
    DeleteReason,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Documents::Table)
                    .col(pk_uuid(Documents::Id))
                    .col(integer(Documents::Version))
                    .col(uuid(Documents::PersonId))
                    .col(string_len(Documents::SubjectKind, 32))
                    .col(uuid(Documents::SubjectId))
                    .col(string_len(Documents::Kind, 32))
                    .col(text(Documents::Title))
                    .col(date_null(Documents::DocumentDate))
                    .col(text(Documents::FileName))
                    .col(string_len(Documents::ContentType, 128))
                    .col(big_integer(Documents::SizeBytes))
                    .col(string_len(Documents::Sha256, 64))
                    .col(string_len_uniq(Documents::StorageKey, 128))
                    .col(uuid(Documents::UploadedBy))
                    .col(timestamp_with_time_zone(Documents::UploadedAt))
                    .col(timestamp_with_time_zone_null(Documents::DeletedAt))
                    .col(uuid_null(Documents::DeletedBy))
                    .col(text_null(Documents::DeleteReason))
                    .foreign_key(&mut fk(
                        "fk_documents_person",
                        (Documents::Table, Documents::PersonId),
                        (Persons::Table, Persons::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_documents_uploaded_by",
                        (Documents::Table, Documents::UploadedBy),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_documents_deleted_by",
                        (Documents::Table, Documents::DeletedBy),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_documents_person_id",
            Documents::Table,
            vec![Documents::PersonId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_documents_subject",
            Documents::Table,
            vec![
                Documents::SubjectKind.into_iden(),
                Documents::SubjectId.into_iden(),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Documents::Table).to_owned())
            .await
    }
}
