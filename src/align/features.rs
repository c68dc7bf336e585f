//! How much two claims look like one quantity: the features of a pair, read
//! from their frames, and the hard reasons they cannot be one (cannot-links).
//!
//! Why features and not a key: a key built from words either splits two
//! phrasings of one crowd or joins a province's toll with the country's. Each
//! feature here is one comparison a fact-checker would make (same thing
//! counted? same place? same day?); their weights are fitted on the labelled
//! real-news corpus (`scripts/fit_weights.py` → `data/weights.tsv`), so the
//! evidence is weighed by data, not by hand. A cannot-link is a difference no
//! weight may outvote: two places of one standing, a figure of last year and
//! one of today, a forecast and an outcome. DESIGN.md lists both with the
//! fitted weights.

use crate::align::Candidate;
use crate::claim::{Bound, Claim, Kind};
use crate::frame::{DateAnchor, Frame, Place, PlaceRelation, Statistic, When};
use crate::knowledge::nouns::NounClass;
use crate::knowledge::words;
use crate::read::date::Published;

/// The names of the features, in the order of [`Features`]' values and of the
/// weights in `data/weights.tsv`.
pub const NAMES: [&str; COUNT] = [
    "counts",
    "percentages",
    "sums of money",
    "durations",
    "same counted noun",
    "different counted nouns",
    "a kind of the other's noun",
    "different classes of thing",
    "same predicate",
    "different predicates",
    "one predicate only",
    "nothing says what is measured",
    "same owner",
    "different owners",
    "one owner only",
    "shares of different wholes",
    "different time scopes",
    "same place",
    "same place named in both sentences",
    "one place holds the other",
    "different places, one from a lead",
    "places named in both sentences, unrelated",
    "places from a report's lead",
    "reports of one news cycle",
    "reports days apart",
    "one of the past",
    "one a change",
    "a part of a whole",
    "different happenings",
    "same report",
    "one sentence, two sources",
    "one report, two values",
    "values 1.1 to 1.5 times apart",
    "values 1.5 to 2 times apart",
    "values 2 to 5 times apart",
    "values over 5 times apart",
    "values agree",
    "values agree, one only by a bound",
    "the same value, bound and unit",
    "context words shared",
    "subject words shared",
    "different sources",
    "both in their reports' leads",
    "both in their reports' first sentences",
    "each the first of its measure in its report",
    "each the only one of its measure in its report",
    "the other's most alike figure",
];

/// How many features a pair has.
pub const COUNT: usize = 47;

/// A pair's feature values, each between 0 and 1.
pub type Features = [f64; COUNT];

/// Why two claims cannot measure one quantity (a cannot-link).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Apart {
    DifferentDimensions,
    OneSentence,
    UnconvertedCurrencies,
    PeopleAndThings,
    DifferentRoles,
    DatesOfDifferentYears,
    Reference,
    Superseded,
    Forecast,
    RatesOfDifferentPeriods,
    AgesOfDifferentPeople,
    NothingCounted,
    FiguresOfDifferentYears,
    EarlierYear,
    OtherEvent,
    ValuesFarApart,
    DifferentPlaces,
    CombinedPlaces,
    DifferentDays,
    DatedAfter,
    WeeksApart,
}

impl Apart {
    /// The reason in words, completing "kept apart because …" (for the
    /// corpus scorer; the widget's build leaves the words out).
    pub fn reason(self) -> &'static str {
        match self {
            Apart::DifferentDimensions => "they measure different dimensions",
            Apart::OneSentence => "one sentence states them as two figures",
            Apart::UnconvertedCurrencies => {
                "they are in different currencies with no stated conversion"
            }
            Apart::PeopleAndThings => "one counts people, the other things",
            Apart::DifferentRoles => "they count people to whom different things happened",
            Apart::DatesOfDifferentYears => "they are dates of different years",
            Apart::Reference => "one is a reference value, not a measurement",
            Apart::Superseded => "one is a figure its report says was superseded",
            Apart::Forecast => "one is a forecast, the other an outcome",
            Apart::RatesOfDifferentPeriods => "they are rates of different periods",
            Apart::AgesOfDifferentPeople => "they are ages of people not named as one",
            Apart::NothingCounted => "neither says what it counts",
            Apart::FiguresOfDifferentYears => "they are figures of different years",
            Apart::EarlierYear => "one is a figure of an earlier year",
            Apart::OtherEvent => "one is a figure of another named event",
            Apart::ValuesFarApart => "their values are too far apart to be one figure",
            Apart::DifferentPlaces => "they are about different places",
            Apart::CombinedPlaces => "one is of several places together, the other of one of them",
            Apart::DifferentDays => "they are about different days",
            Apart::DatedAfter => "one times a happening dated after the other report was published",
            Apart::WeeksApart => {
                "their reports are weeks apart and nothing says they are of one event"
            }
        }
    }
}

