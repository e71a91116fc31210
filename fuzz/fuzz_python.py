"""Atheris harness over newstext's public Python API (issue 7).

    python fuzz/fuzz_python.py -max_total_time=60 fuzz/corpus/python

Input layout as in fuzz/common.h: 4 option bytes, then the text, decoded
from UTF-8 with "surrogatepass" where it can be and with "surrogateescape"
otherwise (so lone surrogates reach the API).  Every public call gets the
text: tokenize, tokens, token_spans, sentences, detect_lang, clean, dates,
keywords (each method, with options from the option bytes), tfidf,
distinctive, quotes, stem (on each word), RootList and Document.  Checks:
``text[x.start:x.end] == x.text`` for every record, records in order,
token_spans agreeing with tokens, clean()'s lines rebuilding the text, no
NaN scores, and only the documented exceptions: ValueError from bad option
values the harness makes on purpose, nothing else.  Run it from a directory
where ``import newstext`` finds the built extension.
"""

from __future__ import annotations

import math
import sys

import atheris

with atheris.instrument_imports():
    import newstext

METHODS = ("yake", "rake", "textrank")
LANGS = ("auto", "id", "en")


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return data.decode("utf-8", "surrogateescape")


def _spans(text: str, recs, ordered: bool = True) -> None:
    prev = 0
    for r in recs:
        assert 0 <= r.start <= r.end <= len(text), r
        assert text[r.start:r.end] == r.text, r
        if ordered:
            assert r.start >= prev, r
            prev = r.end


def check_text_calls(text: str, opt: bytes) -> None:
    lang = LANGS[opt[0] % 3]
    toks = newstext.tokens(text, lang=lang)
    _spans(text, toks)
    assert [t.text for t in toks] == newstext.tokenize(text, lang=lang)
    ts = newstext.token_spans(text, lang=lang)
    assert ts.starts.tolist() == [t.start for t in toks]
    assert ts.ends.tolist() == [t.end for t in toks]
    low = newstext.tokenize(text, lang=lang, lower=True, punct=False)
    assert all(w for w in low)
    sents = newstext.sentences(text, lang=lang)
    _spans(text, sents)
    assert newstext.detect_lang(text) in ("id", "en")

    art = newstext.clean(text, lang=lang)
    _spans(text, art.lines)
    assert "".join(line.text for line in art.lines) == text
    _spans(text, newstext.dates(text))

    qs = newstext.quotes(text, lang=lang)
    _spans(text, qs, ordered=False)
    assert [q.start for q in qs] == sorted(q.start for q in qs)
    for q in qs:
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)

    method = METHODS[opt[1] % 3]
    kws = newstext.keywords(text, method=method, lang=lang, top=1 + opt[2] % 20,
                            max_ngram=1 + opt[3] % 4, digits=bool(opt[1] & 4),
                            cues=bool(opt[1] & 8), stem=bool(opt[1] & 16),
                            window=1 + (opt[1] >> 5) % 4)
    assert [k.rank for k in kws] == list(range(1, len(kws) + 1))
    assert all(not math.isnan(k.score) and k.count >= 1 for k in kws)

    docs = [p for p in text.split("\f")][:8] or [""]
    for lst in newstext.tfidf(docs, lang=lang):
        assert all(math.isfinite(t.score) and 1 <= t.df <= len(docs) for t in lst)
    groups = [i % 2 for i in range(len(docs))]
    for lst in newstext.distinctive(docs, groups, lang=lang, min_count=1).values():
        assert all(math.isfinite(t.score) for t in lst)

    words = text.split()[:50]
    roots = newstext.RootList(w for w in words[::3] if len(w.encode("utf-8", "surrogatepass")) <= 65536)
    for w in words:
        for lg in ("id", "en"):
            assert isinstance(newstext.stem(w, lang=lg), str)
            assert isinstance(newstext.stem(w, lang=lg, roots=roots), str)

    doc = newstext.Document(text, lang=lang)
    assert isinstance(doc.text, str)
    _spans(doc.text, doc.tokens)
    _spans(doc.text, doc.sentences)
    doc.keywords(top=5)
    doc.quotes
    doc.metadata


def check_bad_options(text: str, opt: bytes) -> None:
    # deliberate bad values: a ValueError with a message, nothing else
    bad = opt[0] % 4
    try:
        if bad == 0:
            newstext.keywords(text, max_ngram=0)
        elif bad == 1:
            newstext.keywords(text, method="bm25")
        elif bad == 2:
            newstext.tokens(text, lang="fr")
        else:
            newstext.distinctive([text], ["a"], prior=-1.0)
    except ValueError as exc:
        assert str(exc)
    else:
        raise AssertionError("a bad option was accepted")


def TestOneInput(data: bytes) -> None:
    opt, body = (data[:4] + b"\0\0\0\0")[:4], data[4:]
    text = _text(body)
    check_text_calls(text, opt)
    if opt[3] & 0x80:
        check_bad_options(text, opt)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
