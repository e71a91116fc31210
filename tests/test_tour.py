"""examples/tour.ipynb runs without errors, says what it should, and its committed outputs are current.

The notebook is executed once per test session with nbclient (a real
Jupyter kernel, working directory examples/).  Cells are found by their tag
(cell metadata ``tags``), so sections can be added without touching these
tests.  Skipped under the sanitizer run (NEWSTEXT_TEST_SANITIZED=1: a
Jupyter kernel under ASan is not worth it) and when nbclient, nbformat or
ipykernel are missing.
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest

if os.environ.get("NEWSTEXT_TEST_SANITIZED") == "1":
    pytest.skip("the tour notebook is not run under the sanitizer build", allow_module_level=True)
nbformat = pytest.importorskip("nbformat")
pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "tour.ipynb"

_spec = importlib.util.spec_from_file_location("run_tour", ROOT / "tools" / "run_tour.py")
run_tour = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run_tour)


@pytest.fixture(scope="module")
def fresh():
    return run_tour.execute(NOTEBOOK)


@pytest.fixture(scope="module")
def committed():
    return nbformat.read(str(NOTEBOOK), as_version=4)


def cell(nb, tag):
    found = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(found) == 1, f"one cell tagged {tag!r}"
    return found[0]


def plain(nb, tag) -> str:
    """The cell's text: its printed output and the text/plain of its result."""
    parts = []
    for out in cell(nb, tag).outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            parts.append(out.data.get("text/plain", ""))
    return "\n".join(parts)


def test_every_cell_runs_without_error(fresh):
    code = [c for c in fresh.cells if c.cell_type == "code"]
    assert len(code) >= 20
    for c in code:
        errors = [o for o in c.outputs if o.output_type == "error"]
        assert errors == [], (c.source, errors)
        stderr = "".join(o.text for o in c.outputs if o.output_type == "stream" and o.name == "stderr")
        assert stderr == "" or stderr.startswith("Matplotlib is building the font cache"), (c.source, stderr)
        assert c.execution_count is not None


def test_cleaning_section(fresh):
    assert plain(fresh, "load").startswith("Corpus(7 documents: 'en_local_news_storm', ")
    articles = plain(fresh, "articles")
    for outlet in ("Kompas.com", "Kompas.TV", "Tribunnews.com", "EGINDO.co", "DW", "KOTA KINABALU"):
        assert outlet in articles
    assert "Baca berita tanpa iklan" in plain(fresh, "raw")  # the raw scrape still has the chrome
    fields = plain(fresh, "article-fields")
    assert "title:     Banjir Rendam 42 RT di Jakarta, Pemprov DKI Siapkan Rp 2,5 Triliun" in fields
    assert "authors:   ['Nadia Putri Kusumawardani']" in fields
    assert "editors:   ['Yohanes Ardi Prasetyo']" in fields
    assert "\nHujan deras yang mengguyur Jakarta" in fields and "Baca juga" not in fields
    lines = plain(fresh, "lines")
    assert re.search(r"heading\s+Pengerukan waduk belum tuntas", lines)
    assert re.search(r"boilerplate\s+Baca juga: BMKG", lines)
    assert " body " not in lines  # the table lists what was set aside only


def test_keyword_section(fresh):
    assert re.search(r"0\s+Badan Penanggulangan Bencana\s+0\.0115\d+\s+1\s+1", plain(fresh, "doc-keywords"))
    assert re.search(r"id_kompas_banjir_jakarta\s+Badan Penanggulangan Bencana\s+BPBD DKI Jakarta\s+DKI Jakarta",
                     plain(fresh, "corpus-keywords"))
    tfidf = plain(fresh, "tfidf")
    assert re.search(r"id_tribun_ekonomi\s+1\s+beras\s+0\.2007\d+\s+8\s+1", tfidf)
    assert "en_local_news_storm" not in tfidf  # the cell keeps the Indonesian articles
    assert re.search(r"Tribunnews\.com\s+1\s+beras\s+2\.72\d+\s+8\s+0", plain(fresh, "distinctive"))


def test_who_said_what_section(fresh):
    rows = [ln.split() for ln in plain(fresh, "quotes-table").splitlines()[1:]]
    assert [(r[1] + " " + r[2], r[3], r[4]) for r in rows if r[1] != "NaN"] == [
        ("Hendra Wiratmaja", "kata", "direct"),
        ("Hendra Wiratmaja", "katanya", "direct"),
        ("Lestari Handayani", "menilai", "partial"),
        ("Lestari Handayani", "ujar", "direct"),
        ("Rahmat Wicaksono", "meminta", "partial"),
        ("Rahmat Wicaksono", "kata", "direct"),
    ]
    assert "Kampung Siaga Air" in plain(fresh, "quotes-table")
    (out,) = cell(fresh, "display").outputs
    html = out.data["text/html"]
    assert html.startswith('<div class="nt-document">')
    assert html.count('<mark class="nt-quote nt-direct"') == 6 and 'nt-quote nt-other' not in html
    for speaker in ("Laksmi Dewanti", "Hamzah Roslan", "Ramon Villanueva"):
        assert html.count(f'<sup class="nt-speaker">{speaker}</sup>') == 2
    assert "<th>dateline</th><td>KOTA KINABALU</td>" in html
    assert out.data["text/plain"].startswith("Document(id='id_kompastv_pertemuan', lang='id'")
    assert re.search(r"Dewi Anggraeni\s+mengatakan\s+direct", plain(fresh, "quotes-dw"))


