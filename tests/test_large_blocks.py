"""Large core blocks (issue 7, linear cost).

The binding maps the core's blocks of 256 KiB or more itself
(newstext/_core.c, "large blocks") so that their cost does not depend on
what glibc's malloc has seen before: power-of-two size classes up to
16 MiB, multiples of 2 MiB beyond, huge pages from 2 MiB, freed blocks kept
as spares per class.  These inputs are big enough for every kind of step of
that allocator: a buffer growing from the heap into a mapping (a token
array crossing 256 KiB), a mapping growing inside its class (in place) and
into the next (copied into a spare or a fresh mapping), a mapping growing
past 16 MiB (remapped), result columns owned by memoryviews (token_spans:
three views into one block) and released when the last dies, freed blocks
reused as spares by other sizes, texts and threads, and tracemalloc seeing
them all.  Results are checked exactly.
"""

from __future__ import annotations

import gc
import tracemalloc

import newstext

# 600,000 one-character tokens: token arrays of 4.8 MB per 8-byte column,
# token_spans columns of 2.4 MB
N = 600_000


def test_token_spans_ascii_marks_exact() -> None:
    sp = newstext.token_spans('"' * N)
    assert sp.starts.format == "i" and len(sp.starts) == N
    assert sp.starts.tolist() == list(range(N))
    assert sp.ends.tolist() == list(range(1, N + 1))
    quote = newstext.TOKEN_KINDS.index("quote")
    assert set(sp.kinds.tolist()) == {quote}


