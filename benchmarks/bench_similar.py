#!/usr/bin/env python3
"""Near-duplicates: newstext.duplicates against datasketch and exact Jaccard.

Input: the five seed articles plus the 257 PFSA-ID dev articles
(../shared/corpus), clean bodies, and for each a lightly edited copy (one
sentence dropped, every 40th word changed: what a second outlet does to a
wire story) — 524 texts in which 262 pairs are known near-duplicates.

Rows, in one process, same texts, threshold 0.8 on 3-word shingles:

* ``newstext.duplicates``: shingling, MinHash (128 permutations), LSH
  banding and exact verification, all in C;
* ``newstext.duplicates(exact=True)``: the prefix-filter join in C, no
  signatures;
* ``datasketch MinHashLSH``: shingles made in Python (newstext.tokenize),
  ``MinHash.update_batch`` (128 permutations), ``MinHashLSH`` insert +
  query — candidates only, unverified;
* ``exact all pairs (Python)``: the same shingle sets, Jaccard of every
  pair with set operations (the reference answer).

For each: the time (best of ``--repeat``), the ratio to newstext, pairs
found, and recall/precision against the exact answer.  Prints "skipped: ..."
and exits 0 when ../shared is absent; rows for datasketch say "not
installed" when it is missing.

    python benchmarks/bench_similar.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared" / "corpus"
THRESHOLD = 0.8


def edited(text: str) -> str:
    """Drop the second sentence and change every 40th word (deterministic)."""
    parts = text.split(". ")
    if len(parts) > 3:
        del parts[1]
    words = ". ".join(parts).split(" ")
    return " ".join(w + "x" if i % 40 == 39 else w for i, w in enumerate(words))


def best(fn, repeat):
    out, times = None, []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    pfsa = SHARED / "pfsa_id" / "pfsa_id_dev.jsonl"
    if not pfsa.exists() or not (SHARED / "seeds").is_dir():
        print(f"skipped: {SHARED} not found")
        return 0
    import newstext

    raw = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    raw += [json.loads(line)["text"] for line in pfsa.read_text(encoding="utf-8").splitlines() if line.strip()]
    bodies = [newstext.clean(t).text for t in raw]
    texts = bodies + [edited(b) for b in bodies]
    n = len(texts)

    def shingles(t):
        w = newstext.tokenize(t, lower=True, punct=False)
        return {" ".join(w[i:i + 3]) for i in range(max(1, len(w) - 2))} if w else set()

    def run_newstext():
        return {(p.a, p.b) for p in newstext.duplicates(texts, threshold=THRESHOLD)}

    def run_newstext_exact():
        return {(p.a, p.b) for p in newstext.duplicates(texts, threshold=THRESHOLD, exact=True)}

    def run_exact():
        sets = [shingles(t) for t in texts]
        found = set()
        for i, j in itertools.combinations(range(n), 2):
            a, b = sets[i], sets[j]
            if a and b:
                inter = len(a & b)
                if inter / (len(a) + len(b) - inter) >= THRESHOLD:
                    found.add((i, j))
        return found

    def run_datasketch():
        from datasketch import MinHash, MinHashLSH

        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=128)
        mhs = []
        for i, t in enumerate(texts):
            m = MinHash(num_perm=128, seed=1)
            m.update_batch([s.encode("utf-8") for s in shingles(t)])
            lsh.insert(i, m)
            mhs.append(m)
        found = set()
        for i, m in enumerate(mhs):
            for j in lsh.query(m):
                if j != i:
                    found.add((min(i, j), max(i, j)))
        return found

    t_nt, nt_pairs = best(run_newstext, args.repeat)
    t_nx, nx_pairs = best(run_newstext_exact, args.repeat)
    t_ex, exact = best(run_exact, 1)
    try:
        import datasketch  # noqa: F401

        t_ds, ds_pairs = best(run_datasketch, args.repeat)
    except ImportError:
        t_ds, ds_pairs = None, None
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{n} texts ({sum(map(len, texts)) / 1e6:.2f} M chars), threshold {THRESHOLD}, "
          f"{len(exact)} exact pairs; load average {load:.2f}\n")
    print("| method | time | x newstext | pairs | recall | precision |")
    print("|---|---|---|---|---|---|")

    def row(name, t, pairs):
        if t is None:
            print(f"| {name} | not installed | | | | |")
            return
        hit = len(pairs & exact)
        rec = hit / len(exact) if exact else 1.0
        prec = hit / len(pairs) if pairs else 1.0
        print(f"| {name} | {t * 1000:.0f} ms | {t / t_nt:.1f} | {len(pairs)} | {rec:.3f} | {prec:.3f} |")

    row("newstext.duplicates", t_nt, nt_pairs)
    row("newstext.duplicates(exact=True)", t_nx, nx_pairs)
    row("datasketch MinHashLSH", t_ds, ds_pairs)
    row("exact all pairs (Python)", t_ex, exact)
    return 0


if __name__ == "__main__":
    sys.exit(main())
