//! Stage 5: what a number measures.
//!
//! Why a key and not a parse: factmark has no grammar of English, and does not
//! need one to tell "people killed" from "people injured" or new pledges from aid
//! committed so far. It looks at a short window of the number's own clause and
//! collects concept tags ("talks" and "meeting" are both `meeting`; "pledges" and
//! "commitments" are both `pledged`), time scopes ("new", "so far"), what is
//! counted, and the "of" object of a share. The measure key joins them; claims
//! with equal keys are candidates for one group (see [`crate::align`]). A claim
//! with nothing that says what it measures gets an empty key and is never
//! aligned: better no comparison than a false one.

use crate::claim::Kind;
use crate::knowledge::words::{self, Concept};
use crate::read::layout::Layout;
use crate::read::lex::{word_at, Text, Token, TokenKind, WordClass};
use crate::read::quantity::{self, Quantity};
use crate::read::wordclass::Classifier;

/// How far, in tokens, the window reaches on each side of the number.
const WINDOW_BEFORE: usize = 24;
const WINDOW_AFTER: usize = 9;
/// How many opening words of its sentence a number with no concept in its
/// window looks at for one.
const SENTENCE_HEAD: usize = 4;

/// What a claim measures: words for a reader, and the frame's slots for
/// alignment (the counted noun, the concept, the share's whole, the rate, the
/// time scopes), with the clause they were read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    pub text: String,
    pub counted: Option<String>,
    pub predicate: Option<Concept>,
    pub of: Option<String>,
    pub per: Option<&'static str>,
    pub scopes: Vec<&'static str>,
    /// The tokens of the number's clause, which the other slots are read from.
    pub clause: std::ops::Range<usize>,
}

/// Tokens that end a clause for the subject window: the window does not cross them.
fn is_clause_break(text: &Text, tokens: &[Token], k: usize) -> bool {
    let token = &tokens[k];
    match token.kind {
        // The period of "St." or "U.S." is part of a name.
        TokenKind::Symbol if token.is_symbol(text, '.') && k > 0 && tokens[k - 1].is_word() => {
            let word = tokens[k - 1].text(text);
            !tokens[k - 1].has(WordClass::ABBREVIATION) && word.chars().count() != 1
        }
        TokenKind::Symbol => matches!(
            token.text(text),
            ";" | ":" | "—" | "–" | "“" | "”" | "\"" | "(" | ")" | "!" | "?" | "."
        ),
        TokenKind::Word => token.has(WordClass::CLAUSE_BREAK),
        TokenKind::Digits => false,
    }
}

/// Finds the subject of the quantity `q`, whose neighbours in the same report end
/// at `previous_end` and start at `next_start` (token indices): its clause,
/// the concepts and scopes the clause names, the whole of a share, what is
/// counted, the concept the frame keeps, and words for a reader.
pub fn subject(
    text: &Text,
    tokens: &[Token],
    layout: &Layout,
    q: &Quantity,
    previous_end: usize,
    next_start: usize,
) -> Subject {
    let sentence = &layout.sentences[layout.sentence_of(q.span.start)];
    let clause = Clause::around(text, tokens, sentence, q, previous_end, next_start);
    let mut tags = clause.tags(q);
    if tags.found.is_empty() {
        tags.add_sentence_head(text, tokens, sentence, q);
    }
    let whole = clause.share_whole(q);
    let counted_noun = words::counted_as(&q.unit);
    let counted = counted(q, counted_noun, &mut tags);
    let choice = Choice::of(text, tokens, q, &tags.found, whole.as_ref().map(|w| w.0));
    // "save €1.5bn a year" is an annual saving: a rate of a calendar period is
    // the time scope that names it.
    let rate_scope = q.rate.and_then(words::scope_of_rate);
    if let Some(scope) = rate_scope {
        insert(&mut tags.scopes, scope);
    }
    let per = q
        .rate
        .filter(|rate| !rate.is_empty() && rate_scope.is_none());
    let counted_lemma = match q.kind {
        Kind::Count | Kind::Ordinal if !counted.is_empty() => Some(counted.to_string()),
        _ => None,
    };
    Subject {
        text: clause.reader_words(q, counted, counted_noun, &choice),
        counted: counted_lemma,
        predicate: choice.primary,
        of: whole.map(|(_, lemma)| lemma),
        per,
        scopes: tags.scopes,
        clause: clause.before..clause.after,
    }
}

