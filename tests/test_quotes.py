"""newstext.quotes: who said what, on news text written for this project."""

import pytest

import newstext
from newstext import Quote


def who(text, lang="auto"):
    """(quote text, speaker, kind) triples, checking the offset contract."""
    out = []
    for q in newstext.quotes(text, lang=lang):
        assert isinstance(q, Quote)
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
        if q.kind == "other":
            assert q.speaker is None
        out.append((q.text, q.speaker, q.kind))
    return out


ID_ARTICLE = """\
Gubernur Jawa Tengah Sri Wahyuni Hartono meninjau banjir di Kudus, Senin (4/3/2024).

”Air sudah surut di tiga kecamatan, tetapi kami tetap siaga,” kata Sri Wahyuni kepada wartawan di Kudus, Senin (4/3/2024).

”Bantuan logistik tiba malam ini,” ujarnya.

Kepala BPBD Kudus Anton Prasetyo menyebut, berdasarkan laporan relawan, 2.300 warga masih mengungsi. ”Kami butuh selimut dan air bersih,” tambahnya.

Menurut Anton, tanggul yang jebol akan diperbaiki pekan depan.

Sri Wahyuni menjanjikan ”perbaikan permanen” untuk tanggul tersebut.

Posko di balai desa diberi nama ”Rumah Kedua” oleh relawan.
"""


def test_indonesian_shapes_and_carried_speakers():
    got = who(ID_ARTICLE)
    assert got == [
        ("Air sudah surut di tiga kecamatan, tetapi kami tetap siaga,", "Sri Wahyuni Hartono", "direct"),
        ("Bantuan logistik tiba malam ini,", "Sri Wahyuni Hartono", "direct"),
        # -nya after reported speech: the source named in "Anton ... menyebut"
        ("Kami butuh selimut dan air bersih,", "Anton Prasetyo", "direct"),
        ("perbaikan permanen", "Sri Wahyuni Hartono", "partial"),
        ("Rumah Kedua", None, "other"),
    ]


def test_mention_offsets_and_cues():
    qs = newstext.quotes(ID_ARTICLE)
    first, second = qs[0], qs[1]
    assert ID_ARTICLE[first.speaker_start:first.speaker_end] == "Sri Wahyuni"
    assert first.cue == "kata"
    assert (second.speaker_start, second.speaker_end) == (None, None)  # carried over
    assert second.cue == "ujarnya"
    assert not any(q.unclosed for q in qs)


def test_pre_quote_colon_and_comma():
    text = ("Menteri Keuangan Ratna Sari menjawab, \"Defisit tetap di bawah tiga persen.\"\n\n"
            "Ratna: \"Tidak ada pemotongan subsidi.\"\n")
    assert who(text) == [
        ("Defisit tetap di bawah tiga persen.", "Ratna Sari", "direct"),
        ("Tidak ada pemotongan subsidi.", "Ratna Sari", "direct"),
    ]


def test_speaker_cut_before_adjuncts_and_titles_left_out():
    text = ("Delegasi tiba di Arvandia pagi ini. "
            "“Kami siap berunding,” ujar Presiden Republik Arvandia Tomas Keller kepada wartawan, "
            "Rabu (13/9/2023).")
    (q,) = newstext.quotes(text)
    assert q.speaker == "Tomas Keller"
    assert text[q.speaker_start:q.speaker_end] == "Tomas Keller"


def test_pronoun_cue_kata_dia_and_continuation_paragraph():
    text = ("Ekonom Universitas Nusantara, Dewi Lestari, menilai inflasi akan turun.\n\n"
            "\"Harga pangan mulai stabil,\" kata dia.\n\n"
            "\"Tekanan dari harga energi juga berkurang.\"\n")
    got = who(text)
    assert got == [
        ("Harga pangan mulai stabil,", "Dewi Lestari", "direct"),
        ("Tekanan dari harga energi juga berkurang.", "Dewi Lestari", "direct"),
    ]


def test_quoting_another_source_mengutip():
    text = ("\"Kontak kedua negara sangat penting,\" kantor berita Antara mengutip pernyataan "
            "juru bicara kementerian Lina Marlina.")
    assert who(text) == [("Kontak kedua negara sangat penting,", "Lina Marlina", "direct")]


