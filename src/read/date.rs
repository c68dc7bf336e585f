//! Stage 3b: calendar dates, read before amounts so that "April 11" is a date
//! and not eleven of something, and "2025-04-12" is not a subtraction.
//!
//! Why dates are claims of their own: they say when an event happened, which is
//! how alignment tells one meeting from another; they are never compared as
//! amounts.

use crate::claim::{DateValue, Interval};
use crate::knowledge::words;
use crate::read::lex::{word_at, Text, Token, TokenKind};

/// A date read at some token: the token range it covers and its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Date {
    pub start: usize,
    pub end: usize,
    pub value: DateValue,
}

fn capitalized(text: &Text, tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.is_capitalized(text))
}

fn symbol(text: &Text, tokens: &[Token], i: usize, c: char) -> bool {
    tokens.get(i).is_some_and(|t| t.is_symbol(text, c))
}

/// The whole number in a plain digits token (`11`, `2025`), if it is one.
fn integer(text: &Text, tokens: &[Token], i: usize) -> Option<u32> {
    let token = tokens.get(i).filter(|t| t.kind == TokenKind::Digits)?;
    let digits = token.text(text);
    (digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())?
}

fn year(text: &Text, tokens: &[Token], i: usize) -> Option<i32> {
    let token = tokens.get(i)?;
    let y = integer(text, tokens, i)?;
    // Not "2025s" or "2025bn".
    let glued_word = tokens
        .get(i + 1)
        .is_some_and(|t| t.is_word() && !t.space_before);
    (token.end() - token.start() == 4 && (1800..=2100).contains(&y) && !glued_word)
        .then_some(y as i32)
}

/// A day of the month, with an optional glued ordinal suffix: `11`, `11th`. Returns the day and the end.
fn day(text: &Text, tokens: &[Token], i: usize) -> Option<(u8, usize)> {
    let d = integer(text, tokens, i).filter(|d| (1..=31).contains(d))?;
    let next = tokens.get(i + 1);
    let suffix = next.is_some_and(|t| t.is_word() && !t.space_before);
    if suffix && !words::is_ordinal_suffix(word_at(text, tokens, i + 1)) {
        return None;
    }
    Some((d as u8, if suffix { i + 2 } else { i + 1 }))
}

fn month(text: &Text, tokens: &[Token], i: usize) -> Option<u8> {
    if !capitalized(text, tokens, i) {
        return None; // "may", "march" as verbs
    }
    words::month(word_at(text, tokens, i))
}

/// Reads a date starting at token `i`.
pub fn at(text: &Text, tokens: &[Token], i: usize) -> Option<Date> {
    iso(text, tokens, i)
        .or_else(|| with_weekday(text, tokens, i))
        .or_else(|| month_first(text, tokens, i))
        .or_else(|| day_first(text, tokens, i))
        .or_else(|| part_of_year(text, tokens, i))
}

/// `2025-04-12`.
fn iso(text: &Text, tokens: &[Token], i: usize) -> Option<Date> {
    let y = year(text, tokens, i)?;
    let glued = (i + 1..i + 5).all(|k| tokens.get(k).is_some_and(|t| !t.space_before));
    if !(glued && symbol(text, tokens, i + 1, '-') && symbol(text, tokens, i + 3, '-')) {
        return None;
    }
    let m = integer(text, tokens, i + 2).filter(|m| (1..=12).contains(m))?;
    let d = integer(text, tokens, i + 4).filter(|d| (1..=31).contains(d))?;
    let value = DateValue {
        year: Some(y),
        month: Some(m as u8),
        day: Some(d as u8),
        ..DateValue::default()
    };
    Some(Date {
        start: i,
        end: i + 5,
        value,
    })
}

