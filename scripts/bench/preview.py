"""Edit→preview latency of `mkdocs serve`: the time from saving a change to an entity's
kind in source/ to the served entity page showing it, and how many rebuilds one edit
set off. Run by scripts/benchmark.py on a copy of the project."""
from __future__ import annotations

import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from serving import MkDocsServe

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
        server = MkDocsServe(work, *options, wait=WAIT)
        try:
            server.started()
            times, rebuilds = [], []
            for run in range(runs):
                marker = f"edited for the benchmark {run}"
                edited = text.replace(kind[0], f"{kind[0]} ({marker})", 1)
                server.quiet()
                since = len(server.lines)
                started = time.perf_counter()
                entities.write_text(edited, encoding="utf-8")
                while marker not in _page(server, f"entities/{entity}.html"):
                    if time.perf_counter() - started > WAIT:
                        raise RuntimeError("the edit never showed:\n" + server.last())
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


def _page(server: MkDocsServe, path: str) -> str:
    try:
        return server.get(path)
    except OSError:
        return ""  # between two builds
