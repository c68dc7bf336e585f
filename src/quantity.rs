//! Stage 4: from a numeral to a quantity: the qualifier and the interval it
//! gives, the unit, a range's second number, and a currency conversion in
//! parentheses.
//!
//! Why intervals: "more than four hours", "four and a half hours" and "three hours"
//! are only comparable as sets of values. A qualifier keeps its direction
//! ("just under 20%" is below 20, not "about 20"), vague words become the range
//! they stand for, and a conversion "€21 billion ($24 billion)" stays one amount.
//! DESIGN.md has the table of qualifiers and the reasoning.

use crate::claim::{Bound, Interval, Kind};
use crate::lex::{word_at, Text, Token, TokenKind, WordClass};
use crate::numeral::{self, Numeral, Worth};
use crate::vocabulary::{self, APPROXIMATE_TOLERANCE};
use std::ops::Range;

/// A quantity read around one numeral, before its subject and source are known.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Tokens of the whole claim: qualifier, number(s), unit, conversion.
    pub span: Range<usize>,
    /// Tokens of the number(s) as written, without qualifier or unit.
    pub number: Range<usize>,
    pub qualifier: Option<Range<usize>>,
    pub bound: Bound,
    pub value: Interval,
    pub kind: Kind,
    pub unit: String,
    /// Stated conversions: ISO code, value, tokens.
    pub conversions: Vec<(String, Interval, Range<usize>)>,
    /// Tokens of what is counted ("Chinese men"), or the noun a hyphenated
    /// amount describes ("meeting" in "a three-hour meeting").
    pub noun: Option<Range<usize>>,
    /// "a week" in "thousands a week": the amount is a rate per this unit.
    pub rate: Option<&'static str>,
    /// A four-digit number with no unit: the caller reads it as a year.
    pub year_like: bool,
}

fn symbol_at(text: &Text, tokens: &[Token], i: usize) -> Option<char> {
    tokens
        .get(i)
        .filter(|t| t.kind == TokenKind::Symbol)
        .and_then(|t| t.text(text).chars().next())
}

