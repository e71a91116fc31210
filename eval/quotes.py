#!/usr/bin/env python3
"""Quote extraction accuracy (who said what) against gold annotations.

Three sets, each scored for newstext and for a naive regex baseline:

* seeds: the five scraped Indonesian articles in ``../shared/corpus/seeds``
  with their complete gold (``quotes.gold.jsonl``: every quoted span, speaker
  with aliases, kind ``direct``/``partial``/``other``);
* PFSA-ID dev: 257 Kompas articles, ``../shared/corpus/pfsa_id/
  pfsa_id_dev.quotes.jsonl`` (public figures' statements only, so precision
  there is pessimistic; speakers are scored where ``linked`` is ``post`` or
  ``carry``);
* English: articles written for this project with hand-made gold, in
  ``eval/data/en_quotes*.txt`` + ``eval/data/en_quotes.gold.jsonl`` (always
  present: it ships with the repository).

Matching (quotes.md): a predicted and a gold quote match when their shared
characters are >= 0.8 of *both* spans (strict) or >= 0.3 of the gold span
(lenient); one-to-one, best overlap first.  A speaker is right when it names
the same person as the gold speaker: after lower-casing and dropping
punctuation, one name's words occur contiguously in the other's (``Putin`` =
``Vladimir Putin``), for the gold speaker or any of its aliases; a gold speaker
that is a bare title (PFSA-ID ``Presiden``) also matches a name the same
article writes right after that title (``Presiden Joko Widodo``).  Speaker and
kind accuracy are over strictly matched gold quotes.

Usage (from the repository root)::

    python eval/quotes.py            # all sets, newstext (also clean=True) + baseline
    python eval/quotes.py --errors 30 --set seeds
    python eval/quotes.py --check    # exit 1 when a target is missed

Exit status 0 (report printed, or a shared corpus absent: that set is
skipped); 1 with --check when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT / ".." / "shared" / "corpus"
DATA = HERE / "data"

TARGETS = {
    "seeds": {"strict_f1": 0.97, "speaker": 0.95, "kind": 0.90, "other_as_speech": 0},
    "pfsa": {"recall": 0.98, "speaker_post": 0.95, "speaker_carry": 0.90},
}

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def words(name):
    return [w.lower() for w in _WORD.findall(name or "")]


def contiguous(a, b):
    if not a or not b:
        return False
    if len(a) > len(b):
        a, b = b, a
    return any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))


def load_titles():
    titles = set()
    for line in (ROOT / "csrc" / "data" / "titles.txt").read_text(encoding="utf-8").splitlines():
        line = line.split(" #")[0].strip()
        if line and not line.startswith("#"):
            titles.add(line.lower())
    return titles


TITLES = load_titles()


def untitled(ws):
    """Drop title words (Irjen, Presiden, Prof) unless nothing else is left."""
    rest = [w for w in ws if w not in TITLES]
    return rest or ws


def same_speaker(pred, gold, aliases=(), doc_text=""):
    if pred is None or gold is None:
        return False
    p = untitled(words(pred))
    for g in [gold, *aliases]:
        if contiguous(p, untitled(words(g))):
            return True
    gw = words(gold)
    if len(gw) == 1 and gw[0] in TITLES and doc_text:
        # a bare title: does the article write "<Title> <pred>"?
        pat = re.escape(gold) + r"\s+(?:[\w'’.-]+\s+){0,3}?" + re.escape(pred.split()[0])
        if re.search(pat, doc_text):
            return True
    return False


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def match(preds, golds, strict=True):
    """One-to-one matching: list of (gold index, pred index)."""
    cands = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            ov = overlap(g["start"], g["end"], p["start"], p["end"])
            if ov <= 0:
                continue
            glen, plen = g["end"] - g["start"], p["end"] - p["start"]
            if strict:
                ok = ov >= 0.8 * glen and ov >= 0.8 * plen
            else:
                ok = ov >= 0.3 * glen
            if ok:
                cands.append((ov / max(glen, plen), gi, pi))
    cands.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


# ------------------------------------------------------------------ systems

def newstext_system(text, lang="auto"):
    import newstext

    return [q._asdict() for q in newstext.quotes(text, lang=lang)]


def newstext_clean_system(text, lang="auto"):
    import newstext

    return [q._asdict() for q in newstext.quotes(text, lang=lang, clean=True)]


def _cue_words():
    out = []
    for line in (ROOT / "csrc" / "data" / "quote_cue_post.txt").read_text(encoding="utf-8").splitlines():
        line = line.split(" #")[0].strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


_CUES = "|".join(sorted(_cue_words(), key=len, reverse=True))
_NAIVE_Q = re.compile(r'["“”]([^"“”\n]+)["“”]')
_NAIVE_CUE = re.compile(r"\s*,?\s*(?:" + _CUES + r")(?:nya)?\b\s*((?:[A-Z][\w'’.-]*\s?){0,4})")


def naive_system(text, lang="auto"):
    """The obvious regex: pair marks left to right, take "cue Name" after the
    closing mark, otherwise carry the last quoted speaker."""
    out, last = [], None
    for m in _NAIVE_Q.finditer(text):
        after = _NAIVE_CUE.match(text, m.end())
        speaker = None
        if after:
            name = after.group(1).strip()
            speaker = name or last
        else:
            speaker = last
        if speaker:
            last = speaker
        out.append(dict(text=m.group(1), start=m.start(1), end=m.end(1), speaker=speaker,
                        kind="direct", cue=None))
    return out


SYSTEMS = {"newstext": newstext_system, "newstext clean=True": newstext_clean_system,
           "naive regex": naive_system}

# -------------------------------------------------------------------- sets


def strip_span(text, g):
    """Gold spans without surrounding spaces (the systems trim them too)."""
    a, b = g["start"], g["end"]
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    g = dict(g)
    g["start"], g["end"] = a, b
    return g


def load_seeds():
    d = SHARED / "seeds"
    gold = d / "quotes.gold.jsonl"
    if not gold.exists():
        return None
    docs = defaultdict(list)
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            docs[r["doc"]].append(r)
    texts = {}
    for p in sorted(d.glob("*.txt")):
        texts[p.name] = p.read_text(encoding="utf-8")
    return texts, docs


def load_pfsa():
    d = SHARED / "pfsa_id"
    gold = d / "pfsa_id_dev.quotes.jsonl"
    src = d / "pfsa_id_dev.jsonl"
    if not gold.exists() or not src.exists():
        return None
    texts = {}
    for line in src.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            texts[r["id"]] = r["text"]
    docs = defaultdict(list)
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            docs[r["doc"]].append(r)
    return texts, docs


def load_english():
    gold = DATA / "en_quotes.gold.jsonl"
    if not gold.exists():
        return None
    docs = defaultdict(list)
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            docs[r["doc"]].append(r)
    texts = {name: (DATA / name).read_text(encoding="utf-8") for name in docs}
    return texts, docs


# ------------------------------------------------------------------ scoring

def score(system, texts, docs, lang, speaker_filter=None, errors=None):
    tp_s = tp_l = n_pred = n_gold = 0
    spk_ok = defaultdict(int)
    spk_n = defaultdict(int)
    kind_ok = kind_n = other_as_speech = 0
    for doc, text in texts.items():
        golds = [strip_span(text, g) for g in docs.get(doc, [])]
        preds = system(text, lang)
        n_pred += len(preds)
        n_gold += len(golds)
        strict = match(preds, golds, strict=True)
        tp_s += len(strict)
        tp_l += len(match(preds, golds, strict=False))
        matched = {gi for gi, _ in strict}
        for gi, pi in strict:
            g, p = golds[gi], preds[pi]
            gkind = g.get("kind")
            if gkind is not None:
                kind_n += 1
                kind_ok += p["kind"] == gkind
                if gkind == "other" and p["kind"] != "other":
                    other_as_speech += 1
                    if errors is not None:
                        errors.append((doc, "other as speech", g["text"][:70], p["kind"], p["speaker"]))
            bucket = speaker_filter(g) if speaker_filter else ("all" if gkind != "other" else None)
            if bucket is None:
                continue
            ok = same_speaker(p["speaker"], g["speaker"], g.get("speaker_aliases", ()), text)
            spk_n[bucket] += 1
            spk_ok[bucket] += ok
            if not ok and errors is not None:
                errors.append((doc, f"speaker[{bucket}]", g["text"][:70], g["speaker"], p["speaker"]))
        if errors is not None:
            for gi, g in enumerate(golds):
                if gi not in matched:
                    errors.append((doc, "missed", g["text"][:70], g.get("speaker"), None))
    res = {
        "gold": n_gold,
        "pred": n_pred,
        "P": tp_s / n_pred if n_pred else 0.0,
        "R": tp_s / n_gold if n_gold else 0.0,
        "R_lenient": tp_l / n_gold if n_gold else 0.0,
        "P_lenient": tp_l / n_pred if n_pred else 0.0,
        "kind": kind_ok / kind_n if kind_n else None,
        "other_as_speech": other_as_speech,
    }
    res["F1"] = 2 * res["P"] * res["R"] / (res["P"] + res["R"]) if res["P"] + res["R"] else 0.0
    res["F1_lenient"] = (2 * res["P_lenient"] * res["R_lenient"] / (res["P_lenient"] + res["R_lenient"])
                         if res["P_lenient"] + res["R_lenient"] else 0.0)
    for b in spk_n:
        res["speaker_" + b] = spk_ok[b] / spk_n[b]
        res["n_speaker_" + b] = spk_n[b]
    return res


def seeds_boilerplate_quotes():
    """Quotes that start on a line the seeds' clean gold does not count as
    article text (title, headings, body), with and without clean=True."""
    import newstext

    gold_path = SHARED / "seeds" / "clean.gold.json"
    if not gold_path.exists():
        return
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    print("\n## seeds: quotes found on lines that are not article text (clean.gold.json)")
    print("| article | quotes | from boilerplate | quotes clean=True | from boilerplate clean=True |")
    print("|---|---:|---:|---:|---:|")
    tot = [0, 0, 0, 0]
    for name, g in sorted(gold.items()):
        text = (SHARED / "seeds" / name).read_text(encoding="utf-8")
        content = set(g["body_lines"]) | set(g["headings"]) | ({g["title_line"]} if g.get("title_line") else set())
        starts, pos = [], 0
        for line in text.split("\n"):
            starts.append(pos)
            pos += len(line) + 1

        def line_of(i):
            lo, hi = 0, len(starts)
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (mid, hi) if starts[mid] <= i else (lo, mid)
            return lo + 1

        row = []
        for clean in (False, True):
            qs = newstext.quotes(text, lang="id", clean=clean)
            row += [len(qs), sum(line_of(q.start) not in content for q in qs)]
        tot = [a + b for a, b in zip(tot, row)]
        print(f"| {name} | " + " | ".join(map(str, row)) + " |")
    print("| all | " + " | ".join(map(str, tot)) + " |")


def pct(x):
    return "   -  " if x is None else f"{100 * x:6.1f}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=["seeds", "pfsa", "en"], action="append")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors per set (newstext)")
    ap.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = ap.parse_args(argv)
    sets = args.set or ["seeds", "pfsa", "en"]
    failed = []

    def report(name, loaded, lang, speaker_filter, keys, targets=None):
        if loaded is None:
            print(f"skipped: {name}: gold not found")
            return
        texts, docs = loaded
        print(f"\n## {name}: {len(texts)} articles, {sum(len(v) for v in docs.values())} gold quotes")
        hdr = "| system | P | R | F1 | F1 (lenient) | R (lenient) | " + " | ".join(k for k, _ in keys) + " |"
        print(hdr)
        print("|" + "---|" * (hdr.count("|") - 1))
        for sname, system in SYSTEMS.items():
            errs = [] if (args.errors and sname == "newstext") else None
            r = score(system, texts, docs, lang, speaker_filter, errs)
            cells = []
            for _, k in keys:
                v = r.get(k)
                if k == "other_as_speech":
                    cells.append(str(v))
                elif k.startswith("speaker_"):
                    cells.append(f"{pct(v)} (n={r.get('n_' + k, 0)})")
                else:
                    cells.append(pct(v))
            print(f"| {sname} | {pct(r['P'])} | {pct(r['R'])} | {pct(r['F1'])} | {pct(r['F1_lenient'])} "
                  f"| {pct(r['R_lenient'])} | " + " | ".join(cells) + " |")
            if sname == "newstext" and targets:
                for k, t in targets.items():
                    v = r.get({"strict_f1": "F1", "recall": "R"}.get(k, k))
                    if v is None:
                        continue
                    bad = v > t if k == "other_as_speech" else v < t
                    if bad:
                        failed.append(f"{name}: {k} = {v:.3f}, target {t}")
            if errs:
                for e in errs[: args.errors]:
                    print("   ", " | ".join(str(x) for x in e))

    if "seeds" in sets:
        report("seeds (Indonesian, complete gold)", load_seeds(), "id", None,
               [("speaker", "speaker_all"), ("kind", "kind"), ("other→speech", "other_as_speech")],
               TARGETS["seeds"])
    if "seeds" in sets:
        seeds_boilerplate_quotes()
    if "pfsa" in sets:
        def pf(g):
            return g["linked"] if g["linked"] in ("post", "carry") else None
        report("PFSA-ID dev (Indonesian, public figures only)", load_pfsa(), "id", pf,
               [("speaker (post)", "speaker_post"), ("speaker (carry)", "speaker_carry")],
               TARGETS["pfsa"])
    if "en" in sets:
        report("English (written for newstext)", load_english(), "en", None,
               [("speaker", "speaker_all"), ("kind", "kind"), ("other→speech", "other_as_speech")])
    if failed:
        print("\nmissed targets:\n  " + "\n  ".join(failed))
        if args.check:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
