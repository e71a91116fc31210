#!/usr/bin/env python3
"""Corpus.shared_quotes in C (newstext.duplicates(shingle=1, exact=True))
gives exactly what the former pure-Python matching gave.

The reference below is the Python implementation Corpus.shared_quotes had
before its word sets and similarity join moved to csrc/similar.c (word sets
from newstext.tokenize(lower=True, punct=False), a word index, Jaccard of
every pair sharing a word).  Both run on the seed articles, on PFSA-ID dev,
and on both together, for several thresholds and min_words; the frames
must be equal (same groups, rows, order and similarities).

    python eval/shared_quotes_parity.py

Exit status 0 when all equal (or the corpus is absent: "skipped: ..."), 1
otherwise.  Also prints the time of both on the largest set.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "corpus"


def reference(corpus, threshold=0.6, min_words=5, kinds=("direct", "partial")):
    import pandas as pd

    import newstext

    keep = set([kinds] if isinstance(kinds, str) else kinds)
    items = []
    for di, d in enumerate(corpus):
        for q in d.quotes():
            if q.kind not in keep:
                continue
            words = frozenset(newstext.tokenize(q.text, lang=d.lang, lower=True, punct=False))
            if len(words) >= min_words:
                items.append((di, d, q, words))
    index: dict = {}
    for i, (_, _, _, words) in enumerate(items):
        for w in words:
            index.setdefault(w, []).append(i)
    parent = list(range(len(items)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    best = [0.0] * len(items)
    for i, (di, _, _, words) in enumerate(items):
        shared: dict = {}
        for w in words:
            for j in index[w]:
                if j > i and items[j][0] != di:
                    shared[j] = shared.get(j, 0) + 1
        for j, n in shared.items():
            sim = n / (len(words) + len(items[j][3]) - n)
            if sim >= threshold:
                best[i] = max(best[i], sim)
                best[j] = max(best[j], sim)
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict = {}
    for i in range(len(items)):
        if best[i] > 0.0:
            groups.setdefault(find(i), []).append(i)
    ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0]))
    rows = []
    for gi, members in enumerate(ordered):
        for i in members:
            _, d, q, _ = items[i]
            rows.append((gi, d.id, q.speaker, q.text, q.start, q.end, best[i]))
    return pd.DataFrame(rows, columns=["group", "doc_id", "speaker", "text", "start", "end", "similarity"])


def main() -> int:
    seeds = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
    pfsa = SHARED / "pfsa_id" / "pfsa_id_dev.jsonl"
    if not seeds or not pfsa.exists():
        print(f"skipped: {SHARED} not found")
        return 0
    try:
        import pandas  # noqa: F401
    except ImportError:
        print("skipped: pandas is not installed")
        return 0
    import newstext

    seed_texts = [p.read_text(encoding="utf-8") for p in seeds]
    pfsa_texts = [json.loads(line)["text"] for line in pfsa.read_text(encoding="utf-8").splitlines() if line.strip()]
    sets = {"seeds": seed_texts, "pfsa_id dev": pfsa_texts, "both": seed_texts + pfsa_texts}
    bad = 0
    print("| set | threshold | min_words | rows | groups | equal |")
    print("|---|---|---|---|---|---|")
    for name, texts in sets.items():
        corpus = newstext.Corpus(texts)
        for threshold, min_words in ((0.6, 5), (0.5, 3), (0.8, 5), (0.3, 1)):
            got = corpus.shared_quotes(threshold=threshold, min_words=min_words)
            want = reference(corpus, threshold=threshold, min_words=min_words)
            equal = got.equals(want)
            bad += not equal
            print(f"| {name} | {threshold} | {min_words} | {len(got)} | {got.group.nunique()} | {equal} |")
    corpus = newstext.Corpus(sets["both"])
    corpus.quotes()  # warm the per-document caches: time the matching only
    t0 = time.perf_counter()
    corpus.shared_quotes()
    t1 = time.perf_counter()
    reference(corpus)
    t2 = time.perf_counter()
    print(f"\nshared_quotes on {len(corpus)} articles (quotes cached): C {(t1 - t0) * 1000:.0f} ms, "
          f"Python reference {(t2 - t1) * 1000:.0f} ms ({(t2 - t1) / (t1 - t0):.1f}x)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
