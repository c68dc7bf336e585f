#!/usr/bin/env bash
# The npm package's tests: builds dist/npm (scripts/build-npm.sh, from the
# widget scripts/build-wasm.sh built), links it as node_modules/factmark,
# checks the TypeScript declarations with tsc --noEmit against example.ts, and
# runs the Node tests (check() without a DOM, the Web Annotation export of
# Node and the CLI validated against the W3C JSON-LD context). The browser side
# (a bundler-free page, an esbuild build) is tests/browser/npm.test.mjs.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d tests/npm/node_modules/typescript ] || (cd tests/npm && npm ci --no-audit --no-fund --silent)
scripts/build-npm.sh >/dev/null
cargo build --release --quiet --bin factmark
ln -sfn ../../../dist/npm tests/npm/node_modules/factmark
cd tests/npm
echo "== tsc --noEmit (the package's declarations against example.ts)"
node_modules/.bin/tsc -p tsconfig.json
echo "== node tests"
node --test ./*.test.mjs
