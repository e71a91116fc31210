"""Many articles at once: :class:`Corpus`, with pandas DataFrames out.

A ``Corpus`` is a list of :class:`~newstext.Document` objects with ids.  Its
table methods (:meth:`Corpus.articles`, :meth:`Corpus.keywords`,
:meth:`Corpus.quotes`, ...) return ``pandas.DataFrame`` objects; pandas is
an optional extra (``pip install "newstext[pandas]"``) imported only when
such a method is called, so ``import newstext`` never needs it.

Pickling a corpus pickles its documents' configuration (texts, ids,
options), never cached results.
"""

from __future__ import annotations

import glob
import os
import sys
from typing import Any, Callable, Hashable, Iterable, Iterator, Optional, Sequence, Union

from . import _core
from .document import Document, _check_lang, _keywords_key

__all__ = ["Corpus"]

_PANDAS_HINT = 'this needs pandas: pip install "newstext[pandas]"'


_PLOT_HINT = 'plots need matplotlib and pandas: pip install "newstext[notebook]"'


def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ImportError(f"newstext.Corpus: {_PLOT_HINT}") from exc
    return plt


def _axes(ax):
    if ax is not None:
        return ax
    return _pyplot().subplots()[1]


def _interactive() -> bool:
    """A terminal or a Jupyter kernel is watching (progress bars help)."""
    if "ipykernel" in sys.modules:
        return True
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _pandas():
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(f"newstext.Corpus: {_PANDAS_HINT}") from exc
    return pandas


def _join_groups(n: int, pairs) -> tuple:
    """Connected components of matched pairs (i, j, similarity) over n
    items: (root of each item, the smallest index of its component; best
    similarity of each item, 0.0 when unmatched)."""
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    best = [0.0] * n
    for i, j, sim in pairs:
        best[i] = max(best[i], sim)
        best[j] = max(best[j], sim)
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return [find(i) for i in range(n)], best

def _check_jobs(n_jobs) -> None:
    if n_jobs is None:
        return
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int):
        raise TypeError(f"n_jobs must be an int or None, not {type(n_jobs).__name__}")
    if n_jobs == 0 or n_jobs < -1:
        raise ValueError(f"n_jobs must be >= 1, -1 (every CPU) or None (1), not {n_jobs}")


