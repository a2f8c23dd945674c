#!/usr/bin/env python3
"""Prints N distinct search-box queries (fewer, with a warning, from a small corpus) drawn from a corpus's agenda item titles, the same
ones for the same corpus and seed: the load for bench/http.sh, so that no cache sees the same
few queries over and over.

    bench/http-queries.py CORPUS N [--seed S]

Each query is built from one title (a numbered heading such as "## 3. Status på akutplanen"):
one, two or three of its words as typed into the search box, or the title's first words as a
phrase, some with a cluster filter or a wildcard, as the query mix of bench/query-mix.txt has.
"""
import argparse
import random
import re
import sys
from pathlib import Path

HEADING = re.compile(r"^(?:#+\s*|\*\*|<b>)?(?:Pkt\.\s*|Punkt\s*)?\d{1,3}[.:]\s+(.+?)(?:\*\*|</b>)?\s*$")
# A word of four letters or more; a hyphen only inside (not a line-break fragment "sundheds-").
WORD = re.compile(r"[a-zæøåA-ZÆØÅ](?:[a-zæøåA-ZÆØÅ]|-(?=[a-zæøåA-ZÆØÅ])){3,}(?![-a-zæøåA-ZÆØÅ])")
CLUSTERS = ["nord", "midt", "syd", "vest", "øst"]


# Files read for titles, spread evenly over the corpus: enough titles, read in seconds.
MAX_FILES = 2000


def titles(corpus: Path) -> list[str]:
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".txt") and p.name != "synonymer.txt")
    found: set[str] = set()
    for path in files[:: max(1, len(files) // MAX_FILES)]:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            match = HEADING.match(line.strip())
            if match and len(WORD.findall(match.group(1))) >= 2:
                found.add(match.group(1))
    return sorted(found)


def query(title: str, rng: random.Random) -> str:
    words = WORD.findall(title)
    kind = rng.random()
    if kind < 0.1:
        return '"' + " ".join(words[:2]) + '"'
    picked = rng.sample(words, min(len(words), rng.choice([1, 2, 2, 3])))
    text = " ".join(word.lower() if rng.random() < 0.8 else word for word in picked)
    if kind < 0.2:
        return f"klynge:{rng.choice(CLUSTERS)} {text}"
    if kind < 0.25:
        return picked[0].lower()[:5] + "*"
    return text


def main() -> None:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("corpus", type=Path)
    arguments.add_argument("n", type=int)
    arguments.add_argument("--seed", type=int, default=1)
    options = arguments.parse_args()
    rng = random.Random(options.seed)
    pool = titles(options.corpus)
    queries: list[str] = []
    seen: set[str] = set()
    for _ in range(options.n * 20):
        if len(queries) == options.n:
            break
        candidate = query(rng.choice(pool), rng)
        if candidate not in seen:
            seen.add(candidate)
            queries.append(candidate)
    if len(queries) < options.n:
        print(f"{options.corpus}: only {len(queries)} distinct queries from {len(pool)} titles", file=sys.stderr)
    print("\n".join(queries))


if __name__ == "__main__":
    main()
