//! Stage 7: claims. Runs the reading stages over one report and assembles each
//! number's claim: span (bytes and UTF-16), interval, unit, subject, source.
//!
//! Why one orchestrating module: each stage above answers one question about a
//! number; this is the only place that knows their order, and the only place
//! that turns token ranges into text offsets.

pub mod date;
pub mod layout;
pub mod lex;
pub mod numeral;
pub mod quantity;
pub mod source;
pub mod wordclass;

use crate::claim::{Bound, Claim, Conversion, Interval, Kind, Role};
use crate::frame::{scope, time, what, Frame, When};
use crate::knowledge::nouns;
use crate::knowledge::words;
use crate::offsets::Utf16Index;
use date::Date;
use layout::Layout;
use lex::{Text, Token, TokenKind, WordClass};
use quantity::Quantity;
use std::ops::Range;
use std::sync::Arc;

/// A number found in the text, before it becomes a claim.
enum Found {
    Date(Date, Role),
    Amount(Quantity),
}

impl Found {
    fn span(&self) -> Range<usize> {
        match self {
            Found::Date(d, _) => d.start..d.end,
            Found::Amount(q) => q.span.clone(),
        }
    }
}

/// All claims of one report, in text order, unless it states more than
/// `limit` figures: then how many it states, found before any claim is made
/// of them (and only the first `limit` kept meanwhile), so that memory stays
/// within the limit's. The text is at most `MAX_REPORT_BYTES` (the crate's
/// API checks it first: `read_within`), so every offset fits in a u32.
pub(crate) fn claims_within(name: &str, text: &str, limit: usize) -> Result<Vec<Claim>, usize> {
    let text = &Text::new(text);
    let tokens = lex::tokens(text);
    let layout = layout::layout(text, &tokens);
    let mut found = FoundList {
        items: Vec::new(),
        count: 0,
        limit,
    };
    find(text, &tokens, &layout, &mut found);
    if found.count > limit {
        return Err(found.count);
    }
    let mut found = found.items;
    // Its spare capacity (up to half) would be held with every claim.
    found.shrink_to_fit();
    let mut utf16 = Utf16Index::new(text);
    let report: Arc<str> = Arc::from(name);
    let mut claims = Vec::with_capacity(found.len());
    for (n, item) in found.iter().enumerate() {
        let span = item.span();
        let (byte_start, byte_end) = (tokens[span.start].start(), tokens[span.end - 1].end());
        let utf16_start = utf16.utf16_at(byte_start);
        let utf16_end = utf16.utf16_at(byte_end);
        let mut claim = Claim {
            report: Arc::clone(&report),
            // At most one claim per byte of a report of at most MAX_REPORT_BYTES.
            index: n as u32,
            text: text[byte_start..byte_end].to_string(),
            // A report is at most MAX_REPORT_BYTES (64 MiB): every offset fits.
            byte_start: byte_start as u32,
            byte_end: byte_end as u32,
            utf16_start: utf16_start as u32,
            utf16_end: utf16_end as u32,
            kind: Kind::Date,
            unit: String::new(),
            value: None,
            written: String::new(),
            qualifier: None,
            bound: Bound::Exact,
            date: None,
            conversions: Vec::new(),
            subject: String::new(),
            frame: Frame::default(),
            source: None,
            role: Role::Statement,
            sentence: layout.sentence_of(span.start) as u32,
        };
        // "rose by 315 to 14,413": the level's words are the change's too,
        // so its words reach back to the figure before the change.
        let changed = n > 0 && changes_to(text, &tokens, &found[n - 1].span(), &span);
        let previous = n - usize::from(changed);
        let previous_end = previous.checked_sub(1).map_or(0, |p| found[p].span().end);
        let next_start = found.get(n + 1).map_or(tokens.len(), |f| f.span().start);
        match item {
            Found::Date(d, role) => {
                claim.written = claim.text.clone();
                claim.date = Some(Box::new(d.value.clone()));
                claim.role = *role;
                if *role == Role::Dateline {
                    claim.subject = "publication date".into();
                } else {
                    // What the date dates: "met ... on Friday (April 11)".
                    let as_quantity = date_as_quantity(d);
                    let subject = what::subject(
                        text,
                        &tokens,
                        &layout,
                        &as_quantity,
                        previous_end,
                        next_start,
                    );
                    claim.frame.predicate = subject.predicate;
                    claim.subject = subject.text;
                }
            }
            Found::Amount(q) => {
                let subject = what::subject(text, &tokens, &layout, q, previous_end, next_start);
                let slice = |r: &Range<usize>| {
                    text[tokens[r.start].start()..tokens[r.end - 1].end()].to_string()
                };
                claim.kind = q.kind;
                claim.unit = q.unit.clone();
                claim.value = Some(q.value);
                claim.written = slice(&q.number);
                claim.qualifier = q
                    .qualifier
                    .as_ref()
                    .map(slice)
                    .or_else(|| (q.bound == Bound::Vague).then(|| claim.written.clone()));
                claim.bound = q.bound;
                claim.conversions = q
                    .conversions
                    .iter()
                    .map(|c| Conversion {
                        unit: c.unit.clone(),
                        value: c.value,
                        text: slice(&c.tokens),
                        consistent: c.consistent,
                    })
                    .collect();
                claim.source = source::source(text, &tokens, &layout, q.number.start);
                let (frame, words) = frame_of(
                    text,
                    &tokens,
                    q,
                    subject,
                    claim.source.as_deref(),
                    previous_end,
                );
                claim.frame = frame;
                claim.subject = words;
                // A count stated together with a superseded count is of its
                // time ("Earlier, 27 people were reported dead and 15 injured");
                // the previous claim is `found[n - 1]`'s.
                let after_superseded = claim.frame.when == When::Now
                    && claims.last().is_some_and(|previous: &Claim| {
                        previous.frame.when == When::Superseded
                            && (previous.kind, claim.kind) == (Kind::Count, Kind::Count)
                            && previous.sentence == claim.sentence
                    })
                    && time::stated_together(text, &tokens, found[n - 1].span().end..q.span.start);
                if after_superseded {
                    claim.frame.when = When::Superseded;
                }
                if let Some(head) = claims
                    .last()
                    .filter(|head| lists_after(text, &tokens, q, head, &claim))
                {
                    // "86 people died in Mexico City, 71 in Morelos, 43 in
                    // Puebla": an item of a list counts what its head counts.
                    claim.frame.counted = head.frame.counted.clone();
                    claim.frame.class = head.frame.class;
                    claim.frame.predicate = head.frame.predicate;
                    claim.subject = head.subject.clone();
                }
            }
        }
        claims.push(claim);
    }
    let claim_tokens: Vec<Range<usize>> = found.iter().map(Found::span).collect();
    scope::anchor(text, &tokens, &layout, &mut claims, &claim_tokens);
    Ok(claims)
}

