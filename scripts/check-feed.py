#!/usr/bin/env python3
"""The Atom feed as a feed reader sees it: /feed.atom?q=palliation read with feedparser (a real
parser), which must find a well-formed Atom 1.0 feed with RFC 4287's required elements: the
feed's id, title and updated; each entry's id, title, updated and link, entries newest first.
Usage: REFERAT_URL=http://127.0.0.1:PORT check-feed.py"""
import os
import sys
import urllib.request

import feedparser

base = os.environ["REFERAT_URL"]
url = base + "/feed.atom?q=palliation"
with urllib.request.urlopen(url) as response:
    content_type = response.headers["Content-Type"]
    body = response.read()
feed = feedparser.parse(body, response_headers={"content-location": url, "content-type": content_type})
problems = []
if feed.bozo:
    problems.append(f"not well-formed: {feed.bozo_exception}")
if feed.version != "atom10":
    problems.append(f"not Atom 1.0 but {feed.version!r}")
for key in ("id", "title", "updated"):
    if not feed.feed.get(key):
        problems.append(f"the feed has no {key}")
if not feed.entries:
    problems.append("no entries for palliation")
for entry in feed.entries:
    for key in ("id", "title", "updated", "link"):
        if not entry.get(key):
            problems.append(f"entry {entry.get('id')} has no {key}")
    if not entry.get("link", "").startswith(base + "/items/"):
        problems.append(f"entry {entry.get('id')} links to {entry.get('link')}, not an item page")
dates = [entry.get("updated_parsed") for entry in feed.entries]
if dates != sorted(dates, reverse=True):
    problems.append("entries are not newest first")
for problem in problems:
    print(f"check-feed: FAIL: {problem}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"check-feed: ok: {len(feed.entries)} entries, Atom 1.0, every required element present")
