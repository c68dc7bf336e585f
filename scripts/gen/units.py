#!/usr/bin/env python3
"""Writes data/units.tsv, the units factmark reads, from the pint package's registry.

Which units news states is a choice made here (UNITS below); everything else
about them comes from pint's definitions (default_en.txt): their names, symbols,
aliases and plural forms, and their factor to the dimension's canonical unit.
Every spelling written out is checked against pint's own parser, so a spelling
pint does not take is not emitted, except the few news spellings pint lacks
(EXTRA_FORMS, each with its reason).

Run: python3 scripts/gen/units.py > data/units.tsv   (pint pinned in scripts/gen/requirements.txt)
"""
from fractions import Fraction

import pint

# Each dimension: the canonical unit values compare in (a pint expression) and
# the name factmark gives it in JSON.
DIMENSIONS = {
    "duration": ("hour", "hour"),
    "length": ("meter", "m"),
    "area": ("meter ** 2", "m2"),
    "volume": ("meter ** 3", "m3"),
    "mass": ("kilogram", "kg"),
    "speed": ("meter / second", "m/s"),
    "temperature": ("degree_Celsius", "degC"),
    "energy": ("joule", "J"),
    "power": ("watt", "W"),
}

# (dimension, pint unit, factmark's name for it). Order decides nothing.
UNITS = [
    ("duration", "second", "second"),
    ("duration", "minute", "minute"),
    ("duration", "hour", "hour"),
    ("duration", "day", "day"),
    ("duration", "week", "week"),
    ("duration", "fortnight", "fortnight"),
    ("duration", "month", "month"),
    ("duration", "year", "year"),
    ("duration", "century", "century"),
    ("length", "millimeter", "mm"),
    ("length", "centimeter", "cm"),
    ("length", "meter", "m"),
    ("length", "kilometer", "km"),
    ("length", "inch", "inch"),
    ("length", "foot", "ft"),
    ("length", "yard", "yd"),
    ("length", "mile", "mi"),
    ("length", "nautical_mile", "nmi"),
    ("area", "meter ** 2", "m2"),
    ("area", "kilometer ** 2", "km2"),
    ("area", "hectare", "ha"),
    ("area", "acre", "acre"),
    ("area", "square_mile", "sq mi"),
    ("area", "square_foot", "sq ft"),
    ("volume", "liter", "l"),
    ("volume", "meter ** 3", "m3"),
    ("volume", "gallon", "gallon"),
    ("volume", "oil_barrel", "barrel"),
    ("volume", "cubic_foot", "cubic ft"),
    ("mass", "gram", "g"),
    ("mass", "kilogram", "kg"),
    ("mass", "metric_ton", "t"),
    ("mass", "ton", "ton"),
    ("mass", "pound", "lb"),
    ("mass", "ounce", "oz"),
    ("speed", "kilometer_per_hour", "km/h"),
    ("speed", "mile_per_hour", "mph"),
    ("speed", "meter / second", "m/s"),
    ("speed", "knot", "knot"),
    ("temperature", "degree_Celsius", "degC"),
    ("temperature", "degree_Fahrenheit", "degF"),
    ("energy", "kilowatt_hour", "kWh"),
    ("energy", "megawatt_hour", "MWh"),
    ("energy", "gigawatt_hour", "GWh"),
    ("energy", "terawatt_hour", "TWh"),
    ("power", "watt", "W"),
    ("power", "kilowatt", "kW"),
    ("power", "megawatt", "MW"),
    ("power", "gigawatt", "GW"),
]

# Spellings news uses that pint does not parse, with why each is safe.
EXTRA_FORMS = {
    "km/h": ["kmh", "kmph", "km/hr", "kilometres per hour", "kilometers per hour", "kilometres an hour", "kilometers an hour"],  # pint parses "km/h" only as an expression
    "mph": ["miles per hour", "miles an hour", "m.p.h."],
    "m/s": ["metres per second", "meters per second"],
    "km": ["kms"],  # a common plural of the symbol in South Asian English
    "km2": ["km2", "km²", "sq km", "square km"],
    "m2": ["m2", "m²", "sq m"],
    "sq mi": ["sq mi", "sq miles", "sq. miles"],
    "m3": ["m3", "m³"],
    "degC": ["°c", "degrees celsius", "degrees centigrade", "degree celsius"],
    "degF": ["°f", "degrees fahrenheit", "degree fahrenheit"],
    "barrel": ["barrel", "barrels", "bbl"],  # pint's "barrel" is 31.5 gallons; news means oil barrels
    "kWh": ["kilowatt hours", "kilowatt-hours", "kilowatt hour", "kilowatt-hour"],
    "MWh": ["megawatt hours", "megawatt-hours"],
    "GWh": ["gigawatt hours", "gigawatt-hours"],
    "TWh": ["terawatt hours", "terawatt-hours"],
    "year": ["yrs"],
    "minute": ["mins"],
    "hour": ["hrs"],
    "second": ["secs"],
}
# Units pint has no (or another) meaning for: a decade is ten years (pint's
# `decade` is logarithmic); Mach is taken at sea level, 343 m/s.
EXTRA_UNITS = [
    ("duration", "decade", 87660.0, 0.0, ["decade", "decades"]),
    ("speed", "mach", 343.0, 0.0, ["mach"]),
]
# Words of pint's aliases that news never writes ("international foot", "avdp pound").
JARGON = {"international", "avdp", "avoirdupois", "us", "julian", "liquid", "internationals"}
# Spellings that are also common English words or other units, never read as units.
# ("s" would make "1990s" seconds; "in" and "a" are words: "in" only glued, "6ft 5in".)
NEVER = {"in", "a", "s", "d", "mi", "yd", "w", "j", "t", "g", "l", "h", "ha", "kn", "kt"}
GLUED_ONLY = {"t", "g", "l", "h", "ha", "kn", "kt", "w", "in"}


