use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::table_helpers::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Assessments {
    Table,
    Id,
    PersonId,
    TeamId,
    ProjectId,
    DischargeId,
    AssessedOn,
    Setting,
    Reason,
    NeedLevel,
    RecommendedSetting,
    Notes,
    LoggedBy,
    CreatedAt,
    Version,
    SignedAt,
    SignedBy,
    AmendsId,
    AmendmentReason,
}

#[derive(DeriveIden)]
enum AssessmentParticipants {
    Table,
    Id,
    AssessmentId,
    UserId,
    Profession,
}

#[derive(DeriveIden)]
enum AssessmentResults {
    Table,
    Id,
    AssessmentId,
    Instrument,
    Score,
    Band,
    Education,
    Answers,
}

#[derive(DeriveIden)]
enum AssessmentSocialDomains {
    Table,
    Id,
    AssessmentId,
    Domain,
    Level,
    Note,
}

#[derive(DeriveIden)]
enum Persons {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Teams {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Assessments::Table)
                    .col(pk_uuid(Assessments::Id))
                    .col(uuid(Assessments::PersonId))
                    .col(uuid(Assessments::TeamId))
                    // Projects and discharges arrive in later migrations; the
                    // links are checked by the services.
                    .col(uuid_null(Assessments::ProjectId))
                    .col(uuid_null(Assessments::DischargeId))
                    .col(date(Assessments::AssessedOn))
                    .col(string_len(Assessments::Setting, 16))
                    .col(string_len(Assessments::Reason, 32))
                    .col(string_len(Assessments::NeedLevel, 8))
                    .col(string_len(Assessments::RecommendedSetting, 32))
                    .col(text_null(Assessments::Notes))
                    .col(uuid(Assessments::LoggedBy))
                    .col(timestamp_with_time_zone(Assessments::CreatedAt))
                    .col(integer(Assessments::Version))
                    .col(timestamp_with_time_zone_null(Assessments::SignedAt))
                    .col(uuid_null(Assessments::SignedBy))
                    .col(uuid_null(Assessments::AmendsId))
                    .col(text_null(Assessments::AmendmentReason))
                    .foreign_key(&mut fk(
                        "fk_assessments_person",
                        (Assessments::Table, Assessments::PersonId),
                        (Persons::Table, Persons::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_assessments_team",
                        (Assessments::Table, Assessments::TeamId),
                        (Teams::Table, Teams::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_assessments_logged_by",
                        (Assessments::Table, Assessments::LoggedBy),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_assessments_signed_by",
                        (Assessments::Table, Assessments::SignedBy),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_assessments_amends",
                        (Assessments::Table, Assessments::AmendsId),
                        (Assessments::Table, Assessments::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_assessments_person_date",
            Assessments::Table,
            vec![
                Assessments::PersonId.into_iden(),
                Assessments::AssessedOn.into_iden(),
            ],
        )
        .await?;
        index(
            manager,
            "idx_assessments_team_date",
            Assessments::Table,
            vec![
                Assessments::TeamId.into_iden(),
                Assessments::AssessedOn.into_iden(),
            ],
        )
        .await?;
        index(
            manager,
            "idx_assessments_project_id",
            Assessments::Table,
            vec![Assessments::ProjectId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_assessments_discharge_id",
            Assessments::Table,
            vec![Assessments::DischargeId.into_iden()],
        )
        .await?;
        // One correction per version: amendments form a chain, never a tree.
        manager
            .create_index(
                Index::create()
                    .name("idx_assessments_amends_id")
                    .table(Assessments::Table)
                    .col(Assessments::AmendsId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_assessments_logged_by",
            Assessments::Table,
            vec![Assessments::LoggedBy.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_assessments_signed_by",
            Assessments::Table,
            vec![Assessments::SignedBy.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(AssessmentParticipants::Table)
                    .col(pk_uuid(AssessmentParticipants::Id))
                    .col(uuid(AssessmentParticipants::AssessmentId))
                    .col(uuid(AssessmentParticipants::UserId))
                    .col(string_len(AssessmentParticipants::Profession, 32))
                    .foreign_key(&mut fk(
                        "fk_assessment_participants_assessment",
                        (
                            AssessmentParticipants::Table,
                            AssessmentParticipants::AssessmentId,
                        ),
                        (Assessments::Table, Assessments::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_assessment_participants_user",
                        (
                            AssessmentParticipants::Table,
                            AssessmentParticipants::UserId,
                        ),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_assessment_participants_assessment_id",
            AssessmentParticipants::Table,
            vec![AssessmentParticipants::AssessmentId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_assessment_participants_user_id",
            AssessmentParticipants::Table,
            vec![AssessmentParticipants::UserId.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(AssessmentResults::Table)
                    .col(pk_uuid(AssessmentResults::Id))
                    .col(uuid(AssessmentResults::AssessmentId))
                    .col(string_len(AssessmentResults::Instrument, 32))
                    .col(integer(AssessmentResults::Score))
                    .col(string_len(AssessmentResults::Band, 32))
                    .col(string_len_null(AssessmentResults::Education, 32))
                    .col(text(AssessmentResults::Answers))
                    .foreign_key(&mut fk(
                        "fk_assessment_results_assessment",
                        (AssessmentResults::Table, AssessmentResults::AssessmentId),
                        (Assessments::Table, Assessments::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_assessment_results_assessment_id",
            AssessmentResults::Table,
            vec![AssessmentResults::AssessmentId.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(AssessmentSocialDomains::Table)
                    .col(pk_uuid(AssessmentSocialDomains::Id))
                    .col(uuid(AssessmentSocialDomains::AssessmentId))
                    .col(string_len(AssessmentSocialDomains::Domain, 32))
                    .col(integer(AssessmentSocialDomains::Level))
                    .col(text_null(AssessmentSocialDomains::Note))
                    .foreign_key(&mut fk(
                        "fk_assessment_social_domains_assessment",
                        (
                            AssessmentSocialDomains::Table,
                            AssessmentSocialDomains::AssessmentId,
                        ),
                        (Assessments::Table, Assessments::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_assessment_social_domains_assessment_id",
            AssessmentSocialDomains::Table,
            vec![AssessmentSocialDomains::AssessmentId.into_iden()],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AssessmentSocialDomains::Table.into_iden(),
            AssessmentResults::Table.into_iden(),
            AssessmentParticipants::Table.into_iden(),
            Assessments::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
