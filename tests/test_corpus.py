"""newstext.Corpus: many articles, pandas tables out.

Runs on the project's example scrapes (examples/articles/, written for the
project) and short texts written here."""

from __future__ import annotations

import builtins
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import newstext
from newstext import Corpus, Document

pd = pytest.importorskip("pandas")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
NAMES = [
    "en_local_news_storm",
    "en_reuters_style_summit",
    "id_dw_iklim_asean",
    "id_egindo_pangan",
    "id_kompas_banjir_jakarta",
    "id_kompastv_pertemuan",
    "id_tribun_ekonomi",
]


@pytest.fixture(scope="module")
def corpus():
    return Corpus.from_files(EXAMPLES)


def texts():
    return [(EXAMPLES / f"{n}.txt").read_text(encoding="utf-8") for n in NAMES]


# ------------------------------------------------------------ construction

def test_from_folder(corpus):
    assert len(corpus) == 7
    assert corpus.ids == NAMES
    assert [d.raw for d in corpus] == texts()
    assert all(isinstance(d, Document) for d in corpus)
    assert repr(corpus).startswith("Corpus(7 documents: 'en_local_news_storm', ")


def test_from_glob_and_paths():
    c = Corpus.from_files(str(EXAMPLES / "id_*.txt"))
    assert c.ids == [n for n in NAMES if n.startswith("id_")]
    c = Corpus.from_files([EXAMPLES / "id_tribun_ekonomi.txt", EXAMPLES / "en_local_news_storm.txt"])
    assert c.ids == ["id_tribun_ekonomi", "en_local_news_storm"]
    assert len(Corpus.from_files(str(EXAMPLES / "*.nothing"))) == 0
    with pytest.raises(FileNotFoundError):
        Corpus.from_files(str(EXAMPLES / "no_such_file.txt"))


def test_from_files_clashing_names_use_paths(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "berita.txt").write_text(f"Berita dari {sub}.", encoding="utf-8")
    (tmp_path / "a" / "rusak.txt").write_bytes(b"Harga \xff naik.")
    c = Corpus.from_files(str(tmp_path / "**" / "*.txt"))
    assert c.ids == [str(tmp_path / "a" / "berita.txt"), str(tmp_path / "a" / "rusak.txt"),
                     str(tmp_path / "b" / "berita.txt")]
    # undecodable bytes are kept (as a lone surrogate), never dropped
    assert c[1].raw == "Harga \udcff naik."


def test_from_list_with_ids_and_documents():
    c = Corpus(["Presiden tiba di Jakarta.", "The minister said no."], ids=["a", "b"])
    assert c.ids == ["a", "b"] and c["b"].raw == "The minister said no."
    assert Corpus(["x", "y"]).ids == [0, 1]
    d = Document("Harga beras naik.", id="beras")
    c = Corpus([d, "Harga cabai turun."])
    assert c.ids == ["beras", 1] and c[0] is d
    with pytest.raises(ValueError, match="2 ids for 3 texts"):
        Corpus(["a", "b", "c"], ids=["x", "y"])
    with pytest.raises(TypeError, match="single str"):
        Corpus("satu teks")
    with pytest.raises(TypeError, match="item 1"):
        Corpus(["ok", 3])
    with pytest.raises(ValueError, match="lang"):
        Corpus(["ok"], lang="xx")


def test_from_frame():
    df = pd.DataFrame({"body": texts()[:3], "key": ["p", "q", "r"]}, index=[10, 11, 12])
    c = Corpus.from_frame(df, text="body", id="key")
    assert c.ids == ["p", "q", "r"] and c["q"].raw == texts()[1]
    assert Corpus.from_frame(df, text="body").ids == [10, 11, 12]
    with pytest.raises(KeyError, match="text"):
        Corpus.from_frame(df)
    with pytest.raises(KeyError, match="nope"):
        Corpus.from_frame(df, text="body", id="nope")


def test_indexing(corpus):
    assert corpus[0].id == "en_local_news_storm"
    assert corpus[-1].id == "id_tribun_ekonomi"
    assert corpus["id_dw_iklim_asean"] is corpus[2]
    sub = corpus[2:4]
    assert isinstance(sub, Corpus) and sub.ids == NAMES[2:4]
    with pytest.raises(KeyError, match="nope"):
        corpus["nope"]
    with pytest.raises(IndexError):
        corpus[7]


