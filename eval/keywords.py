#!/usr/bin/env python3
"""Keywords on the shared corpus: newstext.keywords next to the yake package.

    python eval/keywords.py                # seeds + PFSA-ID dev + UD English, summary
    python eval/keywords.py --show 10      # also list the first 10 PFSA-ID articles
    python eval/keywords.py --show 0 --no-seeds

It ends with what clean=True changes on the seeds: top-10 keywords found on
no line of article text (per the seeds' clean gold), with and without it.

For each seed article (and the first --show PFSA-ID dev articles) it prints
the top 10 of newstext.keywords beside the top 10 of yake 0.4.8, then parity
figures:

* identical top 10: same phrases in the same order;
* mean overlap: |ours & yake's| / 10, phrases compared lower-cased;
* comparable documents (the two tokenisations agree, see tests/yake_parity.py)
  and, on those, identical top 10 and the largest score difference.

yake gets the same stop list as newstext (newstext.STOPWORDS | CUE_WORDS |
BOILERPLATE_WORDS).  English is checked with the defaults (parity mode);
Indonesian differs by design (no English plural fold, a blank line ends a
sentence), so it is reported twice: with the defaults and with
paragraphs=False (closer to yake).  Prints "skipped: ..." and exits 0 when
../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared" / "corpus"
SEEDS = SHARED / "seeds"
PFSA = SHARED / "pfsa_id" / "pfsa_id_dev.jsonl"
UD_EN = SHARED / "ud" / "en_ewt-ud-dev.conllu"
EXAMPLES = REPO_ROOT / "examples" / "articles"

sys.path.insert(0, str(REPO_ROOT / "tests"))


def side_by_side(title, ours, theirs):
    print(f"\n## {title}\n")
    print(f"| # | newstext | score | yake 0.4.8 | score |")
    print("|---:|---|---:|---|---:|")
    for i in range(max(len(ours), len(theirs))):
        a = ours[i] if i < len(ours) else None
        b = theirs[i] if i < len(theirs) else None
        mark = "" if a and b and a.phrase == b[0] else " *"
        left = f"{a.phrase}{mark} | {a.score:.4f}" if a else " | "
        right = f"{b[0]} | {b[1]:.4f}" if b else " | "
        print(f"| {i + 1} | {left} | {right} |")


def figures(name, docs, lang, ext, **kw):
    import newstext
    from yake_parity import our_view, yake_view, cue_inside

    n = len(docs)
    identical = overlap = comparable = comp_identical = 0
    maxdiff = 0.0
    for d in docs:
        ours = newstext.keywords(d, lang=lang, top=10, **kw)
        theirs = ext.extract_keywords(d)
        a = [k.phrase for k in ours]
        b = [p for p, _ in theirs]
        identical += a == b
        overlap += len({x.lower() for x in a} & {x.lower() for x in b}) / 10
        if lang == "en" and our_view(d, lang) == yake_view(d, lang) and not cue_inside(b, lang):
            comparable += 1
            comp_identical += a == b
            if a == b:
                maxdiff = max([maxdiff] + [abs(k.score - s) for k, (_, s) in zip(ours, theirs)])
    opts = ", ".join(f"{k}={v!r}" for k, v in kw.items()) or "defaults"
    comp = f"{comp_identical}/{comparable}" if lang == "en" else "-"
    md = f"{maxdiff:.1e}" if lang == "en" and comparable else "-"
    print(f"| {name} | {lang} | {opts} | {n} | {identical}/{n} ({100 * identical / n:.1f}%) | "
          f"{100 * overlap / n:.1f}% | {comp} | {md} |")


def seeds_clean_option(seeds, pfsa):
    """What clean=True changes: top-10 keywords of each seed that occur on no
    line the seeds' clean gold counts as article text (title, headings,
    body), with and without the option; then the top-10 overlap on PFSA-ID."""
    import newstext

    gold_path = SEEDS / "clean.gold.json"
    if not seeds or not gold_path.exists():
        return
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    print("\n## clean=True on the seeds (top 10, defaults)\n")
    print("| seed | from boilerplate, clean=False | from boilerplate, clean=True | gone with clean=True |")
    print("|---|---:|---:|---|")
    tot = [0, 0]
    for p in seeds:
        g = gold.get(p.name)
        if g is None:
            continue
        text = p.read_text(encoding="utf-8")
        lines = text.split("\n")
        keep = set(g["body_lines"]) | set(g["headings"]) | ({g["title_line"]} if g.get("title_line") else set())
        content = [newstext.tokenize(lines[i - 1], lang="id", lower=True) for i in sorted(keep) if i <= len(lines)]

        def in_content(phrase):
            w = newstext.tokenize(phrase, lang="id", lower=True)
            return any(toks[i:i + len(w)] == w for toks in content for i in range(len(toks) - len(w) + 1))

        raw = [k.phrase for k in newstext.keywords(text, lang="id")]
        clean = [k.phrase for k in newstext.keywords(text, lang="id", clean=True)]
        bad_raw = [k for k in raw if not in_content(k)]
        bad_clean = [k for k in clean if not in_content(k)]
        tot[0] += len(bad_raw)
        tot[1] += len(bad_clean)
        print(f"| {p.name} | {len(bad_raw)} | {len(bad_clean)} | {' · '.join(bad_raw) or '-'} |")
    print(f"| all | {tot[0]} | {tot[1]} | |")
    if pfsa:
        from collections import Counter

        same = overlap = 0
        gone = Counter()
        for r in pfsa:
            a = [k.phrase for k in newstext.keywords(r["text"], lang="id")]
            b = [k.phrase for k in newstext.keywords(r["text"], lang="id", clean=True)]
            same += a == b
            overlap += len(set(a) & set(b)) / 10
            gone.update(set(a) - set(b))
        n = len(pfsa)
        print(f"\nPFSA-ID dev ({n} articles, already without page chrome): clean=True gives the same "
              f"top 10 for {same}/{n}, mean overlap {100 * overlap / n:.1f}%; the {sum(gone.values())} "
              f"phrases it drops are mostly the dateline's words: "
              + ", ".join(f"{p} ({c})" for p, c in gone.most_common(6)) + ".")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, default=3, help="list the first N PFSA-ID articles")
    ap.add_argument("--no-seeds", action="store_true")
    args = ap.parse_args(argv)
    if not SHARED.exists():
        print(f"skipped: {SHARED} not found")
        return 0
    import newstext

    try:
        import yake
        from yake_parity import extractor, ud_documents
    except ImportError:
        print("skipped: the yake package is not installed (pip install yake==0.4.8)")
        return 0
    ext_id, ext_en = extractor("id"), extractor("en")

    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []
    if not args.no_seeds:
        for p in seeds:
            t = p.read_text(encoding="utf-8")
            side_by_side(f"seed {p.name}", newstext.keywords(t, lang="id"), ext_id.extract_keywords(t))
    pfsa = []
    if PFSA.exists():
        with open(PFSA, encoding="utf-8") as f:
            pfsa = [json.loads(line) for line in f if line.strip()]
        for rec in pfsa[: args.show]:
            t = rec["text"]
            side_by_side(f"PFSA-ID {rec['id']}", newstext.keywords(t, lang="id"), ext_id.extract_keywords(t))

    print("\n## Parity with yake 0.4.8 (same stop list)\n")
    print("| documents | lang | newstext options | n | identical top 10 | mean overlap@10 "
          "| comparable: identical | max score diff |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    en_examples = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("en_*.txt"))]
    from keyword_texts import EN_NEWS

    figures("English news written for the tests", EN_NEWS, "en", ext_en)
    if en_examples:
        figures("examples/articles/en_*", en_examples, "en", ext_en)
    if UD_EN.exists():
        figures("UD EWT dev documents (>= 60 words)", ud_documents(UD_EN), "en", ext_en)
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    if texts:
        figures("seeds", texts, "id", ext_id)
        figures("seeds", texts, "id", ext_id, paragraphs=False)
    if pfsa:
        docs = [r["text"] for r in pfsa]
        figures("PFSA-ID dev", docs, "id", ext_id)
        figures("PFSA-ID dev", docs, "id", ext_id, paragraphs=False)
    print("\nComparable: both tokenisations cut the text into the same sentences and words "
          "(runs of ASCII punctuation normalised) and yake's list has no phrase with a speech "
          "cue inside; on those, newstext must reproduce yake exactly.  Not computed for "
          "Indonesian, where newstext differs by design (no English plural fold).")
    seeds_clean_option(seeds, pfsa)
    return 0


if __name__ == "__main__":
    sys.exit(main())
