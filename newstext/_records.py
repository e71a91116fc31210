"""Result records returned by newstext's functions.

They are :class:`typing.NamedTuple` classes: immutable, light, unpackable, and
understood by pandas (``pandas.DataFrame(newstext.tokens(text))`` gives named
columns).  Offsets are ``str`` indices: ``text[r.start:r.end] == r.text``.
"""

from __future__ import annotations

from typing import NamedTuple, Optional

__all__ = ["Token", "Span", "TokenSpans", "Keyword", "TfIdf", "Distinctive", "Quote"]


class Token(NamedTuple):
    """One token: its text, ``str`` offsets and kind.

    ``kind`` is one of ``newstext.TOKEN_KINDS``: ``word``, ``number``,
    ``punct``, ``symbol``, ``url``, ``email``, ``hashtag``, ``mention``,
    ``quote``, ``date``, ``time``.
    """

    text: str
    start: int
    end: int
    kind: str


class Span(NamedTuple):
    """A stretch of text (a sentence) with its ``str`` offsets."""

    text: str
    start: int
    end: int


class TokenSpans(NamedTuple):
    """Token boundaries as three parallel buffers, without per-token objects.

    ``starts`` and ``ends`` are ``memoryview`` objects of ``str`` offsets,
    format ``"i"`` (int32) for texts under 2**31 UTF-8 bytes and ``"q"``
    (int64) from there on; ``kinds`` has format ``"B"`` (uint8 indices into
    ``newstext.TOKEN_KINDS``).  ``numpy.asarray`` wraps them without copying;
    ``.tolist()`` gives Python lists.
    """

    starts: memoryview
    ends: memoryview
    kinds: memoryview


class Keyword(NamedTuple):
    """One keyword or key phrase of an article, from :func:`newstext.keywords`.

    ``phrase`` is its first occurrence as written (words joined by single
    spaces); ``score`` is the method's raw score (YAKE: lower is better, as
    in the ``yake`` package; RAKE and TextRank: higher is better);
    ``count`` is how often the phrase occurs; ``rank`` is its place in the
    list, 1 for the best, whatever the method.
    """

    phrase: str
    score: float
    count: int
    rank: int


class TfIdf(NamedTuple):
    """A term of one text ranked by tf-idf over a collection
    (:func:`newstext.tfidf`): the lower-cased ``term``, its ``score``
    (higher is better), its ``count`` in the text, ``df`` (how many texts
    hold it) and ``rank`` (1 = best)."""

    term: str
    score: float
    count: int
    df: int
    rank: int


class Distinctive(NamedTuple):
    """A term that sets a group of texts apart (:func:`newstext.distinctive`):
    the lower-cased ``term``, its z-score ``score`` (weighted log-odds with an
    informative Dirichlet prior; higher = more typical of the group), its
    ``count`` in the group and ``count_rest`` in the other texts, and
    ``rank`` (1 = most distinctive)."""

    term: str
    score: float
    count: int
    count_rest: int
    rank: int
class Quote(NamedTuple):
    """A quoted span and who said it (``newstext.quotes``).

    ``text``/``start``/``end``: the quoted words without their marks.
    ``speaker``: the canonical name (the longest mention of the same person
    in the text, titles and roles left out), or ``None`` when unknown and
    always for kind ``other``.  ``speaker_start``/``speaker_end``: ``str``
    offsets of the mention the speaker was read from; ``None`` when the
    speaker was carried over (``katanya``, ``dia``, ``he``, a continuation
    paragraph).  ``cue``: the cue word (``kata``, ``ujarnya``,
    ``mengatakan``, ``said``) or ``None``.  ``kind``: ``direct``, ``partial``
    (a fragment inside reported speech) or ``other`` (headings, terms, names,
    scare quotes).  ``unclosed``: ``True`` when the quote marks could not be
    balanced and the quote was recovered up to its paragraph's end (or from
    its start): check such records by eye.
    """

    text: str
    start: int
    end: int
    speaker: Optional[str]
    speaker_start: Optional[int]
    speaker_end: Optional[int]
    cue: Optional[str]
    kind: str
    unclosed: bool = False


# ---------------------------------------------------------------- dates, clean

__all__ += ["DateSpan", "Line", "Article"]


class DateSpan(NamedTuple):
    """A date and/or time expression found by :func:`newstext.dates`.

    ``date`` is a :class:`datetime.date` when day, month and year are known
    (written, or a missing year resolved against ``ref=``), else ``None``;
    ``year``, ``month`` and ``day`` hold what was written (``None`` when not:
    "September 2023" has no day).  ``time`` is ``"HH:MM"`` (24-hour) or
    ``None``; ``zone`` the zone as written (``"WIB"``, ``"ET"``) or ``None``.
    ``weekday`` is 1 (Monday) .. 7 when a day name is written, else ``None``.
    """

    text: str
    start: int
    end: int
    date: "object"
    time: "str | None"
    zone: "str | None"
    year: "int | None"
    month: "int | None"
    day: "int | None"
    weekday: "int | None"


class Line(NamedTuple):
    """One labelled piece of an article (see :func:`newstext.clean`).

    ``label`` is one of ``title``, ``body``, ``heading``, ``boilerplate``,
    ``metadata``, ``caption``.  A piece carries its own line break and any
    blank lines after it, so the pieces, in order, rebuild the input exactly.
    """

    text: str
    start: int
    end: int
    label: str


class Article(NamedTuple):
    """A cleaned article: the body and the metadata found in a news scrape.

    ``text`` is the body (body pieces stripped, one paragraph per piece,
    joined with blank lines); ``date`` a :class:`datetime.date` or ``None``;
    ``time`` ``"HH:MM"`` followed by the zone when one is written
    (``"14:54 WIB"``); ``authors``, ``editors`` and ``agencies`` are lists of
    str; the others str or ``None``; ``lines`` the labelled pieces.
    """

    text: str
    title: "str | None"
    outlet: "str | None"
    date: "object"
    time: "str | None"
    dateline: "str | None"
    authors: list
    editors: list
    agencies: list
    url: "str | None"
    lines: list


# ------------------------------------------------ entities and near-duplicates

__all__ += ["Entity", "Duplicate"]


class Entity(NamedTuple):
    """One mention of a named entity (:func:`newstext.entities`).

    ``text``/``start``/``end``: the name as written at this mention, titles
    and roles left out (``"Putin"`` in "Presiden Putin").  ``canonical``: the
    name the mention was merged under, the longest mention of the same
    entity in the text (``"Vladimir Putin"``).  ``kind``: ``person``,
    ``place`` (written after di/ke/dari, in/at/from) or ``org`` (an
    acronym, an outlet or agency, a name led by an institution word), a
    best guess from the text alone.
    """

    text: str
    start: int
    end: int
    canonical: str
    kind: str


class Duplicate(NamedTuple):
    """A pair of near-duplicate texts (:func:`newstext.duplicates`): their
    indices ``a`` < ``b`` in the input and the exact Jaccard ``similarity``
    of their word-shingle sets."""

    a: int
    b: int
    similarity: float
