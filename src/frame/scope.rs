//! Stage 6b: which event a claim belongs to, as a set of anchors.
//!
//! Why: two reports can measure "the meeting's length" of two different meetings
//! (seed 000 reports a later Witkoff–Putin meeting than the St. Petersburg talks
//! the others describe). Reports say which event they mean by place and date, so
//! each claim carries the places ("in St. Petersburg", "the Brussels meeting")
//! and calendar dates ("Friday (April 11)") of its own sentence; a claim whose
//! sentence names neither belongs to the report's lead event (the places and
//! dates of its first paragraph) and to its report. Publication dates are never
//! anchors. [`crate::align`] groups only claims that share an anchor.

use crate::claim::{Claim, Role};
use crate::frame::what::strip_possessive;
use crate::knowledge::words;
use crate::read::date;
use crate::read::layout::Layout;
use crate::read::lex::{Text, Token, WordClass};
use std::ops::Range;

/// Words a paragraph needs before it counts as the lead (a byline has fewer).
const LEAD_MIN_WORDS: usize = 8;

/// Place anchors in the tokens of one sentence.
fn places(text: &Text, tokens: &[Token], sentence: Range<usize>, out: &mut Vec<String>) {
    let lower = |k: usize| tokens[k].lower(text);
    for (k, &token) in tokens[sentence.clone()]
        .iter()
        .enumerate()
        .map(|(n, t)| (sentence.start + n, t))
    {
        // Prepositions, "of", weekdays and event nouns are short words.
        if !token.is_word() || token.end - token.start > 10 {
            continue;
        }
        // Most words are none of these: one test of their flags (and of the
        // length, for "of") skips them before their text is looked at.
        let places_flags = WordClass::PLACE_PREPOSITION
            | WordClass::WEEKDAY
            | WordClass::POSSESSIVE
            | WordClass::EVENT_NOUN;
        if !token.has(places_flags) && (token.end - token.start != 2 || lower(k) != "of") {
            continue;
        }
        let word = lower(k);
        let after_preposition = token.has(WordClass::PLACE_PREPOSITION)
            || word == "of" && k > 0 && tokens[k - 1].has(WordClass::PLACE_NOUN);
        if let Some(day) = token
            .has(WordClass::WEEKDAY | WordClass::POSSESSIVE)
            .then(|| words::weekday(strip_possessive(word)))
            .flatten()
            .filter(|_| tokens[k].is_capitalized(text))
        {
            out.push(["day:", day].concat());
            continue;
        }
        let mut start = k + 1;
        if after_preposition && word == "on" {
            // "a strike on Kyiv", but not "on state TV".
        } else if after_preposition {
            // "in the central Zaporizhzhia region": skip an article and lowercase adjectives.
            while start < sentence.end
                && start < k + 4
                && tokens[start].is_word()
                && !tokens[start].is_capitalized(text)
            {
                if tokens[start].has(WordClass::ENDS_NOUN_PHRASE) && lower(start) != "the" {
                    break;
                }
                start += 1;
            }
        } else if token.has(WordClass::EVENT_NOUN)
            && k > sentence.start
            && tokens[k - 1].is_capitalized(text)
        {
            // "the St. Petersburg gathering": the name before an event noun.
            start = k;
            while start > sentence.start
                && (tokens[start - 1].is_capitalized(text)
                    || is_abbreviation_dot(text, tokens, start - 1))
            {
                start -= 1;
            }
            let possessive = strip_possessive(tokens[k - 1].text(text)) != tokens[k - 1].text(text);
            if !possessive {
                push_places(text, tokens, start..k, out);
            }
            continue;
        } else {
            continue;
        }
        let mut end = start;
        while end < sentence.end && continues_name(text, tokens, end, start) {
            end += 1;
        }
        // A name that modifies a noun is not a place: "in the evolving U.S.-Russia
        // diplomatic channel" (but "in the Zaporizhzhia region" is).
        let skipped_adjective = (k + 1..start).any(|j| tokens[j].lower(text) != "the");
        let modifier = skipped_adjective
            && tokens
                .get(end)
                .filter(|_| end < sentence.end)
                .is_some_and(|t| {
                    t.is_word()
                        && !t.is_capitalized(text)
                        && !t.has(WordClass::ENDS_NOUN_PHRASE | WordClass::PLACE_NOUN)
                });
        // "the Deutz district": the noun stays in the name, which so names a
        // part of a town (see `words::is_part_of_town`).
        let part_of_town =
            end > start && end < sentence.end && words::is_part_of_town(tokens[end].lower(text));
        if !modifier {
            push_places(text, tokens, start..end + usize::from(part_of_town), out);
        }
    }
}

