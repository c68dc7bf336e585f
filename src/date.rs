//! Stage 3b: calendar dates, read before amounts so that "April 11" is a date
//! and not eleven of something, and "2025-04-12" is not a subtraction.
//!
//! Why dates are claims of their own: they say when an event happened, which is
//! how alignment tells one meeting from another; they are never compared as
//! amounts.

use crate::claim::DateValue;
use crate::lex::{word_at, Text, Token, TokenKind};
use crate::vocabulary;

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
    (token.end - token.start == 4 && (1800..=2100).contains(&y) && !glued_word).then_some(y as i32)
}

/// A day of the month, with an optional glued ordinal suffix: `11`, `11th`. Returns the day and the end.
fn day(text: &Text, tokens: &[Token], i: usize) -> Option<(u8, usize)> {
    let d = integer(text, tokens, i).filter(|d| (1..=31).contains(d))?;
    let next = tokens.get(i + 1);
    let suffix = next.is_some_and(|t| t.is_word() && !t.space_before);
    if suffix && !vocabulary::is_ordinal_suffix(word_at(text, tokens, i + 1)) {
        return None;
    }
    Some((d as u8, if suffix { i + 2 } else { i + 1 }))
}

fn month(text: &Text, tokens: &[Token], i: usize) -> Option<u8> {
    if !capitalized(text, tokens, i) {
        return None; // "may", "march" as verbs
    }
    vocabulary::month(word_at(text, tokens, i))
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
    let weekday = vocabulary::weekday(word_at(text, tokens, i))?;
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

/// `April 11`, `April 11, 2025`, `January 2025`.
fn month_first(text: &Text, tokens: &[Token], i: usize) -> Option<Date> {
    let m = month(text, tokens, i)?;
    let mut value = DateValue {
        month: Some(m),
        ..DateValue::default()
    };
    if let Some(y) = year(text, tokens, i + 1) {
        value.year = Some(y);
        return Some(Date {
            start: i,
            end: i + 2,
            value,
        });
    }
    let (d, mut end) = day(text, tokens, i + 1)?;
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
    let part = vocabulary::part_of_year(word_at(text, tokens, i))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::{tokens, Text};

    fn date(raw: &str) -> Option<(DateValue, String)> {
        let text = &Text::new(raw);
        let toks = tokens(text);
        let d = at(text, &toks, 0)?;
        Some((
            d.value,
            text[toks[d.start].start..toks[d.end - 1].end].to_string(),
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
}