/// Reads the quantity whose numeral starts at token `i`. `taken` is the first
/// token not yet claimed by an earlier quantity: a qualifier is never looked for
/// before it.
pub fn at(text: &Text, tokens: &[Token], i: usize, taken: usize) -> Option<Quantity> {
    let first = numeral::at(text, tokens, i)?;
    let mut end = first.end;

    // Currency before the number: "$", "US$", "USD", "€".
    let mut currency: Option<&'static str> = None;
    let mut start = i;
    if i > taken {
        if let Some(code) = symbol_at(text, tokens, i - 1).and_then(vocabulary::currency_symbol) {
            currency = Some(code);
            start = i - 1;
            if start > taken
                && word_at(text, tokens, start - 1) == "us"
                && !tokens[start].space_before
            {
                start -= 1;
            }
        } else if vocabulary::is_currency_code(word_at(text, tokens, i - 1))
            && tokens[i - 1]
                .text(text)
                .chars()
                .all(|c| c.is_ascii_uppercase())
        {
            currency = vocabulary::currency_word(word_at(text, tokens, i - 1));
            start = i - 1;
        }
    }

    // Qualifier before: the longest phrase ending right before the amount.
    let (mut bound, mut qualifier) = (None, None);
    // The three words before the amount, lowercased once for all the phrases.
    let before: [&str; 3] = std::array::from_fn(|back| {
        if start > taken + back {
            word_at(text, tokens, start - 1 - back)
        } else {
            ""
        }
    });
    // Most amounts follow no qualifier: the flag of the word before says so.
    let qualified = start > taken && tokens[start - 1].has(WordClass::QUALIFIER_END);
    for (words, b) in vocabulary::QUALIFIERS_BEFORE.iter().filter(|_| qualified) {
        let n = words.len();
        if start >= taken + n && words.iter().rev().zip(&before).all(|(w, l)| l == w) {
            let word_before = || word_at(text, tokens, start - n - 1);
            let duration_follows =
                || vocabulary::duration_unit(word_at(text, tokens, first.end)).is_some();
            let preposition = *words == ["over"]
                && start > n
                && (vocabulary::takes_over(word_before())
                    || vocabulary::spreads_over(word_before()) && duration_follows());
            if preposition {
                break;
            }
            bound = Some(*b);
            qualifier = Some(start - n..start);
            break;
        }
    }
    let before_amount = |word: &str| start > taken && word_at(text, tokens, start - 1) == word;
    let between = before_amount("between");

    // A range: "between 30 and 40", "30–40", "$1 million to $2 million". Not
    // "from 32 to 45" (a change) nor "three-hour" (a compound).
    let mut second: Option<Numeral> = None;
    let joins = match (symbol_at(text, tokens, end), word_at(text, tokens, end)) {
        (Some('–' | '-' | '—'), _) => tokens[i].kind == TokenKind::Digits,
        (_, "to") => true,
        (_, "and") => between,
        _ => false,
    };
    if joins && bound.is_none() && matches!(first.worth, Worth::Cardinal(_)) {
        let mut k = end + 1;
        if symbol_at(text, tokens, k)
            .and_then(vocabulary::currency_symbol)
            .is_some()
        {
            k += 1;
        }
        if let Some(n) = numeral::at(text, tokens, k)
            .filter(|n| matches!(n.worth, Worth::Cardinal(_)) && n.nominal() >= first.nominal())
        {
            end = n.end;
            second = Some(n);
            bound = Some(Bound::Range);
            qualifier = (between || before_amount("from")).then(|| start - 1..start);
        }
    }
    if (between || before_amount("from")) && bound == Some(Bound::Range) {
        start -= 1;
    }
    let number = i..end;

    // Qualifier after: "50 or more", "300 or so".
    if bound.is_none() {
        // The two words after the amount, looked up once for all the phrases.
        let mut after = [""; 2];
        for (k, word) in after.iter_mut().enumerate() {
            *word = word_at(text, tokens, end + k);
        }
        for (words, b) in vocabulary::QUALIFIERS_AFTER {
            if words.len() <= after.len() && words.iter().zip(&after).all(|(w, l)| w == l) {
                bound = Some(*b);
                qualifier = Some(end..end + words.len());
                break;
            }
        }
    }

    // Unit after the number (and after a trailing qualifier like "or more").
    let mut unit_at = qualifier
        .as_ref()
        .filter(|q| q.start >= end)
        .map_or(end, |q| q.end);
    let hyphenated = symbol_at(text, tokens, unit_at) == Some('-')
        && !tokens[unit_at].space_before
        && tokens
            .get(unit_at + 1)
            .is_some_and(|t| !t.space_before && t.is_word());
    if hyphenated {
        unit_at += 1;
    }
    // "half an hour": the article after "half" is already in the numeral.
    let unit_word = word_at(text, tokens, unit_at);
    let mut kind = Kind::Count;
    let mut unit = String::new();
    let mut noun = None;
    let mut span_end = end.max(qualifier.as_ref().map_or(end, |q| q.end));
    let ordinal = matches!(first.worth, Worth::Ordinal(_));
    let mut rate = None;
    if let Some(code) = currency {
        kind = Kind::Money;
        unit = code.to_string();
    } else if symbol_at(text, tokens, unit_at) == Some('%')
        || matches!(unit_word, "percent" | "pct")
    {
        kind = Kind::Percent;
        unit = "%".into();
        span_end = unit_at + 1;
    } else if unit_word == "per" && word_at(text, tokens, unit_at + 1) == "cent" {
        kind = Kind::Percent;
        unit = "%".into();
        span_end = unit_at + 2;
    } else if let Some(code) = vocabulary::currency_word(unit_word).filter(|_| !ordinal) {
        kind = Kind::Money;
        unit = code.to_string();
        span_end = unit_at + 1;
    } else if let Some((name, _)) = vocabulary::duration_unit(unit_word).filter(|_| !ordinal) {
        kind = Kind::Duration;
        unit = name.to_string();
        span_end = unit_at + 1;
        // "a three-hour meeting": the noun the duration describes.
        if hyphenated {
            noun = noun_phrase(text, tokens, span_end, 4).map(|(range, _)| range);
        }
    } else if !hyphenated {
        'unit: {
            // An ordinal names one thing: "the third time Witkoff and Putin met".
            let counted = if ordinal {
                noun_phrase(text, tokens, unit_at, 1)
            } else {
                counted_noun(text, tokens, unit_at)
            };
            if let Some((range, head)) = counted {
                // "millions of dollars" counts money.
                if let Some(code) = vocabulary::currency_word(&head).filter(|_| !ordinal) {
                    kind = Kind::Money;
                    unit = code.to_string();
                    span_end = range.end;
                    noun = None;
                    break 'unit;
                }
                unit = head;
                if range.start == unit_at {
                    span_end = range.end;
                }
                noun = Some(range);
            }
            if ordinal {
                kind = Kind::Ordinal;
                if unit.is_empty() {
                    return None; // "the third" alone is not a figure
                }
            }
        }
    }
    // "an hour and a half": the half follows the unit.
    if kind == Kind::Duration && matches!(tokens[i].lower(text), "a" | "an") {
        if let Some(after_half) = numeral::and_a_half(text, tokens, span_end) {
            span_end = after_half;
        }
    }

    // "12 years and six months": one duration in two units, the second smaller.
    let mut added = 0.0;
    if kind == Kind::Duration && second.is_none() && word_at(text, tokens, span_end) == "and" {
        let more = numeral::at(text, tokens, span_end + 1)
            .filter(|n| matches!(n.worth, Worth::Cardinal(_)));
        let unit_hours = vocabulary::hours_per(&unit).unwrap_or(0.0);
        if let Some(n) = more {
            if let Some((_, hours)) = vocabulary::duration_unit(word_at(text, tokens, n.end))
                .filter(|&(_, hours)| hours < unit_hours)
            {
                added = n.nominal() * hours / unit_hours;
                span_end = n.end + 1;
            }
        }
    }

    // "(€19 billion)" or "($24 billion)" right after a money amount.
    let mut conversions = Vec::new();
    if kind == Kind::Money && symbol_at(text, tokens, span_end) == Some('(') {
        let open = span_end + 1;
        if let Some(inner) = (open..open + 3).find_map(|k| at(text, tokens, k, open)) {
            if inner.kind == Kind::Money
                && inner.unit != unit
                && symbol_at(text, tokens, inner.span.end) == Some(')')
            {
                // The conversion restates the amount, qualifier included: "exceeded €21 billion (USD 24 billion)".
                let value = match (inner.bound, inner.value.low) {
                    (Bound::Exact, Some(x)) => bounded(x, bound.unwrap_or(Bound::Exact)),
                    _ => inner.value,
                };
                conversions.push((inner.unit.clone(), value, inner.span.clone()));
                span_end = inner.span.end + 1;
            }
        }
    }

    // "thousands a week", "$5 per hour": a rate.
    if kind != Kind::Duration && kind != Kind::Percent {
        let k = noun
            .as_ref()
            .filter(|n| n.start >= span_end)
            .map_or(span_end, |n| n.end);
        if matches!(word_at(text, tokens, k), "a" | "per" | "each" | "every") {
            if let Some((name, _)) = vocabulary::duration_unit(word_at(text, tokens, k + 1)) {
                rate = Some(name);
            }
        }
    }

    let bound = bound.unwrap_or(match first.worth {
        Worth::Vague(v) => v.bound,
        _ => Bound::Exact,
    });
    let value = if added > 0.0 {
        bounded(first.nominal() + added, bound)
    } else {
        interval(&first, second.as_ref(), bound)
    };
    let year_like =
        first.year_like && kind == Kind::Count && unit.is_empty() && bound == Bound::Exact;
    Some(Quantity {
        span: start.min(qualifier.as_ref().map_or(start, |q| q.start))..span_end.max(end),
        number,
        qualifier,
        bound,
        value,
        kind,
        unit,
        conversions,
        noun,
        rate,
        year_like,
    })
}

