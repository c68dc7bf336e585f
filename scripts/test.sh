#!/usr/bin/env bash
# Runs every test: the Rust suite (unit tests, golden corpus, properties, CLI,
# fuzz regressions), the benchmark's linearity check, and the widget in
# headless Chromium. Installs what it needs first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo test"
cargo test
echo "== benchmark (reports throughput; asserts only that checking scales linearly)"
cargo bench --bench throughput
echo "== browser tests"
tests/browser/run.sh
