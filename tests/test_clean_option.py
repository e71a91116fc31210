"""clean= on keywords, quotes, tfidf and distinctive (issue 3, item 5).

With ``clean=True`` the C core runs each tool on the article's clean view:
its title, body and heading lines as :func:`newstext.clean` labels them,
with a map back to the text, so offsets still index the ``str`` passed in.
Articles here were written for newstext.
"""

from __future__ import annotations

import glob
import os

import pytest

import newstext

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = sorted(glob.glob(os.path.join(ROOT, "examples", "articles", "*.txt")))

TITLE = "Pemerintah Siapkan Pompa Tambahan untuk Banjir Semarang"
P1 = ("Pemerintah Kota Semarang menyiagakan dua puluh pompa tambahan di kawasan Kaligawe "
      "setelah hujan deras mengguyur kota sejak Kamis malam.")
P2 = ("\"Semua pompa sudah kami nyalakan sejak pukul 02.00 dan petugas berjaga bergantian,\" "
      "kata Kepala Dinas Pekerjaan Umum Semarang Suharyanto kepada wartawan.")
LINK = "Baca juga: \"Kami Lelah,\" Keluh Warga Genuk yang Rumahnya Terendam Tiga Hari"
P3 = "Menurut Suharyanto, genangan di jalur pantura diperkirakan surut dalam dua hari jika hujan tidak turun lagi."
P4 = ("Warga diminta menjauhi saluran air yang deras dan segera melapor ke posko terdekat bila "
      "melihat tanggul bocor.")
P5 = "\"Posko kami buka dua puluh empat jam,\" ujarnya."

SCRAPE = (
    "Buka menu utama\nBeranda\nNasional\nRegional\n" + TITLE + "\n"
    "Kompas.com - 14/02/2025, 09:30 WIB\n"
    "SEMARANG, KOMPAS.com - " + P1 + "\n" + P2 + "\n" + LINK + "\n" + P3 + "\n" + P4 + "\n" + P5 + "\n"
    "Penulis : Dimas Prakoso\nEditor : Rina Maharani\nTerkini Lainnya\n"
    "Festival Kuliner Pecinan Ramai Dikunjungi Wisatawan\n"
    "Harga Cabai Rawit di Pasar Johar Turun Tipis\nIklan\n"
)
# What the core reads with clean=True: the title and body lines, one line
# break where single lines were left out (csrc/newstext.h, "clean view").
VIEW = TITLE + "\n" + P1 + "\n" + P2 + "\n" + P3 + "\n" + P4 + "\n" + P5 + "\n"

CLEAN_ID = (
    "Harga Beras Medium Turun di Pasar Induk Cipinang\n\n"
    "Harga beras medium di Pasar Induk Beras Cipinang, Jakarta Timur, turun Rp 500 per "
    "kilogram pekan ini setelah panen raya di Jawa Tengah.\n\n"
    "\"Pasokan dari Demak dan Grobogan sudah masuk sejak Senin,\" kata Ketua Koperasi "
    "Pedagang Pasar Induk Cipinang Zulkifli Rasyid.\n\n"
    "Menurut Zulkifli, harga di tingkat pengecer biasanya menyusul turun dalam satu sampai "
    "dua minggu.\n"
)

CLEAN_EN = (
    "Harbor city approves new seawall after winter floods\n\n"
    "The Port Ellery city council voted 7-2 on Monday to build a 1.2-mile seawall along the "
    "harbor front, three months after winter storms flooded more than 300 homes.\n\n"
    "\"We cannot keep pumping water out of basements every January,\" Mayor Lucia Brandt said "
    "after the vote.\n\n"
    "Engineers expect construction to start in the spring and to take about two years.\n"
)

EN_SCRAPE = (
    "Skip to main content\nHome\nLocal\nWeather\n"
    "Harbor city approves new seawall after winter floods\n"
    "By Martin Hale\n"
    "Updated 3:45 p.m. ET\n\n"
    "PORT ELLERY (Reuters) - The Port Ellery city council voted 7-2 on Monday to build a "
    "1.2-mile seawall along the harbor front, three months after winter storms flooded more "
    "than 300 homes.\n\n"
    "Advertisement\n\n"
    "\"We cannot keep pumping water out of basements every January,\" Mayor Lucia Brandt said "
    "after the vote.\n\n"
    "Read more: \"It smelled like diesel,\" residents recall of the January flood\n\n"
    "Engineers expect construction to start in the spring and to take about two years, "
    "council documents show.\n\n"
    "Sign up for our newsletter\nShare\n"
)


