use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// The patient's identity as the ward typed it, kept on the discharge: the
/// reporter sees what they reported, never the stored identity of the person
/// a codice fiscale matched. Reports made before this change copy the
/// person's identity, which is what was typed or already known to the
/// reporter then.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Discharges {
    Table,
    ReportedFiscalCode,
    ReportedGivenName,
    ReportedFamilyName,
    ReportedBirthDate,
    ReportedSex,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        for column in [
            string_len_null(Discharges::ReportedFiscalCode, 16),
            string_null(Discharges::ReportedGivenName),
            string_null(Discharges::ReportedFamilyName),
            date_null(Discharges::ReportedBirthDate),
            string_len_null(Discharges::ReportedSex, 1),
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
            .execute_unprepared(
                "UPDATE discharges SET \
                   reported_fiscal_code = (SELECT fiscal_code FROM persons WHERE persons.id = discharges.person_id), \
                   reported_given_name = (SELECT given_name FROM persons WHERE persons.id = discharges.person_id), \
                   reported_family_name = (SELECT family_name FROM persons WHERE persons.id = discharges.person_id), \
                   reported_birth_date = (SELECT birth_date FROM persons WHERE persons.id = discharges.person_id), \
                   reported_sex = (SELECT sex FROM persons WHERE persons.id = discharges.person_id)",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            Discharges::ReportedFiscalCode,
            Discharges::ReportedGivenName,
            Discharges::ReportedFamilyName,
            Discharges::ReportedBirthDate,
            Discharges::ReportedSex,
        ] {
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
