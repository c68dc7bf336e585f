#!/usr/bin/env bash
# Runs each cargo-fuzz target (fuzz/) for FUZZ_RUNS executions, one target at a
# time, and appends one JSON line per target to OUT/fuzz.jsonl: executions,
# wall-clock seconds, corpus size and any new finds. scripts/reliability.sh
# calls it; it also runs on its own:
#   scripts/fuzz.sh [OUT]                        every target, 1,000,000 executions each
#   FUZZ_RUNS=20000 scripts/fuzz.sh              a short run
#   FUZZ_TARGETS="check" scripts/fuzz.sh         one target
# FUZZ_MAX_SECONDS (default 10800) stops a target that has not reached
# FUZZ_RUNS by then; its line then says how far it got. A find (a panic, a
# broken invariant, an input slower than 10 s) stops the target early: libFuzzer
# writes it to fuzz/artifacts/TARGET/ (fuzz/README.md says how to keep it).
# Needs a nightly toolchain and cargo-fuzz, installed here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_RUNS=${FUZZ_RUNS:-1000000}
FUZZ_MAX_SECONDS=${FUZZ_MAX_SECONDS:-10800}
FUZZ_TARGETS=${FUZZ_TARGETS:-read_claims check align}
out=${1:-target/fuzz}
mkdir -p "$out"

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "installing the nightly toolchain (cargo-fuzz needs it)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi
(cd fuzz && cargo +nightly fuzz build -s none) >"$out/fuzz-build.log" 2>&1 || {
  tail -n 20 "$out/fuzz-build.log"
  exit 1
}

for target in $FUZZ_TARGETS; do
  # Inputs near the size of a news report; align makes its many claims by
  # copying, so its input stays short and its runs fast.
  case $target in
    align) max_len=1024 ;;
    *) max_len=4096 ;;
  esac
  echo "== fuzzing $target: $FUZZ_RUNS executions"
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus" "fuzz/artifacts/$target"
  # Seeds: the demo reports, every regression input, reports with names and
  # dates (fuzz/seeds/), and the first report of every real-news cluster.
  cp seeds/* tests/regressions/*.txt fuzz/seeds/*.txt "$corpus/"
  for news in tests/corpus/news/dev/*/01.txt; do
    cp "$news" "$corpus/news-$(basename "$(dirname "$news")").txt"
  done
  stamp="$out/fuzz-$target.start"
  touch "$stamp"
  log="$out/fuzz-$target.log"
  start=$SECONDS
  set +e
  (cd fuzz && cargo +nightly fuzz run -s none "$target" -- -runs="$FUZZ_RUNS" \
    -max_total_time="$FUZZ_MAX_SECONDS" -max_len=$max_len -timeout=10 \
    -rss_limit_mb=4096 -dict=reports.dict -print_final_stats=1) >"$log" 2>&1
  code=$?
  set -e
  seconds=$((SECONDS - start))
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || true)
  [ -n "$runs" ] || runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' || true)
  [ -n "$runs" ] || runs=$(grep -o '^#[0-9]*' "$log" | tail -n1 | tr -d '#')
  size=$(find "$corpus" -type f | wc -l)
  finds=$(find "fuzz/artifacts/$target" -type f -newer "$stamp" -printf '%f ' || true)
  count=$(echo "$finds" | wc -w)
  printf '{"target":"%s","runs":%s,"seconds":%s,"maxLen":%s,"exit":%s,"corpus":%s,"newArtifacts":%s,"files":"%s"}\n' \
    "$target" "${runs:-0}" "$seconds" "$max_len" "$code" "$size" "$count" "$finds" | tee -a "$out/fuzz.jsonl"
done
