#!/usr/bin/env python3
"""Named entities (newstext.entities / Corpus.entities): precision judged by
hand on the five seed articles, plus counts on PFSA-ID dev.

There is no entity gold in ../shared/corpus, so precision is measured
against ``eval/data/entities_seeds.judged.tsv``: every (article, canonical
entity) that Corpus.entities() returned on the seeds, judged by reading it in
context (1 = a named entity with the right boundaries, 0 = not an entity, cut
short, or two glued together).  Rows the code returns that are not in the
file are listed as "unjudged" (judge them and add them after changing the
algorithm); judged rows no longer returned are listed as "gone".  Recall is
not measured.

Also reported: how the seeds' aliases merge (every mention written "Putin"
or "Kim" and the canonical names it went to), and on PFSA-ID dev (257 Kompas
articles, clean bodies) the number of entities and mentions per article.

Usage (from the repository root)::

    python eval/entities.py

Prints "skipped: ..." and exits 0 when the corpus is absent.
"""

from __future__ import annotations

import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "corpus"
SEEDS = SHARED / "seeds"
PFSA = SHARED / "pfsa_id" / "pfsa_id_dev.jsonl"
JUDGED = ROOT / "eval" / "data" / "entities_seeds.judged.tsv"


def load_judged() -> dict:
    out = {}
    for line in JUDGED.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        doc, entity, ok, *_ = line.split("\t") + [""]
        out[(doc, entity)] = int(ok)
    return out


def main() -> int:
    import newstext

    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        print(f"skipped: {SEEDS} not found")
        return 0
    corpus = newstext.Corpus([f.read_text(encoding="utf-8") for f in files], ids=[f.name[:3] for f in files])
    df = corpus.entities()
    judged = load_judged()
    got = [(r.doc_id, r.entity) for r in df.itertuples()]
    scored = [judged[k] for k in got if k in judged]
    unjudged = [k for k in got if k not in judged]
    gone = sorted(set(judged) - set(got))
    print("## Entities on the seeds (hand-judged precision)\n")
    print("| articles | entities returned | judged | correct | precision | unjudged | gone |")
    print("|---|---|---|---|---|---|---|")
    prec = sum(scored) / len(scored) if scored else 0.0
    print(f"| {len(files)} | {len(got)} | {len(scored)} | {sum(scored)} | {prec:.3f} | {len(unjudged)} | {len(gone)} |")
    if unjudged:
        print("\nunjudged:", "; ".join(f"{d} {e}" for d, e in unjudged))
    if gone:
        print("gone:", "; ".join(f"{d} {e}" for d, e in gone))
    kinds = collections.Counter(df.kind)
    print("\nkinds:", dict(kinds))

    print("\n## Alias merging on the seeds\n")
    short = collections.Counter()
    for d in corpus:
        for e in d.entities():
            if e.text in ("Putin", "Kim", "Jong Un", "Kim Jong-un"):
                short[(e.text, e.canonical)] += 1
    for (text, canon), n in sorted(short.items()):
        print(f"- {text!r} -> {canon!r}: {n} mentions")

    if PFSA.exists():
        texts = [json.loads(line)["text"] for line in PFSA.read_text(encoding="utf-8").splitlines() if line.strip()]
        bodies = [newstext.clean(t).text for t in texts]
        t0 = time.perf_counter()
        res = [newstext.entities(b) for b in bodies]
        dt = time.perf_counter() - t0
        n_mentions = sum(map(len, res))
        n_entities = sum(len({e.canonical for e in r}) for r in res)
        print("\n## PFSA-ID dev (clean bodies)\n")
        print(f"{len(texts)} articles: {n_entities} entities ({n_entities / len(texts):.1f} per article), "
              f"{n_mentions} mentions; {dt * 1000:.0f} ms for all ({sum(map(len, bodies)) / dt / 1e6:.1f} M chars/s)")
    else:
        print(f"\nPFSA-ID: skipped ({PFSA} not found)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