def forms_of(ureg, expression):
    """Every spelling of a pint unit or power of one: its name, symbol, aliases
    and plurals, prefixed and raised ("square kilometres"), each checked with
    pint's parser."""
    target = ureg.parse_units(expression)
    base_name, power = expression, 1
    if "**" in expression:
        base_name, power = expression.split("**")[0].strip(), int(expression.split("**")[1])
    if "/" in expression:
        return set()  # m/s: only the spellings in EXTRA_FORMS
    prefix, base = "", base_name
    parsed = ureg.parse_unit_name(base_name)
    if parsed:
        prefix, base, _ = parsed[0]
    definition = ureg._units[base]
    symbol = definition.symbol if definition.symbol != base else None
    words = {n for n in (base, *definition.aliases) if n and n != "_" and n.isascii() and n != symbol}
    if prefix:
        pdef = ureg._prefixes[prefix]
        words = {p + n for p in {prefix, *pdef.aliases} if p for n in words if len(n) > 2}
        symbol = pdef.symbol + definition.symbol if pdef.symbol and definition.symbol else None
    spelled = {symbol} if symbol else set()
    for word in words:
        word = word.replace("_", " ")
        if JARGON & set(word.split()):
            continue
        spelled.add(word)
        # Regular plurals of names (pint reads a trailing "s" itself): of the
        # unit's name and long aliases, not of temperature scales, of words
        # already plural, or of "X per Y".
        name_like = word == base.replace("_", " ") or len(word) > 4
        if (
            name_like
            and dimension_of(ureg, target) != "temperature"
            and not word.endswith(("s", "feet"))
            and " per " not in word
        ):
            spelled.add(plural(word))
    if power > 1:
        word = {2: "square", 3: "cubic"}[power]
        spelled = {f"{word} {n}" for n in spelled if len(n) > 2}
    keep = set()
    for form in spelled:
        if "_" in form:
            continue
        # A name with a space is one unit ("nautical mile"), or a power ("square km").
        for reading in (form.replace(" ", "_"), form):
            try:
                if ureg.parse_units(reading) == target:
                    keep.add(form)
            except Exception:
                pass
    return keep


def dimension_of(ureg, units):
    return "temperature" if ureg.Quantity(1, units).check("[temperature]") else ""


def plural(words):
    head, _, last = words.rpartition(" ")
    last = {"foot": "feet", "century": "centuries", "inch": "inches"}.get(last, last + "s")
    return (head + " " + last).strip()


def main():
    # Exact arithmetic, then each factor rounded once to the nearest double:
    # a foot is 0.3048 m, not 0.30479999999999996, and a second 1/3600 hour.
    ureg = pint.UnitRegistry(non_int_type=Fraction)
    print(f"# Units factmark reads: generated by scripts/gen/units.py from pint {pint.__version__} (default_en.txt).")
    print("# Do not edit. Regenerate: python3 scripts/gen/units.py > data/units.tsv (CI checks it is current).")
    print("# A form glued to digits only (\"5t\", \"20ha\") is marked with a leading '~'.")
    print("# canonical units: " + ", ".join(f"{d} {c[1]}" for d, c in DIMENSIONS.items()))
    print("# name\tdimension\tfactor\toffset\tspellings, separated by |")
    rows = []
    for dimension, name, label in UNITS:
        canonical = DIMENSIONS[dimension][0]
        if dimension == "temperature":  # an offset scale: C = F * factor + offset
            q0 = ureg.Quantity(Fraction(0), name).to(canonical).magnitude
            q1 = ureg.Quantity(Fraction(1), name).to(canonical).magnitude
            factor, offset = q1 - q0, q0
        else:
            factor, offset = ureg.Quantity(Fraction(1), name).to(canonical).magnitude, 0.0
        forms = {f.lower() for f in forms_of(ureg, name)} | {label.lower()}
        forms |= {f.lower() for f in EXTRA_FORMS.get(label, [])}
        rows.append((label, dimension, factor, offset, forms))
    for dimension, label, factor, offset, forms in EXTRA_UNITS:
        rows.append((label, dimension, factor, offset, set(forms)))
    seen = {}
    for label, dimension, factor, offset, forms in rows:
        shown = []
        for form in sorted(forms):
            if form in NEVER and form not in GLUED_ONLY:  # GLUED_ONLY ones stay, marked
                continue
            if form in seen:
                raise SystemExit(f"{form!r} spells both {seen[form]} and {label}")
            seen[form] = label
            shown.append(("~" if form in GLUED_ONLY else "") + form)
        # Shortest round-trip digits: "2 minutes, 45 seconds" is 2.75 minutes, not 2.7499999999991.
        print(f"{label}\t{dimension}\t{float(factor)!r}\t{float(offset)!r}\t{'|'.join(shown)}")


if __name__ == "__main__":
    main()
