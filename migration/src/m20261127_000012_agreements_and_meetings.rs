use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::table_helpers::{fk, index};

/// The agreements and meetings registers (issue 15).
///
/// - `network_agreements` (the name `agreements` would be read as the
///   budget's): the agreement, its elements (seed 001 §7) as text columns;
///   its status is derived from the dates, never stored. Parties, services
///   and life areas are child rows, as a discharge plan's needs are.
/// - `network_agreement_reminders`: one row per reminder queued, unique by
///   agreement, threshold and end of validity, so that two workers or two
///   ticks queue it once and a new end of validity earns new reminders.
/// - `meetings` with their participants and services.
/// - `users.manages_agreements`: the REPORTER's permission to manage the
///   agreements of their territories.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    ManagesAgreements,
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Teams {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum NetworkAgreements {
    Table,
    Id,
    Version,
    Kind,
    Title,
    SignedOn,
    ValidFrom,
    ValidUntil,
    WithdrawnOn,
    WithdrawalReason,
    ProtocolNumber,
    Purpose,
    Recipients,
    Actions,
    Actors,
    Timing,
    Responsibilities,
    MonitoringIndicators,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum NetworkAgreementParties {
    Table,
    Id,
    AgreementId,
    OrganizationId,
    Role,
    ContactUserId,
}

#[derive(DeriveIden)]
enum NetworkAgreementServices {
    Table,
    Id,
    AgreementId,
    Service,
}

#[derive(DeriveIden)]
enum NetworkAgreementLifeAreas {
    Table,
    Id,
    AgreementId,
    LifeArea,
}

#[derive(DeriveIden)]
enum NetworkAgreementReminders {
    Table,
    Id,
    AgreementId,
    ThresholdDays,
    ValidUntil,
    QueuedAt,
}

#[derive(DeriveIden)]
enum Meetings {
    Table,
    Id,
    Version,
    Kind,
    Title,
    PlannedOn,
    HeldOn,
    Status,
    CancelledReason,
    TeamId,
    OrganizationId,
    ExternalParticipants,
    AgreementId,
    Note,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum MeetingParticipants {
    Table,
    Id,
    MeetingId,
    UserId,
}

#[derive(DeriveIden)]
enum MeetingServices {
    Table,
    Id,
    MeetingId,
    Service,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut manages = boolean(Users::ManagesAgreements);
        manages.default(false);
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(&mut manages)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(NetworkAgreements::Table)
                    .col(pk_uuid(NetworkAgreements::Id))
                    .col(integer(NetworkAgreements::Version))
                    .col(string_len(NetworkAgreements::Kind, 32))
                    .col(text(NetworkAgreements::Title))
                    .col(date_null(NetworkAgreements::SignedOn))
                    .col(date_null(NetworkAgreements::ValidFrom))
                    .col(date_null(NetworkAgreements::ValidUntil))
                    .col(date_null(NetworkAgreements::WithdrawnOn))
                    .col(text_null(NetworkAgreements::WithdrawalReason))
                    .col(text_null(NetworkAgreements::ProtocolNumber))
                    .col(text_null(NetworkAgreements::Purpose))
                    .col(text_null(NetworkAgreements::Recipients))
                    .col(text_null(NetworkAgreements::Actions))
                    .col(text_null(NetworkAgreements::Actors))
                    .col(text_null(NetworkAgreements::Timing))
                    .col(text_null(NetworkAgreements::Responsibilities))
                    .col(text_null(NetworkAgreements::MonitoringIndicators))
                    .col(uuid_null(NetworkAgreements::CreatedBy))
                    .col(timestamp_with_time_zone(NetworkAgreements::CreatedAt))
                    .col(timestamp_with_time_zone(NetworkAgreements::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        // The register's order (soonest expiry first, then title) and the
        // reminders' look-up of agreements ending soon.
        index(
            manager,
            "idx_network_agreements_valid_until_title_id",
            NetworkAgreements::Table,
            vec![
                NetworkAgreements::ValidUntil.into_iden(),
                NetworkAgreements::Title.into_iden(),
                NetworkAgreements::Id.into_iden(),
            ],
        )
        .await?;
        index(
            manager,
            "idx_network_agreements_kind",
            NetworkAgreements::Table,
            vec![NetworkAgreements::Kind.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(NetworkAgreementParties::Table)
                    .col(pk_uuid(NetworkAgreementParties::Id))
                    .col(uuid(NetworkAgreementParties::AgreementId))
                    .col(uuid(NetworkAgreementParties::OrganizationId))
                    .col(string_len(NetworkAgreementParties::Role, 32))
                    .col(uuid_null(NetworkAgreementParties::ContactUserId))
                    .foreign_key(&mut fk(
                        "fk_network_agreement_parties_agreement",
                        (
                            NetworkAgreementParties::Table,
                            NetworkAgreementParties::AgreementId,
                        ),
                        (NetworkAgreements::Table, NetworkAgreements::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_network_agreement_parties_organization",
                        (
                            NetworkAgreementParties::Table,
                            NetworkAgreementParties::OrganizationId,
                        ),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_network_agreement_parties_contact",
                        (
                            NetworkAgreementParties::Table,
                            NetworkAgreementParties::ContactUserId,
                        ),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // An organization is a party once; the index also serves the
        // look-up of an agreement's parties.
        manager
            .create_index(
                Index::create()
                    .name("idx_network_agreement_parties_agreement_organization")
                    .table(NetworkAgreementParties::Table)
                    .col(NetworkAgreementParties::AgreementId)
                    .col(NetworkAgreementParties::OrganizationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_network_agreement_parties_organization",
            NetworkAgreementParties::Table,
            vec![NetworkAgreementParties::OrganizationId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_network_agreement_parties_contact",
            NetworkAgreementParties::Table,
            vec![NetworkAgreementParties::ContactUserId.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(NetworkAgreementServices::Table)
                    .col(pk_uuid(NetworkAgreementServices::Id))
                    .col(uuid(NetworkAgreementServices::AgreementId))
                    .col(string_len(NetworkAgreementServices::Service, 32))
                    .foreign_key(&mut fk(
                        "fk_network_agreement_services_agreement",
                        (
                            NetworkAgreementServices::Table,
                            NetworkAgreementServices::AgreementId,
                        ),
                        (NetworkAgreements::Table, NetworkAgreements::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_network_agreement_services_agreement_service")
                    .table(NetworkAgreementServices::Table)
                    .col(NetworkAgreementServices::AgreementId)
                    .col(NetworkAgreementServices::Service)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(NetworkAgreementLifeAreas::Table)
                    .col(pk_uuid(NetworkAgreementLifeAreas::Id))
                    .col(uuid(NetworkAgreementLifeAreas::AgreementId))
                    .col(string_len(NetworkAgreementLifeAreas::LifeArea, 32))
                    .foreign_key(&mut fk(
                        "fk_network_agreement_life_areas_agreement",
                        (
                            NetworkAgreementLifeAreas::Table,
                            NetworkAgreementLifeAreas::AgreementId,
                        ),
                        (NetworkAgreements::Table, NetworkAgreements::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_network_agreement_life_areas_agreement_area")
                    .table(NetworkAgreementLifeAreas::Table)
                    .col(NetworkAgreementLifeAreas::AgreementId)
                    .col(NetworkAgreementLifeAreas::LifeArea)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(NetworkAgreementReminders::Table)
                    .col(pk_uuid(NetworkAgreementReminders::Id))
                    .col(uuid(NetworkAgreementReminders::AgreementId))
                    .col(integer(NetworkAgreementReminders::ThresholdDays))
                    .col(date(NetworkAgreementReminders::ValidUntil))
                    .col(timestamp_with_time_zone(
                        NetworkAgreementReminders::QueuedAt,
                    ))
                    .foreign_key(&mut fk(
                        "fk_network_agreement_reminders_agreement",
                        (
                            NetworkAgreementReminders::Table,
                            NetworkAgreementReminders::AgreementId,
                        ),
                        (NetworkAgreements::Table, NetworkAgreements::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // Queued once: the key the reminders' INSERT … ON CONFLICT DO NOTHING
        // stands on.
        manager
            .create_index(
                Index::create()
                    .name("idx_network_agreement_reminders_once")
                    .table(NetworkAgreementReminders::Table)
                    .col(NetworkAgreementReminders::AgreementId)
                    .col(NetworkAgreementReminders::ThresholdDays)
                    .col(NetworkAgreementReminders::ValidUntil)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Meetings::Table)
                    .col(pk_uuid(Meetings::Id))
                    .col(integer(Meetings::Version))
                    .col(string_len(Meetings::Kind, 32))
                    .col(text(Meetings::Title))
                    .col(date(Meetings::PlannedOn))
                    .col(date_null(Meetings::HeldOn))
                    .col(string_len(Meetings::Status, 16))
                    .col(text_null(Meetings::CancelledReason))
                    .col(uuid_null(Meetings::TeamId))
                    .col(uuid(Meetings::OrganizationId))
                    .col(integer(Meetings::ExternalParticipants))
                    .col(uuid_null(Meetings::AgreementId))
                    .col(text_null(Meetings::Note))
                    .col(uuid_null(Meetings::CreatedBy))
                    .col(timestamp_with_time_zone(Meetings::CreatedAt))
                    .col(timestamp_with_time_zone(Meetings::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_meetings_team",
                        (Meetings::Table, Meetings::TeamId),
                        (Teams::Table, Teams::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_meetings_organization",
                        (Meetings::Table, Meetings::OrganizationId),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_meetings_agreement",
                        (Meetings::Table, Meetings::AgreementId),
                        (NetworkAgreements::Table, NetworkAgreements::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_meetings_planned_on", Meetings::PlannedOn),
            ("idx_meetings_held_on", Meetings::HeldOn),
            ("idx_meetings_team_id", Meetings::TeamId),
            ("idx_meetings_organization_id", Meetings::OrganizationId),
            ("idx_meetings_agreement_id", Meetings::AgreementId),
        ] {
            index(manager, name, Meetings::Table, vec![column.into_iden()]).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(MeetingParticipants::Table)
                    .col(pk_uuid(MeetingParticipants::Id))
                    .col(uuid(MeetingParticipants::MeetingId))
                    .col(uuid(MeetingParticipants::UserId))
                    .foreign_key(&mut fk(
                        "fk_meeting_participants_meeting",
                        (MeetingParticipants::Table, MeetingParticipants::MeetingId),
                        (Meetings::Table, Meetings::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_meeting_participants_user",
                        (MeetingParticipants::Table, MeetingParticipants::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_meeting_participants_meeting_user")
                    .table(MeetingParticipants::Table)
                    .col(MeetingParticipants::MeetingId)
                    .col(MeetingParticipants::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_meeting_participants_user",
            MeetingParticipants::Table,
            vec![MeetingParticipants::UserId.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(MeetingServices::Table)
                    .col(pk_uuid(MeetingServices::Id))
                    .col(uuid(MeetingServices::MeetingId))
                    .col(string_len(MeetingServices::Service, 32))
                    .foreign_key(&mut fk(
                        "fk_meeting_services_meeting",
                        (MeetingServices::Table, MeetingServices::MeetingId),
                        (Meetings::Table, Meetings::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_meeting_services_meeting_service")
                    .table(MeetingServices::Table)
                    .col(MeetingServices::MeetingId)
                    .col(MeetingServices::Service)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            MeetingServices::Table.into_iden(),
            MeetingParticipants::Table.into_iden(),
            Meetings::Table.into_iden(),
            NetworkAgreementReminders::Table.into_iden(),
            NetworkAgreementLifeAreas::Table.into_iden(),
            NetworkAgreementServices::Table.into_iden(),
            NetworkAgreementParties::Table.into_iden(),
            NetworkAgreements::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::ManagesAgreements)
                    .to_owned(),
            )
            .await
    }
}
