"""Offsets hold on any Unicode text (hypothesis), and every bad-input path
gives a clear exception or the documented result."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstext

FUNCS = [newstext.tokenize, newstext.tokens, newstext.token_spans, newstext.sentences]

# Text mixing news-like pieces with arbitrary code points (astral ones,
# marks, controls, lone surrogates).
pieces = st.sampled_from([
    "Putin", " ", "\n", "\n\n", ".", ",", "”", "“", '"', "'", "’", "-", "10.000", "13/9/2023",
    "pukul 16.00", "Prof.", "A.S.", "O'Brien", "don't", "https://p.dw.com/p/4WJJB", "a@b.id",
    "#Tag", "@user", "😀", "👍🏽", "🇮🇩", "\u0301", "\u200d", "\x00", "…", "...", "Rp9", "ke-18",
])
texts = st.lists(st.one_of(pieces, st.text(min_size=0, max_size=8)), max_size=40).map("".join)


def check_offsets(text: str, lang: str) -> None:
    toks = newstext.tokens(text, lang=lang)
    prev_end = 0
    for t in toks:
        assert text[t.start:t.end] == t.text
        assert prev_end <= t.start < t.end <= len(text)
        assert t.kind in newstext.TOKEN_KINDS
        # nothing between tokens but separators
        gap = text[prev_end:t.start]
        assert gap.strip() == "" or all(c.isspace() or not c.isprintable() for c in gap), repr(gap)
        prev_end = t.end
    tail = text[prev_end:]
    assert tail.strip() == "" or all(c.isspace() or not c.isprintable() for c in tail), repr(tail)
    spans = newstext.token_spans(text, lang=lang)
    assert spans.starts.tolist() == [t.start for t in toks]
    assert spans.ends.tolist() == [t.end for t in toks]
    assert newstext.tokenize(text, lang=lang) == [t.text for t in toks]
    sents = newstext.sentences(text, lang=lang)
    for s in sents:
        assert text[s.start:s.end] == s.text
    # sentences cover the tokens exactly, in order
    ti = 0
    for s in sents:
        assert toks[ti].start == s.start
        while ti < len(toks) and toks[ti].end <= s.end:
            ti += 1
        assert toks[ti - 1].end == s.end
    assert ti == len(toks)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["id", "en"]))
def test_offsets_property(text: str, lang: str) -> None:
    check_offsets(text, lang)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=60))
def test_offsets_any_codepoints(text: str) -> None:
    check_offsets(text, "id")


# ------------------------------------------------------------ documented policies


def test_lone_surrogates_are_kept_as_symbols() -> None:
    text = "kata \ud800 Putin \udfff."
    toks = newstext.tokens(text, lang="id")
    assert [(t.text, t.kind) for t in toks] == [
        ("kata", "word"), ("\ud800", "symbol"), ("Putin", "word"), ("\udfff", "symbol"), (".", "punct")]
    assert [s.text for s in newstext.sentences(text, lang="id")] == [text]


def test_nul_and_controls_separate_tokens() -> None:
    text = "kata\x00Putin\x07tiba\x1b."
    assert newstext.tokenize(text, lang="id") == ["kata", "Putin", "tiba", "."]
    toks = newstext.tokens(text, lang="id")
    assert [(t.start, t.end) for t in toks] == [(0, 4), (5, 10), (11, 15), (16, 17)]


def test_astral_offsets() -> None:
    text = "𝐊𝐢𝐦 😀 bertemu Putin 🇷🇺."
    for t in newstext.tokens(text, lang="id"):
        assert text[t.start:t.end] == t.text
    assert newstext.tokenize(text, lang="id") == ["𝐊𝐢𝐦", "😀", "bertemu", "Putin", "🇷🇺", "."]


def test_combining_marks_stay_with_their_letter() -> None:
    text = "Jose\u0301 tiba"  # decomposed é
    assert newstext.tokenize(text, lang="id") == ["Jose\u0301", "tiba"]


def test_empty_input() -> None:
    assert newstext.tokenize("") == []
    assert newstext.tokens("") == []
    assert newstext.sentences("") == []
    assert newstext.detect_lang("") == "id"


def test_large_input_releases_gil_path() -> None:
    # > 32 KiB takes the GIL-released path; results must match the small path
    para = "Presiden Rusia Vladimir Putin menerima undangan Kim Jong Un, kata KCNA. “Kami siap,” ujarnya.\n\n"
    text = para * 2000
    toks = newstext.tokens(text, lang="id")
    small = newstext.tokens(para, lang="id")
    assert len(toks) == 2000 * len(small)
    assert [t.text for t in toks[: len(small)]] == [t.text for t in small]
    last = toks[-1]
    assert text[last.start:last.end] == last.text
    assert len(newstext.sentences(text, lang="id")) == 2000 * len(newstext.sentences(para, lang="id"))


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize("func", FUNCS + [newstext.detect_lang])
@pytest.mark.parametrize("bad", [None, b"Putin tiba", 42, ["Putin"], bytearray(b"x")])
def test_non_str_raises_type_error(func, bad) -> None:
    with pytest.raises(TypeError, match="must be str"):
        func(bad)


@pytest.mark.parametrize("func", FUNCS)
def test_bad_lang(func) -> None:
    with pytest.raises(ValueError, match="lang must be 'auto', 'id' or 'en'"):
        func("Putin tiba.", lang="fr")
    with pytest.raises(TypeError, match="lang must be"):
        func("Putin tiba.", lang=3)


@pytest.mark.parametrize("func", FUNCS)
def test_options_are_keyword_only(func) -> None:
    with pytest.raises(TypeError):
        func("Putin tiba.", "id")


def test_unknown_keyword() -> None:
    with pytest.raises(TypeError):
        newstext.tokenize("Putin", language="id")


def test_str_subclass_accepted() -> None:
    class Text(str):
        pass

    assert newstext.tokenize(Text("Putin tiba.")) == ["Putin", "tiba", "."]
