"""Bad or hostile input in source/ stops the build with one clear line and leaves site/ alone."""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from typing import Callable

import pytest

from edition.cli import main
from edition.load.yamlfile import MAX_FILE_BYTES

from conftest import copy_project

ERROR_LINE = re.compile(r"^error: source/[\w./-]+(:\d+)?: .+ — .+$")


@pytest.fixture
def project(tmp_path, site) -> Path:
    """A project copy with a previously built site/ in place."""
    root = copy_project(tmp_path / "edition")
    shutil.copytree(site, root / "site")
    return root


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run(root: Path, capsys) -> tuple[int, list[str], str]:
    code = main(["--root", str(root), "build"])
    captured = capsys.readouterr()
    output = captured.out + captured.err
    return code, [line for line in captured.err.splitlines() if line.startswith("error:")], output


def edit(old: str, new: str, relative: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / "source" / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.chmod(0o644)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def write(relative: str, content: bytes) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / "source" / relative).write_bytes(content)
    return change


CASES = {
    "malformed YAML": (edit("- id: sanchez-de-lozada", "- id: [sanchez-de-lozada", "entities.yml"),
                       "source/entities.yml:", "malformed YAML"),
    "wrong type": (edit("kind: president of Bolivia", "kind: [president, of Bolivia]", "entities.yml"),
                   "source/entities.yml:", "kind"),
    "unknown entity": (edit("entity: el-alto", "entity: el-altoo", "annotations/mentions.yml"),
                       "source/annotations/mentions.yml:", "unknown entity 'el-altoo'"),
    "quote not in paragraph": (edit('text: "Roberto de La Cruz"', 'text: "Roberto de la Cruzz"',
                                    "annotations/mentions.yml"),
                               "source/annotations/mentions.yml:", "does not occur in"),
    "missing anchor block": (edit("p28:\n", "p99:\n", "annotations/mentions.yml"),
                             "source/annotations/mentions.yml:", "no block 'p99'"),
    "overlapping spans": (edit('p16:\n  - text: "Sanchez de Lozada"',
                               'p16:\n  - text: "Lozada"\n    entity: sanchez-de-lozada\n'
                               '  - text: "Sanchez de Lozada"', "annotations/mentions.yml"),
                          "source/annotations/mentions.yml:", "a mention overlaps a mention"),
    "impossible date": (edit('date: "2003-10-14"', 'date: "2003-02-30"', "bibliography.yml"),
                        "source/bibliography.yml:", "not a real date"),
    "unknown field": (edit("  description:", "  descripton:", "entities.yml"),
                      "source/entities.yml:", "did you mean 'description'"),
    "duplicated structure quote": (edit('block: "Bourgeois manoeuvres"', 'block: "B"', "structure.yml"),
                                   "source/structure.yml:", "blocks begin with"),
    "changed article text": (edit("Goni", "Gony", "article.txt"),
                             "source/article.txt", "transmitted text has changed"),
    "removed published anchor": (lambda root: (root / "source" / "published-anchors.txt").open("a").write(
                                     "sections/old.html#p1\tdeadbeef0000\n"),
                                 "source/published-anchors.txt:", "'sections/old.html#p1' would disappear"),
    "wrong encoding": (write("events.yml", "- id: x\n  title: caf\xe9\n".encode("latin-1")),
                       "source/events.yml:2:", "not UTF-8"),
    "empty file": (write("events.yml", b""), "source/events.yml", "file is empty"),
    "huge file": (write("events.yml", b"# " + b"x" * MAX_FILE_BYTES + b"\n"),
                  "source/events.yml", "limit"),
}


@pytest.mark.parametrize("name", CASES)
def test_bad_input_gives_one_clear_line_and_keeps_the_site(project, capsys, name):
    change, where, message = CASES[name]
    before = tree_digest(project / "site")
    change(project)
    code, errors, output = run(project, capsys)
    assert code == 1
    assert len(errors) == 1, errors
    assert ERROR_LINE.match(errors[0]) and where in errors[0] and message in errors[0], errors
    assert "Traceback" not in output
    assert tree_digest(project / "site") == before
    assert not list(project.glob(".site-*"))


def test_a_good_build_replaces_the_site(project, capsys):
    (project / "site" / "index.html").write_text("previous site", encoding="utf-8")
    assert main(["--root", str(project), "build"]) == 0
    assert "previous site" not in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert not list(project.glob(".site-*"))


def _exporter_finding_a_problem(edition, base_url):
    from edition.problems import Problem, SourceError
    raise SourceError([Problem("source/bibliography.yml", 3, "no such licence", "name one")])


def test_a_problem_found_in_the_export_process_is_reported_the_same_way(project, capsys,
                                                                        monkeypatch):
    import edition.export
    monkeypatch.setattr(edition.export, "EXPORTERS",
                        edition.export.EXPORTERS + (_exporter_finding_a_problem,))
    before = tree_digest(project / "site")
    code, errors, output = run(project, capsys)
    assert code == 1
    assert errors == ["error: source/bibliography.yml:3: no such licence — name one"]
    assert "Traceback" not in output
    assert tree_digest(project / "site") == before
