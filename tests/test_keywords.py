"""newstext.keywords: YAKE (default), RAKE and TextRank on news text."""

from __future__ import annotations

import math

import pytest

import newstext
from newstext import Keyword

from keyword_texts import EN_NEWS, ID_NEWS

BIKES = EN_NEWS[1]
BANJIR = ID_NEWS[0]
BERAS = ID_NEWS[1]


def phrases(kws):
    return [k.phrase for k in kws]


def words_of(kws):
    return {w.lower() for k in kws for w in k.phrase.split()}


def edge_words(kws):
    """First and last words of the phrases (stop words may sit inside)."""
    return {w.lower() for k in kws for w in (k.phrase.split()[0], k.phrase.split()[-1])}


# ------------------------------------------------------------------ records


def test_records_ranked_best_first():
    kws = newstext.keywords(BIKES)
    assert len(kws) == 10
    assert all(isinstance(k, Keyword) for k in kws)
    assert [k.rank for k in kws] == list(range(1, 11))
    scores = [k.score for k in kws]
    assert scores == sorted(scores)  # YAKE: lower is better
    assert all(s > 0 and math.isfinite(s) for s in scores)
    assert kws[0]._fields == ("phrase", "score", "count", "rank")


def test_counts_and_surface_forms():
    kws = {k.phrase: k for k in newstext.keywords(BIKES, top=40, dedup=1.0)}
    # "bike lanes" occurs four times, always lower case
    assert kws["bike lanes"].count == 4
    # the surface form is the first occurrence's: the headline's capital
    assert "City council" in kws and "city council" not in kws
    assert kws["City council"].count == 2


def test_each_phrase_occurs_in_the_text():
    for text in EN_NEWS + ID_NEWS:
        for k in newstext.keywords(text, top=20):
            assert k.phrase in " ".join(text.split()), k


def test_top_and_max_ngram():
    assert len(newstext.keywords(BIKES, top=3)) == 3
    assert newstext.keywords(BIKES, top=0) == []
    one = newstext.keywords(BIKES, max_ngram=1, top=15)
    assert all(" " not in k.phrase for k in one)
    long = newstext.keywords(BIKES, max_ngram=5, top=30, dedup=1.0)
    assert max(len(k.phrase.split()) for k in long) <= 5


def test_deterministic():
    assert newstext.keywords(BANJIR) == newstext.keywords(BANJIR)


def test_dedup_drops_near_duplicates():
    allk = phrases(newstext.keywords(BERAS, top=200, dedup=1.0))
    dedup = phrases(newstext.keywords(BERAS, top=200, dedup=0.5))
    assert set(dedup) < set(allk)
    # "Keluhkan Sepinya" is within 0.5 of "Keluhkan Sepinya Pembeli"
    assert "Keluhkan Sepinya Pembeli" in dedup and "Keluhkan Sepinya" not in dedup


# --------------------------------------------------------- what users asked


def test_indonesian_cues_and_boilerplate_never_surface():
    for text in ID_NEWS:
        kws = newstext.keywords(text, top=100, dedup=1.0)
        bad = words_of(kws) & (newstext.CUE_WORDS["id"] | newstext.BOILERPLATE_WORDS)
        assert bad == set(), bad
    # cues=True lets them be ordinary words again (ujar stays out: the
    # Tala-based stop list has it too)
    loose = newstext.keywords(BANJIR, top=1000, dedup=1.0, cues=True)
    assert "baca" in words_of(loose)


def test_english_cues_never_surface_even_inside_phrases():
    for text in EN_NEWS:
        kws = newstext.keywords(text, top=100, dedup=1.0)
        assert words_of(kws) & newstext.CUE_WORDS["en"] == set()
    loose = newstext.keywords(EN_NEWS[0], top=300, dedup=1.0, cues=True)
    assert "told" in words_of(loose)


def test_unicode_punctuation_is_punctuation():
    text = (
        "Presiden menyebut proyek itu “Ibu Kota Nusantara” — bukan sekadar pemindahan kantor.\n"
        "“Ibu Kota Nusantara adalah simbol,” kata Presiden… Proyek Ibu Kota Nusantara dimulai 2022."
    )
    kws = newstext.keywords(text, top=50, dedup=1.0)
    for k in kws:
        assert not set(k.phrase) & set("“”—…‘’"), k
    assert "Ibu Kota Nusantara" in phrases(kws)
    # a phrase never crosses the dash
    assert not any("Nusantara bukan" in p for p in phrases(kws))


