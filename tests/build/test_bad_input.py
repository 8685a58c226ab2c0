"""Bad, careless or hostile input stops the build with one clear line and leaves site/ alone.

Each case changes a copy of the project as an editor who makes mistakes (or someone who
means harm) would, runs `edition build`, and checks: exit code 1, one `error:` line naming the
file (and line) with what is wrong and the fix, no traceback, site/ byte for byte as it was,
no staging folder left. Cases where one mistake causes many problems check that the first
line names the cause. The file-system and publishing cases follow, then `mkdocs serve`.
"""
from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Callable

import pytest

from edition.place import anchors
from edition.cli import main
from edition.load.yamlfile import MAX_FILE_BYTES

from conftest import copy_project, made_once

pytestmark = [pytest.mark.build, pytest.mark.slow]

ERROR_LINE = re.compile(r"^error: (source/[\w./-]+|mkdocs\.yml|site/?)(:\d+)?( \(.*\))?: .+ — .+$")
ROOT = os.geteuid() == 0  # root ignores file modes: unwritable folders are simulated for it


@pytest.fixture
def project(tmp_path, site) -> Path:
    """A project copy with a previously built site/ in place: part of the session's site (its
    home page and sections) is enough to see it kept byte for byte, and quick to compare."""
    root = copy_project(tmp_path / "edition")
    shutil.copytree(site / "sections", root / "site" / "sections")
    shutil.copy(site / "index.html", root / "site" / "index.html")
    return root


@pytest.fixture
def unbuilt(tmp_path) -> Path:
    """A project copy with no site/: enough for `edition check`."""
    return copy_project(tmp_path / "edition")


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run(root: Path, capsys, command: str = "build", *more: str) -> tuple[int, list[str], str]:
    code = main(["--root", str(root), command, *more])
    captured = capsys.readouterr()
    output = captured.out + captured.err
    return code, [line for line in captured.err.splitlines() if line.startswith("error:")], output


# --- ways to spoil a project ------------------------------------------------------------------

def edit(old: str, new: str, relative: str, count: int = 1) -> Callable[[Path], None]:
    """Replace text in a file of source/ (or of the root, for mkdocs.yml)."""
    def change(root: Path) -> None:
        path = root / relative if relative == "mkdocs.yml" else root / "source" / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.chmod(0o644)
        path.write_text(text.replace(old, new, count), encoding="utf-8")
    return change


def write(relative: str, content: bytes) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / relative if relative == "mkdocs.yml" else root / "source" / relative
        path.write_bytes(content)
    return change


def version_cut(root: Path) -> None:
    """The edition's version (whatever it now is) written without its PATCH number."""
    text = (root / "source" / "bibliography.yml").read_text(encoding="utf-8")
    version = re.search(r'^  version: "(\d+)\.(\d+)\.\d+"$', text, re.MULTILINE)
    assert version, "bibliography.yml gives no MAJOR.MINOR.PATCH version"
    edit(version[0], f'  version: "{version[1]}.{version[2]}"', "bibliography.yml")(root)


def line_of(relative: str, needle: str) -> Callable[[Path], str]:
    """`source/FILE:LINE:` of the first line of the changed file that holds `needle`: the line
    of the bad value, where the loader reports it."""
    def where(root: Path) -> str:
        text = (root / "source" / relative).read_text(encoding="utf-8")
        assert needle in text, needle
        return f"source/{relative}:{text[:text.index(needle)].count(chr(10)) + 1}:"
    return where


def located(where: str | Callable[[Path], str], root: Path) -> str:
    return where(root) if callable(where) else where


def both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        for one in changes:
            one(root)
    return change


