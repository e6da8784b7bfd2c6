//! What a fault scenario reports: one row of the table the long form prints.

use std::fmt::Write as _;

/// How hard a scenario pushes: the README test command runs every scenario
/// `Short` (seconds each); the documented long form runs them `Long`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Short,
    Long,
}

impl Scale {
    /// `short` in the test command, `long` in the long form.
    pub fn pick<T>(self, short: T, long: T) -> T {
        match self {
            Scale::Short => short,
            Scale::Long => long,
        }
    }
}

/// One scenario's outcome. Counts that do not apply to a scenario (no email
/// in a lost-update race) are zero.
#[derive(Clone, Debug, Default)]
pub struct Row {
    pub scenario: String,
    /// The load held, in words: "2 instances, 40 clients × 25 mutations".
    pub load: String,
    /// The faults injected, in words: "SMTP down 3 s, then 4xx twice".
    pub faults: String,
    /// Writes the server acknowledged (a response with data and no error).
    pub acknowledged: u64,
    /// Acknowledged writes found in the database afterwards.
    pub found: u64,
    pub emails_expected: u64,
    pub emails_received: u64,
    /// Emails (or writes) that arrived more than once.
    pub duplicates: u64,
    /// Acknowledged writes or expected emails that are missing.
    pub lost: u64,
}

impl Row {
    /// The promise every scenario checks: nothing lost, nothing twice.
    pub fn assert_nothing_lost(&self) {
        assert_eq!(self.duplicates, 0, "{}: duplicates {self:?}", self.scenario);
        assert_eq!(self.lost, 0, "{}: lost {self:?}", self.scenario);
        assert_eq!(
            self.found, self.acknowledged,
            "{}: every acknowledged write is found {self:?}",
            self.scenario
        );
        assert_eq!(
            self.emails_received, self.emails_expected,
            "{}: every expected email arrived once {self:?}",
            self.scenario
        );
    }
}

/// The long form's table, in Markdown so it can be pasted into the README.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| scenario | load held | faults injected | writes acknowledged | writes found | emails expected | emails received | duplicates | lost |\n\
         |---|---|---|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            r.scenario,
            r.load,
            r.faults,
            r.acknowledged,
            r.found,
            r.emails_expected,
            r.emails_received,
            r.duplicates,
            r.lost
        );
    }
    out
}
