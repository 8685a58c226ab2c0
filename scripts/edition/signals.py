"""Ctrl-C and SIGTERM during a command: one exception the build cleans up after, once."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from collections.abc import Iterator

_STOPPING = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM stopped a command; args[0] is the signal's number."""

    published = False  # True when the signal came while the new site was being put in place


@contextmanager
def stopping_on_signals() -> Iterator[None]:
    """While the block runs, SIGINT and SIGTERM raise Interrupted; a second one is ignored, so
    the clean-up that follows is not cut short by a second Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; there Ctrl-C is the caller's
        return

    def stop(signum, frame):
        if _received:
            return  # a second signal: the clean-up under way goes on
        _received.append(signum)
        raise Interrupted(signum)

    _received.clear()
    previous = {number: signal.signal(number, stop) for number in _STOPPING}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        _received.clear()


# The signal received while stopping_on_signals() runs. Python runs a handler between any two
# bytecodes, a finaliser's too, and an exception raised in a finaliser is printed and dropped:
# so a build checks at each stage whether a signal came whose Interrupted never reached it.
_received: list[int] = []


def check() -> None:
    """Raise Interrupted if a signal came (and its exception was lost on the way)."""
    if _received:
        raise Interrupted(_received[0])


@contextmanager
def held() -> Iterator[None]:
    """SIGINT and SIGTERM wait while the block runs, and are delivered as it ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, set(_STOPPING))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
