"""Ways to spoil a project as an editor who makes mistakes (or someone who means harm) would,
each with where the one problem line must point and what it must say: the cases of
tests/unit/test_source_problems.py (in-process, on the fixture edition) and of
tests/build/test_bad_input.py (end to end, a few of them)."""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from typing import Callable

from edition.cli import main
from edition.load.yamlfile import MAX_FILE_BYTES
from edition.place import anchors

ERROR_LINE = re.compile(r"^error: (source/[\w./-]+|mkdocs\.yml|site/?|releases/[^:]*)(:\d+)?"
                        r"( \(.*\))?: .+ — .+$")


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run(root: Path, capsys, command: str = "build", *more: str) -> tuple[int, list[str], str]:
    """The `edition` command in this process: its exit code, its error lines, all it said."""
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
             "  description: Not in the text.\n  basis: editorial\n  coordinates: [10, 10]\n"
             "  es:\n    kind: ciudad\n    description: No está en el texto.\n")

# name: (change, where the error is (or how to find it in the changed project), what it says)
CASES: dict[str, tuple[Callable[[Path], None], str | Callable[[Path], str], str]] = {
    # YAML syntax and YAML features source/ does not allow
    "malformed YAML": (edit("- id: ana-torres", "- id: [ana-torres", "entities.yml"),
                       "source/entities.yml:", "malformed YAML"),
    "tab indentation": (edit("  type: person\n  kind: mayor", "  type: person\n\tkind: mayor",
                             "entities.yml"), "source/entities.yml:", "malformed YAML"),
    "two documents in one file": (lambda root: _append(root, "events.yml", "---\n- id: another\n"),
                                  "source/events.yml:", "malformed YAML"),
    "alias bomb": (write("events.yml", BOMB.encode()), "source/events.yml:1:",
                   "a YAML anchor (&a) is not allowed"),
    "recursive alias": (write("events.yml", b"- id: x\n  title: &t [*t]\n"), "source/events.yml:2:",
                        "a YAML anchor (&t) is not allowed"),
    "alias without its anchor": (edit("when: 2003-10-12", "when: *date", "events.yml"),
                                 "source/events.yml:", "a YAML alias (*date) is not allowed"),
    "nesting 10,000 levels deep": (write("events.yml", b"- " + b"[" * 10_000 + b"]" * 10_000 + b"\n"),
                                   "source/events.yml:1:", "nested more than 20 levels deep"),
    "deep nesting left open": (write("events.yml", b"- " + b"[" * 10_000 + b"\n"),
                               "source/events.yml:1:", "nested more than 20 levels deep"),
    "explicit python tag": (edit("kind: mayor of Río Claro", "kind: !!python/name:os.system",
                                 "entities.yml"), "source/entities.yml:", "explicit YAML tag (!!python/name:os.system)"),
    "explicit int tag": (edit("value: 300", "value: !!int abc", "annotations/figures.yml"),
                         "source/annotations/figures.yml:", "explicit YAML tag (!!int)"),
    "local tag": (edit("kind: mayor of Río Claro", "kind: !secret mayor", "entities.yml"),
                  "source/entities.yml:", "explicit YAML tag (!secret)"),
    "merge key": (edit("  type: person\n  kind: mayor", "  <<: {type: person}\n  kind: mayor",
                       "entities.yml"), "source/entities.yml:", "merge key (<<) is not allowed"),
    "key that is a list": (edit('text: "though"', 'text: "though"\n    [note]: x',
                                "annotations/sic.yml"), "source/annotations/sic.yml:", "a key is not plain text"),
    "duplicated key": (edit("  kind: mayor of Río Claro", "  kind: mayor of Río Claro\n  kind: x",
                            "entities.yml"), "source/entities.yml:", "key 'kind' appears twice"),
    # files
    "wrong encoding": (write("events.yml", "- id: x\n  title: caf\xe9\n".encode("latin-1")),
                       "source/events.yml:2:", "not UTF-8"),
    "NUL byte": (edit("title: The river", "title: \"The riv\x00er\"", "events.yml"), line_of("events.yml", "\x00"),
                 "invisible control or private-use character (U+0000)"),
    "private-use character": (edit("late on Sunday", "late\ue000 on Sunday", "events.yml"),
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
    "block holding text": (edit("p3:\n  - text: \"though\"", "p3: though\np4:\n  - text: \"though\"",
                                "annotations/sic.yml"), "source/annotations/sic.yml:", "'p3' should hold a list"),
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
    "no editors": (edit('  editors:\n    - name: "The Fixture Editors"\n      role: editor\n',
                        "  editors: []\n", "bibliography.yml"), "source/bibliography.yml:",
                   "the edition lists no editors"),
    "a required field left out": (edit('  title: "Río Claro - Flood waters reach the market"\n', "", "bibliography.yml"),
                                  "source/bibliography.yml:", "the article has no 'title'"),
    "changed article text": (edit("sandbags", "sandbag", "article.txt"),
                             "source/article.txt", "transmitted text has changed"),
    # entities
    "wrong type": (edit("kind: mayor of Río Claro", "kind: [mayor, of Río Claro]", "entities.yml"),
                   "source/entities.yml:", "'kind' should be text"),
    "unknown field": (edit("  description:", "  descripton:", "entities.yml"),
                      "source/entities.yml:", "did you mean 'description'"),
    "empty form": (edit("    - Torres\n", "    - ''\n    - Torres\n", "entities.yml"),
                   line_of("entities.yml", "    - ''\n"), "an item of 'forms' is empty"),
    "form with spaces at its ends": (edit("    - Torres\n", "    - ' Torres'\n", "entities.yml"),
                                     "source/entities.yml:", "has spaces at its ends"),
    "bad id": (edit("- id: ana-torres", "- id: Ana_Torres", "entities.yml"),
               line_of("entities.yml", "- id: Ana_Torres"),
               "id 'Ana_Torres' is not an id of lowercase words joined by hyphens"),
    "unknown evidence source": (edit("source: council-bulletin-2003-10-14", "source: no-such-source",
                                     "entities.yml"), line_of("entities.yml", "source: no-such-source"),
                                "unknown source 'no-such-source'"),
    "unknown entity type": (edit("  type: person\n  kind: mayor", "  type: politician\n  kind: mayor",
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
                             NEW_PLACE.replace("atlantis\n", "ana-torres\n", 1)),
                             "source/entities.yml:", "id 'ana-torres' is used twice"),
    # annotations
    "unknown entity": (edit("entity: rio-claro", "entity: rio-claroo", "annotations/mentions.yml"),
                       "source/annotations/mentions.yml:", "unknown entity 'rio-claroo'"),
    "a line break in a quoted value": (edit("entity: rio-claro", 'entity: "rio-\\nclaro"',
                                            "annotations/mentions.yml"),
                                       line_of("annotations/mentions.yml", 'entity: "rio-\\nclaro"'),
                                       "entity 'rio-\\nclaro' is not an id of lowercase words joined by hyphens"),
    "quote not in paragraph": (edit('text: "Río Claro"', 'text: "Río Claros"',
                                    "annotations/mentions.yml"),
                               "source/annotations/mentions.yml:", "does not occur in"),
    "quote with other capitals": (edit('text: "though"', 'text: "Though"',
                                       "annotations/sic.yml"), "source/annotations/sic.yml:",
                                  "it occurs with other capitals"),
    "quote typed in decomposed Unicode": (edit('text: "Río Claro"', 'text: "Ri\u0301o Claro"',
                                               "annotations/mentions.yml"),
                                          "source/annotations/mentions.yml:", "accents typed differently"),
    "occurrence below 1": (edit('text: "though"', 'text: "though"\n    occurrence: 0',
                                "annotations/sic.yml"), "source/annotations/sic.yml:", "occurrence 0 is below 1"),
    "occurrence too high": (edit('text: "though"', 'text: "though"\n    occurrence: 3',
                                 "annotations/sic.yml"), "source/annotations/sic.yml:", "occurs 1 time(s) in p3, not 3"),
    "missing anchor block": (edit("p1:\n", "p99:\n", "annotations/mentions.yml"),
                             "source/annotations/mentions.yml:", "no block 'p99'"),
    "overlapping spans": (edit('p5:\n  - text: "Ana Torres"',
                               'p5:\n  - text: "Torres"\n    entity: ana-torres\n'
                               '  - text: "Ana Torres"', "annotations/mentions.yml"),
                          "source/annotations/mentions.yml:", "a mention overlaps a mention"),
    "text and ends both given": (edit('text: "though"',
                                      'text: "though"\n    from: "though"\n    to: "though"',
                                      "annotations/sic.yml"), "source/annotations/sic.yml:",
                                 "needs either 'text' or both 'from' and 'to'"),
    "a mention of a form not listed": (edit('text: "Ana Torres"', 'text: "mayor, Ana Torres"',
                                            "annotations/mentions.yml"), "source/annotations/mentions.yml:",
                                       "is not a form of 'ana-torres'"),
    "unknown event": (edit("event: river-floods", "event: no-such-event", "annotations/dates.yml"), "source/annotations/dates.yml:", "unknown event 'no-such-event'"),
    "date that is not a date": (edit("when: 2003-10-12T23:00", "when: 13 October", "annotations/dates.yml"),
                                "source/annotations/dates.yml:", "when '13 October'"),
    "unknown quotation kind": (edit("    kind: report\n", "    kind: rumour\n", "annotations/quotations.yml"),
                               line_of("annotations/quotations.yml", "    kind: rumour\n"),
                               "unknown kind 'rumour'"),
    "unknown lacuna": (edit("lacuna: lacuna-p5", "lacuna: lacuna-p55", "annotations/quotations.yml"),
                       "source/annotations/quotations.yml:", "unknown lacuna 'lacuna-p55'"),
    "unknown figure qualifier": (edit("qualifier: more-than", "qualifier: lots", "annotations/figures.yml"),
                                 "source/annotations/figures.yml:", "unknown qualifier 'lots'"),
    "figure value not a number": (edit("value: 300", "value: fifty", "annotations/figures.yml"),
                                  "source/annotations/figures.yml:", "'value' should be a number"),
    "gap not in the trace": (edit('gap-after: "("', 'gap-after: "This was "', "annotations/lacunae.yml"),
                             "source/annotations/lacunae.yml:", "gap-after 'This was ' is not in the trace"),
    # structure
    "duplicated structure quote": (edit('block: "The night of the flood"', 'block: "The "', "structure.yml"),
                                   "source/structure.yml:", "blocks begin with"),
    "unknown block kind": (edit("kind: caption", "kind: photo", "structure.yml"),
                           "source/structure.yml:", "unknown kind 'photo'"),
    "title not declared": (edit('  - block: "Río Claro - Flood waters reach the market"\n    kind: title\n',
                                '  - block: "Río Claro - Flood waters reach the market"\n    kind: caption\n',
                                "structure.yml"), "source/structure.yml", "the first line is not declared as the title"),
    # the ledger of published anchors
    "ledger missing": (lambda root: (root / "source" / anchors.LEDGER).unlink(),
                       "source/published-anchors.txt", "the ledger of published anchors is missing"),
    "ledger lines lost": (ledger_lines(lambda body: body[:-3]), "source/published-anchors.txt",
                          "3 line(s) were lost"),
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




def _link_in_releases(root: Path) -> None:
    (root / "releases" / "notes.html").symlink_to("/etc/hostname")


CASES.update({
    # a translated locator that no evidence item gives (place/record.py)
    "a locator no evidence gives": (edit('  "signature": "firma"\n',
                                         '  "signature": "firma"\n  "section 9": "sección 9"\n',
                                         "translations/es.yml"),
                                    "source/translations/es.yml:",
                                    "no evidence item stands at 'section 9'"),
    "a locator with no Spanish": (edit('at: "section 1, chronology"', 'at: "the chronology"',
                                       "events.yml"), "source/events.yml:9:",
                                  "'at: the chronology' has no es wording"),
})
CASES.update({
    # releases/: the files themselves, in folders of earlier versions (load/releases.py)
    "a link in releases/": (_link_in_releases, "releases/notes.html",
                            "is a symbolic link: releases/ holds only the files themselves"),
    "a release folder of no version": (lambda root: (root / "releases" / "2.0.0").mkdir(),
                                       "releases/2.0.0", "is not a version listed in source/versions.yml"),
    "a release folder of this version": (lambda root: (root / "releases" / "1.0.0").mkdir(),
                                         "releases/1.0.0", "is the one this build makes"),
})
