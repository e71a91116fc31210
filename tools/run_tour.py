#!/usr/bin/env python3
"""Execute examples/tour.ipynb and refresh its committed outputs (``make tour``).

Usage (newstext must be importable by the kernel, e.g. after ``pip install -e .``):
    python tools/run_tour.py           # run the notebook, write it back with fresh outputs
    python tools/run_tour.py --check   # run it, write nothing; exit 1 if the committed text
                                       # outputs differ from the fresh ones

The notebook runs with examples/ as working directory (as in Jupyter), so it
reads the example articles from ``articles/``.  tests/test_tour.py uses
:func:`execute` and :func:`text_outputs` from here.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "tour.ipynb"

# Bits of a text output that change from run to run without meaning anything.
_VOLATILE = [
    (re.compile(r"0x[0-9a-fA-F]{6,}"), "0x…"),                                 # object addresses
    (re.compile(r"\b\d+(\.\d+)?\s*(ns|µs|us|ms|s) ± .*"), "<timing>"),          # %timeit
    (re.compile(r"(Wall|CPU) times?: .*"), r"\1 time: <timing>"),              # %time
]


def normalise(text: str) -> str:
    for pattern, repl in _VOLATILE:
        text = pattern.sub(repl, text)
    return text.rstrip()


def versions() -> dict:
    """The versions that shape the notebook's text outputs (pandas formats the tables)."""
    import pandas

    return {"python": "%d.%d" % sys.version_info[:2], "pandas": pandas.__version__}


def text_outputs(nb) -> list:
    """Per code cell (in order): the list of its text outputs (stdout and the
    ``text/plain`` of results and displays), with volatile bits normalised.
    stderr is left out: what lands there (a matplotlib font-cache notice, a
    deprecation warning) depends on the machine, not on the notebook."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        texts = []
        for out in cell.get("outputs", []):
            if out.output_type == "stream" and out.name == "stderr":
                continue
            if out.output_type == "stream":
                texts.append(f"[{out.name}] " + normalise(out.text))
            elif out.output_type in ("execute_result", "display_data"):
                plain = out.get("data", {}).get("text/plain")
                if plain is not None:
                    texts.append(normalise(plain if isinstance(plain, str) else "".join(plain)))
            elif out.output_type == "error":
                texts.append(f"[error] {out.ename}: {out.evalue}")
        cells.append(texts)
    return cells


def execute(path: Path = NOTEBOOK, timeout: int = 600):
    """The notebook at ``path`` executed (a new object; the file is not touched)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(path), as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare the committed text outputs with a fresh run; write nothing")
    parser.add_argument("notebook", nargs="?", default=str(NOTEBOOK))
    args = parser.parse_args(argv)
    import nbformat

    path = Path(args.notebook).resolve()
    committed = nbformat.read(str(path), as_version=4)
    fresh = execute(path)
    if args.check:
        old, new = text_outputs(committed), text_outputs(fresh)
        if old == new:
            print(f"{path.name}: committed outputs are current")
            return 0
        a = [f"cell {i}: {t}" for i, ts in enumerate(old) for t in ts]
        b = [f"cell {i}: {t}" for i, ts in enumerate(new) for t in ts]
        sys.stdout.writelines(difflib.unified_diff([x + "\n" for x in a], [x + "\n" for x in b],
                                                   "committed", "fresh run"))
        print(f"{path.name}: outputs are stale; run python tools/run_tour.py", file=sys.stderr)
        return 1
    fresh.metadata["tour_versions"] = versions()  # tests compare outputs only under the same versions
    nbformat.write(fresh, str(path))
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
