"""newstext.stem: Indonesian confix stripping, English Porter2, and
keywords(stem=True)."""

from __future__ import annotations

import pytest

import newstext


@pytest.mark.parametrize(
    "word, root",
    [
        # meN- with its assimilations
        ("membeli", "beli"),
        ("memberikan", "beri"),
        ("menulis", "tulis"),
        ("mencari", "cari"),
        ("menyatakan", "satakan"[:4]),  # meny- + V -> s-: "sata" (nyata needs a root list)
        ("menggunakan", "guna"),
        ("mengambil", "ambil"),
        ("melihat", "lihat"),
        ("merasa", "rasa"),
        ("menjadi", "jadi"),
        # di-, ter-, ber-, per- and stacked prefixes
        ("dibahas", "bahas"),
        ("diperkirakan", "kira"),
        ("mempertahankan", "tahan"),
        ("terjadi", "jadi"),
        ("tertinggi", "tinggi"),
        ("berdasarkan", "dasar"),
        ("berada", "ada"),
        ("bepergian", "pergi"),
        # confixes
        ("keberhasilan", "hasil"),
        ("kebijakan", "bijak"),
        ("kenaikan", "naik"),
        ("perbaikan", "baik"),
        ("penanganan", "tangan"),
        ("pembentukan", "bentuk"),
        ("bantuan", "bantu"),
        # reduplication
        ("kata-kata", "kata"),
        ("berbeda-beda", "beda"),
        ("sungai-sungai", "sungai"),
        # what stays
        ("dengan", "dengan"),
        ("persen", "persen"),
        ("bersih", "bersih"),
        ("sekolah", "sekolah"),
        ("menikah", "tikah"),  # men+V reads t+V without a root list
        ("industri", "industri"),
        ("Jakarta", "jakarta"),
        ("COVID-19", "covid-19"),
        ("", ""),
    ],
)
def test_indonesian(word, root):
    assert newstext.stem(word) == root


def test_root_list_picks_the_reading():
    roots = newstext.RootList(["nikah", "nyata", "kata", "sekolah", "ada", "kawal", "milik"])
    assert len(roots) == 7 and "Nikah" in roots and 3 not in roots
    assert newstext.stem("menikah", roots=roots) == "nikah"
    assert newstext.stem("menyatakan", roots=roots) == "nyata"
    assert newstext.stem("mengatakan", roots=roots) == "kata"
    assert newstext.stem("mengawali", roots=roots) == "kawal"
    assert newstext.stem("memiliki", roots=roots) == "milik"
    assert newstext.stem("adanya", roots=roots) == "ada"  # -nya only with a root list
    assert newstext.stem("sekolah", roots=roots) == "sekolah"  # a known root stays
    # a plain collection works too
    assert newstext.stem("menikah", roots={"nikah"}) == "nikah"
    assert newstext.stem("adanya") == "adanya"


@pytest.mark.parametrize(
    "word, stem",
    [
        ("running", "run"),
        ("generously", "generous"),
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("ties", "tie"),
        ("cats", "cat"),
        ("happiness", "happi"),
        ("relational", "relat"),
        ("conditional", "condit"),
        ("hopeful", "hope"),
        ("sensibility", "sensibl"),
        ("agreed", "agre"),
        ("knitting", "knit"),
        ("generations", "generat"),
        ("communities", "communiti"),
        ("skies", "sky"),
        ("news", "news"),
        ("evacuations", "evacu"),
        ("evacuated", "evacu"),
        ("flooding", "flood"),
        ("Floods", "flood"),
        ("yelling", "yell"),
        ("cry", "cri"),
        ("by", "by"),
    ],
)
def test_english_porter2(word, stem):
    assert newstext.stem(word, lang="en") == stem


def test_errors():
    with pytest.raises(TypeError):
        newstext.stem(None)
    with pytest.raises(TypeError):
        newstext.stem(b"kata")
    with pytest.raises(ValueError):
        newstext.stem("kata", lang="fr")
    with pytest.raises(ValueError):
        newstext.stem("kata", lang="auto")
    with pytest.raises(TypeError):
        newstext.stem("kata", roots="kata")
    with pytest.raises(TypeError):
        newstext.RootList([1, 2])
    # odd input comes back lower-cased, never lost
    assert newstext.stem("ÉTÉ") == "été"
    assert newstext.stem("a\ud800b") == "a\ud800b"
    long = "meng" + "a" * 100
    assert newstext.stem(long) == long


def test_keywords_stem_merges_variants():
    text = (
        "Banjir merendam Bekasi. Warga kebanjiran lagi. Banjir besar, kebanjiran di mana-mana.\n"
        "Pemerintah menangani banjir dan penanganan banjir dibahas."
    )
    plain = {k.phrase: k.count for k in newstext.keywords(text, top=50, dedup=1.0)}
    merged = {k.phrase: k.count for k in newstext.keywords(text, top=50, dedup=1.0, stem=True)}
    assert plain["Banjir"] == 4 and "kebanjiran" in plain
    assert merged["Banjir"] == 6 and "kebanjiran" not in merged
    assert merged["menangani banjir"] == 2  # with "penanganan banjir"
    en = "Floods hit the valley. The flood wall failed, flooding homes. Flooding is common."
    counts = {k.phrase: k.count for k in newstext.keywords(en, lang="en", stem=True, top=20, dedup=1.0)}
    assert counts["Floods"] == 4
