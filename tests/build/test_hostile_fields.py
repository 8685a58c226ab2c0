"""Hostile text in every text field of every source file stays text, wherever it goes.

The field list is what the loader reads (tests/hostile.py watches it read), not a list kept
by hand: a new field is covered when it is added. Each field gets a payload naming it (a
script, attribute breakouts, javascript: URLs, Markdown links and raw HTML, Jinja-like braces);
a field the loader refuses the payload for must refuse it with clean problem lines; all the
accepted ones go into one build, whose every HTML and XHTML document (the site, the one-page
edition, the offline zip, the EPUB) is read with a parser.
"""
from __future__ import annotations

import json
import re
import zipfile

import lxml.etree
import lxml.html
import pytest

import hostile
from conftest import FIXTURE, drop_keeping_tail, fixture_project
from edition.publish import finish
from edition.cli import main

pytestmark = [pytest.mark.build, pytest.mark.slow]

PROBLEM_LINE = re.compile(r"^(source/[\w./-]+)(:\d+)?: .+ — .+$")


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """(project root, every text field, the plantings accepted, the problems of the refused)."""
    root = fixture_project(tmp_path_factory.mktemp("hostile-fields"))
    fields = hostile.text_fields(FIXTURE / "source")
    scratch = tmp_path_factory.mktemp("scratch") / "source"
    # A passage that merely repeats its statement is refused (model/declared.py): a quoted
    # passage's payload has its parts in another order than the statement's.
    accepted, refused = hostile.classify(FIXTURE / "source", scratch, fields, {
        field: hostile.payload(f"F{n:02d}", field.key in ("passage", "at"))
        for n, field in enumerate(fields)})
    hostile.plant(root / "source", accepted)
    assert main(["--root", str(root), "build"]) == 0
    return root, fields, accepted, refused


def test_the_fields_are_the_loaders(planted):
    _, fields, accepted, refused = planted
    names = {f.name for f in fields}
    assert len(fields) >= 90
    assert {"bibliography.yml: the article: title", "entities.yml: an entity: description",
            "annotations/lacunae.yml: a lacuna: lost", "structure.yml: a decision: title",
            "annotations/figures.yml: a figure: counts", "entities.yml: an evidence item: passage",
            "entities.yml: an entity in Spanish: description"} <= names
    assert len(accepted) >= 35 and set(accepted) | set(refused) == set(fields)


def test_a_refused_payload_is_refused_with_clean_lines(planted):
    _, _, _, refused = planted
    for field, problems in refused.items():
        assert problems, field.name
        assert all(PROBLEM_LINE.match(p) for p in problems), (field.name, problems[:2])
    # URL and language fields take no text but what they name
    assert {f.key for f in refused if f.file == "source/bibliography.yml"} >= {
        "licence-url", "language", "original-language", "date", "version", "text-sha256"}


def test_no_payload_becomes_markup_in_any_document(planted):
    site = planted[0] / "site"
    found, kinds = [], set()
    for name, tree in hostile.output_trees(site):
        kinds.add("zip" if ".zip!" in name else "epub" if ".epub!" in name
                  else "one page" if name.startswith("downloads/") else "site")
        found += [f"{name}: {x}" for x in hostile.leaks(tree) + hostile.json_ld_leaks(tree)]
    assert found == []
    assert kinds == {"site", "one page", "zip", "epub"}  # every kind of document was read


def test_every_accepted_payload_comes_through_whole(planted):
    """No field is read and then dropped: each payload is in the pages or the data exports
    (TEI, JSON), whole."""
    root, fields, accepted, _ = planted
    site = root / "site"
    texts = []
    trees = [tree for _, tree in hostile.output_trees(site)]
    trees += [lxml.etree.parse(str(tei)).getroot() for tei in (site / "downloads").glob("*.tei.xml")]
    for tree in trees:
        texts.append(hostile._normal(" ".join(tree.itertext())))
        texts += [hostile._normal(v) for v in tree.xpath("//@*")]
    for data in (site / "downloads").glob("*.json*"):
        texts += [hostile._normal(v) for v in hostile._strings(json.loads(data.read_text(
            encoding="utf-8")))]
    shown = hostile._normal(" ".join(texts))
    spanish_site = (site / "es").is_dir()
    missing = [f.name for n, f in enumerate(fields) if f in accepted
               and _published_in(f, spanish_site) and not hostile._whole(f"F{n:02d}", shown, normal=True)]
    assert missing == [], missing


def _published_in(field: hostile.TextField, spanish_site: bool) -> bool:
    """Whether the edition publishes what the field holds: a Spanish text (an `es:` field, the
    glossary, the Spanish translation) only once the build makes the Spanish pages (es/; the
    fixture declares both languages, and the pages in Spanish are not built yet)."""
    spanish = field.what.endswith(" in Spanish") or field.file in (
        "source/glossary.yml", "source/translations/es.yml")
    return spanish_site or not spanish


