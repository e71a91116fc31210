"""Long calls release the GIL and still honour signals (Ctrl-C, Jupyter's
interrupt): the core's interrupt hook runs Python's signal handlers about
once per MiB, and an exception raised there stops the call."""

from __future__ import annotations

import signal
import sys

import pytest

import newstext

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs setitimer")

TEXT = "Presiden Rusia Vladimir Putin tiba di Pyongyang, kata KCNA. " * 1_500_000  # ~90 MB


class Stop(Exception):
    pass


@pytest.mark.parametrize("func", [newstext.token_spans, newstext.tokenize, newstext.sentences])
def test_signal_handlers_run_during_long_call(func) -> None:
    calls = []

    def handler(signum, frame):
        calls.append(signum)
        if len(calls) == 3:
            raise Stop()

    old = signal.signal(signal.SIGALRM, handler)
    try:
        # a timer every 2 ms: only a core that polls for signals lets the
        # handler run three times before the call ends (afterwards, pending
        # signals coalesce into a single run)
        signal.setitimer(signal.ITIMER_REAL, 0.002, 0.002)
        with pytest.raises(Stop):
            func(TEXT, lang="id")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert len(calls) >= 3  # later alarms may land before the timer is off
    # the module is still usable and gives the same answers
    assert newstext.tokenize("Putin tiba.", lang="id") == ["Putin", "tiba", "."]
    assert sys.getrefcount(TEXT) == 2  # no reference to the input was leaked
