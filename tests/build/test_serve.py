"""`mkdocs serve` survives bad input in source/ and recovers when it is fixed.

A real `mkdocs serve` process, on a project copy: for a handful of the bad-input cases, one after
another, the source is spoilt, the server must print the problem's line and keep serving; then
the files are restored with a visible change, which the served page must show once the server
rebuilds.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from conftest import fixture_project
from serving import MkDocsServe
from spoil import CASES

pytestmark = [pytest.mark.build, pytest.mark.slow]

SERVED_CASES = ("alias bomb", "explicit python tag", "a folder in place of a file",
                "ledger lines lost")
WAIT = 240  # seconds: a rebuild takes 1 s on an idle machine, much longer on a busy one


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = fixture_project(tmp_path_factory.mktemp("served"))
    (root / "docs").mkdir()
    server = MkDocsServe(root, wait=WAIT)
    try:
        server.started()
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
        assert time.monotonic() < deadline and server.process.poll() is None, server.last()
        time.sleep(0.5)
    assert not [line for line in server.lines if "Traceback" in line]


def test_an_edit_is_one_rebuild(served):
    """docs/, which the hook rewrites, is not watched: an edit of source/ rebuilds once."""
    root, server = served
    server.quiet(3)  # the rebuilds of the test before have ended
    entities = root / "source" / "entities.yml"
    since = len(server.lines)
    entities.write_text(entities.read_text(encoding="utf-8").replace(
        "elected the year before.", "elected the year before (one rebuild).", 1), encoding="utf-8")
    server.wait_for(lambda lines: any("Reloading browsers" in line for line in lines), since)
    time.sleep(3)  # a second rebuild, set off by docs/, would start within a second or two
    builds = [line for line in server.lines[since:] if "Building documentation" in line]
    assert len(builds) == 1, server.lines[since:]
