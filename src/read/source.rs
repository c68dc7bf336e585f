//! Stage 6: who says a number.
//!
//! Why: a popover that says "RIA Novosti gave four and a half hours" lets a reader
//! weigh the figure; the report that prints it is often only passing it on. The
//! source is, in order: the speaker of the quotation around the number; the
//! speaker of a speech verb in its sentence ("Healey announced that ...",
//! "... , officials said"); an "according to X" in its sentence. Every search is
//! bounded to a fixed number of tokens, so attribution stays linear in the text.

use crate::frame::what::strip_possessive;
use crate::knowledge::{places, words};
use crate::read::layout::Layout;
use crate::read::lex::{word_at, Text, Token, TokenKind, WordClass};

/// How far, in tokens, a speech verb may stand from the number it attributes.
const REACH: usize = 40;
/// How far after a closing quotation mark its speaker may stand.
const QUOTE_TAIL: usize = 8;
/// Longest speaker phrase, in words.
const SPEAKER_WORDS: usize = 7;

/// The source of the claim starting at token `at`, if the report names one.
pub fn source(text: &Text, tokens: &[Token], layout: &Layout, at: usize) -> Option<String> {
    if let Some(quote) = layout.quote_of(at) {
        return quote_speaker(text, tokens, layout, quote.open, quote.close);
    }
    let sentence = layout.sentences[layout.sentence_of(at)].clone();
    let from = sentence.start.max(at.saturating_sub(REACH));
    let to = sentence.end.min(at + REACH);
    // Quotations inside the window: their speech verbs belong to their own speakers.
    let first_quote = layout.quotes.partition_point(|q| q.close < from);
    let quotes = &layout.quotes[first_quote..];
    let quoted = |k: usize| {
        quotes
            .iter()
            .take_while(|q| q.open < to)
            .any(|q| q.open <= k && k <= q.close)
    };
    // "..., auditors found." also attributes, but only at the end of a sentence.
    let closing_finding = |k: usize| {
        tokens[k].has(WordClass::FINDING_VERB)
            && tokens
                .get(k + 1)
                .is_none_or(|t| matches!(t.text(text), "." | "!" | "?"))
            && k >= 2
            && tokens[k - 2].is_symbol(text, ',')
    };
    // One pass: the nearest speech verb before the number (else after it), and
    // the first "according to".
    let (mut verb_before, mut verb_after, mut according) = (None, None, None);
    for k in from..to {
        // Most tokens are neither a verb nor "according": their flags and
        // length say so at once.
        let token = &tokens[k];
        let may_attribute = token.has(WordClass::SPEECH_VERB | WordClass::FINDING_VERB)
            || token.end() - token.start() == "according".len();
        if !may_attribute || !token.is_word() {
            continue;
        }
        let is_verb = is_speech_verb(text, tokens, layout, k) || closing_finding(k);
        let is_according = word_at(text, tokens, k) == "according"
            && according.is_none()
            && word_at(text, tokens, k + 1) == "to";
        if !(is_verb || is_according) || quoted(k) {
            continue;
        }
        if is_according {
            according = Some(k);
        } else if k < at {
            verb_before = Some(k);
        } else if verb_after.is_none() && k > at {
            verb_after = Some(k);
        }
    }
    let according = according.and_then(|k| name_after(text, tokens, k + 2, to));
    let speaker = verb_before
        .or(verb_after)
        .and_then(|v| speaker_of(text, tokens, layout, v, from));
    match (speaker, according) {
        (Some(s), Some(a)) if s != a => Some(format!("{s}, according to {a}")),
        (Some(s), _) => Some(s),
        (None, a) => a,
    }
}

/// The speaker of a quotation: named right after it (“...,” Zelensky said) or
/// before it in its sentence (Trump wrote on Truth Social: “...”).
fn quote_speaker(
    text: &Text,
    tokens: &[Token],
    layout: &Layout,
    open: usize,
    close: usize,
) -> Option<String> {
    let paragraph = layout.paragraph[layout.sentence_of(close)];
    let tail = (close + 1..tokens.len().min(close + 1 + QUOTE_TAIL))
        .take_while(|&k| layout.paragraph[layout.sentence_of(k)] == paragraph)
        .find(|&k| is_speech_verb(text, tokens, layout, k));
    if let Some(v) = tail {
        return speaker_of(text, tokens, layout, v, close + 1);
    }
    let sentence = layout.sentences[layout.sentence_of(open)].clone();
    let from = sentence.start.max(open.saturating_sub(REACH));
    (from..open)
        .rev()
        .filter(|&k| layout.quote_of(k).is_none())
        .find(|&k| is_speech_verb(text, tokens, layout, k))
        .and_then(|v| speaker_of(text, tokens, layout, v, from))
}

