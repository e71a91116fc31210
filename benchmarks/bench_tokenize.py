#!/usr/bin/env python3
"""Tokenizer and sentence-splitter speed: newstext against the tools users already have.

Every contender runs in this one process, on this one machine, on the same
text: the PFSA-ID dev articles joined with blank lines (about 1.5 MB of
Indonesian news).  The table reports throughput and *ratios*; absolute times
only mean something next to each other.

    python benchmarks/bench_tokenize.py                 # full run, markdown table
    python benchmarks/bench_tokenize.py --repeat 3 --json results.json
    python benchmarks/bench_tokenize.py --per-doc       # one call per article
    python benchmarks/bench_tokenize.py --check         # exit 1 if a target is missed

Every peer is optional: a package that is not installed gets a row saying so.
If ``newstext`` itself cannot be imported, the peers are still timed.
See benchmarks/README.md for what each row measures.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import re
import subprocess
import sys
import time
import tracemalloc
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "pfsa_id" / "pfsa_id_dev.jsonl"

# The usual "good enough" Python regex tokenizer: words with inner joiners
# (negara-negara, 10.000, 42,7, 13/9/2023, Jum'at), else one non-space symbol.
PATTERN = r"\w+(?:[-.,/']\w+)*|[^\w\s]"

# The speed targets newstext is held to (see DESIGN.md, "Habits").
TARGETS = [
    # (description, numerator row, denominator row, minimum ratio)
    ("newstext.tokenize >= 2x faster than re.findall", "re.findall", "newstext.tokenize", 2.0),
    ("newstext.tokenize >= 30x faster than NLTK word tokenizer",
     "nltk NLTKWordTokenizer", "newstext.tokenize", 30.0),
    ("newstext.tokenize >= 10x faster than spaCy blank('id') tokenizer",
     "spacy blank('id').tokenizer", "newstext.tokenize", 10.0),
    ("newstext.token_spans >= 5x faster than newstext.tokenize",
     "newstext.tokenize", "newstext.token_spans", 5.0),
]

NLTK_NOTE = (
    "nltk.word_tokenize needs the Punkt model (nltk.download('punkt_tab')), which cannot be "
    "downloaded here, so the NLTK rows time nltk.tokenize.NLTKWordTokenizer directly: the "
    "word tokenizer word_tokenize runs on each Punkt sentence. NLTK's Punkt sentence "
    "splitter is timed only if its data is already installed."
)


# --------------------------------------------------------------------- model

@dataclass
class Row:
    table: str                    # "tokens" or "sentences"
    name: str                     # short id, used by TARGETS and the JSON
    call: str                     # the exact call that is timed
    status: str = "ok"            # "ok", "not installed", "skipped: ...", "error: ..."
    count: Optional[int] = None   # tokens or sentences produced
    seconds: Optional[float] = None   # best (minimum) seconds per call
    mb_per_s: Optional[float] = None
    ratio: Optional[float] = None     # this row's time / the table's reference time
    inner: int = 1                # calls per timed sample
    note: str = ""


@dataclass
class Contender:
    table: str
    name: str
    call: str
    setup: Callable[[], Callable[[str], Any]]  # returns fn(text) -> result; may raise ImportError
    count: Callable[[Any], int]
    note: str = ""


# ------------------------------------------------------------------ helpers

def load_corpus(path: Path) -> List[str]:
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                texts.append(json.loads(line)["text"])
    return texts


def pkg_version(dist: str) -> str:
    try:
        from importlib.metadata import version, PackageNotFoundError
    except ImportError:  # pragma: no cover - Python < 3.8
        return "?"
    try:
        return version(dist)
    except PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def len_buffer(obj: Any) -> int:
    """Number of items in a list, array or buffer-exporting object."""
    try:
        return len(obj)
    except TypeError:
        mv = memoryview(obj)
        return mv.nbytes // max(mv.itemsize, 1)


def count_spans(res: Any) -> int:
    """token_spans returns (starts, ends, kinds) buffers, or an object with .starts."""
    starts = getattr(res, "starts", None)
    if starts is None:
        starts = res[0]
    return len_buffer(starts)


def time_call(fn: Callable[[], Any], repeat: int, min_sample: float = 0.2,
              max_inner: int = 200) -> tuple:
    """Warm up once, then return (best seconds per call, inner loops, warm-up result).

    Fast calls are looped `inner` times per sample so a sample lasts about
    `min_sample` seconds.  Results of a sample are kept alive until the sample
    is over, so freeing them is not timed (for any contender).  The garbage
    collector is off while a sample runs.
    """
    t0 = time.perf_counter()
    result = fn()
    warm = time.perf_counter() - t0
    inner = 1
    if warm < min_sample:
        inner = max(1, min(max_inner, int(min_sample / max(warm, 1e-9))))
    best = math.inf
    was_enabled = gc.isenabled()
    try:
        for _ in range(repeat):
            keep: List[Any] = []
            gc.collect()
            gc.disable()
            t0 = time.perf_counter()
            for _ in range(inner):
                keep.append(fn())
            dt = (time.perf_counter() - t0) / inner
            if was_enabled:
                gc.enable()
            del keep
            best = min(best, dt)
    finally:
        if was_enabled:
            gc.enable()
    return best, inner, result


# ----------------------------------------------------------------- contenders

def _import_newstext():
    import newstext
    if getattr(newstext, "__file__", None) is None or not hasattr(newstext, "tokenize"):
        # an empty source folder imports as a namespace package: that is not newstext
        for mod in [m for m in sys.modules if m == "newstext" or m.startswith("newstext.")]:
            del sys.modules[mod]
        raise ImportError("newstext has no tokenize() (not built or not installed)")
    return newstext


def newstext_module():
    """Import newstext: the installed package, else the repo's tree (an in-place build)."""
    try:
        return _import_newstext()
    except ImportError:
        if not (REPO_ROOT / "newstext" / "__init__.py").is_file() or str(REPO_ROOT) in sys.path:
            raise
        sys.path.insert(0, str(REPO_ROOT))
        try:
            return _import_newstext()
        except Exception:
            sys.path.remove(str(REPO_ROOT))
            for mod in [m for m in sys.modules if m == "newstext" or m.startswith("newstext.")]:
                del sys.modules[mod]
            raise


