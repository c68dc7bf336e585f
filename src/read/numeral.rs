//! Stage 3: numerals. Finds where a number is written and what it is worth:
//! digits (`1,000`, `4.5`, `24bn`), words (`twenty-five`, `four and a half`,
//! `one and a half million`), ordinals (`third`, `3rd`) and vague magnitudes
//! (`thousands`, `a dozen`, `tens of thousands`).
//!
//! Why apart from units and qualifiers: reading "one and a half million" is the
//! same job whether it counts people or euros, and the range and conversion
//! readers in [`crate::read::quantity`] call it again for the second number.

use crate::knowledge::units;
use crate::knowledge::words::{self, Vague};
use crate::read::lex::{word_at, Text, Token, TokenKind};

/// A number as written: its tokens and its worth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// Token range `start..end`.
    pub start: usize,
    pub end: usize,
    pub worth: Worth,
    /// Written as four digits between 1800 and 2100 with nothing else: maybe a year.
    pub year_like: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Worth {
    /// A cardinal number.
    Cardinal(f64),
    /// An ordinal: `third` is 3.
    Ordinal(f64),
    /// A vague magnitude with its interval.
    Vague(&'static Vague),
    /// A fraction: `two-thirds` is 2/3, `half` 1/2 (a share, or a part of a unit).
    Fraction(f64),
    /// Clock digits `2:01:39` or `59:35` (`2:16.13`): the parts as written, the
    /// last possibly with decimals, and how many there are. A duration or a
    /// time of day: [`crate::read::quantity`] decides which.
    Clock([f64; 3], usize),
    /// A decade written `20s`: 20 to 29, a decade of life when
    /// [`crate::read::quantity`] finds an age around it ("in their 20s").
    Decade(f64),
}

impl Numeral {
    /// The value a qualifier in front refers to: "more than a dozen" is more than 12.
    pub fn nominal(&self) -> f64 {
        match self.worth {
            Worth::Cardinal(x) | Worth::Ordinal(x) | Worth::Fraction(x) | Worth::Decade(x) => x,
            Worth::Vague(v) => v.nominal(),
            Worth::Clock(parts, count) => parts[..count].iter().fold(0.0, |n, p| n * 60.0 + p),
        }
    }
}

/// Reads the numeral starting at token `i`, if one starts there.
pub fn at(text: &Text, tokens: &[Token], i: usize) -> Option<Numeral> {
    let token = tokens.get(i)?;
    let numeral = match token.kind {
        TokenKind::Digits => digits(text, tokens, i),
        TokenKind::Word => vague(text, tokens, i).or_else(|| words(text, tokens, i)),
        TokenKind::Symbol => None,
    }?;
    numeral.nominal().is_finite().then_some(numeral)
}

fn glued(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| !t.space_before)
}