def replace_path(relative: str, make: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / "source" / relative
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        make(path)
    return change


def ledger_lines(keep: Callable[[list[str]], list[str]]) -> Callable[[Path], None]:
    """Edit the ledger's anchor lines by hand (the header and seal kept)."""
    def change(root: Path) -> None:
        path = root / "source" / anchors.LEDGER
        lines = path.read_text(encoding="utf-8").splitlines()
        head = [line for line in lines if line.startswith("#")]
        body = [line for line in lines if not line.startswith("#")]
        path.write_text("\n".join(head + keep(body)) + "\n", encoding="utf-8")
    return change


def resealed_with(extra: str) -> Callable[[Path], None]:
    """A ledger listing an anchor the edition no longer has, written as `edition anchors`
    writes it: the seal line dropped, an old ledger re-sealed by `--record`."""
    def change(root: Path) -> None:
        path = root / "source" / anchors.LEDGER
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if not line.startswith("# seal")]
        path.write_text("\n".join(lines + [extra]) + "\n", encoding="utf-8")
        assert main(["--root", str(root), "anchors", "--record"]) == 0
    return change


BOMB = ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n")
NEW_PLACE = ("\n- id: atlantis\n  type: place\n  kind: city\n  name: Atlantis\n  forms: [Atlantis]\n"
             "  description: Not in the text.\n  basis: editorial\n  coordinates: [10, 10]\n")

