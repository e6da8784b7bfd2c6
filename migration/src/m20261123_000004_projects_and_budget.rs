use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use crate::table_helpers::{fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Projects {
    Table,
    Id,
    Version,
    PersonId,
    Kind,
    Status,
    TeamId,
    CaseManagerId,
    Title,
    StartDate,
    ReviewEveryDays,
    NextReviewOn,
    SuspendedFrom,
    ConsentOn,
    ConsentMethod,
    ConsentWitness,
    ConsentFamilyCosignature,
    ConsentRecordedBy,
    ClosureReason,
    ClosedOn,
    BudgetAgreement,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProjectGoals {
    Table,
    Id,
    ProjectId,
    LifeArea,
    Description,
    TargetDate,
    Indicator,
    Status,
    OutcomeNote,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProjectInterventions {
    Table,
    Id,
    ProjectId,
    GoalId,
    LifeArea,
    ServiceKind,
    ProviderId,
    Frequency,
    StartDate,
    EndDate,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ProjectReviews {
    Table,
    Id,
    ProjectId,
    ReviewedOn,
    Participants,
    Notes,
    Decisions,
    RecordedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum BudgetResources {
    Table,
    Id,
    ProjectId,
    Version,
    LifeArea,
    Kind,
    ProviderKind,
    ProviderId,
    ProviderName,
    FundingSource,
    Description,
    Profession,
    Unit,
    PlannedHundredths,
    PeriodStart,
    PeriodEnd,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum BudgetUses {
    Table,
    Id,
    ResourceId,
    UsedOn,
    QuantityHundredths,
    Note,
    RecordedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum BudgetAgreements {
    Table,
    Id,
    ProjectId,
    PartyKind,
    OrganizationId,
    PartyName,
    AgreedOn,
    RecordedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LifeAreaScores {
    Table,
    Id,
    ProjectId,
    ScoredOn,
    Rater,
    LifeArea,
    Score,
    Note,
    RecordedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ProjectEvents {
    Table,
    Id,
    ProjectId,
    OccurredAt,
    ActorId,
    Kind,
    Summary,
    Details,
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
                    .table(Projects::Table)
                    .col(pk_uuid(Projects::Id))
                    .col(integer(Projects::Version))
                    .col(uuid(Projects::PersonId))
                    .col(string_len(Projects::Kind, 32))
                    .col(string_len(Projects::Status, 16))
                    .col(uuid(Projects::TeamId))
                    .col(uuid(Projects::CaseManagerId))
                    .col(string(Projects::Title))
                    .col(date(Projects::StartDate))
                    .col(integer(Projects::ReviewEveryDays))
                    .col(date(Projects::NextReviewOn))
                    .col(string_len_null(Projects::SuspendedFrom, 16))
                    .col(date_null(Projects::ConsentOn))
                    .col(string_len_null(Projects::ConsentMethod, 32))
                    .col(string_null(Projects::ConsentWitness))
                    .col(string_null(Projects::ConsentFamilyCosignature))
                    .col(uuid_null(Projects::ConsentRecordedBy))
                    .col(text_null(Projects::ClosureReason))
                    .col(date_null(Projects::ClosedOn))
                    .col(string_len(Projects::BudgetAgreement, 16))
                    .col(uuid(Projects::CreatedBy))
                    .col(timestamp_with_time_zone(Projects::CreatedAt))
                    .col(timestamp_with_time_zone(Projects::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_projects_person",
                        (Projects::Table, Projects::PersonId),
                        (Persons::Table, Persons::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_projects_team",
                        (Projects::Table, Projects::TeamId),
                        (Teams::Table, Teams::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_projects_case_manager",
                        (Projects::Table, Projects::CaseManagerId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_projects_person_id",
            Projects::Table,
            vec![Projects::PersonId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_projects_team_status",
            Projects::Table,
            vec![Projects::TeamId.into_iden(), Projects::Status.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_projects_case_manager_id",
            Projects::Table,
            vec![Projects::CaseManagerId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_projects_next_review_on",
            Projects::Table,
            vec![Projects::NextReviewOn.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_projects_status_kind",
            Projects::Table,
            vec![Projects::Status.into_iden(), Projects::Kind.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProjectGoals::Table)
                    .col(pk_uuid(ProjectGoals::Id))
                    .col(uuid(ProjectGoals::ProjectId))
                    .col(string_len(ProjectGoals::LifeArea, 32))
                    .col(text(ProjectGoals::Description))
                    .col(date_null(ProjectGoals::TargetDate))
                    .col(text_null(ProjectGoals::Indicator))
                    .col(string_len(ProjectGoals::Status, 32))
                    .col(text_null(ProjectGoals::OutcomeNote))
                    .col(timestamp_with_time_zone(ProjectGoals::CreatedAt))
                    .col(timestamp_with_time_zone(ProjectGoals::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_project_goals_project",
                        (ProjectGoals::Table, ProjectGoals::ProjectId),
                        (Projects::Table, Projects::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_project_goals_project_id",
            ProjectGoals::Table,
            vec![ProjectGoals::ProjectId.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProjectInterventions::Table)
                    .col(pk_uuid(ProjectInterventions::Id))
                    .col(uuid(ProjectInterventions::ProjectId))
                    .col(uuid_null(ProjectInterventions::GoalId))
                    .col(string_len(ProjectInterventions::LifeArea, 32))
                    .col(string_len(ProjectInterventions::ServiceKind, 32))
                    .col(uuid_null(ProjectInterventions::ProviderId))
                    .col(string(ProjectInterventions::Frequency))
                    .col(date(ProjectInterventions::StartDate))
                    .col(date_null(ProjectInterventions::EndDate))
                    .col(timestamp_with_time_zone(ProjectInterventions::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_project_interventions_project",
                        (ProjectInterventions::Table, ProjectInterventions::ProjectId),
                        (Projects::Table, Projects::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_project_interventions_goal",
                        (ProjectInterventions::Table, ProjectInterventions::GoalId),
                        (ProjectGoals::Table, ProjectGoals::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_project_interventions_provider",
                        (
                            ProjectInterventions::Table,
                            ProjectInterventions::ProviderId,
                        ),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_project_interventions_project_id",
            ProjectInterventions::Table,
            vec![ProjectInterventions::ProjectId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_project_interventions_goal_id",
            ProjectInterventions::Table,
            vec![ProjectInterventions::GoalId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_project_interventions_provider_id",
            ProjectInterventions::Table,
            vec![
                ProjectInterventions::ProviderId.into_iden(),
                ProjectInterventions::ServiceKind.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProjectReviews::Table)
                    .col(pk_uuid(ProjectReviews::Id))
                    .col(uuid(ProjectReviews::ProjectId))
                    .col(date(ProjectReviews::ReviewedOn))
                    .col(text(ProjectReviews::Participants))
                    .col(text_null(ProjectReviews::Notes))
                    .col(text_null(ProjectReviews::Decisions))
                    .col(uuid(ProjectReviews::RecordedBy))
                    .col(timestamp_with_time_zone(ProjectReviews::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_project_reviews_project",
                        (ProjectReviews::Table, ProjectReviews::ProjectId),
                        (Projects::Table, Projects::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_project_reviews_project_id",
            ProjectReviews::Table,
            vec![ProjectReviews::ProjectId.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(BudgetResources::Table)
                    .col(pk_uuid(BudgetResources::Id))
                    .col(uuid(BudgetResources::ProjectId))
                    .col(integer(BudgetResources::Version))
                    .col(string_len(BudgetResources::LifeArea, 32))
                    .col(string_len(BudgetResources::Kind, 16))
                    .col(string_len(BudgetResources::ProviderKind, 16))
                    .col(uuid_null(BudgetResources::ProviderId))
                    .col(string(BudgetResources::ProviderName))
                    .col(string_len(BudgetResources::FundingSource, 32))
                    .col(text(BudgetResources::Description))
                    .col(string_len_null(BudgetResources::Profession, 32))
                    .col(string_len(BudgetResources::Unit, 16))
                    // Hundredths: cents for EUR, hundredths of an hour for HOURS.
                    .col(big_integer(BudgetResources::PlannedHundredths))
                    .col(date(BudgetResources::PeriodStart))
                    .col(date_null(BudgetResources::PeriodEnd))
                    .col(timestamp_with_time_zone(BudgetResources::CreatedAt))
                    .col(timestamp_with_time_zone(BudgetResources::UpdatedAt))
                    .foreign_key(&mut fk(
                        "fk_budget_resources_project",
                        (BudgetResources::Table, BudgetResources::ProjectId),
                        (Projects::Table, Projects::Id),
                    ))
                    .foreign_key(&mut fk(
                        "fk_budget_resources_provider",
                        (BudgetResources::Table, BudgetResources::ProviderId),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_budget_resources_project_id",
            BudgetResources::Table,
            vec![BudgetResources::ProjectId.into_iden()],
        )
        .await?;
        index(
            manager,
            "idx_budget_resources_provider_id",
            BudgetResources::Table,
            vec![BudgetResources::ProviderId.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(BudgetUses::Table)
                    .col(pk_uuid(BudgetUses::Id))
                    .col(uuid(BudgetUses::ResourceId))
                    .col(date(BudgetUses::UsedOn))
                    .col(big_integer(BudgetUses::QuantityHundredths))
                    .col(text_null(BudgetUses::Note))
                    .col(uuid(BudgetUses::RecordedBy))
                    .col(timestamp_with_time_zone(BudgetUses::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_budget_uses_resource",
                        (BudgetUses::Table, BudgetUses::ResourceId),
                        (BudgetResources::Table, BudgetResources::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_budget_uses_resource_id",
            BudgetUses::Table,
            vec![BudgetUses::ResourceId.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(BudgetAgreements::Table)
                    .col(pk_uuid(BudgetAgreements::Id))
                    .col(uuid(BudgetAgreements::ProjectId))
                    .col(string_len(BudgetAgreements::PartyKind, 16))
                    .col(uuid_null(BudgetAgreements::OrganizationId))
                    .col(string(BudgetAgreements::PartyName))
                    .col(date(BudgetAgreements::AgreedOn))
                    .col(uuid(BudgetAgreements::RecordedBy))
                    .col(timestamp_with_time_zone(BudgetAgreements::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_budget_agreements_project",
                        (BudgetAgreements::Table, BudgetAgreements::ProjectId),
                        (Projects::Table, Projects::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_budget_agreements_project_id",
            BudgetAgreements::Table,
            vec![BudgetAgreements::ProjectId.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(LifeAreaScores::Table)
                    .col(pk_uuid(LifeAreaScores::Id))
                    .col(uuid(LifeAreaScores::ProjectId))
                    .col(date(LifeAreaScores::ScoredOn))
                    .col(string_len(LifeAreaScores::Rater, 16))
                    .col(string_len(LifeAreaScores::LifeArea, 32))
                    .col(integer(LifeAreaScores::Score))
                    .col(text_null(LifeAreaScores::Note))
                    .col(uuid(LifeAreaScores::RecordedBy))
                    .col(timestamp_with_time_zone(LifeAreaScores::CreatedAt))
                    .foreign_key(&mut fk(
                        "fk_life_area_scores_project",
                        (LifeAreaScores::Table, LifeAreaScores::ProjectId),
                        (Projects::Table, Projects::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_life_area_scores_project_id",
            LifeAreaScores::Table,
            vec![
                LifeAreaScores::ProjectId.into_iden(),
                LifeAreaScores::ScoredOn.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProjectEvents::Table)
                    .col(pk_uuid(ProjectEvents::Id))
                    .col(uuid(ProjectEvents::ProjectId))
                    .col(timestamp_with_time_zone(ProjectEvents::OccurredAt))
                    .col(uuid(ProjectEvents::ActorId))
                    .col(string_len(ProjectEvents::Kind, 32))
                    .col(text(ProjectEvents::Summary))
                    .col(json_null(ProjectEvents::Details))
                    .foreign_key(&mut fk(
                        "fk_project_events_project",
                        (ProjectEvents::Table, ProjectEvents::ProjectId),
                        (Projects::Table, Projects::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_project_events_project_id",
            ProjectEvents::Table,
            vec![
                ProjectEvents::ProjectId.into_iden(),
                ProjectEvents::OccurredAt.into_iden(),
            ],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ProjectEvents::Table.into_iden(),
            LifeAreaScores::Table.into_iden(),
            BudgetAgreements::Table.into_iden(),
            BudgetUses::Table.into_iden(),
            BudgetResources::Table.into_iden(),
            ProjectReviews::Table.into_iden(),
            ProjectInterventions::Table.into_iden(),
            ProjectGoals::Table.into_iden(),
            Projects::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
