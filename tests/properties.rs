//! Properties that hold for every input: no panic, spans that slice back to their
//! text on char boundaries, UTF-16 offsets that match the text, intervals from
//! low to high, deterministic reading, and groups and verdicts that do not depend
//! on the order of reports or of a group's members.
//!
//! Inputs come from two generators: arbitrary Unicode, and text built from a
//! news-like alphabet (numbers, qualifiers, currencies, dashes, quotes, emoji,
//! combining marks, RTL text), which reaches the reader's number paths far more
//! often. A negative control shows the UTF-16 property can fail, and plain tests
//! cover the adversarial inputs the issue names. Those small enough also live in
//! tests/regressions/ and are replayed by tests/regressions.rs.

#[path = "support/invariants.rs"]
mod invariants;

use factmark::{Kind, Report, MAX_REPORT_BYTES};
use invariants::{
    check_claims, check_names_and_dates, check_read, check_reports, group_shapes, other_order,
    utf16_matches,
};
use proptest::prelude::*;

/// Pieces of news text, chosen to meet the reader's qualifiers, numbers, units
/// and the characters that make UTF-8 and UTF-16 offsets differ.
const PIECES: &[&str] = &[
    "more than",
    "over",
    "above",
    "surpassed",
    "exceeded",
    "at least",
    "no fewer than",
    "less than",
    "under",
    "fewer than",
    "below",
    "just under",
    "nearly",
    "almost",
    "just over",
    "about",
    "around",
    "roughly",
    "some",
    "approximately",
    "up to",
    "between",
    "and",
    "a",
    "the",
    "half",
    "and a half",
    "one",
    "two",
    "three",
    "four",
    "twelve",
    "thirty",
    "twenty-one",
    "three-hour",
    "30-day",
    "hundred",
    "thousand",
    "million",
    "billion",
    "thousands",
    "hundreds",
    "dozens",
    "a dozen",
    "tens of thousands",
    "several",
    "a few",
    "third",
    "21st",
    "hours",
    "days",
    "weeks",
    "years",
    "people",
    "killed",
    "regions",
    "meetings",
    "rounds",
    "per cent",
    "percent",
    "%",
    "€",
    "$",
    "£",
    "USD",
    "EUR",
    "dollars",
    "euros",
    "(",
    ")",
    "–",
    "—",
    "-",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    ",",
    ".",
    ";",
    ":",
    "…",
    "\n",
    "\n\n",
    "\t",
    " ",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "\u{0}",
    "according to",
    "TASS reported",
    "said",
    "Healey announced",
    "Friday",
    "(April 11)",
    "April",
    "March 31",
    "2025-04-12",
    "early 2022",
    "in Kyiv",
    "in Istanbul",
    "Share this story",
    "ADVERTISING",
    "Operation Sindoor",
    "1e400",
    "½",
    "¾",
    "٣",
    "١٢٣",
    "e\u{301}",
    "\u{301}",
    "\u{20dd}",
    "😀",
    "👍🏽",
    "🇺🇦",
    "👨‍👩‍👧",
    "\u{200f}",
    "\u{202e}",
    "مرحبا",
    "שלום",
    "\u{10ffff}",
    "\u{fffd}",
    "Ⅻ",
    "２０",
    "𝟒",
];

/// A number as news writes it: digits with thousands separators and decimals.
const NUMBER: &str = "[0-9]{1,4}([,.][0-9]{1,3}){0,3}|[0-9]{1,3}(,[0-9]{3}){1,3}(\\.[0-9]{1,2})?";

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => proptest::string::string_regex(NUMBER).expect("valid regex"),
    ]
}

fn news_text() -> impl Strategy<Value = String> {
    let separator = prop::sample::select(&[" ", " ", " ", "", "\n", "-", "–"][..]);
    prop::collection::vec((piece(), separator), 0..48).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(piece, separator)| piece + separator)
            .collect::<String>()
    })
}

fn unicode_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..200).prop_map(|chars| chars.into_iter().collect())
}

fn assert_reads(text: &str) -> Result<(), TestCaseError> {
    check_read(text).map_err(|why| TestCaseError::fail(format!("{why}\ninput: {text:?}")))?;
    Ok(())
}