def phrases(kws):
    return [k.phrase for k in kws]


# ------------------------------------------------------------- keywords


def test_keywords_clean_leaves_boilerplate_out():
    raw = phrases(newstext.keywords(SCRAPE, top=20, lang="id"))
    clean = phrases(newstext.keywords(SCRAPE, top=20, lang="id", clean=True))
    # without the option the menu and the "Baca juga" link give keywords
    assert "Keluh Warga Genuk" in raw and "utama" in raw
    for gone in ("Keluh Warga Genuk", "utama", "Festival Kuliner Pecinan", "Harga Cabai Rawit", "Beranda"):
        assert gone not in clean
    assert not any(w in p for p in clean for w in ("Genuk", "Lelah", "Cabai", "Dimas", "Maharani", "Terkini"))
    assert "Pompa Tambahan" in clean and "Pemerintah Kota Semarang" in clean


def test_keywords_clean_equals_keywords_of_the_view():
    for method in ("yake", "rake", "textrank"):
        assert newstext.keywords(SCRAPE, method=method, clean=True) == newstext.keywords(VIEW, method=method)
    assert newstext.keywords(SCRAPE, stem=True, max_ngram=2, clean=True) == newstext.keywords(VIEW, stem=True, max_ngram=2)


def test_keywords_clean_on_clean_text_changes_nothing():
    for text, lang in ((CLEAN_ID, "id"), (CLEAN_EN, "en")):
        for opts in ({}, {"method": "rake"}, {"method": "textrank"}, {"paragraphs": False},
                     {"paragraphs": True}, {"stem": True}, {"top": 30, "max_ngram": 4}):
            assert newstext.keywords(text, lang=lang, clean=True, **opts) == newstext.keywords(text, lang=lang, **opts)
    assert newstext.keywords(CLEAN_ID, clean=False) == newstext.keywords(CLEAN_ID)


def test_keywords_clean_english_scrape():
    raw = phrases(newstext.keywords(EN_SCRAPE, top=30, lang="en"))
    clean = phrases(newstext.keywords(EN_SCRAPE, top=30, lang="en", clean=True))
    assert "Martin Hale" in raw
    for gone in ("Martin Hale", "Skip", "Advertisement", "newsletter", "diesel", "smelled", "residents recall"):
        assert not any(gone in p for p in clean), gone
    assert "Port Ellery" in clean


def test_keywords_clean_all_chrome_and_empty():
    assert newstext.keywords("Buka menu utama\nBeranda\nIklan\n", clean=True) == []
    assert newstext.keywords("", clean=True) == []
    assert newstext.keywords(SCRAPE, top=0, clean=True) == []


# --------------------------------------------------------------- quotes


def test_quotes_clean_leaves_boilerplate_out():
    raw = newstext.quotes(SCRAPE, lang="id")
    assert [q.text for q in raw] == [
        "Semua pompa sudah kami nyalakan sejak pukul 02.00 dan petugas berjaga bergantian,",
        "Kami Lelah,",
        "Posko kami buka dua puluh empat jam,",
    ]
    # the link's subject is taken as the speaker of the last quote
    assert raw[2].speaker == "Keluh Warga Genuk"
    qs = newstext.quotes(SCRAPE, lang="id", clean=True)
    assert [(q.text, q.cue, q.kind) for q in qs] == [
        ("Semua pompa sudah kami nyalakan sejak pukul 02.00 dan petugas berjaga bergantian,", "kata", "direct"),
        ("Posko kami buka dua puluh empat jam,", "ujarnya", "direct"),
    ]
    assert qs[1].speaker == qs[0].speaker and qs[0].speaker.endswith("Suharyanto")
    assert qs[1].speaker_start is None
    for q in qs:
        assert SCRAPE[q.start:q.end] == q.text
    assert SCRAPE[qs[0].speaker_start:qs[0].speaker_end] == qs[0].speaker
    assert qs[0].start == SCRAPE.index("Semua pompa")


