//! The `factmark` command: prints the claims of report files, or checks them
//! against each other. The JSON it prints is a contract (README, "JSON output").
//!
//! Exit codes: 0 when every file was read; 1 when some file could not be read
//! (each gets a one-line message on stderr, the others are still reported);
//! 2 for a usage error.

use factmark::{Check, Report, ReportClaims};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: factmark claims FILE...\n       factmark check [--json] FILE...";

/// A file that could not be read, and why.
#[derive(Serialize)]
struct FileError {
    file: String,
    message: String,
}

#[derive(Serialize)]
struct ClaimsOutput {
    reports: Vec<ReportClaims>,
    errors: Vec<FileError>,
}

#[derive(Serialize)]
struct CheckOutput {
    #[serde(flatten)]
    check: Check,
    errors: Vec<FileError>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => return usage(),
    };
    let json = rest.iter().any(|a| a == "--json");
    let files: Vec<&String> = rest.iter().filter(|a| *a != "--json").collect();
    if files.is_empty() || !matches!(command, "claims" | "check") || (json && command == "claims") {
        return usage();
    }
    let (reports, errors) = read_files(&files);
    for e in &errors {
        eprintln!("factmark: {}: {}", e.file, e.message);
    }
    let printed = match command {
        "claims" => {
            let mut reports_out = Vec::with_capacity(reports.len());
            for r in &reports {
                // read_files already enforced the size cap, so this cannot fail.
                let claims = factmark::read_claims(&r.name, &r.text).unwrap_or_default();
                let date = r.date.clone().or_else(|| factmark::read::dateline(&claims));
                reports_out.push(ReportClaims {
                    name: r.name.clone(),
                    date,
                    claims,
                });
            }
            print_json(&ClaimsOutput {
                reports: reports_out,
                errors,
            })
        }
        _ => match factmark::check(&reports) {
            Ok(check) if json => print_json(&CheckOutput { check, errors }),
            Ok(check) => print_table(&check),
            Err(e) => {
                eprintln!("factmark: {e}");
                return ExitCode::from(1);
            }
        },
    };
    if let Err(e) = printed {
        eprintln!("factmark: cannot write output: {e}");
        return ExitCode::from(1);
    }
    let failed = files.len() - reports.len();
    ExitCode::from(if failed > 0 { 1 } else { 0 })
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// Reads every file it can; the others get a message naming the file and the reason.
fn read_files(files: &[&String]) -> (Vec<Report>, Vec<FileError>) {
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    for &file in files {
        match read_file(file) {
            Ok(text) => reports.push(Report::new(file.clone(), text)),
            Err(message) => errors.push(FileError {
                file: file.clone(),
                message,
            }),
        }
    }
    (reports, errors)
}

fn read_file(file: &str) -> Result<String, String> {
    let metadata = std::fs::metadata(file).map_err(|e| describe(&e))?;
    if metadata.is_dir() {
        return Err("is a directory, not a report file".into());
    }
    if metadata.len() > factmark::MAX_REPORT_BYTES as u64 {
        return Err(format!(
            "is {} bytes, over the limit of {} bytes",
            metadata.len(),
            factmark::MAX_REPORT_BYTES
        ));
    }
    let bytes = std::fs::read(file).map_err(|e| describe(&e))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot be read: {e}"),
    }
}

fn print_json<T: Serialize>(value: &T) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)
}

/// The readable form of `check`: one block per group that is not plain agreement
/// first, then agreements, one line each.
fn print_table(check: &Check) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let claims: std::collections::HashMap<&str, &factmark::Claim> = check
        .reports
        .iter()
        .flat_map(|r| &r.claims)
        .map(|c| (c.id.as_str(), c))
        .collect();
    let claim_count: usize = check.reports.iter().map(|r| r.claims.len()).sum();
    writeln!(
        out,
        "{} reports, {} claims, {} groups",
        check.reports.len(),
        claim_count,
        check.groups.len()
    )?;
    let mut groups: Vec<&factmark::Group> = check.groups.iter().collect();
    groups.sort_by_key(|g| g.verdict == factmark::Verdict::Agreement);
    for group in groups {
        writeln!(out, "\n{:?} — {}", group.verdict, group.subject)?;
        for member in &group.members {
            if let Some(claim) = claims.get(member.claim.as_str()) {
                let source = claim
                    .source
                    .as_deref()
                    .map(|s| format!(" (source: {s})"))
                    .unwrap_or_default();
                writeln!(out, "  {}: \"{}\"{}", claim.report, claim.text, source)?;
            }
        }
        writeln!(out, "  {}", group.explanation)?;
    }
    Ok(())
}
