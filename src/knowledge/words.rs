//! The English words factmark knows, and what each list of them is for.
//!
//! The words are data: the one-word lists are `data/words.tsv` (one sorted
//! table per list, made by `build.rs`), read here by the function of the same
//! name; the phrases (qualifiers, vague magnitudes, scopes) are the typed
//! tables below. To teach factmark a word, add it to its list. Every lookup
//! takes a lowercased ASCII word (`Token::lower`); multiword entries are
//! slices of words matched token by token.

use crate::claim::{Bound, Kind};
use crate::knowledge::table::Table;

/// The lists of `data/words.tsv`, one sorted table each.
mod lists {
    include!(concat!(env!("OUT_DIR"), "/words.rs"));
}

/// Every word the vocabulary names: the lists' words, the concepts' words and
/// the words of the phrase tables below (what `read/wordclass.rs` classifies).
pub fn every_word() -> impl Iterator<Item = &'static str> {
    let listed = lists::ALL
        .iter()
        .flat_map(|list| list.entries().map(|(word, _)| word));
    let concepts = concepts::CONCEPT_WORDS.entries().map(|(word, _)| word);
    let qualifiers = QUALIFIERS_BEFORE.iter().chain(QUALIFIERS_AFTER);
    let phrases = qualifiers
        .flat_map(|(words, _)| words.iter())
        .chain(VAGUE.iter().flat_map(|vague| vague.words.iter()))
        .chain(SCOPES.iter().flat_map(|(words, _)| words.iter()))
        .chain(CONCEPT_PHRASES.iter().flat_map(|(words, _)| words.iter()));
    listed.chain(concepts).chain(phrases.copied())
}

/// The whole number a list gives `word`: `small_number` "four" → 4. (Parsed
/// as an integer: parsing floats would bring its tables, 10 KB, into the wasm.)
fn number(list: &Table, word: &str) -> Option<f64> {
    list.values(word)
        .next()?
        .parse::<u64>()
        .ok()
        .map(|n| n as f64)
}

/// Value of a cardinal word below a hundred: `four` → 4.
pub fn small_number(word: &str) -> Option<f64> {
    number(&lists::SMALL_NUMBER, word)
}

/// True for the words a numeral can start with (checked before the full reading,
/// which is much slower): number words, ordinals, vague words, "a", "an", "half".
pub fn may_start_numeral(word: &str) -> bool {
    small_number(word).is_some()
        || ordinal(word).is_some()
        || multiplier_word(word).is_some()
        || VAGUE.iter().any(|vague| vague.words[0] == word)
        || lists::NUMERAL_START.contains(word)
}

/// True for the tens words that may take a hyphenated unit: `twenty-five`.
pub fn is_tens(word: &str) -> bool {
    lists::TENS.contains(word)
}

/// Multiplier of a scale word: `million` → 1e6. `hundred` is handled apart
/// because it multiplies only the group before it.
pub fn scale(word: &str) -> Option<f64> {
    number(&lists::SCALE, word)
}

/// Abbreviated scales that only count when glued to digits (`24bn`, `5m`).
pub fn is_glued_scale(word: &str) -> bool {
    lists::GLUED_SCALE.contains(word)
}

/// Value of an ordinal word: `third` → 3. `first` is left out on purpose: "the
/// first time", "at first", "first quarter" are almost never a figure to check.
pub fn ordinal(word: &str) -> Option<f64> {
    number(&lists::ORDINAL, word)
}

/// How many times as much a word says: "doubled" 2, "tripled" 3, "tenfold"
/// 10, "twice" 2 (only before "as", "the" or a comparative, see `quantity`).
pub fn multiplier_word(word: &str) -> Option<f64> {
    number(&lists::MULTIPLIER_WORD, word)
}

/// The denominator a fraction word names: "thirds" → 3, "quarter" → 4.
pub fn denominator(word: &str) -> Option<f64> {
    number(&lists::DENOMINATOR, word)
}

/// Suffixes that make digits an ordinal: `3rd`.
pub fn is_ordinal_suffix(word: &str) -> bool {
    lists::ORDINAL_SUFFIX.contains(word)
}

/// Vague magnitudes: the words, the interval they stand for, and the value a
/// qualifier in front of them refers to ("more than a dozen" is more than 12).
/// DESIGN.md explains each interval.
#[derive(Debug, PartialEq)]
pub struct Vague {
    pub words: &'static [&'static str],
    pub low: f64,
    pub high: f64,
    pub bound: Bound,
}

const fn vague(words: &'static [&'static str], low: f64, high: f64) -> Vague {
    Vague {
        words,
        low,
        high,
        bound: Bound::Vague,
    }
}

impl Vague {
    /// The number the phrase stands for, where one number is needed (a scale
    /// after it, a ratio): its middle when approximate ("a dozen" is 12), else
    /// the least it says ("thousands" is at least 2,000).
    pub fn nominal(&self) -> f64 {
        match self.bound {
            Bound::Approximately => (self.low + self.high) / 2.0,
            _ => self.low,
        }
    }
}

