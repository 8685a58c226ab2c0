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
    """While the block runs, SIGINT and SIGTERM raise Interrupted, and are then ignored, so the
    clean-up that follows is not cut short by a second Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; there Ctrl-C is the caller's
        return

    def stop(signum, frame):
        for number in _STOPPING:
            signal.signal(number, signal.SIG_IGN)
        raise Interrupted(signum)

    previous = {number: signal.signal(number, stop) for number in _STOPPING}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


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