/// A wire dateline opening a report: "KYIV —", "WASHINGTON, Dec 12 (Reuters) -".
fn wire_dateline(text: &Text, tokens: &[Token], out: &mut Vec<String>) {
    let upper = |t: &Token| {
        t.is_word()
            && t.text(text).chars().all(|c| !c.is_ascii_lowercase())
            && t.text(text).chars().count() > 1
    };
    let end = tokens
        .iter()
        .take(6)
        .take_while(|t| upper(t) || t.is_symbol(text, '.'))
        .count();
    let closed = tokens
        .get(end)
        .is_some_and(|t| matches!(t.text(text), "—" | "–" | "-" | "," | "("));
    if end > 0 && closed {
        let words: Vec<&str> = tokens[..end]
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text(text))
            .collect();
        out.push(format!("place:{}", words.join(" ").to_ascii_lowercase()));
    }
}

/// The `.` of "St." inside a name.
fn is_abbreviation_dot(text: &Text, tokens: &[Token], k: usize) -> bool {
    let word = |j: usize| tokens[j].text(text);
    tokens[k].is_symbol(text, '.')
        && k > 0
        && (words::is_abbreviation(tokens[k - 1].lower(text)) || word(k - 1).chars().count() == 1)
}

/// Continues a run of capitalized words: "St. Petersburg", "U.S.-Russia".
fn continues_name(text: &Text, tokens: &[Token], k: usize, start: usize) -> bool {
    let glued_hyphen = tokens[k].is_symbol(text, '-') && !tokens[k].space_before;
    tokens[k].is_capitalized(text)
        || (k > start && (is_abbreviation_dot(text, tokens, k) || glued_hyphen))
}

/// Pushes the place names in a run of capitalized words; a possessive ends one
/// name and starts the next ("Spain's Valencia" is Spain and Valencia). A
/// country that owns a capital names its capital: "in Saudi Arabia's capital"
/// is in Riyadh (a reader knows it, and the other report may say "Riyadh").
fn push_places(text: &Text, tokens: &[Token], range: Range<usize>, out: &mut Vec<String>) {
    let mut start = range.start;
    for k in range.clone() {
        let word = tokens[k].text(text);
        if strip_possessive(word) != word {
            let mut place = place_name(text, tokens, start..k + 1);
            let owns_capital = k + 1 == range.end
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| t.lower(text) == "capital");
            if let Some(capital) = place
                .as_deref()
                .filter(|_| owns_capital)
                .and_then(|p| p.strip_prefix("place:"))
                .and_then(words::capital_of)
            {
                place = Some(["place:", capital].concat());
            }
            out.extend(place);
            start = k + 1;
        }
    }
    if start < range.end {
        out.extend(place_name(text, tokens, start..range.end));
    }
}

