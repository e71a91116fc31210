#!/usr/bin/env python3
"""Generate csrc/ucd_tables.h, the Unicode character tables of the C core.

Usage:
    python tools/gen_unicode.py [--output PATH]   write the tables
    python tools/gen_unicode.py --check           exit 1 if the committed
                                                  file is out of date

The data comes from the PyPI package ``unicodedata2`` at a pinned version
(PINNED_PACKAGE below), never from the running Python's own ``unicodedata``
or ``str.lower``, whose Unicode version depends on the Python release.  The
output is therefore the same, byte for byte, on every Python version and
every run: everything is iterated in code point order and nothing depends on
the clock, the locale or hash order.

What is generated
-----------------
* General_Category for every code point 0..0x10FFFF.
* Simple (1:1) lowercase and uppercase mappings.
* NT_UNICODE_VERSION.

All three live in one table of *records*: each distinct triple
(category, lowercase delta, uppercase delta) is stored once, and a
three-stage lookup (top -> middle -> leaf, duplicate blocks shared) maps a
code point to its record index.  A lookup is three array reads, O(1).

How the case mappings are derived
---------------------------------
unicodedata2 has no case-mapping API, and ``chr(cp).lower()`` would use the
running interpreter's (older) Unicode data, so the simple mappings are
rebuilt from what unicodedata2 does provide, the character names and
categories:

1. Name pairs.  A capital letter (Lu/Lt) whose name contains "CAPITAL" is
   paired with the small letter (Ll) whose name is the same with "SMALL"
   ("LATIN CAPITAL LETTER E WITH ACUTE" <-> "LATIN SMALL LETTER E WITH
   ACUTE"), and likewise for the few regular non-"CAPITAL" namings used by
   Georgian Mtavruli, Cherokee, Greek prosgegrammeni letters, Roman numerals
   and circled Latin letters.  Mathematical, double-struck, script and
   black-letter styled letters have no case mappings and are skipped.
2. A short hand-written table, IRREGULAR below, of the case pairs whose
   names do not follow the pattern (KELVIN SIGN -> k, long s -> S, the Greek
   symbol letters, dotted/dotless i, the titlecase digraphs, ...) and of
   name pairs that are not case pairs in Unicode.

The simple mapping is the UnicodeData.txt one (fields 12 and 13): U+00DF
has no simple uppercase (its full uppercase "SS" is not 1:1), U+0130
lowercases to U+0069, U+1F80 uppercases to the titlecase U+1F88.
tests/test_unicode_tables.py checks the result against the running Python's
str.lower()/str.upper() for every character that Python's own Unicode
version knows, so a wrong rule cannot go unnoticed.
"""

from __future__ import annotations

import argparse
import os
import sys

PINNED_UNIDATA = "17.0.0"
PINNED_PACKAGE = "unicodedata2==17.0.1"

MAX_CP = 0x10FFFF
NCP = MAX_CP + 1

# Order of the nt_gc enum in csrc/internal.h.
GC_ORDER = [
    "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No",
    "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs",
    "Zl", "Zp", "Cc", "Cf", "Cs", "Co",
]
GC_INDEX = {name: i for i, name in enumerate(GC_ORDER)}

# Block sizes of the three-stage lookup (log2).  Chosen by measuring: these
# give the smallest tables for Unicode 17.
LEAF_SHIFT = 4
MID_SHIFT = 5

# Styled letters: their names say CAPITAL/SMALL but they have no case
# mappings in Unicode.
NO_CASE_PREFIXES = (
    "MATHEMATICAL ", "DOUBLE-STRUCK ", "SCRIPT ", "BLACK-LETTER ",
)

