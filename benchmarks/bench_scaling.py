"""Linear cost on pathological input: every public call at n, 2n and 4n characters.

For each input shape (quote-mark floods of every glyph, a text with no space,
a long word between words, hyphen chains, deep parentheses, abbreviation
floods, unbalanced quotes, mojibake, realistic news, ...) and every public
call (the functions, and the Document and Corpus paths built on them) the
two doubling ratios t(2n)/t(n) and t(4n)/t(2n) are printed.  Linear cost
gives about 2; the target (issue 7) is at most 2.5 for EVERY doubling.

Two measurements, so that a verdict means something on a shared machine:

* time (default): CPU time of the process (time.process_time: waiting for a
  busy CPU is not counted), best of --repeat runs, the repeats interleaved
  over the three sizes so a burst of load hits all of them alike;
* --instructions: instructions executed by each call, counted by valgrind's
  callgrind (exact and load-free; it separates the algorithm from memory
  effects: a quadratic path shows ~4 here, a cache or page-fault step not).

The time is measured with the C library's malloc as users get it
(--malloc default).  glibc decides by itself, from the sizes it has seen,
whether a large block is reused from its heap (no page faults) or mapped
fresh from the kernel (one fault per 4 KiB touched, about 1.6 us each on the
benchmark machine); left to that, the largest size of a run paid faults the
smaller ones did not, a one-off step of up to 5x in one doubling.  The
binding therefore maps the core's blocks of 2 MiB or more itself, with huge
pages where the kernel offers them (newstext/_core.c, "large blocks"): the
same cost at every size.  Two more settings explain a result: --malloc cold
maps every glibc block of 128 KiB or more fresh (faults at every size),
--malloc warm never gives glibc's heap back (no faults); both are set
through GLIBC_TUNABLES by re-running the script, never by the library.
Page faults per KiB of input at n, 2n and 4n are printed for every cell
over the target.

Each cell (one call on one shape at n, 2n and 4n) is timed in a fresh
interpreter of its own: what earlier cells leave behind in the heap --
pymalloc arenas kept alive by a few objects, glibc's adaptive mmap and trim
thresholds raised by a large block -- decides how many page faults the next
cell pays at which size.  Timed in one process after the other calls,
tokens() on news measured 2.8-2.95x for one doubling with 0 faults per KiB
at n and 3.6-5.2 at 4n; on its own, 2.1x with faults in proportion at every
size.  --one-process times every cell in this process, to show that history.

    python benchmarks/bench_scaling.py [--n 200000] [--repeat 5] [--malloc default]
                                       [--instructions] [--one-process] [--strict]
                                       [--calls a,b] [--shapes a,b]

Calls whose time at 4n is under 2 ms (detect_lang reads at most 64 KiB) are
shown in parentheses and not judged.  --strict exits 1 when a judged ratio
exceeds the target.  Needs only examples/articles/ (shipped with the
repository); --instructions needs valgrind.
"""

from __future__ import annotations

import argparse
import gc
import glob
import json
import operator
import os
import pathlib
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

import newstext

HERE = pathlib.Path(__file__).resolve().parent
ARTICLES = sorted((HERE.parent / "examples" / "articles").glob("*.txt"))
NEWS = "\n\n".join(p.read_text(encoding="utf-8") for p in ARTICLES)
TARGET = 2.5
MIN_JUDGED = 0.002  # seconds at 4n; below this the ratio is timer noise
MIN_JUDGED_INSTR = 2_000_000  # instructions at 4n
MALLOC = {
    "default": None,  # what users get
    # a fixed threshold switches off glibc's adaptive one: every block of
    # 128 KiB or more is mmap'ed fresh and unmapped when freed
    "cold": "glibc.malloc.mmap_threshold=131072",
    # never mmap, never give the heap back: freed memory is reused
    "warm": "glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=4294967295",
}


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
    # the notebook layer: everything a Document computes, and Corpus tables
    "Document.to_html": lambda t: newstext.Document(t).to_html(),
    "Corpus.kwic": lambda t: newstext.Corpus([t, REF], progress=False).kwic("kata"),
    "Corpus.quotes": lambda t: newstext.Corpus([t, REF], progress=False).quotes(),
}


