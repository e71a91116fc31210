#!/usr/bin/env python3
"""Keyword extraction speed: newstext.keywords against the yake package.

Both run in this one process, on this one machine, on the same news
documents: the 257 PFSA-ID dev articles (Indonesian, ../shared/corpus/pfsa_id)
and, when present, the UD English EWT dev documents.  Each side gets the same
settings (YAKE, n=3, top 10, dedup 0.9, the same stop list) so both do the same
work.  The table reports documents per second and the *ratio*; absolute times
only mean something next to each other.

    python benchmarks/bench_keywords.py            # full run
    python benchmarks/bench_keywords.py --yake-docs 60   # time yake on fewer documents
    python benchmarks/bench_keywords.py --check    # exit 1 if a target is missed

Targets (issue 4): YAKE >= 50x faster than the yake package; keywords for the
257 PFSA-ID dev articles well under a second.
Prints "skipped: ..." and exits 0 when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared" / "corpus"
PFSA = SHARED / "pfsa_id" / "pfsa_id_dev.jsonl"
UD_EN = SHARED / "ud" / "en_ewt-ud-dev.conllu"

sys.path.insert(0, str(REPO_ROOT / "tests"))


def load_pfsa(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def best_of(fn, repeat):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="newstext timing repeats (best is kept)")
    ap.add_argument("--yake-docs", type=int, default=0, help="time yake on the first N documents only (0 = all)")
    ap.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = ap.parse_args(argv)

    if not PFSA.exists():
        print(f"skipped: {PFSA} not found")
        return 0
    import newstext

    try:
        import yake
        from yake_parity import parity_stopwords
    except ImportError:
        yake = None

    sets = [("PFSA-ID dev (id)", "id", load_pfsa(PFSA))]
    if UD_EN.exists():
        from yake_parity import ud_documents

        sets.append(("UD EWT dev docs (en)", "en", ud_documents(UD_EN, min_words=1)))

    print(f"# newstext.keywords vs yake {getattr(yake, '__version__', '(not installed)')}")
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    print()
    print("| documents | chars | contender | call | docs/s | seconds (all docs) | ratio |")
    print("|---|---:|---|---|---:|---:|---:|")
    missed = []
    for name, lang, docs in sets:
        chars = sum(map(len, docs))
        rows = []
        for method in ("yake", "rake", "textrank"):
            t = best_of(lambda: [newstext.keywords(d, lang=lang, method=method) for d in docs], args.repeat)
            rows.append((f"newstext ({method})", f"keywords(text, lang={lang!r}, method={method!r})", t))
        ours = rows[0][2]
        if yake is not None:
            ext = yake.KeywordExtractor(lan=lang, n=3, dedupLim=0.9, top=10, stopwords=parity_stopwords(lang))
            sub = docs[: args.yake_docs] if args.yake_docs else docs
            t0 = time.perf_counter()
            for d in sub:
                ext.extract_keywords(d)
            ty = (time.perf_counter() - t0) * len(docs) / len(sub)
            note = "" if len(sub) == len(docs) else f" (timed on {len(sub)}, scaled)"
            rows.append((f"yake {yake.__version__}", "KeywordExtractor(n=3, top=10).extract_keywords" + note, ty))
        for cname, call, t in rows:
            ratio = t / ours
            print(f"| {name} | {chars:,} | {cname} | `{call}` | {len(docs) / t:,.0f} | {t:.3f} | {ratio:.1f}x |")
        if yake is not None:
            speedup = rows[-1][2] / ours
            print(f"|  |  | **speed-up of newstext YAKE over yake** |  |  |  | **{speedup:.0f}x** |")
            if speedup < 50:
                missed.append(f"{name}: YAKE only {speedup:.0f}x faster than yake (target 50x)")
        if lang == "id":
            if ours >= 1.0:
                missed.append(f"{name}: {ours:.3f} s for {len(docs)} articles (target well under 1 s)")
    print()
    print("Targets: newstext YAKE >= 50x faster than the yake package; the 257 PFSA-ID dev "
          "articles in well under a second.")
    if yake is None:
        print("note: yake is not installed (pip install yake==0.4.8): no ratio")
    for m in missed:
        print("MISSED:", m)
    if not missed:
        print("all targets met")
    return 1 if (args.check and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
