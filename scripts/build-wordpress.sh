#!/usr/bin/env bash
# Builds the WordPress plugin from wordpress/factmark/ and the widget that
# scripts/build-wasm.sh built in www/: dist/wordpress/factmark/ (the plugin as
# it is installed) and dist/factmark-wordpress-<version>.zip (what Plugins >
# Add New > Upload Plugin takes). The widget's files go to
# widget/<crate version>-<hash of the files>/, so every build that changes
# them is served from a new path and no cache can pair a new script with an
# old .wasm.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
# Everything the widget loads, as tests/browser/payload.mjs lists it (the
# bundle, the stylesheet, and pkg/: the worker, the glue and the wasm).
mapfile -t files < <(node --input-type=module -e \
  "import { widgetFiles } from './tests/browser/payload.mjs'; console.log(widgetFiles().join('\n'))")
for f in "${files[@]}"; do [ -f "$f" ] || { echo "$f is missing: run scripts/build-wasm.sh" >&2; exit 1; }; done
assets="$version-$(cat "${files[@]}" | sha256sum | cut -c1-8)"

out=dist/wordpress/factmark
rm -rf dist/wordpress
mkdir -p "$out/widget/$assets"
cp -r wordpress/factmark/. "$out/"
for f in "${files[@]}"; do
  rel=${f#www/}
  mkdir -p "$out/widget/$assets/$(dirname "$rel")"
  cp "$f" "$out/widget/$assets/$rel"
done
sed -i "s/@VERSION@/$version/g; s/@ASSETS@/$assets/g" "$out/factmark.php" "$out/readme.txt"

zip="dist/factmark-wordpress-$version.zip"
rm -f "$zip"
# python3's zipfile: no zip binary needed; the archive holds factmark/ at its top, as WordPress expects.
(cd dist/wordpress && python3 -m zipfile -c "../$(basename "$zip")" factmark)
echo "$zip (widget files in factmark/widget/$assets/)"