/// "half a dozen", and (read in `numeral`) "a half-dozen": about six, as "a
/// dozen" is about twelve.
pub const HALF_DOZEN: Vague = Vague {
    words: &["half", "a", "dozen"],
    low: 5.4,
    high: 6.6,
    bound: Bound::Approximately,
};

/// Longest phrases first, so that "tens of thousands" wins over "thousands".
pub const VAGUE: &[Vague] = &[
    HALF_DOZEN,
    vague(&["hundreds", "of", "thousands"], 200_000.0, 999_999.0),
    vague(&["tens", "of", "thousands"], 20_000.0, 99_999.0),
    vague(&["tens", "of", "millions"], 20e6, 99_999_999.0),
    vague(&["hundreds", "of", "millions"], 200e6, 999_999_999.0),
    vague(&["tens", "of", "billions"], 20e9, 99_999_999_999.0),
    vague(&["hundreds", "of", "billions"], 200e9, 999_999_999_999.0),
    vague(&["tens", "of"], 20.0, 99.0),
    vague(&["several", "hundred"], 300.0, 900.0),
    vague(&["several", "thousand"], 3_000.0, 9_000.0),
    vague(&["several", "million"], 3e6, 9e6),
    vague(&["several", "billion"], 3e9, 9e9),
    vague(&["a", "few", "hundred"], 200.0, 500.0),
    vague(&["a", "few", "thousand"], 2_000.0, 5_000.0),
    vague(&["a", "few", "million"], 2e6, 5e6),
    vague(&["a", "few", "billion"], 2e9, 5e9),
    Vague {
        words: &["a", "dozen"],
        low: 10.8,
        high: 13.2,
        bound: Bound::Approximately,
    },
    Vague {
        words: &["a", "couple", "dozen"],
        low: 21.6,
        high: 26.4,
        bound: Bound::Approximately,
    },
    vague(&["a", "couple", "of"], 2.0, 3.0),
    vague(&["a", "few"], 2.0, 5.0),
    vague(&["a", "handful"], 2.0, 5.0),
    vague(&["several"], 3.0, 9.0),
    vague(&["dozens"], 24.0, 99.0),
    vague(&["scores"], 40.0, 199.0),
    vague(&["hundreds"], 200.0, 999.0),
    vague(&["thousands"], 2_000.0, 9_999.0),
    vague(&["millions"], 2e6, 999_999_999.0),
    vague(&["billions"], 2e9, 999_999_999_999.0),
];

/// Qualifiers that stand before a number, longest first, with the bound they give.
pub const QUALIFIERS_BEFORE: &[(&[&str], Bound)] = &[
    // "expected to top $18 billion"; not "rose to top 10" (a rank).
    (&["expected", "to", "top"], Bound::Above),
    (&["set", "to", "top"], Bound::Above),
    (&["likely", "to", "top"], Bound::Above),
    (&["forecast", "to", "top"], Bound::Above),
    (&["projected", "to", "top"], Bound::Above),
    (&["poised", "to", "top"], Bound::Above),
    (&["little", "more", "than"], Bound::JustAbove),
    (&["a", "little", "over"], Bound::JustAbove),
    (&["no", "fewer", "than"], Bound::AtLeast),
    (&["no", "less", "than"], Bound::AtLeast),
    (&["no", "more", "than"], Bound::AtMost),
    (&["a", "minimum", "of"], Bound::AtLeast),
    (&["a", "maximum", "of"], Bound::AtMost),
    (&["a", "maximum"], Bound::AtMost),
    (&["slightly", "more", "than"], Bound::JustAbove),
    (&["slightly", "less", "than"], Bound::JustBelow),
    (&["in", "excess", "of"], Bound::Above),
    (&["within", "the", "next"], Bound::AtMost),
    (&["within", "the", "past"], Bound::AtMost),
    (&["within", "the", "first"], Bound::AtMost),
    (&["more", "than"], Bound::Above),
    (&["greater", "than"], Bound::Above),
    (&["at", "least"], Bound::AtLeast),
    (&["less", "than"], Bound::Below),
    (&["fewer", "than"], Bound::Below),
    (&["younger", "than"], Bound::Below),
    (&["older", "than"], Bound::Above),
    (&["at", "most"], Bound::AtMost),
    (&["up", "to"], Bound::AtMost),
    // "could top 200": the verb; not "the top 10".
    (&["could", "top"], Bound::Above),
    (&["would", "top"], Bound::Above),
    (&["will", "top"], Bound::Above),
    (&["may", "top"], Bound::Above),
    (&["might", "top"], Bound::Above),
    (&["just", "under"], Bound::JustBelow),
    (&["just", "below"], Bound::JustBelow),
    (&["just", "short", "of"], Bound::JustBelow),
    (&["close", "to"], Bound::JustBelow),
    (&["just", "over"], Bound::JustAbove),
    (&["just", "above"], Bound::JustAbove),
    (&["an", "estimated"], Bound::Approximately),
    (&["as", "many", "as"], Bound::AtMost),
    (&["as", "much", "as"], Bound::AtMost),
    (&["as", "high", "as"], Bound::AtMost),
    (&["upwards", "of"], Bound::Above),
    (&["well", "over"], Bound::Above),
    (&["well", "above"], Bound::Above),
    (&["just", "shy", "of"], Bound::JustBelow),
    (&["approx"], Bound::Approximately),
    (&["minimum"], Bound::AtLeast),
    (&["passed"], Bound::Above),
    (&["passes"], Bound::Above),
    // "Death Toll Crosses 2,000" (India's papers' "passes").
    (&["crosses"], Bound::Above),
    (&["approaching"], Bound::JustBelow),
    (&["approached"], Bound::JustBelow),
    (&["within"], Bound::AtMost),
    (&["towards"], Bound::JustBelow),
    (&["toward"], Bound::JustBelow),
    (&["nearly"], Bound::JustBelow),
    (&["almost"], Bound::JustBelow),
    (&["over"], Bound::Above),
    (&["above"], Bound::Above),
    (&["surpassed"], Bound::Above),
    (&["surpassing"], Bound::Above),
    (&["surpass"], Bound::Above),
    (&["surpasses"], Bound::Above),
    (&["exceeded"], Bound::Above),
    (&["exceeding"], Bound::Above),
    (&["exceeds"], Bound::Above),
    (&["exceed"], Bound::Above),
    (&["topped"], Bound::Above),
    (&["tops"], Bound::Above),
    (&["topping"], Bound::Above),
    (&["nears"], Bound::JustBelow),
    (&["neared"], Bound::JustBelow),
    (&["nearing"], Bound::JustBelow),
    (&["under"], Bound::Below),
    (&["below"], Bound::Below),
    (&["about"], Bound::Approximately),
    (&["around"], Bound::Approximately),
    (&["roughly"], Bound::Approximately),
    (&["approximately"], Bound::Approximately),
    (&["some"], Bound::Approximately),
    (&["circa"], Bound::Approximately),
    (&["~"], Bound::Approximately),
];