/// `1,000`, `4.5`, `21 billion`, `24bn`, `3rd`; not `G7`, `F-16` or `1e400`.
fn digits(text: &Text, tokens: &[Token], i: usize) -> Option<Numeral> {
    let token = &tokens[i];
    let written = token.text(text);
    // Glued to a word before ("G7") or after a glued hyphen ("F-16", "COVID-19").
    if i > 0 && glued(tokens, i) {
        let before = &tokens[i - 1];
        let magnitude = matches!(before.text(text), "M" | "Mw") && written.contains('.');
        // "RM210 million", "Rp4 billion": a currency written before, glued.
        let currency = words::is_currency_abbreviation(before.lower(text))
            && crate::read::lex::starts_capitalized(before.text(text))
            // "$US100 million".
            || i > 1
                && glued(tokens, i - 1)
                && words::currency_symbol_then_letters(tokens[i - 2].text(text), before.text(text))
                    .is_some();
        if before.is_word() && !magnitude && !currency {
            return None;
        }
        let named = i > 1
            && tokens[i - 2].is_word()
            && !matches!(
                word_at(text, tokens, i - 2),
                "magnitude" | "mid" | "category"
            );
        if before.is_symbol(text, '-') && glued(tokens, i - 1) && named {
            return None; // "F-16", "COVID-19"; not "magnitude-5.8", "Category-4"
        }
    }
    if is_in_name(text, tokens, i) {
        return None; // "Boeing 737", "Article 5"
    }
    if let Some(part) = fraction(text, tokens, i) {
        return Some(part); // "11 tenths of a second"
    }
    let mut value = decimal(written);
    let mut end = i + 1;
    let mut year_like = false;
    if let Some(clock) = clock(text, tokens, i, value) {
        return Some(clock);
    }
    // Digits glued by a colon that are no clock: a score, a ratio or a split
    // ("beat Chelsea 3:2", "a 3:1 majority", "60:40"), no figure.
    let colon_joins = |k: usize| {
        tokens.get(k).is_some_and(|t| t.is_symbol(text, ':'))
            && glued(tokens, k)
            && glued(tokens, k + 1)
            && tokens
                .get(k + 1)
                .is_some_and(|t| t.kind == TokenKind::Digits)
    };
    if colon_joins(i + 1) || i >= 2 && colon_joins(i - 1) && tokens[i - 2].kind == TokenKind::Digits
    {
        return None;
    }
    let point = leading_point(text, tokens, i);
    if point {
        value /= 10f64.powi(written.len() as i32);
    }
    // "2,4 million" in a report that writes decimals with a comma.
    if text.decimal_comma && !written.contains([',', '.']) {
        if let Some(fraction) = tokens
            .get(i + 2)
            .filter(|t| t.kind == TokenKind::Digits && glued(tokens, i + 1) && glued(tokens, i + 2))
            .filter(|t| tokens[i + 1].is_symbol(text, ',') && t.end() - t.start() <= 2)
        {
            let digits = fraction.text(text);
            value += decimal(digits) / 10f64.powi(digits.len() as i32);
            end = i + 3;
        }
    }
    // "4½": a vulgar fraction glued to the digits.
    if let Some(fraction) = tokens
        .get(end)
        .filter(|t| !t.space_before && t.kind == TokenKind::Symbol)
        .and_then(|t| vulgar_fraction(t.text(text)))
    {
        value += fraction;
        end += 1;
    }
    // "2 1/2 minutes": a fraction written after the whole number.
    // (Not after a year: "in 2019 1/4 of adults".)
    if let Some((fraction, after)) =
        written_fraction(text, tokens, end).filter(|_| written.len() <= 2)
    {
        value += fraction;
        end = after;
    }
    // "12-and-a-half-year", "2 and a half hours".
    if let Some(after_half) = and_a_half(text, tokens, end) {
        value += 0.5;
        end = after_half;
    }
    let after = word_at(text, tokens, end);
    if glued(tokens, end) && tokens[end].is_word() {
        let suffix = after;
        if words::is_ordinal_suffix(suffix) && !written.contains([',', '.']) && !point {
            let named = tokens
                .get(end + 1)
                .is_some_and(|t| crate::read::lex::starts_capitalized(t.text(text)));
            if named {
                return None; // "the 47th Mechanized Brigade"
            }
            return Some(Numeral {
                start: i,
                end: end + 1,
                worth: Worth::Ordinal(value),
                year_like,
            });
        } else if words::scale(suffix).is_some() && !glued_metres(text, tokens, i, end) {
            // "24bn", "5m", and the words too: "$18.7billion", "£12BILLION".
            value *= words::scale(suffix).unwrap_or(1.0);
            end += 1;
        } else if suffix == "s" && is_decade(written) {
            return Some(Numeral {
                start: i,
                end: end + 1,
                worth: Worth::Decade(value),
                year_like,
            });
        } else if !glued_unit(text, tokens, end) {
            return None; // "1e400", "1990s", "3pm"
        }
    } else if let Some(scale) = words::scale(after).filter(|_| !words::is_glued_scale(after)) {
        value *= scale;
        end += 1;
    } else if let Some(scale) = hyphenated_scale(text, tokens, end) {
        // "$800-million", "a 1.6-billion deal".
        value *= scale;
        end += 2;
    } else if after == "dozen" || after == "dozens" && written.len() <= 2 {
        // "two dozens", not "in 2015 dozens of people".
        value *= 12.0;
        end += 1;
    } else {
        year_like = written.len() == 4 && (1800.0..=2100.0).contains(&value);
    }
    Some(Numeral {
        start: i - usize::from(point),
        end,
        worth: Worth::Cardinal(value),
        year_like,
    })
}

/// A decimal point before digits with no zero in front (".11 seconds"):
/// not a full stop glued to a word ("people.11 more").
fn leading_point(text: &Text, tokens: &[Token], i: usize) -> bool {
    let written = tokens[i].text(text);
    i > 0
        && glued(tokens, i)
        && tokens[i - 1].is_symbol(text, '.')
        && (i == 1 || tokens[i - 1].space_before)
        && !written.contains([',', '.'])
}

/// A scale word glued to the digits by a hyphen at token `k`: "800-million".
fn hyphenated_scale(text: &Text, tokens: &[Token], k: usize) -> Option<f64> {
    let word = after_hyphen(text, tokens, k);
    if word == "hundred" {
        return Some(100.0); // "some 15-hundred"
    }
    words::scale(word).filter(|_| !words::is_glued_scale(word))
}

/// The word after a hyphen at token `k`, all glued ("-million", "-long"), else "".
fn after_hyphen<'t>(text: &'t Text, tokens: &[Token], k: usize) -> &'t str {
    let hyphen = tokens.get(k).is_some_and(|t| t.is_symbol(text, '-'))
        && glued(tokens, k)
        && glued(tokens, k + 1);
    if hyphen {
        word_at(text, tokens, k + 1)
    } else {
        ""
    }
}

/// `20s` to `90s` (and `10s`): a decade a life or a century has; not "1990s".
fn is_decade(written: &str) -> bool {
    written.len() == 2 && written.ends_with('0') && !written.starts_with('0')
}

