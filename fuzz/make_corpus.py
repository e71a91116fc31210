"""Write the fuzzers' seed corpora from the tests (issue 7).

    python fuzz/make_corpus.py          # (re)write fuzz/corpus/<target>/seed-*
    python fuzz/make_corpus.py --check  # exit 1 if the committed seeds are stale

Every string literal of the tests named for a target (read with ``ast``, so
nothing is executed) and the example articles in examples/articles become
seed files ``fuzz/corpus/<target>/seed-<sha1 of the content>`` holding
FZ_OPT_BYTES (4) zero option bytes and the UTF-8 text (lone surrogates as
"surrogatepass" writes them), at most MAX_BYTES each.  The ``corpus``
target gets documents joined by form feeds (its document separator).  Files
whose names do not start with ``seed-`` (regressions found by fuzzing) are
never touched.  The output depends only on the sources: names come from the
content, and the selection is sorted.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
OPT = b"\0\0\0\0"
MAX_BYTES = 8188  # -max_len=8192 minus the option bytes
MAX_SEEDS = 400   # per target, to keep the committed corpus small

TESTS = {
    "tokenize": ["test_tokenize.py", "test_api.py", "test_hostile.py", "test_robustness.py"],
    "sentences": ["test_sentences.py", "test_api.py"],
    "clean": ["test_clean.py", "test_cli_clean.py"],
    "dates": ["test_dates.py", "test_clean.py"],
    "keywords": ["test_keywords.py", "keyword_texts.py", "test_cli_keywords.py"],
    "corpus": ["test_corpus_terms.py", "keyword_texts.py"],
    "quotes": ["test_quotes.py"],
    "stem": ["test_stem.py"],
    "python": ["test_api.py", "test_hostile.py", "test_quotes.py", "test_clean.py", "test_dates.py"],
}
ARTICLE_TARGETS = {"tokenize", "sentences", "clean", "dates", "keywords", "corpus", "quotes", "python"}


def _strings(path: pathlib.Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
            out.append(node.value)
    return out


def _encode(text: str) -> bytes:
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > MAX_BYTES:
        data = data[:MAX_BYTES]
        while data and (data[-1] & 0xC0) == 0x80:  # do not end inside a character
            data = data[:-1]
        if data and data[-1] >= 0xC0:
            data = data[:-1]
    return data


def _articles() -> list[str]:
    texts = []
    for p in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        texts.append(p.read_text(encoding="utf-8"))
    return texts


def seeds() -> dict[str, dict[str, bytes]]:
    """target -> {file name: content}."""
    result = {}
    for target, files in TESTS.items():
        texts: list[str] = []
        for name in files:
            path = ROOT / "tests" / name
            if path.exists():
                texts += _strings(path)
        if target in ARTICLE_TARGETS:
            texts += _articles()
        if target == "corpus":
            # documents separated by form feeds, three at a time
            texts = ["\f".join(texts[i:i + 3]) for i in range(0, len(texts), 3)]
        blobs = sorted({_encode(t) for t in texts})
        files_ = {f"seed-{hashlib.sha1(OPT + b).hexdigest()[:16]}": OPT + b for b in blobs}
        # keep the articles and the longest test strings when there are too many
        chosen = sorted(files_.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:MAX_SEEDS]
        result[target] = dict(sorted(chosen))
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if fuzz/corpus is not current")
    args = ap.parse_args(argv)
    stale = []
    for target, files in seeds().items():
        d = CORPUS / target
        have = {p.name: p for p in d.glob("seed-*")} if d.is_dir() else {}
        extra = sorted(set(have) - set(files))
        missing = sorted(n for n, b in files.items() if n not in have or have[n].read_bytes() != b)
        if args.check:
            stale += [f"{target}/{n} (stale)" for n in extra] + [f"{target}/{n} (missing)" for n in missing]
            continue
        d.mkdir(parents=True, exist_ok=True)
        for n in extra:
            have[n].unlink()
        for n in missing:
            (d / n).write_bytes(files[n])
        print(f"{target}: {len(files)} seeds ({len(missing)} written, {len(extra)} removed)")
    if stale:
        print("fuzz/corpus is out of date; run `python fuzz/make_corpus.py`:", file=sys.stderr)
        for s in stale[:20]:
            print("  " + s, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
