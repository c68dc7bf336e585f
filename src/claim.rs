//! The data every stage hands on: a claim, its value interval and its unit.
//!
//! Why a separate module: these types are the JSON contract (the CLI prints them,
//! the widget reads them), so they live apart from the code that fills them in.
//! Field names serialize in camelCase; spans say their unit in their name.

use std::sync::Arc;

/// One number a report states, with everything needed to compare it.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Name of the report (file name or the page's `data-name`) it came from:
    /// one string that all the report's claims share.
    pub report: Arc<str>,
    /// Position of the claim in its report (see [`Claim::id`]).
    pub index: u32,
    /// The exact text of the claim: qualifier, number, unit and any stated conversion.
    pub text: String,
    /// UTF-8 byte offsets into the report text (Rust `str` indices; u32, as a
    /// report is at most `MAX_REPORT_BYTES`).
    pub byte_start: u32,
    pub byte_end: u32,
    /// UTF-16 code-unit offsets into the report text (JavaScript string indices).
    pub utf16_start: u32,
    pub utf16_end: u32,
    /// What kind of quantity this is.
    pub kind: Kind,
    /// Normalized unit: `hour`, `EUR`, `%`, `people`, `time` ...; empty for dates.
    pub unit: String,
    /// The value as an interval in `unit`; `None` for dates.
    pub value: Option<Interval>,
    /// The number as written, without qualifier or unit: `four and a half`, `21 billion`.
    pub written: String,
    /// The words that turned the number into an interval (`more than`, `surpassed`, `thousands`).
    pub qualifier: Option<String>,
    /// How the qualifier shaped the interval.
    pub bound: Bound,
    /// For dates: the calendar fields that were stated.
    pub date: Option<Box<DateValue>>,
    /// The same amount stated in another currency, for example `($24 billion)`.
    pub conversions: Vec<Conversion>,
    /// What the number measures, in the report's words (`the talks`, `people killed`).
    pub subject: String,
    /// What the number measures, slot by slot: what alignment compares (see DESIGN.md).
    pub frame: crate::frame::Frame,
    /// Who the report says gave the number (`RIA Novosti`, `John Healey`), when it names one.
    pub source: Option<String>,
    /// `statement` for claims in the story, `dateline` for the report's own publication date.
    pub role: Role,
    /// Which sentence of its report the claim is in (not in the JSON: alignment
    /// uses it to keep apart the figures of one sentence).
    pub sentence: u32,
}

impl Claim {
    /// Stable identifier: `<report name>#<position of the claim in the report>`.
    pub fn id(&self) -> String {
        let mut id = String::with_capacity(self.report.len() + 8);
        id.push_str(&self.report);
        id.push('#');
        // The JSON writer's digits (`format!` costs several times as much).
        crate::json::ToJson::write_json(&self.index, &mut id);
        id
    }
}

/// The kinds of quantity factmark reads: the dimension of a value. The
/// measured ones (duration to power) convert between their units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// How many of something: people, homes, votes.
    Count,
    Money,
    /// A share or rate in percent; `unit` is `%`, or `percentage point` for a change.
    Percent,
    Duration,
    Length,
    Area,
    Volume,
    Mass,
    Speed,
    Temperature,
    Energy,
    Power,
    /// A seismic magnitude (Richter, moment): a number on a scale, no unit.
    Magnitude,
    /// A person's age, in years.
    Age,
    /// How many times as much: "doubled", "three times as many", "tenfold".
    Multiplier,
    /// Which one of a series: "the third time".
    Ordinal,
    /// A calendar date: never an amount.
    Date,
    /// A time of day ("at 3.15pm", "14:05"): kept as a time, never an amount.
    Time,
}

impl Kind {
    /// Kinds measured in units that convert into each other (a rounding of the
    /// written figure applies to them, see `verdict`).
    pub fn is_measured(self) -> bool {
        !matches!(
            self,
            Kind::Count | Kind::Ordinal | Kind::Date | Kind::Time | Kind::Age
        )
    }
}

/// Whether a number is part of the story or the page's own furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Statement,
    Dateline,
}

/// How a qualifier (or its absence) turned the written number into an interval.
/// DESIGN.md has the full table with the reasoning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// No qualifier: the number itself.
    Exact,
    /// "more than", "over", "surpassed": open below, unbounded above.
    Above,
    /// "at least", "no fewer than": closed below, unbounded above.
    AtLeast,
    /// "less than", "under", "fewer than": from zero (a temperature: from
    /// below any), open at the number.
    Below,
    /// "up to", "at most", "no more than": from zero (a temperature: from
    /// below any), closed at the number.
    AtMost,
    /// "just under", "nearly", "almost": a band just below the number.
    JustBelow,
    /// "just over": a band just above the number.
    JustAbove,
    /// "about", "around", "roughly", "some": a tolerance both ways.
    Approximately,
    /// "between X and Y", "X–Y".
    Range,
    /// "thousands", "dozens", "several": a vague magnitude.
    Vague,
}