def test_kompas_closing_glyph_on_both_sides_pairs_by_parity():
    text = "”Satu,” kata Budi Hartawan. ”Dua,” katanya. ”Tiga.”"
    assert [q.text for q in newstext.quotes(text)] == ["Satu,", "Dua,", "Tiga."]


def test_apostrophes_never_open_quotes():
    text = "James O'Brien tiba hari Jum'at. He said he didn’t know, and 'that' was all."
    assert [q.text for q in newstext.quotes(text)] == ["that"]


def test_nested_single_quotes_stay_inside():
    text = "\"Ini soal 'topik sensitif' bagi kami,\" kata Arief Budiman."
    (q,) = newstext.quotes(text)
    assert q.text == "Ini soal 'topik sensitif' bagi kami,"
    assert q.speaker == "Arief Budiman"


def test_unbalanced_mark_recovered_at_paragraph_end_and_flagged():
    text = ("Kuasa hukum Rina Wulandari berkata, \"klien kami tidak pernah menerima uang itu\n\n"
            "Sidang ditunda hingga pekan depan. \"Kami akan banding,\" kata Rina Wulandari.\n")
    qs = newstext.quotes(text)
    assert [(q.text, q.unclosed) for q in qs] == [
        ("klien kami tidak pernah menerima uang itu", True),
        ("Kami akan banding,", False),
    ]
    assert qs[1].speaker == "Rina Wulandari"


def test_quote_spanning_paragraphs_is_reopened_each_paragraph():
    text = ("\"Kami sudah menunggu tiga tahun.\n\n"
            "\"Kami tidak akan menunggu lagi,\" kata Joko Prasetyo.\n")
    qs = newstext.quotes(text)
    assert [q.text for q in qs] == ["Kami sudah menunggu tiga tahun.", "Kami tidak akan menunggu lagi,"]
    assert qs[0].unclosed is False  # continued in the next paragraph, not lost
    assert qs[1].speaker == "Joko Prasetyo"


def test_cue_fused_with_name_by_a_typo():
    text = "\"Semua sudah sesuai prosedur,\" katafaruk."
    (q,) = newstext.quotes(text)
    assert q.cue == "kata" and q.speaker == "faruk"


def test_non_speech_quotes_have_no_speaker():
    text = ("Mari bergabung di Grup Telegram \"Warta Pagi Update\" untuk berita terbaru.\n\n"
            "Pedagang menjual pangsit \"pelmeni\" di pasar malam.\n")
    assert who(text) == [("Warta Pagi Update", None, "other"), ("pelmeni", None, "other")]


EN_ARTICLE = """\
"We will reopen the bridge by Friday," said Transport Secretary Alan Moore.

Moore told reporters the repairs had cost less than feared. "The steel was sound," he said.

Local business owner Jane Porter said: "Every day it stays closed costs us customers."

According to Porter, three shops on the high street have already shut.

"It was a hard winter." — Councillor Ray Dunn
"""


def test_english_shapes():
    assert who(EN_ARTICLE, lang="en") == [
        ("We will reopen the bridge by Friday,", "Alan Moore", "direct"),
        ("The steel was sound,", "Alan Moore", "direct"),
        ("Every day it stays closed costs us customers.", "Jane Porter", "direct"),
        ("It was a hard winter.", "Ray Dunn", "direct"),
    ]


def test_english_partial_quote_takes_the_subject():
    # an unnamed subject is reported as the noun itself
    text = "The minister described the plan as \"a bold first step\" on Monday."
    assert who(text, lang="en") == [("a bold first step", "minister", "partial")]
    text = "Alan Moore described the plan as \"a bold first step\" on Monday."
    assert who(text, lang="en") == [("a bold first step", "Alan Moore", "partial")]


@pytest.mark.parametrize("text", ["", " ", "\"", "\"\"", "“”", "\n\n\"\n\"", "'", "a\"b\"c", "\ud800\"x\"",
                                  "\x00\"kata\" kata", "\"" * 1001, "”x” kata ”y” ujar”" * 50])
def test_odd_input_never_raises(text):
    for q in newstext.quotes(text):
        assert text[q.start:q.end] == q.text
        assert q.kind in ("direct", "partial", "other")