/// `Friday (April 11)`, `Friday, April 11`: a weekday with its date is one date.
fn with_weekday(text: &Text, tokens: &[Token], i: usize) -> Option<Date> {
    if !capitalized(text, tokens, i) {
        return None;
    }
    let weekday = words::weekday(word_at(text, tokens, i))?;
    let paren = symbol(text, tokens, i + 1, '(');
    let comma = symbol(text, tokens, i + 1, ',');
    let mut date = if paren || comma {
        month_first(text, tokens, i + 2)
    } else {
        None
    }?;
    if paren {
        if !symbol(text, tokens, date.end, ')') {
            return None;
        }
        date.end += 1;
    }
    date.start = i;
    date.value.weekday = Some(weekday.to_string());
    Some(date)
}

/// `April 11`, `April 11, 2025`, `January 2025`, and with an abbreviated
/// month's full stop, `Jan. 7`, `Sept. 11, 2001`.
fn month_first(text: &Text, tokens: &[Token], i: usize) -> Option<Date> {
    let m = month(text, tokens, i)?;
    let mut value = DateValue {
        month: Some(m),
        ..DateValue::default()
    };
    let full_stop = symbol(text, tokens, i + 1, '.')
        && !tokens[i + 1].space_before
        && words::is_abbreviation(tokens[i].lower(text));
    let next = if full_stop { i + 2 } else { i + 1 };
    if let Some(y) = year(text, tokens, next) {
        value.year = Some(y);
        return Some(Date {
            start: i,
            end: next + 1,
            value,
        });
    }
    let (d, mut end) = day(text, tokens, next)?;
    value.day = Some(d);
    if symbol(text, tokens, end, ',') {
        if let Some(y) = year(text, tokens, end + 1) {
            value.year = Some(y);
            end += 2;
        }
    }
    Some(Date {
        start: i,
        end,
        value,
    })
}

/// `11 April`, `11 April 2025`.
fn day_first(text: &Text, tokens: &[Token], i: usize) -> Option<Date> {
    let (d, end) = day(text, tokens, i)?;
    let m = month(text, tokens, end)?;
    let mut value = DateValue {
        month: Some(m),
        day: Some(d),
        ..DateValue::default()
    };
    let mut end = end + 1;
    if let Some(y) = year(text, tokens, end) {
        value.year = Some(y);
        end += 1;
    }
    Some(Date {
        start: i,
        end,
        value,
    })
}

/// `early 2022`, `mid-2022`, `late 2022`.
fn part_of_year(text: &Text, tokens: &[Token], i: usize) -> Option<Date> {
    let part = words::part_of_year(word_at(text, tokens, i))?;
    let hyphen = symbol(text, tokens, i + 1, '-');
    let k = if hyphen { i + 2 } else { i + 1 };
    let y = year(text, tokens, k)?;
    let value = DateValue {
        year: Some(y),
        part: Some(part.to_string()),
        ..DateValue::default()
    };
    Some(Date {
        start: i,
        end: k + 1,
        value,
    })
}

