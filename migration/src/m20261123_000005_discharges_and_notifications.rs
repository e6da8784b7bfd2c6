use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::table_helpers::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Discharges {
    Table,
    Id,
    Version,
    PersonId,
    HospitalId,
    Ward,
    AdmittedOn,
    ExpectedDischargeOn,
    ReceivingTeamId,
    Needs,
    Notes,
    Status,
    ReportedBy,
    ReportedAt,
    AssessmentScheduledOn,
    DischargeableOn,
    AssessmentId,
    PlanDestination,
    PlanServices,
    PlanAgreedOn,
    PlanAgreedBy,
    DischargedOn,
    Destination,
    CancelReason,
    CancelNote,
    CancelledOn,
    ReminderSent,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    UserId,
    Kind,
    Title,
    Link,
    DischargeId,
    CreatedAt,
    ReadAt,
}

#[derive(DeriveIden)]
enum OutboxEmails {
    Table,
    Id,
    Recipient,
    Subject,
    BodyText,
    BodyHtml,
    Status,
    Attempts,
    NextAttemptAt,
    LastError,
    ClaimedAt,
    ClaimedBy,
    SentAt,
    CreatedAt,
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

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Discharges::Table)
                    .col(pk_uuid(Discharges::Id))
                    .col(integer(Discharges::Version))
                    .col(uuid(Discharges::PersonId))
                    .col(uuid(Discharges::HospitalId))
                    .col(string(Discharges::Ward))
                    .col(date(Discharges::AdmittedOn))
                    .col(date(Discharges::ExpectedDischargeOn))
                    .col(uuid(Discharges::ReceivingTeamId))
                    .col(text_null(Discharges::Needs))
                    .col(text_null(Discharges::Notes))
                    .col(string_len(Discharges::Status, 32))
                    .col(uuid(Discharges::ReportedBy))
                    .col(timestamp_with_time_zone(Discharges::ReportedAt))
                    .col(date_null(Discharges::AssessmentScheduledOn))
                    .col(date_null(Discharges::DischargeableOn))
                    .col(uuid_null(Discharges::AssessmentId))
                    .col(string_len_null(Discharges::PlanDestination, 32))
                    .col(text_null(Discharges::PlanServices))
                    .col(date_null(Discharges::PlanAgreedOn))
                    .col(uuid_null(Discharges::PlanAgreedBy))
                    .col(date_null(Discharges::DischargedOn))
                    .col(string_len_null(Discharges::Destination, 32))
                    .col(string_len_null(Discharges::CancelReason, 16))
                    .col(text_null(Discharges::CancelNote))
                    .col(date_null(Discharges::CancelledOn))
                    .col(boolean(Discharges::ReminderSent))
                    .col(timestamp_with_time_zone(Discharges::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_discharges_person",
                        (Discharges::Table, Discharges::PersonId),
                        (Persons::Table, Persons::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_discharges_hospital",
                        (Discharges::Table, Discharges::HospitalId),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_discharges_team",
                        (Discharges::Table, Discharges::ReceivingTeamId),
                        (Teams::Table, Teams::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_discharges_reported_by",
                        (Discharges::Table, Discharges::ReportedBy),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_discharges_person_id",
            Discharges::Table,
            vec![Discharges::PersonId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_discharges_team_status",
            Discharges::Table,
            vec![
                Discharges::ReceivingTeamId.into_iden(),
                Discharges::Status.into_iden(),
            ],
        )
        .await?;
        index(
            manager,
            "idx_discharges_hospital_id",
            Discharges::Table,
            vec![Discharges::HospitalId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_discharges_reported_by",
            Discharges::Table,
            vec![Discharges::ReportedBy.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_discharges_expected_on",
            Discharges::Table,
            vec![
                Discharges::Status.into_iden(),
                Discharges::ExpectedDischargeOn.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(pk_uuid(Notifications::Id))
                    .col(uuid(Notifications::UserId))
                    .col(string_len(Notifications::Kind, 32))
                    .col(string(Notifications::Title))
                    .col(string(Notifications::Link))
                    .col(uuid_null(Notifications::DischargeId))
                    .col(timestamp_with_time_zone(Notifications::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notifications::ReadAt))
                    .foreign_key(&mut fk(
                        "fk_notifications_user",
                        (Notifications::Table, Notifications::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_notifications_user_read",
            Notifications::Table,
            vec![
                Notifications::UserId.into_iden(),
                Notifications::ReadAt.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(OutboxEmails::Table)
                    .col(pk_uuid(OutboxEmails::Id))
                    .col(string(OutboxEmails::Recipient))
                    .col(string(OutboxEmails::Subject))
                    .col(text(OutboxEmails::BodyText))
                    .col(text(OutboxEmails::BodyHtml))
                    .col(string_len(OutboxEmails::Status, 16))
                    .col(integer(OutboxEmails::Attempts))
                    .col(timestamp_with_time_zone(OutboxEmails::NextAttemptAt))
                    .col(text_null(OutboxEmails::LastError))
                    .col(timestamp_with_time_zone_null(OutboxEmails::ClaimedAt))
                    .col(string_len_null(OutboxEmails::ClaimedBy, 64))
                    .col(timestamp_with_time_zone_null(OutboxEmails::SentAt))
                    .col(timestamp_with_time_zone(OutboxEmails::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_outbox_emails_due",
            OutboxEmails::Table,
            vec![
                OutboxEmails::Status.into_iden(),
                OutboxEmails::NextAttemptAt.into_iden(),
            ],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            OutboxEmails::Table.into_iden(),
            Notifications::Table.into_iden(),
            Discharges::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
