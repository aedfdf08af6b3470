"""Character error rate and identifiers found, scan against source, per document and in all.

CER: Levenshtein distance between the two texts with every run of white space made one
space (line breaks and page furniture are layout, not characters), over the source's length.
Identifiers: the citations trichdan extracts from the source text, as a multiset of
identifiers; found = how many of them it extracts from the scan's text too."""
import json
import os
import sys
import unicodedata
from collections import Counter

from rapidfuzz.distance import Levenshtein


def norm(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def read(path):
    return json.loads(open(path, encoding="utf-8").readline())


out, docs = sys.argv[1], sys.argv[2:]
total_chars = total_edits = total_ids = found_ids = pages = 0
print(f"{'document':48} {'pages':>5} {'chars':>7} {'CER':>7} {'identifiers':>12}")
for src in docs:
    name = os.path.basename(src)[:-4]
    d = os.path.join(out, name)
    source, scan = read(os.path.join(d, "source.json")), read(os.path.join(d, "scan.json"))
    assert scan["ocr"], f"{name}: the scan was not read by OCR"
    a, b = norm(source["text"]), norm(scan["text"])
    edits = Levenshtein.distance(a, b)
    want = Counter(c["id"] for c in source["citations"])
    got = Counter(c["id"] for c in scan["citations"])
    hit = sum(min(n, got[i]) for i, n in want.items())
    n_pages = len([f for f in os.listdir(d) if f.startswith("n-")])
    pages += n_pages
    total_chars += len(a)
    total_edits += edits
    total_ids += sum(want.values())
    found_ids += hit
    missed = sorted((want - got).elements())
    print(f"{name:48} {n_pages:5} {len(a):7} {edits / len(a):7.2%} {hit:5}/{sum(want.values()):<6} {' '.join(missed)}")
print(f"{'all':48} {pages:5} {total_chars:7} {total_edits / total_chars:7.2%} {found_ids:5}/{total_ids:<6} ({found_ids / max(total_ids, 1):.1%})")