# name: (change, where the error is (or how to find it in the changed project), what it says)
CASES: dict[str, tuple[Callable[[Path], None], str | Callable[[Path], str], str]] = {
    # YAML syntax and YAML features source/ does not allow
    "malformed YAML": (edit("- id: sanchez-de-lozada", "- id: [sanchez-de-lozada", "entities.yml"),
                       "source/entities.yml:", "malformed YAML"),
    "tab indentation": (edit("  type: person\n  kind: president", "  type: person\n\tkind: president",
                             "entities.yml"), "source/entities.yml:", "malformed YAML"),
    "two documents in one file": (edit("- id: february-2003-revolt", "---\n- id: february-2003-revolt",
                                       "events.yml"), "source/events.yml:", "malformed YAML"),
    "alias bomb": (write("events.yml", BOMB.encode()), "source/events.yml:1:",
                   "a YAML anchor (&a) is not allowed"),
    "recursive alias": (write("events.yml", b"- id: x\n  title: &t [*t]\n"), "source/events.yml:2:",
                        "a YAML anchor (&t) is not allowed"),
    "alias without its anchor": (edit("when: 2000-01-21", "when: *date", "events.yml"),
                                 "source/events.yml:", "a YAML alias (*date) is not allowed"),
    "nesting 10,000 levels deep": (write("events.yml", b"- " + b"[" * 10_000 + b"]" * 10_000 + b"\n"),
                                   "source/events.yml:1:", "nested more than 20 levels deep"),
    "deep nesting left open": (write("events.yml", b"- " + b"[" * 10_000 + b"\n"),
                               "source/events.yml:1:", "nested more than 20 levels deep"),
    "explicit python tag": (edit("kind: president of Bolivia", "kind: !!python/name:os.system",
                                 "entities.yml"), "source/entities.yml:", "explicit YAML tag (!!python/name:os.system)"),
    "explicit int tag": (edit("value: 50", "value: !!int abc", "annotations/figures.yml"),
                         "source/annotations/figures.yml:", "explicit YAML tag (!!int)"),
    "local tag": (edit("kind: president of Bolivia", "kind: !secret president", "entities.yml"),
                  "source/entities.yml:", "explicit YAML tag (!secret)"),
    "merge key": (edit("  type: person\n  kind: president", "  <<: {type: person}\n  kind: president",
                       "entities.yml"), "source/entities.yml:", "merge key (<<) is not allowed"),
    "key that is a list": (edit('text: "incapable of smash"', 'text: "incapable of smash"\n    [note]: x',
                                "annotations/sic.yml"), "source/annotations/sic.yml:", "a key is not plain text"),
    "duplicated key": (edit("  kind: president of Bolivia", "  kind: president of Bolivia\n  kind: x",
                            "entities.yml"), "source/entities.yml:", "key 'kind' appears twice"),
    # files
    "wrong encoding": (write("events.yml", "- id: x\n  title: caf\xe9\n".encode("latin-1")),
                       "source/events.yml:2:", "not UTF-8"),
    "NUL byte": (edit("title: \"Ecuador", "title: \"Ecu\x00ador", "events.yml"), line_of("events.yml", "\x00"),
                 "invisible control or private-use character (U+0000)"),
    "private-use character": (edit("Ecuador:", "Ecuador\ue000:", "events.yml"),
                              line_of("events.yml", "\ue000"), "(U+E000)"),
    "empty file": (write("events.yml", b""), "source/events.yml", "file is empty"),
    "only comments": (write("events.yml", b"# nothing yet\n"), "source/events.yml", "file holds no data"),
    "huge file": (write("events.yml", b"# " + b"x" * MAX_FILE_BYTES + b"\n"),
                  "source/events.yml", "limit"),
    "missing file": (lambda root: (root / "source" / "events.yml").unlink(), "source/events.yml",
                     "file is missing"),
    "a folder in place of a file": (replace_path("events.yml", lambda p: p.mkdir()),
                                    "source/events.yml", "is a folder, not a file"),
    "a folder among the annotations": (lambda root: (root / "source/annotations/old").mkdir(),
                                       "source/annotations/old", "a folder the build does not read"),
    "an unknown annotation file": (write("annotations/names.yml", b"p1: []\n"),
                                   "source/annotations/names.yml", "file is not read by the build"),
    "annotations is a file": (replace_path("annotations", lambda p: p.write_text("x")),
                              "source/annotations", "is a file, not a folder"),
    "file of the wrong shape": (write("entities.yml", b"id: x\n"), "source/entities.yml:1:",
                                "the file should be a list"),
    "annotation file as a list": (write("annotations/sic.yml", b"- text: x\n"),
                                  "source/annotations/sic.yml:1:", "should map block ids to lists"),
    "block holding text": (edit("p7:\n  - text: \"incapable of smash\"", "p7: incapable\np8:\n  - text: \"incapable of smash\"",
                                "annotations/sic.yml"), "source/annotations/sic.yml:", "'p7' should hold a list"),
    # bibliography
    "impossible date": (edit('date: "2003-10-14"', 'date: "2003-02-30"', "bibliography.yml"),
                        "source/bibliography.yml:", "not a real date"),
    "licence URL not a web URL": (edit('licence-url: "https://creativecommons.org/licenses/by/4.0/"',
                                       'licence-url: "javascript:alert(1)"', "bibliography.yml"),
                                  "source/bibliography.yml:", "is not an http or https URL"),
    "language not a tag": (edit("  language: en", '  language: "en\\"><script>"', "bibliography.yml"),
                           "source/bibliography.yml:", "is not a language tag"),
    "version not MAJOR.MINOR.PATCH": (version_cut, line_of("bibliography.yml", '  version: "'),
                                      "is not MAJOR.MINOR.PATCH"),
    "no editors": (edit('  editors:\n    - name: "The Insurrection in La Paz Edition Team"\n      role: editor\n',
                        "  editors: []\n", "bibliography.yml"), "source/bibliography.yml:",
                   "the edition lists no editors"),
    "a required field left out": (edit('  title: "Bolivia - Insurrection in La Paz"\n', "", "bibliography.yml"),
                                  "source/bibliography.yml:", "the article has no 'title'"),
    "changed article text": (edit("Goni", "Gony", "article.txt"),
                             "source/article.txt", "transmitted text has changed"),
    # entities
    "wrong type": (edit("kind: president of Bolivia", "kind: [president, of Bolivia]", "entities.yml"),
                   "source/entities.yml:", "'kind' should be text"),
    "unknown field": (edit("  description:", "  descripton:", "entities.yml"),
                      "source/entities.yml:", "did you mean 'description'"),
    "empty form": (edit("    - Lozada\n", "    - ''\n    - Lozada\n", "entities.yml"),
                   line_of("entities.yml", "    - ''\n"), "an item of 'forms' is empty"),
    "form with spaces at its ends": (edit("    - Lozada\n", "    - ' Lozada'\n", "entities.yml"),
                                     "source/entities.yml:", "has spaces at its ends"),
    "bad id": (edit("- id: sanchez-de-lozada", "- id: Sanchez_de_Lozada", "entities.yml"),
               line_of("entities.yml", "- id: Sanchez_de_Lozada"),
               "id 'Sanchez_de_Lozada' is not an id of lowercase words joined by hyphens"),
    "unknown entity type": (edit("  type: person\n  kind: president", "  type: politician\n  kind: president",
                                 "entities.yml"), "source/entities.yml:", "unknown type 'politician'"),
    "coordinates off the globe": (lambda root: _append(root, "entities.yml",
                                  NEW_PLACE.replace("[10, 10]", "[100, 10]")),
                                  "source/entities.yml:", "off the globe"),
    "place without coordinates": (lambda root: _append(root, "entities.yml",
                                  NEW_PLACE.replace("  coordinates: [10, 10]\n", "")),
                                  "source/entities.yml:", "place 'atlantis' has no coordinates"),
    "entity never mentioned": (lambda root: _append(root, "entities.yml", NEW_PLACE),
                               "source/entities.yml:", "entity 'atlantis' is never mentioned"),
    "wikidata id misspelt": (lambda root: _append(root, "entities.yml",
                             NEW_PLACE.replace("  coordinates", "  wikidata: 750\n  coordinates")),
                             "source/entities.yml:", "is not a Wikidata id"),
    "entity id used twice": (lambda root: _append(root, "entities.yml",
                             NEW_PLACE.replace("atlantis\n", "sanchez-de-lozada\n", 1)),
                             "source/entities.yml:", "id 'sanchez-de-lozada' is used twice"),
    # annotations
    "unknown entity": (edit("entity: el-alto", "entity: el-altoo", "annotations/mentions.yml"),
                       "source/annotations/mentions.yml:", "unknown entity 'el-altoo'"),
    "a line break in a quoted value": (edit("entity: el-alto", 'entity: "el-\\nalto"',
                                            "annotations/mentions.yml"),
                                       line_of("annotations/mentions.yml", 'entity: "el-\\nalto"'),
                                       "entity 'el-\\nalto' is not an id of lowercase words joined by hyphens"),
    "quote not in paragraph": (edit('text: "Roberto de La Cruz"', 'text: "Roberto de la Cruzz"',
                                    "annotations/mentions.yml"),
                               "source/annotations/mentions.yml:", "does not occur in"),
    "quote with other capitals": (edit('text: "incapable of smash"', 'text: "Incapable of smash"',
                                       "annotations/sic.yml"), "source/annotations/sic.yml:",
                                  "it occurs with other capitals"),
    "quote typed in decomposed Unicode": (edit('text: "Sánchez de Lozada"', 'text: "Sa\u0301nchez de Lozada"',
                                               "annotations/mentions.yml"),
                                          "source/annotations/mentions.yml:", "accents typed differently"),
    "occurrence below 1": (edit('text: "incapable of smash"', 'text: "incapable of smash"\n    occurrence: 0',
                                "annotations/sic.yml"), "source/annotations/sic.yml:", "occurrence 0 is below 1"),
    "occurrence too high": (edit('text: "incapable of smash"', 'text: "incapable of smash"\n    occurrence: 3',
                                 "annotations/sic.yml"), "source/annotations/sic.yml:", "occurs 1 time(s) in p7, not 3"),
    "missing anchor block": (edit("p28:\n", "p99:\n", "annotations/mentions.yml"),
                             "source/annotations/mentions.yml:", "no block 'p99'"),
    "overlapping spans": (edit('p16:\n  - text: "Sanchez de Lozada"',
                               'p16:\n  - text: "Lozada"\n    entity: sanchez-de-lozada\n'
                               '  - text: "Sanchez de Lozada"', "annotations/mentions.yml"),
                          "source/annotations/mentions.yml:", "a mention overlaps a mention"),
    "text and ends both given": (edit('text: "incapable of smash"',
                                      'text: "incapable of smash"\n    from: "incapable"\n    to: "smash"',
                                      "annotations/sic.yml"), "source/annotations/sic.yml:",
                                 "needs either 'text' or both 'from' and 'to'"),
    "a mention of a form not listed": (edit('text: "Sánchez de Lozada"', 'text: "President Sánchez de Lozada"',
                                            "annotations/mentions.yml"), "source/annotations/mentions.yml:",
                                       "is not a form of 'sanchez-de-lozada'"),
    "unknown event": (edit("event: march-on-la-paz", "event: no-such-event", "annotations/dates.yml"), "source/annotations/dates.yml:", "unknown event 'no-such-event'"),
    "date that is not a date": (edit("when: 2003-10-13", "when: 13 October", "annotations/dates.yml"),
                                "source/annotations/dates.yml:", "when '13 October'"),
    "unknown quotation kind": (edit("    kind: report\n", "    kind: rumour\n", "annotations/quotations.yml"),
                               line_of("annotations/quotations.yml", "    kind: rumour\n"),
                               "unknown kind 'rumour'"),
    "unknown lacuna": (edit("lacuna: lacuna-p6", "lacuna: lacuna-p66", "annotations/quotations.yml"),
                       "source/annotations/quotations.yml:", "unknown lacuna 'lacuna-p66'"),
    "unknown figure qualifier": (edit("qualifier: more-than", "qualifier: lots", "annotations/figures.yml"),
                                 "source/annotations/figures.yml:", "unknown qualifier 'lots'"),
    "figure value not a number": (edit("value: 50", "value: fifty", "annotations/figures.yml"),
                                  "source/annotations/figures.yml:", "'value' should be a number"),
    "gap not in the trace": (edit('gap-after: "This is how "', 'gap-after: "This was "', "annotations/lacunae.yml"),
                             "source/annotations/lacunae.yml:", "gap-after 'This was ' is not in the trace"),
    # structure
    "duplicated structure quote": (edit('block: "Bourgeois manoeuvres"', 'block: "B"', "structure.yml"),
                                   "source/structure.yml:", "blocks begin with"),
    "unknown block kind": (edit("kind: caption", "kind: photo", "structure.yml"),
                           "source/structure.yml:", "unknown kind 'photo'"),
    "title not declared": (edit('  - block: "Bolivia - Insurrection in La Paz"\n    kind: title\n',
                                '  - block: "Bolivia - Insurrection in La Paz"\n    kind: caption\n',
                                "structure.yml"), "source/structure.yml", "the first line is not declared as the title"),
    # the ledger of published anchors
    "ledger missing": (lambda root: (root / "source" / anchors.LEDGER).unlink(),
                       "source/published-anchors.txt", "the ledger of published anchors is missing"),
    "ledger lines lost": (ledger_lines(lambda body: body[:-12]), "source/published-anchors.txt",
                          "12 line(s) were lost"),
    "ledger line added by hand": (ledger_lines(lambda body: body + ["sections/old.html#p1\tdeadbeef0000"]),
                                  "source/published-anchors.txt", "1 line(s) were added by hand"),
    "ledger line changed by hand": (ledger_lines(lambda body: [body[0].replace("\t", "\t0", 1)[:-1]] + body[1:]),
                                    "source/published-anchors.txt", "lines were changed by hand"),
    "ledger seal removed": (lambda root: _drop_seal(root), "source/published-anchors.txt",
                            "the ledger has no seal line"),
    "ledger not UTF-8": (lambda root: (root / "source" / anchors.LEDGER).write_bytes(
                             (root / "source" / anchors.LEDGER).read_bytes() + b"caf\xe9\n"),
                         "source/published-anchors.txt:", "not UTF-8"),
    "removed published anchor": (resealed_with("sections/old.html#p1\tdeadbeef0000"),
                                 "source/published-anchors.txt:", "'sections/old.html#p1' would disappear"),
    # mkdocs.yml
    "mkdocs.yml malformed": (edit("use_directory_urls: false", "use_directory_urls: [false", "mkdocs.yml"),
                             "mkdocs.yml:", "malformed YAML"),
    "mkdocs.yml a list": (write("mkdocs.yml", b"- site_name: x\n"), "mkdocs.yml:1:",
                          "should be a mapping of settings"),
    "mkdocs.yml missing": (lambda root: (root / "mkdocs.yml").unlink(), "mkdocs.yml", "file is missing"),
    "mkdocs.yml not UTF-8": (write("mkdocs.yml", b"site_name: caf\xe9\n"), "mkdocs.yml:1:", "not UTF-8"),
    "site_url a number": (edit('site_url: ""', "site_url: 42", "mkdocs.yml"), "mkdocs.yml:",
                          "'site_url' should be the public URL, found 42"),
    "site_url not a web URL": (edit('site_url: ""', 'site_url: "javascript:alert(1)//"', "mkdocs.yml"),
                               "mkdocs.yml:", "is not an http or https URL"),
    "nav without a section": (edit("      - sections/opening.md\n", "", "mkdocs.yml"), "mkdocs.yml:",
                              "nav does not list the edition's pages in their order"),
    "nav not a list": (edit("nav:\n  - Home: index.md", "nav: index.md\nold_nav:\n  - Home: index.md", "mkdocs.yml"),
                       "mkdocs.yml:", "'nav' should be a list of pages"),
    "plugin not installed": (edit("  - offline\n", "  - offline\n  - no-such-plugin\n", "mkdocs.yml"),
                             "mkdocs.yml:", "'plugins': The \"no-such-plugin\" plugin is not installed"),
}