/// The number's clause: the tokens `before..after` around it, within its
/// sentence and between its neighbours, up to the nearest clause breaks.
struct Clause<'t, 'a> {
    text: &'t Text<'a>,
    tokens: &'t [Token],
    before: usize,
    after: usize,
}

/// The concepts and time scopes a clause names: `concepts` as a set, `found`
/// with the token of each (a few tags: a Vec is cheaper than a set).
#[derive(Default)]
struct Tags {
    concepts: Vec<Concept>,
    found: Vec<(usize, Concept)>,
    scopes: Vec<&'static str>,
}

impl<'t, 'a> Clause<'t, 'a> {
    fn around(
        text: &'t Text<'a>,
        tokens: &'t [Token],
        sentence: &std::ops::Range<usize>,
        q: &Quantity,
        previous_end: usize,
        next_start: usize,
    ) -> Self {
        let floor = sentence
            .start
            .max(previous_end)
            .max(q.span.start.saturating_sub(WINDOW_BEFORE));
        let mut before = q.span.start;
        while before > floor && !is_clause_break(text, tokens, before - 1) {
            before -= 1;
        }
        let ceiling = sentence
            .end
            .min(next_start)
            .min(q.span.end + WINDOW_AFTER)
            .max(q.span.end);
        let mut after = q.span.end;
        // The counted noun phrase belongs to the claim even when it runs past the span.
        if let Some(noun) = &q.noun {
            after = after.max(noun.end.min(ceiling));
        }
        let ends_after = |t: &Token| matches!(t.lower(text), "and" | "or");
        while after < ceiling
            && !is_clause_break(text, tokens, after)
            && !ends_after(&tokens[after])
        {
            after += 1;
        }
        Clause {
            text,
            tokens,
            before,
            after,
        }
    }

