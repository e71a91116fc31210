"""The command line: ``python -m newstext FILE... [--json|--csv] [--keywords N] [--quotes] [--clean]``.

Exact expectations on the project's example articles (examples/articles/,
written for the project) and on files written here into tmp_path; every
error path (missing, unreadable, directory, non-UTF-8 files; conflicting or
bad options)."""

from __future__ import annotations

import builtins
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newstext
from newstext.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
KOMPAS = str(EXAMPLES / "id_kompas_banjir_jakarta.txt")
REUTERS = str(EXAMPLES / "en_reuters_style_summit.txt")
EGINDO = str(EXAMPLES / "id_egindo_pangan.txt")
DW = str(EXAMPLES / "id_dw_iklim_asean.txt")

PRIOK = (
    "Pelabuhan Tanjung Priok Tambah Dua Dermaga Peti Kemas\n"
    "Kompas.com - 11/03/2025, 08:20 WIB\n"
    "Andi Saputra Wibowo\n\n"
    "Penulis\n\n"
    "JAKARTA, KOMPAS.com - Pelabuhan Tanjung Priok menambah dua dermaga peti kemas untuk "
    "memangkas antrean kapal yang kerap mencapai tiga hari.\n\n"
    "Baca juga: Antrean Truk di Priok Mengular hingga Tol\n\n"
    "Direktur operasi pelabuhan mengatakan dermaga baru mulai beroperasi pada Juli.\n"
)


def run(capsys, *args):
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def priok(tmp_path):
    f = tmp_path / "priok.txt"
    f.write_text(PRIOK, encoding="utf-8")
    return str(f)


# ------------------------------------------------------------ default report

def test_default_report_is_a_table(capsys):
    status, out, err = run(capsys, KOMPAS, REUTERS)
    assert status == 0 and err == ""
    w = max(len(KOMPAS), len(REUTERS))
    assert out.splitlines() == [
        f"{'file':<{w}}  lang  sentences  tokens  date        outlet      title",
        f"{KOMPAS:<{w}}  id           64     781  2025-02-03  Kompas.com  "
        "Banjir Rendam 42 RT di Jakarta, Pemprov DKI Siapkan Rp 2,5 \u2026",
        f"{REUTERS:<{w}}  en           37     669  2025-03-06  -           "
        "Allies pledge up to $12 billion for critical minerals at Wa\u2026",
    ]


def test_counts_are_those_of_the_functions(capsys):
    status, out, _ = run(capsys, EGINDO, "--json")
    row = json.loads(out)
    text = Path(EGINDO).read_text(encoding="utf-8")
    assert row == {
        "file": EGINDO, "lang": "id", "chars": len(text),
        "sentences": len(newstext.sentences(text)), "tokens": len(newstext.tokens(text)),
        "date": None, "outlet": "EGINDO.co",
        "title": "Singapura Perluas Impor Telur Dan Sayur Dari Batam, Petani Riau Bersiap",
    }


def test_keywords_and_quotes_one_block_per_article(capsys):
    status, out, err = run(capsys, KOMPAS, "--keywords", 3, "--quotes")
    assert status == 0 and err == ""
    assert out.splitlines()[2:] == [
        "",
        f"{KOMPAS}  [Banjir Rendam 42 RT di Jakarta, Pemprov DKI Siapkan Rp 2,5 Triliun un\u2026]",
        "  top 3 keywords (YAKE: lower score = better)",
        "     1. BPBD DKI Jakarta  (x3, score 0.0083)",
        "     2. DKI Jakarta  (x6, score 0.0116)",
        "     3. Jakarta  (x15, score 0.0186)",
        "  7 quotes (4 direct, 2 partial, 1 other)",
        "    direct   Hendra Wiratmaja   kata     \u201cPompa stasioner dan pompa mobile sudah beroperasi penuh sej\u2026\u201d",
        "    direct   Hendra Wiratmaja   katanya  \u201cWarga-warga yang tinggal di bantaran kali jangan menunggu a\u2026\u201d",
        "    partial  Lestari Handayani  menilai  \u201cmengorek-ngorek permukaan\u201d",
        "    direct   Lestari Handayani  ujar     \u201cKalau daya tampung waduk tinggal separuh, sebesar apa pun p\u2026\u201d",
        "    other    -                           \u201cKampung Siaga Air\u201d",
        "    partial  Rahmat Wicaksono   meminta  \u201csebaik-baiknya\u201d",
        "    direct   Rahmat Wicaksono   kata     \u201cKami tidak ingin ada lagi ruas yang berhenti di tengah jala\u2026\u201d",
    ]