/// A normalized place name, or `None` for runs that are dates, titles or pronouns.
fn place_name(text: &Text, tokens: &[Token], range: Range<usize>) -> Option<String> {
    // Each word without its possessive, lowercased: the same byte span indexes the
    // lowercase copy, so no word is copied.
    let words = tokens[range].iter().filter(|t| t.is_word()).map(|t| {
        let word = strip_possessive(t.text(text));
        text.lower_span(t.start, t.start + word.len())
    });
    // "The St. Petersburg gathering": the article is not part of the name.
    let mut words = words
        .skip_while(|w| ["the", "this", "that", "these", "those", "a", "an"].contains(w))
        .peekable();
    let first = *words.peek()?;
    // A lone nationality is not a place: "the Russian delegation".
    let nationality = words.clone().nth(1).is_none() && words::is_nationality(first);
    if nationality
        || words::month(first).is_some()
        || words::weekday(first).is_some()
        || words::is_title(first)
        || matches!(first, "i" | "the")
    {
        return None;
    }
    let mut place = String::from("place:");
    for (n, word) in words.enumerate() {
        if n > 0 {
            place.push(' ');
        }
        place.push_str(word);
    }
    let name = &place["place:".len()..];
    let canonical = words::canonical_place(name);
    if canonical != name {
        place = ["place:", canonical].concat();
    }
    Some(place)
}

/// `date:MM-DD` anchors from the dated claims of a sentence.
fn dates(claims: &[Claim], out: &mut Vec<String>) {
    for claim in claims {
        // A year alone is too wide to tell events apart.
        let anchor = claim
            .date
            .as_ref()
            .filter(|_| claim.role == Role::Statement)
            .and_then(date::anchor)
            .filter(|a| !a.starts_with("year:"));
        out.extend(anchor);
    }
}

/// Words and symbols that open a clause about another event: "the deadliest
/// since a missile hit ... in January 2023 and killed 46 people".
fn opens_other_clause(text: &Text, token: &Token) -> bool {
    // The lengths of these, in bytes (most tokens are none of them).
    matches!(token.end - token.start, 1 | 3 | 5..=8)
        && matches!(
            token.lower(text),
            ";" | "—" | "–" | "since" | "unlike" | "whereas" | "compared"
        )
}

/// Most anchors a sentence, a clause or the lead gives (the first ones in the
/// text): a report pasted as one paragraph makes its whole text the lead, and
/// every claim inherits the lead, so this keeps alignment linear.
const MAX_ANCHORS: usize = 12;

/// How far, in tokens, a claim's clause may reach on each side.
const CLAUSE_REACH: usize = 40;

