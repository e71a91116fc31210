"""Command line: ``python -m newstext FILE... [--json|--csv] [--keywords N] [--quotes] [--clean]``.

The default report is for reading: a table with one line per article
(language, sentence and token counts, date, outlet, title), then, with
``--keywords N`` or ``--quotes``, one block per article with its top N
keywords and who said what.  ``--json`` prints one JSON object per article,
``--csv`` one CSV row per article.  ``--clean`` prints each article's
metadata and clean text instead (``--json``: one object with the labelled
lines).

Keywords, quotes and counts are those of the file's text as given
(:func:`newstext.keywords`, :func:`newstext.quotes`, ...); date, outlet and
title come from :func:`newstext.clean`.

Files must be UTF-8.  A file that cannot be read or is not UTF-8 is
reported on stderr in one line (``newstext: FILE: reason``), the other files
are still analysed, and the exit status is 2; bad options also exit with 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Optional, Sequence

from . import __version__, clean, detect_lang, keywords, quotes, sentences, token_spans

EXIT_OK = 0
EXIT_ERROR = 2


class InputError(Exception):
    """A file that cannot be analysed; the message is the one-line reason."""


def read_text(path: str) -> str:
    """The file's text, decoded as UTF-8 (a leading BOM is dropped)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         "convert it first, e.g. iconv -f latin1 -t utf-8") from None


def _quote_dict(q) -> dict:
    return q._asdict()


def analyse(path: str, text: str, n_keywords: int = 0, with_quotes: bool = False) -> dict:
    """Everything the reports need about one article, as plain values."""
    lang = detect_lang(text)
    art = clean(text, lang=lang)
    row = {
        "file": path,
        "lang": lang,
        "chars": len(text),
        "sentences": len(sentences(text, lang=lang)),
        "tokens": len(token_spans(text, lang=lang).starts),
        "date": art.date.isoformat() if art.date else None,
        "outlet": art.outlet,
        "title": art.title,
    }
    if n_keywords:
        row["keywords"] = [{"rank": k.rank, "phrase": k.phrase, "score": k.score, "count": k.count}
                           for k in keywords(text, top=n_keywords, lang=lang)]
    if with_quotes:
        row["quotes"] = [_quote_dict(q) for q in quotes(text, lang=lang)]
    return row


def clean_report(path: str, text: str, as_json: bool) -> str:
    """The cleaned article: metadata, then the body text (or one JSON object)."""
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


def _cut(s: str, width: int) -> str:
    """``s`` on one line of at most ``width`` characters, an ellipsis marking a cut."""
    s = " ".join(s.split())
    return s if len(s) <= width else s[:width - 1] + "\u2026"


def quote_counts(qs: list) -> tuple:
    """(direct, partial, other) counts of a list of quote dicts."""
    direct = sum(q["kind"] == "direct" for q in qs)
    partial = sum(q["kind"] == "partial" for q in qs)
    return direct, partial, len(qs) - direct - partial


def speaker_counts(qs: list) -> list:
    """Speakers of direct and partial quotes, most quoted first (ties by name)."""
    counts: dict = {}
    for q in qs:
        if q["speaker"] and q["kind"] != "other":
            counts[q["speaker"]] = counts.get(q["speaker"], 0) + 1
    return sorted(counts, key=lambda k: (-counts[k], k))


def table_report(rows: list) -> list:
    """One line per article: file, lang, counts, date, outlet, title."""
    width = max(len("file"), *(len(r["file"]) for r in rows))
    outlet_w = max(len("outlet"), *(len(r["outlet"] or "-") for r in rows))
    lines = [f"{'file':<{width}}  lang  sentences  tokens  {'date':<10}  {'outlet':<{outlet_w}}  title"]
    for r in rows:
        lines.append(f"{r['file']:<{width}}  {r['lang']:<4}  {r['sentences']:>9}  {r['tokens']:>6}  "
                     f"{r['date'] or '-':<10}  {r['outlet'] or '-':<{outlet_w}}  "
                     f"{_cut(r['title'] or '-', 60)}")
    return lines


