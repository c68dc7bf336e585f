//! Replays every input kept in tests/regressions/ (fuzz finds and adversarial
//! cases; see its README) through `read_claims` and `check`, asserting the
//! invariants of tests/support/invariants.rs. Every failing file is listed
//! before the test fails.

#[path = "support/invariants.rs"]
mod invariants;

use invariants::{check_read, check_reports, parse_reports};
use std::path::Path;

/// The `check` fuzz target splits its input into at most this many reports.
const MAX_REPORTS: usize = 8;

#[test]
fn regression_inputs_keep_the_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/regressions/ exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.file_name().is_some_and(|name| name != "README.md"))
        .collect();
    paths.sort();
    assert!(
        !paths.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );

    let mut failures = Vec::new();
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy();
        let bytes = std::fs::read(path).expect("readable regression input");
        let Ok(text) = String::from_utf8(bytes) else {
            failures.push(format!("{name}: not UTF-8"));
            continue;
        };
        if let Err(why) = check_read(&text) {
            failures.push(format!("{name} (read_claims): {why}"));
        }
        if let Err(why) = check_reports(&parse_reports(&text, MAX_REPORTS)) {
            failures.push(format!("{name} (check): {why}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} regression inputs fail:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}
