#!/usr/bin/env python3
"""Before/after diff of sentence boundaries on real news (PFSA-ID dev + seeds).

A rule that raises a treebank score can still cut or join real articles
wrongly.  This script records where ``newstext.sentences`` ends sentences in
the 257 PFSA-ID Kompas articles (``../shared/corpus/pfsa_id/pfsa_id_dev.jsonl``)
and the five scraped seeds (``../shared/corpus/seeds/*.txt``), and compares a
later run with that record: every sentence end added or removed is listed
with its context, so each changed split can be read and judged.

Usage (from the repository root)::

    python eval/sentence_diff.py --save /tmp/before.json   # with the old build
    python eval/sentence_diff.py --against /tmp/before.json [--show 200]

Exit status 0 (also when the shared corpus is absent: skipped).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from ud import import_newstext  # noqa: E402

CONTEXT = 45


def documents(shared):
    """(doc id, text) for the PFSA-ID dev articles and the seeds."""
    pfsa = shared / "corpus" / "pfsa_id" / "pfsa_id_dev.jsonl"
    if pfsa.is_file():
        with open(pfsa, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                yield d["id"], d["text"]
    seeds = shared / "corpus" / "seeds"
    if seeds.is_dir():
        for p in sorted(seeds.glob("*.txt")):
            yield "seed/" + p.name, p.read_text(encoding="utf-8")


def ends(nt, text, lang):
    """Sentence end offsets (whitespace at a span's edge ignored)."""
    out = []
    for s in nt.sentences(text, lang=lang):
        e = s.end
        while e > s.start and text[e - 1].isspace():
            e -= 1
        out.append(e)
    return out


def show(text, pos):
    return (text[max(0, pos - CONTEXT):pos] + " ‖ " + text[pos:pos + CONTEXT]).replace("\n", "↵")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    ap.add_argument("--lang", default="id")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path, help="write the sentence ends to this JSON file")
    g.add_argument("--against", type=Path, help="compare with ends saved earlier")
    ap.add_argument("--show", type=int, default=100, help="list up to N changes of each kind")
    args = ap.parse_args(argv)

    docs = list(documents(args.shared))
    if not docs:
        print("skipped: no PFSA-ID or seed articles under", args.shared)
        return 0
    nt, why = import_newstext()
    if nt is None:
        print(f"error: newstext is not importable ({why})", file=sys.stderr)
        return 2
    now = {d: ends(nt, t, args.lang) for d, t in docs}
    n_sent = sum(len(v) for v in now.values())
    if args.save:
        args.save.write_text(json.dumps(now), encoding="utf-8")
        print(f"saved {n_sent} sentence ends of {len(docs)} documents to {args.save}")
        return 0
    before = json.loads(args.against.read_text(encoding="utf-8"))
    texts = dict(docs)
    added, removed = [], []
    for d, e in now.items():
        old = set(before.get(d, []))
        new = set(e)
        added += [(d, p) for p in sorted(new - old)]
        removed += [(d, p) for p in sorted(old - new)]
    n_before = sum(len(v) for v in before.values())
    print(f"{len(docs)} documents: {n_before} -> {n_sent} sentences; "
          f"{len(added)} ends added, {len(removed)} removed")
    for label, items in (("added", added), ("removed", removed)):
        for d, p in items[:args.show]:
            print(f"  {label:7s} {d} @{p}: {show(texts[d], p)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head
        sys.exit(0)
