//! Stage 4: from a numeral to a quantity: the qualifier and the interval it
//! gives, the unit and dimension, a range's second number, a conversion in
//! parentheses, and what a count counts.
//!
//! Why intervals: "more than four hours", "four and a half hours" and "three hours"
//! are only comparable as sets of values. A qualifier keeps its direction
//! ("just under 20%" is below 20, not "about 20"), vague words become the range
//! they stand for, and a conversion "40 km (25 miles)" stays one amount.
//! DESIGN.md has the table of qualifiers and the reasoning.
//!
//! [`at`] reads one quantity in steps, each a method of [`Reader`] that fills
//! in a [`Draft`]: the unit written before the number (a currency, "magnitude",
//! "Mach"), the qualifier before it, a range, a qualifier after it, the unit
//! after it (or what it counts), a compound ("6 feet 5 inches"), a conversion, a rate.

use crate::claim::{Bound, Interval, Kind};
use crate::knowledge::units::{self, Unit};
use crate::knowledge::words::{self, APPROXIMATE_TOLERANCE};
use crate::read::lex::{word_at, Text, Token, TokenKind, WordClass};
use crate::read::numeral::{self, Numeral, Worth};
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
    /// The unit `value` is in: a unit's name (`km`, `hour`), an ISO currency
    /// code, `%`, `year` for ages, `times`; for a count, the lemma of what it
    /// counts ("man"), or "".
    pub unit: String,
    /// Stated conversions.
    pub conversions: Vec<Converted>,
    /// Tokens of what is counted ("Chinese men"), or the noun a hyphenated
    /// amount describes ("meeting" in "a three-hour meeting").
    pub noun: Option<Range<usize>>,
    /// "a week" in "thousands a week": the amount is a rate per this unit.
    pub rate: Option<&'static str>,
    /// A four-digit number with no unit: the caller reads it as a year.
    pub year_like: bool,
}

/// The same amount stated again in parentheses, in another unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    pub unit: String,
    pub value: Interval,
    pub tokens: Range<usize>,
    /// The two figures agree within the rounding their writing implies.
    pub consistent: bool,
}

/// Reads the quantity whose numeral starts at token `i`. `taken` is the first
/// token not yet claimed by an earlier quantity: a qualifier is never looked for
/// before it.
pub fn at(text: &Text, tokens: &[Token], i: usize, taken: usize) -> Option<Quantity> {
    let first = numeral::at(text, tokens, i)?;
    let reader = Reader {
        text,
        tokens,
        taken,
    };
    let mut q = Draft::new(first);
    reader.unit_before(&mut q);
    reader.qualifier_before(&mut q);
    reader.range(&mut q);
    reader.qualifier_after(&mut q);
    reader.unit_after(&mut q)?;
    reader.sign(&mut q);
    reader.qualifier_after_unit(&mut q);
    reader.compound(&mut q);
    reader.conversion(&mut q);
    reader.rate(&mut q);
    Some(q.finish(text, tokens))
}

/// How many words before "from" a word of change may stand: "raise the
/// statutory retirement age from 62 to 64".
const CHANGE_REACH: usize = 6;

/// True when a word of change stands among the last words of `range`, with
/// no number between: "raise the statutory retirement age" before "from 62".
pub fn change_before(text: &Text, tokens: &[Token], range: Range<usize>) -> bool {
    range
        .rev()
        .take(CHANGE_REACH)
        .take_while(|&k| tokens[k].is_word() && !tokens[k].has(WordClass::NUMERAL_START))
        .any(|k| {
            let word = tokens[k].lower(text);
            words::is_change_verb(word) || words::changes_an_amount(word)
        })
}

/// The dimensions news writes in several units at once ("6 feet 5 inches").
const COMPOUND_KINDS: [Kind; 3] = [Kind::Duration, Kind::Length, Kind::Mass];

/// What is known of a quantity while it is read.
struct Draft {
    first: Numeral,
    second: Option<Numeral>,
    /// First token of the claim (a currency or unit before the number).
    start: usize,
    /// End of the number(s).
    number_end: usize,
    /// End of everything read so far.
    end: usize,
    bound: Option<Bound>,
    qualifier: Option<Range<usize>>,
    kind: Option<Kind>,
    unit: String,
    noun: Option<Range<usize>>,
    conversions: Vec<Converted>,
    rate: Option<&'static str>,
    /// More of the same unit, from a compound ("and six months", "5 inches").
    added: f64,
    /// The value is that of a fraction of a share: "two-thirds" is 66.7%.
    share: bool,
    /// A temperature below zero: "-5C", "minus 5 degrees" (the sign is the
    /// token before the number).
    negative: bool,
}

impl Draft {
    /// The qualifier `words` (bounding as `bound`) standing at `at`, after the
    /// number: the claim runs to its end.
    fn qualify_after(&mut self, at: usize, (words, bound): (&[&str], Bound)) {
        self.bound = Some(bound);
        self.qualifier = Some(at..at + words.len());
        self.end = at + words.len();
    }

    fn new(first: Numeral) -> Self {
        Draft {
            first,
            second: None,
            start: first.start,
            number_end: first.end,
            end: first.end,
            bound: None,
            qualifier: None,
            kind: None,
            unit: String::new(),
            noun: None,
            conversions: Vec::new(),
            rate: None,
            added: 0.0,
            share: false,
            negative: false,
        }
    }

    fn set(&mut self, kind: Kind, unit: &str, end: usize) {
        self.kind = Some(kind);
        self.unit = unit.to_string();
        self.end = self.end.max(end);
    }

    fn finish(self, text: &Text, tokens: &[Token]) -> Quantity {
        let kind = self.kind.unwrap_or(Kind::Count);
        let bound = self.bound.unwrap_or(match self.first.worth {
            Worth::Vague(v) => v.bound,
            _ => Bound::Exact,
        });
        let scale = if self.share { 100.0 } else { 1.0 };
        let value = if self.added > 0.0 {
            bounded(self.first.nominal() + self.added, bound)
        } else {
            interval(&self.first, self.second.as_ref(), bound).scaled(scale)
        };
        // Below zero, a band about the figure is the mirror of the band about
        // its magnitude ("nearly minus 30C" is -30 to -27, "frosts of up to
        // -8C" -8 to 0); a comparison bounds the signed value ("below -5C" is
        // colder than -5).
        let value = match bound {
            Bound::Above | Bound::AtLeast | Bound::Below if self.negative => {
                bounded(-self.first.nominal(), bound)
            }
            _ if self.negative => value.mirrored(),
            _ => value,
        };
        // A temperature has no floor at zero: "below 5C" may be -10C.
        let value = match bound {
            Bound::Below | Bound::AtMost
                if kind == Kind::Temperature && !(self.negative && bound == Bound::AtMost) =>
            {
                Interval {
                    low: None,
                    low_inclusive: false,
                    ..value
                }
            }
            _ => value,
        };
        // A year alone ("in 2022"), or before a singular noun it dates ("a 1997
        // storm", "the 2018 Camp Fire"), or any noun after "in" or "the"
        // ("arrested 45 in 2011 riots"); not "2000 people".
        let dates_a_noun = || {
            let after_dating_word = self.first.start > 0
                && matches!(
                    tokens[self.first.start - 1].lower(text),
                    "in" | "the" | "since" | "during"
                );
            self.noun.as_ref().is_some_and(|n| {
                let head = tokens[n.end - 1].lower(text);
                !words::is_plural(head) || tokens[n.start].is_capitalized(text) || after_dating_word
            })
        };
        let year_like = self.first.year_like
            && kind == Kind::Count
            && bound == Bound::Exact
            && (self.unit.is_empty() || dates_a_noun());
        let qualifier_start = self.qualifier.as_ref().map_or(self.start, |q| q.start);
        Quantity {
            span: self.start.min(qualifier_start)..self.end.max(self.number_end),
            number: self.first.start - usize::from(self.negative)..self.number_end,
            qualifier: self.qualifier,
            bound,
            value,
            kind,
            unit: self.unit,
            conversions: self.conversions,
            noun: self.noun,
            rate: self.rate,
            year_like,
        }
    }
}

