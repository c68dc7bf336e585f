//! Splits the input into at most 8 reports on the byte 0x1E (ASCII record
//! separator) and runs `check` on them in both orders, asserting the invariants
//! of tests/support/invariants.rs.

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
    let reports = invariants::split_reports(text, invariants::REPORT_SEPARATOR, MAX_REPORTS);
    if let Err(why) = invariants::check_reports(&reports) {
        panic!("{why}");
    }
});
