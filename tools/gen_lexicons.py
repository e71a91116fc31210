#!/usr/bin/env python3
"""Generate csrc/lexicon_tables.h from the word lists in csrc/data/.

Usage:
    python3 tools/gen_lexicons.py            # (re)write csrc/lexicon_tables.h
    python3 tools/gen_lexicons.py --check    # exit 1 if the header is stale
    python3 tools/gen_lexicons.py --data-dir DIR --output FILE

Data files (UTF-8, one entry per line; `#` starts a comment, either on a line
of its own or after whitespace following an entry; blank lines are ignored):

    abbrev_id.txt  -> NT_LEX_ABBREV_ID     abbrev_en.txt -> NT_LEX_ABBREV_EN
    titles.txt     -> NT_LEX_TITLES        lang_id.txt   -> NT_LEX_LANG_ID
    lang_en.txt    -> NT_LEX_LANG_EN
    stop_id.txt    -> NT_LEX_STOP_ID       stop_en.txt   -> NT_LEX_STOP_EN
    cues_id.txt    -> NT_LEX_CUES_ID       cues_en.txt   -> NT_LEX_CUES_EN
    boilerplate.txt -> NT_LEX_BOILERPLATE

Entries are printable ASCII: letters, digits, '.', '-' and "'", starting with
a letter or digit, containing at least one letter, with no whitespace, no
trailing dot, no empty dot segment ("a..b") and at most MAX_LEN bytes.

Matching rule (implemented by nt_lexicon_has in csrc/lexicon.c): an entry
written all in lower case matches a word ignoring ASCII case; an entry with a
capital letter matches exactly.  So each list becomes two sorted arrays: the
"fold" array (all-lower-case entries; the probe is ASCII-lowercased before
comparing) and the "exact" array.  An exact entry whose lower-case form is
also a fold entry would be redundant, and is rejected like a duplicate.

Each array also gets an open-addressing hash index (see HASH below), so a
lookup costs one hash of the probe and, on average, about one comparison.

The output is deterministic: entries are sorted bytewise, the header records
no dates or paths, and the file is rewritten only when its text changes.

Exit status: 0 on success; 1 if --check finds the header missing or stale;
2 if a data file is missing or holds a bad entry (every problem is reported
as FILE:LINE: message on stderr).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO / "csrc" / "data"
DEFAULT_OUTPUT = REPO / "csrc" / "lexicon_tables.h"

# (enumerator in csrc/internal.h, data file, C identifier stem), in enum order.
LISTS = [
    ("NT_LEX_ABBREV_ID", "abbrev_id.txt", "abbrev_id"),
    ("NT_LEX_ABBREV_EN", "abbrev_en.txt", "abbrev_en"),
    ("NT_LEX_TITLES", "titles.txt", "titles"),
    ("NT_LEX_LANG_ID", "lang_id.txt", "lang_id"),
    ("NT_LEX_LANG_EN", "lang_en.txt", "lang_en"),
    ("NT_LEX_STOP_ID", "stop_id.txt", "stop_id"),
    ("NT_LEX_STOP_EN", "stop_en.txt", "stop_en"),
    ("NT_LEX_CUES_ID", "cues_id.txt", "cues_id"),
    ("NT_LEX_CUES_EN", "cues_en.txt", "cues_en"),
    ("NT_LEX_BOILERPLATE", "boilerplate.txt", "boilerplate"),
    ("NT_LEX_QUOTE_CUE_POST", "quote_cue_post.txt", "quote_cue_post"),
    ("NT_LEX_QUOTE_CUE_VERB", "quote_cue_verb.txt", "quote_cue_verb"),
    ("NT_LEX_QUOTE_PRONOUNS", "quote_pronouns.txt", "quote_pronouns"),
    ("NT_LEX_QUOTE_ADJUNCTS", "quote_adjuncts.txt", "quote_adjuncts"),
    ("NT_LEX_QUOTE_SKIP", "quote_skip.txt", "quote_skip"),
    ("NT_LEX_QUOTE_STOP", "quote_stop.txt", "quote_stop"),
    ("NT_LEX_QUOTE_ROLES", "quote_roles.txt", "quote_roles"),
]

MAX_LEN = 63          # longest allowed entry, in bytes (fits the uint8_t)
MAX_ENTRIES = 16383   # per array (the uint16_t counts, hash slots and masks fit)

# The hash index of an array of n entries is a table of 2**k uint16_t slots,
# the smallest power of two >= 2 * n (so at most half full and always with an
# empty slot): each slot holds 0 (empty) or 1 + the index of an entry.  An
# entry lives at the first empty slot from nt_lex_hash(entry) & (size - 1)
# on, moving forward and wrapping (linear probing), inserted in array order.
# nt_lex_hash is 32-bit FNV-1a over the entry's bytes followed by
# h ^= h >> 16; csrc/lexicon.c computes the same function on the probe.
FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


def nt_lex_hash(entry: str) -> int:
    h = FNV_OFFSET
    for b in entry.encode("ascii"):
        h = ((h ^ b) * FNV_PRIME) & 0xFFFFFFFF
    return h ^ (h >> 16)


def hash_index(entries: list[str]) -> list[int]:
    size = 4
    while size < 2 * len(entries):
        size *= 2
    slots = [0] * size
    for i, e in enumerate(entries):
        h = nt_lex_hash(e) & (size - 1)
        while slots[h]:
            h = (h + 1) & (size - 1)
        slots[h] = i + 1
    return slots


ALLOWED = re.compile(r"[A-Za-z0-9.'\-]+\Z")
COMMENT = re.compile(r"\s#")


class DataError(Exception):
    """One or more problems in the data files (each 'file:line: msg')."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _display(path: Path) -> str:
    """The path as the user would type it: relative to cwd when possible."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _char_name(ch: str) -> str:
    if ch.isprintable() and not ch.isspace():
        return f"U+{ord(ch):04X} {ch!r}"
    return f"U+{ord(ch):04X}"


def check_entry(entry: str) -> str | None:
    """Return why `entry` is not acceptable, or None if it is."""
    for ch in entry:
        if ch.isspace():
            return f"entry {entry!r} contains whitespace ({_char_name(ch)})"
    if entry.endswith("."):
        return (f"entry {entry!r} ends with a dot: write entries without "
                f"their final dot ({entry.rstrip('.')!r})")
    if not ALLOWED.match(entry):
        bad = next(ch for ch in entry if not ALLOWED.match(ch))
        return (f"entry {entry!r} contains {_char_name(bad)}: entries are "
                f"ASCII letters, digits, '.', '-' and \"'\"")
    if entry[0] in ".-'":
        return f"entry {entry!r} must start with a letter or a digit"
    if ".." in entry:
        return f"entry {entry!r} contains an empty dot segment '..'"
    if not any(ch.isalpha() for ch in entry):
        return f"entry {entry!r} contains no letter"
    if len(entry) > MAX_LEN:
        return f"entry {entry!r} is longer than {MAX_LEN} bytes"
    return None


def read_list(path: Path) -> tuple[list[str], list[str]]:
    """Parse one data file into (fold entries, exact entries), both sorted.

    Raises DataError listing every problem found in the file.
    """
    shown = _display(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError([f"{shown}: cannot read: {exc.strerror or exc}"])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataError([f"{shown}:{line}: not valid UTF-8 (byte offset {exc.start})"])

    problems: list[str] = []
    first_seen: dict[str, int] = {}   # entry -> line
    folded_seen: dict[str, tuple[str, int]] = {}  # lower(entry) -> (entry, line)
    fold: list[str] = []
    exact: list[str] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if lineno == 1 and line.startswith("\ufeff"):
            problems.append(f"{shown}:1: file starts with a byte order mark; save it as plain UTF-8")
            line = line[1:]
        line = line.rstrip("\r")
        m = COMMENT.search(line)
        if m:
            line = line[: m.start()]
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        why = check_entry(entry)
        if why:
            problems.append(f"{shown}:{lineno}: {why}")
            continue
        if entry in first_seen:
            problems.append(f"{shown}:{lineno}: duplicate entry {entry!r} "
                            f"(first on line {first_seen[entry]})")
            continue
        first_seen[entry] = lineno
        low = entry.lower()
        if low in folded_seen:
            other, other_line = folded_seen[low]
            # Two exact spellings (Fig, FIG) may coexist; anything involving
            # a lower-case entry is redundant, since that one matches all cases.
            if other == low:
                problems.append(
                    f"{shown}:{lineno}: entry {entry!r} is already matched by the "
                    f"lower-case entry {other!r} on line {other_line} (a lower-case "
                    f"entry matches any case)")
                continue
            if entry == low:
                problems.append(
                    f"{shown}:{lineno}: lower-case entry {entry!r} also matches "
                    f"{other!r} on line {other_line}, which is then redundant (a "
                    f"lower-case entry matches any case; keep only one of them)")
                continue
        else:
            folded_seen[low] = (entry, lineno)
        (fold if entry == low else exact).append(entry)

    if not problems and not fold and not exact:
        problems.append(f"{shown}: holds no entries")
    for name, arr in (("lower-case", fold), ("exact", exact)):
        if len(arr) > MAX_ENTRIES:
            problems.append(f"{shown}: more than {MAX_ENTRIES} {name} entries")
    if problems:
        raise DataError(problems)
    # Entries are ASCII, so sorting str sorts bytes: the order strcmp/memcmp use.
    return sorted(fold), sorted(exact)


def read_all(data_dir: Path) -> list[tuple[str, str, str, list[str], list[str]]]:
    problems: list[str] = []
    out = []
    for enum, fname, stem in LISTS:
        try:
            fold, exact = read_list(data_dir / fname)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        out.append((enum, fname, stem, fold, exact))
    if problems:
        raise DataError(problems)
    return out


def _c_array(name: str, entries: list[str], indent: str = "    ", width: int = 78) -> list[str]:
    lines = [f"static const char {name}[{len(entries)}][NT_LEX_WIDTH] = {{"]
    cur = indent
    for e in entries:
        item = f'"{e}",'
        if len(cur) + len(item) + 1 > width and cur.strip():
            lines.append(cur.rstrip())
            cur = indent
        cur += item + " "
    if cur.strip():
        lines.append(cur.rstrip())
    lines.append("};")
    return lines


def _c_hash(name: str, slots: list[int], indent: str = "    ", width: int = 78) -> list[str]:
    lines = [f"static const uint16_t {name}[{len(slots)}] = {{"]
    cur = indent
    for v in slots:
        item = f"{v},"
        if len(cur) + len(item) + 1 > width and cur.strip():
            lines.append(cur.rstrip())
            cur = indent
        cur += item + " "
    if cur.strip():
        lines.append(cur.rstrip())
    lines.append("};")
    return lines


def render(lists) -> str:
    longest = max(len(e) for _, _, _, fold, exact in lists for e in fold + exact)
    width = longest + 1
    files = ",".join(fname[:-4] for _, fname, _, _, _ in lists)
    out = [
        "/* generated by tools/gen_lexicons.py \u2014 do not edit.",
        " *",
        f" * Source: csrc/data/{{{files}}}.txt.",
        " * Regenerate with `python3 tools/gen_lexicons.py`; `--check` verifies.",
        " *",
        " * Each list is two arrays of NUL-padded NT_LEX_WIDTH-byte entries, sorted",
        " * bytewise (strcmp order) and free of duplicates:",
        " *   fold   entries written all in lower case; they match a word ignoring",
        " *          ASCII case (the probe is lowercased before comparing)",
        " *   exact  entries containing a capital; they match byte for byte",
        " * Entries are printable ASCII without a final dot.",
        " *",
        " * Each array has a hash index of 2^k uint16_t slots (at most half full):",
        " * 0 is an empty slot, v > 0 names entry v - 1.  An entry sits at the first",
        " * empty slot from nt_lex_hash(entry) & mask on (linear probing, wrapping),",
        " * where nt_lex_hash is 32-bit FNV-1a over the entry's bytes followed by",
        " * h ^= h >> 16.  A lookup hashes the (lowercased, for fold) probe and",
        " * walks slots from there until it finds the entry or an empty slot.",
        " *",
        " * Include this header from csrc/lexicon.c only (it defines static data).",
        " */",
        "#ifndef NT_LEXICON_TABLES_H",
        "#define NT_LEXICON_TABLES_H",
        "",
        "#include <stdint.h>",
        "",
        '#include "internal.h"',
        "",
        f"_Static_assert(NT_LEX_COUNT == {len(lists)}, "
        '"enum nt_lexicon changed: update tools/gen_lexicons.py");',
        "",
        f"/* Longest entry in any list ({longest} bytes) plus its NUL. */",
        f"#define NT_LEX_WIDTH {width}",
        "",
        "typedef struct nt_lex_table {",
        "    const char (*fold)[NT_LEX_WIDTH];   /* n_fold entries, or NULL  */",
        "    const char (*exact)[NT_LEX_WIDTH];  /* n_exact entries, or NULL */",
        "    uint16_t n_fold;",
        "    uint16_t n_exact;",
        "    uint8_t max_len;                    /* longest entry, in bytes  */",
        "    const uint16_t *fold_hash;          /* fold_mask + 1 slots      */",
        "    const uint16_t *exact_hash;         /* exact_mask + 1 slots     */",
        "    uint16_t fold_mask;",
        "    uint16_t exact_mask;",
        "} nt_lex_table;",
        "",
        "/* FNV-1a (32-bit) then h ^= h >> 16: the hash of the index. */",
        "#define NT_LEX_FNV_OFFSET 0x811C9DC5u",
        "#define NT_LEX_FNV_PRIME 0x01000193u",
    ]
    rows = []
    for enum, fname, stem, fold, exact in lists:
        max_len = max(len(e) for e in fold + exact)
        out += [
            "",
            f"/* {fname}: {len(fold) + len(exact)} entries ({len(fold)} any case, "
            f"{len(exact)} exact), longest {max_len} bytes */",
        ]
        fold_ref = exact_ref = fold_hash_ref = exact_hash_ref = "NULL"
        fold_mask = exact_mask = 0
        if fold:
            fold_ref = f"nt_lex_{stem}_fold"
            out += _c_array(fold_ref, fold)
            slots = hash_index(fold)
            fold_hash_ref, fold_mask = f"{fold_ref}_hash", len(slots) - 1
            out += _c_hash(fold_hash_ref, slots)
        if exact:
            exact_ref = f"nt_lex_{stem}_exact"
            out += _c_array(exact_ref, exact)
            slots = hash_index(exact)
            exact_hash_ref, exact_mask = f"{exact_ref}_hash", len(slots) - 1
            out += _c_hash(exact_hash_ref, slots)
        rows.append(f"    [{enum}] = {{{fold_ref}, {exact_ref}, "
                    f"{len(fold)}, {len(exact)}, {max_len},")
        rows.append(f"                  {fold_hash_ref}, {exact_hash_ref}, "
                    f"{fold_mask}, {exact_mask}}},")
    out += ["", "static const nt_lex_table nt_lex_tables[NT_LEX_COUNT] = {"]
    out += rows
    out += ["};", "", "#endif /* NT_LEXICON_TABLES_H */", ""]
    return "\n".join(out)


def write_if_changed(path: Path, text: str) -> bool:
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Generate csrc/lexicon_tables.h from csrc/data/*.txt.",
        epilog="Exit status: 0 ok; 1 --check found the output stale; 2 bad data.")
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA,
                    help="directory holding the .txt lists (default: csrc/data)")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT,
                    help="header to write or check (default: csrc/lexicon_tables.h)")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the output differs from a regeneration")
    args = ap.parse_args(argv)

    try:
        lists = read_all(args.data_dir)
    except DataError as exc:
        for p in exc.problems:
            print(f"gen_lexicons: {p}", file=sys.stderr)
        return 2
    text = render(lists)
    shown = _display(args.output)

    if args.check:
        try:
            current = args.output.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"gen_lexicons: {shown}: cannot read ({exc}); "
                  f"run python3 tools/gen_lexicons.py", file=sys.stderr)
            return 1
        if current != text:
            print(f"gen_lexicons: {shown} is out of date with the data files; "
                  f"run python3 tools/gen_lexicons.py", file=sys.stderr)
            return 1
        return 0

    changed = write_if_changed(args.output, text)
    counts = ", ".join(f"{stem} {len(f) + len(e)}" for _, _, stem, f, e in lists)
    print(f"gen_lexicons: {'wrote' if changed else 'unchanged'} {shown} ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
