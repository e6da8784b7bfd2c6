//! The Budget di Salute of a project in GraphQL: resource lines, their uses,
//! the totals and the parties' agreement (services in `services::budget`).

use std::sync::Arc;

use async_graphql::{ComplexObject, Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use entity::{budget_agreement, budget_resource, budget_use, project};

use crate::domain::budget_totals::{self, ResourceLine};
use crate::domain::money::{self, Fixed2, Line};
use crate::graphql::context::scope;
use crate::graphql::guard;
use crate::graphql::ids::{parse_id, parse_optional_id};
use crate::graphql::loaders;
use crate::graphql::organizations::{self, Organization};
use crate::graphql::projects::IndividualProject;
use crate::graphql::scalars::{Date, Decimal};
use crate::graphql::users::{self, User};
use crate::graphql::vocabulary::{
    BudgetAgreementStatus, FundingSource, LifeArea, Profession, ProviderKind, ResourceKind,
    ResourceUnit,
};
use crate::services::at_version::AtVersion;
use crate::services::budget::{self, ResourceDraft};

/// One use of a resource line. A wrong use is never deleted: a reversing
/// entry (a negative quantity, `reverses` set, with its `reason`) cancels it.
#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct ResourceUse {
    pub id: ID,
    pub date: Date,
    pub quantity: Decimal,
    pub note: Option<String>,
    /// Why the use this entry reverses was wrong; only on reversing entries.
    pub reason: Option<String>,
    #[graphql(skip)]
    pub row: budget_use::Model,
    /// Every use of the same line, where a reversal and its use are found.
    #[graphql(skip)]
    pub line: Arc<Vec<budget_use::Model>>,
}

impl ResourceUse {
    fn of(row: budget_use::Model, line: &Arc<Vec<budget_use::Model>>) -> Self {
        ResourceUse {
            id: ID(row.id.to_string()),
            date: Date(row.used_on),
            quantity: Decimal(Fixed2(row.quantity_hundredths)),
            note: row.note.clone(),
            reason: row.reason.clone(),
            row,
            line: Arc::clone(line),
        }
    }
}

#[ComplexObject]
impl ResourceUse {
    /// The use this entry reverses.
    async fn reverses(&self) -> Option<ResourceUse> {
        let id = self.row.reverses_id?;
        let row = self.line.iter().find(|u| u.id == id)?.clone();
        Some(ResourceUse::of(row, &self.line))
    }

    /// The entry that reversed this use, once it was.
    async fn reversed_by(&self) -> Option<ResourceUse> {
        let row = self
            .line
            .iter()
            .find(|u| u.reverses_id == Some(self.row.id))?
            .clone();
        Some(ResourceUse::of(row, &self.line))
    }

    /// When the entry was recorded (its `date` is the day of the use).
    async fn recorded_at(&self) -> DateTime<Utc> {
        self.row.created_at
    }

    async fn recorded_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        users::load(ctx, Some(self.row.recorded_by)).await
    }
}

#[derive(SimpleObject, Clone)]
#[graphql(complex)]
pub struct BudgetResource {
    pub id: ID,
    pub version: i32,
    pub life_area: LifeArea,
    pub kind: ResourceKind,
    pub provider_kind: ProviderKind,
    pub provider_name: String,
    pub funding_source: FundingSource,
    pub description: String,
    pub profession: Option<Profession>,
    pub unit: ResourceUnit,
    pub planned_quantity: Decimal,
    pub period_start: Date,
    pub period_end: Option<Date>,
    #[graphql(skip)]
    pub row: budget_resource::Model,
}

impl From<budget_resource::Model> for BudgetResource {
    fn from(m: budget_resource::Model) -> Self {
        BudgetResource {
            id: ID(m.id.to_string()),
            version: m.version,
            life_area: m.life_area.into(),
            kind: m.kind.into(),
            provider_kind: m.provider_kind.into(),
            provider_name: m.provider_name.clone(),
            funding_source: m.funding_source.into(),
            description: m.description.clone(),
            profession: m.profession.map(Into::into),
            unit: m.unit.into(),
            planned_quantity: Decimal(Fixed2(m.planned_hundredths)),
            period_start: Date(m.period_start),
            period_end: m.period_end.map(Date),
            row: m,
        }
    }
}

fn used_total(uses: &[budget_use::Model]) -> Fixed2 {
    budget_totals::used_total(uses.iter().map(|u| Fixed2(u.quantity_hundredths)))
}

