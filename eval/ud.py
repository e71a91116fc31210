#!/usr/bin/env python3
"""Tokenizer and sentence-splitter accuracy on Universal Dependencies (CoNLL 2018 style).

For each treebank in ``../shared/corpus/ud/`` (relative to the repository root)
the raw text is rebuilt from the gold tokens exactly as the CoNLL 2018 shared
task built its inputs (see ``eval/conllu.py``), the *whole* text is given to
``newstext.tokens(text, lang=...)`` and ``newstext.sentences(text, lang=...)`` in
one call each, and the system's character spans are compared with the gold
ones:

* tokens: one gold span per surface token (a multi-word token such as
  ``bukunya`` = ``buku`` + ``nya``, or English ``don't`` = ``do`` + ``n't``,
  counts once);
* sentences: one gold span per sentence, first token start to last token end.

Precision, recall and F1 are over exact ``(start, end)`` matches, as
percentages.  Like the CoNLL 2018 scorer (which indexes non-whitespace
characters only), leading/trailing whitespace inside a system span is ignored.

Normalisation (the only one): for English, newstext splits contractions into
UD words (``do|n't``, ``it|'s``, ``I|'m``).  A CoNLL-U writer prints such words
as one multi-word token, so at the *token* level two adjacent system tokens
(``end == next.start``) are merged into one surface token when the second
one, lowercased, is a contraction piece: n't 's 're 've 'll 'd 'm (with ASCII
``'`` or ``’``).  Nothing else is merged, and nothing is merged for Indonesian.

``--baseline`` adds reference rows from a naive stand-in (a one-line regex
tokenizer and a ``[.!?]`` + space + capital sentence splitter) so the numbers
have a floor to be read against.

Usage (from the repository root)::

    python eval/ud.py                       # newstext, all treebanks
    python eval/ud.py --baseline            # + the naive reference rows
    python eval/ud.py --treebank id_gsd-ud-test --errors 40
    python eval/ud.py --check               # exit 1 if a target is missed

Exit status: 0 when the report is printed (or the corpus is absent: skipped);
1 with ``--check`` when a target is missed; 2 when newstext cannot be imported
and no ``--baseline`` was asked for.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from conllu import Treebank, read_treebank  # noqa: E402

TREEBANKS = [
    ("id_gsd-ud-dev", "id"),
    ("id_gsd-ud-test", "id"),
    ("id_csui-ud-train", "id"),
    ("en_ewt-ud-dev", "en"),
]

# (treebank, "tokens" | "sentences", minimum F1) — checked by --check for newstext
TARGETS = [
    ("id_gsd-ud-dev", "tokens", 99.8),
    ("id_gsd-ud-test", "tokens", 99.8),
    ("id_gsd-ud-test", "sentences", 91.5),
    ("id_csui-ud-train", "sentences", 97.0),
    ("en_ewt-ud-dev", "tokens", 98.5),
]

CONTRACTION_PIECES = frozenset(
    p.replace("'", q)
    for p in ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m")
    for q in ("'", "\u2019")
)

CONTEXT = 30


# --------------------------------------------------------------------------
# systems


class Baseline:
    """Naive reference: a one-regex tokenizer and a punctuation+capital splitter."""

    name = "baseline (naive regex)"
    TOKEN_RE = re.compile(r"\w+(?:[-.,/']\w+)*|[^\w\s]")
    # a sentence ends after . ! ? (and any closing quotes/brackets) when
    # whitespace and an upper-case letter (possibly after an opening quote) follow;
    # a blank line (paragraph break) always ends one.
    BOUNDARY_RE = re.compile(
        r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[^\W\d_a-z])"
        r"|(?=\n\s*\n)"
    )

    def tokens(self, text, lang):
        return [(m.start(), m.end()) for m in self.TOKEN_RE.finditer(text)]

    def sentences(self, text, lang):
        spans = []
        start = 0
        for m in self.BOUNDARY_RE.finditer(text):
            if m.end() > start:
                spans.append((start, m.end()))
                start = m.end()
        spans.append((start, len(text)))
        return trim(spans, text)[0]


class Newstext:
    """The library under test: ``newstext.tokens`` / ``newstext.sentences``."""

    name = "newstext"

    def __init__(self, module):
        self.nt = module
        self.offset_errors = 0  # tokens or sentences where text[start:end] != .text

    def _spans(self, items, text):
        out = []
        for it in items:
            try:
                s, e, t = it.start, it.end, it.text
            except AttributeError:  # plain tuple (text, start, end, ...)
                t, s, e = it[0], it[1], it[2]
            if text[s:e] != t:
                self.offset_errors += 1
            out.append((s, e))
        return out

    def tokens(self, text, lang):
        return self._spans(self.nt.tokens(text, lang=lang), text)

    def sentences(self, text, lang):
        return self._spans(self.nt.sentences(text, lang=lang), text)


def import_newstext():
    """Import newstext: the installed package, else a build inside the repository.

    Returns (module, None) or (None, reason).  A module that imports but has no
    working ``tokens``/``sentences`` (e.g. the source tree without its built
    extension, seen as a namespace package) counts as not importable.
    """

    def attempt():
        sys.modules.pop("newstext", None)
        try:
            import newstext

            newstext.tokens("a b", lang="id")
            newstext.sentences("a b.", lang="id")
            return newstext, None
        except Exception as exc:  # ImportError, AttributeError, a half-built package
            sys.modules.pop("newstext", None)
            return None, f"{type(exc).__name__}: {exc}"

    module, why = attempt()
    if module is not None:
        return module, None
    sys.path.insert(1, str(ROOT))
    module, why2 = attempt()
    if module is not None:
        return module, None
    sys.path.remove(str(ROOT))
    return None, why if why == why2 else f"{why}; from {ROOT}: {why2}"


# --------------------------------------------------------------------------
# scoring


def trim(spans, text):
    """Drop whitespace at the edges of spans, and spans that are only whitespace."""
    out = []
    trimmed = 0
    for s, e in spans:
        s2, e2 = s, e
        while s2 < e2 and text[s2].isspace():
            s2 += 1
        while e2 > s2 and text[e2 - 1].isspace():
            e2 -= 1
        if (s2, e2) != (s, e):
            trimmed += 1
        if e2 > s2:
            out.append((s2, e2))
    return out, trimmed


def merge_contractions(spans, text):
    """English only: merge do|n't, it|'s ... into the surface token UD prints."""
    out = []
    merged = 0
    for s, e in spans:
        if out and out[-1][1] == s and text[s:e].lower() in CONTRACTION_PIECES:
            out[-1] = (out[-1][0], e)
            merged += 1
        else:
            out.append((s, e))
    return out, merged


def prf(gold, system):
    """Precision, recall, F1 (percent) over exact span matches."""
    gset = collections.Counter(gold)
    sset = collections.Counter(system)
    correct = sum((gset & sset).values())
    p = 100.0 * correct / len(system) if system else 0.0
    r = 100.0 * correct / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --------------------------------------------------------------------------
# error reports (for tuning)


def shape(s):
    """Collapse a string to its shape: Aa for letters, 9 for digits, others kept."""
    out = []
    for ch in s:
        if ch.isdigit():
            c = "9"
        elif ch.isalpha():
            c = "A" if ch.isupper() else "a"
        elif ch.isspace():
            c = "_"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def show(text, s, e, marks=()):
    """One line: context, the region in [[...]], context; newlines made visible."""
    left = text[max(0, s - CONTEXT):s]
    mid = text[s:e]
    right = text[e:e + CONTEXT]
    for pos in sorted(marks, reverse=True):
        if s <= pos <= e:
            mid = mid[:pos - s] + "|" + mid[pos - s:]
    return (left + "[[" + mid + "]]" + right).replace("\n", "\u21b5")


def token_error_clusters(gold, system):
    """Group gold-only and system-only spans into overlapping clusters."""
    gset, sset = set(gold), set(system)
    wrong = sorted([(s, e, "g") for s, e in gset - sset] + [(s, e, "s") for s, e in sset - gset])
    clusters = []
    for s, e, who in wrong:
        if clusters and s < clusters[-1]["end"]:
            c = clusters[-1]
            c["end"] = max(c["end"], e)
        else:
            c = {"start": s, "end": e, "g": [], "s": []}
            clusters.append(c)
        c[who].append((s, e))
    return clusters


def _pieces(text, spans):
    """Shapes of a run of tokens, `|`-joined; runs of one repeated shape as `s×n`."""
    shapes = [shape(text[s:e]) for s, e in spans]
    out = []
    for sh in shapes:
        if out and out[-1][0] == sh:
            out[-1][1] += 1
        else:
            out.append([sh, 1])
    return "|".join("|".join([sh] * n) if n < 3 else f"{sh}\u00d7{n}" for sh, n in out) or "-"


def token_category(text, c):
    return f"gold {_pieces(text, c['g'])}  vs  sys {_pieces(text, c['s'])}"


def _listing(text, spans, limit=8):
    shown = " ".join(repr(text[s:e][:40]) for s, e in spans[:limit])
    if len(spans) > limit:
        shown += f" \u2026 ({len(spans)} tokens)"
    return shown or "-"


def sentence_boundary_errors(gold, system, text):
    """Missed and spurious sentence ends (the end offsets of sentences)."""
    gold_ends = {e for _, e in gold}
    sys_ends = {e for _, e in system}
    missed = sorted(gold_ends - sys_ends)
    spurious = sorted(sys_ends - gold_ends)
    return missed, spurious


QUOTE_GLYPHS = "\"\u201c\u201d\u201e\u00ab\u00bb"
TERMINALS = ".!?\u2026"
CLOSERS = "\"'\u201d\u2019)]}\u00bb"


def _next_word(text, pos):
    m = re.match(r"\s*([\"'\u201c\u201d\u2018\u2019(\[]?)(\S*)", text[pos:pos + 80])
    return (m.group(1), m.group(2)) if m else ("", "")


def _before_end(text, pos):
    """The last character before pos that is not a closing quote/bracket, and
    whether closers were skipped."""
    q = pos
    while q > 0 and text[q - 1] in CLOSERS:
        q -= 1
    return (text[q - 1] if q > 0 else ""), q != pos


def classify_extra(text, pos, sent_start):
    """Why the system ended a sentence at pos inside the gold sentence that
    starts at sent_start (a coarse class; read the listed contexts to judge)."""
    inside = text[sent_start:pos]
    if sum(inside.count(q) for q in QUOTE_GLYPHS) % 2 == 1:
        return "inside a quotation"
    last, closed = _before_end(text, pos)
    opener, word = _next_word(text, pos)
    if last in TERMINALS:
        prev = text[sent_start:pos].rstrip(CLOSERS + TERMINALS).split()
        prev = prev[-1] if prev else ""
        if word[:1].isupper() or opener:
            if len(prev) <= 4 and prev.isupper() or prev.endswith("."):
                return "terminal + capital, after an acronym/abbreviation"
            return "terminal + capital (a sentence end the gold merges?)"
        if word[:1].isdigit():
            return "terminal + digit"
        return "terminal + other"
    if last.isalnum():
        return "no punctuation (headline/run-on rule)"
    return f"after {last!r}"


def classify_missed(text, pos):
    """What precedes and follows a gold sentence end the system missed."""
    last, closed = _before_end(text, pos)
    opener, word = _next_word(text, pos)
    if last == ":":
        return "after a colon"
    if last in TERMINALS:
        nxt = word[:1]
        if nxt and not nxt.isupper() and not nxt.islower() and nxt.isalpha():
            return "terminal + uncased letter"
        return "terminal punctuation" + (" + quote" if closed else "")
    if last.isalnum() or closed:
        head = "no punctuation" + (" after a closing quote" if closed else "")
        if opener in "\"\u201c\u201d" and opener:
            return head + ", then an opening quote"
        if len(word) >= 2 and word.rstrip(".,;:").isupper():
            return head + ", then an acronym"
        if word[:1].isupper():
            return head + ", then a capitalised word"
        return head + ", then other"
    return f"after {last!r}"


def ceilings(text, gold, system):
    """F1 if every missed gold end were found (keeping the system's extra ends),
    and, per class of extra end, if those extra ends were right too."""
    gold_ends = {e for _, e in gold}
    sys_ends = {e for _, e in system}
    starts = [s for s, _ in gold]

    def f1_with(ends):
        out, st = [], 0
        for e in sorted(ends):
            out.append((st, e))
            st = e
        return prf(gold, trim(out, text)[0])[2]

    extra = sorted(sys_ends - gold_ends)
    by_class = collections.defaultdict(list)
    for p in extra:
        k = bisect.bisect_right(starts, p) - 1
        by_class[classify_extra(text, p, gold[k][0] if k >= 0 else 0)].append(p)
    all_found = f1_with(gold_ends | sys_ends)
    without = {c: f1_with(gold_ends | (sys_ends - set(ps))) for c, ps in by_class.items()}
    return all_found, by_class, without


def print_sentence_classes(tb, gold_sent, sys_sent, n):
    """Missed and extra sentence ends grouped by class, with context and ceilings."""
    text = tb.text
    missed, spurious = sentence_boundary_errors(gold_sent, sys_sent, text)
    all_found, by_class, without = ceilings(text, gold_sent, sys_sent)
    now = prf(gold_sent, sys_sent)[2]
    print(f"\nsentence F1 {now:.2f}; with every missed end found {all_found:.2f}")
    groups = collections.defaultdict(list)
    for p in missed:
        groups[classify_missed(text, p)].append(p)
    print(f"missed ends by class ({len(missed)}):")
    for cls, ps in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(ps):4d}  {cls}")
        for p in ps[:n]:
            print(f"          @{p}: {show(text, p, p, marks=(p,))}")
    print(f"extra ends by class ({len(spurious)}); F1 if every missed end were found and "
          "the class's extra ends were dropped:")
    for cls, ps in sorted(by_class.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(ps):4d}  {cls}  -> {without[cls]:.2f}")
        for p in ps[:n]:
            print(f"          @{p}: {show(text, p, p, marks=(p,))}")


def print_errors(tb, sys_name, gold_tok, sys_tok, gold_sent, sys_sent, n):
    text = tb.text
    print(f"\n### {tb.name} — {sys_name}: errors\n")
    clusters = token_error_clusters(gold_tok, sys_tok)
    cats = collections.Counter(token_category(text, c) for c in clusters)
    print(f"token disagreement regions: {len(clusters)}; top shapes "
          f"(A upper, a lower, 9 digit; `|` separates tokens):")
    examples = {}
    for c in clusters:
        examples.setdefault(token_category(text, c), c)
    for cat, k in cats.most_common(15):
        c = examples[cat]
        print(f"  {k:4d}  {cat:40s}  e.g. {text[c['start']:c['end']][:40]!r}")
    print()
    for c in clusters[:n]:
        print(f"  tok @{c['start']}: {show(text, c['start'], min(c['end'], c['start'] + 80))}")
        print(f"        gold: {_listing(text, c['g'])}   sys: {_listing(text, c['s'])}")
    print_sentence_classes(tb, gold_sent, sys_sent, n)


# --------------------------------------------------------------------------
# main


def evaluate(tb: Treebank, lang, system, errors=0):
    text = tb.text
    t0 = time.perf_counter()
    raw_tok = system.tokens(text, lang)
    t1 = time.perf_counter()
    raw_sent = system.sentences(text, lang)
    t2 = time.perf_counter()
    notes = []
    sys_tok, trimmed_t = trim(raw_tok, text)
    sys_sent, trimmed_s = trim(raw_sent, text)
    if trimmed_t:
        notes.append(f"{trimmed_t} token spans had whitespace at an edge (trimmed)")
    if trimmed_s:
        notes.append(f"{trimmed_s} sentence spans had whitespace at an edge (trimmed)")
    if lang == "en":
        sys_tok, merged = merge_contractions(sys_tok, text)
        if merged:
            notes.append(f"{merged} contraction pieces merged into their host token")
    tok = prf(tb.tokens, sys_tok)
    sent = prf(tb.sentences, sys_sent)
    if errors:
        print_errors(tb, system.name, tb.tokens, sys_tok, tb.sentences, sys_sent, errors)
    return {
        "treebank": tb.name,
        "lang": lang,
        "system": system.name,
        "tokens": tok,
        "sentences": sent,
        "n_gold_tok": len(tb.tokens),
        "n_sys_tok": len(sys_tok),
        "n_gold_sent": len(tb.sentences),
        "n_sys_sent": len(sys_sent),
        "t_tok": t1 - t0,
        "t_sent": t2 - t1,
        "chars": len(text),
        "notes": notes,
    }


def print_table(rows):
    print("| treebank | lang | system | tokens P | R | F1 | sentences P | R | F1 "
          "| gold tok / sent | time tokens | time sentences |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        tp, tr, tf = r["tokens"]
        sp, sr, sf = r["sentences"]
        print(f"| {r['treebank']} | {r['lang']} | {r['system']} "
              f"| {tp:.2f} | {tr:.2f} | {tf:.2f} | {sp:.2f} | {sr:.2f} | {sf:.2f} "
              f"| {r['n_gold_tok']} / {r['n_gold_sent']} "
              f"| {1000 * r['t_tok']:.1f} ms | {1000 * r['t_sent']:.1f} ms |")


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Token and sentence F1 of newstext on UD treebanks (CoNLL 2018 style).")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="directory with the .conllu files (default: ../shared/corpus/ud "
                         "from the repository root)")
    ap.add_argument("--treebank", action="append", metavar="NAME",
                    help="run only this treebank (repeatable), e.g. id_gsd-ud-test")
    ap.add_argument("--baseline", action="store_true",
                    help="add reference rows from a naive regex tokenizer/splitter")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print up to N token and sentence-boundary errors per treebank")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if newstext misses a target F1")
    args = ap.parse_args(argv)

    corpus = args.corpus or (ROOT / ".." / "shared" / "corpus" / "ud")
    if not corpus.is_dir():
        shown = args.corpus or "../shared/corpus/ud"
        print(f"skipped: {shown} not found")
        return 0

    wanted = TREEBANKS
    if args.treebank:
        known = {n for n, _ in TREEBANKS}
        unknown = [n for n in args.treebank if n not in known]
        if unknown:
            ap.error(f"unknown treebank {', '.join(unknown)}; choose from {', '.join(sorted(known))}")
        wanted = [(n, l) for n, l in TREEBANKS if n in args.treebank]

    systems = []
    module, why = import_newstext()
    if module is not None:
        systems.append(Newstext(module))
    else:
        msg = f"newstext is not importable ({why})"
        if not args.baseline:
            print(f"error: {msg}; build it (pip install -e .) or run with --baseline",
                  file=sys.stderr)
            return 2
        print(f"note: {msg}; baseline only\n")
    if args.baseline:
        systems.append(Baseline())

    rows, recon = [], []
    for name, lang in wanted:
        path = corpus / f"{name}.conllu"
        if not path.is_file():
            print(f"note: {path} not found, skipped")
            continue
        tb = read_treebank(path, name)
        recon.append((tb, lang))
        for system in systems:
            rows.append(evaluate(tb, lang, system, args.errors))

    if args.errors:
        print()
    print_table(rows)
    print()
    for tb, lang in recon:
        mism = len(tb.text_mismatches)
        print(f"- {tb.name}: {len(tb.text):,} chars rebuilt; `# text` checked on "
              f"{tb.text_checked} sentences, {mism} mismatch{'es' if mism != 1 else ''}")
        for sid, got, want in tb.text_mismatches[:3]:
            print(f"    {sid}: rebuilt {got[:80]!r} vs # text {want[:80]!r}")
    for r in rows:
        for note in r["notes"]:
            print(f"- {r['treebank']} / {r['system']}: {note}")
    for s in systems:
        if isinstance(s, Newstext) and s.offset_errors:
            print(f"- newstext: {s.offset_errors} spans with text[start:end] != .text "
                  "(breaks the offset contract)")
    if any(r["lang"] == "en" for r in rows):
        print("- English token scores merge adjacent contraction pieces (n't 's 're 've 'll 'd 'm) "
              "into their host token, as a CoNLL-U writer prints them as one multi-word token.")

    nt_rows = {(r["treebank"]): r for r in rows if r["system"] == Newstext.name}
    missed = []
    for tbname, level, target in TARGETS:
        r = nt_rows.get(tbname)
        if r is None:
            continue
        f1 = r[level][2]
        status = "ok" if round(f1, 2) >= target else "MISSED"
        if status == "MISSED":
            missed.append(tbname)
        print(f"- target {tbname} {level} F1 >= {target}: {f1:.2f} {status}")
    if args.check:
        if module is None:
            print("check: newstext not importable", file=sys.stderr)
            return 1
        if missed:
            print(f"check: {len(missed)} target(s) missed", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
