//! The JSON text of the core's results: the README's contract, which the CLI
//! prints and the widget parses.
//!
//! Why written here rather than derived with serde: the derived code for
//! every field of every type cost the widget's wasm about 2 KB gzipped, and
//! these few types are all there is to write. The text is serde_json's compact
//! form: its escapes, numbers in the shortest form that reads back the same
//! (zmij, as serde_json writes them), NaN and infinity as `null`. Fields
//! appear in the order of the types' definitions; the fields only alignment
//! uses (a claim's sentence, a frame's context words) are left out.

use crate::align::verdict::Verdict;
use crate::align::{Group, Member};
use crate::claim::{Bound, Claim, Conversion, DateValue, Interval, Kind, Role};
use crate::frame::{DateAnchor, Frame, Place, Statistic, When};
use crate::knowledge::places::Standing;
use crate::{Check, ReportClaims};

/// A value that writes itself as JSON text.
pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

/// The JSON text of `value`, in a buffer of `capacity` bytes to start with.
pub fn to_string<T: ToJson + ?Sized>(value: &T, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    value.write_json(&mut out);
    out
}

/// An object, field by field: `{"name":value,…}`.
struct Object<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> Object<'a> {
    fn new(out: &'a mut String) -> Self {
        out.push('{');
        Object { out, empty: true }
    }

    /// A field; `name` is a plain identifier, written as it is.
    fn field<T: ToJson + ?Sized>(mut self, name: &str, value: &T) -> Self {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.out.push('"');
        self.out.push_str(name);
        self.out.push_str("\":");
        value.write_json(self.out);
        self
    }

    fn end(self) {
        self.out.push('}');
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        out.push('"');
        let mut run = 0;
        for (i, byte) in self.bytes().enumerate() {
            let escape = match byte {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            out.push_str(&self[run..i]);
            run = i + 1;
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0xf)]));
            } else {
                out.push_str(escape);
            }
        }
        out.push_str(&self[run..]);
        out.push('"');
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        self.as_str().write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        if self.is_finite() {
            out.push_str(zmij::Buffer::new().format_finite(*self));
        } else {
            out.push_str("null");
        }
    }
}

/// Whole numbers, in decimal (by hand: `write!` goes through the formatting
/// machinery, several times slower for the four offsets of every claim).
impl ToJson for usize {
    fn write_json(&self, out: &mut String) {
        write_integer(false, *self as u64, out);
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        write_integer(false, u64::from(*self), out);
    }
}

impl ToJson for u8 {
    fn write_json(&self, out: &mut String) {
        write_integer(false, u64::from(*self), out);
    }
}

impl ToJson for i32 {
    fn write_json(&self, out: &mut String) {
        write_integer(*self < 0, u64::from(self.unsigned_abs()), out);
    }
}

fn write_integer(negative: bool, mut magnitude: u64, out: &mut String) {
    if negative {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (magnitude % 10) as u8;
        magnitude /= 10;
        if magnitude == 0 {
            break;
        }
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

impl ToJson for crate::knowledge::words::Concept {
    fn write_json(&self, out: &mut String) {
        self.name().write_json(out);
    }
}

/// Enums that are written as the camelCase name of their variant.
macro_rules! names_to_json {
    ($($t:ty { $($variant:ident => $name:literal),* $(,)? })*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let name = match self { $(<$t>::$variant => $name),* };
                name.write_json(out);
            }
        }
    )*};
}

names_to_json! {
    Kind {
        Count => "count", Money => "money", Percent => "percent", Duration => "duration",
        Length => "length", Area => "area", Volume => "volume", Mass => "mass",
        Speed => "speed", Temperature => "temperature", Energy => "energy", Power => "power",
        Magnitude => "magnitude", Age => "age", Multiplier => "multiplier",
        Ordinal => "ordinal", Date => "date", Time => "time",
    }
    Role { Statement => "statement", Dateline => "dateline" }
    Bound {
        Exact => "exact", Above => "above", AtLeast => "atLeast", Below => "below",
        AtMost => "atMost", JustBelow => "justBelow", JustAbove => "justAbove",
        Approximately => "approximately", Range => "range", Vague => "vague",
    }
    When { Now => "now", Past => "past", Forecast => "forecast", Superseded => "superseded" }
    Statistic { Level => "level", Change => "change", Part => "part", Reference => "reference" }
    Standing { Country => "country", Region => "region", City => "city", Local => "local" }
    Verdict {
        Agreement => "agreement", DiffersInPrecision => "differsInPrecision",
        Contradiction => "contradiction", Revision => "revision",
        SourcesDiffer => "sourcesDiffer", PartOfWhole => "partOfWhole",
    }
}

