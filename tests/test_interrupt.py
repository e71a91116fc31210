"""Long calls release the GIL and still honour signals (Ctrl-C, Jupyter's
interrupt): the core's interrupt hook runs Python's signal handlers about
once per MiB, and an exception raised there stops the call."""

from __future__ import annotations

import sys

import pytest

import newstext

TEXT = "Presiden Rusia Vladimir Putin tiba di Pyongyang, kata KCNA. " * 1_500_000  # ~90 MB


@pytest.mark.parametrize("func", [newstext.token_spans, newstext.tokenize, newstext.sentences])
def test_signal_handlers_run_during_long_call(func, alarm_interrupts) -> None:
    # a timer every 2 ms (see the alarm_interrupts fixture in conftest.py)
    alarm_interrupts(lambda: func(TEXT, lang="id"), 0.002)
    # the module is still usable and gives the same answers
    assert newstext.tokenize("Putin tiba.", lang="id") == ["Putin", "tiba", "."]
    assert sys.getrefcount(TEXT) == 2  # no reference to the input was leaked
