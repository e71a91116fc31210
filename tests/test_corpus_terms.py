"""newstext.tfidf and newstext.distinctive: corpus-level term rankings."""

from __future__ import annotations

import math

import pytest

import newstext
from newstext import Distinctive, TfIdf

from keyword_texts import EN_NEWS, ID_NEWS

FLOODS = [
    "Banjir merendam ratusan rumah di Bekasi. Warga Bekasi mengungsi ke masjid.",
    "Banjir kembali merendam Bekasi. Tanggul sungai jebol dan banjir meluas.",
    "Harga beras naik di Pasar Cipinang. Pedagang beras mengeluhkan sepinya pembeli.",
    "Pemerintah menggelar operasi pasar beras. Harga beras diharapkan turun.",
]


def test_tfidf_ranks_each_text():
    res = newstext.tfidf(FLOODS, top=3)
    assert len(res) == 4
    assert all(isinstance(t, TfIdf) for r in res for t in r)
    assert [t.term for t in res[0]][:1] == ["bekasi"]  # twice in the text, df 2
    assert res[0][0].count == 2 and res[0][0].df == 2
    assert [t.rank for t in res[0]] == [1, 2, 3]
    for r in res:
        assert [t.score for t in r] == sorted((t.score for t in r), reverse=True)
    # "beras" is in two texts: it ranks first where it occurs twice
    assert res[2][0].term == "beras" and res[3][0].term == "beras"


def test_tfidf_scores_match_the_formula():
    res = newstext.tfidf(FLOODS, top=100)
    n = len(FLOODS)
    for r in res:
        raw = {t.term: (1 + math.log(t.count)) * (math.log((1 + n) / (1 + t.df)) + 1) for t in r}
        norm = math.sqrt(sum(v * v for v in raw.values()))
        for t in r:
            assert t.score == pytest.approx(raw[t.term] / norm, rel=1e-12)


def test_tfidf_options():
    bigrams = newstext.tfidf(FLOODS, top=50, max_ngram=2)
    assert any(" " in t.term for t in bigrams[2])
    common = newstext.tfidf(FLOODS, top=50, min_df=2)
    assert all(t.df >= 2 for r in common for t in r)
    assert newstext.tfidf([], top=5) == []
    assert newstext.tfidf(["", "..."]) == [[], []]
    # stop words and cues never become terms
    terms = {t.term for r in newstext.tfidf(ID_NEWS, top=200) for t in r}
    assert not terms & (newstext.STOPWORDS["id"] | newstext.CUE_WORDS["id"])


def test_distinctive_sets_groups_apart():
    res = newstext.distinctive(FLOODS, ["banjir", "banjir", "pangan", "pangan"], top=5, min_count=1)
    assert list(res) == ["banjir", "pangan"]
    assert all(isinstance(d, Distinctive) for v in res.values() for d in v)
    assert res["banjir"][0].term in {"banjir", "bekasi"}
    assert res["pangan"][0].term == "beras"
    top = res["pangan"][0]
    assert top.count == 4 and top.count_rest == 0 and top.score > 0
    for v in res.values():
        assert [d.score for d in v] == sorted((d.score for d in v), reverse=True)


def test_distinctive_matches_the_formula():
    texts = EN_NEWS[:4]
    groups = ["a", "b", "a", "b"]
    res = newstext.distinctive(texts, groups, top=5, min_count=2, prior=0.5)
    counts = {}
    for g, text in zip(groups, texts):
        for t in newstext.tfidf([text], top=10_000)[0]:
            counts.setdefault(t.term, {"a": 0, "b": 0})[g] += t.count
    n = {g: sum(c[g] for c in counts.values()) for g in "ab"}
    total = n["a"] + n["b"]
    for g, other in (("a", "b"), ("b", "a")):
        for d in res[g]:
            yi, yj = counts[d.term][g], counts[d.term][other]
            aw, a0 = 0.5 * (yi + yj), 0.5 * total
            delta = math.log((yi + aw) / (n[g] + a0 - yi - aw)) - math.log((yj + aw) / (n[other] + a0 - yj - aw))
            z = delta / math.sqrt(1 / (yi + aw) + 1 / (yj + aw))
            assert d.score == pytest.approx(z, rel=1e-9)
            assert (d.count, d.count_rest) == (yi, yj)


@pytest.mark.parametrize(
    "call",
    [
        lambda: newstext.tfidf("one text"),
        lambda: newstext.tfidf(["ok", 3]),
        lambda: newstext.tfidf(None),
        lambda: newstext.distinctive(FLOODS, "abcd"),
        lambda: newstext.distinctive(FLOODS, [["x"], ["y"], ["x"], ["y"]]),
        lambda: newstext.tfidf(FLOODS, stopwords="dan"),
    ],
)
def test_type_errors(call):
    with pytest.raises(TypeError):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: newstext.tfidf(FLOODS, top=-1),
        lambda: newstext.tfidf(FLOODS, max_ngram=0),
        lambda: newstext.tfidf(FLOODS, min_df=-2),
        lambda: newstext.tfidf(FLOODS, lang="de"),
        lambda: newstext.distinctive(FLOODS, ["a", "b"]),
        lambda: newstext.distinctive(FLOODS, list("abab"), prior=0),
        lambda: newstext.distinctive(FLOODS, list("abab"), prior=float("nan")),
        lambda: newstext.distinctive(FLOODS, list("abab"), prior=float("inf")),
    ],
)
def test_value_errors(call):
    with pytest.raises(ValueError):
        call()


def test_surrogates_and_generators():
    texts = (t for t in ["Banjir \ud800 Bekasi banjir Bekasi", "Harga beras naik"])
    res = newstext.tfidf(texts)
    assert res[0][0].term in {"banjir", "bekasi"}
