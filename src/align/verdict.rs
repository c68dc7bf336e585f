//! Verdicts: what the intervals of one group say about each other, and why its
//! claims were linked, in sentences a reader understands.
//!
//! Why from intervals: two figures contradict only when no value satisfies both.
//! In one dimension, intervals that overlap pairwise share a common value
//! (Helly's theorem), so one pass that intersects them all tells contradiction
//! from consistency, without comparing every pair. A figure written without a
//! qualifier is a rounded figure: "€21 billion" and "more than €21 billion" are
//! consistent, "three hours" and "more than four hours" are not. Counts are
//! exact: 32 dead and 31 dead contradict.
//!
//! A conflict is not always an error: figures that rise as later reports come
//! in are a revision, and figures of parties who disagree (organisers and
//! police) differ by source. A figure of a part (a province, the hospitalised)
//! is shown beside its whole, never as a conflict. DESIGN.md gives the rules.

use crate::align::cluster::Cluster;
use crate::align::{date_days, Candidate, Group, Member};
use crate::claim::{Bound, Claim, Interval, Kind};
use crate::frame::{PlaceRelation, Statistic};
use crate::knowledge::{units, words};

/// The relation between the claims of one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// The claims conflict, and each figure is a different party's estimate
    /// (organisers and police, a ministry and a union): not an error by a report.
    SourcesDiffer,
    /// Not one quantity: a whole and figures of its parts (a province's toll and
    /// the country's), shown as context.
    PartOfWhole,
}

impl Verdict {
    /// True for the verdicts the widget marks on the page: the groups of one
    /// quantity whose figures are not all the same.
    pub fn is_highlighted(self) -> bool {
        !matches!(self, Verdict::Agreement | Verdict::PartOfWhole)
    }

    /// True when the group's claims are taken for one quantity.
    pub fn is_one_quantity(self) -> bool {
        self != Verdict::PartOfWhole
    }
}

/// The group of claims one cluster holds: their values in one unit, the
/// verdict and its explanation. `None` when fewer than two can be compared.
pub(crate) fn group(members: &[&Candidate], n: usize, confidence: f64) -> Option<Group> {
    let (unit, values) = common_values(members)?;
    if values.len() < 2 {
        return None;
    }
    let (members, values): (Vec<&Candidate>, Vec<Interval>) =
        values.into_iter().map(|(k, v)| (members[k], v)).unzip();
    let compared: Vec<Interval> = members
        .iter()
        .zip(&values)
        .map(|(m, v)| compared(m.claim, *v, &unit))
        .collect();
    let verdict = if values.iter().all(|v| same(v, &values[0])) {
        Verdict::Agreement
    } else if common(&compared).is_some() {
        Verdict::DiffersInPrecision
    } else if is_revision(&members, &compared) {
        Verdict::Revision
    } else if sources_differ(&members, &compared) {
        Verdict::SourcesDiffer
    } else {
        Verdict::Contradiction
    };
    let explanation = joined(
        &[
            linked_because(&members),
            explain(verdict, &members, &compared),
        ],
        " ",
    );
    let first = members[0].claim;
    Some(Group {
        id: format!("g{n}"),
        kind: first.kind,
        subject: first.subject.clone(),
        members: members
            .iter()
            .zip(&values)
            .map(|(m, v)| Member {
                claim: m.claim.id(),
                value: *v,
                part: false,
            })
            .collect(),
        unit,
        verdict,
        confidence,
        explanation,
    })
}