    /// The lowercased word at `k` without its possessive; "" for a symbol,
    /// a token outside the clause (up to two past its end: a phrase's second
    /// word) or the second half of a compound, which is no concept of its own
    /// ("flood-control").
    fn word(&self, k: usize) -> &'t str {
        let compound_tail = || {
            k > 0 && !self.tokens[k].space_before && self.tokens[k - 1].is_symbol(self.text, '-')
        };
        match self.tokens.get(k) {
            Some(t)
                if t.is_word() && k >= self.before && k < self.after + 2 && !compound_tail() =>
            {
                strip_possessive(t.lower(self.text))
            }
            _ => "",
        }
    }

    /// The concepts and scopes of the clause around the number and of its noun.
    fn tags(&self, q: &Quantity) -> Tags {
        let (text, tokens) = (self.text, self.tokens);
        let mut tags = Tags::default();
        // "up from ₦998", "to 231 from 233", "from 18 to nine": the value
        // before a change is not the value now ("340 people from 19
        // countries" is no change).
        let figure_at = |k: usize| tokens.get(k).is_some_and(|t| is_figure_end(text, t));
        let from = (q.span.start.checked_sub(1)).filter(|&k| word_at(text, tokens, k) == "from");
        let earlier = from.is_some_and(|from| {
            from > 0 && figure_at(from - 1)
                || word_at(text, tokens, q.span.end) == "to" && figure_at(q.span.end + 1)
                || quantity::change_before(text, tokens, self.before..from)
        });
        if earlier {
            insert(&mut tags.scopes, "previous");
        }
        // "the first talks in more than three years": a span since, not a length.
        if q.kind == Kind::Duration
            && q.span.start > 0
            && matches!(tokens[q.span.start - 1].lower(text), "in" | "within")
        {
            insert(&mut tags.scopes, "within");
        }
        let window = (self.before..q.span.start)
            .chain(q.span.end..self.after)
            .chain(q.noun.clone().unwrap_or(0..0));
        for k in window {
            // Most words are neither a concept nor the start of a scope: their
            // flags say so without looking at their text.
            let concept = tokens[k].has(WordClass::CONCEPT | WordClass::POSSESSIVE);
            let scope = tokens[k].has(WordClass::SCOPE_START | WordClass::POSSESSIVE);
            if !concept && !scope {
                continue;
            }
            let word = self.word(k);
            let phrase_concept = || words::concept_of_phrase(word, self.word(k + 1));
            if let Some(tag) = concept.then(phrase_concept).flatten() {
                insert(&mut tags.concepts, tag);
                tags.found.push((k, tag));
            }
            if let Some(scope) = scope
                .then(|| words::scope(&[word, self.word(k + 1)]))
                .flatten()
            {
                insert(&mut tags.scopes, scope);
            }
        }
        tags
    }

    /// The whole of a share: "20% of Ukraine('s territory)" measures Ukraine,
    /// "half the victims" (a share in words before a determiner) the victims.
    /// The token of its head and its counted lemma.
    fn share_whole(&self, q: &Quantity) -> Option<(usize, String)> {
        if q.kind != Kind::Percent {
            return None;
        }
        let (text, tokens) = (self.text, self.tokens);
        let in_words = tokens[q.number.start].is_word();
        let mut k = match self.word(q.span.end) {
            "of" => q.span.end + 1,
            word if in_words && words::is_determiner(word) => q.span.end,
            _ => return None,
        };
        while matches!(self.word(k), "the" | "its" | "their") {
            k += 1;
        }
        let token = tokens
            .get(k)
            .filter(|t| t.is_word() && k < self.after.max(q.span.end + 2))?;
        // A name or a possessor is what the share is of ("of Ukraine('s
        // territory)"); else the head of the noun phrase, its first plural
        // or last word ("of primary school teachers", "of its global workforce").
        let mut head = k;
        if !token.is_capitalized(text) && !token.has(WordClass::POSSESSIVE) {
            while head < k + 3 && !words::is_plural(tokens[head].lower(text)) {
                let continues = tokens.get(head + 1).is_some_and(|t| {
                    t.is_word()
                        && t.space_before
                        && !t.is_capitalized(text)
                        && !t.has(WordClass::ENDS_NOUN_PHRASE | WordClass::POSSESSIVE)
                        && !words::is_verb_form(t.lower(text))
                });
                if !continues {
                    break;
                }
                head += 1;
            }
        }
        let lemma = words::lemma(strip_possessive(tokens[head].lower(text)));
        Some((head, words::counted_as(&lemma).to_string()))
    }

    /// Words for the reader: the clause around the number without its function
    /// words, the counted noun first ("people evacuated from the flooded
    /// villages", "new military aid pledges", "talks lasted"), then the role
    /// when no word says it, then the rate.
    fn reader_words(
        &self,
        q: &Quantity,
        counted: &str,
        counted_noun: &str,
        choice: &Choice,
    ) -> String {
        let (text, tokens) = (self.text, self.tokens);
        let (before, after) = (self.before, self.after);
        let text_of = |range: std::ops::Range<usize>| -> &str {
            if range.is_empty() {
                return "";
            }
            &text[tokens[range.start].start()..tokens[range.end - 1].end()]
        };
        // The words start after a comma, "that" or a speech verb: "Healey
        // announced that new military aid pledges" is about the pledges
        // (unless nothing would be left: "Damage ... is estimated to be").
        let clause_start = (before..q.span.start)
            .rev()
            .find(|&k| {
                let word = tokens[k].lower(text);
                let cut = tokens[k].is_symbol(text, ',')
                    || word == "that"
                    || tokens[k].has(WordClass::SPEECH_VERB);
                cut && trimmed_span(tokens, k + 1..q.span.start, 7).is_some()
            })
            .map_or(before, |k| k + 1)
            .max(choice.dated_at.unwrap_or(0));
        // "thousands a week": the rate is said apart ("per week").
        let rate_words = if q.rate.is_some() { 2 } else { 0 };
        let noun_end = q
            .noun
            .as_ref()
            .map_or(q.span.end, |n| n.end.max(q.span.end))
            + rate_words;
        // A date's words run from its happening ("met with Russian President
        // Vladimir Putin in St. Petersburg"), longer than an amount's.
        let limit = if q.kind == Kind::Date { 12 } else { 7 };
        let before_words = trimmed_words(text, tokens, clause_start..q.span.start, limit);
        let clause_end = (noun_end.min(after)..after)
            .find(|&k| tokens[k].is_symbol(text, ','))
            .unwrap_or(after);
        let after_words = trimmed_words(text, tokens, noun_end.min(clause_end)..clause_end, 7);
        let noun_words = match (&q.noun, q.kind) {
            (Some(noun), Kind::Count | Kind::Ordinal) if counted == counted_noun => {
                text_of(noun.clone())
            }
            (_, Kind::Count | Kind::Ordinal) => counted,
            (Some(noun), Kind::Duration) => text_of(noun.clone()),
            _ => "",
        };
        // Slices of the text and of the vocabulary, "" where there is none: one
        // String, at the end.
        let words = match q.kind {
            Kind::Ordinal => [counted, "", ""], // "third time they met" → "meeting"
            Kind::Count => [noun_words, after_words, before_words],
            Kind::Date if !before_words.is_empty() => [before_words, "", ""], // "met Putin"
            _ => [before_words, noun_words, after_words],
        };
        // "people killed" unless a word already says it ("32 people dead").
        let role_words = choice
            .role
            .filter(|_| q.kind == Kind::Count)
            .filter(|&role| {
                // Only words the vocabulary flags as concepts are lowercased to be looked up.
                let classifier = Classifier::new();
                !words
                    .iter()
                    .flat_map(|p| p.split(' '))
                    .filter(|w| classifier.classify(w, 0, w.len()).has(WordClass::CONCEPT))
                    .any(|w| words::concept(&w.to_ascii_lowercase()) == Some(role))
            });
        let rate_parts = q.rate.map_or(["", ""], |rate| ["per", rate]);
        let parts = [
            words[0],
            words[1],
            words[2],
            role_words.map_or("", Concept::name),
            rate_parts[0],
            rate_parts[1],
        ];
        // The parts are token spans and vocabulary words: none starts or ends
        // with a space, so the joined text needs no trimming.
        let mut joined = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
        for part in parts.iter().filter(|p| !p.is_empty()) {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(part);
        }
        joined
    }
}

