//! How long the audit trail is kept: events older than the retention are
//! pruned, never a younger one.

use chrono::{DateTime, Months, Utc};

/// The moment before which audit events may be pruned: `months` calendar
/// months before `now` (on the 31st, the last day of a shorter month).
pub fn prune_before(now: DateTime<Utc>, months: u32) -> DateTime<Utc> {
    now.checked_sub_months(Months::new(months))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_limit_is_the_same_moment_that_many_months_ago() {
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 14, 5, 0).unwrap();
        assert_eq!(
            prune_before(now, 24),
            Utc.with_ymd_and_hms(2024, 11, 27, 14, 5, 0).unwrap()
        );
        let end_of_month = Utc.with_ymd_and_hms(2026, 3, 31, 0, 0, 0).unwrap();
        assert_eq!(
            prune_before(end_of_month, 25),
            Utc.with_ymd_and_hms(2024, 2, 29, 0, 0, 0).unwrap()
        );
    }
}
