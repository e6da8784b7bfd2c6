//! argon2id with OWASP parameters (m = 19456 KiB, t = 2, p = 1: `Argon2::default()`),
//! always run off the async runtime because a hash takes tens of milliseconds.
//! Checks of a password someone typed go through `PasswordChecks`, which runs
//! only as many at once as there are cores.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use argon2::password_hash::{
    rand_core::{OsRng, RngCore},
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use tokio::sync::{Semaphore, TryAcquireError};

use crate::error::{AppError, AppResult};

/// Verified against when the email is unknown, so that an unknown email and a
/// wrong password take the same time and cannot be told apart.
static DUMMY_HASH: LazyLock<Option<String>> =
    LazyLock::new(|| hash_blocking("ponte-dummy-password-for-timing").ok());

fn hash_blocking(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

fn verify_blocking(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Letters and digits that cannot be misread for one another (no 0/O, 1/l/I)
/// when an administrator reads a temporary password out over the phone.
const TEMPORARY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A temporary password from the operating system's random source: four
/// groups of four (about 92 bits), easy to read out and to type.
pub fn temporary() -> String {
    let mut out = String::with_capacity(19);
    for i in 0..16 {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        let pick = OsRng.next_u32() as usize % TEMPORARY_ALPHABET.len();
        out.push(char::from(TEMPORARY_ALPHABET[pick]));
    }
    out
}

pub async fn hash(password: String) -> AppResult<String> {
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::internal)
}

/// Checks `password` against `phc`, or against a dummy hash when there is no
/// user, and answers false in that case.
fn check_blocking(password: &str, phc: Option<&str>) -> bool {
    match phc {
        Some(phc) => verify_blocking(password, phc),
        None => {
            if let Some(dummy) = DUMMY_HASH.as_deref() {
                verify_blocking(password, dummy);
            }
            false
        }
    }
}

/// The password checks anyone can ask for (sign-in, password change) share
/// these permits, one per core: a flood of attempts queues briefly for a
/// free one and is then answered `RATE_LIMITED`, instead of piling up
/// blocking threads of 19 MiB each.
#[derive(Clone)]
pub struct PasswordChecks {
    permits: Arc<Semaphore>,
    wait: Duration,
}

impl PasswordChecks {
    pub fn new(at_once: usize, wait: Duration) -> PasswordChecks {
        PasswordChecks {
            permits: Arc::new(Semaphore::new(at_once.max(1))),
            wait,
        }
    }

    /// Checks `password` against `phc` (a dummy hash when there is no user,
    /// answering false, so that both take the same time) once a check is free
    /// within the wait; `RateLimited` if none is. The permit goes with the
    /// blocking thread: a request given up on still holds it until the hash ends.
    pub async fn verify(&self, password: String, phc: Option<String>) -> AppResult<bool> {
        let permit = match self.permits.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(TryAcquireError::Closed) => return Err(AppError::internal("no password checks")),
            Err(TryAcquireError::NoPermits) => {
                match tokio::time::timeout(self.wait, self.permits.clone().acquire_owned()).await {
                    Ok(Ok(permit)) => permit,
                    Ok(Err(closed)) => return Err(AppError::internal(closed)),
                    Err(_elapsed) => return Err(AppError::RateLimited),
                }
            }
        };
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            check_blocking(&password, phc.as_deref())
        })
        .await
        .map_err(AppError::internal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_password_is_long_enough_and_unambiguous() {
        let first = temporary();
        assert_eq!(first.len(), 19);
        assert!(crate::domain::account::check_password(&first).is_ok());
        assert!(!first.contains(['0', 'O', '1', 'l', 'I']));
        assert_ne!(first, temporary());
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let checks = PasswordChecks::new(1, Duration::from_secs(5));
        let verify = |password: &str, phc: Option<String>| checks.verify(password.into(), phc);
        let phc = hash("correct horse battery".into()).await.unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(verify("correct horse battery", Some(phc.clone()))
            .await
            .unwrap());
        assert!(!verify("wrong horse battery", Some(phc)).await.unwrap());
        assert!(!verify("anything at all", None).await.unwrap());
        assert!(!verify("x", Some("not a phc string".into())).await.unwrap());
    }

    #[tokio::test]
    async fn a_check_beyond_the_free_ones_is_rate_limited_after_the_wait() {
        let checks = PasswordChecks::new(1, Duration::from_millis(20));
        let held = checks.permits.clone().acquire_owned().await.unwrap();
        assert!(matches!(
            checks.verify("x".into(), None).await,
            Err(AppError::RateLimited)
        ));
        drop(held);
        assert!(!checks.verify("x".into(), None).await.unwrap());
    }
}
