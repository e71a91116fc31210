#!/usr/bin/env python3
"""Stemming accuracy on ../shared/corpus/ud/stem_gold_*.tsv, against Snowball.

    python eval/stem.py

Each gold file lists (form, root lemma, upos, count) from a UD Indonesian
treebank.  Accuracy is count-weighted, lower-cased exact match of the stem
with the lemma, leaving out punctuation, numbers, symbols, proper nouns and
forms without a letter (the issue's protocol).  Contenders, in this one run:

* newstext.stem(word, lang="id") — no dictionary;
* newstext.stem(word, lang="id", roots=R) — R = the lemmas of the *CSUI
  train* file (so the GSD dev/test figures use a root list from another
  treebank; the CSUI row with its own lemmas is an upper bound, marked);
* Snowball Indonesian (PyStemmer, else snowballstemmer, whichever is
  installed).

Prints "skipped: ..." and exits 0 when ../shared is absent.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
UD = REPO_ROOT.parent / "shared" / "corpus" / "ud"
EXCLUDED = {"PUNCT", "NUM", "SYM", "PROPN", "X"}


def load(path):
    with open(path, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t")]
    return [
        (r["form"], r["lemma"].lower(), int(r["count"]))
        for r in rows
        if r["upos"] not in EXCLUDED and any(c.isalpha() for c in r["form"])
    ]


def snowball():
    try:
        import Stemmer  # PyStemmer

        s = Stemmer.Stemmer("indonesian")
        return "Snowball Indonesian (PyStemmer)", s.stemWord
    except ImportError:
        pass
    try:
        import snowballstemmer

        s = snowballstemmer.stemmer("indonesian")
        return "Snowball Indonesian (snowballstemmer)", s.stemWord
    except ImportError:
        return None, None


def main():
    files = sorted(UD.glob("stem_gold_*.tsv")) if UD.exists() else []
    if not files:
        print(f"skipped: {UD}/stem_gold_*.tsv not found")
        return 0
    import newstext

    train = UD / "stem_gold_id_csui_train.tsv"
    roots = newstext.RootList({lemma for _, lemma, _ in load(train)}) if train.exists() else None
    sb_name, sb = snowball()
    contenders = [("newstext.stem (no dictionary)", lambda w: newstext.stem(w, lang="id"))]
    if roots is not None:
        contenders.append(("newstext.stem (roots = CSUI-train lemmas)", lambda w: newstext.stem(w, lang="id", roots=roots)))
    if sb is not None:
        contenders.append((sb_name, lambda w: sb(w.lower())))
    else:
        print("note: neither PyStemmer nor snowballstemmer is installed: no Snowball row")

    print("| gold file | tokens | " + " | ".join(n for n, _ in contenders) + " | newstext - Snowball |")
    print("|---|---:|" + "---:|" * len(contenders) + "---:|")
    worst_gap = None
    for f in files:
        rows = load(f)
        total = sum(c for _, _, c in rows)
        accs = []
        for _, fn in contenders:
            accs.append(sum(c for form, lemma, c in rows if fn(form) == lemma) / total)
        gap = (accs[0] - accs[-1]) * 100 if sb is not None else float("nan")
        cells = []
        for (name, _), a in zip(contenders, accs):
            mark = " (own lemmas: upper bound)" if "roots" in name and f == train else ""
            cells.append(f"{100 * a:.2f}%{mark}")
        print(f"| {f.name} | {total:,} | " + " | ".join(cells) + f" | {gap:+.1f} pts |")
        if sb is not None and f != train:
            worst_gap = gap if worst_gap is None else min(worst_gap, gap)
    if worst_gap is not None:
        print(f"\nTarget: >= +5 points over Snowball without a dictionary on the held-out GSD files: "
              f"smallest gap {worst_gap:+.1f} pts -> {'met' if worst_gap >= 5 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