/// The text, its tokens and the first token not yet claimed: what every step reads.
struct Reader<'a, 't> {
    text: &'a Text<'t>,
    tokens: &'a [Token],
    taken: usize,
}

impl Reader<'_, '_> {
    fn word(&self, i: usize) -> &str {
        word_at(self.text, self.tokens, i)
    }

    fn symbol(&self, i: usize) -> Option<char> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Symbol)
            .and_then(|t| t.text(self.text).chars().next())
    }

    /// A word of change ("rose", "raise", "the decline in") in the words of
    /// the clause just before token `at`, with no number between.
    fn changes_before(&self, at: usize) -> bool {
        change_before(self.text, self.tokens, self.taken..at)
    }

    /// Token `i` follows the one before it without a space.
    fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// Token `i` starts a new line: nothing a claim reads crosses it.
    fn new_line(&self, i: usize) -> bool {
        self.tokens.get(i).is_none_or(|t| t.newline_before)
    }

    /// A currency ("$", "US$", "USD"), a magnitude ("magnitude 6.8",
    /// "magnitude-5.8", "M5.8", "a magnitude of 6.1") or "Mach" before the number.
    fn unit_before(&self, q: &mut Draft) {
        let i = q.first.start;
        if i <= self.taken {
            return;
        }
        if let Some(code) = self.symbol(i - 1).and_then(words::currency_symbol) {
            q.set(Kind::Money, code, i);
            q.start = i - 1;
            // A country's letters before the symbol name its currency: "US$5"
            // and "USD$5" are US dollars, "A$7 million" and "AU$7m" Australian
            // dollars, "E£3" Egyptian pounds. Letters factmark does not know
            // keep the symbol as written: it knows no exchange rate, so such an
            // amount is never compared with the bare symbol's.
            if q.start > self.taken && self.glued(q.start) {
                let letters = self.tokens[q.start - 1].text(self.text);
                let lower = self.word(q.start - 1);
                let country = (1..=3).contains(&letters.len())
                    && letters.bytes().all(|b| b.is_ascii_uppercase());
                let symbol = self.tokens[i - 1].text(self.text);
                let prefix = words::currency_prefix(&(lower.to_string() + symbol));
                if country || prefix.is_some() {
                    q.start -= 1;
                    let code =
                        words::currency_word(lower).filter(|_| words::is_currency_code(lower));
                    q.unit = prefix
                        .or(code)
                        .map_or_else(|| letters.to_string() + symbol, str::to_string);
                }
            }
            return;
        }
        let before = self.tokens[i - 1].text(self.text);
        // "$US100 million", "$A7 million": the symbol, then the country's letters.
        if i >= self.taken + 2 && self.glued(i) && self.glued(i - 1) {
            let symbol = self.tokens[i - 2].text(self.text);
            if let Some(code) = words::currency_symbol_then_letters(symbol, before) {
                q.set(Kind::Money, code, i);
                q.start = i - 2;
                return;
            }
        }
        // "USD 24 billion"; "Rs 450 crore", "RM210 million", "Rp4 billion".
        // Spaced, only "Rs" ("RM 42 Commando" is the Royal Marines).
        let abbreviation = words::is_currency_abbreviation(self.word(i - 1))
            && (before == "Rs" || self.glued(i) && crate::read::lex::starts_capitalized(before));
        if abbreviation
            || words::is_currency_code(self.word(i - 1))
                && before.chars().all(|c| c.is_ascii_uppercase())
        {
            if let Some(code) = words::currency_word(self.word(i - 1)) {
                q.set(Kind::Money, code, i);
                q.start = i - 1;
            }
            return;
        }
        // "magnitude-5.8", "magnitude 6.8", "a magnitude of 6.1", "the
        // magnitude as 8.1", "M5.8".
        let hyphen = self.symbol(i - 1) == Some('-') && self.glued(i);
        let word_before = if hyphen { i.saturating_sub(2) } else { i - 1 };
        let linked = matches!(self.word(word_before), "of" | "as" | "was" | "is" | "at")
            && word_before > self.taken;
        let magnitude_at = if linked { word_before - 1 } else { word_before };
        // "Earthquakes measuring 7.7": a decimal under ten with no unit after.
        let measuring = matches!(self.word(i - 1), "measuring" | "measured")
            && self.tokens[q.first.start].text(self.text).contains('.')
            && (1.0..10.0).contains(&q.first.nominal())
            && self.unit_spelled(q.first.end, false).is_none()
            && self.magnitude_after(q.first.end, false).is_none()
            // "inflation measured 3.1 percent", "measured 6.5 by 4 metres".
            && self.symbol(q.first.end) != Some('%')
            && !matches!(self.word(q.first.end), "percent" | "per" | "pct" | "by" | "x");
        if self.word(magnitude_at) == "magnitude" && magnitude_at >= self.taken || measuring {
            q.set(Kind::Magnitude, "magnitude", i);
            q.start = if measuring { i } else { magnitude_at };
        } else if matches!(before, "M" | "Mw") && self.glued(i) {
            q.set(Kind::Magnitude, "magnitude", i);
            q.start = i - 1;
        } else if self.word(i - 1) == "mach" {
            q.set(Kind::Speed, "mach", i);
            q.start = i - 1;
        } else if self.word(word_before) == "category" && word_before >= self.taken {
            // "a Category 4 hurricane", "Category-5": a storm's rating.
            q.set(Kind::Count, "category", i);
            q.start = word_before;
        }
    }

    /// The longest qualifier ending right before the amount: "more than", "at least".
    fn qualifier_before(&self, q: &mut Draft) {
        let start = q.start;
        // "approx. 500,000": an abbreviated qualifier's period stands between.
        let abbreviated = start > self.taken + 1
            && self.symbol(start - 1) == Some('.')
            && self.tokens[start - 2].has(WordClass::ABBREVIATION);
        let end = start - usize::from(abbreviated);
        if end <= self.taken || !self.tokens[end - 1].has(WordClass::QUALIFIER_END) {
            return; // most amounts follow no qualifier: the word's flag says so
        }
        // The three words before the amount, lowercased once for all the phrases.
        let before: [&str; 3] = std::array::from_fn(|back| {
            if end > self.taken + back {
                self.word(end - 1 - back)
            } else {
                ""
            }
        });
        for (words, bound) in words::QUALIFIERS_BEFORE {
            let n = words.len();
            if end < self.taken + n || !words.iter().rev().zip(&before).all(|(w, l)| l == w) {
                continue;
            }
            // "control over four regions", "disbursed over three years": a preposition.
            let word_before = || self.word(end - n - 1);
            let duration_follows = || units::hours_in(self.word(q.first.end)).is_some();
            let preposition = *words == ["over"]
                && end > n
                && (words::takes_over(word_before())
                    || words::spreads_over(word_before()) && duration_follows());
            // "House passes $1.2 trillion bill": a bill passed, not a sum
            // surpassed; "the approaching 2024 election": a year.
            let passed_bill = matches!(words, ["passes" | "passed"]) && q.kind == Some(Kind::Money);
            // "inched up to 227": a level reached, not a maximum.
            let moved_up = *words == ["up", "to"] && end > n && words::moves_up_to(word_before());
            if !preposition && !passed_bill && !moved_up && !q.first.year_like {
                q.bound = Some(*bound);
                q.qualifier = Some(end - n..start);
            }
            return;
        }
    }

    /// A range: "between 30 and 40", "30–40", "$1 million to $2 million",
    /// "between 26.6% and 28.6%", "50% to 60%", "two or three weeks". Not
    /// "three-hour" (a compound), nor "by 315 to 14,413" (a change and a
    /// level), nor "$50 or 60 days".
    fn range(&self, q: &mut Draft) {
        // "doubled to 14.6 million": a multiplier, then a level (but
        // "tenfold or twelvefold" is a range).
        let multiplier = words::multiplier_word(self.word(q.first.start)).is_some();
        if multiplier && self.word(q.first.end) == "to" {
            return;
        }
        let before_amount = |word: &str| q.start > self.taken && self.word(q.start - 1) == word;
        let between = before_amount("between");
        // "approximately 58.3% to 60.7%": the range is what the words state.
        let approximate = q.bound == Some(Bound::Approximately);
        if q.bound.is_some() && !approximate || !matches!(q.first.worth, Worth::Cardinal(_)) {
            return;
        }
        // A unit may stand after the first number too: "26.6% and 28.6%".
        let mut k = q.first.end;
        if self.symbol(k) == Some('%') {
            k += 1;
        }
        // The first number's digits (".5-1 percent" starts at the point).
        let digits = self.tokens[q.first.end - 1].kind == TokenKind::Digits;
        let or = self.word(k) == "or";
        let joins = match (self.symbol(k), self.word(k)) {
            (Some('–' | '-' | '—'), _) => digits && !self.glued_word_after(k),
            (_, "to" | "or") => true,
            (_, "and") => between,
            _ => false,
        };
        // "in 2019 or 2020" is two years.
        if !joins || self.new_line(k + 1) || or && q.first.year_like {
            return;
        }
        let mut next = k + 1;
        let currency_again = self.symbol(next).and_then(words::currency_symbol).is_some();
        if currency_again {
            next += 1;
        }
        // "$50 or 60 days": the second of an "or" is in the first's currency.
        if or && q.kind == Some(Kind::Money) && !currency_again {
            return;
        }
        let Some(second) = numeral::at(self.text, self.tokens, next)
            .filter(|n| matches!(n.worth, Worth::Cardinal(_)) && n.nominal() >= q.first.nominal())
        else {
            return;
        };
        // Far apart, they are not one range: "rose by 315 to 14,413" and
        // "the Dow rose 0.5 to 3,412" are a change, then the new level; "9 or
        // 90". (Near: "rise by 10 to 15 percent", "two or three weeks", "10 or
        // 12,000 people".)
        let change = before_amount("by")
            || q.start > self.taken && words::is_change_verb(self.word(q.start - 1));
        // "rose from 37 to 52", "raise the retirement age from 62 to 64" are
        // the figure before and the figure after, however near.
        if before_amount("from") && self.changes_before(q.start - 1) {
            return;
        }
        let ratio = second.nominal() / range_low(&q.first, second.nominal());
        if (or || change) && ratio > NEAR_RANGE {
            return;
        }
        // With a unit after the first number, the same must follow the second.
        if k > q.first.end && self.symbol(second.end) != Some('%') {
            return;
        }
        q.number_end = second.end;
        q.end = second.end;
        q.second = Some(second);
        q.bound = Some(Bound::Range);
        if approximate {
            return;
        }
        if between || before_amount("from") {
            q.qualifier = Some(q.start - 1..q.start);
            q.start -= 1;
        }
    }

    /// A hyphen at `k` glued to a word after it: "three-hour", not a range.
    fn glued_word_after(&self, k: usize) -> bool {
        self.glued(k) && self.glued(k + 1) && self.tokens.get(k + 1).is_some_and(Token::is_word)
    }

    /// "50 or more", "300 or so", "four or younger".
    fn qualifier_after(&self, q: &mut Draft) {
        if q.bound.is_some() {
            return;
        }
        // "the 100-plus victims", "1,000-odd residents": after a hyphen too.
        let hyphen = self.symbol(q.number_end) == Some('-') && self.glued_word_after(q.number_end);
        let at = q.number_end + usize::from(hyphen);
        // "rose to 44 and over 450 were hurt": a number after it makes the
        // words another figure's qualifier.
        let number_after = |(words, _): &(&[&str], Bound)| {
            self.tokens
                .get(at + words.len())
                .is_some_and(|t| t.kind == TokenKind::Digits)
        };
        if let Some(qualifier) = self.trailing_qualifier(at).filter(|q| !number_after(q)) {
            q.qualify_after(at, qualifier);
        } else if self.symbol(at) == Some('+')
            && self.glued(at)
            // "the 65+ population" names an age band.
            && !(q.start > self.taken && words::is_determiner(self.word(q.start - 1)))
            && !self
                .tokens
                .get(at + 1)
                .is_some_and(|t| !t.space_before && t.kind == TokenKind::Digits)
        {
            // "20+ people": at least; not a sum ("1+1").
            q.qualify_after(at, (&["+"], Bound::AtLeast));
        }
    }

    /// "5 hours or more, officials said": a qualifier of two words after the
    /// unit, where the clause ends ("plus" there adds: "$5 billion plus
    /// interest"; and a word after makes it another phrase: "2% and higher
    /// tariffs", "300 homes and over the next days", "five helicopters and
    /// over 80 buses").
    fn qualifier_after_unit(&self, q: &mut Draft) {
        if q.bound.is_some() || q.end == q.number_end {
            return;
        }
        // The clause ends there, or a place or time follows ("2 metres or more
        // in places", "5 hours or more on Friday").
        let clause_ends = self
            .tokens
            .get(q.end + 2)
            .is_none_or(|t| t.kind == TokenKind::Symbol)
            || words::is_place_preposition(self.word(q.end + 2));
        if let Some(qualifier) = self
            .trailing_qualifier(q.end)
            .filter(|(words, _)| words.len() == 2 && clause_ends)
        {
            q.qualify_after(q.end, qualifier);
        }
    }

    /// The qualifier of [`words::QUALIFIERS_AFTER`] whose words stand at `at`.
    fn trailing_qualifier(&self, at: usize) -> Option<(&'static [&'static str], Bound)> {
        words::QUALIFIERS_AFTER
            .iter()
            .find(|(words, _)| {
                words
                    .iter()
                    .enumerate()
                    .all(|(n, w)| self.word(at + n) == *w)
            })
            .copied()
    }

    /// The unit after the number (and after a trailing qualifier like "or
    /// more"), or what a count counts. `None` when the number is not a figure
    /// at all ("the third" alone).
    /// A minus sign before a temperature: "-5C", "−12 degrees Celsius",
    /// "minus 5C". A hyphen glued to a word or number before it joins them
    /// ("COVID-19", "3-2"), so the sign needs a space or the start before it.
    /// A single value with or without a qualifier ("about -20C", "below
    /// -5C"), not a range.
    fn sign(&self, q: &mut Draft) {
        let Some(at) = q.start.checked_sub(1).filter(|&at| at >= self.taken) else {
            return;
        };
        let minus_sign = matches!(self.symbol(at), Some('-' | '\u{2212}'))
            && !self.tokens[q.start].space_before
            && (at == 0 || self.tokens[at].space_before || self.symbol(at - 1) == Some('('));
        let minus_word = self.word(at) == "minus";
        if q.kind != Some(Kind::Temperature)
            || q.start != q.first.start
            || q.second.is_some()
            || q.bound.is_some()
            || !(minus_sign || minus_word)
        {
            return;
        }
        // "about -20C": the qualifier stands before the sign.
        q.start = at;
        self.qualifier_before(q);
        q.negative = true;
    }

    fn unit_after(&self, q: &mut Draft) -> Option<()> {
        let mut at = q.end;
        // "a three-hour meeting", "a 9-mile-long tailback", "the 67-year-old".
        let hyphenated = self.symbol(at) == Some('-') && self.glued_word_after(at);
        if hyphenated {
            at += 1;
        }
        let ordinal = matches!(q.first.worth, Worth::Ordinal(_));
        if let Worth::Clock(parts, count) = q.first.worth {
            return self.clock(q, parts, count);
        }
        if let Worth::Decade(decade) = q.first.worth {
            return self.decade_of_life(q, decade);
        }
        if self.new_line(at) && at > q.end {
            return Some(());
        }
        let word = self.word(at);
        if words::multiplier_word(self.word(q.first.start)).is_some() {
            q.set(Kind::Multiplier, "times", q.end);
        } else if let Some(end) = self.time_of_day(at) {
            let pm = matches!(self.word(at), "pm" | "p");
            // "3.15pm" is a quarter past three; "12am" midnight.
            let hours = |written: f64, pm: bool| {
                let (hour, minute) = (written.trunc(), (written.fract() * 100.0).round());
                let afternoon = pm && hour < 12.0;
                let midnight = !pm && hour == 12.0;
                hour + if afternoon { 12.0 } else { 0.0 } - if midnight { 12.0 } else { 0.0 }
                    + minute / 60.0
            };
            let mut first = hours(q.first.nominal(), pm);
            // "3-5pm" is 15:00 to 17:00; "11-1pm" 11:00 to 13:00; a range that
            // still runs backwards ("0-0 PM") keeps its first time only.
            if let Some(second) = q.second {
                let last = hours(second.nominal(), pm);
                if last < first {
                    first = hours(q.first.nominal(), false);
                }
                if last < first {
                    q.second = None;
                    q.bound = None;
                } else {
                    q.second = Some(Numeral {
                        worth: Worth::Cardinal(last),
                        ..second
                    });
                }
            }
            q.first = Numeral {
                worth: Worth::Cardinal(first),
                ..q.first
            };
            q.set(Kind::Time, "hour", end);
        } else if q.kind == Some(Kind::Money) {
            // "$5 million dollars" is rare; a currency before is the unit.
        } else if q.kind.is_some() {
            return Some(()); // magnitude, Mach: nothing more to read
        } else if self.symbol(at) == Some('%')
            || matches!(word, "percent" | "pct")
            || word == "pc" && self.glued(at)
        {
            // "62pc": the British papers' percent, glued ("3 PCs" are computers).
            self.percent(q, at + 1);
        } else if word == "per" && self.word(at + 1) == "cent" {
            self.percent(q, at + 2);
        } else if word == "percentage" && matches!(self.word(at + 1), "point" | "points") {
            q.set(Kind::Percent, "percentage point", at + 2);
        } else if let Some(end) = self.age(q, at) {
            q.set(Kind::Age, "year", end);
        } else if let Some(end) = self.magnitude_after(at, hyphenated) {
            q.set(Kind::Magnitude, "magnitude", end);
        } else if let Some(code) = words::currency_word(word)
            .filter(|_| !ordinal && !self.weighed_in_pounds(q, at, hyphenated))
        {
            q.set(Kind::Money, code, at + 1);
        } else if let Some(end) = self.us_dollars(at).filter(|_| !ordinal) {
            q.set(Kind::Money, "USD", end);
        } else if let Some((unit, end)) = self.unit_spelled(at, hyphenated).filter(|_| !ordinal) {
            q.set(unit.kind, unit.name, end);
            // "a 9-mile-long tailback", "a 400-foot-tall tower".
            if hyphenated && self.symbol(end) == Some('-') && self.glued_word_after(end) {
                q.end = end + 2;
            }
            // "a three-hour meeting": the noun the measure describes.
            if hyphenated {
                q.noun = noun_phrase(self.text, self.tokens, q.end, 4).map(|(range, _)| range);
            }
            // "an hour and a half": the half follows the unit.
            if unit.kind == Kind::Duration && matches!(self.word(q.first.start), "a" | "an") {
                if let Some(after_half) = numeral::and_a_half(self.text, self.tokens, q.end) {
                    q.end = after_half;
                }
            }
        } else if let Some(end) = self.multiplier(at, hyphenated) {
            q.set(Kind::Multiplier, "times", end);
        } else if let Some(end) = self.one_in(q) {
            q.end = end;
        } else if let Worth::Fraction(_) = q.first.worth {
            // "two-thirds of the town", "more than half": a share.
            q.set(Kind::Percent, "%", q.end);
            q.share = true;
        } else if !hyphenated || self.word(at) == "strong" {
            // "a 12,000-strong crowd" counts the crowd.
            self.counted(q, at + usize::from(hyphenated), ordinal)?;
        } else if self.counts_joined_word(at) && !ordinal {
            // "an eight-storey building", "a 12-member panel": the number
            // counts the word it is joined to, not the sentence's people.
            q.unit = words::lemma(self.word(at));
            q.end = at + 1;
        }
        Some(())
    }

    /// The word at `at`, joined to a number by a hyphen, is a noun the number
    /// counts ("eight-storey"): not a function word, a unit, a name ("7-Eleven",
    /// "737-MAX"), a letter ("3-D") or "20-something".
    fn counts_joined_word(&self, at: usize) -> bool {
        let word = self.word(at);
        word.len() > 1
            && !self.tokens[at].is_capitalized(self.text)
            && !words::ends_noun_phrase(word)
            && units::by_name(word).is_none()
            && !matches!(word, "something" | "ish")
    }

    /// "pm", "am", "p.m.", "a.m." after a number: the end of a time of day.
    fn time_of_day(&self, at: usize) -> Option<usize> {
        match self.word(at) {
            "am" | "pm" => Some(at + 1),
            "a" | "p" if self.symbol(at + 1) == Some('.') && self.word(at + 2) == "m" => {
                Some(at + 3 + usize::from(self.symbol(at + 3) == Some('.')))
            }
            _ => None,
        }
    }

    /// A percent whose sign or word ends before `after`. "Points" after it
    /// make it a change in percentage points ("3 percentage points" written
    /// "3% points" is rare, "percentage points" after "per cent" rarer).
    fn percent(&self, q: &mut Draft, after: usize) {
        if matches!(self.word(after), "point" | "points") {
            q.set(Kind::Percent, "percentage point", after + 1);
        } else {
            q.set(Kind::Percent, "%", after);
        }
    }

    /// An age: "67-year-old", "67 years old", "25 year-old", "18-24-year-olds",
    /// "65 years of age", "aged 67", "ages 4 and 10", "four or younger",
    /// "younger than 4", "Smith, 52,". The end.
    fn age(&self, q: &Draft, at: usize) -> Option<usize> {
        let year = matches!(self.word(at), "year" | "years");
        let old = |k: usize| matches!(self.word(k), "old" | "olds");
        if year && old(at + 1) {
            return Some(at + 2);
        }
        if year && self.symbol(at + 1) == Some('-') && old(at + 2) {
            return Some(at + 3);
        }
        // (Not "30 years of age discrimination", "10 years of age-verification".)
        let noun_after = |k: usize| {
            self.symbol(k) == Some('-')
                || self.tokens.get(k).is_some_and(|t| {
                    t.is_word() && !t.newline_before && !t.has(WordClass::ENDS_NOUN_PHRASE)
                })
        };
        if year && self.word(at + 1) == "of" && self.word(at + 2) == "age" && !noun_after(at + 3) {
            return Some(at + 3);
        }
        let start = q
            .qualifier
            .as_ref()
            .map_or(q.start, |r| r.start.min(q.start));
        // "aged 67", "at the age of 90", "the retirement age from 62", and the
        // second of "ages 4 and 10" and of "the age from 62 to 64".
        // The word `n` before the start ("" before the text's first).
        let word_before = |n: usize| self.word(start.wrapping_sub(n));
        // Not "the Stone Age", a period's name; not "the pension age from 2027".
        let age_word = |n: usize| {
            let word = word_before(n);
            let capitalized = (self.tokens.get(start.wrapping_sub(n)))
                .is_some_and(|t| t.is_capitalized(self.text));
            words::names_an_age(word) && !(word == "age" && capitalized)
        };
        let aged = !q.first.year_like
            && start > self.taken
            && (age_word(1) || matches!(word_before(1), "of" | "from") && age_word(2))
            || word_before(1) == "and" && age_word(3)
            || word_before(1) == "to" && word_before(3) == "from" && age_word(4);
        let younger = q.qualifier.as_ref().is_some_and(|r| {
            r.clone()
                .any(|k| matches!(self.word(k), "younger" | "older"))
        });
        if aged || younger {
            // "younger than 4 years": the years are the age's; another unit is
            // a duration ("aged 3 months" is not read as an age).
            if matches!(self.word(at), "year" | "years") {
                return Some(at + 1);
            }
            if units::hours_in(self.word(at)).is_none() {
                return Some(q.end);
            }
        }
        // "Smith, 52, said", "Park Min-hee, 34, a housewife", "and Luis
        // Bermudez, 26.": a whole number after a name and a comma, closed.
        let whole = matches!(q.first.worth, Worth::Cardinal(x) if x.fract() == 0.0 && (1.0..=120.0).contains(&x));
        let i = q.first.start;
        let name_end = |k: usize| {
            let token = &self.tokens[k];
            let hyphenated_tail = k >= 2
                && self.glued(k)
                && self.symbol(k - 1) == Some('-')
                && self.glued(k - 1)
                && self.tokens[k - 2].is_capitalized(self.text);
            (token.is_capitalized(self.text) || hyphenated_tail)
                && !token.has(WordClass::MONTH | WordClass::WEEKDAY)
        };
        let after_name =
            i >= 2 && i - 2 >= self.taken && self.symbol(i - 1) == Some(',') && name_end(i - 2);
        let closed = matches!(self.symbol(at), Some(',' | ')' | ';' | '.')) || self.new_line(at);
        // "Mr Babis (64), who …": the same in parentheses after a titled
        // name ("Visakhapatnam (53)" counts a district's dead).
        let in_parentheses = i >= 3
            && i - 3 >= self.taken
            && self.symbol(i - 1) == Some('(')
            && self.symbol(at) == Some(')')
            && name_end(i - 2)
            && self.tokens[i - 3].has(WordClass::TITLE);
        let placed = after_name && closed || in_parentheses;
        (whole && placed && q.first.end == at && q.bound.is_none()).then_some(at)
    }

    /// A decade of life: "in their 20s" is 20 to 29 years of age, "her late
    /// 40s" 47 to 49, "his mid-60s" 64 to 66, "early 30s" 30 to 33. `None`
    /// for a decade that is not an age ("the 90s").
    fn decade_of_life(&self, q: &mut Draft, decade: f64) -> Option<()> {
        let i = q.first.start;
        let hyphen = usize::from(self.symbol(i.wrapping_sub(1)) == Some('-'));
        let part = i.checked_sub(1 + hyphen).filter(|&k| k >= self.taken);
        let narrowed = part.and_then(|k| match self.word(k) {
            "early" => Some((k, 0.0, 3.0)),
            "mid" => Some((k, 4.0, 6.0)),
            "late" => Some((k, 7.0, 9.0)),
            _ => None,
        });
        let (start, low, high) = narrowed.unwrap_or((i, 0.0, 9.0));
        let owner = start.checked_sub(1).filter(|&k| k >= self.taken)?;
        // "in their 20s", "her late 40s and"; not "their 80s hits".
        let names_a_thing = self.tokens.get(q.end).is_some_and(|t| {
            t.is_word() && !t.newline_before && !words::ends_noun_phrase(t.lower(self.text))
        });
        if !matches!(self.word(owner), "their" | "his" | "her") || names_a_thing {
            return None;
        }
        let age = |years: f64| Numeral {
            worth: Worth::Cardinal(decade + years),
            ..q.first
        };
        (q.first, q.second) = (age(low), Some(age(high)));
        q.bound = Some(Bound::Range);
        q.start = start;
        q.set(Kind::Age, "year", q.end);
        Some(())
    }

    /// A magnitude after the number: "6.2-magnitude", "7.4 magnitude", "7.2 on
    /// the Richter scale". The end.
    fn magnitude_after(&self, at: usize, hyphenated: bool) -> Option<usize> {
        if self.word(at) == "magnitude" && (hyphenated || !self.glued(at)) {
            return Some(at + 1);
        }
        let richter =
            self.word(at) == "on" && self.word(at + 1) == "the" && self.word(at + 2) == "richter";
        richter.then(|| at + 3 + usize::from(self.word(at + 3) == "scale"))
    }

    /// The longest unit spelling starting at `at` ("km", "square miles", "km/h",
    /// "degrees Celsius", "°C", a glued "38C"), and the end of its tokens.
    fn unit_spelled(&self, at: usize, hyphenated: bool) -> Option<(&'static Unit, usize)> {
        let glued = self.glued(at) && !hyphenated;
        let first = self.tokens.get(at)?;
        // "38C (100F)", "49.6 C in Lytton": a capital C or F after the digits
        // is a temperature (not before a name: "5 C Street").
        let name_follows = self
            .tokens
            .get(at + 1)
            .is_some_and(|t| t.is_capitalized(self.text));
        if first.is_word() && !hyphenated && (glued || !name_follows) {
            let temperature = match first.text(self.text) {
                "C" => units::by_name("degC"),
                "F" => units::by_name("degF"),
                _ => None,
            };
            if let Some(unit) = temperature {
                return Some((unit, at + 1));
            }
        }
        if glued && first.is_word() {
            // "25m below", "2.4m people": metres, unless a plural noun follows (millions).
            if first.text(self.text) == "m" && words::is_plural(self.word(at + 1)) {
                return None;
            }
        }
        let mut spelling = String::new();
        let mut best = None;
        // Up to six tokens: "m.p.h." is six ("m", ".", "p", …).
        for k in at..at + 6 {
            let Some(token) = self.tokens.get(k) else {
                break;
            };
            if k > at && (token.newline_before || token.kind == TokenKind::Digits) {
                break;
            }
            if k > at && token.space_before {
                spelling.push(' ');
            }
            spelling.push_str(self.text.lower_span(token.start(), token.end()));
            if let Some(unit) = units::by_spelling(&spelling, glued) {
                best = Some((unit, k + 1));
            }
            if !units::spelling_continues(&spelling) {
                break;
            }
        }
        // "3 in. of rain": inches with a point, before "of" (not the word
        // "in", nor "let 200 in. Of those, 12 ...").
        let inches = || {
            first.text(self.text) == "in"
                && self.symbol(at + 1) == Some('.')
                && self.glued(at + 1)
                && (self.tokens.get(at + 2)).is_some_and(|t| t.text(self.text) == "of")
        };
        if best.is_none() && inches() {
            return units::by_name("inch").map(|unit| (unit, at + 2));
        }
        best
    }

    /// "three times as many", "a 10-fold rise", "tenfold" (read as ten, then
    /// "fold"). The end.
    fn multiplier(&self, at: usize, hyphenated: bool) -> Option<usize> {
        if hyphenated && self.word(at) == "fold" {
            return Some(at + 1);
        }
        let comparison = matches!(
            self.word(at + 1),
            "as" | "more" | "higher" | "larger" | "bigger" | "greater" | "faster" | "the" | "that"
        );
        (self.word(at) == "times" && comparison).then_some(at + 1)
    }

    /// "one in five", "one in every 50", "nine out of 10": a share, in percent,
    /// of one number (not a range: "12-31 in five wars"; not a place: "fourth
    /// in 9.93") no larger than a whole number. Out of ten or a hundred only,
    /// and less than all: "35 out of 150 seats" and "10 out of 10" are counts.
    /// The end.
    fn one_in(&self, q: &mut Draft) -> Option<usize> {
        let at = q.end;
        let cardinal = matches!(q.first.worth, Worth::Cardinal(_));
        let (words_before_whole, out_of) = match (self.word(at), self.word(at + 1)) {
            ("in", "every") => (2, false),
            ("out", "of") => (2, true),
            ("in", _) => (1, false),
            _ => return None,
        };
        if q.second.is_some() || !cardinal {
            return None;
        }
        let part = q.first.nominal();
        // Not a year: "killed 12 in 1999"; but "1 in 2000 babies".
        let of = numeral::at(self.text, self.tokens, at + words_before_whole).filter(|n| {
            let of_plural = part == 1.0 && words::is_plural(self.word(n.end));
            (!n.year_like || of_plural)
                && matches!(n.worth, Worth::Cardinal(x) if x > 0.0 && x >= part && x.fract() == 0.0
                && (!out_of || (x <= 10.0 || x == 100.0) && part < x))
        })?;
        let share = part / of.nominal() * 100.0;
        q.first = Numeral {
            worth: Worth::Cardinal(share),
            ..q.first
        };
        q.kind = Some(Kind::Percent);
        q.unit = "%".into();
        q.number_end = of.end;
        Some(of.end)
    }

    /// "pounds" at `at` are of weight: after a form of "weigh" ("weighing
    /// about 7 pounds"), or joined to a number under a million before its
    /// noun ("a 2,000-pound bomb", not "a million-pound house"). "Pounds of"
    /// a thing stay sterling: British news writes "40 million pounds of debt".
    fn weighed_in_pounds(&self, q: &Draft, at: usize, hyphenated: bool) -> bool {
        if !matches!(self.word(at), "pound" | "pounds") {
            return false;
        }
        let start = q.qualifier.as_ref().map_or(q.start, |r| r.start);
        let weighing = start > self.taken && self.word(start - 1).starts_with("weigh");
        weighing || hyphenated && q.first.nominal() < 1e6
    }

    /// "2.79 billion U.S. dollars", "US dollars": the end.
    fn us_dollars(&self, at: usize) -> Option<usize> {
        let dotted = self.word(at) == "u"
            && self.symbol(at + 1) == Some('.')
            && self.word(at + 2) == "s"
            && self.symbol(at + 3) == Some('.');
        let after = if dotted {
            at + 4
        } else if self.word(at) == "us" {
            at + 1
        } else {
            return None;
        };
        matches!(self.word(after), "dollars" | "dollar").then_some(after + 1)
    }

    /// Clock digits: a duration ("2:01:39", "in 59:35", "a 3:42 mile") or a
    /// time of day ("at 14:05", "14:05 GMT"), which is kept as a time.
    fn clock(&self, q: &mut Draft, parts: [f64; 3], count: usize) -> Option<()> {
        let at = q.end;
        let before = if q.first.start > self.taken {
            self.word(q.first.start - 1)
        } else {
            ""
        };
        let after = self.word(at);
        let at_a_time = matches!(before, "at" | "by" | "until" | "till" | "from" | "since");
        // "by 2:11 minutes"; but "at 7:30 hours" is the military's time of day.
        let unit_after = matches!(after, "minutes" | "seconds") || after == "hours" && !at_a_time;
        // A time of day has no fractions of a second ("400m at 1:08.06" is a
        // split), no unit after it and no hour past 23 ("an impressive
        // 66:20"); after "at", h:mm:ss with a one-digit hour is a finishing
        // time ("stopping the clock at 2:02:42"; "at 14:05:30" is a time).
        let decimals = parts[count - 1].fract() != 0.0;
        let one_digit_hour =
            self.tokens[q.first.start].end() - self.tokens[q.first.start].start() == 1;
        let time_of_day = !decimals
            && !unit_after
            && parts[0] < 24.0
            && (at_a_time && (count == 2 || !one_digit_hour)
                || matches!(
                    after,
                    "am" | "pm" | "gmt" | "utc" | "bst" | "cet" | "local" | "a" | "p"
                ));
        let duration_cue = count == 3
            || decimals
            || unit_after
            || parts[0] >= 24.0
            || matches!(
                before,
                "in" | "of" | "a" | "clocked" | "ran" | "time" | "record"
            );
        if time_of_day || !duration_cue {
            let hours = parts[0] + parts[1] / 60.0 + parts[2] / 3600.0;
            q.first = Numeral {
                worth: Worth::Cardinal(hours),
                ..q.first
            };
            q.set(Kind::Time, "hour", at);
            return Some(());
        }
        // h:mm:ss, or m:ss (a minutes-and-seconds figure, "2:16.13"), or h:mm before "hours".
        let (value, unit) = match (count, after) {
            (3, _) => (parts[0] + parts[1] / 60.0 + parts[2] / 3600.0, "hour"),
            (_, "hours") => (parts[0] + parts[1] / 60.0, "hour"),
            _ => (parts[0] + parts[1] / 60.0, "minute"),
        };
        q.first = Numeral {
            worth: Worth::Cardinal(value),
            ..q.first
        };
        let end = if matches!(after, "minutes" | "hours" | "seconds") {
            at + 1
        } else {
            at
        };
        q.set(Kind::Duration, unit, end);
        Some(())
    }

    /// What a count counts: the noun phrase after the number or after "of"
    /// ("two Chinese men", "thousands of people"); "millions of dollars" counts
    /// money. An ordinal names one thing ("the third time they met").
    fn counted(&self, q: &mut Draft, at: usize, ordinal: bool) -> Option<()> {
        let counted = if ordinal {
            noun_phrase(self.text, self.tokens, at, 1)
        } else {
            counted_noun(self.text, self.tokens, at)
        };
        if let Some((range, head)) = counted {
            if let Some(code) = words::currency_word(&head).filter(|_| !ordinal) {
                q.set(Kind::Money, code, range.end);
                return Some(());
            }
            if range.start == at {
                q.end = range.end;
            }
            q.unit = head;
            q.noun = Some(range);
        }
        if ordinal {
            if q.unit.is_empty() {
                return None; // "the third" alone is not a figure
            }
            q.kind = Some(Kind::Ordinal);
        }
        Some(())
    }

    /// "12 years and six months", "2 minutes, 45 seconds", "one hour, 59
    /// minutes and 40 seconds", "1hr 59min and 40secs", "6 feet 5 inches",
    /// "6ft 5in", "6-foot-5": one duration, length or mass in several units,
    /// each smaller than the one before. A length or mass is one only as one
    /// writes a height or a weight: a whole number of the larger unit, then
    /// less than one of it in a smaller unit of the same system (a whole
    /// number of them to the larger one: not "100 miles, 160 kilometres"),
    /// and not a list ("3 kilometres, and 200 metres of it"). Never across a
    /// line.
    fn compound(&self, q: &mut Draft) {
        let Some(kind) = q.kind.filter(|k| COMPOUND_KINDS.contains(k)) else {
            return;
        };
        let Some(mut unit) = units::by_name(&q.unit) else {
            return;
        };
        let measured = kind != Kind::Duration;
        if q.second.is_some() || measured && q.first.nominal().fract() != 0.0 {
            return;
        }
        let first_unit = unit;
        loop {
            let mut k = q.end;
            let comma = self.symbol(k) == Some(',');
            k += usize::from(comma);
            let and = self.word(k) == "and";
            k += usize::from(and);
            // "6-foot-5": the inches follow a hyphen.
            let hyphen = unit.name == "ft"
                && self.symbol(k) == Some('-')
                && self.glued(k)
                && self.glued(k + 1);
            k += usize::from(hyphen);
            if (q.end..=k).any(|i| self.new_line(i)) || measured && comma && and {
                return;
            }
            // (After "foot-" the numeral reader takes "5" for a name's, as in "F-16".)
            let Some(more) = numeral::at(self.text, self.tokens, k)
                .or_else(|| hyphen.then(|| self.whole_digits(k)).flatten())
                .filter(|n| matches!(n.worth, Worth::Cardinal(_)))
            else {
                return;
            };
            let Some((smaller, end)) = self
                .unit_spelled(more.end, false)
                .or_else(|| {
                    (!comma && !and)
                        .then(|| self.inches_after_feet(unit, &more))
                        .flatten()
                })
                .filter(|(u, _)| u.kind == kind && u.factor < unit.factor)
            else {
                return;
            };
            if measured {
                let part = smaller.convert(more.nominal(), unit);
                let ratio = unit.factor / smaller.factor;
                if part >= 1.0 || (ratio - ratio.round()).abs() > 1e-6 {
                    return;
                }
            }
            q.added += smaller.convert(more.nominal(), first_unit);
            q.end = end;
            unit = smaller;
        }
    }

    /// The digits at `k` as a whole number, read plainly.
    fn whole_digits(&self, k: usize) -> Option<Numeral> {
        let token = self.tokens.get(k).filter(|t| t.kind == TokenKind::Digits)?;
        let value: u32 = token.text(self.text).parse().ok()?;
        Some(Numeral {
            start: k,
            end: k + 1,
            worth: Worth::Cardinal(f64::from(value)),
            year_like: false,
        })
    }

    /// After feet, the inches of a height written without their unit: "6 foot
    /// 5 and lean", "6-foot-5" (right after the feet: not "6 feet, 4 more").
    /// The unit and the end.
    fn inches_after_feet(&self, feet: &Unit, more: &Numeral) -> Option<(&'static Unit, usize)> {
        if feet.name != "ft" || more.nominal() >= 12.0 {
            return None;
        }
        // Not "6 feet 5 times": a plural noun after is what the number counts.
        let after = more.end;
        let counts = words::is_plural(self.word(after)) && !self.new_line(after);
        (!counts).then_some((units::by_name("inch")?, after))
    }

    /// "(€19 billion)", "($24 billion)", "(25 miles)", "(100F)", "(14-kilometre)"
    /// right after the amount: the same amount in another unit. The conversion
    /// restates the amount, qualifier included: "exceeded €21 billion (USD 24
    /// billion)".
    fn conversion(&self, q: &mut Draft) {
        let Some(kind) = q.kind.filter(|k| k.is_measured()) else {
            return;
        };
        if self.symbol(q.end) != Some('(') {
            return;
        }
        let open = q.end + 1;
        // "(about $27 billion)", "(approx. $2.7 billion)": a qualifier may come first.
        let Some(inner) = (open..open + 4).find_map(|k| at(self.text, self.tokens, k, open)) else {
            return;
        };
        let same_dimension = inner.kind == kind && inner.unit != q.unit;
        if !same_dimension || self.symbol(inner.span.end) != Some(')') {
            return;
        }
        let value = match (inner.bound, inner.value.low) {
            (Bound::Exact, Some(x)) => bounded(x, q.bound.unwrap_or(Bound::Exact)),
            _ => inner.value,
        };
        let consistent = kind == Kind::Money || self.agrees(q, &inner);
        // One conversion, as a rule: not the four a first push makes room for.
        q.conversions.reserve_exact(1);
        q.conversions.push(Converted {
            unit: inner.unit.clone(),
            value,
            tokens: inner.span.clone(),
            consistent,
        });
        q.end = inner.span.end + 1;
    }

    /// True when a stated conversion matches the amount within the rounding of
    /// both figures as written: 40 km is 39.5–40.5 km, 25 miles 24.5–25.5 miles.
    fn agrees(&self, q: &Draft, inner: &Quantity) -> bool {
        let (Some(outer_unit), Some(inner_unit)) =
            (units::by_name(&q.unit), units::by_name(&inner.unit))
        else {
            return true;
        };
        let sign = if q.negative { -1.0 } else { 1.0 };
        let outer = rounded(sign * q.first.nominal());
        let converted =
            inner_unit.convert_interval(rounded(inner.value.low.unwrap_or(0.0)), outer_unit);
        outer.overlaps(&converted)
    }

    /// "thousands a week", "$5 per hour": a rate; "340 miles (547 kilometres)
    /// an hour", "35 km per hour": a length per time is a speed.
    fn rate(&self, q: &mut Draft) {
        let kind = q.kind.unwrap_or(Kind::Count);
        if matches!(kind, Kind::Duration | Kind::Percent | Kind::Speed) {
            return;
        }
        let k = q
            .noun
            .as_ref()
            .filter(|n| n.start >= q.end)
            .map_or(q.end, |n| n.end);
        let per = matches!(self.word(k), "a" | "an" | "per" | "each" | "every")
            || self.symbol(k) == Some('/');
        let Some(time) =
            units::by_spelling(self.word(k + 1), false).filter(|u| per && u.kind == Kind::Duration)
        else {
            return;
        };
        let length = units::by_name(&q.unit).filter(|u| u.kind == Kind::Length);
        match length.and_then(|l| l.per(time)) {
            Some(speed) => {
                q.set(Kind::Speed, speed.name, k + 2);
                for c in &mut q.conversions {
                    let per_time = units::by_name(&c.unit).and_then(|l| l.per(time));
                    c.unit = per_time.map_or(String::new(), |u| u.name.to_string());
                }
                q.conversions.retain(|c| !c.unit.is_empty());
            }
            None => q.rate = Some(time.name),
        }
    }
}