def _append(root: Path, relative: str, text: str) -> None:
    with (root / "source" / relative).open("a", encoding="utf-8") as file:
        file.write(text)


def _drop_seal(root: Path) -> None:
    path = root / "source" / anchors.LEDGER
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(line for line in lines if not line.startswith("# seal")) + "\n",
                    encoding="utf-8")


@pytest.mark.parametrize("name", CASES)
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


@pytest.mark.parametrize("name", [n for n in CASES if not n.startswith(("mkdocs.yml", "plugin"))
                                  and n not in ("nav without a section", "nav not a list")])
def test_check_finds_what_build_finds(unbuilt, capsys, name):
    change, where, message = CASES[name]
    change(unbuilt)
    where = located(where, unbuilt)
    code, errors, output = run(unbuilt, capsys, "check")
    assert code == 1 and len(errors) == 1 and where in errors[0] and message in errors[0], errors


def test_check_passes_a_good_project_and_writes_nothing_but_docs(unbuilt, capsys):
    code, errors, output = run(unbuilt, capsys, "check")
    assert code == 0 and errors == [] and "source/ is valid" in output
    assert not (unbuilt / "site").exists() and not list(unbuilt.glob(".site-*"))


@pytest.mark.parametrize("name", ["mkdocs.yml malformed", "mkdocs.yml a list", "site_url a number",
                                  "site_url not a web URL", "plugin not installed", "nav not a list"])
