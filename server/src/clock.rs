//! The server's notion of "now" and "today" (UTC; whole days for membership
//! dates, ages, overdue reviews), read from a `Clock` held in the application
//! state and handed to every request in its `Caller`.
//!
//! In production the clock is the system's. Tests hold a `TestClock` and move
//! it forward instead of sleeping past a timeout: every expiry, lease,
//! backoff and throttle window is decided against the clock, while tokio's
//! timers (polling intervals, send deadlines) keep running on real time.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

/// Where the application reads the time. Cheap to clone: clones of a test
/// clock share its time.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// None for the system's clock.
    adjusted: Option<Arc<Adjusted>>,
}

#[derive(Debug)]
struct Adjusted {
    /// None: the clock runs with real time; else it stands still here.
    stopped_at: Option<DateTime<Utc>>,
    /// How far `advance` has moved it, in microseconds.
    ahead_micros: AtomicI64,
}

impl Clock {
    /// Real time.
    pub fn system() -> Clock {
        Clock { adjusted: None }
    }

    /// Stands still at `at` for good: the demo seed writes its past activity
    /// through the use cases, each on the day it happened.
    pub fn fixed(at: DateTime<Utc>) -> Clock {
        TestClock::stopped_at(at).clock()
    }

    pub fn now(&self) -> DateTime<Utc> {
        let Some(adjusted) = &self.adjusted else {
            return Utc::now();
        };
        let base = adjusted.stopped_at.unwrap_or_else(Utc::now);
        let ahead = TimeDelta::microseconds(adjusted.ahead_micros.load(Ordering::SeqCst));
        base.checked_add_signed(ahead)
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// A clock tests move forward. Production code only ever sees the `Clock`
/// it hands out, which cannot be moved.
#[derive(Clone, Debug)]
pub struct TestClock {
    adjusted: Arc<Adjusted>,
}

impl TestClock {
    /// Runs with real time, plus however far it has been advanced: rows
    /// written one after the other still get increasing times.
    pub fn running() -> TestClock {
        TestClock::starting(None)
    }

    /// Stands still at `at` until advanced.
    pub fn stopped_at(at: DateTime<Utc>) -> TestClock {
        TestClock::starting(Some(at))
    }

    fn starting(stopped_at: Option<DateTime<Utc>>) -> TestClock {
        TestClock {
            adjusted: Arc::new(Adjusted {
                stopped_at,
                ahead_micros: AtomicI64::new(0),
            }),
        }
    }

    /// The clock to hand to the application; it follows this one.
    pub fn clock(&self) -> Clock {
        Clock {
            adjusted: Some(self.adjusted.clone()),
        }
    }

    /// Moves the time on by `by`, for every holder of this clock at once.
    pub fn advance(&self, by: std::time::Duration) {
        let by = i64::try_from(by.as_micros()).unwrap_or(i64::MAX);
        // `fetch_update` only fails when the closure returns None; it never does.
        let _ =
            self.adjusted
                .ahead_micros
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |ahead| {
                    Some(ahead.saturating_add(by))
                });
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock().now()
    }

    pub fn today(&self) -> NaiveDate {
        self.clock().today()
    }
}

/// Real time's today, for code that runs outside any request and needs no
/// test to move it: the demo seed. Everything else reads a `Clock` (checked
/// by `time_is_read_through_the_clock` in `server/tests/layers.rs`).
pub fn today() -> NaiveDate {
    Clock::system().today()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn at(rfc3339: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
    }

    #[test]
    fn the_system_clock_reads_real_time() {
        let before = Utc::now();
        let now = Clock::system().now();
        let after = Utc::now();
        assert!(before <= now && now <= after);
        assert!(Clock::default().adjusted.is_none(), "real time by default");
    }

    #[test]
    fn a_stopped_clock_stands_still_until_advanced() {
        let test = TestClock::stopped_at(at("2026-03-01T23:59:30Z"));
        let clock = test.clock();
        assert_eq!(clock.now(), at("2026-03-01T23:59:30Z"));
        std::thread::sleep(Duration::from_millis(2));
        assert_eq!(clock.now(), at("2026-03-01T23:59:30Z"));
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());

        test.advance(Duration::from_secs(45));
        assert_eq!(clock.now(), at("2026-03-02T00:00:15Z"));
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            "the day turns with the clock"
        );
    }

    #[test]
    fn every_clone_of_a_test_clock_sees_it_advance() {
        let test = TestClock::stopped_at(at("2026-01-01T00:00:00Z"));
        let held_by_the_app = test.clock();
        let held_by_a_second_instance = held_by_the_app.clone();
        test.clone().advance(Duration::from_millis(1500));
        assert_eq!(held_by_the_app.now(), at("2026-01-01T00:00:01.5Z"));
        assert_eq!(held_by_a_second_instance.now(), test.now());
    }

    #[test]
    fn a_running_test_clock_keeps_time_and_jumps_when_advanced() {
        let test = TestClock::running();
        let first = test.now();
        assert!(first >= Utc::now() - TimeDelta::seconds(1));
        test.advance(Duration::from_secs(3600));
        let later = test.now();
        assert!(later - first >= TimeDelta::seconds(3600));
        assert!(later - Utc::now() <= TimeDelta::seconds(3601));
        assert!(test.now() >= later, "it does not go back");
    }

    #[test]
    fn advancing_past_the_end_of_time_stops_there_instead_of_overflowing() {
        let test = TestClock::stopped_at(at("2026-01-01T00:00:00Z"));
        test.advance(Duration::MAX);
        test.advance(Duration::MAX);
        assert_eq!(test.now(), DateTime::<Utc>::MAX_UTC);
    }
}
