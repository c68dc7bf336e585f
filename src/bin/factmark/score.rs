//! `factmark score`: how well factmark does on clusters of real reports
//! labelled by hand (`tests/corpus/news/GUIDE.md` says how they are labelled).
//!
//! Each folder holding a `gold.json` is a cluster: its `.txt` articles (line 1
//! the outlet's name, then the text), `SOURCES.md` (each file's outlet and
//! publication date) and the labels. The scorer checks the cluster's reports
//! once with their dates and once without, and compares with the labels:
//!
//! - **claims read**: gold mentions read as a claim of the labelled kind of
//!   quantity (the amount claim overlapping the quote most, whose value can be
//!   said in the labelled unit), and **interval right**: those whose claim
//!   states the labelled interval in that unit (bounds within 0.2 %; whether
//!   an end is open is not compared);
//! - **grouping**: pairwise precision, recall and F1 over gold mentions (two
//!   mentions of one quantity in one group is a true pair; of two quantities, a
//!   false one);
//! - **conflicts flagged**: quantities labelled `conflict` two of whose mentions
//!   share a group the widget highlights;
//! - **wrong highlights**: highlighted groups touching the labels that join two
//!   quantities or call a quantity without a conflict a contradiction, as a
//!   share of all highlighted groups touching the labels (a reader's false alarm);
//! - **kept apart**: `must_not_align` pairs that share a group (should be 0).
//!
//! With `--baseline FILE` it exits 1 when a figure is worse than the committed
//! one (a ratchet); `--update-baseline` raises the file's figures where the
//! scores are better, and never lowers them.

