#!/usr/bin/env python3
"""Accuracy of newstext.clean on the shared corpus.

1. The five seed scrapes in ``../shared/corpus/seeds/`` against
   ``clean.gold.json`` (1-based line numbers: ``body_lines``,
   ``boilerplate_lines``, ``headings``, ``title_line``, and the metadata
   fields ``outlet, title, date, time, dateline, authors, editors, agencies,
   url``):

   * body-line F1: a line is predicted body when a ``body`` piece starts on
     it (a line shared by a dateline and the lead paragraph counts as body);
   * boilerplate-line F1: predicted ``boilerplate``, ``metadata`` or
     ``caption`` against ``boilerplate_lines``.  Both F1s are computed over
     the lines the gold labels (body, boilerplate, heading or title lines);
     a non-blank line the gold lists nowhere (DW's bare date line) is not
     scored;
   * metadata fields: each of the nine fields per seed is right when it
     equals the gold value; a field the gold leaves empty must come back
     empty.  Outlets compare ignoring case (the gold writes "Kompas.TV"
     where the page writes "KOMPAS.TV"), times on their "HH:MM" (clean adds
     the zone), authors/editors/agencies as sets of exact strings.

2. The PFSA-ID dev articles (``../shared/corpus/pfsa_id/pfsa_id_dev.jsonl``):
   every article that opens with a dateline ("JAKARTA, KOMPAS —", found by
   an independent regular expression here) must give that place as
   ``dateline``; and every "Rabu (13/9/2023)" (found the same way) must be
   found by ``newstext.dates`` with its span and value.

Usage::

    python eval/clean.py            # report
    python eval/clean.py --errors   # also list every wrong line and field
    python eval/clean.py --check    # exit 1 if a target is missed
    python eval/clean.py --peers    # also score jusText on the same lines (if installed)

``--peers`` scores ``justext.justext`` (jusText needs HTML: each line is given as
one ``<p>``, with jusText's Indonesian stop list) with the same line F1s: a line
is body when jusText keeps its paragraph (class ``good``).  jusText extracts no
metadata, so it has no fields row.

Prints "skipped: ..." and exits 0 when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = CORPUS / "seeds"
PFSA = CORPUS / "pfsa_id" / "pfsa_id_dev.jsonl"

TARGETS = {"body_f1": 0.97, "boilerplate_f1": 0.95, "fields": 0.90, "dateline": 1.0}
FIELDS = ["outlet", "title", "date", "time", "dateline", "authors", "editors", "agencies", "url"]
NOT_BODY = {"boilerplate", "metadata", "caption"}
DATELINE = re.compile(r"^([A-Z][A-Z.'\- ]*[A-Z])\s*,\s*KOMPAS\s*[\u2014\u2013-]")


def f1(gold: set, pred: set) -> tuple[float, float, float]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def line_labels(text: str, lines) -> dict[int, set[str]]:
    """1-based line number -> labels of the pieces whose text starts on it."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    out: dict[int, set[str]] = {}
    import bisect
    for piece in lines:
        s = piece.start
        stripped = piece.text.lstrip()
        s += len(piece.text) - len(stripped)
        if not stripped:
            continue
        ln = bisect.bisect_right(starts, s)
        out.setdefault(ln, set()).add(piece.label)
    return out


def field_right(name: str, got, want) -> bool:
    if name == "date":
        got = got.isoformat() if got is not None else None
    if name == "time" and got is not None:
        got = got.split()[0]
    if name in ("authors", "editors", "agencies"):
        return set(got or []) == set(want or [])
    if name == "outlet" and got is not None and want is not None:
        return got.lower() == want.lower()
    return got == want


def eval_seeds(newstext, show_errors: bool) -> dict:
    gold = json.loads((SEEDS / "clean.gold.json").read_text(encoding="utf-8"))
    tot_body_g, tot_body_p, tot_bp_g, tot_bp_p = set(), set(), set(), set()
    right = total = 0
    rows = []
    for name, g in sorted(gold.items()):
        text = (SEEDS / name).read_text(encoding="utf-8")
        art = newstext.clean(text)
        labels = line_labels(text, art.lines)
        scored = set(g["body_lines"]) | set(g["boilerplate_lines"]) | set(g["headings"])
        if g.get("title_line"):
            scored.add(g["title_line"])
        body_p = {ln for ln, ls in labels.items() if "body" in ls and ln in scored}
        bp_p = {ln for ln, ls in labels.items() if ls & NOT_BODY and "body" not in ls and ln in scored}
        body_g, bp_g = set(g["body_lines"]), set(g["boilerplate_lines"])
        tot_body_g |= {(name, x) for x in body_g}
        tot_body_p |= {(name, x) for x in body_p}
        tot_bp_g |= {(name, x) for x in bp_g}
        tot_bp_p |= {(name, x) for x in bp_p}
        fr = 0
        for fld in FIELDS:
            ok = field_right(fld, getattr(art, fld), g[fld])
            fr += ok
            if not ok and show_errors:
                print(f"  {name} field {fld}: got {getattr(art, fld)!r}, gold {g[fld]!r}")
        right += fr
        total += len(FIELDS)
        if show_errors:
            src = text.split("\n")
            for ln in sorted((body_g ^ body_p) | (bp_g ^ bp_p)):
                print(f"  {name}:{ln} gold {'body' if ln in body_g else 'boilerplate' if ln in bp_g else 'other'}"
                      f" got {sorted(labels.get(ln, []))}: {src[ln - 1][:70]!r}")
        rows.append((name, f1(body_g, body_p)[2], f1(bp_g, bp_p)[2], fr))
    return {
        "rows": rows,
        "body": f1(tot_body_g, tot_body_p),
        "boilerplate": f1(tot_bp_g, tot_bp_p),
        "fields": (right, total),
    }


