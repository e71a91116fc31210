"""Sentence splitting on Indonesian and English news text written for the project."""

from __future__ import annotations

import pytest

import newstext
from newstext import Span


def sents(text: str, lang: str = "id") -> list[str]:
    return [s.text for s in newstext.sentences(text, lang=lang)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Putin tiba di Pyongyang. Kim menyambutnya di bandara.",
         ["Putin tiba di Pyongyang.", "Kim menyambutnya di bandara."]),
        # closing quotes after the period stay with the sentence
        ("”Kami siap.” Kim mengangguk.", ["”Kami siap.”", "Kim mengangguk."]),
        ("\"Kami siap membantu,\" kata Putin. \"Terima kasih,\" jawab Kim.",
         ["\"Kami siap membantu,\" kata Putin.", "\"Terima kasih,\" jawab Kim."]),
        # a question inside a quote followed by its cue is one sentence
        ("\"Apakah rudal itu dijual?\" tanya wartawan.", ["\"Apakah rudal itu dijual?\" tanya wartawan."]),
        # abbreviations, titles and initials do not end sentences
        ("Prof. Dr. Hasan hadir. Ia memberi sambutan.", ["Prof. Dr. Hasan hadir.", "Ia memberi sambutan."]),
        ("Artikel ditulis Rizky L. Pratama dari Jakarta.", ["Artikel ditulis Rizky L. Pratama dari Jakarta."]),
        ("Kantornya di Jl. Merdeka No. 5 Jakarta.", ["Kantornya di Jl. Merdeka No. 5 Jakarta."]),
        # ... but a closing abbreviation followed by a capital does
        ("Bantuan berupa beras, gula, dll. Semua dibagikan hari ini.",
         ["Bantuan berupa beras, gula, dll.", "Semua dibagikan hari ini."]),
        ("Pesawat mendarat di A.S. Dia lalu menuju hotel.", ["Pesawat mendarat di A.S.", "Dia lalu menuju hotel."]),
        # decimals and ellipses
        ("Inflasi 2,5 persen. Kurs 15.250 per dolar.", ["Inflasi 2,5 persen.", "Kurs 15.250 per dolar."]),
        ("Rusia ... dan Korea Utara sepakat.", ["Rusia ... dan Korea Utara sepakat."]),
        ("Ia terdiam… Lalu pergi.", ["Ia terdiam…", "Lalu pergi."]),
        # headlines and bylines without a final period end at the line break
        ("Putin Terima Undangan Kim Jong Un\nPresiden Rusia menerima undangan itu.",
         ["Putin Terima Undangan Kim Jong Un", "Presiden Rusia menerima undangan itu."]),
        ("Tito Hilmawan Reditya\n\nPenulis", ["Tito Hilmawan Reditya", "Penulis"]),
        # numbered lists
        ("1. Buka konten\n2. Buka menu utama\n3. Buka situs DW lainnya",
         ["1. Buka konten", "2. Buka menu utama", "3. Buka situs DW lainnya"]),
        # a wrapped line continues the sentence
        ("Pertemuan itu membahas kerja sama yang\nDisepakati kedua negara.",
         ["Pertemuan itu membahas kerja sama yang\nDisepakati kedua negara."]),
        # a lower-case paragraph still starts a new sentence after a blank line
        ("Paragraf pertama tanpa titik\n\nparagraf kedua.", ["Paragraf pertama tanpa titik", "paragraf kedua."]),
    ],
)
def test_indonesian_sentences(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\"We are ready,\" he said. \"Now we wait.\"", ["\"We are ready,\" he said.", "\"Now we wait.\""]),
        ("Mr. Lee and Dr. Park met at 3 p.m. on Monday. They agreed.",
         ["Mr. Lee and Dr. Park met at 3 p.m. on Monday.", "They agreed."]),
        ("He served in the U.S. Army for years. He retired in 2020.",
         ["He served in the U.S. Army for years.", "He retired in 2020."]),
        ("Prices rose 3.5% to $1,250. Analysts were surprised!",
         ["Prices rose 3.5% to $1,250.", "Analysts were surprised!"]),
        ("Why now? Nobody knows.", ["Why now?", "Nobody knows."]),
    ],
)
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert sents(text, "en") == expected


def test_span_offsets_and_records() -> None:
    text = "  “Kami siap.”  Kim mengangguk.  "
    got = newstext.sentences(text, lang="id")
    assert got == [Span("“Kami siap.”", 2, 14), Span("Kim mengangguk.", 16, 31)]
    for s in got:
        assert text[s.start:s.end] == s.text


def test_every_token_in_exactly_one_sentence() -> None:
    text = ("Kompas.com - 14/09/2023, 14:54 WIB\nMOSKWA, KOMPAS.com - Presiden Rusia tiba. "
            "”Ini penting,” katanya.\n\nBaca juga: Kim Bertemu Putin\n1. Satu\n2. Dua")
    spans = newstext.sentences(text, lang="id")
    toks = newstext.tokens(text, lang="id")
    for t in toks:
        owners = [s for s in spans if s.start <= t.start and t.end <= s.end]
        assert len(owners) == 1, t
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_empty_and_blank() -> None:
    assert newstext.sentences("") == []
    assert newstext.sentences(" \n\t ") == []
    assert sents("tanpa titik") == ["tanpa titik"]