def contenders(lang: Optional[str]) -> List[Contender]:
    kw = {} if lang is None else {"lang": lang}
    kws = "" if lang is None else f", lang={lang!r}"
    out: List[Contender] = []

    def nt(fname):
        def setup():
            return getattr(newstext_module(), fname)
        return setup

    def nt_call(fname):
        f = nt(fname)

        def setup():
            fn = f()
            return (lambda t: fn(t, **kw)) if kw else fn
        return setup

    # --- tokenization --------------------------------------------------
    out.append(Contender("tokens", "newstext.tokenize", f"newstext.tokenize(text{kws})",
                         nt_call("tokenize"), len, "list[str]; the reference row"))
    out.append(Contender("tokens", "newstext.token_spans", f"newstext.token_spans(text{kws})",
                         nt_call("token_spans"), count_spans,
                         "starts/ends/kinds buffers, no per-token objects"))
    out.append(Contender("tokens", "newstext.tokens", f"newstext.tokens(text{kws})",
                         nt_call("tokens"), len, "list[Token] with offsets and kinds"))

    def setup_re():
        return re.compile(PATTERN).findall
    out.append(Contender("tokens", "re.findall", f"re.findall(r\"{PATTERN}\", text)",
                         setup_re, len, "Python's re, the usual regex tokenizer"))

    def setup_regex():
        import regex
        return regex.compile(PATTERN).findall
    out.append(Contender("tokens", "regex.findall", "regex.findall(<same pattern>, text)",
                         setup_regex, len, "the `regex` package, same pattern"))

    def setup_nltk():
        from nltk.tokenize import NLTKWordTokenizer
        return NLTKWordTokenizer().tokenize
    out.append(Contender("tokens", "nltk NLTKWordTokenizer",
                         "nltk.tokenize.NLTKWordTokenizer().tokenize(text)", setup_nltk, len,
                         "what word_tokenize runs per sentence (Punkt data unavailable)"))

    def setup_treebank():
        from nltk.tokenize import TreebankWordTokenizer
        return TreebankWordTokenizer().tokenize
    out.append(Contender("tokens", "nltk TreebankWordTokenizer",
                         "nltk.tokenize.TreebankWordTokenizer().tokenize(text)",
                         setup_treebank, len, ""))

    def setup_spacy():
        import spacy
        nlp = spacy.blank("id")
        # max_length is checked by nlp(), not by nlp.tokenizer; raise it anyway.
        nlp.max_length = 10 ** 9
        return nlp.tokenizer
    out.append(Contender("tokens", "spacy blank('id').tokenizer",
                         "spacy.blank('id').tokenizer(text)", setup_spacy, len,
                         "tokenizer only (Doc objects), Indonesian exceptions"))

    def setup_blingfire():
        import blingfire
        return blingfire.text_to_words
    out.append(Contender("tokens", "blingfire text_to_words", "blingfire.text_to_words(text)",
                         setup_blingfire, lambda s: len(s.split()),
                         "returns one space-joined str"))

    def setup_hf(kind):
        def setup():
            from tokenizers import pre_tokenizers
            return getattr(pre_tokenizers, kind)().pre_tokenize_str
        return setup
    out.append(Contender("tokens", "tokenizers BertPreTokenizer",
                         "tokenizers.pre_tokenizers.BertPreTokenizer().pre_tokenize_str(text)",
                         setup_hf("BertPreTokenizer"), len, "list of (str, (start, end))"))
    out.append(Contender("tokens", "tokenizers Whitespace",
                         "tokenizers.pre_tokenizers.Whitespace().pre_tokenize_str(text)",
                         setup_hf("Whitespace"), len, "list of (str, (start, end))"))

    # --- sentence splitting ----------------------------------------------
    out.append(Contender("sentences", "newstext.sentences", f"newstext.sentences(text{kws})",
                         nt_call("sentences"), len, "list[Span]; the reference row"))

    def setup_bf_sent():
        import blingfire
        return blingfire.text_to_sentences
    out.append(Contender("sentences", "blingfire text_to_sentences",
                         "blingfire.text_to_sentences(text)", setup_bf_sent,
                         lambda s: len([x for x in s.split("\n") if x.strip()]),
                         "returns one newline-joined str"))

    def setup_spacy_sent():
        import spacy
        nlp = spacy.blank("id")
        nlp.add_pipe("sentencizer")
        nlp.max_length = 10 ** 9  # default 1,000,000 chars is below this text
        return lambda t: list(nlp(t).sents)
    out.append(Contender("sentences", "spacy blank('id')+sentencizer",
                         "list(nlp(text).sents), nlp = spacy.blank('id') + 'sentencizer'",
                         setup_spacy_sent, len, "tokenizer + rule-based sentencizer"))

    def setup_punkt():
        import nltk
        for res in ("tokenizers/punkt_tab/english/", "tokenizers/punkt/english.pickle"):
            try:
                nltk.data.find(res)
                break
            except LookupError:
                continue
        else:
            raise LookupError("skipped: Punkt data not installed (cannot be downloaded here)")
        return lambda t: nltk.tokenize.sent_tokenize(t)
    out.append(Contender("sentences", "nltk Punkt", "nltk.tokenize.sent_tokenize(text)",
                         setup_punkt, len, "English Punkt model"))
    return out


