"""Batches on C threads: newstext._core.batch and Corpus(n_jobs=...) (issue 6).

The tables of a Corpus are computed by csrc/batch.c's worker pool with the
GIL released; the results must be exactly those of the Document methods run
one by one, for any number of threads, and Ctrl-C must stop a long batch
promptly and leave everything usable.  Texts: the project's example scrapes
and news sentences written here."""

from __future__ import annotations

import _thread
import pickle
import sys
import threading
from pathlib import Path

import pytest

import newstext
from newstext import Corpus, Document, _core

pd = pytest.importorskip("pandas")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]

WRITTEN = [
    # Indonesian, curly quotes, a -nya cue, a partial quote
    "Wali Kota Bogor Dedie Rachim meninjau longsor di Kecamatan Bogor Selatan, Senin (4/3/2024).\n\n"
    "\u201cKami sudah menyiapkan tenda darurat untuk 120 warga,\u201d kata Dedie kepada wartawan.\n\n"
    "\u201dBantuan logistik datang sore ini,\u201d ujarnya. Dedie menyebut penanganan longsor "
    "\"menjadi prioritas\" pemerintah kota.\n",
    # English, straight quotes
    'The health minister said on Friday that dengue cases had doubled since January.\n\n'
    '"Hospitals in West Java are under pressure," Budi Gunadi Sadikin told reporters. '
    '"We are sending more nurses," he said.\n',
    # a lone surrogate and an emoji keep offsets honest
    "Presiden tiba di Bandung \ud800 pukul 10.00 WIB \U0001F600. \"Saya senang sekali,\" kata Presiden.\n",
    "",
    "Harga cabai rawit di Pasar Kramat Jati naik menjadi Rp 80.000 per kilogram.",
]


def sequential_tables(corpus: Corpus) -> dict:
    """The tables with every cache filled first by the Document methods, one
    document at a time (so the batch has nothing left to compute)."""
    for d in corpus:
        d.article, d.tokens, d.sentences, d.quotes()
        d.keywords(top=10, method="yake")
        d.keywords(top=5, method="rake", max_ngram=2)
    return tables(corpus)


def tables(corpus: Corpus) -> dict:
    return {
        "articles": corpus.articles(),
        "keywords": corpus.keywords(),
        "rake": corpus.keywords(top=5, method="rake", max_ngram=2),
        "quotes": corpus.quotes(),
        "speakers": corpus.speakers(),
        "kwic": corpus.kwic("kata", window=3),
        "shared": corpus.shared_quotes(),
    }


def assert_same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


@pytest.mark.parametrize("texts", [ARTICLES, WRITTEN + ARTICLES[:2]], ids=["examples", "written"])
def test_tables_identical_for_any_number_of_threads(texts) -> None:
    reference = sequential_tables(Corpus(texts))
    assert len(reference["quotes"]) > 5 and len(reference["keywords"]) > 20
    for n_jobs in (None, 1, 2, -1):
        assert_same(tables(Corpus(texts, n_jobs=n_jobs)), reference)


def test_batch_fills_the_document_caches() -> None:
    c = Corpus(WRITTEN, n_jobs=2)
    c.articles()
    d = c[0]
    # articles() needs only the numbers of tokens and sentences: no records built
    assert {"lang", "article", "n_tokens", "n_sentences", "quotes"} <= set(d._cache)
    assert "tokens" not in d._cache and "sentences" not in d._cache
    assert d._cache["n_tokens"] == len(newstext.tokens(d.text)) > 20
    assert d._cache["n_sentences"] == len(newstext.sentences(d.text)) > 2
    c.kwic("kata")
    assert "tokens" in d._cache
    assert d.quotes() is d._cache["quotes"]
    assert d.quotes() == newstext.quotes(d.text, lang="id")
    assert "Dedie Rachim" in d.quotes()[0].speaker
    assert d.tokens == newstext.tokens(d.text, lang="id")
    assert c[2].text[c[2].quotes()[0].start:c[2].quotes()[0].end] == "Saya senang sekali,"
    # keywords with a set of stop words are cached too (as a frozenset)
    c.keywords(top=3, stopwords={"kata", "warga"})
    keys = [k for k in c[0]._cache if isinstance(k, tuple) and k[0] == "keywords"]
    assert len(keys) == 1
    cached = c[0]._cache[keys[0]]
    assert c[0].keywords(top=3, method="yake", stopwords={"warga", "kata"}) is cached
    assert cached == newstext.keywords(c[0].text, top=3, stopwords={"kata", "warga"}, lang="id")