/// True for the last word of a qualifier in [`QUALIFIERS_BEFORE`].
pub fn ends_qualifier(word: &str) -> bool {
    QUALIFIERS_BEFORE
        .iter()
        .any(|(words, _)| words.last() == Some(&word))
}

/// Words before "a day", "an hour" that take a length of time: "for a
/// decade", "within an hour", "lasted a week" (a qualifier does too: "more
/// than a century").
pub fn takes_a_span(word: &str) -> bool {
    lists::TAKES_A_SPAN.contains(word)
}

/// Words after "a day", "an hour" that make it a length of time: "a day
/// later", "a decade ago".
pub fn follows_a_span(word: &str) -> bool {
    lists::FOLLOWS_A_SPAN.contains(word)
}

/// Qualifiers that follow the number: "50 or more", "300 or so".
pub const QUALIFIERS_AFTER: &[(&[&str], Bound)] = &[
    (&["or", "more"], Bound::AtLeast),
    (&["or", "so"], Bound::Approximately),
    (&["or", "fewer"], Bound::AtMost),
    (&["or", "less"], Bound::AtMost),
    (&["or", "younger"], Bound::AtMost),
    (&["or", "under"], Bound::AtMost),
    (&["or", "older"], Bound::AtLeast),
    (&["or", "over"], Bound::AtLeast),
    (&["or", "greater"], Bound::AtLeast),
    (&["or", "larger"], Bound::AtLeast),
    (&["or", "higher"], Bound::AtLeast),
    (&["or", "above"], Bound::AtLeast),
    (&["and", "above"], Bound::AtLeast),
    (&["and", "over"], Bound::AtLeast),
    (&["and", "larger"], Bound::AtLeast),
    (&["and", "higher"], Bound::AtLeast),
    (&["plus"], Bound::AtLeast),
    (&["odd"], Bound::Approximately),
];

/// Relative width of "about" (both ways) and of "just under/over" (one way).
pub const APPROXIMATE_TOLERANCE: f64 = 0.10;

/// Currency symbols to ISO 4217 codes.
pub fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₽' => "RUB",
        '₴' => "UAH",
        '₹' => "INR",
        '₦' => "NGN",
        _ => return None,
    })
}

/// Currency codes and words (after the number: "24 billion dollars") to ISO codes.
pub fn currency_word(word: &str) -> Option<&'static str> {
    lists::CURRENCY_WORD.values(word).next()
}

/// True for currency words that also stand before the number: "USD 24 billion".
pub fn is_currency_code(word: &str) -> bool {
    lists::CURRENCY_CODE.contains(word)
}

/// Abbreviated currencies written capitalized before the number, glued or
/// not: "Rs 450 crore", "RM210 million", "Rp4 billion" (their ISO code is
/// [`currency_word`]'s).
pub fn is_currency_abbreviation(word: &str) -> bool {
    lists::CURRENCY_ABBREVIATION.contains(word)
}

