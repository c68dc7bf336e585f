#!/usr/bin/env python3
"""Sanity check for the test corpora in tests/corpus (data only, no factmark code).

Checks that every file parses as TOML, that reader claims quote their case text
in text order with the interval shape their bound requires, and that every
"<report>|<substring>" reference in alignment sets and seeds.toml occurs in its
report's text exactly once.  Run: python3 tests/corpus/check_corpus.py
"""
import math
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent
SEEDS = ROOT.parent.parent / "seeds"
# The core's kinds and verdicts (src/claim.rs Kind, src/align/verdict.rs Verdict).
KINDS = {"count", "money", "percent", "duration", "length", "area", "volume", "mass",
         "speed", "temperature", "energy", "power", "magnitude", "age", "multiplier",
         "ordinal", "date", "time"}
# Kinds whose units convert into each other: a stated conversion may follow them.
MEASURED = {"money", "percent", "duration", "length", "area", "volume", "mass", "speed",
            "temperature", "energy", "power", "magnitude", "multiplier"}
BOUNDS = {"exact", "above", "atLeast", "below", "atMost", "justBelow",
          "justAbove", "approximately", "range", "vague"}
VERDICTS = {"agreement", "differsInPrecision", "contradiction", "revision",
            "sourcesDiffer", "partOfWhole"}
# The units of time in the units table the reader uses (data/units.tsv, from pint).
DURATION_UNITS = {
    line.split("\t")[0]
    for line in (ROOT.parent.parent / "data" / "units.tsv").read_text().splitlines()
    if not line.startswith("#") and line.split("\t")[1:2] == ["duration"]
}
errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def check_shape(where, c):
    bound, lo, hi = c["bound"], c.get("low"), c.get("high")
    li, hi_inc = c.get("low_inclusive"), c.get("high_inclusive")
    if li is None or hi_inc is None:
        return err(where, "low_inclusive/high_inclusive missing")
    temperature = c.get("kind") == "temperature"
    directed = bound in ("above", "atLeast", "below", "atMost")
    # A band about a temperature below zero is the mirror of the band about
    # its magnitude; a bound bounds the signed value and has no floor at zero.
    if temperature and not directed and hi is not None and hi < 0:
        lo, hi = -hi, (None if lo is None else -lo)
        li, hi_inc = hi_inc, li
    for v in (lo, hi):
        if v is not None and (not isinstance(v, float) or v < 0 and not temperature):
            err(where, f"bound {v!r} must be a non-negative float")
    floor, floor_inclusive = (None, False) if temperature else (0.0, True)
    if bound in ("exact",):
        ok = lo is not None and hi is not None and close(lo, hi) and li and hi_inc
    elif bound == "above":
        ok = lo is not None and hi is None and not li and not hi_inc
    elif bound == "atLeast":
        ok = lo is not None and hi is None and li and not hi_inc
    elif bound == "below":
        ok = lo == floor and hi is not None and li == floor_inclusive and not hi_inc
    elif bound == "atMost":
        # "up to -8C": the band from the figure to zero.
        mirrored = temperature and hi == 0.0 and lo is not None and lo < 0 and li
        ok = (lo == floor and li == floor_inclusive or mirrored) and hi is not None and hi_inc
    elif bound == "justBelow":
        ok = hi is not None and lo is not None and close(lo, 0.9 * hi) and li and not hi_inc
    elif bound == "justAbove":
        ok = lo is not None and hi is not None and close(hi, 1.1 * lo) and not li and hi_inc
    elif bound == "approximately":
        ok = lo is not None and hi is not None and close(lo / 0.9, hi / 1.1) and li and hi_inc
    elif bound in ("range", "vague"):
        ok = lo is not None and hi is not None and lo < hi and li and hi_inc
    else:
        ok = False
    if not ok:
        err(where, f"interval {lo!r}..{hi!r} ({li},{hi_inc}) does not fit bound {bound}")