use crate::{say, Options};
use factmark::{Claim, Interval, Report, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Gold {
    domain: String,
    quantities: Vec<Quantity>,
    must_not_align: Vec<Pair>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Quantity {
    #[allow(dead_code)] // read by people; checked by check_gold.py
    name: String,
    mentions: Vec<Mention>,
    conflict: bool,
    #[allow(dead_code)]
    why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Mention {
    file: String,
    quote: String,
    low: Option<f64>,
    high: Option<f64>,
    unit: String,
    #[allow(dead_code)]
    attribution: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    a: QuoteRef,
    b: QuoteRef,
    #[allow(dead_code)]
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteRef {
    file: String,
    quote: String,
}

/// One cluster, read and labelled.
struct Cluster {
    name: String,
    gold: Gold,
    /// By file name.
    articles: BTreeMap<String, Article>,
}

struct Article {
    name: String,
    date: Option<String>,
    full: String,
    /// Bytes of the header (outlet line and blank line) before the report text.
    header: usize,
}

/// The counts behind the figures; they add up over clusters.
#[derive(Default, Clone)]
struct Counts {
    mentions: usize,
    read: usize,
    right: usize,
    /// By dimension of the labelled unit: (mentions, right).
    by_dimension: BTreeMap<&'static str, (usize, usize)>,
    gold_pairs: usize,
    true_pairs: usize,
    predicted_pairs: usize,
    conflicts: usize,
    flagged: usize,
    highlighted: usize,
    wrong: usize,
    apart: usize,
    apart_joined: usize,
    /// With `--details`: each error, one line (not added up).
    details: Vec<String>,
    /// With `--pairs`: one row per pair of gold mentions that may be one
    /// quantity (label, then the features), for `scripts/fit_weights.py`.
    pairs: Vec<String>,
    /// Pairs of labelled mentions that a cannot-link keeps apart, by reason:
    /// how many are of one quantity (wrongly apart) and how many of two.
    split_by: BTreeMap<&'static str, (usize, usize)>,
    /// With `--pairs`: those pairs, one line each (written beside the pairs file).
    split: Vec<String>,
}

/// The figures a baseline holds: shares in 0..=1 except `apart_joined`.
#[derive(Serialize, Deserialize, Clone, Copy, Default)]
struct Figures {
    claims_read: f64,
    interval_right: f64,
    pair_precision: f64,
    pair_recall: f64,
    pair_f1: f64,
    conflicts_flagged: f64,
    wrong_highlights: f64,
    apart_joined: f64,
    /// The counts behind the conflict and highlight shares (not ratcheted).
    #[serde(default)]
    conflicts: usize,
    #[serde(default)]
    flagged: usize,
    #[serde(default)]
    highlighted: usize,
    #[serde(default)]
    wrong: usize,
}

/// Baseline: folder name → "dated" / "undated" → figures.
type Baseline = BTreeMap<String, BTreeMap<String, Figures>>;

pub fn run(options: &Options) -> ExitCode {
    let modes: &[bool] = if options.undated {
        &[false]
    } else {
        &[true, false]
    };
    let mut scored: Baseline = BTreeMap::new();
    let mut report = String::new();
    let mut pair_lines: Vec<String> = Vec::new();
    let mut split_lines: Vec<String> = Vec::new();
    let mut split: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut ok = true;
    for folder in &options.paths {
        let folder = Path::new(folder);
        let label = folder
            .file_name()
            .map_or("corpus".into(), |n| n.to_string_lossy().into_owned());
        let clusters = match load(folder) {
            Ok(clusters) => clusters,
            Err(e) => {
                say(&format!("factmark score: {e}"));
                ok = false;
                continue;
            }
        };
        for &dated in modes {
            let mode = if dated { "dated" } else { "undated" };
            let _ = writeln!(
                report,
                "\n{} ({} clusters), {mode}: reports {}",
                folder.display(),
                clusters.len(),
                if dated {
                    "carry their publication dates"
                } else {
                    "carry no dates"
                }
            );
            let _ = writeln!(
                report,
                "{:<42} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8} {:>8} {:>7}",
                "cluster", "read", "right", "P", "R", "F1", "flagged", "wrong", "apart"
            );
            let mut total = Counts::default();
            for cluster in &clusters {
                let how = How {
                    dated,
                    details: options.details,
                    pairs: options.pairs.is_some() && dated,
                    threshold: options.threshold,
                };
                let counts = match score(cluster, &how) {
                    Ok(counts) => counts,
                    Err(e) => {
                        say(&format!("factmark score: {}: {e}", cluster.name));
                        ok = false;
                        continue;
                    }
                };
                row(&mut report, &cluster.name, &counts);
                pair_lines.extend(counts.pairs.iter().cloned());
                split_lines.extend(counts.split.iter().cloned());
                for (reason, (one, two)) in &counts.split_by {
                    let sum = split.entry(*reason).or_default();
                    sum.0 += one;
                    sum.1 += two;
                }
                for line in &counts.details {
                    let _ = writeln!(report, "    {line}");
                }
                add(&mut total, &counts);
            }
            row(&mut report, "all", &total);
            let dims: Vec<String> = total
                .by_dimension
                .iter()
                .map(|(d, (n, right))| format!("{d} {right}/{n}"))
                .collect();
            let _ = writeln!(report, "interval right by dimension: {}", dims.join(", "));
            scored
                .entry(label.clone())
                .or_default()
                .insert(mode.to_string(), figures(&total));
        }
    }
    if options.json {
        match serde_json::to_string_pretty(&scored) {
            Ok(json) => println!("{json}"),
            Err(e) => say(&format!("factmark score: {e}")),
        }
    } else {
        print!("{report}");
    }
    if let Some(path) = &options.pairs {
        let header = std::iter::once("cluster\tsame".to_string())
            .chain(
                factmark::align::features::NAMES
                    .iter()
                    .map(|n| n.to_string()),
            )
            .chain(["a", "b", "quantity of a", "quantity of b"].map(String::from))
            .collect::<Vec<_>>()
            .join("\t");
        let text = std::iter::once(header)
            .chain(pair_lines)
            .collect::<Vec<_>>()
            .join("\n")
            + "\n";
        if let Err(e) = std::fs::write(path, text) {
            say(&format!(
                "factmark score: cannot write {}: {e}",
                Path::new(path).display()
            ));
            ok = false;
        }
        for (reason, (one, two)) in &split {
            say(&format!(
                "factmark score: {one} pairs of one quantity (and {two} of two) kept apart because {reason}"
            ));
        }
        let split_path = Path::new(path).with_extension("split.tsv");
        let _ = std::fs::write(&split_path, split_lines.join("\n") + "\n");
    }
    if let Some(path) = &options.baseline {
        ok &= ratchet(Path::new(path), &scored, options.update_baseline);
    }
    ExitCode::from(if ok { 0 } else { 1 })
}

/// Compares with the baseline; with `update`, raises its figures where these are
/// better and writes it back. True when nothing is worse.
fn ratchet(path: &Path, scored: &Baseline, update: bool) -> bool {
    let mut baseline: Baseline = match std::fs::read_to_string(path) {
        Ok(text) => match serde_json::from_str(&text) {
            Ok(b) => b,
            Err(e) => {
                say(&format!("factmark score: {}: {e}", path.display()));
                return false;
            }
        },
        Err(_) if update => BTreeMap::new(),
        Err(e) => {
            say(&format!("factmark score: {}: {e}", path.display()));
            return false;
        }
    };
    let mut ok = true;
    for (folder, modes) in scored {
        for (mode, now) in modes {
            let Some(was) = baseline.get(folder).and_then(|m| m.get(mode)).copied() else {
                if !update {
                    say(&format!("factmark score: the baseline has no figures for {folder} {mode}; run with --update-baseline"));
                    ok = false;
                }
                baseline
                    .entry(folder.clone())
                    .or_default()
                    .insert(mode.clone(), *now);
                continue;
            };
            let mut best = was;
            for (name, now_value, was_value, higher_is_better, slot) in [
                (
                    "claims read",
                    now.claims_read,
                    was.claims_read,
                    true,
                    &mut best.claims_read,
                ),
                (
                    "interval right",
                    now.interval_right,
                    was.interval_right,
                    true,
                    &mut best.interval_right,
                ),
                (
                    "pair precision",
                    now.pair_precision,
                    was.pair_precision,
                    true,
                    &mut best.pair_precision,
                ),
                (
                    "pair recall",
                    now.pair_recall,
                    was.pair_recall,
                    true,
                    &mut best.pair_recall,
                ),
                ("pair F1", now.pair_f1, was.pair_f1, true, &mut best.pair_f1),
                (
                    "conflicts flagged",
                    now.conflicts_flagged,
                    was.conflicts_flagged,
                    true,
                    &mut best.conflicts_flagged,
                ),
                (
                    "wrong highlights",
                    now.wrong_highlights,
                    was.wrong_highlights,
                    false,
                    &mut best.wrong_highlights,
                ),
                (
                    "pairs that must stay apart joined",
                    now.apart_joined,
                    was.apart_joined,
                    false,
                    &mut best.apart_joined,
                ),
            ] {
                let better = if higher_is_better {
                    now_value > was_value
                } else {
                    now_value < was_value
                };
                let worse = if higher_is_better {
                    now_value < was_value - 1e-9
                } else {
                    now_value > was_value + 1e-9
                };
                if worse {
                    say(&format!(
                        "factmark score: {folder} {mode}: {name} is {} against the baseline's {}",
                        shown(now_value),
                        shown(was_value)
                    ));
                    ok = false;
                }
                if better {
                    *slot = now_value;
                }
            }
            baseline
                .entry(folder.clone())
                .or_default()
                .insert(mode.clone(), best);
        }
    }
    if update {
        let written = serde_json::to_string_pretty(&baseline)
            .map_err(|e| e.to_string())
            .and_then(|json| std::fs::write(path, json + "\n").map_err(|e| e.to_string()));
        if let Err(e) = written {
            say(&format!(
                "factmark score: cannot write {}: {e}",
                path.display()
            ));
            return false;
        }
    }
    ok
}

/// A figure as the baseline stores it: three decimals.
fn rounded(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn shown(x: f64) -> String {
    format!("{x:.3}")
}

fn ratio(part: usize, whole: usize, empty: f64) -> f64 {
    if whole == 0 {
        empty
    } else {
        part as f64 / whole as f64
    }
}

fn figures(c: &Counts) -> Figures {
    // No predicted pair is no false pair: precision 1 (recall says the rest).
    let precision = ratio(c.true_pairs, c.predicted_pairs, 1.0);
    let recall = ratio(c.true_pairs, c.gold_pairs, 1.0);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Figures {
        claims_read: rounded(ratio(c.read, c.mentions, 1.0)),
        interval_right: rounded(ratio(c.right, c.mentions, 1.0)),
        pair_precision: rounded(precision),
        pair_recall: rounded(recall),
        pair_f1: rounded(f1),
        conflicts_flagged: rounded(ratio(c.flagged, c.conflicts, 1.0)),
        wrong_highlights: rounded(ratio(c.wrong, c.highlighted, 0.0)),
        apart_joined: c.apart_joined as f64,
        conflicts: c.conflicts,
        flagged: c.flagged,
        highlighted: c.highlighted,
        wrong: c.wrong,
    }
}

fn row(out: &mut String, name: &str, c: &Counts) {
    let f = figures(c);
    let pct = |x: f64| format!("{:.0}%", x * 100.0);
    let _ = writeln!(
        out,
        "{:<42} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8} {:>8} {:>7}",
        name,
        pct(f.claims_read),
        pct(f.interval_right),
        if c.predicted_pairs == 0 {
            "–".into()
        } else {
            pct(f.pair_precision)
        },
        pct(f.pair_recall),
        pct(f.pair_f1),
        format!("{}/{}", c.flagged, c.conflicts),
        format!("{}/{}", c.wrong, c.highlighted),
        format!("{}/{}", c.apart_joined, c.apart),
    );
}

fn add(total: &mut Counts, c: &Counts) {
    total.mentions += c.mentions;
    total.read += c.read;
    total.right += c.right;
    for (d, (n, r)) in &c.by_dimension {
        let e = total.by_dimension.entry(d).or_default();
        e.0 += n;
        e.1 += r;
    }
    total.gold_pairs += c.gold_pairs;
    total.true_pairs += c.true_pairs;
    total.predicted_pairs += c.predicted_pairs;
    total.conflicts += c.conflicts;
    total.flagged += c.flagged;
    total.highlighted += c.highlighted;
    total.wrong += c.wrong;
    total.apart += c.apart;
    total.apart_joined += c.apart_joined;
}

/// Every cluster under `folder` (itself, or any folder below it holding a
/// `gold.json`), in name order.
fn load(folder: &Path) -> Result<Vec<Cluster>, String> {
    let mut dirs = Vec::new();
    find_clusters(folder, &mut dirs).map_err(|e| format!("{}: {e}", folder.display()))?;
    if dirs.is_empty() {
        return Err(format!(
            "{}: no cluster (a folder with gold.json) here",
            folder.display()
        ));
    }
    dirs.sort();
    dirs.iter().map(|d| read_cluster(d)).collect()
}

fn find_clusters(folder: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if folder.join("gold.json").is_file() {
        out.push(folder.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            find_clusters(&path, out)?;
        }
    }
    Ok(())
}

fn read_cluster(dir: &Path) -> Result<Cluster, String> {
    let name = dir
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let fail = |e: String| format!("{}: {e}", dir.display());
    let gold: Gold = serde_json::from_str(
        &std::fs::read_to_string(dir.join("gold.json")).map_err(|e| fail(e.to_string()))?,
    )
    .map_err(|e| fail(format!("gold.json: {e}")))?;
    let _ = &gold.domain;
    // SOURCES.md is the cluster's manifest: each file's outlet and date.
    let (entries, errors) = factmark::manifest::read(&dir.join("SOURCES.md"));
    if let Some(e) = errors.first() {
        return Err(fail(format!("{}: {}", e.entry, e.message)));
    }
    let mut articles = BTreeMap::new();
    for entry in entries {
        let file = entry
            .path
            .file_name()
            .map_or(String::new(), |f| f.to_string_lossy().into_owned());
        let full =
            std::fs::read_to_string(&entry.path).map_err(|e| fail(format!("{file}: {e}")))?;
        // Line 1 is the outlet's name, line 2 blank: the report starts after them.
        let header = full
            .match_indices('\n')
            .nth(1)
            .map_or(full.len(), |(i, _)| i + 1);
        articles.insert(
            file,
            Article {
                name: entry.name,
                date: entry.date,
                full,
                header,
            },
        );
    }
    Ok(Cluster {
        name,
        gold,
        articles,
    })
}

/// How to score a cluster: with the reports' dates or without, with each
/// error in words, with the features of its pairs, at another threshold.
struct How {
    dated: bool,
    details: bool,
    pairs: bool,
    threshold: Option<f64>,
}

fn score(cluster: &Cluster, how: &How) -> Result<Counts, String> {
    let How {
        dated,
        details,
        pairs,
        threshold,
    } = *how;
    let reports: Vec<Report> = cluster
        .articles
        .values()
        .map(|a| Report {
            name: a.name.clone(),
            date: a.date.clone().filter(|_| dated),
            text: a.full[a.header..].to_string(),
        })
        .collect();
    let mut check = factmark::check(&reports).map_err(|e| e.to_string())?;
    if let Some(threshold) = threshold {
        check.groups = factmark::align::groups_at(&check.reports, threshold);
    }
    // Claim id → its group's index.
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    // Only the groups of one quantity join figures (a `partOfWhole` group shows
    // a whole beside its parts).
    for (g, group) in check.groups.iter().enumerate() {
        if !group.verdict.is_one_quantity() {
            continue;
        }
        for member in &group.members {
            group_of.insert(member.claim.as_str(), g);
        }
    }
    let report_claims: HashMap<&str, &[Claim]> = check
        .reports
        .iter()
        .map(|r| (r.name.as_str(), r.claims.as_slice()))
        .collect();
    // The claim that reads a quote: the amount claim overlapping it most.
    let claim_of = |file: &str, quote: &str| -> Option<&Claim> {
        let article = cluster.articles.get(file)?;
        let start = article.full.find(quote)?.checked_sub(article.header)?;
        let end = start + quote.len();
        report_claims
            .get(article.name.as_str())?
            .iter()
            .filter(|c| {
                c.kind != factmark::Kind::Date
                    && c.byte_range().start < end
                    && start < c.byte_range().end
            })
            .max_by_key(|c| c.byte_range().end.min(end) - c.byte_range().start.max(start))
    };

    let mut c = Counts::default();
    // Each gold mention: (quantity index, its claim's id, if read).
    let mut mentions: Vec<(usize, Option<String>)> = Vec::new();
    for (q, quantity) in cluster.gold.quantities.iter().enumerate() {
        if quantity.conflict {
            c.conflicts += 1;
        }
        let n = quantity.mentions.len();
        c.gold_pairs += n * n.saturating_sub(1) / 2;
        for m in &quantity.mentions {
            let claim = claim_of(&m.file, &m.quote);
            let dimension = dimension(&m.unit);
            let slot = c.by_dimension.entry(dimension).or_default();
            slot.0 += 1;
            c.mentions += 1;
            // Read: a claim of the labelled kind of quantity (its value can be
            // said in the labelled unit); right: with the labelled interval.
            let value = claim.and_then(|claim| in_unit(claim, &m.unit));
            if value.is_some() {
                c.read += 1;
            }
            if value.is_some_and(|v| close(v.low, m.low) && close(v.high, m.high)) {
                c.right += 1;
                slot.1 += 1;
            } else if details {
                let read = claim.map_or("nothing".to_string(), |cl| {
                    format!(
                        "“{}” as {} {:?}",
                        cl.text,
                        cl.unit,
                        cl.value.map(|v| (v.low, v.high))
                    )
                });
                c.details.push(format!(
                    "misread {}: “{}” ({:?}..{:?} {}) read {read}",
                    m.file, m.quote, m.low, m.high, m.unit
                ));
            }
            mentions.push((q, claim.map(Claim::id)));
        }
    }
    if pairs {
        pair_rows(cluster, &check, &mentions, &mut c);
    }
    // Pairs of gold mentions the groups join.
    let together = |a: Option<&str>, b: Option<&str>| match (a, b) {
        (Some(a), Some(b)) => {
            a == b || matches!((group_of.get(a), group_of.get(b)), (Some(x), Some(y)) if x == y)
        }
        _ => false,
    };
    for (i, (qa, a)) in mentions.iter().enumerate() {
        for (qb, b) in &mentions[i + 1..] {
            if together(a.as_deref(), b.as_deref()) {
                c.predicted_pairs += 1;
                if qa == qb {
                    c.true_pairs += 1;
                }
            }
        }
    }
    // Per group: the gold quantities it touches (a quantity once per mention).
    let mut touched: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (q, claim) in &mentions {
        if let Some(&g) = claim.as_deref().and_then(|id| group_of.get(id)) {
            touched.entry(g).or_default().push(*q);
        }
    }
    let mut flagged = std::collections::HashSet::new();
    for (g, quantities) in &mut touched {
        let verdict = check.groups[*g].verdict;
        if !verdict.is_highlighted() {
            continue;
        }
        quantities.sort_unstable();
        for pair in quantities.windows(2) {
            if pair[0] == pair[1] && cluster.gold.quantities[pair[0]].conflict {
                flagged.insert(pair[0]);
            }
        }
        quantities.dedup();
        c.highlighted += 1;
        let joins_two = quantities.len() > 1;
        let false_contradiction =
            verdict == Verdict::Contradiction && !cluster.gold.quantities[quantities[0]].conflict;
        if joins_two || false_contradiction {
            c.wrong += 1;
            if details {
                let group = &check.groups[*g];
                let names: Vec<&str> = quantities
                    .iter()
                    .map(|&q| cluster.gold.quantities[q].name.as_str())
                    .collect();
                c.details.push(format!(
                    "wrong {:?} group joins [{}]: {}",
                    verdict,
                    names.join(" | "),
                    members_text(group, &report_claims)
                ));
            }
        }
    }
    c.flagged = flagged.len();
    if details {
        for (q, quantity) in cluster.gold.quantities.iter().enumerate() {
            if quantity.conflict && !flagged.contains(&q) {
                let where_: Vec<String> = mentions
                    .iter()
                    .zip(cluster.gold.quantities.iter().flat_map(|qq| &qq.mentions))
                    .filter(|((mq, _), _)| *mq == q)
                    .map(|((_, id), m)| {
                        let g = id
                            .as_deref()
                            .and_then(|id| group_of.get(id))
                            .map_or("-".into(), |g| format!("g{g}"));
                        format!("{} “{}” {g}", m.file, m.quote)
                    })
                    .collect();
                c.details.push(format!(
                    "missed conflict [{}]: {}",
                    quantity.name,
                    where_.join("; ")
                ));
            }
        }
    }
    for pair in &cluster.gold.must_not_align {
        c.apart += 1;
        let a = claim_of(&pair.a.file, &pair.a.quote).map(Claim::id);
        let b = claim_of(&pair.b.file, &pair.b.quote).map(Claim::id);
        if together(a.as_deref(), b.as_deref()) {
            c.apart_joined += 1;
            if details {
                c.details.push(format!(
                    "joined {} “{}” + {} “{}”: {}",
                    pair.a.file, pair.a.quote, pair.b.file, pair.b.quote, pair.reason
                ));
            }
        }
    }
    Ok(c)
}

/// The features of every pair of read gold mentions (of one dimension, in one
/// cluster), labelled 1 when both are mentions of one quantity, for fitting the
/// weights; and the cannot-links that split a quantity, by reason.
fn pair_rows(
    cluster: &Cluster,
    check: &factmark::Check,
    mentions: &[(usize, Option<String>)],
    c: &mut Counts,
) {
    use factmark::align;
    let candidates = align::candidates(&check.reports);
    let index: HashMap<String, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, cand)| (cand.claim.id(), i))
        .collect();
    let quantity_of: HashMap<usize, usize> = mentions
        .iter()
        .filter_map(|(q, id)| Some((*index.get(id.as_deref()?)?, *q)))
        .collect();
    for (i, j, features) in align::pair_features(&candidates) {
        let (Some(&qa), Some(&qb)) = (quantity_of.get(&i), quantity_of.get(&j)) else {
            continue;
        };
        let (a, b) = (candidates[i].claim, candidates[j].claim);
        match features {
            Ok(values) => {
                let row: Vec<String> = values.iter().map(|v| format!("{v:.3}")).collect();
                let quote = |c: &factmark::Claim| {
                    format!("{}: {} [{}]", c.report, c.text, c.subject).replace('\t', " ")
                };
                let quantity = |q: usize| cluster.gold.quantities[q].name.replace('\t', " ");
                c.pairs.push(format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    cluster.name,
                    u8::from(qa == qb),
                    row.join("\t"),
                    quote(a),
                    quote(b),
                    quantity(qa),
                    quantity(qb)
                ));
            }
            Err(apart) if qa == qb => {
                let reason = apart.reason();
                c.split_by.entry(reason).or_default().0 += 1;
                c.split.push(format!(
                    "{}\t{reason}\t{}: {} [{}]\t{}: {} [{}]",
                    cluster.name, a.report, a.text, a.subject, b.report, b.text, b.subject
                ));
            }
            Err(apart) => c.split_by.entry(apart.reason()).or_default().1 += 1,
        }
    }
}

/// "report “text”, …" for a group's members.
fn members_text(group: &factmark::Group, claims: &HashMap<&str, &[Claim]>) -> String {
    let texts: Vec<String> = group
        .members
        .iter()
        .filter_map(|m| {
            let (report, _) = m.claim.rsplit_once('#')?;
            let claim = claims.get(report)?.iter().find(|c| c.id() == m.claim)?;
            Some(format!("{report} “{}”", claim.text))
        })
        .collect();
    texts.join(", ")
}

/// A claim's value in a labelled unit: any count for `count`, a currency stated
/// or converted, else the core's own conversion.
fn in_unit(claim: &Claim, unit: &str) -> Option<Interval> {
    use factmark::Kind;
    match unit {
        "count" => (claim.kind == Kind::Count).then_some(claim.value?),
        "year of age" => (claim.kind == Kind::Age).then_some(claim.value?),
        _ => claim.value_in(unit),
    }
}

/// Equal bounds, up to the rounding of a labeller's arithmetic (0.9 × 4.5).
fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 2e-3 * a.abs().max(b.abs()).max(1e-9),
        (a, b) => a.is_none() && b.is_none(),
    }
}

/// The dimension of a labelled unit (GUIDE.md's list), for the per-dimension figures.
fn dimension(unit: &str) -> &'static str {
    match unit {
        "count" => "count",
        "%" | "percentage point" => "percent",
        "times" => "multiplier",
        "magnitude" => "magnitude",
        "year of age" => "age",
        "second" | "minute" | "hour" | "day" | "week" | "month" | "year" => "duration",
        "mm" | "cm" | "m" | "km" | "inch" | "ft" | "yd" | "mi" | "nmi" => "length",
        "m2" | "km2" | "ha" | "acre" | "sq mi" | "sq ft" => "area",
        "l" | "m3" | "gallon" | "barrel" | "cubic ft" => "volume",
        "g" | "kg" | "t" | "ton" | "lb" => "mass",
        "km/h" | "mph" | "m/s" | "knot" | "mach" => "speed",
        "degC" | "degF" => "temperature",
        "W" | "kW" | "MW" | "GW" => "power",
        "kWh" | "MWh" | "GWh" => "energy",
        u if u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()) => "money",
        _ => "other",
    }
}