def test_keywords_in_a_language_other_than_the_documents() -> None:
    c = Corpus(WRITTEN[:2], n_jobs=2)
    got = c.keywords(top=4, lang="en")
    expected = [k.phrase for d in c for k in newstext.keywords(d.text, top=4, lang="en")]
    assert list(got.phrase) == expected


def test_clean_false_and_mixed_options() -> None:
    docs = [Document(WRITTEN[0], id="raw", clean=False), Document(WRITTEN[1], id="en", lang="en")]
    c = Corpus(docs + WRITTEN[4:], n_jobs=2)
    q = c.quotes()
    assert list(q[q.doc_id == "raw"].text) == [x.text for x in newstext.quotes(WRITTEN[0])]
    assert c["raw"].text == WRITTEN[0] and "article" not in c["raw"]._cache  # clean=False: not cleaned
    assert c.articles().lang.tolist() == ["id", "en", "id"]


def test_batch_function_equals_the_single_text_functions() -> None:
    texts = WRITTEN + ARTICLES
    res = _core.batch(texts, tasks=("clean", "tokens", "sentences", "quotes", "keywords", "counts"), n_jobs=3,
                      keywords={"top": 6, "method": "textrank"}, chunk=2)
    assert len(res) == len(texts)
    for t, r in zip(texts, res):
        lang = newstext.detect_lang(t)
        assert r["lang"] == lang
        assert r["article"] == newstext.clean(t, lang=lang)
        assert r["tokens"] == newstext.tokens(t, lang=lang)
        assert r["sentences"] == newstext.sentences(t, lang=lang)
        assert r["quotes"] == newstext.quotes(t, lang=lang)
        assert r["keywords"] == newstext.keywords(t, lang=lang, top=6, method="textrank")
        assert (r["n_tokens"], r["n_sentences"]) == (len(r["tokens"]), len(r["sentences"]))
    counts = _core.batch(ARTICLES, tasks=["counts"], n_jobs=2)
    assert [(r["n_tokens"], r["n_sentences"]) for r in counts] == [
        (len(newstext.tokens(t)), len(newstext.sentences(t))) for t in ARTICLES]
    only = _core.batch(WRITTEN[:2], langs=["en", "id"])
    assert only == [{"lang": "en"}, {"lang": "id"}]
    assert _core.batch([], tasks=("quotes",)) == []
    assert _core.batch(iter(WRITTEN[:1]), tasks=["quotes"], langs="id")[0]["quotes"] == newstext.quotes(
        WRITTEN[0], lang="id")


@pytest.mark.parametrize("kwargs, exc, message", [
    ({"n_jobs": 0}, ValueError, "n_jobs must be >= 1"),
    ({"n_jobs": -3}, ValueError, "n_jobs must be >= 1"),
    ({"n_jobs": 2.0}, TypeError, "n_jobs must be an int"),
    ({"n_jobs": True}, TypeError, "n_jobs must be an int"),
    ({"tasks": ("quotes", "entities")}, ValueError, "unknown batch task 'entities'"),
    ({"tasks": "quotes"}, TypeError, "not a str"),
    ({"langs": "fr"}, ValueError, "lang must be"),
    ({"langs": ["id"]}, ValueError, "got 1 langs for 2 texts"),
    ({"chunk": 0}, ValueError, "chunk must be >= 1"),
    ({"progress": "bar"}, TypeError, "progress must be callable"),
    ({"tasks": ["keywords"], "keywords": {"top": -1}}, ValueError, "top must be >= 0"),
    ({"tasks": ["keywords"], "keywords": {"lang": "id"}}, ValueError, "langs="),
    ({"tasks": ["keywords"], "keywords": {"colour": 1}}, TypeError, "colour"),
    ({"tasks": ["keywords"], "keywords": ["top"]}, TypeError, "keywords must be a dict"),
])
def test_batch_errors(kwargs, exc, message) -> None:
    with pytest.raises(exc, match=message):
        _core.batch(WRITTEN[:2], **kwargs)


def test_batch_bad_texts_name_the_index() -> None:
    with pytest.raises(TypeError, match=r"batch\(\): texts\[2\] must be str, not bytes"):
        _core.batch(["Budi pergi.", "Ani pulang.", b"raw bytes"], tasks=("tokens",))
    with pytest.raises(TypeError, match="collection of str"):
        _core.batch("Budi pergi.")
    with pytest.raises(TypeError):
        _core.batch(42)