def test_long_unbalanced_text_is_linear_and_complete():
    para = "\"Kami menolak,\" kata Budi. Lalu \"tanpa penutup ini\n"
    text = para * 2000
    qs = newstext.quotes(text)
    assert len(qs) == 4000
    assert sum(q.unclosed for q in qs) == 2000


def test_wrong_types_and_options():
    with pytest.raises(TypeError):
        newstext.quotes(b"\"x\" kata Budi")
    with pytest.raises(TypeError):
        newstext.quotes(None)
    with pytest.raises(ValueError):
        newstext.quotes("x", lang="fr")
    with pytest.raises(TypeError):
        newstext.quotes("x", "id")  # lang is keyword-only


def test_records_work_with_pandas_style_access():
    (q,) = newstext.quotes("\"Ya,\" kata Ani Suryani.")
    d = q._asdict()
    assert list(d) == ["text", "start", "end", "speaker", "speaker_start", "speaker_end", "cue", "kind",
                       "unclosed"]


from hypothesis import given, settings, strategies as st

_PIECES = ["\"", "“", "”", "'", "‘", "’", " ", "\n", "\n\n", ",", ".", ":", "—", "kata", "katanya", "ujar",
           "Budi", "Ani Lestari", "mengatakan", "said", "he", "dia", "Presiden", "di", "Jakarta", "O'Brien",
           "x", "\ud800", "\x00", "é", "(13/9)"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_random_mark_soup_keeps_the_contract(pieces):
    text = " ".join(pieces) if pieces and pieces[0] != "\n" else "".join(pieces)
    qs = newstext.quotes(text)
    last_end = -1
    for q in qs:
        assert text[q.start:q.end] == q.text and q.text.strip() == q.text and q.text
        assert q.start >= last_end  # in text order, never overlapping
        last_end = q.end
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end]
        assert q.kind in ("direct", "partial", "other")
        assert isinstance(q.unclosed, bool)


def test_cli_reports_quotes_per_article(tmp_path, capsys):
    from newstext.__main__ import main

    f = tmp_path / "artikel.txt"
    f.write_text(ID_ARTICLE, encoding="utf-8")
    assert main([str(f), "--quotes"]) == 0
    out = capsys.readouterr().out
    assert "5 quotes (3 direct, 1 partial, 1 other)" in out
    assert "Sri Wahyuni Hartono" in out and "ujarnya" in out
    assert main([str(f), "--quotes", "--json"]) == 0
    import json

    row = json.loads(capsys.readouterr().out)
    assert [q["speaker"] for q in row["quotes"]][:3] == ["Sri Wahyuni Hartono"] * 2 + ["Anton Prasetyo"]


def test_two_people_with_the_same_first_name():
    text = ("Menteri Kesehatan Budi Gunadi Sadikin membuka rapat. \"Vaksin cukup untuk semua,\" kata Budi Gunadi.\n\n"
            "Direktur Jenderal Perhubungan Darat Budi Setiyadi menambahkan, aturan perjalanan sedang disusun.\n\n"
            "Dalam rapat tersebut, lanjut Budi, ada satu klausul yang disepakati. "
            "\"Setiap dirjen akan menerbitkan surat edaran,\" tuturnya.\n")
    assert [q.speaker for q in newstext.quotes(text)] == ["Budi Gunadi Sadikin", "Budi Setiyadi"]


def test_reported_speech_makes_the_source_for_nya_cues():
    text = ("\"Stok beras aman sampai akhir tahun,\" kata Ratna Dewi, kepala gudang beras.\n\n"
            "Ekonom Universitas Nusantara, Hendra Gunawan, menyebut, berdasarkan data lapangan, harga masih naik.\n\n"
            "\"Pasokan di pasar tradisional belum pulih,\" ujarnya.\n")
    assert [q.speaker for q in newstext.quotes(text)] == ["Ratna Dewi", "Hendra Gunawan"]


def test_noun_subject_past_a_place_phrase():
    text = "Sebuah papan di depan kantor desa bertuliskan, \"Dilarang membuang sampah di sini.\""
    assert who(text) == [("Dilarang membuang sampah di sini.", "papan", "direct")]


# ------------------------------------------------- attribution rules (quotes helper)

