#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh machine of this kind
# (Rust toolchain, node/npm, python3 and gcc are already there): with apt,
# Chromium and, for the WordPress tests, Debian's WordPress, MariaDB and Apache;
# with npm, the build tools and the test drivers. Idempotent:
# each step is skipped when its tool is already present at the right version.
#   scripts/setup.sh           everything (wasm build + browser tests)
#   scripts/setup.sh build     only what the wasm build needs
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:-all}

log() { printf '[setup] %s\n' "$*" >&2; }

rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  { log "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }

# The wasm build's pinned nightly, with the standard library's source for
# build-std (see scripts/build-wasm.sh).
toolchain=$(cat scripts/wasm-toolchain)
rustup run "$toolchain" rustc --version >/dev/null 2>&1 &&
  [ -d "$(rustup run "$toolchain" rustc --print sysroot)/lib/rustlib/src/rust/library" ] ||
  { log "installing $toolchain for the wasm build"; rustup toolchain install "$toolchain" --profile minimal --component rust-src --target wasm32-unknown-unknown; }

# wasm-bindgen's CLI must match the library version pinned in Cargo.lock exactly.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  log "building wasm-bindgen-cli $bindgen_version from source (about 3 minutes)"
  # No --locked: a sub-dependency pinned upstream is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --quiet
fi

# wasm-opt from the binaryen npm package: Debian's binaryen 108 breaks the
# externref table that wasm-bindgen 0.2.130 emits (the module fails to start).
# esbuild bundles and minifies the widget's modules into one file.
if [ ! -x scripts/node_modules/.bin/wasm-opt ] || [ ! -x scripts/node_modules/.bin/esbuild ]; then
  log "installing wasm-opt (binaryen) and esbuild from npm"
  (cd scripts && npm ci --no-audit --no-fund --silent)
fi

apt_packages=()
[ "$want" = build ] || [ -x /usr/bin/chromium ] || apt_packages+=(chromium)
# The WordPress tests (tests/wordpress/start.sh): Debian's WordPress 6.1 with
# the two themes they use, MariaDB, and Apache with mod_php.
if [ "$want" != build ]; then
  [ -f /usr/share/wordpress/wp-load.php ] || apt_packages+=(wordpress)
  [ -d /usr/share/wordpress/wp-content/themes/twentytwentyone ] || apt_packages+=(wordpress-theme-twentytwentyone)
  [ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] || apt_packages+=(wordpress-theme-twentytwentythree)
  command -v mariadbd >/dev/null || apt_packages+=(mariadb-server)
  command -v apache2 >/dev/null || apt_packages+=(apache2)
  compgen -G '/usr/lib/apache2/modules/libphp*.so' >/dev/null || apt_packages+=(libapache2-mod-php)
  php -m 2>/dev/null | grep -qx mysqli || apt_packages+=(php-mysql)
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  log "installing ${apt_packages[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

if [ "$want" != build ] && [ ! -d tests/browser/node_modules/playwright-core ]; then
  log "installing playwright-core (driver only; the browser is Debian's chromium)"
  (cd tests/browser && npm ci --no-audit --no-fund --silent)
fi

if [ "$want" != build ] && { [ ! -d tests/npm/node_modules/typescript ] || [ ! -d tests/npm/node_modules/jsonld ]; }; then
  log "installing typescript and jsonld (the npm package's type check and the Web Annotation validation)"
  (cd tests/npm && npm ci --no-audit --no-fund --silent)
fi