impl Tags {
    /// Nothing near the number says what it measures: the sentence's opening
    /// words may, its grammatical subject ("The death toll in the train
    /// accident in Odisha involving ... has reached 294").
    fn add_sentence_head(
        &mut self,
        text: &Text,
        tokens: &[Token],
        sentence: &std::ops::Range<usize>,
        q: &Quantity,
    ) {
        let head = sentence.start..q.span.start.min(sentence.start + SENTENCE_HEAD);
        for k in head {
            if !tokens[k].has(WordClass::CONCEPT) {
                continue;
            }
            let next = tokens
                .get(k + 1)
                .filter(|t| t.is_word())
                .map_or("", |t| t.lower(text));
            if let Some(tag) =
                words::concept_of_phrase(strip_possessive(tokens[k].lower(text)), next)
            {
                insert(&mut self.concepts, tag);
                self.found.push((k, tag));
            }
        }
    }
}

/// What is counted: the unit's counted noun (`counted_noun`); "time" and
/// "occasion" take their meaning from the clause ("the third time they met"
/// counts meetings), and a concept of people ("1,300 died", "put the crowd at
/// more than 35,000") counts people. A counted noun that is a concept itself
/// says it all: it becomes the clause's one concept found.
fn counted<'q>(q: &Quantity, counted_noun: &'q str, tags: &mut Tags) -> &'q str {
    let mut counted = counted_noun;
    if !matches!(q.kind, Kind::Count | Kind::Ordinal) {
        return counted;
    }
    if matches!(counted, "time" | "occasion") {
        if let Some(tag) = tags.concepts.first() {
            counted = tag.name();
        }
    }
    let of_people = |c: &Concept| words::is_role(*c) || c.name() == "crowd";
    if counted.is_empty() && tags.concepts.iter().any(of_people) {
        counted = "people";
    }
    if let Some(tag) = words::concept(counted) {
        insert(&mut tags.concepts, tag);
        tags.found.clear();
        tags.found.push((q.span.start, tag));
        // "93 deaths", "3,728 cases", "265 bodies": people, in a role.
        if words::is_role(tag) {
            counted = "people";
        }
    }
    counted
}

/// The concept the frame keeps (`primary`), the role among the concepts
/// found, and where a date's words start (at its happening: "invasion began").
struct Choice {
    primary: Option<Concept>,
    role: Option<Concept>,
    dated_at: Option<usize>,
}

