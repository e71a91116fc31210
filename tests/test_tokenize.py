"""Tokenizer behaviour through the Python API, on news sentences written for
the project (Indonesian first, English too)."""

from __future__ import annotations

import pytest

import newstext
from newstext import Token


def toks(text: str, lang: str = "id") -> list[str]:
    return newstext.tokenize(text, lang=lang)


def kinds(text: str, lang: str = "id") -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in newstext.tokens(text, lang=lang)]


# --------------------------------------------------------------- Indonesian


@pytest.mark.parametrize(
    "text, expected",
    [
        # reduplication and hyphen compounds stay whole
        ("Negara-negara Barat mengorek-ngorek isi gudang sebaik-baiknya.",
         ["Negara-negara", "Barat", "mengorek-ngorek", "isi", "gudang", "sebaik-baiknya", "."]),
        ("Poros Moskwa-Pyongyang menguat sejak perang Rusia-Ukraina.",
         ["Poros", "Moskwa-Pyongyang", "menguat", "sejak", "perang", "Rusia-Ukraina", "."]),
        ("Kim Jong-un berkunjung untuk ke-2 kalinya; APBN-P disahkan.",
         ["Kim", "Jong-un", "berkunjung", "untuk", "ke-2", "kalinya", ";", "APBN-P", "disahkan", "."]),
        # ranges split, decades joined, a clitic after an acronym splits
        ("Pada 1990-an, harga naik 20-30 persen pada 2023-2024.",
         ["Pada", "1990-an", ",", "harga", "naik", "20", "-", "30", "persen", "pada", "2023", "-", "2024", "."]),
        ("Dana APBD-nya belum cair.", ["Dana", "APBD", "-", "nya", "belum", "cair", "."]),
        # numbers
        ("Sebanyak 10.000 warga mengungsi, naik 42,7 persen atau 5,32%.",
         ["Sebanyak", "10.000", "warga", "mengungsi", ",", "naik", "42,7", "persen", "atau", "5,32", "%", "."]),
        ("Impor beras mencapai 2.375.000 ton.", ["Impor", "beras", "mencapai", "2.375.000", "ton", "."]),
        # currency
        ("Harga tiket Rp9 ribu, parkir Rp 5.000 dan denda Rp. 5.000.000.",
         ["Harga", "tiket", "Rp", "9", "ribu", ",", "parkir", "Rp", "5.000", "dan", "denda", "Rp", ".",
          "5.000.000", "."]),
        ("Kurs Rp15.250 per dolar AS.", ["Kurs", "Rp", "15.250", "per", "dolar", "AS", "."]),
        # dates and times
        ("Putin tiba pada Rabu (13/9/2023) dan pulang Kamis (14/09).",
         ["Putin", "tiba", "pada", "Rabu", "(", "13/9/2023", ")", "dan", "pulang", "Kamis", "(", "14/09",
          ")", "."]),
        ("Kompas.com - 14/09/2023, 14:54 WIB", ["Kompas.com", "-", "14/09/2023", ",", "14:54", "WIB"]),
        ("Rapat dimulai pukul 16.00 WITA dan selesai pukul 18.30 WIT.",
         ["Rapat", "dimulai", "pukul", "16.00", "WITA", "dan", "selesai", "pukul", "18.30", "WIT", "."]),
        ("Laporan terbit 2023-09-13.", ["Laporan", "terbit", "2023-09-13", "."]),
        # abbreviations: as in UD Indonesian-GSD, the period is its own token
        # (the sentence splitter still knows it belongs to the abbreviation);
        # dotted initialisms stay whole
        ("Prof. Dr. Hasan, Ir. Sutami, dll. hadir di Jl. Merdeka No. 5.",
         ["Prof", ".", "Dr", ".", "Hasan", ",", "Ir", ".", "Sutami", ",", "dll", ".", "hadir", "di", "Jl",
          ".", "Merdeka", "No", ".", "5", "."]),
        ("Surat a.n. Menteri berlaku s.d. Desember.",
         ["Surat", "a.n.", "Menteri", "berlaku", "s.d.", "Desember", "."]),
        # initialisms and initials
        ("Hubungan A.S. dan DPRK dibahas di PBB bersama KCNA.",
         ["Hubungan", "A.S.", "dan", "DPRK", "dibahas", "di", "PBB", "bersama", "KCNA", "."]),
        ("Penulis: Rizky L. Pratama", ["Penulis", ":", "Rizky", "L", ".", "Pratama"]),
        # URLs, e-mails, hashtags, mentions
        ("Tautan: https://p.dw.com/p/4WJJB.", ["Tautan", ":", "https://p.dw.com/p/4WJJB", "."]),
        ("Kirim ke redaksi@tribunnews.com atau @tribunnews #TribunEkonomi",
         ["Kirim", "ke", "redaksi@tribunnews.com", "atau", "@tribunnews", "#TribunEkonomi"]),
        # apostrophes inside names
        ("James O'Brien salat Jum'at bersama Ma'ruf Amin.",
         ["James", "O'Brien", "salat", "Jum'at", "bersama", "Ma'ruf", "Amin", "."]),
        # quotes are tokens of their own
        ("”Kami siap,” kata Putin.", ["”", "Kami", "siap", ",", "”", "kata", "Putin", "."]),
        ("“Daerah Sensitif”", ["“", "Daerah", "Sensitif", "”"]),
        ("Ia menyebut ‘kemenangan besar’ itu.", ["Ia", "menyebut", "‘", "kemenangan", "besar", "’", "itu", "."]),
        # ellipses
        ("Rusia ... dan Korea…", ["Rusia", "...", "dan", "Korea", "…"]),
    ],
)
def test_indonesian_phenomena(text: str, expected: list[str]) -> None:
    assert toks(text) == expected


