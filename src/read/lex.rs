//! Stage 1: text to tokens.
//!
//! Why a hand-written lexer rather than regular expressions: every later stage looks
//! at words, digit runs and single symbols with their byte spans, and one linear
//! pass that produces exactly that is faster than the full `regex` crate and costs
//! almost nothing in the wasm bundle (the `regex` crate alone would exceed the
//! widget's 100 KB budget). Tokens borrow nothing: a span indexes the report text.
//! Each word is looked up in the vocabulary once, here, and carries its flags
//! (see `wordclass.rs`).

use crate::read::wordclass::Classifier;
pub use crate::read::wordclass::WordClass;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes: `Russia's`, `don't`.
    Word,
    /// ASCII digits with inner thousands separators and a decimal part: `1,000`, `4.5`.
    Digits,
    /// Any other single non-space character: `$`, `%`, `(`, `—`, `“`, `.`.
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// Byte span in the text (u32: a report is at most `MAX_REPORT_BYTES`,
    /// and a token is 16 bytes, the most the reading holds of a report).
    start: u32,
    end: u32,
    /// Whitespace stands between this token and the one before.
    pub space_before: bool,
    /// A line break stands between this token and the one before.
    pub newline_before: bool,
    /// What the vocabulary says about a word (empty for digits and symbols).
    pub class: WordClass,
}

impl Token {
    /// Byte offset of the token's first byte in the text.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset just past the token in the text.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// True when the token is a word with any of the vocabulary flags in `flags`.
    pub fn has(&self, flags: WordClass) -> bool {
        self.class.has(flags)
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start()..self.end()]
    }

    /// The token's text, ASCII-lowercased.
    pub fn lower<'t>(&self, text: &'t Text) -> &'t str {
        &text.lower[self.start()..self.end()]
    }

    /// A word that starts with a capital letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        // Most words start with an ASCII letter: its byte answers, undecoded.
        self.is_word()
            && match text.as_bytes().get(self.start()) {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => starts_capitalized(self.text(text)),
            }
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_symbol(&self, text: &str, symbol: char) -> bool {
        self.kind == TokenKind::Symbol && text[self.start()..].starts_with(symbol)
    }
}

/// A report's text and its ASCII-lowercased copy. Lowercasing ASCII keeps every
/// byte offset, so one token span indexes both; vocabulary lookups read the copy,
/// made once per report instead of once per lookup. Non-ASCII letters stay as they
/// are and match no vocabulary entry (all vocabulary is ASCII).
#[derive(Debug)]
pub struct Text<'a> {
    raw: &'a str,
    lower: String,
    /// The report writes decimals with a comma ("2,4 million"): see [`writes_decimal_comma`].
    pub decimal_comma: bool,
}

impl<'a> Text<'a> {
    pub fn new(raw: &'a str) -> Self {
        Text {
            raw,
            lower: raw.to_ascii_lowercase(),
            decimal_comma: writes_decimal_comma(raw.as_bytes()),
        }
    }
}

/// True when a report writes decimals with a comma: some digit is followed by a
/// comma and one or two digits ("2,4 million", "3,75 %": never a thousands
/// group, which has three), and no digit is followed by a point and a digit
/// (a report that writes "4.5" writes its decimals with a point, and its
/// "1,2" is a list). One pass over the bytes.
pub fn writes_decimal_comma(bytes: &[u8]) -> bool {
    let mut comma = false;
    for (k, w) in bytes.windows(3).enumerate() {
        if !w[0].is_ascii_digit() || !w[2].is_ascii_digit() {
            continue;
        }
        match w[1] {
            b'.' => return false,
            b',' => {
                let digits = bytes[k + 2..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                comma |= digits <= 2;
            }
            _ => {}
        }
    }
    comma
}

impl Text<'_> {
    /// The ASCII-lowercased text of the byte span `start..end`.
    pub fn lower_span(&self, start: usize, end: usize) -> &str {
        &self.lower[start..end]
    }
}

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.raw
    }
}

/// The lowercased word at token `i`, or "" when token `i` is not a word (or
/// past the end): the one way stages look words up in the vocabulary.
pub fn word_at<'t>(text: &'t Text, tokens: &[Token], i: usize) -> &'t str {
    tokens
        .get(i)
        .filter(|t| t.is_word())
        .map_or("", |t| t.lower(text))
}