def article_block(row: dict) -> list:
    """Keywords and quotes of one article, for reading."""
    lines = ["", f"{row['file']}  [{_cut(row['title'] or 'no title', 70)}]"]
    if "keywords" in row:
        lines.append(f"  top {len(row['keywords'])} keywords (YAKE: lower score = better)")
        for k in row["keywords"]:
            lines.append(f"    {k['rank']:>2}. {k['phrase']}  (x{k['count']}, score {k['score']:.4f})")
    if "quotes" in row:
        qs = row["quotes"]
        direct, partial, other = quote_counts(qs)
        lines.append(f"  {len(qs)} quotes ({direct} direct, {partial} partial, {other} other)")
        who_w = min(24, max([len(q["speaker"] or "-") for q in qs] + [1]))
        cue_w = max([len(q["cue"] or "") for q in qs] + [1])
        for q in qs:
            flag = "  [unclosed]" if q["unclosed"] else ""
            lines.append(f"    {q['kind']:<7}  {_cut(q['speaker'] or '-', who_w):<{who_w}}  "
                         f"{q['cue'] or '':<{cue_w}}  \u201c{_cut(q['text'], 60)}\u201d{flag}")
    return lines


def csv_report(rows: list, n_keywords: int, with_quotes: bool, out) -> None:
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
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        row = dict(row)
        if n_keywords:
            row["keywords"] = "; ".join(k["phrase"] for k in row["keywords"])
        if with_quotes:
            row["direct_quotes"], row["partial_quotes"], _ = quote_counts(row["quotes"])
            row["speakers"] = "; ".join(speaker_counts(row["quotes"]))
        writer.writerow(row)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m newstext",
        description="Analyse news articles (UTF-8 plain-text files): language, sentences, tokens, "
                    "date, outlet and title; optionally keywords, quotes or the clean text.",
        epilog="Exit status: 0 when every file was analysed, 2 when a file could not be read "
               "(reported on stderr; the other files are still analysed) or an option is wrong.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="one JSON object per article")
    form.add_argument("--csv", action="store_true", help="one CSV row per article (with a header)")
    parser.add_argument("--keywords", type=int, default=0, metavar="N",
                        help="also list the top N keywords of each article")
    parser.add_argument("--quotes", action="store_true", help="also report who said what in each article")
    parser.add_argument("--clean", action="store_true",
                        help="print each article's metadata and clean text instead (newstext.clean)")
    parser.add_argument("--version", action="version", version=f"newstext {__version__}")
    return parser


def run(args, out) -> int:
    status = EXIT_OK
    texts = []
    for path in args.files:
        try:
            texts.append((path, read_text(path)))
        except InputError as exc:
            print(f"newstext: {path}: {exc}", file=sys.stderr)
            status = EXIT_ERROR
    if args.clean:
        for path, text in texts:
            print(clean_report(path, text, args.json), file=out)
        return status
    rows = [analyse(path, text, args.keywords, args.quotes) for path, text in texts]
    if args.csv:
        csv_report(rows, args.keywords, args.quotes, out)
    elif args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False), file=out)
    elif rows:
        lines = table_report(rows)
        if args.keywords or args.quotes:
            for row in rows:
                lines += article_block(row)
        print("\n".join(lines), file=out)
    return status


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.keywords < 0:
        parser.error("--keywords must be >= 0")
    if args.clean and args.csv:
        parser.error("--clean prints the clean text; it cannot be combined with --csv")
    if args.clean and (args.keywords or args.quotes):
        parser.error("--clean prints the clean text; run --keywords or --quotes without it")
    try:
        return run(args, sys.stdout)
    except BrokenPipeError:  # python -m newstext ... | head: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the exit-time flush does not fail again
        return EXIT_OK
    except KeyboardInterrupt:
        print("newstext: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
