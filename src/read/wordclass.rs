//! Stage 1b: what the vocabulary says about a word, looked up once per word.
//!
//! Why: every stage asks the vocabulary about the words near a number (is it a
//! month, a speech verb, a place preposition, a concept?), and the windows
//! overlap, so the same word used to be matched against the same tables many
//! times. The lexer now looks each word up once, in one hash table, and stores
//! the answer in the token as a set of flags; the stages test a flag and call
//! the vocabulary only for the value (which month, which concept).
//!
//! `knowledge/words.rs` stays the one source of what a word is: the table
//! here takes every word of the vocabulary (`words::every_word`: the lists of
//! `data/words.tsv`, the concepts' words, the words of the phrase tables) and
//! asks the vocabulary's own functions what each one is. A word the lists do
//! not name has no flags; so does every word longer than [`MAX_WORD_BYTES`].

use crate::knowledge::words;
use std::sync::OnceLock;

/// The vocabulary's words the table holds: those of lowercase ASCII letters
/// (a token's word; not "~", not "straße", which only a suffix rule reads).
fn vocabulary() -> impl Iterator<Item = &'static str> {
    words::every_word().filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Longest word the table holds: a lookup key is the word's bytes, zero-padded.
pub const MAX_WORD_BYTES: usize = 16;

/// Flags of one word; `WordClass::default()` is a word no table names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass(u32);

impl WordClass {
    /// `words::may_start_numeral`.
    pub const NUMERAL_START: WordClass = WordClass(1 << 0);
    /// `words::month`.
    pub const MONTH: WordClass = WordClass(1 << 1);
    /// `words::weekday`.
    pub const WEEKDAY: WordClass = WordClass(1 << 2);
    /// `words::is_speech_verb`.
    pub const SPEECH_VERB: WordClass = WordClass(1 << 3);
    /// `words::is_finding_verb`.
    pub const FINDING_VERB: WordClass = WordClass(1 << 4);
    /// `words::starts_concept`.
    pub const CONCEPT: WordClass = WordClass(1 << 5);
    /// `words::ends_noun_phrase`.
    pub const ENDS_NOUN_PHRASE: WordClass = WordClass(1 << 6);
    /// `words::is_place_preposition`.
    pub const PLACE_PREPOSITION: WordClass = WordClass(1 << 7);
    /// `words::is_place_noun`.
    pub const PLACE_NOUN: WordClass = WordClass(1 << 8);
    /// `words::is_event_noun`.
    pub const EVENT_NOUN: WordClass = WordClass(1 << 9);
    /// `words::is_abbreviation`.
    pub const ABBREVIATION: WordClass = WordClass(1 << 10);
    /// `words::is_title`.
    pub const TITLE: WordClass = WordClass(1 << 11);
    /// `words::happening`.
    pub const HAPPENING: WordClass = WordClass(1 << 12);
    /// `words::starts_scope`.
    pub const SCOPE_START: WordClass = WordClass(1 << 13);
    /// `words::is_clause_break`.
    pub const CLAUSE_BREAK: WordClass = WordClass(1 << 14);
    /// `words::part_of_year`.
    pub const PART_OF_YEAR: WordClass = WordClass(1 << 15);
    /// `words::ends_qualifier`.
    pub const QUALIFIER_END: WordClass = WordClass(1 << 16);
    /// `words::is_past_marker`.
    pub const PAST_MARKER: WordClass = WordClass(1 << 17);
    /// `words::points_back`.
    pub const POINTS_BACK: WordClass = WordClass(1 << 18);
    /// `words::marks_superseded`, `marks_superseded_with_noun` or `marks_forecast`.
    pub const TIME_MARKER: WordClass = WordClass(1 << 19);
    /// Not a table's answer: the word ends in "'s" or "’s", so a stage that
    /// strips possessives must look its stem up itself.
    pub const POSSESSIVE: WordClass = WordClass(1 << 31);

