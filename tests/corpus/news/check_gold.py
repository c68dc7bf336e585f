#!/usr/bin/env python3
"""Checks the real-news corpus (data only, no factmark code): GUIDE.md's rules.

Every folder holding a gold.json under the given folders (default: this one)
is a cluster. Checks its articles, SOURCES.md and gold.json, prints one line
of totals per folder given, and exits 1 on any error. With --targets the
totals over everything checked must reach the corpus issue's minimums.

Run: python3 tests/corpus/news/check_gold.py [--targets] [folder ...]
"""
import datetime
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
DOMAINS = {"natural-disaster", "accident", "conflict", "protest", "election",
           "business", "health", "science-space-sport", "diplomacy"}
UNITS = {
    "count", "%", "percentage point", "times", "magnitude", "year of age",
    "second", "minute", "hour", "day", "week", "month", "year",
    "mm", "cm", "m", "km", "inch", "ft", "yd", "mi", "nmi",
    "m2", "km2", "ha", "acre", "sq mi", "sq ft",
    "l", "m3", "gallon", "barrel", "cubic ft",
    "g", "kg", "t", "ton", "lb",
    "km/h", "mph", "m/s", "knot", "mach",
    "degC", "degF",
    "W", "kW", "MW", "GW", "kWh", "MWh", "GWh",
}
CURRENCY = re.compile(r"^[A-Z]{3}$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$")
TARGETS = {"clusters": 30, "articles": 120, "quantities": 250,
           "conflicts": 100, "must_not_align": 100, "domains": 8}


class Cluster:
    def __init__(self, path, errors):
        self.path = path
        self.errors = errors
        self.texts = {}
        self.outlets = {}

    def err(self, where, msg):
        self.errors.append(f"{self.path.name}/{where}: {msg}")

    def check(self):
        self.read_articles()
        self.read_sources()
        gold = self.read_gold()
        return gold

    def read_articles(self):
        files = sorted(p for p in self.path.glob("*.txt"))
        if not 4 <= len(files) <= 6:
            self.err("", f"{len(files)} articles; a cluster has 4 to 6")
        for p in files:
            text = p.read_text(encoding="utf-8")
            lines = text.split("\n")
            if len(lines) < 3 or not lines[0].strip() or lines[1].strip():
                self.err(p.name, "line 1 must be the outlet's name and line 2 blank")
            self.texts[p.name] = text
            self.outlets[p.name] = lines[0].strip()

    def read_sources(self):
        path = self.path / "SOURCES.md"
        if not path.exists():
            return self.err("SOURCES.md", "missing")
        rows = [line for line in path.read_text(encoding="utf-8").splitlines()
                if line.startswith("|")]
        if not rows or [c.strip() for c in rows[0].strip("|").split("|")] != \
                ["file", "outlet (wire)", "date", "URL"]:
            return self.err("SOURCES.md", "the table's header must be | file | outlet (wire) | date | URL |")
        listed, names = set(), set()
        for row in rows[2:]:
            cells = [c.strip() for c in row.strip().strip("|").split("|")]
            if len(cells) != 4:
                self.err("SOURCES.md", f"row {row!r} has {len(cells)} cells")
                continue
            file, outlet, date, url = cells
            if file not in self.texts:
                self.err("SOURCES.md", f"{file} is not an article of the cluster")
            elif self.outlets[file] != outlet:
                self.err("SOURCES.md", f"{file}: outlet {outlet!r} but line 1 says {self.outlets[file]!r}")
            if outlet in names:
                self.err("SOURCES.md", f"outlet name {outlet!r} twice: names are unique in a cluster")
            names.add(outlet)
            listed.add(file)
            if not valid_date(date):
                self.err("SOURCES.md", f"{file}: date {date!r} is not YYYY-MM-DD or YYYY-MM-DD HH:MM")
            if not url.startswith(("http://", "https://")):
                self.err("SOURCES.md", f"{file}: URL {url!r}")
        for file in self.texts:
            if file not in listed:
                self.err("SOURCES.md", f"{file} is not listed")

    def read_gold(self):
        path = self.path / "gold.json"
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            self.err("gold.json", f"unreadable: {e}")
            return None
        if not keys_ok(self, "gold.json", gold, {"domain", "quantities", "must_not_align"}, set()):
            return None
        if gold["domain"] not in DOMAINS:
            self.err("gold.json", f"domain {gold['domain']!r} is not one of {sorted(DOMAINS)}")
        spans = {}       # file -> [(start, end, quote)]
        owner = {}       # (file, quote) -> quantity index
        names = set()
        for qi, q in enumerate(gold["quantities"]):
            where = f"gold.json quantity {qi}"
            if not keys_ok(self, where, q, {"name", "mentions", "conflict", "why"}, set()):
                continue
            where = f"gold.json {q['name']!r}"
            if q["name"] in names:
                self.err(where, "name used twice")
            names.add(q["name"])
            if not isinstance(q["conflict"], bool):
                self.err(where, "conflict must be true or false")
            if not isinstance(q["why"], str) or not q["why"].strip():
                self.err(where, "why must say why")
            if not isinstance(q["mentions"], list) or not q["mentions"]:
                self.err(where, "no mentions")
                continue
            if len(q["mentions"]) == 1 and q["conflict"] is True:
                self.err(where, "one mention cannot conflict")
            for m in q["mentions"]:
                if not keys_ok(self, where, m, {"file", "quote", "low", "high", "unit"}, {"attribution"}):
                    continue
                span = self.locate(where, m)
                if span:
                    spans.setdefault(m["file"], []).append((*span, m["quote"]))
                    if (m["file"], m["quote"]) in owner:
                        self.err(where, f"{m['file']}: {m['quote']!r} is listed twice")
                    owner[(m["file"], m["quote"])] = qi
                check_interval(self, where, m)
        for file, found in spans.items():
            found.sort()
            for (s1, e1, q1), (s2, e2, q2) in zip(found, found[1:]):
                if s2 < e1:
                    self.err(f"gold.json {file}", f"quotes overlap: {q1!r} and {q2!r}")
        pairs = set()
        for pi, pair in enumerate(gold["must_not_align"]):
            where = f"gold.json must_not_align {pi}"
            if not keys_ok(self, where, pair, {"a", "b", "reason"}, set()):
                continue
            sides = []
            for side in ("a", "b"):
                s = pair[side]
                if not keys_ok(self, f"{where}.{side}", s, {"file", "quote"}, set()):
                    continue
                key = (s["file"], s["quote"])
                if key not in owner:
                    self.err(where, f"{side} {key} is not a mention of any quantity")
                sides.append(key)
            if len(sides) == 2:
                if sides[0] in owner and sides[1] in owner and owner[sides[0]] == owner[sides[1]]:
                    self.err(where, "both sides are mentions of one quantity")
                if frozenset(sides) in pairs:
                    self.err(where, "pair listed twice")
                pairs.add(frozenset(sides))
            if not isinstance(pair.get("reason"), str) or not pair["reason"].strip():
                self.err(where, "reason must say why")
        return gold

    def locate(self, where, m):
        text = self.texts.get(m["file"])
        if text is None:
            self.err(where, f"{m['file']} is not an article of the cluster")
            return None
        quote = m["quote"]
        if not isinstance(quote, str) or not quote.strip():
            self.err(where, "empty quote")
            return None
        count = text.count(quote)
        if count != 1:
            self.err(where, f"{m['file']}: {quote!r} occurs {count} times; it must occur once")
            return None
        start = text.index(quote)
        return start, start + len(quote)