/// A unit glued to digits at token `k`, which the quantity reads: "8km",
/// "200ft", "38C", "460mm", "24h", "62pc" (percent).
fn glued_unit(text: &Text, tokens: &[Token], k: usize) -> bool {
    let word = word_at(text, tokens, k);
    let spelled = crate::knowledge::units::by_spelling(word, true).is_some()
        || matches!(tokens[k].text(text), "C" | "F")
        || matches!(word, "am" | "pm" | "pc");
    spelled
        && !tokens
            .get(k + 1)
            .is_some_and(|t| !t.space_before && t.kind == TokenKind::Digits)
}

/// "25m below", "a 100m drop": a glued "m" is metres, not millions, unless a
/// currency stands before the digits or a plural noun after ("2.4m people").
fn glued_metres(text: &Text, tokens: &[Token], i: usize, k: usize) -> bool {
    let currency = i > 0
        && tokens[i - 1].kind == TokenKind::Symbol
        && tokens[i - 1]
            .text(text)
            .chars()
            .next()
            .and_then(words::currency_symbol)
            .is_some();
    word_at(text, tokens, k) == "m"
        && !currency
        && !words::is_plural(word_at(text, tokens, k + 1))
        && !crate::read::lex::starts_capitalized(tokens.get(k + 1).map_or("", |t| t.text(text)))
}

/// Clock digits starting at digits token `i` (worth `first`): `2:01:39`,
/// `59:35`, `2:16.13`, each part after a colon two digits (with a decimal
/// part on the last), glued.
fn clock(text: &Text, tokens: &[Token], i: usize, first: f64) -> Option<Numeral> {
    let mut parts = [first, 0.0, 0.0];
    let mut count = 1;
    let mut end = i + 1;
    while count < 3 {
        let (Some(colon), Some(part)) = (tokens.get(end), tokens.get(end + 1)) else {
            break;
        };
        let written = part.text(text);
        let bytes = written.as_bytes();
        let two_digits = bytes.len() >= 2 && bytes[..2].iter().all(u8::is_ascii_digit);
        let decimals_ok = bytes.len() == 2 || bytes.get(2) == Some(&b'.');
        if !colon.is_symbol(text, ':') || colon.space_before || part.space_before {
            break;
        }
        if part.kind != TokenKind::Digits
            || !two_digits
            || !decimals_ok
            || decimal(&written[..2]) >= 60.0
        {
            break;
        }
        parts[count] = decimal(written);
        count += 1;
        end += 2;
        if written.len() > 2 {
            break; // a decimal part ends the clock: "2:16.13"
        }
    }
    // "60:40", "52:48": a split of a hundred, no clock (and, see `digits`,
    // no figure).
    let split = count == 2 && parts[0] + parts[1] == 100.0;
    (count > 1 && !split).then_some(Numeral {
        start: i,
        end,
        worth: Worth::Clock(parts, count),
        year_like: false,
    })
}

/// The value of a digit run such as `1,234.56` (separators are skipped). Written
/// by hand: `str::parse::<f64>` would add its lookup tables to the wasm bundle,
/// and a digit run from the lexer needs none of its generality. Too many digits
/// give infinity, which the caller rejects.
fn decimal(written: &str) -> f64 {
    let (mut value, mut divisor) = (0.0_f64, None::<f64>);
    for b in written.bytes() {
        match (b, divisor.as_mut()) {
            (b'0'..=b'9', None) => value = value * 10.0 + f64::from(b - b'0'),
            (b'0'..=b'9', Some(d)) => {
                *d *= 10.0;
                value += f64::from(b - b'0') / *d;
            }
            (b'.', _) => divisor = Some(1.0),
            _ => {}
        }
    }
    value
}

fn vulgar_fraction(symbol: &str) -> Option<f64> {
    Some(match symbol {
        "½" => 0.5,
        "¼" => 0.25,
        "¾" => 0.75,
        _ => return None,
    })
}

/// A fraction in digits at token `k`, after a space: " 1/2", " 3/4" (halves,
/// thirds, quarters, eighths); its worth and the token after it.
fn written_fraction(text: &Text, tokens: &[Token], k: usize) -> Option<(f64, usize)> {
    let (numerator, slash, denominator) = (tokens.get(k)?, tokens.get(k + 1)?, tokens.get(k + 2)?);
    let shape = numerator.kind == TokenKind::Digits
        && numerator.space_before
        && slash.is_symbol(text, '/')
        && glued(tokens, k + 1)
        && denominator.kind == TokenKind::Digits
        && glued(tokens, k + 2)
        && !tokens
            .get(k + 3)
            .is_some_and(|t| !t.space_before && !t.is_word());
    let (n, d) = (
        decimal(numerator.text(text)),
        decimal(denominator.text(text)),
    );
    (shape && n >= 1.0 && n < d && matches!(d as u32, 2 | 3 | 4 | 8) && n.fract() == 0.0)
        .then_some((n / d, k + 3))
}

