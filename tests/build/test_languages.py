"""Every page in both languages: the Spanish under es/, the same paths and anchors, each page
naming its twin (hreflang both ways and x-default) and linking to it from the header; the
Spanish pages in Spanish, with the editors' translation beside the transmitted text; no page
or book holding the interface's words of the other language."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from babel.messages.pofile import read_po

from conftest import SITE_URL, drop_keeping_tail, epub_chapters
from edition.i18n import catalogue_path, messages

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


def test_the_spanish_error_page_is_spanish_and_leads_to_the_spanish_pages(site):
    page = lxml.html.fromstring((site / "es" / "404.html").read_bytes())
    assert page.xpath("string(//h1)") == "404 – Página no encontrada"
    links = [a for a in page.xpath("//a/@href") if a.startswith("/")]
    assert len(links) > 20 and all(a.startswith("/es/") for a in links), links


def test_the_spanish_articles_contents_list_its_headings_in_spanish(site):
    page = lxml.html.fromstring((site / "es" / "article.html").read_bytes())
    listed = {" ".join(a.text_content().split())
              for a in page.xpath("//nav[contains(@class, 'md-nav--secondary')]//a")}
    assert {"Masacre en El Alto", "Insurrección en La Paz"} <= listed
    assert page.xpath("string(//h2[@id='massacre-in-el-alto'])").startswith("Massacre in El Alto")


def test_where_a_passage_stands_in_its_source_is_said_in_the_pages_language(fixture_built):
    """The catalogue's forms ('paragraph 2'), and the editors' translation of the others
    (translations/es.yml, locators)."""
    site = fixture_built / "site"
    said = {language: " ".join(lxml.html.fromstring(
        (site / prefix / "entities/rio-claro.html").read_bytes()).text_content().split())
        for language, prefix in (("en", ""), ("es", "es"))}
    assert "section 2, table of towns" in said["en"]
    assert "sección 2, tabla de pueblos" in said["es"] and "table of towns" not in said["es"]


def test_the_spanish_one_page_edition_cites_in_spanish(site):
    [onepage] = (site / "downloads").glob("*-es.html")
    text = onepage.read_text(encoding="utf-8")
    assert "(2003, 14 de octubre)" in text and "(Versión 1.2.0)" in text
    assert "(2003, October 14)" not in text and "(Version 1.2.0)" not in text


def test_a_spanish_section_gives_the_translation_beside_each_block(site):
    page = lxml.html.fromstring((site / "es" / SECTION).read_bytes())
    transmitted = page.xpath("//*[contains(concat(' ', @class, ' '), ' tb ')]")
    translated = page.xpath("//p[contains(concat(' ', @class, ' '), ' tr ')]")
    assert len(transmitted) == len(translated) > 5
    assert {t.get("lang") for t in transmitted} == {"en"}
    assert {t.get("lang") for t in translated} == {"es"}
    assert all(t.get("aria-label") for t in translated)  # marked as the editors' translation
    heard = {t.get("data-tr"): t.get("aria-label") for t in translated}
    assert heard["massacre-in-el-alto"] == "Traducción de los editores del encabezado"
    assert heard["p4"] == "Traducción de los editores del párrafo 4"  # a number, never an id


def catalogue_words(language: str) -> set[str]:
    """The code's messages (placeholders left out) as `language` has them, where the other
    language's differ: what a reader of the other language must not find."""
    other = "en" if language == "es" else "es"
    with catalogue_path(language).open("rb") as po:
        ids = [m.id for m in read_po(po) if isinstance(m.id, str) and m.id and "{" not in m.id]
    here, there = messages(language), messages(other)
    return {" ".join(here._(i).split()) for i in ids if here._(i) != there._(i)}


def test_no_english_interface_sentence_on_a_spanish_page(site):
    """The catalogue's English messages of three words or more, not one of them on a Spanish
    page outside the transmitted text and what is marked English (a source's title), even
    within a longer text (the test below takes each text whole, and the books too)."""
    english = {words for words in catalogue_words("en") if len(words.split()) >= 3}
    found = []
    for path in sorted((site / "es").rglob("*.html")):
        if "assets" in path.parts:
            continue
        page = lxml.html.fromstring(path.read_bytes())
        for element in page.xpath("//*[@lang='en' or contains(@class, 'tb') or self::script]"):
            element.drop_tree()
        text = re.sub(r"\s+", " ", page.text_content())
        found += [f"{path.relative_to(site)}: {m}" for m in english if m in text]
    assert found == []


# What a reader does not read in the document's language: the transmitted text's blocks (class
# tb: the article's language in every edition), and what is marked with a language of its own
# (the language switch's "English").
NOT_ITS_LANGUAGE = "//*[contains(concat(' ', @class, ' '), ' tb ')] | //*[@lang != $language]"


SAID = ("title", "aria-label", "alt")  # attributes a browser or a screen reader says


def texts(root, language: str) -> set[str]:
    """The text of every element a reader reads in `language`, and the attributes said of it
    (what is not in `language` is taken out)."""
    for element in root.xpath(NOT_ITS_LANGUAGE, language=language):
        drop_keeping_tail(element)
    elements = [element for element in root.iter() if isinstance(element.tag, str)]
    return ({" ".join("".join(element.itertext()).split()) for element in elements}
            | {" ".join(element.get(name).split()) for element in elements for name in SAID
               if element.get(name)})


def book_texts(epub) -> tuple[str, set[str]]:
    """An EPUB's language, and the texts of its package metadata, contents and chapters."""
    book = zipfile.ZipFile(epub)
    metadata = lxml.etree.fromstring(book.read("EPUB/package.opf"))[0]
    language = metadata.findtext("{http://purl.org/dc/elements/1.1/}language")
    found = {" ".join((element.text or "").split()) for element in metadata}
    for document in [book.read("EPUB/nav.xhtml"), *epub_chapters(book).values()]:
        found |= texts(lxml.etree.fromstring(document), language)
    return language, found


def test_no_page_nor_book_holds_the_codes_words_in_the_other_language(site):
    """Every element's text, its title and labels (and every metadata value of a book), word
    for word against the catalogue's messages without placeholders: a Spanish reader finds none
    of the code's English words, nor an English one any Spanish, in the pages, the one-page
    downloads and the EPUBs."""
    words = {language: catalogue_words(language) for language in ("en", "es")}
    other = {"en": "es", "es": "en"}
    found = {}
    for path in site.rglob("*.html"):
        if not re.match(r"downloads/\d", path.relative_to(site).as_posix()):  # earlier versions
            root = lxml.html.parse(str(path)).getroot()
            language = root.get("lang")
            found[path.relative_to(site).as_posix()] = texts(root, language) & words[other[language]]
    for epub in sorted(site.glob("downloads/*.epub")):
        language, read = book_texts(epub)
        found[epub.name] = read & words[other[language]]
    assert len(found) > 100 and {name: hits for name, hits in found.items() if hits} == {}


def test_a_spanish_page_tells_what_changed_since_by_its_own_anchors(site):
    """The footer's data for the 'changed since' note (assets/versions.js) reads the ledger's
    es/ lines: the Spanish paragraphs were first published in 1.2.0, the English in 1.0.0."""
    def since(path: str) -> dict:
        page = lxml.html.fromstring((site / path).read_bytes())
        return json.loads(page.xpath("//p[@class='ed-version']/@data-since")[0])
    english, spanish = since(SECTION), since("es/" + SECTION)
    assert english["anchors"]["p6"][0] == "1.0.0"
    assert spanish["anchors"]["p6"][0] == "1.2.0" and spanish["anchors"].keys() == english["anchors"].keys()
