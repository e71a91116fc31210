"""tools/gen_phrases.py and the committed csrc/phrase_tables.h."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT / "tools" / "gen_phrases.py"


def run_gen(*args):
    return subprocess.run([sys.executable, str(GEN), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_committed_header_is_up_to_date():
    r = run_gen("--check")
    assert r.returncode == 0, r.stderr


def test_stale_header_is_reported(tmp_path):
    out = tmp_path / "phrase_tables.h"
    out.write_text("stale\n")
    r = run_gen("--check", "--output", out)
    assert r.returncode == 1 and "out of date" in r.stderr
    r = run_gen("--output", out)
    assert r.returncode == 0
    assert out.read_text() == (ROOT / "csrc" / "phrase_tables.h").read_text()


def test_bad_entries_are_reported_with_file_and_line(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "csrc" / "data", data)
    with open(data / "months.txt", "a") as f:
        f.write("Januari = 1\nmaret = 3\nfoo = x\n")
    with open(data / "line_patterns.txt", "a") as f:
        f.write("lihat video = boilerplate sideways\n")
    r = run_gen("--data-dir", data, "--output", tmp_path / "x.h")
    assert r.returncode == 2
    assert "must be lower case" in r.stderr
    assert "duplicate key 'maret'" in r.stderr
    assert "'x' is not a number" in r.stderr
    assert "unknown mode 'sideways'" in r.stderr
    assert not (tmp_path / "x.h").exists()
