//! Stage 8: alignment. Which claims, in different reports or twice in one,
//! measure the same quantity of the same event.
//!
//! Why keys and anchors instead of comparing pairs: two claims belong together
//! when they have the same measure key (kind, what is measured, time scope,
//! rate; see [`crate::frame::what`]) and share an event anchor (a place, a calendar
//! date, or for claims whose sentence names neither, their report's lead event;
//! see [`crate::frame::scope`]). Each claim is put in one bucket per anchor and joined
//! to the first claim of that bucket, so the cost grows with the number of
//! claims, not its square, and the groups (connected components) do not depend
//! on the order of the reports. Money joins only through a currency its members
//! share, as stated or as a conversion the report itself gives.

pub mod verdict;

use crate::claim::{Claim, Interval, Kind, Role};
use crate::knowledge::words;
use crate::read::date::{self, Published};
use crate::ReportClaims;
use serde::Serialize;
use std::collections::HashMap;
use verdict::Verdict;

/// Claims that measure the same quantity of the same event.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    /// `g<n>`, in order of the group's first claim.
    pub id: String,
    pub kind: Kind,
    /// The measure key the members share.
    pub measure: String,
    /// What the group measures, in words from its first claim.
    pub subject: String,
    /// The unit every member's `value` below is expressed in.
    pub unit: String,
    /// The member claims, in report order, each with its value in `unit`.
    pub members: Vec<Member>,
    pub verdict: Verdict,
    /// One or two sentences a reader understands, naming each report and figure.
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
}

/// A claim that may be aligned, with where it lives.
pub(crate) struct Candidate<'a> {
    pub claim: &'a Claim,
    /// When its report was published, when known.
    pub published: Option<Published>,
}

/// Groups the claims of all reports and decides each group's verdict.
pub fn groups(reports: &[ReportClaims]) -> Vec<Group> {
    let mut candidates: Vec<Candidate> = reports
        .iter()
        .flat_map(|r| {
            r.claims.iter().map(move |claim| Candidate {
                claim,
                published: r.published,
            })
        })
        .filter(|c| {
            c.claim.role == Role::Statement
                && !c.claim.measure.is_empty()
                && (c.claim.value.is_some() || c.claim.kind == Kind::Date)
        })
        .collect();
    // The same-event veto makes joining depend on which claim comes first, so
    // claims are taken in an order that does not depend on the order of the
    // reports: by report name, then position (a stable sort keeps the input order
    // between reports that share a name).
    candidates.sort_by(|a, b| {
        (&a.claim.report, a.claim.byte_start).cmp(&(&b.claim.report, b.claim.byte_start))
    });

    // Join claims that share (measure, anchor) or, for money, (measure, anchor,
    // currency), unless their places or dates say they are different events. A
    // bucket keeps a few representatives of mutually different events; a claim
    // joins the first it is compatible with.
    let mut parent: Vec<usize> = (0..candidates.len()).collect();
    let mut buckets: HashMap<(&str, &str, &str), Vec<usize>> = HashMap::new();
    // Anchors of a claim's own, beyond its event: a date's own day, month or
    // year; for other claims, the news cycle of their report (see `news_cycle`).
    // (A loop, not `map`/`collect`: each iterator chain is code in the wasm bundle.)
    let mut own_anchors: Vec<[Option<String>; 2]> = Vec::with_capacity(candidates.len());
    for candidate in &candidates {
        // A claim dated in its own words joins through its date alone ("killed
        // 46 people in January 2023" is not today's news).
        // (Anchors inherited from the lead are not the claim's own words.)
        let claim = candidate.claim;
        let inherited = !anchors(claim, "report:").is_empty();
        let names_date =
            !anchors(claim, "date:").is_empty() || !anchors(claim, "month:").is_empty();
        let dated = !inherited && names_date;
        own_anchors.push(match &claim.date {
            Some(date) => [date::anchor(date), None],
            None if dated || is_past(claim) => [None, None],
            None => news_cycle(candidate.published),
        });
    }
    for (n, candidate) in candidates.iter().enumerate() {
        let currencies = currencies(candidate.claim);
        let state = words::is_state(concept(candidate.claim)).then_some("state");
        // `what:` and `when:` anchors only tell events apart (see `same_event`);
        // they join nothing.
        let event_anchors = candidate
            .claim
            .event
            .iter()
            .map(String::as_str)
            .filter(|a| !a.starts_with("what:") && !a.starts_with("when:"));
        // A date joins only dates of its own day, month or year: two dates of
        // "the meeting" that share no day are taken for two meetings.
        let is_date = candidate.claim.kind == Kind::Date;
        let own = own_anchors[n].iter().flatten().map(String::as_str);
        let anchors = event_anchors.chain(state).filter(|_| !is_date).chain(own);
        for anchor in anchors {
            for currency in &currencies {
                let key = (candidate.claim.measure.as_str(), anchor, *currency);
                let representatives = buckets.entry(key).or_default();
                // A representative already in this claim's group needs no check.
                match representatives.iter().find(|&&r| {
                    find(&mut parent, r) == find(&mut parent, n)
                        || same_event(&candidates[r], candidate)
                }) {
                    Some(&r) => union(&mut parent, r, n),
                    None if representatives.len() < MAX_REPRESENTATIVES => representatives.push(n),
                    None => {}
                }
            }
        }
    }
    let mut components: HashMap<usize, Vec<usize>> = HashMap::new();
    for n in 0..candidates.len() {
        let root = find(&mut parent, n);
        components.entry(root).or_default().push(n);
    }
    let mut components: Vec<Vec<usize>> =
        components.into_values().filter(|c| c.len() > 1).collect();
    components.sort_by_key(|c| c[0]);

    let mut groups = Vec::new();
    for component in components {
        let members: Vec<&Candidate> = component.iter().map(|&n| &candidates[n]).collect();
        let Some((unit, values)) = common_values(&members) else {
            continue;
        };
        if values.len() < 2 {
            continue;
        }
        let (members, values): (Vec<&Candidate>, Vec<Interval>) =
            values.into_iter().map(|(k, v)| (members[k], v)).unzip();
        let first = members[0].claim;
        let (verdict, explanation) = verdict::decide(&members, &values, &unit);
        groups.push(Group {
            id: format!("g{}", groups.len()),
            kind: first.kind,
            measure: first.measure.clone(),
            subject: first.subject.clone(),
            unit,
            members: members
                .iter()
                .zip(&values)
                .map(|(m, v)| Member {
                    claim: m.claim.id.clone(),
                    value: *v,
                })
                .collect(),
            verdict,
            explanation,
        });
    }
    groups
}