def cued(text, lang="auto"):
    """(quote text, speaker, cue, kind) per quote, checking the offsets."""
    out = []
    for q in newstext.quotes(text, lang=lang):
        assert text[q.start:q.end] == q.text
        out.append((q.text, q.speaker, q.cue, q.kind))
    return out


def test_unnamed_source_after_the_quote():
    # a noun phrase (its article left out) before the cue verb, when a comma,
    # ? or ! ties the quote to it; the quote in the next sentence continues it
    text = ("\"The levee will hold through the weekend,\" a senior county engineer told reporters on Friday. "
            "\"We have sandbags for every street.\"\n\n"
            "\"Is the bridge safe?\" the transport minister asked. \"It is,\" the engineer also said.\n")
    assert cued(text, lang="en") == [
        ("The levee will hold through the weekend,", "senior county engineer", "told", "direct"),
        ("We have sandbags for every street.", "senior county engineer", None, "direct"),
        ("Is the bridge safe?", "transport minister", "asked", "direct"),
        ("It is,", "engineer", "said", "direct"),
    ]
    text = "\"Antrean sudah terurai sejak pagi,\" seorang petugas pelabuhan mengatakan kepada wartawan."
    assert cued(text) == [("Antrean sudah terurai sejak pagi,", "petugas pelabuhan", "mengatakan", "direct")]


def test_a_full_stop_after_the_quote_does_not_tie_the_next_sentence():
    text = "\"The levee held.\" Two engineers said the repairs were sound."
    assert cued(text, lang="en") == [("The levee held.", None, None, "direct")]


def test_possessive_subject_keeps_the_owner():
    for apostrophe in ("'", "\u2019"):
        text = (f"Mayor Ellen Park{apostrophe}s office said the city wanted \"a full inquiry\" into the outage. "
                f"The utility{apostrophe}s chief executive said the grid was \"fully restored\" by noon.")
        assert cued(text, lang="en") == [
            ("a full inquiry", f"Mayor Ellen Park{apostrophe}s office", "said", "partial"),
            ("fully restored", f"utility{apostrophe}s chief executive", "said", "partial"),
        ]


def test_noun_phrase_subject_is_not_cut_to_its_last_word():
    # a capitalised common noun opening the sentence belongs to the phrase
    text = "Kelompok tani setempat menyebut harga pupuk \"tidak masuk akal\"."
    assert cued(text) == [("tidak masuk akal", "Kelompok tani setempat", "menyebut", "partial")]
    # a place name after the noun (se-Jawa Timur) stays in the phrase
    text = "Forum petani kopi se-Jawa Timur menilai kebijakan itu \"terlambat dua musim\"."
    assert cued(text) == [("terlambat dua musim", "Forum petani kopi se-Jawa Timur", "menilai", "partial")]
    # ... but an opening verb does not (Terlihat = "there is, seen")
    text = "Terlihat spanduk bertuliskan \"tolak tambang pasir\" di pintu desa."
    assert cued(text) == [("tolak tambang pasir", "spanduk", "bertuliskan", "partial")]


def test_noun_phrase_speaker_is_carried_one_sentence_only():
    # "Kelompok tani setempat" starts with a capital but names nobody: it
    # speaks on in the next sentence, not in the quote after that, which
    # keeps the person named before
    text = ("\"Pupuk datang terlambat,\" kata Joko Susilo, ketua kelompok tani.\n\n"
            "Kelompok tani setempat menyebut harga pupuk \"tidak masuk akal\".\n\n"
            "\"Kami menunggu jawaban dinas,\" katanya.\n\n"
            "Dinas pertanian belum memberi tanggapan hingga Senin sore.\n\n"
            "\"Kami menunggu sampai akhir bulan.\"\n")
    assert [q[1] for q in cued(text)] == ["Joko Susilo", "Kelompok tani setempat", "Kelompok tani setempat",
                                          "Joko Susilo"]