/// Letters, without Unicode tables (they would cost the wasm bundle more than
/// the whole reader): ASCII, Latin-1 and Latin Extended, Greek, Cyrillic,
/// Hebrew, Arabic, Latin/Greek Extended Additional, kana and CJK, Hangul.
/// Combining marks are not letters.
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{0370}'..='\u{06FF}' | '\u{1E00}'..='\u{1FFF}' | '\u{3040}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}')
            && !matches!(c, '×' | '÷' | '\u{037E}' | '\u{0387}')
}

/// A word in lowercase ASCII, its Latin letters stripped of their accents
/// ("Erdoğan" and "Erdogan" are one name); other letters are dropped.
pub fn folded(word: &str) -> String {
    word.chars()
        .filter_map(plain_letter)
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// Lowercase text with its Latin letters stripped of their accents, other
/// ASCII (spaces, hyphens, apostrophes) kept: how the gazetteer spells names
/// ("são paulo" is "sao paulo"). Other letters are dropped.
pub fn without_accents(text: &str) -> String {
    text.chars().filter_map(plain_letter).collect()
}

/// A character as lowercase ASCII: itself when ASCII, its base letter when an
/// accented Latin one, `None` for the rest.
fn plain_letter(c: char) -> Option<char> {
    Some(match c {
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => 'a',
        'Ç' | 'ç' | 'Ć'..='č' => 'c',
        'Ď'..='đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => 'e',
        'Ĝ'..='ģ' => 'g',
        'Ĥ'..='ħ' => 'h',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => 'i',
        'Ĵ' | 'ĵ' => 'j',
        'Ķ'..='ĸ' => 'k',
        'Ĺ'..='ł' => 'l',
        'Ñ' | 'ñ' | 'Ń'..='ŋ' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => 'o',
        'Ŕ'..='ř' => 'r',
        'Ś'..='š' | 'ß' => 's',
        'Ţ'..='ŧ' => 't',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => 'u',
        'Ŵ' | 'ŵ' => 'w',
        'Ý' | 'ý' | 'ÿ' | 'Ŷ'..='Ÿ' => 'y',
        'Ź'..='ž' => 'z',
        _ => return None,
    })
}

/// Capital letters of the scripts news names are written in (see [`is_letter`]).
pub fn is_capital(c: char) -> bool {
    c.is_ascii_uppercase()
        || matches!(c, '\u{00C0}'..='\u{00DE}' | '\u{0391}'..='\u{03A9}' | '\u{0400}'..='\u{042F}')
            && c != '×'
}

/// True when a word starts with a capital letter.
pub fn starts_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(is_capital)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Spaces that may group thousands between digits: no-break and thin spaces.
fn is_group_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// ASCII letters, by byte: one table load instead of two range tests in the
/// scanning loops (bytes of non-ASCII letters are not marked).
const ASCII_LETTER: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphabetic();
        b += 1;
    }
    table
};

/// Splits `text` into tokens in one pass. The text is at most
/// `MAX_REPORT_BYTES` (the crate's API checks it first), so every offset fits
/// a token's u32.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    // ASCII is decoded from the byte alone: most of a report is ASCII.
    let char_at = |pos: usize| match bytes[pos] {
        b if b < 0x80 => b as char,
        _ => text[pos..].chars().next().unwrap_or(' '),
    };
    let classifier = Classifier::new();
    let mut out = Vec::with_capacity(text.len() / 5);
    let (mut space_before, mut newline_before) = (true, true);
    let mut pos = 0;
    while pos < bytes.len() {
        let b = bytes[pos];
        // The common cases first, on bytes: spaces, ASCII words, digits, punctuation.
        if b == b' ' {
            space_before = true;
            pos += 1;
            continue;
        }
        let start = pos;
        let (kind, end, class) = if ASCII_LETTER[usize::from(b)] {
            match ascii_word(bytes, start) {
                Some((len, head, tail)) => (
                    TokenKind::Word,
                    start + len,
                    classifier.classify_ascii(head, tail),
                ),
                None => {
                    let end = word_end(text, start + 1, &char_at);
                    (TokenKind::Word, end, classifier.classify(text, start, end))
                }
            }
        } else if b.is_ascii_digit() {
            let after_month = out.last().is_some_and(|t: &Token| t.has(WordClass::MONTH));
            (
                TokenKind::Digits,
                digits_end(text, start, after_month),
                WordClass::default(),
            )
        } else if b.is_ascii_punctuation() {
            (TokenKind::Symbol, start + 1, WordClass::default())
        } else {
            let c = char_at(pos);
            if c.is_whitespace() {
                space_before = true;
                newline_before |= c == '\n' || c == '\r' || c == '\u{2029}';
                pos += c.len_utf8();
                continue;
            }
            if is_letter(c) {
                let end = word_end(text, start + c.len_utf8(), &char_at);
                (TokenKind::Word, end, classifier.classify(text, start, end))
            } else {
                (
                    TokenKind::Symbol,
                    start + c.len_utf8(),
                    WordClass::default(),
                )
            }
        };
        out.push(Token {
            kind,
            // A report is at most MAX_REPORT_BYTES (64 MiB): every offset fits.
            start: start as u32,
            end: end as u32,
            space_before,
            newline_before,
            class,
        });
        newline_before = false;
        // The one space between two words is skipped here, not by another turn of the loop.
        space_before = bytes.get(end) == Some(&b' ');
        pos = end + usize::from(space_before);
    }
    out
}