def test_quotes_clean_match_the_view_shifted():
    qs = newstext.quotes(SCRAPE, clean=True)
    qv = newstext.quotes(VIEW)
    assert [(q.text, q.speaker, q.cue, q.kind, q.unclosed) for q in qs] == \
           [(q.text, q.speaker, q.cue, q.kind, q.unclosed) for q in qv]


def test_quotes_clean_offsets_index_non_ascii_text():
    # curly quotes, an accented name, an emoji in the menu: str indices, not bytes
    text = ("🏠 Beranda\nNasional\n"
            "Banjir Rob Kembali Rendam Pesisir Demak\n"
            "Kompas.com - 02/03/2025, 07:10 WIB\n"
            "DEMAK, KOMPAS.com - Banjir rob kembali merendam empat desa di pesisir Demak, Jawa Tengah, "
            "sejak Sabtu pagi.\n"
            "Baca juga: “Tak Ada Pilihan,” Kata Nelayan Sayung soal Relokasi\n"
            "“Air masuk rumah setinggi lutut sejak subuh,” kata José Ramírez Santoso, warga Sayung.\n"
            "Penulis : Ayu Lestari\n")
    qs = newstext.quotes(text, clean=True)
    assert [q.text for q in qs] == ["Air masuk rumah setinggi lutut sejak subuh,"]
    q = qs[0]
    assert text[q.start:q.end] == q.text
    assert q.speaker == "José Ramírez Santoso"
    assert text[q.speaker_start:q.speaker_end] == "José Ramírez Santoso"
    raw = newstext.quotes(text)
    assert "Tak Ada Pilihan," in [r.text for r in raw]


def test_quotes_clean_english():
    qs = newstext.quotes(EN_SCRAPE, lang="en", clean=True)
    assert [(q.text, q.speaker, q.cue) for q in qs] == [
        ("We cannot keep pumping water out of basements every January,", "Lucia Brandt", "said")]
    assert "It smelled like diesel," in [q.text for q in newstext.quotes(EN_SCRAPE, lang="en")]
    assert EN_SCRAPE[qs[0].start:qs[0].end] == qs[0].text


def test_quotes_clean_on_clean_text_changes_nothing():
    for text in (CLEAN_ID, CLEAN_EN):
        assert newstext.quotes(text, clean=True) == newstext.quotes(text)
    assert newstext.quotes("", clean=True) == []


# ------------------------------------------------------- tfidf / distinctive


def test_tfidf_and_distinctive_clean():
    texts = [SCRAPE, CLEAN_ID]
    raw_terms = {t.term for t in newstext.tfidf(texts, top=500)[0]}
    clean_terms = {t.term for t in newstext.tfidf(texts, top=500, clean=True)[0]}
    assert {"genuk", "cabai", "beranda", "festival"} <= raw_terms
    assert not ({"genuk", "cabai", "beranda", "festival", "dimas", "lelah"} & clean_terms)
    assert {"pompa", "suharyanto", "semarang"} <= clean_terms
    assert newstext.tfidf(texts, top=500, clean=True)[0] == newstext.tfidf([VIEW, CLEAN_ID], top=500)[0]
    # already clean texts: the same result
    assert newstext.tfidf([CLEAN_ID, CLEAN_EN], clean=True) == newstext.tfidf([CLEAN_ID, CLEAN_EN])
    groups = ["a", "b"]
    d = newstext.distinctive(texts, groups, top=500, min_count=1, clean=True)
    assert not ({"genuk", "cabai", "beranda"} & {t.term for t in d["a"]})
    assert {"genuk", "cabai"} <= {t.term for t in newstext.distinctive(texts, groups, top=500, min_count=1)["a"]}
    assert d == newstext.distinctive([VIEW, CLEAN_ID], groups, top=500, min_count=1)


# ------------------------------------------------ the example articles


