//! Stage 9: verdicts. What the intervals of one group say about each other, in
//! a sentence a reader understands.
//!
//! Why from intervals: two figures contradict only when no value satisfies both.
//! In one dimension, intervals that overlap pairwise share a common value
//! (Helly's theorem), so one pass that intersects them all tells contradiction
//! from consistency, without comparing every pair. A figure written without a
//! qualifier is a rounded figure: "€21 billion" and "more than €21 billion" are
//! consistent, "three hours" and "more than four hours" are not. Counts are
//! exact: 32 dead and 31 dead contradict. DESIGN.md gives the thresholds.

use crate::align::Candidate;
use crate::claim::{Bound, Claim, Interval};
use crate::knowledge::units;
use crate::read::date::Published;
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
    /// The claims conflict, but each later report revises the figure of the
    /// earlier ones (a toll that rises through the day).
    Revision,
}

impl Verdict {
    /// True for the verdicts the widget marks on the page: every one but agreement.
    pub fn is_highlighted(self) -> bool {
        self != Verdict::Agreement
    }
}

/// Decides the verdict of a group whose members have `values` (in one unit), and explains it.
pub(crate) fn decide(members: &[&Candidate], values: &[Interval], unit: &str) -> (Verdict, String) {
    let compared: Vec<Interval> = members
        .iter()
        .zip(values)
        .map(|(m, v)| as_compared(m.claim, *v, unit))
        .collect();
    let verdict = if values.iter().all(|v| same(v, &values[0])) {
        Verdict::Agreement
    } else if common(&compared).is_some() {
        Verdict::DiffersInPrecision
    } else if is_revision(members, &compared) {
        Verdict::Revision
    } else {
        Verdict::Contradiction
    };
    (verdict, explain(verdict, members, values, &compared))
}

/// True when two intervals are equal up to floating-point noise.
fn same(a: &Interval, b: &Interval) -> bool {
    let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        (x, y) => x == y,
    };
    close(a.low, b.low)
        && close(a.high, b.high)
        && a.low_inclusive == b.low_inclusive
        && a.high_inclusive == b.high_inclusive
}

/// The interval a claim is compared with: an unqualified figure of a measured
/// (not counted) quantity stands for everything that rounds to it, half a step
/// of its last significant digit either way ("21 billion" is 20.5–21.5 billion,
/// "4.5 hours" is 4.45–4.55 hours).
/// A member's value is in the group's `unit`, which may not be its claim's
/// ("25 miles" compared in km): the half step of the figure as written is
/// carried over by the units' factor (by the values' ratio for a currency).
fn as_compared(claim: &Claim, value: Interval, unit: &str) -> Interval {
    let written = claim.value.and_then(|v| v.low);
    match (claim.bound, value.low, written) {
        (Bound::Exact, Some(x), Some(w)) if claim.kind.is_measured() && w > 0.0 => {
            let scale = match (units::by_name(&claim.unit), units::by_name(unit)) {
                (Some(from), Some(to)) => from.factor / to.factor,
                _ => x / w,
            };
            let half = crate::read::quantity::rounding_step(w) / 2.0 * scale;
            Interval::closed(x - half, x + half)
        }
        _ => value,
    }
}

/// The values every interval contains, if any.
fn common(values: &[Interval]) -> Option<Interval> {
    let mut all = *values.first()?;
    for v in &values[1..] {
        if !all.overlaps(v) {
            return None;
        }
        all = intersect(&all, v);
    }
    Some(all)
}