/// `thousands`, `a dozen`, `tens of thousands`: the longest vague phrase at `i`.
fn vague(text: &Text, tokens: &[Token], i: usize) -> Option<Numeral> {
    // The words from `i` on, looked up once for all the phrases.
    let mut words = [""; 3];
    for (k, word) in words.iter_mut().enumerate() {
        *word = word_at(text, tokens, i + k);
    }
    let phrase = words::VAGUE.iter().find(|v| {
        v.words.len() <= words.len() && v.words.iter().zip(&words).all(|(w, l)| w == l)
    })?;
    let end = i + phrase.words.len();
    // "tens of" counts what follows, not a number: not "tens of 1,000s",
    // "tens of trillions", "tens of lakhs" (too big a scale to guess).
    if phrase.words.last() == Some(&"of")
        && tokens.get(end).is_some_and(|next| {
            let word = next.lower(text);
            let singular = word.strip_suffix('s').unwrap_or(word);
            next.kind == TokenKind::Digits
                || words::may_start_numeral(word)
                || words::scale(singular).is_some()
        })
    {
        return None;
    }
    // "several" and "a few" are numbers only before what they count: "several occasions".
    if matches!(phrase.words.last(), Some(&"several") | Some(&"few")) {
        let next = tokens.get(end)?;
        if !next.is_word() || words::ends_noun_phrase(next.lower(text)) && next.lower(text) != "of"
        {
            return None;
        }
    }
    Some(Numeral {
        start: i,
        end,
        worth: Worth::Vague(phrase),
        year_like: false,
    })
}

/// Number words: `twelve`, `twenty-five`, `two hundred and ten`, `four and a half`,
/// `one and a half million`, `a thousand`, `half an`, `third`.
fn words(text: &Text, tokens: &[Token], i: usize) -> Option<Numeral> {
    let first = word_at(text, tokens, i);
    let next = word_at(text, tokens, i + 1);
    let first_time = first == "first" && next == "time";
    if let Some(value) = words::ordinal(first).or(first_time.then_some(1.0)) {
        let named = tokens
            .get(i + 1)
            .is_some_and(|t| crate::read::lex::starts_capitalized(t.text(text)));
        return (!named).then_some(Numeral {
            start: i,
            end: i + 1,
            worth: Worth::Ordinal(value),
            year_like: false,
        });
    }
    if first == "half" && matches!(next, "a" | "an") {
        // "half a million" is 500,000; "half an hour" half of the unit after it.
        let after = word_at(text, tokens, i + 2);
        if let Some(scale) = words::scale(after).filter(|_| !words::is_glued_scale(after)) {
            return Some(Numeral {
                start: i,
                end: i + 3,
                worth: Worth::Cardinal(0.5 * scale),
                year_like: false,
            });
        }
        return Some(Numeral {
            start: i,
            end: i + 2,
            worth: Worth::Cardinal(0.5),
            year_like: false,
        });
    }
    // "a half-dozen", "half-dozen" ("half a dozen" is a vague phrase).
    let article = usize::from(matches!(first, "a" | "an") && next == "half");
    if (first == "half" || article == 1) && after_hyphen(text, tokens, i + article + 1) == "dozen" {
        return Some(Numeral {
            start: i,
            end: i + article + 3,
            worth: Worth::Vague(&words::HALF_DOZEN),
            year_like: false,
        });
    }
    if let Some(fraction) = fraction(text, tokens, i) {
        return Some(fraction);
    }
    // "doubled", "tenfold", "twice": how many times as much.
    if let Some(times) = words::multiplier_word(first) {
        let twice_compares = first != "twice"
            || matches!(
                next,
                "as" | "the" | "that" | "more" | "higher" | "larger" | "bigger" | "greater"
            );
        return twice_compares.then_some(Numeral {
            start: i,
            end: i + 1,
            worth: Worth::Cardinal(times),
            year_like: false,
        });
    }
    // "half-hour"
    if first == "half"
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.is_symbol(text, '-') && !t.space_before)
    {
        return Some(Numeral {
            start: i,
            end: i + 1,
            worth: Worth::Cardinal(0.5),
            year_like: false,
        });
    }
    // "an hour and a half": the unit stands between the one and the half.
    if matches!(first, "a" | "an")
        && crate::knowledge::units::hours_in(next).is_some()
        && and_a_half(text, tokens, i + 2).is_some()
    {
        return Some(Numeral {
            start: i,
            end: i + 1,
            worth: Worth::Cardinal(1.5),
            year_like: false,
        });
    }
    // "a week", "more than a century": one of a duration's unit, where the
    // words around say it is a length of time; not "a second" (an ordinal).
    if matches!(first, "a" | "an")
        && next != "second"
        && crate::knowledge::units::hours_in(next).is_some()
        && times_a_span(text, tokens, i)
    {
        return Some(Numeral {
            start: i,
            end: i + 1,
            worth: Worth::Cardinal(1.0),
            year_like: false,
        });
    }
    // "more than a foot", "at least a mile": one of a measure's unit after a
    // qualifier; not "a pound" (money too) or "a second" (an ordinal).
    if matches!(first, "a" | "an")
        && i > 0
        && tokens[i - 1].has(crate::read::lex::WordClass::QUALIFIER_END)
    {
        let unit = crate::knowledge::units::by_spelling(next, false);
        // Not a compound: "over a foot-high kerb", "about a mile-long queue".
        let compound = !after_hyphen(text, tokens, i + 2).is_empty();
        if unit.is_some() && !compound && next != "second" && words::currency_word(next).is_none() {
            return Some(Numeral {
                start: i,
                end: i + 1,
                worth: Worth::Cardinal(1.0),
                year_like: false,
            });
        }
    }
    // "a hundred", "a million": the article counts as one only before a scale word.
    let mut k = i;
    if first == "a" {
        let next = word_at(text, tokens, i + 1);
        if next != "hundred" && words::scale(next).is_none_or(|_| words::is_glued_scale(next)) {
            return None;
        }
        k = i + 1;
    }
    // A capitalized number word inside a name: "Air Force One".
    if crate::read::lex::starts_capitalized(tokens[i].text(text)) && is_in_name(text, tokens, i) {
        return None;
    }
    let (mut total, mut group, mut read_any) = (0.0_f64, 0.0_f64, first == "a");
    if read_any {
        group = 1.0;
    }
    loop {
        let word = word_at(text, tokens, k);
        if let Some(v) = words::small_number(word) {
            // (Not `group % 100.0`: a float remainder costs the wasm bundle 1 KB.)
            if read_any && (group / 100.0).fract() != 0.0 {
                break; // "two three" is two numbers
            }
            group += v;
            k += 1;
            // "twenty-five"
            if words::is_tens(word)
                && tokens.get(k).is_some_and(|t| t.is_symbol(text, '-'))
                && glued(tokens, k)
                && glued(tokens, k + 1)
            {
                if let Some(unit) = words::small_number(word_at(text, tokens, k + 1))
                    .filter(|u| *u < 10.0 && *u > 0.0)
                {
                    group += unit;
                    k += 2;
                }
            }
            // "eight-thousand", "fifteen-hundred": the hyphen joins a scale.
            if hyphenated_scale(text, tokens, k).is_some() {
                k += 1;
            }
        } else if word == "hundred" && read_any {
            group = group.max(1.0) * 100.0;
            k += 1;
        } else if matches!(word, "dozen" | "dozens") && read_any {
            group = group.max(1.0) * 12.0;
            k += 1;
        } else if let Some(scale) =
            words::scale(word).filter(|_| read_any && !words::is_glued_scale(word))
        {
            total += group.max(1.0) * scale;
            group = 0.0;
            k += 1;
        } else if let Some(after_half) = and_a_half(text, tokens, k).filter(|_| read_any) {
            // "four and a half", "two-and-a-half", then maybe a scale: "one and a half million".
            group += 0.5;
            k = after_half;
            let next = word_at(text, tokens, k);
            if let Some(scale) = words::scale(next).filter(|_| !words::is_glued_scale(next)) {
                total += group * scale;
                group = 0.0;
                k += 1;
            }
            break;
        } else if word == "and"
            && read_any
            && group >= 100.0
            && words::small_number(word_at(text, tokens, k + 1)).is_some()
        {
            k += 1; // "two hundred and ten"
        } else {
            break;
        }
        read_any = true;
    }
    if k == i || (first == "a" && k == i + 1) {
        return None;
    }
    let value = total + group;
    if first == "one" && k == i + 1 && !one_is_a_number(text, tokens, i) {
        return None;
    }
    Some(Numeral {
        start: i,
        end: k,
        worth: Worth::Cardinal(value),
        year_like: false,
    })
}

