"""Build the C extension newstext._core from csrc/*.c and newstext/_core.c.

Everything else (metadata, extras) lives in pyproject.toml.  Set
NEWSTEXT_SANITIZE=1 to build with AddressSanitizer and UndefinedBehaviorSanitizer
(used by the test suite's sanitizer run), NEWSTEXT_DEBUG=1 for -O0 -g.  Both
also compile the allocation-failure hooks _core._fail_alloc/_alloc_count.
"""
import glob
import os

from setuptools import Extension, setup

HERE = os.path.dirname(os.path.abspath(__file__))
sources = sorted(glob.glob(os.path.join("csrc", "*.c"))) + [os.path.join("newstext", "_core.c")]

extra_compile_args = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-fvisibility=hidden"]
extra_link_args = []
if os.name != "nt":  # csrc/batch.c: the worker pool of Corpus(n_jobs=...) uses POSIX threads
    extra_compile_args.append("-pthread")
    extra_link_args.append("-pthread")
define_macros = []
if os.environ.get("NEWSTEXT_SANITIZE") or os.environ.get("NEWSTEXT_DEBUG"):
    # _core._fail_alloc / _core._alloc_count for tests/test_alloc_failures.py
    define_macros.append(("NEWSTEXT_FAULT_INJECTION", "1"))
if os.environ.get("NEWSTEXT_SANITIZE"):
    san = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer"]
    extra_compile_args += san + ["-O1", "-g"]
    extra_link_args += san
elif os.environ.get("NEWSTEXT_DEBUG"):
    extra_compile_args += ["-O0", "-g"]
else:
    extra_compile_args += ["-O2"]

setup(
    ext_modules=[
        Extension(
            "newstext._core",
            sources=sources,
            include_dirs=["csrc"],
            define_macros=define_macros,
            depends=sorted(glob.glob(os.path.join("csrc", "*.h"))),
            extra_compile_args=extra_compile_args,
            extra_link_args=extra_link_args,
            libraries=[] if os.name == "nt" else ["m"],  # log/sqrt in csrc/keywords.c
        )
    ]
)