def test_long_speaker_names_keep_the_columns(capsys):
    # "Kelompok masyarakat sipil" is longer than the speaker column
    _, out, _ = run(capsys, DW, "--quotes")
    rows = [ln for ln in out.splitlines() if ln.startswith(("    direct", "    partial"))]
    assert len(rows) == 7
    assert rows[0].startswith("    partial  Kelompok masyarakat sip\u2026  menyebut    \u201cterlalu kecil")
    assert rows[-1].startswith("    partial  Jaringan organisasi lin\u2026  menyebut    \u201clangkah mundur")
    assert len({ln.index("\u201c") for ln in rows}) == 1  # the quotes line up


def test_blocks_follow_file_order_and_each_file_once(capsys):
    files = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    status, out, _ = run(capsys, *files, "--quotes")
    assert status == 0
    heads = [ln.split("  [")[0] for ln in out.splitlines() if ln.endswith("]") and "  [" in ln]
    assert heads == files
    assert out.count(" quotes (") == 7


def test_quote_lines_are_one_line_each(tmp_path, capsys):
    f = tmp_path / "multi.txt"
    f.write_text('"Harga beras  naik\tlagi minggu ini," kata Budi Santoso di Jakarta.\n', encoding="utf-8")
    _, out, _ = run(capsys, f, "--quotes")
    assert "    direct   Budi Santoso  kata  \u201cHarga beras naik lagi minggu ini,\u201d" in out.splitlines()


def test_unclosed_quote_is_flagged(tmp_path, capsys):
    f = tmp_path / "unclosed.txt"
    f.write_text('Warga berkata, "air sudah masuk rumah sejak pagi dan belum surut.\n\nBerita lain.\n',
                 encoding="utf-8")
    _, out, _ = run(capsys, f, "--quotes")
    assert out.rstrip().splitlines()[-1].endswith("  [unclosed]")