/// What alignment knows of each claim before it compares pairs: its report
/// (as an index), its source in lowercase, its subject's and its context's
/// words each with its weight, and whether it is the first, or the only, claim
/// of its measure in its report. Computed once a claim, not once a pair.
pub struct Context<'a> {
    candidates: &'a [Candidate<'a>],
    report: Vec<u32>,
    source: Vec<Option<String>>,
    subject: Vec<Vec<(u32, f64)>>,
    context: Vec<Vec<(u32, f64)>>,
    first: Vec<bool>,
    only: Vec<bool>,
}

impl<'a> Context<'a> {
    pub fn new(candidates: &'a [Candidate<'a>]) -> Context<'a> {
        let mut reports: Vec<&str> = candidates.iter().map(|c| &*c.claim.report).collect();
        reports.sort_unstable();
        reports.dedup();
        let report: Vec<u32> = candidates
            .iter()
            .map(|c| reports.binary_search(&&*c.claim.report).unwrap_or(0) as u32)
            .collect();
        // The first and the only claim of each measure (report, dimension,
        // predicate): candidates come sorted by dimension, then report, then
        // position, so a measure's claims are found among a report's run.
        let measure = |k: usize| {
            (
                report[k],
                candidates[k].claim.kind as u8,
                candidates[k].claim.frame.predicate,
            )
        };
        let mut first = vec![false; candidates.len()];
        let mut only = vec![false; candidates.len()];
        let mut run = 0;
        while run < candidates.len() {
            let end = run
                + candidates[run..].partition_point(|c| {
                    (c.claim.kind as u8, &*c.claim.report)
                        == (
                            candidates[run].claim.kind as u8,
                            &*candidates[run].claim.report,
                        )
                });
            // The run's claims by measure, then position: each measure's first
            // comes first, and an only claim is alone.
            let mut by_measure: Vec<usize> = (run..end).collect();
            crate::sort::sort_positions(&mut by_measure, &|a, b| measure(a).cmp(&measure(b)));
            for (n, &k) in by_measure.iter().enumerate() {
                let same = |m: Option<&usize>| m.is_some_and(|&m| measure(m) == measure(k));
                first[k] = !same(n.checked_sub(1).and_then(|p| by_measure.get(p)));
                only[k] = first[k] && !same(by_measure.get(n + 1));
            }
            run = end;
        }
        let subjects: Vec<Vec<u32>> = candidates
            .iter()
            .map(|c| subject_words(&c.claim.subject))
            .collect();
        // Each word weighs by its inverse frequency among the claims compared:
        // `ln(1 + n / df)` (sharing "lasted" says more than sharing "people").
        let mut all: Vec<u32> = Vec::new();
        for (c, subject) in candidates.iter().zip(&subjects) {
            let mut seen: Vec<u32> = c
                .claim
                .frame
                .context
                .iter()
                .chain(subject)
                .copied()
                .collect();
            seen.sort_unstable();
            seen.dedup();
            all.extend(seen);
        }
        all.sort_unstable();
        let n = candidates.len() as f64;
        let weigh = |words: &[u32]| -> Vec<(u32, f64)> {
            words
                .iter()
                .map(|&w| {
                    let df = all.partition_point(|&x| x <= w) - all.partition_point(|&x| x < w);
                    (w, (1.0 + n / df.max(1) as f64).ln())
                })
                .collect()
        };
        Context {
            candidates,
            source: candidates
                .iter()
                .map(|c| c.claim.source.as_ref().map(|s| s.to_ascii_lowercase()))
                .collect(),
            context: candidates
                .iter()
                .map(|c| weigh(&c.claim.frame.context))
                .collect(),
            subject: subjects.iter().map(|s| weigh(s)).collect(),
            report,
            first,
            only,
        }
    }

    /// How many candidates there are.
    pub fn count(&self) -> usize {
        self.report.len()
    }

    /// The report of candidate `i`, as an index.
    pub fn report(&self, i: usize) -> u32 {
        self.report[i]
    }

    /// The features of the pair of candidates `i` and `j` (all but the last:
    /// whether each is the other's most alike figure in its report needs
    /// every pair, see `align::pairs`), and how alike they read; or the
    /// reason they cannot be one quantity.
    pub fn features(&self, i: usize, j: usize) -> Result<(Features, f64), Apart> {
        let (a, b) = (&self.candidates[i], &self.candidates[j]);
        let same_report = self.report[i] == self.report[j];
        let Relation {
            values: value_relation,
            places,
        } = cannot_link(a, b, same_report)?;
        let (c, d) = (a.claim, b.claim);
        let (x, y) = (&c.frame, &d.frame);
        let counted = (x.counted.as_deref(), y.counted.as_deref());
        // Counted nouns are already what they count (`words::counted_as`).
        let same_counted = matches!(counted, (Some(p), Some(q)) if p == q);
        let different_counted = matches!(counted, (Some(_), Some(_))) && !same_counted;
        let different_class = matches!((x.class, y.class), (Some(p), Some(q)) if p != q);
        let predicates = (x.predicate, y.predicate);
        let same_predicate = matches!(predicates, (Some(p), Some(q)) if p == q);
        let different_predicates = matches!(predicates, (Some(p), Some(q)) if p != q);
        let one_predicate = predicates.0.is_some() != predicates.1.is_some();
        let bare = |f: &Frame| f.counted.is_none() && f.predicate.is_none() && f.of.is_none();
        let owners = (&x.owner, &y.owner);
        let different_owners = matches!(owners, (Some(p), Some(q)) if p != q);
        let different_of = matches!((&x.of, &y.of), (Some(p), Some(q)) if p != q);
        let (days_apart, dated) = match (a.published, b.published) {
            (Some(p), Some(q)) => ((p.day - q.day).abs(), true),
            _ => (0, false),
        };
        let one = |when: When| (x.when == when) != (y.when == when);
        let change = |f: &Frame| f.statistic == Statistic::Change;
        let part = x.statistic == Statistic::Part || y.statistic == Statistic::Part;
        let happenings = matches!((x.happening, y.happening), (Some(p), Some(q)) if p != q);
        let different_sources = matches!(
            (&self.source[i], &self.source[j]),
            (Some(p), Some(q)) if !(p.contains(q.as_str()) || q.contains(p.as_str()))
        );
        let subject = weighted_jaccard(&self.subject[i], &self.subject[j]);
        let context = weighted_jaccard(&self.context[i], &self.context[j]);
        let other_reports = !same_report;
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        // How alike the two read, by their words alone (not a probability): the
        // measure to find each figure's most alike figure in another report.
        let likeness = flag(same_predicate) + flag(same_counted) + subject + context;
        let features = [
            flag(c.kind == Kind::Count),
            flag(c.kind == Kind::Percent),
            flag(c.kind == Kind::Money),
            flag(c.kind == Kind::Duration),
            flag(same_counted),
            flag(different_counted),
            flag(kind_of_other(x, y)),
            flag(different_class),
            flag(same_predicate),
            flag(different_predicates),
            flag(one_predicate),
            flag(bare(x) || bare(y)),
            flag(matches!(owners, (Some(p), Some(q)) if p == q)),
            flag(different_owners),
            flag(owners.0.is_some() != owners.1.is_some()),
            flag(different_of),
            flag(!scopes_agree(&x.scopes, &y.scopes)),
            flag(places == PlaceRelation::Same),
            flag(places == PlaceRelation::Same && !x.inherited && !y.inherited),
            flag(matches!(
                places,
                PlaceRelation::Contains | PlaceRelation::Within
            )),
            flag(places == PlaceRelation::Disjoint),
            flag(places == PlaceRelation::Unknown && own_places(x) && own_places(y)),
            flag(x.inherited || y.inherited),
            flag(dated && days_apart <= 1),
            flag(dated && days_apart > 3),
            flag(one(When::Past)),
            flag(change(x) != change(y)),
            flag(part),
            flag(happenings),
            flag(same_report),
            flag(same_report && c.sentence == d.sentence),
            flag(same_report && value_relation.is_some_and(|v| !v.overlap)),
            ratio_band(value_relation, 0),
            ratio_band(value_relation, 1),
            ratio_band(value_relation, 2),
            ratio_band(value_relation, 3),
            flag(value_relation.is_some_and(|v| v.overlap) && !loose(c) && !loose(d)),
            flag(value_relation.is_some_and(|v| v.overlap) && (loose(c) || loose(d))),
            flag(other_reports && read_alike(c, d)),
            context,
            subject,
            flag(different_sources),
            flag(c.sentence < LEAD_SENTENCES && d.sentence < LEAD_SENTENCES),
            flag(other_reports && c.sentence == 0 && d.sentence == 0),
            flag(other_reports && self.first[i] && self.first[j]),
            flag(other_reports && self.only[i] && self.only[j]),
            0.0, // the other's most alike figure: needs every pair (see `align::pairs`)
        ];
        Ok((features, likeness))
    }
}

