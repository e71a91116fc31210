"""Type stubs for the newstext C binding (newstext/_core.c)."""

from typing import Literal

from typing import Hashable, Iterable, Sequence

from ._records import Distinctive, Keyword, Quote, Span, TfIdf, Token, TokenSpans

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
def keywords(
    text: str,
    *,
    top: int = 10,
    method: Literal["yake", "rake", "textrank"] = "yake",
    max_ngram: int = 3,
    lang: Lang = "auto",
    stopwords: Iterable[str] | None = None,
    dedup: float = 0.9,
    blacklist: Iterable[str] | None = None,
    min_len: int = 3,
    digits: bool = False,
    cues: bool = False,
    window: int = 1,
    paragraphs: bool | None = None,
    stem: bool = False,
) -> list[Keyword]: ...
def _wordlist(lang: Literal["id", "en"], kind: Literal["stop", "cues", "boilerplate"]) -> tuple[str, ...]: ...
def tfidf(
    texts: Sequence[str],
    *,
    top: int = 10,
    lang: Lang = "auto",
    max_ngram: int = 1,
    min_df: int = 1,
    stopwords: Iterable[str] | None = None,
    blacklist: Iterable[str] | None = None,
    min_len: int = 3,
    digits: bool = False,
) -> list[list[TfIdf]]: ...
def distinctive(
    texts: Sequence[str],
    groups: Sequence[Hashable],
    *,
    top: int = 20,
    lang: Lang = "auto",
    max_ngram: int = 1,
    prior: float = 1.0,
    min_count: int = 2,
    stopwords: Iterable[str] | None = None,
    blacklist: Iterable[str] | None = None,
    min_len: int = 3,
    digits: bool = False,
) -> dict[Hashable, list[Distinctive]]: ...
class RootList:
    """Root words for :func:`stem` (``roots=``), compiled once."""

    def __init__(self, words: Iterable[str]) -> None: ...
    def __len__(self) -> int: ...
    def __contains__(self, word: object) -> bool: ...

def stem(word: str, *, lang: Literal["id", "en"] = "id", roots: Iterable[str] | RootList | None = None) -> str: ...
def quotes(text: str, *, lang: Lang = "auto") -> list[Quote]: ...

# --- cleaning and dates (issue 3) ---
import datetime

from ._records import Article, DateSpan

LINE_LABELS: tuple[str, ...]
"""Line labels of clean(): ("body", "title", "heading", "boilerplate",
"metadata", "caption")."""

def dates(text: str, *, ref: datetime.date | None = None) -> list[DateSpan]: ...
def clean(text: str, *, lang: Lang = "auto") -> Article: ...
