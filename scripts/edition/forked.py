"""Work for the machine's second core: a function run in a forked process, its one answer (a
value or the exception it raised) read back through a pipe. The build uses it twice: each
further language's pages and books are made beside the first language's, and each further
language's engine run beside the first one's."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator


class ForkStopped(Exception):
    """The forked process ended without an answer (killed, or out of memory)."""


class Forked:
    """`function(*args)` in a process of its own: forked on Linux, so it starts at once with
    the edition's modules and data loaded. Where forking is unsafe (macOS, or a process already
    running threads, as `mkdocs serve` does: a fork copies locks other threads may hold) it runs
    in this process instead, when its result is asked for. The forked process ignores Ctrl-C:
    the main process stops it (stop())."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        self._function, self._args, self._process = function, args, None
        if not (sys.platform.startswith("linux") and threading.active_count() == 1):
            return
        context = multiprocessing.get_context("fork")
        self._answer, sending = context.Pipe(duplex=False)
        self._process = context.Process(target=_answer_into, args=(sending, function, args),
                                        daemon=True)
        self._process.start()
        sending.close()

    def result(self) -> Any:
        if self._process is None:
            return self._function(*self._args)
        try:
            outcome, value = self._answer.recv()
        except EOFError:
            raise ForkStopped(f"a build process stopped (exit code {self._process.exitcode}: "
                              "killed, or out of memory) — run the build again; site/ is "
                              "unchanged") from None
        if outcome == "error":
            raise value
        return value

    def stop(self) -> None:
        if self._process is None:
            return
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(0.5)
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._answer.close()


@contextmanager
def forked(function: Callable[..., Any], *args: Any) -> Iterator[Forked]:
    """`function(*args)` running in a second process while the block runs; on leaving the block,
    however it is left (an error, Ctrl-C), that process is stopped and waited for."""
    running = Forked(function, *args)
    try:
        yield running
    finally:
        running.stop()


def _answer_into(answer, function: Callable[..., Any], args: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        outcome = ("ok", function(*args))
    except Exception as err:  # raised again in the main process, as if raised there
        outcome = ("error", err)
    try:
        answer.send(outcome)
    except Exception as err:  # an exception that does not pickle: its words at least
        answer.send(("error", ForkStopped(f"{type(outcome[1]).__name__}: {outcome[1]} "
                                          f"(not passed back: {err})")))
    answer.close()


def running(pid: int) -> bool:
    """Whether a process of that id is alive (another user's included)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