def test_pickle_round_trip(corpus):
    corpus.quotes()  # fill caches; they must not travel
    blob = pickle.dumps(corpus)
    assert len(blob) < sum(len(t.encode("utf-8")) for t in texts()) + 2000
    back = pickle.loads(blob)
    assert back.ids == corpus.ids and all(d._cache == {} for d in back)
    assert back.quotes().equals(corpus.quotes())
    assert back["id_kompas_banjir_jakarta"].raw == corpus["id_kompas_banjir_jakarta"].raw


# ------------------------------------------------------------------ tables

def test_articles(corpus):
    a = corpus.articles()
    assert list(a.columns) == ["doc_id", "lang", "title", "outlet", "date", "time", "dateline", "authors",
                               "editors", "agencies", "url", "chars", "sentences", "tokens", "quotes"]
    assert list(a.doc_id) == NAMES
    assert list(a.lang) == ["en", "en", "id", "id", "id", "id", "id"]
    k = a.set_index("doc_id").loc["id_kompas_banjir_jakarta"]
    assert k.outlet == "Kompas.com" and k.date.isoformat() == "2025-02-03" and k.time == "09:15 WIB"
    assert k.dateline == "JAKARTA" and k.authors == ["Nadia Putri Kusumawardani"]
    assert k.quotes == 6
    r = a.set_index("doc_id").loc["en_reuters_style_summit"]
    assert r.authors == ["Hannah Kessler", "David Okafor"] and r.agencies == ["Reuters"]
    for d, row in zip(corpus, a.itertuples()):
        assert row.chars == len(d.text)
        assert row.sentences == len(newstext.sentences(d.text, lang=d.lang))
        assert row.tokens == len(newstext.tokens(d.text, lang=d.lang))


def test_keywords_per_article(corpus):
    k = corpus.keywords(top=3)
    assert list(k.columns) == ["doc_id", "rank", "phrase", "score", "count"]
    assert len(k) == 21 and list(k["rank"]) == [1, 2, 3] * 7
    d = corpus["id_kompas_banjir_jakarta"]
    rows = k[k.doc_id == "id_kompas_banjir_jakarta"]
    assert list(rows.phrase) == [kw.phrase for kw in newstext.keywords(d.text, top=3, lang="id")]
    assert list(rows.phrase)[:2] == ["Badan Penanggulangan Bencana", "BPBD DKI Jakarta"]
    rake = corpus.keywords(top=2, method="rake")
    assert list(rake[rake.doc_id == "id_tribun_ekonomi"].phrase) == [
        kw.phrase for kw in newstext.keywords(corpus["id_tribun_ekonomi"].text, top=2, method="rake")]


def test_keywords_tfidf_corpus_wide(corpus):
    k = corpus.keywords(top=3, method="tfidf")
    assert list(k.columns) == ["doc_id", "rank", "phrase", "score", "count", "df"]
    want = newstext.tfidf([d.text for d in corpus], top=3)
    assert list(k.phrase) == [t.term for terms in want for t in terms]
    storm = k[k.doc_id == "en_local_news_storm"]
    assert list(storm.phrase) == ["power", "harlow", "county"]
    assert (k.df >= 1).all() and (k.df <= 7).all()


def test_distinctive(corpus):
    by_lang = corpus.distinctive(by="lang", top=5)
    assert list(by_lang.columns) == ["group", "rank", "term", "score", "count", "count_rest"]
    assert set(by_lang.group) == {"en", "id"}
    assert list(by_lang[by_lang.group == "id"].term)[:2] == ["jakarta", "pertemuan"]
    by_outlet = corpus.distinctive(by="outlet", top=2)
    tribun = by_outlet[by_outlet.group == "Tribunnews.com"]
    assert list(tribun.term) == ["beras", "impor"]
    labels = ["storm", "wire", "x", "x", "x", "x", "x"]
    assert corpus.distinctive(by=labels, top=3).equals(corpus.distinctive(by=lambda d: labels[corpus.ids.index(d.id)], top=3))
    with pytest.raises(ValueError, match="2 labels for 7"):
        corpus.distinctive(by=["a", "b"])
    with pytest.raises(ValueError, match="metadata field"):
        corpus.distinctive(by="colour")