    /// True when the word has any of the flags in `flags`.
    pub fn has(self, flags: WordClass) -> bool {
        self.0 & flags.0 != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl std::ops::BitOr for WordClass {
    type Output = WordClass;
    fn bitor(self, other: WordClass) -> WordClass {
        WordClass(self.0 | other.0)
    }
}

/// The flags of a lowercase word, from the vocabulary's tables (the slow path,
/// used to fill the table, and by the test that checks the table against it).
fn from_tables(word: &str) -> WordClass {
    let flags = [
        (words::may_start_numeral(word), WordClass::NUMERAL_START),
        (words::month(word).is_some(), WordClass::MONTH),
        (words::weekday(word).is_some(), WordClass::WEEKDAY),
        (words::is_speech_verb(word), WordClass::SPEECH_VERB),
        (words::is_finding_verb(word), WordClass::FINDING_VERB),
        (words::starts_concept(word), WordClass::CONCEPT),
        (words::ends_noun_phrase(word), WordClass::ENDS_NOUN_PHRASE),
        (
            words::is_place_preposition(word),
            WordClass::PLACE_PREPOSITION,
        ),
        (words::is_place_noun(word), WordClass::PLACE_NOUN),
        (words::is_event_noun(word), WordClass::EVENT_NOUN),
        (words::is_abbreviation(word), WordClass::ABBREVIATION),
        (words::is_title(word), WordClass::TITLE),
        (words::happening(word).is_some(), WordClass::HAPPENING),
        (words::starts_scope(word), WordClass::SCOPE_START),
        (words::is_clause_break(word), WordClass::CLAUSE_BREAK),
        (words::part_of_year(word).is_some(), WordClass::PART_OF_YEAR),
        (words::ends_qualifier(word), WordClass::QUALIFIER_END),
        (words::is_past_marker(word), WordClass::PAST_MARKER),
        (words::points_back(word), WordClass::POINTS_BACK),
        (
            words::marks_superseded(word)
                || words::marks_forecast(word)
                || words::marks_superseded_with_noun(word),
            WordClass::TIME_MARKER,
        ),
    ];
    flags
        .iter()
        .filter(|(yes, _)| *yes)
        .fold(WordClass::default(), |class, (_, flag)| class | *flag)
}

/// Table slots: a power of two, about twelve times the ~700 words (160 KB of
/// keys and flags), so sparse that most lookups, of words in the table or not,
/// take one probe.
const SLOTS: usize = 8192;

/// A word's lookup key: its first eight bytes and the next eight, lowercased,
/// little-endian, padded with spaces. No word holds a space, so two words have
/// the same key only when they are the same word, and no key is `(0, 0)`, the
/// empty slot.
type Key = (u64, u64);

/// An open-addressing hash table from a word's key to its flags.
struct Table {
    keys: Box<[Key; SLOTS]>,
    classes: Box<[WordClass; SLOTS]>,
}

/// The key of a word of at most sixteen bytes given as its bytes, eight at a
/// time, little-endian, zero-padded.
///
/// Lowercasing is `| 0x20` on every byte: a word's bytes are ASCII letters,
/// apostrophes (0x27, unchanged) and bytes of non-ASCII letters (which stay
/// above 0x7F, and so never match the all-ASCII vocabulary); it turns the
/// zero padding into spaces.
#[inline]
fn key_of(head: u64, tail: u64) -> Key {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    (head | LOWER, tail | LOWER)
}

/// The key of `word`, or `None` for longer words.
fn key(word: &[u8]) -> Option<Key> {
    let mut padded = [0u8; MAX_WORD_BYTES];
    padded.get_mut(..word.len())?.copy_from_slice(word);
    let half =
        |from: usize| u64::from_le_bytes(padded[from..from + 8].try_into().unwrap_or_default());
    Some(key_of(half(0), half(8)))
}

#[inline]
fn slot((low, high): Key) -> usize {
    let mixed = low ^ high.rotate_left(31);
    (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
}

impl Table {
    fn build() -> Table {
        let mut table = Table {
            keys: Box::new([(0, 0); SLOTS]),
            classes: Box::new([WordClass::default(); SLOTS]),
        };
        for word in vocabulary() {
            let class = from_tables(word);
            let Some(key) = key(word.as_bytes()).filter(|_| !class.is_empty()) else {
                continue;
            };
            let mut s = slot(key);
            while table.keys[s] != (0, 0) && table.keys[s] != key {
                s = (s + 1) % SLOTS;
            }
            table.keys[s] = key;
            table.classes[s] = class;
        }
        table
    }

    #[inline]
    fn get(&self, key: Key) -> WordClass {
        let mut s = slot(key);
        loop {
            match self.keys[s] {
                (0, 0) => return WordClass::default(),
                k if k == key => return self.classes[s],
                _ => s = (s + 1) % SLOTS,
            }
        }
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(Table::build)
}

/// Classifies words; one per tokenization, so the table is fetched once.
pub struct Classifier(&'static Table);

impl Classifier {
    pub fn new() -> Self {
        Classifier(table())
    }

    /// The flags of an ASCII word of at most sixteen letters given as its bytes,
    /// eight at a time (see [`key_of`]): the lexer's fast path, from the bytes
    /// it has read already. Letters alone make no possessive.
    #[inline]
    pub fn classify_ascii(&self, head: u64, tail: u64) -> WordClass {
        self.0.get(key_of(head, tail))
    }

    /// The flags of the word `text[start..end]`, in any case.
    #[inline]
    pub fn classify(&self, text: &str, start: usize, end: usize) -> WordClass {
        let bytes = text.as_bytes();
        let word = &bytes[start..end];
        let class = key(word).map_or(WordClass::default(), |k| self.0.get(k));
        if word.ends_with(b"'s") || word.ends_with("\u{2019}s".as_bytes()) {
            class | WordClass::POSSESSIVE
        } else {
            class
        }
    }
}

impl Default for Classifier {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_agrees_with_the_vocabulary() {
        let classifier = Classifier::new();
        let words = vocabulary().collect::<Vec<_>>();
        assert!(
            words.len() > 500,
            "the vocabulary has {} words",
            words.len()
        );
        let classify = |word: &str| classifier.classify(word, 0, word.len());
        for word in words {
            assert!(word.len() <= MAX_WORD_BYTES, "{word} is too long for a key");
            assert_eq!(classify(word), from_tables(word), "{word}");
            let upper = word.to_ascii_uppercase();
            assert_eq!(classify(&upper), from_tables(word), "{upper}");
            // Inside a longer text, where the key is read 16 bytes at a time.
            let text = format!("{upper} and more words after it");
            assert_eq!(
                classifier.classify(&text, 0, word.len()),
                from_tables(word),
                "{text}"
            );
        }
        // A word the table cannot hold must have no flags a stage tests before
        // calling the vocabulary, or the stage would miss it. Only a concept
        // word with a hyphen ("cease-fire": the lexer splits it, so no token
        // is it) and the qualifier "~" (a symbol) are unslotted.
        let unslotted = WordClass::CONCEPT | WordClass::QUALIFIER_END;
        for word in words::every_word().filter(|w| !vocabulary().any(|v| v == *w)) {
            let class = from_tables(word);
            assert!(class.0 & !unslotted.0 == 0, "{word} has flags but no slot");
        }
        for word in ["people", "zelenskyy", "", "representatives", "x", "Мартa"] {
            assert_eq!(classify(word), from_tables(word), "{word}");
        }
        let possessive = classify("Friday’s");
        assert!(possessive.has(WordClass::POSSESSIVE) && !possessive.has(WordClass::WEEKDAY));
    }

    #[test]
    fn every_table_word_is_listed() {
        // Spot checks, one per table: every_word must reach them.
        for word in [
            "twelve",
            "march",
            "friday",
            "announced",
            "concluded",
            "toll",
            "whose",
            "through",
            "outskirts",
            "oblast",
            "approx",
            "spokesperson",
            "aftershock",
            "altogether",
            "whereas",
            "mid",
            "surpassed",
            "same",
            "provisional",
            "anticipated",
        ] {
            assert!(vocabulary().any(|w| w == word), "{word}");
            assert!(
                !Classifier::new().classify(word, 0, word.len()).is_empty(),
                "{word}"
            );
        }
    }
}