/// The unit a group is compared in, and each member's value in it (by member
/// index). Money compares in the currency most members state (members without
/// it, and no conversion into it, drop out: factmark never uses exchange rates
/// the reports do not give); dates in days; other measured kinds in the unit
/// most members write; counts in their one unit.
fn common_values(members: &[&Candidate]) -> Option<(String, Vec<(usize, Interval)>)> {
    let first = members.first()?.claim;
    if first.kind == Kind::Date {
        // Days since 1970-01-01 when every date can be placed in a year (its
        // own, else the one nearest its report's date); else days of the year.
        let in_years = members.iter().all(|m| date_days(m, true).is_some());
        let values = (0..members.len())
            .filter_map(|k| Some((k, date_days(members[k], in_years)?)))
            .collect();
        return Some(((if in_years { "day" } else { "dayOfYear" }).into(), values));
    }
    // The unit most members state (for money, as stated or converted); a tie
    // goes to the first alphabetically, so the choice does not depend on the
    // order of the reports.
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in members {
        let units = std::iter::once(m.claim.unit.as_str())
            .chain(m.claim.conversions.iter().map(|c| c.unit.as_str()));
        for u in units {
            match counts.iter_mut().find(|(name, _)| *name == u) {
                Some((_, n)) => *n += 1,
                None => counts.push((u, 1)),
            }
        }
    }
    let most = counts.iter().map(|&(_, n)| n).max()?;
    let best = counts
        .iter()
        .filter(|&&(_, n)| n == most)
        .map(|&(name, _)| name)
        .min()?;
    let values = members
        .iter()
        .enumerate()
        .filter_map(|(k, m)| {
            let value = if first.kind == Kind::Count || first.kind == Kind::Ordinal {
                m.claim.value
            } else {
                m.claim.value_in(best)
            };
            Some((k, value?))
        })
        .collect();
    Some((best.to_string(), values))
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

/// The interval a claim is compared with, `value` being its value in `unit`:
/// an unqualified figure of a measured quantity, or a count written with a
/// scale word ("6.2 million"), stands for everything that rounds to it, from
/// half a step of its last significant digit below to half a step above, the
/// upper end open ("21 billion" is 20.5 up to 21.5 billion, "4.5 hours" 4.45 up
/// to 4.55 hours: "2.1 million" and "2.2 million" share no value). The half
/// step is carried into `unit` by the units' factor (by the values' ratio for a
/// currency): "25 miles" compared in km. A strict bound at a round figure
/// ("over 200,000", "nearly 2,000", "more than 2 million") includes the figure:
/// it is written as loosely as the figure it qualifies.
pub(crate) fn compared(claim: &Claim, value: Interval, unit: &str) -> Interval {
    let written = claim.value.and_then(|v| v.low);
    let scale_word = claim.written.bytes().any(|b| b.is_ascii_alphabetic());
    let round = scale_word || claim.written.ends_with("00") && !claim.written.contains('.');
    match (claim.bound, value.low, written) {
        (Bound::Exact, Some(x), Some(w)) if (claim.kind.is_measured() || scale_word) && w > 0.0 => {
            // (One unit needs no lookup: its scale is 1 either way.)
            let scale = if claim.unit == unit {
                1.0
            } else {
                match (units::by_name(&claim.unit), units::by_name(unit)) {
                    (Some(from), Some(to)) => from.factor / to.factor,
                    _ => x / w,
                }
            };
            let half = crate::read::quantity::rounding_step(w) / 2.0 * scale;
            Interval {
                high_inclusive: false,
                ..Interval::closed(x - half, x + half)
            }
        }
        (Bound::Above | Bound::Below | Bound::JustBelow | Bound::JustAbove, ..) if round => {
            Interval {
                low_inclusive: value.low.is_some(),
                high_inclusive: value.high.is_some(),
                ..value
            }
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

/// Sources differ: every member says which kind of party gives its figure,
/// the authorities (police, officials) on one side and a party of the other
/// (organisers, a union) on the other, and each party's figures agree among
/// themselves. Two authorities are one side: their figures conflict.
fn sources_differ(members: &[&Candidate], compared: &[Interval]) -> bool {
    let parties: Vec<Option<&str>> = members.iter().map(|m| m.claim.frame.party).collect();
    if parties.iter().any(Option::is_none) {
        return false;
    }
    let authority = |p: &Option<&str>| p.is_some_and(words::is_authority);
    let mut distinct = crate::sort::sorted_by(&parties, &Ord::cmp);
    distinct.dedup();
    distinct.iter().any(authority)
        && distinct.iter().any(|p| !authority(p))
        && distinct.iter().all(|p| {
            let own: Vec<Interval> = parties
                .iter()
                .zip(compared)
                .filter(|(q, _)| *q == p)
                .map(|(_, v)| *v)
                .collect();
            common(&own).is_some()
        })
}

/// A revision: every member's report is dated, the figures of each date (and
/// time, when known) agree with each other, and they conflict only across them.
fn is_revision(members: &[&Candidate], compared: &[Interval]) -> bool {
    if members.iter().any(|m| m.published.is_none()) {
        return false;
    }
    let times: Vec<_> = members.iter().map(|m| m.published).collect();
    let mut times = crate::sort::sorted_by(&times, &Ord::cmp);
    times.dedup();
    times.len() > 1
        && times.iter().all(|t| {
            let same_time: Vec<Interval> = members
                .iter()
                .zip(compared)
                .filter(|(m, _)| m.published == *t)
                .map(|(_, v)| *v)
                .collect();
            common(&same_time).is_some()
        })
}

/// "Linked as one quantity: people killed, in Nepal, in reports of the same day."
fn linked_because(members: &[&Candidate]) -> String {
    let mut reasons = vec![members[0].claim.subject.clone()];
    let frames: Vec<_> = members.iter().map(|m| &m.claim.frame).collect();
    if let Some(place) = frames[0].places.iter().find(|p| {
        frames.iter().all(|f| {
            f.places.is_empty()
                || f.places
                    .iter()
                    .any(|q| q.relation(p) == PlaceRelation::Same)
        })
    }) {
        reasons.push(format!("in {}", title_case(&place.name)));
    }
    let days: Vec<i64> = members
        .iter()
        .filter_map(|m| m.published.map(|p| p.day))
        .collect();
    if days.len() == members.len() {
        let (first, last) = (days.iter().min(), days.iter().max());
        if let (Some(first), Some(last)) = (first, last) {
            reasons.push(match last - first {
                0 => "in reports of the same day".to_string(),
                1 => "in reports of consecutive days".to_string(),
                n => format!("in reports {n} days apart"),
            });
        }
    }
    format!("Linked as one quantity: {}.", joined(&reasons, ", "))
}

fn title_case(name: &str) -> String {
    let words: Vec<String> = name
        .split(' ')
        .map(|w| {
            // ASCII only: a name's other first letters stay as the report wrote them.
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| {
                std::iter::once(c.to_ascii_uppercase())
                    .chain(chars)
                    .collect()
            })
        })
        .collect();
    joined(&words, " ")
}

/// `parts` with `separator` between them: std's `join` costs the widget
/// about 1 KB of wasm for the same.
fn joined(parts: &[String], separator: &str) -> String {
    let mut out = String::new();
    for (n, part) in parts.iter().enumerate() {
        if n > 0 {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
}

/// "001.txt says “more than four hours” (RIA Novosti)".
fn cite(claim: &Claim) -> String {
    match &claim.source {
        Some(source) => format!("{} says “{}” ({})", claim.report, claim.text, source),
        None => format!("{} says “{}”", claim.report, claim.text),
    }
}

fn explain(verdict: Verdict, members: &[&Candidate], compared: &[Interval]) -> String {
    let claims: Vec<&Claim> = members.iter().map(|m| m.claim).collect();
    let cites = joined(&claims.iter().map(|c| cite(c)).collect::<Vec<_>>(), "; ");
    match verdict {
        Verdict::Agreement => format!("The reports agree: {cites}."),
        Verdict::DiffersInPrecision => {
            let sharpest = (0..compared.len())
                .min_by(|&a, &b| compared[a].width().total_cmp(&compared[b].width()))
                .unwrap_or(0);
            format!(
                "Consistent, but stated with different precision: {cites}. The sharpest figure, “{}” ({}), fits all of them.",
                claims[sharpest].text, claims[sharpest].report
            )
        }
        Verdict::Contradiction => {
            let (low, high) = furthest_apart(compared);
            format!(
                "These figures contradict each other: {cites}. No single value fits both “{}” ({}) and “{}” ({}).",
                claims[low].text, claims[low].report, claims[high].text, claims[high].report
            )
        }
        Verdict::SourcesDiffer => format!(
            "The sources give different figures: {cites}. Each is one party's estimate; the reports pass them on."
        ),
        Verdict::Revision => {
            let order = crate::sort::order(members.len(), &|a, b| {
                members[a].published.cmp(&members[b].published)
            });
            let steps = order
                .iter()
                .map(|&k| {
                    let when = members[k].published.map(|p| match p.iso_time() {
                        Some(time) => joined(&[p.iso_date(), time], " "),
                        None => p.iso_date(),
                    });
                    format!(
                        "{} ({}) says “{}”",
                        claims[k].report,
                        when.unwrap_or_default(),
                        claims[k].text
                    )
                })
                .collect::<Vec<_>>();
            let steps = joined(&steps, ", then ");
            format!("The figure was revised as reports came in: {steps}. The latest report's figure supersedes the earlier ones.")
        }
        Verdict::PartOfWhole => String::new(),
    }
}

/// The pair furthest apart: the highest lower bound against the lowest upper bound.
fn furthest_apart(compared: &[Interval]) -> (usize, usize) {
    let by_low = (0..compared.len())
        .max_by(|&a, &b| {
            compared[a]
                .low
                .unwrap_or(0.0)
                .total_cmp(&compared[b].low.unwrap_or(0.0))
        })
        .unwrap_or(0);
    let by_high = (0..compared.len())
        .min_by(|&a, &b| {
            compared[a]
                .high
                .unwrap_or(f64::INFINITY)
                .total_cmp(&compared[b].high.unwrap_or(f64::INFINITY))
        })
        .unwrap_or(0);
    (by_low, by_high)
}

/// The pairs (whole cluster, part cluster), by index in `clusters`, that some
/// pair of their claims links as a whole and its part (see
/// `features::part_of`): for each part, one whole, the one with the most claims
/// (a tie to the first).
pub(crate) fn parts_of_wholes(
    parts: &[(usize, usize)],
    clusters: &[Cluster],
) -> Vec<(usize, usize)> {
    let mut cluster_of = vec![0; clusters.iter().map(|c| c.members.len()).sum()];
    for (n, cluster) in clusters.iter().enumerate() {
        for &i in &cluster.members {
            if let Some(slot) = cluster_of.get_mut(i) {
                *slot = n;
            }
        }
    }
    // part cluster -> its whole cluster
    let mut whole_of: Vec<Option<usize>> = vec![None; clusters.len()];
    for &(whole, part) in parts {
        let (w, p) = (cluster_of[whole], cluster_of[part]);
        if w == p {
            continue;
        }
        let size = |c: usize| clusters[c].members.len();
        let better = match whole_of[p] {
            None => true,
            Some(current) => {
                (size(w), std::cmp::Reverse(w)) > (size(current), std::cmp::Reverse(current))
            }
        };
        if better {
            whole_of[p] = Some(w);
        }
    }
    whole_of
        .into_iter()
        .enumerate()
        .filter_map(|(p, w)| Some((w?, p)))
        .collect()
}

/// The `partOfWhole` group of a whole's claims and a part's: both in one unit,
/// the part's members marked.
pub(crate) fn part_of_whole(
    whole: &[&Candidate],
    part: &[&Candidate],
    n: usize,
    confidence: f64,
) -> Option<Group> {
    let all: Vec<&Candidate> = whole.iter().chain(part).copied().collect();
    let (unit, values) = common_values(&all)?;
    let has = |from: usize, to: usize| values.iter().any(|(k, _)| (from..to).contains(k));
    if !has(0, whole.len()) || !has(whole.len(), all.len()) {
        return None;
    }
    let first = whole[0].claim;
    let part_claim = part[0].claim;
    let why = part_reason(part_claim, first);
    let explanation = format!(
        "Not one quantity: {} says “{}” for {}, {why}, {} says “{}” for {}. Shown as context, not as a conflict.",
        part_claim.report, part_claim.text, part_claim.subject, first.report, first.text, first.subject
    );
    Some(Group {
        id: format!("g{n}"),
        kind: first.kind,
        subject: first.subject.clone(),
        unit,
        members: values
            .into_iter()
            .map(|(k, value)| Member {
                claim: all[k].claim.id(),
                value,
                part: k >= whole.len(),
            })
            .collect(),
        verdict: Verdict::PartOfWhole,
        confidence,
        explanation,
    })
}

/// Why a part is a part of a whole, in words: "a part of the figure that".
fn part_reason(part: &Claim, whole: &Claim) -> String {
    let (p, w) = (&part.frame, &whole.frame);
    if p.statistic == Statistic::Part {
        return "a part of the figure that".to_string();
    }
    if let (Some(a), Some(b)) = (p.predicate, w.predicate) {
        if words::predicate_within(a, b) {
            return "which is counted within the figure that".to_string();
        }
    }
    let place = p.places.iter().find_map(|a| {
        w.places
            .iter()
            .find(|b| a.relation(b) == PlaceRelation::Within)
            .map(|b| (a, b))
    });
    match place {
        Some((a, b)) => format!(
            "a figure for {}, which lies in {}, where",
            title_case(&a.name),
            title_case(&b.name)
        ),
        None => "a part of the figure that".to_string(),
    }
}