def _judge(vals: list[float], floor: float) -> tuple[str, float | None]:
    """A cell: 'r1/r2' and the worse ratio (None when below the floor)."""
    r1 = vals[1] / vals[0] if vals[0] > 0 else float("nan")
    r2 = vals[2] / vals[1] if vals[1] > 0 else float("nan")
    cell = f"{r1:.1f}/{r2:.1f}"
    if vals[2] < floor:
        return f"({cell})", None
    return cell, max(r1, r2)


def sized_texts(n: int, names: list[str]) -> list[dict[str, str]]:
    """The named shapes at n, 2n and 4n characters."""
    return [{k: v for k, v in shapes(k * n).items() if k in names} for k in (1, 2, 4)]


def time_calls(calls, texts, repeat):
    """{(shape, call): ([best t at n, 2n, 4n], [page faults at n, 2n, 4n])}."""
    out = {}
    for name in texts[0]:
        for cname, fn in calls.items():
            best = [float("inf")] * 3
            faults = [0] * 3
            fn(texts[0][name])  # warm the code paths
            for _ in range(repeat):
                for i, tx in enumerate(texts):
                    gc.collect()
                    f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
                    t0 = time.process_time()
                    fn(tx[name])
                    dt = time.process_time() - t0
                    f1 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
                    if dt < best[i]:
                        best[i], faults[i] = dt, f1 - f0
            out[(name, cname)] = (best, faults)
        yield name, out


def time_isolated(calls, names, args):
    """time_calls run once per cell (shape, call), each in a fresh interpreter
    (--time-child); yields a shape's row when its cells are done."""
    out = {}
    for name in names:
        for cname in calls:
            cmd = [sys.executable, __file__, "--time-child", "--n", str(args.n), "--repeat",
                   str(args.repeat), "--calls", cname, "--shapes", name]
            res = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)
            for shape, best, faults in json.loads(res.stdout):
                out[(shape, cname)] = (best, faults)
        yield name, out


def time_child_main(n: int, names: list[str], calls, repeat: int) -> None:
    """--time-child: time_calls for one call; prints [[shape, best, faults], ...] as JSON."""
    texts = sized_texts(n, names)
    res = {}
    for _, res in time_calls(calls, texts, repeat):
        pass
    json.dump([[name, best, faults] for (name, _), (best, faults) in res.items()], sys.stdout)


def child_main(n: int, names: list[str], calls: list[str]) -> None:
    """Under callgrind: call each function once per size through
    operator.call, whose C function _operator_call toggles collection and
    dumps one profile per call."""
    texts = sized_texts(n, names)
    for c in calls:  # warm-up (first-use costs), dumped and skipped
        operator.call(CALLS[c], REF)
    for name in names:
        for c in calls:
            for tx in texts:
                operator.call(CALLS[c], tx[name])


