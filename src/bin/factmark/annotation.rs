//! `factmark check --format web-annotation`: the groups a reader would see
//! highlighted (`Verdict::is_highlighted`: not plain agreement, and never a
//! part of a whole, which is context) as W3C Web
//! Annotations (<https://www.w3.org/TR/annotation-model/>), in one JSON-LD
//! AnnotationCollection.
//!
//! One Annotation per group: its body is the verdict (purpose `classifying`)
//! and the explanation (purpose `describing`); its targets are the members'
//! reports, each with a TextQuoteSelector (the figure, with up to 32
//! characters either side) and a TextPositionSelector (Unicode code points, as
//! the model counts them, not bytes). A report's source is its file as a
//! `file:` IRI. The widget's `handle.toWebAnnotations()` and the npm package's
//! `toWebAnnotations()` build the same annotations (www/factmark/annotations.js).

use factmark::Check;
use serde_json::{json, Value};
use std::path::Path;

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Characters of prefix and suffix in a TextQuoteSelector.
const QUOTE_CONTEXT: usize = 32;

/// The collection of annotations; `texts[i]` and `paths[i]` belong to `check.reports[i]`.
pub fn collection(check: &Check, texts: &[&str], paths: &[&Path]) -> Value {
    let mut claims = std::collections::HashMap::new();
    for (r, report) in check.reports.iter().enumerate() {
        for claim in &report.claims {
            claims.insert(claim.id(), (claim, r));
        }
    }
    let sources: Vec<String> = paths.iter().map(|p| file_iri(p)).collect();
    let mut items = Vec::new();
    for group in &check.groups {
        if !group.verdict.is_highlighted() {
            continue;
        }
        let targets: Vec<Value> = group
            .members
            .iter()
            .filter_map(|m| claims.get(m.claim.as_str()))
            .map(|&(claim, r)| {
                json!({
                    "type": "SpecificResource",
                    "source": sources[r],
                    "selector": selectors(texts[r], claim.byte_range()),
                })
            })
            .collect();
        let members: Vec<String> = group
            .members
            .iter()
            .map(|m| encode_component(&m.claim))
            .collect();
        let verdict = serde_json::from_str(&factmark::json::to_string(&group.verdict, 32))
            .unwrap_or(Value::Null);
        items.push(json!({
            "id": format!("urn:factmark:annotation:{}:{}", group.id, members.join(",")),
            "type": "Annotation",
            "motivation": "classifying",
            "body": [
                { "type": "TextualBody", "purpose": "classifying", "value": verdict },
                { "type": "TextualBody", "purpose": "describing", "value": group.explanation,
                  "format": "text/plain", "language": "en" },
            ],
            "target": targets,
        }));
    }
    let id = format!("urn:factmark:check:{:016x}", fnv1a(&sources.join("\n")));
    json!({
        "@context": CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "label": format!("factmark: figures stated differently across {} reports", check.reports.len()),
        "total": items.len(),
        "first": {
            "id": format!("{id}:page:1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}

/// The quote and position selectors of `text[start..end]` (byte offsets on char boundaries).
fn selectors(text: &str, std::ops::Range { start, end }: std::ops::Range<usize>) -> Value {
    let exact = text.get(start..end).unwrap_or("");
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let prefix: String = {
        let mut chars: Vec<char> = before.chars().rev().take(QUOTE_CONTEXT).collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let suffix: String = after.chars().take(QUOTE_CONTEXT).collect();
    let mut quote = json!({ "type": "TextQuoteSelector", "exact": exact });
    if !prefix.is_empty() {
        quote["prefix"] = Value::from(prefix);
    }
    if !suffix.is_empty() {
        quote["suffix"] = Value::from(suffix);
    }
    let position_start = before.chars().count();
    json!([
        quote,
        {
            "type": "TextPositionSelector",
            "start": position_start,
            "end": position_start + exact.chars().count(),
        }
    ])
}

/// `file:` IRI of a path (made absolute), its bytes percent-encoded outside
/// the unreserved set and `/`.
fn file_iri(path: &Path) -> String {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    });
    let text = absolute.to_string_lossy();
    let encoded: String = text
        .split('/')
        .map(encode_component)
        .collect::<Vec<_>>()
        .join("/");
    format!("file://{encoded}")
}

/// Percent-encodes like JavaScript's encodeURIComponent.
fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// FNV-1a, 64 bits: a stable id for the collection from its sources.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_code_points_and_quotes_keep_their_context() {
        let text = "Über 😀 talks lasted more than four hours, said RIA.";
        let start = text.find("more").unwrap();
        let end = start + "more than four hours".len();
        let s = selectors(text, start..end);
        assert_eq!(s[0]["exact"], "more than four hours");
        assert_eq!(s[0]["prefix"], "Über 😀 talks lasted ");
        assert_eq!(s[0]["suffix"], ", said RIA.");
        assert_eq!(s[1]["start"], 20);
        assert_eq!(s[1]["end"], 40);
    }

    #[test]
    fn iris_are_encoded() {
        assert_eq!(encode_component("Reuters (2)#3"), "Reuters%20(2)%233");
        assert!(file_iri(Path::new("/tmp/a b.txt")).starts_with("file:///tmp/a%20b.txt"));
    }
}
