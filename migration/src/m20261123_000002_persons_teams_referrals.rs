use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::table_helpers::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Persons {
    Table,
    Id,
    Version,
    FiscalCode,
    FiscalCodeMissingReason,
    AlternativeCode,
    GivenName,
    FamilyName,
    SearchName,
    BirthDate,
    BirthPlace,
    Sex,
    Residence,
    Homeless,
    Domicile,
    Phone,
    Email,
    Language,
    TargetGroups,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ReferencePersons {
    Table,
    Id,
    PersonId,
    Kind,
    FullName,
    Relationship,
    Phone,
    Email,
    Notes,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PrivacyConsents {
    Table,
    Id,
    PersonId,
    Kind,
    Granted,
    GivenOn,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Teams {
    Table,
    Id,
    Name,
    Kind,
    OrganizationId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum TeamMemberships {
    Table,
    Id,
    TeamId,
    UserId,
    TeamRole,
    StartedOn,
    EndedOn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Referrals {
    Table,
    Id,
    PersonId,
    TeamId,
    Source,
    Reason,
    Urgency,
    Status,
    CreatedBy,
    CreatedAt,
    AcceptedBy,
    AcceptedAt,
    ClosedBy,
    ClosedAt,
    Outcome,
}

#[derive(DeriveIden)]
enum Organizations {
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
                    .table(Persons::Table)
                    .col(pk_uuid(Persons::Id))
                    .col(integer(Persons::Version))
                    .col(string_len_null(Persons::FiscalCode, 16).unique_key())
                    .col(string_len_null(Persons::FiscalCodeMissingReason, 16))
                    .col(string_len_null(Persons::AlternativeCode, 16))
                    .col(string(Persons::GivenName))
                    .col(string(Persons::FamilyName))
                    .col(string(Persons::SearchName))
                    .col(date(Persons::BirthDate))
                    .col(string_null(Persons::BirthPlace))
                    .col(string_len(Persons::Sex, 1))
                    .col(string_null(Persons::Residence))
                    .col(boolean(Persons::Homeless))
                    .col(string_null(Persons::Domicile))
                    .col(string_null(Persons::Phone))
                    .col(string_null(Persons::Email))
                    .col(string_null(Persons::Language))
                    .col(string(Persons::TargetGroups))
                    .col(uuid_null(Persons::CreatedBy))
                    .col(timestamp_with_time_zone(Persons::CreatedAt))
                    .col(timestamp_with_time_zone(Persons::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_persons_search_name",
            Persons::Table,
            vec![Persons::SearchName.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ReferencePersons::Table)
                    .col(pk_uuid(ReferencePersons::Id))
                    .col(uuid(ReferencePersons::PersonId))
                    .col(string_len(ReferencePersons::Kind, 32))
                    .col(string(ReferencePersons::FullName))
                    .col(string_null(ReferencePersons::Relationship))
                    .col(string_null(ReferencePersons::Phone))
                    .col(string_null(ReferencePersons::Email))
                    .col(text_null(ReferencePersons::Notes))
                    .col(timestamp_with_time_zone(ReferencePersons::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_reference_persons_person",
                        (ReferencePersons::Table, ReferencePersons::PersonId),
                        (Persons::Table, Persons::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_reference_persons_person_id",
            ReferencePersons::Table,
            vec![ReferencePersons::PersonId.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(PrivacyConsents::Table)
                    .col(pk_uuid(PrivacyConsents::Id))
                    .col(uuid(PrivacyConsents::PersonId))
                    .col(string_len(PrivacyConsents::Kind, 32))
                    .col(boolean(PrivacyConsents::Granted))
                    .col(date(PrivacyConsents::GivenOn))
                    .col(uuid(PrivacyConsents::RecordedBy))
                    .col(timestamp_with_time_zone(PrivacyConsents::RecordedAt))
                    .foreign_key(&mut fk(
                        "fk_privacy_consents_person",
                        (PrivacyConsents::Table, PrivacyConsents::PersonId),
                        (Persons::Table, Persons::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_privacy_consents_recorded_by",
                        (PrivacyConsents::Table, PrivacyConsents::RecordedBy),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_privacy_consents_person_id",
            PrivacyConsents::Table,
            vec![PrivacyConsents::PersonId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_privacy_consents_recorded_by",
            PrivacyConsents::Table,
            vec![PrivacyConsents::RecordedBy.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Teams::Table)
                    .col(pk_uuid(Teams::Id))
                    .col(string(Teams::Name))
                    .col(string_len(Teams::Kind, 32))
                    .col(uuid(Teams::OrganizationId))
                    .col(timestamp_with_time_zone(Teams::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_teams_organization",
                        (Teams::Table, Teams::OrganizationId),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_teams_organization_id",
            Teams::Table,
            vec![Teams::OrganizationId.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(TeamMemberships::Table)
                    .col(pk_uuid(TeamMemberships::Id))
                    .col(uuid(TeamMemberships::TeamId))
                    .col(uuid(TeamMemberships::UserId))
                    .col(string_len(TeamMemberships::TeamRole, 16))
                    .col(date(TeamMemberships::StartedOn))
                    .col(date_null(TeamMemberships::EndedOn))
                    .col(timestamp_with_time_zone(TeamMemberships::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_team_memberships_team",
                        (TeamMemberships::Table, TeamMemberships::TeamId),
                        (Teams::Table, Teams::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_team_memberships_user",
                        (TeamMemberships::Table, TeamMemberships::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_team_memberships_team_id",
            TeamMemberships::Table,
            vec![TeamMemberships::TeamId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_team_memberships_user_id",
            TeamMemberships::Table,
            vec![
                TeamMemberships::UserId.into_iden(),
                TeamMemberships::EndedOn.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Referrals::Table)
                    .col(pk_uuid(Referrals::Id))
                    .col(uuid(Referrals::PersonId))
                    .col(uuid(Referrals::TeamId))
                    .col(string_len(Referrals::Source, 32))
                    .col(text(Referrals::Reason))
                    .col(string_len(Referrals::Urgency, 16))
                    .col(string_len(Referrals::Status, 16))
                    .col(uuid_null(Referrals::CreatedBy))
                    .col(timestamp_with_time_zone(Referrals::CreatedAt))
                    .col(uuid_null(Referrals::AcceptedBy))
                    .col(timestamp_with_time_zone_null(Referrals::AcceptedAt))
                    .col(uuid_null(Referrals::ClosedBy))
                    .col(timestamp_with_time_zone_null(Referrals::ClosedAt))
                    .col(text_null(Referrals::Outcome))
                    .foreign_key(&mut fk(
                        "fk_referrals_person",
                        (Referrals::Table, Referrals::PersonId),
                        (Persons::Table, Persons::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_referrals_team",
                        (Referrals::Table, Referrals::TeamId),
                        (Teams::Table, Teams::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_referrals_person_id",
            Referrals::Table,
            vec![
                Referrals::PersonId.into_iden(),
                Referrals::Status.into_iden(),
            ],
        )
        .await?;
        index(
            manager,
            "idx_referrals_team_id",
            Referrals::Table,
            vec![Referrals::TeamId.into_iden(), Referrals::Status.into_iden()],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Referrals::Table.into_iden(),
            TeamMemberships::Table.into_iden(),
            Teams::Table.into_iden(),
            PrivacyConsents::Table.into_iden(),
            ReferencePersons::Table.into_iden(),
            Persons::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