class _Bar:
    """Moves a tqdm bar over len(docs) steps through the two batch phases
    (clean, then the analyses), weighting each by its number of documents."""

    def __init__(self, bar, n: int):
        self.bar, self.n, self.pos = bar, n, 0

    def to(self, pos: int) -> None:
        pos = min(self.n, max(self.pos, pos))
        if self.bar is not None and pos > self.pos:
            self.bar.update(pos - self.pos)
        self.pos = pos

    def phase(self, share: int, weight: int):
        """A progress callback covering ``share`` more of the bar over ``weight`` documents."""
        if self.bar is None:
            return None
        start = self.pos
        return lambda done, total: self.to(start + (done * share) // max(weight, 1))


def _fill(docs, tasks, n_jobs, keywords, bar=None) -> None:
    """Compute ``tasks`` for the documents that lack them, on C threads
    (:func:`newstext._core.batch`), and store the results in the documents'
    caches exactly where the Document methods would (same functions, same
    arguments, so the same values).  Phase 1 cleans (and settles the
    language of) raw texts; phase 2 analyses :attr:`Document.text`."""
    n_jobs = 1 if n_jobs is None else n_jobs
    progress = _Bar(bar, len(docs))
    p1 = [d for d in docs if "article" not in d._cache and (d._clean or "clean" in tasks)]
    if p1:
        share = len(docs) * len(p1) // (len(p1) + len(docs))
        res = _core.batch([d._raw for d in p1], tasks=("clean",), langs=[d._cache.get("lang", d._lang_opt) for d in p1],
                          n_jobs=n_jobs, progress=progress.phase(share, len(p1)))
        for d, r in zip(p1, res):
            d._cache.setdefault("lang", r["lang"])
            d._cache["article"] = r["article"]
    want = [t for t in ("tokens", "sentences", "quotes", "counts") if t in tasks]
    kw_lang = None if keywords is None else keywords.get("lang")
    kw = None if keywords is None else {k: v for k, v in keywords.items() if k != "lang"}
    groups: dict = {}  # (tasks, lang for keywords or None) -> [(doc, keywords cache key)]
    for d in docs:
        miss = [t for t in want if t not in d._cache]
        if "counts" in miss and all(t in d._cache or "n_" + t in d._cache for t in ("tokens", "sentences")):
            miss.remove("counts")
        key = None
        if kw is not None and "keywords" in tasks:
            key = _keywords_key(dict(kw, lang=kw_lang or d.lang))
            if key is not None and key not in d._cache:
                if kw_lang is None:
                    miss.append("keywords")
                else:  # keywords in another language than the document's: a run of their own
                    groups.setdefault((("keywords",), kw_lang), []).append((d, key))
        if miss:
            groups.setdefault((tuple(miss), None), []).append((d, key))
    work = sum(len(g) for g in groups.values())
    for (group_tasks, lang), members in groups.items():
        share = (len(docs) - progress.pos) * len(members) // work
        res = _core.batch([d.text for d, _ in members], tasks=group_tasks,
                          langs=lang or [d.lang for d, _ in members], n_jobs=n_jobs,
                          keywords=kw if "keywords" in group_tasks else None,
                          progress=progress.phase(share, len(members)))
        work -= len(members)
        for (d, key), r in zip(members, res):
            for t in group_tasks:
                if t == "keywords":
                    d._cache.setdefault(key, r[t])
                elif t == "counts":
                    d._cache.setdefault("n_tokens", r["n_tokens"])
                    d._cache.setdefault("n_sentences", r["n_sentences"])
                else:
                    d._cache.setdefault(t, r[t])
    progress.to(len(docs))


class Corpus:
    """A collection of news articles.

    ``texts`` is a sequence of ``str`` (raw scrapes) or
    :class:`~newstext.Document` objects; ``ids`` optional labels, one per
    text (default: 0, 1, 2, ...; a Document keeps its own id when it has
    one).  ``lang`` and ``clean`` are passed to each new Document.
    ``progress``: ``"auto"`` shows a tqdm progress bar while a table is
    computed over 200 or more documents, when tqdm is installed and a
    terminal or notebook is watching; ``True`` always (tqdm required),
    ``False`` never.
    ``n_jobs``: C threads the tables run on (``None`` or 1: one worker
    thread; -1: every usable CPU).  The work runs with the GIL released,
    fills each Document's cache (so the results are those of the Document
    methods, whatever ``n_jobs``), and stops promptly on Ctrl-C.

    >>> c = Corpus(["Presiden tiba di Jakarta.", "The minister said no."], ids=["a", "b"])
    >>> len(c), c[1].id
    (2, 'b')
    """

    def __init__(self, texts: Iterable[Union[str, Document]], ids: Optional[Sequence[Hashable]] = None,
                 lang: str = "auto", clean: bool = True, progress: Union[bool, str] = "auto",
                 n_jobs: Optional[int] = None):
        _check_jobs(n_jobs)
        if progress not in (True, False, "auto"):
            raise ValueError(f"progress must be True, False or 'auto', not {progress!r}")
        if isinstance(texts, (str, bytes)):
            raise TypeError("Corpus needs a sequence of texts, not a single str; wrap it in a list")
        _check_lang(lang)
        texts = list(texts)
        if ids is not None:
            ids = list(ids)
            if len(ids) != len(texts):
                raise ValueError(f"got {len(ids)} ids for {len(texts)} texts")
        docs = []
        for i, t in enumerate(texts):
            doc_id = ids[i] if ids is not None else None
            if isinstance(t, Document):
                if doc_id is not None and doc_id != t.id:
                    t = Document(t.raw, id=doc_id, lang=t._lang_opt, clean=t.clean)
                elif t.id is None:
                    t = Document(t.raw, id=i, lang=t._lang_opt, clean=t.clean)
                docs.append(t)
            elif isinstance(t, str):
                docs.append(Document(t, id=i if doc_id is None else doc_id, lang=lang, clean=clean))
            else:
                raise TypeError(f"Corpus texts must be str or Document, not {type(t).__name__} (item {i})")
        self._docs = docs
        self._lang = lang
        self._clean = clean
        self._progress_opt = progress
        self._n_jobs = n_jobs
        self._index = None

    def _tqdm(self):
        """tqdm's class when a bar should be shown, else None."""
        opt = self._progress_opt
        if opt is False or (opt == "auto" and (len(self._docs) < 200 or not _interactive())):
            return None
        try:
            from tqdm.auto import tqdm
        except ImportError:
            if opt is True:
                raise ImportError('newstext.Corpus: progress bars need tqdm: pip install "newstext[notebook]"') from None
            return None
        return tqdm

    def _progress(self, desc: str, *tasks: str, keywords: Optional[dict] = None):
        """The documents, with ``tasks`` ("clean", "tokens", "sentences",
        "quotes", "keywords" with ``keywords`` options) computed first on C
        threads into their caches (:func:`_fill`), a progress bar drawn
        meanwhile.  Without tasks, a bar over the iteration."""
        docs = self._docs
        tqdm = self._tqdm()
        if not tasks:
            return docs if tqdm is None else tqdm(docs, desc=f"newstext {desc}", unit="doc")
        bar = None if tqdm is None else tqdm(total=len(docs), desc=f"newstext {desc}", unit="doc")
        try:
            _fill(docs, tasks, self._n_jobs, keywords, bar)
        finally:
            if bar is not None:
                bar.close()
        return docs

    # -- constructors ------------------------------------------------------
    @classmethod
    def from_files(cls, pattern: Union[str, os.PathLike, Sequence], lang: str = "auto", clean: bool = True,
                   encoding: str = "utf-8", progress: Union[bool, str] = "auto",
                   n_jobs: Optional[int] = None) -> "Corpus":
        """Read articles from files: a folder (its ``*.txt`` files), a glob
        pattern (``"scrapes/**/*.txt"``, recursive) or a list of paths.
        Files are read in sorted order; ids are the file names without
        ``.txt`` (the paths, when two names clash).  Undecodable bytes are
        kept as lone surrogates (``errors="surrogateescape"``), never dropped."""
        if isinstance(pattern, (str, os.PathLike)):
            pattern = os.fspath(pattern)
            if os.path.isdir(pattern):
                paths = sorted(glob.glob(os.path.join(glob.escape(pattern), "*.txt")))
            else:
                paths = sorted(glob.glob(pattern, recursive=True))
                if not paths and not glob.has_magic(pattern):
                    raise FileNotFoundError(f"no such file or folder: {pattern!r}")
        else:
            paths = [os.fspath(p) for p in pattern]
        paths = [p for p in paths if os.path.isfile(p)]
        names = [os.path.basename(p) for p in paths]
        names = [n[:-4] if n.endswith(".txt") else n for n in names]
        ids = names if len(set(names)) == len(names) else paths
        texts = []
        for p in paths:
            with open(p, encoding=encoding, errors="surrogateescape") as f:
                texts.append(f.read())
        return cls(texts, ids=ids, lang=lang, clean=clean, progress=progress, n_jobs=n_jobs)

    @classmethod
    def from_frame(cls, df: Any, text: str = "text", id: Optional[str] = None, lang: str = "auto",
                   clean: bool = True, progress: Union[bool, str] = "auto", n_jobs: Optional[int] = None) -> "Corpus":
        """Articles from a pandas DataFrame: the ``text`` column holds the
        raw texts; ids come from the ``id`` column, or the frame's index."""
        if text not in df.columns:
            raise KeyError(f"no column {text!r} in the frame (columns: {list(df.columns)})")
        if id is not None and id not in df.columns:
            raise KeyError(f"no column {id!r} in the frame (columns: {list(df.columns)})")
        ids = list(df[id]) if id is not None else list(df.index)
        return cls(list(df[text]), ids=ids, lang=lang, clean=clean, progress=progress, n_jobs=n_jobs)

    # -- container protocol ----------------------------------------------
    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._docs)

    def __getitem__(self, key):
        """``corpus[i]`` (position), ``corpus[a:b]`` (a Corpus), ``corpus["id"]`` (by id)."""
        if isinstance(key, slice):
            sub = Corpus.__new__(Corpus)
            sub._docs = self._docs[key]
            sub._lang, sub._clean, sub._index = self._lang, self._clean, None
            sub._progress_opt = self._progress_opt
            sub._n_jobs = self._n_jobs
            return sub
        if isinstance(key, int) and not isinstance(key, bool):
            return self._docs[key]
        if self._index is None:
            self._index = {}
            for d in self._docs:
                self._index.setdefault(d.id, d)
        try:
            return self._index[key]
        except (KeyError, TypeError):
            raise KeyError(f"no document with id {key!r}") from None

    @property
    def ids(self) -> list:
        """The documents' ids, in order."""
        return [d.id for d in self._docs]

    def __repr__(self) -> str:
        shown = ", ".join(repr(i) for i in self.ids[:5]) + (", ..." if len(self) > 5 else "")
        return f"Corpus({len(self)} documents: {shown})"

    def __getstate__(self):
        return {"docs": self._docs, "lang": self._lang, "clean": self._clean, "progress": self._progress_opt,
                "n_jobs": self._n_jobs}

    def __setstate__(self, state):
        self._docs = state["docs"]
        self._lang = state["lang"]
        self._clean = state["clean"]
        self._progress_opt = state.get("progress", "auto")
        self._n_jobs = state.get("n_jobs")
        self._index = None

    # -- scale-out ---------------------------------------------------------
    def to_bag(self, npartitions: Optional[int] = None, texts: bool = False):
        """A ``dask.bag`` of the documents (or, with ``texts=True``, of their raw
        texts) for Dask workers.  Documents pickle as configuration (text, id,
        options), so they travel cheaply and compute on the worker; e.g.
        ``bag.map_partitions(lambda docs: [Corpus(docs).quotes()]).compute()``
        gives one quotes table per partition.  ``npartitions`` defaults to
        about 100 documents per partition.  Needs the ``dask`` extra."""
        try:
            import dask.bag as db
        except ImportError as exc:
            raise ImportError('newstext.Corpus.to_bag needs dask: pip install "newstext[dask]"') from exc
        items = [d.raw for d in self._docs] if texts else list(self._docs)
        if npartitions is None:
            npartitions = max(1, min(len(items), -(-len(items) // 100)))
        return db.from_sequence(items, npartitions=npartitions)

    # -- tables --------------------------------------------------------------
    def articles(self):
        """One row per article: ``doc_id``, ``lang``, the metadata of
        :func:`newstext.clean` (title, outlet, date, time, dateline,
        authors, editors, agencies, url) and counts of characters,
        sentences, tokens and quotes (direct and partial) of the text."""
        pd = _pandas()
        rows = []
        for d in self._progress("articles", "clean", "counts", "quotes"):
            row = {"doc_id": d.id, "lang": d.lang}
            row.update(d.metadata())
            row["chars"] = len(d.text)
            row["sentences"] = d._count("sentences")
            row["tokens"] = d._count("tokens")
            row["quotes"] = sum(1 for q in d.quotes() if q.kind != "other")
            rows.append(row)
        cols = ["doc_id", "lang", "title", "outlet", "date", "time", "dateline", "authors", "editors",
                "agencies", "url", "chars", "sentences", "tokens", "quotes"]
        return pd.DataFrame(rows, columns=cols)

    def keywords(self, top: int = 10, method: str = "yake", **options):
        """Keywords per article, one row each: ``doc_id``, ``rank``, ``phrase``,
        ``score``, ``count``.  ``method`` is one of :func:`newstext.keywords`'
        (``"yake"``, ``"rake"``, ``"textrank"``) or ``"tfidf"``: terms
        weighted against the whole corpus (:func:`newstext.tfidf`), which adds
        a ``df`` column (in how many articles the term occurs)."""
        pd = _pandas()
        rows = []
        if method == "tfidf":
            options.setdefault("lang", self._lang)
            self._progress("keywords", "clean")
            per_doc = _core.tfidf([d.text for d in self._docs], top=top, **options)
            for d, terms in zip(self._docs, per_doc):
                for t in terms:
                    rows.append((d.id, t.rank, t.term, t.score, t.count, t.df))
            return pd.DataFrame(rows, columns=["doc_id", "rank", "phrase", "score", "count", "df"])
        for d in self._progress("keywords", "keywords", keywords=dict(top=top, method=method, **options)):
            for k in d.keywords(top=top, method=method, **options):
                rows.append((d.id, k.rank, k.phrase, k.score, k.count))
        return pd.DataFrame(rows, columns=["doc_id", "rank", "phrase", "score", "count"])

    def _labels(self, by) -> list:
        if callable(by):
            return [by(d) for d in self._docs]
        if isinstance(by, str):
            if by == "lang":
                return [d.lang for d in self._docs]
            if by == "id":
                return [d.id for d in self._docs]
            fields = ("title", "outlet", "date", "time", "dateline", "url")
            if by not in fields:
                raise ValueError(f"by= must be a metadata field ({', '.join(fields)}, lang, id), "
                                 f"a sequence of labels or a function; got {by!r}")
            return [d.metadata()[by] for d in self._docs]
        labels = list(by)
        if len(labels) != len(self._docs):
            raise ValueError(f"by= has {len(labels)} labels for {len(self._docs)} documents")
        return labels

    def distinctive(self, by: Union[str, Sequence[Hashable], Callable[[Document], Hashable]] = "outlet",
                    top: int = 20, **options):
        """Terms that set each group of articles apart (:func:`newstext.distinctive`):
        ``group``, ``rank``, ``term``, ``score``, ``count``, ``count_rest``.
        ``by`` is a metadata field (``"outlet"``, ``"lang"``, ...), one label
        per document, or a function of a Document."""
        pd = _pandas()
        self._progress("distinctive", "clean")
        labels = self._labels(by)
        options.setdefault("lang", self._lang)
        result = _core.distinctive([d.text for d in self._docs], labels, top=top, **options)
        rows = [(g, t.rank, t.term, t.score, t.count, t.count_rest) for g, terms in result.items() for t in terms]
        return pd.DataFrame(rows, columns=["group", "rank", "term", "score", "count", "count_rest"])

    def quotes(self, kinds: Optional[Iterable[str]] = None):
        """Every quote of every article: ``doc_id``, ``speaker``, ``text``,
        ``cue``, ``kind``, ``start``, ``end``, ``unclosed`` (offsets into the
        document's :attr:`~newstext.Document.text`).  ``kinds`` keeps only
        those kinds (e.g. ``{"direct", "partial"}``)."""
        pd = _pandas()
        keep = None if kinds is None else set([kinds] if isinstance(kinds, str) else kinds)
        rows = []
        for d in self._progress("quotes", "quotes"):
            for q in d.quotes():
                if keep is None or q.kind in keep:
                    rows.append((d.id, q.speaker, q.text, q.cue, q.kind, q.start, q.end, q.unclosed))
        return pd.DataFrame(rows, columns=["doc_id", "speaker", "text", "cue", "kind", "start", "end", "unclosed"])

    def speakers(self):
        """Who is quoted how often and where: ``speaker``, ``quotes`` (direct
        and partial quotes), ``docs`` (in how many articles), ``doc_ids``;
        most quoted first."""
        pd = _pandas()
        counts: dict = {}
        where: dict = {}
        for d in self._progress("speakers", "quotes"):
            for q in d.quotes():
                if q.speaker is None or q.kind == "other":
                    continue
                counts[q.speaker] = counts.get(q.speaker, 0) + 1
                seen = where.setdefault(q.speaker, [])
                if d.id not in seen:
                    seen.append(d.id)
        rows = [(s, n, len(where[s]), where[s]) for s, n in counts.items()]
        rows.sort(key=lambda r: (-r[1], -r[2], r[0]))
        return pd.DataFrame(rows, columns=["speaker", "quotes", "docs", "doc_ids"])

    def kwic(self, term: str, window: int = 5, case: bool = False):
        """Keyword in context (like NLTK's concordance): each occurrence of
        ``term`` (one or more words, matched token by token,
        case-insensitively unless ``case=True``) with ``window`` tokens of
        context: ``doc_id``, ``start``, ``end``, ``left``, ``match``, ``right``
        (context taken from the text as written)."""
        if not isinstance(term, str):
            raise TypeError(f"term must be a str, not {type(term).__name__}")
        if isinstance(window, bool) or not isinstance(window, int):
            raise TypeError(f"window must be an int, not {type(window).__name__}")
        if window < 0:
            raise ValueError(f"window must be >= 0, not {window}")
        pd = _pandas()
        parts = [t.text for t in _core.tokens(term)]
        if not parts:
            raise ValueError("term has no tokens")
        norm = (lambda s: s) if case else str.casefold
        parts = [norm(p) for p in parts]
        n = len(parts)
        rows = []
        for d in self._progress("kwic", "tokens"):
            toks = d.tokens
            text = d.text
            words = [norm(t.text) for t in toks]
            for i in range(len(toks) - n + 1):
                if words[i] == parts[0] and words[i:i + n] == parts:
                    s, e = toks[i].start, toks[i + n - 1].end
                    lo = toks[max(0, i - window)].start if window else s
                    hi = toks[min(len(toks), i + n + window) - 1].end if window else e
                    left = " ".join(text[lo:s].split())
                    right = " ".join(text[e:hi].split())
                    rows.append((d.id, s, e, left, text[s:e], right))
        return pd.DataFrame(rows, columns=["doc_id", "start", "end", "left", "match", "right"])

    # -- plots (matplotlib Axes) -------------------------------------------
    def plot_speakers(self, top: int = 10, ax=None):
        """Horizontal bars: the ``top`` most quoted speakers (direct and
        partial quotes), most quoted at the top.  Returns the matplotlib ``Axes``."""
        _pyplot()
        s = self.speakers().head(top)
        ax = _axes(ax)
        ax.barh(list(s.speaker)[::-1], list(s.quotes)[::-1], color="#7a4b00")
        ax.set_xlabel("quotes")
        ax.set_title(f"Most quoted speakers ({len(self)} articles)")
        ax.xaxis.get_major_locator().set_params(integer=True)
        return ax

    def plot_keywords(self, by="outlet", top: int = 5, ax=None):
        """Horizontal bars: the ``top`` most distinctive terms of each group
        (:meth:`distinctive`, z-score), one colour per group (``by`` as in
        :meth:`distinctive`).  Returns the matplotlib ``Axes``."""
        _pyplot()
        d = self.distinctive(by=by, top=top)
        ax = _axes(ax)
        groups = list(dict.fromkeys(d.group))
        colours = [f"C{i % 10}" for i in range(len(groups))]
        labels, values, cols = [], [], []
        for gi, g in enumerate(groups):
            rows = d[d.group.isna()] if g is None or g != g else d[d.group == g]
            for r in rows.itertuples():
                labels.append(f"{r.term}  ({'?' if g is None or g != g else g})")
                values.append(r.score)
                cols.append(colours[gi])
        ax.barh(range(len(labels))[::-1], values, color=cols)
        ax.set_yticks(range(len(labels))[::-1])
        ax.set_yticklabels(labels)
        ax.set_xlabel("distinctiveness (z-score)")
        ax.set_title(f"Distinctive terms by {by if isinstance(by, str) else 'group'}")
        return ax

    def plot_quotes_over_time(self, freq: str = "D", ax=None):
        """Bars: direct and partial quotes per period (``freq`` a pandas
        period alias: ``"D"`` day, ``"W"`` week, ``"M"`` month) by the
        articles' dates; undated articles are left out.  Returns the Axes."""
        _pyplot()
        pd = _pandas()
        a = self.articles()
        a = a[a.date.notna()]
        ax = _axes(ax)
        if len(a):
            period = pd.to_datetime(a.date).dt.to_period(freq)
            counts = a.groupby(period)["quotes"].sum().sort_index()
            ax.bar([str(p) for p in counts.index], list(counts), color="#1a7f37")
            ax.tick_params(axis="x", labelrotation=45)
        ax.set_ylabel("quotes")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_title("Quotes over time")
        return ax

    # -- the same quote in several articles -----------------------------------
    def shared_quotes(self, threshold: float = 0.6, min_words: int = 5,
                      kinds: Iterable[str] = ("direct", "partial")):
        """Quotes carried by more than one article, matched fuzzily.

        Two quotes from different documents match when the sets of their
        lower-cased words (:func:`newstext.tokenize`, punctuation left out)
        overlap by at least ``threshold`` (Jaccard: shared words / all
        words), so a changed word ("Rusia-DPRK" / "Rusia-RRDK") or a
        trimmed clause still matches; quotes with fewer than ``min_words``
        distinct words are left out.  Matches are joined into groups.
        Columns: ``group`` (0, 1, ...; largest group first), ``doc_id``,
        ``speaker``, ``text``, ``start``, ``end``, ``similarity`` (the best
        overlap with another member of the group).  The word sets and the
        join are computed in C (:func:`newstext.duplicates` with
        ``shingle=1, exact=True``: a prefix-filter join, candidates only
        among quotes sharing a rare word, every match verified exactly), so
        the cost grows with how many quotes share rare words, not with all
        pairs."""
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
            raise TypeError(f"threshold must be a number, not {type(threshold).__name__}")
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        if isinstance(min_words, bool) or not isinstance(min_words, int):
            raise TypeError(f"min_words must be an int, not {type(min_words).__name__}")
        pd = _pandas()
        keep = set([kinds] if isinstance(kinds, str) else kinds)
        items = []  # (doc index, doc, quote, word set)
        for di, d in enumerate(self._progress("shared_quotes", "quotes")):
            for q in d.quotes():
                if q.kind in keep:
                    items.append((di, d, q))
        # the word sets and their exact similarity join are in C
        # (csrc/similar.c, nt_simindex_join): one-word shingles, pairs of
        # quotes from different documents only
        pairs = _core.duplicates([q.text for _, _, q in items], threshold=threshold, shingle=1, exact=True,
                                 groups=[di for di, _, _ in items], min_shingles=max(min_words, 1),
                                 lang=[d.lang for _, d, _ in items])
        root, best = _join_groups(len(items), pairs)
        groups: dict = {}
        for i in range(len(items)):
            if best[i] > 0.0:
                groups.setdefault(root[i], []).append(i)
        ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0]))
        rows = []
        for gi, members in enumerate(ordered):
            for i in members:
                _, d, q = items[i]
                rows.append((gi, d.id, q.speaker, q.text, q.start, q.end, best[i]))
        return pd.DataFrame(rows, columns=["group", "doc_id", "speaker", "text", "start", "end", "similarity"])

    # ------------------------------------------- entities and near-duplicates

    def entities(self):
        """Named entities per article, aliases merged within each article
        (Putin / Presiden Putin / Vladimir Putin -> ``Vladimir Putin``):
        ``doc_id``, ``entity`` (the canonical name), ``kind`` (``person``,
        ``org``, ``place``), ``mentions`` (how many), ``first`` (``str``
        offset of the first mention in the document's text), ``aliases``
        (the distinct forms written, in order of appearance); in document
        order, then by first mention."""
        pd = _pandas()
        rows = []
        for d in self._progress("entities"):
            seen: dict = {}
            for e in d.entities():
                r = seen.get(e.canonical)
                if r is None:
                    seen[e.canonical] = [d.id, e.canonical, e.kind, 1, e.start, [e.text]]
                else:
                    r[3] += 1
                    if e.text not in r[5]:
                        r[5].append(e.text)
            rows.extend(seen.values())
        return pd.DataFrame(rows, columns=["doc_id", "entity", "kind", "mentions", "first", "aliases"])

    def duplicates(self, threshold: float = 0.8, shingle: int = 3, num_perm: int = 128, seed: int = 1):
        """Near-duplicate articles (:func:`newstext.duplicates` on each
        document's :attr:`~newstext.Document.text`, the clean body when the
        corpus cleans): ``doc_id_a``, ``doc_id_b``, ``similarity`` (exact
        Jaccard of the word-shingle sets, >= ``threshold``) and ``group``
        (0, 1, ...: pairs joined into groups of mutual copies, in order of
        their first document).  MinHash with LSH banding in C: the cost is
        about linear in the corpus."""
        pd = _pandas()
        texts = [d.text for d in self._progress("duplicates")]
        lang = self._lang if self._lang != "auto" else "auto"
        pairs = _core.duplicates(texts, threshold=threshold, shingle=shingle, num_perm=num_perm,
                                 seed=seed, lang=lang)
        root, _ = _join_groups(len(texts), pairs)
        numbers: dict = {}
        rows = []
        for p in pairs:
            g = numbers.setdefault(root[p.a], len(numbers))
            rows.append((self._docs[p.a].id, self._docs[p.b].id, p.similarity, g))
        return pd.DataFrame(rows, columns=["doc_id_a", "doc_id_b", "similarity", "group"])