/// Sentences of a report's headline and lead, where news puts its main figures.
const LEAD_SENTENCES: u32 = 3;

/// How two claims' values and places stand: what the cannot-links and the
/// features both read, computed once a pair.
pub struct Relation {
    values: Option<Values>,
    places: PlaceRelation,
}

/// The reason two claims are different quantities whatever their other
/// features say, if there is one: what no weight may outvote. Else how their
/// values and places stand.
pub fn cannot_link(a: &Candidate, b: &Candidate, same_report: bool) -> Result<Relation, Apart> {
    let (c, d) = (a.claim, b.claim);
    let (x, y) = (&c.frame, &d.frame);
    if c.kind != d.kind {
        return Err(Apart::DifferentDimensions);
    }
    // One report states one quantity twice in one sentence only when it names
    // two sources for it ("more than four hours, according to Russian media,
    // while RIA Novosti said four and a half").
    if same_report && c.sentence == d.sentence && c.source == d.source {
        return Err(Apart::OneSentence);
    }
    if c.kind == Kind::Money && !shares_currency(c, d) {
        return Err(Apart::UnconvertedCurrencies);
    }
    // People are never things: "12 people" and "12 homes".
    let person = |f: &Frame| f.class.map(|c| c == NounClass::person());
    if let (Some(p), Some(q)) = (person(x), person(y)) {
        if p != q {
            return Err(Apart::PeopleAndThings);
        }
    }
    // People to whom different things happened: the killed and the injured,
    // the arrested and the released (the hospitalised are among the injured:
    // a part, see `part_of`).
    if let (Kind::Count, Some(p), Some(q)) = (c.kind, x.predicate, y.predicate) {
        let roles = words::is_role(p) && words::is_role(q);
        if roles && p != q && !words::predicate_within(p, q) && !words::predicate_within(q, p) {
            return Err(Apart::DifferentRoles);
        }
    }
    // Dates of different years date different happenings ("April 11, 2025"
    // and "April 11, 2024": this year's talks and last year's).
    if let (Some(p), Some(q)) = (
        c.date.as_ref().and_then(|d| d.year),
        d.date.as_ref().and_then(|d| d.year),
    ) {
        if p != q {
            return Err(Apart::DatesOfDifferentYears);
        }
    }
    // A reference value is not a measurement: "the two-hour barrier".
    if (x.statistic == Statistic::Reference) != (y.statistic == Statistic::Reference) {
        return Err(Apart::Reference);
    }
    // A figure its report marks as superseded ("up from 37") or as a forecast
    // ("could reach 1,000") is not the day's figure: the report itself says
    // so, and there is nothing to flag.
    for (when, why) in [
        (When::Superseded, Apart::Superseded),
        (When::Forecast, Apart::Forecast),
    ] {
        if (x.when == when) != (y.when == when) {
            return Err(why);
        }
    }
    if x.per != y.per || !periods(&x.scopes).eq(periods(&y.scopes)) {
        return Err(Apart::RatesOfDifferentPeriods);
    }
    // Ages are of one person: the same name must go with both.
    if c.kind == Kind::Age && (x.owner.is_none() || x.owner != y.owner) {
        return Err(Apart::AgesOfDifferentPeople);
    }
    // Two bare counts ("1.01", "16") say nothing of what they count.
    let bare = |f: &Frame| f.counted.is_none() && f.predicate.is_none() && f.of.is_none();
    if c.kind == Kind::Count && bare(x) && bare(y) {
        return Err(Apart::NothingCounted);
    }
    if let (Some(p), Some(q)) = (x.year, y.year) {
        if p != q {
            return Err(Apart::FiguresOfDifferentYears);
        }
    }
    // A year before the report's own is another event's ("the 1918 fire").
    if earlier_year(a) != earlier_year(b) {
        return Err(Apart::EarlierYear);
    }
    if x.event != y.event {
        return Err(Apart::OtherEvent);
    }
    let values = values(c, d);
    if values.is_some_and(|v| v.ratio > UNRELATED_RATIO) {
        return Err(Apart::ValuesFarApart);
    }
    // A place the claim's own sentence names is a fact of the figure; one
    // from its report's lead only its setting, weighed as a feature.
    let places = place_relation(x, y);
    if places == PlaceRelation::Disjoint && !x.inherited && !y.inherited {
        return Err(Apart::DifferentPlaces);
    }
    // "in Iran and Iraq" and "in Iran" (its own words' place, not its lead's).
    let part_of_combined = |whole: &Frame, part: &Frame| !part.inherited && combines(whole, part);
    if part_of_combined(x, y) || part_of_combined(y, x) {
        return Err(Apart::CombinedPlaces);
    }
    // Within one report, two values on different weekdays are two days'
    // figures ("45 … the government reported Monday" and "on Sunday evening
    // … 48"); across reports a weekday's figure may be a later count of the
    // same quantity, and one value stated again is one figure.
    let other_weekdays = same_report && c.value != d.value && weekdays_differ(&x.dates, &y.dates);
    if days_differ(&x.dates, &y.dates) || other_weekdays {
        return Err(Apart::DifferentDays);
    }
    let shared_day = x.dates.iter().any(|d| y.dates.contains(d));
    // A duration is of one happening, and a happening dated after a report
    // was published is not the one it timed, unless both name its day (a
    // toll dated later is only a later count of the same dead).
    let dated_later = dated_after(a, b.published) || dated_after(b, a.published);
    if c.kind == Kind::Duration && dated_later && !shared_day {
        return Err(Apart::DatedAfter);
    }
    // Reports on one page are of one event, unless their dates say they are
    // weeks apart and nothing else (a place, a day) says they are.
    let weeks_apart =
        matches!((a.published, b.published), (Some(p), Some(q)) if (p.day - q.day).abs() > 7);
    let placed = matches!(
        places,
        PlaceRelation::Same | PlaceRelation::Contains | PlaceRelation::Within
    );
    if weeks_apart && !shared_day && !placed {
        return Err(Apart::WeeksApart);
    }
    Ok(Relation { values, places })
}

