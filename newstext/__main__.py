"""Command line: ``python -m newstext FILE...`` reports per article its
language, sentence and token counts, date, outlet and title (``--json`` for
machine-readable output); ``--clean`` prints each article's metadata and
clean text instead."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from . import __version__, clean, detect_lang, sentences, token_spans


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newstext",
        description="Analyse news articles (plain-text files): language, sentences, tokens.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--clean", action="store_true",
                        help="print each article's metadata and clean text (newstext.clean)")
    parser.add_argument("--version", action="version", version=f"newstext {__version__}")
    args = parser.parse_args(argv)

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
            rows.append(analyse(path))
        except OSError as exc:
            print(f"newstext: {path}: {exc.strerror or exc}", file=sys.stderr)
            status = 1
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
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
    return status


if __name__ == "__main__":
    sys.exit(main())