def test_corpus_n_jobs_errors() -> None:
    with pytest.raises(ValueError, match="n_jobs must be >= 1"):
        Corpus(WRITTEN, n_jobs=0)
    with pytest.raises(ValueError, match="n_jobs"):
        Corpus(WRITTEN, n_jobs=-2)
    with pytest.raises(TypeError, match="n_jobs must be an int or None, not str"):
        Corpus(WRITTEN, n_jobs="2")


def test_progress_callback_counts_up_to_the_total() -> None:
    seen = []
    texts = ARTICLES * 40
    _core.batch(texts, tasks=("quotes",), n_jobs=2, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (len(texts), len(texts))
    assert all(t == len(texts) for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_progress_callback_error_stops_the_batch() -> None:
    class Boom(Exception):
        pass

    def progress(done, total):
        raise Boom(f"{done}/{total}")

    with pytest.raises(Boom):
        _core.batch(ARTICLES, tasks=("quotes",), progress=progress)


def test_tqdm_bar_follows_the_c_counter(monkeypatch) -> None:
    import types

    updates = []

    class Bar:
        def __init__(self, iterable=None, desc=None, unit=None, total=None):
            self.total, self.desc, self.closed = total, desc, False

        def update(self, k):
            updates.append(k)

        def close(self):
            self.closed = True
            bars.append(self)

    bars: list = []
    auto = types.ModuleType("tqdm.auto")
    auto.tqdm = Bar
    monkeypatch.setitem(sys.modules, "tqdm", types.ModuleType("tqdm"))
    monkeypatch.setitem(sys.modules, "tqdm.auto", auto)
    c = Corpus(ARTICLES * 40, progress=True, n_jobs=2)
    c.articles()
    assert len(bars) == 1 and bars[0].desc == "newstext articles" and bars[0].total == len(c)
    assert all(k > 0 for k in updates) and sum(updates) == len(c)


LONG = "\n\n".join(ARTICLES) * 4  # ~100 KB of news with quotes


def test_ctrl_c_stops_a_long_batch_and_leaves_things_usable() -> None:
    seen = []

    def progress(done, total):
        seen.append(done)
        if len(seen) == 1:
            _thread.interrupt_main()  # as Ctrl-C: handled at the next poll

    with pytest.raises(KeyboardInterrupt):
        _core.batch([LONG] * 400, tasks=("quotes", "tokens"), n_jobs=2, progress=progress)
    assert len(seen) == 1  # stopped at the next poll: the callback never ran again
    res = _core.batch(WRITTEN, tasks=("quotes",), n_jobs=2)
    assert [r["quotes"] for r in res] == [newstext.quotes(t) for t in WRITTEN]


def test_ctrl_c_from_another_thread_interrupts_corpus_tables() -> None:
    c = Corpus([LONG] * 400, clean=False, n_jobs=2, progress=False)
    timer = threading.Timer(0.05, _thread.interrupt_main)
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            c.quotes()
    finally:
        timer.cancel()
    done = sum("quotes" in d._cache for d in c)
    assert done < len(c)  # stopped early: no partial results were stored
    small = c[:3]
    assert small.quotes().equals(Corpus([LONG] * 3, clean=False).quotes())


def test_pickling_a_corpus_stays_cheap() -> None:
    c = Corpus(ARTICLES, ids=[f"a{i}" for i in range(len(ARTICLES))], n_jobs=2)
    before = len(pickle.dumps(c))
    assert before < sum(len(t.encode()) for t in ARTICLES) + 2_000
    tables(c)
    assert len(pickle.dumps(c)) == before  # computed state is not pickled
    back = pickle.loads(pickle.dumps(c))
    assert back._n_jobs == 2 and back.ids == c.ids
    assert all(d._cache == {} for d in back)
    assert c[2:4]._n_jobs == 2
    pd.testing.assert_frame_equal(back.quotes(), c.quotes())


def test_signal_handlers_run_while_the_workers_work(alarm_interrupts) -> None:
    # a timer every 5 ms: the calling thread runs the handler at each poll
    # (workers block the signal, so it is never lost in them)
    alarm_interrupts(lambda: _core.batch([LONG] * 400, tasks=("quotes",), n_jobs=2), 0.005)
    assert _core.batch(["\u201cSiap,\u201d kata Budi."], tasks=("quotes",))[0]["quotes"][0].speaker == "Budi"
