"""Text from source/ is shown as text wherever it is rendered; every page has a strict
Content-Security-Policy and no inline event handler (that the browser reports no violation:
tests/browser/test_policy_browser.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from edition.cli import main

from conftest import fixture_project
from htmltext import parse
from tools import built_pages

HOSTILE = ('<script>alert(1)</script> <b>x</b> "><img src=x onerror=alert(1)> '
           '{: onclick="alert(1)" } [x](javascript:alert(1))')
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def plant(root: Path) -> None:
    """Put the hostile text into each kind of field the pages render (every text field of the
    fixture gets its own payload in test_hostile_fields.py)."""
    source = root / "source"
    edits = {
        "entities.yml": [("description: Mayor of Río Claro in October 2003, elected the year before.",
                          f"description: {_yaml(HOSTILE + ' Mayor of Río Claro in October 2003.')}"),
                         ("name: Ana Torres", f"name: {_yaml(HOSTILE + ' Ana Torres')}")],
        "annotations/notes.yml": [("note: The covered market by the river, built in 1911.",
                                   f"note: {_yaml(HOSTILE + ' The covered market, built in 1911.')}")],
        "structure.yml": [("summary: The flood and the closed road, in brief.",
                           f"summary: {_yaml(HOSTILE + ' The flood and the closed road.')}")],
        "bibliography.yml": [('publication: "Not named in the transmitted text"',
                              f"publication: {_yaml(HOSTILE)}"),
                             ("description: >-\n    A short invented report",
                              f"description: >-\n    {HOSTILE} A short invented report")],
    }
    for relative, replacements in edits.items():
        path = source / relative
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, old
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")


def _yaml(text: str) -> str:
    return yaml.safe_dump(text, width=1000).strip()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = fixture_project(tmp_path_factory.mktemp("hostile"))
    plant(root)
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def injected(page: Path) -> list[str]:
    tree = parse(page)
    found = [f"<{e.tag}> injected" for e in tree.xpath("//img[@src='x'] | //b[text()='x']")]
    found += [f"script runs {s.text[:40]!r}" for s in tree.xpath("//script")
              if s.text and "alert(1)" in s.text
              and s.get("type") not in ("application/json", "application/ld+json")]
    found += [f"markup in JSON-LD {s.text[:40]!r}" for s in tree.xpath(
        "//script[@type='application/ld+json']") if "<" in (s.text or "")]
    found += [f"{a.getparent().tag} {a.attrname}" for a in tree.xpath("//@*")
              if a.attrname.lower().startswith("on")]
    found += [f"javascript: URL in {a.attrname}" for a in tree.xpath("//@href | //@src | //@action")
              if a.strip().lower().startswith("javascript:")]
    return found


@pytest.mark.slow
def test_hostile_source_text_is_shown_as_text(hostile_site):
    pages = built_pages(hostile_site)
    problems = [f"{p.relative_to(hostile_site)}: {x}" for p in pages for x in injected(p)]
    assert problems == []
    shown = {p.relative_to(hostile_site).as_posix() for p in pages
             if "<script>alert(1)</script>" in parse(p).text_content()}
    described = {p.relative_to(hostile_site).as_posix() for p in pages
                 if HOSTILE in parse(p).xpath("string(//meta[@name='description']/@content)")}
    assert {"index.html", "entities/ana-torres.html", "register/people.html",
            "sections/the-night-of-the-flood.html"} <= shown  # the note is on its section
    assert {"sections/opening.html", "article.html", "entities/ana-torres.html"} <= described


def test_every_page_has_a_policy_that_forbids_other_origins(site):
    for page in built_pages(site):
        html = page.read_text(encoding="utf-8")
        policies = CSP.findall(html)
        assert len(policies) == 1, page
        directives = dict(d.strip().split(" ", 1) for d in policies[0].split(";"))
        assert directives["object-src"] == "'none'"
        for name in ("default-src", "script-src", "style-src", "img-src", "font-src",
                     "connect-src", "base-uri", "form-action"):
            sources = directives[name].split()
            assert not [s for s in sources if s.startswith(("http", "*", "//"))
                        or s in ("https:", "http:", "'unsafe-inline'", "'unsafe-eval'")], name
        if "<script" in html:
            assert html.index("Content-Security-Policy") < html.index("<script")


def test_no_page_has_an_inline_event_handler(site):
    offenders = [f"{p.relative_to(site)}: {x}" for p in built_pages(site) for x in injected(p)]
    assert offenders == []
