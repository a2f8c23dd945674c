#!/usr/bin/env python3
"""Charges each sample of a demangled `perf script` (call graphs) to an indexing step.

    python3 bench/profile-split.py STACKS [--other]

A sample goes to the first step, from the innermost frame outwards, whose pattern matches a
frame's function name (the demangled name before its argument list, so that argument types
such as `inout PendingSpelling` do not count). Prints each step's share of the samples;
--other also lists the commonest stacks that matched no step.
"""
import collections
import re
import sys

STEPS = [
    ("compaction (merging the shards)", r"compact"),
    ("spelling: added to Xapian at checkpoints", r"SpellingDelta\.apply|addSpelling|removeSpelling"),
    ("spelling: pending counts per batch", r"PendingSpelling\.record|SpellingDelta\.(add|encoded|change)"),
    ("Xapian: commit", r"commit_transaction|xap_database_commit|WritableDatabase\.commit"),
    ("Xapian: add document (postings, term list, data)", r"replaceDocument|replace_document|add_document"),
    ("JSON record", r"JSONEncoder|JSONWriter"),
    ("compound splitting", r"CompoundSplitter"),
    ("stemming", r"Stemmer\.stem|xap_stem"),
    ("tokenising", r"Tokenizer\.|XapianWordScanner|Clitic"),
    ("synonym phrases", r"impliedTerms"),
    ("Xapian: terms into the document", r"Document\.add(Posting|Term|BooleanTerm)|Document\.set(Data|Value)"),
    ("TermIndexer (caches, prefixes, spelling words)", r"TermIndexer"),
    ("DocumentBuilder (rest)", r"DocumentBuilder"),
    ("ItemRecord", r"ItemRecord"),
    ("Xapian: freeing documents", r"xap_document_free|Document\.deinit"),
    ("normalising text", r"Normalizer|Markup"),
    ("parsing minutes", r"^(static )?(MinutesParser|Minutes|HeadingSelector|HeadingCandidate|ItemBoundary|"
     r"SectionSplitter|DateScanner|MeetingDateReader|ForumReader|TitleReader|RegionReader|OrganisationReader|"
     r"LineShape|NumberedText|BlockContext|SourceDocument|ItemSpan|HeadingWrap|MeetingStatement|SectionHeading|"
     r"DanishCalendar|MeetingMetadata)"),
    ("reading, decoding, hashing files", r"CorpusReader|DocumentReader|PlainText|sha256|SHA256|DocumentText"),
    ("loading the word list", r"Lexicon"),
]


def main():
    steps = [(name, re.compile(pattern)) for name, pattern in STEPS]
    counts = collections.Counter()
    unmatched = collections.Counter()
    for sample in open(sys.argv[1]).read().split("\n\n"):
        lines = sample.strip().split("\n")
        # "\t address function+0x12 (library)", innermost first.
        names = [re.sub(r"\+0x[0-9a-f]+ \(.*$", "", line.strip().split(" ", 1)[1])
                 for line in lines[1:] if " " in line.strip()]
        if not names:
            continue
        step = next((name for frame in names for name, pattern in steps
                     if pattern.search(frame.split("(")[0])), None)
        counts[step or "other"] += 1
        if step is None:
            unmatched[" < ".join(frame[:50] for frame in names[:4])] += 1
    total = sum(counts.values())
    for name, count in counts.most_common():
        print(f"{100 * count / total:5.1f}%  {name}")
    if "--other" in sys.argv:
        for stack, count in unmatched.most_common(30):
            print(count, stack)


if __name__ == "__main__":
    main()
