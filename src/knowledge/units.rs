//! Units of measurement: lengths, areas, volumes, masses, speeds,
//! temperatures, energies, powers and durations, with their spellings and
//! their factors to one canonical unit per dimension.
//!
//! Why a generated table: which spellings name which unit, and by what factor,
//! is knowledge a maintained registry already has. `scripts/gen/units.py`
//! writes `data/units.tsv` from pint's registry (checked in CI), and `build.rs`
//! turns it into the static tables below. Adding a unit is a line in that
//! script, not code here.

use crate::claim::{Interval, Kind};

/// One unit: its name in JSON, its dimension, and how a value in it becomes a
/// value in the dimension's canonical unit (`value × factor + offset`; the
/// offset is for temperature scales).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    pub name: &'static str,
    pub kind: Kind,
    pub factor: f64,
    pub offset: f64,
}

include!(concat!(env!("OUT_DIR"), "/units.rs"));

/// The unit a lowercase spelling names. Spellings that are also words or
/// letters ("t", "ha") name a unit only `glued` to the digits ("5t", "20ha").
pub fn by_spelling(spelling: &str, glued: bool) -> Option<&'static Unit> {
    let at = UNIT_FORMS
        .binary_search_by(|(form, _, _)| (*form).cmp(spelling))
        .ok()?;
    let (_, unit, glued_only) = UNIT_FORMS[at];
    (glued || !glued_only).then(|| &UNITS[usize::from(unit)])
}

/// True when some spelling starts with `prefix` followed by a space or more
/// letters: whether reading one more token could still find a unit.
pub fn spelling_continues(prefix: &str) -> bool {
    let at = UNIT_FORMS.partition_point(|(form, _, _)| *form <= prefix);
    UNIT_FORMS
        .get(at)
        .is_some_and(|(form, _, _)| form.starts_with(prefix))
}

/// The unit of this name (as in JSON: `km`, `hour`, `degF`).
pub fn by_name(name: &str) -> Option<&'static Unit> {
    UNITS.iter().find(|u| u.name == name)
}

/// A duration unit's length in hours, by spelling or name ("days", "hour").
pub fn hours_in(spelling: &str) -> Option<f64> {
    by_spelling(spelling, false)
        .or_else(|| by_name(spelling))
        .filter(|u| u.kind == Kind::Duration)
        .map(|u| u.factor)
}

impl Unit {
    /// `value` in this unit as a value in `to` (a unit of the same dimension).
    pub fn convert(&self, value: f64, to: &Unit) -> f64 {
        (value * self.factor + self.offset - to.offset) / to.factor
    }

    /// An interval in this unit as an interval in `to`. The map is increasing
    /// (factors are positive), so the ends stay the ends.
    pub fn convert_interval(&self, value: Interval, to: &Unit) -> Interval {
        Interval {
            low: value.low.map(|x| self.convert(x, to)),
            high: value.high.map(|x| self.convert(x, to)),
            ..value
        }
    }

    /// The speed unit of this length unit per `time` ("mi" per hour is "mph").
    pub fn per(&self, time: &Unit) -> Option<&'static Unit> {
        if self.kind != Kind::Length || time.kind != Kind::Duration {
            return None;
        }
        let metres_per_second = self.factor / (time.factor * 3600.0);
        UNITS.iter().find(|u| {
            u.kind == Kind::Speed && (u.factor - metres_per_second).abs() <= 1e-9 * u.factor
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_and_factors() {
        let km = by_spelling("kilometres", false).expect("kilometres");
        assert_eq!((km.name, km.kind), ("km", Kind::Length));
        let mi = by_spelling("miles", false).expect("miles");
        assert!((mi.convert(25.0, km) - 40.2336).abs() < 1e-9);
        assert!(by_spelling("t", false).is_none() && by_spelling("t", true).is_some());
        let f = by_spelling("°f", false).expect("°F");
        let c = by_name("degC").expect("degC");
        assert!((f.convert(100.0, c) - 37.777_777_8).abs() < 1e-6);
        assert!((c.convert(38.0, f) - 100.4).abs() < 1e-9);
        let hour = by_name("hour").expect("hour");
        assert_eq!(mi.per(hour).map(|u| u.name), Some("mph"));
        assert_eq!(hours_in("days"), Some(24.0));
        assert!(spelling_continues("square") && !spelling_continues("squares"));
        // The generated table is sorted, so binary search finds every spelling.
        assert!(UNIT_FORMS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
