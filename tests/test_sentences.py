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


# Headlines and subheadings pasted without their line break run into the next
# sentence; a capitalised stop word or sentence adverb after a lower-case word
# marks the seam.  Names, titles, "Anda" and quotes after verbs of saying do not.
@pytest.mark.parametrize(
    "text, expected",
    [
        # a capitalised stop word followed by lower-case text opens a sentence
        ("Harga beras naik tajam. Pasokan dari daerah tersendat Jumlah beras yang masuk ke "
         "Pasar Induk Cipinang turun hampir separuh.",
         ["Harga beras naik tajam.", "Pasokan dari daerah tersendat",
          "Jumlah beras yang masuk ke Pasar Induk Cipinang turun hampir separuh."]),
        # ... also after a number, and before a comma
        ("Realisasi belanja modal hanya 62 persen pada 2023 Dikatakannya, penyerapan anggaran "
         "akan dipercepat.",
         ["Realisasi belanja modal hanya 62 persen pada 2023",
          "Dikatakannya, penyerapan anggaran akan dipercepat."]),
        # ... and behind an opening quote
        ("Pembeli beralih ke toko daring \"Sebagian besar pelanggan kami sudah pindah,\" kata Rudi.",
         ["Pembeli beralih ke toko daring",
          "\"Sebagian besar pelanggan kami sudah pindah,\" kata Rudi."]),
        # ... and before a quotation that has its attribution after it
        ("Warga diminta tetap waspada ”Hujan lebat masih akan turun hingga akhir pekan,” "
         "kata Kepala BMKG.",
         ["Warga diminta tetap waspada",
          "”Hujan lebat masih akan turun hingga akhir pekan,” kata Kepala BMKG."]),
        ("Realisasi Asumsi APBN-P \"Penerimaan pajak diharapkan mencapai 13,6 persen dari PDB,\" "
         "ujar Menteri Keuangan.",
         ["Realisasi Asumsi APBN-P",
          "\"Penerimaan pajak diharapkan mencapai 13,6 persen dari PDB,\" ujar Menteri Keuangan."]),
        # ... not before a quoted title or slogan, or a quote a verb of saying introduces
        ("Diskusi dengan topik ”Strategi pemulihan ekonomi daerah” digelar Rabu.",
         ["Diskusi dengan topik ”Strategi pemulihan ekonomi daerah” digelar Rabu."]),
        ("Presiden menegaskan \"Semua bantuan harus cair pekan ini,\" kata Mensos menirukan.",
         ["Presiden menegaskan \"Semua bantuan harus cair pekan ini,\" kata Mensos menirukan."]),
        # "Dalam" opens a sentence before lower-case text ...
        ("Banjir surut perlahan Dalam dua hari warga kembali ke rumah.",
         ["Banjir surut perlahan", "Dalam dua hari warga kembali ke rumah."]),
        # ... but "Dalam Negeri", "Dan Brown": a capital after it is a name or title
        ("Presiden menerima menteri Dalam Negeri Malaysia di Istana Bogor.",
         ["Presiden menerima menteri Dalam Negeri Malaysia di Istana Bogor."]),
        ("Ia mengaku bertemu Dan Brown di Jakarta.", ["Ia mengaku bertemu Dan Brown di Jakarta."]),
        # "Anda" is capitalised inside sentences; Wong is a surname
        ("Panitia mengundang Anda untuk hadir di Gelora Bung Karno.",
         ["Panitia mengundang Anda untuk hadir di Gelora Bung Karno."]),
        ("Tim asuhan pelatih Wong bermain imbang tanpa gol.",
         ["Tim asuhan pelatih Wong bermain imbang tanpa gol."]),
        # names and the second part of titles: the agency Antara, Ketua Umum
        ("Kantor berita Antara mengutip juru bicara kementerian.",
         ["Kantor berita Antara mengutip juru bicara kementerian."]),
        ("Rapat dipimpin wakil ketua Umum bidang ekonomi.",
         ["Rapat dipimpin wakil ketua Umum bidang ekonomi."]),
        # a sentence cannot end on a conjunction or complementiser ("bahwa Dia")
        ("Pendeta itu berkhotbah bahwa Dia akan menolong umat-Nya.",
         ["Pendeta itu berkhotbah bahwa Dia akan menolong umat-Nya."]),
        ("Warga memilih mengungsi ataupun \"Sebagian tetap bertahan\" di rumah.",
         ["Warga memilih mengungsi ataupun \"Sebagian tetap bertahan\" di rumah."]),
        # a verb of saying takes the quote after it
        ("Menteri itu mengatakan \"Sebagian dana sudah cair\" kepada wartawan.",
         ["Menteri itu mengatakan \"Sebagian dana sudah cair\" kepada wartawan."]),
        # acronyms and capitalised words before the seam are left alone
        ("Banjir melanda Bekasi Sementara itu, warga Jakarta Timur mengungsi.",
         ["Banjir melanda Bekasi Sementara itu, warga Jakarta Timur mengungsi."]),
        # a year's period before a lower-case word: the capital was lost
        ("Gedung itu dibangun pada 1879. sejak itu fungsinya berubah berkali-kali.",
         ["Gedung itu dibangun pada 1879.", "sejak itu fungsinya berubah berkali-kali."]),
        # ... but list markers keep their lower-case items
        ("Langkahnya:\n1. buka aplikasi\n2. pilih menu",
         ["Langkahnya:", "1. buka aplikasi", "2. pilih menu"]),
        # after a company form, a capitalised stop word before lower-case text opens a
        # sentence; a name after it (the company's director) does not
        ("Kerugian dialami PT Garuda Indonesia (Persero) Tbk. Sepanjang semester I, "
         "penumpang turun drastis.",
         ["Kerugian dialami PT Garuda Indonesia (Persero) Tbk.",
          "Sepanjang semester I, penumpang turun drastis."]),
        ("Direktur Utama PT Bank Sentosa Tbk. Budi Hartono mengatakan laba naik.",
         ["Direktur Utama PT Bank Sentosa Tbk. Budi Hartono mengatakan laba naik."]),
        ("Sumur itu dibor oleh Red Willow Offshore LLC. (Red Willow), mitra Medco.",
         ["Sumur itu dibor oleh Red Willow Offshore LLC. (Red Willow), mitra Medco."]),
        # a question mark before a lower-case word ends the sentence when no quote closes
        ("Apakah tanggul itu akan bertahan? warga di bantaran kali tidak yakin.",
         ["Apakah tanggul itu akan bertahan?", "warga di bantaran kali tidak yakin."]),
        ("Timnas juara lagi!!! penonton di Gelora Bung Karno bersorak.",
         ["Timnas juara lagi!!!", "penonton di Gelora Bung Karno bersorak."]),
        ("\"Sudah siap?\" tanya wartawan kepada pelatih.",
         ["\"Sudah siap?\" tanya wartawan kepada pelatih."]),
        # Dk. (dukuh) is an address abbreviation like Dsn. (dusun)
        ("Korban tinggal di Dsn. Kaluwan Dk. Botoh, Kecamatan Margorejo.",
         ["Korban tinggal di Dsn. Kaluwan Dk. Botoh, Kecamatan Margorejo."]),
        # contact lines: Telp. and Fax. before a number
        ("Sekretariat panitia: Telp. (021) 5760617 Fax. (021) 5760677 Pendaftaran dibuka "
         "hingga Jumat.",
         ["Sekretariat panitia: Telp. (021) 5760617 Fax. (021) 5760677 Pendaftaran dibuka "
          "hingga Jumat."]),
        # "Ph. D." written with a space is one abbreviation
        ("Ia meraih gelar Ph. D. dari Universitas Leiden pada 1990. Kini ia mengajar.",
         ["Ia meraih gelar Ph. D. dari Universitas Leiden pada 1990.", "Kini ia mengajar."]),
    ],
)
def test_indonesian_run_ons(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


# Rules added from the treebank error analysis (eval/ud.py --errors), each checked
# against the PFSA-ID Kompas articles with eval/sentence_diff.py.
@pytest.mark.parametrize(
    "text, expected",
    [
        # a sentence in a script without case (kana, Arabic) after a period
        ("Buku itu diterjemahkan ke bahasa Jepang. 日本語の本です。",
         ["Buku itu diterjemahkan ke bahasa Jepang.", "日本語の本です。"]),
        ("Spanduk itu bertuliskan salam. مرحبا بكم في جاكرتا",
         ["Spanduk itu bertuliskan salam.", "مرحبا بكم في جاكرتا"]),
        # after a company form, a capitalised word before lower-case text opens a sentence
        ("Saham itu dibeli oleh Nippon Steel Corp. Rencana akuisisi diumumkan pekan lalu.",
         ["Saham itu dibeli oleh Nippon Steel Corp.", "Rencana akuisisi diumumkan pekan lalu."]),
        ("Fitur itu dikembangkan Apple Inc. Pengguna iPhone bisa mencobanya mulai hari ini.",
         ["Fitur itu dikembangkan Apple Inc.", "Pengguna iPhone bisa mencobanya mulai hari ini."]),
        # ... not before a lower-case word, an acronym or a name that goes on
        ("Saham Sony Corp. naik 3 persen di Bursa Tokyo.",
         ["Saham Sony Corp. naik 3 persen di Bursa Tokyo."]),
        ("Kontrak diteken Toyota Motor Corp. TMC akan membangun pabrik baru.",
         ["Kontrak diteken Toyota Motor Corp. TMC akan membangun pabrik baru."]),
        ("Laporan PT Indofood Sukses Makmur Tbk. Jakarta Pusat mencatat laba naik.",
         ["Laporan PT Indofood Sukses Makmur Tbk. Jakarta Pusat mencatat laba naik."]),
        # an initial or abbreviation before a quoted sentence ends the sentence
        ("Polisi akhirnya bertemu dengan S. ”Jadi, pembunuhan ini ada latar belakangnya,” "
         "kata Kapolres.",
         ["Polisi akhirnya bertemu dengan S.",
          "”Jadi, pembunuhan ini ada latar belakangnya,” kata Kapolres."]),
        ("Kantor tetap buka pada Idul Fitri 1441 H. ”Layanan daring berjalan seperti biasa,” "
         "ujarnya.",
         ["Kantor tetap buka pada Idul Fitri 1441 H.",
          "”Layanan daring berjalan seperti biasa,” ujarnya."]),
        # "Th." (tahun) in a legal citation; "TH." as a person's initials still ends one
        ("Aturan itu tercantum dalam UU No. 13 Th. 2003 tentang Ketenagakerjaan. UU itu "
         "kini direvisi.",
         ["Aturan itu tercantum dalam UU No. 13 Th. 2003 tentang Ketenagakerjaan.",
          "UU itu kini direvisi."]),
        ("Polisi menangkap pria berinisial TH. Ia diduga menjadi pengedar.",
         ["Polisi menangkap pria berinisial TH.", "Ia diduga menjadi pengedar."]),
        # a period inside a bracket that closes a few words on does not end the sentence
        ("Bandara Sultan Mahmud Badaruddin (SMB. II) Palembang kembali dibuka. Penerbangan "
         "pertama tiba pukul 08.00.",
         ["Bandara Sultan Mahmud Badaruddin (SMB. II) Palembang kembali dibuka.",
          "Penerbangan pertama tiba pukul 08.00."]),
        ("Rapat itu (yang berlangsung tertutup. Tidak ada wartawan) selesai sore hari.",
         ["Rapat itu (yang berlangsung tertutup. Tidak ada wartawan) selesai sore hari."]),
        # ... but a whole sentence in brackets, or a bracket left open, still ends one
        ("Harga cabai naik tajam. (Data diolah dari BPS.) Pedagang mengeluh.",
         ["Harga cabai naik tajam.", "(Data diolah dari BPS.)", "Pedagang mengeluh."]),
        ("Sebanyak 12 orang (tujuh di antaranya anak-anak. Mereka dirawat di RSUD Dr. Soetomo "
         "hingga kini belum dipulangkan oleh pihak rumah sakit).",
         ["Sebanyak 12 orang (tujuh di antaranya anak-anak.",
          "Mereka dirawat di RSUD Dr. Soetomo hingga kini belum dipulangkan oleh pihak rumah "
          "sakit)."]),
        # ... but not before a quoted nickname inside a name
        ("Gol dicetak Muhammad S. \"Ucok\" Harahap pada menit ke-80.",
         ["Gol dicetak Muhammad S. \"Ucok\" Harahap pada menit ke-80."]),
    ],
)
def test_indonesian_rules_from_treebanks(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


# Lists: an inline numbered list after ":" or ";" is one sentence; an item line
# opens a sentence even in lower case.
@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Syarat pendaftaran: 1. KTP; 2. Kartu Keluarga; 3. NPWP. Berkas diserahkan ke kelurahan.",
         "id", ["Syarat pendaftaran: 1. KTP; 2. Kartu Keluarga; 3. NPWP.",
                "Berkas diserahkan ke kelurahan."]),
        # a lone number after a colon is no list
        ("Korban meninggal: 5. Korban luka berat dirawat di RSUD.", "id",
         ["Korban meninggal: 5.", "Korban luka berat dirawat di RSUD."]),
        ("Laga Persib melawan Persija. Skor babak pertama: 0. Tim tamu tertinggal jauh.", "id",
         ["Laga Persib melawan Persija.", "Skor babak pertama: 0.", "Tim tamu tertinggal jauh."]),
        ("Tahapannya:\na. pendaftaran calon\nb. verifikasi berkas\nc. penetapan", "id",
         ["Tahapannya:", "a. pendaftaran calon", "b. verifikasi berkas", "c. penetapan"]),
        ("Warga diminta:\n(a) memakai masker,\n(b) menjaga jarak.", "id",
         ["Warga diminta:", "(a) memakai masker,", "(b) menjaga jarak."]),
        ("The council voted to:\na) raise fares\nb) cut routes", "en",
         ["The council voted to:", "a) raise fares", "b) cut routes"]),
    ],
)
def test_lists(text: str, lang: str, expected: list[str]) -> None:
    assert sents(text, lang) == expected


