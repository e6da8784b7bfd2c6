//! The Ambito's indicators (issue 14.3–4): the catalogue and the values for
//! a period and a territory or team.

use async_graphql::{Context, Object, SimpleObject, ID};

use crate::domain::indicators::{self as catalogue, Figure};
use crate::graphql::context::scope;
use crate::graphql::ids::parse_optional_id;
use crate::graphql::scalars::Date;
use crate::graphql::vocabulary::{IndicatorBreakdown, IndicatorDimension, IndicatorUnit};
use crate::policy;
use crate::services::indicators::{self, IndicatorRequest, IndicatorResult};

/// One indicator of the catalogue: what it counts, in words, and where the
/// planning documents ask for it.
#[derive(SimpleObject)]
pub struct IndicatorDefinition {
    pub code: String,
    /// The LEPS or area it belongs to.
    pub group: String,
    pub title: String,
    pub definition: String,
    pub numerator: String,
    /// None for a plain count.
    pub denominator: Option<String>,
    pub unit: IndicatorUnit,
    /// The seed document and passage (`shared/seeds/`).
    pub source: String,
    /// What counts.
    pub counts: String,
    /// What does not count.
    pub excludes: String,
    /// Whether Ponte computes it; when not, `missingData` says what it lacks.
    pub computed: bool,
    pub missing_data: Option<String>,
}

impl From<&catalogue::IndicatorDefinition> for IndicatorDefinition {
    fn from(d: &catalogue::IndicatorDefinition) -> Self {
        IndicatorDefinition {
            code: d.code.to_owned(),
            group: d.group.to_owned(),
            title: d.title.to_owned(),
            definition: d.definition.to_owned(),
            numerator: d.numerator.to_owned(),
            denominator: d.denominator.map(str::to_owned),
            unit: d.unit.into(),
            source: d.source.to_owned(),
            counts: d.counts.to_owned(),
            excludes: d.excludes.to_owned(),
            computed: d.computed(),
            missing_data: d.missing_data.map(str::to_owned),
        }
    }
}

/// An indicator's figure over one period.
///
/// `value` is a Float: a count as a whole number, a RATIO from 0 to 1, DAYS
/// as a mean or median (a half day for an even median), EUR and HOURS as
/// the amount used in the period (the numerator in whole units, the
/// denominator the amount planned). It is null when there is nothing to
/// divide by or nothing measured, and when suppressed. A REPORTER sees
/// counts from 1 to 4 (`PONTE_SUPPRESSION_THRESHOLD` − 1) as null with
/// `suppressed: true`, and every value built on them; an amount resting on
/// fewer projects than that is suppressed whole.
#[derive(SimpleObject)]
pub struct IndicatorPeriodValue {
    pub from: Date,
    pub to: Date,
    pub value: Option<f64>,
    /// The count (or the ratio's numerator, or the amount used in whole
    /// units); null for a wait in days.
    pub numerator: Option<i32>,
    /// The ratio's base, how many discharges a wait was measured on, or the
    /// amount planned in whole units.
    pub denominator: Option<i32>,
    pub suppressed: bool,
}

/// One part of an amount over the whole period: the resources of one life
/// area, kind or funding source.
#[derive(SimpleObject)]
pub struct IndicatorPart {
    pub dimension: IndicatorDimension,
    /// The vocabulary's value: `HOUSING`, `ECONOMIC`, `FNA`…
    pub key: String,
    /// Its Italian name.
    pub label: String,
    pub value: Option<f64>,
    pub numerator: Option<i32>,
    pub denominator: Option<i32>,
    pub suppressed: bool,
}

/// An indicator over the period asked for, with its series by quarter or
/// month when a breakdown was asked for.
#[derive(SimpleObject)]
pub struct IndicatorValue {
    pub code: String,
    pub title: String,
    pub unit: IndicatorUnit,
    /// The figure over the whole period: `from`, `to`, `value`, … as in the series.
    #[graphql(flatten)]
    pub whole: IndicatorPeriodValue,
    pub series: Vec<IndicatorPeriodValue>,
    /// For the Budget di Salute's amounts, the whole period by life area,
    /// kind and funding source (only those with resources); else empty.
    pub parts: Vec<IndicatorPart>,
}

fn whole(n: Option<i64>) -> Option<i32> {
    n.map(|n| i32::try_from(n).unwrap_or(i32::MAX))
}

fn period_value(from: chrono::NaiveDate, to: chrono::NaiveDate, f: Figure) -> IndicatorPeriodValue {
    IndicatorPeriodValue {
        from: Date(from),
        to: Date(to),
        value: f.value,
        numerator: whole(f.numerator),
        denominator: whole(f.denominator),
        suppressed: f.suppressed,
    }
}

fn value_of(
    result: IndicatorResult,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> IndicatorValue {
    IndicatorValue {
        code: result.definition.code.to_owned(),
        title: result.definition.title.to_owned(),
        unit: result.definition.unit.into(),
        whole: period_value(from, to, result.figure),
        series: result
            .series
            .into_iter()
            .map(|(from, to, f)| period_value(from, to, f))
            .collect(),
        parts: result
            .parts
            .into_iter()
            .map(|p| IndicatorPart {
                dimension: p.dimension.into(),
                key: p.key.to_owned(),
                label: p.label.to_owned(),
                value: p.figure.value,
                numerator: whole(p.figure.numerator),
                denominator: whole(p.figure.denominator),
                suppressed: p.figure.suppressed,
            })
            .collect(),
    }
}

#[derive(Default)]
pub struct IndicatorQuery;

#[Object]
impl IndicatorQuery {
    /// Every indicator the planning documents ask for, computed or not yet.
    async fn indicator_catalogue(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<IndicatorDefinition>> {
        let s = scope(ctx)?;
        policy::can_read_indicator_catalogue(s.caller)?;
        Ok(catalogue::CATALOGUE
            .iter()
            .map(IndicatorDefinition::from)
            .collect())
    }

    /// The indicators `codes` (every computed one when absent) over
    /// `from..=to`, for persons resident in `territoryId` (or under it) and
    /// for the work of `teamId`. ADMIN anything; a REPORTER one of their
    /// territories; an operator a team they belong to. Audited.
    async fn indicators(
        &self,
        ctx: &Context<'_>,
        codes: Option<Vec<String>>,
        territory_id: Option<ID>,
        team_id: Option<ID>,
        from: Date,
        to: Date,
        #[graphql(default_with = "IndicatorBreakdown::None")] breakdown: IndicatorBreakdown,
    ) -> async_graphql::Result<Vec<IndicatorValue>> {
        let s = scope(ctx)?;
        let found = indicators::indicators(
            s.db,
            s.caller,
            s.config.suppression_threshold,
            IndicatorRequest {
                codes,
                territory_id: parse_optional_id(&territory_id, "territoryId")?,
                team_id: parse_optional_id(&team_id, "teamId")?,
                from: from.0,
                to: to.0,
                breakdown: breakdown.into(),
                export: None,
            },
        )
        .await?;
        Ok(found
            .into_iter()
            .map(|r| value_of(r, from.0, to.0))
            .collect())
    }
}