fn intersect(a: &Interval, b: &Interval) -> Interval {
    let low = match (a.low, b.low) {
        (Some(x), Some(y)) if x > y => (Some(x), a.low_inclusive),
        (Some(x), Some(y)) if y > x => (Some(y), b.low_inclusive),
        (Some(x), Some(_)) => (Some(x), a.low_inclusive && b.low_inclusive),
        (Some(x), None) => (Some(x), a.low_inclusive),
        (None, y) => (y, b.low_inclusive),
    };
    let high = match (a.high, b.high) {
        (Some(x), Some(y)) if x < y => (Some(x), a.high_inclusive),
        (Some(x), Some(y)) if y < x => (Some(y), b.high_inclusive),
        (Some(x), Some(_)) => (Some(x), a.high_inclusive && b.high_inclusive),
        (Some(x), None) => (Some(x), a.high_inclusive),
        (None, y) => (y, b.high_inclusive),
    };
    Interval {
        low: low.0,
        high: high.0,
        low_inclusive: low.1,
        high_inclusive: high.1,
    }
}

/// A revision: every member's report is dated, the figures of each date (and
/// time, when known) agree with each other, and they conflict only across them.
fn is_revision(members: &[&Candidate], compared: &[Interval]) -> bool {
    if members.iter().any(|m| m.published.is_none()) {
        return false;
    }
    let mut times: Vec<Published> = members.iter().filter_map(|m| m.published).collect();
    times.sort_unstable();
    times.dedup();
    times.len() > 1
        && times.iter().all(|t| {
            let same_time: Vec<Interval> = members
                .iter()
                .zip(compared)
                .filter(|(m, _)| m.published == Some(*t))
                .map(|(_, v)| *v)
                .collect();
            common(&same_time).is_some()
        })
}

/// "001.txt: “more than four hours” (RIA Novosti)".
fn cite(claim: &Claim) -> String {
    match &claim.source {
        Some(source) => format!("{} says “{}” ({})", claim.report, claim.text, source),
        None => format!("{} says “{}”", claim.report, claim.text),
    }
}

fn explain(
    verdict: Verdict,
    members: &[&Candidate],
    values: &[Interval],
    compared: &[Interval],
) -> String {
    let claims: Vec<&Claim> = members.iter().map(|m| m.claim).collect();
    let cites = claims
        .iter()
        .map(|c| cite(c))
        .collect::<Vec<_>>()
        .join("; ");
    match verdict {
        Verdict::Agreement => format!("The reports agree: {cites}."),
        Verdict::DiffersInPrecision => {
            let sharpest = (0..values.len())
                .min_by(|&a, &b| compared[a].width().total_cmp(&compared[b].width()))
                .unwrap_or(0);
            format!(
                "Consistent, but stated with different precision: {cites}. The sharpest figure, “{}” ({}), fits all of them.",
                claims[sharpest].text, claims[sharpest].report
            )
        }
        Verdict::Contradiction => {
            // The pair furthest apart: the highest lower bound against the lowest upper bound.
            let by_low = (0..values.len())
                .max_by(|&a, &b| {
                    compared[a]
                        .low
                        .unwrap_or(0.0)
                        .total_cmp(&compared[b].low.unwrap_or(0.0))
                })
                .unwrap_or(0);
            let by_high = (0..values.len())
                .min_by(|&a, &b| {
                    compared[a]
                        .high
                        .unwrap_or(f64::INFINITY)
                        .total_cmp(&compared[b].high.unwrap_or(f64::INFINITY))
                })
                .unwrap_or(0);
            format!(
                "These figures contradict each other: {cites}. No single value fits both “{}” ({}) and “{}” ({}).",
                claims[by_low].text,
                claims[by_low].report,
                claims[by_high].text,
                claims[by_high].report
            )
        }
        Verdict::Revision => {
            let mut order: Vec<usize> = (0..members.len()).collect();
            order.sort_by_key(|&k| members[k].published);
            let steps = order
                .iter()
                .map(|&k| {
                    let when = members[k].published.map(|p| match p.iso_time() {
                        Some(time) => [p.iso_date(), time].join(" "),
                        None => p.iso_date(),
                    });
                    format!(
                        "{} ({}) says “{}”",
                        claims[k].report,
                        when.unwrap_or_default(),
                        claims[k].text
                    )
                })
                .collect::<Vec<_>>()
                .join(", then ");
            format!("The figure was revised as reports came in: {steps}. The latest report's figure supersedes the earlier ones.")
        }
    }
}
