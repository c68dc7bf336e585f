//! The `factmark` command: prints the claims of report files, checks them
//! against each other, or scores factmark on a labelled corpus. The JSON it
//! prints is a contract (README, "JSON output").
//!
//! Exit codes: 0 when every file was read; 1 when some file or manifest entry
//! could not be read (each gets a one-line message on stderr, the others are
//! still reported), or a score fell below its baseline; 2 for a usage error.

mod annotation;
mod files;
mod pretty;
mod score;

use factmark::json::{self, ToJson};
use factmark::{Check, ReportClaims};
use files::{FileError, Source};
use serde::Serialize;
use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "\
usage: factmark claims [--manifest FILE] [--] [FILE...]
       factmark check [--json | --format table|json|web-annotation] [--manifest FILE] [--] [FILE...]
       factmark score [--undated] [--details] [--pairs FILE] [--threshold T] [--json] [--baseline FILE [--update-baseline]] DIR...
       factmark --help

  claims       every file's claims, as JSON
  check        groups and verdicts across the files: a table, or JSON with --json,
               or with --format web-annotation the groups a reader sees marked
               (not plain agreement, not a part of a whole) as W3C Web
               Annotations (JSON-LD)
  score        scores factmark on clusters of labelled reports (tests/corpus/news/GUIDE.md)

  --manifest FILE  a CSV file with a header naming the columns file, name and date
                   (more columns are ignored): each file's report name and its
                   publication date, YYYY-MM-DD or YYYY-MM-DD HH:MM; paths are
                   relative to the manifest's folder
  --undated        score only without the reports' dates (default: with and without)
  --details        print each error under its cluster: misread figures, wrong
                   highlights, missed conflicts, joined pairs
  --pairs FILE     write the alignment features of every pair of labelled figures
                   (with reports dated) for scripts/fit_weights.py
  --threshold T    group at this pair probability instead of the fitted one
                   (scripts/fit_weights.py chooses the threshold with it)
  --baseline FILE  exit 1 when a figure falls below the committed baseline
  --update-baseline  raise the baseline's figures where the scores are better
  --               ends the options: every later argument is a file";

/// How `check` prints its result.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Table,
    Json,
    WebAnnotation,
}

/// The parsed command line.
struct Options {
    command: String,
    json: bool,
    format: Format,
    manifest: Option<OsString>,
    undated: bool,
    details: bool,
    pairs: Option<OsString>,
    threshold: Option<f64>,
    baseline: Option<OsString>,
    update_baseline: bool,
    paths: Vec<OsString>,
}

fn main() -> ExitCode {
    let options = match parse(std::env::args_os().skip(1).collect()) {
        Ok(Some(options)) => options,
        Ok(None) => {
            let mut out = std::io::stdout().lock();
            return exit_on_write(writeln!(out, "{USAGE}"), 0);
        }
        Err(why) => {
            say(&format!("{why}\n{USAGE}"));
            return ExitCode::from(2);
        }
    };
    if options.command == "score" {
        return score::run(&options);
    }
    let mut sources: Vec<Source> = Vec::new();
    let mut errors: Vec<FileError> = Vec::new();
    if let Some(manifest) = &options.manifest {
        let (listed, bad) = files::from_manifest(manifest);
        sources.extend(listed);
        errors.extend(bad);
    }
    sources.extend(options.paths.iter().map(Source::from_path));
    let (reports, paths, read_errors) = files::read_all(sources);
    errors.extend(read_errors);
    for e in &errors {
        say(&format!("factmark: {}: {}", e.file, e.message));
    }
    let mut failed = !errors.is_empty();
    let printed = match options.command.as_str() {
        "claims" => {
            let mut reports_out = Vec::with_capacity(reports.len());
            for r in &reports {
                // `files::read_all` already enforced the size cap; a report of
                // more figures than prose holds is left out, and said so.
                match factmark::read_claims(&r.name, &r.text) {
                    Ok(claims) => reports_out.push(ReportClaims::new(
                        r.name.clone(),
                        r.date.as_deref(),
                        claims,
                    )),
                    Err(e) => {
                        say(&format!("factmark: {e}"));
                        errors.push(files::FileError {
                            file: r.name.clone(),
                            message: e.to_string(),
                        });
                        failed = true;
                    }
                }
            }
            print_output(&reports_out, None, &errors)
        }
        _ => match factmark::check(&reports) {
            Ok(check) if options.format == Format::WebAnnotation => {
                let texts: Vec<&str> = reports.iter().map(|r| r.text.as_str()).collect();
                let paths: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
                print_json(&annotation::collection(&check, &texts, &paths))
            }
            Ok(check) if options.json || options.format == Format::Json => {
                print_output(&check.reports, Some(&check.groups), &errors)
            }
            Ok(check) => print_table(&check),
            Err(e) => {
                say(&format!("factmark: {e}"));
                return ExitCode::from(1);
            }
        },
    };
    exit_on_write(printed, if failed { 1 } else { 0 })
}

