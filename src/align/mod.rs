//! Alignment: which claims, in different reports or twice in one, measure the
//! same quantity, and what their figures say about each other.
//!
//! Why a scored match: two claims are one quantity when their frames agree
//! slot by slot (what is counted, what happened to it, whose figure, where,
//! when, which statistic), and each slot is evidence of a different weight.
//! [`features`] reads a pair's evidence and its cannot-links; the weights are
//! fitted on labelled real news (`data/weights.tsv`); [`cluster`] groups by
//! average linkage, which a single wrong link cannot chain; [`verdict`] says
//! what each group's intervals mean, and finds the figures that are part of
//! another's whole. Claims are compared only within their dimension, and a
//! dimension of more claims than a page holds is compared in windows, so the
//! cost stays near-linear.

pub mod cluster;
pub mod features;
pub mod verdict;
pub mod weights;

use crate::claim::{Claim, Interval, Kind, Role};
use crate::read::date::{self, Published};
use crate::ReportClaims;
use cluster::Link;
use serde::Serialize;
use verdict::Verdict;
pub use weights::probability;

/// Claims that measure the same quantity of the same event; or, for a
/// `partOfWhole` group, a whole and the figures of its parts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// `g<n>`, in order of the group's first claim.
    pub id: String,
    pub kind: Kind,
    /// What the group measures, in words from its first claim.
    pub subject: String,
    /// The unit every member's `value` below is expressed in.
    pub unit: String,
    /// The member claims, in report order, each with its value in `unit`.
    pub members: Vec<Member>,
    pub verdict: Verdict,
    /// How likely the members are one quantity: the average, over every pair
    /// of them, of the fitted probability that the pair is one quantity (a
    /// pair that was not compared counts 0). For a `partOfWhole` group, that
    /// the part's figures are one quantity.
    pub confidence: f64,
    /// Sentences a reader understands: why the claims were linked, and what
    /// their figures say, naming each report, figure and source.
    pub explanation: String,
}

/// One claim of a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    /// The claim's `id`.
    pub claim: String,
    /// The claim's value converted to the group's unit.
    pub value: Interval,
    /// In a `partOfWhole` group: this figure is a part (the others, the whole).
    pub part: bool,
}

/// A claim that may be aligned, with when its report was published.
pub struct Candidate<'a> {
    pub claim: &'a Claim,
    /// When its report was published, when known.
    pub published: Option<Published>,
}

/// Most claims of one dimension compared pair by pair; past that, each claim
/// is compared with its `WINDOW` neighbours in publication order.
const MAX_BLOCK: usize = 1200;
const WINDOW: usize = 48;

/// Groups the claims of all reports and decides each group's verdict.
pub fn groups(reports: &[ReportClaims]) -> Vec<Group> {
    groups_at(reports, weights::THRESHOLD)
}

/// [`groups`] with another threshold of average linkage than the fitted one
/// (`scripts/fit_weights.py` chooses the threshold with it).
pub fn groups_at(reports: &[ReportClaims], threshold: f64) -> Vec<Group> {
    let candidates = candidates(reports);
    let scored = pairs(&candidates);
    let links: Vec<Link> = scored
        .iter()
        .map(|p| Link {
            a: p.a,
            b: p.b,
            score: p.features.as_ref().ok().map(weights::probability),
        })
        .collect();
    let parts: Vec<(usize, usize)> = scored.iter().filter_map(|p| p.part).collect();
    let clusters = cluster::average_linkage(candidates.len(), &links, threshold);
    let score: std::collections::HashMap<(usize, usize), f64> = links
        .iter()
        .filter_map(|l| Some(((l.a.min(l.b), l.a.max(l.b)), l.score?)))
        .collect();
    let confidence = |members: &[usize]| {
        let mut sum = 0.0;
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                sum += score.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0);
            }
        }
        let n = members.len() as f64;
        if n < 2.0 {
            1.0
        } else {
            sum / (n * (n - 1.0) / 2.0)
        }
    };
    let mut groups = Vec::new();
    for members in &clusters {
        if members.len() < 2 {
            continue;
        }
        let linked = confidence(members);
        let members: Vec<&Candidate> = members.iter().map(|&i| &candidates[i]).collect();
        if let Some(group) = verdict::group(&members, groups.len(), linked) {
            groups.push(group);
        }
    }
    for (whole, part) in verdict::parts_of_wholes(&parts, &clusters) {
        let linked = confidence(&part);
        let whole: Vec<&Candidate> = whole.iter().map(|&i| &candidates[i]).collect();
        let part: Vec<&Candidate> = part.iter().map(|&i| &candidates[i]).collect();
        if let Some(group) = verdict::part_of_whole(&whole, &part, groups.len(), linked) {
            groups.push(group);
        }
    }
    groups
}