impl Choice {
    /// From the concepts `found` in the clause, and the token of a share's
    /// whole (`whole_head`).
    ///
    /// The key names one concept: what happened to what is counted ("killed");
    /// else, among concepts that fit the kind of quantity (money is pledged or
    /// spent, a duration belongs to a meeting or a ceasefire), the leftmost in
    /// the clause before the number (its subject: "new military aid pledges
    /// made at the Brussels meeting have surpassed"), else the nearest after
    /// it. A whole set would split "aid pledges" from "aid pledges at the
    /// meeting".
    fn of(
        text: &Text,
        tokens: &[Token],
        q: &Quantity,
        found: &[(usize, Concept)],
        whole_head: Option<usize>,
    ) -> Choice {
        let any_fits = found.iter().any(|&(_, tag)| words::fits(q.kind, tag));
        let candidates = || {
            found.iter().filter(move |&&(_, tag)| {
                words::fits(q.kind, tag) || !any_fits && !words::measures_in_units(tag)
            })
        };
        // A date dates the happening named just before it ("met Putin on
        // Friday"), not the subject of its clause.
        let mut before_number = candidates().filter(|&&(k, _)| k < q.span.start);
        let before_number = if q.kind == Kind::Date {
            before_number.next_back()
        } else {
            before_number.next()
        };
        let nearest = before_number.or_else(|| {
            candidates()
                .filter(|&&(k, _)| k >= q.span.start)
                .min_by_key(|&&(k, _)| k)
        });
        let dated_at = nearest
            .filter(|&&(k, _)| q.kind == Kind::Date && k < q.span.start)
            .map(|&(k, _)| k);
        let nearest = nearest.map(|&(_, tag)| tag);
        let role = role(text, tokens, q, found);
        // A share's whole says what it measures when it names a measure itself:
        // "won 49.6% of the vote" is a share of votes, whatever the clause's
        // subject ("with 66% of polls counted, Erdogan won ...").
        let whole = whole_head.and_then(|head| {
            found
                .iter()
                .find(|&&(k, tag)| k == head && words::fits(q.kind, tag))
                .map(|&(_, tag)| tag)
        });
        let primary = match q.kind {
            Kind::Count | Kind::Ordinal => role.or(nearest),
            _ => whole.or(nearest),
        };
        Choice {
            primary,
            role,
            dated_at,
        }
    }
}

/// The role nearest the number: "At least 10 people were injured ..., and
/// eight people died". A verb right before the number governs it ("kills at
/// least 30 civilians awaiting evacuation"); a role after a comma is the next
/// figure's ("toll climbs to 355, missing 500").
fn role(
    text: &Text,
    tokens: &[Token],
    q: &Quantity,
    found: &[(usize, Concept)],
) -> Option<Concept> {
    let distance = |k: usize| {
        if k < q.span.start {
            q.span.start - k
        } else {
            k.saturating_sub(q.span.end)
        }
    };
    let comma_between = |k: usize| (q.span.end..k).any(|j| tokens[j].is_symbol(text, ','));
    let rank = |k: usize| {
        if k + 1 == q.span.start {
            0
        } else if k >= q.span.end && comma_between(k) {
            2
        } else {
            1
        }
    };
    found
        .iter()
        .filter(|&&(_, tag)| words::is_role(tag))
        // A tie goes to the role after the number, its predicate: "40 people
        // have died and nearly 2,000 have fallen ill".
        .min_by_key(|&&(k, _)| (rank(k), distance(k), k < q.span.start))
        .map(|&(_, tag)| tag)
        // The narrower of two roles the clause names: "66 people were treated
        // for their injuries in hospital" counts the hospitalised; past a
        // comma it is a part's ("were injured, many of them critically").
        .map(|role| {
            found
                .iter()
                .filter(|&&(k, _)| k < q.span.end || !comma_between(k))
                .map(|&(_, tag)| tag)
                .find(|&tag| words::predicate_within(tag, role))
                .unwrap_or(role)
        })
}

/// True for a token that is, or may end, a figure: digits, "%", a number or
/// scale word ("to 231 from 233", "to 60% from 55%", "to $3.4 billion from").
fn is_figure_end(text: &Text, token: &Token) -> bool {
    let word = token.lower(text);
    token.kind == TokenKind::Digits
        || token.is_symbol(text, '%')
        || words::small_number(word).is_some()
        || words::scale(word).is_some()
        || word == "percent"
}

/// Adds `tag` to `set`, which stays sorted and without duplicates.
fn insert<T: Ord>(set: &mut Vec<T>, tag: T) {
    if let Err(at) = set.binary_search(&tag) {
        set.insert(at, tag);
    }
}

