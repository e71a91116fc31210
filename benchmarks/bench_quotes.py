#!/usr/bin/env python3
"""Quote extraction speed: newstext.quotes against newstext.tokenize and a naive regex.

All rows run in this one process on the same text: the PFSA-ID dev articles
(about 1.5 MB of Kompas news), either joined with blank lines into one text
(``--joined``, the default) or one call per article (``--per-doc``).  The
table reports MB/s and ratios; the target (issue 5) is that ``quotes`` costs
at most 3x ``tokenize`` on the same text.

Peers: textacy's ``extract.triples.direct_quotations`` is the known English
tool, but it needs spaCy plus a trained pipeline with a dependency parser
(``en_core_web_sm``), which cannot be downloaded in this environment, so no
peer row can run here.  The "naive regex" row is the obvious stand-in (pair
marks left to right, read ``cue Name`` after the closing mark) - the same
baseline eval/quotes.py scores for accuracy.

    python benchmarks/bench_quotes.py            # markdown table
    python benchmarks/bench_quotes.py --per-doc --repeat 5
    python benchmarks/bench_quotes.py --check    # exit 1 if the target is missed

Prints "skipped: ..." and exits 0 when ../shared/corpus is absent.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "pfsa_id" / "pfsa_id_dev.jsonl"
sys.path.insert(0, str(ROOT / "eval"))


def best_of(fn, docs, repeat):
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        for d in docs:
            fn(d)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--per-doc", action="store_true", help="one call per article")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found")
        return 0
    import newstext
    from quotes import naive_system  # eval/quotes.py

    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = texts if args.per_doc else ["\n\n".join(texts)]
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    rows = [
        ("newstext.tokenize", lambda d: newstext.tokenize(d, lang="id")),
        ("newstext.token_spans", lambda d: newstext.token_spans(d, lang="id")),
        ("newstext.quotes", lambda d: newstext.quotes(d, lang="id")),
        ("newstext.quotes (lang='auto')", lambda d: newstext.quotes(d)),
        ("naive regex quotes + cue", lambda d: naive_system(d)),
        ("textacy direct_quotations", None),
    ]
    n_quotes = sum(len(newstext.quotes(d, lang="id")) for d in docs)
    print(f"# quotes speed: {len(texts)} PFSA-ID dev articles, {mb:.2f} MB UTF-8, "
          f"{'one call per article' if args.per_doc else 'one joined text'}, best of {args.repeat}")
    print(f"# python {platform.python_version()}, {platform.machine()}, newstext {newstext.__version__}; "
          f"{n_quotes} quotes found")
    print()
    print("| row | time (s) | MB/s | time ÷ newstext.tokenize |")
    print("|---|---|---|---|")
    times = {}
    for name, fn in rows:
        if fn is None:
            print(f"| {name} | not run: needs spaCy + en_core_web_sm (cannot be downloaded here) | | |")
            continue
        t = best_of(fn, docs, args.repeat)
        times[name] = t
        print(f"| {name} | {t:.3f} | {mb / t:.1f} | {t / times['newstext.tokenize']:.2f} |")
    ratio = times["newstext.quotes"] / times["newstext.tokenize"]
    ok = ratio <= 3.0
    print(f"\ntarget: newstext.quotes <= 3x newstext.tokenize: {ratio:.2f}x -> {'met' if ok else 'MISSED'}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
