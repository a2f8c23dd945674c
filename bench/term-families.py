#!/usr/bin/python3
"""What each family of terms in a referat index costs Xapian to write and to store.

    /usr/bin/python3 bench/term-families.py INDEX [--items N] [--batch DOCS] [--runs N]

Reads the documents of a referat index (terms with wdf and positions, values, the stored
record) into memory, then writes them again into fresh databases, once with everything and once
without each family in turn (or without its positions), committing every DOCS documents (about
50 files' items) and compacting at the end as a full build does; spelling data is added as
referat adds it (each item's plain words, summed, at the end). For each variant it prints the
terms and postings written, Xapian's CPU seconds (add_document, commits, compaction: the
documents are built before the clock starts) and the compacted size, and the differences from
the full index: what that family costs Xapian. With --runs N each variant is written N times
(the runs interleaved) and its least CPU time kept: on a shared machine single runs vary by
10–20%. What it costs referat to make the terms (Swift) is in bench/profile-index.sh's profile.

Needs Debian's python3-xapian, so run it with /usr/bin/python3.
"""
import argparse
import os
import shutil
import tempfile
import time

import xapian


def family(term):
    """The family of a term by its prefix (Sources/ReferatCore/IndexSchema.swift)."""
    for prefix, name in (("ZXC", "compound part stems"), ("XC", "compound parts"),
                         ("ZXB", "decision words"), ("XB", "decision words"),
                         ("ZXI", "recommendation words"), ("XI", "recommendation words"),
                         ("ZS", "title words"), ("S", "title words"),
                         ("Z", "stems")):
        if term.startswith(prefix):
            return name
    if term[:1].isupper():
        return "filters and ids"
    return "words"


def load(path, limit):
    """[(terms [(term, wdf, positions)], values [(slot, value)], data)] of the index's documents."""
    db = xapian.Database(path)
    documents = []
    for posting in db.postlist(""):
        document = db.get_document(posting.docid)
        terms = []
        for item in document.termlist():
            term = item.term.decode()
            positions = list(db.positionlist(posting.docid, item.term))
            terms.append((term, item.wdf, positions))
        values = [(v.num, v.value) for v in document.values()]
        documents.append((terms, values, document.get_data()))
        if limit and len(documents) == limit:
            break
    return documents


def spelling_word(term):
    # Sources/ReferatCore/SpellingData.swift: plain lowercase words of letters, 3 letters or more;
    # stop words are left out by asking the index's own spelling table (main()).
    return len(term) >= 3 and term.isalpha() and term[0].islower()


def build(documents, drop, positions_off, keep_data, spelling_words):
    """xapian.Document objects for one variant, and (terms, postings) counted."""
    built = []
    terms_written = positions_written = 0
    for terms, values, data in documents:
        document = xapian.Document()
        for term, wdf, positions in terms:
            name = family(term)
            if name in drop:
                continue
            document.add_term(term, wdf)
            terms_written += 1
            if positions and name not in positions_off:
                for position in positions:
                    document.add_posting(term, position, 0)
                positions_written += len(positions)
        for slot, value in values:
            document.add_value(slot, value)
        document.set_data(data if keep_data else b"")
        built.append(document)
    return built, terms_written, positions_written


def write(built, spelling, batch):
    """Writes the documents into a fresh database and compacts it: (CPU seconds, bytes)."""
    scratch = tempfile.mkdtemp(prefix="term-families-")
    try:
        start = time.process_time()
        db = xapian.WritableDatabase(os.path.join(scratch, "shard"), xapian.DB_CREATE_OR_OVERWRITE)
        for index, document in enumerate(built, 1):
            db.add_document(document)
            if index % batch == 0:
                db.commit()
        for word, count in spelling.items():
            db.add_spelling(word, count)
        db.commit()
        db.close()
        xapian.Database(os.path.join(scratch, "shard")).compact(os.path.join(scratch, "compact"),
                                                                  xapian.Compactor.FULL)
        seconds = time.process_time() - start
        size = sum(os.path.getsize(os.path.join(directory, name))
                   for directory, _, names in os.walk(os.path.join(scratch, "compact")) for name in names)
        return seconds, size
    finally:
        shutil.rmtree(scratch)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("index")
    parser.add_argument("--items", type=int, default=0, help="only the first N items")
    parser.add_argument("--batch", type=int, default=450, help="documents per commit")
    parser.add_argument("--runs", type=int, default=1, help="write each variant N times, keep the least CPU time")
    args = parser.parse_args()

    documents = load(args.index, args.items)
    source = xapian.Database(args.index)
    # The index's own spelling table says which words are spelling words (stop words are not).
    known = {item.term.decode() for item in source.spellings()}
    spelling = {}
    for terms, _, _ in documents:
        for term, _, _ in terms:
            if family(term) == "words" and spelling_word(term) and term in known:
                spelling[term] = spelling.get(term, 0) + 1
    families = sorted({family(t) for terms, _, _ in documents for t, _, _ in terms})

    variants = [("everything", set(), set(), True, spelling)]
    variants += [(f"without {name}", {name}, set(), True, spelling) for name in families if name != "words"]
    variants += [(f"{name} without positions", set(), {name}, True, spelling)
                 for name in ("words", "title words", "decision words", "recommendation words")]
    variants += [("without spelling data", set(), set(), True, {}),
                 ("without the stored record", set(), set(), False, spelling),
                 ("words, stems, filters only (no record)", set(families) - {"words", "stems", "filters and ids"},
                  set(), False, {})]

    print(f"{len(documents)} items from {args.index}, a commit every {args.batch} items, compacted")
    print(f"{'variant':<42} {'terms':>9} {'positions':>10} {'cpu s':>7} {'MB':>7} {'Δ cpu s':>8} {'Δ MB':>7}")
    results = {}
    for _ in range(args.runs):
        for name, drop, positions_off, keep_data, words in variants:
            built, terms, positions = build(documents, drop, positions_off, keep_data, words)
            seconds, size = write(built, words, args.batch)
            del built
            if name not in results or seconds < results[name][2]:
                results[name] = (terms, positions, seconds, size)
    base = results["everything"][2:]
    for name, *_ in variants:
        terms, positions, seconds, size = results[name]
        print(f"{name:<42} {terms:>9} {positions:>10} {seconds:>7.2f} {size / 1e6:>7.1f} "
              f"{seconds - base[0]:>+8.2f} {(size - base[1]) / 1e6:>+7.1f}")


if __name__ == "__main__":
    main()
