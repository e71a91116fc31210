"""Build and run the C unit tests in tests/c/ against the core in csrc/.

Each tests/c/test_*.c is a program with its own main().  It is compiled with
all of csrc/*.c under ``-std=c11 -Wall -Wextra -Werror`` and run, then built
and run again under AddressSanitizer + UndefinedBehaviorSanitizer, and once
more (``-O1 -g``, no sanitizer) under ``valgrind --error-exitcode=1
--leak-check=full`` when valgrind is installed (CI installs it).

The C tests do not use the Python extension, so the sanitized rerun of the
suite (NEWSTEXT_TEST_SANITIZED=1, see .ci/run) skips this file: it has run
them already, and compilers started under its LD_PRELOAD'd ASan runtime are
only slower.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CSRC = ROOT / "csrc"
C_TESTS = sorted((ROOT / "tests" / "c").glob("test_*.c"))
WARN = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-Wshadow", "-Wstrict-prototypes"]
SANITIZE = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer"]


def compiler() -> str | None:
    cc = os.environ.get("CC") or (sysconfig.get_config_var("CC") or "").split(" ")[0]
    for cand in (cc, "cc", "gcc", "clang"):
        if cand and shutil.which(cand):
            return shutil.which(cand)
    return None


CC = compiler()
pytestmark = [
    pytest.mark.skipif(CC is None or not CSRC.is_dir(), reason="no C compiler or csrc/"),
    pytest.mark.skipif(os.environ.get("NEWSTEXT_TEST_SANITIZED") == "1",
                       reason="sanitized rerun: the C tests ran in the normal run"),
]
VALGRIND = shutil.which("valgrind")


def build(test: Path, out: Path, extra: list[str]) -> None:
    cmd = [CC, *WARN, *extra, f"-I{CSRC}", str(test), *map(str, sorted(CSRC.glob("*.c"))), "-o", str(out), "-lm",
           "-pthread"]  # csrc/batch.c runs on POSIX threads
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0, f"compile failed:\n{' '.join(cmd)}\n{proc.stderr}"
    assert proc.stderr.strip() == "", f"compiler printed diagnostics:\n{proc.stderr}"


def run(exe: Path, env_extra: dict[str, str] | None = None) -> str:
    env = dict(os.environ, **(env_extra or {}))
    proc = subprocess.run([str(exe)], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, f"{exe.name} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    assert re.search(r"\b\d+ checks passed\b", proc.stdout), proc.stdout
    return proc.stdout


@pytest.mark.parametrize("test", C_TESTS, ids=[t.stem for t in C_TESTS])
def test_c_unit(test: Path, tmp_path: Path) -> None:
    exe = tmp_path / test.stem
    build(test, exe, ["-O2"])
    run(exe)


def sanitizers_work(tmp_path: Path) -> bool:
    probe = tmp_path / "probe.c"
    probe.write_text("int main(void) { return 0; }\n")
    proc = subprocess.run([CC, *SANITIZE, str(probe), "-o", str(tmp_path / "probe")], capture_output=True)
    return proc.returncode == 0 and subprocess.run([str(tmp_path / "probe")]).returncode == 0


@pytest.mark.parametrize("test", C_TESTS, ids=[t.stem for t in C_TESTS])
def test_c_unit_sanitized(test: Path, tmp_path: Path) -> None:
    if not sanitizers_work(tmp_path):
        pytest.skip("this compiler cannot build ASan+UBSan programs")
    exe = tmp_path / (test.stem + "_san")
    build(test, exe, ["-O1", "-g", *SANITIZE])
    run(exe, {"ASAN_OPTIONS": "detect_leaks=1:abort_on_error=0", "UBSAN_OPTIONS": "print_stacktrace=1"})


@pytest.mark.skipif(VALGRIND is None, reason="valgrind is not installed")
@pytest.mark.parametrize("test", C_TESTS, ids=[t.stem for t in C_TESTS])
def test_c_unit_valgrind(test: Path, tmp_path: Path) -> None:
    """Memcheck: no invalid read or write, no use of uninitialised memory,
    no leak (definite or possible), on an unsanitized -O1 build.  The whole
    set takes well under a minute, so the tests run at full size."""
    exe = tmp_path / (test.stem + "_vg")
    build(test, exe, ["-O1", "-g"])
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    cmd = [VALGRIND, "-q", "--error-exitcode=1", "--leak-check=full", str(exe)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1200)
    assert proc.returncode == 0, f"valgrind {exe.name} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
    assert re.search(r"\b\d+ checks passed\b", proc.stdout), proc.stdout


def test_only_binding_includes_python_h() -> None:
    offenders = [p.name for p in CSRC.rglob("*.[ch]") if re.search(r'#\s*include\s*[<"]Python\.h', p.read_text())]
    assert offenders == []
    assert "#include <Python.h>" in (ROOT / "newstext" / "_core.c").read_text()


def test_core_has_no_mutable_globals(tmp_path: Path) -> None:
    """No global mutable state: compiled as for the extension (-fPIC), the core
    puts no object in a writable section (.data, .bss; .data.rel.ro is
    read-only once relocated)."""
    objdump = shutil.which("objdump")
    if objdump is None:
        pytest.skip("objdump not available")
    writable = []
    for src in sorted(CSRC.glob("*.c")):
        obj = tmp_path / (src.stem + ".o")
        proc = subprocess.run([CC, *WARN, "-O2", "-fPIC", "-pthread", f"-I{CSRC}", "-c", str(src), "-o", str(obj)],
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        table = subprocess.run([objdump, "-t", str(obj)], capture_output=True, text=True, check=True).stdout
        for line in table.splitlines():
            m = re.match(r"^[0-9a-f]+\s(.{7})\s(\S+)\s+[0-9a-f]+\s+(\S+)$", line)
            if not m or "O" not in m.group(1):
                continue  # only data objects
            _, section, name = m.groups()
            if section.startswith((".data", ".bss", "COM")) and not section.startswith(".data.rel.ro"):
                writable.append(f"{src.name}: {name} in {section}")
    assert writable == []
