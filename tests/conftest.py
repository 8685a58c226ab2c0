"""Shared fixtures: a built copy of the edition, made once per test session."""
from __future__ import annotations

import inspect
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from edition.cli import main

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def copy_project(target: Path) -> Path:
    """A throwaway copy of what the build reads, so tests never touch the work tree."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("source", "scripts", "releases"):
        shutil.copytree(REPO / folder, target / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "node_modules"))
    return target


# The engine the session's site is built with: EDITION_ENGINE=zensical runs the same checks
# on Zensical's output (.ci/run does, for the engine-neutral ones).
ENGINE = os.environ.get("EDITION_ENGINE", "mkdocs")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The root of a project copy whose site/ has been built by `edition build`."""
    root = copy_project(tmp_path_factory.mktemp("edition"))
    assert main(["--root", str(root), "build", "--engine", ENGINE]) == 0
    return root


@pytest.fixture(scope="session")
def site(built: Path) -> Path:
    return built / "site"


SITE_URL = "https://example.org/insurrection/"


@pytest.fixture(scope="session")
def site_with_url(tmp_path_factory) -> Path:
    """The session's one build with `site_url: https://example.org/insurrection/`, as the
    edition is published: its site/ (the metadata and the exports' tests share it)."""
    root = copy_project(tmp_path_factory.mktemp("with-url"))
    config = root / "mkdocs.yml"
    config.write_text(re.sub(r"^site_url: .*$", f"site_url: {SITE_URL}",
                             config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    assert main(["--root", str(root), "build", "--engine", ENGINE]) == 0
    return root / "site"


@pytest.fixture(scope="session")
def unpacked(site: Path, tmp_path_factory) -> Path:
    """The offline zip from site/downloads/, unpacked: the folder it holds."""
    [archive_path] = (site / "downloads").glob("*-offline.zip")
    with zipfile.ZipFile(archive_path) as archive:
        tops = {name.split("/")[0] for name in archive.namelist()}
        assert len(tops) == 1, f"the zip has {len(tops)} top folders"
        target = tmp_path_factory.mktemp("offline")
        archive.extractall(target)
    return target / tops.pop()


@pytest.fixture(scope="module")
def server(site: Path):
    """The built site over http on localhost: its base URL."""
    from served import serving  # served imports this module
    with serving(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, one per test module."""
    from served import chromium
    with chromium() as launched:
        yield launched


def require_chromium() -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is required in CI (apt-get install chromium)")
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)")


RENAMED_OLD, RENAMED_NEW = "the-government-is-saved", "the-government-survives"


@pytest.fixture(scope="session")
def renamed(tmp_path_factory):
    """A project copy whose section the-government-is-saved is renamed, moved in the ledger
    as the README says, recorded and built."""
    root = copy_project(tmp_path_factory.mktemp("renamed"))
    for name in ("source/structure.yml", "mkdocs.yml"):
        path = root / name
        path.write_text(path.read_text(encoding="utf-8").replace(RENAMED_OLD, RENAMED_NEW), encoding="utf-8")
    assert main(["--root", str(root), "anchors", "--move", f"sections/{RENAMED_OLD}.html",
                 "--to", f"sections/{RENAMED_NEW}.html", "--reason", "the section was renamed"]) == 0
    assert main(["--root", str(root), "anchors", "--record"]) == 0
    assert main(["--root", str(root), "build"]) == 0
    return root


# --- markers: unit, build, browser -----------------------------------------------------------
# Each test is marked by what it runs, read from its code and its fixtures' code: Chromium
# (browser), an edition build (build), or neither (unit). `pytest -m unit` is the quick loop;
# `pytest -m "not browser"` leaves Chromium out.
_BROWSER_CALLS = ("chromium(", "sync_playwright")
_BUILD_CALLS = ('"build"', "'build'")


def _sources(item) -> list[str]:
    functions = [item.function] + [d.func for defs in item._fixtureinfo.name2fixturedefs.values()
                                   for d in defs]
    sources = []
    for function in functions:
        try:
            sources.append(inspect.getsource(function))
        except (OSError, TypeError):
            pass
    return sources


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if any(item.get_closest_marker(kind) for kind in ("unit", "build", "browser")):
            continue  # marked by hand
        code = "\n".join(_sources(item))
        if any(call in code for call in _BROWSER_CALLS):
            item.add_marker(pytest.mark.browser)
        elif any(call in code for call in _BUILD_CALLS):
            item.add_marker(pytest.mark.build)
        else:
            item.add_marker(pytest.mark.unit)
