"""Every page in both languages: the Spanish under es/, the same paths and anchors, each page
naming its twin (hreflang both ways and x-default) and linking to it from the header; the
Spanish pages in Spanish, with the editors' translation beside the transmitted text."""
from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from babel.messages.pofile import read_po

from conftest import SITE_URL
from edition.i18n import catalogue_path

SECTION = "sections/massacre-in-el-alto.html"


def pages(site: Path, prefix: str = "") -> set[str]:
    root = site / prefix if prefix else site
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html")
            if p.relative_to(root).parts[0] not in ("downloads", "es", "assets")}


def test_every_page_has_its_spanish_twin(site):
    english, spanish = pages(site), pages(site, "es")
    assert len(english) > 60 and english == spanish


@pytest.mark.parametrize("path", ["index.html", SECTION, "register/people.html",
                                  "entities/carlos-mesa.html", "download.html"])
def test_each_page_links_to_its_twin(site, path):
    for prefix, language, other in (("", "en", "es"), ("es/", "es", "en")):
        page = lxml.html.fromstring((site / prefix / path).read_bytes())
        assert page.get("lang") == language
        (switch,) = page.xpath("//a[contains(@class, 'ed-language')]")
        assert switch.get("hreflang") == other
        assert ((site / prefix / path).parent / switch.get("href")).resolve() == (
            site / ("es/" if other == "es" else "") / path).resolve()
        # named in the sitemap, not in the head, where Material's script would fetch a
        # sitemap.xml beside it (publish/sitemaps.py)
        assert page.xpath("//link[@rel='alternate']") == []


def test_the_sitemap_names_each_pages_twin_both_ways_and_the_default(site_with_url):
    sitemap = lxml.etree.parse(str(site_with_url / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = sitemap.xpath("//s:url", namespaces=ns)
    assert len(entries) > 120
    for entry in entries:
        loc = entry.findtext("s:loc", namespaces=ns)
        links = {link.get("hreflang"): link.get("href")
                 for link in entry.xpath("x:link[@rel='alternate']", namespaces=ns)}
        assert set(links) == {"en", "es", "x-default"} and links["x-default"] == links["en"]
        assert loc in links.values() and links["es"] == links["en"].replace(
            SITE_URL, SITE_URL + "es/", 1)


def test_a_spanish_section_gives_the_translation_beside_each_block(site):
    page = lxml.html.fromstring((site / "es" / SECTION).read_bytes())
    transmitted = page.xpath("//*[contains(concat(' ', @class, ' '), ' tb ')]")
    translated = page.xpath("//p[contains(concat(' ', @class, ' '), ' tr ')]")
    assert len(transmitted) == len(translated) > 5
    assert {t.get("lang") for t in transmitted} == {"en"}
    assert {t.get("lang") for t in translated} == {"es"}
    assert all(t.get("aria-label") for t in translated)  # marked as the editors' translation


def test_no_english_interface_sentence_on_a_spanish_page(site):
    """The catalogue's English messages of three words or more, not one of them on a Spanish
    page outside the transmitted text and what is marked English (a source's title)."""
    with catalogue_path("es").open("rb") as po:
        catalog = read_po(po, locale="es")
    english = {m.id for m in catalog if isinstance(m.id, str) and m.string and m.string != m.id
               and "{" not in m.id and len(m.id.split()) >= 3}
    found = []
    for path in sorted((site / "es").rglob("*.html")):
        if path.name == "404.html" or "assets" in path.parts:
            continue
        page = lxml.html.fromstring(path.read_bytes())
        for element in page.xpath("//*[@lang='en' or contains(@class, 'tb') or self::script]"):
            element.drop_tree()
        text = re.sub(r"\s+", " ", page.text_content())
        found += [f"{path.relative_to(site)}: {m}" for m in english if m in text]
    assert found == []


def test_a_spanish_page_tells_what_changed_since_by_its_own_anchors(site):
    """The footer's data for the 'changed since' note (assets/versions.js) reads the ledger's
    es/ lines: the Spanish paragraphs were first published in 1.2.0, the English in 1.0.0."""
    def since(path: str) -> dict:
        page = lxml.html.fromstring((site / path).read_bytes())
        return json.loads(page.xpath("//p[@class='ed-version']/@data-since")[0])
    english, spanish = since(SECTION), since("es/" + SECTION)
    assert english["anchors"]["p6"][0] == "1.0.0"
    assert spanish["anchors"]["p6"][0] == "1.2.0" and spanish["anchors"].keys() == english["anchors"].keys()
