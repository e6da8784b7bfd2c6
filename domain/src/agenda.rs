//! The agenda (issue 17): what is coming for a user and their teams —
//! reviews due, scheduled UVM assessments, expected discharges, planned
//! meetings, diary follow-ups — with what is overdue first. The rules of the
//! window asked, of "overdue", of the order and of the day-before reminder
//! are here; the services read the sources.

use std::cmp::Ordering;

use chrono::{Days, NaiveDate};

use crate::network_agreements::Refusal;

/// The widest window one `agenda` query may ask: a month view with the
/// days of the weeks around it fits.
pub const MAX_SPAN_DAYS: u64 = 62;
/// How far back an open, overdue item is still brought into a window that
/// contains today: a review forgotten for more than a year is a matter for
/// the caseload, not for this week's agenda.
pub const OVERDUE_LOOKBACK_DAYS: u64 = 366;
/// The calendar feed carries the next days of the user's own agenda.
pub const FEED_DAYS: u64 = 60;
/// The calendar feed's secret begins with this, so that a leaked one is
/// recognised (and found by secret scanners) for what it is.
pub const FEED_TOKEN_PREFIX: &str = "ponte_cal_";

/// `from..=to`, in order and no wider than [`MAX_SPAN_DAYS`].
pub fn check_window(from: NaiveDate, to: NaiveDate) -> Result<(), Refusal> {
    if to < from {
        return Err((
            "to",
            "La fine del periodo precede l'inizio: controlla le date".into(),
        ));
    }
    let widest = from
        .checked_add_days(Days::new(MAX_SPAN_DAYS))
        .unwrap_or(NaiveDate::MAX);
    if to > widest {
        return Err((
            "to",
            format!("L'agenda mostra al massimo {MAX_SPAN_DAYS} giorni alla volta"),
        ));
    }
    Ok(())
}

/// The dates the sources are read between. A window that contains today
/// also brings what is still open and overdue from before it (up to
/// [`OVERDUE_LOOKBACK_DAYS`]): the agenda shows it first.
pub fn read_between(from: NaiveDate, to: NaiveDate, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    if from <= today && today <= to {
        let lookback = today
            .checked_sub_days(Days::new(OVERDUE_LOOKBACK_DAYS))
            .unwrap_or(NaiveDate::MIN);
        (from.min(lookback), to)
    } else {
        (from, to)
    }
}

/// An item is overdue when its date has passed and it is still open (the
/// review not done, the meeting neither held nor cancelled, the discharge
/// neither completed nor cancelled). Every source lists open items only.
pub fn is_overdue(date: NaiveDate, today: NaiveDate, open: bool) -> bool {
    open && date < today
}

/// The agenda's order: overdue items first, the oldest first; then by date.
/// Ties keep the caller's order (a sort by this is stable).
pub fn agenda_order(a: (bool, NaiveDate), b: (bool, NaiveDate)) -> Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

/// The day-before reminder is for an item due tomorrow.
pub fn reminder_due(date: NaiveDate, today: NaiveDate) -> bool {
    today.succ_opt() == Some(date)
}

/// The window of the calendar feed: today and the next [`FEED_DAYS`] days.
pub fn feed_window(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let to = today
        .checked_add_days(Days::new(FEED_DAYS))
        .unwrap_or(today);
    (today, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_window_is_in_order_and_at_most_62_days() {
        assert!(check_window(d(2026, 11, 1), d(2026, 11, 1)).is_ok());
        assert!(check_window(d(2026, 11, 1), d(2027, 1, 2)).is_ok());
        assert_eq!(
            check_window(d(2026, 11, 1), d(2027, 1, 3)).unwrap_err().0,
            "to"
        );
        assert_eq!(
            check_window(d(2026, 11, 2), d(2026, 11, 1)).unwrap_err().0,
            "to"
        );
    }

    #[test]
    fn a_window_with_today_reaches_back_for_overdue_items() {
        let today = d(2026, 11, 27);
        let (lo, hi) = read_between(d(2026, 11, 23), d(2026, 11, 29), today);
        assert_eq!(lo, d(2025, 11, 26));
        assert_eq!(hi, d(2026, 11, 29));
        // Next week's view shows next week only.
        assert_eq!(
            read_between(d(2026, 11, 30), d(2026, 12, 6), today),
            (d(2026, 11, 30), d(2026, 12, 6))
        );
    }

    #[test]
    fn overdue_is_past_and_open() {
        let today = d(2026, 11, 27);
        assert!(is_overdue(d(2026, 11, 26), today, true));
        assert!(!is_overdue(d(2026, 11, 27), today, true));
        assert!(!is_overdue(d(2026, 11, 26), today, false));
    }

    #[test]
    fn overdue_first_oldest_first_then_by_date() {
        let mut items = vec![
            (false, d(2026, 11, 29)),
            (true, d(2026, 11, 20)),
            (false, d(2026, 11, 27)),
            (true, d(2026, 11, 10)),
        ];
        items.sort_by(|a, b| agenda_order(*a, *b));
        assert_eq!(
            items,
            vec![
                (true, d(2026, 11, 10)),
                (true, d(2026, 11, 20)),
                (false, d(2026, 11, 27)),
                (false, d(2026, 11, 29)),
            ]
        );
    }

    #[test]
    fn the_reminder_is_the_day_before() {
        let today = d(2026, 11, 27);
        assert!(reminder_due(d(2026, 11, 28), today));
        assert!(!reminder_due(d(2026, 11, 27), today));
        assert!(!reminder_due(d(2026, 11, 29), today));
        assert_eq!(feed_window(today), (today, d(2027, 1, 26)));
    }
}
