//! Splits the input into at most 8 reports on the byte 0x1E (ASCII record
//! separator); a report holding the byte 0x1F (unit separator) opens with its
//! name, and with its publication date when it holds two (`name␟date␟text`), so
//! the fuzzer controls names (empty, repeated, non-ASCII, long) and dates (real,
//! impossible, garbage, with times and zones) as well as the text. Runs `check`
//! on them in two orders, asserting the invariants of
//! tests/support/invariants.rs (`check_reports`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

const MAX_INPUT: usize = 64 << 10;
const MAX_REPORTS: usize = 8;

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let reports = invariants::parse_reports(text, MAX_REPORTS);
    if let Err(why) = invariants::check_reports(&reports) {
        panic!("{why}");
    }
});