def test_readme_main_job_sample_is_current(capsys):
    """Every line of the README's sample output (between the '...' cuts) is in the real output, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"```bash\npip install -e \. && python -m newstext (.*?)\n```\n\n```\n(.*?)```", readme, re.S)
    assert m, "the README's main-job command and sample"
    args = m.group(1).split()
    files = sorted(str(p.relative_to(ROOT)) for p in EXAMPLES.glob("*.txt"))
    assert args[0] == "examples/articles/*.txt"
    import os
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        status, out, _ = run(capsys, *files, *args[1:])
    finally:
        os.chdir(cwd)
    assert status == 0
    real = out.splitlines()
    pos = 0
    for line in m.group(2).splitlines():
        if line == "...":
            continue
        assert line in real[pos:], f"README sample line not in the output (in order): {line!r}"
        pos = real.index(line, pos) + 1


# -------------------------------------------------------------------- json

def test_json_one_object_per_article_with_keywords_and_quotes(capsys):
    status, out, _ = run(capsys, REUTERS, EGINDO, "--json", "--keywords", 4, "--quotes")
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["file"] for r in rows] == [REUTERS, EGINDO]
    text = Path(REUTERS).read_text(encoding="utf-8")
    assert rows[0]["keywords"] == [{"rank": k.rank, "phrase": k.phrase, "score": k.score, "count": k.count}
                                   for k in newstext.keywords(text, top=4)]
    assert rows[0]["keywords"][0]["phrase"] == "Allies pledge"
    assert rows[0]["quotes"] == [q._asdict() for q in newstext.quotes(text)]
    for q in rows[0]["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    assert [q["speaker"] for q in rows[1]["quotes"]][1:] == ["Suryani", "Fadli Rahman Nasution",
                                                              "Grace Lim Wei Ling"]


def test_json_without_options_has_no_keyword_or_quote_fields(capsys):
    _, out, _ = run(capsys, KOMPAS, "--json")
    assert "keywords" not in json.loads(out) and "quotes" not in json.loads(out)


def test_json_keeps_non_ascii(tmp_path, capsys):
    f = tmp_path / "kutip.txt"
    f.write_text("\u201dKami siap membantu,\u201d kata Presiden Rusia Vladimir Putin.\n", encoding="utf-8")
    _, out, _ = run(capsys, f, "--json", "--quotes")
    assert "\u201d" not in out  # quote text excludes the marks, and the raw text is not printed
    assert json.loads(out)["quotes"][0]["speaker"] == "Vladimir Putin"
    assert "Kami siap membantu," in out  # not \u-escaped


# --------------------------------------------------------------------- csv

def read_csv(out):
    return list(csv.DictReader(io.StringIO(out)))


def test_csv_one_row_per_article(capsys):
    status, out, _ = run(capsys, KOMPAS, REUTERS, "--csv")
    assert status == 0
    rows = read_csv(out)
    assert [r["file"] for r in rows] == [KOMPAS, REUTERS]
    assert list(rows[0]) == ["file", "lang", "chars", "sentences", "tokens", "date", "outlet", "title"]
    k = rows[0]
    text = Path(KOMPAS).read_text(encoding="utf-8")
    assert (k["lang"], k["date"], k["outlet"]) == ("id", "2025-02-03", "Kompas.com")
    assert int(k["chars"]) == len(text) and int(k["tokens"]) == len(newstext.tokens(text))
    assert k["title"] == "Banjir Rendam 42 RT di Jakarta, Pemprov DKI Siapkan Rp 2,5 Triliun untuk Pengendalian Banjir"
    assert '"Banjir Rendam 42 RT di Jakarta, Pemprov' in out  # the commas are quoted
    assert (rows[1]["lang"], rows[1]["outlet"]) == ("en", "")


def test_csv_with_keywords_and_quotes(capsys):
    assert main([KOMPAS, "--csv", "--keywords", "3", "--quotes"]) == 0
    (row,) = read_csv(capsys.readouterr().out)
    text = Path(KOMPAS).read_text(encoding="utf-8")
    assert row["keywords"] == "BPBD DKI Jakarta; DKI Jakarta; Jakarta"
    assert row["keywords"] == "; ".join(k.phrase for k in newstext.keywords(text, top=3, lang="id"))
    assert (row["direct_quotes"], row["partial_quotes"]) == ("4", "2")
    assert row["speakers"] == "Hendra Wiratmaja; Lestari Handayani; Rahmat Wicaksono"


# ------------------------------------------------------------------- clean

def test_default_report_has_date_outlet_title(priok, capsys):
    _, out, _ = run(capsys, priok)
    line = out.splitlines()[1]
    assert line.split()[1:6] == ["id", "7", "61", "2025-03-11", "Kompas.com"]
    assert line.endswith("Pelabuhan Tanjung Priok Tambah Dua Dermaga Peti Kemas")


def test_clean_prints_metadata_and_body(priok, capsys):
    status, out, _ = run(capsys, priok, "--clean")
    assert status == 0
    assert out == (
        f"== {priok}\n"
        "title:    Pelabuhan Tanjung Priok Tambah Dua Dermaga Peti Kemas\n"
        "outlet:   Kompas.com\n"
        "date:     2025-03-11\n"
        "time:     08:20 WIB\n"
        "dateline: JAKARTA\n"
        "authors:  Andi Saputra Wibowo\n"
        "\n"
        "Pelabuhan Tanjung Priok menambah dua dermaga peti kemas untuk memangkas antrean kapal yang "
        "kerap mencapai tiga hari.\n\n"
        "Direktur operasi pelabuhan mengatakan dermaga baru mulai beroperasi pada Juli.\n\n"
    )
    status, out, _ = run(capsys, priok, "--clean", "--json")
    obj = json.loads(out)
    assert obj["authors"] == ["Andi Saputra Wibowo"] and obj["text"].startswith("Pelabuhan Tanjung Priok menambah")
    assert [ln["label"] for ln in obj["lines"]][:3] == ["title", "metadata", "metadata"]
    assert obj["lines"][-1]["end"] == len(PRIOK)


# ------------------------------------------------------------------ errors

def test_missing_file_one_line_exit_2_and_the_rest_analysed(tmp_path, capsys):
    missing = tmp_path / "hilang.txt"
    status, out, err = run(capsys, missing, KOMPAS)
    assert status == 2
    assert err == f"newstext: {missing}: No such file or directory\n"
    assert len(out.splitlines()) == 2 and KOMPAS in out


def test_directory_is_reported(tmp_path, capsys):
    status, out, err = run(capsys, tmp_path)
    assert (status, out, err) == (2, "", f"newstext: {tmp_path}: Is a directory\n")


def test_unreadable_file_is_reported(tmp_path, capsys, monkeypatch):
    f = tmp_path / "rahasia.txt"
    f.write_text("Harga naik.", encoding="utf-8")
    real_open = builtins.open

    def deny(path, *a, **k):  # the suite may run as root, where chmod 000 does not stop reading
        if str(path) == str(f):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr(builtins, "open", deny)
    status, out, err = run(capsys, f, "--csv")
    assert status == 2 and err == f"newstext: {f}: Permission denied\n"
    assert out == "file,lang,chars,sentences,tokens,date,outlet,title\n"


def test_non_utf8_file_is_reported_not_guessed(tmp_path, capsys):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Harga cabai naik 5\u00b0 di pasar.\n".encode("latin-1"))
    status, out, err = run(capsys, f, "--json")
    assert status == 2 and out == ""
    assert err == (f"newstext: {f}: not UTF-8 text (byte 0xb0 at offset 18); "
                   "convert it first, e.g. iconv -f latin1 -t utf-8\n")
    status, _, err = run(capsys, f, "--clean")
    assert status == 2 and "not UTF-8 text" in err


def test_utf8_bom_is_dropped(tmp_path, capsys):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + PRIOK.encode("utf-8"))
    _, out, _ = run(capsys, f, "--json")
    row = json.loads(out)
    assert row["chars"] == len(PRIOK) and row["title"] == "Pelabuhan Tanjung Priok Tambah Dua Dermaga Peti Kemas"


def test_empty_file(tmp_path, capsys):
    f = tmp_path / "kosong.txt"
    f.write_text("", encoding="utf-8")
    status, out, _ = run(capsys, f, "--keywords", 3, "--quotes")
    assert status == 0
    assert out.splitlines()[1].split()[1:] == ["id", "0", "0", "-", "-", "-"]
    assert out.splitlines()[-3:] == [f"{f}  [no title]", "  top 0 keywords (YAKE: lower score = better)",
                                     "  0 quotes (0 direct, 0 partial, 0 other)"]


@pytest.mark.parametrize("args, message", [
    (["--json", "--csv"], "argument --csv: not allowed with argument --json"),
    (["--csv", "--json"], "argument --json: not allowed with argument --csv"),
    (["--csv", "--clean"], "--clean prints the clean text; it cannot be combined with --csv"),
    (["--clean", "--quotes"], "--clean prints the clean text; run --keywords or --quotes without it"),
    (["--clean", "--keywords", "3"], "--clean prints the clean text; run --keywords or --quotes without it"),
    (["--keywords", "-1"], "--keywords must be >= 0"),
    (["--keywords", "x"], "argument --keywords: invalid int value: 'x'"),
    (["--colour"], "unrecognized arguments: --colour"),
])
def test_bad_options_exit_2_with_a_message(args, message, capsys):
    with pytest.raises(SystemExit) as exc:
        main([KOMPAS, *args])
    assert exc.value.code == 2
    out, err = capsys.readouterr()
    assert out == "" and err.rstrip().splitlines()[-1] == f"python -m newstext: error: {message}"


def test_no_files_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2
    assert "the following arguments are required: FILE" in capsys.readouterr().err


def test_as_a_process_no_traceback_and_quiet_on_a_closed_pipe(tmp_path):
    env_cwd = tmp_path  # outside the repository: the installed package is imported
    bad = tmp_path / "rusak.txt"
    bad.write_bytes(b"Harga \xff naik.\n")
    r = subprocess.run([sys.executable, "-m", "newstext", str(bad), KOMPAS], capture_output=True, text=True,
                       cwd=env_cwd, timeout=120)
    assert r.returncode == 2
    assert r.stderr.splitlines() == [f"newstext: {bad}: not UTF-8 text (byte 0xff at offset 6); "
                                     "convert it first, e.g. iconv -f latin1 -t utf-8"]
    assert "Kompas.com" in r.stdout
    # `... | head -1`: the reader goes away early; no BrokenPipeError traceback
    files = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))] * 20
    p = subprocess.Popen([sys.executable, "-m", "newstext", *files, "--quotes"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, cwd=env_cwd)
    p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read().decode()
    p.wait(timeout=120)
    assert (p.returncode, err) == (0, "")