@pytest.mark.parametrize("path", EXAMPLES, ids=[os.path.basename(p) for p in EXAMPLES])
def test_examples_nothing_from_left_out_lines(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lang = newstext.detect_lang(text)
    art = newstext.clean(text, lang=lang)
    kept = [ln for ln in art.lines if ln.label in ("title", "body", "heading")]

    def inside_kept(a, b):
        return any(ln.start <= a and b <= ln.end for ln in kept)

    # every quote lies in a kept line, and offsets index the text
    for q in newstext.quotes(text, lang=lang, clean=True):
        assert text[q.start:q.end] == q.text
        assert inside_kept(q.start, q.end)
        if q.speaker_start is not None:
            assert inside_kept(q.speaker_start, q.speaker_end)
    # keyword words all occur in kept lines
    kept_words = {w.casefold() for ln in kept for w in newstext.tokenize(ln.text, lang=lang, punct=False)}
    for k in newstext.keywords(text, top=30, lang=lang, clean=True):
        for w in newstext.tokenize(k.phrase, lang=lang, punct=False):
            assert w.casefold() in kept_words, (k.phrase, w)


def test_example_byline_keywords_disappear():
    with open(os.path.join(ROOT, "examples", "articles", "id_tribun_ekonomi.txt"), encoding="utf-8") as f:
        text = f.read()
    raw = phrases(newstext.keywords(text, top=10))
    clean = phrases(newstext.keywords(text, top=10, clean=True))
    assert "Laporan Wartawan" in raw and "Rina Ayu Lestari" in raw
    assert "Laporan Wartawan" not in clean and "Rina Ayu Lestari" not in clean


def test_large_input_releases_the_gil_path():
    # a long article (> 32 KiB: the core runs without the GIL) with a
    # "Baca juga" link holding a quote after every fifth paragraph
    paras = []
    for i in range(300):
        paras.append(f"Pada hari ke-{i + 1}, petugas memompa {i * 37 + 120} meter kubik air dari "
                     f"permukiman warga di RW {i % 17 + 1} Kaligawe dan mendata {i % 9 + 2} rumah rusak.")
        if i % 5 == 4:
            paras.append(f"\"Pompa nomor {i} bekerja tanpa henti,\" kata operator Agus Salim.")
            paras.append(f"Baca juga: \"Hari ke-{i} Terberat,\" Cerita Relawan Dapur Umum Posko {i}")
    text = TITLE + "\n" + "\n".join(paras) + "\n"
    assert len(text.encode()) > 32 * 1024
    qs = newstext.quotes(text, clean=True)
    assert len(qs) == 60 and all(text[q.start:q.end] == q.text for q in qs)
    assert all(q.text.startswith("Pompa nomor") and q.speaker == "Agus Salim" for q in qs)
    assert len(newstext.quotes(text)) == 120
    assert "Cerita Relawan Dapur" in phrases(newstext.keywords(text, top=50))
    assert not any("Relawan" in k.phrase for k in newstext.keywords(text, top=50, clean=True))


# --------------------------------------------------------------- errors


@pytest.mark.parametrize("bad", [1, 0, "yes", None, 1.0, [True]])
def test_clean_must_be_a_bool(bad):
    with pytest.raises(TypeError, match="clean must be True or False"):
        newstext.keywords(SCRAPE, clean=bad)
    with pytest.raises(TypeError, match="clean must be True or False"):
        newstext.quotes(SCRAPE, clean=bad)
    with pytest.raises(TypeError, match="clean must be True or False"):
        newstext.tfidf([SCRAPE], clean=bad)
    with pytest.raises(TypeError, match="clean must be True or False"):
        newstext.distinctive([SCRAPE], ["a"], clean=bad)


def test_clean_is_keyword_only_and_other_errors_stay():
    with pytest.raises(TypeError):
        newstext.quotes(SCRAPE, "id", True)
    with pytest.raises(TypeError):
        newstext.keywords(b"bytes", clean=True)
    with pytest.raises(TypeError):
        newstext.quotes(None, clean=True)
    with pytest.raises(ValueError):
        newstext.quotes(SCRAPE, lang="fr", clean=True)
    with pytest.raises(ValueError):
        newstext.keywords(SCRAPE, top=-1, clean=True)