/// "A day" at token `i` is a length of time: a qualifier before it ("more
/// than a century"), a word that takes one ("for a decade", "lasted a week"),
/// or one after it ("a day later", "a year-long"). Elsewhere it is mostly a
/// rate ("$2 million a year", "twice a day") or an idiom ("wait a minute").
fn times_a_span(text: &Text, tokens: &[Token], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| &tokens[k]);
    let cue_before = before.is_some_and(|t| {
        t.has(crate::read::lex::WordClass::QUALIFIER_END) || words::takes_a_span(t.lower(text))
    });
    let year_long = after_hyphen(text, tokens, i + 2) == "long";
    cue_before || year_long || words::follows_a_span(word_at(text, tokens, i + 2))
}

/// A fraction at `i`: "a third", "one-third", "two-thirds", "three quarters",
/// "half" (before "of", or a qualifier's object: "more than half"). Not "the
/// third time" (an ordinal) or "first quarter" (a period).
fn fraction(text: &Text, tokens: &[Token], i: usize) -> Option<Numeral> {
    let first = word_at(text, tokens, i);
    if first == "half" {
        if let Some(part) = of_a_unit(text, tokens, i, i + 1, 2.0, 0.5) {
            return Some(part); // "half of a mile"
        }
        // "half of the town", "half the victims", "more than half": not "in
        // the half" (a race), "the top half", "the first half" (a period) or
        // "half the size", "half its peak" (half as much: a whole is plural).
        let next = word_at(text, tokens, i + 1);
        let qualified = i > 0 && tokens[i - 1].has(crate::read::lex::WordClass::QUALIFIER_END);
        let of_plural =
            words::is_determiner(next) && words::is_plural(word_at(text, tokens, i + 2));
        let before = if i > 0 {
            word_at(text, tokens, i - 1)
        } else {
            ""
        };
        let after_ordinal = before == "first" || words::ordinal(before).is_some();
        let share = !after_ordinal
            && (next == "of"
                || of_plural
                || qualified && !tokens.get(i + 1).is_some_and(|t| t.is_word()));
        return share.then_some(Numeral {
            start: i,
            end: i + 1,
            worth: Worth::Fraction(0.5),
            year_like: false,
        });
    }
    // "eleven-hundredths of a second", "11 tenths of a second": a larger or
    // written numerator only in a fraction of a unit.
    let digits = tokens
        .get(i)
        .filter(|t| t.kind == TokenKind::Digits)
        .map(|t| decimal(t.text(text)))
        .filter(|n| n.fract() == 0.0);
    let numerator = match first {
        "a" | "one" => 1.0,
        _ => words::small_number(first).or(digits).filter(|n| *n > 1.0)?,
    };
    let only_of_a_unit = numerator >= 10.0 || digits.is_some();
    let mut k = i + 1;
    if tokens.get(k).is_some_and(|t| t.is_symbol(text, '-'))
        && glued(tokens, k)
        && glued(tokens, k + 1)
    {
        k += 1;
    }
    let denominator = words::denominator(word_at(text, tokens, k))?;
    // "a ten-thousandth of a second" is one part in 10,000, not ten in 1,000.
    if k > i + 1 && numerator >= 10.0 && denominator >= 1000.0 {
        return None;
    }
    let fraction = numerator / denominator;
    let part = of_a_unit(text, tokens, i, k + 1, denominator, fraction);
    // Hundredths and thousandths are fractions only of a unit ("a hundredth
    // of a second"); elsewhere they are ordinals ("the one hundredth day").
    if denominator >= 100.0 || only_of_a_unit {
        return part;
    }
    // "one third of", "a quarter of": singular after one; plural after more.
    part.or(Some(Numeral {
        start: i,
        end: k + 1,
        worth: Worth::Fraction(fraction),
        year_like: false,
    }))
}

