"""`mkdocs serve` in a process of its own on a free port, its output kept line by line: what the
benchmark's edit→preview latency (preview.py) and the preview's tests (tests/build/test_serve.py)
run and watch."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Callable


class MkDocsServe:
    def __init__(self, root: Path, *options: str, wait: float = 120):
        """`mkdocs serve` with `options` (--dirty) in the project at `root`; `wait`: the seconds
        to wait for anything it should say before giving up."""
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.wait = wait
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{self.port}"],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, what: Callable[[list[str]], bool], since: int = 0) -> None:
        """Until `what` is true of the lines it has said since line `since`."""
        deadline = time.monotonic() + self.wait
        while not what(self.lines[since:]):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("mkdocs serve never said it; its last output:\n" + self.last())
            time.sleep(0.1)

    def started(self) -> None:
        """Until it serves (its first build done)."""
        self.wait_for(lambda lines: any("Serving on" in line for line in lines))

    def quiet(self, seconds: float = 2) -> None:
        """Until it has said nothing for `seconds`."""
        deadline = time.monotonic() + self.wait
        count = -1
        while count != len(self.lines):
            if time.monotonic() > deadline:
                raise RuntimeError("mkdocs serve was never quiet; its last output:\n" + self.last())
            count = len(self.lines)
            time.sleep(seconds)

    def get(self, path: str) -> str:
        """The page it serves at `path`; OSError for any answer but 200 (OK)."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as answer:
            if answer.status != 200:
                raise OSError(f"{path}: HTTP {answer.status}")
            return answer.read().decode("utf-8")

    def last(self, count: int = 30) -> str:
        return "\n".join(self.lines[-count:])

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