/// "rose by 315 to 14,413", "rose from about 99,000 last year to 127,000":
/// the figure after "to" is the level the figure before changed by or from,
/// of the same measure, though its own words name none.
fn changes_to(text: &Text, tokens: &[Token], first: &Range<usize>, second: &Range<usize>) -> bool {
    let word = |k: usize| lex::word_at(text, tokens, k);
    let by_or_from = first.start > 0 && matches!(word(first.start - 1), "by" | "from");
    let between = first.end..second.start.saturating_sub(1);
    by_or_from
        && second.start > first.end
        && word(second.start - 1) == "to"
        && between.len() <= 3
        && between.clone().all(|k| tokens[k].is_word())
}

/// `claim` is a bare item of a list `head` opens, in one sentence: "43" in
/// "86 people died in Mexico City, 71 in Morelos, 43 in Puebla".
fn lists_after(text: &Text, tokens: &[Token], q: &Quantity, head: &Claim, claim: &Claim) -> bool {
    let bare = claim.frame.counted.is_none() && claim.frame.predicate.is_none();
    let after_comma_or_and = q.span.start > 0
        && (tokens[q.span.start - 1].is_symbol(text, ',')
            || lex::word_at(text, tokens, q.span.start - 1) == "and");
    // "killed 12 people, 3 of them children": a part, not an item.
    let part = lex::word_at(text, tokens, q.span.end) == "of";
    bare && after_comma_or_and
        && !part
        && claim.kind == Kind::Count
        && head.kind == Kind::Count
        && head.role == Role::Statement
        && head.sentence == claim.sentence
        && head.frame.counted.is_some()
}

