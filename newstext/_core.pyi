"""Type stubs for the newstext C binding (newstext/_core.c)."""

from typing import Literal

from ._records import Span, Token, TokenSpans

Lang = Literal["auto", "id", "en"]

UNICODE_VERSION: str
"""Unicode version of the compiled character tables, e.g. "17.0.0"."""
CORE_VERSION: str
"""Version of the C core (csrc/newstext.h NT_VERSION)."""
TOKEN_KINDS: tuple[str, ...]
"""Token kind names, indexed by the codes in ``token_spans(...).kinds``:
("word", "number", "punct", "symbol", "url", "email", "hashtag", "mention",
"quote", "date", "time")."""

def tokens(text: str, *, lang: Lang = "auto") -> list[Token]: ...
def tokenize(
    text: str, *, lang: Lang = "auto", lower: bool = False, punct: bool = True
) -> list[str]: ...
def token_spans(text: str, *, lang: Lang = "auto") -> TokenSpans: ...
def sentences(text: str, *, lang: Lang = "auto") -> list[Span]: ...
def detect_lang(text: str) -> Literal["id", "en"]: ...

# --- cleaning and dates (issue 3) ---
import datetime

from ._records import Article, DateSpan

LINE_LABELS: tuple[str, ...]
"""Line labels of clean(): ("body", "title", "heading", "boilerplate",
"metadata", "caption")."""

def dates(text: str, *, ref: datetime.date | None = None) -> list[DateSpan]: ...
def clean(text: str, *, lang: Lang = "auto") -> Article: ...
