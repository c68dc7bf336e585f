#!/usr/bin/env bash
# The demo in one command: installs the build tools if missing, builds the wasm
# widget, and serves the repository on 127.0.0.1 (so www/ and seeds/ share an
# origin) under the strict Content-Security-Policy the widget promises to work
# under. Prints the URL; Ctrl-C stops the server.
#   scripts/demo.sh [PORT]     (default 8000; 0 picks a free port)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
scripts/build-wasm.sh
echo "Serving the demo; open the URL below (Ctrl-C to stop)."
exec node scripts/serve.mjs --port "${1:-8000}"
