#!/usr/bin/env python3
"""Generate csrc/phrase_tables.h from the phrase lists in csrc/data/.

Usage:
    python3 tools/gen_phrases.py            # (re)write csrc/phrase_tables.h
    python3 tools/gen_phrases.py --check    # exit 1 if the header is stale

The lists used by the date finder (csrc/dates.c) and the line classifier
(csrc/clean.c): month and day names, time zones, line patterns, news
agencies and outlet names.  Each file holds one entry per line, `#` starts a
comment, blank lines are ignored.  An entry is `key` or `key = values`:

    key     lower-case printable ASCII, words separated by single spaces
            (no leading/trailing space), at most 63 bytes, unique per file
    values  depend on the list (see SCHEMAS below and each file's header)

Each list becomes an array of nt_phrase records sorted bytewise by key, so
csrc/phrases.c can binary-search it.  The output is deterministic and only
rewritten when its text changes.

Exit status: 0 ok; 1 --check found the header stale; 2 bad data (every
problem reported as FILE:LINE: message).
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
DEFAULT_OUTPUT = REPO / "csrc" / "phrase_tables.h"

LABELS = {"body": "NT_LINE_BODY", "title": "NT_LINE_TITLE", "heading": "NT_LINE_HEADING",
          "boilerplate": "NT_LINE_BOILERPLATE", "metadata": "NT_LINE_METADATA",
          "caption": "NT_LINE_CAPTION"}
MODES = {"line": "NT_PM_LINE", "prefix": "NT_PM_PREFIX", "label": "NT_PM_LABEL",
         "field": "NT_PM_FIELD"}
FIELDS = {"author": "NT_FIELD_AUTHOR", "editor": "NT_FIELD_EDITOR",
          "agency": "NT_FIELD_AGENCY", "date": "NT_FIELD_DATE"}

# (enumerator, file, schema)
LISTS = [
    ("NT_PH_MONTHS", "months.txt", "number_abbr"),
    ("NT_PH_WEEKDAYS", "weekdays.txt", "number_abbr"),
    ("NT_PH_ZONES", "zones.txt", "number"),
    ("NT_PH_LINES", "line_patterns.txt", "pattern"),
    ("NT_PH_AGENCIES", "agencies.txt", "none"),
    ("NT_PH_OUTLETS", "outlets.txt", "text"),
    ("NT_PH_ROLES", "roles.txt", "none"),
]

KEY = re.compile(r"[\x21-\x7e]+( [\x21-\x7e]+)*\Z")


class DataError(Exception):
    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


def parse_values(schema, vals, where):
    """Return (text, value, a, b, c) or raise ValueError."""
    if schema == "none":
        if vals:
            raise ValueError("this list takes no values")
        return None, 0, "0", "0", "0"
    if schema == "text":
        if not vals:
            raise ValueError("missing `= Display Name`")
        text = " ".join(vals)
        if not all(0x20 <= ord(ch) < 0x7f for ch in text) or '"' in text or "\\" in text:
            raise ValueError("display names are printable ASCII without \" or \\")
        return text, 0, "0", "0", "0"
    if schema in ("number", "number_abbr"):
        if not vals:
            raise ValueError("missing `= number`")
        try:
            n = int(vals[0])
        except ValueError:
            raise ValueError(f"{vals[0]!r} is not a number") from None
        if not -32768 <= n <= 32767:
            raise ValueError("number out of range")
        rest = vals[1:]
        abbr = "0"
        if schema == "number_abbr" and rest == ["abbr"]:
            abbr, rest = "1", []
        if rest:
            raise ValueError(f"unexpected {' '.join(rest)!r}")
        return None, n, abbr, "0", "0"
    if schema == "pattern":
        if len(vals) not in (2, 3):
            raise ValueError("expected `= label mode [field]`")
        label, mode = vals[0], vals[1]
        field = vals[2] if len(vals) == 3 else None
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r} (one of {', '.join(LABELS)})")
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r} (one of {', '.join(MODES)})")
        if field is not None and field not in FIELDS:
            raise ValueError(f"unknown field {field!r} (one of {', '.join(FIELDS)})")
        if mode in ("label", "field") and label == "metadata" and field is None:
            raise ValueError("metadata fields and labels need a field name")
        return None, 0, LABELS[label], MODES[mode], FIELDS[field] if field else "NT_FIELD_NONE"
    raise AssertionError(schema)


def read_list(path: Path, schema: str):
    shown = os.path.relpath(path) if path.is_absolute() else str(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise DataError([f"{shown}: cannot read: {exc.strerror or exc}"])
    except UnicodeDecodeError as exc:
        raise DataError([f"{shown}: not valid UTF-8 (byte offset {exc.start})"])
    problems, rows, seen = [], [], {}
    for lineno, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if line.lstrip().startswith("#") or not line.strip():
            continue
        key, _, vals = line.partition(" = ")
        key = key.strip()
        if not KEY.match(key) or len(key) > 63:
            problems.append(f"{shown}:{lineno}: bad key {key!r}: printable ASCII words "
                            "separated by single spaces, at most 63 bytes")
            continue
        if key != key.lower():
            problems.append(f"{shown}:{lineno}: key {key!r} must be lower case")
            continue
        if key in seen:
            problems.append(f"{shown}:{lineno}: duplicate key {key!r} (first on line {seen[key]})")
            continue
        seen[key] = lineno
        try:
            rows.append((key, *parse_values(schema, vals.split(), f"{shown}:{lineno}")))
        except ValueError as exc:
            problems.append(f"{shown}:{lineno}: {exc}")
    if not rows and not problems:
        problems.append(f"{shown}: holds no entries")
    if problems:
        raise DataError(problems)
    return sorted(rows)


def c_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(lists) -> str:
    out = [
        "/* generated by tools/gen_phrases.py \u2014 do not edit.",
        " *",
        " * Source: csrc/data/{" + ",".join(f[:-4] for _, f, _, _ in lists) + "}.txt.",
        " * Regenerate with `python3 tools/gen_phrases.py`; `--check` verifies.",
        " * Each list is sorted bytewise by key for binary search.  Include this",
        " * header from csrc/phrases.c only (it defines static data).",
        " */",
        "#ifndef NT_PHRASE_TABLES_H",
        "#define NT_PHRASE_TABLES_H",
        "",
        '#include "internal.h"',
        "",
        f"_Static_assert(NT_PH_COUNT == {len(lists)}, "
        '"enum nt_phrase_list changed: update tools/gen_phrases.py");',
    ]
    refs = []
    lines_out = []
    for enum, fname, schema, rows in lists:
        stem = fname[:-4]
        out += ["", f"/* {fname}: {len(rows)} entries */",
                f"static const nt_phrase nt_ph_{stem}[{len(rows)}] = {{"]
        for key, text, value, a, b, c in rows:
            t = c_str(text) if text is not None else "NULL"
            out.append(f"    {{{c_str(key)}, {t}, {value}, {len(key)}, {a}, {b}, {c}}},")
        out.append("};")
        # cheap rejects for nt_phrase_find: the key lengths and first bytes
        # cheap rejects for nt_phrase_find: for each (ASCII) first byte, a mask
        # of the key lengths that start with it (keys are 1..63 bytes)
        masks = {}
        for r in rows:
            key = r[0]
            if key and ord(key[0]) < 128 and len(key) < 64:
                masks[ord(key[0])] = masks.get(ord(key[0]), 0) | (1 << len(key))
        init = ", ".join(f"[{b}] = 0x{m:x}u" for b, m in sorted(masks.items()))
        lines_out.append(f"static const uint64_t nt_ph_{stem}_lens[128] = {{{init}}};")
        refs.append(f"    [{enum}] = {{nt_ph_{stem}, {len(rows)}, nt_ph_{stem}_lens}},")
    out += [""] + lines_out
    out += ["", "/* Per list: entries, count, and for each ASCII first byte the set of key",
            " * lengths starting with it (bit n = some key of n bytes), so most probes",
            " * are rejected without a search. */",
            "static const struct {",
            "    const nt_phrase *items;",
            "    size_t n;",
            "    const uint64_t *lens;",
            "} nt_ph_tables[NT_PH_COUNT] = {"]
    out += refs
    out += ["};", "", "#endif /* NT_PHRASE_TABLES_H */", ""]
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Generate csrc/phrase_tables.h from csrc/data.")
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the output differs from a regeneration")
    args = ap.parse_args(argv)
    problems, lists = [], []
    for enum, fname, schema in LISTS:
        try:
            lists.append((enum, fname, schema, read_list(args.data_dir / fname, schema)))
        except DataError as exc:
            problems += exc.problems
    if problems:
        for p in problems:
            print(f"gen_phrases: {p}", file=sys.stderr)
        return 2
    text = render(lists)
    if args.check:
        try:
            current = args.output.read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != text:
            print(f"gen_phrases: {args.output} is out of date; run python3 tools/gen_phrases.py",
                  file=sys.stderr)
            return 1
        return 0
    try:
        if args.output.read_text(encoding="utf-8") == text:
            print(f"gen_phrases: unchanged {args.output}")
            return 0
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(dir=args.output.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, args.output)
    print(f"gen_phrases: wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
