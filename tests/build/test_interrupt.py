"""Ctrl-C and SIGTERM stop a build within a second, its second process with it, at any moment;
nothing is left behind and site/ is as it was (or, if the signal came while it was being
swapped in, wholly the new one), and the build says which.

Ctrl-C reaches the whole process group from a terminal; SIGTERM usually the main process
alone (`kill PID`): both are sent that way. Run as a script for more trials:
    python3 tests/build/test_interrupt.py [trials per moment]
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for conftest
from conftest import copy_project  # noqa: E402

pytestmark = [pytest.mark.build, pytest.mark.slow]

# Seconds after the start: importing, loading, exporting, rendering, MkDocs, zipping. (Before
# ~0.2 s the interpreter itself is starting, before any of the edition's code can run.)
MOMENTS = (0.5, 0.9, 1.5, 2.0, 2.5)  # a build with its citation cache takes 2–3 s here
LIMIT = 1.0  # seconds from the signal to the exit of every process of the build


@dataclass(frozen=True)
class Trial:
    signal: str
    moment: float
    stopped_in: float  # seconds from the signal to the last process's exit
    code: int
    said: str
    left: tuple[str, ...]  # staging folders left beside site/
    site_kept: bool  # site/ byte for byte as before (or wholly new, when said so)


def digest(folder: Path) -> str:
    value = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        value.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            value.update(path.read_bytes())
    return value.hexdigest()


def group_alive(group: int) -> bool:
    """Whether any process of the group still runs (zombies are gone: the build reaps them)."""
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            return True
    return False


def trial(root: Path, which: str, moment: float) -> Trial:
    before = digest(root / "site")
    process = subprocess.Popen([sys.executable, "-m", "edition", "--root", str(root), "build"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    time.sleep(moment)
    sent = time.perf_counter()
    if which == "SIGINT":
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C: the terminal signals the whole group
    else:
        os.kill(process.pid, signal.SIGTERM)  # kill PID: the main process only
    out, err = process.communicate(timeout=30)
    while group_alive(process.pid) and time.perf_counter() - sent < 30:
        time.sleep(0.01)
    stopped = time.perf_counter() - sent
    said = (out + err).strip().splitlines()[-1] if (out + err).strip() else ""
    published = "published" in said or said.startswith("built")
    kept = digest(root / "site") == before or published
    left = tuple(sorted(p.name for p in root.glob(".site-*")))
    return Trial(which, moment, stopped, process.returncode, said, left, kept and
                 "Traceback" not in err)


@pytest.fixture(scope="module")
def project(tmp_path_factory, site) -> Path:
    root = copy_project(tmp_path_factory.mktemp("interrupted"))
    shutil.copytree(site, root / "site")
    return root


# In the suite, the two signals take turns over the moments (each stage meets one of them);
# the script tries both at every moment.
@pytest.mark.parametrize(("which", "moment"), [
    ("SIGINT" if n % 2 == 0 else "SIGTERM", moment) for n, moment in enumerate(MOMENTS)])
def test_a_signal_stops_the_build_within_a_second_and_leaves_nothing(project, which, moment):
    result = trial(project, which, moment)
    assert result.stopped_in < LIMIT, result
    assert result.left == (), result
    assert result.site_kept, result
    if result.code != 0:  # a build that finished before the signal is fine too
        assert result.code == 128 + getattr(signal, which), result
        assert result.said.startswith("interrupted:"), result


def main(trials: int) -> None:
    from tempfile import mkdtemp
    root = copy_project(Path(mkdtemp()) / "edition")
    subprocess.run([sys.executable, "-m", "edition", "--root", str(root), "build"], check=True,
                   capture_output=True)
    results = [trial(root, which, moment) for _ in range(trials) for which in ("SIGINT", "SIGTERM")
               for moment in MOMENTS]
    for r in results:
        print(f"{r.signal:7} at {r.moment:.1f} s: stopped in {r.stopped_in:.2f} s, exit {r.code}, "
              f"left {list(r.left)}, site kept {r.site_kept}: {r.said}")
    worst = max(r.stopped_in for r in results)
    bad = [r for r in results if r.stopped_in >= LIMIT or r.left or not r.site_kept]
    print(f"{len(results)} trials, worst stop {worst:.2f} s, {len(bad)} bad")
    shutil.rmtree(root.parent)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
