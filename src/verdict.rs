//! Verdicts: what the intervals of one group say about each other.
//! (Filled in by the alignment issue.)

use serde::Serialize;

/// The relation between the claims of one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// Every claim states the same interval.
    Agreement,
    /// The intervals overlap and at least one is sharper than another.
    DiffersInPrecision,
    /// Some pair of claims has no value in common.
    Contradiction,
    /// The claims disagree, but later reports revise earlier ones (a toll that rises).
    Revision,
}