def test_quotes(corpus):
    q = corpus.quotes()
    assert list(q.columns) == ["doc_id", "speaker", "text", "cue", "kind", "start", "end", "unclosed"]
    k = q[q.doc_id == "id_kompas_banjir_jakarta"]
    assert list(zip(k.kind, k.speaker.fillna("-"), k.cue.fillna("-"))) == [
        ("direct", "Hendra Wiratmaja", "kata"),
        ("direct", "Hendra Wiratmaja", "katanya"),
        ("partial", "Lestari Handayani", "menilai"),
        ("direct", "Lestari Handayani", "ujar"),
        ("other", "-", "-"),
        ("partial", "Rahmat Wicaksono", "meminta"),
        ("direct", "Rahmat Wicaksono", "kata"),
    ]
    for row in q.itertuples():
        assert corpus[row.doc_id].text[row.start:row.end] == row.text
    direct = corpus.quotes(kinds="direct")
    assert set(direct.kind) == {"direct"} and len(direct) == (q.kind == "direct").sum()
    assert len(corpus.quotes(kinds={"direct", "partial"})) == (q.kind != "other").sum()


def test_speakers(corpus):
    s = corpus.speakers()
    assert list(s.columns) == ["speaker", "quotes", "docs", "doc_ids"]
    row = s[s.speaker == "Hendra Wiratmaja"].iloc[0]
    assert (row.quotes, row.docs, row.doc_ids) == (2, 1, ["id_kompas_banjir_jakarta"])
    q = corpus.quotes(kinds={"direct", "partial"})
    assert s.quotes.sum() == q.speaker.notna().sum()
    assert list(s.quotes) == sorted(s.quotes, reverse=True)


def test_speakers_across_documents():
    a = '"Stok beras cukup sampai akhir tahun," kata Budi Santoso di Jakarta, Senin.\n'
    b = 'Budi Santoso mengatakan, "Harga akan turun pekan depan."\n'
    c = Corpus([a, b, "Tidak ada kutipan di sini."], ids=["a", "b", "c"], clean=False)
    s = c.speakers()
    assert s.to_dict("records") == [{"speaker": "Budi Santoso", "quotes": 2, "docs": 2, "doc_ids": ["a", "b"]}]


def test_kwic(corpus):
    k = corpus.kwic("pompa mobile", window=3)
    assert list(k.columns) == ["doc_id", "start", "end", "left", "match", "right"]
    assert k.to_dict("records") == [{
        "doc_id": "id_kompas_banjir_jakarta", "start": 649, "end": 661,
        "left": "Pompa stasioner dan", "match": "pompa mobile", "right": "sudah beroperasi penuh"}]
    h = corpus.kwic("Hendra", window=2)
    assert list(h.right) == ["Wiratmaja mengatakan", "saat ditemui", ", rumah-rumah"]
    assert len(corpus.kwic("banjir", window=0)) == len(corpus.kwic("BANJIR"))
    assert set(corpus.kwic("banjir", window=0).left) == {""}
    assert len(corpus.kwic("BANJIR", case=True)) == 0
    for row in corpus.kwic("harga").itertuples():
        assert corpus[row.doc_id].text[row.start:row.end].casefold() == "harga"


def test_kwic_bad_arguments(corpus):
    with pytest.raises(TypeError, match="term"):
        corpus.kwic(3)
    with pytest.raises(TypeError, match="window"):
        corpus.kwic("banjir", window=2.5)
    with pytest.raises(ValueError, match="window"):
        corpus.kwic("banjir", window=-1)
    with pytest.raises(ValueError, match="no tokens"):
        corpus.kwic("   ")


def test_empty_corpus_gives_empty_frames():
    c = Corpus([])
    assert len(c) == 0
    for frame in (c.articles(), c.keywords(), c.quotes(), c.speakers(), c.kwic("x")):
        assert len(frame) == 0


# ---------------------------------------------------------- optional pandas

def test_missing_pandas_says_what_to_install(monkeypatch, corpus):
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    for call in (corpus.articles, corpus.keywords, corpus.quotes, corpus.speakers,
                 lambda: corpus.kwic("banjir"), lambda: corpus.distinctive(by="lang")):
        with pytest.raises(ImportError, match=r'pip install "newstext\[pandas\]"'):
            call()
    # Without pandas the documents still work.
    assert corpus[0].quotes() and len(corpus) == 7


