//! The invariants every input must keep, written once and used by the property
//! tests, the regression replay and the fuzz targets (which include this file by
//! path). Each check returns `Err(why)` instead of panicking, so a negative
//! control can show that it fails on a wrong value.

#![allow(dead_code)]

use factmark::{Check, Claim, Group, Interval, Published, Report, ReportClaims};
use std::collections::{BTreeSet, HashMap, VecDeque};

/// True when `utf16` is the UTF-16 length of `text[..byte]`, counted directly
/// from the text rather than through factmark's own converter.
pub fn utf16_matches(text: &str, byte: usize, utf16: usize) -> bool {
    text.get(..byte)
        .is_some_and(|prefix| prefix.encode_utf16().count() == utf16)
}

/// The UTF-16 offset of every char boundary of `text` (`None` inside a char),
/// counted directly from the text rather than through factmark's own converter:
/// one pass, so checking many claims stays linear.
pub fn utf16_offsets(text: &str) -> Vec<Option<usize>> {
    let mut offsets = vec![None; text.len() + 1];
    let mut utf16 = 0;
    for (byte, c) in text.char_indices() {
        offsets[byte] = Some(utf16);
        utf16 += c.len_utf16();
    }
    offsets[text.len()] = Some(utf16);
    offsets
}

/// Spans lie on char boundaries, slice back to the claim's text and carry the
/// right UTF-16 offsets; every interval runs from low to high.
pub fn check_claims(text: &str, claims: &[Claim]) -> Result<(), String> {
    let utf16 = utf16_offsets(text);
    for claim in claims {
        let std::ops::Range { start, end } = claim.byte_range();
        if start > end || end > text.len() {
            return Err(format!(
                "{}: span {start}..{end} outside 0..{}",
                claim.id(),
                text.len()
            ));
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(format!(
                "{}: span {start}..{end} not on char boundaries",
                claim.id()
            ));
        }
        if text[start..end] != claim.text {
            return Err(format!(
                "{}: span {start}..{end} is {:?}, claim text is {:?}",
                claim.id(),
                &text[start..end],
                claim.text
            ));
        }
        let (utf16_start, utf16_end) = (claim.utf16_start as usize, claim.utf16_end as usize);
        if utf16[start] != Some(utf16_start) || utf16[end] != Some(utf16_end) {
            return Err(format!(
                "{}: UTF-16 span {}..{} does not match bytes {start}..{end}",
                claim.id(),
                claim.utf16_start,
                claim.utf16_end
            ));
        }
        let conversions = claim.conversions.iter().map(|c| &c.value);
        for value in claim.value.iter().chain(conversions) {
            check_interval(value).map_err(|why| format!("{}: {why}", claim.id()))?;
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

/// Checks a set of reports: every report's claims keep the span invariants;
/// its name is the one given, or that name with " (n)" when it was taken
/// (names and claim ids are unique); its date is the one given when that is a
/// real date (with its time), else its dateline's, else none; every group
/// member names a claim, groups hold at least two distinct claims, their
/// values run from low to high and their confidence is a probability. Then
/// checks the reports again in another order (reversed, except that reports
/// of one name keep their order among themselves, which decides who gets the
/// name and who "name (2)") and asks for the same groups, claim for claim,
/// with the same verdicts.
pub fn check_reports(reports: &[Report]) -> Result<Check, String> {
    for report in reports {
        if let Some(date) = &report.date {
            check_published(date)?;
        }
    }
    let forward = factmark::check(reports).map_err(|e| format!("check failed: {e}"))?;
    check_names_and_dates(reports, &forward)?;
    for (report, read) in reports.iter().zip(&forward.reports) {
        check_claims(&report.text, &read.claims)
            .map_err(|why| format!("report {:?}: {why}", read.name))?;
    }
    check_groups(&forward.reports, &forward.groups)?;

    let order = other_order(reports);
    let permuted: Vec<Report> = order.iter().map(|&i| reports[i].clone()).collect();
    let backward =
        factmark::check(&permuted).map_err(|e| format!("check (reordered) failed: {e}"))?;
    let identity: Vec<usize> = (0..reports.len()).collect();
    let (a, b) = (
        placed_groups(&forward, &identity),
        placed_groups(&backward, &order),
    );
    if a != b {
        return Err(format!(
            "groups depend on report order ({order:?}):\n  given:     {a:?}\n  reordered: {b:?}"
        ));
    }
    Ok(forward)
}

/// The reports' indices reversed, except that reports sharing a name keep
/// their relative order (so each gets the same unique name as before).
pub fn other_order(reports: &[Report]) -> Vec<usize> {
    // Each name's reports in the given order, handed out to the places that
    // the reversed order gives that name.
    let mut of_name: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, report) in reports.iter().enumerate() {
        of_name
            .entry(report.name.as_str())
            .or_default()
            .push_back(i);
    }
    (0..reports.len())
        .rev()
        .map(|i| {
            of_name
                .get_mut(reports[i].name.as_str())
                .and_then(VecDeque::pop_front)
                .expect("one index per report")
        })
        .collect()
}

/// A group as a set of places in the reports as given: for each member, the
/// index of its report in the given order and its byte span; and the verdict.
/// `order[j]` is the given index of the `j`th report checked.
pub type PlacedGroup = (Vec<(usize, usize, usize)>, String);

pub fn placed_groups(check: &Check, order: &[usize]) -> BTreeSet<PlacedGroup> {
    let mut place = HashMap::new();
    for (j, read) in check.reports.iter().enumerate() {
        for claim in &read.claims {
            place.insert(
                claim.id(),
                (order[j], claim.byte_range().start, claim.byte_range().end),
            );
        }
    }
    check
        .groups
        .iter()
        .map(|group| {
            let mut members: Vec<(usize, usize, usize)> = group
                .members
                .iter()
                .map(|m| {
                    place
                        .get(m.claim.as_str())
                        .copied()
                        .unwrap_or((usize::MAX, 0, 0))
                })
                .collect();
            members.sort();
            (members, format!("{:?}", group.verdict))
        })
        .collect()
}

/// Names are the given ones or "given (n)", unique, and every claim carries its
/// report's name and a unique id; dates and times are the given date's when it
/// is a real one, else the dateline's.
pub fn check_names_and_dates(reports: &[Report], check: &Check) -> Result<(), String> {
    if check.reports.len() != reports.len() {
        return Err(format!(
            "{} reports given, {} read",
            reports.len(),
            check.reports.len()
        ));
    }
    let mut names = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for (report, read) in reports.iter().zip(&check.reports) {
        let suffixed = read
            .name
            .strip_prefix(report.name.as_str())
            .and_then(|rest| rest.strip_prefix(" ("))
            .and_then(|rest| rest.strip_suffix(')'))
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n >= 2);
        if read.name != report.name && !suffixed {
            return Err(format!(
                "report {:?} was named {:?}",
                report.name, read.name
            ));
        }
        if !names.insert(read.name.as_str()) {
            return Err(format!("two reports named {:?}", read.name));
        }
        for claim in &read.claims {
            if *claim.report != *read.name {
                return Err(format!(
                    "claim {:?} of report {:?} names report {:?}",
                    claim.id(),
                    read.name,
                    claim.report
                ));
            }
            if !ids.insert(claim.id()) {
                return Err(format!("two claims with id {:?}", claim.id()));
            }
        }
        let given = report.date.as_deref().and_then(Published::parse);
        let want = given.or_else(|| factmark::read::dateline(&read.claims));
        if read.published != want {
            return Err(format!(
                "report {:?} dated {:?} was published {:?}, not {want:?}",
                read.name, report.date, read.published
            ));
        }
        let (date, time) = (want.map(|p| p.iso_date()), want.and_then(|p| p.iso_time()));
        if read.date != date || read.time != time {
            return Err(format!(
                "report {:?} dated {:?} reads as {:?} {:?}, not {date:?} {time:?}",
                read.name, report.date, read.date, read.time
            ));
        }
        if let Some(date) = &read.date {
            if Published::parse(date).map(|p| p.day) != want.map(|p| p.day) {
                return Err(format!(
                    "report {:?}: its date {date:?} does not read back as the same day",
                    read.name
                ));
            }
        }
    }
    Ok(())
}

/// A publication date that reads is a real day and minute, and writing it out
/// as ISO 8601 in UTC reads back the same; reading twice gives the same.
pub fn check_published(text: &str) -> Result<(), String> {
    let Some(published) = Published::parse(text) else {
        return Ok(());
    };
    if Published::parse(text) != Some(published) {
        return Err(format!("date {text:?} reads differently twice"));
    }
    if published.minute.is_some_and(|m| m >= 24 * 60) {
        return Err(format!(
            "date {text:?} reads as minute {:?}",
            published.minute
        ));
    }
    let day = Published::parse(&published.iso_date());
    if day.map(|p| p.day) != Some(published.day) {
        return Err(format!(
            "date {text:?} is written {:?}, which reads as {day:?}",
            published.iso_date()
        ));
    }
    if let Some(time) = published.iso_time() {
        let written = format!("{}T{time}Z", published.iso_date());
        if Published::parse(&written) != Some(published) {
            return Err(format!(
                "date {text:?} is written {written:?}, which reads as {:?}, not {published:?}",
                Published::parse(&written)
            ));
        }
    }
    Ok(())
}

/// Every group member names a claim of the reports (once per group), groups
/// hold at least two claims, values run from low to high, confidence is a
/// probability, and a claim is in at most one group of one quantity.
pub fn check_groups(reports: &[ReportClaims], groups: &[Group]) -> Result<(), String> {
    let ids: BTreeSet<String> = reports
        .iter()
        .flat_map(|r| r.claims.iter().map(factmark::Claim::id))
        .collect();
    let mut grouped = BTreeSet::new();
    for group in groups {
        if group.members.len() < 2 {
            return Err(format!(
                "group {} has {} member(s)",
                group.id,
                group.members.len()
            ));
        }
        if !(0.0..=1.0).contains(&group.confidence) {
            return Err(format!(
                "group {} has confidence {}",
                group.id, group.confidence
            ));
        }
        let mut members = BTreeSet::new();
        for member in &group.members {
            if !ids.contains(member.claim.as_str()) {
                return Err(format!(
                    "group {} names unknown claim {}",
                    group.id, member.claim
                ));
            }
            if !members.insert(member.claim.as_str()) {
                return Err(format!(
                    "group {} holds claim {} twice",
                    group.id, member.claim
                ));
            }
            if group.verdict.is_one_quantity() && !grouped.insert(member.claim.as_str()) {
                return Err(format!(
                    "claim {} is in two groups of one quantity (one is {})",
                    member.claim, group.id
                ));
            }
            check_interval(&member.value)
                .map_err(|why| format!("group {} member {}: {why}", group.id, member.claim))?;
        }
    }
    Ok(())
}

/// Where fuzz input and regression files split into reports: ASCII record separator.
pub const REPORT_SEPARATOR: char = '\u{1e}';
/// Where a report's name and date end, in fuzz input and regression files:
/// ASCII unit separator.
pub const FIELD_SEPARATOR: char = '\u{1f}';

/// Splits fuzz input into at most `most` reports on [`REPORT_SEPARATOR`] (the
/// last report keeps any further separators). A report holding
/// [`FIELD_SEPARATOR`] is `name␟text` or `name␟date␟text` (the date as given,
/// even when empty; the text keeps any further unit separators); one without is
/// its text alone, named `r0`, `r1` … by its place, with no date.
pub fn parse_reports(text: &str, most: usize) -> Vec<Report> {
    text.splitn(most, REPORT_SEPARATOR)
        .enumerate()
        .map(|(n, part)| {
            let fields: Vec<&str> = part.splitn(3, FIELD_SEPARATOR).collect();
            match fields[..] {
                [name, date, text] => Report {
                    name: name.to_string(),
                    date: Some(date.to_string()),
                    text: text.to_string(),
                },
                [name, text] => Report::new(name, text),
                _ => Report::new(format!("r{n}"), part),
            }
        })
        .collect()
}
