//! Stage 2: the shape of a report: sentences, paragraphs, quotations, page
//! furniture and the dateline.
//!
//! Why: what a number measures and who says it are both decided within its
//! sentence (or the quotation around it), numbers in share buttons and ad slots are
//! not claims, and a dateline is the report's publication date, never an event
//! date. Everything here is a list of token ranges found in one pass.

use crate::knowledge::words;
use crate::read::lex::{Text, Token, TokenKind};
use std::ops::Range;

/// A quotation: the tokens between an opening and a closing quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or of the last token of the paragraph
    /// when the quotation is never closed.
    pub close: usize,
}

#[derive(Debug, Default)]
pub struct Layout {
    /// Token ranges of sentences, in order, covering every token.
    pub sentences: Vec<Range<usize>>,
    /// For each sentence, the index of its paragraph (line).
    pub paragraph: Vec<usize>,
    /// For each sentence, whether its line is page furniture.
    pub furniture: Vec<bool>,
    pub quotes: Vec<Quote>,
    /// Tokens of a leading `date YYYY-MM-DD` dateline, when the report has one.
    pub dateline: Option<Range<usize>>,
    /// Tokens of a wire dateline before the story's first dash,
    /// "DNIPRO, Ukraine, March 5 (Reuters) -": a date there is the publication date.
    pub wire_dateline: Option<Range<usize>>,
}

impl Layout {
    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// The quotation holding token `i`, if any.
    pub fn quote_of(&self, i: usize) -> Option<&Quote> {
        let after = self.quotes.partition_point(|q| q.open < i);
        after
            .checked_sub(1)
            .map(|k| &self.quotes[k])
            .filter(|q| i < q.close)
    }
}

pub fn layout(text: &Text, tokens: &[Token]) -> Layout {
    let mut layout = Layout::default();
    let mut sentence_start = 0;
    let mut paragraph = 0;
    let mut line_start = 0;
    // Words of the line so far: counted here, in the one pass over the tokens.
    let mut line_words = 0;
    let mut open_quote: Option<usize> = None;
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 && token.newline_before {
            push_sentence(&mut layout, sentence_start..i, paragraph);
            close_lines(&mut layout, text, tokens, line_start..i, line_words);
            line_words = 0;
            if let Some(open) = open_quote.take() {
                layout.quotes.push(Quote { open, close: i - 1 });
            }
            sentence_start = i;
            line_start = i;
            paragraph += 1;
        }
        line_words += usize::from(token.is_word());
        // Quotation marks and sentence ends start with one of these bytes; most
        // symbols (commas, hyphens) are done with after one test.
        if token.kind == TokenKind::Symbol
            && matches!(
                text.as_bytes().get(token.start()),
                Some(b'"' | b'.' | b'!' | b'?' | 0xC2 | 0xE2)
            )
        {
            let symbol = token.text(text);
            match symbol {
                "“" | "«" | "„" => open_quote = Some(i),
                "”" | "»" => {
                    if let Some(open) = open_quote.take() {
                        layout.quotes.push(Quote { open, close: i });
                    }
                }
                "\"" => match open_quote.take() {
                    Some(open) => layout.quotes.push(Quote { open, close: i }),
                    None => open_quote = Some(i),
                },
                _ => {}
            }
            if ends_sentence(text, tokens, i) {
                push_sentence(&mut layout, sentence_start..i + 1, paragraph);
                sentence_start = i + 1;
            }
        }
    }
    if sentence_start < tokens.len() || layout.sentences.is_empty() {
        push_sentence(&mut layout, sentence_start..tokens.len(), paragraph);
    }
    close_lines(
        &mut layout,
        text,
        tokens,
        line_start..tokens.len(),
        line_words,
    );
    if let Some(open) = open_quote {
        layout.quotes.push(Quote {
            open,
            close: tokens.len().saturating_sub(1),
        });
    }
    layout.dateline = dateline(text, tokens);
    layout.wire_dateline = wire_dateline(text, tokens);
    layout
}

fn push_sentence(layout: &mut Layout, range: Range<usize>, paragraph: usize) {
    if range.is_empty() && !layout.sentences.is_empty() {
        return;
    }
    layout.sentences.push(range);
    layout.paragraph.push(paragraph);
}

/// Marks the sentences of one line (token range, with `words` words) as
/// furniture or not.
fn close_lines(
    layout: &mut Layout,
    text: &Text,
    tokens: &[Token],
    line: Range<usize>,
    words: usize,
) {
    let furniture = is_furniture(text, tokens, line.clone(), words);
    layout.furniture.resize(layout.sentences.len(), false);
    if furniture {
        for (k, sentence) in layout.sentences.iter().enumerate().rev() {
            if sentence.end <= line.start {
                break;
            }
            layout.furniture[k] = true;
        }
    }
}

