"""Edit→preview latency of `mkdocs serve`: the time from saving a change to an entity's
kind in source/ to the served entity page showing it, and how many rebuilds one edit
set off. Run by scripts/benchmark.py on a copy of the project."""
from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

WAIT = 120  # seconds for the server to start or a change to show


def latency(root: Path, runs: int, *options: str) -> tuple[list[float], list[int]]:
    """Seconds from each edit to the page showing it, and the rebuilds each edit made, with
    `mkdocs serve` and its `options` (--dirty)."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        shutil.copy(root / "mkdocs.yml", work)
        for folder in ("source", "scripts", "releases"):
            shutil.copytree(root / folder, work / folder,
                            ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
        (work / "docs").mkdir()
        entities = work / "source" / "entities.yml"
        text = entities.read_text(encoding="utf-8")
        entity = re.search(r"^- id: (\S+)$", text, re.M)[1]
        kind = re.search(r"^  kind: [^\"'>|\s].*$", text, re.M)  # plain text: (…) may follow
        server = _Server(work, options)
        try:
            server.wait_for("Serving on")
            times, rebuilds = [], []
            for run in range(runs):
                marker = f"edited for the benchmark {run}"
                edited = text.replace(kind[0], f"{kind[0]} ({marker})", 1)
                server.quiet()
                since = len(server.lines)
                started = time.perf_counter()
                entities.write_text(edited, encoding="utf-8")
                while marker not in server.get(f"entities/{entity}.html"):
                    if time.perf_counter() - started > WAIT:
                        raise RuntimeError("the edit never showed:\n" + "\n".join(server.lines[-20:]))
                    time.sleep(0.02)
                times.append(time.perf_counter() - started)
                server.quiet()
                rebuilds.append(sum("Building documentation" in line
                                    for line in server.lines[since:]))
            return times, rebuilds
        finally:
            server.stop()


def report(root: Path, runs: int = 3) -> None:
    for options in ((), ("--dirty",)):
        times, rebuilds = latency(root, runs, *options)
        command = " ".join(("mkdocs serve",) + options)
        print(f"edit→preview ({command}, an entity's kind changed): median "
              f"{statistics.median(times):.2f} s of {runs} ({', '.join(f'{t:.2f}' for t in times)}); "
              f"rebuilds per edit: {', '.join(map(str, rebuilds))} (target <= 1 s, one rebuild)")


class _Server:
    def __init__(self, root: Path, options: tuple[str, ...] = ()):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *options, "-a",
             f"127.0.0.1:{self.port}"], cwd=root, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, text: str) -> None:
        deadline = time.monotonic() + WAIT
        while not any(text in line for line in self.lines):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("mkdocs serve did not start:\n" + "\n".join(self.lines[-20:]))
            time.sleep(0.1)

    def quiet(self, seconds: float = 2) -> None:
        """Until the server has said nothing for `seconds`."""
        count = -1
        while count != len(self.lines):
            count = len(self.lines)
            time.sleep(seconds)

    def get(self, path: str) -> str:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as page:
                return page.read().decode("utf-8")
        except OSError:
            return ""  # between two builds

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