/// Fills in `claim.event` for every claim of one report; `claim_tokens[n]` is
/// the token range of claim `n`. A claim's anchors come from its own clause when
/// that names a place or date, else from its sentence, else from the lead.
pub fn anchor(
    text: &Text,
    tokens: &[Token],
    layout: &Layout,
    claims: &mut [Claim],
    claim_tokens: &[Range<usize>],
) {
    let sentence_of_claim: Vec<usize> = claim_tokens
        .iter()
        .map(|r| layout.sentence_of(r.start))
        .collect();
    // Claims come in text order, so the claims of a token range are one slice.
    let anchors_in = |range: Range<usize>, claims: &[Claim]| {
        let mut out = Vec::new();
        places(text, tokens, range.clone(), &mut out);
        let from = claim_tokens.partition_point(|r| r.start < range.start);
        let to = claim_tokens.partition_point(|r| r.start < range.end);
        dates(&claims[from..to], &mut out);
        out.truncate(MAX_ANCHORS);
        out
    };
    // The lead: the first paragraph (not furniture) with enough words to be prose.
    // Sentences come in paragraph order, so the first paragraph to reach the
    // minimum is the lead, and the count stops there.
    let mut lead_paragraph = None;
    let mut words = (0, 0); // (paragraph, its words so far)
    for (s, sentence) in layout.sentences.iter().enumerate() {
        if layout.furniture[s] {
            continue;
        }
        let p = layout.paragraph[s];
        if p != words.0 {
            words = (p, 0);
        }
        words.1 += tokens[sentence.clone()]
            .iter()
            .filter(|t| t.is_word())
            .count();
        if words.1 >= LEAD_MIN_WORDS {
            lead_paragraph = Some(p);
            break;
        }
    }
    let mut lead = Vec::new();
    wire_dateline(text, tokens, &mut lead);
    if let Some(p) = lead_paragraph {
        let first = layout.paragraph.partition_point(|&q| q < p);
        let last = layout.paragraph.partition_point(|&q| q <= p);
        for s in first..last {
            if lead.len() >= MAX_ANCHORS {
                break;
            }
            lead.extend(anchors_in(layout.sentences[s].clone(), claims));
        }
        lead.truncate(MAX_ANCHORS);
    }
    let sorted = |mut anchors: Vec<String>| {
        anchors.sort();
        anchors.dedup();
        anchors
    };
    // What a claim whose sentence names no place or date inherits.
    let inherited = sorted(match claims.first() {
        Some(claim) => lead
            .into_iter()
            .chain([format!("report:{}", claim.report)])
            .collect(),
        None => lead,
    });
    let mut sentence_cache: Option<(usize, Vec<String>)> = None;
    for n in 0..claims.len() {
        let s = sentence_of_claim[n];
        let sentence = layout.sentences[s].clone();
        let span = claim_tokens[n].clone();
        // The claim's clause: between the nearest clause openers around it.
        let floor = sentence.start.max(span.start.saturating_sub(CLAUSE_REACH));
        let ceiling = sentence.end.min(span.end + CLAUSE_REACH);
        // Both ends stay within the reach, so this costs the same in a sentence of
        // any length.
        let opener_before = (floor..span.start)
            .rev()
            .find(|&k| opens_other_clause(text, &tokens[k]));
        let opener_after = (span.end..ceiling).find(|&k| opens_other_clause(text, &tokens[k]));
        let clause_start = opener_before.unwrap_or(floor);
        let clause_end = opener_after.unwrap_or(ceiling);
        let in_clause = opener_before.is_some() || opener_after.is_some();
        let own = if in_clause {
            sorted(anchors_in(clause_start..clause_end, claims))
        } else {
            Vec::new()
        };
        // What happened: the first happening named before the number in its
        // sentence, the subject of "A strong aftershock hit …, killing 3 people".
        let happening = (floor..span.start)
            .filter(|&k| tokens[k].has(WordClass::HAPPENING))
            .find_map(|k| words::happening(tokens[k].lower(text)));
        claims[n].event = if !own.is_empty() {
            own
        } else {
            if sentence_cache.as_ref().is_none_or(|(cs, _)| *cs != s) {
                sentence_cache = Some((s, sorted(anchors_in(sentence, claims))));
            }
            let sentence_anchors = sentence_cache.as_ref().map_or(&inherited, |(_, a)| a);
            if sentence_anchors.is_empty() {
                inherited.clone()
            } else {
                sentence_anchors.clone()
            }
        };
        // "Last year's pilgrimage drew about 1.8 million people": not today's
        // news. Only the claim's own stretch of the clause counts: in "2.6 million
        // tickets this year, up from 2.45 million last year" the past is 2.45
        // million's.
        let previous_end = n.checked_sub(1).map_or(0, |p| claim_tokens[p].end);
        let next_start = claim_tokens.get(n + 1).map_or(tokens.len(), |r| r.start);
        let stretch = clause_start.max(previous_end)..clause_end.min(next_start);
        // After the number, a possessive past ("rebuild after last month's
        // typhoon") dates another noun, not the figure.
        let past = (stretch.start + 1..stretch.end).any(|k| {
            let (first, second) = (&tokens[k - 1], &tokens[k]);
            let possessive_after = k > span.end && second.has(WordClass::POSSESSIVE);
            (first.has(WordClass::PAST_MARKER) || second.has(WordClass::PAST_MARKER))
                && !possessive_after
                && words::is_past_reference(first.lower(text), strip_possessive(second.lower(text)))
        });
        if let Some(what) = happening {
            claims[n].event.push(["what:", what].concat());
        }
        if past {
            claims[n].event.push("when:past".to_string());
        }
        if happening.is_some() || past {
            claims[n].event.sort();
        }
    }
}