def count_instructions(n, names, calls):
    """{(shape, call): [instructions at n, 2n, 4n]} via valgrind/callgrind."""
    if shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind")
    out = {}
    for name in names:
        with tempfile.TemporaryDirectory() as tmp:
            cmd = ["valgrind", "--tool=callgrind", "--collect-atstart=no",
                   "--toggle-collect=_operator_call", "--dump-after=_operator_call",
                   f"--callgrind-out-file={tmp}/cg.out", sys.executable, __file__, "--child",
                   "--n", str(n), "--shapes", name, "--calls", ",".join(calls)]
            env = dict(os.environ, PYTHONHASHSEED="0")
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env=env)
            dumps = sorted(glob.glob(f"{tmp}/cg.out.*"), key=lambda p: int(p.rsplit(".", 1)[1]))
            counts = []
            for p in dumps:
                m = re.search(r"^summary:\s*(\d+)", pathlib.Path(p).read_text(), re.M)
                counts.append(int(m.group(1)) if m else 0)
            counts = counts[len(calls):]  # drop the warm-up calls
            if len(counts) != 3 * len(calls):
                sys.exit(f"callgrind gave {len(counts)} profiles for {name}, expected {3 * len(calls)}")
            for i, c in enumerate(calls):
                out[(name, c)] = counts[3 * i:3 * i + 3]
        yield name, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200_000, help="base size in characters")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--malloc", choices=list(MALLOC), default="default")
    ap.add_argument("--instructions", action="store_true", help="count instructions (valgrind)")
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("--calls", default="", help="comma-separated subset of calls")
    ap.add_argument("--shapes", default="", help="comma-separated subset of shapes")
    ap.add_argument("--one-process", action="store_true",
                    help="time every cell in this process (default: a fresh interpreter per cell)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--time-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not ARTICLES:
        print("skipped: examples/articles/ not found")
        return 0
    calls = {k: v for k, v in CALLS.items() if not args.calls or k in args.calls.split(",")}
    pick = [x for x in args.shapes.split(",") if x]
    names = [k for k in shapes(10) if not pick or k in pick]
    if args.child:
        child_main(args.n, names, list(calls))
        return 0
    if args.time_child:
        time_child_main(args.n, names, calls, args.repeat)
        return 0
    tunables = MALLOC[args.malloc]
    if (not args.instructions and tunables and platform.libc_ver()[0] == "glibc"
            and os.environ.get("GLIBC_TUNABLES") != tunables):
        env = dict(os.environ, GLIBC_TUNABLES=tunables)
        return subprocess.call([sys.executable, __file__] + sys.argv[1:], env=env)
    load = os.getloadavg()[0]
    if args.instructions:
        what = "instructions (valgrind --tool=callgrind)"
        rows = count_instructions(args.n, names, list(calls))
        floor = MIN_JUDGED_INSTR
    else:
        what = f"CPU time, best of {args.repeat}, malloc {args.malloc}"
        if args.one_process:
            what += ", all calls in one process"
            texts = sized_texts(args.n, names)
            rows = time_calls(calls, texts, args.repeat)
        else:
            what += ", a fresh interpreter per cell"
            rows = time_isolated(list(calls), names, args)
        floor = MIN_JUDGED
    print(f"newstext {newstext.__version__}: doubling ratios x(2n)/x(n) x(4n)/x(2n) of {what}, "
          f"n={args.n} characters, load {load:.2f}")
    print(f"{'shape':<19}" + "".join(f"{c[:11]:>12}" for c in calls))
    worst: dict[str, tuple[float, str]] = {}
    bad = []
    for name, res in rows:
        line = f"{name:<19}"
        for cname in calls:
            vals = res[(name, cname)]
            vals, faults = vals if not args.instructions else (vals, None)
            cell, r = _judge(vals, floor)
            flag = "!" if r is not None and r > TARGET else " "
            line += f"{cell:>11}{flag}"
            if r is None:
                continue
            if r > TARGET:
                bad.append((name, cname, r, vals, faults))
            if cname not in worst or r > worst[cname][0]:
                worst[cname] = (r, name)
        print(line, flush=True)
    print()
    print(f"worst ratio per call (the larger of the two doublings; target <= {TARGET}):")
    for cname in calls:
        if cname in worst:
            r, name = worst[cname]
            print(f"  {cname:<18} {r:5.2f}  ({name})")
    print(f"(a/b) = below the floor at 4n, not judged; ! = over the target; "
          f"load {load:.2f} -> {os.getloadavg()[0]:.2f}")
    for name, cname, r, vals, faults in bad:
        if args.instructions:
            print(f"OVER TARGET: {cname} on {name}: " + " -> ".join(f"{v:,}" for v in vals)
                  + f" instructions ({r:.2f}x)")
        else:
            sizes = (args.n, 2 * args.n, 4 * args.n)
            print(f"OVER TARGET: {cname} on {name}: " + " -> ".join(f"{v * 1e3:.2f}" for v in vals)
                  + f" ms ({r:.2f}x); page faults per KiB: "
                  + ", ".join(f"{f / (s / 1024):.1f}" for f, s in zip(faults, sizes)))
    return 1 if (bad and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
