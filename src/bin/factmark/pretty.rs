//! The CLI prints JSON indented, as serde_json's pretty printer does: the
//! core writes it compact (src/json.rs), one report or group at a time, and
//! this lays each piece out as it comes and writes it out, so that the CLI
//! and the widget get the same text from one writer and the CLI never holds
//! its whole output.

use std::io::{BufWriter, Write};

/// Compact JSON text in (no whitespace between tokens), laid out text out:
/// two spaces an indent, one field or element a line, `": "` after each
/// key; empty objects and arrays stay `{}` and `[]`.
pub struct Pretty<W: Write> {
    out: BufWriter<W>,
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// A `{` or `[` not written yet: whether it is empty shows at the next byte.
    opened: Option<u8>,
    /// The first write that failed; the rest are skipped.
    error: Option<std::io::Error>,
}

impl<W: Write> Pretty<W> {
    pub fn new(out: W) -> Self {
        Pretty {
            out: BufWriter::with_capacity(1 << 16, out),
            depth: 0,
            in_string: false,
            escaped: false,
            opened: None,
            error: None,
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        if self.error.is_none() {
            if let Err(e) = self.out.write_all(bytes) {
                self.error = Some(e);
            }
        }
    }

    /// A line break and the indent of the current depth, in one write where
    /// the depth is at most `INDENTED` levels.
    fn new_line(&mut self) {
        const INDENTED: usize = 16;
        const LINE: &[u8; 1 + 2 * INDENTED] = b"\n                                ";
        self.write(&LINE[..1 + 2 * self.depth.min(INDENTED)]);
        for _ in INDENTED..self.depth {
            self.write(b"  ");
        }
    }

    /// Ends the text with a line break and writes out what is buffered.
    pub fn finish(mut self) -> std::io::Result<()> {
        if let Some(open) = self.opened.take() {
            self.write(&[open]);
        }
        self.write(b"\n");
        match self.error.take() {
            Some(e) => Err(e),
            None => self.out.flush(),
        }
    }
}

impl<W: Write> Pretty<W> {
    /// The next piece of the compact text (pieces may split strings).
    pub fn push_str(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if self.in_string {
                // Up to and with the closing quote, as it is.
                let mut end = i;
                while end < bytes.len() && self.in_string {
                    if self.escaped {
                        self.escaped = false;
                        end += 1;
                        continue;
                    }
                    // Skip to the next backslash or quote.
                    let Some(n) = bytes[end..].iter().position(|&b| b == b'\\' || b == b'"') else {
                        end = bytes.len();
                        break;
                    };
                    end += n;
                    if bytes[end] == b'"' {
                        self.in_string = false;
                    } else {
                        self.escaped = true;
                    }
                    end += 1;
                }
                self.write(&bytes[i..end]);
                i = end;
                continue;
            }
            let byte = bytes[i];
            i += 1;
            if let Some(open) = self.opened.take() {
                if matches!((open, byte), (b'{', b'}') | (b'[', b']')) {
                    self.write(&[open, byte]);
                    continue;
                }
                self.write(&[open]);
                self.depth += 1;
                self.new_line();
            }
            match byte {
                b'"' => {
                    self.in_string = true;
                    self.write(b"\"");
                }
                b'{' | b'[' => self.opened = Some(byte),
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.new_line();
                    self.write(&[byte]);
                }
                b',' => {
                    self.write(b",");
                    self.new_line();
                }
                b':' => self.write(b": "),
                _ => {
                    // A number or a literal: up to the next structural byte.
                    let end = bytes[i..]
                        .iter()
                        .position(|b| matches!(b, b'"' | b'{' | b'[' | b'}' | b']' | b',' | b':'))
                        .map_or(bytes.len(), |n| i + n);
                    self.write(&bytes[i - 1..end]);
                    i = end;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lays_out_as_serde_json_does() {
        let value = serde_json::json!({
            "a": [1, {"b": "x:{,}\"]\\"}, [], {}],
            "c": {"d": null, "e": [true, 2.5]},
            "f": "é",
        });
        let compact = serde_json::to_string(&value).expect("compact");
        let mut out = Vec::new();
        let mut pretty = Pretty::new(&mut out);
        // In pieces that split strings and escapes, as the core's writer does.
        for piece in compact.as_bytes().chunks(3) {
            pretty.push_str(
                std::str::from_utf8(piece)
                    .unwrap_or_else(|_| panic!("the test's pieces split no character: {piece:?}")),
            );
        }
        pretty.finish().expect("written");
        let expected = serde_json::to_string_pretty(&value).expect("pretty") + "\n";
        assert_eq!(String::from_utf8(out).expect("UTF-8"), expected);
    }

    #[test]
    fn indents_past_the_prepared_depth() {
        // Twenty levels: deeper than the indent written in one piece.
        let mut value = serde_json::json!([12345, -6.5e-7, true]);
        for _ in 0..20 {
            value = serde_json::json!({ "k": [value, null] });
        }
        let compact = serde_json::to_string(&value).expect("compact");
        let mut out = Vec::new();
        let mut pretty = Pretty::new(&mut out);
        pretty.push_str(&compact);
        pretty.finish().expect("written");
        let expected = serde_json::to_string_pretty(&value).expect("pretty") + "\n";
        assert_eq!(String::from_utf8(out).expect("UTF-8"), expected);
    }
}
