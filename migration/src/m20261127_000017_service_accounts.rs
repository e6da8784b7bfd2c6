use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::table_helpers::{fk, index};

/// Interoperability (issue 18.1 and 18.5).
///
/// - `service_accounts`: a machine client of an organization (a hospital's
///   ADT system, a Region's data warehouse) with its scopes, the wire names
///   comma-separated (`discharges:report,export:interventions`).
/// - `service_account_tokens`: the account's bearer tokens, stored as the
///   SHA-256 of the secret only, with the first characters shown for
///   recognition (`prefix`, unique: a token is found by it).
/// - `nomenclatore_mappings`: the code of the national nomenclatore of
///   social services an ADMIN gives each intervention kind; seeded empty,
///   official codes are never invented here.
#[derive(DeriveMigrationName)]
pub struct Migration;

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

#[derive(DeriveIden)]
enum ServiceAccounts {
    Table,
    Id,
    OrganizationId,
    Name,
    Scopes,
    Active,
    CreatedBy,
    CreatedAt,
    Version,
}

#[derive(DeriveIden)]
enum ServiceAccountTokens {
    Table,
    Id,
    AccountId,
    TokenHash,
    Prefix,
    ExpiresAt,
    RevokedAt,
    CreatedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum NomenclatoreMappings {
    Table,
    ServiceKind,
    Code,
    Label,
    UpdatedBy,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ServiceAccounts::Table)
                    .col(pk_uuid(ServiceAccounts::Id))
                    .col(uuid(ServiceAccounts::OrganizationId))
                    .col(text(ServiceAccounts::Name))
                    .col(text(ServiceAccounts::Scopes))
                    .col(boolean(ServiceAccounts::Active))
                    .col(uuid_null(ServiceAccounts::CreatedBy))
                    .col(timestamp_with_time_zone(ServiceAccounts::CreatedAt))
                    .col(integer(ServiceAccounts::Version))
                    .foreign_key(&mut fk(
                        "fk_service_accounts_organization",
                        (ServiceAccounts::Table, ServiceAccounts::OrganizationId),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_service_accounts_created_by",
                        (ServiceAccounts::Table, ServiceAccounts::CreatedBy),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_service_accounts_organization",
            ServiceAccounts::Table,
            vec![ServiceAccounts::OrganizationId.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ServiceAccountTokens::Table)
                    .col(pk_uuid(ServiceAccountTokens::Id))
                    .col(uuid(ServiceAccountTokens::AccountId))
                    .col(string_len(ServiceAccountTokens::TokenHash, 64))
                    .col(string_len_uniq(ServiceAccountTokens::Prefix, 32))
                    .col(timestamp_with_time_zone(ServiceAccountTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(
                        ServiceAccountTokens::RevokedAt,
                    ))
                    .col(timestamp_with_time_zone(ServiceAccountTokens::CreatedAt))
                    .col(timestamp_with_time_zone_null(
                        ServiceAccountTokens::LastUsedAt,
                    ))
                    .foreign_key(&mut fk(
                        "fk_service_account_tokens_account",
                        (ServiceAccountTokens::Table, ServiceAccountTokens::AccountId),
                        (ServiceAccounts::Table, ServiceAccounts::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_service_account_tokens_account",
            ServiceAccountTokens::Table,
            vec![ServiceAccountTokens::AccountId.into_iden()],
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(NomenclatoreMappings::Table)
                    .col(
                        string_len(NomenclatoreMappings::ServiceKind, 32)
                            .primary_key()
                            .to_owned(),
                    )
                    .col(string_len(NomenclatoreMappings::Code, 32))
                    .col(text(NomenclatoreMappings::Label))
                    .col(uuid_null(NomenclatoreMappings::UpdatedBy))
                    .col(timestamp_with_time_zone(NomenclatoreMappings::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_nomenclatore_mappings_updated_by",
                        (NomenclatoreMappings::Table, NomenclatoreMappings::UpdatedBy),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            NomenclatoreMappings::Table.into_iden(),
            ServiceAccountTokens::Table.into_iden(),
            ServiceAccounts::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
