"""newstext.clean: line labels and metadata of plain-text news scrapes.

Every article here was written for the project; the shapes are the ones
scraped Indonesian and English news pages carry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstext
from newstext import Article, Line

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def labels(article: Article) -> list[tuple[str, str]]:
    return [(p.label, p.text.strip()) for p in article.lines]


def check_partition(text: str, article: Article) -> None:
    pos = 0
    for p in article.lines:
        assert isinstance(p, Line)
        assert p.start == pos and p.end > p.start
        assert text[p.start:p.end] == p.text
        assert p.label in newstext.LINE_LABELS
        pos = p.end
    assert pos == len(text)


KOMPASTV = (
    "Banjir Bandang Terjang Tiga Desa di Lereng Merapi, Ratusan Warga Mengungsi\n"
    "Kompas regional | 4 Februari 2025, 07:41 WIBMAGELANG, KOMPAS.TV - Banjir bandang "
    "menerjang tiga desa di lereng Gunung Merapi, Kabupaten Magelang, Jawa Tengah, Senin "
    "(3/2/2025) malam.\n"
    "Kepala BPBD Magelang, Sutrisno, mengatakan ratusan warga sudah dievakuasi ke balai desa.\n"
    "“Kami minta warga tidak kembali ke rumah sampai hujan reda,” ujar Sutrisno.\n"
    "Baca Juga: Jalur Evakuasi Merapi Diperbaiki Jelang Musim Hujan\n"
    "Jembatan Putus\n"
    "Arus deras juga memutus satu jembatan penghubung antardesa sehingga warga harus memutar "
    "sejauh delapan kilometer.\n"
    "Penulis : Dimas Aryo Wicaksono Editor : Sri-L.-Handayani\n"
    "Sumber : Antara/RN\n"
    "Bagikan :\n"
)


def test_kompastv_metadata_glued_to_the_lead():
    a = newstext.clean(KOMPASTV)
    check_partition(KOMPASTV, a)
    assert a.title == "Banjir Bandang Terjang Tiga Desa di Lereng Merapi, Ratusan Warga Mengungsi"
    assert (a.outlet, a.date, a.time, a.dateline) == ("Kompas.TV", dt.date(2025, 2, 4), "07:41 WIB",
                                                      "MAGELANG")
    assert (a.authors, a.editors, a.agencies) == (["Dimas Aryo Wicaksono"], ["Sri-L.-Handayani"],
                                                  ["Antara"])
    assert labels(a)[:3] == [
        ("title", a.title),
        ("metadata", "Kompas regional | 4 Februari 2025, 07:41 WIBMAGELANG, KOMPAS.TV -"),
        ("body", "Banjir bandang menerjang tiga desa di lereng Gunung Merapi, Kabupaten Magelang, "
                 "Jawa Tengah, Senin (3/2/2025) malam."),
    ]
    assert ("boilerplate", "Baca Juga: Jalur Evakuasi Merapi Diperbaiki Jelang Musim Hujan") in labels(a)
    assert ("heading", "Jembatan Putus") in labels(a)
    assert labels(a)[-3:] == [("metadata", "Penulis : Dimas Aryo Wicaksono Editor : Sri-L.-Handayani"),
                              ("metadata", "Sumber : Antara/RN"), ("boilerplate", "Bagikan :")]
    assert a.text.startswith("Banjir bandang menerjang")
    assert "Jembatan Putus\n\nArus deras" in a.text and "Baca Juga" not in a.text


KOMPAS = (
    "Baca berita tanpa iklan. Gabung Kompas.com+\n"
    "Kompas.com - 21/08/2024, 10:05 WIB\n"
    "Siti Rahmawati Nugroho\n\n"
    "Penulis\n\n"
    "Sumber AFP\n\n"
    "TOKYO, KOMPAS.com - Gempa berkekuatan 6,1 mengguncang lepas pantai timur Jepang pada "
    "Rabu (21/8/2024) pagi, tetapi tidak memicu peringatan tsunami.\n\n"
    "Badan Meteorologi Jepang menyatakan pusat gempa berada di kedalaman 40 kilometer.\n\n"
    "Baca juga: Jepang Perpanjang Status Siaga Gempa Besar di Palung Nankai\n\n"
    "Belum ada laporan kerusakan berarti dari wilayah yang merasakan guncangan.\n\n"
    "Sumber AFP\n\n"
    "Terkini Lainnya\n\n"
    "Harga Beras Turun di Pasar Induk Cipinang\n\n"
    "Harga Beras Turun di Pasar Induk Cipinang\n\n"
    "Global\n"
    "Kereta Cepat Tambah Jadwal Akhir Pekan\n\n"
    "Kereta Cepat Tambah Jadwal Akhir Pekan\n\n"
    "Global\n"
    "Komentar\n"
    "Close Ads\n"
)


def test_kompas_name_line_above_a_bare_penulis_label():
    a = newstext.clean(KOMPAS)
    check_partition(KOMPAS, a)
    assert a.title is None
    assert (a.outlet, a.date, a.time, a.dateline) == ("Kompas.com", dt.date(2024, 8, 21), "10:05 WIB",
                                                      "TOKYO")
    assert (a.authors, a.agencies) == (["Siti Rahmawati Nugroho"], ["AFP"])
    got = labels(a)
    assert got[:5] == [("boilerplate", "Baca berita tanpa iklan. Gabung Kompas.com+"),
                       ("metadata", "Kompas.com - 21/08/2024, 10:05 WIB"),
                       ("metadata", "Siti Rahmawati Nugroho"), ("metadata", "Penulis"),
                       ("metadata", "Sumber AFP")]
    body = [t for lab, t in got if lab == "body"]
    assert len(body) == 3
    # the related-article list (each title twice) and the comment chrome
    tail = got[got.index(("metadata", "Sumber AFP"), 5) + 1:]
    assert tail and all(lab == "boilerplate" for lab, _ in tail)


DW = (
    "1. Buka konten\n  2. Buka menu utama\n  3. Buka situs DW lainnya\n"
    "EkonomiJerman\n\n"
    "Jerman Pangkas Proyeksi Pertumbuhan, Industri Otomotif Tertekan\n\n"
    "2 Oktober 2024\n\n"
    "Pemerintah Jerman memangkas proyeksi pertumbuhan ekonomi tahun ini menjadi minus 0,2 persen.\n\n"
    "https://p.dw.com/p/4lQx2\n"
    "Jalur perakitan mobil listrik di Zwickau.\n"
    "Produsen mobil Jerman menghadapi persaingan ketat dari ChinaFoto: Jan Woitas/dpa/picture alliance\n\n"
    "Menteri Ekonomi Jerman mengatakan harga energi yang tinggi masih membebani industri.\n\n"
    "Permintaan ekspor melemah\n\n"
    "Ekspor ke Cina, salah satu pasar terbesar Jerman, turun selama tiga kuartal berturut-turut.\n\n"
    "Para ekonom memperkirakan pemulihan baru terjadi pada paruh kedua tahun depan.\n\n"
    "rs/as (dpa, Reuters)\n"
)


def test_dw_menu_caption_url_and_initials_credit():
    a = newstext.clean(DW)
    check_partition(DW, a)
    assert a.title == "Jerman Pangkas Proyeksi Pertumbuhan, Industri Otomotif Tertekan"
    assert (a.outlet, a.date, a.time, a.url) == ("DW", dt.date(2024, 10, 2), None, "https://p.dw.com/p/4lQx2")
    assert (a.authors, a.agencies, a.dateline) == (["rs", "as"], ["dpa", "Reuters"], None)
    got = dict((t, lab) for lab, t in labels(a))
    assert got["1. Buka konten"] == "boilerplate" and got["EkonomiJerman"] == "boilerplate"
    assert got["2 Oktober 2024"] == "metadata"
    assert got["Jalur perakitan mobil listrik di Zwickau."] != "body"
    assert got["Produsen mobil Jerman menghadapi persaingan ketat dari ChinaFoto: Jan Woitas/dpa/picture "
               "alliance"] == "caption"
    assert got["Permintaan ekspor melemah"] == "heading"
    assert got["rs/as (dpa, Reuters)"] == "metadata"


EGINDO = (
    "Harga Minyak Naik Setelah OPEC+ Tahan Produksi\n\n"
    "Kilang minyak di Teluk\nKilang minyak di Teluk\n\n"
    "Singapura | EGINDO.co – Harga minyak naik pada Kamis (5 Desember) setelah kelompok OPEC+ "
    "sepakat menunda kenaikan produksi hingga April.\n\n"
    "“Pasar membaca keputusan ini sebagai sinyal bahwa produsen khawatir permintaan melemah,” "
    "kata seorang analis.\n\n"
    "Baca Juga :  Rupiah Menguat Tipis Di Awal Perdagangan\n\n"
    "Iklan\n\n"
    "“Permintaan Tiongkok”\n\n"
    "Impor minyak mentah Tiongkok turun untuk bulan ketiga, menurut data bea cukai.\n\n"
    "Sumber : CNA/SL\n\n"
    "Bagikan :\nScroll to Top\n"
)


def test_egindo_bar_dateline_quoted_heading_and_source_with_initials():
    a = newstext.clean(EGINDO)
    check_partition(EGINDO, a)
    assert (a.title, a.outlet, a.dateline) == ("Harga Minyak Naik Setelah OPEC+ Tahan Produksi",
                                                "EGINDO.co", "Singapura")
    assert (a.date, a.authors, a.agencies) == (None, [], ["CNA"])  # no year, no date
    got = labels(a)
    assert got[1] == ("caption", "Kilang minyak di Teluk") and got[2][0] == "caption"
    assert got[3] == ("metadata", "Singapura | EGINDO.co –")
    assert ("heading", "“Permintaan Tiongkok”") in got
    assert ("boilerplate", "Iklan") in got
    assert got[-3:] == [("metadata", "Sumber : CNA/SL"), ("boilerplate", "Bagikan :"),
                        ("boilerplate", "Scroll to Top")]


TRIBUN = (
    "TRIBUNNEWS.COM - Pemerintah menaikkan harga eceran tertinggi minyak goreng mulai Senin (1/7/2024).\n"
    "Kenaikan itu disebut untuk menyesuaikan biaya produksi.\n"
    "“Harga baru berlaku serentak di seluruh Indonesia,” kata Direktur Jenderal Perdagangan Dalam Negeri.\n"
    "Baca juga: Harga Cabai Rawit Naik Jelang Idul Adha\n"
    "Pedagang Mengeluh\n"
    "Sejumlah pedagang pasar mengaku khawatir pembeli akan berkurang.\n"
    "(Tribunnews.com/Ahmad Fauzi)\n"
)


def test_tribun_outlet_dateline_and_closing_credit():
    a = newstext.clean(TRIBUN)
    check_partition(TRIBUN, a)
    assert (a.title, a.outlet, a.dateline) == (None, "Tribunnews.com", None)
    assert (a.date, a.time, a.authors) == (dt.date(2024, 7, 1), None, ["Ahmad Fauzi"])
    got = labels(a)
    assert got[0] == ("metadata", "TRIBUNNEWS.COM -")
    assert got[1][0] == "body" and got[1][1].startswith("Pemerintah menaikkan")
    assert ("heading", "Pedagang Mengeluh") in got
    assert got[-1] == ("metadata", "(Tribunnews.com/Ahmad Fauzi)")


ENGLISH = (
    "Central bank holds rates steady as inflation cools\n"
    "By Jane Doe and Rahul Mehta, Staff Writer\n"
    "July 17, 2024\n"
    "Updated 3:45 p.m. ET\n\n"
    "LONDON (Reuters) - The central bank kept its benchmark rate unchanged on Wednesday, saying "
    "inflation was cooling faster than it had expected.\n\n"
    "Advertisement\n\n"
    "\"We are not there yet,\" the governor told reporters after the meeting.\n\n"
    "Read more: Why mortgage rates are still high\n\n"
    "Markets had priced in a small chance of a cut, and the pound rose after the announcement.\n\n"
    "Sign up for our newsletter\n"
    "Share\n"
)


def test_english_shapes():
    a = newstext.clean(ENGLISH)
    check_partition(ENGLISH, a)
    assert a.title == "Central bank holds rates steady as inflation cools"
    assert (a.authors, a.agencies, a.dateline) == (["Jane Doe", "Rahul Mehta"], ["Reuters"], "LONDON")
    assert a.date == dt.date(2024, 7, 17)
    got = dict((t, lab) for lab, t in labels(a))
    for chrome in ("Advertisement", "Read more: Why mortgage rates are still high",
                   "Sign up for our newsletter", "Share"):
        assert got[chrome] == "boilerplate", chrome
    assert got["Updated 3:45 p.m. ET"] == "metadata"
    assert got["By Jane Doe and Rahul Mehta, Staff Writer"] == "metadata"
    assert a.text.startswith("The central bank kept")
    assert newstext.clean(ENGLISH, lang="en") == a


def test_pfsa_style_single_line_dateline():
    text = ("SURABAYA, KOMPAS — Pemerintah Kota Surabaya membuka 20 posko kesehatan di terminal dan "
            "stasiun selama libur panjang, Jumat (12/3/2021). Posko buka 24 jam.")
    a = newstext.clean(text)
    assert (a.dateline, a.outlet, a.date) == ("SURABAYA", "Kompas", dt.date(2021, 3, 12))
    assert [p.label for p in a.lines] == ["metadata", "body"]
    assert a.lines[0].text == "SURABAYA, KOMPAS — "


def test_body_sentences_that_look_like_labels_stay_body():
    text = ("Sumber itu mengatakan rapat akan digelar kembali pekan depan di Jakarta.\n\n"
            "By the end of the week, the talks had stalled over the question of funding.\n\n"
            "Komentar itu disampaikan setelah rapat kabinet yang berlangsung hampir lima jam.\n")
    assert [p.label for p in newstext.clean(text).lines] == ["body", "body", "body"]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_example_articles_have_their_metadata(path):
    text = path.read_text(encoding="utf-8")
    a = newstext.clean(text)
    check_partition(text, a)
    assert a.title is not None or path.stem == "id_tribun_ekonomi"
    assert a.date is not None or path.stem == "id_egindo_pangan"
    assert a.outlet is not None or path.stem.startswith("en_")
    assert a.text and all(not p.text.strip().startswith(("Baca juga", "Baca Juga", "Read more"))
                          for p in a.lines if p.label == "body")


def test_example_metadata_exact():
    a = newstext.clean((EXAMPLES / "id_kompas_banjir_jakarta.txt").read_text(encoding="utf-8"))
    assert (a.outlet, a.date, a.time, a.dateline) == ("Kompas.com", dt.date(2025, 2, 3), "09:15 WIB", "JAKARTA")
    assert (a.authors, a.editors) == (["Nadia Putri Kusumawardani"], ["Yohanes Ardi Prasetyo"])
    a = newstext.clean((EXAMPLES / "en_local_news_storm.txt").read_text(encoding="utf-8"))
    assert (a.authors, a.dateline, a.date, a.time) == (["Maria Santos"], "MILLBROOK", dt.date(2025, 3, 4), "19:12")
    a = newstext.clean((EXAMPLES / "id_tribun_ekonomi.txt").read_text(encoding="utf-8"))
    assert (a.outlet, a.authors, a.editors, a.agencies) == ("Tribunnews.com", ["Rina Ayu Lestari"],
                                                            ["Bayu Anggara Putra"], [])


def test_empty_blank_and_bad_input():
    a = newstext.clean("")
    assert a == Article("", None, None, None, None, None, [], [], [], None, [])
    a = newstext.clean("  \n\n \t\n")
    assert [(p.start, p.end, p.label) for p in a.lines] == [(0, 7, "boilerplate")]
    with pytest.raises(TypeError):
        newstext.clean(None)
    with pytest.raises(TypeError):
        newstext.clean(b"JAKARTA, KOMPAS - teks")
    with pytest.raises(ValueError):
        newstext.clean("teks", lang="fr")
    with pytest.raises(TypeError):
        newstext.clean("teks", "id")  # lang is keyword-only
    text = "Judul Berita Tentang Surrogate \ud800 Dan Lainnya\n\nIni kalimat isi berita yang cukup panjang untuk jadi isi.\n"
    check_partition(text, newstext.clean(text))


def test_huge_and_odd_input():
    para = "Pemerintah menyiapkan bantuan bagi warga yang terdampak banjir di pesisir utara.\n\n"
    text = "Judul Panjang Sebuah Berita Banjir Pesisir\n\n" + para * 20000 + "Baca juga: Lainnya\n"
    a = newstext.clean(text)
    check_partition(text, a)
    assert a.lines[-1].label == "boilerplate" and a.title.startswith("Judul")
    odd = "\x00\r\n\u2028“”\"\"((((\n" * 1000 + "😀" * 1000
    check_partition(odd, newstext.clean(odd))
    one_line = "x" * 3_000_000
    check_partition(one_line, newstext.clean(one_line))


pieces = st.sampled_from([
    "\n", "\n\n", " ", "Baca juga: Judul", "Penulis", "Penulis : A B Editor : C", "JAKARTA, KOMPAS — ",
    "Kompas dunia | 19 Juni 2024, 11:03 WIB", "PYONGYANG, KOMPAS.TV - ", "(Tribunnews.com/Nama)",
    "kp/pkp (AFP, Reuters)", "Iklan", "Foto: X/Y", "https://p.dw.com/p/1", "Rabu (13/9/2023)",
    "Putin bertemu Kim di Rusia dan mereka membahas kerja sama militer.", "“Kutipan.”", "Sumber : CNA/SL",
    "By Jane Doe", "WASHINGTON (Reuters) - ", "©", "\u00a0", "😀", "\ud800", "é", "Global",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(pieces, st.text(max_size=6)), max_size=40).map("".join))
def test_every_character_in_exactly_one_piece(text):
    a = newstext.clean(text)
    check_partition(text, a)
    assert a.text == "\n\n".join(p.text.strip() for p in a.lines if p.label in ("body", "heading"))
    for v in (a.title, a.outlet, a.dateline, a.url):
        assert v is None or (isinstance(v, str) and v)
    assert sum(p.label == "title" for p in a.lines) <= 1


def test_question_headline_and_two_word_dateline():
    text = ("Malaysia Undang Xi Jinping untuk Berkunjung, Ada Maksud Apa?\n\n"
            "KUALA LUMPUR, KOMPAS.com - Perdana Menteri Malaysia mengundang Presiden China Xi Jinping "
            "untuk berkunjung tahun depan.\n\n"
            "Undangan itu disampaikan dalam pertemuan di Beijing.\n")
    a = newstext.clean(text)
    assert (a.title, a.dateline, a.outlet) == ("Malaysia Undang Xi Jinping untuk Berkunjung, Ada Maksud Apa?",
                                                "KUALA LUMPUR", "Kompas.com")


REUTERS = (
    "Home\nWorld\n"
    "Factory output in Vietnam jumps to two-year high\n\n"
    "By Linh Nguyen\n"
    "Published September 3, 2024 10:15 a.m. GMT+7\n\n"
    "HANOI, Sept 3 (Reuters) - Vietnam's factory output rose at the fastest pace in two years in "
    "August, data showed on Tuesday, as new export orders picked up.\n\n"
    "Industrial production climbed 9.5% from a year earlier, the statistics office said.\n\n"
    "Related: Vietnam central bank cuts rates again\n\n"
    "Exporters said orders from the United States were strongest.\n\n"
    "(Reporting by Linh Nguyen; Editing by Mark Potter)\n\n"
    "Our Standards: The Thomson Reuters Trust Principles.\n"
)


def test_wire_story_dateline_with_date_and_bracketed_credits():
    a = newstext.clean(REUTERS)
    check_partition(REUTERS, a)
    assert (a.title, a.dateline, a.agencies) == ("Factory output in Vietnam jumps to two-year high", "HANOI",
                                                  ["Reuters"])
    assert (a.authors, a.editors, a.date, a.time) == (["Linh Nguyen"], ["Mark Potter"], dt.date(2024, 9, 3),
                                                      "10:15 GMT")
    got = labels(a)
    assert got[:2] == [("boilerplate", "Home"), ("boilerplate", "World")]
    assert ("metadata", "HANOI, Sept 3 (Reuters) -") in got
    assert ("boilerplate", "Related: Vietnam central bank cuts rates again") in got
    assert got[-2:] == [("metadata", "(Reporting by Linh Nguyen; Editing by Mark Potter)"),
                        ("boilerplate", "Our Standards: The Thomson Reuters Trust Principles.")]
    assert [t for lab, t in got if lab == "body"][-1] == "Exporters said orders from the United States were strongest."


@pytest.mark.parametrize("text, dateline, outlet, agencies", [
    ("Jakarta - Presiden meresmikan jalan tol baru di Jawa Tengah pada Kamis (14/9/2023) pagi.",
     "Jakarta", None, []),
    ("Jakarta, CNN Indonesia -- Menteri Keuangan menyampaikan kinerja APBN hingga akhir Agustus.",
     "Jakarta", "CNN Indonesia", []),
    ("TEMPO.CO, Jakarta - Komisi Pemberantasan Korupsi menahan seorang pejabat daerah, Rabu.",
     "Jakarta", "Tempo.co", []),
    ("Jakarta (ANTARA) - Badan Meteorologi memprakirakan hujan lebat di sejumlah wilayah.",
     "Jakarta", None, ["ANTARA"]),
    ("WASHINGTON (AP) \u2014 The Senate passed a stopgap spending bill late Saturday.",
     "WASHINGTON", None, ["AP"]),
    ("BANDAR LAMPUNG, KOMPAS \u2013 Pasangan calon perseorangan mendapat suara terbanyak.",
     "BANDAR LAMPUNG", "Kompas", []),
])
def test_dateline_shapes(text, dateline, outlet, agencies):
    a = newstext.clean(text)
    assert (a.dateline, a.outlet, a.agencies) == (dateline, outlet, agencies)
    assert [p.label for p in a.lines] == ["metadata", "body"]
    assert a.text[0].isupper()


@pytest.mark.parametrize("text", [
    "Pemerintah - melalui kementerian terkait - akan menambah anggaran bantuan sosial tahun depan.",
    "Harga cabai naik 20 persen - tertinggi sejak Januari - menurut pedagang di pasar induk.",
    "Sementara itu, rapat - yang dijadwalkan pukul 10.00 WIB - ditunda hingga sore.",
])
def test_spaced_dashes_in_prose_are_no_dateline(text):
    a = newstext.clean(text)
    assert a.dateline is None and [p.label for p in a.lines] == ["body"]


def test_photo_credits_and_a_time_on_its_own_line():
    text = ("Allies pledge up to $12 billion for critical minerals\n"
            "By Hannah Kessler\nMarch 6, 2025\nUpdated 3:45 p.m. ET\n\n"
            "WASHINGTON (Reuters) - Officials from 14 countries agreed on Thursday to pool up to "
            "$12 billion to finance new mines.\n\n"
            "(Photo by Jane Doe/Getty Images)\n\n"
            "The agreement creates a joint financing window for projects meeting shared standards.\n\n"
            "Photo by Jane Doe\n\n"
            "More officials said the money would come from development banks.\n")
    a = newstext.clean(text)
    assert (a.date, a.time) == (dt.date(2025, 3, 6), "15:45 ET")
    got = labels(a)
    assert ("caption", "(Photo by Jane Doe/Getty Images)") in got
    assert ("caption", "Photo by Jane Doe") in got
    assert [t for lab, t in got if lab == "body"][-1].startswith("More officials")
    summit = newstext.clean((EXAMPLES / "en_reuters_style_summit.txt").read_text(encoding="utf-8"))
    assert (summit.date, summit.time, summit.dateline) == (dt.date(2025, 3, 6), "15:45 ET", "WASHINGTON")


def test_lead_paragraph_that_lost_its_period_and_a_photo_label():
    text = ("Harga Beras Naik di Pasar Induk Cipinang\n\n"
            "Harga beras medium di Pasar Induk Beras Cipinang naik menjadi Rp 13.500 per kilogram pada "
            "pekan ini menurut pedagang\n\n"
            "Kenaikan dipicu pasokan yang berkurang dari sentra produksi di Jawa Barat.\n")
    a = newstext.clean(text)
    assert [p.label for p in a.lines] == ["title", "body", "body"]
    kompas = newstext.clean((EXAMPLES / "id_kompas_banjir_jakarta.txt").read_text(encoding="utf-8"))
    got = labels(kompas)
    i = got.index(("caption", "Lihat Foto"))
    assert got[i + 1][0] == "caption" and got[i + 1][1].startswith("Petugas BPBD")


def test_crlf_and_no_break_spaces_give_the_same_labels():
    base = newstext.clean(KOMPASTV)
    crlf = KOMPASTV.replace("\n", "\r\n")
    a = newstext.clean(crlf)
    check_partition(crlf, a)
    assert [p.label for p in a.lines] == [p.label for p in base.lines]
    assert (a.title, a.outlet, a.date, a.time, a.authors, a.editors) == (
        base.title, base.outlet, base.date, base.time, base.authors, base.editors)
    nbsp = EGINDO.replace("Baca Juga :  ", "Baca Juga :\u00a0")
    assert [p.label for p in newstext.clean(nbsp).lines] == [p.label for p in newstext.clean(EGINDO).lines]
