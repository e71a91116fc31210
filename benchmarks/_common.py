"""What bench_corpus.py and bench_threads.py share: the corpus option and loading.

Both time newstext on the PFSA-ID dev articles (one JSON object per line with a
``"text"`` field, optionally an ``"id"``), found as ``../shared`` relative to the
repository root, and both skip cleanly (print "skipped: ...", exit 0) when the
file or pandas is missing.  The scripts import this module as ``_common``: Python
puts a script's own folder first on ``sys.path``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import NamedTuple

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "pfsa_id" / "pfsa_id_dev.jsonl"


class Articles(NamedTuple):
    texts: list  # the "text" of each row
    ids: list    # its "id", or its row number
    mb: float    # MB of UTF-8 in all texts


def parser(doc: str) -> argparse.ArgumentParser:
    """An argument parser described by the docstring's first line, with --corpus and --repeat."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    return ap


def read_articles(corpus: Path) -> Articles:
    """The articles of a JSONL corpus (no checks: see load_or_skip)."""
    with corpus.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    texts = [r["text"] for r in rows]
    return Articles(texts, [r.get("id", i) for i, r in enumerate(rows)],
                    sum(len(t.encode("utf-8")) for t in texts) / 1e6)


def load_or_skip(corpus: Path) -> Articles | None:
    """The articles, or None after printing why the benchmark is skipped
    (the corpus file or pandas is missing)."""
    if not corpus.exists():
        print(f"skipped: {corpus} not found")
        return None
    try:
        import pandas  # noqa: F401
    except ImportError:
        print('skipped: pandas is not installed (pip install "newstext[pandas]")')
        return None
    return read_articles(corpus)
