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
use verdict::Verdict;

/// Claims that measure the same quantity of the same event; or, for a
/// `partOfWhole` group, a whole and the figures of its parts.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The claim's `id`.
    pub claim: String,
    /// The claim's value converted to the group's unit.
    pub value: Interval,
    /// In a `partOfWhole` group: this figure is a part (the others, the whole).
    pub part: bool,
}

/// A claim that may be aligned, with when its report was published.
#[derive(Clone, Copy)]
pub struct Candidate<'a> {
    pub claim: &'a Claim,
    /// When its report was published, when known.
    pub published: Option<Published>,
    /// The year its report speaks from: its publication's or, undated, the
    /// latest year of a date with a month on the page ("on October 24, 2023"),
    /// else the latest year it names at all (a year alone is as often a past
    /// or a target: "a 1997 storm", "by 2030").
    pub year: Option<i32>,
}

/// Most claims of one dimension compared pair by pair; past that, each claim
/// is compared with its `WINDOW` neighbours in the order of its predicate, then of publication.
const MAX_BLOCK: usize = 400;
const WINDOW: usize = 16;

/// Groups the claims of all reports and decides each group's verdict.
pub fn groups(reports: &[ReportClaims]) -> Vec<Group> {
    groups_at(reports, weights::THRESHOLD)
}

/// [`groups`] with another threshold of average linkage than the fitted one
/// (`scripts/fit_weights.py` chooses the threshold with it).
pub fn groups_at(reports: &[ReportClaims], threshold: f64) -> Vec<Group> {
    let candidates = candidates(reports);
    let scored = pairs(&candidates);
    let parts: Vec<(usize, usize)> = scored
        .iter()
        .filter_map(|(a, b, pair)| pair.part(a, b))
        .collect();
    let links = scored.iter().map(|(a, b, pair)| Link {
        a,
        b,
        score: pair.score(),
    });
    let linkage = cluster::Groups::new(candidates.len(), links);
    // The groups hold what clustering needs: the pairs go before it runs.
    drop(scored);
    let clusters = linkage.clusters(threshold);
    let mut groups = Vec::new();
    for cluster in clusters.iter().filter(|c| c.members.len() > 1) {
        let members: Vec<&Candidate> = cluster.members.iter().map(|&i| &candidates[i]).collect();
        if let Some(group) = verdict::group(&members, groups.len(), cluster.confidence) {
            groups.push(group);
        }
    }
    for (whole, part) in verdict::parts_of_wholes(&parts, &clusters) {
        let (whole, part) = (&clusters[whole], &clusters[part]);
        let claims = |c: &cluster::Cluster| -> Vec<&Candidate> {
            c.members.iter().map(|&i| &candidates[i]).collect()
        };
        if let Some(group) =
            verdict::part_of_whole(&claims(whole), &claims(part), groups.len(), part.confidence)
        {
            groups.push(group);
        }
    }
    groups
}

/// The claims alignment compares, in an order that does not depend on the
/// order of the reports: by dimension, publication, report name and position
/// (a stable sort keeps the input order between reports that share a name).
pub fn candidates(reports: &[ReportClaims]) -> Vec<Candidate<'_>> {
    let page_dates = || {
        reports
            .iter()
            .flat_map(|r| &r.claims)
            .filter(|c| c.role == Role::Statement)
            .filter_map(|c| c.date.as_ref())
    };
    let with_month = page_dates()
        .filter(|d| d.month.is_some())
        .filter_map(|d| d.year)
        .max();
    let page_year = with_month.or_else(|| page_dates().filter_map(|d| d.year).max());
    let candidates: Vec<Candidate> = reports
        .iter()
        .flat_map(|r| {
            let year = r.published.and_then(|p| p.date().year).or(page_year);
            r.claims.iter().map(move |claim| Candidate {
                claim,
                published: r.published,
                year,
            })
        })
        .filter(|c| c.claim.role == Role::Statement && comparable(c.claim))
        .collect();
    fn key<'a>(c: &Candidate<'a>) -> (u8, Option<Published>, &'a str, u32) {
        (
            c.claim.kind as u8,
            c.published,
            &c.claim.report,
            c.claim.byte_start,
        )
    }
    crate::sort::sorted_by(&candidates, &|a, b| key(a).cmp(&key(b)))
}