/// The ISO code of a country's letters and currency symbol before a number,
/// lowercased: "a$" (A$7 million) is AUD, "hk$" HKD, "e£" EGP.
pub fn currency_prefix(written: &str) -> Option<&'static str> {
    lists::CURRENCY_PREFIX.values(written).next()
}

/// The ISO code of a currency symbol followed by a country's capital letters,
/// as Australian papers write it: "$US100 million" is USD, "$A7 million"
/// AUD (the same letters as [`currency_prefix`]'s, written after).
pub fn currency_symbol_then_letters(symbol: &str, letters: &str) -> Option<&'static str> {
    let country =
        (1..=3).contains(&letters.len()) && letters.bytes().all(|b| b.is_ascii_uppercase());
    country
        .then(|| currency_prefix(&(letters.to_ascii_lowercase() + symbol)))
        .flatten()
}

/// Month names (full and common abbreviations) to their number.
pub fn month(word: &str) -> Option<u8> {
    lists::MONTH.values(word).next()?.parse().ok()
}

/// Parts of a year that make a date of it: `early 2022`, `mid-2022`.
pub fn part_of_year(word: &str) -> Option<&'static str> {
    lists::PART_OF_YEAR.get(word).map(|(part, _)| part)
}

/// Weekday names to their normalized lowercase form.
pub fn weekday(word: &str) -> Option<&'static str> {
    lists::WEEKDAY.get(word).map(|(day, _)| day)
}

/// Determiners: "half the victims", "half their homes" are shares.
pub fn is_determiner(word: &str) -> bool {
    lists::DETERMINER.contains(word)
}

/// Words that end a noun phrase after a number: determiners, prepositions,
/// conjunctions, auxiliaries, pronouns and a few adverbs.
pub fn ends_noun_phrase(word: &str) -> bool {
    lists::ENDS_NOUN_PHRASE.contains(word)
}

/// Words after a counted noun that are not part of it: "two people familiar
/// with", "32 people killed".
pub fn follows_noun(word: &str) -> bool {
    lists::FOLLOWS_NOUN.contains(word) || concept(word).is_some_and(is_role)
}

/// Concepts that say what happened to what is counted ("32 people killed"):
/// for a count they name the measure before any other concept.
pub fn is_role(concept: Concept) -> bool {
    concept.kinds().contains("role")
}

/// True when a figure of concept `part` is counted within one of `whole`:
/// the hospitalised are among the injured, the critically injured too.
pub fn predicate_within(part: Concept, whole: Concept) -> bool {
    matches!(
        (part.name(), whole.name()),
        ("hospitalised", "injured") | ("critical", "injured") | ("critical", "hospitalised")
    )
}

/// Words before a number that make it an age: "aged 67", "ages 4 and 10",
/// "at the age of 90", "the retirement age from 62 to 64".
pub fn names_an_age(word: &str) -> bool {
    lists::NAMES_AN_AGE.contains(word)
}

/// Nouns for the parties a story names before it counts them: "the two leaders".
pub fn is_referential_noun(lemma: &str) -> bool {
    lists::REFERENTIAL_NOUN.contains(lemma)
}

/// Concepts that measure a standing state rather than an event ("20% of
/// Ukraine controlled"): reports of one story share it whatever place or date
/// each sentence names, so they align on the measure alone.
pub fn is_state(concept: Concept) -> bool {
    concept.name() == "controlled"
}

/// Verb forms that end a counted noun phrase: "1,850 people applied", "troops took part".
pub fn is_verb_form(word: &str) -> bool {
    (word.ends_with("ed") && word.len() > 4 && !lists::NOT_A_VERB_FORM.contains(word))
        || lists::VERB_FORM.contains(word)
}

/// Words that change an amount named after them, "from" one figure "to"
/// another: "raise the age from 62 to 64", "the decline in the age from 62 to
/// 64" (the intransitive "rose", "fell" are [`is_change_verb`]). By stem and
/// an inflection: "raise", "raised", "raising"; not "climbers", "increasingly".
pub fn changes_an_amount(word: &str) -> bool {
    const STEMS: [&str; 15] = [
        "rais", "lower", "reduc", "cut", "declin", "increas", "decreas", "revis", "boost",
        "extend", "fall", "rising", "drop", "climb", "grow",
    ];
    const INFLECTIONS: [&str; 10] = ["", "e", "s", "es", "d", "ed", "ing", "ting", "tion", "ion"];
    STEMS.iter().any(|stem| {
        word.strip_prefix(stem)
            .is_some_and(|rest| INFLECTIONS.contains(&rest))
    })
}

/// Words between a count and the role it counts that only qualify it: "9
/// new cases", "832 confirmed dead", "five more deaths".
pub fn qualifies_a_count(word: &str) -> bool {
    lists::QUALIFIES_A_COUNT.contains(word)
}

/// Words before "up to" that make it a change to a level, not a maximum:
/// "the toll inched up to 227", "revised the death toll up to 288".
pub fn moves_up_to(word: &str) -> bool {
    lists::MOVES_UP_TO.contains(word)
}

/// Nouns before "over" that make it a preposition, not a qualifier: "control over four regions".
pub fn takes_over(word: &str) -> bool {
    lists::TAKES_OVER.contains(word)
}

