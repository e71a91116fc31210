"""Result records returned by newstext's functions.

They are :class:`typing.NamedTuple` classes: immutable, light, unpackable, and
understood by pandas (``pandas.DataFrame(newstext.tokens(text))`` gives named
columns).  Offsets are ``str`` indices: ``text[r.start:r.end] == r.text``.
"""

from __future__ import annotations

from typing import NamedTuple, Optional

__all__ = ["Token", "Span", "TokenSpans", "Quote"]


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

    ``starts`` and ``ends`` are ``memoryview`` objects of format ``"q"``
    (int64 ``str`` offsets); ``kinds`` has format ``"B"`` (uint8 indices into
    ``newstext.TOKEN_KINDS``).  ``numpy.asarray`` wraps them without copying;
    ``.tolist()`` gives Python lists.
    """

    starts: memoryview
    ends: memoryview
    kinds: memoryview


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