/// The numbers found so far: all of them up to `limit`, then only counted.
struct FoundList {
    items: Vec<Found>,
    count: usize,
    limit: usize,
}

impl FoundList {
    fn push(&mut self, item: Found) {
        self.count += 1;
        if self.count <= self.limit {
            self.items.push(item);
        }
    }
}

/// The frame of an amount, from what its clause says: the subject's slots,
/// then when it holds, which statistic it is, whose figure, and the party that
/// gives it (places and dates come later, from the whole report: see
/// [`scope::anchor`]). Returns the frame and the subject's words for a reader.
fn frame_of(
    text: &Text,
    tokens: &[Token],
    q: &Quantity,
    subject: what::Subject,
    source: Option<&str>,
    previous_end: usize,
) -> (Frame, String) {
    let previous_scope = subject.scopes.contains(&"previous");
    let frame = Frame {
        class: subject.counted.as_deref().and_then(nouns::class_of),
        when: time::when(
            text,
            tokens,
            &q.span,
            &subject.clause,
            previous_end,
            previous_scope,
        ),
        statistic: time::statistic(text, tokens, &q.span, q.kind, &q.unit),
        // An age is its person's; what happens to people (killed, injured)
        // is nobody's figure.
        owner: if q.kind == Kind::Age {
            time::person_of_age(text, tokens, &q.span, &subject.clause)
        } else {
            (!subject.predicate.is_some_and(words::is_role))
                .then(|| time::owner(text, tokens, &q.span, &subject.clause, source))
                .flatten()
        }
        .map(String::into_boxed_str),
        party: source.and_then(time::party),
        context: time::context(text, tokens, &subject.clause, &q.span).into(),
        counted: subject.counted.map(String::into_boxed_str),
        predicate: subject.predicate,
        of: subject.of.map(String::into_boxed_str),
        per: subject.per,
        scopes: subject.scopes.into(),
        ..Frame::default()
    };
    (frame, subject.text)
}

/// A date as the subject stage reads it: a span of kind date, with no unit,
/// counted noun or rate (its value is unused: a date's interval comes from its
/// calendar fields, see [`date::days`]).
fn date_as_quantity(d: &Date) -> Quantity {
    Quantity {
        span: d.start..d.end,
        number: d.start..d.end,
        qualifier: None,
        bound: Bound::Exact,
        value: Interval::point(0.0),
        kind: Kind::Date,
        unit: String::new(),
        conversions: Vec::new(),
        noun: None,
        rate: None,
        year_like: false,
    }
}

