"""Leak loops (issue 7): every public call repeated thousands of times reaches
a memory plateau, and reference counts of inputs, results and the shared
objects results point to are unchanged.

tracemalloc sees the Python allocator, which the binding also gives the C
core (py_allocator), so a buffer the core forgets to free shows up there;
RSS catches anything else (malloc'd outside the Python allocator).
"""

from __future__ import annotations

import gc
import os
import pathlib
import sys
import tracemalloc

import pytest

import newstext

ARTICLES = sorted((pathlib.Path(__file__).resolve().parent.parent / "examples" / "articles").glob("*.txt"))
TEXT = ARTICLES[0].read_text(encoding="utf-8")  # one real-looking article, a few KB
ODD = "“Kami siap \ud800 😀 (((kata Prof. Budi — Rabu (13/9/2023) pukul 16.00 WIB. " + "a" * 300
REF = "Presiden Joko Widodo meresmikan bendungan di Jawa Tengah, Rabu (13/9/2023)."
ROOTS = newstext.RootList(["banjir", "jakarta", "menteri"])
STOP = {"pemprov", "warga"}


def _bad_distinctive(t):
    try:
        newstext.distinctive([t, None], ["a", "b"])
    except TypeError as exc:
        return str(exc)
    raise AssertionError("no TypeError")


def _bad_tokens(t):
    try:
        newstext.tokens(t.encode("utf-8", "surrogatepass"))
    except TypeError as exc:
        return str(exc)
    raise AssertionError("no TypeError")


def _bad_keywords(t):
    try:
        newstext.keywords(t, stopwords=["ok", 3])
    except TypeError as exc:
        return str(exc)
    raise AssertionError("no TypeError")


def _bad_batch(t):
    try:
        newstext._core.batch([t, REF, 7], tasks=("quotes",))
    except TypeError as exc:
        return str(exc)
    raise AssertionError("no TypeError")


CALLS = {
    "tokenize": lambda t: newstext.tokenize(t, lower=True, punct=False),
    "tokens": newstext.tokens,
    "token_spans": newstext.token_spans,
    "sentences": newstext.sentences,
    "detect_lang": newstext.detect_lang,
    "clean": newstext.clean,
    "dates": newstext.dates,
    "keywords_yake": lambda t: newstext.keywords(t, stopwords=STOP, blacklist=["banjir"]),
    "keywords_rake": lambda t: newstext.keywords(t, method="rake"),
    "keywords_textrank": lambda t: newstext.keywords(t, method="textrank", stem=True),
    "tfidf": lambda t: newstext.tfidf([t, REF], max_ngram=2, stopwords=STOP),
    "distinctive": lambda t: newstext.distinctive([t, REF, t], ["a", "b", "a"], min_count=1),
    "stem": lambda t: newstext.stem("pembangunannya", roots=ROOTS),
    "quotes": newstext.quotes,
    "error_distinctive": _bad_distinctive,
    "error_tokens": _bad_tokens,
    "error_keywords": _bad_keywords,
    # issue 6: two worker threads, every task, results built after the join
    "batch": lambda t: newstext._core.batch([t, REF], tasks=("clean", "tokens", "sentences", "quotes", "keywords",
                                                             "counts"), n_jobs=2, keywords={"stopwords": STOP}),
    "error_batch": _bad_batch,
}

# Under ASan (the sanitized CI run) freed memory sits in a quarantine, so RSS
# grows without a leak; tracemalloc and the refcounts still apply there.
SANITIZED = os.environ.get("NEWSTEXT_TEST_SANITIZED") == "1"
ROUNDS = 10
PER_ROUND = 200  # 2,000 calls per call and input in the RSS loop


def _rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


def _shared_objects():
    # objects the results point to: kind and label names, records' classes
    return list(newstext.TOKEN_KINDS) + list(newstext.LINE_LABELS) + [
        newstext.Token, newstext.Span, newstext.Quote, newstext.Keyword, newstext.Article,
        newstext.DateSpan, newstext.Line, newstext.TfIdf, newstext.Distinctive, ROOTS,
        "direct", "partial", "other", "yake", "a", "b",
    ]


@pytest.mark.parametrize("call", list(CALLS))
def test_memory_plateaus_and_refcounts_hold(call: str) -> None:
    fn = CALLS[call]
    for text in (TEXT, ODD):
        for _ in range(50):  # warm-up: caches, interned strings, free lists
            fn(text)
        gc.collect()
        shared = _shared_objects()
        shared_rc = [sys.getrefcount(o) for o in shared]
        result = fn(text)
        # after the first result: a result may share the input itself (a
        # token or body that is the whole text)
        text_rc = sys.getrefcount(text)
        result_rc = sys.getrefcount(result)

        # tracemalloc: what the Python allocator (and the core through it)
        # holds after many more calls is what it held before
        tracemalloc.start()
        gc.collect()
        before = tracemalloc.take_snapshot()
        for _ in range(500):
            fn(text)
        gc.collect()
        after = tracemalloc.take_snapshot()
        tracemalloc.stop()
        grown = sum(s.size_diff for s in after.compare_to(before, "lineno") if s.size_diff > 0)
        assert grown < 64 * 1024, (call, grown, after.compare_to(before, "lineno")[:5])

        # RSS: no round of calls after the first grows it by more than a
        # little; a leak of even 100 bytes per call would add 20 KB a round
        if not SANITIZED:
            rss = []
            for _ in range(ROUNDS):
                for _ in range(PER_ROUND):
                    fn(text)
                gc.collect()
                rss.append(_rss())
            assert rss[-1] - rss[1] < 2 * 1024 * 1024, (call, rss)

        assert sys.getrefcount(text) == text_rc
        assert sys.getrefcount(result) == result_rc
        del result
        gc.collect()
        # thousands of calls were made since shared_rc: a reference leaked
        # (or stolen) per call would move these by thousands; a common
        # string like "word" may gain or lose a reference or two elsewhere
        drift = [sys.getrefcount(o) - rc for o, rc in zip(shared, shared_rc)]
        assert all(abs(d) <= 2 for d in drift), (call, list(zip(shared, drift)))


def test_result_items_hold_only_their_own_references() -> None:
    # every record in a fresh result is referenced once, by its container:
    # getrefcount sees that one, the loop variable and its own argument
    toks = newstext.tokens(TEXT)
    assert {sys.getrefcount(t) for t in toks} == {3}
    for q in newstext.quotes(TEXT) + newstext.quotes(ODD):
        assert sys.getrefcount(q) == 3
    for k in newstext.keywords(TEXT):
        assert sys.getrefcount(k) == 3
    art = newstext.clean(TEXT)
    assert sys.getrefcount(art) == 2
    assert {sys.getrefcount(line) for line in art.lines} == {3}


def test_flat_records_are_not_tracked_by_the_cyclic_gc() -> None:
    # regression (bench_scaling.py): NamedTuple records holding only str,
    # int, float, bool or None are untracked like exact tuples, so the
    # collector does not re-scan a result of a million tokens as it grows
    for rec in (newstext.tokens(TEXT)[:50] + newstext.sentences(TEXT) + newstext.quotes(TEXT)
                + newstext.keywords(TEXT) + newstext.dates(TEXT) + newstext.clean(TEXT).lines
                + newstext.tfidf([TEXT, REF])[0]):
        assert not gc.is_tracked(rec), rec
    # a record holding a list can be in a cycle: it stays tracked
    art = newstext.clean(TEXT)
    assert gc.is_tracked(art)
    art.authors.append(art)  # a cycle through the record is collected
    del art
    assert gc.collect() >= 1