def test_plural_fold_is_english_only():
    text = "Satgas khusus menangani kasus khusus di wilayah khusus Papua. Tim khusus dibentuk."
    # the fold makes "khusus" the term "khusu": a stop list naming "khusu"
    # silences it in English mode but not in Indonesian mode
    assert "khusus" in edge_words(newstext.keywords(text, lang="id", top=50, stopwords={"khusu"}))
    assert "khusus" not in edge_words(newstext.keywords(text, lang="en", top=50, stopwords={"khusu"}))


def test_short_acronyms_and_digit_words_options():
    text = (
        "EU and AI rules: the EU wants AI firms to report COVID-19 data.\n"
        "EU ministers said AI oversight and COVID-19 lessons matter. The EU vote is Monday."
    )
    default = edge_words(newstext.keywords(text, lang="en", top=50, dedup=1.0))
    assert "eu" not in default and "ai" not in default and "covid-19" not in default
    opened = edge_words(newstext.keywords(text, lang="en", top=50, dedup=1.0, min_len=2, digits=True))
    assert {"eu", "ai", "covid-19"} <= opened


def test_user_stopwords_replace_the_builtin_list():
    kws = newstext.keywords(BIKES, top=100, dedup=1.0)
    assert "bike" in edge_words(kws)
    extended = newstext.STOPWORDS["en"] | {"bike"}
    assert "bike" not in edge_words(newstext.keywords(BIKES, top=100, dedup=1.0, stopwords=extended))
    # an empty list replaces the built-in one: "the" may now start a phrase
    bare = newstext.keywords(BIKES, top=300, dedup=1.0, stopwords=[])
    assert any(p.lower().startswith("the ") for p in phrases(bare))


def test_blacklist_words_and_phrases():
    kws = phrases(newstext.keywords(BERAS, top=100, dedup=1.0))
    assert "Harga Beras" in kws and "Pasar Induk Cipinang" in kws
    out = phrases(newstext.keywords(BERAS, top=100, dedup=1.0, blacklist={"harga beras", "CIPINANG"}))
    assert "Harga Beras" not in out
    assert not any("Cipinang" in p for p in out)
    assert "Beras" in out  # only the phrase was blacklisted, not the word


def test_headline_line_stays_a_sentence_in_english():
    # the headline line is directly followed by the body (single newline)
    text = EN_NEWS[2]
    kws = phrases(newstext.keywords(text, top=30, dedup=1.0))
    assert not any("climb Farmers" in p for p in kws)


def test_paragraph_option():
    text = "Harga Cabai Melonjak\n\nPedagang cabai di Pasar Senen mengeluh. Harga cabai naik dua kali lipat."
    joined = phrases(newstext.keywords(text, lang="id", paragraphs=False, top=50, dedup=1.0))
    split = phrases(newstext.keywords(text, lang="id", top=50, dedup=1.0))
    assert "Melonjak Pedagang" in " | ".join(joined)
    assert not any("Melonjak Pedagang" in p for p in split)


# ------------------------------------------------------------------ methods


@pytest.mark.parametrize("method", ["rake", "textrank"])
def test_other_methods_rank_higher_first(method):
    kws = newstext.keywords(BIKES, method=method)
    assert len(kws) == 10
    scores = [k.score for k in kws]
    assert scores == sorted(scores, reverse=True)
    assert [k.rank for k in kws] == list(range(1, 11))
    assert all(s > 0 for s in scores)
    assert words_of(kws) & {"bike", "lanes", "council"}


def test_rake_phrases_have_no_stopwords():
    stop = newstext.STOPWORDS["en"]
    for k in newstext.keywords(BIKES, method="rake", top=50, dedup=1.0):
        assert not {w.lower() for w in k.phrase.split()} & stop, k


def test_textrank_prefers_central_words():
    kws = newstext.keywords(BIKES, method="textrank", top=5)
    assert any("bike" in p for p in phrases(kws))


# ------------------------------------------------------------- odd inputs


@pytest.mark.parametrize("text", ["", "   \n\t ", "...!!! — “”", "12 34 5,6"])
def test_texts_without_keywords(text):
    assert newstext.keywords(text) == []


def test_lone_surrogates_and_nul_keep_working():
    text = "Banjir besar melanda Bekasi \ud800 dan warga Bekasi mengungsi.\x00 Banjir surut Senin."
    kws = newstext.keywords(text)
    assert "Bekasi" in phrases(kws) or "Banjir" in phrases(kws)
    for k in kws:
        assert isinstance(k.phrase, str)


def test_huge_text():
    text = "\n\n".join(ID_NEWS * 400)  # about 700 KB
    kws = newstext.keywords(text, top=5)
    assert len(kws) == 5
    assert kws[0].count >= 400