#[ComplexObject]
impl BudgetResource {
    async fn provider(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Organization>> {
        organizations::load(ctx, self.row.provider_id).await
    }

    async fn uses(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ResourceUse>> {
        let line = Arc::new(loaders::many::<budget_use::Entity>(ctx, self.row.id).await?);
        Ok(line
            .iter()
            .map(|u| ResourceUse::of(u.clone(), &line))
            .collect())
    }

    async fn used_quantity(&self, ctx: &Context<'_>) -> async_graphql::Result<Decimal> {
        let rows = loaders::many::<budget_use::Entity>(ctx, self.row.id).await?;
        Ok(Decimal(used_total(&rows)))
    }

    /// Used beyond the plan: a warning for the team, not an error.
    async fn overused(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let rows = loaders::many::<budget_use::Entity>(ctx, self.row.id).await?;
        Ok(money::is_overused(
            Fixed2(self.row.planned_hundredths),
            used_total(&rows),
        ))
    }
}

/// Planned against used for one group, in one unit (euros and hours are
/// never added together).
#[derive(SimpleObject)]
pub struct BudgetTotal {
    /// The group: a life area, a kind, a provider's name or a funding source.
    pub key: String,
    pub unit: ResourceUnit,
    pub planned: Decimal,
    pub used: Decimal,
    pub overused: bool,
}

impl From<Line> for BudgetTotal {
    fn from(line: Line) -> Self {
        BudgetTotal {
            unit: line.unit.into(),
            planned: Decimal(line.planned),
            used: Decimal(line.used),
            overused: line.is_overused(),
            key: line.key,
        }
    }
}

fn budget_totals_of(lines: Vec<Line>) -> Vec<BudgetTotal> {
    lines.into_iter().map(BudgetTotal::from).collect()
}

#[derive(SimpleObject)]
pub struct BudgetTotals {
    pub overall: Vec<BudgetTotal>,
    pub by_life_area: Vec<BudgetTotal>,
    pub by_kind: Vec<BudgetTotal>,
    pub by_provider: Vec<BudgetTotal>,
    pub by_funding_source: Vec<BudgetTotal>,
}

#[derive(SimpleObject)]
pub struct Agreement {
    pub party_kind: ProviderKind,
    pub party_name: String,
    pub agreed_on: Date,
    /// Given to the plan as it stands; false once the plan changed since.
    pub current: bool,
}

/// A project's Budget di Salute, read through the project's row.
pub struct Budget {
    project: project::Model,
}

impl Budget {
    pub fn of(project: project::Model) -> Self {
        Budget { project }
    }
}

#[Object]
impl Budget {
    async fn resources(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<BudgetResource>> {
        let rows = loaders::many::<budget_resource::Entity>(ctx, self.project.id).await?;
        Ok(rows.into_iter().map(BudgetResource::from).collect())
    }

    async fn totals(&self, ctx: &Context<'_>) -> async_graphql::Result<BudgetTotals> {
        let resources = loaders::many::<budget_resource::Entity>(ctx, self.project.id).await?;
        // Every line's uses in one call: awaiting them line by line would
        // wait for one DataLoader round per line.
        let mut uses =
            loaders::many_of::<budget_use::Entity>(ctx, resources.iter().map(|r| r.id)).await?;
        let mut lines = Vec::with_capacity(resources.len());
        for r in resources {
            let uses = uses.remove(&r.id).unwrap_or_default();
            lines.push(ResourceLine {
                used: used_total(&uses),
                planned: Fixed2(r.planned_hundredths),
                life_area: r.life_area,
                kind: r.kind,
                provider: r.provider_name,
                funding_source: r.funding_source,
                unit: r.unit,
            });
        }
        let totals = budget_totals::budget_totals(&lines);
        Ok(BudgetTotals {
            overall: budget_totals_of(totals.overall),
            by_life_area: budget_totals_of(totals.by_life_area),
            by_kind: budget_totals_of(totals.by_kind),
            by_provider: budget_totals_of(totals.by_provider),
            by_funding_source: budget_totals_of(totals.by_funding_source),
        })
    }

    /// NONE until a party agrees; PARTIALLY_AGREED until the person and
    /// every provider organization have agreed (AGREED); TO_RENEW after the
    /// plan changed since.
    async fn agreement_status(&self) -> BudgetAgreementStatus {
        self.project.budget_agreement.into()
    }

    /// The parties whose agreement to the plan as it stands is still
    /// missing, by name: the person (or whoever represents them) first,
    /// then each provider organization with a line.
    async fn missing_parties(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<String>> {
        let (lines, agreements) = tokio::join!(
            loaders::many::<budget_resource::Entity>(ctx, self.project.id),
            loaders::many::<budget_agreement::Entity>(ctx, self.project.id),
        );
        Ok(budget::missing_parties(&lines?, &agreements?))
    }

    async fn agreements(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Agreement>> {
        let rows = loaders::many::<budget_agreement::Entity>(ctx, self.project.id).await?;
        Ok(rows
            .into_iter()
            .map(|a| Agreement {
                party_kind: a.party_kind.into(),
                party_name: a.party_name,
                agreed_on: Date(a.agreed_on),
                current: a.superseded_at.is_none(),
            })
            .collect())
    }
}

#[derive(InputObject)]
pub struct ResourceFields {
    pub life_area: LifeArea,
    pub kind: ResourceKind,
    pub provider_kind: ProviderKind,
    /// For ORGANIZATION providers.
    pub provider_id: Option<ID>,
    pub funding_source: FundingSource,
    pub description: String,
    /// For PROFESSIONAL resources.
    pub profession: Option<Profession>,
    pub unit: ResourceUnit,
    pub planned_quantity: Decimal,
    pub period_start: Date,
    pub period_end: Option<Date>,
}

impl ResourceFields {
    fn into_draft(self) -> Result<ResourceDraft, crate::error::AppError> {
        Ok(ResourceDraft {
            life_area: self.life_area.into(),
            kind: self.kind.into(),
            provider_kind: self.provider_kind.into(),
            provider_id: parse_optional_id(&self.provider_id, "providerId")?,
            funding_source: self.funding_source.into(),
            description: self.description,
            profession: self.profession.map(Into::into),
            unit: self.unit.into(),
            planned: self.planned_quantity.0,
            period_start: self.period_start.0,
            period_end: self.period_end.map(|d| d.0),
        })
    }
}

#[derive(InputObject)]
pub struct AddBudgetResourceInput {
    pub project_id: ID,
    #[graphql(flatten)]
    pub fields: ResourceFields,
}

#[derive(InputObject)]
pub struct UpdateBudgetResourceInput {
    pub resource_id: ID,
    pub expected_version: i32,
    #[graphql(flatten)]
    pub fields: ResourceFields,
}

#[derive(InputObject)]
pub struct RecordResourceUseInput {
    pub resource_id: ID,
    pub date: Date,
    pub quantity: Decimal,
    pub note: Option<String>,
}

/// A wrong use, cancelled by a reversing entry with the reason.
#[derive(InputObject)]
pub struct ReverseResourceUseInput {
    pub use_id: ID,
    pub reason: String,
}

#[derive(InputObject)]
pub struct AgreeBudgetInput {
    pub project_id: ID,
    pub party_kind: ProviderKind,
    /// For ORGANIZATION parties.
    pub organization_id: Option<ID>,
    /// Who agreed, for the person or the family.
    #[graphql(default)]
    pub party_name: String,
    pub agreed_on: Date,
}

#[derive(Default)]
pub struct BudgetMutation;

#[Object]
impl BudgetMutation {
    async fn add_budget_resource(
        &self,
        ctx: &Context<'_>,
        input: AddBudgetResourceInput,
    ) -> async_graphql::Result<BudgetResource> {
        let s = scope(ctx)?;
        let id = parse_id(&input.project_id, "projectId")?;
        Ok(
            budget::add_resource(s.db, s.caller, id, input.fields.into_draft()?)
                .await?
                .into(),
        )
    }

    async fn update_budget_resource(
        &self,
        ctx: &Context<'_>,
        input: UpdateBudgetResourceInput,
    ) -> async_graphql::Result<BudgetResource> {
        let s = scope(ctx)?;
        let id = parse_id(&input.resource_id, "resourceId")?;
        let resource = AtVersion::new(id, input.expected_version).with(input.fields.into_draft()?);
        Ok(budget::update_resource(s.db, s.caller, resource)
            .await?
            .into())
    }

    /// Over-use is allowed and flagged (`overused`), never refused.
    async fn record_resource_use(
        &self,
        ctx: &Context<'_>,
        input: RecordResourceUseInput,
    ) -> async_graphql::Result<BudgetResource> {
        let s = scope(ctx)?;
        let id = parse_id(&input.resource_id, "resourceId")?;
        Ok(budget::record_use(
            s.db,
            s.caller,
            id,
            input.date.0,
            input.quantity.0,
            input.note,
        )
        .await?
        .into())
    }

    /// Cancels a wrong use by a negative entry linked to it; the use stays,
    /// reversed. Refused for a use already reversed and for a reversal.
    async fn reverse_resource_use(
        &self,
        ctx: &Context<'_>,
        input: ReverseResourceUseInput,
    ) -> async_graphql::Result<BudgetResource> {
        let s = scope(ctx)?;
        let id = parse_id(&input.use_id, "useId")?;
        Ok(budget::reverse_use(s.db, s.caller, id, &input.reason)
            .await?
            .into())
    }

    /// One party's agreement; a later change to the plan marks it TO_RENEW.
    async fn agree_budget(
        &self,
        ctx: &Context<'_>,
        input: AgreeBudgetInput,
    ) -> async_graphql::Result<IndividualProject> {
        let s = scope(ctx)?;
        let id = parse_id(&input.project_id, "projectId")?;
        let org = parse_optional_id(&input.organization_id, "organizationId")?;
        guard::require(
            ctx,
            budget::agree_budget(
                s.db,
                s.caller,
                id,
                input.party_kind.into(),
                org,
                &input.party_name,
                input.agreed_on.0,
            )
            .await?,
        )
        .await
    }
}
