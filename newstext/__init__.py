"""newstext: fast analysis of scraped news text, Indonesian first and English too.

The text work is done by a C core (``newstext._core``); this package is the
friendly surface.  Every function takes a ``str`` and keyword-only options and
returns plain Python values; offsets are ``str`` indices, so
``text[x.start:x.end] == x.text`` always holds.

>>> import newstext
>>> newstext.tokenize("Presiden Rusia Vladimir Putin tiba pukul 16.00 WIB.")
['Presiden', 'Rusia', 'Vladimir', 'Putin', 'tiba', 'pukul', '16.00', 'WIB', '.']
"""

from ._version import __version__
from ._records import Distinctive, Keyword, Quote, Span, TfIdf, Token, TokenSpans

try:
    from . import _core
except ImportError as exc:  # pragma: no cover - depends on how it was installed
    import os as _os

    _here = _os.path.dirname(_os.path.abspath(__file__))
    if _os.path.exists(_os.path.join(_here, "_core.c")):
        raise ImportError(
            f"newstext's compiled core is missing: Python imported the source tree at {_here}. "
            "Build it in place with `pip install -e .`, or run from another directory so the "
            "installed package is imported."
        ) from exc
    raise

from ._core import (
    CORE_VERSION,
    TOKEN_KINDS,
    UNICODE_VERSION,
    detect_lang,
    distinctive,
    keywords,
    RootList,
    quotes,
    sentences,
    stem,
    tfidf,
    token_spans,
    tokenize,
    tokens,
)

__all__ = [
    "__version__",
    "UNICODE_VERSION",
    "CORE_VERSION",
    "TOKEN_KINDS",
    "Token",
    "Span",
    "TokenSpans",
    "tokenize",
    "tokens",
    "token_spans",
    "sentences",
    "detect_lang",
    "Keyword",
    "keywords",
    "TfIdf",
    "tfidf",
    "Distinctive",
    "distinctive",
    "stem",
    "RootList",
    "STOPWORDS",
    "CUE_WORDS",
    "BOILERPLATE_WORDS",
    "Quote",
    "quotes",
]

#: The compiled-in stop lists used by :func:`keywords`, per language
#: (``newstext.STOPWORDS["id"] | {"pemprov"}`` extends one), the speech cues
#: that never surface as keywords, and the outlet boilerplate words.
STOPWORDS = {lang: frozenset(_core._wordlist(lang, "stop")) for lang in ("id", "en")}
CUE_WORDS = {lang: frozenset(_core._wordlist(lang, "cues")) for lang in ("id", "en")}
BOILERPLATE_WORDS = frozenset(_core._wordlist("id", "boilerplate"))

# --- cleaning and dates (issue 3) ---
from ._core import LINE_LABELS, clean, dates  # noqa: E402
from ._records import Article, DateSpan, Line  # noqa: E402

__all__ += ["DateSpan", "Line", "Article", "LINE_LABELS", "dates", "clean"]

# --- notebook and corpus layer (issue 6) ---
from .document import Document  # noqa: E402
from .corpus import Corpus  # noqa: E402

__all__ += ["Document", "Corpus"]

# --- entities and near-duplicates (issue 6) ---
from ._core import duplicates, entities  # noqa: E402
from ._records import Duplicate, Entity  # noqa: E402

__all__ += ["Duplicate", "duplicates", "Entity", "entities"]