/// An ASCII word of at most fifteen letters at `start` that ends at an ASCII
/// byte other than an apostrophe (most words): its length, and its bytes as
/// read, eight at a time (little-endian, zero-padded), so that the word class
/// lookup reads nothing again. `None` sends the word to [`word_end`].
fn ascii_word(bytes: &[u8], start: usize) -> Option<(usize, u64, u64)> {
    let read = |at: usize| Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?));
    // How many bytes of `chunk` are letters (`stop`, from `non_letters`, is not
    // zero) and those bytes alone, when the word ends there.
    let ends = |chunk: u64, stop: u64| {
        let at = stop.trailing_zeros() / 8;
        let next = (chunk >> (8 * at)) as u8;
        let letters = chunk & ((1 << (8 * at)) - 1);
        (next < 0x80 && next != b'\'').then_some((at as usize, letters))
    };
    let head = read(start)?;
    match non_letters(head) {
        0 => {
            let tail = read(start + 8)?;
            match non_letters(tail) {
                0 => None,
                stop => ends(tail, stop).map(|(at, tail)| (8 + at, head, tail)),
            }
        }
        stop => ends(head, stop).map(|(at, head)| (at, head, 0)),
    }
}

/// The end of a word whose letters so far end at `end`: more letters, ASCII or
/// not, and inner apostrophes followed by a letter ("Russia’s", "don't").
fn word_end(text: &str, mut end: usize, char_at: &impl Fn(usize) -> char) -> usize {
    let bytes = text.as_bytes();
    while end < bytes.len() {
        // A byte at a time: most words never come here (see `ascii_word`).
        if ASCII_LETTER[usize::from(bytes[end])] {
            end += 1;
            continue;
        }
        if bytes[end] < 0x80 && bytes[end] != b'\'' {
            break; // ASCII that is neither a letter nor an apostrophe
        }
        let next = char_at(end);
        let after = end + next.len_utf8();
        let inner_apostrophe =
            is_apostrophe(next) && after < bytes.len() && is_letter(char_at(after));
        if is_letter(next) || inner_apostrophe {
            end = after;
        } else {
            break;
        }
    }
    end
}

/// The bytes of `chunk` (eight, little-endian) that are not ASCII letters, as
/// their high bits: the lowest set bit marks the first non-letter. Why: words
/// are most of a report, and this tests eight bytes in a dozen instructions.
fn non_letters(chunk: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // `| 0x20` lowercases ASCII letters and maps no other ASCII byte into
    // 'a'..='z'; with the high bit cleared, adding to a byte cannot carry.
    let lower = (chunk | (ONES * 0x20)) & !HIGH;
    let below_a = !(lower + ONES * u64::from(0x80 - b'a')) & HIGH;
    let above_z = (lower + ONES * u64::from(0x7F - b'z')) & HIGH;
    (chunk & HIGH) | below_a | above_z
}

