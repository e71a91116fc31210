"""Parity of newstext.keywords(lang="en") with the yake package 0.4.8.

Both sides get the same stop list (newstext's English stop words, cues and
boilerplate: yake's own list cannot be shipped).  Where the two
tokenisations agree (yake_parity.our_view == yake_view), the top 10 must be
identical and every score equal to 1e-9; overall the top 10 must be
identical on at least 90% of the English news texts written for the
project.  UD English EWT documents from ../shared are checked too when
present (exactness where the tokenisation agrees).
"""

from __future__ import annotations

from pathlib import Path

import pytest

yake = pytest.importorskip("yake")
try:
    from importlib.metadata import version

    _YAKE_VERSION = version("yake")
except Exception:  # pragma: no cover
    _YAKE_VERSION = "?"
pytestmark = pytest.mark.skipif(_YAKE_VERSION != "0.4.8", reason=f"yake {_YAKE_VERSION}, not 0.4.8")

from keyword_texts import EN_NEWS  # noqa: E402
from yake_parity import compare, extractor, ud_documents  # noqa: E402

UD_EN = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ud" / "en_ewt-ud-dev.conllu"


@pytest.fixture(scope="module")
def ext():
    return extractor("en", top=10)


@pytest.mark.parametrize("i", range(len(EN_NEWS)))
def test_exact_where_tokenisation_agrees(ext, i):
    same, agrees, diff, ours, theirs = compare(EN_NEWS[i], ext)
    if agrees:
        assert same, (ours, theirs)
        assert diff <= 1e-9
        assert len(ours) == len(theirs) == 10


def test_identical_top10_on_90_percent_of_news(ext):
    results = [compare(t, ext) for t in EN_NEWS]
    identical = sum(r[0] for r in results)
    assert identical >= 0.9 * len(EN_NEWS), [r[3:] for r in results if not r[0]]


def test_dedup_off_and_long_lists(ext):
    big = yake.KeywordExtractor(lan="en", n=3, dedupLim=0.9, top=40, stopwords=ext.stopword_set)
    text = EN_NEWS[3]
    ours = [(k.phrase, k.score) for k in __import__("newstext").keywords(text, lang="en", top=40)]
    theirs = big.extract_keywords(text)
    assert [p for p, _ in ours] == [p for p, _ in theirs]
    assert max(abs(a[1] - b[1]) for a, b in zip(ours, theirs)) <= 1e-9


@pytest.mark.skipif(not UD_EN.exists(), reason="../shared/corpus/ud absent")
def test_ud_english_documents(ext):
    docs = ud_documents(UD_EN)
    agreeing = 0
    for d in docs:
        same, agrees, diff, ours, theirs = compare(d, ext)
        if agrees:
            agreeing += 1
            assert same, (d[:200], ours, theirs)
            assert diff <= 1e-9
    assert agreeing >= 20