/// The claims alignment compares, in an order that does not depend on the
/// order of the reports: by dimension, publication, report name and position
/// (a stable sort keeps the input order between reports that share a name).
pub fn candidates(reports: &[ReportClaims]) -> Vec<Candidate<'_>> {
    let mut candidates: Vec<Candidate> = reports
        .iter()
        .flat_map(|r| {
            r.claims.iter().map(move |claim| Candidate {
                claim,
                published: r.published,
            })
        })
        .filter(|c| c.claim.role == Role::Statement && comparable(c.claim))
        .collect();
    candidates.sort_by(|a, b| {
        (
            a.claim.kind as u8,
            a.published,
            &a.claim.report,
            a.claim.byte_start,
        )
            .cmp(&(
                b.claim.kind as u8,
                b.published,
                &b.claim.report,
                b.claim.byte_start,
            ))
    });
    candidates
}

/// A pair of candidates (by index) that alignment compared: its features, or
/// why it cannot be one quantity; and, when one is a part of the other's
/// whole, (whole, part).
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub features: Result<features::Features, features::Apart>,
    pub part: Option<(usize, usize)>,
}

/// Every pair of candidates of one dimension (in windows, for a dimension of
/// more claims than a page holds), with its features. The last feature needs
/// all pairs: whether each is the other's most alike figure in its report
/// (one report states one quantity once, as a rule).
pub fn pairs(candidates: &[Candidate]) -> Vec<Pair> {
    let mut pairs = Vec::new();
    let mut start = 0;
    while start < candidates.len() {
        let kind = candidates[start].claim.kind;
        let end = start + candidates[start..].partition_point(|c| c.claim.kind == kind);
        let reach = if end - start <= MAX_BLOCK {
            end - start
        } else {
            WINDOW
        };
        for i in start..end {
            for j in i + 1..end.min(i + 1 + reach) {
                let (a, b) = (&candidates[i], &candidates[j]);
                let part = if features::part_of(a, b) {
                    Some((j, i))
                } else if features::part_of(b, a) {
                    Some((i, j))
                } else {
                    None
                };
                pairs.push(Pair {
                    a: i,
                    b: j,
                    features: features::pair(a, b),
                    part,
                });
            }
        }
        start = end;
    }
    features::weigh_overlaps(candidates, &mut pairs);
    features::mark_most_alike(candidates, &mut pairs);
    pairs
}

/// Claims alignment compares: amounts and dates, not times of day or
/// claims without a value.
fn comparable(claim: &Claim) -> bool {
    match claim.kind {
        Kind::Time => false,
        Kind::Date => claim.date.is_some() && claim.frame.predicate.is_some(),
        _ => claim.value.is_some(),
    }
}

/// The year a date claim falls in: the one it states, else the one nearest its
/// report's publication date ("December 28" in a report of January 2 is last
/// year's).
fn date_year(candidate: &Candidate) -> Option<i32> {
    let date = candidate.claim.date.as_ref()?;
    if date.year.is_some() {
        return date.year;
    }
    let published = candidate.published?.date();
    let (year, month) = (published.year?, i32::from(published.month?));
    Some(match i32::from(date.month?) - month {
        gap if gap > 6 => year - 1,
        gap if gap < -6 => year + 1,
        _ => year,
    })
}

/// A date claim's days: since 1970-01-01 when it can be placed in a year, else
/// of the year.
pub(crate) fn date_days(candidate: &Candidate, in_years: bool) -> Option<Interval> {
    let value = candidate.claim.date.as_ref()?;
    if in_years {
        date::days(value, date_year(candidate))
    } else {
        date::days_of_year(value)
    }
}
