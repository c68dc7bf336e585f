//! Where and when a figure is: the places and dates of its clause, else of its
//! sentence, else of its report's lead, and what happened and whether it is
//! of the past.
//!
//! Why: two reports can measure "the meeting's length" of two different meetings
//! (seed 000 reports a later Witkoff–Putin meeting than the St. Petersburg talks
//! the others describe). Reports say which event they mean by place and date, so
//! each claim carries the places ("in St. Petersburg", "the Brussels meeting")
//! and calendar dates ("Friday (April 11)") of its own sentence; a claim whose
//! sentence names neither belongs to the report's lead event (the places and
//! dates of its first paragraph) and to its report. Publication dates are never
//! anchors. [`crate::align`] compares them, slot by slot.

use crate::claim::{Claim, Role};
use crate::frame::what::strip_possessive;
use crate::frame::{DateAnchor, Place, PlaceRelation, Statistic, When};
use crate::knowledge::places::{self, Standing};
use crate::knowledge::words;
use crate::read::layout::Layout;
use crate::read::lex::{Text, Token, TokenKind, WordClass};
use std::ops::Range;

/// Words a paragraph needs before it counts as the lead (a byline has fewer).
const LEAD_MIN_WORDS: usize = 8;
/// How far into a sentence a date may start and still open it ("In November
/// 2023, …").
const OPENING_REACH: usize = 2;
/// Most sentences read for the events a report leads with (a report pasted as
/// one paragraph is all lead).
const MAX_LEAD_SENTENCES: usize = 6;

/// The places and dates a stretch of text names, in text order.
#[derive(Default, Clone)]
struct Anchors {
    places: Vec<Place>,
    dates: Vec<DateAnchor>,
    /// Two places are named as one ("across Germany and Belgium"): a figure
    /// of them is of both together.
    joined: bool,
}

impl Anchors {
    fn is_empty(&self) -> bool {
        self.places.is_empty() && self.dates.is_empty()
    }

    fn len(&self) -> usize {
        self.places.len() + self.dates.len()
    }

    fn extend(&mut self, other: Anchors) {
        self.places.extend(other.places);
        self.dates.extend(other.dates);
        self.joined |= other.joined;
    }

    /// At most `most` anchors, the first ones; each once.
    fn tidy(mut self, most: usize) -> Anchors {
        self.places.truncate(most);
        self.dates.truncate(most.saturating_sub(self.places.len()));
        dedup(&mut self.places);
        dedup(&mut self.dates);
        self
    }
}

/// Removes repeats, keeping the first of each (a few items: no hashing).
fn dedup<T: PartialEq>(items: &mut Vec<T>) {
    let mut k = 0;
    while k < items.len() {
        if items[..k].contains(&items[k]) {
            items.remove(k);
        } else {
            k += 1;
        }
    }
}

/// True for a sentence written in title case ("At Least 36 Dead as Trains
/// Collide in Greece"), where a capital letter does not mark a name: most of
/// its words of four letters or more are capitalized.
fn is_title_case(text: &Text, tokens: &[Token], sentence: Range<usize>) -> bool {
    let (mut long, mut capitalized) = (0, 0);
    for t in tokens[sentence]
        .iter()
        .filter(|t| t.is_word() && t.end() - t.start() >= 4)
    {
        long += 1;
        capitalized += usize::from(t.is_capitalized(text));
    }
    long >= 3 && capitalized * 4 >= long * 3
}

/// Place and weekday anchors in the tokens of one sentence; in a title-cased
/// sentence, only places the gazetteer knows or a noun says are places.
fn places(text: &Text, tokens: &[Token], sentence: Range<usize>, out: &mut Anchors) {
    let before = out.places.len();
    find_places(text, tokens, sentence.clone(), out);
    if out.places.len() > before && is_title_case(text, tokens, sentence) {
        let found = out.places.split_off(before);
        out.places
            .extend(found.into_iter().filter(|p| p.standing.is_some()));
    }
}

