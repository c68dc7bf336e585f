#!/usr/bin/env bash
# Builds the npm package into dist/npm/ (no publishing) from the widget that
# scripts/build-wasm.sh built: factmark.js (the widget's modules and the
# wasm-bindgen glue in one ES module, not minified), pkg/factmark-worker.js
# (the worker that runs the core, with the glue in it), pkg/factmark_bg.wasm,
# node.js (check() for Node), the stylesheet, the TypeScript declarations of
# npm/, and package.json at the crate's version.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
for f in www/pkg/factmark_bg.wasm www/pkg/factmark.js www/pkg/factmark-worker.js; do
  [ -f "$f" ] || { echo "$f is missing: run scripts/build-wasm.sh" >&2; exit 1; }
done
out=dist/npm
rm -rf "$out"
mkdir -p "$out/pkg"
esbuild=scripts/node_modules/.bin/esbuild
# The glue is bundled in (not external as for pages), so a bundler of the
# package needs to find only pkg/: the worker and the .wasm, both found from
# factmark.js's import.meta.url (or the wasmUrl option, whose folder holds the
# worker too). The worker is the pages' worker with the glue bundled in, so
# pkg/ is two files that can be copied anywhere side by side; the glue in
# factmark.js runs the core on the page's thread where no worker can start.
# The glue's own default wasm URL is pointed at pkg/ like the widget's.
"$esbuild" www/factmark.js --bundle --format=esm --log-level=warning --outfile="$out/factmark.js"
"$esbuild" www/pkg/factmark-worker.js --bundle --minify --format=esm --log-level=warning \
  --outfile="$out/pkg/factmark-worker.js"
"$esbuild" npm/node.js --bundle --format=esm --platform=node --log-level=warning --outfile="$out/node.js"
sed -i -E 's|new URL\("factmark_bg.wasm", ?import.meta.url\)|new URL("./pkg/factmark_bg.wasm",import.meta.url)|' "$out/factmark.js" "$out/node.js"
cp www/factmark.css "$out/"
cp www/pkg/factmark_bg.wasm "$out/pkg/"
cp npm/index.d.ts npm/node.d.ts npm/contract.d.ts npm/README.md "$out/"
sed "s/@VERSION@/$version/" npm/package.json >"$out/package.json"
echo "$out (factmark@$version)"
