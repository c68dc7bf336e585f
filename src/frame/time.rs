//! The frame's slots read from the words right around a number: when the figure
//! holds (a forecast, a figure the report marks as superseded), the year its
//! clause names, which statistic it is (a change, a part of a whole), whose
//! figure it is, the kind of party that gives it, and the content words of its
//! context.
//!
//! Why these: most figures that two reports seem to disagree on are two
//! different quantities, not an error, and the words that tell them apart
//! stand next to the number: "could reach 1,000" is a forecast, "up from 37" an
//! earlier figure, "fell 19%" a change, "12 of them" a part, "Sheinbaum won
//! 59.5%" Sheinbaum's share. Each reader looks at a few tokens, so reading stays
//! linear.

use crate::claim::Kind;
use crate::frame::what::strip_possessive;
use crate::frame::{Statistic, When};
use crate::knowledge::words;
use crate::read::lex::{folded, word_at, Text, Token, WordClass};
use std::ops::Range;

/// How many tokens before a number a forecast or a superseded marker may stand.
const MARKER_REACH: usize = 6;
/// Most content words kept from a context.
const CONTEXT_WORDS: usize = 16;

/// What the words right around the number `span` (its number at `number`, its
/// clause `clause`, its neighbours' claims ending at `previous_end` and starting
/// at `next_start`) say of when it holds: a forecast or a superseded figure.
pub fn when(
    text: &Text,
    tokens: &[Token],
    span: &Range<usize>,
    clause: &Range<usize>,
    previous_end: usize,
    previous_scope: bool,
) -> When {
    // A quotation its marker introduces is marked too: 'Xinhua reported
    // earlier that "53 people …"' (the quotation mark opens the clause).
    let reach = span.start.saturating_sub(MARKER_REACH);
    let opens_quote = |k: usize| matches!(tokens[k].text(text), "“" | "\"");
    let quoted = clause.start < span.start && opens_quote(clause.start)
        || clause.start > 0 && opens_quote(clause.start - 1);
    // (Not past the sentence before.)
    let clause_start = if quoted {
        (reach..clause.start)
            .rev()
            .find(|&k| matches!(tokens[k].text(text), "." | "!" | "?"))
            .map_or(reach, |k| k + 1)
    } else {
        clause.start
    };
    let floor = clause_start.max(previous_end).max(reach);
    // "up from 37", "an earlier toll of 77", "initially reported 37";
    // "could reach 1,000", "expected to draw 50,000".
    let (mut superseded, mut forecast) = (previous_scope, false);
    // (A year-like neighbour's span may end past this one's start.)
    for k in floor.min(span.start)..span.start {
        if tokens[k].has(WordClass::TIME_MARKER) {
            let word = tokens[k].lower(text);
            superseded |= words::marks_superseded(word) && !opens_preposition(text, tokens, k)
                || words::marks_superseded_with_noun(word)
                    && words::is_superseded_noun(
                        word_at(text, tokens, k + 1),
                        word_at(text, tokens, k + 2),
                    );
            forecast |= words::marks_forecast(word) && !of_the_past(text, tokens, k);
        }
    }
    if superseded {
        return When::Superseded;
    }
    // "20 inches forecast".
    let forecast_after = matches!(
        word_at(text, tokens, span.end),
        "forecast" | "expected" | "projected" | "predicted"
    );
    if forecast || forecast_after {
        return When::Forecast;
    }
    When::Now
}

/// True when the modal at `marker` speaks of the past: "the train may have
/// been travelling at twice the limit", "the quake may have killed 1,000"
/// are guesses at what happened, not forecasts ("may have to shut down",
/// "could have 100,000 deaths by summer" are).
fn of_the_past(text: &Text, tokens: &[Token], marker: usize) -> bool {
    let participle = word_at(text, tokens, marker + 2);
    word_at(text, tokens, marker + 1) == "have"
        && (participle == "been" || words::is_verb_form(participle))
}

/// True when the superseded marker at `marker` is a preposition's first word,
/// not a figure's: "Prior to the storm, 300 families".
fn opens_preposition(text: &Text, tokens: &[Token], marker: usize) -> bool {
    word_at(text, tokens, marker + 1) == "to"
}

/// How many tokens may stand between two figures stated together.
const JOINED_REACH: usize = 8;

