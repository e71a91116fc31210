"""Helpers to compare newstext.keywords with the yake package (0.4.8).

Used by tests/test_keywords_parity.py and eval/keywords.py.  ``our_view``
restates in Python how csrc/keywords.c cuts a text into sentences and words
(so the comparison can tell a tokenisation difference from a scoring
difference); ``yake_view`` asks the yake package for its own cut.  Both are
normalised the same way: a run of tokens made only of ASCII punctuation
becomes one "<P>" marker (such tokens only end a phrase; how segtok splits
"!!!" or ",\"" does not change any score).
"""

from __future__ import annotations

import string

import newstext

WORD_KINDS = {"word", "number", "url", "email", "hashtag", "mention", "date", "time"}
_EXCLUDE = set(string.punctuation)


def parity_stopwords(lang: str = "en") -> set[str]:
    """The stop set newstext uses by default, to hand to yake."""
    return set(newstext.STOPWORDS[lang] | newstext.CUE_WORDS[lang] | newstext.BOILERPLATE_WORDS)


def extractor(lang: str = "en", top: int = 10):
    import yake

    return yake.KeywordExtractor(lan=lang, n=3, dedupLim=0.9, top=top, stopwords=parity_stopwords(lang))


def _ref_line_break(text: str, a: int, b: int) -> bool:
    if b >= len(text) or not ("A" <= text[b] <= "Z"):
        return False
    x = b
    while x > a:
        x -= 1
        if text[x] == "\n" and text[x + 1 : x + 2] != "\t":
            break
        if x == a:
            return False
    if x < a or text[x] != "\n" or x == 0:
        return False
    c = text[x - 1]
    if c == "\t" and x >= 2 and text[x - 2] == "\n":
        return False
    return not c.isspace()


def _ends_terminal(toks, i: int) -> bool:
    for _ in range(4):
        t = toks[i]
        if t.kind == "punct":
            if t.text[-1] in ".!?\u2026":
                return True
            if t.text not in (")", "]"):
                return False
        elif t.kind != "quote":
            return t.kind == "word" and t.text.endswith(".")
        if i == 0:
            return False
        i -= 1
    return False


def our_view(text: str, lang: str = "en", paragraphs: bool = False) -> list[list[str]]:
    toks = newstext.tokens(text, lang=lang)
    sents = newstext.sentences(text, lang=lang)
    out: list[list[str]] = []
    si = 0
    cur = None
    i = 0
    while i < len(toks):
        t = toks[i]
        split = False
        while si < len(sents) and t.start >= sents[si].end:
            si += 1
            split = True
        if cur is None:
            new = True
        else:
            pe = toks[i - 1].end
            if paragraphs:
                new = split or _ref_line_break(text, pe, t.start)
            elif "\n" in text[pe : t.start]:
                new = (split and _ends_terminal(toks, i - 1)) or _ref_line_break(text, pe, t.start)
            else:
                new = split
        if new:
            cur = []
            out.append(cur)
        if t.kind not in WORD_KINDS:
            cur.append(t.text)
            i += 1
            continue
        if len(t.text) > 1 and t.text[0] in "'\u2019":
            i += 1
            continue
        j = i
        while (
            j + 2 < len(toks)
            and toks[j + 1].text == "-"
            and toks[j + 1].start == toks[j].end
            and toks[j + 2].start == toks[j + 1].end
            and toks[j].kind in ("word", "number")
            and toks[j + 2].kind in ("word", "number")
            and (si >= len(sents) or toks[j + 2].start < sents[si].end)
        ):
            j += 2
        cur.append(text[t.start : toks[j].end])
        i = j + 1
    return normalise(out)


def yake_view(text: str, lang: str = "en") -> list[list[str]]:
    from yake.datarepresentation import DataCore

    dc = DataCore(text=text.replace("\n\t", " "), stopword_set=parity_stopwords(lang), windowsSize=1, n=3)
    return normalise(dc.sentences_str)


def normalise(view):
    out = []
    for s in view:
        r = []
        for t in s:
            if all(c in _EXCLUDE for c in t):
                if not r or r[-1] != "<P>":
                    r.append("<P>")
            else:
                r.append(t)
        out.append(r)
    return out


def cue_inside(phrases, lang: str = "en") -> bool:
    """Does a phrase hold a speech cue or boilerplate word between its first
    and last words?  newstext never returns such a phrase (a deliberate
    difference); yake may."""
    cues = newstext.CUE_WORDS[lang] | newstext.BOILERPLATE_WORDS
    for p in phrases:
        words = p.lower().split()
        if any(w in cues or (lang == "en" and len(w) > 3 and w.endswith("s") and w[:-1] in cues) for w in words[1:-1]):
            return True
    return False


def compare(text: str, ext, lang: str = "en"):
    """(identical top list, comparable, max |score difference| over the
    common prefix of identical phrases, ours, theirs).  Comparable: the
    tokenisations agree and yake's list has no phrase with a cue inside."""
    ours = newstext.keywords(text, lang=lang, top=ext.top)
    theirs = ext.extract_keywords(text)
    same = [k.phrase for k in ours] == [p for p, _ in theirs]
    diff = 0.0
    for k, (p, s) in zip(ours, theirs):
        if k.phrase != p:
            break
        diff = max(diff, abs(k.score - s))
    agrees = our_view(text, lang) == yake_view(text, lang) and not cue_inside([p for p, _ in theirs], lang)
    return same, agrees, diff, ours, theirs


def ud_documents(path, min_words: int = 60):
    """The documents of a CoNLL-U file (``# newdoc`` boundaries) as text, one
    sentence per line, keeping those of at least min_words words."""
    docs, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newdoc"):
                if cur:
                    docs.append("\n".join(cur))
                cur = []
            elif line.startswith("# text = "):
                cur.append(line[9:].rstrip("\n"))
    if cur:
        docs.append("\n".join(cur))
    return [d for d in docs if len(d.split()) >= min_words]
