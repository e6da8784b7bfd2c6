//! The lease a worker holds on the emails it claimed, as plain rules: when a
//! claim ends, how far a send extends it, and how long a worker keeps trying
//! to record an email it has sent.
//!
//! A claim holds its emails for `lease`. Just before sending one, the worker
//! extends that email's lease past the end of the send: the send is cut off
//! after `send_limit`, and the lease runs `lease` beyond that. So a send,
//! however slow, is over before another worker may take the email again, even
//! when the lease is shorter than one send; the extra `lease` also absorbs
//! clocks that differ between instances by less than that.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

/// How a worker holds the emails it claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeaseTerms {
    /// How long a claim holds an email waiting its turn in the batch.
    pub lease: Duration,
    /// The longest one send may take: it is cut off after that.
    pub send_limit: Duration,
}

/// The first wait before recording a sent email again; each next one doubles.
const FIRST_MARK_RETRY: Duration = Duration::from_millis(100);
const LONGEST_MARK_RETRY: Duration = Duration::from_secs(5);

impl LeaseTerms {
    /// When a claim made at `now` ends.
    pub fn claim_ends(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        after(now, self.lease)
    }

    /// When the lease of an email whose send starts at `now` ends: `lease`
    /// after the send's own deadline, `now + send_limit`.
    pub fn send_ends(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        after(after(now, self.send_limit), self.lease)
    }
}

/// The wait before the next try at recording a sent email (`tries` made so
/// far), or none when the lease has ended and it is time to give up. The
/// tries go on while the lease holds, so nobody can take the email and send
/// it again meanwhile, and the last one comes as the lease ends.
pub fn mark_retry_wait(
    tries: u32,
    now: DateTime<Utc>,
    lease_ends: DateTime<Utc>,
) -> Option<Duration> {
    let left = (lease_ends - now)
        .to_std()
        .ok()
        .filter(|left| !left.is_zero())?;
    let doubling = FIRST_MARK_RETRY.saturating_mul(2u32.saturating_pow(tries.min(16)));
    Some(doubling.min(LONGEST_MARK_RETRY).min(left))
}

fn after(instant: DateTime<Utc>, duration: Duration) -> DateTime<Utc> {
    TimeDelta::from_std(duration)
        .ok()
        .and_then(|delta| instant.checked_add_signed(delta))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(lease: u64, send_limit: u64) -> LeaseTerms {
        LeaseTerms {
            lease: Duration::from_secs(lease),
            send_limit: Duration::from_secs(send_limit),
        }
    }

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_800_000_000 + seconds, 0).unwrap()
    }

    #[test]
    fn a_claim_holds_its_emails_for_the_lease() {
        assert_eq!(terms(60, 60).claim_ends(at(0)), at(60));
    }

    #[test]
    fn a_send_holds_its_email_a_lease_past_the_send_deadline() {
        assert_eq!(terms(60, 60).send_ends(at(0)), at(120));
        // A lease shorter than one send still outlasts the send.
        assert_eq!(terms(1, 60).send_ends(at(10)), at(71));
    }

    #[test]
    fn an_enormous_lease_ends_at_the_end_of_time_instead_of_overflowing() {
        let huge = terms(u64::MAX / 4, 60);
        assert_eq!(huge.claim_ends(at(0)), DateTime::<Utc>::MAX_UTC);
        assert_eq!(huge.send_ends(at(0)), DateTime::<Utc>::MAX_UTC);
    }

    #[test]
    fn recording_a_sent_email_is_retried_sooner_then_later_while_the_lease_holds() {
        let ends = at(120);
        assert_eq!(
            mark_retry_wait(0, at(0), ends),
            Some(Duration::from_millis(100))
        );
        assert_eq!(
            mark_retry_wait(1, at(0), ends),
            Some(Duration::from_millis(200))
        );
        assert_eq!(
            mark_retry_wait(3, at(0), ends),
            Some(Duration::from_millis(800))
        );
        assert_eq!(
            mark_retry_wait(10, at(0), ends),
            Some(Duration::from_secs(5))
        );
        assert_eq!(
            mark_retry_wait(u32::MAX, at(0), ends),
            Some(Duration::from_secs(5))
        );
    }

    #[test]
    fn the_last_try_comes_as_the_lease_ends_and_then_the_worker_gives_up() {
        let ends = at(120);
        assert_eq!(
            mark_retry_wait(10, at(118), ends),
            Some(Duration::from_secs(2))
        );
        assert_eq!(mark_retry_wait(0, at(120), ends), None);
        assert_eq!(mark_retry_wait(0, at(121), ends), None);
    }
}