/// The interval a bound makes of the written number (DESIGN.md, "Qualifiers").
fn interval(first: &Numeral, second: Option<&Numeral>, bound: Bound) -> Interval {
    match (bound, first.worth) {
        (Bound::Approximately | Bound::Vague, Worth::Vague(v)) => Interval::closed(v.low, v.high),
        (Bound::Range, _) => {
            let high = second.map_or(first.nominal(), Numeral::nominal);
            Interval::closed(range_low(first, high), high)
        }
        _ => bounded(first.nominal(), bound),
    }
}

/// How far apart the ends of a range joined by "or", or after "by" or a
/// verb of change, may be.
const NEAR_RANGE: f64 = 3.0;

/// A range's low end: "$5–6 billion" and "4 or 5 million" write the scale
/// once, for both ends.
fn range_low(first: &Numeral, high: f64) -> f64 {
    let mut low = first.nominal();
    while low > 0.0 && high / low >= 1000.0 && first.end - first.start == 1 {
        low *= 1000.0;
    }
    low
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

/// Everything a figure written `x` may have been rounded from: half a step of
/// its last significant digit either way ("21 billion" is 20.5–21.5 billion).
pub fn rounded(x: f64) -> Interval {
    let half_step = rounding_step(x) / 2.0;
    Interval::closed(x - half_step, x + half_step)
}

/// The place value of a figure's last significant digit, at most a tenth of the
/// figure: 21e9 → 1e9, 4.5 → 0.1, 20 → 1, 200e6 → 10e6.
pub fn rounding_step(x: f64) -> f64 {
    // A temperature below zero rounds as its magnitude does.
    let x = x.abs();
    // The largest power of ten not above x/10 (a loop: `powf` costs the wasm bundle 2 KB).
    let mut step = 1.0;
    while step * 10.0 <= x / 10.0 {
        step *= 10.0;
    }
    while step > x / 10.0 && step > 1e-9 {
        step /= 10.0;
    }
    while step > 1e-6 * x && ((x / step) - (x / step).round()).abs() > 1e-6 {
        step /= 10.0;
    }
    step
}

/// What a number counts: the noun phrase right after it ("two Chinese men",
/// "three prior rounds of negotiations"), or after "of" ("two of Russia's key
/// allies", "thousands of people"). Returns its tokens and the head's lemma.
/// "Five of the six crew members", "135 of the 199 seats": two figures, the
/// part and the whole; the part counts what the whole counts (the noun after
/// the whole's number, outside the part's span).
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
        let number =
            |t: &Token| t.kind == TokenKind::Digits || words::small_number(t.lower(text)).is_some();
        if k > i + 1 && tokens.get(k).is_some_and(number) {
            return noun_phrase(text, tokens, k + 1, 4);
        }
        return noun_phrase(text, tokens, k, 4).map(|(range, head)| (i..range.end, head));
    }
    noun_phrase(text, tokens, i, 4)
}