/// End of a digit run starting at `start`: digits, then groups of exactly three
/// digits after `,` or a group space, then at most one `.` decimal part.
///
/// A plain space groups too ("20 000 people"), when the first group has at most
/// three digits and the number does not follow a month ("March 5 200 people" is
/// a date and a count): a group of exactly three digits is never a number alone.
fn digits_end(text: &str, start: usize, after_month: bool) -> usize {
    let bytes = text.as_bytes();
    let run = |from: usize| {
        from + bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut end = run(start);
    // Indian grouping (lakh, crore): groups of two before the last three,
    // "2,36,730", "1,20,00,000"; at most six (a lakh crore has five), so a
    // long run of them costs no more than any other digits.
    let group_at =
        |k: usize, len: usize| bytes.get(k) == Some(&b',') && run(k + 1) - (k + 1) == len;
    let mut pairs_end = end;
    while end - start <= 2 && pairs_end - end < 3 * 6 && group_at(pairs_end, 2) {
        pairs_end += 3;
    }
    if pairs_end > end && group_at(pairs_end, 3) && !group_at(pairs_end + 4, 3) {
        end = pairs_end + 4;
    } else {
        let plain_space_groups = end - start <= 3 && !after_month;
        loop {
            let rest = &text[end..];
            let separator = match rest.chars().next() {
                Some(',') => 1,
                Some(' ') if plain_space_groups => 1,
                Some(c) if is_group_space(c) => c.len_utf8(),
                _ => break,
            };
            let group = run(end + separator) - (end + separator);
            if group == 3 {
                end += separator + 3;
            } else {
                break;
            }
        }
    }
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = run(end + 1);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn reads_indian_digit_grouping_as_one_number() {
        assert_eq!(
            texts("lost by 2,36,730 votes"),
            ["lost", "by", "2,36,730", "votes"]
        );
        assert_eq!(texts("1,20,00,000 voters"), ["1,20,00,000", "voters"]);
        // Not when Western groups follow the pairs.
        assert_eq!(texts("1,20,300,000"), ["1", ",", "20,300,000"]);
        assert_eq!(texts("12,345,678"), ["12,345,678"]);
    }

    #[test]
    fn splits_words_digits_and_symbols() {
        let cases: &[(&str, &[&str])] = &[
            ("killed 32 people", &["killed", "32", "people"]),
            (
                "€21 billion ($24 billion)",
                &["€", "21", "billion", "(", "$", "24", "billion", ")"],
            ),
            ("1,000,000.5 and 4.5.", &["1,000,000.5", "and", "4.5", "."]),
            (
                "a three-hour meeting",
                &["a", "three", "-", "hour", "meeting"],
            ),
            ("Russia’s 20%", &["Russia’s", "20", "%"]),
            (
                "1,00 and 12,3456",
                &["1", ",", "00", "and", "12", ",", "3456"],
            ),
            ("20\u{202F}000 troops", &["20\u{202F}000", "troops"]),
            ("20 000 people", &["20 000", "people"]),
            ("March 5 200 people", &["March", "5", "200", "people"]),
            ("in 2014 150 people", &["in", "2014", "150", "people"]),
            ("‘quoted’ don't", &["‘", "quoted", "’", "don't"]),
        ];
        for (text, want) in cases {
            assert_eq!(&texts(text), want, "lexing {text:?}");
        }
    }

    #[test]
    fn non_letters_agrees_with_the_byte_table() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let letters = 0x6161_6161_6161_6161 & !(0xFF << (8 * at)); // "aaaaaaaa"
                let chunk = (u64::from(b) << (8 * at)) | letters;
                let stop = non_letters(chunk);
                assert_eq!(stop == 0, ASCII_LETTER[usize::from(b)], "{b:#x} at {at}");
                if stop != 0 {
                    assert_eq!(stop.trailing_zeros() / 8, at, "{b:#x} at {at}");
                }
            }
        }
    }

    #[test]
    fn records_spacing_and_line_breaks() {
        let text = "F-16\nnext";
        let toks = tokens(text);
        assert!(!toks[1].space_before && !toks[2].space_before);
        assert!(toks[3].space_before && toks[3].newline_before);
    }

    #[test]
    fn lowercase_copy_keeps_offsets() {
        let text = Text::new("Zelenskyy’s BILLION “Quoted”");
        let words: Vec<&str> = tokens(&text).iter().map(|t| t.lower(&text)).collect();
        assert_eq!(words, ["zelenskyy’s", "billion", "“", "quoted", "”"]);
    }
}
