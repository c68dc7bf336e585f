//! Times `check` on one adversarial report set, for scripts/reliability.sh:
//!
//!     cargo run --release --example stress -- PATTERN MB     # a pattern of --list
//!     cargo run --release --example stress -- over-cap WHAT  # report, total, count or claims
//!     cargo run --release --example stress -- --list         # the patterns: name TAB what
//!
//! Prints one JSON line: the pattern, bytes, reports, the median time of the
//! runs in ms (5 runs under 5 MB, 3 under 50 MB, else 1), claims, groups, the
//! process's peak resident memory in MB (Linux; null elsewhere), and `error`
//! (the core's message, or null). The sets come from tests/support/adversarial.rs.

#[path = "../tests/support/adversarial.rs"]
mod adversarial;

use factmark::Report;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (pattern, size) = match args.as_slice() {
        [list] if list == "--list" => {
            for (name, what) in adversarial::PATTERNS {
                println!("{name}\t{what}");
            }
            return;
        }
        [p, s] => (p.as_str(), s.as_str()),
        _ => {
            eprintln!(
                "usage: stress PATTERN MB | stress over-cap report|total|count|claims | stress --list"
            );
            std::process::exit(2);
        }
    };
    let (label, reports) = if pattern == "over-cap" {
        (format!("over-cap-{size}"), over_cap(size))
    } else {
        let mb: f64 = size.parse().expect("MB is a number");
        let reports = adversarial::reports(pattern, (mb * 1e6) as usize);
        (pattern.to_string(), reports)
    };
    let bytes = adversarial::total_bytes(&reports);
    let runs = if bytes < 5_000_000 {
        5
    } else if bytes < 50_000_000 {
        3
    } else {
        1
    };
    let mut times = Vec::with_capacity(runs);
    let mut outcome = Ok((0, 0));
    for _ in 0..runs {
        let started = Instant::now();
        let result = factmark::check(&reports);
        times.push(started.elapsed().as_secs_f64() * 1e3);
        outcome = result
            .map(|c| {
                let claims = c.reports.iter().map(|r| r.claims.len()).sum::<usize>();
                (claims, c.groups.len())
            })
            .map_err(|e| e.to_string());
    }
    times.sort_by(f64::total_cmp);
    let ms = times[times.len() / 2];
    let (claims, groups, error) = match outcome {
        Ok((c, g)) => (c.to_string(), g.to_string(), "null".to_string()),
        Err(e) => ("null".into(), "null".into(), format!("{e:?}")),
    };
    println!(
        "{{\"pattern\":\"{label}\",\"bytes\":{bytes},\"reports\":{},\"ms\":{ms:.2},\"runs\":{runs},\"claims\":{claims},\"groups\":{groups},\"peakMB\":{},\"error\":{error}}}",
        reports.len(),
        peak_rss_mb().map_or("null".into(), |m| format!("{m:.0}")),
    );
}

/// Inputs just past each documented cap.
fn over_cap(what: &str) -> Vec<Report> {
    match what {
        // One byte over MAX_REPORT_BYTES.
        "report" => vec![Report::new(
            "big",
            " ".repeat(factmark::MAX_REPORT_BYTES + 1),
        )],
        // Five reports under the per-report cap, over MAX_TOTAL_BYTES together.
        "total" => {
            let each = factmark::MAX_TOTAL_BYTES / 5 + 1;
            (0..5)
                .map(|i| Report::new(format!("r{i}"), " ".repeat(each)))
                .collect()
        }
        // One report more than MAX_REPORTS.
        "count" => (0..=factmark::MAX_REPORTS)
            .map(|i| Report::new(format!("r{i}"), "4 hours."))
            .collect(),
        // One report of 64 KB stating a figure every 4 bytes, over its
        // limit of one per BYTES_PER_CLAIM bytes.
        "claims" => vec![Report::new("table", "1,1,".repeat(16_000))],
        other => panic!("over-cap takes report, total, count or claims, not {other:?}"),
    }
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
