"""One article with its analyses cached: :class:`Document`.

``Document`` is a thin layer over newstext's functions: it cleans the raw
scrape once (:func:`newstext.clean`), then computes tokens, sentences,
keywords and quotes of the clean body on first use and keeps them.  In a
notebook it displays as the clean article with its metadata on top, quotes
highlighted and labelled with their speakers, and keywords marked.

Pickling keeps the configuration only (text, id, lang, clean), never the
cached results, so documents travel cheaply to worker processes.
"""

from __future__ import annotations

import bisect
import html
from typing import Any, Hashable, Optional

from . import _core

__all__ = ["Document"]

_LANGS = ("auto", "id", "en")
_CLOSING_MARKS = frozenset('"\'\u201d\u201c\u2019\u00bb\u00ab\u201f\u203a')
_META_FIELDS = ("title", "outlet", "date", "time", "dateline", "authors", "editors", "agencies", "url")


def _check_lang(lang: Any) -> str:
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str, not {type(lang).__name__}")
    if lang not in _LANGS:
        raise ValueError(f"lang must be one of {', '.join(map(repr, _LANGS))}, not {lang!r}")
    return lang


def _keywords_key(options: dict):
    """The cache key of ``keywords(**options)`` (lang included), or None when
    an option cannot be hashed.  Sets and lists of words count as frozensets
    and tuples, so ``stopwords={...}`` results are cached too."""
    items = []
    for name, value in sorted(options.items()):
        if isinstance(value, (set, frozenset)):
            value = frozenset(value)
        elif isinstance(value, list):
            value = tuple(value)
        items.append((name, value))
    key = ("keywords", tuple(items))
    try:
        hash(key)
    except TypeError:
        return None
    return key