fn assert_checks(texts: &[String]) -> Result<(), TestCaseError> {
    let reports: Vec<Report> = texts
        .iter()
        .enumerate()
        .map(|(n, t)| Report::new(format!("r{n}"), t.as_str()))
        .collect();
    check_reports(&reports)
        .map_err(|why| TestCaseError::fail(format!("{why}\ninputs: {texts:?}")))?;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_unicode_reads_cleanly(text in unicode_text()) {
        assert_reads(&text)?;
    }

    #[test]
    fn news_like_text_reads_cleanly(text in news_text()) {
        assert_reads(&text)?;
    }

    #[test]
    fn groups_do_not_depend_on_report_order(texts in prop::collection::vec(news_text(), 1..5)) {
        assert_checks(&texts)?;
    }

    #[test]
    fn arbitrary_unicode_checks_cleanly(texts in prop::collection::vec(unicode_text(), 1..4)) {
        assert_checks(&texts)?;
    }
}

/// Sentences that give the same quantities of the same events, so that several
/// reports built from them form groups; `{q}` is a qualifier, `{n}` and `{m}` numbers.
const SENTENCES: &[&str] = &[
    "Witkoff met Putin in St. Petersburg on April 11.",
    "The talks lasted {q}{n} hours, TASS reported.",
    "At the meeting in Brussels on April 11, allies pledged {q}€{n} billion in new military aid.",
    "At the meeting in Brussels on April 11, allies pledged {q}€{n} billion (${m} billion) in new military aid.",
    "At the meeting in Brussels on April 11, allies pledged {q}${m} billion in new military aid.",
    "{q}{n} people were killed in the strike on Kyiv on April 24, officials said.",
    "Russia controls {q}{n}% of Ukraine's territory, according to RIA Novosti.",
    "Tens of thousands of people rallied in Belgrade on March 15, police said.",
    "A crowd of {q}{n},000 people rallied in Belgrade on March 15.",
    "It was the {n}th time the two officials have met.",
];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::sample::select(SENTENCES),
        prop::sample::select(QUALIFIERS),
        1u32..40,
        1u32..40,
    )
        .prop_map(|(template, q, n, m)| {
            template
                .replace("{q}", q)
                .replace("{n}", &n.to_string())
                .replace("{m}", &m.to_string())
        })
}

fn templated_report() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 1..5).prop_map(|sentences| sentences.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Reports built from sentences about the same events form groups, so this
    /// reaches alignment and verdicts far more often than random text does.
    #[test]
    fn grouped_reports_do_not_depend_on_report_order(texts in prop::collection::vec(templated_report(), 2..6)) {
        assert_checks(&texts)?;
    }
}

/// Report names as pages and manifests give them: empty, repeated, already
/// suffixed, non-ASCII, bidi, very long.
const NAMES: &[&str] = &[
    "",
    "X",
    "X",
    "X (2)",
    "Reuters",
    "Süddeutsche Zeitung",
    "新华社",
    "\u{202e}أخبار\u{202c} 👩‍👩‍👧",
    "a name of a hundred and twenty characters, as a CMS that puts a whole headline into data-name would give it, say......",
];

/// Publication dates: real days, with times and zones (some moving the day),
/// and dates that must count as none.
const DATES: &[Option<&str>] = &[
    None,
    Some("2025-04-11"),
    Some("2025-04-12"),
    Some("2025-04-11 09:30"),
    Some("2025-04-11T23:30-05:00"),
    Some("2025-04-12T00:10+01:00"),
    Some("2025-04-11T12:00:59.999Z"),
    Some("2024-02-29"),
    Some("2025-02-30"),
    Some("9999-99-99"),
    Some("0000-01-01T00:00+00:01"),
    Some("2025-04-11 noon"),
    Some(""),
];

