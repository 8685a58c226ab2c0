"""Bad input stops `edition build` with one clear line and leaves site/ alone, end to end.

Every case of tests/spoil.py is checked in-process by `edition check` (tests/unit/
test_source_problems.py); here one case of each family goes through `edition build` on a copy
of the fixture edition with a built site/: exit code 1, one `error:` line naming the file (and
line) with what is wrong and the fix, no traceback, site/ byte for byte as it was, no staging
folder left. Cases where one mistake causes many problems check that the first line names the
cause. The ledger commands, the file-system and publishing cases follow.
"""
from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edition.place import anchors
from edition.cli import main

from conftest import fixture_project, made_once
from spoil import CASES, ERROR_LINE, edit, ledger_lines, line_of, located, resealed_with, run, tree_digest

pytestmark = [pytest.mark.build, pytest.mark.slow]

ROOT = os.geteuid() == 0  # root ignores file modes: unwritable folders are simulated for it


@pytest.fixture
def project(tmp_path, fixture_built) -> Path:
    """A copy of the fixture edition with a previously built site/ in place: part of the
    session's fixture site (its home page and sections) is enough to see it kept byte for
    byte, and quick to compare."""
    root = fixture_project(tmp_path / "edition")
    shutil.copytree(fixture_built / "site" / "sections", root / "site" / "sections")
    shutil.copy(fixture_built / "site" / "index.html", root / "site" / "index.html")
    return root


# Every case of spoil.CASES is checked in-process by tests/unit/test_source_problems.py; these,
# one of each family, go through `edition build` end to end: the CLI's one line, site/ kept.
END_TO_END = ("malformed YAML", "bad id", "unknown evidence source", "ledger lines lost",
              "plugin not installed", "a link in releases/")


@pytest.mark.parametrize("name", END_TO_END)
def test_bad_input_gives_one_clear_line_and_keeps_the_site(project, capsys, name):
    change, where, message = CASES[name]
    before = tree_digest(project / "site")
    change(project)
    where = located(where, project)
    code, errors, output = run(project, capsys)
    assert code == 1, output
    assert len(errors) == 1, errors
    assert ERROR_LINE.match(errors[0]) and where in errors[0] and message in errors[0], errors
    assert "Traceback" not in output
    assert tree_digest(project / "site") == before
    assert not list(project.glob(".site-*"))


# --- one mistake, many problems: the cause comes first ------------------------------------------

def caption_made_heading(root: Path) -> None:
    """A caption declared a heading: a new section, and every later paragraph renumbered."""
    edit('  - block: "Volunteers at the old market"\n    kind: caption\n',
         '  - block: "Volunteers at the old market"\n    kind: heading\n    id: volunteers\n'
         '    summary: The volunteers.\n', "structure.yml")(root)
    edit("      reason: >-\n        Una línea breve entre párrafos",
         "      summary: Los voluntarios.\n      reason: >-\n        Una línea breve entre párrafos",
         "structure.yml")(root)
    edit("      - sections/the-night-of-the-flood.md\n",
         "      - sections/the-night-of-the-flood.md\n      - sections/volunteers.md\n",
         "mkdocs.yml")(root)