class Document:
    """A news article and its analyses, computed on first use and cached.

    ``text`` is the raw scrape (a ``str``); ``id`` any hashable label (the
    file name, a database key); ``lang`` ``"auto"``, ``"id"`` or ``"en"``.
    With ``clean=True`` (the default) the analyses run on the clean body
    (:attr:`article` ``.text``); with ``clean=False`` on the text as given.
    Offsets in :attr:`tokens`, :attr:`sentences` and :meth:`quotes` are
    ``str`` indices into :attr:`text`.
    """

    __slots__ = ("_raw", "id", "_lang_opt", "_clean", "_cache")

    def __init__(self, text: str, id: Optional[Hashable] = None, lang: str = "auto", clean: bool = True):
        if not isinstance(text, str):
            raise TypeError(f"Document text must be a str, not {type(text).__name__}")
        if not isinstance(clean, bool):
            raise TypeError(f"clean must be True or False, not {type(clean).__name__}")
        self._raw = text
        self.id = id
        self._lang_opt = _check_lang(lang)
        self._clean = clean
        self._cache: dict = {}

    # -- pickling: configuration, not computed state --------------------
    def __getstate__(self):
        return {"text": self._raw, "id": self.id, "lang": self._lang_opt, "clean": self._clean}

    def __setstate__(self, state):
        self.__init__(state["text"], id=state["id"], lang=state["lang"], clean=state["clean"])

    def __reduce__(self):
        return (Document, (self._raw, self.id, self._lang_opt, self._clean))

    # -- basic properties ------------------------------------------------
    @property
    def raw(self) -> str:
        """The text as given."""
        return self._raw

    @property
    def clean(self) -> bool:
        """Whether analyses run on the clean body (True) or the raw text."""
        return self._clean

    @property
    def lang(self) -> str:
        """``"id"`` or ``"en"``: the language given, or detected from the raw text."""
        if "lang" not in self._cache:
            self._cache["lang"] = _core.detect_lang(self._raw) if self._lang_opt == "auto" else self._lang_opt
        return self._cache["lang"]

    @property
    def article(self):
        """The cleaned article (:func:`newstext.clean`): body, metadata and labelled lines."""
        if "article" not in self._cache:
            self._cache["article"] = _core.clean(self._raw, lang=self.lang)
        return self._cache["article"]

    @property
    def text(self) -> str:
        """The text the analyses run on: the clean body, or the raw text with ``clean=False``."""
        return self.article.text if self._clean else self._raw

    @property
    def tokens(self) -> list:
        """:func:`newstext.tokens` of :attr:`text`."""
        if "tokens" not in self._cache:
            self._cache["tokens"] = _core.tokens(self.text, lang=self.lang)
        return self._cache["tokens"]

    @property
    def sentences(self) -> list:
        """:func:`newstext.sentences` of :attr:`text`."""
        if "sentences" not in self._cache:
            self._cache["sentences"] = _core.sentences(self.text, lang=self.lang)
        return self._cache["sentences"]

    def _count(self, what: str) -> int:
        """``len(self.tokens)`` or ``len(self.sentences)`` ("tokens" or
        "sentences"): from the cached list, else from a count a Corpus batch
        stored (without building the records), else by computing the list."""
        if what in self._cache:
            return len(self._cache[what])
        n = self._cache.get("n_" + what)
        return n if n is not None else len(getattr(self, what))

    def keywords(self, **options) -> list:
        """:func:`newstext.keywords` of :attr:`text`; options as there (``top=``, ``method=``, ...).

        Results are cached per set of options (when the options are hashable).
        """
        options.setdefault("lang", self.lang)
        key = _keywords_key(options)
        if key is None:
            return _core.keywords(self.text, **options)
        if key not in self._cache:
            self._cache[key] = _core.keywords(self.text, **options)
        return self._cache[key]

    def quotes(self) -> list:
        """:func:`newstext.quotes` of :attr:`text`: who said what."""
        if "quotes" not in self._cache:
            self._cache["quotes"] = _core.quotes(self.text, lang=self.lang)
        return self._cache["quotes"]

    def entities(self) -> list:
        """Named-entity mentions of :attr:`text` (:func:`newstext.entities`),
        computed once: ``Entity(text, start, end, canonical, kind)``."""
        if "entities" not in self._cache:
            self._cache["entities"] = _core.entities(self.text, lang=self.lang)
        return self._cache["entities"]

    def metadata(self) -> dict:
        """The article's metadata as a dict (title, outlet, date, ... url), from :attr:`article`."""
        art = self.article
        return {name: getattr(art, name) for name in _META_FIELDS}

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        title = self.article.title if self._clean else None
        head = title if title else self.text[:60].replace("\n", " ")
        if len(head) > 60:
            head = head[:57] + "..."
        return f"Document(id={self.id!r}, lang={self.lang!r}, chars={len(self.text)}, {head!r})"

    # -- display -----------------------------------------------------------
    def keyword_spans(self, top: int = 10) -> list:
        """Where the top keywords occur in :attr:`text`: ``(start, end, phrase)`` tuples.

        A keyword matches a run of adjacent tokens equal to its words
        (case-insensitively, no punctuation between them); overlapping
        matches keep the earlier one.
        """
        kws = self.keywords(top=top)
        toks = self.tokens
        words = [t.text.casefold() for t in toks]
        phrases = {}
        for k in kws:
            parts = tuple(w.casefold() for w in _core.tokenize(k.phrase, lang=self.lang))
            if parts:
                phrases.setdefault(parts[0], []).append((parts, k.phrase))
        spans = []
        last_end = -1
        for i, w in enumerate(words):
            for parts, phrase in sorted(phrases.get(w, ()), key=lambda p: -len(p[0])):
                n = len(parts)
                if tuple(words[i:i + n]) == parts and toks[i].start >= last_end:
                    spans.append((toks[i].start, toks[i + n - 1].end, phrase))
                    last_end = toks[i + n - 1].end
                    break
        return spans

    def _heading_spans(self) -> list:
        """``(start, end)`` of the section headings (lines labelled ``heading``
        by :func:`newstext.clean`) in :attr:`text`; empty with ``clean=False``."""
        if not self._clean:
            return []
        text, spans, pos = self.text, [], 0
        for line in self.article.lines:
            head = line.text.strip() if line.label == "heading" else ""
            at = text.find(head, pos) if head else -1
            # a heading is a paragraph of its own in the clean text
            while at >= 0 and not ((at == 0 or text[at - 1] == "\n") and
                                   (at + len(head) == len(text) or text[at + len(head)] == "\n")):
                at = text.find(head, at + 1)
            if at >= 0:
                spans.append((at, at + len(head)))
                pos = at + len(head)
        return spans

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_html(self, *, keywords: int = 10, other_quotes: bool = False) -> str:
        """The article as HTML: metadata on top, quotes highlighted (direct
        yellow, partial blue) with their speaker's label after the closing
        quote mark (``?`` when no speaker was found), the top ``keywords``
        underlined, section headings in bold.  Quotes of kind ``other``
        (titles, terms) are shown only with ``other_quotes=True``.  All text
        is escaped; the body without the labels is :attr:`text` exactly."""
        esc = html.escape
        text = self.text
        quotes = [q for q in self.quotes() if other_quotes or q.kind != "other"]
        # Open/close events; keyword marks that cross a quote's edge are dropped
        # so the tags nest.
        # A mark crosses when a quote's start or end lies strictly inside it:
        # one binary search in the sorted edges (a scan of every quote per
        # mark was quadratic on a text of many short quotes, issue 7).
        edges = sorted([q.start for q in quotes] + [q.end for q in quotes])

        def crosses(s: int, e: int) -> bool:
            i = bisect.bisect_right(edges, s)
            return i < len(edges) and edges[i] < e

        kspans = [(s, e, p) for s, e, p in (self.keyword_spans(keywords) if keywords else []) if not crosses(s, e)]
        events = []  # (pos, order, html); closes (order 0) before opens (order 1) at the same pos
        for q in quotes:
            who = q.speaker or "unknown speaker"
            tip = f"{who} — {q.cue}" if q.cue else who
            events.append((q.start, 1, 0,
                           f'<mark class="nt-quote nt-{esc(q.kind)}" title="{esc(tip)}">'))
            if q.speaker:
                label = f'<sup class="nt-speaker">{esc(q.speaker)}</sup>'
            elif q.kind != "other":
                label = '<sup class="nt-speaker nt-unknown" title="speaker not found">?</sup>'
            else:
                label = ""
            events.append((q.end, 0, 1, "</mark>"))
            if label:
                # the label goes after the closing quote mark, not between text and mark
                after = q.end + 1 if q.end < len(text) and text[q.end] in _CLOSING_MARKS else q.end
                events.append((after, 0, 2, label))
        for s, e in self._heading_spans():
            if not crosses(s, e):
                events.append((s, 1, -1, '<b class="nt-heading">'))
                events.append((e, 0, 3, "</b>"))
        for s, e, phrase in kspans:
            events.append((s, 1, 1, f'<span class="nt-keyword" title="keyword: {esc(phrase)}">'))
            events.append((e, 0, 0, "</span>"))
        events.sort(key=lambda ev: (ev[0], ev[1], ev[2]))
        body = []
        pos = 0
        for at, _, _, tag in events:
            body.append(esc(text[pos:at]))
            body.append(tag)
            pos = at
        body.append(esc(text[pos:]))

        meta_rows = []
        if self._clean:
            for name, value in self.metadata().items():
                if name == "title" or value in (None, [], ""):
                    continue
                if isinstance(value, list):
                    value = ", ".join(value)
                meta_rows.append(f"<tr><th>{esc(name)}</th><td>{esc(str(value))}</td></tr>")
        title = self.article.title if self._clean else None
        n_q = len([q for q in quotes if q.kind != "other"])
        parts = [
            '<div class="nt-document">',
            "<style>"
            ".nt-document{font-family:Georgia,serif;max-width:46em;line-height:1.5}"
            ".nt-meta{font-family:sans-serif;font-size:85%;border-collapse:collapse;margin-bottom:.6em}"
            # div.… table.… selectors outrank notebook front ends' table styles
            # (JupyterLab right-aligns and stripes tables)
            "div.nt-document table.nt-meta th{text-align:left;color:#666;padding:0 1em 0 0;"
            "font-weight:normal;border:none}"
            "div.nt-document table.nt-meta td{text-align:left;padding:0;border:none}"
            "div.nt-document table.nt-meta tbody tr{background:none}"
            ".nt-body{white-space:pre-wrap}"
            ".nt-quote{background:#fff1b8;padding:0 .1em}"
            ".nt-partial{background:#e6f4ff}"
            ".nt-other{background:#eeeeee}"
            ".nt-speaker{font-family:sans-serif;font-size:70%;background:#7a4b00;color:#fff;"
            "border-radius:.3em;padding:0 .3em;margin-left:.2em;white-space:nowrap}"
            ".nt-unknown{background:#999}"
            ".nt-keyword{border-bottom:2px solid #1a7f37}"
            ".nt-heading{font-family:sans-serif;font-size:95%}"
            "</style>",
        ]
        if title:
            parts.append(f'<h3 class="nt-title">{esc(title)}</h3>')
        ident = f"id {esc(str(self.id))} · " if self.id is not None else ""
        parts.append(f'<div class="nt-info" style="font-family:sans-serif;font-size:80%;color:#666">'
                     f"{ident}lang {esc(self.lang)} · {len(self.sentences)} sentences · "
                     f"{n_q} quotes</div>")
        if meta_rows:
            parts.append('<table class="nt-meta">' + "".join(meta_rows) + "</table>")
        parts.append('<div class="nt-body">' + "".join(body) + "</div>")
        parts.append("</div>")
        return "".join(parts)