/// Most different events one bucket tells apart; past that, a claim stays alone
/// (this bounds the work per claim, so alignment stays linear).
const MAX_REPRESENTATIVES: usize = 8;

/// False when two claims say they are different events: different places,
/// calendar dates, months, happenings or years, or one is a figure of the past
/// and the other is not. A shared weekday or country does not make them one
/// event ("a strike on Kharkiv on Friday" is not "a strike on Odesa on Friday").
/// Costs no allocation: a claim's anchors are sorted, so each kind is a slice.
fn same_event(a: &Candidate, b: &Candidate) -> bool {
    let (x, y) = (a.claim, b.claim);
    // One report states different figures of one quantity in one sentence only
    // when it names two sources ("more than four hours, according to Russian
    // media, while RIA Novosti said four and a half"): otherwise they count
    // different things ("706 released by the government and 181 by the Houthis").
    let one_sentence = x.report == y.report && x.sentence == y.sentence && x.source == y.source;
    // A count that says only what it counts ("about 250 passengers on board",
    // "licensed to carry 150 passengers") names different things in one report
    // (both claims have one measure key, so `x` says it for both).
    let bare_in_one_report = x.report == y.report
        && matches!(x.kind, Kind::Count | Kind::Ordinal)
        && concept(x).is_empty();
    // Dates of different years date different events ("the summit on April 11,
    // 2024" is last year's).
    let same_year = match (date_year(a), date_year(b)) {
        (Some(p), Some(q)) => p == q,
        _ => true,
    };
    let agree = |prefix: &str| {
        let (p, q) = (anchors(x, prefix), anchors(y, prefix));
        p.is_empty() || q.is_empty() || p.iter().any(|e| q.contains(e))
    };
    let places_agree =
        || agree("place:") || distinct_places_may_agree(anchors(x, "place:"), anchors(y, "place:"));
    let apart_in_one_report = one_sentence || bare_in_one_report;
    !apart_in_one_report
        // A figure of the past ("last year") is not one of the day's news.
        && is_past(x) == is_past(y)
        && same_year
        && agree("date:")
        && agree("month:")
        && agree("what:")
        && places_agree()
}

/// The concept of a claim's measure key (`kind:dimension:concept:…`).
fn concept(claim: &Claim) -> &str {
    claim.measure.split(':').nth(2).unwrap_or("")
}

/// True for a figure its report puts in the past (`when:past`).
fn is_past(claim: &Claim) -> bool {
    !anchors(claim, "when:").is_empty()
}

/// The anchors of `claim` that start with `prefix` (its anchors are sorted).
fn anchors<'c>(claim: &'c Claim, prefix: &str) -> &'c [String] {
    let start = claim.event.partition_point(|e| e.as_str() < prefix);
    let len = claim.event[start..]
        .iter()
        .take_while(|e| e.starts_with(prefix))
        .count();
    &claim.event[start..start + len]
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

