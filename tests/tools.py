"""The pinned Node tools of tests/tools/: installed on first use (`npm ci`) when npm is there;
skipped locally, a failure in CI, when they cannot be had."""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from filelock import FileLock

TOOLS = Path(__file__).resolve().parent / "tools"
NODE_MODULES = TOOLS / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The Java checkers run for seconds: the quick compiler and one collector thread do, and leave
# the other core to the other test worker (EPUBCheck took 10 s of CPU in 6 s; now 6 in 5).
JAVA = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


@functools.cache
def install() -> str:
    """Run `npm ci --prefix tests/tools` once per session if a checker is missing: what went
    wrong, or '' (so the README's one test command runs the accessibility and HTML gates)."""
    npm = shutil.which("npm")
    if npm is None:
        return "npm is not installed (Node 20: apt-get install nodejs npm)"
    with FileLock(TOOLS / ".install.lock"):  # one install, whichever test worker asks first
        if AXE.exists() and VNU.exists():
            return ""
        try:
            done = subprocess.run([npm, "ci", "--prefix", str(TOOLS), "--no-audit", "--no-fund",
                                   "--loglevel=error"], capture_output=True, text=True, timeout=900)
        except subprocess.TimeoutExpired:
            return "`npm ci --prefix tests/tools` took over 15 minutes"
    if done.returncode:
        return f"`npm ci --prefix tests/tools` failed: {done.stderr.strip()[-300:]}"
    return ""


def require(tool: Path, *programs: str) -> Path:
    """The tool's path, installed if need be; a skip (a failure when CI is set) if it or a
    program it needs cannot be had."""
    trouble = install() if not tool.exists() else ""
    missing = [str(tool)] if not tool.exists() else []
    missing += [p for p in programs if shutil.which(p) is None]
    if missing:
        message = f"missing {', '.join(missing)}" + (f": {trouble}" if trouble else
                                                     ": run `npm ci --prefix tests/tools`")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return tool


def built_pages(site: Path) -> list[Path]:
    """Every HTML page of the site, the offline downloads included."""
    return sorted(site.rglob("*.html"))