def test_import_needs_no_optional_package():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('pandas', 'matplotlib', 'tqdm', 'dask', 'numpy'):\n"
        "            raise ImportError('blocked ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import newstext\n"
        "c = newstext.Corpus(['\"Harga naik,\" kata Budi Santoso.'], clean=False)\n"
        "print(len(c), c[0].quotes()[0].speaker)\n"
        "try:\n"
        "    c.quotes()\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(Path(__file__).resolve().parent)).stdout
    assert out.splitlines() == ["1 Budi Santoso", 'newstext.Corpus: this needs pandas: pip install "newstext[pandas]"']


# ------------------------------------------------------------------- plots

@pytest.fixture
def plt():
    mpl = pytest.importorskip("matplotlib")
    mpl.use("Agg")
    import matplotlib.pyplot as plt
    yield plt
    plt.close("all")


def test_plot_speakers(corpus, plt):
    ax = corpus.plot_speakers(top=4)
    assert isinstance(ax, plt.Axes)
    bars = ax.patches
    s = corpus.speakers().head(4)
    assert [b.get_width() for b in bars] == list(s.quotes)[::-1]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(s.speaker)[::-1]


def test_plot_keywords_uses_given_axes(corpus, plt):
    fig, ax = plt.subplots()
    assert corpus.plot_keywords(by="outlet", top=2, ax=ax) is ax
    d = corpus.distinctive(by="outlet", top=2)
    assert sorted(round(b.get_width(), 9) for b in ax.patches) == sorted(round(v, 9) for v in d.score)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "beras  (Tribunnews.com)" in labels and "power  (?)" in labels


def test_plot_quotes_over_time(corpus, plt):
    ax = corpus.plot_quotes_over_time(freq="M")
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["2023-09", "2025-02", "2025-03", "2025-05"]
    a = corpus.articles()
    assert [b.get_height() for b in ax.patches] == [4, 6, a[a.date.astype(str).str.startswith("2025-03")].quotes.sum(), 6]


