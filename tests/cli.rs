//! The `factmark` command as a newsroom script uses it: JSON on stdout, one line
//! per unreadable file on stderr, the other files still reported, documented exit codes.

use std::path::PathBuf;
use std::process::Command;

fn factmark(args: &[&str]) -> (i32, serde_json::Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_factmark"))
        .args(args)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let json = serde_json::from_str(&stdout).unwrap_or(serde_json::Value::Null);
    (
        out.status.code().unwrap_or(-1),
        json,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn scratch(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("factmark-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path.to_string_lossy().into_owned()
}

fn seed(name: &str) -> String {
    format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn claims_prints_each_file_and_its_claims() {
    let (code, json, stderr) = factmark(&["claims", &seed("002_4aeaaa452c2d95e0.txt")]);
    assert_eq!(code, 0, "{stderr}");
    let claims = json["reports"][0]["claims"]
        .as_array()
        .expect("claims array");
    let percent = claims
        .iter()
        .find(|c| c["text"] == "just under 20%")
        .expect("just under 20%");
    assert_eq!(percent["bound"], "justBelow");
    assert_eq!(percent["value"]["high"], 20.0);
    assert_eq!(percent["value"]["highInclusive"], false);
    for field in [
        "id",
        "byteStart",
        "byteEnd",
        "utf16Start",
        "utf16End",
        "unit",
        "subject",
        "measure",
        "event",
        "role",
    ] {
        assert!(percent.get(field).is_some(), "claim JSON lacks {field}");
    }
}

#[test]
fn bad_files_get_one_line_each_and_the_rest_is_reported() {
    let not_utf8 = scratch("latin1.txt", b"caf\xe9 with 12 people");
    let dir = std::env::temp_dir().to_string_lossy().into_owned();
    let good = seed("000_14d176dfef3a04cd.txt");
    let (code, json, stderr) = factmark(&["claims", "/no/such/file.txt", &not_utf8, &dir, &good]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines[0].contains("/no/such/file.txt") && lines[0].contains("no such file"));
    assert!(lines[1].contains("latin1.txt") && lines[1].contains("not UTF-8"));
    assert!(lines[2].contains("directory"));
    assert_eq!(json["reports"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["errors"].as_array().map(Vec::len), Some(3));
}

#[test]
fn empty_and_blank_files_have_no_claims() {
    let empty = scratch("empty.txt", b"");
    let blank = scratch("blank.txt", b"  \n\t \r\n");
    let (code, json, _) = factmark(&["claims", &empty, &blank]);
    assert_eq!(code, 0);
    for report in json["reports"].as_array().expect("reports") {
        assert_eq!(report["claims"].as_array().map(Vec::len), Some(0));
    }
}

#[test]
fn check_groups_the_seeds() {
    let seeds: Vec<String> = [
        "000_14d176dfef3a04cd.txt",
        "001_88e0a2ea59da5d1a.txt",
        "002_4aeaaa452c2d95e0.txt",
    ]
    .iter()
    .map(|s| seed(s))
    .collect();
    let mut args = vec!["check", "--json"];
    args.extend(seeds.iter().map(String::as_str));
    let (code, json, stderr) = factmark(&args);
    assert_eq!(code, 0, "{stderr}");
    let groups = json["groups"].as_array().expect("groups");
    let meeting = groups
        .iter()
        .find(|g| g["verdict"] == "differsInPrecision" && g["unit"] == "hour")
        .expect("meeting length group");
    assert_eq!(meeting["members"].as_array().map(Vec::len), Some(3));
    assert!(meeting["explanation"]
        .as_str()
        .unwrap_or_default()
        .contains("RIA Novosti"));

    let (code, _, _) = factmark(&["check", &seeds[0], &seeds[1]]);
    assert_eq!(code, 0, "the table form runs too");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(factmark(&[]).0, 2);
    assert_eq!(factmark(&["claims"]).0, 2);
    assert_eq!(factmark(&["frobnicate", "x"]).0, 2);
}

/// The short version of the reliability run's 10,000-file row: a thousand files,
/// every kind of unreadable one among them, through both commands. Each bad file
/// gets exactly one line naming it, every good one is reported, and the exit
/// code is 1 (README: "some file could not be read").
#[test]
fn a_thousand_files_with_bad_ones_among_them() {
    let dir = std::env::temp_dir().join(format!("factmark-cli-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut files = Vec::new();
    for i in 0..1000 {
        let path = dir.join(format!("r{i:04}.txt"));
        let text = match i % 4 {
            0 => format!("The talks in Geneva lasted more than {} hours.", i % 7 + 1),
            1 => String::new(),
            2 => " \n\t\r\n\u{a0}".to_string(),
            _ => "No figure here.".to_string(),
        };
        std::fs::write(&path, text).expect("write");
        files.push(path.to_string_lossy().into_owned());
    }
    let over_cap = dir.join("over-cap.txt");
    let sparse = std::fs::File::create(&over_cap).expect("create");
    // A sparse file: over the cap without writing 64 MiB.
    sparse
        .set_len(factmark::MAX_REPORT_BYTES as u64 + 1)
        .expect("set_len");
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9: 12 people").expect("write");
    let bad = [
        over_cap.to_string_lossy().into_owned(),
        latin1.to_string_lossy().into_owned(),
        dir.join("missing.txt").to_string_lossy().into_owned(),
        dir.to_string_lossy().into_owned(),
    ];
    for (at, file) in bad.iter().enumerate() {
        files.insert(at * 250 + 1, file.clone());
    }

    for command in [&["claims"][..], &["check", "--json"][..]] {
        let mut args: Vec<&str> = command.to_vec();
        args.extend(files.iter().map(String::as_str));
        let (code, json, stderr) = factmark(&args);
        assert_eq!(code, 1, "{command:?}: {stderr}");
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), bad.len(), "{command:?}: {stderr}");
        for (line, file) in lines.iter().zip(&bad) {
            assert!(line.starts_with(&format!("factmark: {file}: ")), "{line}");
        }
        assert!(lines[0].contains("over the limit"), "{}", lines[0]);
        assert!(lines[1].contains("not UTF-8"), "{}", lines[1]);
        assert!(lines[2].contains("no such file"), "{}", lines[2]);
        assert!(lines[3].contains("directory"), "{}", lines[3]);
        assert_eq!(json["reports"].as_array().map(Vec::len), Some(1000));
        assert_eq!(json["errors"].as_array().map(Vec::len), Some(bad.len()));
    }
    std::fs::remove_dir_all(&dir).ok();
}
