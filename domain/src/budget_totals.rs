//! The Budget di Salute summary: planned against used overall and by life
//! area, kind, provider and funding source, each group per unit, because
//! euros and hours are never added together.

use crate::money::{self, Fixed2, Line};
use crate::vocabulary::{FundingSource, LifeArea, ResourceKind, ResourceUnit};

/// The key of the one group that holds every line of the budget.
pub const OVERALL_KEY: &str = "TOTALE";

/// One resource line as the summary sees it: the names it is grouped by
/// (enum names, and the provider's display name), its unit, what was
/// planned and what has been used so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceLine {
    pub life_area: LifeArea,
    pub kind: ResourceKind,
    pub provider: String,
    pub funding_source: FundingSource,
    pub unit: ResourceUnit,
    pub planned: Fixed2,
    pub used: Fixed2,
}

/// Each grouping sorted by key, then unit, so the screen's tables come out
/// in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BudgetTotals {
    /// One row per unit, keyed [`OVERALL_KEY`].
    pub overall: Vec<Line>,
    pub by_life_area: Vec<Line>,
    pub by_kind: Vec<Line>,
    pub by_provider: Vec<Line>,
    pub by_funding_source: Vec<Line>,
}

/// What the lines used, added up; sums saturate (see
/// [`Fixed2::saturating_add`]).
pub fn used_total(uses: impl IntoIterator<Item = Fixed2>) -> Fixed2 {
    uses.into_iter().fold(Fixed2::ZERO, Fixed2::saturating_add)
}

/// Sums every grouping of the budget's lines.
pub fn budget_totals(lines: &[ResourceLine]) -> BudgetTotals {
    let group = |key: fn(&ResourceLine) -> &str| {
        money::totals_by(
            lines
                .iter()
                .map(|line| ((key(line), line.unit), line.planned, line.used)),
        )
        .into_iter()
        .map(|((key, unit), planned, used)| Line {
            key: key.to_owned(),
            unit,
            planned,
            used,
        })
        .collect()
    };
    BudgetTotals {
        overall: group(|_| OVERALL_KEY),
        by_life_area: group(|line| line.life_area.as_str()),
        by_kind: group(|line| line.kind.as_str()),
        by_provider: group(|line| &line.provider),
        by_funding_source: group(|line| line.funding_source.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(life_area: &str, provider: &str, unit: &str, planned: i64, used: i64) -> ResourceLine {
        ResourceLine {
            life_area: LifeArea::parse(life_area).expect("a life area"),
            kind: if unit == "EUR" {
                ResourceKind::Economic
            } else {
                ResourceKind::Professional
            },
            provider: provider.to_owned(),
            funding_source: FundingSource::Fna,
            unit: ResourceUnit::parse(unit).expect("a unit"),
            planned: Fixed2(planned),
            used: Fixed2(used),
        }
    }

    fn row(key: &str, unit: &str, planned: i64, used: i64) -> Line {
        Line {
            key: key.to_owned(),
            unit: ResourceUnit::parse(unit).expect("a unit"),
            planned: Fixed2(planned),
            used: Fixed2(used),
        }
    }

    fn budget() -> Vec<ResourceLine> {
        vec![
            line("HOUSING", "Comune", "EUR", 100_000, 25_050),
            line("HOUSING", "ASST", "HOURS", 2_000, 2_500),
            line("SOCIAL_INCLUSION", "Comune", "EUR", 50_080, 0),
        ]
    }

    #[test]
    fn the_overall_total_is_one_row_per_unit_keyed_totale() {
        assert_eq!(
            budget_totals(&budget()).overall,
            [
                row("TOTALE", "EUR", 150_080, 25_050),
                row("TOTALE", "HOURS", 2_000, 2_500)
            ]
        );
    }

    #[test]
    #[rustfmt::skip]
    fn each_grouping_keeps_euros_and_hours_apart_in_key_order() {
        let totals = budget_totals(&budget());
        let expected = [
            ("life area", &totals.by_life_area, vec![row("HOUSING", "EUR", 100_000, 25_050), row("HOUSING", "HOURS", 2_000, 2_500), row("SOCIAL_INCLUSION", "EUR", 50_080, 0)]),
            ("provider", &totals.by_provider, vec![row("ASST", "HOURS", 2_000, 2_500), row("Comune", "EUR", 150_080, 25_050)]),
            ("kind", &totals.by_kind, vec![row("ECONOMIC", "EUR", 150_080, 25_050), row("PROFESSIONAL", "HOURS", 2_000, 2_500)]),
            ("funding source", &totals.by_funding_source, vec![row("FNA", "EUR", 150_080, 25_050), row("FNA", "HOURS", 2_000, 2_500)]),
        ];
        for (grouping, found, rows) in expected {
            assert_eq!(*found, rows, "by {grouping}");
        }
    }

    /// The FNA measures are their own groups, next to the lines whose
    /// measure is not stated: a report can add them up, the budget does not
    /// guess which measure an unstated line belongs to.
    #[test]
    fn the_fna_measures_are_grouped_apart_next_to_fna() {
        let mut lines = budget();
        lines[1].funding_source = FundingSource::FnaB2;
        lines[2].funding_source = FundingSource::FnaB1;
        let totals = budget_totals(&lines);
        let keys: Vec<(&str, ResourceUnit)> = totals
            .by_funding_source
            .iter()
            .map(|l| (l.key.as_str(), l.unit))
            .collect();
        assert_eq!(
            keys,
            [
                ("FNA", ResourceUnit::Eur),
                ("FNA_B1", ResourceUnit::Eur),
                ("FNA_B2", ResourceUnit::Hours)
            ]
        );
    }

    #[test]
    fn a_group_used_beyond_its_plan_is_overused() {
        let totals = budget_totals(&budget());
        let overused: Vec<&str> = totals
            .by_provider
            .iter()
            .filter(|l| l.is_overused())
            .map(|l| l.key.as_str())
            .collect();
        assert_eq!(overused, ["ASST"]);
    }

    #[test]
    fn an_empty_budget_has_no_rows() {
        assert_eq!(budget_totals(&[]), BudgetTotals::default());
    }

    #[test]
    fn uses_add_up_and_saturate_instead_of_overflowing() {
        assert_eq!(used_total([]), Fixed2::ZERO);
        assert_eq!(used_total([Fixed2(150), Fixed2(25)]), Fixed2(175));
        assert_eq!(used_total([Fixed2(i64::MAX), Fixed2(1)]), Fixed2(i64::MAX));
    }
}