/// A fraction of one of something that is not a share: "a quarter of a
/// million" is 250,000; "a tenth of a second" and "three-quarters of an hour"
/// a part of the unit after them, which is then read as the unit (the numeral
/// ends before it). The fraction's words run from `start` to before `k`; it
/// is `fraction`, in parts of `denominator`.
fn of_a_unit(
    text: &Text,
    tokens: &[Token],
    start: usize,
    k: usize,
    denominator: f64,
    fraction: f64,
) -> Option<Numeral> {
    if word_at(text, tokens, k) != "of" || !matches!(word_at(text, tokens, k + 1), "a" | "an") {
        return None;
    }
    let after = word_at(text, tokens, k + 2);
    let numeral = |end, value| Numeral {
        start,
        end,
        worth: Worth::Cardinal(value),
        year_like: false,
    };
    if let Some(scale) = words::scale(after).filter(|_| !words::is_glued_scale(after)) {
        return Some(numeral(k + 3, fraction * scale));
    }
    // A unit of one word or two ("a second", "a square mile"); not a currency
    // ("half of a pound of beef"), an adjective ("half of a mile-long bridge")
    // or the ordinal before a noun ("half of a second shipment"; but tenths
    // and hundredths are of a time: "11 tenths of a second faster").
    let next = tokens.get(k + 3);
    let unit = units::by_spelling(after, false).is_some()
        || units::by_spelling(
            &(after.to_string() + " " + word_at(text, tokens, k + 3)),
            false,
        )
        .is_some();
    let currency = words::currency_word(after).is_some();
    let adjective = next.is_some_and(|t| t.is_symbol(text, '-')) && glued(tokens, k + 3);
    let ordinal =
        words::ordinal(after).is_some() && next.is_some_and(|t| t.is_word()) && denominator < 10.0;
    (unit && !currency && !adjective && !ordinal).then(|| numeral(k + 2, fraction))
}