def paragraph_split(root: Path) -> None:
    """A paragraph split in two (and the text's fingerprint updated to let it through)."""
    path = root / "source" / "article.txt"
    text = path.read_text(encoding="utf-8")
    text = text.replace("on Sunday, October 12. By morning", "on Sunday, October 12.\nBy morning", 1)
    path.write_bytes(text.encode("utf-8"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    edit("text-sha256: c48ff8ba578e8ef08c60be7cde875e2cd7ff06c4b02abfe84690768035f7585b",
         f"text-sha256: {digest}", "bibliography.yml")(root)


ROOT_CAUSES = {
    "a caption made a heading": (caption_made_heading, "source/structure.yml:",
                                 "the text's blocks have shifted: published block p4 is now volunteers"),
    "a paragraph split in two": (paragraph_split, "source/article.txt:",
                                 "published block p3 is no longer a block of the text"),
}


@pytest.mark.parametrize("name", ROOT_CAUSES)
def test_shifted_block_ids_are_named_first(project, capsys, name):
    change, where, message = ROOT_CAUSES[name]
    before = tree_digest(project / "site")
    change(project)
    code, errors, output = run(project, capsys)
    assert code == 1 and len(errors) > 2, errors  # the later blocks' quotes miss their blocks
    assert ERROR_LINE.match(errors[0]) and where in errors[0] and message in errors[0], errors[:2]
    assert "errors below follow from this one" in errors[0]
    assert "Traceback" not in output and tree_digest(project / "site") == before


# --- the ledger only grows, by command ----------------------------------------------------------

def test_an_anchor_is_removed_only_by_command_with_its_reason(project, capsys):
    resealed_with("sections/old.html#p1\tdeadbeef0000")(project)
    assert run(project, capsys, "anchors", "--remove", "sections/old.html#p1")[0] == 1  # no reason
    code, _, output = run(project, capsys, "anchors", "--remove", "sections/old.html#p1",
                          "--reason", "The section was merged into the opening in 2026.")
    assert code == 0, output
    ledger = (project / "source" / anchors.LEDGER).read_text(encoding="utf-8")
    assert "sections/old.html#p1\tdeadbeef0000\tremoved: The section was merged" in ledger
    assert run(project, capsys, "check")[0] == 0  # the build's own checks of the ledger
    code, errors, _ = run(project, capsys, "anchors", "--remove", "sections/none.html",
                          "--reason", "a typo")
    assert code == 1 and "is not in the ledger" in errors[0]


def test_record_refuses_a_damaged_or_missing_ledger(project, capsys):
    ledger = project / "source" / anchors.LEDGER
    ledger_lines(lambda body: body[:-3])(project)
    code, errors, _ = run(project, capsys, "anchors", "--record")
    assert code == 1 and "3 line(s) were lost" in errors[0]
    ledger.unlink()
    code, errors, _ = run(project, capsys, "anchors", "--record")
    assert code == 1 and "--record --start" in errors[0]
    assert run(project, capsys, "anchors", "--record", "--start")[0] == 0
    assert run(project, capsys, "check")[0] == 0


def test_record_on_a_read_only_ledger_says_so(project, capsys, monkeypatch):
    ledger = project / "source" / anchors.LEDGER
    ledger.chmod(0o444)
    if ROOT:
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == ledger and mode & os.W_OK
                            else real(p, mode))
    code, errors, output = run(project, capsys, "anchors", "--record")
    assert code == 1 and errors == ["error: source/published-anchors.txt: the ledger is read-only — "
                                    "make it writable (chmod u+w source/published-anchors.txt) and run again"]
    assert "Traceback" not in output


# --- the file system ----------------------------------------------------------------------------

class Faults:
    """Writes under `folder` fail with `error` (after `after` successful opens for writing),
    as a read-only folder or a full disk makes them fail; root ignores file modes, so the
    failures are made here for every user."""

    def __init__(self, monkeypatch, folder: Path | str, error: int, after: int = 0):
        self.folder, self.error, self.left = folder, error, after
        real_open, real_mkdir = io.open, os.mkdir

        def guarded_open(file, mode="r", *args, **kwargs):
            if isinstance(file, (str, Path)) and set(mode) & set("wax+") and self._hit(file):
                raise OSError(self.error, os.strerror(self.error), str(file))
            return real_open(file, mode, *args, **kwargs)

        def guarded_mkdir(path, *args, **kwargs):
            if self._hit(path):
                raise OSError(self.error, os.strerror(self.error), str(path))
            return real_mkdir(path, *args, **kwargs)

        import builtins
        monkeypatch.setattr(builtins, "open", guarded_open)
        monkeypatch.setattr(io, "open", guarded_open)
        monkeypatch.setattr(os, "mkdir", guarded_mkdir)

    def _hit(self, path) -> bool:
        path = os.path.abspath(path)
        inside = (self.folder in path if isinstance(self.folder, str)
                  else Path(path).is_relative_to(self.folder))
        if inside and self.left > 0:
            self.left -= 1
            return False
        return inside


FILE_SYSTEM = {
    "docs/ read-only": (lambda root: root / "docs", errno.EACCES, 0, "docs", "Permission denied"),
    "repository root read-only": (lambda root: root, errno.EROFS, 0, "", "Read-only file system"),
    "disk full while writing docs/": (lambda root: root / "docs", errno.ENOSPC, 5, "docs",
                                      "No space left on device"),
    "disk full while MkDocs writes": (lambda root: "/.site-build-", errno.ENOSPC, 40, ".site-build-",
                                      "No space left on device"),
}


@pytest.mark.parametrize("name", FILE_SYSTEM)
def test_a_file_system_fault_gives_one_clear_line(project, capsys, monkeypatch, name):
    folder, error, after, where, message = FILE_SYSTEM[name]
    (project / "docs").mkdir(exist_ok=True)
    before = tree_digest(project / "site")
    Faults(monkeypatch, folder(project.resolve()), error, after)
    code, errors, output = run(project, capsys)
    monkeypatch.undo()
    assert code == 1 and len(errors) == 1, output
    assert where in errors[0] and message in errors[0] and "site/ is unchanged" in errors[0], errors
    assert "Traceback" not in output
    assert tree_digest(project / "site") == before
    assert not list(project.glob(".site-*"))


# --- publishing ---------------------------------------------------------------------------------

def test_site_as_a_file_is_a_clear_error(project, capsys):
    shutil.rmtree(project / "site")
    (project / "site").write_text("not a folder", encoding="utf-8")
    code, errors, output = run(project, capsys)
    assert code == 1 and errors == ["error: site/: is a file, not a folder — move it away or "
                                    "delete it; the build writes the site there"], output
    assert (project / "site").read_text(encoding="utf-8") == "not a folder"


def test_a_read_only_site_is_a_clear_error(project, capsys, monkeypatch):
    site = project / "site"
    site.chmod(0o555)
    if ROOT:
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == site and mode & os.W_OK
                            else real(p, mode))
    before = tree_digest(site)
    code, errors, output = run(project, capsys)
    site.chmod(0o755)
    assert code == 1 and len(errors) == 1 and "site/: is read-only" in errors[0], output
    assert tree_digest(site) == before and not list(project.glob(".site-*"))