/// True when the tokens `between` two figures of one sentence state them
/// together, so the second is of the first's time: "Earlier, 27 people were
/// reported dead and 15 injured", "reported that 368 had been rescued and that
/// about 100 were missing". Not when a word between moves on to the present
/// ("rose from 27 to 60"), tells a change ("37, up by 5") or opens a clause of
/// its own (a dash, a semicolon, "as", "who").
pub fn stated_together(text: &Text, tokens: &[Token], between: Range<usize>) -> bool {
    if between.len() > JOINED_REACH {
        return false;
    }
    let mut joined = false;
    let mut passive = false;
    for token in &tokens[between] {
        let word = token.lower(text);
        // After the join, a verb of speech or finding opens a statement of its
        // own ("and hospitals put it at 26", "and police say 22"), unless it
        // is a passive's ("were reported dead and 15 injured").
        let new_statement =
            joined && !passive && token.has(WordClass::SPEECH_VERB | WordClass::FINDING_VERB);
        if new_statement || words::separates_figures(word) || words::is_change_verb(word) {
            return false;
        }
        joined |= words::joins_figures(word);
        passive = words::is_passive_auxiliary(word);
    }
    joined
}

/// Which statistic the number at `span` (qualifier, number, unit) is: a change
/// ("rose by 10", "fell 19%", "a 20% increase", percentage points), a part of a
/// whole its clause names ("12 of them", "among the dead were 5", "including
/// 3"), a reference value ("the two-hour barrier"), else a level.
pub fn statistic(
    text: &Text,
    tokens: &[Token],
    span: &Range<usize>,
    kind: Kind,
    unit: &str,
) -> Statistic {
    if unit == "percentage point" {
        return Statistic::Change;
    }
    let word = |k: usize| word_at(text, tokens, k);
    let before = span.start.checked_sub(1).map_or("", word);
    let two_before = span.start.checked_sub(2).map_or("", word);
    // "rose by 10" and "fell 19%" are changes; "rose to 93" is a level, and
    // "shed 15,000 jobs" counts jobs.
    let change_verb = |w: &str| words::is_change_verb(w);
    let measured = !matches!(kind, Kind::Count | Kind::Ordinal);
    if before == "by" && change_verb(two_before) || change_verb(before) && measured {
        return Statistic::Change;
    }
    // "a 20% increase", "a 3.5 percent drop".
    if words::is_change_noun(word(span.end)) {
        return Statistic::Change;
    }
    // "12 of them", "two of whom", "five of the dead".
    let part_after = word(span.end) == "of"
        && matches!(
            word(span.end + 1),
            "them" | "whom" | "which" | "these" | "those"
        );
    // ("among 5 killed" names the whole a part is among: not a part.)
    let part_before = before == "including"
        || before == "them" && two_before == "among"
        || matches!(
            (two_before, before),
            ("of", "whom") | ("of", "which") | ("of", "them")
        );
    if part_after || part_before {
        return Statistic::Part;
    }
    // "the two-hour barrier", "the 50% threshold needed to win".
    if (span.end..span.end + 2).any(|k| words::is_reference_noun(word(k))) {
        return Statistic::Reference;
    }
    Statistic::Level
}

/// Whose figure the number is, when its clause names someone other than a
/// place or its source: "Sheinbaum won 59.5%", "Nestle SA's 6.2 percent
/// drop", "Milei, with 55.7%", "59.5% for Sheinbaum". The last word of the name,
/// folded to ASCII ("Kemal Kılıçdaroğlu" and "Kilicdaroglu" are one owner).
pub fn owner(
    text: &Text,
    tokens: &[Token],
    span: &Range<usize>,
    clause: &Range<usize>,
    source: Option<&str>,
) -> Option<String> {
    let word = |k: usize| word_at(text, tokens, k);
    let capitalized = |k: usize| tokens.get(k).is_some_and(|t| t.is_capitalized(text));
    // After the number: "for Sheinbaum", "to Milei" (within its clause).
    let mut k = span.end;
    while k < clause.end && k < span.end + 3 && !matches!(word(k), "for" | "to" | "by") {
        k += 1;
    }
    if matches!(word(k), "for" | "to" | "by") && k < clause.end && capitalized(k + 1) {
        if let Some(name) = name_run(text, tokens, k + 1, clause.end, source) {
            return Some(name);
        }
    }
    // Before it: the nearest name, when it ends in a possessive or an owner's
    // verb or preposition stands between it and the number.
    let floor = clause.start.max(span.start.saturating_sub(8));
    let mut end = span.start;
    while end > floor && !capitalized(end - 1) {
        end -= 1;
    }
    if end == floor {
        return None;
    }
    let possessive = tokens[end - 1].has(WordClass::POSSESSIVE);
    let owned = (end..span.start)
        .any(|j| words::is_owner_verb(word(j)) || matches!(word(j), "with" | "at" | "on"));
    if !possessive && !owned {
        return None;
    }
    let mut start = end - 1;
    while start > floor && capitalized(start - 1) && !tokens[start - 1].has(WordClass::POSSESSIVE) {
        start -= 1;
    }
    name_run(text, tokens, start, end, source)
}