/// Whether the speech verb at `k` is used as an active verb: not a noun or
/// an adjective after a determiner, a number or a possessive ("the reports",
/// "four confirmed victims", "Reuters' estimates"), not a passive, and not the
/// last word of a place's name ("the United States specified").
fn is_speech_verb(text: &Text, tokens: &[Token], layout: &Layout, k: usize) -> bool {
    if !tokens[k].has(WordClass::SPEECH_VERB) {
        return false;
    }
    let sentence_start = layout.sentences[layout.sentence_of(k)].start;
    let Some(before) = k.checked_sub(1).filter(|&j| j >= sentence_start) else {
        return true;
    };
    let previous = &tokens[before];
    let word = previous.lower(text);
    // "that" also opens a clause: "a report that states 20 died". A passive
    // ("cases were reported") names no speaker before it ("officials are
    // saying" does).
    let modifies = previous.kind == TokenKind::Digits
        || previous.has(WordClass::NUMERAL_START | WordClass::POSSESSIVE)
        || words::is_determiner(word) && word != "that"
        || is_passive(word, tokens[k].lower(text));
    let in_name = tokens[k].is_capitalized(text) && previous.is_capitalized(text) && {
        let mut name = String::from(word);
        name.push(' ');
        name.push_str(tokens[k].lower(text));
        places::is_known(&name)
    };
    !(modifies || in_name)
}

/// True when `auxiliary` before the speech verb `verb` makes a passive
/// ("cases were reported", "the toll is estimated"), not a progressive
/// ("officials are saying").
fn is_passive(auxiliary: &str, verb: &str) -> bool {
    words::is_passive_auxiliary(auxiliary) && !verb.ends_with("ing")
}

/// Who the speech verb at `v` attributes to: the phrase before it ("Russian
/// media later reporting"), else a name after it ("said Yuri Ushakov"), else a
/// "he"/"she" resolved to the last name before, else the subject of a clause
/// the verb continues ("Trump ramped up pressure, writing ...").
fn speaker_of(
    text: &Text,
    tokens: &[Token],
    layout: &Layout,
    v: usize,
    floor: usize,
) -> Option<String> {
    let mut k = v;
    let mut passive = false;
    // (Capitalized, "Today" and "Now" are names' words: "USA Today reported".)
    while k > floor
        && words::is_speech_adverb(word_at(text, tokens, k - 1))
        && !tokens[k - 1].is_capitalized(text)
    {
        passive |= is_passive(word_at(text, tokens, k - 1), word_at(text, tokens, v));
        k -= 1;
    }
    // "the toll is now estimated at": a passive names no speaker before it.
    if passive {
        return None;
    }
    if k > floor && matches!(word_at(text, tokens, k - 1), "he" | "she") {
        return last_name_before(text, tokens, layout, k - 1);
    }
    // "the United States Geological Survey (USGS) reported": the name before
    // its acronym.
    if k >= floor + 3
        && tokens[k - 1].is_symbol(text, ')')
        && tokens[k - 2].is_capitalized(text)
        && tokens[k - 3].is_symbol(text, '(')
    {
        k -= 3;
    }
    let mut start = k;
    while start > floor && k - start < SPEAKER_WORDS {
        let token = &tokens[start - 1];
        let glued_hyphen = token.is_symbol(text, '-') && !token.space_before;
        // A clause word ends the speaker: "…, although performers again warned".
        let ends = WordClass::ENDS_NOUN_PHRASE | WordClass::CLAUSE_BREAK;
        let in_name = bridges_name(text, tokens, start - 1);
        let joins = glued_hyphen || is_initials_dot(text, tokens, start - 1);
        if !(token.is_word() || joins) || token.has(ends) && !in_name {
            break;
        }
        start -= 1;
    }
    if start < k {
        return Some(name_of(text, tokens, start, k));
    }
    if let Some(name) = name_after(
        text,
        tokens,
        v + 1,
        (v + 1 + SPEAKER_WORDS).min(tokens.len()),
    ) {
        if tokens.get(v + 1).is_some_and(|t| t.is_capitalized(text)) {
            return Some(name);
        }
    }
    // A participle after a comma continues a clause: find that clause's named
    // subject ("The company's chief executive, Anna Whitford, apologised … and
    // said"), a run of capitalized words that is not an article or a month.
    let capitalized = |j: usize| tokens[j].is_capitalized(text);
    let start = (floor..v).rev().find(|&j| {
        capitalized(j)
            && (j == floor || tokens[j - 1].is_symbol(text, ','))
            && !tokens[j]
                .has(WordClass::MONTH | WordClass::ENDS_NOUN_PHRASE | WordClass::NUMERAL_START)
    })?;
    let end = (start..v).find(|&j| !capitalized(j)).unwrap_or(v);
    Some(strip_possessive(&name_of(text, tokens, start, end)).to_string())
}