impl ToJson for Check {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("reports", &self.reports)
            .field("groups", &self.groups)
            .end();
    }
}

impl ToJson for ReportClaims {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("name", &self.name)
            .field("date", &self.date)
            .field("time", &self.time)
            .field("claims", &self.claims)
            .end();
    }
}

impl ToJson for Claim {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("id", &self.id())
            .field("report", &*self.report)
            .field("text", &self.text)
            .field("byteStart", &self.byte_start)
            .field("byteEnd", &self.byte_end)
            .field("utf16Start", &self.utf16_start)
            .field("utf16End", &self.utf16_end)
            .field("kind", &self.kind)
            .field("unit", &self.unit)
            .field("value", &self.value)
            .field("written", &self.written)
            .field("qualifier", &self.qualifier)
            .field("bound", &self.bound)
            .field("date", &self.date)
            .field("conversions", &self.conversions)
            .field("subject", &self.subject)
            .field("frame", &self.frame)
            .field("source", &self.source)
            .field("role", &self.role)
            .end();
    }
}

impl ToJson for Interval {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("low", &self.low)
            .field("high", &self.high)
            .field("lowInclusive", &self.low_inclusive)
            .field("highInclusive", &self.high_inclusive)
            .end();
    }
}

impl ToJson for Conversion {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("unit", &self.unit)
            .field("value", &self.value)
            .field("text", &self.text)
            .field("consistent", &self.consistent)
            .end();
    }
}

impl ToJson for DateValue {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("year", &self.year)
            .field("month", &self.month)
            .field("day", &self.day)
            .field("weekday", &self.weekday)
            .field("part", &self.part)
            .end();
    }
}

impl ToJson for Frame {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("counted", &self.counted)
            .field("class", &self.class.map(|c| c.name()))
            .field("predicate", &self.predicate)
            .field("of", &self.of)
            .field("per", &self.per)
            .field("scopes", &self.scopes)
            .field("owner", &self.owner)
            .field("places", &self.places)
            .field("dates", &self.dates)
            .field("inherited", &self.inherited)
            .field("happening", &self.happening)
            .field("event", &self.event)
            .field("when", &self.when)
            .field("year", &self.year)
            .field("statistic", &self.statistic)
            .field("party", &self.party)
            .end();
    }
}

impl ToJson for Place {
    fn write_json(&self, out: &mut String) {
        let country = self
            .country
            .as_ref()
            .and_then(|c| std::str::from_utf8(c).ok());
        Object::new(out)
            .field("name", &self.name)
            .field("standing", &self.standing)
            .field("country", &country)
            .end();
    }
}

impl ToJson for DateAnchor {
    fn write_json(&self, out: &mut String) {
        match *self {
            DateAnchor::Day { month, day } => Object::new(out)
                .field("type", "day")
                .field("month", &month)
                .field("day", &day),
            DateAnchor::Month { year, month } => Object::new(out)
                .field("type", "month")
                .field("year", &year)
                .field("month", &month),
            DateAnchor::Weekday { weekday } => Object::new(out)
                .field("type", "weekday")
                .field("weekday", weekday),
        }
        .end();
    }
}

impl ToJson for Group {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("subject", &self.subject)
            .field("unit", &self.unit)
            .field("members", &self.members)
            .field("verdict", &self.verdict)
            .field("confidence", &self.confidence)
            .field("explanation", &self.explanation)
            .end();
    }
}

impl ToJson for Member {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field("claim", &self.claim)
            .field("value", &self.value)
            .field("part", &self.part)
            .end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_as_serde_json_does() {
        let text = "a\"b\\c\nd\te\u{1}\u{7f}é\u{8}\u{c}\r";
        assert_eq!(
            to_string(text, 0),
            serde_json::to_string(text).expect("a string")
        );
    }

    #[test]
    fn numbers_write_as_serde_json_does() {
        for x in [
            0.0,
            1.0,
            -2.5,
            0.1,
            1e20,
            1e-7,
            123456789.123,
            f64::NAN,
            f64::INFINITY,
        ] {
            assert_eq!(
                to_string(&x, 0),
                serde_json::to_string(&x).expect("a number")
            );
        }
        assert_eq!(to_string(&Some(7usize), 0), "7");
        assert_eq!(to_string(&-2024i32, 0), "-2024");
        assert_eq!(to_string(&usize::MAX, 0), usize::MAX.to_string());
        assert_eq!(to_string(&None::<i32>, 0), "null");
        assert_eq!(to_string(&vec![1u8, 2], 0), "[1,2]");
    }
}