/// The token after "and a half" (also hyphenated: "-and-a-half") starting at `k`.
pub fn and_a_half(text: &Text, tokens: &[Token], k: usize) -> Option<usize> {
    let mut k = k;
    for word in ["and", "a", "half"] {
        if tokens
            .get(k)
            .is_some_and(|t| t.is_symbol(text, '-') && !t.space_before)
        {
            k += 1;
        }
        if word_at(text, tokens, k) != word {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// How many tokens before a listed "one in X" an earlier item may start.
const LIST_ITEM_REACH: usize = 24;

/// "one" is a number before what it counts ("one day", "one person"), not in
/// "no one", "one of the", "the one", "one another".
fn one_is_a_number(text: &Text, tokens: &[Token], i: usize) -> bool {
    let before = if i > 0 {
        word_at(text, tokens, i - 1)
    } else {
        ""
    };
    if matches!(
        before,
        "no" | "the" | "any" | "every" | "each" | "this" | "that" | "which" | "someone" | "anyone"
    ) {
        return false;
    }
    // "one in five", "one in every 50", "one out of 10": a share; "one or
    // two": a range.
    let share = match (word_at(text, tokens, i + 1), word_at(text, tokens, i + 2)) {
        ("in", "every") | ("out", "of") => Some(i + 3),
        ("in", _) | ("or", _) => Some(i + 2),
        _ => None,
    };
    if let Some(k) = share {
        if tokens.get(k).is_some_and(|t| t.kind == TokenKind::Digits)
            || words::small_number(word_at(text, tokens, k)).is_some()
        {
            return true;
        }
    }
    // The last item of a listed toll: "two in Castilla-La Mancha and one in
    // Malaga", "four victims in Taroko Gorge, ..., and one in the Hejen
    // mining area": after "and" or a comma, with an earlier item of the list
    // (a number before "in") not far before; not "a tough decision, one in
    // which" or "the only one in Congress".
    let after_list_item = || {
        (i.saturating_sub(LIST_ITEM_REACH)..i).any(|k| {
            let number = tokens[k].kind == TokenKind::Digits
                || words::small_number(word_at(text, tokens, k)).is_some_and(|n| n > 1.0);
            number && (k + 1..(k + 4).min(i)).any(|m| word_at(text, tokens, m) == "in")
        })
    };
    let joined = before == "and" || i > 0 && tokens[i - 1].is_symbol(text, ',');
    if word_at(text, tokens, i + 1) == "in" && joined && after_list_item() {
        return true;
    }
    match tokens.get(i + 1) {
        Some(next) if next.is_word() => {
            let next = next.lower(text);
            !words::ends_noun_phrase(next) && !matches!(next, "another" | "way" | "thing")
        }
        // "one-day", not "one-off".
        Some(next) => {
            next.is_symbol(text, '-')
                && crate::knowledge::units::hours_in(word_at(text, tokens, i + 2)).is_some()
        }
        None => false,
    }
}

/// True for a capitalized number word or digits right after a capitalized word
/// that does not open its sentence: part of a name ("Air Force One", "Boeing
/// 737", "Article 5"), not a number.
fn is_in_name(text: &Text, tokens: &[Token], i: usize) -> bool {
    let capitalized = |t: &Token| t.is_capitalized(text);
    let this = &tokens[i];
    if i == 0 || this.newline_before || !(capitalized(this) || this.kind == TokenKind::Digits) {
        return false;
    }
    // "Microsoft Eliminating 18,000 Jobs", "Sheinbaum Gains 58.4%": a title-case
    // headline's amount; names carry no thousands and no percent ("Boeing 737").
    let grouped = this.kind == TokenKind::Digits && this.text(text).contains(',');
    // "Southwest Delhi 58.86 per cent" too.
    let next = word_at(text, tokens, i + 1);
    let percent = tokens
        .get(i + 1)
        .is_some_and(|t| !t.space_before && t.is_symbol(text, '%'))
        || matches!(next, "percent" | "pct")
        || next == "per" && word_at(text, tokens, i + 2) == "cent";
    // "fined Alibaba 18.3 billion yuan": a scale word or a currency after it
    // makes an amount of it ("Boeing 737" has neither; a glued "m" may be
    // metres: "Kipyegon's 1500m").
    let spaced = tokens.get(i + 1).is_some_and(|t| t.space_before);
    // Not a compound: "Chapter 11 million-dollar filings".
    let compound = !after_hyphen(text, tokens, i + 2).is_empty();
    let amount = !compound
        && (spaced && words::scale(next).is_some() || words::currency_word(next).is_some());
    if grouped || percent || amount {
        return false;
    }
    let before = &tokens[i - 1];
    let name_word = capitalized(before)
        && {
            let word = before.lower(text);
            words::month(word).is_none()
            && !words::is_currency_code(word)
            && words::weekday(word).is_none()
            // "At Least 36 Killed", "Magnitude 7.4", "Mach 2": a headline's
            // qualifier or a unit written before the number, not a name.
            && !before.has(crate::read::lex::WordClass::QUALIFIER_END | crate::read::lex::WordClass::POSSESSIVE)
            && !matches!(word, "magnitude" | "mach" | "category" | "aged" | "m" | "mw" | "rs")
        };
    // "In Ohio 12 people died", "in Texas and Louisiana 12": a place named
    // after its preposition, then the figure (not "the Toyota 86").
    let place_before = i >= 2
        && (tokens[i - 2].has(crate::read::lex::WordClass::PLACE_PREPOSITION)
            || word_at(text, tokens, i - 2) == "and")
        && crate::knowledge::places::is_known(before.lower(text));
    // The capitalized word must not merely open the sentence ("In 2022").
    let opens_sentence = i < 2 || before.newline_before || {
        let t = &tokens[i - 2];
        t.kind == TokenKind::Symbol
            && matches!(
                t.text(text),
                "." | "!" | "?" | "“" | "\"" | "(" | ":" | "—" | "•" | "*" | "-" | "–"
            )
    };
    name_word && !opens_sentence && !place_before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::lex::{tokens, Text};

    /// The first numeral anywhere in `raw`, with the text it spans.
    fn first(raw: &str) -> Option<(Numeral, String)> {
        let text = &Text::new(raw);
        let toks = tokens(text);
        let n = (0..toks.len()).find_map(|i| at(text, &toks, i))?;
        Some((
            n,
            text[toks[n.start].start()..toks[n.end - 1].end()].to_string(),
        ))
    }

    fn read(raw: &str) -> Option<(f64, String)> {
        let text = &Text::new(raw);
        let toks = tokens(text);
        let n = at(text, &toks, 0)?;
        let written = text[toks[n.start].start()..toks[n.end - 1].end()].to_string();
        let value = n.nominal();
        Some((value, written))
    }

    #[test]
    fn reads_numerals() {
        let cases: &[(&str, f64, &str)] = &[
            ("1,000 people", 1000.0, "1,000"),
            ("4.5 hours", 4.5, "4.5"),
            ("21 billion euros", 21e9, "21 billion"),
            ("24bn", 24e9, "24bn"),
            ("twelve people", 12.0, "twelve"),
            ("twenty-five people", 25.0, "twenty-five"),
            ("four and a half hours", 4.5, "four and a half"),
            (
                "one and a half million people",
                1.5e6,
                "one and a half million",
            ),
            ("two hundred and ten troops", 210.0, "two hundred and ten"),
            ("a thousand troops", 1000.0, "a thousand"),
            ("three-hour meeting", 3.0, "three"),
            ("third time", 3.0, "third"),
            ("3rd time", 3.0, "3rd"),
            ("tens of thousands of people", 20000.0, "tens of thousands"),
            ("a dozen people", 12.0, "a dozen"),
            ("two dozen people", 24.0, "two dozen"),
            ("half an hour", 0.5, "half an"),
            ("one day", 1.0, "one"),
            ("half a million people", 500_000.0, "half a million"),
            ("two-thirds of", 2.0 / 3.0, "two-thirds"),
            ("a third of", 1.0 / 3.0, "a third"),
            ("three quarters", 0.75, "three quarters"),
            ("2:01:39 hours", 7299.0, "2:01:39"),
            ("2:16.13", 136.13, "2:16.13"),
            ("15 lakh", 1.5e6, "15 lakh"),
        ];
        for (text, value, written) in cases {
            assert_eq!(
                read(text),
                Some((*value, written.to_string())),
                "reading {text:?}"
            );
        }
    }

    #[test]
    fn reads_digits_after_a_bare_decimal_point() {
        for (raw, value, written) in [
            ("won by .11 seconds", 0.11, ".11"),
            ("a .5 million rise", 5e5, ".5 million"),
        ] {
            let (n, seen) = first(raw).unwrap();
            assert_eq!((n.nominal(), seen.as_str()), (value, written), "{raw:?}");
        }
        let text = &Text::new("killed 40 people.11 more");
        let toks = tokens(text);
        let after_stop = at(text, &toks, toks.len() - 2).map(|n| n.nominal());
        assert_eq!(
            after_stop,
            Some(11.0),
            "a full stop glued to a word is no decimal point"
        );
        let worth = |raw: &str| first(raw).map(|(n, _)| n.worth);
        assert_eq!(
            worth("at .11:30 GMT"),
            Some(Worth::Clock([11.0, 30.0, 0.0], 2))
        );
        assert_eq!(worth("took .5th place"), None);
    }

    #[test]
    fn a_title_case_headline_amount_is_no_name() {
        let value = |raw: &str| first(raw).map(|(n, _)| n.nominal());
        assert_eq!(
            value("Microsoft Eliminating 18,000 Jobs as Nadella Streamlines"),
            Some(18000.0)
        );
        assert_eq!(value("Claudia Sheinbaum Gains 58.4% in Mexico"), Some(58.4));
        assert_eq!(value("Investigators Study Boeing 737 Wreck"), None);
    }

    #[test]
    fn a_scale_or_currency_after_a_names_digits_makes_an_amount() {
        let value = |raw: &str| first(raw).map(|(n, _)| n.nominal());
        assert_eq!(
            value("Regulators fined Alibaba 18.3 billion yuan"),
            Some(18.3e9)
        );
        // A compound is still the name's: "Chapter 11 million-dollar filings".
        assert_eq!(value("Lawyers saw Chapter 11 million-dollar filings"), None);
    }

    #[test]
    fn leaves_non_numbers() {
        for text in [
            "one of them",
            "a man",
            "several.",
            "first quarter",
            "G7",
            "1e400",
        ] {
            let toks = tokens(text);
            let text = &Text::new(text);
            let found = (0..toks.len()).find_map(|i| at(text, &toks, i));
            assert_eq!(found, None, "{text:?} is not a numeral");
        }
    }
}