fn find_places(text: &Text, tokens: &[Token], sentence: Range<usize>, out: &mut Anchors) {
    let lower = |k: usize| tokens[k].lower(text);
    // Whether a verb or a figure stands before the token `scanned`.
    let (mut verb_seen, mut scanned) = (false, sentence.start);
    for (k, &token) in tokens[sentence.clone()]
        .iter()
        .enumerate()
        .map(|(n, t)| (sentence.start + n, t))
    {
        // Prepositions, "of", weekdays and event nouns are short words.
        if !token.is_word() || token.end() - token.start() > 10 {
            continue;
        }
        // Most words are none of these: one test of their flags (and of the
        // length, for "of") skips them before their text is looked at.
        let places_flags = WordClass::PLACE_PREPOSITION
            | WordClass::WEEKDAY
            | WordClass::POSSESSIVE
            | WordClass::EVENT_NOUN;
        // A verb's object may be where it happened: "shook southern Ecuador".
        // (Capitals first: most words are followed by none.)
        let capitalized = |j: usize| j < sentence.end && tokens[j].is_capitalized(text);
        let next_named = if capitalized(k + 1) {
            Some(k + 1)
        } else {
            (capitalized(k + 2) && words::is_compass_adjective(lower(k + 1))).then_some(k + 2)
        };
        let object =
            next_named.is_some() && !token.is_capitalized(text) && words::is_verb_form(lower(k));
        if !token.has(places_flags)
            && !object
            && (token.end() - token.start() != 2 || lower(k) != "of")
        {
            continue;
        }
        let word = lower(k);
        let after_preposition = token.has(WordClass::PLACE_PREPOSITION)
            || word == "of" && k > 0 && tokens[k - 1].has(WordClass::PLACE_NOUN);
        // ("near" and "outside" are both: then a preposition.)
        let verb_object = object && !after_preposition;
        if let Some(day) = token
            .has(WordClass::WEEKDAY | WordClass::POSSESSIVE)
            .then(|| words::weekday(strip_possessive(word)))
            .flatten()
            .filter(|_| tokens[k].is_capitalized(text))
        {
            out.dates.push(DateAnchor::Weekday { weekday: day });
            continue;
        }
        let mut start = k + 1;
        if verb_object {
            start = next_named.unwrap_or(start);
        } else if after_preposition && word == "on" {
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
                push_places(text, tokens, start..k, None, out);
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
        // "in western Germany caused": a direction is no such adjective.
        let skipped_adjective = (k + 1..start).any(|j| {
            let word = tokens[j].lower(text);
            word != "the" && !words::is_compass_adjective(word)
        });
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
        // part of a town (see `words::is_part_of_town`); "the Valencia region",
        // "Hualien City": the noun after the name says its standing.
        let noun = if end > start && end < sentence.end {
            tokens[end].lower(text)
        } else {
            ""
        };
        let part_of_town = words::is_part_of_town(noun);
        let said = words::standing_noun(noun);
        if !modifier {
            let end = end + usize::from(part_of_town);
            let before = out.places.len();
            push_places(text, tokens, start..end, said, out);
            // After "across" or "throughout" ("across Amazon's warehouses",
            // "throughout Trump's presidency") or a verb ("hit Ecuador", not
            // "told Reuters"), only a place the gazetteer knows.
            if matches!(word, "across" | "throughout") || verb_object {
                while out.places.len() > before
                    && out.places[out.places.len() - 1].standing.is_none()
                {
                    out.places.pop();
                }
            }
            // "across Germany and Belgium": the place joined to it too. Before
            // any verb or figure of the sentence, the places are the
            // subject's, and its verb closes them: "Floods in Germany and
            // Belgium killed 150" (not "killed 5 in Gaza and Israel vowed").
            // (Scanned once a sentence: `verb_seen` covers the tokens up to `scanned`.)
            let joined_next = tokens
                .get(end)
                .is_some_and(|t| matches!(t.lower(text), "and" | ","));
            if joined_next && !verb_seen {
                verb_seen = (scanned..k)
                    .any(|j| tokens[j].kind == TokenKind::Digits || words::is_verb_form(lower(j)));
                scanned = scanned.max(k);
            }
            let in_subject = joined_next && !verb_seen;
            if let Some(joined) = coordinated_place(text, tokens, end, sentence.end, in_subject) {
                out.places.push(joined);
                out.joined = true;
            } else if let Some(listed) =
                listed_places(text, tokens, before, end, sentence.end, in_subject, out)
            {
                // "across Jamaica, Haiti, Cuba, and the Dominican Republic".
                out.places.extend(listed);
                out.joined = true;
            }
        }
    }
}

/// "in Iran and Iraq": the place named after the "and" at `k`, before
/// `limit`, when the gazetteer knows it and the name closes there (a symbol,
/// a function word, the text's end or what happened there follow it: "in
/// Germany and Belgium floods"; a verb when `verb_closes`): not "in Gaza and
/// Israel vowed", nor "in Kharkiv and Ukraine's army" (a noun follows).
fn coordinated_place(
    text: &Text,
    tokens: &[Token],
    k: usize,
    limit: usize,
    verb_closes: bool,
) -> Option<Place> {
    // "Haiti and the Dominican Republic"; "southern Ecuador and northern
    // Peru": a direction before the second too (lowercase: "Central Plateau"
    // is a name).
    let article = tokens.get(k + 1).is_some_and(|t| t.lower(text) == "the");
    let after_article = k + 1 + usize::from(article);
    let direction = tokens
        .get(after_article)
        .is_some_and(|t| !t.is_capitalized(text) && words::is_compass_adjective(t.lower(text)));
    let start = after_article + usize::from(direction);
    let joined =
        start < limit && tokens[k].lower(text) == "and" && tokens[start].is_capitalized(text);
    if !joined {
        return None;
    }
    let (place, end) = known_place(text, tokens, start, limit);
    // "in Kharkiv and Ukraine's army": a possessive owns the noun after it.
    let possessive = end > start && tokens[end - 1].has(WordClass::POSSESSIVE);
    let closes = !possessive
        && tokens.get(end).is_none_or(|t| {
            // "in Germany and Belgium floods": what happened there closes it too.
            let closing =
                WordClass::ENDS_NOUN_PHRASE | WordClass::HAPPENING | WordClass::EVENT_NOUN;
            // In the sentence's subject any lowercase word after the name is its
            // verb or its noun, and closes it: "Death toll in Malawi, Mozambique
            // and Madagascar exceeds 300" (a headline's verb in the present).
            let verb = || verb_closes && t.is_word() && !t.is_capitalized(text);
            // Not a verb of speech: "died in Ukraine and Russia said it ...".
            !t.is_word()
                || t.newline_before
                || (t.has(closing) || verb()) && !t.has(WordClass::SPEECH_VERB)
        });
    place.filter(|_| closes)
}

/// The place a run of capitalized words from `start` (before `limit`) names,
/// when the gazetteer knows it, and where the run ends.
fn known_place(
    text: &Text,
    tokens: &[Token],
    start: usize,
    limit: usize,
) -> (Option<Place>, usize) {
    let end = (start..limit)
        .find(|&j| !continues_name(text, tokens, j, start))
        .unwrap_or(limit);
    let place = place_name(text, tokens, start..end)
        .map(|name| Place::new(name, None))
        .filter(|p| p.standing.is_some());
    (place, end)
}

/// Most places a list may name after its first.
const MAX_LISTED: usize = 8;

/// "Jamaica, Haiti, Cuba, and the Dominican Republic", "Malawi, Mozambique
/// and Madagascar": the places after the comma at `k` of a list opened by the
/// last place in `out` (pushed after `before`, its name right before the
/// comma), when each is a place the gazetteer knows, none holds another
/// ("Kabul, Afghanistan" is one place), and an "and" joins the last, whose
/// name closes as [`coordinated_place`] requires: not "killed 50 in Nepal,
/// India and Bangladesh braced for aftershocks" (a new subject and its verb),
/// but a verb closes a list in the sentence's subject (`in_subject`: "Floods
/// in Germany, Belgium and the Netherlands killed 220").
fn listed_places(
    text: &Text,
    tokens: &[Token],
    before: usize,
    mut k: usize,
    limit: usize,
    in_subject: bool,
    out: &Anchors,
) -> Option<Vec<Place>> {
    let opening = (out.places.len() > before)
        .then(|| out.places.last())
        .flatten()
        .filter(|p| p.standing.is_some())?;
    // The opening place's name ends at the comma ("in Malawi on Tuesday,
    // Mozambique …" opens no list).
    let name_start = (0..k)
        .rev()
        .find(|&j| !continues_name(text, tokens, j, 0))
        .map_or(0, |j| j + 1);
    if place_name(text, tokens, name_start..k).as_deref() != Some(opening.name.as_str()) {
        return None;
    }
    let is = |k: usize, word: &str| k < limit && tokens[k].lower(text) == word;
    let apart = |p: &Place, listed: &[Place]| {
        std::iter::once(opening)
            .chain(listed)
            .all(|q| q.relation(p) == PlaceRelation::Disjoint)
    };
    let mut listed: Vec<Place> = Vec::new();
    while listed.len() < MAX_LISTED && is(k, ",") {
        // ", Haiti", then ", and the Dominican Republic" or "and Madagascar".
        let (place, end) = known_place(text, tokens, k + 1 + usize::from(is(k + 1, "the")), limit);
        listed.push(place.filter(|p| apart(p, &listed))?);
        k = end;
        let and = k + usize::from(is(k, ",") && is(k + 1, "and"));
        if is(and, "and") {
            let last = coordinated_place(text, tokens, and, limit, in_subject)
                .filter(|p| apart(p, &listed))?;
            listed.push(last);
            return Some(listed);
        }
    }
    None
}

/// A wire dateline opening a report: "KYIV —", "WASHINGTON, Dec 12 (Reuters) -".
fn wire_dateline(text: &Text, tokens: &[Token], out: &mut Anchors) {
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
        let mut name = String::new();
        for word in tokens[..end].iter().filter(|t| t.is_word()) {
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(word.lower(text));
        }
        out.places.push(Place::new(name, None));
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
/// `said` is the standing the word after the run gives the last name.
fn push_places(
    text: &Text,
    tokens: &[Token],
    range: Range<usize>,
    said: Option<Standing>,
    out: &mut Anchors,
) {
    let mut start = range.start;
    for k in range.clone() {
        let word = tokens[k].text(text);
        if strip_possessive(word) != word {
            let mut name = place_name(text, tokens, start..k + 1);
            let owns_capital = k + 1 == range.end
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| t.lower(text) == "capital");
            if let Some(capital) = name
                .as_deref()
                .filter(|_| owns_capital)
                .and_then(places::capital_of)
            {
                name = Some(capital.to_string());
            }
            out.places.extend(name.map(|n| Place::new(n, None)));
            start = k + 1;
        }
    }
    if start < range.end {
        let name = place_name(text, tokens, start..range.end);
        out.places.extend(name.map(|n| Place::new(n, said)));
    }
}

/// A lowercase place name, or `None` for runs that are dates, titles or pronouns.
fn place_name(text: &Text, tokens: &[Token], range: Range<usize>) -> Option<String> {
    // Each word without its possessive, lowercased: the same byte span indexes the
    // lowercase copy, so no word is copied.
    let words = tokens[range].iter().filter(|t| t.is_word()).map(|t| {
        let word = strip_possessive(t.text(text));
        text.lower_span(t.start(), t.start() + word.len())
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
    let mut name = String::new();
    for (n, word) in words.enumerate() {
        if n > 0 {
            name.push(' ');
        }
        name.push_str(word);
    }
    Some(name)
}

/// The name of an event whose happening word at `k` is capitalized inside a
/// sentence, as in a proper name: "Hurricane Otis" is "otis", "the Camp Fire"
/// "camp". Lowercase, folded.
fn event_name(text: &Text, tokens: &[Token], k: usize, sentence_start: usize) -> Option<String> {
    if !tokens[k].is_capitalized(text) {
        return None;
    }
    let name_at = |j: usize| {
        tokens.get(j).filter(|t| {
            t.is_capitalized(text)
                && !t.has(WordClass::HAPPENING | WordClass::MONTH | WordClass::WEEKDAY)
        })
    };
    // At a sentence's start only a name after it tells: "Hurricane Otis, a ...".
    let before = (k > sentence_start + 1).then(|| name_at(k - 1)).flatten();
    let after = name_at(k + 1);
    // Inside a longer name the happening word names something else: "the
    // Greek Fire Service", "Storm Prediction Center".
    if before.is_some() && after.is_some() {
        return None;
    }
    let word = after.or(before)?;
    Some(crate::read::lex::folded(strip_possessive(word.text(text)))).filter(|n| n.len() > 1)
}

/// Day and month anchors from the dated claims of a sentence.
fn dates(claims: &[Claim], out: &mut Anchors) {
    for claim in claims {
        // A year alone is too wide to tell events apart.
        let Some(date) = claim
            .date
            .as_ref()
            .filter(|_| claim.role == Role::Statement)
        else {
            continue;
        };
        let anchor = match (date.year, date.month, date.day) {
            (_, Some(month), Some(day)) => DateAnchor::Day { month, day },
            (Some(year), Some(month), None) => DateAnchor::Month { year, month },
            _ => continue,
        };
        out.dates.push(anchor);
    }
}

/// Words and symbols that open a clause about another event: "the deadliest
/// since a missile hit ... in January 2023 and killed 46 people".
fn opens_other_clause(text: &Text, token: &Token) -> bool {
    // The lengths of these, in bytes (most tokens are none of them).
    matches!(token.end() - token.start(), 1 | 3 | 5..=8)
        && matches!(
            token.lower(text),
            ";" | "—" | "–" | "since" | "unlike" | "whereas" | "compared"
        )
}

/// Most anchors a sentence, a clause or the lead gives (the first ones in the
/// text): a report pasted as one paragraph makes its whole text the lead, and
/// every claim inherits the lead, so this keeps alignment linear.
const MAX_ANCHORS: usize = 12;

/// How far, in tokens, a year may stand from a figure it dates ("the 1918
/// Cloquet fire killed 453", "killed 46 people in January 2023").
const YEAR_REACH: usize = 6;

/// How far, in tokens, the words after a figure may name its own place
/// ("died in Mexico City,").
const TAIL_REACH: usize = 8;

/// Where the words after the figure at `span` may end at most: within the
/// reach, before the next figure (at `next_start`) and `ceiling`. (A
/// year-like claim's span may reach past the next claim's start.)
fn tail_limit(span: &Range<usize>, next_start: usize, ceiling: usize) -> usize {
    ceiling
        .min(next_start)
        .min(span.end + TAIL_REACH)
        .max(span.end)
}

/// How far, in tokens, a claim's clause may reach on each side.
const CLAUSE_REACH: usize = 40;

/// Fills in the places, dates, happening and past of every claim's frame, for
/// one report; `claim_tokens[n]` is the token range of claim `n`. A claim's
/// anchors come from its own clause when that names a place or date, else from
/// its sentence, else from the lead (and then `inherited` is set).
pub fn anchor(
    text: &Text,
    tokens: &[Token],
    layout: &Layout,
    claims: &mut [Claim],
    claim_tokens: &[Range<usize>],
) {
    // Claims come in text order, so the claims of a token range are one slice.
    let anchors_in = |range: Range<usize>, claims: &[Claim]| {
        let mut out = Anchors::default();
        let from = claim_tokens.partition_point(|r| r.start < range.start);
        let to = claim_tokens.partition_point(|r| r.start < range.end);
        // A part's own words name the part's place, not the range's: "killed
        // 88 people — 74 of them in Kentucky —", "2,000, including 1,500 in
        // Herat" (the part's tail gives it its place).
        // The tail ends where the part's own tail would (`tail_limit` below).
        let mut start = range.start;
        for m in (from..to).filter(|&m| claims[m].frame.statistic == Statistic::Part) {
            let span = &claim_tokens[m];
            places(text, tokens, start..span.start.max(start), &mut out);
            let next_start = claim_tokens.get(m + 1).map_or(tokens.len(), |r| r.start);
            let limit = tail_limit(span, next_start, range.end);
            let tail_end = (span.end..limit)
                .find(|&k| tokens[k].is_symbol(text, ',') || opens_other_clause(text, &tokens[k]))
                .unwrap_or(limit);
            start = start.max(tail_end);
        }
        places(text, tokens, start..range.end.max(start), &mut out);
        dates(&claims[from..to], &mut out);
        out.tidy(MAX_ANCHORS)
    };
    // The lead: the first paragraph (not furniture) with enough words to be prose.
    // Sentences come in paragraph order, so the first paragraph to reach the
    // minimum is the lead, and the count stops there.
    let mut lead_paragraph = None;
    let mut counted = (0, 0); // (paragraph, its words so far)
    for (s, sentence) in layout.sentences.iter().enumerate() {
        if layout.furniture[s] {
            continue;
        }
        let p = layout.paragraph[s];
        if p != counted.0 {
            counted = (p, 0);
        }
        counted.1 += tokens[sentence.clone()]
            .iter()
            .filter(|t| t.is_word())
            .count();
        if counted.1 >= LEAD_MIN_WORDS {
            lead_paragraph = Some(p);
            break;
        }
    }
    let mut lead = Anchors::default();
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
    }
    let lead = lead.tidy(MAX_ANCHORS);
    // The events the report leads with (its headline and lead name them): a
    // claim that names another is about another event ("the 2018 Camp Fire,
    // which killed 85" in a report on Maui's fires).
    let lead_end = lead_paragraph.map_or(0, |p| layout.paragraph.partition_point(|&q| q <= p));
    let mut lead_events: Vec<String> = Vec::new();
    for sentence in layout.sentences[..lead_end].iter().take(MAX_LEAD_SENTENCES) {
        for k in sentence
            .clone()
            .filter(|&k| tokens[k].has(WordClass::HAPPENING))
        {
            if let Some(name) = event_name(text, tokens, k, sentence.start) {
                if !lead_events.contains(&name) {
                    lead_events.push(name);
                }
            }
        }
    }
    let mut sentence_cache: Option<(usize, Anchors)> = None;
    let mut year_referred_to: Option<(usize, Option<i32>)> = None;
    for n in 0..claims.len() {
        let s = layout.sentence_of(claim_tokens[n].start);
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
            anchors_in(clause_start..clause_end, claims)
        } else {
            Anchors::default()
        };
        // What happened: the first happening named before the number in its
        // sentence, the subject of "A strong aftershock hit …, killing 3 people".
        let happening = (floor..span.start)
            .filter(|&k| tokens[k].has(WordClass::HAPPENING))
            .find_map(|k| words::happening(tokens[k].lower(text)));
        // Another named event in the clause: "Hurricane Pauline", "the Camp Fire".
        let named = (clause_start..clause_end)
            .filter(|&k| tokens[k].has(WordClass::HAPPENING))
            .find_map(|k| event_name(text, tokens, k, sentence.start))
            .filter(|name| !lead_events.contains(name));
        // "86 people died in Mexico City, 71 in Morelos, 43 in Puebla": the
        // place the figure's own words name before the next comma, "and" or
        // figure is its place, whatever else its sentence names (not when
        // those words run past the reach: then they are more than a tail).
        let next_start = claim_tokens.get(n + 1).map_or(tokens.len(), |r| r.start);
        let tail_limit = tail_limit(&span, next_start, ceiling);
        // An "and" that joins a second place does not end the tail: "in Iran
        // and Iraq" (the places it joins, in `joined`).
        let mut joined = Vec::new();
        let tail_end = (span.end..tail_limit)
            .find(|&k| {
                let token = &tokens[k];
                if token.is_symbol(text, ',') || opens_other_clause(text, token) {
                    return true;
                }
                if !matches!(token.lower(text), "and" | "or") {
                    return false;
                }
                let place = coordinated_place(text, tokens, k, tail_limit, false);
                let ends = place.is_none();
                joined.extend(place);
                ends
            })
            .unwrap_or(tail_limit);
        let mut tail = Anchors::default();
        if tail_end < tail_limit || tail_limit == next_start || tail_limit == ceiling {
            places(text, tokens, span.end..tail_end, &mut tail);
            if !tail.places.is_empty() {
                // "in Malawi, Mozambique and Madagascar": the comma goes on a list.
                let last = tail.places.len() - 1;
                joined.extend(
                    listed_places(text, tokens, last, tail_end, ceiling, false, &tail)
                        .into_iter()
                        .flatten(),
                );
                tail.places.extend(joined);
                dedup(&mut tail.places);
            }
        }
        let (mut anchors, inherited) = if !own.is_empty() {
            (own, false)
        } else {
            if sentence_cache.as_ref().is_none_or(|(cs, _)| *cs != s) {
                sentence_cache = Some((s, anchors_in(sentence, claims)));
            }
            match sentence_cache.as_ref() {
                Some((_, a)) if !a.is_empty() => (a.clone(), false),
                _ => (lead.clone(), true),
            }
        };
        let inherited = inherited && tail.places.is_empty();
        // Several places of the figure's own words ("in Iran and Iraq"), or
        // joined as one in its clause or sentence ("killed after flooding
        // across Germany and Belgium").
        let combined =
            tail.places.len() > 1 || tail.places.is_empty() && !inherited && anchors.joined;
        if !tail.places.is_empty() {
            anchors.places = tail.places;
        }
        // "Last year's pilgrimage drew about 1.8 million people": not today's
        // news. Only the claim's own stretch of the clause counts: in "2.6 million
        // tickets this year, up from 2.45 million last year" the past is 2.45
        // million's.
        let previous_end = n.checked_sub(1).map_or(0, |p| claim_tokens[p].end);
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
        // A year its clause names ("the 1918 fire killed 453", "in 2008"):
        // the nearest date of the clause that states a year.
        let from = claim_tokens.partition_point(|r| r.start < clause_start);
        let to = claim_tokens.partition_point(|r| r.start < clause_end);
        let gap = |m: usize| {
            let other = &claim_tokens[m];
            if other.end <= span.start {
                span.start - other.end
            } else {
                other.start.saturating_sub(span.end)
            }
        };
        // A year after a figure it compares with is that figure's: in "99
        // seats, an increase from 52 in 2019", 2019 is 52's.
        let compared_between =
            |m: usize| (n + 1..m).any(|k| claims[k].frame.scopes.contains(&"previous"));
        let near = (from..to)
            .filter(|&m| m != n && claims[m].role == Role::Statement && gap(m) <= YEAR_REACH)
            .filter(|&m| !compared_between(m))
            // As near before and after: the year after ("to 99 in 2024").
            .filter_map(|m| Some((gap(m), m < n, claims[m].date.as_ref()?.year?)))
            .min()
            .map(|(_, _, year)| year);
        // A date that opens the sentence dates all of it: "In November 2023, a
        // 5.6-magnitude earthquake struck …, killing at least 138 people".
        let sentence_start = layout.sentences[s].start;
        let first_of_sentence = claim_tokens.partition_point(|r| r.start < sentence_start);
        let opening = claim_tokens
            .get(first_of_sentence)
            .filter(|r| r.start <= sentence_start + OPENING_REACH && first_of_sentence != n)
            .and_then(|r| {
                let comma_after = tokens.get(r.end).is_some_and(|t| t.is_symbol(text, ','));
                let claim = &claims[first_of_sentence];
                comma_after
                    .then(|| claim.date.as_ref()?.year)
                    .flatten()
                    .filter(|_| claim.role == Role::Statement)
            });
        // "Seventy-four people died in the city that day": a sentence that
        // points back ("that day", "the same year") takes the year of the last
        // date the sentence before states (once a sentence: linear).
        if year_referred_to.is_none_or(|(cs, _)| cs != s) {
            year_referred_to = Some((
                s,
                year_pointed_back_to(text, tokens, layout, s, claims, claim_tokens),
            ));
        }
        let year = near
            .or(opening)
            .or(year_referred_to.and_then(|(_, year)| year));
        let frame = &mut claims[n].frame;
        frame.year = year;
        frame.places = anchors.places.into();
        frame.dates = anchors.dates.into();
        frame.inherited = inherited;
        frame.combined = combined;
        frame.happening = happening;
        frame.event = named.map(String::into_boxed_str);
        if past {
            frame.when = When::Past;
        }
    }
    // "has killed at least 118 people in Gansu, including 13 in neighbouring
    // Qinghai province": a whole whose sentence names a part in a place
    // apart from the whole's own is of all those places together.
    for m in 0..claims.len() {
        let (before, after) = claims.split_at_mut(m);
        let part = &after[0];
        if part.frame.statistic != Statistic::Part || part.frame.inherited {
            continue;
        }
        let Some(whole) = before
            .iter_mut()
            .rev()
            .take_while(|c| c.sentence == part.sentence)
            .find(|c| c.frame.statistic != Statistic::Part && c.kind == part.kind)
        else {
            continue;
        };
        let whole = &mut whole.frame;
        if whole.inherited {
            continue;
        }
        // The whole's narrowest places the gazetteer knows ("Gansu" of
        // "China's Gansu": Qinghai is in China too).
        let narrowest = || {
            (whole.places.iter()).filter(|q| {
                q.standing.is_some()
                    && (whole.places.iter()).all(|r| q.relation(r) != PlaceRelation::Contains)
            })
        };
        // A part that names one of them, or a place within one, is inside
        // the whole ("including 31 in Gansu's Linxia prefecture", "in
        // Pakistan's Punjab").
        let inside = part.frame.places.iter().any(|p| {
            narrowest()
                .any(|q| matches!(p.relation(q), PlaceRelation::Same | PlaceRelation::Within))
        });
        if inside || narrowest().next().is_none() {
            continue;
        }
        let mut added = Vec::new();
        for p in part.frame.places.iter().filter(|p| p.country.is_some()) {
            // Apart from each of them; a region or town only beside one of
            // its own country ("100 in Punjab" of Pakistan's toll is no
            // Indian Punjab).
            let apart = narrowest().all(|q| p.relation(q) == PlaceRelation::Disjoint);
            let beside = narrowest().any(|q| q.country == p.country);
            let country = p.standing == Some(Standing::Country);
            if apart && (country || beside) {
                added.push(p.clone());
            }
        }
        if !added.is_empty() {
            let mut places = std::mem::take(&mut whole.places).into_vec();
            places.extend(added);
            whole.places = places.into();
            whole.combined = true;
        }
    }
}

/// The year sentence `s` points back to: when it says "that day", "the same
/// year" and the like, the year of the last date stated in the sentence
/// before it (for a day or a month, a date that names its month: "founded in
/// 1998" is no day). Not "warned that summer heatwaves" (after a verb of
/// speech "that" opens a clause) or "that day-care costs" (a compound).
fn year_pointed_back_to(
    text: &Text,
    tokens: &[Token],
    layout: &Layout,
    s: usize,
    claims: &[Claim],
    claim_tokens: &[Range<usize>],
) -> Option<i32> {
    let sentence = layout.sentences[s].clone();
    let (marker, period) = (sentence.start + 1..sentence.end).find_map(|k| {
        let after_speech =
            k >= 2 && tokens[k - 2].has(WordClass::SPEECH_VERB | WordClass::FINDING_VERB);
        let compound = tokens
            .get(k + 1)
            .is_some_and(|t| t.is_symbol(text, '-') && !t.space_before);
        let points_back = tokens[k - 1].has(WordClass::POINTS_BACK) && !after_speech && !compound;
        points_back
            .then(|| words::period_pointed_to(tokens[k].lower(text)))
            .flatten()
            .map(|period| (k, period))
    })?;
    // A year its own sentence names before the marker is what it points to:
    // "In May 2024 he returned, and on that occasion pledged $2 billion".
    let own = claim_tokens.partition_point(|r| r.start < sentence.start)
        ..claim_tokens.partition_point(|r| r.start < marker);
    if claims[own]
        .iter()
        .any(|c| c.date.as_ref().is_some_and(|d| d.year.is_some()))
    {
        return None;
    }
    let previous = layout.sentences.get(s.checked_sub(1)?)?;
    let from = claim_tokens.partition_point(|r| r.start < previous.start);
    let to = claim_tokens.partition_point(|r| r.start < previous.end);
    claims[from..to]
        .iter()
        .rev()
        .filter(|c| c.role == Role::Statement)
        .filter_map(|c| c.date.as_ref())
        .find(|date| date.year.is_some() && (period == "year" || date.month.is_some()))
        .and_then(|date| date.year)
}
