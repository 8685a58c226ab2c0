"""`mkdocs serve` survives bad input in source/ and recovers when it is fixed.

A real `mkdocs serve` process, on a project copy: for a handful of the bad-input cases, one after
another, the source is spoilt, the server must print the problem's line and keep serving; then
the files are restored with a visible change, which the served page must show once the server
rebuilds.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import fixture_project
from spoil import CASES

pytestmark = [pytest.mark.build, pytest.mark.slow]

SERVED_CASES = ("alias bomb", "explicit python tag", "a folder in place of a file",
                "ledger lines lost")
WAIT = 240  # seconds: a rebuild takes 1 s on an idle machine, much longer on a busy one


class Server:
    """`mkdocs serve` on a free port, its output collected line by line."""

    def __init__(self, root: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a",
             f"127.0.0.1:{self.port}"], cwd=root, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, what, since: int = 0) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "\n".join(self.lines[-30:])
            if what(self.lines[since:]):
                return
            time.sleep(0.2)
        raise AssertionError("timed out; last output:\n" + "\n".join(self.lines[-30:]))

    def settle(self, quiet: float = 3) -> None:
        """Wait until the server has said nothing for `quiet` seconds."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            count = len(self.lines)
            time.sleep(quiet)
            if len(self.lines) == count:
                return
        raise AssertionError("never quiet; last output:\n" + "\n".join(self.lines[-30:]))

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as answer:
            assert answer.status == 200
            return answer.read().decode("utf-8")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = fixture_project(tmp_path_factory.mktemp("served"))
    (root / "docs").mkdir()
    server = Server(root)
    try:
        server.wait_for(lambda lines: any("Serving on" in line for line in lines))
        yield root, server
    finally:
        server.stop()


def _snapshot(root: Path) -> dict[Path, bytes]:
    source = root / "source"
    return {p: p.read_bytes() for p in source.rglob("*") if p.is_file()}


def _restore(root: Path, saved: dict[Path, bytes]) -> None:
    for path, content in saved.items():
        if path.is_dir():
            shutil.rmtree(path)
        path.write_bytes(content)


def test_serve_reports_bad_input_keeps_serving_and_recovers(served):
    """The cases one after another, each put in place of the last (a server stuck on one
    would not report the next), then the good source back with a change the page must show."""
    root, server = served
    saved = _snapshot(root)
    for name in SERVED_CASES:
        change, where, message = CASES[name]
        since = len(server.lines)
        _restore(root, saved)
        change(root)
        server.wait_for(lambda lines: any(where in line and message in line for line in lines),
                        since)
        server.wait_for(lambda lines: any("still serving the last good pages" in line
                                          for line in lines), since)
        assert "Ana Torres" in server.get("entities/ana-torres.html"), name
    marker = f"mayor of Río Claro (recovered from {name})"
    _restore(root, saved)
    entities = root / "source" / "entities.yml"
    entities.write_text(entities.read_text(encoding="utf-8").replace(
        "kind: mayor of Río Claro", f"kind: {marker}", 1), encoding="utf-8")
    deadline = time.monotonic() + WAIT
    while marker not in server.get("entities/ana-torres.html"):
        assert time.monotonic() < deadline and server.process.poll() is None, \
            "\n".join(server.lines[-30:])
        time.sleep(0.5)
    assert not [line for line in server.lines if "Traceback" in line]


def test_an_edit_is_one_rebuild(served):
    """docs/, which the hook rewrites, is not watched: an edit of source/ rebuilds once."""
    root, server = served
    server.settle()  # the rebuilds of the test before have ended
    entities = root / "source" / "entities.yml"
    since = len(server.lines)
    entities.write_text(entities.read_text(encoding="utf-8").replace(
        "elected the year before.", "elected the year before (one rebuild).", 1), encoding="utf-8")
    server.wait_for(lambda lines: any("Reloading browsers" in line for line in lines), since)
    time.sleep(3)  # a second rebuild, set off by docs/, would start within a second or two
    builds = [line for line in server.lines[since:] if "Building documentation" in line]
    assert len(builds) == 1, server.lines[since:]
