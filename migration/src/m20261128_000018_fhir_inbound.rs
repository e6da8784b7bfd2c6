use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};

use crate::table_helpers::fk;

/// A hospital's system reports a protected discharge in FHIR (issue 18.2).
///
/// - `fhir_inbound_bundles`: one row per Bundle received, keyed by the
///   reporting organization and the Bundle's identifier (system and value),
///   unique: the same message sent twice, even at once, makes one discharge.
///   The row is claimed first in the use case's transaction (so a second
///   send waits for the first and finds its discharge) and names the
///   service account that sent it: the discharge's reporter.
/// - `discharges.reported_by` becomes nullable: a discharge a hospital's
///   system reports has no user behind it (its reporter is the account of
///   its `fhir_inbound_bundles` row). SQLite cannot alter a column: the one
///   schema change its documentation allows in place, dropping a NOT NULL,
///   is made in `sqlite_schema`.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ServiceAccounts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Discharges {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum FhirInboundBundles {
    Table,
    Id,
    OrganizationId,
    IdentifierSystem,
    IdentifierValue,
    ServiceAccountId,
    DischargeId,
    ReceivedAt,
}

const SQLITE_REPORTED_BY_NOT_NULL: &str = "\"reported_by\" uuid_text NOT NULL";
const SQLITE_REPORTED_BY_NULL: &str = "\"reported_by\" uuid_text NULL";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FhirInboundBundles::Table)
                    .col(pk_uuid(FhirInboundBundles::Id))
                    .col(uuid(FhirInboundBundles::OrganizationId))
                    .col(text(FhirInboundBundles::IdentifierSystem))
                    .col(text(FhirInboundBundles::IdentifierValue))
                    .col(uuid(FhirInboundBundles::ServiceAccountId))
                    .col(uuid_null(FhirInboundBundles::DischargeId))
                    .col(timestamp_with_time_zone(FhirInboundBundles::ReceivedAt))
                    .foreign_key(&mut fk(
                        "fk_fhir_inbound_bundles_organization",
                        (
                            FhirInboundBundles::Table,
                            FhirInboundBundles::OrganizationId,
                        ),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_fhir_inbound_bundles_account",
                        (
                            FhirInboundBundles::Table,
                            FhirInboundBundles::ServiceAccountId,
                        ),
                        (ServiceAccounts::Table, ServiceAccounts::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_fhir_inbound_bundles_discharge",
                        (FhirInboundBundles::Table, FhirInboundBundles::DischargeId),
                        (Discharges::Table, Discharges::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // One discharge per message: the key the claim's INSERT … ON
        // CONFLICT DO NOTHING stands on.
        manager
            .create_index(
                Index::create()
                    .name("idx_fhir_inbound_bundles_once")
                    .table(FhirInboundBundles::Table)
                    .col(FhirInboundBundles::OrganizationId)
                    .col(FhirInboundBundles::IdentifierSystem)
                    .col(FhirInboundBundles::IdentifierValue)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_fhir_inbound_bundles_discharge")
                    .table(FhirInboundBundles::Table)
                    .col(FhirInboundBundles::DischargeId)
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "ALTER TABLE discharges ALTER COLUMN reported_by DROP NOT NULL",
                )
                .await?;
            }
            DbBackend::Sqlite => {
                sqlite_reported_by(db, SQLITE_REPORTED_BY_NOT_NULL, SQLITE_REPORTED_BY_NULL)
                    .await?;
            }
            DbBackend::MySql => {}
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FhirInboundBundles::Table).to_owned())
            .await?;
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "ALTER TABLE discharges ALTER COLUMN reported_by SET NOT NULL",
                )
                .await?;
            }
            DbBackend::Sqlite => {
                sqlite_reported_by(db, SQLITE_REPORTED_BY_NULL, SQLITE_REPORTED_BY_NOT_NULL)
                    .await?;
            }
            DbBackend::MySql => {}
        }
        Ok(())
    }
}

/// Rewrites the declaration of `discharges.reported_by` in SQLite's schema
/// (https://sqlite.org/lang_altertable.html, "making other kinds of table
/// schema changes": removing a NOT NULL constraint needs no rebuild), bumps
/// the schema version so that every connection reads it again, and checks
/// the database.
async fn sqlite_reported_by(
    db: &SchemaManagerConnection<'_>,
    from: &str,
    to: &str,
) -> Result<(), DbErr> {
    let version = db
        .query_one(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA schema_version",
        ))
        .await?
        .ok_or_else(|| DbErr::Custom("PRAGMA schema_version gave nothing".into()))?
        .try_get_by_index::<i64>(0)?;
    db.execute_unprepared("PRAGMA writable_schema = ON").await?;
    let changed = db
        .execute(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "UPDATE sqlite_master SET sql = replace(sql, $1, $2) \
             WHERE type = 'table' AND name = 'discharges' AND instr(sql, $1) > 0",
            [from.into(), to.into()],
        ))
        .await?
        .rows_affected();
    db.execute_unprepared(&format!("PRAGMA schema_version = {}", version + 1))
        .await?;
    db.execute_unprepared("PRAGMA writable_schema = OFF")
        .await?;
    if changed != 1 {
        return Err(DbErr::Custom(format!(
            "discharges.reported_by is not declared as `{from}` in this SQLite database"
        )));
    }
    let check = db
        .query_one(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await?
        .ok_or_else(|| DbErr::Custom("PRAGMA integrity_check gave nothing".into()))?
        .try_get_by_index::<String>(0)?;
    if check != "ok" {
        return Err(DbErr::Custom(format!("SQLite integrity check: {check}")));
    }
    Ok(())
}