/// A set of values: `low..high`, each end open or closed; `None` is unbounded.
/// Quantities in news reports are never negative, so "less than" starts at zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
}

/// The same amount in another unit or currency, as the report itself states it
/// in parentheses: "€21 billion ($24 billion)", "40 km (25 miles)".
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    /// The unit: an ISO 4217 code for money, else a unit name (`mi`, `degF`).
    pub unit: String,
    pub value: Interval,
    /// The conversion as written, for example `$24 billion`.
    pub text: String,
    /// False when the two figures do not match within the rounding their
    /// writing implies (a wrong conversion in the report; never for money,
    /// whose exchange rate factmark does not know).
    pub consistent: bool,
}

/// The calendar fields a date states; absent fields were not stated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DateValue {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// `monday` ... `sunday`.
    pub weekday: Option<String>,
    /// `early`, `mid` or `late` for "early 2022".
    pub part: Option<String>,
}

impl Claim {
    /// The claim's span in its report's text, as `str` indices.
    pub fn byte_range(&self) -> std::ops::Range<usize> {
        self.byte_start as usize..self.byte_end as usize
    }

    /// The claim's value in `unit`, when that is a unit of the same quantity:
    /// its own unit, another unit of its dimension, or a unit or currency it
    /// states a conversion into. `None` otherwise (factmark never uses exchange rates
    /// the report does not give).
    pub fn value_in(&self, unit: &str) -> Option<Interval> {
        let value = self.value?;
        // A count's unit is what it counts: a frame slot, not a scale.
        if unit == self.unit || self.kind == Kind::Count {
            return Some(value);
        }
        if let Some(converted) = self.conversions.iter().find(|c| c.unit == unit) {
            return Some(converted.value);
        }
        let from = crate::knowledge::units::by_name(&self.unit)?;
        let to = crate::knowledge::units::by_name(unit)?;
        (from.kind == to.kind).then(|| from.convert_interval(value, to))
    }
}

impl Interval {
    /// The interval of the negated values: `[a, b)` becomes `(-b, -a]`.
    pub fn mirrored(self) -> Self {
        // `0.0 - x`, not `-x`: zero stays zero, not minus zero.
        Interval {
            low: self.high.map(|x| 0.0 - x),
            high: self.low.map(|x| 0.0 - x),
            low_inclusive: self.high_inclusive,
            high_inclusive: self.low_inclusive,
        }
    }

    /// The single value `x`.
    pub fn point(x: f64) -> Self {
        Self::closed(x, x)
    }

    /// `[low, high]`.
    pub fn closed(low: f64, high: f64) -> Self {
        Interval {
            low: Some(low),
            high: Some(high),
            low_inclusive: true,
            high_inclusive: true,
        }
    }

    /// The same interval with both bounds multiplied by `factor` (unit conversion).
    pub fn scaled(self, factor: f64) -> Self {
        Interval {
            low: self.low.map(|x| x * factor),
            high: self.high.map(|x| x * factor),
            ..self
        }
    }

    /// True when some value lies in both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        // `self` must not end before `other` starts, and vice versa.
        fn starts_after_end(start: (Option<f64>, bool), end: (Option<f64>, bool)) -> bool {
            match (start.0, end.0) {
                (Some(s), Some(e)) => s > e || (s == e && !(start.1 && end.1)),
                _ => false,
            }
        }
        let (a_low, a_high) = (
            (self.low, self.low_inclusive),
            (self.high, self.high_inclusive),
        );
        let (b_low, b_high) = (
            (other.low, other.low_inclusive),
            (other.high, other.high_inclusive),
        );
        !starts_after_end(b_low, a_high) && !starts_after_end(a_low, b_high)
    }

    /// True when every value of `other` is also in `self`.
    pub fn contains(&self, other: &Interval) -> bool {
        let low_ok = match (self.low, other.low) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => a < b || (a == b && (self.low_inclusive || !other.low_inclusive)),
        };
        let high_ok = match (self.high, other.high) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => {
                a > b || (a == b && (self.high_inclusive || !other.high_inclusive))
            }
        };
        low_ok && high_ok
    }

    /// Width of the interval; infinite when a bound is open-ended.
    pub fn width(&self) -> f64 {
        match (self.low, self.high) {
            (Some(l), Some(h)) => h - l,
            _ => f64::INFINITY,
        }
    }

    /// True for a single value.
    pub fn is_point(&self) -> bool {
        self.width() == 0.0
    }
}
