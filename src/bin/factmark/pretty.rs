//! The CLI prints JSON indented, as serde_json's pretty printer does: the
//! core writes it compact (src/json.rs), and this lays it out again, so that
//! the CLI and the widget get the same text from one writer.

/// `compact` JSON text (no whitespace between tokens) laid out with two spaces
/// an indent, one field or element a line, and `": "` after each key; empty
/// objects and arrays stay `{}` and `[]`.
pub fn pretty(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() * 2);
    let mut depth = 0usize;
    let new_line = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.extend(std::iter::repeat_n(b' ', 2 * depth));
    };
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        i += 1;
        match byte {
            b'"' => {
                // The string whole, up to its closing quote (one not escaped).
                let mut end = i;
                while end < bytes.len() && bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                let end = (end + 1).min(bytes.len());
                out.push(byte);
                out.extend_from_slice(&bytes[i..end]);
                i = end;
            }
            b'{' | b'[' => {
                out.push(byte);
                if matches!(bytes.get(i), Some(b'}' | b']')) {
                    out.push(bytes[i]);
                    i += 1;
                } else {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(byte);
            }
            b',' => {
                out.push(byte);
                new_line(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(byte),
        }
    }
    // Only ASCII bytes were added between whole UTF-8 sequences.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::pretty;

    #[test]
    fn lays_out_as_serde_json_does() {
        let value = serde_json::json!({
            "a": [1, {"b": "x:{,}\"]"}, [], {}],
            "c": {"d": null, "e": [true, 2.5]},
            "f": "é",
        });
        let compact = serde_json::to_string(&value).expect("compact");
        let expected = serde_json::to_string_pretty(&value).expect("pretty");
        assert_eq!(pretty(&compact), expected);
    }
}
