//! The server's notion of "today": UTC, whole days (membership dates, ages,
//! overdue reviews).

use chrono::{NaiveDate, Utc};

pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}
