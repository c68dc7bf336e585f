#!/usr/bin/env python3
"""The knowledge tables' cost in the wasm: the text of every string in each
table build.rs generated (units.rs, nouns.rs, places.rs, concepts.rs,
words.rs, weights.rs in the build's OUT_DIR), raw and gzipped on its own.
Gzipped alone overstates a little what each adds to the gzipped wasm (the
wasm compresses them together, with the code).
    python3 scripts/table-sizes.py OUT_DIR       (scripts/build-wasm.sh runs it)
"""
import gzip
import re
import sys
from pathlib import Path

# Rust string literals as build.rs writes them ({:?}): escapes \t \n \\ \" \u{..}.
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
ESCAPE = re.compile(r'\\(u\{[0-9a-fA-F]+\}|.)')


def unescape(body):
    def one(m):
        e = m.group(1)
        if e.startswith("u{"):
            return chr(int(e[2:-1], 16))
        return {"t": "\t", "n": "\n", "r": "\r", "0": "\0"}.get(e, e)

    return ESCAPE.sub(one, body)


def main():
    out = Path(sys.argv[1])
    rows = []
    for table in ["places", "nouns", "words", "concepts", "units", "weights"]:
        source = (out / f"{table}.rs").read_text(encoding="utf-8")
        text = "".join(unescape(m.group(1)) for m in LITERAL.finditer(source)).encode()
        rows.append((f"{table}.rs", len(text), len(gzip.compress(text, 9))))
    print(f"{'table (strings, gzipped alone)':<36} {'raw B':>8} {'gzip B':>9}")
    for name, raw, packed in rows:
        print(f"{name:<36} {raw:>8} {packed:>9}")
    print(f"{'all tables':<36} {sum(r[1] for r in rows):>8} {sum(r[2] for r in rows):>9}")


if __name__ == "__main__":
    main()
