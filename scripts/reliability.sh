#!/usr/bin/env bash
# Runs every row of RELIABILITY.md and regenerates it from the figures:
# fuzzing each cargo-fuzz target for a million executions (scripts/fuzz.sh),
# `check` on adversarial inputs of 1, 10 and 100 MB, inputs past each cap,
# the command line on bad and many files, and the widget in Chromium on
# hostile, big and deep pages.
#   scripts/reliability.sh                    everything (about 2 hours on 2 cores,
#                                             1.5 of them fuzzing)
#   FUZZ_RUNS=20000 SIZES="1 10" scripts/reliability.sh   a shorter run
# Figures go to target/reliability/*.jsonl, then scripts/reliability-report.mjs
# writes RELIABILITY.md. Nothing here asserts a time: the figures are the result.
# Fuzzing needs a nightly toolchain and cargo-fuzz; scripts/fuzz.sh installs
# them when missing (rustup toolchain install nightly; cargo install cargo-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_RUNS=${FUZZ_RUNS:-1000000}
SIZES=${SIZES:-1 10 100}
LIMIT=900 # seconds before a row counts as a hang
out=target/reliability
rm -rf "$out"
mkdir -p "$out"
echo "{\"when\":\"$(date -u +%Y-%m-%dT%H:%MZ)\",\"commit\":\"$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes')\",\"cpus\":$(nproc),\"fuzzRuns\":$FUZZ_RUNS}" >"$out/meta.json"

scripts/setup.sh
cargo build --quiet --release --example stress --bin factmark
stress=target/release/examples/stress
factmark=target/release/factmark
# The patterns and what each is, from tests/support/adversarial.rs (the report reads them too).
"$stress" --list >"$out/patterns.tsv"
PATTERNS=$(cut -f1 "$out/patterns.tsv")

echo "== linear time: check on adversarial inputs ($SIZES MB)"
for pattern in $PATTERNS; do
  for mb in $SIZES; do
    if ! timeout "$LIMIT" "$stress" "$pattern" "$mb" >>"$out/linear.jsonl"; then
      echo "{\"pattern\":\"$pattern\",\"bytes\":$((mb * 1000000)),\"error\":\"no answer within ${LIMIT} s (or a crash)\"}" >>"$out/linear.jsonl"
    fi
    tail -n1 "$out/linear.jsonl"
  done
done
for what in report total count claims; do
  timeout "$LIMIT" "$stress" over-cap "$what" >>"$out/linear.jsonl" || echo "{\"pattern\":\"over-cap-$what\",\"error\":\"no answer\"}" >>"$out/linear.jsonl"
  tail -n1 "$out/linear.jsonl"
done

echo "== command line: bad files and 10,000 files"
cli=$(mktemp -d)
trap 'rm -rf "$cli"' EXIT
printf 'caf\xe9: 12 people' >"$cli/latin1.txt"
: >"$cli/empty.txt"
printf ' \n\t\r\n\xc2\xa0 \n' >"$cli/blank.txt"
truncate -s $((64 * 1024 * 1024 + 1)) "$cli/over-cap.txt"
mkdir "$cli/a-directory"
cli_row() { # name, files...
  local name=$1
  shift
  local started ended code
  started=$(date +%s%N)
  set +e
  "$factmark" check --json "$@" >"$cli/stdout" 2>"$cli/stderr"
  code=$?
  set -e
  ended=$(date +%s%N)
  node -e '
    const [name, code, ms, stdout, stderr] = process.argv.slice(1);
    const fs = require("fs");
    let json = null;
    try { json = JSON.parse(fs.readFileSync(stdout, "utf8")); } catch {}
    const lines = fs.readFileSync(stderr, "utf8").split("\n").filter(Boolean);
    console.log(JSON.stringify({ name, code: +code, ms: +ms, reports: json?.reports.length ?? null,
      errors: json?.errors.length ?? null, stderrLines: lines.length, firstLine: lines[0] ?? null }));
  ' "$name" "$code" $(((ended - started) / 1000000)) "$cli/stdout" "$cli/stderr" | tee -a "$out/cli.jsonl"
}
cli_row "missing file" "$cli/no-such-file.txt"
cli_row "a directory" "$cli/a-directory"
cli_row "not UTF-8" "$cli/latin1.txt"
cli_row "empty file" "$cli/empty.txt"
cli_row "whitespace only" "$cli/blank.txt"
cli_row "over the 64 MiB cap (sparse file)" "$cli/over-cap.txt"
mkdir "$cli/many"
for i in $(seq 0 9999); do
  case $((i % 5)) in
    0) echo "The talks in Geneva lasted more than $((i % 7 + 1)) hours." ;;
    1) printf '' ;;
    2) printf ' \n\t ' ;;
    3) echo "In Geneva, $((i * 10)) people protested on Friday." ;;
    4) echo "No figure here." ;;
  esac >"$cli/many/r$i.txt"
done
many=()
for i in $(seq 0 9999); do many+=("$cli/many/r$i.txt"); done
bad=("$cli/no-such-file.txt" "$cli/a-directory" "$cli/latin1.txt" "$cli/over-cap.txt")
cli_row "10,000 files, 4 bad ones among them" "${many[@]:0:2500}" "${bad[0]}" "${many[@]:2500:2500}" "${bad[1]}" "${many[@]:5000:2500}" "${bad[2]}" "${many[@]:7500}" "${bad[3]}"

echo "== fuzzing: ${FUZZ_RUNS} executions per target"
# A find stops its target and shows in the table; a failed build leaves the
# table empty but the other rows still run.
FUZZ_RUNS=$FUZZ_RUNS scripts/fuzz.sh "$out" || echo "fuzzing did not run (see $out/fuzz-build.log)"

echo "== browser: hostile input, big and deep pages"
set +e
tests/browser/run.sh hostile.test.mjs limits.test.mjs transaction.test.mjs shadow.test.mjs >"$out/browser-tests.log" 2>&1
set -e
grep -E '^(ok|not ok) ' "$out/browser-tests.log" | tee "$out/browser-tests.txt"
FACTMARK_SKIP_BUILD=1 tests/browser/run.sh --reliability | tee "$out/browser.jsonl"

node scripts/reliability-report.mjs "$out" >RELIABILITY.md
echo "== wrote RELIABILITY.md"
