//! Alignment alone, on many claims and at any threshold: the first byte picks
//! the threshold of average linkage (the fitted one, 0, 1, negative, NaN,
//! infinite, or a step between 0 and 1), the second how many copies of the
//! reports to align (1 to 32, each a day later than the one before, so that
//! a dimension can pass the size compared pair by pair and be compared in
//! windows); the rest is read as the `check` target reads its input. Runs
//! `factmark::align::groups_at` and asserts the group invariants of
//! tests/support/invariants.rs (`check_groups`).

#![no_main]

use factmark::{Published, ReportClaims};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

const MAX_INPUT: usize = 16 << 10;
const MAX_REPORTS: usize = 8;
const MAX_COPIES: usize = 8;
/// Copies stop when the claims reach this many (the cost of a run grows with
/// them, and windows start at 1,200 claims of one dimension).
const MAX_CLAIMS: usize = 200;

fn threshold(byte: u8) -> f64 {
    match byte {
        0 => factmark::align::weights::THRESHOLD,
        1 => 0.0,
        2 => 1.0,
        3 => -1.0,
        4 => f64::NAN,
        5 => f64::INFINITY,
        6 => f64::NEG_INFINITY,
        7 => f64::MIN_POSITIVE,
        8 => 1.0 + f64::EPSILON,
        b => f64::from(b - 9) / 246.0,
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 || data.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = std::str::from_utf8(&data[2..]) else {
        return;
    };
    let threshold = threshold(data[0]);
    let copies = usize::from(data[1]) % MAX_COPIES + 1;
    let reports = invariants::parse_reports(text, MAX_REPORTS);
    // Each report read once; its copies take its claims under another name.
    let originals: Vec<Vec<factmark::Claim>> = reports
        .iter()
        .map(|report| factmark::read_claims("", &report.text).expect("under the caps"))
        .collect();
    let mut read: Vec<ReportClaims> = Vec::new();
    let mut claims = 0;
    'copies: for copy in 0..copies {
        for (n, (report, original)) in reports.iter().zip(&originals).enumerate() {
            if claims >= MAX_CLAIMS {
                break 'copies;
            }
            // Unique names, so that claim ids are; each copy a day later.
            let name = format!("{n}.{copy}:{}", report.name);
            let date = report.date.as_deref().and_then(Published::parse).map(|p| {
                let later = Published {
                    day: p.day + copy as i64,
                    ..p
                };
                match later.iso_time() {
                    Some(time) => format!("{} {time}", later.iso_date()),
                    None => later.iso_date(),
                }
            });
            let mut found = original.clone();
            let shared: std::sync::Arc<str> = name.as_str().into();
            for claim in &mut found {
                claim.report = std::sync::Arc::clone(&shared);
            }
            claims += found.len();
            read.push(ReportClaims::new(name, date.as_deref(), found));
        }
    }
    let groups = factmark::align::groups_at(&read, threshold);
    if let Err(why) = invariants::check_groups(&read, &groups) {
        panic!("threshold {threshold}, {copies} copies: {why}");
    }
});