# A new quotation run into the attribution of the one before it (the period
# between them lost) opens a sentence; a quoted name or title does not.
@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("\"Penerimaan pajak tumbuh 20,8 persen,\" katanya menjelaskan \"Faktor risiko itu "
         "mencakup harga minyak,\" tambahnya.", "id",
         ["\"Penerimaan pajak tumbuh 20,8 persen,\" katanya menjelaskan",
          "\"Faktor risiko itu mencakup harga minyak,\" tambahnya."]),
        ("”Kami belum menerima surat itu,” kata Kepala Dinas Sosial ”Kalau sudah ada, kami "
         "proses,” ujarnya.", "id",
         ["”Kami belum menerima surat itu,” kata Kepala Dinas Sosial",
          "”Kalau sudah ada, kami proses,” ujarnya."]),
        ("\"We are not leaving,\" he said \"The families need us here,\" he added.", "en",
         ["\"We are not leaving,\" he said", "\"The families need us here,\" he added."]),
        # a quoted name after the attribution, or a quote with no cue before it
        ("\"Kami siap,\" kata dia seperti dikutip \"Antara\" pada Senin.", "id",
         ["\"Kami siap,\" kata dia seperti dikutip \"Antara\" pada Senin."]),
        ("\"Kami siap,\" kata dia \"Kompas Gramedia\" ikut mendukung.", "id",
         ["\"Kami siap,\" kata dia \"Kompas Gramedia\" ikut mendukung."]),
        ("Ia menyebut program \"Kartu Prakerja\" sebagai \"Jaring pengaman sosial\" bagi pekerja.",
         "id",
         ["Ia menyebut program \"Kartu Prakerja\" sebagai \"Jaring pengaman sosial\" bagi pekerja."]),
    ],
)
def test_quote_after_attribution(text: str, lang: str, expected: list[str]) -> None:
    assert sents(text, lang) == expected


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
        # a question mark before a lower-case word ends the sentence; a single "!" in
        # a name does not
        ("Will the bridge reopen this week? officials would not say.",
         ["Will the bridge reopen this week?", "officials would not say."]),
        ("Shares of Yahoo! and AOL fell in early trading.",
         ["Shares of Yahoo! and AOL fell in early trading."]),
        # an initial before a quoted sentence ends one; a title before a nickname does not
        ("The deal was signed by J. \"We waited years for this,\" a union leader said.",
         ["The deal was signed by J.", "\"We waited years for this,\" a union leader said."]),
        ("Retired Gen. \"Mad dog\" Mattis spoke first.",
         ["Retired Gen. \"Mad dog\" Mattis spoke first."]),
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


def test_a_period_opening_a_paragraph_does_not_look_back_across_the_blank_line() -> None:
    # "word. lower-case word" splits ("capital lost"), but only when the word
    # is in the same sentence; a stray period opening a paragraph after a
    # headline stays with its paragraph, as it does on its own (fuzz_sentences)
    text = "Warga Mengungsi Akibat Banjir\n\n. sumber foto: BPBD Kabupaten Bekasi"
    got = [s.text for s in newstext.sentences(text, lang="id")]
    assert got == ["Warga Mengungsi Akibat Banjir", ". sumber foto: BPBD Kabupaten Bekasi"]
    alone = text[text.index("\n\n") + 2:]
    assert [s.text for s in newstext.sentences(alone, lang="id")] == got[1:]
    inner = "Hujan turun sejak pagi. warga mengungsi ke balai desa."
    assert [s.text for s in newstext.sentences(inner, lang="id")] == [
        "Hujan turun sejak pagi.", "warga mengungsi ke balai desa."]