fn named_dated_report() -> impl Strategy<Value = Report> {
    (
        prop::sample::select(NAMES),
        prop::sample::select(DATES),
        templated_report(),
    )
        .prop_map(|(name, date, text)| Report {
            name: name.to_string(),
            date: date.map(str::to_string),
            text,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Names come back unique, dates as given when real (else the dateline's),
    /// and groups do not depend on the order of the reports (reports of one
    /// name keep theirs, which decides who gets the name and who "name (2)").
    #[test]
    fn named_and_dated_reports_keep_the_invariants(reports in prop::collection::vec(named_dated_report(), 1..6)) {
        check_reports(&reports).map_err(|why| TestCaseError::fail(format!("{why}\ninputs: {reports:?}")))?;
    }
}

/// Negative controls: the name and date properties catch a name that is not
/// the given one made unique, and a date that is not the given one.
#[test]
fn name_and_date_properties_fail_when_tampered() {
    let reports = [
        Report {
            name: "X".into(),
            date: Some("2025-04-11T23:30-05:00".into()),
            text: talks("", 4),
        },
        Report::new("X", talks("about ", 4)),
    ];
    let check = factmark::check(&reports).unwrap();
    assert_eq!(check_names_and_dates(&reports, &check), Ok(()));
    assert_eq!(check.reports[0].date.as_deref(), Some("2025-04-12"));
    assert_eq!(check.reports[1].name, "X (2)");

    let mut renamed = check.clone();
    renamed.reports[1].name = "X 2".into();
    assert!(check_names_and_dates(&reports, &renamed).is_err());
    let mut redated = check.clone();
    redated.reports[0].date = Some("2025-04-11".into());
    assert!(check_names_and_dates(&reports, &redated).is_err());
    let mut retimed = check;
    retimed.reports[0].time = None;
    assert!(check_names_and_dates(&reports, &retimed).is_err());
}

/// The other order reverses the reports but keeps those of one name in theirs.
#[test]
fn other_order_keeps_reports_of_one_name_in_order() {
    let reports: Vec<Report> = ["X", "Y", "X", "Z"]
        .iter()
        .map(|name| Report::new(*name, ""))
        .collect();
    assert_eq!(other_order(&reports), [3, 0, 1, 2]);
}

/// Qualifiers whose intervals overlap, nest or miss each other around a figure.
const QUALIFIERS: &[&str] = &[
    "",
    "more than ",
    "at least ",
    "less than ",
    "just under ",
    "nearly ",
    "just over ",
    "about ",
    "up to ",
    "around ",
];

/// Two reports of the same talks, each giving the length with a qualifier.
fn talks(qualifier: &str, hours: u32) -> String {
    format!("Witkoff met Putin in St. Petersburg on April 11. The talks lasted {qualifier}{hours} hours, TASS reported.")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Two reports of one talks' length group the same way whichever report
    /// comes first (so whichever member comes first); the same figure stated
    /// plainly in both always forms one group (different figures may stay
    /// apart: the fitted threshold trades such recall for precision).
    #[test]
    fn verdict_does_not_depend_on_member_order(
        qa in prop::sample::select(QUALIFIERS), a in 1u32..8,
        qb in prop::sample::select(QUALIFIERS), b in 1u32..8,
    ) {
        let (ta, tb) = (talks(qa, a), talks(qb, b));
        let ab = factmark::check(&[Report::new("a", ta.as_str()), Report::new("b", tb.as_str())]).unwrap();
        let ba = factmark::check(&[Report::new("b", tb.as_str()), Report::new("a", ta.as_str())]).unwrap();
        // The dates of the talks form a group of their own.
        if a == b && qa.is_empty() && qb.is_empty() {
            let lengths: Vec<_> = ab.groups.iter().filter(|g| g.kind == Kind::Duration).collect();
            prop_assert_eq!(lengths.len(), 1, "the two talks figures should form one group: {:?}", ab.groups);
            prop_assert_eq!(lengths[0].members.len(), 2);
        }
        prop_assert_eq!(group_shapes(&ab), group_shapes(&ba));
    }
}

/// Negative control: the UTF-16 property catches a converter that passes byte
/// offsets through unchanged, on a text where an em dash comes before the claim.
#[test]
fn utf16_property_fails_for_byte_offsets() {
    let text = "Talks — more than four hours";
    let mut claims = factmark::read_claims("control", text).unwrap();
    assert!(!claims.is_empty(), "the control text must yield a claim");
    assert_eq!(check_claims(text, &claims), Ok(()));

    let claim = &claims[0];
    assert!(
        !utf16_matches(text, claim.byte_range().start, claim.byte_range().start),
        "a byte offset after an em dash is not a UTF-16 offset"
    );
    for claim in &mut claims {
        claim.utf16_start = claim.byte_start;
        claim.utf16_end = claim.byte_end;
    }
    assert!(
        check_claims(text, &claims).is_err(),
        "byte offsets used as UTF-16 must fail the property"
    );
}

/// Negative control: the order property catches groups that change with the order.
#[test]
fn order_property_fails_when_groups_differ() {
    let reports = [
        Report::new("a", talks("more than ", 4)),
        Report::new("b", talks("", 4)),
    ];
    let forward = factmark::check(&reports).unwrap();
    let mut tampered = forward.clone();
    tampered.groups[0].members.pop();
    assert_ne!(group_shapes(&forward), group_shapes(&tampered));
}

fn reads_cleanly(text: &str) {
    if let Err(why) = check_read(text) {
        panic!(
            "{why}\ninput starts: {:?}",
            text.chars().take(80).collect::<String>()
        );
    }
    let reports = [
        Report::new("a", text),
        Report::new("b", talks("about ", 4)),
        Report::new("c", text),
    ];
    if let Err(why) = check_reports(&reports) {
        panic!(
            "{why}\ninput starts: {:?}",
            text.chars().take(80).collect::<String>()
        );
    }
}

#[test]
fn ten_thousand_digit_number() {
    reads_cleanly(&format!("The talks lasted {} hours.", "9".repeat(10_000)));
}

#[test]
fn number_beyond_f64() {
    reads_cleanly("The toll rose to 1e400 people, and then 1e400.");
}

#[test]
fn ten_thousand_commas() {
    reads_cleanly(&format!("More than 1{}000 people.", ",".repeat(10_000)));
    reads_cleanly(&",".repeat(10_000));
}

#[test]
fn five_thousand_qualifiers_before_a_number() {
    reads_cleanly(&format!(
        "The talks lasted {}four hours.",
        "more than ".repeat(5_000)
    ));
}

#[test]
fn emoji_combining_marks_and_rtl_around_a_number() {
    let text = "👨‍👩‍👧 🇺🇦 Cafe\u{301} — «مرحبا» \u{200f}שלום\u{202e} more than 4\u{301} hours 😀 and €21 billion (👍🏽 $24 billion)";
    reads_cleanly(text);
    let claims = factmark::read_claims("rtl", text).unwrap();
    assert!(
        claims.iter().any(|c| c.text.contains("21 billion")),
        "the euro amount after RTL text is read: {claims:?}"
    );
}

#[test]
fn lone_euro_sign() {
    reads_cleanly("€");
    reads_cleanly("€ ");
    reads_cleanly("(€)");
}

/// The cap is inclusive: a report of exactly MAX_REPORT_BYTES is read, one byte
/// more is refused with an error naming the report.
#[test]
fn report_size_cap() {
    // Spaces in between keep the test quick in a debug build; the claims at both
    // ends show the whole text is read.
    let line = "The talks lasted more than four hours.";
    let mut text = String::with_capacity(MAX_REPORT_BYTES + 1);
    text.push_str(line);
    text.extend(std::iter::repeat_n(' ', MAX_REPORT_BYTES - 2 * line.len()));
    text.push_str(line);
    assert_eq!(text.len(), MAX_REPORT_BYTES);
    let claims = factmark::read_claims("at-cap", &text).expect("a report at the cap is read");
    assert_eq!(claims.len(), 2, "{claims:?}");
    assert_eq!(claims[1].byte_range().end, MAX_REPORT_BYTES - ".".len());
    assert_eq!(check_claims(&text, &claims), Ok(()));
    drop(claims);

    text.push('x');
    match factmark::read_claims("over-cap", &text) {
        Err(factmark::Error::ReportTooLarge { report, bytes }) => {
            assert_eq!((report.as_str(), bytes), ("over-cap", MAX_REPORT_BYTES + 1));
        }
        other => panic!(
            "one byte over the cap must be refused, got {:?}",
            other.map(|c| c.len())
        ),
    }
}

/// The check's JSON text (what the widget parses, src/json.rs) reads back as
/// JSON with every report's name and every claim's id, report and text as the
/// check holds them, whatever the names and texts contain (control characters,
/// quotes, backslashes, bidi marks, emoji).
fn json_reads_back(reports: &[Report]) -> Result<(), TestCaseError> {
    let check = factmark::check(reports).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let text = factmark::json::to_string(&check, 0);
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| TestCaseError::fail(format!("not JSON ({e}): {text}")))?;
    for (n, read) in check.reports.iter().enumerate() {
        let got = &value["reports"][n];
        prop_assert_eq!(got["name"].as_str(), Some(read.name.as_str()));
        for (k, claim) in read.claims.iter().enumerate() {
            let got = &got["claims"][k];
            let id = claim.id();
            prop_assert_eq!(got["id"].as_str(), Some(id.as_str()));
            prop_assert_eq!(got["report"].as_str(), Some(&*claim.report));
            prop_assert_eq!(got["text"].as_str(), Some(claim.text.as_str()));
            prop_assert_eq!(got["byteEnd"].as_u64(), Some(u64::from(claim.byte_end)));
        }
    }
    prop_assert_eq!(
        value["groups"].as_array().map(Vec::len),
        Some(check.groups.len())
    );
    Ok(())
}

fn unicode_named_report() -> impl Strategy<Value = Report> {
    (unicode_text(), unicode_text()).prop_map(|(name, text)| Report::new(name, text))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn check_json_reads_back(reports in prop::collection::vec(
        prop_oneof![named_dated_report(), unicode_named_report()], 1..4)
    ) {
        json_reads_back(&reports)?;
    }
}