def test_speakers_and_outlets_section(fresh):
    speakers = plain(fresh, "speakers")
    assert re.search(r"Hendra Wiratmaja\s+2\s+1\s+\[id_kompas_banjir_jakarta\]", speakers)
    assert len(speakers.splitlines()) == 11
    table = plain(fresh, "quotes-by-outlet")
    assert re.search(r"\(English, no outlet\)\s+13\s+0\s+2", table)
    assert re.search(r"Kompas\.com\s+4\s+1\s+2", table)


def test_entities_section(fresh):
    ents = plain(fresh, "entities")
    assert re.search(r"id_kompas_banjir_jakarta\s+Hendra Wiratmaja\s+person\s+3\s+456\s+\[Hendra Wiratmaja, Hendra\]", ents)
    assert re.search(r"Lestari Handayani\s+person\s+2\s+1677", ents)
    across = plain(fresh, "entities-across").splitlines()
    assert re.match(r"Indonesia\s+3\s+5$", across[2])
    assert len(across) == 7


def test_duplicates_section(fresh):
    out = plain(fresh, "duplicates").splitlines()
    assert out[0] == "0"   # the seven examples: no near-duplicates
    assert re.match(r"0\s+id_kompas_banjir_jakarta\s+republished_copy\s+0\.98\d*\s+0$", out[-1])
    assert len([ln for ln in out if ln.strip()]) == 3


def test_shared_quotes_section(fresh):
    shared = plain(fresh, "shared-quotes")
    assert re.search(r"0\s+0\s+outlet A\s+Rudi Hartanto\s+Stok beras nasional cukup .*0\.846154", shared)
    assert re.search(r"1\s+0\s+outlet B\s+Rudi Hartanto\s+Stok beras nasional aman .*0\.846154", shared)
    assert "outlet C" not in shared
    assert plain(fresh, "shared-quotes-examples") == "0"


def test_kwic_section(fresh):
    table = plain(fresh, "kwic")
    assert table.count("harga beras") == 2 and "kenaikan  harga beras  dan rencana tambahan impor." in table
    lines = plain(fresh, "kwic-lines").splitlines()
    assert len(lines) == 5 and all("  BANJIR  " in ln for ln in lines)
    # the matches line up in one column
    assert len({ln.index("  BANJIR  ") for ln in lines}) == 1
    assert re.search(r"^id_kompas_banjir_jakarta +Hendra saat ditemui di posko  BANJIR  Jl\. Jatinegara Barat,",
                     lines[1])


@pytest.mark.parametrize("tag", ["plot-speakers", "plot-keywords", "plot-time"])
def test_plots_are_drawn(fresh, tag):
    images = [o for o in cell(fresh, tag).outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1
    assert len(images[0].data["image/png"]) > 5000  # a real chart, not an empty figure
    assert "<Axes" not in plain(fresh, tag)          # the cells end with an assignment


def test_committed_outputs_are_current(fresh, committed):
    """The committed notebook shows what the code prints today (refresh: python tools/run_tour.py).

    Only under the Python and pandas versions that made the committed outputs:
    another pandas may lay out the same tables differently."""
    made_with = committed.metadata.get("tour_versions")
    assert made_with, "tools/run_tour.py records the versions it ran under"
    if made_with != run_tour.versions():
        pytest.skip(f"committed outputs were made with {made_with}, this is {run_tour.versions()}")
    assert [c.source for c in committed.cells] == [c.source for c in fresh.cells]
    old, new = run_tour.text_outputs(committed), run_tour.text_outputs(fresh)
    for i, (a, b) in enumerate(zip(old, new)):
        assert a == b, f"code cell {i} is stale: run python tools/run_tour.py"
    assert len(old) == len(new)
    images = [c for c in committed.cells if any("image/png" in o.get("data", {}) for o in c.get("outputs", []))]
    assert len(images) == 3  # the charts are committed too


def test_volatile_bits_are_ignored():
    assert run_tour.normalise("<Figure at 0x7f3a2b1c9d50>") == run_tour.normalise("<Figure at 0x7f00aa11bb22>")
    assert run_tour.normalise("CPU times: user 2 ms, sys: 1 ms") == run_tour.normalise("CPU times: user 9 ms")
    assert run_tour.normalise("Kompas.com 2025-02-03") == "Kompas.com 2025-02-03"
