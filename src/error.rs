//! The few ways a call can fail. Each message names the report and says what to do,
//! because in the browser it ends up in front of a CMS editor.

use std::fmt;

/// Why factmark declined an input. Reading itself never fails: any text yields claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// One report is longer than [`crate::MAX_REPORT_BYTES`].
    ReportTooLarge { report: String, bytes: usize },
    /// More reports than [`crate::MAX_REPORTS`] in one check.
    TooManyReports { count: usize },
    /// The reports together are longer than [`crate::MAX_TOTAL_BYTES`].
    TotalTooLarge { bytes: usize },
    /// One report states more figures than [`crate::max_claims`] allows for
    /// its length: more than prose can hold.
    TooManyClaims {
        report: String,
        claims: usize,
        bytes: usize,
        limit: usize,
    },
    /// The reports together state more figures than [`crate::max_claims`]
    /// allows for their total length; `report` is the one that passed it.
    TooManyClaimsInAll {
        report: String,
        bytes: usize,
        limit: usize,
    },
    /// The caller passed something that is not a list of reports (from JS only).
    InvalidInput(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::ReportTooLarge { report, bytes } => write!(
                f,
                "report \"{report}\" is {bytes} bytes, over factmark's limit of {} bytes; split it or leave it out",
                crate::MAX_REPORT_BYTES
            ),
            Error::TooManyReports { count } => write!(
                f,
                "{count} reports given, over factmark's limit of {}; check fewer at once",
                crate::MAX_REPORTS
            ),
            Error::TotalTooLarge { bytes } => write!(
                f,
                "the reports total {bytes} bytes, over factmark's limit of {} bytes; check fewer at once",
                crate::MAX_TOTAL_BYTES
            ),
            Error::TooManyClaims {
                report,
                claims,
                bytes,
                limit,
            } => write!(
                f,
                "report \"{report}\" states {claims} figures in {bytes} bytes, over factmark's limit of {limit} for its length (one figure per {} bytes, at least {}); news prose states far fewer, so it is probably a table or data, not an article: leave it out or check only its prose",
                crate::BYTES_PER_CLAIM,
                crate::MIN_CLAIMS_LIMIT
            ),
            Error::TooManyClaimsInAll {
                report,
                bytes,
                limit,
            } => write!(
                f,
                "the reports state more than {limit} figures in {bytes} bytes together (passed at report \"{report}\"), over factmark's limit for their length (one figure per {} bytes, at least {}); check fewer reports at once",
                crate::BYTES_PER_CLAIM,
                crate::MIN_CLAIMS_LIMIT
            ),
            Error::InvalidInput(why) => write!(f, "factmark was called with invalid input: {why}"),
        }
    }
}

impl std::error::Error for Error {}