/// Up to `max_words` words that can be a noun phrase starting at `i`, on one
/// line; the last is the head.
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
            .filter(|t| t.is_word() && (k == i || t.space_before) && !t.newline_before)
        else {
            break;
        };
        let word = token.text(text);
        let possessive = word.ends_with("'s") || word.ends_with("’s");
        let low = token.lower(text);
        let stop = words::ends_noun_phrase(low)
            || (low.ends_with("ing") && k > i)
            || (low.ends_with("ly") && low.len() > 4)
            || units::hours_in(low).is_some() && k > i
            || words::follows_noun(low) && k > i
            || words::is_verb_form(low) && k > i
            || low.is_empty() && !possessive && !word.chars().all(crate::read::lex::is_letter);
        if stop {
            break;
        }
        if possessive {
            k += 1;
            continue; // "Russia's key allies": the possessor is not the head
        }
        let plural = words::is_plural(low);
        // A role word is what happened, not what is counted ("60 injured",
        // "1,300 died in the heat"), unless a noun follows it ("23 freed hostages").
        let noun_follows = tokens.get(k + 1).is_some_and(|t| {
            t.is_word()
                && t.space_before
                && !t.newline_before
                && !words::ends_noun_phrase(t.lower(text))
        });
        let role_word =
            token.has(WordClass::CONCEPT) && words::concept(low).is_some_and(words::is_role);
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
    // "9 new cases", "832 confirmed dead": a word that only qualifies the
    // role after it is not what is counted.
    if head.is_empty() || words::qualifies_a_count(&head) {
        return None;
    }
    Some((i..last + 1, words::lemma(&head)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::lex::{tokens, Text};

    fn read(raw: &str) -> Quantity {
        let text = &Text::new(raw);
        let toks = tokens(text);
        (0..toks.len())
            .find_map(|i| at(text, &toks, i, 0))
            .unwrap_or_else(|| panic!("no quantity in {raw:?}"))
    }

    fn span(raw: &str) -> String {
        let text = &Text::new(raw);
        let toks = tokens(text);
        let q = read(raw);
        text[toks[q.span.start].start()..toks[q.span.end - 1].end()].to_string()
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
            (
                "winds approached 165 mph",
                Bound::JustBelow,
                Some(148.5),
                true,
                Some(165.0),
                false,
            ),
            (
                "House passes $1.2 trillion bill",
                Bound::Exact,
                Some(1.2e12),
                true,
                Some(1.2e12),
                true,
            ),
            (
                "the toll passes 5,000",
                Bound::Above,
                Some(5000.0),
                false,
                None,
                false,
            ),
            (
                "between 26.6% and 28.6%",
                Bound::Range,
                Some(26.6),
                true,
                Some(28.6),
                true,
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
            ("at a depth of 8km below", Kind::Length, "km", "8km"),
            (
                "40 km (25 miles) north",
                Kind::Length,
                "km",
                "40 km (25 miles)",
            ),
            (
                "burned 90 square miles",
                Kind::Area,
                "sq mi",
                "90 square miles",
            ),
            (
                "winds of 340 miles (547 kilometres) an hour",
                Kind::Speed,
                "mph",
                "340 miles (547 kilometres) an hour",
            ),
            (
                "a magnitude-5.8 tremor",
                Kind::Magnitude,
                "magnitude",
                "magnitude-5.8",
            ),
            (
                "a 6.2-magnitude quake",
                Kind::Magnitude,
                "magnitude",
                "6.2-magnitude",
            ),
            (
                "temperatures of 38C (100F) on",
                Kind::Temperature,
                "degC",
                "38C (100F)",
            ),
            ("the 67-year-old", Kind::Age, "year", "67-year-old"),
            (
                "a 9-mile-long (14-kilometre) tailback",
                Kind::Length,
                "mi",
                "9-mile-long (14-kilometre)",
            ),
            (
                "lasted 2 minutes, 45 seconds",
                Kind::Duration,
                "minute",
                "2 minutes, 45 seconds",
            ),
            ("won in 2:01:39 on", Kind::Duration, "hour", "2:01:39"),
            ("at 14:05 GMT", Kind::Time, "hour", "14:05"),
            ("two-thirds of the town", Kind::Percent, "%", "two-thirds"),
            ("one in five adults", Kind::Percent, "%", "one in five"),
            ("nine out of 10 homes", Kind::Percent, "%", "nine out of 10"),
            (
                "fourth in 9.93 seconds",
                Kind::Duration,
                "second",
                "9.93 seconds",
            ),
            ("fourth in 10 races", Kind::Count, "race", "10 races"),
            ("1 in 3.5 adults", Kind::Count, "", "1"),
            (
                "three times as many",
                Kind::Multiplier,
                "times",
                "three times",
            ),
            (
                "fell 3 percentage points",
                Kind::Percent,
                "percentage point",
                "3 percentage points",
            ),
            ("Mach 2 jets", Kind::Speed, "mach", "Mach 2"),
            ("a 12,400-acre fire", Kind::Area, "acre", "12,400-acre"),
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
    fn conversions_are_one_amount_and_checked() {
        let q = read("pledges have surpassed €21 billion ($24 billion).");
        assert_eq!(q.conversions.len(), 1);
        assert_eq!(q.conversions[0].unit, "USD");
        let converted = q.conversions[0].value;
        assert_eq!(
            (converted.low, converted.low_inclusive, converted.high),
            (Some(24e9), false, None),
            "the conversion keeps the qualifier"
        );
        assert!(read("40 km (25 miles)").conversions[0].consistent);
        assert!(!read("40 km (45 miles)").conversions[0].consistent);
        assert!(read("38C (100F)").conversions[0].consistent);
        let speed = read("340 miles (547 kilometres) an hour");
        assert_eq!(speed.conversions[0].unit, "km/h");
        let compound = read("one hour, 59 minutes and 40 seconds");
        let hours = compound.value.low.unwrap();
        assert!(
            (hours - (1.0 + 59.0 / 60.0 + 40.0 / 3600.0)).abs() < 1e-9,
            "{hours}"
        );
    }

    #[test]
    fn a_plus_sign_after_the_number_is_a_lower_bound_not_a_sum() {
        assert_eq!(read("20+ people were hurt").bound, Bound::AtLeast);
        assert_eq!(read("1+1 is two").bound, Bound::Exact);
        // An age band after a determiner: "the 65+ population".
        assert_eq!(read("the 65+ population grew").bound, Bound::Exact);
    }

    #[test]
    fn a_change_then_a_level_is_no_range() {
        for raw in [
            "cases rose by 315 to 14,413",
            "shares dropped by $41.24 to $176.26",
        ] {
            let q = read(raw);
            assert_eq!(q.bound, Bound::Exact, "{raw}");
            assert_eq!(q.value.low, q.value.high, "{raw}");
        }
        assert_eq!(read("from 315 to 14,413 cases").bound, Bound::Range);
        assert_eq!(
            read("prices will rise by 10 to 15 percent").bound,
            Bound::Range
        );
        assert_eq!(read("the Dow rose 0.5 to 3,412").value.high, Some(0.5));
        assert_eq!(read("sales rose 10 to 15 percent").bound, Bound::Range);
    }

    #[test]
    fn two_numbers_joined_by_or_are_a_range() {
        let range = |raw: &str| {
            let q = read(raw);
            (q.bound == Bound::Range).then_some((q.value.low, q.value.high))
        };
        assert_eq!(
            range("for two or three weeks"),
            Some((Some(2.0), Some(3.0)))
        );
        assert_eq!(range("10 or 12,000 people"), Some((Some(1e4), Some(1.2e4))));
        assert_eq!(range("4 or 5 million people"), Some((Some(4e6), Some(5e6))));
        assert_eq!(range("9 or 90 people"), None);
        assert_eq!(range("in 2019 or 2020, 45 people died"), None);
        assert_eq!(range("a fine of $50 or 60 days in jail"), None);
        assert_eq!(read("five or more people").bound, Bound::AtLeast);
        // One part in 10,000 is no ten thousandths (0.01 s): not a duration.
        assert_ne!(read("by a ten-thousandth of a second").kind, Kind::Duration);
        assert_eq!(
            read("by eleven-hundredths of a second").kind,
            Kind::Duration
        );
    }

    #[test]
    fn a_sign_is_part_of_the_number_written() {
        let claims = crate::read_claims(
            "r",
            "It was -5C at dawn and minus 12 degrees Celsius at noon.",
        )
        .expect("a short report");
        let written: Vec<&str> = claims.iter().map(|c| c.written.as_str()).collect();
        assert_eq!(written, ["-5", "minus 12"]);
    }

    #[test]
    fn rounding_steps() {
        for (x, step) in [
            (21e9, 1e9),
            (4.5, 0.1),
            (20.0, 1.0),
            (200e6, 10e6),
            (3.0, 0.1),
            (32.0, 1.0),
            (-32.0, 1.0), // a temperature below zero rounds as its magnitude
        ] {
            let got = rounding_step(x);
            assert!(
                (got - step).abs() < 1e-9 * step,
                "step of {x}: got {got}, want {step}"
            );
        }
    }
}
