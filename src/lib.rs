//! factmark reads the numbers in news reports as intervals, finds the numbers in
//! different reports that measure the same thing, and says whether they agree,
//! differ only in precision, or contradict each other.
//!
//! ```
//! let claims = factmark::read_claims("a", "The talks lasted more than four hours.").unwrap();
//! let talks = &claims[0];
//! assert_eq!(talks.text, "more than four hours");
//! assert_eq!(talks.unit, "hour");
//! let value = talks.value.unwrap();
//! assert_eq!((value.low, value.low_inclusive, value.high), (Some(4.0), false, None));
//!
//! let reports = [
//!     factmark::Report::new("a", "The talks in Geneva lasted more than four hours."),
//!     factmark::Report::new("b", "The talks in Geneva lasted four and a half hours."),
//! ];
//! let check = factmark::check(&reports).unwrap();
//! assert_eq!(check.groups[0].verdict, factmark::Verdict::DiffersInPrecision);
//! ```
//!
//! # Entry points
//! - [`read_claims`]: one report's text to its [`Claim`]s (the first stage alone).
//! - [`check`]: several reports to their claims and the [`Group`]s of claims that
//!   measure the same quantity, each with a [`Verdict`] and an explanation.
//!
//! The pipeline, one module per stage (DESIGN.md has the table): [`read`]
//! (tokens, each word classified once; layout; dates and numerals; quantities
//! into intervals with units and conversions; sources; claims) → [`frame`] (what
//! each claim measures, where and when, as typed slots) → [`align`] (pair
//! features and fitted weights, cannot-links, average-linkage groups, verdicts).
//! [`knowledge`] holds the tables generated from WordNet, GeoNames/ISO 3166 and
//! pint, and the hand-written words. [`offsets`] converts spans for JavaScript;
//! the `wasm` module is the only code that knows about JavaScript.
//!
//! # Untrusted input
//! Any `&str` is accepted and no input makes factmark panic (property tests and a
//! fuzz target back this). Time and memory grow linearly with the input: every
//! stage makes one pass over the tokens, or looks at a window of bounded size
//! around each number, and alignment compares every pair only within a block of
//! at most 400 claims of one kind, each claim with a bounded window beyond.
//! Inputs are capped: one report at [`MAX_REPORT_BYTES`], one check at
//! [`MAX_REPORTS`] reports and [`MAX_TOTAL_BYTES`] in all, and a report (and a
//! check) at one figure per [`BYTES_PER_CLAIM`] bytes (at least
//! [`MIN_CLAIMS_LIMIT`]); larger inputs get an [`Error`], never a hang.

pub mod align;
pub mod claim;
pub mod error;
pub mod frame;
pub mod json;
pub mod knowledge;
#[cfg(not(target_arch = "wasm32"))]
pub mod manifest;
pub mod offsets;
pub mod read;
mod sort;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use align::verdict::Verdict;
pub use align::Group;
pub use claim::{Bound, Claim, Conversion, DateValue, Interval, Kind, Role};
pub use error::Error;
pub use read::date::Published;

/// Largest report accepted, in UTF-8 bytes (64 MiB).
pub const MAX_REPORT_BYTES: usize = 64 << 20;
/// Most reports accepted in one check.
pub const MAX_REPORTS: usize = 100_000;
/// Largest total of all reports in one check, in UTF-8 bytes (256 MiB).
pub const MAX_TOTAL_BYTES: usize = 256 << 20;
/// A report may state at most one figure (claim) per this many bytes of its
/// text, and so may all reports of a check together (see [`max_claims`]).
/// The densest real news article of the corpus states one per 43 bytes.
pub const BYTES_PER_CLAIM: usize = 16;
/// Figures any report, and any check, may state whatever its length.
pub const MIN_CLAIMS_LIMIT: usize = 1_000;

/// Most figures (claims) a text of `bytes` bytes may state: one per
/// [`BYTES_PER_CLAIM`] bytes, and never fewer than [`MIN_CLAIMS_LIMIT`]. Each
/// claim costs a few kilobytes while reports are aligned, so this bounds the
/// memory a check takes by a multiple of its input (README, "Limits").
pub fn max_claims(bytes: usize) -> usize {
    (bytes / BYTES_PER_CLAIM).max(MIN_CLAIMS_LIMIT)
}

/// One report to check: its name, its publication date when known, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub name: String,
    /// Publication date as `YYYY-MM-DD`, optionally with a time (`YYYY-MM-DD
    /// HH:MM`, or ISO 8601 with `T` and a zone; see [`Published::parse`]). A
    /// date that is not a real calendar date counts as none; when there is
    /// none, a dateline in the text is used.
    pub date: Option<String>,
    pub text: String,
}

impl Report {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Report {
            name: name.into(),
            date: None,
            text: text.into(),
        }
    }
}

/// The claims of one report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportClaims {
    pub name: String,
    /// Publication date as `YYYY-MM-DD`: the one given, else the report's dateline.
    pub date: Option<String>,
    /// Publication time as `HH:MM` (UTC when the given date named a zone), when given.
    pub time: Option<String>,
    pub claims: Vec<Claim>,
    /// When the report was published, as alignment reads it.
    pub published: Option<Published>,
}