/// The interval a bound makes of the written number (DESIGN.md, "Qualifiers").
fn interval(first: &Numeral, second: Option<&Numeral>, bound: Bound) -> Interval {
    match (bound, first.worth) {
        (Bound::Approximately | Bound::Vague, Worth::Vague(v)) => Interval::closed(v.low, v.high),
        (Bound::Range, _) => {
            let high = second.map_or(first.nominal(), Numeral::nominal);
            // "$5–6 billion": the scale written once applies to both ends.
            let mut low = first.nominal();
            while low > 0.0 && high / low >= 1000.0 && first.end - first.start == 1 {
                low *= 1000.0;
            }
            Interval::closed(low, high)
        }
        _ => bounded(first.nominal(), bound),
    }
}

/// The interval `bound` makes of the single value `x`.
fn bounded(x: f64, bound: Bound) -> Interval {
    let interval =
        |low: f64, low_inclusive: bool, high: Option<f64>, high_inclusive: bool| Interval {
            low: Some(low),
            high,
            low_inclusive,
            high_inclusive,
        };
    match bound {
        Bound::Exact | Bound::Range | Bound::Vague => Interval::point(x),
        Bound::Above => interval(x, false, None, false),
        Bound::AtLeast => interval(x, true, None, false),
        Bound::Below => interval(0.0, true, Some(x), false),
        Bound::AtMost => Interval::closed(0.0, x),
        Bound::JustBelow => interval(x * (1.0 - APPROXIMATE_TOLERANCE), true, Some(x), false),
        Bound::JustAbove => interval(x, false, Some(x * (1.0 + APPROXIMATE_TOLERANCE)), true),
        Bound::Approximately => Interval::closed(
            x * (1.0 - APPROXIMATE_TOLERANCE),
            x * (1.0 + APPROXIMATE_TOLERANCE),
        ),
    }
}