/// Reads the arguments; `Ok(None)` asks for the usage text.
fn parse(args: Vec<OsString>) -> Result<Option<Options>, String> {
    let mut args = args.into_iter();
    let command = match args.next() {
        None => return Err("factmark: no command given".into()),
        Some(c) if c == "--help" || c == "-h" || c == "help" => return Ok(None),
        Some(c) => c.to_string_lossy().into_owned(),
    };
    if !matches!(command.as_str(), "claims" | "check" | "score") {
        return Err(format!(
            "factmark: unknown command {}",
            files::shown(&command)
        ));
    }
    let mut options = Options {
        command,
        json: false,
        format: Format::Table,
        manifest: None,
        undated: false,
        details: false,
        pairs: None,
        threshold: None,
        baseline: None,
        update_baseline: false,
        paths: Vec::new(),
    };
    let mut options_end = false;
    while let Some(arg) = args.next() {
        let flag = arg.to_str().filter(|a| !options_end && a.starts_with("--"));
        let scoring = options.command == "score";
        match flag {
            None => options.paths.push(arg),
            Some("--") => options_end = true,
            Some("--help") => return Ok(None),
            Some("--json") if options.command != "claims" => options.json = true,
            Some("--format") if options.command == "check" => {
                options.format = match args.next().as_ref().and_then(|f| f.to_str()) {
                    Some("table") => Format::Table,
                    Some("json") => Format::Json,
                    Some("web-annotation") => Format::WebAnnotation,
                    _ => {
                        return Err("factmark: --format takes table, json or web-annotation".into())
                    }
                }
            }
            Some("--manifest") if !scoring => {
                options.manifest = Some(args.next().ok_or("factmark: --manifest needs a file")?)
            }
            Some("--undated") if scoring => options.undated = true,
            Some("--details") if scoring => options.details = true,
            Some("--pairs") if scoring => {
                options.pairs = Some(args.next().ok_or("factmark: --pairs needs a file")?)
            }
            Some("--threshold") if scoring => {
                let value = args.next().ok_or("factmark: --threshold needs a number")?;
                let t = value
                    .to_str()
                    .and_then(|v| v.parse::<f64>().ok())
                    .filter(|t| (0.0..=1.0).contains(t));
                options.threshold =
                    Some(t.ok_or("factmark: --threshold needs a number from 0 to 1")?);
            }
            Some("--baseline") if scoring => {
                options.baseline = Some(args.next().ok_or("factmark: --baseline needs a file")?)
            }
            Some("--update-baseline") if scoring => options.update_baseline = true,
            Some(other) => {
                return Err(format!(
                    "factmark: {} is not an option of {}",
                    files::shown(other),
                    options.command
                ))
            }
        }
    }
    if options.paths.is_empty() && options.manifest.is_none() {
        return Err(format!("factmark: {} needs files", options.command));
    }
    if options.update_baseline && options.baseline.is_none() {
        return Err("factmark: --update-baseline needs --baseline FILE".into());
    }
    Ok(Some(options))
}

/// One line on stderr; a closed stderr is ignored (there is nowhere left to say it).
pub(crate) fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// The exit code after printing: a failed write (a closed pipe, a full disk)
/// is an error, exit 1.
fn exit_on_write(printed: std::io::Result<()>, code: u8) -> ExitCode {
    match printed.and_then(|()| std::io::stdout().lock().flush()) {
        Ok(()) => ExitCode::from(code),
        Err(e) => {
            say(&format!("factmark: cannot write output: {e}"));
            ExitCode::from(1)
        }
    }
}

fn print_json<T: Serialize>(value: &T) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    out.flush()
}

/// Prints `{ reports, groups, errors }` (`claims` has no groups), laid out as
/// [`print_json`] lays out its values, one report or group at a time.
fn print_output(
    reports: &[ReportClaims],
    groups: Option<&[factmark::Group]>,
    errors: &[FileError],
) -> std::io::Result<()> {
    let mut out = pretty::Pretty::new(std::io::stdout().lock());
    out.push_str("{\"reports\":");
    push_each(&mut out, reports);
    if let Some(groups) = groups {
        out.push_str(",\"groups\":");
        push_each(&mut out, groups);
    }
    out.push_str(",\"errors\":");
    out.push_str(&serde_json::to_string(errors).unwrap_or_else(|_| "[]".to_string()));
    out.push_str("}");
    out.finish()
}

/// `items` as a JSON array, one item's compact text at a time.
fn push_each<W: Write>(out: &mut pretty::Pretty<W>, items: &[impl ToJson]) {
    out.push_str("[");
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            out.push_str(",");
        }
        out.push_str(&json::to_string(item, 0));
    }
    out.push_str("]");
}

/// The readable form of `check`: one block per group that is not plain agreement
/// first, then agreements, one line each.
fn print_table(check: &Check) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let claims: std::collections::HashMap<String, &factmark::Claim> = check
        .reports
        .iter()
        .flat_map(|r| &r.claims)
        .map(|c| (c.id(), c))
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
    out.flush()
}