/// The words of `range` as text, without function words at either end, at most
/// `limit` words (the ones nearest the number are kept by the caller's choice of range).
fn trimmed_words<'t>(
    text: &'t Text,
    tokens: &[Token],
    range: std::ops::Range<usize>,
    limit: usize,
) -> &'t str {
    trimmed_span(tokens, range, limit).map_or("", |(from, to)| {
        &text[tokens[from].start()..tokens[to].end()]
    })
}

/// The first and last token of [`trimmed_words`], or `None` when no word is left.
fn trimmed_span(
    tokens: &[Token],
    range: std::ops::Range<usize>,
    limit: usize,
) -> Option<(usize, usize)> {
    let is_word = |k: &usize| tokens[*k].is_word() || tokens[*k].kind == TokenKind::Digits;
    let is_filler =
        |k: &usize| tokens[*k].has(WordClass::ENDS_NOUN_PHRASE | WordClass::SPEECH_VERB);
    let first = range.clone().filter(is_word).find(|k| !is_filler(k))?;
    let last = range
        .clone()
        .rev()
        .filter(is_word)
        .find(|k| !is_filler(k))?;
    // At most `limit` words, counted back from the last.
    let from = (first..=last)
        .rev()
        .filter(is_word)
        .take(limit)
        .last()
        .unwrap_or(first);
    Some((from, last))
}

/// "Ukraine’s" → "Ukraine".
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// A kind's name in the measure key: its JSON name.
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Count => "count",
        Kind::Money => "money",
        Kind::Percent => "percent",
        Kind::Duration => "duration",
        Kind::Length => "length",
        Kind::Area => "area",
        Kind::Volume => "volume",
        Kind::Mass => "mass",
        Kind::Speed => "speed",
        Kind::Temperature => "temperature",
        Kind::Energy => "energy",
        Kind::Power => "power",
        Kind::Magnitude => "magnitude",
        Kind::Age => "age",
        Kind::Multiplier => "multiplier",
        Kind::Ordinal => "ordinal",
        Kind::Date => "date",
        Kind::Time => "time",
    }
}

#[cfg(test)]
mod tests {
    /// The predicate of the claim written `figure` in `text`.
    fn predicate(text: &str, figure: &str) -> Option<&'static str> {
        let claims = crate::read_claims("t", text).expect("reads");
        let claim = claims.iter().find(|c| c.text == figure);
        claim
            .expect("the figure is a claim")
            .frame
            .predicate
            .map(super::Concept::name)
    }

    #[test]
    fn a_figure_with_no_words_of_its_own_takes_its_sentence_subjects() {
        let far = "The death toll in the train accident in Odisha involving the \
                   Shalimar-Chennai Coromandel Express, Visvesvaraya-Howrah Superfast \
                   Express, and a goods train has reached 294 as of Sunday morning.";
        assert_eq!(predicate(far, "294"), Some("killed"));
        // Its own words come first.
        let own = "The death toll was not updated; officials said 40 homes were destroyed.";
        assert_eq!(predicate(own, "40 homes"), Some("destroyed"));
    }

    #[test]
    fn a_share_of_a_measure_measures_it() {
        let text = "With 66% of polls counted, Erdogan won 49.6% of the vote.";
        assert_eq!(predicate(text, "49.6%"), Some("votes"));
        assert_eq!(predicate(text, "66%"), Some("counted"));
    }

    #[test]
    fn a_count_measures_no_units_dimension() {
        // "North" names a distance and "area" an area: neither is what a count measures.
        let text = "The Ahrweiler area was hit hard, with 18 deaths. Casualties in \
                    North Rhine-Westphalia alone have risen to at least 42.";
        assert_eq!(predicate(text, "18 deaths"), Some("killed"));
        assert_eq!(predicate(text, "at least 42"), None);
        // A length still is one.
        assert_eq!(
            predicate("It struck at a depth of 10 km.", "10 km"),
            Some("depth")
        );
    }

    #[test]
    fn a_narrower_role_past_a_comma_is_a_parts() {
        let part = "At least 1,175 people were injured, with many of them in critical \
                    condition and still being treated in hospital.";
        assert_eq!(predicate(part, "At least 1,175 people"), Some("injured"));
        let same = "66 people were treated for their injuries in hospital.";
        assert_eq!(predicate(same, "66 people"), Some("hospitalised"));
    }
}
