//! Adversarial report sets of a given size, written once and used by the
//! linear-time smoke test (tests/adversarial.rs, small sizes) and by the
//! reliability run (examples/stress.rs, 1, 10 and 100 MB; scripts/reliability.sh).
//!
//! Each pattern aims at one way a reader of numbers can go non-linear: a digit
//! run that never ends, a qualifier chain that never reaches its number, a
//! numeral made of words that never ends, a line with no space to break a token
//! on, many reports whose every claim falls into the same group, and one
//! paragraph whose every claim inherits a lead of many places; and "1,1,1,…",
//! more figures per byte than prose can state (refused by the cap on claims).
//!
//! One report never exceeds [`SPLIT_BYTES`] (50 MB, under the core's 64 MiB cap),
//! so the 100 MB sets of the single-text patterns are two reports of 50 MB.

#![allow(dead_code)]

use factmark::Report;

/// The largest report a pattern makes; bigger sets are split into several.
pub const SPLIT_BYTES: usize = 50_000_000;

/// Every pattern, by name, with what it is.
pub const PATTERNS: &[(&str, &str)] = &[
    (
        "digits",
        "10,000-digit numbers, each followed by \" people\"",
    ),
    (
        "qualifiers",
        "one endless \"more than more than …\" chain ending in \"four hours.\"",
    ),
    (
        "words",
        "number words with no punctuation (\"one hundred and twenty-three thousand …\")",
    ),
    (
        "nospace",
        "one line with no whitespace: figures, units, symbols and punctuation",
    ),
    (
        "repeat",
        "reports of ~1 KB, each repeating \"more than four hours\" 21 times",
    ),
    (
        "places",
        "one dated paragraph naming a new place in every sentence, with a count that names no concept",
    ),
    (
        "ones",
        "\"1,1,1,…\": a figure every two bytes (issue 11: once ~470 bytes of memory a byte)",
    ),
    (
        "joined",
        "one endless sentence of places joined by \"and\" (\"in Paris and London in Paris and …\")",
    ),
];

/// The reports of `pattern` holding about `bytes` bytes of text in all
/// (never more; the text of every report ends where a unit of the pattern ends).
pub fn reports(pattern: &str, bytes: usize) -> Vec<Report> {
    match pattern {
        "digits" => split(bytes, |n| {
            fill(n, "", |i| {
                format!("{}{} people. ", i % 9 + 1, "0".repeat(9_999))
            })
        }),
        "qualifiers" => split(bytes, |n| {
            let tail = "four hours.";
            let mut text = "more than ".repeat(n.saturating_sub(tail.len()) / 10);
            text.push_str(tail);
            text
        }),
        "words" => split(bytes, |n| {
            const WORDS: &str = "one hundred and twenty-three thousand four hundred and fifty-six million seven hundred eighty nine billion a dozen half ";
            fill(n, "", |_| WORDS.to_string())
        }),
        "nospace" => split(bytes, |n| {
            const UNIT: &str = "4hours,more-than-20%€21billion($24billion)1,000,000.5;";
            fill(n, "", |_| UNIT.to_string())
        }),
        "repeat" => {
            let report = "The talks in Geneva lasted more than four hours. ".repeat(21);
            let count = (bytes / report.len()).max(1);
            (0..count)
                .map(|i| Report::new(format!("r{i}"), report.clone()))
                .collect()
        }
        // Every claim inherits the whole paragraph as its lead (its places are
        // many), and counts that name no concept never group within a report,
        // so every bucket fills up.
        "places" => split(bytes, |n| {
            fill(n, "date 2025-04-12\n", |i| {
                format!(
                    "Shelling in Q{i:x} hit a school. Crews found {} passengers. ",
                    i % 90 + 2
                )
            })
        }),
        // The densest figures text can hold: one number every two bytes.
        "ones" => split(bytes, |n| "1,".repeat((n / 2).max(1))),
        // Each joined place asks whether a verb or figure came before it in
        // the sentence (once quadratic: 27 s on 540 KB).
        "joined" => split(bytes, |n| {
            let mut text = fill(n.saturating_sub(10), "Floods ", |_| {
                "in Paris and London ".to_string()
            });
            text.push_str("killed 5.");
            text
        }),
        other => panic!("unknown pattern {other:?}; known: {PATTERNS:?}"),
    }
}

/// Total bytes of text in `reports`.
pub fn total_bytes(reports: &[Report]) -> usize {
    reports.iter().map(|r| r.text.len()).sum()
}

/// One report of `bytes`, or several of at most SPLIT_BYTES each.
fn split(bytes: usize, make: impl Fn(usize) -> String) -> Vec<Report> {
    let count = bytes.div_ceil(SPLIT_BYTES).max(1);
    (0..count)
        .map(|i| Report::new(format!("part{i}"), make(bytes / count)))
        .collect()
}

/// `prefix` then units from `unit(0)`, `unit(1)`, … while they fit in `bytes`.
fn fill(bytes: usize, prefix: &str, unit: impl Fn(usize) -> String) -> String {
    let mut text = String::with_capacity(bytes);
    text.push_str(prefix);
    for i in 0.. {
        let next = unit(i);
        if text.len() + next.len() > bytes {
            break;
        }
        text.push_str(&next);
    }
    if text.is_empty() {
        // Smaller than one unit: still one number.
        text.push_str("4 hours.");
    }
    text
}