@pytest.fixture(scope="session")
def rebuilt(tmp_path_factory, fixture_built) -> Path:
    """A project built again over its old site/ (the home page marked), with leftovers of
    killed builds beside it, under umask 022: a good build's one scenario, checked below."""
    def make(root: Path) -> None:
        fixture_project(root)
        shutil.copytree(fixture_built / "site", root / "site")
        (root / "site" / "index.html").write_text("previous site", encoding="utf-8")
        old = root / ".site-old"
        (old / "assets").mkdir(parents=True)
        (old / "assets" / "x.css").write_text("old", encoding="utf-8")
        (old / "assets").chmod(0o555)  # left by a read-only site/
        dead = root / ".site-build-999999999-0a1b2c3d"  # a staging folder of a killed build
        (dead / "sections").mkdir(parents=True)
        previous = os.umask(0o022)
        try:
            assert main(["--root", str(root), "build"]) == 0
        finally:
            os.umask(previous)
    return made_once(tmp_path_factory, "rebuilt", make)


def test_a_good_build_replaces_the_site(rebuilt):
    assert "previous site" not in (rebuilt / "site" / "index.html").read_text(encoding="utf-8")


def test_leftovers_of_killed_builds_never_block_and_are_removed(rebuilt):
    assert not list(rebuilt.glob(".site-*"))


def test_a_site_that_is_a_link_is_published_into_its_target(project, capsys, tmp_path):
    deploy = tmp_path / "deploy" / "www"
    deploy.parent.mkdir()
    shutil.move(project / "site", deploy)
    (project / "site").symlink_to(deploy, target_is_directory=True)
    (deploy / "stale.html").write_text("left from before", encoding="utf-8")
    assert run(project, capsys)[0] == 0
    assert (project / "site").is_symlink() and os.readlink(project / "site") == str(deploy)
    assert (deploy / "index.html").exists() and not (deploy / "stale.html").exists()
    assert not list(deploy.parent.glob(".www-*")) and not list(project.glob(".site-*"))