def test_kinds() -> None:
    got = kinds("Rabu (13/9/2023) pukul 16.00, 10.000 warga #Banjir @bpbd “aman” https://bpbd.go.id/x "
                "info@bpbd.go.id 🌧️")
    assert got == [
        ("Rabu", "word"), ("(", "punct"), ("13/9/2023", "date"), (")", "punct"), ("pukul", "word"),
        ("16.00", "time"), (",", "punct"), ("10.000", "number"), ("warga", "word"),
        ("#Banjir", "hashtag"), ("@bpbd", "mention"), ("“", "quote"), ("aman", "word"), ("”", "quote"),
        ("https://bpbd.go.id/x", "url"), ("info@bpbd.go.id", "email"), ("🌧️", "symbol"),
    ]


def test_time_needs_context() -> None:
    # 16.00 is a time after "pukul" but a plain number elsewhere
    assert kinds("pukul 16.00") == [("pukul", "word"), ("16.00", "time")]
    assert kinds("naik 16.00") == [("naik", "word"), ("16.00", "number")]
    assert kinds("14:54 WIB")[0] == ("14:54", "time")


# ------------------------------------------------------------------ English


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They don't think it's over.", ["They", "do", "n't", "think", "it", "'s", "over", "."]),
        ("We can't, we won't, and I'm sure they're right.",
         ["We", "ca", "n't", ",", "we", "wo", "n't", ",", "and", "I", "'m", "sure", "they", "'re", "right", "."]),
        ("O'Brien's office said it’d review the plan.",
         ["O'Brien", "'s", "office", "said", "it", "’d", "review", "the", "plan", "."]),
        ("A long-term deal, sent by e-mail to non-Western states.",
         ["A", "long", "-", "term", "deal", ",", "sent", "by", "e-mail", "to", "non-Western", "states", "."]),
        ("Sen. Ortiz met Gov. Reyes at 3:45 p.m. in the U.S. Capitol.",
         ["Sen.", "Ortiz", "met", "Gov.", "Reyes", "at", "3:45", "p.m.", "in", "the", "U.S.", "Capitol", "."]),
        ("Acme Inc. paid $1,250, up 3.5%.", ["Acme", "Inc.", "paid", "$", "1,250", ",", "up", "3.5", "%", "."]),
        ("Call 555-0142 or see news.example.com/storm.",
         ["Call", "555-0142", "or", "see", "news.example.com/storm", "."]),
    ],
)
def test_english_phenomena(text: str, expected: list[str]) -> None:
    assert toks(text, "en") == expected


def test_indonesian_keeps_english_contraction_whole() -> None:
    # in Indonesian text the apostrophe word is one token (UD Indonesian GSD)
    assert toks("Lagu Heaven's Door diputar.") == ["Lagu", "Heaven's", "Door", "diputar", "."]


# ------------------------------------------------------------------ options


def test_lower_and_punct_options() -> None:
    text = "”Kami SIAP,” kata Putin."
    assert newstext.tokenize(text, lang="id", lower=True) == ["”", "kami", "siap", ",", "”", "kata", "putin", "."]
    assert newstext.tokenize(text, lang="id", punct=False) == ["Kami", "SIAP", "kata", "Putin"]
    assert newstext.tokenize("naik 5%", punct=False) == ["naik", "5", "%"]


def test_tokens_records() -> None:
    text = "Putin tiba."
    got = newstext.tokens(text, lang="id")
    assert got == [Token("Putin", 0, 5, "word"), Token("tiba", 6, 10, "word"), Token(".", 10, 11, "punct")]
    assert isinstance(got[0], Token) and got[0]._fields == ("text", "start", "end", "kind")
    assert got[0].kind is newstext.TOKEN_KINDS[0]  # interned kind names


def test_token_spans_buffers() -> None:
    text = "“Kami siap,” kata Putin 😀."
    spans = newstext.token_spans(text, lang="id")
    # 4-byte offsets below 2**31 UTF-8 bytes (tests/test_limits.py has the switch to "q")
    assert spans.starts.format == "i" and spans.ends.format == "i" and spans.kinds.format == "B"
    assert spans.starts.itemsize == 4 and spans.kinds.itemsize == 1
    assert spans.starts.readonly
    rebuilt = [(text[s:e], newstext.TOKEN_KINDS[k])
               for s, e, k in zip(spans.starts.tolist(), spans.ends.tolist(), spans.kinds.tolist())]
    assert rebuilt == [(t.text, t.kind) for t in newstext.tokens(text, lang="id")]
    with pytest.raises(TypeError):
        spans.starts[0] = 5  # read-only


def test_token_spans_empty() -> None:
    spans = newstext.token_spans("")
    assert len(spans.starts) == len(spans.ends) == len(spans.kinds) == 0


def test_token_spans_numpy_zero_copy() -> None:
    np = pytest.importorskip("numpy")
    spans = newstext.token_spans("Putin dan Kim bertemu.")
    arr = np.asarray(spans.starts)
    assert arr.dtype == np.int32 and arr.tolist() == [0, 6, 10, 14, 21]


def test_lang_auto_uses_detection() -> None:
    en = "They said it's a deal and that the talks would go on."
    assert newstext.detect_lang(en) == "en"
    assert newstext.tokenize(en) == newstext.tokenize(en, lang="en")
    idn = "Mereka mengatakan bahwa perundingan itu akan dilanjutkan."
    assert newstext.detect_lang(idn) == "id"
    assert newstext.tokenize(idn) == newstext.tokenize(idn, lang="id")