def test_token_spans_non_ascii_words_exact() -> None:
    # "ü " is one token per two characters (str offsets, not UTF-8 bytes)
    text = "kata “ü” " * (N // 9)
    sp = newstext.token_spans(text)
    toks = newstext.tokens(text)
    assert len(sp.starts) == len(toks) == 4 * (N // 9)
    assert sp.starts.tolist() == [t.start for t in toks]
    assert sp.ends.tolist() == [t.end for t in toks]
    assert all(text[t.start:t.end] == t.text for t in toks[:40])
    assert [t.text for t in toks[:8]] == ["kata", "“", "ü", "”"] * 2


def test_sentences_and_quotes_over_large_token_arrays() -> None:
    unit = "“Ya,” kata Budi. "
    reps = 60_000  # 360,000 tokens: 2.9 MB per token column
    text = unit * reps
    sents = newstext.sentences(text)
    assert len(sents) == reps
    assert sents[0].text == "“Ya,” kata Budi."
    assert sents[-1].start == len(unit) * (reps - 1)
    qs = newstext.quotes(text)
    assert len(qs) == reps
    assert {q.text for q in qs} == {"Ya,"} and {q.speaker for q in qs} == {"Budi"}
    assert qs[-1].start == len(unit) * (reps - 1) + 1


def test_tokenize_and_tokens_large_exact() -> None:
    text = "3km " * (N // 4)
    words = newstext.tokenize(text)
    assert words == ["3km"] * (N // 4)
    toks = newstext.tokens(text)
    assert len(toks) == N // 4
    assert toks[-1] == newstext.Token("3km", N - 4, N - 1, toks[-1].kind)


def test_tracemalloc_sees_mapped_blocks_and_their_release() -> None:
    text = "“" * N
    newstext.token_spans(text)  # warm up: first-use allocations
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        sp = newstext.token_spans(text)
        held = tracemalloc.get_traced_memory()[0] - before
        # two 4-byte columns (mapped: 2.4 MB each) and the kinds column
        assert held >= 9 * N
        peak = tracemalloc.get_traced_memory()[1] - before
        # the 8-byte token array (4.8 MB per column) lived during the call
        assert peak >= 16 * N
        del sp
        gc.collect()
        after = tracemalloc.get_traced_memory()[0] - before
        assert after < 64 * 1024
    finally:
        tracemalloc.stop()


# Token strings of large results come from a per-call cache of equal tokens
# (newstext/_core.c, "token strings"): from 4,096 tokens on.  Every kind of
# str storage (1, 2 and 4 bytes per character), lone surrogates, more
# distinct short tokens than the cache has slots (collisions), tokens equal
# in their first characters, and tokens longer than the cached length.
WORDS = ["kata", "Kata", "katA", "kat", "ü", "üü", "Jakarta", "Jakart", "“", "”", ",", ".",
         "😀", "😀😀", "\ud800", "é", "e\u0301", "x" * 24, "x" * 25, "y" * 30]


def _mixed_text(n: int) -> str:
    import random

    rnd = random.Random(11)
    parts = []
    for i in range(n):
        r = rnd.random()
        if r < 0.5:
            parts.append(rnd.choice(WORDS))
        else:  # distinct words: far more than the 1,024 slots
            parts.append("w%dz" % rnd.randrange(50_000))
    return " ".join(parts)


def test_cached_token_strings_equal_plain_slices() -> None:
    text = _mixed_text(40_000)
    toks = newstext.tokens(text)
    assert len(toks) > 4096
    assert all(t.text == text[t.start:t.end] for t in toks)
    words = newstext.tokenize(text)
    assert words == [t.text for t in toks]
    lower = newstext.tokenize(text, lower=True)
    assert lower == [t.text.lower() for t in toks]
    nopunct = newstext.tokenize(text, punct=False)
    assert nopunct == [t.text for t in toks if t.kind not in ("punct", "quote")]
    # a small result (no cache) of the first thousand tokens agrees
    head = text[: toks[1000].start]
    assert newstext.tokenize(head) == [t.text for t in toks[:1000]]


def test_cached_token_strings_are_shared_and_refcounted() -> None:
    import sys

    text = "kata " * 10_000
    words = newstext.tokenize(text)
    assert words == ["kata"] * 10_000
    assert all(w is words[0] for w in words)  # one object, 10,000 references
    assert sys.getrefcount(words[0]) >= 10_001
    toks = newstext.tokens(text)
    assert toks[0].text is toks[-1].text
    del words
    gc.collect()
    assert toks[0].text == "kata"


def test_token_spans_views_share_one_block_that_outlives_each() -> None:
    # the three columns are views into one block: any one keeps it alive
    text = "Harga cabai naik, kata pedagang. " * (N // 33)
    sp = newstext.token_spans(text)
    starts, ends, kinds = sp.starts, sp.ends, sp.kinds
    del sp
    gc.collect()
    want = newstext.tokens(text)
    del starts, ends
    gc.collect()
    assert kinds.tolist() == [newstext.TOKEN_KINDS.index(t.kind) for t in want]
    assert kinds.format == "B" and kinds.readonly


def test_spare_blocks_are_overwritten_not_leaked_into_results() -> None:
    # freed large blocks are kept as spares and reused: a second, different
    # text of other sizes must come out exact, nothing of the first left in it
    first = newstext.token_spans("(" * N)
    del first
    for reps, unit in ((N // 4, "ab. "), (N // 2, "x "), (N // 3, "“c”")):
        text = unit * reps
        sp = newstext.token_spans(text)
        toks = newstext.tokens(text)
        assert sp.starts.tolist() == [t.start for t in toks]
        assert sp.ends.tolist() == [t.end for t in toks]
        assert sp.kinds.tolist() == [newstext.TOKEN_KINDS.index(t.kind) for t in toks]
        del sp, toks


# Token counts whose 8-byte token columns end in every class from 256 KiB
# to 16 MiB and past it (2.1M tokens: 16.8 MB per column, remapped), and
# just under and over a class boundary (32,768 tokens = 256 KiB).
SIZES = [32_767, 32_768, 32_769, 50_000, 131_072, 131_073, 700_000, 2_100_000]


def _spans_text(n_tokens: int) -> str:
    return "ab, " * (n_tokens // 2) + ("ab" if n_tokens % 2 else "")


def test_every_size_class_and_boundary_exact() -> None:
    for n in SIZES:
        text = _spans_text(n)
        sp = newstext.token_spans(text)
        assert len(sp.starts) == n
        starts = sp.starts.tolist()
        last = 4 * (n // 2) if n % 2 else 4 * (n // 2 - 1) + 2  # the trailing "ab" or ","
        assert starts[-1] == last
        assert starts[:4] == [0, 2, 4, 6] and sp.ends.tolist()[:4] == [2, 3, 6, 7]
        assert newstext.tokenize(text)[-2:] == (["ab", ","] if n % 2 == 0 else [",", "ab"])
        del sp


def test_tracemalloc_sees_mid_size_mapped_blocks() -> None:
    # 50,000 tokens: a 450,000-byte result block (the 512 KiB class)
    text = _spans_text(50_000)
    newstext.token_spans(text)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        sp = newstext.token_spans(text)
        assert tracemalloc.get_traced_memory()[0] - before >= 9 * 50_000
        del sp
        gc.collect()
        assert tracemalloc.get_traced_memory()[0] - before < 64 * 1024
    finally:
        tracemalloc.stop()


def test_sizes_interleaved_reuse_spares_exactly() -> None:
    # classes taken and given back in changing order: each result exact
    want = {n: newstext.token_spans(_spans_text(n)).starts.tolist() for n in SIZES[:7]}
    for n in [131_073, 32_769, 700_000, 50_000, 32_768, 700_000, 131_072, 32_767]:
        assert newstext.token_spans(_spans_text(n)).starts.tolist() == want[n]


def test_threads_share_the_spares() -> None:
    # eight threads take and give back spares of several classes at once
    from concurrent.futures import ThreadPoolExecutor

    sizes = [32_768, 50_000, 131_073, 300_000]
    want = {n: (newstext.token_spans(_spans_text(n)).ends.tolist(),
                newstext.keywords(_spans_text(n) + " Jakarta banjir.", top=3)) for n in sizes}

    def work(i: int) -> bool:
        n = sizes[i % len(sizes)]
        text = _spans_text(n)
        return (newstext.token_spans(text).ends.tolist() == want[n][0]
                and newstext.keywords(text + " Jakarta banjir.", top=3) == want[n][1])

    with ThreadPoolExecutor(8) as ex:
        assert all(ex.map(work, range(48)))


def test_stem_of_a_large_text_uses_a_mapped_buffer_exactly() -> None:
    # stem's output buffer for a long str comes from the mapped blocks; a
    # word with non-ASCII letters comes back lower-cased, whole
    for n in (30_000, 300_000, 1_000_000):
        assert newstext.stem("Ü" * n) == "ü" * n
        assert newstext.stem("“" * n) == "“" * n
    assert newstext.stem("mempermainkan") == "main"