# Case mappings that the name rules get wrong or miss.  Each entry is
# (code point, simple lowercase or None, simple uppercase or None), applied
# after the name rules and overriding them; None means "maps to itself".
# Values are those of UnicodeData.txt.
IRREGULAR = [
    (0x00B5, None, 0x039C),    # MICRO SIGN -> GREEK CAPITAL LETTER MU
    (0x00DF, None, None),      # sharp s: no simple uppercase (full is "SS")
    (0x0130, 0x0069, None),    # I WITH DOT ABOVE -> i
    (0x0131, None, 0x0049),    # dotless i -> I
    (0x017F, None, 0x0053),    # long s -> S
    (0x0189, 0x0256, None),    # AFRICAN D <-> d with tail
    (0x0256, None, 0x0189),
    (0x018E, 0x01DD, None),    # REVERSED E <-> turned e
    (0x01DD, None, 0x018E),
    (0x0258, None, None),      # small reversed e: no capital
    (0x0195, None, 0x01F6),    # hv <-> HWAIR
    (0x01F6, 0x0195, None),
    (0x019F, 0x0275, None),    # O WITH MIDDLE TILDE <-> barred o
    (0x0275, None, 0x019F),
    (0x01A6, 0x0280, None),    # YR <-> small capital r
    (0x0280, None, 0x01A6),
    (0x01BF, None, 0x01F7),    # wynn <-> WYNN
    (0x01F7, 0x01BF, None),
    (0x01C5, 0x01C6, 0x01C4),  # titlecase digraphs Dž Lj Nj Dz
    (0x01C8, 0x01C9, 0x01C7),
    (0x01CB, 0x01CC, 0x01CA),
    (0x01F2, 0x01F3, 0x01F1),
    (0x024A, 0x024B, None),    # CAPITAL SMALL Q WITH HOOK TAIL <-> q w. h. t.
    (0x024B, None, 0x024A),
    (0x026A, None, 0xA7AE),    # small capital i <-> CAPITAL SMALL CAPITAL I
    (0xA7AE, 0x026A, None),
    (0x0345, None, 0x0399),    # COMBINING YPOGEGRAMMENI -> IOTA
    (0x037F, 0x03F3, None),    # YOT
    (0x03F3, None, 0x037F),
    (0x03C2, None, 0x03A3),    # final sigma -> SIGMA
    (0x03CF, 0x03D7, None),    # KAI SYMBOL
    (0x03D7, None, 0x03CF),
    (0x03D0, None, 0x0392),    # beta symbol
    (0x03D1, None, 0x0398),    # theta symbol
    (0x03D5, None, 0x03A6),    # phi symbol
    (0x03D6, None, 0x03A0),    # pi symbol
    (0x03F0, None, 0x039A),    # kappa symbol
    (0x03F1, None, 0x03A1),    # rho symbol
    (0x03F5, None, 0x0395),    # lunate epsilon symbol
    (0x03F2, None, 0x03F9),    # lunate sigma symbol
    (0x03F9, 0x03F2, None),
    (0x03F4, 0x03B8, None),    # CAPITAL THETA SYMBOL -> theta
    (0x03D8, 0x03D9, None),    # archaic koppa, stigma, digamma, koppa, sampi
    (0x03D9, None, 0x03D8),
    (0x03DA, 0x03DB, None),
    (0x03DB, None, 0x03DA),
    (0x03DC, 0x03DD, None),
    (0x03DD, None, 0x03DC),
    (0x03DE, 0x03DF, None),
    (0x03DF, None, 0x03DE),
    (0x03E0, 0x03E1, None),
    (0x03E1, None, 0x03E0),
    (0x04C0, 0x04CF, None),    # PALOCHKA
    (0x04CF, None, 0x04C0),
    (0x1C80, None, 0x0412),    # Cyrillic variant small letters -> capitals
    (0x1C81, None, 0x0414),
    (0x1C82, None, 0x041E),
    (0x1C83, None, 0x0421),
    (0x1C84, None, 0x0422),
    (0x1C85, None, 0x0422),
    (0x1C86, None, 0x042A),
    (0x1C87, None, 0x0462),
    (0x1C88, None, 0xA64A),
    (0x1E9B, None, 0x1E60),    # long s with dot above
    (0x1E9E, 0x00DF, None),    # CAPITAL SHARP S -> sharp s (not back)
    (0x1FBE, None, 0x0399),    # PROSGEGRAMMENI -> IOTA
    (0x2126, 0x03C9, None),    # OHM SIGN -> omega
    (0x212A, 0x006B, None),    # KELVIN SIGN -> k
    (0x212B, 0x00E5, None),    # ANGSTROM SIGN -> a with ring
    (0x2183, 0x2184, None),    # ROMAN NUMERAL REVERSED ONE HUNDRED <-> ɔ-like
    (0x2184, None, 0x2183),
]


class GenError(Exception):
    pass


def repo_root() -> str:
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_ucd():
    try:
        import unicodedata2  # type: ignore
    except ImportError:
        raise GenError(
            "tools/gen_unicode.py needs the PyPI package unicodedata2 "
            f"(pinned: pip install {PINNED_PACKAGE})") from None
    if unicodedata2.unidata_version != PINNED_UNIDATA:
        raise GenError(
            f"unicodedata2 provides Unicode {unicodedata2.unidata_version}, "
            f"but the tables are pinned to Unicode {PINNED_UNIDATA}; "
            f"install the pinned version: pip install {PINNED_PACKAGE}")
    return unicodedata2


# ---------------------------------------------------------------- case data

