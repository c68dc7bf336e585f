//! Reads one report and checks the span invariants of every claim (see
//! tests/support/invariants.rs). Inputs over 64 KiB are skipped: size is
//! covered by tests/properties.rs, and small inputs keep the fuzzer fast.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

const MAX_INPUT: usize = 64 << 10;

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(why) = invariants::check_read(text) {
        panic!("{why}");
    }
});
