#!/usr/bin/env bash
# The browser tests: installs what is missing, builds the widget (wasm and
# bundle) when the core or the widget's modules changed since the last build,
# serves the repository on a free localhost port, runs the tests with node's
# test runner, and stops the server.
#   tests/browser/run.sh              all browser tests
#   tests/browser/run.sh FILE...      some test files (paths relative to tests/browser)
#   tests/browser/run.sh --measure    time annotate() on the seed page and print the payload
#   tests/browser/run.sh --reliability   big and deep pages, timed (RELIABILITY.md's browser rows)
# FACTMARK_SKIP_BUILD=1 uses www/pkg/ and the bundle as they are.
set -euo pipefail
cd "$(dirname "$0")/../.."

scripts/setup.sh
# The bundle is the last file scripts/build-wasm.sh writes.
bundle=www/factmark.min.js
sources=(src Cargo.toml Cargo.lock www/factmark.js www/factmark)
if [ -z "${FACTMARK_SKIP_BUILD:-}" ] && { [ ! -f "$bundle" ] || [ -n "$(find "${sources[@]}" -newer "$bundle" -print -quit)" ]; }; then
  scripts/build-wasm.sh
fi

log=$(mktemp)
node scripts/serve.mjs --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do
  [ -s "$log" ] && break
  sleep 0.1
done
FACTMARK_URL=$(head -n1 "$log")
case "$FACTMARK_URL" in http://127.0.0.1:*) ;; *) echo "the test server did not start: $(cat "$log")" >&2; exit 1 ;; esac
export FACTMARK_URL

# The WordPress tests need a WordPress: the plugin's zip, then Debian's
# WordPress, MariaDB and Apache on 127.0.0.1 (tests/wordpress/start.sh).
if [ $# -eq 0 ] || [[ " $* " == *" wordpress.test.mjs "* ]]; then
  repo=$PWD
  scripts/build-wordpress.sh >/dev/null
  wp_out=$(tests/wordpress/start.sh)
  wp_dir=$(sed -n 1p <<<"$wp_out")
  export FACTMARK_WP_URL=$(sed -n 2p <<<"$wp_out")
  trap 'kill "$server" 2>/dev/null; rm -f "$log"; "$repo/tests/wordpress/stop.sh" "$wp_dir"' EXIT
fi

cd tests/browser
if [ "${1:-}" = --measure ]; then
  node measure.mjs "${@:2}"
elif [ "${1:-}" = --reliability ]; then
  node reliability.mjs "${@:2}"
elif [ $# -gt 0 ]; then
  node --test --test-concurrency=1 "$@"
else
  node --test --test-concurrency=1 ./*.test.mjs
fi
