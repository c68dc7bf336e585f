//! The invariants every input must keep, written once and used by the property
//! tests, the regression replay and the fuzz targets (which include this file by
//! path). Each check returns `Err(why)` instead of panicking, so a negative
//! control can show that it fails on a wrong value.

#![allow(dead_code)]

use factmark::{Check, Claim, Interval, Report};
use std::collections::BTreeSet;

/// True when `utf16` is the UTF-16 length of `text[..byte]`, counted directly
/// from the text rather than through factmark's own converter.
pub fn utf16_matches(text: &str, byte: usize, utf16: usize) -> bool {
    text.get(..byte)
        .is_some_and(|prefix| prefix.encode_utf16().count() == utf16)
}

/// Spans lie on char boundaries, slice back to the claim's text and carry the
/// right UTF-16 offsets; every interval runs from low to high.
pub fn check_claims(text: &str, claims: &[Claim]) -> Result<(), String> {
    for claim in claims {
        let (start, end) = (claim.byte_start, claim.byte_end);
        if start > end || end > text.len() {
            return Err(format!(
                "{}: span {start}..{end} outside 0..{}",
                claim.id,
                text.len()
            ));
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(format!(
                "{}: span {start}..{end} not on char boundaries",
                claim.id
            ));
        }
        if text[start..end] != claim.text {
            return Err(format!(
                "{}: span {start}..{end} is {:?}, claim text is {:?}",
                claim.id,
                &text[start..end],
                claim.text
            ));
        }
        if !utf16_matches(text, start, claim.utf16_start)
            || !utf16_matches(text, end, claim.utf16_end)
        {
            return Err(format!(
                "{}: UTF-16 span {}..{} does not match bytes {start}..{end}",
                claim.id, claim.utf16_start, claim.utf16_end
            ));
        }
        let conversions = claim.conversions.iter().map(|c| &c.value);
        for value in claim.value.iter().chain(conversions) {
            check_interval(value).map_err(|why| format!("{}: {why}", claim.id))?;
        }
    }
    Ok(())
}

/// Low is at most high when both are present, and neither is NaN.
pub fn check_interval(value: &Interval) -> Result<(), String> {
    if value.low.is_some_and(f64::is_nan) || value.high.is_some_and(f64::is_nan) {
        return Err(format!("NaN bound in {value:?}"));
    }
    match (value.low, value.high) {
        (Some(low), Some(high)) if low > high => Err(format!("low above high in {value:?}")),
        _ => Ok(()),
    }
}

/// Reads one text and checks its claims, and that a second reading is identical.
pub fn check_read(text: &str) -> Result<Vec<Claim>, String> {
    let claims =
        factmark::read_claims("input", text).map_err(|e| format!("read_claims failed: {e}"))?;
    check_claims(text, &claims)?;
    let again = factmark::read_claims("input", text)
        .map_err(|e| format!("second read_claims failed: {e}"))?;
    if again != claims {
        return Err("two readings of the same text differ".into());
    }
    Ok(claims)
}

/// A group as a set: its member claim ids (sorted) and its verdict, leaving out
/// its id and position, which follow the order of the reports.
pub type GroupShape = (Vec<String>, String);

pub fn group_shapes(check: &Check) -> BTreeSet<GroupShape> {
    check
        .groups
        .iter()
        .map(|group| {
            let mut members: Vec<String> = group.members.iter().map(|m| m.claim.clone()).collect();
            members.sort();
            (members, format!("{:?}", group.verdict))
        })
        .collect()
}

/// Checks the reports in the given and in reverse order: every report's claims
/// keep the span invariants, every group member names a claim, groups hold at
/// least two claims and their values run from low to high, and the reverse order
/// gives the same groups with the same verdicts.
pub fn check_reports(reports: &[Report]) -> Result<Check, String> {
    let forward = factmark::check(reports).map_err(|e| format!("check failed: {e}"))?;
    for (report, read) in reports.iter().zip(&forward.reports) {
        check_claims(&report.text, &read.claims)
            .map_err(|why| format!("report {}: {why}", report.name))?;
    }
    let ids: BTreeSet<&str> = forward
        .reports
        .iter()
        .flat_map(|r| r.claims.iter().map(|c| c.id.as_str()))
        .collect();
    for group in &forward.groups {
        if group.members.len() < 2 {
            return Err(format!(
                "group {} has {} member(s)",
                group.id,
                group.members.len()
            ));
        }
        for member in &group.members {
            if !ids.contains(member.claim.as_str()) {
                return Err(format!(
                    "group {} names unknown claim {}",
                    group.id, member.claim
                ));
            }
            check_interval(&member.value)
                .map_err(|why| format!("group {} member {}: {why}", group.id, member.claim))?;
        }
    }
    let reversed: Vec<Report> = reports.iter().rev().cloned().collect();
    let backward =
        factmark::check(&reversed).map_err(|e| format!("check (reversed) failed: {e}"))?;
    let (a, b) = (group_shapes(&forward), group_shapes(&backward));
    if a != b {
        return Err(format!(
            "groups depend on report order:\n  forward:  {a:?}\n  reversed: {b:?}"
        ));
    }
    Ok(forward)
}

/// Where fuzz input and regression files split into reports: ASCII record separator.
pub const REPORT_SEPARATOR: char = '\u{1e}';

/// Splits fuzz input into at most `most` reports on `separator`, named `r0`, `r1` ...
/// (the last report keeps any further separators).
pub fn split_reports(text: &str, separator: char, most: usize) -> Vec<Report> {
    text.splitn(most, separator)
        .enumerate()
        .map(|(n, part)| Report::new(format!("r{n}"), part))
        .collect()
}
