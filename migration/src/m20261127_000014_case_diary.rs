use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::table_helpers::{fk, index};

/// The case diary (issue 17 point 1): the diario sociale of a person.
///
/// - `diary_entries`: one interview, home visit, call or meeting, on a
///   person and optionally on one of their project, referral, assessment or
///   discharge. `follow_up_on` is indexed: the agenda lists the follow-ups
///   due. The text is never rewritten after the author's 24 hours; a
///   correction is an annotation.
/// - `diary_entry_participants`: a Ponte user, or someone else by role
///   (the person, a family member, another service) with a description.
/// - `diary_annotations`: the corrections and additions, append-only.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Persons {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Projects {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Referrals {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Assessments {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Discharges {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum DiaryEntries {
    Table,
    Id,
    Version,
    PersonId,
    ProjectId,
    ReferralId,
    AssessmentId,
    DischargeId,
    Kind,
    OccurredAt,
    DurationMinutes,
    Place,
    Text,
    FollowUpOn,
    Confidential,
    AuthorId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DiaryEntryParticipants {
    Table,
    Id,
    EntryId,
    UserId,
    Role,
    Description,
}

#[derive(DeriveIden)]
enum DiaryAnnotations {
    Table,
    Id,
    EntryId,
    AuthorId,
    Text,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DiaryEntries::Table)
                    .col(pk_uuid(DiaryEntries::Id))
                    .col(integer(DiaryEntries::Version))
                    .col(uuid(DiaryEntries::PersonId))
                    .col(uuid_null(DiaryEntries::ProjectId))
                    .col(uuid_null(DiaryEntries::ReferralId))
                    .col(uuid_null(DiaryEntries::AssessmentId))
                    .col(uuid_null(DiaryEntries::DischargeId))
                    .col(string_len(DiaryEntries::Kind, 32))
                    .col(timestamp_with_time_zone(DiaryEntries::OccurredAt))
                    .col(integer_null(DiaryEntries::DurationMinutes))
                    .col(text_null(DiaryEntries::Place))
                    .col(text(DiaryEntries::Text))
                    .col(date_null(DiaryEntries::FollowUpOn))
                    .col(boolean(DiaryEntries::Confidential))
                    .col(uuid(DiaryEntries::AuthorId))
                    .col(timestamp_with_time_zone(DiaryEntries::CreatedAt))
                    .col(timestamp_with_time_zone(DiaryEntries::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_diary_entries_person",
                        (DiaryEntries::Table, DiaryEntries::PersonId),
                        (Persons::Table, Persons::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_diary_entries_project",
                        (DiaryEntries::Table, DiaryEntries::ProjectId),
                        (Projects::Table, Projects::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_diary_entries_referral",
                        (DiaryEntries::Table, DiaryEntries::ReferralId),
                        (Referrals::Table, Referrals::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_diary_entries_assessment",
                        (DiaryEntries::Table, DiaryEntries::AssessmentId),
                        (Assessments::Table, Assessments::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_diary_entries_discharge",
                        (DiaryEntries::Table, DiaryEntries::DischargeId),
                        (Discharges::Table, Discharges::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_diary_entries_author",
                        (DiaryEntries::Table, DiaryEntries::AuthorId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // The person's and the project's diary, newest first (the keyset's
        // order), and the agenda's follow-ups due.
        index(
            manager,
            "idx_diary_entries_person_occurred_at_id",
            DiaryEntries::Table,
            vec![
                DiaryEntries::PersonId.into_iden(),
                DiaryEntries::OccurredAt.into_iden(),
                DiaryEntries::Id.into_iden(),
            ],
        )
        .await?;
        index(
            manager,
            "idx_diary_entries_project_occurred_at_id",
            DiaryEntries::Table,
            vec![
                DiaryEntries::ProjectId.into_iden(),
                DiaryEntries::OccurredAt.into_iden(),
                DiaryEntries::Id.into_iden(),
            ],
        )
        .await?;
        for (name, column) in [
            ("idx_diary_entries_follow_up_on", DiaryEntries::FollowUpOn),
            ("idx_diary_entries_referral_id", DiaryEntries::ReferralId),
            (
                "idx_diary_entries_assessment_id",
                DiaryEntries::AssessmentId,
            ),
            ("idx_diary_entries_discharge_id", DiaryEntries::DischargeId),
            ("idx_diary_entries_author_id", DiaryEntries::AuthorId),
        ] {
            index(manager, name, DiaryEntries::Table, vec![column.into_iden()]).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(DiaryEntryParticipants::Table)
                    .col(pk_uuid(DiaryEntryParticipants::Id))
                    .col(uuid(DiaryEntryParticipants::EntryId))
                    .col(uuid_null(DiaryEntryParticipants::UserId))
                    .col(string_len_null(DiaryEntryParticipants::Role, 32))
                    .col(text_null(DiaryEntryParticipants::Description))
                    .foreign_key(&mut fk(
                        "fk_diary_entry_participants_entry",
                        (
                            DiaryEntryParticipants::Table,
                            DiaryEntryParticipants::EntryId,
                        ),
                        (DiaryEntries::Table, DiaryEntries::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_diary_entry_participants_user",
                        (
                            DiaryEntryParticipants::Table,
                            DiaryEntryParticipants::UserId,
                        ),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_diary_entry_participants_entry",
            DiaryEntryParticipants::Table,
            vec![DiaryEntryParticipants::EntryId.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(DiaryAnnotations::Table)
                    .col(pk_uuid(DiaryAnnotations::Id))
                    .col(uuid(DiaryAnnotations::EntryId))
                    .col(uuid(DiaryAnnotations::AuthorId))
                    .col(text(DiaryAnnotations::Text))
                    .col(timestamp_with_time_zone(DiaryAnnotations::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_diary_annotations_entry",
                        (DiaryAnnotations::Table, DiaryAnnotations::EntryId),
                        (DiaryEntries::Table, DiaryEntries::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_diary_annotations_author",
                        (DiaryAnnotations::Table, DiaryAnnotations::AuthorId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_diary_annotations_entry",
            DiaryAnnotations::Table,
            vec![DiaryAnnotations::EntryId.into_iden()],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            DiaryAnnotations::Table.into_iden(),
            DiaryEntryParticipants::Table.into_iden(),
            DiaryEntries::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
