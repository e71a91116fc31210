#!/usr/bin/env python3
"""Speed of newstext.clean (and newstext.dates) against newstext.tokenize and peers.

Target (issue 3): ``clean`` costs at most 2x ``tokenize`` on the same text.
Every row runs in this one process on the same texts:

* the PFSA-ID dev articles (``../shared/corpus/pfsa_id/pfsa_id_dev.jsonl``,
  257 Kompas articles, one call per article — how clean is used), and
* the five seed scrapes (``../shared/corpus/seeds/*.txt``, real page chrome).

Rows: ``newstext.tokenize`` (the reference), ``newstext.clean``,
``newstext.dates``, and, when installed, peers a user would reach for:
``justext.justext`` (the jusText boilerplate classifier; it needs HTML, so
each text is given as one ``<p>`` per line) and ``dateparser.search.search_dates``.
Times are the best of ``--repeat`` runs over the whole set (one run for the
slow peers), after one warm-up call; ratios are the row's time over
``tokenize``'s.

    python benchmarks/bench_clean.py            # markdown table
    python benchmarks/bench_clean.py --check    # exit 1 if clean > 2x tokenize
    python benchmarks/bench_clean.py --options  # only the clean= table below

A second table times the ``clean=`` option of keywords and quotes (issue 3,
item 5) against what a user would otherwise write in Python,
``keywords(clean(text).text)``, and against ``tokenize``; all calls with
``lang="id"``, rounds interleaved (each round times every row once), best
round per row.

Prints "skipped: ..." and exits 0 when the corpus is absent.
"""

from __future__ import annotations

import argparse
import gc
import html
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
PFSA = CORPUS / "pfsa_id" / "pfsa_id_dev.jsonl"
SEEDS = CORPUS / "seeds"
TARGET = 2.0


def best_time(fn, texts, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best


def contenders(newstext):
    rows = [
        ("newstext.tokenize", "tokenize(text)", lambda: newstext.tokenize),
        ("newstext.clean", "clean(text)", lambda: newstext.clean),
        ("newstext.dates", "dates(text)", lambda: newstext.dates),
    ]

    def justext_setup():
        import justext
        stop = justext.get_stoplist("Indonesian")

        def run(text):
            page = "<html><body>" + "".join(f"<p>{html.escape(l)}</p>" for l in text.split("\n")) + "</body></html>"
            return justext.justext(page, stop)
        return run

    def dateparser_setup():
        from dateparser.search import search_dates

        def run(text):
            return search_dates(text, languages=["id", "en"])
        return run

    rows.append(("justext.justext", "justext(<p> per line>, Indonesian)", justext_setup))
    rows.append(("dateparser.search_dates", "search_dates(text, languages=['id','en'])", dateparser_setup))
    return rows


def clean_option_rows(newstext):
    """The clean= rows: name, function of one text."""
    lg = "id"
    kw, qu, cl = newstext.keywords, newstext.quotes, newstext.clean
    return [
        ("tokenize(text)", lambda t: newstext.tokenize(t, lang=lg)),
        ("clean(text)", lambda t: cl(t, lang=lg)),
        ("keywords(text)", lambda t: kw(t, lang=lg)),
        ("keywords(text, clean=True)", lambda t: kw(t, lang=lg, clean=True)),
        ("keywords(clean(text).text)", lambda t: kw(cl(t, lang=lg).text, lang=lg)),
        ("quotes(text)", lambda t: qu(t, lang=lg)),
        ("quotes(text, clean=True)", lambda t: qu(t, lang=lg, clean=True)),
        ("quotes(clean(text).text)", lambda t: qu(cl(t, lang=lg).text, lang=lg)),
    ]


def bench_clean_option(newstext, sets, repeat: int) -> None:
    print("### clean= option of keywords and quotes (one call per article, lang='id')\n")
    rows = clean_option_rows(newstext)
    for label, texts in sets:
        best = [float("inf")] * len(rows)
        for _, fn in rows:
            fn(texts[0])  # warm-up
        for _ in range(repeat):
            for i, (_, fn) in enumerate(rows):
                gc.collect()
                t0 = time.perf_counter()
                for t in texts:
                    fn(t)
                best[i] = min(best[i], time.perf_counter() - t0)
        ref = best[0]
        times = {name: b for (name, _), b in zip(rows, best)}
        print(f"{label}: {sum(len(t) for t in texts):,} chars\n")
        print("| call | ms per set | ratio to tokenize | ratio to the Python way |")
        print("|---|---:|---:|---:|")
        for name, b in times.items():
            py = {"keywords(text, clean=True)": "keywords(clean(text).text)",
                  "quotes(text, clean=True)": "quotes(clean(text).text)"}.get(name)
            rel = f"{b / times[py]:.2f}x" if py else ""
            print(f"| `{name}` | {b * 1e3:.1f} | {b / ref:.2f}x | {rel} |")
        print()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--check", action="store_true", help="exit 1 if clean costs more than 2x tokenize")
    ap.add_argument("--options", action="store_true", help="only time the clean= option of keywords/quotes")
    args = ap.parse_args(argv)
    if not PFSA.exists() and not SEEDS.exists():
        print(f"skipped: {CORPUS} not found")
        return 0
    import newstext

    sets = []
    if PFSA.exists():
        docs = [json.loads(l)["text"] for l in PFSA.open(encoding="utf-8") if l.strip()]
        sets.append(("PFSA-ID dev (257 articles)", docs))
    if SEEDS.exists():
        sets.append(("seeds (5 scrapes)", [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]))

    if args.options:
        bench_clean_option(newstext, sets, args.repeat)
        return 0
    ok = True
    for label, texts in sets:
        chars = sum(len(t) for t in texts)
        print(f"### {label}: {chars:,} chars\n")
        print("| call | ms per set | MB/s | ratio to tokenize |")
        print("|---|---:|---:|---:|")
        ref = None
        for name, call, setup in contenders(newstext):
            try:
                fn = setup()
            except ImportError:
                print(f"| {name} | not installed | | |")
                continue
            fn(texts[0])  # warm-up: imports, caches, lazy tables
            reps = args.repeat if not name.startswith(("justext", "dateparser")) else 1
            secs = best_time(fn, texts, reps)
            if ref is None:
                ref = secs
            ratio = secs / ref
            mbs = sum(len(t.encode("utf-8")) for t in texts) / secs / 1e6
            print(f"| {name} `{call}` | {secs * 1e3:.1f} | {mbs:.1f} | {ratio:.2f}x |")
            if name == "newstext.clean":
                ok = ok and ratio <= TARGET
        print()
    print(f"target: newstext.clean <= {TARGET}x newstext.tokenize on the same text: "
          f"{'met' if ok else 'MISSED'}\n")
    bench_clean_option(newstext, sets, args.repeat)
    if args.check and not ok:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