/// Finds every date and amount, left to right; each token belongs to at most one.
fn find(text: &Text, tokens: &[Token], layout: &Layout, found: &mut FoundList) {
    let mut sentence = 0;
    let mut i = 0;
    let mut taken = 0;
    // Most tokens start nothing: a test of kind and flags skips them, in a
    // loop of its own.
    let date_start = WordClass::MONTH | WordClass::WEEKDAY | WordClass::PART_OF_YEAR;
    let may_start =
        |t: &Token| t.kind == TokenKind::Digits || t.has(WordClass::NUMERAL_START | date_start);
    // A dateline starts with digits (see `layout::dateline`), so it is not skipped.
    while let Some(skipped) = tokens
        .get(i..)
        .and_then(|rest| rest.iter().position(may_start))
    {
        i += skipped;
        if let Some(dateline) = layout.dateline.clone().filter(|d| d.start == i) {
            let value = date::at(text, tokens, dateline.start)
                .map(|d| d.value)
                .unwrap_or_default();
            found.push(Found::Date(
                Date {
                    start: dateline.start,
                    end: dateline.end,
                    value,
                },
                Role::Dateline,
            ));
            (i, taken) = (dateline.end, dateline.end);
            continue;
        }
        let token = &tokens[i];
        while layout.sentences.get(sentence).is_some_and(|s| s.end <= i) {
            sentence += 1;
        }
        let furniture = layout.furniture.get(sentence).copied().unwrap_or(false);
        let long_word = token.is_word() && token.end() - token.start() > 12;
        if token.kind == TokenKind::Symbol || long_word {
            i += 1; // no date or number starts with a symbol or a long word
            continue;
        }
        let lower = if token.is_word() {
            token.lower(text)
        } else {
            ""
        };
        let may_be_date = token.kind == TokenKind::Digits || token.has(date_start);
        let may_be_number = token.kind == TokenKind::Digits
            || token.has(WordClass::NUMERAL_START)
                && (!matches!(lower, "a" | "an") || article_starts_number(text, tokens, i));
        if let Some(d) = may_be_date.then(|| date::at(text, tokens, i)).flatten() {
            let in_wire_dateline = layout
                .wire_dateline
                .as_ref()
                .is_some_and(|w| w.contains(&i));
            let role = if furniture || in_wire_dateline {
                Role::Dateline
            } else {
                Role::Statement
            };
            (i, taken) = (d.end, d.end);
            found.push(Found::Date(d, role));
            continue;
        }
        if furniture || !may_be_number {
            i += 1;
            continue;
        }
        match quantity::at(text, tokens, i, taken) {
            Some(q) => {
                let end = if q.year_like {
                    q.number.end
                } else {
                    q.span.end
                };
                (i, taken) = (end.max(i + 1), end.max(i + 1));
                if q.year_like {
                    let year = q.value.low.unwrap_or_default();
                    found.push(Found::Date(
                        Date {
                            start: q.number.start,
                            end: q.number.end,
                            value: date::year_only(year),
                        },
                        Role::Statement,
                    ));
                } else if !is_reference(text, tokens, &q) {
                    found.push(Found::Amount(q));
                }
            }
            None => i += 1,
        }
    }
}

/// "a" and "an" are everywhere; they start a number only before a scale or
/// vague word or a unit ("a dozen", "a thousand", "an hour and a half").
fn article_starts_number(text: &Text, tokens: &[Token], i: usize) -> bool {
    let next = tokens.get(i + 1).map_or("", |t| t.lower(text));
    let vague = words::VAGUE
        .iter()
        .any(|v| v.words.first() == Some(&"a") && v.words.get(1) == Some(&next));
    let scale =
        next == "hundred" || words::scale(next).is_some_and(|_| !words::is_glued_scale(next));
    vague
        || scale
        || next == "half" // "a half-dozen"
        || crate::knowledge::units::by_spelling(next, false).is_some() // "a week", "a mile"
        || words::denominator(next).is_some()
}

/// "the two leaders", "the two countries": a small word number after a definite
/// determiner, counting parties already named, is not a figure to check.
fn is_reference(text: &Text, tokens: &[Token], q: &Quantity) -> bool {
    let start = q.number.start;
    let determiner =
        start > 0 && matches!(tokens[start - 1].lower(text), "the" | "these" | "those");
    let small_word = tokens[start].is_word() && q.value.high.is_some_and(|h| h <= 10.0);
    // "the four Ukrainian regions it claims" still counts regions.
    let people_named_before = words::is_referential_noun(&q.unit);
    determiner
        && small_word
        && people_named_before
        && q.kind == Kind::Count
        && q.qualifier.is_none()
}

/// The report's publication date from its dateline claim.
pub fn dateline(claims: &[Claim]) -> Option<date::Published> {
    let date = claims
        .iter()
        .find(|c| c.role == Role::Dateline)
        .and_then(|c| c.date.as_ref())?;
    date::Published::parse(&date::iso_string(date)?)
}
