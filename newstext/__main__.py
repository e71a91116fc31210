"""Command line: ``python -m newstext FILE...`` reports per article its
language, sentence and token counts (``--json`` for machine-readable output)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from . import __version__, detect_lang, sentences, token_spans


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
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newstext",
        description="Analyse news articles (plain-text files): language, sentences, tokens.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--version", action="version", version=f"newstext {__version__}")
    args = parser.parse_args(argv)

    status = 0
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
        print(f"{'file':<{width}}  lang  sentences  tokens")
        for r in rows:
            print(f"{r['file']:<{width}}  {r['lang']:<4}  {r['sentences']:>9}  {r['tokens']:>6}")
    return status


if __name__ == "__main__":
    sys.exit(main())