/// A name in the tokens `from..to`: the first run of capitalized words, or the
/// words up to the first function word ("two people familiar ...").
fn name_after(text: &Text, tokens: &[Token], from: usize, to: usize) -> Option<String> {
    let mut end = from;
    while end < to && end - from < SPEAKER_WORDS + 2 {
        let token = &tokens[end];
        let glued_hyphen = token.is_symbol(text, '-') && !token.space_before;
        if !(token.is_word() || glued_hyphen || is_initials_dot(text, tokens, end)) {
            break;
        }
        end += 1;
    }
    (end > from).then(|| name_of(text, tokens, from, end))
}

/// Whether token `k` joins two capitalized words into one name: "Ministry
/// of Health", "Centers for Disease Control and Prevention".
fn bridges_name(text: &Text, tokens: &[Token], k: usize) -> bool {
    matches!(word_at(text, tokens, k), "of" | "for" | "and")
        && k > 0
        && tokens[k - 1].is_capitalized(text)
        && tokens.get(k + 1).is_some_and(|t| t.is_capitalized(text))
}

/// Whether token `k` is the dot of an initial ("U.S.", "J.K."): glued to a
/// single capital letter. (Narrower than the places' abbreviation dot, which
/// also takes "Gov." and "Dr.": in a speaker's name those are titles.)
fn is_initials_dot(text: &Text, tokens: &[Token], k: usize) -> bool {
    tokens[k].is_symbol(text, '.')
        && !tokens[k].space_before
        && k > 0
        && tokens[k - 1].is_capitalized(text)
        && tokens[k - 1].text(text).chars().count() == 1
}

/// The best name in a phrase: its last run of capitalized words without the
/// titles before it ("British Defence Secretary John Healey" → "John Healey"),
/// or the whole phrase when it ends in a common noun ("state news agencies").
fn name_of(text: &Text, tokens: &[Token], start: usize, end: usize) -> String {
    // A date at the end is when, not who: "released by authorities on Sunday".
    let mut end = end;
    while end > start + 1 && tokens[end - 1].has(WordClass::WEEKDAY | WordClass::MONTH) {
        end -= 1;
        if end > start + 1 && tokens[end - 1].has(WordClass::ENDS_NOUN_PHRASE) {
            end -= 1;
        }
    }
    let mut run_start = end;
    while run_start > start
        && (tokens[run_start - 1].is_capitalized(text)
            || tokens[run_start - 1].is_symbol(text, '-')
            || is_initials_dot(text, tokens, run_start - 1)
            || run_start - 1 > start
                && run_start < end
                && bridges_name(text, tokens, run_start - 1))
    {
        run_start -= 1;
    }
    let (mut from, to) = if run_start < end {
        (run_start, end)
    } else {
        (start, end)
    };
    if run_start < end {
        // Drop titles and everything before the last one, when a name remains.
        // ("Minister of Health" is an office, not a title before a name.)
        let title =
            |j: usize| tokens[j].has(WordClass::TITLE) && !bridges_name(text, tokens, j + 1);
        if let Some(last_title) = (from..to).rev().find(|&j| title(j)) {
            if last_title + 1 < to {
                from = last_title + 1;
            }
        }
        while from + 1 < to
            && (matches!(word_at(text, tokens, from), "the") || tokens[from].is_symbol(text, '-'))
        {
            from += 1;
        }
    } else {
        // A common-noun source stops at its first function word: "two people
        // familiar"; its agent is the source: "figures released by the ministry".
        let agent = (from + 1..to).find(|&j| {
            word_at(text, tokens, j) == "by"
                && (word_at(text, tokens, j - 1).ends_with("ed")
                    || tokens[j - 1].has(WordClass::SPEECH_VERB))
        });
        if let Some(by) =
            agent.filter(|&by| (by + 1..to).any(|j| !tokens[j].has(WordClass::ENDS_NOUN_PHRASE)))
        {
            from = by + 1;
        }
        let stop = (from..to).find(|&j| j > from && tokens[j].has(WordClass::ENDS_NOUN_PHRASE));
        let to = stop.unwrap_or(to);
        return strip_possessive(&text[tokens[from].start()..tokens[to - 1].end()]).to_string();
    }
    strip_possessive(&text[tokens[from].start()..tokens[to - 1].end()]).to_string()
}

/// The last person-like name (two or more capitalized words) before token `at`,
/// within the reach: what "he" and "she" refer to.
fn last_name_before(text: &Text, tokens: &[Token], layout: &Layout, at: usize) -> Option<String> {
    let floor = at.saturating_sub(REACH * 2);
    let mut j = at;
    while j > floor {
        j -= 1;
        if tokens[j].is_capitalized(text)
            && j > 0
            && tokens[j - 1].is_capitalized(text)
            && layout.quote_of(j).is_none()
        {
            let mut start = j - 1;
            while start > floor && tokens[start - 1].is_capitalized(text) {
                start -= 1;
            }
            return Some(name_of(text, tokens, start, j + 1));
        }
    }
    None
}
