"""A short run of every fuzz target, as CI's fuzz smoke (issue 7).

Each libFuzzer target in fuzz/ is built with clang
(-fsanitize=fuzzer,address,undefined; the core compiled once and shared)
and run for SMOKE_SECONDS over its seed corpus in fuzz/corpus/<target>;
the atheris harness runs the same way over the Python API.  Any invariant
failure, sanitizer report, leak or timeout makes the target exit nonzero
and fails the test with the fuzzer's output.  Longer runs: `make fuzz`.

Skipped without clang (or atheris for the Python harness), and when
NEWSTEXT_TEST_SANITIZED=1: CI reruns the suite against a sanitized build,
and the fuzz smoke needs to run only once.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
FUZZ = ROOT / "fuzz"
CSRC = ROOT / "csrc"
TARGETS = sorted(p.stem[len("fuzz_"):] for p in FUZZ.glob("fuzz_*.c"))
SMOKE_SECONDS = 8
CLANG = shutil.which("clang")
FLAGS = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-g", "-O1", "-fno-sanitize-recover=all"]
SANITIZED_RUN = os.environ.get("NEWSTEXT_TEST_SANITIZED") == "1"

skip_reason = None
if not FUZZ.is_dir() or not CSRC.is_dir():
    skip_reason = "no fuzz/ or csrc/ (not a source checkout)"
elif SANITIZED_RUN:
    skip_reason = "the fuzz smoke runs once, not again in the sanitized rerun"


def test_seed_corpus_is_current() -> None:
    # fuzz/corpus/<target>/seed-* are written by fuzz/make_corpus.py from the
    # tests; a test string added or changed without regenerating fails here
    if not FUZZ.is_dir():
        pytest.skip("no fuzz/")
    proc = subprocess.run([sys.executable, str(FUZZ / "make_corpus.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_every_target_has_a_seed_corpus() -> None:
    if not FUZZ.is_dir():
        pytest.skip("no fuzz/")
    assert set(TARGETS) >= {"tokenize", "sentences", "clean", "dates", "keywords", "corpus",
                            "quotes", "stem"}
    for t in TARGETS + ["python"]:
        assert any((FUZZ / "corpus" / t).glob("seed-*")), t


@pytest.fixture(scope="module")
def core_objects(tmp_path_factory) -> list[str]:
    if skip_reason:
        pytest.skip(skip_reason)
    if CLANG is None:
        pytest.skip("clang is not installed")
    out = tmp_path_factory.mktemp("fuzzcore")
    objs = []
    for src in sorted(CSRC.glob("*.c")):
        obj = out / (src.stem + ".o")
        cmd = [CLANG, *FLAGS, "-fsanitize=fuzzer-no-link,address,undefined", f"-I{CSRC}", "-c",
               str(src), "-o", str(obj)]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        objs.append(str(obj))
    return objs


def _run(cmd: list[str], env: dict | None = None) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    tail = "\n".join(proc.stderr.splitlines()[-60:])
    assert proc.returncode == 0, f"{' '.join(cmd)} exited {proc.returncode}:\n{tail}"
    assert "Done" in proc.stderr, tail


@pytest.mark.parametrize("target", TARGETS)
def test_fuzz_target_smoke(target: str, core_objects: list[str], tmp_path: pathlib.Path) -> None:
    exe = tmp_path / f"fuzz_{target}"
    cmd = [CLANG, *FLAGS, "-fsanitize=fuzzer,address,undefined", f"-I{CSRC}",
           str(FUZZ / f"fuzz_{target}.c"), *core_objects, "-lm", "-o", str(exe)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0 and not proc.stderr.strip(), proc.stderr
    work = tmp_path / "corpus"
    work.mkdir()
    _run([str(exe), f"-max_total_time={SMOKE_SECONDS}", "-max_len=8192", "-timeout=60",
          "-rss_limit_mb=2048", f"-artifact_prefix={tmp_path}/", str(work),
          str(FUZZ / "corpus" / target)])


def test_atheris_smoke(tmp_path: pathlib.Path) -> None:
    if skip_reason:
        pytest.skip(skip_reason)
    pytest.importorskip("atheris")
    import newstext

    # the subprocess must import the same newstext as this test
    pkg_parent = str(pathlib.Path(newstext.__file__).resolve().parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([pkg_parent, os.environ.get("PYTHONPATH", "")]))
    work = tmp_path / "corpus"
    work.mkdir()
    _run([sys.executable, str(FUZZ / "fuzz_python.py"), f"-max_total_time={SMOKE_SECONDS}",
          "-keep_seed=1", "-max_len=8192", "-timeout=60", f"-artifact_prefix={tmp_path}/",
          str(work), str(FUZZ / "corpus" / "python")], env=env)