/// Verbs after which "over" and a duration is a span of time, not "more than":
/// "disbursed over three years".
pub fn spreads_over(word: &str) -> bool {
    lists::SPREADS_OVER.contains(word)
}

/// Irregular plurals; regular ones lose their `-s`/`-es`/`-ies` in [`lemma`].
fn irregular_singular(word: &str) -> Option<&'static str> {
    lists::IRREGULAR_SINGULAR.values(word).next()
}

/// What a counted noun counts, for the measure key: "1.2 million residents"
/// are the "1.25 million people" of another report, "captives" are hostages.
pub fn counted_as(lemma: &str) -> &str {
    lists::COUNTED_AS.values(lemma).next().unwrap_or(lemma)
}

/// True for a plural noun: "people", "employees".
pub fn is_plural(word: &str) -> bool {
    irregular_singular(word).is_some_and(|singular| singular != word)
        || lemma(word) != word
        || matches!(word, "people" | "police")
}

/// Singular form of a lowercase noun, good enough for matching counted things.
pub fn lemma(word: &str) -> String {
    if let Some(irregular) = irregular_singular(word) {
        return irregular.to_string();
    }
    if let Some(s) = word.strip_suffix("ies").filter(|s| s.len() >= 2) {
        format!("{s}y")
    } else if let Some(s) = word.strip_suffix("sses") {
        format!("{s}ss")
    } else if let Some(s) = ["ches", "shes", "xes"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
    {
        format!("{s}{}", &word[s.len()..word.len() - 2])
    } else if let Some(s) = word
        .strip_suffix("es")
        .filter(|s| s.ends_with('s') && crate::knowledge::nouns::lookup(s).is_some())
    {
        s.to_string() // "buses": WordNet knows "bus", not "buse"
    } else if let Some(s) = word
        .strip_suffix('s')
        .filter(|s| s.len() >= 3 && !s.ends_with('s') && !s.ends_with('u'))
    {
        s.to_string()
    } else {
        word.to_string()
    }
}

/// Verbs and phrases that attribute a statement to a source.
pub fn is_speech_verb(word: &str) -> bool {
    lists::SPEECH_VERB.contains(word)
}

/// Verbs that attribute only in a closing ", auditors found.".
pub fn is_finding_verb(word: &str) -> bool {
    lists::FINDING_VERB.contains(word)
}

/// Words skipped between a speaker and its verb: "Russian media later reporting".
pub fn is_speech_adverb(word: &str) -> bool {
    lists::SPEECH_ADVERB.contains(word)
}

/// Titles stripped from a named source: "British Defence Secretary John Healey" → "John Healey".
pub fn is_title(word: &str) -> bool {
    lists::TITLE.contains(word)
}

/// Concepts: words that say what a number measures, mapped to one canonical
/// tag so that "the talks" and "the meeting", or "deaths" and "killed", align.
/// The words come from WordNet (`data/concepts.tsv`, written by
/// `scripts/gen/concepts.py`); DESIGN.md explains what a concept does.
pub fn concept(word: &str) -> Option<Concept> {
    let index = concepts::CONCEPT_WORDS.values(word).next()?;
    index
        .parse::<u8>()
        .ok()
        .filter(|&i| usize::from(i) < concepts::CONCEPTS.len())
        .map(Concept)
}

/// What a figure measures: a row of `data/concepts.tsv` ("killed", "crowd",
/// "talks"), by its index (the rows' names are unique). Two concepts compare
/// by name, not by index: alignment orders claims by what they measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Concept(u8);

impl Concept {
    /// The concept's name, the table's first column.
    pub fn name(self) -> &'static str {
        concepts::CONCEPTS[usize::from(self.0)]
    }

    /// The concept named `name`, if the table has it.
    pub fn named(name: &str) -> Option<Concept> {
        let index = concepts::CONCEPTS.iter().position(|c| *c == name)?;
        u8::try_from(index).ok().map(Concept)
    }

    /// The kinds of quantity the concept is a measure of (the table's second
    /// column): "count:role money", say.
    fn kinds(self) -> &'static str {
        concepts::CONCEPT_KINDS[usize::from(self.0)]
    }
}

impl Ord for Concept {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.name().cmp(other.name())
    }
}

