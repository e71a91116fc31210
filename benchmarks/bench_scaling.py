"""Linear cost on pathological input: time every public call at size n and 2n.

For each input shape (quote-mark floods of every glyph, a text with no space,
a long word between words, hyphen chains, deep parentheses, abbreviation
floods, unbalanced quotes, mojibake, realistic news, ...) and every public
call, the best of a few runs at n, 2n and 4n characters is timed and both
doubling ratios printed (t(2n)/t(n) and t(4n)/t(2n)).  Linear cost gives
about 2; the target (issue 7) is at most 2.5.

A call is judged on the smaller of its two ratios.  A super-linear path
(quadratic: about 4) shows at every doubling, while this machine's memory
hierarchy adds one-off steps (a buffer outgrowing a cache or the allocator's
mmap threshold makes one doubling cost 3-5x, the next one 2x again: e.g.
token_spans('"' * n) measured 5.5, 28, 80, 165 ms at 1, 2, 4, 8 M).  Calls
under 2 ms at the largest size are timer noise, shown in parentheses and
not judged.

    python benchmarks/bench_scaling.py [--n 150000] [--repeat 3] [--strict]

--strict exits 1 when a judged ratio exceeds the target.  Needs only
examples/articles/ (shipped with the repository).
"""

from __future__ import annotations

import argparse
import gc
import pathlib
import random
import sys
import time

import newstext

HERE = pathlib.Path(__file__).resolve().parent
ARTICLES = sorted((HERE.parent / "examples" / "articles").glob("*.txt"))
NEWS = "\n\n".join(p.read_text(encoding="utf-8") for p in ARTICLES)
TARGET = 2.5
MIN_JUDGED = 0.002  # seconds at 2n; below this the ratio is timer noise


def _fill(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def shapes(n: int) -> dict[str, str]:
    rnd = random.Random(7)
    d = {}
    for g in ['"', "“", "”", "‘", "’", "«", "»", "„"]:
        d[f"marks {g}"] = g * n
    d["no space"] = "a" * n
    d["word between words"] = "Presiden Budi " + "a" * n + " pergi."
    d["combining marks"] = "Budi " + "a" + "\u0301" * n + " pergi."
    d["hyphen chain"] = _fill("kata-", n)
    d["deep parens"] = "(" * (n // 2) + "kata" + ")" * (n // 2)
    d["open parens"] = _fill("(kata ", n)
    d["abbrev flood"] = _fill("Prof. ", n)
    d["initials flood"] = _fill("A. ", n)
    d["openers only"] = _fill("“Kami siap, ", n)
    d["cue flood"] = _fill("“Ya,” kata Budi. ", n)
    d["unbalanced news"] = "“" + _fill(NEWS.replace("”", "") + "\n\n", n)
    d["mojibake news"] = _fill(NEWS.encode("utf-8").decode("latin-1") + "\n\n", n)
    d["news"] = _fill(NEWS + "\n\n", n)
    d["distinct words"] = " ".join("w%010x" % rnd.getrandbits(40) for _ in range(n // 12))
    d["date flood"] = _fill("Rabu, 13 September 2023 pukul 16.00 WIB ", n)
    d["byline flood"] = _fill("Oleh: Budi\n", n)
    d["lone surrogates"] = _fill("kata \ud800 ", n)
    d["emoji"] = _fill("👩‍👩‍👧‍👦 😀 ", n)
    return d


REF = "Presiden Joko Widodo meresmikan bendungan di Jawa Tengah, Rabu (13/9/2023)."
CALLS = {
    "tokenize": lambda t: newstext.tokenize(t),
    "tokens": lambda t: newstext.tokens(t),
    "token_spans": lambda t: newstext.token_spans(t),
    "sentences": lambda t: newstext.sentences(t),
    "detect_lang": lambda t: newstext.detect_lang(t),
    "clean": lambda t: newstext.clean(t),
    "dates": lambda t: newstext.dates(t),
    "keywords yake": lambda t: newstext.keywords(t),
    "keywords rake": lambda t: newstext.keywords(t, method="rake"),
    "keywords textrank": lambda t: newstext.keywords(t, method="textrank"),
    "tfidf": lambda t: newstext.tfidf([t, REF], max_ngram=2),
    "distinctive": lambda t: newstext.distinctive([t, REF], ["a", "b"]),
    "stem": lambda t: newstext.stem(t),
    "quotes": lambda t: newstext.quotes(t),
}


def best(fn, text: str, repeat: int) -> float:
    b = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn(text)
        b = min(b, time.perf_counter() - t0)
    return b


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=150_000, help="base size in characters")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("--calls", default="", help="comma-separated subset of calls")
    ap.add_argument("--shapes", default="", help="comma-separated subset of shapes")
    args = ap.parse_args()
    if not ARTICLES:
        print("skipped: examples/articles/ not found")
        return 0
    pick = [x for x in args.shapes.split(",") if x]
    sizes = (args.n, 2 * args.n, 4 * args.n)
    texts = [{k: v for k, v in shapes(n).items() if not pick or k in pick} for n in sizes]
    calls = {k: v for k, v in CALLS.items() if not args.calls or k in args.calls.split(",")}
    print(f"newstext {newstext.__version__}: doubling ratios t(2n)/t(n) t(4n)/t(2n), "
          f"n={args.n} characters, best of {args.repeat}")
    print(f"{'shape':<19}" + "".join(f"{c[:11]:>12}" for c in calls))
    worst: dict[str, tuple[float, str]] = {}
    bad = []
    for name in texts[0]:
        cells = []
        for cname, fn in calls.items():
            t = [best(fn, tx[name], args.repeat) for tx in texts]
            r1 = t[1] / t[0] if t[0] > 0 else float("nan")
            r2 = t[2] / t[1] if t[1] > 0 else float("nan")
            cell = f"{r1:.1f}/{r2:.1f}"
            if t[2] < MIN_JUDGED:
                cells.append(f"{'(' + cell + ')':>12}")
                continue
            r = min(r1, r2)
            flag = "!" if r > TARGET else " "
            if r > TARGET:
                bad.append((name, cname, r, t))
            cells.append(f"{cell:>11}{flag}")
            if cname not in worst or r > worst[cname][0]:
                worst[cname] = (r, name)
        print(f"{name:<19}" + "".join(cells), flush=True)
    print()
    print(f"worst judged ratio per call (min of the two doublings; target <= {TARGET}):")
    for cname in calls:
        if cname in worst:
            r, name = worst[cname]
            print(f"  {cname:<18} {r:5.2f}  ({name})")
    print("(a/b) = under 2 ms at 4n, timer noise, not judged; ! = over the target")
    for name, cname, r, t in bad:
        ms = " -> ".join(f"{x * 1e3:.2f}" for x in t)
        print(f"OVER TARGET: {cname} on {name}: {ms} ms ({r:.2f}x)")
    return 1 if (bad and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