def check_reader(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    cases = data.get("case", [])
    if not cases:
        err(path.name, "no [[case]]")
    names = set()
    for case in cases:
        where = f"{path.name}:{case.get('name')}"
        for key in ("name", "why", "text"):
            if not isinstance(case.get(key), str) or not case[key]:
                err(where, f"missing {key}")
        if case["name"] in names:
            err(where, "duplicate case name")
        names.add(case["name"])
        claims = case.get("claims")
        if claims is None:
            err(where, "write claims = [] when there are none")
            continue
        pos = 0
        for c in claims:
            cw = f"{where}:{c.get('text')}"
            text = case["text"]
            n = text.count(c["text"])
            if n != 1:
                err(cw, f"claim text occurs {n} times in case text")
            at = text.find(c["text"])
            if at < pos:
                err(cw, "claims not in text order")
            pos = max(pos, at + 1)
            kind = c.get("kind")
            if kind not in KINDS:
                err(cw, f"bad kind {kind}")
                continue
            if c.get("bound") not in BOUNDS:
                err(cw, f"bad bound {c.get('bound')}")
            if not isinstance(c.get("unit"), str):
                err(cw, "unit missing")
            if kind == "date":
                if "date" not in c or "low" in c or "high" in c or c["unit"] != "":
                    err(cw, "dates carry date = {...}, unit '' and no low/high")
                continue
            if kind == "duration" and c["unit"] not in DURATION_UNITS:
                err(cw, f"bad duration unit {c['unit']}")
            if kind == "percent" and c["unit"] not in ("%", "percentage point"):
                err(cw, "percent unit must be % (or percentage point, for a change)")
            # An ISO code, or another country's symbol as written ("A$", "NZ$").
            iso = len(c["unit"]) == 3 and c["unit"].isalpha() and c["unit"].isupper()
            written = re.fullmatch(r"[A-Z]{1,3}[$£¥€]", c["unit"]) is not None
            if kind == "money" and not (iso or written):
                err(cw, f"money unit must be an ISO code or a country's symbol, got {c['unit']}")
            check_shape(cw, c)
            conv = c.get("conversion")
            if conv is not None and kind not in MEASURED:
                err(cw, f"conversion on a {kind} claim")


def ref_ok(where, ref, texts):
    name, _, sub = ref.partition("|")
    if name not in texts:
        return err(where, f"unknown report {name!r}")
    n = texts[name].count(sub)
    if n != 1:
        err(where, f"{ref!r} occurs {n} times in its report")


def check_groups(where, data, texts):
    groups = data.get("group", [])
    seen = set()
    for g in groups:
        if g.get("verdict") not in VERDICTS:
            err(where, f"bad verdict {g.get('verdict')}")
        if len(g.get("claims", [])) < 2:
            err(where, "group with fewer than two claims")
        for ref in g["claims"]:
            ref_ok(where, ref, texts)
            # A part-of-whole group shows a whole beside its parts, each of
            # which may be a group of its own: only quantities are disjoint.
            if g.get("verdict") == "partOfWhole":
                continue
            if ref in seen:
                err(where, f"{ref!r} in two groups")
            seen.add(ref)
    for a in data.get("apart", []):
        if not a.get("why"):
            err(where, "apart without why")
        for ref in a["claims"]:
            ref_ok(where, ref, texts)


def check_alignment(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    where = path.name
    for key in ("name", "why"):
        if not data.get(key):
            err(where, f"missing {key}")
    if data.get("name") != path.stem:
        err(where, "name should equal the file stem")
    reports = data.get("report", [])
    if not reports:
        err(where, "no [[report]]")
    texts = {}
    for r in reports:
        if r["name"] in texts:
            err(where, f"duplicate report {r['name']}")
        texts[r["name"]] = r["text"]
        if "date" in r and not isinstance(r["date"], str):
            err(where, "report date must be a string YYYY-MM-DD")
    check_groups(where, data, texts)


def check_seeds(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    check_groups(path.name, data, texts)


def main():
    ncases = nsets = 0
    for p in sorted((ROOT / "reader").glob("*.toml")):
        check_reader(p)
        ncases += len(tomllib.loads(p.read_text(encoding="utf-8")).get("case", []))
    for folder in ("alignment", "heldout", "heldout2", "heldout3"):
        for p in sorted((ROOT / folder).glob("*.toml")):
            check_alignment(p)
            nsets += 1
    if (ROOT / "seeds.toml").exists():
        check_seeds(ROOT / "seeds.toml")
    for e in errors:
        print(e)
    print(f"{ncases} reader cases, {nsets} alignment sets, {len(errors)} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