/// Places that differ tell events apart only when they are of one standing:
/// two towns (Kharkiv, Odesa), or two countries when neither names a town. A
/// country may contain the other's town ("in Peru" and "in the Huancavelica
/// region"), and a street lies in a town ("on Avenida da Liberdade" in Lisbon).
fn distinct_places_may_agree(x: &[String], y: &[String]) -> bool {
    // (names a town, names a country)
    let standing = |places: &[String]| {
        places
            .iter()
            .fold((false, false), |(town, country), place| {
                let name = place.strip_prefix("place:").unwrap_or(place);
                if words::is_country(name) {
                    (town, true)
                } else {
                    (town || !words::is_part_of_town(name), country)
                }
            })
    };
    let ((x_town, x_country), (y_town, y_country)) = (standing(x), standing(y));
    let both_towns = x_town && y_town;
    let both_only_countries = !x_town && !y_town && x_country && y_country;
    !(both_towns || both_only_countries)
}

/// Reports published on the same day or on consecutive days are taken to
/// report the same news: their claims share an anchor for the day of
/// publication and for the day before, so claims with the same measure join
/// across them unless their own places or dates say otherwise. An undated
/// report has no news cycle.
fn news_cycle(published: Option<Published>) -> [Option<String>; 2] {
    let day = published.map(|p| p.day);
    // Whole days, written as integers (formatting an `f64` would add its
    // algorithms, 20 KB, to the wasm bundle).
    let anchor = |back: i64| day.map(|d| ["cycle:", &(d - back).to_string()].concat());
    [anchor(0), anchor(1)]
}

/// Currencies a money claim can be compared in: its own and its stated
/// conversions. Other kinds compare in their one unit, named "" here.
fn currencies(claim: &Claim) -> Vec<&str> {
    if claim.kind != Kind::Money {
        return vec![""];
    }
    std::iter::once(claim.unit.as_str())
        .chain(claim.conversions.iter().map(|c| c.unit.as_str()))
        .collect()
}

/// The unit a group is compared in, and each member's value in it (by member
/// index). Durations compare in hours; money in the currency most members
/// state (members without it drop out); other kinds share their unit by key.
fn common_values(members: &[&Candidate]) -> Option<(String, Vec<(usize, Interval)>)> {
    let first = members.first()?.claim;
    match first.kind {
        Kind::Duration => {
            let hour = crate::knowledge::units::by_name("hour")?;
            let values = members
                .iter()
                .enumerate()
                .filter_map(|(k, m)| Some((k, m.claim.value_in(hour.name)?)))
                .collect();
            Some(("hour".into(), values))
        }
        Kind::Money => {
            let mut counts: Vec<(&str, usize)> = Vec::new();
            for m in members {
                for c in currencies(m.claim) {
                    match counts.iter_mut().find(|(code, _)| *code == c) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((c, 1)),
                    }
                }
            }
            // Most members first; a tie goes to the first code alphabetically, so
            // the choice does not depend on the order of the reports.
            let most = counts.iter().map(|&(_, n)| n).max()?;
            let best = counts
                .iter()
                .filter(|&&(_, n)| n == most)
                .map(|&(code, _)| code)
                .min()?;
            let values = members
                .iter()
                .enumerate()
                .filter_map(|(k, m)| {
                    let claim = m.claim;
                    if claim.unit == best {
                        claim.value.map(|v| (k, v))
                    } else {
                        claim
                            .conversions
                            .iter()
                            .find(|c| c.unit == best)
                            .map(|c| (k, c.value))
                    }
                })
                .collect();
            Some((best.to_string(), values))
        }
        Kind::Date => {
            // Days since 1970-01-01 when every date can be placed in a year (its
            // own, else the one nearest its report's date); else days of the
            // year, years set aside.
            let in_year = |m: &Candidate| date::days(m.claim.date.as_ref()?, date_year(m));
            let of_year = |m: &Candidate| date::days_of_year(m.claim.date.as_ref()?);
            let all_in_years = members.iter().all(|m| in_year(m).is_some());
            let mut values = Vec::new();
            for (k, m) in members.iter().enumerate() {
                let days = if all_in_years { in_year(m) } else { of_year(m) };
                values.extend(days.map(|v| (k, v)));
            }
            Some((
                if all_in_years { "day" } else { "dayOfYear" }.into(),
                values,
            ))
        }
        _ => Some((
            first.unit.clone(),
            members
                .iter()
                .enumerate()
                .filter_map(|(k, m)| Some((k, m.claim.value?)))
                .collect(),
        )),
    }
}

fn find(parent: &mut [usize], mut n: usize) -> usize {
    while parent[n] != n {
        parent[n] = parent[parent[n]];
        n = parent[n];
    }
    n
}

/// Joins two sets; the smaller index becomes the root, so results do not depend
/// on the order of joins.
fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[high] = low;
    }
}