/// What a number counts: the noun phrase right after it ("two Chinese men",
/// "three prior rounds of negotiations"), or after "of" ("two of Russia's key
/// allies", "thousands of people"). Returns its tokens and the head's lemma.
fn counted_noun(text: &Text, tokens: &[Token], i: usize) -> Option<(Range<usize>, String)> {
    if word_at(text, tokens, i) == "of" {
        let mut k = i + 1;
        while matches!(
            word_at(text, tokens, k),
            "the" | "them" | "its" | "their" | "these" | "those"
        ) {
            if word_at(text, tokens, k) == "them" {
                return None;
            }
            k += 1;
        }
        return noun_phrase(text, tokens, k, 4).map(|(range, head)| (i..range.end, head));
    }
    noun_phrase(text, tokens, i, 4)
}

/// Up to three words that can be a noun phrase starting at `i`; the last is the head.
fn noun_phrase(
    text: &Text,
    tokens: &[Token],
    i: usize,
    max_words: usize,
) -> Option<(Range<usize>, String)> {
    let mut k = i;
    let mut head = None;
    while k < i + max_words {
        let Some(token) = tokens
            .get(k)
            .filter(|t| t.is_word() && (k == i || t.space_before))
        else {
            break;
        };
        let word = token.text(text);
        let possessive = word.ends_with("'s") || word.ends_with("’s");
        let low = token.lower(text);
        let stop = vocabulary::ends_noun_phrase(low)
            || (low.ends_with("ing") && k > i)
            || (low.ends_with("ly") && low.len() > 4)
            || vocabulary::duration_unit(low).is_some() && k > i
            || vocabulary::follows_noun(low) && k > i
            || vocabulary::is_verb_form(low) && k > i
            || low.is_empty() && !possessive && !word.chars().all(crate::lex::is_letter);
        if stop {
            break;
        }
        if possessive {
            k += 1;
            continue; // "Russia's key allies": the possessor is not the head
        }
        let plural = vocabulary::is_plural(low);
        // A role word is what happened, not what is counted ("60 injured",
        // "1,300 died in the heat"), unless a noun follows it ("23 freed hostages").
        let noun_follows = tokens.get(k + 1).is_some_and(|t| {
            t.is_word() && t.space_before && !vocabulary::ends_noun_phrase(t.lower(text))
        });
        let role_word = token.has(WordClass::CONCEPT)
            && vocabulary::concept(low).is_some_and(vocabulary::is_role);
        if !plural && !noun_follows && role_word {
            break;
        }
        head = Some((k, low.to_string()));
        k += 1;
        // The first plural noun is the head: "two employees hostage", "1 million
        // people along the coast".
        if plural {
            break;
        }
    }
    let (last, head) = head?;
    if head.is_empty() {
        return None;
    }
    Some((i..last + 1, vocabulary::lemma(&head)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::{tokens, Text};

    fn read(raw: &str) -> Quantity {
        let text = &Text::new(raw);
        let toks = tokens(text);
        (0..toks.len())
            .find_map(|i| at(text, &toks, i, 0))
            .unwrap_or_else(|| panic!("no quantity in {text:?}"))
    }

    fn span(raw: &str) -> String {
        let text = &Text::new(raw);
        let toks = tokens(text);
        let q = read(text);
        text[toks[q.span.start].start..toks[q.span.end - 1].end].to_string()
    }

    #[test]
    fn qualifiers_keep_their_direction() {
        type Case = (&'static str, Bound, Option<f64>, bool, Option<f64>, bool);
        let cases: &[Case] = &[
            (
                "lasted more than four hours",
                Bound::Above,
                Some(4.0),
                false,
                None,
                false,
            ),
            (
                "at least 50 dead",
                Bound::AtLeast,
                Some(50.0),
                true,
                None,
                false,
            ),
            (
                "just under 20% of",
                Bound::JustBelow,
                Some(18.0),
                true,
                Some(20.0),
                false,
            ),
            (
                "less than 20% of",
                Bound::Below,
                Some(0.0),
                true,
                Some(20.0),
                false,
            ),
            (
                "about $21 billion",
                Bound::Approximately,
                Some(18.9e9),
                true,
                Some(23.1e9),
                true,
            ),
            (
                "up to 300 people",
                Bound::AtMost,
                Some(0.0),
                true,
                Some(300.0),
                true,
            ),
            (
                "between 30 and 40 people",
                Bound::Range,
                Some(30.0),
                true,
                Some(40.0),
                true,
            ),
            (
                "30–40 people",
                Bound::Range,
                Some(30.0),
                true,
                Some(40.0),
                true,
            ),
            (
                "thousands a week",
                Bound::Vague,
                Some(2000.0),
                true,
                Some(9999.0),
                true,
            ),
            (
                "pledges have surpassed €21 billion",
                Bound::Above,
                Some(21e9),
                false,
                None,
                false,
            ),
            (
                "50 or more people",
                Bound::AtLeast,
                Some(50.0),
                true,
                None,
                false,
            ),
        ];
        for &(text, bound, low, low_inclusive, high, high_inclusive) in cases {
            let q = read(text);
            let v = q.value;
            assert_eq!(q.bound, bound, "{text:?}");
            let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
                (a, b) => a == b,
            };
            assert!(close(v.low, low) && close(v.high, high), "{text:?}: {v:?}");
            assert_eq!(
                (v.low_inclusive, v.high_inclusive),
                (low_inclusive, high_inclusive),
                "{text:?}"
            );
        }
    }

    #[test]
    fn units_and_spans() {
        let cases: &[(&str, Kind, &str, &str)] = &[
            ("a three-hour meeting", Kind::Duration, "hour", "three-hour"),
            (
                "an immediate 30-day ceasefire",
                Kind::Duration,
                "day",
                "30-day",
            ),
            (
                "€21 billion ($24 billion) in",
                Kind::Money,
                "EUR",
                "€21 billion ($24 billion)",
            ),
            (
                "exceeded €21 billion (USD 24 billion).",
                Kind::Money,
                "EUR",
                "exceeded €21 billion (USD 24 billion)",
            ),
            ("killed 32 people —", Kind::Count, "people", "32 people"),
            (
                "two Chinese men fighting",
                Kind::Count,
                "man",
                "two Chinese men",
            ),
            (
                "Three prior rounds of negotiations",
                Kind::Count,
                "round",
                "Three prior rounds",
            ),
            (
                "the third time the two",
                Kind::Ordinal,
                "time",
                "third time",
            ),
            ("20 per cent of", Kind::Percent, "%", "20 per cent"),
            (
                "24 billion dollars",
                Kind::Money,
                "USD",
                "24 billion dollars",
            ),
            ("US$5 million", Kind::Money, "USD", "US$5 million"),
            (
                "two of Russia’s key allies",
                Kind::Count,
                "ally",
                "two of Russia’s key allies",
            ),
        ];
        for &(text, kind, unit, want) in cases {
            let q = read(text);
            assert_eq!(
                (q.kind, q.unit.as_str(), span(text).as_str()),
                (kind, unit, want),
                "{text:?}"
            );
        }
    }

    #[test]
    fn conversion_is_one_amount() {
        let q = read("pledges have surpassed €21 billion ($24 billion).");
        assert_eq!(q.conversions.len(), 1);
        assert_eq!(q.conversions[0].0, "USD");
        let converted = q.conversions[0].1;
        assert_eq!(
            (converted.low, converted.low_inclusive, converted.high),
            (Some(24e9), false, None),
            "the conversion keeps the qualifier"
        );
    }
}
