"""Command line: ``python -m newstext FILE...`` reports per article its
language, sentence and token counts, date, outlet and title (``--json`` for
machine-readable output); ``--keywords N`` adds the top N keywords of each
article, ``--quotes`` who said what; ``--clean`` prints each article's
metadata and clean text instead."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from . import __version__, clean, detect_lang, keywords, quotes, sentences, token_spans


def analyse(path: str) -> dict:
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    lang = detect_lang(text)
    spans = token_spans(text, lang=lang)
    return {
        "file": path,
        "lang": lang,
        "chars": len(text),
        "sentences": len(sentences(text, lang=lang)),
        "tokens": len(spans.starts),
        **article_fields(text, lang),
    }


def article_fields(text: str, lang: str) -> dict:
    """Date, outlet and title of the article (newstext.clean)."""
    art = clean(text, lang=lang)
    return {
        "date": art.date.isoformat() if art.date else None,
        "outlet": art.outlet,
        "title": art.title,
    }


def clean_report(path: str, as_json: bool) -> str:
    """The cleaned article: metadata, then the body text (or one JSON object)."""
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    art = clean(text)
    meta = {
        "file": path,
        "title": art.title,
        "outlet": art.outlet,
        "date": art.date.isoformat() if art.date else None,
        "time": art.time,
        "dateline": art.dateline,
        "authors": art.authors,
        "editors": art.editors,
        "agencies": art.agencies,
        "url": art.url,
    }
    if as_json:
        meta["text"] = art.text
        meta["lines"] = [{"start": ln.start, "end": ln.end, "label": ln.label} for ln in art.lines]
        return json.dumps(meta, ensure_ascii=False)
    out = [f"== {path}"]
    for key, value in meta.items():
        if key == "file" or value in (None, []):
            continue
        out.append(f"{key + ':':<10}{', '.join(value) if isinstance(value, list) else value}")
    out += ["", art.text, ""]
    return "\n".join(out)


def keywords_report(paths: Sequence[str], n: int, as_json: bool) -> None:
    """Print the top n keywords of each file (YAKE, lower score = better)."""
    for path in paths:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            text = f.read()
        kws = keywords(text, top=n)
        if as_json:
            row = {"file": path, "keywords": [{"phrase": k.phrase, "score": k.score, "count": k.count} for k in kws]}
            print(json.dumps(row, ensure_ascii=False))
            continue
        print(f"\n{path}: keywords")
        for k in kws:
            print(f"  {k.rank:>2}. {k.phrase}  (x{k.count}, score {k.score:.4f})")


def quote_report(path: str, lang: str) -> list:
    """The quotes of one article as plain dicts (for --quotes)."""
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    return [q._asdict() for q in quotes(text, lang=lang)]


def print_quotes(row: dict) -> None:
    qs = row["quotes"]
    n_direct = sum(q["kind"] == "direct" for q in qs)
    n_partial = sum(q["kind"] == "partial" for q in qs)
    print(f"\n{row['file']}: {len(qs)} quotes ({n_direct} direct, {n_partial} partial, "
          f"{len(qs) - n_direct - n_partial} other)")
    for q in qs:
        text = q["text"] if len(q["text"]) <= 70 else q["text"][:67] + "..."
        who = q["speaker"] or "-"
        flag = "  [unclosed]" if q["unclosed"] else ""
        print(f"  {q['kind']:<7}  {who:<24}  {q['cue'] or '':<11}  \u201c{text}\u201d{flag}")


def csv_report(rows: list, n_keywords: int, with_quotes: bool) -> None:
    """--csv: one row per article (file, lang, chars, sentences, tokens, date,
    outlet, title); with --keywords N a ``keywords`` column (top N phrases
    joined by "; "); with --quotes the counts of direct and partial quotes
    and the speakers (most quoted first, joined by "; ")."""
    import csv

    fields = ["file", "lang", "chars", "sentences", "tokens", "date", "outlet", "title"]
    if n_keywords:
        fields.append("keywords")
    if with_quotes:
        fields += ["direct_quotes", "partial_quotes", "speakers"]
    out = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    out.writeheader()
    for row in rows:
        row = dict(row)
        if n_keywords:
            with open(row["file"], encoding="utf-8", errors="surrogateescape") as f:
                text = f.read()
            row["keywords"] = "; ".join(k.phrase for k in keywords(text, top=n_keywords, lang=row["lang"]))
        if with_quotes:
            qs = row["quotes"]
            row["direct_quotes"] = sum(q["kind"] == "direct" for q in qs)
            row["partial_quotes"] = sum(q["kind"] == "partial" for q in qs)
            counts: dict = {}
            for q in qs:
                if q["speaker"] and q["kind"] != "other":
                    counts[q["speaker"]] = counts.get(q["speaker"], 0) + 1
            row["speakers"] = "; ".join(sorted(counts, key=lambda k: (-counts[k], k)))
        out.writerow(row)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newstext",
        description="Analyse news articles (plain-text files): language, sentences, tokens, "
                    "date, outlet and title; optionally keywords, quotes or the clean text.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--csv", action="store_true", help="one CSV row per article (with a header)")
    parser.add_argument("--keywords", type=int, default=0, metavar="N",
                        help="also list the top N keywords of each article")
    parser.add_argument("--quotes", action="store_true", help="also report who said what in each article")
    parser.add_argument("--clean", action="store_true",
                        help="print each article's metadata and clean text (newstext.clean)")
    parser.add_argument("--version", action="version", version=f"newstext {__version__}")
    args = parser.parse_args(argv)
    if args.keywords < 0:
        parser.error("--keywords must be >= 0")
    if args.csv and (args.json or args.clean):
        parser.error("--csv cannot be combined with --json or --clean")

    status = 0
    if args.clean:
        for path in args.files:
            try:
                print(clean_report(path, args.json))
            except OSError as exc:
                print(f"newstext: {path}: {exc.strerror or exc}", file=sys.stderr)
                status = 1
        return status
    rows = []
    for path in args.files:
        try:
            row = analyse(path)
            if args.quotes:
                row["quotes"] = quote_report(path, row["lang"])
            rows.append(row)
        except OSError as exc:
            print(f"newstext: {path}: {exc.strerror or exc}", file=sys.stderr)
            status = 1
    done = [r["file"] for r in rows]
    if args.csv:
        csv_report(rows, args.keywords, args.quotes)
        return status
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        if args.keywords:
            keywords_report(done, args.keywords, True)
        return status
    if rows:
        width = max(len(r["file"]) for r in rows)
        print(f"{'file':<{width}}  lang  sentences  tokens  {'date':<10}  {'outlet':<14}  title")
        for r in rows:
            title = r["title"] or ""
            if len(title) > 50:
                title = title[:49] + "\u2026"
            print(f"{r['file']:<{width}}  {r['lang']:<4}  {r['sentences']:>9}  {r['tokens']:>6}  "
                  f"{r['date'] or '-':<10}  {r['outlet'] or '-':<14}  {title}")
        if args.quotes:
            for r in rows:
                print_quotes(r)
    if args.keywords:
        keywords_report(done, args.keywords, False)
    return status


if __name__ == "__main__":
    sys.exit(main())
