"""Checks of the generated Unicode tables (csrc/ucd_tables.h) and their C
lookups (csrc/unicode.c).

* The committed header is what tools/gen_unicode.py generates.
* Exhaustive: a small C program dumps nt_uc_category / nt_uc_lower /
  nt_uc_upper / nt_uc_is_space for every code point 0..0x10FFFF, and every
  value is compared with unicodedata2 (categories) and with the generator's
  case mappings.
* The generator's case mappings agree with the running Python's own
  str.lower()/str.upper() for every character that Python's (older)
  Unicode version knows.

The tests need unicodedata2 at the pinned version (pip install
unicodedata2==17.0.1) and are skipped without it; the exhaustive C test also
needs a C compiler.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import unicodedata
from array import array
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT / "tools" / "gen_unicode.py"
CSRC = ROOT / "csrc"

PINNED_UNIDATA = "17.0.0"
PINNED_PACKAGE = "unicodedata2==17.0.1"
NCP = 0x110000

# Uppercase mappings that Unicode added to characters that already existed,
# after the Unicode version of some Pythons: code point -> (uppercase,
# Unicode version that added it).  An older Python reports no mapping.
LATER_UPPERCASE = {
    0x019B: (0xA7DC, (16, 0, 0)),  # lambda with stroke, capital new in 16.0
    0x0264: (0xA7CB, (16, 0, 0)),  # rams horn, capital new in 16.0
    0xA7D3: (0xA7D2, (17, 0, 0)),  # double thorn, capital new in 17.0
    0xA7D5: (0xA7D4, (17, 0, 0)),  # double wynn, capital new in 17.0
}


def _version(text: str) -> tuple:
    return tuple(int(x) for x in text.split("."))


@pytest.fixture(scope="module")
def ucd():
    try:
        import unicodedata2
    except ImportError:
        pytest.skip(f"unicodedata2 is not installed (pip install {PINNED_PACKAGE})")
    if unicodedata2.unidata_version != PINNED_UNIDATA:
        pytest.skip(f"unicodedata2 has Unicode {unicodedata2.unidata_version}, "
                    f"the tables are pinned to {PINNED_UNIDATA} "
                    f"(pip install {PINNED_PACKAGE})")
    return unicodedata2


@pytest.fixture(scope="module")
def gen(ucd):
    spec = importlib.util.spec_from_file_location("gen_unicode", GEN)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def generated_case(ucd, gen):
    """(lower, upper) dicts of the generator: cp -> mapping, non-identity
    only."""
    cats = [ucd.category(chr(cp)) for cp in range(NCP)]
    return gen.case_mappings(ucd, cats)


def _gc_order_from_internal_h() -> list:
    text = (CSRC / "internal.h").read_text(encoding="utf-8")
    body = re.search(r"typedef enum nt_gc \{(.*?)\} nt_gc;", text, re.S)
    assert body, "nt_gc enum not found in csrc/internal.h"
    body = re.sub(r"/\*.*?\*/", "", body.group(1), flags=re.S)
    names = re.findall(r"NT_GC_(\w+)", body)
    assert names[-1] == "COUNT"
    return names[:-1]


def _find_cc():
    """A C compiler command as an argv prefix, or None."""
    candidates = []
    if os.environ.get("CC"):
        candidates.append(os.environ["CC"])
    cfg = sysconfig.get_config_var("CC")
    if cfg:
        candidates.append(cfg)
    candidates += ["cc", "gcc", "clang"]
    for cand in candidates:
        try:
            argv = shlex.split(cand)
        except ValueError:
            continue
        if argv and shutil.which(argv[0]):
            return argv
    return None


DUMP_C = r"""
#include <stdio.h>
#include "internal.h"

/* Write, for every code point, the category (1 byte), is_space (1 byte),
 * and the lowercase and uppercase mappings (native uint32), as four
 * column files. */