/// A pair of candidates that alignment compared: the probability that it is
/// one quantity, unless it cannot be; whether each is the other's most alike
/// figure in its report; and, when one is a part of the other's whole, which
/// is the whole. Its two candidates are where it stands in [`Scored`]: 8
/// bytes a pair, and a page of figures has some thirty pairs each (why a pair
/// cannot be one quantity is in [`features::Context::features`]).
pub struct Pair {
    /// The probability; unused when `apart`.
    score: f32,
    /// The pair cannot be one quantity.
    apart: bool,
    pub mutual: bool,
    /// `Some(true)` when the first candidate is the whole and the second its part.
    first_is_whole: Option<bool>,
}

impl Pair {
    /// The probability that the pair is one quantity, or `None` when it cannot be.
    pub fn score(&self) -> Option<f32> {
        (!self.apart).then_some(self.score)
    }

    /// (whole, part) of the pair's candidates `a` and `b`, when one is a part
    /// of the other's whole.
    pub fn part(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        self.first_is_whole
            .map(|whole| if whole { (a, b) } else { (b, a) })
    }
}

/// Every pair alignment compared, in the order [`compared`] yields them from
/// the blocks, which say each pair's candidates again rather than each pair
/// holding them.
pub struct Scored {
    blocks: Vec<Vec<u32>>,
    pairs: Vec<Pair>,
}

impl Scored {
    /// Each pair with its candidates `a < b`.
    pub fn iter(&self) -> impl Iterator<Item = (usize, usize, &Pair)> + Clone + '_ {
        compared(&self.blocks)
            .zip(&self.pairs)
            .map(|((a, b), pair)| (a, b, pair))
    }
}

/// The pairs of candidates of one dimension alignment compares: all of them,
/// or, for a dimension of more claims than a page holds, each claim and its
/// `WINDOW` neighbours in the order of what they measure (predicate), then of
/// publication: figures of one measure from many reports meet, and the cost
/// stays linear. Each block is a dimension's candidates in that order; a
/// candidate is compared with the next `reach(block.len())` of its block.
fn blocks(candidates: &[Candidate]) -> Vec<Vec<u32>> {
    let mut blocks = Vec::new();
    let mut start = 0;
    while start < candidates.len() {
        let kind = candidates[start].claim.kind;
        let end = start + candidates[start..].partition_point(|c| c.claim.kind == kind);
        let mut block: Vec<usize> = (start..end).collect();
        if block.len() > MAX_BLOCK {
            // Stable: candidates are in publication order already.
            let predicate = |i: usize| candidates[i].claim.frame.predicate;
            crate::sort::sort_positions(&mut block, &|a, b| predicate(a).cmp(&predicate(b)));
        }
        blocks.push(block.into_iter().map(|i| i as u32).collect());
        start = end;
    }
    blocks
}

/// How many of the next candidates of its block a candidate is compared with.
fn reach(block: usize) -> usize {
    if block <= MAX_BLOCK {
        block
    } else {
        WINDOW
    }
}

/// Each compared pair `(i, j)`, `i < j`, in the order alignment scores them.
fn compared(blocks: &[Vec<u32>]) -> impl Iterator<Item = (usize, usize)> + Clone + '_ {
    blocks.iter().flat_map(|block| {
        let reach = reach(block.len());
        (0..block.len()).flat_map(move |n| {
            let i = block[n] as usize;
            block[n + 1..block.len().min(n + 1 + reach)]
                .iter()
                .map(move |&j| (i.min(j as usize), i.max(j as usize)))
        })
    })
}

/// How many pairs [`compared`] yields, so that the vectors of pairs are
/// allocated once at their size.
fn compared_count(blocks: &[Vec<u32>]) -> usize {
    blocks
        .iter()
        .map(|block| {
            let reach = reach(block.len());
            (0..block.len())
                .map(|n| reach.min(block.len() - 1 - n))
                .sum::<usize>()
        })
        .sum()
}

