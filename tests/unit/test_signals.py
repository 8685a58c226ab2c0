"""A signal whose exception is lost still stops the command: Python runs a handler between any
two bytecodes, a finaliser's too, and drops an exception raised in a finaliser."""
from __future__ import annotations

import os
import signal

import pytest

from edition import signals


class _SignalledWhileCollected:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)  # the handler's Interrupted is raised here, and lost


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_signal_lost_in_a_finaliser_is_raised_at_the_next_check():
    with signals.stopping_on_signals():
        signals.check()  # nothing came yet
        _SignalledWhileCollected()  # collected at once: the signal arrives in __del__
        with pytest.raises(signals.Interrupted) as raised:
            signals.check()
    assert raised.value.args == (signal.SIGINT,)
    signals.check()  # outside the block nothing is pending


def test_a_second_signal_does_not_cut_the_clean_up_short():
    with signals.stopping_on_signals():
        with pytest.raises(signals.Interrupted):
            os.kill(os.getpid(), signal.SIGTERM)
            sum(range(1000))  # the handler runs between these bytecodes
        os.kill(os.getpid(), signal.SIGINT)  # during the clean-up: ignored
        cleaned = True
    assert cleaned
