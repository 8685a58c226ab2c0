"""Shared fixtures: a built copy of the edition, made once per test session."""
from __future__ import annotations

import inspect
import json
import os
import re
import shutil
import sys
import zipfile
from pathlib import Path
from typing import Callable

import pytest
import yaml
from filelock import FileLock

from edition.cli import main

REPO = Path(__file__).resolve().parent.parent
# The benchmark's tools the tests share: serving.MkDocsServe runs `mkdocs serve` for both.
sys.path.append(str(REPO / "scripts" / "bench"))
CHROMIUM = Path("/usr/bin/chromium")
# The real edition's current version and its date, as the tests about its citations expect them.
_EDITION = yaml.safe_load((REPO / "source" / "bibliography.yml").read_text(encoding="utf-8"))
VERSION, RELEASED = _EDITION["edition"]["version"], _EDITION["edition"]["date"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def copy_project(target: Path) -> Path:
    """A throwaway copy of what the build reads, so tests never touch the work tree: source/,
    mkdocs.yml and releases/ (which the build refuses as a link), which tests change; scripts/
    (the theme, the hooks), which nothing writes, is a link to the work tree's."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "source", target / "source")
    shutil.copytree(REPO / "releases", target / "releases")
    (target / "scripts").symlink_to(REPO / "scripts", target_is_directory=True)
    return target


# A small invented edition (tests/fixture/README.md): the tests of rendering and of the loader
# read it, so that a correction to the real data breaks only the tests about the real data.
FIXTURE = Path(__file__).parent / "fixture"


def fixture_project(target: Path) -> Path:
    """A throwaway project made from the fixture, as copy_project makes one from the
    repository: the fixture's source/ copied; the repository's mkdocs.yml with the fixture's
    title and sections in place of the real ones (nothing else differs); scripts/ a link to
    the work tree's; releases/ empty (the fixture has published no earlier version)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(FIXTURE / "source", target / "source")
    (target / "mkdocs.yml").write_text(_fixture_config(), encoding="utf-8")
    (target / "scripts").symlink_to(REPO / "scripts", target_is_directory=True)
    (target / "releases").mkdir()
    return target


def _fixture_config() -> str:
    """The repository's mkdocs.yml, naming the fixture's article and listing its sections."""
    source = FIXTURE / "source"
    structure = yaml.safe_load((source / "structure.yml").read_text(encoding="utf-8"))
    article = yaml.safe_load((source / "bibliography.yml").read_text(encoding="utf-8"))["article"]
    sections = [structure["opening"]["id"]] + [d["id"] for d in structure["decisions"]
                                               if d["kind"] == "heading"]
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for key, value in (("site_name", article["title"]),
                       ("site_description", article["description"])):
        line = f"{key}: {json.dumps(value, ensure_ascii=False)}"
        config, found = re.subn(rf"(?m)^{key}: .*$", lambda _: line, config)
        assert found == 1, f"mkdocs.yml has no {key}"
    config, found = re.subn(r"(?m)^( +)- sections/.*\.md\n(?:\1- sections/.*\.md\n)*",
                            lambda m: "".join(f"{m[1]}- sections/{s}.md\n" for s in sections),
                            config)
    assert found == 1, "mkdocs.yml's nav lists no sections"
    return config


# The engine the session's site is built with: EDITION_ENGINE=zensical runs the same checks
# on Zensical's output (.ci/run does, for the engine-neutral ones).
ENGINE = os.environ.get("EDITION_ENGINE", "mkdocs")


def made_once(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder `make` fills, once per test run: with pytest-xdist, the first worker to ask
    makes it and the others wait for it and share it (xdist's recipe for session fixtures)."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    folder = tmp_path_factory.getbasetemp().parent / name  # the workers' common parent
    with FileLock(f"{folder}.lock"):
        made = folder.with_name(f"{name}.made")
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            made.touch()
    return folder


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The root of a project copy whose site/ has been built by `edition build`."""
    def make(root: Path) -> None:
        copy_project(root)
        assert main(["--root", str(root), "build", "--engine", ENGINE]) == 0
    return made_once(tmp_path_factory, "edition", make)


@pytest.fixture(scope="session")
def site(built: Path) -> Path:
    return built / "site"


@pytest.fixture(scope="session")
def fixture_built(tmp_path_factory) -> Path:
    """The root of a project made from the fixture (fixture_project) whose site/ has been
    built by `edition build`, once per session."""
    def make(root: Path) -> None:
        fixture_project(root)
        assert main(["--root", str(root), "build", "--engine", ENGINE]) == 0
    return made_once(tmp_path_factory, "fixture", make)


SITE_URL = "https://example.org/insurrection/"


@pytest.fixture(scope="session")
def site_with_url(tmp_path_factory) -> Path:
    """The session's one build with `site_url: https://example.org/insurrection/`, as the
    edition is published: its site/ (the metadata and the exports' tests share it)."""
    def make(root: Path) -> None:
        copy_project(root)
        config = root / "mkdocs.yml"
        config.write_text(re.sub(r"^site_url: .*$", f"site_url: {SITE_URL}",
                                 config.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
        assert main(["--root", str(root), "build", "--engine", ENGINE]) == 0
    return made_once(tmp_path_factory, "with-url", make) / "site"


# The EPUBs the session's builds ship, by name: the English one without and with a site URL (the
# URL changes the same links in both languages), and the Spanish one.
SHIPPED_EPUBS = ("without-url", "with-url", "es")


def shipped_epub(request, name: str) -> Path:
    """The EPUB of SHIPPED_EPUBS called `name`, from downloads/ of the session's build."""
    site = request.getfixturevalue("site_with_url" if name == "with-url" else "site")
    [epub] = [p for p in (site / "downloads").glob("*.epub")
              if p.stem.endswith("-es") == (name == "es")]
    return epub


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
def browser(request):
    """Debian's Chromium, one per test module, with the module's CHROMIUM_MORE_ARGS if any."""
    from served import chromium
    with chromium(*getattr(request.module, "CHROMIUM_MORE_ARGS", ())) as launched:
        yield launched


def require_chromium() -> None:
    if not CHROMIUM.exists():
        from tools import missing_gate
        missing_gate(f"Debian's chromium is not installed ({CHROMIUM}): apt-get install chromium")


def pytest_sessionstart(session) -> None:
    """The checkers the gates run are installed before any test runs, by the session (not by
    each test worker: they inherit what it found)."""
    if hasattr(session.config, "workerinput"):
        return
    import tools
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    tools.install(say=lambda text: reporter.write_line(text) if reporter else print(text))


# A section of the fixture renamed, and a paragraph in it
RENAMED_OLD, RENAMED_NEW, RENAMED_PARAGRAPH = "the-night-of-the-flood", "the-flood-night", "p5"


@pytest.fixture(scope="session")
def renamed(tmp_path_factory):
    """A project made from the fixture whose section RENAMED_OLD is renamed, moved in the
    ledger as the README says, recorded and built."""
    def make(root: Path) -> None:
        fixture_project(root)
        for name in ("source/structure.yml", "source/translations/es.yml", "mkdocs.yml"):
            path = root / name
            path.write_text(path.read_text(encoding="utf-8").replace(RENAMED_OLD, RENAMED_NEW),
                            encoding="utf-8")
        assert main(["--root", str(root), "anchors", "--move", f"sections/{RENAMED_OLD}.html",
                     "--to", f"sections/{RENAMED_NEW}.html", "--reason", "the section was renamed"]) == 0
        assert main(["--root", str(root), "anchors", "--record"]) == 0
        assert main(["--root", str(root), "build"]) == 0
    return made_once(tmp_path_factory, "renamed", make)


# --- markers: unit, build, browser -----------------------------------------------------------
# Each test is marked browser if its code or its fixtures' code drives Chromium, else by its
# folder: tests/unit/ unit, the rest build (a build, or a checker run on what one makes).
# `pytest -m unit` is the quick loop; `pytest -m "not browser"` leaves Chromium out, and
# tests/unit/test_folders.py keeps every Chromium test in tests/browser/.
BROWSER_CALLS = ("chromium(", "sync_playwright")
TESTS = Path(__file__).resolve().parent


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
    # The long units first, so that the short tests fill in around them on the two workers.
    items.sort(key=lambda item: not any(item.nodeid.startswith(unit) for unit in ONE_WORKER))
    for item in items:
        if any(item.get_closest_marker(kind) for kind in ("unit", "build", "browser")):
            continue  # marked by hand
        code = "\n".join(_sources(item))
        if any(call in code for call in BROWSER_CALLS):
            item.add_marker(pytest.mark.browser)
        elif item.path.is_relative_to(TESTS / "unit"):
            item.add_marker(pytest.mark.unit)
        else:
            item.add_marker(pytest.mark.build)


# --- two workers (pytest-xdist) ---------------------------------------------------------------
# What one worker runs, test after test: the browser tests (one Chromium at a time, as the
# timing tests expect), and the tests of a file, or a group of tests, that share a costly
# module fixture; any other test goes to whichever worker is free.
ONE_WORKER = {
    "tests/browser/": "Chromium",
    "tests/build/test_hostile_fields.py": "its planted build",
    "tests/build/test_serve.py": "its server",
    "tests/build/test_downloads.py::test_epubcheck": "one Java VM checks the three EPUBs",
    "tests/build/test_csl_engines.py::test_citations_match_citeproc_js": "one citeproc-js run",
}
# ... but axe's sweeps over every page, long and timing nothing, go to whichever worker is free,
# each with a Chromium of its own.
EITHER_WORKER = ("tests/browser/test_axe_sweeps.py::test_every_page",)


def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith(EITHER_WORKER):
                return nodeid
            return next((unit for unit in ONE_WORKER if nodeid.startswith(unit)), nodeid)

    return Scheduling(config, log)


def site_pages(edition, base_url: str = ""):
    """The pages' trees as `edition build` makes them, for the exporters that read them."""
    from edition.build import site_pages as make
    from edition.pages import Context
    return make(Context(edition, base_url))


def pages_by_language(edition, base_url: str = ""):
    """Each language's pages' trees, as `edition build` makes them (the books are made of them)."""
    from edition.build import site_pages as make
    from edition.i18n import messages
    from edition.pages import Context
    from edition.place import edition_in
    return {language: make(Context(edition_in(edition, language), base_url,
                                    m=messages(language)))
            for language in edition.source.languages}


def exported(edition, base_url: str = ""):
    """Every artefact of the edition, as `edition build` exports it."""
    from edition.export import export
    return export(edition, base_url, pages_by_language(edition, base_url))


def epub_of(edition, base_url: str = "") -> bytes:
    """The EPUB of the edition's own language."""
    from edition.export.epub import epub_bytes
    from edition.export.onepage import one_page
    return epub_bytes(edition, base_url, one_page(edition, base_url, site_pages(edition, base_url)))


def built_artefacts(root: Path):
    """The artefacts `edition build` makes of the project at `root` (its ledger's history
    included, which the one-page edition's changelog shows)."""
    from edition.build import Project, prepare
    return prepare(Project(root)).artefacts


def drop_keeping_tail(element) -> None:
    """The element goes, its tail text stays (lxml.html's drop_tree, for any lxml tree)."""
    parent, tail = element.getparent(), element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def epub_chapters(book: zipfile.ZipFile) -> dict[str, bytes]:
    """An EPUB's content documents in reading order (its spine), by their names beside the
    package document (article.xhtml, people.xhtml, …)."""
    import lxml.etree
    opf = "{http://www.idpf.org/2007/opf}"
    package = lxml.etree.fromstring(book.read("EPUB/package.opf"))
    files = {item.get("id"): item.get("href") for item in package.iter(f"{opf}item")}
    names = [files[ref.get("idref")] for ref in package.iter(f"{opf}itemref")]
    return {name: book.read(f"EPUB/{name}") for name in names}
