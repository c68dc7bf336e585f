#!/usr/bin/env bash
# Builds the browser widget: the core for wasm32-unknown-unknown (profile
# `wasm`: size first), wasm-bindgen's ES-module glue (target web) into www/pkg/,
# then wasm-opt (binaryen from npm, see scripts/package.json; setup.sh
# installs it); then esbuild bundles www/factmark.js and its modules into the
# one file pages load, www/factmark.min.js, bundles the worker that runs the
# core (www/factmark/worker.js) into www/pkg/factmark-worker.js, next to the
# glue it imports, minifies the glue in place and the stylesheet's source
# (www/factmark/factmark.css) into www/factmark.css; then builds the npm
# package and the WordPress plugin from it (dist/). Ends by printing the size, raw and
# gzipped, of each knowledge table in the wasm (scripts/table-sizes.py) and of
# every file the widget loads, against the 120 KB gzipped budget (the browser
# tests enforce it).
set -euo pipefail
cd "$(dirname "$0")/.."

out=www/pkg
wasm=target/wasm32-unknown-unknown/wasm/factmark.wasm

# Speed against size (scripts/bench-wasm.mjs; sizes gzipped, Node, seeds page):
# opt-level "z" inlines almost nothing (5): 91 KB, about 13 MB/s; "s": 106 KB,
# about 24 MB/s; "z" with an inline threshold of 25 gets most of the way for
# 3 KB: 94 KB, about 19 MB/s (50: 97 KB, no faster within the noise).
#
# The toolchain is a pinned nightly (scripts/wasm-toolchain; setup.sh installs
# it with the standard library's source) so that the standard library is
# compiled with the crate for size (build-std, optimize_for_size) and a panic
# aborts at once, with no message or location strings (the core must never
# panic: a panic in wasm ends the module either way). That is about 20 KB
# less gzipped than stable's prebuilt standard library.
toolchain=$(cat scripts/wasm-toolchain)
wasm_build() {
  RUSTFLAGS="${RUSTFLAGS:-} -C llvm-args=-inline-threshold=25 -Z location-detail=none -Z fmt-debug=none \
    -Z unstable-options -C panic=immediate-abort" \
    cargo "+$toolchain" build --quiet --lib --target wasm32-unknown-unknown --profile wasm \
    -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size "$@"
}
wasm_build
# Where build.rs wrote the knowledge tables (the same build again, fresh: it
# only reports), for the table sizes printed at the end.
tables=$(wasm_build --message-format=json | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "build-script-executed" and "#factmark@" in m["package_id"]:
        print(m["out_dir"])')
wasm-bindgen --target web --no-typescript --out-dir "$out" "$wasm"
# -O3 with --low-memory-unused rather than -Oz: 0.7 KB smaller gzipped (-O3's
# output is a little larger raw but compresses better; the flag lets it fold
# small constant addresses), as fast within the noise, the same output on the
# benchmark's pages. The low 1 KB of memory is the bottom of the 1 MB stack
# (the data starts at 1 MB: stack first), which only a stack overflow reaches.
scripts/node_modules/.bin/wasm-opt -O3 --converge --low-memory-unused \
  "$out/factmark_bg.wasm" -o "$out/factmark_bg.wasm"

# The glue stays a file of its own (the widget imports it when it first runs,
# so a missing file is a load failure like a missing wasm).
esbuild=scripts/node_modules/.bin/esbuild
"$esbuild" www/factmark.js --bundle --minify --format=esm --external:./pkg/factmark.js \
  --log-level=warning --outfile=www/factmark.min.js
"$esbuild" www/factmark/worker.js --bundle --minify --format=esm --external:./factmark.js \
  --log-level=warning --outfile="$out/factmark-worker.js"
"$esbuild" "$out/factmark.js" --minify --format=esm --log-level=warning \
  --outfile="$out/factmark.js" --allow-overwrite
# The stylesheet pages load, www/factmark.css, is its source
# (www/factmark/factmark.css, comments and all) minified: 0.9 KB less gzipped.
"$esbuild" www/factmark/factmark.css --minify --log-level=warning --outfile=www/factmark.css

# The module must still start after wasm-opt (an old binaryen once broke it).
node --input-type=module -e "
  import { readFileSync } from 'node:fs';
  const core = await import('./$out/factmark.js');
  core.initSync({ module: readFileSync('$out/factmark_bg.wasm') });
  JSON.parse(core.checkReportsJson(['smoke'], [''], ['The talks lasted four hours.']));"

# The packages made of this build: the npm package (dist/npm/) and the
# WordPress plugin's zip (dist/factmark-wordpress-<version>.zip).
scripts/build-npm.sh
scripts/build-wordpress.sh

# What each knowledge table costs (its strings, gzipped alone).
python3 scripts/table-sizes.py "$tables"
node tests/browser/payload.mjs || echo "warning: over the size ceiling; the browser tests will fail" >&2