def test_relative_clause_between_subject_and_verb():
    # the verb inside "yang ..." (meminta) is not the cue; the verb that
    # introduces the speech (mengatakan,) is, and its subject is the noun
    # before "yang"
    text = ("Seorang pejabat yang mengetahui rencana itu dan meminta namanya tidak dimuat mengatakan, "
            "pemerintah akan menunda lelang \"sampai situasi tenang\".")
    assert cued(text) == [("sampai situasi tenang", "pejabat", "mengatakan", "partial")]
    text = "Warga yang tinggal di tepi sungai mengatakan, air naik \"sangat cepat\" pada malam hari."
    assert cued(text) == [("sangat cepat", "Warga", "mengatakan", "partial")]
    # a verb in the relative clause is the cue when no main verb follows
    text = ("Menteri Perdagangan Arif Hidayat membuka rapat. "
            "Menteri yang baru dilantik itu menjanjikan \"perubahan besar\".")
    assert cued(text) == [("perubahan besar", "Arif Hidayat", "menjanjikan", "partial")]
    # a conjunction before a new subject ends the clause
    text = ("Data yang dirilis BPS pekan lalu menunjukkan inflasi naik dan para ekonom menilai kenaikan itu "
            "\"masih wajar\".")
    assert cued(text) == [("masih wajar", "ekonom", "menilai", "partial")]
    text = ("The report which the agency released on Monday showed prices rising and the economists said "
            "the rise was \"still manageable\".")
    assert cued(text, lang="en") == [("still manageable", "economists", "said", "partial")]
    # WHO is an organisation, not the English relative pronoun
    text = "Dalam laporannya, WHO mengatakan vaksin itu \"aman dan efektif\"."
    assert cued(text) == [("aman dan efektif", "WHO", "mengatakan", "partial")]


def test_name_in_apposition_after_a_role_is_the_speaker():
    text = "\"Stok beras cukup sampai Lebaran,\" kata juru bicara Bulog, Rina Amelia, dalam jumpa pers."
    assert cued(text) == [("Stok beras cukup sampai Lebaran,", "Rina Amelia", "kata", "direct")]
    text = "\"Stok beras cukup,\" ujar Kepala Dinas Pangan Kudus, Rina Amelia."
    assert cued(text) == [("Stok beras cukup,", "Rina Amelia", "ujar", "direct")]
    text = "\"The river is falling,\" said the agency spokeswoman, Laura Kent."
    assert cued(text, lang="en") == [("The river is falling,", "Laura Kent", "said", "direct")]
    # an age in brackets may follow the name; a number may end the role
    text = "\"Sepi sekali hari ini,\" kata sopir bajaj, Anto Sugiantono (35), di Tanah Abang."
    assert cued(text) == [("Sepi sekali hari ini,", "Anto Sugiantono", "kata", "direct")]
    text = "\"Kami siap,\" kata Ketua RT 05, Budi Santoso."
    assert cued(text) == [("Kami siap,", "Budi Santoso", "kata", "direct")]
    # a lone capitalised word after the comma is a place, not a person
    text = "\"Stok beras cukup,\" kata polisi, Jakarta, kemarin."
    assert cued(text) == [("Stok beras cukup,", "polisi", "kata", "direct")]


def test_quoted_name_inside_reported_speech_is_not_speech():
    # capitalised words only (function words aside), no sentence punctuation:
    # the name of a programme, not words spoken
    text = ("Menurut Budi Santoso, bantuan disalurkan lewat program \"Gerakan Pangan Murah\" ke tiap kelurahan. "
            "Menurut Budi, bantuan itu \"belum merata\" di pelosok.")
    assert cued(text) == [
        ("Gerakan Pangan Murah", None, None, "other"),
        ("belum merata", "Budi Santoso", "Menurut", "partial"),
    ]
    text = "The senator said the bill would fund the \"Clean Rivers and Lakes Initiative\" for a decade."
    assert cued(text, lang="en") == [("Clean Rivers and Lakes Initiative", None, None, "other")]


def test_headline_line_names_no_source():
    # a line with no full stop (a headline) is not reported speech: its
    # subject is not carried to a quote with no cue further down
    body = "\n\nPetugas bekerja semalaman di tepi timur sungai.\n\n\"Karung pasir cukup untuk semua jalan.\"\n"
    headline = "Bupati Sri Lestari memastikan tanggul aman hingga musim hujan usai"
    assert [q.speaker for q in newstext.quotes(headline + body)] == [None]
    assert [q.speaker for q in newstext.quotes(headline + "." + body)] == ["Sri Lestari"]
