"""python -m newstext FILE... --keywords N."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def run(*args):
    # run outside the repository so the installed package is imported, not
    # the source tree (which has no compiled core unless built in place)
    return subprocess.run([sys.executable, "-m", "newstext", *map(str, args)], capture_output=True,
                          text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])


def test_keywords_listing():
    f = ARTICLES / "id_kompas_banjir_jakarta.txt"
    r = run(f, "--keywords", 3)
    assert r.returncode == 0, r.stderr
    assert "lang  sentences  tokens" in r.stdout  # the existing report stays
    assert f"{f}: keywords" in r.stdout
    assert "   1. BPBD DKI Jakarta  (x3, score " in r.stdout
    assert r.stdout.count("score ") == 3


def test_keywords_json():
    files = [ARTICLES / "en_reuters_style_summit.txt", ARTICLES / "id_egindo_pangan.txt"]
    r = run(*files, "--keywords", 4, "--json")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    kw = [row for row in rows if "keywords" in row]
    assert [row["file"] for row in kw] == list(map(str, files))
    assert all(len(row["keywords"]) == 4 for row in kw)
    assert kw[0]["keywords"][0]["phrase"] == "Allies pledge"


@pytest.mark.parametrize("bad", ["-1", "x"])
def test_bad_count(bad):
    r = run(ARTICLES / "id_egindo_pangan.txt", "--keywords", bad)
    assert r.returncode == 2