# --------------------------------------------------------------------- memory

def memory_report(text: str, nt_ok: bool) -> Dict[str, Any]:
    """Peak tracemalloc for one call of newstext.tokenize and of re.findall.

    tracemalloc sees only memory allocated through Python's allocators; the
    C core's own scratch buffers may use malloc and are then invisible here.
    The result list and its str objects are part of the peak (they are what
    the caller keeps).
    """
    rep: Dict[str, Any] = {}
    calls: Dict[str, Callable[[str], Any]] = {"re.findall": re.compile(PATTERN).findall}
    if nt_ok:
        calls = {"newstext.tokenize": newstext_module().tokenize, **calls}
    for name, fn in calls.items():
        fn(text[:1000])  # first-call caches (regex compile, lazy tables) out of the way
        gc.collect()
        tracemalloc.start()
        try:
            base, _ = tracemalloc.get_traced_memory()
            res = fn(text)
            cur, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        rep[name] = {"peak_bytes": peak - base, "retained_bytes": cur - base,
                     "items": len(res)}
        del res
    return rep


_RSS_CHILD = r"""
import gc, json, resource, sys, re
path, which = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as fh:
    text = "\n\n".join(json.loads(l)["text"] for l in fh if l.strip())
if which == "newstext.tokenize":
    import newstext
    fn = newstext.tokenize
else:
    fn = re.compile(sys.argv[3]).findall
fn(text[:1000])
gc.collect()

def status(key):
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    return None

try:  # Linux >= 4.0: writing 5 resets the peak-RSS mark (VmHWM) to the current RSS
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    before, how = status("VmRSS"), "VmHWM after reset"
except OSError:
    before, how = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, "ru_maxrss"
res = fn(text)
after = status("VmHWM") if how.startswith("VmHWM") else \
    resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"rss_increase_bytes": after - before, "items": len(res), "method": how}))
"""