int main(int argc, char **argv) {
    FILE *f[4];
    uint32_t cp;
    int i;
    if (argc != 5) return 2;
    for (i = 0; i < 4; i++) {
        f[i] = fopen(argv[i + 1], "wb");
        if (!f[i]) return 3;
    }
    for (cp = 0; cp < 0x110000u; cp++) {
        unsigned char g = (unsigned char)nt_uc_category(cp);
        unsigned char s = (unsigned char)(nt_uc_is_space(cp) ? 1 : 0);
        uint32_t lo = nt_uc_lower(cp), up = nt_uc_upper(cp);
        if (fwrite(&g, 1, 1, f[0]) != 1 || fwrite(&s, 1, 1, f[1]) != 1 ||
            fwrite(&lo, 4, 1, f[2]) != 1 || fwrite(&up, 4, 1, f[3]) != 1)
            return 4;
    }
    for (i = 0; i < 4; i++)
        if (fclose(f[i]) != 0) return 5;
    return 0;
}
"""


@pytest.fixture(scope="module")
def c_dump(tmp_path_factory):
    cc = _find_cc()
    if cc is None:
        pytest.skip("no C compiler found (set CC)")
    d = tmp_path_factory.mktemp("ucd_dump")
    src = d / "dump.c"
    src.write_text(DUMP_C, encoding="utf-8")
    exe = d / ("dump.exe" if os.name == "nt" else "dump")
    cmd = cc + ["-std=c11", "-O1", "-I", str(CSRC), str(src),
                str(CSRC / "unicode.c"), "-o", str(exe)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0, f"compiling the dump program failed:\n{' '.join(cmd)}\n{proc.stderr}"
    outs = [d / name for name in ("gc.bin", "space.bin", "lower.bin", "upper.bin")]
    proc = subprocess.run([str(exe)] + [str(p) for p in outs],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, f"dump program failed ({proc.returncode}): {proc.stderr}"
    gc = outs[0].read_bytes()
    space = outs[1].read_bytes()
    lower = array("I")
    lower.frombytes(outs[2].read_bytes())
    upper = array("I")
    upper.frombytes(outs[3].read_bytes())
    assert len(gc) == len(space) == len(lower) == len(upper) == NCP
    return gc, space, lower, upper


def _first_diffs(got, want, n=10):
    out = []
    for cp in range(len(want)):
        if got[cp] != want[cp]:
            out.append(f"U+{cp:04X}: got {got[cp]!r}, want {want[cp]!r}")
            if len(out) == n:
                break
    return out


# ------------------------------------------------------------------ tests


def test_generated_header_is_up_to_date(ucd):
    proc = subprocess.run([sys.executable, str(GEN), "--check"],
                          capture_output=True, text=True, cwd=str(ROOT))
    assert proc.returncode == 0, (
        f"tools/gen_unicode.py --check failed ({proc.returncode}):\n"
        f"{proc.stdout}{proc.stderr}")


def test_gc_order_matches_internal_h(gen):
    assert gen.GC_ORDER == _gc_order_from_internal_h()


def test_header_version(ucd):
    text = (CSRC / "ucd_tables.h").read_text(encoding="utf-8")
    assert f'#define NT_UNICODE_VERSION "{PINNED_UNIDATA}"' in text
    assert (f"generated by tools/gen_unicode.py from Unicode {PINNED_UNIDATA}"
            in text.splitlines()[0])


def test_categories_exhaustive(ucd, c_dump):
    gc, _, _, _ = c_dump
    order = {name: i for i, name in enumerate(_gc_order_from_internal_h())}
    want = bytes(order[ucd.category(chr(cp))] for cp in range(NCP))
    if gc != want:
        pytest.fail("nt_uc_category disagrees with unicodedata2:\n"
                    + "\n".join(_first_diffs(gc, want)))


def test_is_space_exhaustive(ucd, c_dump):
    _, space, _, _ = c_dump
    want = bytearray(NCP)
    for cp in range(NCP):
        if ucd.category(chr(cp)) in ("Zs", "Zl", "Zp"):
            want[cp] = 1
    for cp in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85):
        want[cp] = 1
    if space != bytes(want):
        pytest.fail("nt_uc_is_space disagrees with White_Space:\n"
                    + "\n".join(_first_diffs(space, want)))


def test_case_mappings_exhaustive(c_dump, generated_case):
    _, _, lower, upper = c_dump
    glower, gupper = generated_case
    want_lower = array("I", range(NCP))
    want_upper = array("I", range(NCP))
    for cp, m in glower.items():
        want_lower[cp] = m
    for cp, m in gupper.items():
        want_upper[cp] = m
    if lower != want_lower:
        pytest.fail("nt_uc_lower disagrees with the generator:\n"
                    + "\n".join(_first_diffs(lower, want_lower)))
    if upper != want_upper:
        pytest.fail("nt_uc_upper disagrees with the generator:\n"
                    + "\n".join(_first_diffs(upper, want_upper)))


def test_case_mappings_match_running_python(ucd, generated_case):
    """The name-derived case mappings against the running Python's own
    case data, for every character its Unicode version assigns.

    str.lower()/str.upper() give full mappings; the simple (1:1) mapping is
    the full one when that is a single character.  When the full mapping is
    longer, the simple lowercase is U+0069 for U+0130 (the only such
    lowercase) and the simple uppercase is the single-character titlecase
    if there is one (U+1F80 -> U+1F88), else none (U+00DF).
    """
    host = _version(unicodedata.unidata_version)
    if host > _version(PINNED_UNIDATA):
        pytest.skip(f"this Python's Unicode {unicodedata.unidata_version} is "
                    f"newer than the tables' {PINNED_UNIDATA}")
    glower, gupper = generated_case
    bad = []
    for cp in range(NCP):
        c = chr(cp)
        if unicodedata.category(c) == "Cn" or ucd.category(c) == "Cn":
            continue
        lo = c.lower()
        if len(lo) == 1:
            want_lo = ord(lo)
        else:
            want_lo = 0x69 if cp == 0x130 else cp
        up = c.upper()
        if len(up) == 1:
            want_up = ord(up)
        else:
            title = c.title()
            want_up = ord(title) if len(title) == 1 else cp
        later = LATER_UPPERCASE.get(cp)
        if later is not None and host < later[1]:
            assert want_up == cp
            want_up = later[0]
        got_lo = glower.get(cp, cp)
        got_up = gupper.get(cp, cp)
        if got_lo != want_lo:
            bad.append(f"lower(U+{cp:04X}) = U+{got_lo:04X}, Python says U+{want_lo:04X}")
        if got_up != want_up:
            bad.append(f"upper(U+{cp:04X}) = U+{got_up:04X}, Python says U+{want_up:04X}")
    assert not bad, (f"{len(bad)} case mappings differ from Python "
                     f"{sys.version.split()[0]} (Unicode {unicodedata.unidata_version}):\n"
                     + "\n".join(bad[:20]))


def test_case_mappings_round_trip(ucd, generated_case):
    """Structural sanity for every mapping, including characters newer than
    the running Python: mappings stay within assigned characters, a
    lowercase mapping goes to a lowercase-ish character and back."""
    glower, gupper = generated_case
    for cp, m in glower.items():
        assert ucd.category(chr(m)) != "Cn", f"U+{cp:04X} lowers to unassigned U+{m:04X}"
        # Every lowercase target is its own lowercase.
        assert glower.get(m, m) == m, f"U+{cp:04X} -> U+{m:04X} is not stable"
    for cp, m in gupper.items():
        assert ucd.category(chr(m)) != "Cn", f"U+{cp:04X} uppers to unassigned U+{m:04X}"
    # Letters of bicameral scripts new since the running Python (Garay, Beria
    # Erfe, ...) pair up in both directions.
    for cp, m in glower.items():
        if ucd.category(chr(cp)) == "Lu" and unicodedata.category(chr(cp)) == "Cn":
            assert gupper.get(m) == cp, f"U+{m:04X} does not uppercase back to U+{cp:04X}"
