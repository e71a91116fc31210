"""Test configuration.

`python -m pytest` from the repository root puts the root on sys.path, where
the source package newstext/ (without its compiled _core) would shadow the
installed one.  Tests must exercise the installed build, so drop the root
from sys.path before anything imports newstext.  An editable install still
works: its import hook maps newstext to the source tree with the built
extension next to it.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]

SHARED = ROOT.parent / "shared"


@pytest.fixture
def alarm_interrupts():
    """The signal test shared by the long-call tests (test_interrupt.py,
    test_batch.py, test_keywords.py): ``alarm_interrupts(call, interval)``
    runs ``call()`` under a SIGALRM timer every ``interval`` seconds whose
    handler raises on its third run, and checks that the exception stops the
    call, so the handler ran at least three times while it worked (pending
    signals coalesce into one run once a call returns: only a call that polls
    for signals lets it run three times).  The timer and the old handler are
    restored whatever happens.  Skips where there is no setitimer."""
    if not hasattr(signal, "setitimer"):
        pytest.skip("needs setitimer")

    class Stop(Exception):
        pass

    def run(call, interval: float) -> None:
        calls = []

        def handler(signum, frame):
            calls.append(signum)
            if len(calls) == 3:
                raise Stop()

        old = signal.signal(signal.SIGALRM, handler)
        try:
            signal.setitimer(signal.ITIMER_REAL, interval, interval)
            with pytest.raises(Stop):
                call()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
        assert len(calls) >= 3  # later alarms may land before the timer is off

    return run
