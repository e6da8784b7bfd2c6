//! Optimistic concurrency: a change names the version it was made on
//! (`expectedVersion`) and writes the next one, guarded by `version = expected`.

use crate::error::{AppError, AppResult};

/// The version a guarded update writes. The client's `expectedVersion` is any
/// Int; the largest one has no successor, and no record ever gets there.
pub fn next_version(expected: i32) -> AppResult<i32> {
    expected.checked_add(1).ok_or_else(|| {
        AppError::validation(
            "expectedVersion",
            "Questa versione della scheda non esiste: ricarica e riprova",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_version_follows_and_the_largest_int_is_refused() {
        assert_eq!(next_version(1).unwrap(), 2);
        let err = next_version(i32::MAX).unwrap_err();
        assert!(
            matches!(err, AppError::Validation { ref field, .. } if field == "expectedVersion")
        );
    }
}
