"""The keyword text limit, NT_KW_MAX_TEXT (csrc/newstext.h, SECURITY.md), and
the token_spans switch from 4-byte to 8-byte offsets at 2**31 UTF-8 bytes.

keywords(), tfidf(), distinctive() and the Corpus/Document calls built on
them accept a text of at most 134,217,727 UTF-8 bytes (their indices are
32-bit).  Checked at limit - 1, limit and limit + 1, in bytes, not
characters.  Whitespace carries the length so each call stays cheap; a
sentence at the end shows the text is really read up to the limit.
"""

from __future__ import annotations

import os

import pytest

import newstext

LIMIT = 134_217_727  # NT_KW_MAX_TEXT = UINT32_MAX / NT_KW_MAX_NGRAM / 2
NEWS = "Banjir merendam ribuan rumah warga di Jakarta Utara."


def padded(nbytes: int, tail: str = NEWS) -> str:
    """A text of exactly nbytes UTF-8 bytes: spaces, then tail."""
    return " " * (nbytes - len(tail.encode("utf-8"))) + tail


def test_limit_value_follows_the_header():
    assert LIMIT == (2**32 - 1) // 16 // 2


@pytest.mark.parametrize("nbytes", [LIMIT - 1, LIMIT])
def test_keywords_at_and_below_the_limit(nbytes):
    text = padded(nbytes)
    assert len(text.encode("utf-8")) == nbytes
    kws = newstext.keywords(text, lang="id", top=3)
    # the leading spaces change nothing: same phrases, scores and counts
    assert kws == newstext.keywords(NEWS, lang="id", top=3)
    assert [k.phrase for k in kws][0] == "Jakarta Utara"
    del text


def test_keywords_over_the_limit():
    text = padded(LIMIT + 1)
    with pytest.raises(OverflowError, match=r"134217728 UTF-8 bytes, over the keyword limit of "
                                            r"134217727 bytes \(NT_KW_MAX_TEXT\)"):
        newstext.keywords(text, lang="id")
    with pytest.raises(OverflowError, match="NT_KW_MAX_TEXT"):
        newstext.keywords(text, lang="id", method="rake")


def test_limit_counts_utf8_bytes_not_characters():
    # LIMIT characters, but the closing quote takes 3 bytes: LIMIT + 2 bytes
    text = padded(LIMIT + 2, tail=NEWS + "”")
    assert len(text) == LIMIT
    with pytest.raises(OverflowError, match="NT_KW_MAX_TEXT"):
        newstext.keywords(text, lang="id")


def test_corpus_functions_at_and_over_the_limit():
    ok = padded(LIMIT)
    terms = newstext.tfidf([ok, "Jakarta hujan deras."], lang="id", top=2)
    assert len(terms) == 2 and len(terms[0]) == 2
    del ok
    big = padded(LIMIT + 1)
    with pytest.raises(OverflowError, match=r"text 1 is 134217728 UTF-8 bytes.*NT_KW_MAX_TEXT"):
        newstext.tfidf(["Jakarta hujan deras.", big], lang="id")
    with pytest.raises(OverflowError, match=r"text 0 is 134217728 UTF-8 bytes"):
        newstext.distinctive([big, "Jakarta hujan deras."], ["a", "b"], lang="id")


def test_top_zero_reads_nothing_so_has_no_limit():
    assert newstext.keywords(padded(LIMIT + 1), lang="id", top=0) == []


# ------------------------------------------------------------------ token_spans offsets

NARROW_MAX = 2**31 - 1  # token_spans: 4-byte offsets up to INT32_MAX UTF-8 bytes


@pytest.mark.skipif(os.environ.get("NEWSTEXT_TEST_SANITIZED") == "1",
                    reason="4 GB of text under ASan is not worth it; the normal run covers it")
@pytest.mark.parametrize("nbytes, fmt", [(NARROW_MAX, "i"), (NARROW_MAX + 1, "q")])
def test_token_spans_offset_width_at_two_gib(nbytes, fmt):
    """Below 2**31 UTF-8 bytes the offset columns are int32 ('i'); from there
    on int64 ('q'), so no offset is ever truncated."""
    text = padded(nbytes)
    spans = newstext.token_spans(text, lang="id")
    assert spans.starts.format == fmt and spans.ends.format == fmt
    start = nbytes - len(NEWS)
    assert spans.starts.tolist()[:2] == [start, start + 7]
    assert spans.ends.tolist()[-1] == nbytes
    assert [text[a:b] for a, b in zip(spans.starts.tolist(), spans.ends.tolist())] == \
        newstext.tokenize(NEWS, lang="id")
    del text, spans