impl PartialOrd for Concept {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

mod concepts {
    include!(concat!(env!("OUT_DIR"), "/concepts.rs"));
}

/// Two words that name a concept neither names alone: "took part", "on strike".
const CONCEPT_PHRASES: &[([&str; 2], &str)] = &[
    (["took", "part"], "crowd"),
    (["take", "part"], "crowd"),
    (["taking", "part"], "crowd"),
    (["ordered", "out"], "displaced"),
    (["leave", "their"], "displaced"),
    (["left", "their"], "displaced"),
    (["walked", "out"], "strike"),
    (["walked", "off"], "strike"),
    (["on", "strike"], "strike"),
];

/// The concept of the phrase starting with `first, second`, else of `first`.
pub fn concept_of_phrase(first: &str, second: &str) -> Option<Concept> {
    CONCEPT_PHRASES
        .iter()
        .find(|(phrase, _)| phrase[0] == first && phrase[1] == second)
        .and_then(|&(_, name)| Concept::named(name))
        .or_else(|| concept(first))
}

/// True for a word that starts a concept, alone or in a phrase.
pub fn starts_concept(word: &str) -> bool {
    concept(word).is_some() || CONCEPT_PHRASES.iter().any(|(phrase, _)| phrase[0] == word)
}

/// True when a concept can be what a quantity of this kind measures: money is
/// pledged, given or spent; a duration is a meeting's, a call's, a ceasefire's.
pub fn fits(kind: Kind, concept: Concept) -> bool {
    let kinds = concept.kinds();
    let name = crate::frame::what::kind_name(kind);
    match kind {
        Kind::Count | Kind::Ordinal => !measures_in_units(concept),
        Kind::Date => true,
        _ => kinds.split([' ', ':']).any(|k| k == name || k == "any"),
    }
}

/// True when a concept is measured only in units (a distance, an area): never
/// what a count or a sum of money measures, even when nothing else is named
/// ("North" is no predicate of "at least 42", nor "area" of "18 deaths").
pub fn measures_in_units(concept: Concept) -> bool {
    const UNIT_DIMENSIONS: &[&str] = &[
        "length",
        "area",
        "volume",
        "mass",
        "speed",
        "temperature",
        "energy",
        "power",
        "magnitude",
    ];
    concept
        .kinds()
        .split([' ', ':'])
        .all(|k| UNIT_DIMENSIONS.contains(&k))
}

/// Words that set the time scope of an amount, so "new pledges" and aid
/// "committed so far" are not the same measure: phrases and their scope.
/// Not "a total of 36 people": that is only how a count is phrased.
const SCOPES: &[(&[&str], &str)] = &[
    (&["so", "far"], "cumulative"),
    (&["to", "date"], "cumulative"),
    (&["cumulative"], "cumulative"),
    (&["altogether"], "cumulative"),
    (&["quarter"], "quarter"),
    (&["annual"], "annual"),
    (&["annually"], "annual"),
    (&["yearly"], "annual"),
    (&["daily"], "daily"),
    (&["weekly"], "weekly"),
    (&["monthly"], "monthly"),
];

/// The scope of the phrase `words` starts with, if any.
pub fn scope(words: &[&str]) -> Option<&'static str> {
    let (first, rest) = words.split_first()?;
    SCOPES
        .iter()
        .find(|(phrase, _)| {
            phrase
                .split_first()
                .is_some_and(|(word, more)| word == first && rest.starts_with(more))
        })
        .map(|&(_, scope)| scope)
}

/// True for the first word of a [`scope`] phrase.
pub fn starts_scope(word: &str) -> bool {
    SCOPES
        .iter()
        .any(|(phrase, _)| phrase.first() == Some(&word))
}

/// Words that end the clause around a number (see `subject`): the clause they
/// open is about something else.
pub fn is_clause_break(word: &str) -> bool {
    lists::CLAUSE_BREAK.contains(word)
}

/// The time scope of a rate per calendar period: "a year" is `annual`.
pub fn scope_of_rate(rate: &str) -> Option<&'static str> {
    lists::SCOPE_OF_RATE.values(rate).next()
}

/// Nouns after which a capitalized word before them is a place: "the St. Petersburg gathering".
pub fn is_event_noun(word: &str) -> bool {
    lists::EVENT_NOUN.contains(word)
}

/// What happened, for telling events apart: "killed 3 people" in an aftershock
/// is not the earthquake's toll. Synonyms share one tag ("strike", "attack").
pub fn happening(word: &str) -> Option<&'static str> {
    lists::HAPPENING.values(word).next()
}

/// The words of [`is_past_reference`].
pub fn is_past_marker(word: &str) -> bool {
    lists::PAST_MARKER.contains(word)
}

/// Two words that put what a clause says before the news of the day: "last
/// year('s)", "previous month", "two weeks ago".
pub fn is_past_reference(first: &str, second: &str) -> bool {
    let period = lists::PAST_PERIOD.contains(second);
    (is_past_marker(first) && first != "ago" && period) || second == "ago"
}

/// Words that point back to a time already named, before a period: "that
/// day", "the same year".
pub fn points_back(word: &str) -> bool {
    lists::POINTS_BACK.contains(word)
}

/// The periods [`points_back`] words point to, and whether they are within a
/// day or a month (`"day"`: "that day", "that night") or a year (`"year"`:
/// "that year", "that summer").
pub fn period_pointed_to(word: &str) -> Option<&'static str> {
    lists::PERIOD_POINTED_TO.values(word).next()
}

/// Nouns after which "of" introduces a place: "a residential area of Kryvyi Rih".
pub fn is_place_noun(word: &str) -> bool {
    lists::PLACE_NOUN.contains(word)
}

