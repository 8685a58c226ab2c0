"""Every page in both languages: the Spanish under es/, the same paths and anchors, each page
naming its twin (hreflang both ways and x-default) and linking to it from the header; the
Spanish pages in Spanish, with the editors' translation beside the transmitted text."""
from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from babel.messages.pofile import read_po

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
def test_each_page_names_its_twin_and_links_to_it(site, path):
    for prefix, language, other in (("", "en", "es"), ("es/", "es", "en")):
        page = lxml.html.fromstring((site / prefix / path).read_bytes())
        assert page.get("lang") == language
        alternates = {link.get("hreflang"): link.get("href")
                      for link in page.xpath("//link[@rel='alternate'][@hreflang]")}
        assert set(alternates) == {"en", "es", "x-default"}
        assert alternates["x-default"] == alternates["en"]
        here = (site / prefix / path).parent
        assert (here / alternates[other]).resolve() == (
            site / ("es/" if other == "es" else "") / path).resolve()
        (switch,) = page.xpath("//a[contains(@class, 'ed-language')]")
        assert switch.get("hreflang") == other and switch.get("href") == alternates[other]


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
