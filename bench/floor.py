#!/usr/bin/python3
"""Xapian's own floor: the least an indexer built on Xapian 1.4 does, in python3-xapian.

    /usr/bin/python3 bench/floor.py CORPUS DB [--spelling] [--batch N] [--shards N]

For every *.txt and *.md file under CORPUS but synonymer.txt (sorted, recursively): read it,
run it through a TermGenerator with the Danish stemmer, add one document per file (the path as
its data), and commit once at the end. No parsing into agenda items, no spelling data, no
compounds, no values: what any Xapian-based indexer has to pay at least. Prints
"files N bytes B docs D" on stdout.

Two switches price what Referat does on top, at the Xapian level only: --spelling adds every
word to the spelling table (TermGenerator FLAG_SPELLING, as referat's "Mente du"), --batch N
commits every N files (as referat's crash-safe batches) instead of once at the end.
--shards N writes N shards in parallel processes (the files split into contiguous runs, as
referat's full build) and merges them with Xapian's compaction into DB.

Needs Debian's python3-xapian, so run it with /usr/bin/python3 (a pyenv python3 lacks it).
"""
import argparse
import multiprocessing
import os
import shutil

import xapian


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("db")
    parser.add_argument("--spelling", action="store_true")
    parser.add_argument("--batch", type=int, default=0, help="commit every N files (0: once at the end)")
    parser.add_argument("--shards", type=int, default=0, help="write N shards in parallel, then compact them")
    args = parser.parse_args()
    files = []
    for directory, _, names in os.walk(args.corpus):
        files += [os.path.join(directory, n) for n in names
                  if n.endswith((".txt", ".md")) and n != "synonymer.txt"]
    files.sort()

    if not args.shards:
        total, docs = write(files, args.db, args)
    else:
        runs = [files[len(files) * i // args.shards:len(files) * (i + 1) // args.shards] for i in range(args.shards)]
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


def write(files, path, args):
    """Indexes `files` into a new database at `path`; returns (bytes read, documents)."""
    db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_stemmer(xapian.Stem("danish"))
    if args.spelling:
        generator.set_database(db)
        generator.set_flags(xapian.TermGenerator.FLAG_SPELLING)
    total = 0
    for name in files:
        with open(name, "rb") as handle:
            data = handle.read()
        total += len(data)
        document = xapian.Document()
        generator.set_document(document)
        generator.index_text(data)
        document.set_data(name)
        db.add_document(document)
        if args.batch and db.get_doccount() % args.batch == 0:
            db.commit()
    db.commit()
    docs = db.get_doccount()
    db.close()
    return total, docs

if __name__ == "__main__":
    main()
