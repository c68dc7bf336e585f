#!/usr/bin/env bash
# Stops the WordPress that start.sh started in DIR and removes DIR and its config file.
set -uo pipefail
dir=${1:?usage: tests/wordpress/stop.sh DIR}
case "$dir" in /tmp/factmark-wp.*) ;; *) echo "not a test WordPress folder: $dir" >&2; exit 2 ;; esac
[ -f "$dir/apache.conf" ] && apache2 -f "$dir/apache.conf" -k stop 2>/dev/null
[ -f "$dir/run/db.pid" ] && kill "$(cat "$dir/run/db.pid")" 2>/dev/null
for _ in $(seq 50); do [ -f "$dir/run/db.pid" ] || [ -f "$dir/run/apache.pid" ] || break; sleep 0.1; done
[ -f "$dir/config" ] && rm -f "$(cat "$dir/config")"
rm -rf "$dir"