def test_pathological_inputs_are_linear_enough():
    # one enormous word, and a long run of distinct words without punctuation;
    # a word longer than NT_KW_MAX_WORD (100 code points) is no term
    assert newstext.keywords("a" * 200_000) == []
    assert [k.phrase for k in newstext.keywords("a" * 100)] == ["a" * 100]
    long_run = " ".join(f"kata{i}x" for i in range(20_000))
    assert newstext.keywords(long_run, digits=True, top=3) != []


@pytest.mark.parametrize(
    "kwargs, exc",
    [
        ({"top": -1}, ValueError),
        ({"max_ngram": 0}, ValueError),
        ({"max_ngram": 17}, ValueError),
        ({"window": 0}, ValueError),
        ({"min_len": -1}, ValueError),
        ({"dedup": -0.1}, ValueError),
        ({"dedup": float("nan")}, ValueError),
        ({"method": "tfidf"}, ValueError),
        ({"method": 1}, TypeError),
        ({"lang": "fr"}, ValueError),
        ({"stopwords": "the"}, TypeError),
        ({"stopwords": ["the", 3]}, TypeError),
        ({"stopwords": 5}, TypeError),
        ({"blacklist": b"x"}, TypeError),
        ({"top": 2.5}, TypeError),
    ],
)
def test_bad_options(kwargs, exc):
    with pytest.raises(exc):
        newstext.keywords(BIKES, **kwargs)


@pytest.mark.parametrize("text", [None, b"bytes", 42, ["a"]])
def test_bad_text(text):
    with pytest.raises(TypeError):
        newstext.keywords(text)


def test_positional_options_refused():
    with pytest.raises(TypeError):
        newstext.keywords(BIKES, 5)


def test_builtin_lists():
    assert {"yang", "dan", "di"} <= newstext.STOPWORDS["id"]
    assert {"the", "of", "and"} <= newstext.STOPWORDS["en"]
    assert "world" not in newstext.STOPWORDS["en"]
    assert {"kata", "ujar", "katanya", "menurut"} <= newstext.CUE_WORDS["id"]
    assert {"said", "told", "says"} <= newstext.CUE_WORDS["en"]
    assert {"baca", "penulis"} <= newstext.BOILERPLATE_WORDS


# --------------------------------------------------------------- property

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_pieces = st.sampled_from(
    ["Banjir", "banjir", "Jakarta", "COVID-19", "EU", "kata", "said", " ", "\n", "\n\n", ".", ",",
     "“", "”", "—", "…", "'s", "-", "10.000", "\ud800", "\x00", "ÉTÉ", "kata-kata", "https://a.b/c"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_pieces, st.text(max_size=6)), max_size=60),
       st.sampled_from(["yake", "rake", "textrank"]), st.booleans(), st.integers(1, 4))
def test_any_text_gives_phrases_made_of_its_words(parts, method, stem, n):
    text = "".join(parts)
    kws = newstext.keywords(text, method=method, stem=stem, max_ngram=n, top=20, dedup=0.8)
    assert [k.rank for k in kws] == list(range(1, len(kws) + 1))
    for k in kws:
        assert 1 <= len(k.phrase.split(" ")) <= n
        assert all(w in text for w in k.phrase.split(" "))
        assert k.count >= 1 and not math.isnan(k.score)


# -------------------------------------------------------------- interrupts

import sys  # noqa: E402


def test_signal_handlers_run_during_long_keyword_call(alarm_interrupts):
    text = "Presiden Rusia Vladimir Putin tiba di Pyongyang, kata KCNA. Banjir melanda Bekasi. " * 100_000
    alarm_interrupts(lambda: newstext.keywords(text, lang="id"), 0.002)
    assert sys.getrefcount(text) == 2
    assert newstext.keywords("Banjir melanda Bekasi. Warga Bekasi mengungsi.", top=1)[0].phrase


def test_a_text_whose_tables_outgrow_the_cpu_caches():
    # 12,000 distinct village names: the word and candidate tables pass the
    # size from which pass 2 prefetches its hash slots (csrc/keywords.c);
    # counts and ranks must be exact there too
    syl = ["ba", "ci", "du", "fe", "go", "hu", "ja", "ki", "lo", "mu"]

    def name(i: int) -> str:
        return "".join(syl[int(d)] for d in f"{i:05d}")

    text = " ".join(f"Warga {name(2 * i)} dan {name(2 * i + 1)} meninjau bendungan Jatigede."
                    for i in range(6000))
    got = [(k.phrase, k.count) for k in newstext.keywords(text, top=4)]
    assert got == [("meninjau bendungan Jatigede", 6000), ("bendungan Jatigede", 6000),
                   ("Jatigede", 6000), ("meninjau bendungan", 6000)]
    rake = newstext.keywords(text, method="rake", top=2)
    assert [(k.phrase, k.count) for k in rake] == [("babababaci meninjau bendungan", 1),
                                                   ("bababacife meninjau bendungan", 1)]