def rss_report(corpus: Path, nt_ok: bool) -> Dict[str, Any]:
    """Peak-RSS increase of one call, each in a fresh interpreter (sees malloc too)."""
    if os.name != "posix":  # the child uses /proc or the resource module
        return {}
    rep: Dict[str, Any] = {}
    names = (["newstext.tokenize"] if nt_ok else []) + ["re.findall"]
    env = dict(os.environ)
    if nt_ok:  # the child imports the same newstext as this process
        pkg_parent = str(Path(newstext_module().__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [pkg_parent, env.get("PYTHONPATH")]))
    for name in names:
        try:
            out = subprocess.run([sys.executable, "-c", _RSS_CHILD, str(corpus), name, PATTERN],
                                 capture_output=True, text=True, timeout=300, check=True,
                                 cwd=str(REPO_ROOT.parent), env=env)
            rep[name] = json.loads(out.stdout.strip().splitlines()[-1])
        except Exception as exc:  # noqa: BLE001 - report, never fail the run
            rep[name] = {"error": f"{type(exc).__name__}: {exc}"[:200]}
    return rep


# ----------------------------------------------------------------------- run

def machine_info() -> Dict[str, Any]:
    peers = ["newstext", "nltk", "spacy", "blingfire", "tokenizers", "regex"]
    return {
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "cpu_count": os.cpu_count(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "versions": {p: pkg_version(p) for p in peers},
    }


def run(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"skipped: {corpus} not found")
        return 0
    texts = load_corpus(corpus)
    text = "\n\n".join(texts)
    if args.per_doc:
        nbytes = sum(len(t.encode("utf-8")) for t in texts)
    else:
        nbytes = len(text.encode("utf-8"))
    mb = nbytes / 1e6

    try:
        newstext_module()
        nt_ok, nt_error = True, ""
    except Exception as exc:  # noqa: BLE001 - a half-built package may raise anything
        nt_ok, nt_error = False, f"{type(exc).__name__}: {exc}"

    info = machine_info()
    if nt_ok:
        nt = newstext_module()
        info["versions"]["newstext"] = getattr(nt, "__version__", info["versions"]["newstext"])
        info["newstext_unicode"] = getattr(nt, "UNICODE_VERSION", None)
        info["newstext_file"] = getattr(nt, "__file__", None)

    rows: List[Row] = []
    for c in contenders(args.lang):
        if args.only and not any(s.lower() in c.name.lower() for s in args.only):
            continue
        row = Row(c.table, c.name, c.call, note=c.note)
        rows.append(row)
        if c.name.startswith("newstext.") and not nt_ok:
            row.status = "newstext not importable"
            continue
        try:
            fn = c.setup()
        except ImportError as exc:
            row.status = "not installed"
            row.note = f"{type(exc).__name__}: {exc}"[:120]
            continue
        except LookupError as exc:
            row.status = str(exc.args[0]) if exc.args else "skipped"
            continue
        except Exception as exc:  # noqa: BLE001
            row.status = f"error: {type(exc).__name__}: {exc}"[:160]
            continue

        if args.per_doc:
            call = (lambda f: (lambda: [f(t) for t in texts]))(fn)
            count = (lambda k: (lambda rs: sum(k(r) for r in rs)))(c.count)
        else:
            call = (lambda f: (lambda: f(text)))(fn)
            count = c.count
        print(f"  timing {c.name} ...", file=sys.stderr, flush=True)
        try:
            best, inner, result = time_call(call, args.repeat)
            row.count = count(result)
            del result
        except Exception as exc:  # noqa: BLE001 - one broken peer must not stop the table
            row.status = f"error: {type(exc).__name__}: {exc}"[:160]
            continue
        row.seconds, row.inner = best, inner
        row.mb_per_s = mb / best if best > 0 else None

    # Ratios against each table's reference row.
    ref = {"tokens": "newstext.tokenize", "sentences": "newstext.sentences"}
    by_name = {r.name: r for r in rows}
    for r in rows:
        base = by_name.get(ref[r.table])
        if r.seconds and base is not None and base.seconds:
            r.ratio = r.seconds / base.seconds

    targets = []
    for desc, num, den, minimum in TARGETS:
        a, b = by_name.get(num), by_name.get(den)
        if a and b and a.seconds and b.seconds:
            value = a.seconds / b.seconds
            targets.append({"target": desc, "ratio": value, "minimum": minimum,
                            "met": value >= minimum})
        else:
            targets.append({"target": desc, "ratio": None, "minimum": minimum, "met": None})

    memory: Dict[str, Any] = {}
    if not args.no_memory and not args.per_doc:
        print("  measuring memory ...", file=sys.stderr, flush=True)
        memory["tracemalloc"] = memory_report(text, nt_ok)
        memory["rss"] = rss_report(corpus, nt_ok)

    results = {
        "machine": info,
        "corpus": {"path": str(corpus), "documents": len(texts), "chars": len(text),
                   "utf8_bytes": nbytes, "mode": "per-doc" if args.per_doc else "joined"},
        "timing": {"repeat": args.repeat, "statistic": "min", "clock": "time.perf_counter",
                   "gc": "disabled while timing", "warmup_calls": 1},
        "newstext_importable": nt_ok,
        "newstext_error": nt_error,
        "rows": [asdict(r) for r in rows],
        "targets": targets,
        "memory": memory,
        "notes": [NLTK_NOTE],
    }
    print_report(results, rows, targets, memory, nt_ok, nt_error)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                                   encoding="utf-8")
        print(f"\nwrote {args.json}")
    if args.check and any(t["met"] is not True for t in targets):
        return 1
    return 0