/// Whose age the number at `span` is: the name right after it ("62-year-old
/// Benny Willingham", "the 26-year-old Tigst Assefa") or set off before it
/// by a comma or in parentheses ("Benny Willingham, 61,", "Smith, aged 52",
/// "Mr Babis (64)"): the last word of the name, folded, as [`owner`] gives
/// it; also when the person speaks ("said the 26-year-old Tigst Assefa").
pub fn person_of_age(
    text: &Text,
    tokens: &[Token],
    span: &Range<usize>,
    clause: &Range<usize>,
) -> Option<String> {
    let capitalized = |k: usize| tokens.get(k).is_some_and(|t| t.is_capitalized(text));
    if span.end < clause.end && capitalized(span.end) {
        return name_run(text, tokens, span.end, clause.end, None);
    }
    let mut end = span.start;
    if word_at(text, tokens, end.wrapping_sub(1)) == "aged" {
        end -= 1;
    }
    let comma_before =
        end > 1 && (tokens[end - 1].is_symbol(text, ',') || tokens[end - 1].is_symbol(text, '('));
    if !comma_before || !capitalized(end - 2) {
        return None;
    }
    let end = end - 1;
    let floor = end.saturating_sub(4);
    let mut start = end - 1;
    while start > floor && capitalized(start - 1) {
        start -= 1;
    }
    name_run(text, tokens, start, end, None)
}

/// The owner a run of capitalized words from `start` (up to `end`) names,
/// unless it is a place, a date, a title or function word, or the claim's
/// source: its last word, folded.
fn name_run(
    text: &Text,
    tokens: &[Token],
    start: usize,
    end: usize,
    source: Option<&str>,
) -> Option<String> {
    let mut stop = start;
    while stop < end && stop < start + 4 && tokens[stop].is_capitalized(text) {
        stop += 1;
        if tokens[stop - 1].has(WordClass::POSSESSIVE) {
            break;
        }
    }
    // Titles before a name: "President Recep Tayyip Erdoğan".
    let mut first = start;
    while first + 1 < stop && tokens[first].has(WordClass::TITLE) {
        first += 1;
    }
    if first == stop {
        return None;
    }
    let after_place_word = start > 0 && tokens[start - 1].has(WordClass::PLACE_PREPOSITION);
    // Looked up without its possessive ("Tuesday's", "It's"), whose flags are
    // the whole token's.
    let first_word = strip_possessive(tokens[first].lower(text));
    let not_a_name = words::weekday(first_word).is_some()
        || words::month(first_word).is_some()
        || words::ends_noun_phrase(first_word)
        || after_place_word;
    let run =
        strip_possessive(&text[tokens[first].start()..tokens[stop - 1].end()]).to_ascii_lowercase();
    let is_place = crate::knowledge::places::lookup(&run).next().is_some();
    let is_source = source.is_some_and(|s| s.to_ascii_lowercase().contains(&run));
    let nationality = stop == first + 1 && words::is_nationality(&run);
    let last = folded(strip_possessive(tokens[stop - 1].text(text)));
    // "Jiuzhaigou County", "the Northeast district": a place's noun ends or
    // follows a place's name. (A possessive owns: "Manchester City's 115
    // charges", "Pelosi's district".)
    let is_place_noun =
        |word: &str| words::standing_noun(word).is_some() || words::is_place_noun(word);
    let possessive = tokens[stop - 1].has(WordClass::POSSESSIVE);
    let place_noun =
        !possessive && (is_place_noun(&last) || is_place_noun(word_at(text, tokens, stop)));
    if not_a_name || is_place || is_source || nationality || place_noun {
        return None;
    }
    Some(last).filter(|name| name.len() > 1)
}

/// The kind of party a source is ("police", "organisers", "officials"), from
/// the words of its name.
pub fn party(source: &str) -> Option<&'static str> {
    source
        .split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric())
        .find_map(|w| words::party(&w.to_ascii_lowercase()))
}

/// The content words of `range` (no function words, numbers or the claim's own
/// tokens `own`), lowercase and hashed, sorted: what the overlap of two
/// contexts is measured on.
pub fn context(
    text: &Text,
    tokens: &[Token],
    range: &Range<usize>,
    own: &Range<usize>,
) -> Vec<u32> {
    let mut words: Vec<u32> = range
        .clone()
        .filter(|k| !own.contains(k))
        .filter(|&k| tokens[k].is_word() && !tokens[k].has(WordClass::ENDS_NOUN_PHRASE))
        .map(|k| {
            let word = strip_possessive(tokens[k].lower(text));
            // A concept's words are its concept ("talks", "meeting"); others meet
            // by their first five letters ("flood", "floods").
            match tokens[k]
                .has(WordClass::CONCEPT)
                .then(|| words::concept(word))
                .flatten()
            {
                Some(concept) => hash(concept.name().as_bytes()),
                None => hash(&word.as_bytes()[..word.len().min(5)]),
            }
        })
        .take(CONTEXT_WORDS)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// FNV-1a, 32 bits: a stable hash of a word that costs nothing in the bundle.
pub fn hash(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}
