#!/usr/bin/python3
"""Xapian's own floor: the least an indexer built on Xapian 1.4 does for Referat's documents,
in python3-xapian.

    /usr/bin/python3 bench/floor.py CORPUS ITEMS DB [--spelling] [--batch N] [--shards N]

ITEMS is Referat's segmentation of CORPUS: the output of `referat parse --json` over its files
(paths relative to CORPUS; several JSON arrays may follow one another), made before the timed
run. For every *.txt and *.md file under CORPUS but synonymer.txt (sorted, recursively): read
it and write one document per agenda item Referat finds in it, the item's lines (its heading to
its last line) run through a TermGenerator with the Danish stemmer (words with positions, "Z"
stems) and stored as the document's data; a file without items is one document of its whole
text, as Referat's fallback item. So the floor writes as many documents as `referat index`,
with the same text, and commits once at the end. No spelling data, no compounds, no values,
no fields: what any Xapian-based indexer of these items has to pay at least. Prints
"files N bytes B docs D" on stdout.

Two switches price what Referat does on top, at the Xapian level only: --spelling adds every
word to the spelling table (TermGenerator FLAG_SPELLING, as referat's "Mente du"), --batch N
commits every N files (as referat's crash-safe batches) instead of once at the end.
--shards N writes N shards in parallel processes (the files split into contiguous runs, as
referat's full build) and merges them with Xapian's compaction into DB.

Needs Debian's python3-xapian, so run it with /usr/bin/python3 (a pyenv python3 lacks it).
"""
import argparse
import json
import multiprocessing
import os
import shutil
import sys

import xapian


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("items", help="`referat parse --json` of the corpus's files")
    parser.add_argument("db")
    parser.add_argument("--spelling", action="store_true")
    parser.add_argument("--batch", type=int, default=0, help="commit every N files (0: once at the end)")
    parser.add_argument("--shards", type=int, default=0, help="write N shards in parallel, then compact them")
    args = parser.parse_args()
    spans = item_spans(args.items)
    files = []
    for directory, _, names in os.walk(args.corpus):
        files += [os.path.relpath(os.path.join(directory, n), args.corpus) for n in names
                  if n.endswith((".txt", ".md")) and n != "synonymer.txt"]
    files.sort()
    missing = [f for f in files if f not in spans]
    if missing:
        sys.exit(f"floor.py: {args.items}: no segmentation of {len(missing)} files, e.g. {missing[0]}")
    jobs = [(os.path.join(args.corpus, f), spans[f]) for f in files]

    if not args.shards:
        total, docs = write(jobs, args.db, args)
    else:
        runs = [jobs[len(jobs) * i // args.shards:len(jobs) * (i + 1) // args.shards] for i in range(args.shards)]
        paths = [f"{args.db}.shard{i}" for i in range(args.shards)]
        with multiprocessing.Pool(args.shards) as pool:
            written = pool.starmap(write, [(run, path, args) for run, path in zip(runs, paths)])
        total = sum(t for t, _ in written)
        merged = xapian.Database()
        for path in paths:
            merged.add_database(xapian.Database(path))
        merged.compact(args.db, xapian.Compactor.FULL)
        docs = merged.get_doccount()
        for path in paths:
            shutil.rmtree(path)
    print(f"files {len(files)} bytes {total} docs {docs}")


def item_spans(path):
    """File → [(first line, last line)] of its items (1-based, inclusive), from `referat parse --json`."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    decoder = json.JSONDecoder()
    spans = {}
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position == len(text):
            return spans
        parsed, position = decoder.raw_decode(text, position)
        for entry in parsed:
            spans[entry["file"]] = [(item["first_line"], item["last_line"]) for item in entry["items"]]


def write(jobs, path, args):
    """Indexes each (file, item spans) into a new database at `path`; returns (bytes read, documents)."""
    db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_stemmer(xapian.Stem("danish"))
    if args.spelling:
        generator.set_database(db)
        generator.set_flags(xapian.TermGenerator.FLAG_SPELLING)
    total = 0
    for written, (name, spans) in enumerate(jobs, 1):
        with open(name, "rb") as handle:
            data = handle.read()
        total += len(data)
        text = data.decode("utf-8", errors="replace")
        if spans:
            lines = text.split("\n")
            texts = ["\n".join(lines[first - 1:last]) for first, last in spans]
        else:
            texts = [text]
        for item in texts:
            document = xapian.Document()
            generator.set_document(document)
            generator.index_text(item)
            document.set_data(item)
            db.add_document(document)
        if args.batch and written % args.batch == 0:
            db.commit()
    db.commit()
    docs = db.get_doccount()
    db.close()
    return total, docs

if __name__ == "__main__":
    main()