def test_the_site_follows_the_umask(rebuilt):
    site = rebuilt / "site"
    assert site.stat().st_mode & 0o777 == 0o755
    modes = {p.stat().st_mode & 0o777 for p in site.rglob("*")}
    assert modes == {0o755, 0o644}, sorted(oct(m) for m in modes)


# Run as a command of its own, so that nothing but the build runs threads and the Spanish
# pages and books are made in the build's second process, as on an editor's machine (a test
# worker runs threads, and there the build makes them in its own process).
_SPANISH_BOOK_FINDS_A_PROBLEM = """
import sys
import edition.export
from edition.cli import main
from edition.problems import Problem, SourceError

def spanish_book(edition, base_url, pages):
    if "es" in pages:
        raise SourceError([Problem("source/bibliography.yml", 3, "no such licence", "name one")])
    return ()

edition.export.BOOKS += (spanish_book,)
sys.exit(main(sys.argv[1:]))
"""


def test_a_problem_found_in_the_second_process_is_reported_the_same_way(project):
    before = tree_digest(project / "site")
    result = subprocess.run([sys.executable, "-c", _SPANISH_BOOK_FINDS_A_PROBLEM, "--root",
                             str(project), "build"], capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.splitlines() == [
        "error: source/bibliography.yml:3: no such licence — name one",
        "1 problem(s); site/ is unchanged."]
    assert "Traceback" not in result.stdout + result.stderr
    assert tree_digest(project / "site") == before


@pytest.mark.unit
def test_the_swap_exchanges_the_two_folders_in_one_step(tmp_path):
    """On Linux the new site and the old change places with one renameat2 call: at no moment
    is there no site/."""
    from edition.publish import files
    new, site = tmp_path / "new", tmp_path / "site"
    for folder, text in ((new, "new"), (site, "old")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")
    previous = files.swap(new, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert (previous / "index.html").read_text(encoding="utf-8") == "old"
    if sys.platform.startswith("linux"):
        assert previous == new  # exchanged, not renamed aside


def test_an_unreadable_source_file_gives_one_clear_line(project, capsys, monkeypatch):
    path = (project / "source" / "events.yml").resolve()
    path.chmod(0o000)
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(
        PermissionError(errno.EACCES, "Permission denied", str(self))) if self.resolve() == path
        else real(self))
    code, errors, output = run(project, capsys)
    path.chmod(0o644)
    assert code == 1 and errors == ["error: source/events.yml: cannot be read (Permission "
                                    "denied) — make it readable (chmod a+r) or restore it from git"]
    assert "Traceback" not in output


# The warnings MkDocs gave for a quotation whose lacuna was in another section, before its
# link was made to point at the lacuna's page (here on the fixture, as they would read): traced
# to the line that names the lacuna; a page's bad link, to the source of that page.
MKDOCS_WARNINGS = {
    "Doc file 'sections/opening.md' contains a link 'opening.md#lacuna-p5', "
    "but there is no such anchor on this page.": line_of("annotations/quotations.yml", "lacuna: lacuna-p5"),
    "Doc file 'register/sources.md' contains a link '../sections/opening.md#lacuna-p5', "
    "but the doc 'sections/opening.md' does not contain an anchor '#lacuna-p5'.":
        line_of("annotations/quotations.yml", "lacuna: lacuna-p5"),
    "Doc file 'entities/radio-valle.md' contains a link 'nowhere.md', but the target is not found "
    "among documentation files.": "source/entities.yml:",
}


@pytest.mark.unit
@pytest.mark.parametrize("warning", MKDOCS_WARNINGS)
def test_an_mkdocs_warning_is_traced_to_its_source_line(tmp_path, warning):
    from edition.publish import mkdocs_engine as mkdocs_site
    from edition.load import load_source
    from edition.place import build_edition
    root = fixture_project(tmp_path / "edition")
    edition = build_edition(load_source(root / "source"))
    problem = mkdocs_site.trace(warning, edition, root)
    assert str(problem).startswith(located(MKDOCS_WARNINGS[warning], root)), problem
    assert " — " in str(problem) and "MkDocs: Doc file" in str(problem)
