#!/usr/bin/env bash
# Builds the npm package into dist/npm/ (no publishing) from the widget that
# scripts/build-wasm.sh built: factmark.js (the widget's modules and the
# wasm-bindgen glue in one ES module, not minified), node.js (check() for Node),
# the stylesheet, pkg/factmark_bg.wasm, the TypeScript declarations of npm/, and
# package.json at the crate's version.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
[ -f www/pkg/factmark_bg.wasm ] || { echo "www/pkg is missing: run scripts/build-wasm.sh" >&2; exit 1; }
out=dist/npm
rm -rf "$out"
mkdir -p "$out/pkg"
esbuild=scripts/node_modules/.bin/esbuild
# The glue is bundled in (not external as for pages), so a bundler of the
# package needs to find only the .wasm; the glue's own default wasm URL is
# pointed at pkg/ like the widget's.
"$esbuild" www/factmark.js --bundle --format=esm --log-level=warning --outfile="$out/factmark.js"
"$esbuild" npm/node.js --bundle --format=esm --platform=node --log-level=warning --outfile="$out/node.js"
sed -i 's|new URL("factmark_bg.wasm", import.meta.url)|new URL("./pkg/factmark_bg.wasm", import.meta.url)|' "$out/factmark.js" "$out/node.js"
cp www/factmark.css "$out/"
cp www/pkg/factmark_bg.wasm "$out/pkg/"
cp npm/index.d.ts npm/node.d.ts npm/contract.d.ts npm/README.md "$out/"
sed "s/@VERSION@/$version/" npm/package.json >"$out/package.json"
echo "$out (factmark@$version)"
