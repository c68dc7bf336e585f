//! Memory per byte (issue 11): "1,1,1,…" once took ~470 bytes of memory per
//! byte of input, so the 64 MiB cap on a report allowed tens of GB. Every
//! adversarial pattern of tests/support/adversarial.rs is checked here under
//! a counting allocator, and either stops at the cap on figures per byte
//! ([`factmark::BYTES_PER_CLAIM`], a clean error) or peaks at most
//! [`MAX_MULTIPLE`] times its input above what was allocated before. Counted
//! allocations, not resident memory: the figure is the same on every machine
//! and in debug and release builds. One test in this binary, so that no other
//! test allocates meanwhile.

#[path = "support/adversarial.rs"]
mod adversarial;

use factmark::{Error, Report};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The documented bound (README, "Limits"; DESIGN.md, "Limits and known gaps"):
/// peak memory of a check, over its input's bytes. The patterns measure 4
/// (digits) to 60 (nospace, where "€21billion($24billion)" is a figure too;
/// 73 before the eleventh session's leaner pairs, neighbour lists, tokens and
/// claim ids); before the cap and the leaner pairs, "1,1,1,…" took 1,500 and
/// nospace 250. Each claim costs about 470 bytes and its ~16 pairs about 32
/// bytes each, so a text at the cap's density (one figure per 16 bytes)
/// could reach some 65: the bound holds that with room for a little growth.
const MAX_MULTIPLE: usize = 80;
/// Input per pattern: enough for the cap on figures to apply to "ones"
/// (its floor is 1,000 figures), small enough for a debug build.
const SIZE: usize = 200_000;

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = NOW.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        NOW.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, size) };
        if !q.is_null() {
            if size >= layout.size() {
                grew(size - layout.size());
            } else {
                NOW.fetch_sub(layout.size() - size, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The check of `reports`, and the most it had allocated at once beyond what
/// was allocated before it.
fn peak_of_check(reports: &[Report]) -> (Result<(), Error>, usize) {
    let before = NOW.load(Relaxed);
    PEAK.store(before, Relaxed);
    let result = factmark::check(reports).map(|check| {
        std::hint::black_box(&check);
    });
    (result, PEAK.load(Relaxed) - before)
}

#[test]
fn check_peaks_at_a_small_multiple_of_its_input_or_stops_at_the_cap() {
    // The tables built on first use are not the input's: build them first.
    let warm = [Report::new(
        "warm",
        "In Kharkiv, 12 people were killed on Friday, April 11, officials said; \
         the talks in Geneva lasted more than four hours and cost €21 billion ($24 billion).",
    )];
    peak_of_check(&warm).0.expect("a short report");
    let mut rows = Vec::new();
    let mut over = Vec::new();
    let mut capped = Vec::new();
    for (pattern, _) in adversarial::PATTERNS {
        let reports = adversarial::reports(pattern, SIZE);
        let bytes = adversarial::total_bytes(&reports);
        let (result, peak) = peak_of_check(&reports);
        let multiple = peak as f64 / bytes as f64;
        match result {
            Ok(()) => {
                rows.push(format!("{pattern}: {bytes} bytes, peak x{multiple:.1}"));
                if peak > MAX_MULTIPLE * bytes {
                    over.push(*pattern);
                }
            }
            Err(e @ Error::TooManyClaims { .. }) => {
                rows.push(format!(
                    "{pattern}: {bytes} bytes, capped at x{multiple:.1}: {e}"
                ));
                capped.push(*pattern);
                // Refused before alignment: a refusal costs less than a check.
                if peak > MAX_MULTIPLE * bytes {
                    over.push(*pattern);
                }
            }
            Err(other) => panic!("{pattern}: unexpected error {other}"),
        }
    }
    println!("{}", rows.join("\n"));
    assert!(
        over.is_empty(),
        "over x{MAX_MULTIPLE}: {over:?}\n{}",
        rows.join("\n")
    );
    assert_eq!(capped, ["ones"], "{}", rows.join("\n"));
}
