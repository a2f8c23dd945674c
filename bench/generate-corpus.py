#!/usr/bin/env python3
"""Writes N synthetic minutes files built from the sample corpus, deterministically.

    bench/generate-corpus.py --files 2000 --out /tmp/corpus [--seed 1] [--samples corpus]

Each file is a meeting: a title line naming a forum and a cluster, a meeting date, and 4-14
numbered agenda items whose titles and paragraphs are drawn from the samples' agenda headings
and prose, each with Sagsfremstilling, Indstilling and (mostly) Beslutning sections and a
sentence or two of words from the Danish word list (/usr/share/dict/danish, when installed)
so the vocabulary grows with the corpus. As in real exports, heading styles vary ("## 3. Titel",
"Punkt 3: Titel", "**3. Titel**", "<b>Beslutning</b>") and paragraphs come broken into lines,
some words hyphenated across the break. Files average about 19 KB, like the samples. The same arguments
always give the same files (same names, same bytes). synonymer.txt is copied from the samples.

Used by scripts/kill-test.sh and by performance benchmarks.
"""
import argparse
import os
import random
import re
import shutil

CLUSTERS = ["Nord", "Midt", "Syd", "Vest", "Øst", "Aalborg", "Vendsyssel", "Himmerland"]
FORUMS = ["Klyngestyregruppe", "Faglig Sundhedsklynge", "Politisk Niveau Sundhedsklynge", "Driftsforum",
          "Sundhedsklynge"]
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]
HEADING = re.compile(r"^\s*(?:#+\s*)?(?:\*\*)?(?:Punkt\s+)?(\d{1,2})[.:]\s+(.{8,120}?)(?:\*\*)?\s*$")


def read_samples(directory):
    titles, paragraphs = [], []
    for name in sorted(os.listdir(directory)):
        if not name.endswith((".txt", ".md")) or name == "synonymer.txt":
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            text = handle.read()
        for line in text.splitlines():
            match = HEADING.match(line)
            if match and not re.search(r"\d{4}", match.group(2)):
                titles.append(match.group(2).strip(" *#"))
        for block in re.split(r"\n\s*\n", text):
            lines = [l.strip() for l in block.splitlines() if l.strip()]
            if not lines or HEADING.match(lines[0]) or lines[0].startswith(("#", "|", "---")):
                continue
            prose = " ".join(lines)
            if len(prose) >= 80 and sum(c.isalpha() for c in prose) > 0.7 * len(prose):
                paragraphs.append(prose)
    return sorted(set(titles)), paragraphs


def read_words(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return [w.strip() for w in handle if w.strip().isalpha() and 4 <= len(w.strip()) <= 16]
    except (OSError, UnicodeDecodeError):
        return []


def wrapped(rng, paragraph, width):
    """The paragraph broken into lines of about `width` characters, as a PDF export breaks
    them, now and then hyphenating a long word across the break ("sundhedsklyn-" / "ger")."""
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            if len(word) >= 10 and word.isalpha() and rng.random() < 0.3:
                cut = rng.randint(4, len(word) - 4)
                lines.append(f"{line} {word[:cut]}-")
                line = word[cut:]
                continue
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line] if line else lines


def section(rng, label, paragraphs, count):
    style = rng.randrange(3)
    heading = {0: f"{label}:", 1: f"**{label}**", 2: f"<b>{label}</b>"}[style]
    out = [heading, ""]
    width = rng.randint(70, 100)
    for _ in range(count):
        out += wrapped(rng, rng.choice(paragraphs), width)
        out.append("")
    return out


def meeting(rng, index, titles, paragraphs, words):
    cluster, forum = rng.choice(CLUSTERS), rng.choice(FORUMS)
    year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
    style = index % 3
    out = ["# Referat", "", f"## {forum} {cluster}", "", f"Mødedato: {day}. {MONTHS[month - 1]} {year}", "",
           f"Mødested: Mødelokale {rng.randint(1, 9)}", ""]
    for number in range(1, rng.randint(4, 14) + 1):
        title = rng.choice(titles)
        if style == 0:
            out.append(f"## {number}. {title}")
        elif style == 1:
            out.append(f"## Punkt {number}: {title}")
        else:
            out.append(f"**{number}. {title}**")
        out.append("")
        out += section(rng, "Sagsfremstilling", paragraphs, rng.randint(3, 9))
        for _ in range(rng.randint(1, 2) if words else 0):
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 14)))
            out += [sentence[0].upper() + sentence[1:] + ".", ""]
        out += section(rng, "Indstilling", paragraphs, rng.randint(1, 2))
        if rng.random() < 0.8:
            out += section(rng, "Beslutning", paragraphs, rng.randint(1, 2))
    return cluster, year, "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--samples", default=os.path.join(os.path.dirname(__file__), "..", "corpus"))
    parser.add_argument("--words", default="/usr/share/dict/danish")
    args = parser.parse_args()

    titles, paragraphs = read_samples(args.samples)
    words = read_words(args.words)
    if not titles or not paragraphs:
        raise SystemExit(f"no agenda headings or prose found in {args.samples}")
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    for index in range(args.files):
        cluster, year, text = meeting(rng, index, titles, paragraphs, words)
        directory = os.path.join(args.out, cluster.lower().replace("ø", "oe"), str(year))
        os.makedirs(directory, exist_ok=True)
        extension = "md" if index % 2 else "txt"
        with open(os.path.join(directory, f"referat-{index:05d}.{extension}"), "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    synonyms = os.path.join(args.samples, "synonymer.txt")
    if os.path.exists(synonyms):
        shutil.copy(synonyms, os.path.join(args.out, "synonymer.txt"))


if __name__ == "__main__":
    main()