def keys_ok(cluster, where, obj, required, optional):
    if not isinstance(obj, dict):
        cluster.err(where, "must be an object")
        return False
    missing = required - obj.keys()
    unknown = obj.keys() - required - optional
    if missing:
        cluster.err(where, f"missing {sorted(missing)}")
    if unknown:
        cluster.err(where, f"unknown keys {sorted(unknown)}")
    return not missing


def check_interval(cluster, where, m):
    low, high, unit = m["low"], m["high"], m["unit"]
    quote = m["quote"]
    signed = unit in ("degC", "degF")  # a temperature may be below zero
    for v in (low, high):
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0 and not signed):
            cluster.err(where, f"{quote!r}: bound {v!r} must be a non-negative number or null")
            return
    if low is None and high is None:
        cluster.err(where, f"{quote!r}: both bounds null")
    if low is not None and high is not None and low > high:
        cluster.err(where, f"{quote!r}: low {low} > high {high}")
    if unit not in UNITS and not CURRENCY.match(str(unit)):
        cluster.err(where, f"{quote!r}: unit {unit!r} is not in GUIDE.md's list")
    if "attribution" in m and (not isinstance(m["attribution"], str) or not m["attribution"].strip()):
        cluster.err(where, f"{quote!r}: attribution must be a name")


def valid_date(text):
    match = DATE.match(text)
    if not match:
        return False
    year, month, day, hour, minute = match.groups()
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return hour is None or (int(hour) < 24 and int(minute) < 60)


def clusters_under(folder):
    return sorted(p.parent for p in folder.rglob("gold.json"))


def main(argv):
    targets = "--targets" in argv
    folders = [pathlib.Path(a) for a in argv if a != "--targets"] or [HERE]
    errors, total = [], dict.fromkeys(TARGETS, 0)
    domains = set()
    for folder in folders:
        counts = dict.fromkeys(TARGETS, 0)
        for path in clusters_under(folder):
            cluster = Cluster(path, errors)
            gold = cluster.check()
            counts["clusters"] += 1
            counts["articles"] += len(cluster.texts)
            if gold:
                quantities = [q for q in gold["quantities"] if isinstance(q, dict)]
                counts["quantities"] += len(quantities)
                counts["conflicts"] += sum(q.get("conflict") is True for q in quantities)
                counts["must_not_align"] += len(gold["must_not_align"])
                domains.add(gold.get("domain"))
        print(f"{folder}: " + ", ".join(f"{v} {k}" for k, v in counts.items() if k != "domains"))
        for k in counts:
            total[k] += counts[k]
    total["domains"] = len(domains & DOMAINS)
    print(f"domains: {sorted(domains & DOMAINS)}")
    if targets:
        for k, need in TARGETS.items():
            if total[k] < need:
                errors.append(f"corpus: {total[k]} {k}; the target is at least {need}")
    for e in errors:
        print(e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
