"""newstext.dates: Indonesian and English date and time expressions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newstext
from newstext import DateSpan


def one(text, **kw):
    found = newstext.dates(text, **kw)
    assert len(found) == 1, found
    return found[0]


def test_kompas_date_line_with_time_and_zone():
    d = one("Kompas.com - 14/09/2023, 14:54 WIB")
    assert d == DateSpan("14/09/2023, 14:54 WIB", 13, 34, dt.date(2023, 9, 14), "14:54", "WIB",
                         2023, 9, 14, None)


def test_day_name_with_date_in_brackets():
    text = "Pertemuan itu digelar di Vladivostok pada Rabu (13/9/2023) sore."
    d = one(text)
    assert d.text == "Rabu (13/9/2023)"
    assert text[d.start:d.end] == d.text
    assert (d.date, d.weekday) == (dt.date(2023, 9, 13), 3)


def test_short_date_without_year_resolved_against_ref():
    text = "Ketika Kim berada di Rusia, Pyongyang menembakkan dua rudal pada hari Rabu (13/09)."
    d = one(text)
    assert d.text == "Rabu (13/09)" and d.date is None and (d.month, d.day, d.year) == (9, 13, None)
    d = one(text, ref=dt.date(2023, 9, 14))
    assert d.date == dt.date(2023, 9, 13) and d.year == 2023
    # the nearest year: a late-December date seen in early January is last year's
    assert one("Sabtu (30/12)", ref=dt.date(2024, 1, 2)).date == dt.date(2023, 12, 30)


def test_month_names_and_abbreviations():
    assert one("19 Juni 2024").date == dt.date(2024, 6, 19)
    assert one("Kesepakatan diteken 1 Agu 2023 di Jakarta.").date == dt.date(2023, 8, 1)
    assert one("pada 5 Ags 2022").date == dt.date(2022, 8, 5)
    assert one("tanggal 17 Okt 2021").date == dt.date(2021, 10, 17)
    assert one("per 31 Des 2024").date == dt.date(2024, 12, 31)
    assert one("sejak 2 Nopember 2019").date == dt.date(2019, 11, 2)
    d = one("Kim bertemu Putin pada Rabu (13 September) di Timur Jauh Rusia.")
    assert d.text == "Rabu (13 September)" and d.date is None and d.month == 9
    d = one("Kim bertemu Putin pada September 2023 di Rusia.")
    assert (d.text, d.year, d.month, d.day, d.date) == ("September 2023", 2023, 9, None, None)


def test_abbreviations_need_a_capital():
    # "des", "mar", "jun" inside a sentence are not months
    assert newstext.dates("harga naik 5 des persen dan 3 mar lagi") == []
    assert one("March 6, 2025").date == dt.date(2025, 3, 6)


def test_english_shapes():
    text = "Updated 3:45 p.m. ET on Wednesday, Sept. 13, 2023 at 10 a.m. local time"
    found = newstext.dates(text)
    assert [d.text for d in found] == ["3:45 p.m. ET", "Wednesday, Sept. 13, 2023 at 10 a.m."]
    assert (found[0].time, found[0].zone, found[0].date) == ("15:45", "ET", None)
    assert (found[1].date, found[1].time, found[1].weekday) == (dt.date(2023, 9, 13), "10:00", 3)
    assert one("on September 13th, 2023,").date == dt.date(2023, 9, 13)


def test_iso_dates():
    assert one("published 2023-09-13").date == dt.date(2023, 9, 13)
    d = one("2024-06-19T11:03")
    assert (d.date, d.time) == (dt.date(2024, 6, 19), "11:03")


def test_times_pukul_jam_zones():
    d = one("Rapat dimulai pukul 16.00 WIT di Jayapura.")
    assert (d.text, d.time, d.zone) == ("pukul 16.00 WIT", "16:00", "WIT")
    assert one("jam 9.30").time == "09:30"
    assert one("sekitar 08.15 WITA").time == "08:15"
    # a zone glued to the dateline that follows it (scraped Kompas.TV pages)
    d = one("Kompas dunia | 19 Juni 2024, 11:03 WIBPYONGYANG, KOMPAS.TV - Presiden")
    assert (d.text, d.date, d.time, d.zone) == ("19 Juni 2024, 11:03 WIB", dt.date(2024, 6, 19),
                                                "11:03", "WIB")


def test_numbers_that_are_not_dates():
    text = ("Rasio 2:1, harga Rp 16.00 juta, skor 1/2 final, 42,7 meter, 10.000 orang, "
            "31/2/2024 bukan tanggal, 2023 saja, 13.9 persen, versi 1.2.3")
    assert newstext.dates(text) == []


def test_offsets_with_non_ascii_text():
    text = "“Saya senang,” kata Putin — Rabu (13/9/2023) — pukul 16.00 WIB 😀"
    for d in newstext.dates(text):
        assert text[d.start:d.end] == d.text
    assert [d.text for d in newstext.dates(text)] == ["Rabu (13/9/2023)", "pukul 16.00 WIB"]


def test_bad_input():
    with pytest.raises(TypeError):
        newstext.dates(b"13/9/2023")
    with pytest.raises(TypeError):
        newstext.dates("13/9", ref="2023-09-14")
    with pytest.raises(ValueError):
        newstext.dates("13/9", ref=dt.date(1, 1, 1))
    assert newstext.dates("") == []
    assert newstext.dates("\ud800 13/9/2023 \udfff")[0].date == dt.date(2023, 9, 13)


def test_unbalanced_bracket_and_huge_input():
    assert one("Rabu (13/9/2023").text == "Rabu (13/9/2023"
    big = "Rabu (13/9/2023) " * 20000
    found = newstext.dates(big)
    assert len(found) == 20000 and found[-1].end == len(big) - 1


pieces = st.sampled_from(["Rabu", " (", ")", "13/9/2023", "14/09", "19 Juni 2024", ", ", "11:03",
                          " WIB", "pukul", " 16.00", "Sept.", " 13", "😀", "\u00a0", "/", ":",
                          "\n", "2024-06-19", "T", "p.m.", "é"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(pieces, st.text(max_size=5)), max_size=30).map("".join))
def test_spans_are_ordered_slices(text):
    prev = 0
    for d in newstext.dates(text):
        assert text[d.start:d.end] == d.text
        assert prev <= d.start < d.end <= len(text)
        prev = d.end
        if d.date is not None:
            assert (d.date.year, d.date.month, d.date.day) == (d.year, d.month, d.day)