def _small_name(name: str, gc: str):
    """The name of the lowercase partner of a capital-like character, or
    None when the name follows none of the regular patterns."""
    if name.startswith(NO_CASE_PREFIXES):
        return None
    if gc in ("Lu", "Lt"):
        if name.startswith("GEORGIAN MTAVRULI CAPITAL LETTER "):
            return "GEORGIAN LETTER " + name[33:]
        if name.startswith("CHEROKEE LETTER "):
            return "CHEROKEE SMALL LETTER " + name[16:]
        if " CAPITAL " in name:
            small = name.replace(" CAPITAL ", " SMALL ", 1)
            if gc == "Lt":
                small = small.replace("PROSGEGRAMMENI", "YPOGEGRAMMENI")
            return small
        return None
    if gc == "Nl" and name.startswith("ROMAN NUMERAL "):
        return "SMALL " + name
    if gc == "So" and name.startswith("CIRCLED LATIN CAPITAL LETTER "):
        return name.replace(" CAPITAL ", " SMALL ", 1)
    return None


def case_mappings(ucd, cats):
    """Return (lower, upper): dicts code point -> mapped code point, holding
    only the code points that do not map to themselves."""
    names = {}
    for cp in range(NCP):
        if cats[cp] in ("Lu", "Ll", "Lt", "Nl", "So"):
            name = ucd.name(chr(cp), None)
            if name is not None:
                names[name] = cp

    lower = {}
    upper = {}
    for cp in range(NCP):  # code point order: deterministic
        gc = cats[cp]
        if gc not in ("Lu", "Lt", "Nl", "So"):
            continue
        name = ucd.name(chr(cp), None)
        if name is None:
            continue
        small_name = _small_name(name, gc)
        if small_name is None:
            continue
        small = names.get(small_name)
        if small is None:
            continue
        small_gc = cats[small]
        if gc in ("Lu", "Lt") and small_gc != "Ll":
            continue
        if gc in ("Nl", "So") and small_gc != gc:
            continue
        lower[cp] = small
        # The uppercase of a small letter is its Lu partner; an Lt partner
        # only when there is no Lu (Greek letters with prosgegrammeni).
        prev = upper.get(small)
        if prev is None or (cats[prev] == "Lt" and gc == "Lu"):
            upper[small] = cp

    for cp, lo, up in IRREGULAR:
        if lo is None:
            lower.pop(cp, None)
        else:
            lower[cp] = lo
        if up is None:
            upper.pop(cp, None)
        else:
            upper[cp] = up
    return lower, upper


# ------------------------------------------------------------------- tables

def dedup_blocks(seq, size):
    """Split seq into blocks of `size` and share equal blocks.  Returns
    (index per block, flat list of the distinct blocks)."""
    seen = {}
    index = []
    flat = []
    for start in range(0, len(seq), size):
        block = tuple(seq[start:start + size])
        n = seen.get(block)
        if n is None:
            n = len(seen)
            seen[block] = n
            flat.extend(block)
        index.append(n)
    return index, flat


def c_uint_type(max_value: int) -> str:
    if max_value < 1 << 8:
        return "uint8_t"
    if max_value < 1 << 16:
        return "uint16_t"
    return "uint32_t"


def c_array(ctype: str, name: str, values, per_line: int = 20) -> str:
    lines = [f"static const {ctype} {name}[{len(values)}] = {{"]
    for i in range(0, len(values), per_line):
        chunk = values[i:i + per_line]
        lines.append("    " + ",".join(str(v) for v in chunk) + ",")
    lines.append("};")
    return "\n".join(lines) + "\n"