/// The first bytes of `words::FURNITURE_PREFIXES`.
const FURNITURE_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    while k < words::FURNITURE_PREFIXES.len() {
        if let Some(&b) = words::FURNITURE_PREFIXES[k].as_bytes().first() {
            table[b as usize] = true;
        }
        k += 1;
    }
    table
};

/// Share buttons, ad slots, bylines and credit lines (see `words::FURNITURE_*`).
fn is_furniture(text: &Text, tokens: &[Token], line: Range<usize>, words: usize) -> bool {
    let (Some(first), Some(last)) = (
        tokens.get(line.start),
        line.end.checked_sub(1).and_then(|i| tokens.get(i)),
    ) else {
        return false;
    };
    if line.start >= line.end {
        return false;
    }
    let lower = text.lower_span(first.start(), last.end());
    // The lowercase copy against lowercase prefixes; most lines fail on the
    // first byte, and most of them at once.
    let first_byte = lower.as_bytes().first();
    let starts_with =
        |prefix: &str| first_byte == prefix.as_bytes().first() && lower.starts_with(prefix);
    let short = words <= 8;
    first_byte.is_some_and(|&b| FURNITURE_FIRST_BYTES[usize::from(b)])
        && words::FURNITURE_PREFIXES.iter().any(|prefix| {
            starts_with(prefix) && (short || !matches!(*prefix, "by " | "updated" | "published"))
        })
        || (words <= 30 && words::FURNITURE_PHRASES.iter().any(|p| lower.contains(p)))
}

/// True when the symbol token `i` ends a sentence: `.`, `!` or `?` followed by a
/// capital, a quotation mark, a digit or the end, and not closing an abbreviation
/// ("St.", "U.S.") or an initial.
fn ends_sentence(text: &Text, tokens: &[Token], i: usize) -> bool {
    let symbol = tokens[i].text(text);
    if !matches!(symbol, "." | "!" | "?" | "…") {
        return false;
    }
    let Some(next) = tokens.get(i + 1) else {
        return true;
    };
    if next.newline_before {
        return false; // the line break ends the sentence anyway
    }
    if !next.space_before {
        return false; // "U.S", "4.5", "!!!"
    }
    let next_text = next.text(text);
    let starts_sentence = next_text
        .chars()
        .next()
        .is_some_and(|c| crate::read::lex::is_capital(c) || c.is_ascii_digit())
        || matches!(next_text, "“" | "\"" | "‘" | "(");
    if !starts_sentence {
        return false;
    }
    if symbol == "." && i > 0 && tokens[i - 1].is_word() {
        let word = tokens[i - 1].text(text);
        let initial = word.chars().count() == 1 && word.chars().all(crate::read::lex::is_capital);
        if initial || words::is_abbreviation(tokens[i - 1].lower(text)) {
            return false;
        }
    }
    true
}

/// A report that opens with `date 2025-04-12` (as CMS exports often do) states
/// its publication date there.
fn dateline(text: &Text, tokens: &[Token]) -> Option<Range<usize>> {
    let first = tokens.first()?;
    if !first.is_word() || first.lower(text) != "date" {
        return None;
    }
    let is = |k: usize, kind: TokenKind| tokens.get(k).is_some_and(|t| t.kind == kind);
    let glued = |k: usize| tokens.get(k).is_some_and(|t| !t.space_before);
    let iso = is(1, TokenKind::Digits)
        && tokens[1].end() - tokens[1].start() == 4
        && (2..=5).all(glued)
        && tokens[2].is_symbol(text, '-')
        && is(3, TokenKind::Digits)
        && tokens[4].is_symbol(text, '-')
        && is(5, TokenKind::Digits);
    iso.then_some(1..6)
}

/// "KYIV —", "DNIPRO, Ukraine, March 5 (Reuters) -": a report opening with a
/// word in capitals and a dash within a dozen tokens on its first line.
fn wire_dateline(text: &Text, tokens: &[Token]) -> Option<Range<usize>> {
    let first = tokens.first()?;
    let word = first.text(text);
    let capitals = first.is_word()
        && word.chars().count() > 1
        && word.chars().all(|c| !c.is_ascii_lowercase());
    if !capitals {
        return None;
    }
    let dash = tokens
        .iter()
        .take(14)
        .enumerate()
        .take_while(|(k, t)| *k == 0 || !t.newline_before)
        .find(|(_, t)| matches!(t.text(text), "—" | "–" | "-") && t.space_before)?
        .0;
    Some(0..dash)
}
