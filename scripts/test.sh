#!/usr/bin/env bash
# Runs every test: the corpus data checks, the generated tables, the Rust suite
# (unit tests, golden corpus, properties, CLI, fuzz regressions), the alignment
# fit's reproducibility, the real-news scores against their baseline, the
# benchmark's linearity check, the widget in headless Chromium (with the
# WordPress plugin in a real WordPress), and the npm package. Installs what it needs first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "== cargo fmt --check"
cargo fmt --check
echo "== corpus data (the labels are well formed)"
python3 tests/corpus/check_corpus.py
python3 tests/corpus/news/check_gold.py --targets
echo "== generated tables (data/*.tsv are what scripts/gen makes from the pinned resources)"
scripts/check_tables.sh
echo "== cargo test"
cargo test
echo "== alignment fit (scripts/fit_alignment.sh remakes data/weights.tsv as committed)"
committed=$(mktemp)
cp data/weights.tsv "$committed"
scripts/fit_alignment.sh >/dev/null 2>&1
if ! diff -q "$committed" data/weights.tsv >/dev/null; then
  echo "data/weights.tsv is not what scripts/fit_alignment.sh makes from the dev corpus:" >&2
  diff "$committed" data/weights.tsv | head -20 >&2
  exit 1
fi
rm -f "$committed"
echo "== accuracy on real news (fails below tests/corpus/news/baseline.json)"
cargo run --release --quiet -- score --baseline tests/corpus/news/baseline.json \
  tests/corpus/news/dev tests/corpus/news/test
echo "== benchmark (reports throughput; asserts only that checking scales linearly)"
cargo bench --bench throughput
echo "== browser tests (with a real WordPress on 127.0.0.1)"
tests/browser/run.sh
echo "== npm package (tsc --noEmit on the declarations, check() in Node, Web Annotations validated)"
tests/npm/run.sh
