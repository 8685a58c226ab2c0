"""Bad input in source/ stops the build with one clear line per problem and leaves site/ alone."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edition.cli import main

from conftest import copy_project


@pytest.fixture
def project(tmp_path) -> Path:
    root = copy_project(tmp_path / "edition")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("previous site", encoding="utf-8")
    return root


def run(root: Path, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(root), "build"])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if line.startswith("error:")]


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / "source" / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES = [
    ("malformed YAML", "entities.yml", "- id: sanchez-de-lozada", "- id: [sanchez-de-lozada",
     "entities.yml:", "malformed YAML"),
    ("unknown entity", "annotations/mentions.yml", "entity: el-alto", "entity: el-altoo",
     "mentions.yml:", "unknown entity 'el-altoo'"),
    ("quote not in paragraph", "annotations/mentions.yml", "text: \"Roberto de La Cruz\"",
     "text: \"Roberto de la Cruzz\"", "mentions.yml:", "does not occur in"),
    ("impossible date", "bibliography.yml", 'date: "2003-10-14"', 'date: "2003-02-30"',
     "bibliography.yml:", "not a real date"),
    ("unknown field", "entities.yml", "  description:", "  descripton:",
     "entities.yml:", "did you mean 'description'"),
    ("duplicated structure quote", "structure.yml", 'block: "Bourgeois manoeuvres"',
     'block: "B"', "structure.yml:", "blocks begin with"),
]


@pytest.mark.parametrize("name,file,old,new,where,message", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_a_clear_line_and_keeps_the_site(project, capsys, name, file, old, new,
                                                         where, message):
    edit(project, file, old, new)
    code, errors = run(project, capsys)
    assert code == 1
    assert any(where in line and message in line and " — " in line for line in errors), errors
    assert (project / "site" / "index.html").read_text() == "previous site"
    assert not (project / "docs").exists()


def test_a_changed_article_text_stops_the_build(project, capsys):
    article = project / "source" / "article.txt"
    article.chmod(0o644)
    article.write_text(article.read_text(encoding="utf-8").replace("Goni", "Gony", 1), encoding="utf-8")
    code, errors = run(project, capsys)
    assert code == 1 and any("transmitted text has changed" in e for e in errors)


def test_wrong_encoding_and_empty_files(project, capsys):
    (project / "source" / "events.yml").write_bytes("- id: x\n  title: caf\xe9\n".encode("latin-1"))
    (project / "source" / "annotations" / "notes.yml").write_text("", encoding="utf-8")
    code, errors = run(project, capsys)
    assert code == 1
    assert any("events.yml:2: not UTF-8" in e for e in errors), errors
    assert any("notes.yml: file is empty" in e for e in errors), errors


def test_a_removed_published_anchor_stops_the_build(project, capsys):
    ledger = project / "source" / "published-anchors.txt"
    ledger.write_text(ledger.read_text(encoding="utf-8") + "sections/old.html#p1\tdeadbeef0000\n",
                      encoding="utf-8")
    code, errors = run(project, capsys)
    assert code == 1 and any("'sections/old.html#p1' would disappear" in e for e in errors)


def test_a_good_build_replaces_the_site(project, capsys):
    assert main(["--root", str(project), "build"]) == 0
    assert "previous site" not in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert not list(project.glob(".site-*"))