# -------------------------------------------------------------------- output

def md(cell: str) -> str:
    """Escape a markdown table cell (a '|' would split the cell, even inside backticks)."""
    return str(cell).replace("|", "\\|")


def fmt_ratio(x: Optional[float]) -> str:
    if x is None:
        return "–"
    return f"{x:.1f}×" if x >= 10 else f"{x:.2f}×"


def fmt_bytes(n: Optional[int]) -> str:
    if n is None:
        return "–"
    return f"{n / 1e6:.1f} MB"


def print_report(res, rows, targets, memory, nt_ok, nt_error) -> None:
    m, c = res["machine"], res["corpus"]
    print("# Tokenizer benchmark: newstext vs peers\n")
    print(f"- machine: {m['platform']}; {m['cpu']}; {m['cpu_count']} CPUs; {m['python']}")
    print("- versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()))
    print(f"- text: {c['path']} — {c['documents']} documents, {c['chars']:,} chars, "
          f"{c['utf8_bytes']:,} UTF-8 bytes ({c['mode']}: "
          + ("one call on all texts joined with blank lines" if c["mode"] == "joined"
             else "one call per document") + ")")
    t = res["timing"]
    print(f"- timing: 1 warm-up call, then best of {t['repeat']} samples (perf_counter, "
          "gc disabled; fast calls looped, see 'loops')")
    if nt_ok:
        print(f"- newstext from {m.get('newstext_file')}, Unicode {m.get('newstext_unicode')}")
    else:
        print(f"- **newstext not importable** ({nt_error}); peers timed only")
    print(f"- note: {NLTK_NOTE}")

    heads = {"tokens": ("Tokenization", "tokens", "newstext.tokenize is X× faster"),
             "sentences": ("Sentence splitting", "sentences", "newstext.sentences is X× faster")}
    for table, (title, unit, ratio_head) in heads.items():
        trs = [r for r in rows if r.table == table]
        if not trs:
            continue
        print(f"\n## {title}\n")
        print(f"| tool | {unit} | seconds | MB/s | {ratio_head} | loops | notes |")
        print("|---|---:|---:|---:|---:|---:|---|")
        for r in trs:
            if r.status != "ok":
                print(f"| `{md(r.call)}` | {md(r.status)} | | | | | {md(r.note)} |")
                continue
            note = r.note
            if r.name == "newstext.token_spans" and r.ratio:
                note = (f"**tokenize time / token_spans time = {fmt_ratio(1 / r.ratio)}**; "
                        f"{note}")
            print(f"| `{md(r.call)}` | {r.count:,} | {r.seconds:.4f} | {r.mb_per_s:.1f} | "
                  f"{fmt_ratio(r.ratio)} | {r.inner} | {md(note)} |")
    print("\nToken counts differ because each tool has its own rules; the ratios compare "
          "throughput on the same text, not identical output.")

    print("\n## Targets\n")
    for tg in targets:
        state = {True: "MET", False: "NOT MET", None: "n/a (not measured)"}[tg["met"]]
        val = "–" if tg["ratio"] is None else fmt_ratio(tg["ratio"])
        print(f"- {tg['target']}: {val} (need ≥ {tg['minimum']:g}×) — {state}")

    if memory:
        print("\n## Memory (one call on the whole text)\n")
        print("| call | tracemalloc peak | retained (result) | peak RSS increase, fresh process |")
        print("|---|---:|---:|---:|")
        tm, rss = memory.get("tracemalloc", {}), memory.get("rss", {})
        for name in tm:
            r = rss.get(name, {})
            rss_s = fmt_bytes(r.get("rss_increase_bytes")) if "error" not in r else r["error"]
            print(f"| `{name}` | {fmt_bytes(tm[name]['peak_bytes'])} | "
                  f"{fmt_bytes(tm[name]['retained_bytes'])} | {rss_s} |")
        if "newstext.tokenize" in tm and "re.findall" in tm and tm["re.findall"]["peak_bytes"]:
            q = tm["newstext.tokenize"]["peak_bytes"] / tm["re.findall"]["peak_bytes"]
            print(f"\nnewstext.tokenize peak / re.findall peak (tracemalloc): {q:.2f}")
        print("\ntracemalloc sees Python's allocators only (C-core buffers from plain malloc "
              "are invisible to it); the RSS column runs each call in a fresh interpreter "
              "and sees every allocation, at page granularity.")


def main(argv: Optional[List[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS),
                   help="JSONL file with a 'text' field per line (default: %(default)s)")
    p.add_argument("--repeat", type=int, default=5,
                   help="timed samples per contender; the minimum is reported (default 5)")
    p.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    p.add_argument("--lang", default=None,
                   help="pass lang=... to the newstext calls (default: library default)")
    p.add_argument("--per-doc", action="store_true",
                   help="one call per document instead of one call on the joined text")
    p.add_argument("--only", action="append", metavar="SUBSTR",
                   help="time only rows whose name contains SUBSTR (repeatable)")
    p.add_argument("--no-memory", action="store_true", help="skip the memory section")
    p.add_argument("--check", action="store_true",
                   help="exit 1 unless every speed target is measured and met")
    args = p.parse_args(argv)
    if args.repeat < 1:
        p.error("--repeat must be >= 1")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