def build(ucd) -> str:
    cats = [ucd.category(chr(cp)) for cp in range(NCP)]
    for cp, gc in enumerate(cats):
        if gc not in GC_INDEX:
            raise GenError(f"unknown category {gc!r} at U+{cp:04X}")
    lower, upper = case_mappings(ucd, cats)

    records = {}     # (gc, lower delta, upper delta) -> record index
    rec_list = []
    rec_of_cp = []
    rec_of_cp_append = rec_of_cp.append
    # Record 0 is "unassigned, no mapping", the value of most code points.
    records[(0, 0, 0)] = 0
    rec_list.append((0, 0, 0))
    for cp in range(NCP):
        key = (GC_INDEX[cats[cp]], lower.get(cp, cp) - cp,
               upper.get(cp, cp) - cp)
        r = records.get(key)
        if r is None:
            r = len(rec_list)
            records[key] = r
            rec_list.append(key)
        rec_of_cp_append(r)

    leaf_index, leaves = dedup_blocks(rec_of_cp, 1 << LEAF_SHIFT)
    mid_index, mids = dedup_blocks(leaf_index, 1 << MID_SHIFT)
    top = mid_index
    nleaf = len(leaves) >> LEAF_SHIFT
    nmid = len(mids) >> MID_SHIFT

    ascii_gc = [GC_INDEX[cats[cp]] for cp in range(0x80)]
    nlower = len(lower)
    nupper = len(upper)

    out = []
    out.append(
        f"/* csrc/ucd_tables.h - generated by tools/gen_unicode.py from "
        f"Unicode {PINNED_UNIDATA} \u2014 do not edit.\n"
        f" *\n"
        f" * Source: the PyPI package {PINNED_PACKAGE}.  Regenerate with\n"
        f" *     python tools/gen_unicode.py\n"
        f" * and check with\n"
        f" *     python tools/gen_unicode.py --check\n"
        f" *\n"
        f" * Lookup of a code point cp <= 0x10FFFF:\n"
        f" *     mid  = nt_ucd_top[cp >> {LEAF_SHIFT + MID_SHIFT}]\n"
        f" *     leaf = nt_ucd_mid[(mid << {MID_SHIFT}) + "
        f"((cp >> {LEAF_SHIFT}) & {(1 << MID_SHIFT) - 1})]\n"
        f" *     rec  = nt_ucd_records[nt_ucd_leaf[(leaf << {LEAF_SHIFT}) + "
        f"(cp & {(1 << LEAF_SHIFT) - 1})]]\n"
        f" * rec.gc is an nt_gc value; the simple lowercase mapping is\n"
        f" * cp + rec.lower and the simple uppercase mapping cp + rec.upper\n"
        f" * (0 = maps to itself).\n"
        f" *\n"
        f" * {len(rec_list)} records, {nleaf} leaf blocks, {nmid} middle "
        f"blocks; {nlower} lowercase and {nupper} uppercase mappings.\n"
        f" */\n")
    out.append("#ifndef NT_UCD_TABLES_H\n#define NT_UCD_TABLES_H\n\n"
               "#include <stdint.h>\n\n")
    out.append(f'#define NT_UNICODE_VERSION "{PINNED_UNIDATA}"\n\n')
    out.append(f"#define NT_UCD_LEAF_SHIFT {LEAF_SHIFT}\n")
    out.append(f"#define NT_UCD_MID_SHIFT {MID_SHIFT}\n\n")
    out.append("typedef struct nt_ucd_record {\n"
               "    uint8_t gc;      /* nt_gc */\n"
               "    int32_t lower;   /* simple lowercase minus cp */\n"
               "    int32_t upper;   /* simple uppercase minus cp */\n"
               "} nt_ucd_record;\n\n")
    out.append(f"static const nt_ucd_record nt_ucd_records[{len(rec_list)}] = {{\n")
    for gc, lo, up in rec_list:
        out.append(f"    {{{gc},{lo},{up}}}, /* {GC_ORDER[gc]} */\n")
    out.append("};\n\n")
    out.append("/* General category of U+0000..U+007F. */\n")
    out.append(c_array("uint8_t", "nt_ucd_ascii_gc", ascii_gc, 32))
    out.append("\n")
    out.append(c_array(c_uint_type(nmid - 1), "nt_ucd_top", top))
    out.append("\n")
    out.append(c_array(c_uint_type(nleaf - 1), "nt_ucd_mid", mids))
    out.append("\n")
    out.append(c_array(c_uint_type(len(rec_list) - 1), "nt_ucd_leaf", leaves, 32))
    out.append("\n#endif /* NT_UCD_TABLES_H */\n")
    return "".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate csrc/ucd_tables.h from Unicode "
                    f"{PINNED_UNIDATA} ({PINNED_PACKAGE}).")
    parser.add_argument("--output", default=None,
                        help="where to write (default: csrc/ucd_tables.h "
                             "in the repository)")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the file differs from "
                             "what would be generated")
    args = parser.parse_args(argv)
    path = args.output or os.path.join(repo_root(), "csrc", "ucd_tables.h")

    try:
        text = build(load_ucd())
    except GenError as e:
        print(f"gen_unicode: error: {e}", file=sys.stderr)
        return 2
    data = text.encode("utf-8")

    if args.check:
        try:
            with open(path, "rb") as f:
                current = f.read()
        except OSError as e:
            print(f"gen_unicode: {path}: cannot read ({e.strerror}); "
                  "run: python tools/gen_unicode.py", file=sys.stderr)
            return 1
        if current != data:
            print(f"gen_unicode: {path} is out of date; "
                  "run: python tools/gen_unicode.py", file=sys.stderr)
            return 1
        print(f"gen_unicode: {path} is up to date (Unicode {PINNED_UNIDATA})")
        return 0

    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    print(f"gen_unicode: wrote {path} ({len(data)} bytes, "
          f"Unicode {PINNED_UNIDATA})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
