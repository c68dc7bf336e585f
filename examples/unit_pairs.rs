//! Writes the alignment features of every pair of claims in the unit sets
//! (`tests/corpus/alignment`, `heldout*`, and the seeds' `seeds.toml`), in the
//! format of `factmark score --pairs`, labelled by the sets' groups: two claims
//! of one listed group are one quantity, any other pair is not (a set lists
//! every group that must form). `scripts/fit_weights.py` fits on these with
//! the real-news dev pairs.
//!
//! Run: cargo run --release --example unit_pairs > /tmp/unit-pairs.tsv

use factmark::align;
use factmark::{Claim, Report};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Set {
    #[serde(default)]
    report: Vec<Record>,
    #[serde(default)]
    group: Vec<Group>,
}

#[derive(Deserialize)]
struct Record {
    name: String,
    date: Option<String>,
    text: String,
}

#[derive(Deserialize)]
struct Group {
    claims: Vec<String>,
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let header = std::iter::once("cluster\tsame".to_string())
        .chain(align::features::NAMES.iter().map(|n| n.to_string()))
        .chain(["a".to_string(), "b".to_string()])
        .collect::<Vec<_>>()
        .join("\t");
    println!("{header}");
    let mut sets: Vec<(String, Set, Vec<Report>)> = Vec::new();
    for dir in ["alignment", "heldout", "heldout2", "heldout3"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("dir")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        for path in files
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        {
            let set: Set =
                toml::from_str(&std::fs::read_to_string(&path).expect("read")).expect("toml");
            let reports = set
                .report
                .iter()
                .map(|r| Report {
                    name: r.name.clone(),
                    date: r.date.clone(),
                    text: r.text.clone(),
                })
                .collect();
            sets.push((
                format!("{dir}/{}", path.file_stem().unwrap().to_string_lossy()),
                set,
                reports,
            ));
        }
    }
    let seeds: Set =
        toml::from_str(&std::fs::read_to_string(root.join("seeds.toml")).expect("seeds"))
            .expect("toml");
    let mut seed_files: Vec<_> = std::fs::read_dir(root.join("../../seeds"))
        .expect("seeds")
        .map(|e| e.expect("e").path())
        .collect();
    seed_files.sort();
    let seed_reports = seed_files
        .iter()
        .map(|p| {
            Report::new(
                p.file_name().unwrap().to_string_lossy(),
                std::fs::read_to_string(p).expect("seed"),
            )
        })
        .collect();
    sets.push(("seeds".into(), seeds, seed_reports));
    for (name, set, reports) in &sets {
        let check = factmark::check(reports).expect("checks");
        let group_of = |c: &Claim| {
            set.group.iter().position(|g| {
                g.claims.iter().any(|r| {
                    let (report, needle) = r.split_once('|').unwrap_or((r, ""));
                    *c.report == *report
                        && (c.text.contains(needle) || needle.contains(c.text.as_str()))
                })
            })
        };
        let candidates = align::candidates(&check.reports);
        for (a, b, features) in align::pair_features(&candidates) {
            let (a, b) = (candidates[a].claim, candidates[b].claim);
            let Ok(values) = features else { continue };
            let same = matches!((group_of(a), group_of(b)), (Some(x), Some(y)) if x == y);
            let row: Vec<String> = values.iter().map(|v| format!("{v:.3}")).collect();
            println!(
                "{name}\t{}\t{}\t{}: {}\t{}: {}",
                u8::from(same),
                row.join("\t"),
                a.report,
                a.text,
                b.report,
                b.text
            );
        }
    }
}
