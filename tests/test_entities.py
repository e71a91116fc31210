"""newstext.entities, Document.entities and Corpus.entities: proper-noun
phrases with alias merging, computed in C with the speaker machinery of
quotes.  Texts written for the project."""

from __future__ import annotations

import pytest

import newstext
from newstext import Corpus, Document, Entity

ID_TEXT = (
    "Presiden Rusia Vladimir Putin menerima Kim Jong Un di Vostochny, Rabu (13/9/2023).\n\n"
    "Namun Presiden Putin tidak menjawab pertanyaan wartawan. Pedagang di Moskow menyebut "
    "harga naik.\n\n"
    "Kim Jong-un tiba dengan kereta lapis baja, kata KCNA. Putin berjanji membantu.\n"
)

EN_TEXT = (
    "Russian President Vladimir Putin met Kim Jong Un on Wednesday. The Kremlin said the talks "
    "lasted four hours. Putin told reporters in Moscow that Prof. Sergei Ivanov would lead the "
    "working group. However, Ivanov declined to comment.\n"
)


def rows(text, **kw):
    return [(e.text, e.canonical, e.kind) for e in newstext.entities(text, **kw)]


def test_indonesian_aliases_titles_and_openers():
    assert rows(ID_TEXT) == [
        ("Vladimir Putin", "Vladimir Putin", "person"),
        ("Kim Jong Un", "Kim Jong Un", "person"),
        ("Vostochny", "Vostochny", "place"),
        ("Putin", "Vladimir Putin", "person"),   # "Namun Presiden Putin": title and opener left out
        ("Moskow", "Moskow", "place"),           # "Pedagang" opens a sentence: no entity
        ("Kim Jong-un", "Kim Jong Un", "person"),  # hyphenated spelling merged
        ("KCNA", "KCNA", "org"),
        ("Putin", "Vladimir Putin", "person"),
    ]


def test_english():
    got = rows(EN_TEXT, lang="en")
    assert got == [
        ("Vladimir Putin", "Vladimir Putin", "person"),
        ("Kim Jong Un", "Kim Jong Un", "person"),
        ("Kremlin", "Kremlin", "org"),            # "The" is not part of it
        ("Putin", "Vladimir Putin", "person"),
        ("Moscow", "Moscow", "place"),
        ("Sergei Ivanov", "Sergei Ivanov", "person"),  # "Prof." left out
        ("Ivanov", "Sergei Ivanov", "person"),   # "However" is no entity
    ]


def test_offsets_index_the_str():
    text = "Café itu dikunjungi Menteri Luar Negeri Prancis Élise Durand. Durand tersenyum. 🇮🇩 Durand pergi."
    es = newstext.entities(text)
    assert [e.text for e in es] == ["Élise Durand", "Durand", "Durand"]
    for e in es:
        assert isinstance(e, Entity)
        assert text[e.start:e.end] == e.text
        assert e.canonical == "Élise Durand"


def test_empty_and_lowercase_text():
    assert newstext.entities("") == []
    assert newstext.entities("harga beras naik lagi minggu ini.") == []


def test_bad_input():
    with pytest.raises(TypeError):
        newstext.entities(b"Putin")
    with pytest.raises(TypeError):
        newstext.entities(None)
    with pytest.raises(ValueError):
        newstext.entities("Putin", lang="ru")
    with pytest.raises(TypeError):
        newstext.entities("Putin", "id")  # lang is keyword-only


def test_document_entities_cached():
    d = Document(ID_TEXT, clean=False)
    first = d.entities()
    assert first is d.entities()
    assert first == newstext.entities(ID_TEXT, lang=d.lang)


def test_corpus_entities_frame():
    pytest.importorskip("pandas")
    c = Corpus([ID_TEXT, EN_TEXT], ids=["kompas", "reuters"], clean=False)
    df = c.entities()
    assert list(df.columns) == ["doc_id", "entity", "kind", "mentions", "first", "aliases"]
    putin = df[df.entity == "Vladimir Putin"]
    assert putin.doc_id.tolist() == ["kompas", "reuters"]
    assert putin.mentions.tolist() == [3, 2]
    assert putin.aliases.tolist() == [["Vladimir Putin", "Putin"], ["Vladimir Putin", "Putin"]]
    kim = df[(df.doc_id == "kompas") & (df.entity == "Kim Jong Un")].iloc[0]
    assert kim.mentions == 2 and kim.aliases == ["Kim Jong Un", "Kim Jong-un"]
    assert df[df.doc_id == "kompas"].entity.tolist() == ["Vladimir Putin", "Kim Jong Un", "Vostochny", "Moskow", "KCNA"]
    assert int(df.iloc[0]["first"]) == ID_TEXT.index("Vladimir Putin")


def test_headlines_outlets_zones_and_abbreviations():
    text = (
        "Kuota Impor Beras Naik Jadi 2 Juta Ton\n\n"
        "Perum Bulog menerima tambahan kuota impor beras, kata Andika Prasetya, Direktur Utama "
        "Perum Bulog, di Jakarta, Senin pukul 10.00 WIB, seperti dikutip Tribunnews.com. "
        "Harga naik Rp 1.000. Kunjungan Andika ke Pulau Galang ditunda.\n"
    )
    assert rows(text) == [
        ("Perum Bulog", "Perum Bulog", "org"),
        ("Andika Prasetya", "Andika Prasetya", "person"),
        ("Perum Bulog", "Perum Bulog", "org"),    # the role words before it left out
        ("Jakarta", "Jakarta", "place"),
        ("Tribunnews.com", "Tribunnews.com", "org"),
        ("Andika", "Andika Prasetya", "person"),   # "Kunjungan" opens the sentence
        ("Pulau Galang", "Pulau Galang", "place"),
    ]
