//! A change of one row made at the version its author saw: what every
//! version-checked update is given (`services::versions` refuses it as
//! stale when the row has moved on since).

use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct AtVersion<T> {
    /// The row changed.
    pub id: Uuid,
    /// The version the author saw.
    pub expected_version: i32,
    pub change: T,
}

impl AtVersion<()> {
    /// The row `id` at the version its author saw, before the change is
    /// read (an input's id is checked before its content).
    pub fn new(id: Uuid, expected_version: i32) -> Self {
        AtVersion {
            id,
            expected_version,
            change: (),
        }
    }

    pub fn with<T>(self, change: T) -> AtVersion<T> {
        AtVersion {
            id: self.id,
            expected_version: self.expected_version,
            change,
        }
    }
}
