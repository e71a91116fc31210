#!/usr/bin/env python3
"""Threads: Corpus(n_jobs=...) and newstext._core.batch with 1 vs 2 C threads.

On the PFSA-ID dev articles (../shared/corpus/pfsa_id/pfsa_id_dev.jsonl),
in one process, 1 and 2 threads interleaved, best of ``--repeat`` runs:

* ``batch: C work``: ``_core.batch`` cleaning the raw texts, then tokens,
  sentences, quotes and keywords of the clean texts (all on the worker
  threads, then the Python results built on the calling thread);
* ``batch: quotes+keywords``: the same without tokens and sentences (fewer
  Python objects to build serially);
* ``Corpus tables``: a fresh ``Corpus(texts, n_jobs=...)`` asked for
  ``articles()``, ``quotes()`` and ``keywords()``;
* ``reference``: sha256 of 32 x 8 MB on 1 vs 2 Python threads (hashlib
  releases the GIL): work that is parallel by construction, so its ratio is
  what the machine's other load leaves to 2 threads at that moment.

For each row: wall time with 1 and 2 threads and their ratio (the target is
>= 1.7x), and the load-independent view: CPU time of the worker threads vs
CPU time of the calling thread with 1 thread (``time.thread_time`` of the
calling thread is the serial part; process CPU minus it is the parallel
part), the parallel fraction p, Amdahl's bound 1 / ((1 - p) + p / 2)
for 2 threads on 2 idle cores, and the total CPU time with 2 threads over
1 thread (the cost of threading itself).  ``uptime`` is printed with the timings:
on a loaded machine the wall ratio falls below the bound.

    python benchmarks/bench_threads.py [--repeat 3] [--callgrind]

``--callgrind`` adds the same split counted in instructions, which no other
load on the machine can disturb: the Corpus tables with 1 thread run under
``valgrind --tool=callgrind --separate-threads=yes`` (about a minute), and
the instructions of the calling thread and of the worker threads are each
taken minus those of a run that only loads the corpus.

Prints "skipped: ..." and exits 0 when ../shared or pandas is absent.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import load_or_skip, parser, read_articles


def load() -> str:
    try:
        return "load average " + " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "load average unknown"


def measure(fn):
    """(wall, process CPU, calling-thread CPU) of one call."""
    w0, p0, t0 = time.perf_counter(), time.process_time(), time.thread_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - p0, time.thread_time() - t0


def callgrind_child(corpus: Path, what: str) -> None:
    """Under valgrind: load the corpus, and with what == "tables" compute them."""
    import pandas  # noqa: F401  (imported in both runs, so it cancels out)
    from newstext import Corpus

    c = Corpus(read_articles(corpus).texts, n_jobs=1, progress=False)
    if what == "tables":
        c.articles(), c.quotes(), c.keywords(top=10)


def callgrind_split(corpus: Path):
    """(serial, parallel) instructions of the Corpus tables with one worker thread."""
    if shutil.which("valgrind") is None:
        return None
    totals = {}
    with tempfile.TemporaryDirectory() as tmp:
        for what in ("base", "tables"):
            out = os.path.join(tmp, what)
            subprocess.run(["valgrind", "--tool=callgrind", "--separate-threads=yes",
                            f"--callgrind-out-file={out}.%p", sys.executable, __file__, "--corpus", str(corpus),
                            "--callgrind-child", what], check=True, capture_output=True)
            main_thread, others = 0, 0
            for path in glob.glob(out + ".*-*"):
                with open(path) as f:
                    n = next(int(line.split()[1]) for line in f if line.startswith(("summary:", "totals:")))
                if path.endswith("-01"):
                    main_thread += n
                else:
                    others += n
            totals[what] = (main_thread, others)
    return (totals["tables"][0] - totals["base"][0], totals["tables"][1] - totals["base"][1])


def main(argv=None) -> int:
    ap = parser(__doc__)
    ap.add_argument("--callgrind", action="store_true", help="also count instructions with callgrind")
    ap.add_argument("--callgrind-child", choices=("base", "tables"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.callgrind_child:
        callgrind_child(args.corpus, args.callgrind_child)
        return 0
    arts = load_or_skip(args.corpus)
    if arts is None:
        return 0
    from newstext import Corpus, _core

    texts, ids, mb = arts

    def batch(tasks):
        def run(n_jobs):
            first = _core.batch(texts, tasks=("clean",), n_jobs=n_jobs)
            _core.batch([r["article"].text for r in first], tasks=tasks, langs=[r["lang"] for r in first],
                        n_jobs=n_jobs, keywords={"top": 10})
        return run

    def tables(n_jobs):
        c = Corpus(texts, ids=ids, n_jobs=n_jobs, progress=False)
        c.articles(), c.quotes(), c.keywords(top=10)

    def reference(n_jobs):
        # work that is parallel by construction (hashlib releases the GIL on
        # large buffers): what 2 threads can gain on this machine right now
        import hashlib
        import threading

        blob = b"newstext" * (1 << 20)
        parts = 32

        def work(k):
            for _ in range(k):
                hashlib.sha256(blob).digest()

        threads = [threading.Thread(target=work, args=(parts // n_jobs,)) for _ in range(n_jobs)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    cases = [
        ("reference: sha256 threads", reference),
        ("batch: C work (all tasks)", batch(("tokens", "sentences", "quotes", "keywords"))),
        ("batch: quotes+keywords", batch(("quotes", "keywords"))),
        ("Corpus tables", tables),
    ]
    print(f"newstext threads: {len(texts)} articles, {mb:.2f} MB, {os.cpu_count()} CPUs, "
          f"best of {args.repeat}")
    print(f"before: {load()}")
    results = []
    for name, fn in cases:
        fn(1)  # warm-up (imports, caches of the allocator)
        best = {1: None, 2: None}
        for _ in range(args.repeat):
            for n_jobs in (1, 2):
                m = measure(lambda: fn(n_jobs))
                if best[n_jobs] is None or m[0] < best[n_jobs][0]:
                    best[n_jobs] = m
        results.append((name, best, load()))

    head = (f"{'case':28} {'1 thread s':>10} {'2 threads s':>11} {'ratio':>6}   "
            f"{'serial CPU s':>12} {'parallel CPU s':>14} {'p':>5} {'bound':>6} {'CPU 2/1':>7}   load during")
    print(head)
    print("-" * len(head))
    for name, best, ld in results:
        (w1, cpu1, main1), (w2, cpu2, _) = best[1], best[2]
        if name.startswith("reference"):
            print(f"{name:28} {w1:10.3f} {w2:11.3f} {w1 / w2:5.2f}x   {'':12} {'':14} {'':5} {'':6} {'':7}   "
                  f"{ld.replace('load average ', '')}")
            continue
        worker = max(cpu1 - main1, 0.0)
        p = worker / cpu1 if cpu1 > 0 else 0.0
        bound = 1.0 / ((1.0 - p) + p / 2.0)
        print(f"{name:28} {w1:10.3f} {w2:11.3f} {w1 / w2:5.2f}x   {main1:12.3f} {worker:14.3f} "
              f"{p:5.2f} {bound:5.2f}x {cpu2 / cpu1:7.2f}   {ld.replace('load average ', '')}")
    print(f"after: {load()}")
    if args.callgrind:
        split = callgrind_split(args.corpus)
        if split is None:
            print("callgrind: skipped (valgrind not found)")
        else:
            serial, parallel = split
            p = parallel / (serial + parallel)
            print(f"callgrind, Corpus tables, 1 thread: serial (calling thread) {serial / 1e6:,.0f} M instructions, "
                  f"parallel (worker) {parallel / 1e6:,.0f} M; p = {p:.3f}, "
                  f"bound for 2 threads {1.0 / ((1.0 - p) + p / 2.0):.2f}x")
    print("ratio: 1-thread wall / 2-thread wall (target >= 1.70x on an idle 2-core machine; the reference row "
          "shows what the machine's load leaves for 2 threads); "
          "p: share of the 1-thread CPU time spent on the worker thread; bound: Amdahl for 2 threads; "
          "CPU 2/1: total CPU time with 2 threads over 1 (1.00 = no threading overhead)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