/// A lone year (`in 2022`) as a date.
pub fn year_only(year: f64) -> DateValue {
    DateValue {
        year: Some(year as i32),
        ..DateValue::default()
    }
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` for a date with those fields.
pub fn iso_string(date: &DateValue) -> Option<String> {
    let y = date.year?;
    Some(match (date.month, date.day) {
        (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{y:04}-{m:02}"),
        _ => format!("{y:04}"),
    })
}

/// When a report was published: a calendar day and, when known, the minute of
/// that day. Ordered by time, so the later of two reports compares greater
/// (an unknown time sorts first within its day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Published {
    /// Days since 1970-01-01.
    pub day: i64,
    /// Minutes since midnight, when the time of publication is known.
    pub minute: Option<u16>,
}

impl Published {
    /// Reads `YYYY-MM-DD`, optionally followed by a time `HH:MM` (after a space
    /// or `T`, with optional `:SS` and fraction) and a zone (`Z`, `±HH:MM`,
    /// `±HHMM`). A zone converts the time to UTC; without one it is taken as
    /// written. `None` unless the day is a real calendar day and the time a
    /// real time: "2025-02-30" and "9999-99-99" are not dates. (By hand:
    /// `str::parse` would add its code to the wasm bundle.)
    pub fn parse(text: &str) -> Option<Published> {
        let text = text.trim();
        let bytes = text.as_bytes();
        let number = |range: std::ops::Range<usize>| {
            bytes.get(range)?.iter().try_fold(0u16, |n, &b| {
                b.is_ascii_digit().then(|| n * 10 + u16::from(b - b'0'))
            })
        };
        if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let real_day = (1..=12).contains(&month)
            && day >= 1
            && day <= u16::from(days_in_month(i32::from(year), month as u8));
        if !real_day {
            return None;
        }
        let mut published = Published {
            day: days_since_epoch(i32::from(year), (month as u8, day as u8)),
            minute: None,
        };
        let rest = &bytes[10..];
        if rest.is_empty() {
            return Some(published);
        }
        // The time: "HH:MM", then optional ":SS" and ".fff".
        if !matches!(rest[0], b' ' | b'T' | b't') || rest.get(3) != Some(&b':') {
            return None;
        }
        let (hour, minute) = (number(11..13)?, number(14..16)?);
        if hour > 23 || minute > 59 {
            return None;
        }
        let mut k = 16;
        if bytes.get(k) == Some(&b':') {
            number(k + 1..k + 3).filter(|&s| s < 61)?;
            k += 3;
            if bytes.get(k) == Some(&b'.') {
                k += 1;
                while bytes.get(k).is_some_and(u8::is_ascii_digit) {
                    k += 1;
                }
            }
        }
        let mut minutes = i64::from(hour * 60 + minute);
        match bytes.get(k) {
            None => {}
            Some(b'Z' | b'z') if k + 1 == bytes.len() => {}
            Some(&sign @ (b'+' | b'-')) => {
                let colon = usize::from(bytes.get(k + 3) == Some(&b':'));
                if bytes.len() != k + 5 + colon {
                    return None;
                }
                let (h, m) = (number(k + 1..k + 3)?, number(k + 3 + colon..k + 5 + colon)?);
                if h > 14 || m > 59 {
                    return None;
                }
                let offset = i64::from(h * 60 + m);
                minutes -= if sign == b'+' { offset } else { -offset };
            }
            _ => return None,
        }
        published.day += minutes.div_euclid(24 * 60);
        // Not when the zone moves the day out of the years "YYYY" can write.
        (0..=9999)
            .contains(&civil_from_days(published.day).0)
            .then_some(())?;
        published.minute = Some(minutes.rem_euclid(24 * 60) as u16);
        Some(published)
    }

    /// The calendar fields of the day.
    pub fn date(&self) -> DateValue {
        let (year, month, day) = civil_from_days(self.day);
        DateValue {
            year: Some(year),
            month: Some(month),
            day: Some(day),
            ..DateValue::default()
        }
    }

    /// The year nearest this day in which `month` falls ("December" in a
    /// report of January 2 is last year's).
    pub fn year_nearest(&self, month: u8) -> i32 {
        let (year, own_month, _) = civil_from_days(self.day);
        match i32::from(month) - i32::from(own_month) {
            gap if gap > 6 => year - 1,
            gap if gap < -6 => year + 1,
            _ => year,
        }
    }

    /// Days since 1970-01-01 of `month`/`day` in the year nearest this day.
    pub fn nearest(&self, month: u8, day: u8) -> i64 {
        days_since_epoch(self.year_nearest(month), (month, day))
    }

    /// `YYYY-MM-DD`.
    pub fn iso_date(&self) -> String {
        iso_string(&self.date()).unwrap_or_default()
    }

    /// `HH:MM`, when the time is known.
    pub fn iso_time(&self) -> Option<String> {
        self.minute.map(|m| format!("{:02}:{:02}", m / 60, m % 60))
    }
}

/// The fields of a `YYYY-MM-DD` date (a report's publication date).
pub fn from_iso(iso: &str) -> Option<DateValue> {
    Published::parse(iso).map(|p| p.date())
}

/// The anchor naming a date's day (`date:04-11`), else its month
/// (`month:2025-04`), else its year (`year:2022`).
pub fn anchor(date: &DateValue) -> Option<String> {
    Some(match (date.year, date.month, date.day) {
        (_, Some(m), Some(d)) => format!("date:{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("month:{y:04}-{m:02}"),
        (Some(y), None, _) => format!("year:{y:04}"),
        _ => return None,
    })
}

/// The days a date covers, counted from 1970-01-01, as a closed interval. A
/// date without a year is placed in `year` when given; a date with neither a
/// year nor a month (a weekday alone) covers no known days. "Early", "mid" and
/// "late" are the first, middle and last four months of the year.
pub fn days(date: &DateValue, year: Option<i32>) -> Option<Interval> {
    let y = date.year.or(year)?;
    if date.year.is_none() && date.month.is_none() {
        return None;
    }
    let (first, last) = match (date.month, date.day, date.part.as_deref()) {
        (Some(m), Some(d), _) => ((m, d), (m, d)),
        (Some(m), None, _) => ((m, 1), (m, days_in_month(y, m))),
        (None, _, Some("early")) => ((1, 1), (4, 30)),
        (None, _, Some("mid")) => ((5, 1), (8, 31)),
        (None, _, Some("late")) => ((9, 1), (12, 31)),
        (None, _, _) => ((1, 1), (12, 31)),
    };
    Some(Interval::closed(
        days_since_epoch(y, first) as f64,
        days_since_epoch(y, last) as f64,
    ))
}

/// The days a date covers counted from January 1 (= 1) of a leap year,
/// whatever year it states: how dates compare when some of them name no year.
pub fn days_of_year(date: &DateValue) -> Option<Interval> {
    const LEAP_YEAR: i32 = 2000;
    date.month?; // a year alone has no place within a year
    let in_leap_year = DateValue {
        year: Some(LEAP_YEAR),
        ..date.clone()
    };
    let start = days_since_epoch(LEAP_YEAR, (1, 1)) as f64 - 1.0;
    let days = days(&in_leap_year, None)?;
    Some(Interval::closed(days.low? - start, days.high? - start))
}

fn days_in_month(year: i32, month: u8) -> u8 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day of the proleptic Gregorian calendar `days` after 1970-01-01
/// (Howard Hinnant's `civil_from_days`): the inverse of [`days_since_epoch`].
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u8;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u8;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

/// Days from 1970-01-01 to a day of the proleptic Gregorian calendar (Howard
/// Hinnant's `days_from_civil`).
fn days_since_epoch(year: i32, (month, day): (u8, u8)) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (i64::from(month) + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::lex::{tokens, Text};

    #[test]
    fn nearest_year_of_a_month_and_day() {
        let published = Published::parse("2025-01-02").expect("a day");
        assert_eq!(published.year_nearest(12), 2024);
        assert_eq!(published.year_nearest(3), 2025);
        let last_december = Published::parse("2024-12-28").expect("a day");
        assert_eq!(published.nearest(12, 28), last_december.day);
    }

    fn date(raw: &str) -> Option<(DateValue, String)> {
        let text = &Text::new(raw);
        let toks = tokens(text);
        let d = at(text, &toks, 0)?;
        Some((
            d.value,
            text[toks[d.start].start()..toks[d.end - 1].end()].to_string(),
        ))
    }

    fn dv(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> DateValue {
        DateValue {
            year,
            month,
            day,
            ..DateValue::default()
        }
    }

    #[test]
    fn reads_dates() {
        let friday = DateValue {
            weekday: Some("friday".into()),
            ..dv(None, Some(4), Some(11))
        };
        let early = DateValue {
            part: Some("early".into()),
            ..dv(Some(2022), None, None)
        };
        let cases: Vec<(&str, DateValue, &str)> = vec![
            (
                "2025-04-12 U.S.",
                dv(Some(2025), Some(4), Some(12)),
                "2025-04-12",
            ),
            ("Friday (April 11) in", friday.clone(), "Friday (April 11)"),
            ("Friday, April 11 as", friday, "Friday, April 11"),
            ("March 31 that", dv(None, Some(3), Some(31)), "March 31"),
            (
                "April 11, 2025.",
                dv(Some(2025), Some(4), Some(11)),
                "April 11, 2025",
            ),
            (
                "11 April 2025",
                dv(Some(2025), Some(4), Some(11)),
                "11 April 2025",
            ),
            (
                "January 2025",
                dv(Some(2025), Some(1), None),
                "January 2025",
            ),
            ("early 2022.", early, "early 2022"),
        ];
        for (text, value, span) in cases {
            assert_eq!(
                date(text),
                Some((value, span.to_string())),
                "reading {text:?}"
            );
        }
    }

    #[test]
    fn days_covered() {
        let early = DateValue {
            part: Some("early".into()),
            ..dv(Some(2022), None, None)
        };
        // (date, the report's year, first and last day covered)
        type Case = (DateValue, Option<i32>, Option<(f64, f64)>);
        let cases: Vec<Case> = vec![
            (dv(Some(1970), Some(1), Some(1)), None, Some((0.0, 0.0))),
            (
                dv(Some(2025), Some(4), Some(11)),
                None,
                Some((20189.0, 20189.0)),
            ),
            (
                dv(None, Some(4), Some(11)),
                Some(2025),
                Some((20189.0, 20189.0)),
            ),
            (dv(None, Some(4), Some(11)), None, None),
            (
                dv(Some(2024), Some(2), None),
                None,
                Some((19754.0, 19782.0)),
            ),
            (dv(Some(2022), None, None), None, Some((18993.0, 19357.0))),
            (early, None, Some((18993.0, 19112.0))),
            (
                DateValue {
                    weekday: Some("friday".into()),
                    ..DateValue::default()
                },
                Some(2025),
                None,
            ),
        ];
        for (date, year, want) in cases {
            let got = days(&date, year).map(|i| (i.low.unwrap(), i.high.unwrap()));
            assert_eq!(got, want, "days of {date:?} in {year:?}");
        }
        let april_11 = days_of_year(&dv(None, Some(4), Some(11))).unwrap();
        assert_eq!((april_11.low, april_11.high), (Some(102.0), Some(102.0)));
        assert_eq!(days_of_year(&dv(Some(2022), None, None)), None);
    }

    #[test]
    fn leaves_non_dates() {
        for text in [
            "may 5",
            "Friday night",
            "March 45",
            "2025-13-01",
            "Tuesday 5 people",
        ] {
            assert_eq!(date(text), None, "{text:?} is not a date");
        }
    }

    #[test]
    fn publication_dates_are_real_calendar_dates() {
        let day = |iso: &str| Published::parse(iso).map(|p| (p.iso_date(), p.iso_time()));
        let some = |d: &str, t: Option<&str>| Some((d.to_string(), t.map(str::to_string)));
        assert_eq!(day("2025-04-11"), some("2025-04-11", None));
        assert_eq!(day("2024-02-29 09:30"), some("2024-02-29", Some("09:30")));
        assert_eq!(
            day("2025-04-11T23:30:15.5-02:00"),
            some("2025-04-12", Some("01:30"))
        );
        assert_eq!(
            day("2025-01-01T00:10+0100"),
            some("2024-12-31", Some("23:10"))
        );
        assert_eq!(day("2025-04-11T08:00Z"), some("2025-04-11", Some("08:00")));
        for bad in [
            "9999-99-99",
            "2025-13-45",
            "2025-02-29",
            "2025-04-31",
            "2025-04-11 24:00",
            "2025-04-11 12:60",
            "2025-04-11T12:00+15:00",
            "0000-01-01T00:00+00:01",
            "9999-12-31T23:59-00:01",
            "2025-04-11 noon",
            "11/04/2025",
            "",
        ] {
            assert_eq!(Published::parse(bad), None, "{bad:?}");
        }
        // Days and calendar fields round-trip.
        for days in [-719_468, -1, 0, 59, 10_957, 20_189, 2_932_896] {
            let p = Published {
                day: days,
                minute: None,
            };
            assert_eq!(Published::parse(&p.iso_date()).map(|q| q.day), Some(days));
        }
    }
}