/// A nationality adjective ("the Russian delegation", "the Scottish capital"),
/// which is not a place.
pub fn is_nationality(word: &str) -> bool {
    ["ian", "ean", "ese", "ish"]
        .iter()
        .any(|s| word.ends_with(s))
        || lists::NATIONALITY.contains(word)
}

/// A street, square or district (a word of a lowercase `place:` name, or the
/// whole name): a place inside a town, which never tells two events apart from
/// the town's name.
pub fn is_part_of_town(place: &str) -> bool {
    place.split(' ').any(|w| lists::PART_OF_TOWN.contains(w))
        || lists::PART_OF_TOWN_SUFFIX
            .entries()
            .any(|(suffix, _)| place.ends_with(suffix))
}

/// Words before a figure that mark it as superseded by a later one in the same
/// report: "an earlier toll of 77", "initially reported 37", "previously 39".
pub fn marks_superseded(word: &str) -> bool {
    lists::MARKS_SUPERSEDED.contains(word)
}

/// "our first estimates were 290", "early reports of 300 missing": words
/// that mark the figure after them as superseded when a [`is_superseded_noun`]
/// follows (alone, "the first 100 days" is no such mark).
pub fn marks_superseded_with_noun(word: &str) -> bool {
    lists::SUPERSEDED_WITH.contains(word)
}

/// Nouns of reporting after such a word: "early reports", "an early toll";
/// an estimate only when told in the past ("our first estimates were 290",
/// not "the first estimates give 58.2%"). Not a count or a tally ("elected
/// on the first count", "an early tally shows" are the count's own rounds),
/// nor one report ("the watchdog's first report of the year found"). `next`
/// is the word after the noun.
pub fn is_superseded_noun(word: &str, next: &str) -> bool {
    lists::SUPERSEDED_NOUN.contains(word)
        || lists::SUPERSEDED_NOUN_IN_PAST.contains(word) && matches!(next, "was" | "were" | "had")
}

/// Words and the comma that join two figures stated together ("27 dead and
/// 15 injured", "105, while 70 others"): a figure so joined to a superseded
/// one is superseded too.
pub fn joins_figures(word: &str) -> bool {
    lists::JOINS_FIGURES.contains(word)
}

/// Forms of "be" before a participle: "were reported dead" is a passive.
pub fn is_passive_auxiliary(word: &str) -> bool {
    lists::PASSIVE_AUXILIARY.contains(word)
}

/// Words and symbols between two figures that keep the second from the
/// first's time: they move on to the present ("rose from 27 to 60", "37
/// earlier, but now 60") or open a clause of its own ("36, as responders
/// search hundreds", a dash, a semicolon).
pub fn separates_figures(word: &str) -> bool {
    lists::SEPARATES_FIGURES.contains(word)
}

/// Words before a figure that make it an expectation, not an outcome: "could
/// reach 1,000", "expected to draw 50,000", "forecast up to 20 inches"; not
/// the hedges of what happened ("likely killed", "estimates 100-300 killed").
pub fn marks_forecast(word: &str) -> bool {
    lists::MARKS_FORECAST.contains(word)
}

/// Nouns after a figure that make it a reference value, not a measurement:
/// "the two-hour barrier", "the 50% threshold", "the 1.5C limit".
pub fn is_reference_noun(word: &str) -> bool {
    lists::REFERENCE_NOUN.contains(word)
}

/// Verbs of change before a figure: "fell 19%", "rose by 10", "up 2.1%".
pub fn is_change_verb(word: &str) -> bool {
    lists::CHANGE_VERB.contains(word)
}

/// Nouns of change after a figure: "a 20% increase", "a 3.5 percent drop".
pub fn is_change_noun(word: &str) -> bool {
    lists::CHANGE_NOUN.contains(word)
}

/// Verbs after a name that make the figure that follows that name's: "Sheinbaum
/// won 59.5%", "UBS shares fell 10%".
pub fn is_owner_verb(word: &str) -> bool {
    lists::OWNER_VERB.contains(word)
}

/// The kind of party a word of a source's name makes it: police, organisers,
/// officials, a union, a rescue service, a health body.
pub fn party(word: &str) -> Option<&'static str> {
    lists::PARTY.values(word).next()
}

/// True for the kinds of party that speak for the authorities (see [`party`]);
/// organisers and unions speak for the other side.
pub fn is_authority(party: &str) -> bool {
    matches!(party, "police" | "officials" | "health" | "rescuers")
}

/// The standing a noun after a place name gives it: "the Valencia region",
/// "Hualien City", "Jajarkot district".
pub fn standing_noun(word: &str) -> Option<crate::knowledge::places::Standing> {
    use crate::knowledge::places::Standing;
    if is_part_of_town(word) {
        return Some(Standing::Local);
    }
    match lists::STANDING_NOUN.values(word).next()? {
        "region" => Some(Standing::Region),
        "city" => Some(Standing::City),
        _ => None,
    }
}

/// Prepositions after which a capitalized name is a place: "in St. Petersburg".
pub fn is_place_preposition(word: &str) -> bool {
    lists::PLACE_PREPOSITION.contains(word)
}

