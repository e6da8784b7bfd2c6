//! When a budget line may be used: a use is dated within the line's period
//! (from its start, up to its end when it has one). A use outside it would
//! count against the wrong year's plan and funder.

use chrono::NaiveDate;

use crate::wording;

/// The line's period: from `start`, up to `end` when it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl Period {
    pub fn contains(self, day: NaiveDate) -> bool {
        self.start <= day && self.end.is_none_or(|end| day <= end)
    }

    /// "dal 01/09/2026 al 31/12/2026", or "dal 01/09/2026" for an open one.
    pub fn to_it(self) -> String {
        match self.end {
            Some(end) => format!(
                "dal {} al {}",
                wording::date(self.start),
                wording::date(end)
            ),
            None => format!("dal {}", wording::date(self.start)),
        }
    }
}

/// Why a use dated `day` cannot be recorded on a line of `period`, if not.
pub fn refuse_use_on(day: NaiveDate, period: Period) -> Option<String> {
    (!period.contains(day)).then(|| {
        format!(
            "La data dell'utilizzo è fuori dal periodo della risorsa ({})",
            period.to_it()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("a real day")
    }

    #[test]
    fn a_use_counts_from_the_first_to_the_last_day_of_the_period() {
        let closed = Period {
            start: day(9, 1),
            end: Some(day(12, 31)),
        };
        assert!(closed.contains(day(9, 1)));
        assert!(closed.contains(day(12, 31)));
        assert!(!closed.contains(day(8, 31)));
        let open = Period {
            start: day(9, 1),
            end: None,
        };
        assert!(open.contains(day(12, 31)));
        assert!(!open.contains(day(8, 31)));
    }

    #[test]
    fn the_refusal_says_the_period() {
        let closed = Period {
            start: day(9, 1),
            end: Some(day(12, 31)),
        };
        assert_eq!(
            refuse_use_on(day(8, 15), closed).as_deref(),
            Some("La data dell'utilizzo è fuori dal periodo della risorsa (dal 01/09/2026 al 31/12/2026)")
        );
        let open = Period {
            start: day(9, 1),
            end: None,
        };
        assert_eq!(
            refuse_use_on(day(8, 15), open).as_deref(),
            Some("La data dell'utilizzo è fuori dal periodo della risorsa (dal 01/09/2026)")
        );
        assert_eq!(refuse_use_on(day(9, 15), open), None);
    }
}