def eval_justext_seeds():
    """Line F1s of jusText on the seeds, or None when it is not installed."""
    try:
        import html
        import justext
    except ImportError:
        return None
    gold = json.loads((SEEDS / "clean.gold.json").read_text(encoding="utf-8"))
    stop = justext.get_stoplist("Indonesian")
    tot = [set(), set(), set(), set()]
    for name, g in sorted(gold.items()):
        lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
        numbered = [(i + 1, ln.strip()) for i, ln in enumerate(lines) if ln.strip()]
        page = "<html><body>" + "".join(f"<p>{html.escape(t)}</p>" for _, t in numbered) + "</body></html>"
        paras = justext.justext(page, stop)
        scored = set(g["body_lines"]) | set(g["boilerplate_lines"]) | set(g["headings"])
        if g.get("title_line"):
            scored.add(g["title_line"])
        k = 0
        for para in paras:
            text = " ".join(para.text.split())
            while k < len(numbered) and " ".join(numbered[k][1].split()) != text:
                k += 1
            if k == len(numbered):
                break
            ln = numbered[k][0]
            k += 1
            if ln not in scored:
                continue
            (tot[1] if not para.is_boilerplate else tot[3]).add((name, ln))
        tot[0] |= {(name, x) for x in g["body_lines"]}
        tot[2] |= {(name, x) for x in g["boilerplate_lines"]}
    return f1(tot[0], tot[1]), f1(tot[2], tot[3])


DAY_DATE = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu) \((\d{1,2})/(\d{1,2})/(\d{4})\)")


def eval_pfsa_dates(newstext, show_errors: bool):
    """Every "Rabu (13/9/2023)" in the PFSA-ID dev texts (found by a regular
    expression here) must come back from newstext.dates with its span and
    value."""
    import datetime
    n = found = 0
    for line in PFSA.open(encoding="utf-8"):
        doc = json.loads(line)
        got = {(d.start, d.end): d.date for d in newstext.dates(doc["text"])}
        for m in DAY_DATE.finditer(doc["text"]):
            try:
                want = datetime.date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
            except ValueError:
                continue
            n += 1
            if got.get((m.start(), m.end())) == want:
                found += 1
            elif show_errors:
                print(f"  {doc['id']}: {m.group(0)!r} not found as {want}")
    return found, n


def eval_pfsa(newstext, show_errors: bool):
    if not PFSA.exists():
        return None
    n = found = 0
    for line in PFSA.open(encoding="utf-8"):
        doc = json.loads(line)
        m = DATELINE.match(doc["text"])
        if not m:
            continue
        n += 1
        got = newstext.clean(doc["text"]).dateline
        if got == m.group(1):
            found += 1
        elif show_errors:
            print(f"  {doc['id']}: dateline {got!r}, expected {m.group(1)!r}")
    return found, n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="list every wrong line and field")
    ap.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    ap.add_argument("--peers", action="store_true", help="also score jusText (if installed)")
    args = ap.parse_args(argv)
    if not (SEEDS / "clean.gold.json").exists():
        print(f"skipped: {SEEDS / 'clean.gold.json'} not found")
        return 0
    try:
        import newstext
    except ImportError as exc:
        print(f"newstext cannot be imported: {exc}", file=sys.stderr)
        return 2
    res = eval_seeds(newstext, args.errors)
    print("| seed | body F1 | boilerplate F1 | fields right |")
    print("|---|---:|---:|---:|")
    for name, bf, pf, fr in res["rows"]:
        print(f"| {name} | {bf:.3f} | {pf:.3f} | {fr}/{len(FIELDS)} |")
    bp, br, bf = res["body"]
    pp, pr, pf = res["boilerplate"]
    right, total = res["fields"]
    print()
    print("| measure (all seeds) | value | target |")
    print("|---|---:|---:|")
    print(f"| body lines P / R / F1 | {bp:.3f} / {br:.3f} / **{bf:.3f}** | F1 >= {TARGETS['body_f1']} |")
    print(f"| boilerplate lines P / R / F1 | {pp:.3f} / {pr:.3f} / **{pf:.3f}** | F1 >= {TARGETS['boilerplate_f1']} |")
    print(f"| metadata fields right | {right}/{total} = **{right / total:.3f}** | >= {TARGETS['fields']} |")
    if args.peers:
        jt = eval_justext_seeds()
        if jt is None:
            print("| jusText body / boilerplate F1 | not installed | |")
        else:
            (jbp, jbr, jbf), (jpp, jpr, jpf) = jt
            print(f"| jusText body lines P / R / F1 | {jbp:.3f} / {jbr:.3f} / {jbf:.3f} | (peer) |")
            print(f"| jusText boilerplate lines P / R / F1 | {jpp:.3f} / {jpr:.3f} / {jpf:.3f} | (peer) |")
    pf_res = eval_pfsa(newstext, args.errors)
    ok = bf >= TARGETS["body_f1"] and pf >= TARGETS["boilerplate_f1"] and right / total >= TARGETS["fields"]
    if pf_res is None:
        print("| PFSA-ID datelines | skipped: corpus absent | |")
    else:
        found, n = pf_res
        rate = found / n if n else 1.0
        print(f"| PFSA-ID dev datelines found | {found}/{n} = **{rate:.3f}** | every one |")
        ok = ok and rate >= TARGETS["dateline"]
        dfound, dn = eval_pfsa_dates(newstext, args.errors)
        print(f"| PFSA-ID dev `Day (d/m/yyyy)` dates found by `dates()` | {dfound}/{dn} | (no target) |")
    if args.check and not ok:
        print("a target was missed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