def test_missing_matplotlib_says_what_to_install(monkeypatch, corpus):
    real_import = builtins.__import__

    def no_mpl(name, *args, **kwargs):
        if name.split(".")[0] == "matplotlib":
            raise ImportError("No module named 'matplotlib'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_mpl)
    for call in (corpus.plot_speakers, corpus.plot_keywords, corpus.plot_quotes_over_time):
        with pytest.raises(ImportError, match=r'pip install "newstext\[notebook\]"'):
            call()


# ------------------------------------------------------- worker processes

def _quote_rows(part):
    # Runs in a fresh interpreter: the corpus part arrives pickled.
    return part.quotes()


def test_corpus_parts_in_worker_processes_equal_a_local_run(corpus):
    import concurrent.futures
    import multiprocessing

    parts = [corpus[i:i + 3] for i in range(0, len(corpus), 3)]
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as pool:
        remote = pd.concat(list(pool.map(_quote_rows, parts)), ignore_index=True)
    local = corpus.quotes()
    assert len(local) > 40
    pd.testing.assert_frame_equal(remote, local)


# ---------------------------------------------------------------- progress

class _FakeTqdm:
    calls = []

    def __init__(self, iterable=None, desc=None, unit=None, total=None):
        self.iterable = iterable
        self.n = 0
        self.total = len(iterable) if total is None else total
        _FakeTqdm.calls.append((desc, unit, self.total))

    def __iter__(self):
        return iter(self.iterable)

    def update(self, k):
        assert k > 0
        self.n += k
        assert self.n <= self.total

    def close(self):
        assert self.iterable is not None or self.n == self.total


@pytest.fixture
def fake_tqdm(monkeypatch):
    import types

    mod = types.ModuleType("tqdm")
    auto = types.ModuleType("tqdm.auto")
    auto.tqdm = _FakeTqdm
    mod.auto = auto
    monkeypatch.setitem(sys.modules, "tqdm", mod)
    monkeypatch.setitem(sys.modules, "tqdm.auto", auto)
    _FakeTqdm.calls = []
    return _FakeTqdm


def test_progress_bar_when_asked(fake_tqdm):
    c = Corpus.from_files(EXAMPLES, progress=True)
    plain = Corpus.from_files(EXAMPLES)
    assert c.quotes().equals(plain.quotes())
    c.articles(), c.speakers(), c.kwic("banjir")
    assert fake_tqdm.calls == [("newstext quotes", "doc", 7), ("newstext articles", "doc", 7),
                               ("newstext speakers", "doc", 7), ("newstext kwic", "doc", 7)]
    assert c[1:3].quotes() is not None and fake_tqdm.calls[-1] == ("newstext quotes", "doc", 2)
    assert pickle.loads(pickle.dumps(c))._progress_opt is True


def test_progress_auto_is_on_only_for_long_watched_runs(fake_tqdm, monkeypatch):
    import newstext.corpus

    monkeypatch.setattr(newstext.corpus, "_interactive", lambda: False)
    Corpus(["Harga naik."] * 250, clean=False).quotes()       # nobody watches
    monkeypatch.setattr(newstext.corpus, "_interactive", lambda: True)
    Corpus.from_files(EXAMPLES).quotes()                       # 7 documents: too few
    Corpus(["Harga naik."] * 250, clean=False, progress=False).quotes()
    assert fake_tqdm.calls == []
    Corpus(["Harga naik."] * 250, clean=False).quotes()
    assert fake_tqdm.calls == [("newstext quotes", "doc", 250)]


def test_progress_true_without_tqdm_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    c = Corpus(["Harga naik."], progress=True)
    with pytest.raises(ImportError, match=r'pip install "newstext\[notebook\]"'):
        c.quotes()
    assert len(Corpus(["Harga naik."] * 300).quotes()) == 0   # "auto" goes on without it
    with pytest.raises(ValueError, match="progress"):
        Corpus(["x"], progress="yes")


# ----------------------------------------------------------- shared quotes

WIRE_A = ('Menteri Perdagangan Rudi Hartanto mengatakan, "Stok beras nasional cukup sampai akhir '
          'tahun dan impor tidak akan ditambah," di Jakarta, Senin.\n\n'
          '"Pasar tetap kami awasi setiap hari," kata Rudi.\n')
WIRE_B = ('"Stok beras nasional aman sampai akhir tahun dan impor tidak akan ditambah," kata Menteri '
          'Perdagangan Rudi Hartanto kepada wartawan.\n\n'
          '"Harga cabai memang naik karena hujan," ujar Sari Dewi, pedagang di Pasar Minggu.\n')
WIRE_C = ('Gubernur Lina Marlina mengatakan, "Stok beras di gudang daerah cukup untuk tiga bulan," '
          'di Bandung.\n')


def test_shared_quotes_match_a_changed_word_across_outlets():
    c = Corpus([WIRE_A, WIRE_B, WIRE_C], ids=["a", "b", "c"], clean=False)
    s = c.shared_quotes()
    assert list(s.columns) == ["group", "doc_id", "speaker", "text", "start", "end", "similarity"]
    assert list(s.group) == [0, 0] and list(s.doc_id) == ["a", "b"]
    assert list(s.speaker) == ["Rudi Hartanto", "Rudi Hartanto"]
    assert s.text[0].startswith("Stok beras nasional cukup") and s.text[1].startswith("Stok beras nasional aman")
    # 12 distinct words each, 11 shared: 11 / 13
    assert list(s.similarity) == [pytest.approx(11 / 13)] * 2
    for row in s.itertuples():
        assert c[row.doc_id].text[row.start:row.end] == row.text
    assert len(c.shared_quotes(threshold=0.9)) == 0
    # The governor's quote shares "stok beras" only: no match, even loosely.
    assert "c" not in set(c.shared_quotes(threshold=0.2).doc_id)


def test_shared_quotes_same_document_is_not_a_match():
    twice = WIRE_A + "\n" + WIRE_A
    assert len(Corpus([twice], clean=False).shared_quotes()) == 0
    assert len(Corpus([WIRE_A, WIRE_A], clean=False).shared_quotes()) == 4  # two quotes, each in both


def test_shared_quotes_example_articles_share_none(corpus):
    assert len(corpus.shared_quotes()) == 0


def test_shared_quotes_bad_arguments(corpus):
    with pytest.raises(ValueError, match="threshold"):
        corpus.shared_quotes(threshold=0)
    with pytest.raises(TypeError, match="threshold"):
        corpus.shared_quotes(threshold="0.5")


# ------------------------------------------- exact tables on the examples

def test_articles_metadata_of_every_example(corpus):
    a = corpus.articles().set_index("doc_id")
    def value(x):
        return None if pd.isna(x) else x

    got = {i: (value(r.outlet), None if pd.isna(r.date) else r.date.isoformat(), value(r.time),
               value(r.dateline), r.quotes) for i, r in a.iterrows()}
    assert got == {
        "en_local_news_storm": (None, "2025-03-04", "19:12", "MILLBROOK", 7),
        "en_reuters_style_summit": (None, "2025-03-06", "15:45 ET", "WASHINGTON", 8),
        "id_dw_iklim_asean": ("DW", "2025-03-12", None, None, 7),
        "id_egindo_pangan": ("EGINDO.co", None, None, "Singapura", 4),
        "id_kompas_banjir_jakarta": ("Kompas.com", "2025-02-03", "09:15 WIB", "JAKARTA", 6),
        "id_kompastv_pertemuan": ("Kompas.TV", "2025-05-27", "16:48 WIB", "KOTA KINABALU", 6),
        "id_tribun_ekonomi": ("Tribunnews.com", "2023-09-04", None, None, 4),
    }


def test_keywords_textrank_per_article(corpus):
    k = corpus.keywords(top=2, method="textrank")
    assert list(k.columns) == ["doc_id", "rank", "phrase", "score", "count"]
    for d in corpus:
        rows = k[k.doc_id == d.id]
        assert list(rows.phrase) == [kw.phrase for kw in newstext.keywords(d.text, top=2, method="textrank",
                                                                              lang=d.lang)]
    assert list(k[k.doc_id == "id_tribun_ekonomi"].phrase) == ["kenaikan harga beras", "harga beras"]
    assert list(k[k.doc_id == "id_kompastv_pertemuan"].phrase) == ["koridor pelayaran", "jalur pelayaran"]


def test_distinctive_by_outlet_every_group(corpus):
    d = corpus.distinctive(by="outlet", top=2)
    got = {}
    for r in d.itertuples():
        got.setdefault(None if r.group != r.group else r.group, []).append((r.term, r.count, r.count_rest))
    assert got == {
        None: [("power", 5, 0), ("two", 5, 0)],        # the two English articles name no outlet
        "DW": [("adaptasi", 5, 0), ("asean", 5, 1)],
        "EGINDO.co": [("singapura", 4, 0), ("otoritas", 4, 0)],
        "Kompas.com": [("air", 7, 1), ("jakarta", 8, 3)],
        "Kompas.TV": [("koridor", 7, 1), ("pelayaran", 4, 0)],
        "Tribunnews.com": [("beras", 8, 0), ("impor", 7, 2)],
    }
    assert list(d[d.group == "Kompas.TV"]["rank"]) == [1, 2]
    assert (d.score > 0).all()


def test_speakers_of_the_examples(corpus):
    s = corpus.speakers().set_index("speaker")
    # the people every reader names (tests/test_examples.py lists the quotes newstext still misattributes)
    want = {
        "Hendra Wiratmaja": 2, "Lestari Handayani": 2, "Rahmat Wicaksono": 2, "Laksmi Dewanti": 2,
        "Hamzah Roslan": 2, "Ramon Villanueva": 2, "Andika Prasetya": 2,
        "Maya Sarasvati": 1, "Denise Whitford": 2, "Dana Whitcomb": 1, "Tom Reyes": 2, "Luis Ortega": 2,
        "Margaret Hollis": 2, "Raymond Tull": 1, "Alicia Ferreira": 2, "Dewi Anggraeni": 2,
        "Siobhan O'Neill": 1, "Suryani": 1, "Fadli Rahman Nasution": 1,
    }
    for who, n in want.items():
        assert (who, s.loc[who, "quotes"], s.loc[who, "docs"]) == (who, n, 1)
    assert s.loc["Hendra Wiratmaja", "doc_ids"] == ["id_kompas_banjir_jakarta"]
    assert s.loc["Grace Lim Wei Ling", "doc_ids"] == ["id_egindo_pangan"]


def test_kwic_across_outlets(corpus):
    k = corpus.kwic("Jakarta", window=2)
    assert list(k.doc_id.value_counts().sort_index().items()) == [
        ("id_dw_iklim_asean", 2), ("id_kompas_banjir_jakarta", 8), ("id_tribun_ekonomi", 1)]
    first = k.iloc[0]
    assert (first.left, first.match, first.right) == ("independen di", "Jakarta", ", nilai")
    multi = corpus.kwic("harga beras", window=1)
    assert list(multi.match) == ["harga beras"] * len(multi) and set(multi.doc_id) == {"id_tribun_ekonomi"}
