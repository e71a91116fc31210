"""The command line: date/outlet/title in the default report, and --clean."""

from __future__ import annotations

import json

from newstext.__main__ import main

ARTICLE = (
    "Pelabuhan Tanjung Priok Tambah Dua Dermaga Peti Kemas\n"
    "Kompas.com - 11/03/2025, 08:20 WIB\n"
    "Andi Saputra Wibowo\n\n"
    "Penulis\n\n"
    "JAKARTA, KOMPAS.com - Pelabuhan Tanjung Priok menambah dua dermaga peti kemas untuk "
    "memangkas antrean kapal yang kerap mencapai tiga hari.\n\n"
    "Baca juga: Antrean Truk di Priok Mengular hingga Tol\n\n"
    "Direktur operasi pelabuhan mengatakan dermaga baru mulai beroperasi pada Juli.\n"
)


def test_default_report_has_date_outlet_title(tmp_path, capsys):
    f = tmp_path / "priok.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert main([str(f)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[-4:] == ["tokens", "date", "outlet", "title"]
    assert "2025-03-11" in out[1] and "Kompas.com" in out[1] and "Pelabuhan Tanjung Priok" in out[1]
    assert main([str(f), "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["date"], row["outlet"], row["title"]) == (
        "2025-03-11", "Kompas.com", "Pelabuhan Tanjung Priok Tambah Dua Dermaga Peti Kemas")


def test_clean_flag_prints_metadata_and_body(tmp_path, capsys):
    f = tmp_path / "priok.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert main([str(f), "--clean"]) == 0
    out = capsys.readouterr().out
    assert "time:     08:20 WIB" in out and "dateline: JAKARTA" in out
    assert "authors:  Andi Saputra Wibowo" in out
    assert "Pelabuhan Tanjung Priok menambah dua dermaga" in out
    assert "Baca juga" not in out and "Penulis" not in out
    assert main([str(f), "--clean", "--json"]) == 0
    obj = json.loads(capsys.readouterr().out)
    assert obj["authors"] == ["Andi Saputra Wibowo"] and obj["text"].startswith("Pelabuhan Tanjung Priok menambah")
    assert [ln["label"] for ln in obj["lines"]][:3] == ["title", "metadata", "metadata"]


def test_clean_flag_missing_file(tmp_path, capsys):
    assert main([str(tmp_path / "nope.txt"), "--clean"]) == 1
    assert "nope.txt" in capsys.readouterr().err