# Each in every language of the fixture (English, and Spanish under es/ or -es).
EDITIONS = (r"(es/)?article\.html", r"downloads/[^/]+\.html",
            r".+-offline\.zip![^/]+/(es/)?article\.html", r".+\.epub!EPUB/article\.xhtml")


def _transmitted(tree) -> list[str]:
    """The text of each transmitted block (class tb), editorial elements left out."""
    for element in list(tree.iter()):
        if isinstance(element.tag, str) and {"ed", "headerlink"} & set(
                (element.get("class") or "").split()):
            drop_keeping_tail(element)
    return ["".join(el.itertext()) for el in tree.iter()
            if isinstance(el.tag, str) and "tb" in (el.get("class") or "").split()]


def test_the_transmitted_text_survives_in_every_edition(planted):
    site = planted[0] / "site"
    lines = [line for line in (FIXTURE / "source/article.txt").read_text(encoding="utf-8")
             .split("\n") if line]
    editions = {name: tree for name, tree in hostile.output_trees(site)
                if any(re.fullmatch(pattern, name) for pattern in EDITIONS)}
    assert len(editions) == 2 * len(EDITIONS), sorted(editions)
    for name, tree in editions.items():
        assert _transmitted(tree) == lines, name


def test_the_exports_parse_and_hold_only_their_own_markup(planted):
    site = planted[0] / "site"
    [tei] = (site / "downloads").glob("*.tei.xml")
    tree = lxml.etree.parse(str(tei))
    foreign = {e.tag for e in tree.iter() if isinstance(e.tag, str)
               and not e.tag.startswith("{http://www.tei-c.org/ns/1.0}")}
    assert foreign == set()
    assert not [a for e in tree.iter() if isinstance(e.tag, str) for a in e.attrib
                if a.lower().startswith("on")]
    for data in list((site / "downloads").glob("*.json*")) + [site / "search/search_index.json"]:
        json.loads(data.read_text(encoding="utf-8"))
    for epub in (site / "downloads").glob("*.epub"):  # each language's
        with zipfile.ZipFile(epub) as archive:
            for name in archive.namelist():
                if name.endswith((".xhtml", ".opf", ".xml")):
                    lxml.etree.fromstring(archive.read(name))  # well-formed XML, or it raises


def test_the_search_index_holds_no_payload_markup(planted):
    """Material shows search results as HTML: the index's text is escaped HTML."""
    index = json.loads((planted[0] / "site/search/search_index.json").read_text(encoding="utf-8"))
    found = []
    for document in index["docs"]:
        for key in ("title", "text"):
            fragment = lxml.html.fragment_fromstring(document.get(key) or "<i></i>",
                                                     create_parent="div")
            found += [f"{document['location']} {key}: {x}" for x in hostile.leaks(fragment)]
    assert found == []


# --- the detectors themselves ----------------------------------------------------------------

@pytest.mark.unit
def test_the_detector_sees_what_unescaped_text_would_make():
    text = hostile.payload("F01")
    unescaped = lxml.html.fromstring(f'<div><p title="{text}">{text}</p></div>')
    found = hostile.leaks(unescaped)
    assert any("event handler" in x for x in found) and any("script" in x for x in found)
    assert any("made of payload" in x for x in found)
    import html
    escaped = lxml.html.fromstring(f'<div><p title="{html.escape(text)}">{html.escape(text)}</p></div>')
    assert hostile.leaks(escaped) == []


# --- the Content-Security-Policy -----------------------------------------------------------------

def test_the_policy_allows_only_the_shipped_inline_scripts(fixture_built):
    page = (fixture_built / "site" / "index.html").read_text(encoding="utf-8")
    shipped = set(re.findall(r"'sha256-[^']+'", finish.content_security_policy(page)))
    assert len(shipped) >= 3
    injected = page.replace("<body", "<body><script>alert(document.cookie)</script>", 1)
    assert set(re.findall(r"'sha256-[^']+'", finish.content_security_policy(injected))) == shipped
    copied = page.replace("<body", '<body><script>__md_scope=new URL("/",location)</script>', 1)
    assert set(re.findall(r"'sha256-[^']+'", finish.content_security_policy(copied))) == shipped


def test_the_hostile_build_ships_no_other_script_hash(planted, fixture_built):
    clean = set()
    for page in (fixture_built / "site").rglob("*.html"):
        clean |= set(re.findall(r"'sha256-[^']+'", page.read_text(encoding="utf-8")))
    hostile_site = planted[0] / "site"
    for page in hostile_site.rglob("*.html"):
        hashes = set(re.findall(r"'sha256-[^']+'", page.read_text(encoding="utf-8")))
        assert hashes <= clean, page