/// A direction before a place's name, "in western Germany": the place, not
/// an adjective that makes the name a modifier.
pub fn is_compass_adjective(word: &str) -> bool {
    lists::COMPASS_ADJECTIVE.contains(word)
}

/// Abbreviations whose period does not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    lists::ABBREVIATION.contains(word)
}

/// Lines that are page furniture rather than story: share buttons, ad slots,
/// credits. Matched against the start of a trimmed, lowercased line.
pub const FURNITURE_PREFIXES: &[&str] = &[
    "share this",
    "share on",
    "advertising",
    "advertisement",
    "sponsored",
    "read more",
    "read also",
    "also read",
    "related:",
    "stay updated",
    "sign up",
    "subscribe",
    "follow us",
    "(with inputs",
    "with inputs from",
    "reporting by",
    "editing by",
    "photo:",
    "image:",
    "copyright",
    "©",
    "all rights reserved",
    "click here",
    "updated",
    "published",
    "by ",
];

/// Credit lines matched anywhere in a short line: "Reuters contributed to this report."
pub const FURNITURE_PHRASES: &[&str] = &[
    "contributed to this report",
    "get breaking news",
    "here on mint",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_concept_phrase_names_a_concept() {
        for (phrase, name) in CONCEPT_PHRASES {
            let concept = Concept::named(name).map(Concept::name);
            assert_eq!(concept, Some(*name), "{phrase:?}");
            assert_eq!(
                concept_of_phrase(phrase[0], phrase[1]).map(Concept::name),
                Some(*name)
            );
        }
        let mut names = concepts::CONCEPTS.to_vec();
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            concepts::CONCEPTS.len(),
            "concept names are unique"
        );
    }

    #[test]
    fn may_start_numeral_covers_every_table() {
        let words = [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
        ];
        for word in words {
            assert!(
                small_number(word).is_some() && may_start_numeral(word),
                "{word}"
            );
        }
        for word in [
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "twentieth",
            "thirtieth",
            "fortieth",
            "fiftieth",
            "hundredth",
        ] {
            assert!(ordinal(word).is_some() && may_start_numeral(word), "{word}");
        }
        for vague in VAGUE {
            assert!(may_start_numeral(vague.words[0]), "{}", vague.words[0]);
        }
        assert!(!may_start_numeral("the") && !may_start_numeral("people"));
    }

    /// Every list of `data/words.tsv` is read here (a list no function reads,
    /// or a misspelt name, would teach factmark nothing), and every list read
    /// here is in the data.
    #[test]
    fn every_list_of_words_is_read() {
        let data = include_str!("../../data/words.tsv");
        let code = include_str!("words.rs");
        let listed: std::collections::BTreeSet<String> = data
            .lines()
            .filter(|line| !line.starts_with('#') && !line.is_empty())
            .map(|line| line.split(['\t', ':']).next().unwrap_or("").to_uppercase())
            .collect();
        let read: std::collections::BTreeSet<String> = code
            .split("lists::")
            .skip(1)
            .map(|rest| {
                let name = rest
                    .chars()
                    .take_while(|c| c.is_ascii_uppercase() || *c == '_');
                name.collect()
            })
            // `ALL` is every list, for `every_word`.
            .filter(|name: &String| !name.is_empty() && name != "ALL")
            .collect();
        assert!(listed.len() > 40, "{listed:?}");
        assert_eq!(listed, read);
    }

    #[test]
    fn lists_give_their_values() {
        assert_eq!(small_number("seventeen"), Some(17.0));
        assert_eq!(scale("crore"), Some(1e7));
        assert_eq!(multiplier_word("tenfold"), Some(10.0));
        assert_eq!(multiplier_word("hundredfold"), Some(100.0));
        assert_eq!(multiplier_word("twelvefold"), Some(12.0));
        assert_eq!(multiplier_word("fiftyfold"), Some(50.0));
        assert_eq!(multiplier_word("trebled"), Some(3.0));
        assert_eq!(month("sept"), Some(9));
        assert_eq!(weekday("friday"), Some("friday"));
        assert_eq!(currency_word("riyals"), Some("SAR"));
        assert_eq!(counted_as("resident"), "people");
        assert_eq!(counted_as("tank"), "tank");
        assert_eq!(lemma("children"), "child");
        assert_eq!(lemma("buses"), "bus");
        assert_eq!(lemma("houses"), "house");
        assert!(is_verb_form("applied") && !is_verb_form("wounded") && is_verb_form("fled"));
        assert!(is_part_of_town("main street") && is_part_of_town("drottninggatan"));
        assert!(is_past_reference("last", "year") && !is_past_reference("ago", "year"));
        assert_eq!(
            standing_noun("oblast"),
            Some(crate::knowledge::places::Standing::Region)
        );
        assert_eq!(
            standing_noun("village"),
            Some(crate::knowledge::places::Standing::City)
        );
        assert_eq!(standing_noun("people"), None);
        assert!(
            may_start_numeral("an")
                && may_start_numeral("hundreds")
                && may_start_numeral("fourfold")
        );
    }
}