def test_check_validates_mkdocs_yml_as_build_does(unbuilt, capsys, name):
    change, where, message = CASES[name]
    change(unbuilt)
    where = located(where, unbuilt)
    code, errors, output = run(unbuilt, capsys, "check")
    assert code == 1 and len(errors) == 1 and where in errors[0] and message in errors[0], errors
    assert "Traceback" not in output


# --- one mistake, many problems: the cause comes first ------------------------------------------

def caption_made_heading(root: Path) -> None:
    """A caption declared a heading: a new section, and every later paragraph renumbered."""
    edit('  - block: "The rebellion in El Alto"\n    kind: caption\n',
         '  - block: "The rebellion in El Alto"\n    kind: heading\n    id: the-rebellion\n'
         '    summary: The rebellion.\n', "structure.yml")(root)
    edit("      - sections/massacre-in-el-alto.md\n",
         "      - sections/massacre-in-el-alto.md\n      - sections/the-rebellion.md\n",
         "mkdocs.yml")(root)


def paragraph_split(root: Path) -> None:
    """A paragraph split in two (and the text's fingerprint updated to let it through)."""
    path = root / "source" / "article.txt"
    text = path.read_text(encoding="utf-8")
    text = text.replace("believed that repression was going to put an end to the mobilisations. ",
                        "believed that repression was going to put an end to the mobilisations.\n", 1)
    path.write_bytes(text.encode("utf-8"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    edit("text-sha256: f451c436bc1002de8e1b4b6f25801eb121016d140e02338e99971b18c24e9951",
         f"text-sha256: {digest}", "bibliography.yml")(root)


ROOT_CAUSES = {
    "a caption made a heading": (caption_made_heading, "source/structure.yml:",
                                 "the text's blocks have shifted: published block p5 is now the-rebellion"),
    "a paragraph split in two": (paragraph_split, "source/article.txt:",
                                 "published block p7 is no longer a block of the text"),
}


@pytest.mark.parametrize("name", ROOT_CAUSES)
def test_shifted_block_ids_are_named_first(project, capsys, name):
    change, where, message = ROOT_CAUSES[name]
    before = tree_digest(project / "site")
    change(project)
    code, errors, output = run(project, capsys)
    assert code == 1 and len(errors) > 10, errors  # hundreds of quotes now miss their blocks
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
def rebuilt(tmp_path_factory, site) -> Path:
    """A project built again over its old site/ (the home page marked), with leftovers of
    killed builds beside it, under umask 022: a good build's one scenario, checked below."""
    def make(root: Path) -> None:
        copy_project(root)
        shutil.copytree(site, root / "site")
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


def _exporter_finding_a_problem(edition, base_url, pages):
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
# link was made to point at the lacuna's page: traced to the line that names the lacuna.
MKDOCS_WARNINGS = {
    "Doc file 'sections/massacre-in-el-alto.md' contains a link 'massacre-in-el-alto.md#lacuna-p47', "
    "but there is no such anchor on this page.": line_of("annotations/quotations.yml", "lacuna: lacuna-p47"),
    "Doc file 'register/sources.md' contains a link '../sections/massacre-in-el-alto.md#lacuna-p47', "
    "but the doc 'sections/massacre-in-el-alto.md' does not contain an anchor '#lacuna-p47'.":
        line_of("annotations/quotations.yml", "lacuna: lacuna-p47"),
    "Doc file 'entities/cob.md' contains a link 'nowhere.md', but the target is not found among "
    "documentation files.": "source/entities.yml:",
}


@pytest.mark.unit
@pytest.mark.parametrize("warning", MKDOCS_WARNINGS)
def test_an_mkdocs_warning_is_traced_to_its_source_line(tmp_path, warning):
    from edition.publish import mkdocs_engine as mkdocs_site
    from edition.load import load_source
    from edition.place import build_edition
    root = copy_project(tmp_path / "edition")
    edit("lacuna: lacuna-p6", "lacuna: lacuna-p47", "annotations/quotations.yml")(root)
    edition = build_edition(load_source(root / "source"))
    problem = mkdocs_site.trace(warning, edition, root)
    assert str(problem).startswith(located(MKDOCS_WARNINGS[warning], root)), problem
    assert " — " in str(problem) and "MkDocs: Doc file" in str(problem)
