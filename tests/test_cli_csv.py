"""The command line's --csv report, on the project's example articles."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import newstext
from newstext.__main__ import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
KOMPAS = str(EXAMPLES / "id_kompas_banjir_jakarta.txt")
REUTERS = str(EXAMPLES / "en_reuters_style_summit.txt")


def read(capsys):
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_csv_one_row_per_article(capsys):
    assert main([KOMPAS, REUTERS, "--csv"]) == 0
    rows = read(capsys)
    assert [r["file"] for r in rows] == [KOMPAS, REUTERS]
    assert list(rows[0]) == ["file", "lang", "chars", "sentences", "tokens", "date", "outlet", "title"]
    k = rows[0]
    text = Path(KOMPAS).read_text(encoding="utf-8")
    assert (k["lang"], k["date"], k["outlet"]) == ("id", "2025-02-03", "Kompas.com")
    assert int(k["chars"]) == len(text) and int(k["tokens"]) == len(newstext.tokens(text))
    assert k["title"].startswith("Banjir Rendam 42 RT di Jakarta, Pemprov DKI")  # the comma is quoted
    assert rows[1]["lang"] == "en"


def test_csv_with_keywords_and_quotes(capsys):
    assert main([KOMPAS, "--csv", "--keywords", "3", "--quotes"]) == 0
    (row,) = read(capsys)
    text = Path(KOMPAS).read_text(encoding="utf-8")
    assert row["keywords"] == "; ".join(k.phrase for k in newstext.keywords(text, top=3, lang="id"))
    assert (row["direct_quotes"], row["partial_quotes"]) == ("4", "2")
    assert row["speakers"] == "Hendra Wiratmaja; Lestari Handayani; Rahmat Wicaksono"


def test_csv_missing_file_reports_and_goes_on(tmp_path, capsys):
    assert main([str(tmp_path / "missing.txt"), KOMPAS, "--csv"]) == 1
    captured = capsys.readouterr()
    assert "missing.txt" in captured.err
    assert len(list(csv.DictReader(io.StringIO(captured.out)))) == 1


@pytest.mark.parametrize("other", ["--json", "--clean"])
def test_csv_excludes_json_and_clean(other, capsys):
    with pytest.raises(SystemExit):
        main([KOMPAS, "--csv", other])
    assert "--csv cannot be combined" in capsys.readouterr().err
