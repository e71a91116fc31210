"""Test configuration.

`python -m pytest` from the repository root puts the root on sys.path, where
the source package newstext/ (without its compiled _core) would shadow the
installed one.  Tests must exercise the installed build, so drop the root
from sys.path before anything imports newstext.  An editable install still
works: its import hook maps newstext to the source tree with the built
extension next to it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]

SHARED = ROOT.parent / "shared"