/// Every pair alignment compares, scored. Whether each of a pair is the other's
/// most alike figure in its report (one report states one quantity once, as a
/// rule) needs every pair: the probability counts it last.
pub fn pairs(candidates: &[Candidate]) -> Scored {
    let context = features::Context::new(candidates);
    let blocks = blocks(candidates);
    let count = compared_count(&blocks);
    let mut pairs = Vec::with_capacity(count);
    let mut likeness: Vec<f64> = Vec::with_capacity(count);
    for (i, j) in compared(&blocks) {
        let (a, b) = (&candidates[i], &candidates[j]);
        let same_report = context.report(i) == context.report(j);
        let first_is_whole = if features::part_of(b, a, same_report) {
            Some(true)
        } else if features::part_of(a, b, same_report) {
            Some(false)
        } else {
            None
        };
        let score = context.features(i, j).map(|(f, like)| {
            likeness.push(like);
            weights::logit(&f) as f32
        });
        if score.is_err() {
            likeness.push(f64::NEG_INFINITY);
        }
        pairs.push(Pair {
            score: score.unwrap_or(0.0),
            apart: score.is_err(),
            mutual: false,
            first_is_whole,
        });
    }
    let mut scored = Scored { blocks, pairs };
    mark_mutual(&context, &mut scored, &likeness);
    for pair in &mut scored.pairs {
        let mutual = if pair.mutual { weights::MUTUAL } else { 0.0 };
        if !pair.apart {
            pair.score = weights::sigmoid(f64::from(pair.score) + mutual) as f32;
        }
    }
    scored
}

/// The features of every pair alignment compares, as the scores were computed
/// from them, with the pair's candidates: for the corpus scorer and the fit of
/// the weights.
pub fn pair_features(
    candidates: &[Candidate],
) -> Vec<(usize, usize, Result<features::Features, features::Apart>)> {
    let context = features::Context::new(candidates);
    pairs(candidates)
        .iter()
        .map(|(a, b, pair)| {
            let features = context.features(a, b).map(|(mut f, _)| {
                f[features::COUNT - 1] = if pair.mutual { 1.0 } else { 0.0 };
                f
            });
            (a, b, features)
        })
        .collect()
}

/// Marks the pairs of claims of different reports that are each the other's
/// most alike figure in its report (by `likeness`; a tie to the first pair).
/// Each claim's scored pairs are listed with the other's report and side
/// (8 bytes a pair each way) and ordered by them, then by likeness from the
/// highest: each run's first is the claim's best pair with that report on
/// that side. (A report's candidates stand together in the order when names
/// are unique, as `check` makes them, so a report is on one side of a claim;
/// the side keeps two reports that share a name apart.)
fn mark_mutual(context: &features::Context, scored: &mut Scored, likeness: &[f64]) {
    let count = context.count();
    let apart = |k: usize| scored.pairs[k].apart;
    let ends = || {
        compared(&scored.blocks)
            .enumerate()
            .filter(|&(k, _)| !apart(k))
    };
    // Where each claim's pairs start in `incident`, then where the next goes.
    let mut start = vec![0u32; count + 1];
    for (_, (a, b)) in ends() {
        start[a + 1] += 1;
        start[b + 1] += 1;
    }
    for i in 0..count {
        start[i + 1] += start[i];
    }
    // Each claim's pairs, and the other claim's report and side (whether it
    // comes first): reports are at most MAX_REPORTS, so the two fit a u32.
    let mut incident = vec![(0u32, 0u32); start[count] as usize];
    let mut next = start.clone();
    for (k, (a, b)) in ends() {
        for (claim, other, first) in [(a, b, false), (b, a, true)] {
            let report_and_side = context.report(other) << 1 | u32::from(first);
            incident[next[claim] as usize] = (k as u32, report_and_side);
            next[claim] += 1;
        }
    }
    drop(next);
    // How many of its two claims a pair is the best pair of.
    let mut best_of = vec![0u8; scored.pairs.len()];
    for claim in 0..count {
        let own = &mut incident[start[claim] as usize..start[claim + 1] as usize];
        own.sort_unstable_by(|&(x, x_report_and_side), &(y, y_report_and_side)| {
            x_report_and_side
                .cmp(&y_report_and_side)
                .then(likeness[y as usize].total_cmp(&likeness[x as usize]))
                .then(x.cmp(&y))
        });
        for (n, &(k, report_and_side)) in own.iter().enumerate() {
            if n == 0 || own[n - 1].1 != report_and_side {
                best_of[k as usize] += 1;
            }
        }
    }
    drop(incident);
    for ((a, b), k) in compared(&scored.blocks).zip(0..) {
        let other_reports = context.report(a) != context.report(b);
        scored.pairs[k].mutual = other_reports && best_of[k] == 2;
    }
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
    Some(candidate.published?.year_nearest(date.month?))
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