impl ReportClaims {
    /// A report's claims with its publication date: `date` as given (see
    /// [`Report::date`]), else the report's own dateline.
    pub fn new(name: String, date: Option<&str>, claims: Vec<Claim>) -> Self {
        let published = date
            .and_then(Published::parse)
            .or_else(|| read::dateline(&claims));
        ReportClaims {
            name,
            date: published.map(|p| p.iso_date()),
            time: published.and_then(|p| p.iso_time()),
            claims,
            published,
        }
    }
}

/// Everything a check finds: each report's claims and the groups across them.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub reports: Vec<ReportClaims>,
    pub groups: Vec<Group>,
}

/// Reads one report's numeric claims. `name` becomes part of each claim's id.
pub fn read_claims(name: &str, text: &str) -> Result<Vec<Claim>, Error> {
    read_within(name, text, None)
}

/// What is left of a check's cap on figures: `left` of `limit` for the
/// reports' `bytes` in all.
struct Allowance {
    left: usize,
    bytes: usize,
    limit: usize,
}

/// [`read_claims`] under the report's own cap on figures and, in a check,
/// what is left of the check's.
fn read_within(name: &str, text: &str, check: Option<&Allowance>) -> Result<Vec<Claim>, Error> {
    if text.len() > MAX_REPORT_BYTES {
        return Err(Error::ReportTooLarge {
            report: name.to_string(),
            bytes: text.len(),
        });
    }
    let own = max_claims(text.len());
    let cap = check.map_or(own, |c| own.min(c.left));
    read::claims_within(name, text, cap).map_err(|claims| match check {
        Some(c) if claims <= own => Error::TooManyClaimsInAll {
            report: name.to_string(),
            bytes: c.bytes,
            limit: c.limit,
        },
        _ => Error::TooManyClaims {
            report: name.to_string(),
            claims,
            bytes: text.len(),
            limit: own,
        },
    })
}

/// Reads every report, groups the claims that measure the same quantity and
/// decides each group's verdict.
pub fn check(reports: &[Report]) -> Result<Check, Error> {
    if reports.len() > MAX_REPORTS {
        return Err(Error::TooManyReports {
            count: reports.len(),
        });
    }
    let total: usize = reports.iter().map(|r| r.text.len()).sum();
    if total > MAX_TOTAL_BYTES {
        return Err(Error::TotalTooLarge { bytes: total });
    }
    // The claims of all reports together are capped too: else many short
    // reports, each under its own cap, would add up to any number.
    let limit = max_claims(total);
    let mut allowance = Allowance {
        left: limit,
        bytes: total,
        limit,
    };
    let mut read = Vec::with_capacity(reports.len());
    for (report, name) in reports.iter().zip(unique_names(reports)) {
        let claims = read_within(&name, &report.text, Some(&allowance))?;
        allowance.left -= claims.len();
        read.push(ReportClaims::new(name, report.date.as_deref(), claims));
    }
    let groups = align::groups(&read);
    Ok(Check {
        reports: read,
        groups,
    })
}

/// The reports' names, made unique so that claim ids are: a name given before
/// becomes "name (2)", "name (3)" …, skipping any name a report was given
/// ("X", "X", "X (2)" become "X", "X (3)", "X (2)"). Names that differed only
/// in what UTF-8 cannot hold (a lone surrogate from JavaScript) arrive equal
/// and are told apart the same way.
fn unique_names(reports: &[Report]) -> Vec<String> {
    // Sorted, not hashed (no hash tables of strings in the wasm): the reports
    // by name, stably, which also answers whether a name was given. The names
    // made for one name ("X (n)") never equal another's, so each name's
    // repeats, in report order, are numbered on their own.
    let order = sort::order(reports.len(), &|a, b| reports[a].name.cmp(&reports[b].name));
    let given = |name: &str| {
        order
            .binary_search_by(|&i| reports[i].name.as_str().cmp(name))
            .is_ok()
    };
    let mut names: Vec<String> = reports.iter().map(|r| r.name.clone()).collect();
    let mut n = 2;
    for (k, &i) in order.iter().enumerate() {
        let name = &reports[i].name;
        if k == 0 || reports[order[k - 1]].name != *name {
            n = 2;
            continue;
        }
        loop {
            let made = format!("{name} ({n})");
            n += 1;
            if !given(&made) {
                names[i] = made;
                break;
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    #[test]
    fn report_names_are_made_unique() {
        let reports: Vec<crate::Report> = ["X", "X", "X (2)", "X", "Y"]
            .iter()
            .map(|n| crate::Report::new(*n, "It lasted four hours."))
            .collect();
        assert_eq!(
            super::unique_names(&reports),
            ["X", "X (3)", "X (2)", "X (4)", "Y"]
        );
        let check = crate::check(&reports).expect("checks");
        let mut ids: Vec<String> = check
            .reports
            .iter()
            .flat_map(|r| r.claims.iter().map(crate::Claim::id))
            .collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "claim ids are unique");
    }
}