/// The words of a subject, for their overlap: a word of a concept counts as
/// its concept ("talks" and "meeting" meet), another by its first five
/// letters ("killed" and "killing" meet); hashed, sorted.
pub fn subject_words(subject: &str) -> Vec<u32> {
    let mut v: Vec<u32> = subject
        .split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(|w| {
            let w = crate::read::lex::folded(w);
            match words::concept(&w) {
                Some(concept) => crate::frame::time::hash(concept.name().as_bytes()),
                None => crate::frame::time::hash(&w.as_bytes()[..w.len().min(5)]),
            }
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The closest relation between a place of one frame and a place of the
/// other: they are about different places only when every pair of their
/// places is (a place the gazetteer does not know may be anywhere).
fn place_relation(x: &Frame, y: &Frame) -> PlaceRelation {
    let rank = |r: PlaceRelation| match r {
        PlaceRelation::Same => 0,
        PlaceRelation::Contains | PlaceRelation::Within => 1,
        PlaceRelation::Unknown => 2,
        PlaceRelation::Disjoint => 3,
    };
    x.places
        .iter()
        .flat_map(|p| y.places.iter().map(move |q| p.relation(q)))
        .min_by_key(|&r| rank(r))
        .unwrap_or(PlaceRelation::Unknown)
}

/// True when `whole` is a combined figure (its own words name its places:
/// "in Iran and Iraq") naming each of `part`'s places and one apart from them
/// all: `part`'s ("in Iran") is a part of it.
fn combines(whole: &Frame, part: &Frame) -> bool {
    let covered = |p: &Place| {
        (whole.places.iter())
            .any(|q| matches!(p.relation(q), PlaceRelation::Same | PlaceRelation::Within))
    };
    let apart = |q: &Place| {
        part.places
            .iter()
            .all(|p| p.relation(q) == PlaceRelation::Disjoint)
    };
    whole.combined
        && !part.places.is_empty()
        && part.places.iter().all(covered)
        && whole.places.iter().any(apart)
}

/// True when the frame's places are its own sentence's.
fn own_places(f: &Frame) -> bool {
    !f.places.is_empty() && !f.inherited
}

/// True when both name calendar days and none is shared.
fn days_differ(x: &[DateAnchor], y: &[DateAnchor]) -> bool {
    anchors_differ(x, y, |a| match *a {
        DateAnchor::Day { month, day } => Some((month, day)),
        _ => None,
    })
}

/// True when both name weekdays and none is shared (a weekday's first two
/// letters name it).
fn weekdays_differ(x: &[DateAnchor], y: &[DateAnchor]) -> bool {
    anchors_differ(x, y, |a| match *a {
        DateAnchor::Weekday { weekday } => weekday.as_bytes().get(..2).map(|b| (b[0], b[1])),
        _ => None,
    })
}

/// True when both have anchors of the kind `key` reads and share none.
fn anchors_differ(
    x: &[DateAnchor],
    y: &[DateAnchor],
    key: fn(&DateAnchor) -> Option<(u8, u8)>,
) -> bool {
    let named = |anchors: &[DateAnchor]| anchors.iter().any(|a| key(a).is_some());
    named(x)
        && named(y)
        && !x
            .iter()
            .filter_map(key)
            .any(|k| y.iter().filter_map(key).any(|o| o == k))
}

/// A day the claim's sentence names ("met on June 2"), placed in the year
/// nearest its report's publication, is past by then but falls after `other`
/// was published (a day's slack either way for time zones): the other report
/// cannot be telling of it. Not when the clause names its year (the year
/// rules weigh that) or the day was still ahead ("talks that begin on June 20").
fn dated_after(claim: &Candidate, other: Option<Published>) -> bool {
    let (Some(own), Some(other)) = (claim.published, other) else {
        return false;
    };
    claim.claim.frame.year.is_none()
        && claim.claim.frame.dates.iter().any(|anchor| match *anchor {
            DateAnchor::Day { month, day } => {
                let day = own.nearest(month, day);
                day <= own.day + 1 && day > other.day + 1
            }
            _ => false,
        })
}

/// The periods of a figure per period ("a week", "annual", "quarterly"):
/// a rate and a total are never one quantity.
fn periods<'s>(scopes: &'s [&'static str]) -> impl Iterator<Item = &'static str> + 's {
    scopes
        .iter()
        .copied()
        .filter(|s| matches!(*s, "daily" | "weekly" | "monthly" | "quarter" | "annual"))
}

/// Time scopes agree when they are equal or one has none ("so far" and
/// nothing said may be one total; "so far" and "annual" are not).
fn scopes_agree(x: &[&'static str], y: &[&'static str]) -> bool {
    let period = |s: &'_ [&'static str]| {
        s.iter()
            .copied()
            .filter(|s| *s != "previous")
            .collect::<Vec<_>>()
    };
    if x.iter().all(|s| *s == "previous") || y.iter().all(|s| *s == "previous") {
        return true;
    }
    period(x) == period(y)
}

/// One noun names a kind of the other's, or a person of a kind against people
/// in general ("children" and "people", "students" and "victims"): a part.
fn kind_of_other(x: &Frame, y: &Frame) -> bool {
    let (Some(p), Some(q)) = (x.counted.as_deref(), y.counted.as_deref()) else {
        return false;
    };
    // Counted nouns are already what they count (`words::counted_as`).
    p != q && x.class == y.class && (p == "people") != (q == "people")
}

/// A currency both claims can be compared in: stated or converted.
fn shares_currency(c: &Claim, d: &Claim) -> bool {
    fn units(x: &Claim) -> impl Iterator<Item = &str> {
        std::iter::once(x.unit.as_str()).chain(x.conversions.iter().map(|k| k.unit.as_str()))
    }
    units(c).any(|u| units(d).any(|v| v == u))
}

/// How two claims' values stand, compared in one unit with the rounding
/// their writing implies: whether the intervals share a value, and how many
/// times larger one figure's size is than the other's (the middle of its
/// interval, or its bound when it has one only: "more than 4 hours" is about
/// 4, "under 20%" about 20). Weak evidence on purpose: a value that agrees is
/// only a little sign of one quantity (that is what is checked), and a
/// hundredfold difference is rarely a report's error.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Values {
    overlap: bool,
    ratio: f64,
}

/// How many times apart two figures of one quantity never are.
const UNRELATED_RATIO: f64 = 100.0;

fn values(c: &Claim, d: &Claim) -> Option<Values> {
    let value = d
        .value_in(&c.unit)
        .or_else(|| c.conversions.iter().find_map(|k| d.value_in(&k.unit)))?;
    let own = c.value?;
    let (p, q) = (
        super::verdict::compared(c, own, &c.unit),
        super::verdict::compared(d, value, &c.unit),
    );
    let size = |v: crate::claim::Interval| match (v.low, v.high) {
        (Some(l), Some(h)) if l > 0.0 => Some((l + h) / 2.0),
        (Some(l), None) => Some(l),
        (_, Some(h)) => Some(h),
        _ => None,
    };
    let ratio = match (size(p), size(q)) {
        (Some(m), Some(n)) if m > 0.0 && n > 0.0 => m.max(n) / m.min(n),
        _ => 1.0,
    };
    Some(Values {
        overlap: p.overlaps(&q),
        ratio,
    })
}

/// The same figure as read: one value, bound and unit ("at least 500 people"
/// twice, or "half a million" and "500,000"), as reports that copy one wire
/// or one official give it. Not a vague magnitude: "dozens of ships" in two
/// ports are two.
fn read_alike(c: &Claim, d: &Claim) -> bool {
    c.bound == d.bound
        && c.bound != Bound::Vague
        && c.value.is_some()
        && c.value == d.value
        && c.unit == d.unit
}

/// A figure that holds many values: a bound ("more than 100", "up to 20
/// inches") or a vague magnitude ("hundreds"). That it agrees with another
/// says little.
fn loose(c: &Claim) -> bool {
    matches!(
        c.bound,
        Bound::Above | Bound::AtLeast | Bound::Below | Bound::AtMost | Bound::Vague
    )
}

/// The bands of how many times apart two values are, each a feature (below
/// the first, the values are alike): evidence is not linear in the ratio.
const RATIO_BANDS: [f64; 5] = [1.1, 1.5, 2.0, 5.0, f64::INFINITY];

/// 1 for the band of `RATIO_BANDS` (from `band`) the values' ratio falls in.
fn ratio_band(v: Option<Values>, band: usize) -> f64 {
    let ratio = v.map_or(1.0, |v| v.ratio);
    let inside = ratio > RATIO_BANDS[band] && ratio <= RATIO_BANDS[band + 1];
    if inside {
        1.0
    } else {
        0.0
    }
}

/// Shared words over all words of two sorted lists of weighted words: the
/// weight of what both say over the weight of all they say.
fn weighted_jaccard(x: &[(u32, f64)], y: &[(u32, f64)]) -> f64 {
    let (mut i, mut j) = (0, 0);
    let (mut shared, mut all) = (0.0, 0.0);
    while i < x.len() && j < y.len() {
        let ((a, wa), (b, wb)) = (x[i], y[j]);
        if a == b {
            shared += wa;
            all += wa;
            i += 1;
            j += 1;
        } else if a < b {
            all += wa;
            i += 1;
        } else {
            all += wb;
            j += 1;
        }
    }
    all += x[i..].iter().chain(&y[j..]).map(|&(_, w)| w).sum::<f64>();
    if shared > 0.0 {
        shared / all
    } else {
        0.0
    }
}

/// True when `part`'s figure is a part of `whole`'s: the same measure of the
/// same event, but for a place within the whole's ("in Valencia" and "in
/// Spain"), a kind of what the whole counts ("children" and "people"), a
/// measure within the whole's ("hospitalised" within "injured"), or a part its
/// clause names ("five of them"); and not larger than the whole.
pub fn part_of(part: &Candidate, whole: &Candidate, same_report: bool) -> bool {
    let (c, d) = (part.claim, whole.claim);
    let (x, y) = (&c.frame, &d.frame);
    let predicate_within = match (x.predicate, y.predicate) {
        (Some(p), Some(q)) => p != q && words::predicate_within(p, q),
        _ => false,
    };
    // Within another's place, and not also in it: "Jajarkot district" is
    // not a part of "Jajarkot district, Nepal".
    let place_within = !x.places.is_empty()
        && x.places.iter().all(|p| {
            let relation = |r| y.places.iter().any(|q| p.relation(q) == r);
            relation(PlaceRelation::Within) && !relation(PlaceRelation::Same)
        });
    // Or a part of a combined figure ("in Iran" of "in Iran and Iraq").
    let in_combined = combines(y, x);
    let counted_kind = kind_of_other(x, y) && y.counted.as_deref().is_some_and(|w| w == "people");
    let relation = predicate_within
        || place_within
        || in_combined
        || counted_kind
        || x.statistic == Statistic::Part;
    if !relation || c.kind != d.kind || same_report && c.sentence == d.sentence {
        return false;
    }
    let same_measure = x.predicate == y.predicate || predicate_within;
    let same_event = x.when == y.when
        && x.year == y.year
        && x.owner == y.owner
        && x.class == y.class
        && (x.happening.is_none() || y.happening.is_none() || x.happening == y.happening)
        && !days_differ(&x.dates, &y.dates);
    let not_larger = match (
        d.value_in(&c.unit).and_then(|v| v.high),
        c.value.and_then(|v| v.low),
    ) {
        (Some(whole), Some(part)) => part <= whole,
        _ => true,
    };
    same_measure && same_event && not_larger && x.predicate.is_some()
}

/// True when a claim's clause names a year before its report's.
fn earlier_year(c: &Candidate) -> bool {
    matches!((c.claim.frame.year, c.year), (Some(y), Some(now)) if y < now)
}

#[cfg(test)]
mod tests {
    use super::part_of;
    use crate::align::candidates;
    use crate::ReportClaims;

    fn report(name: &str, text: &str) -> ReportClaims {
        let claims = crate::read_claims(name, text).expect("reads");
        ReportClaims::new(name.to_string(), Some("2025-07-08"), claims)
    }

    #[test]
    fn a_place_is_a_part_only_of_a_whole_that_does_not_name_it() {
        let reports = [
            report(
                "district",
                "A landslide buried a village in Jajarkot district, killing 12 people, police said.",
            ),
            report(
                "both",
                "The death toll from the landslide in Nepal's Jajarkot district rose to 37, police said.",
            ),
            report(
                "country",
                "The death toll from the landslides in Nepal rose to 37, police said.",
            ),
        ];
        let candidates = candidates(&reports);
        let of = |name: &str| {
            candidates
                .iter()
                .find(|c| *c.claim.report == *name)
                .expect("a figure")
        };
        assert!(part_of(of("district"), of("country"), false));
        assert!(!part_of(of("district"), of("both"), false));
    }
}
