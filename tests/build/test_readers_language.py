"""Readers' language: what a reader reads on any page of the site, in either language, holds
none of the maintainers' words (the configuration, the toolchain, the anchor ledger, media types)
and no raw date code: dates are in words, the codes are the machines' (datetime attributes,
the cite box's BibTeX and RIS, which a reader copies into a tool). Nor does any page or book of
one language hold the code's words in the other."""
from __future__ import annotations

import re
import zipfile

import lxml.etree
import lxml.html

from conftest import drop_keeping_tail, epub_chapters

MAINTAINERS = re.compile(
    r"site_url|mkdocs\.yml|\bnpm\b|registry|ledger|fingerprint|\bMIME\b|media type|`"
    # a date code: 2003-10-14, 2003-09-29~, 2003-10? (ISO 8601 / EDTF)
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-\d{2}[~?%]", re.I)
# Not a reader's words: scripts and styles, the cite box's formats for citation managers, and
# what is hidden until a script shows it.
NOT_READ = ("//head", "//script", "//style", "//template", "//*[@hidden]",
            "//*[contains(@class, 'cite-format')]", "//pre")
# Words the editors quote as a source prints them (a page's own "Actualizado el 2003-11-25").
QUOTED_ELEMENTS = ("//q", "//blockquote")
QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»')


def reader_text(path) -> str:
    root = lxml.html.parse(str(path)).getroot()
    for xpath in NOT_READ + QUOTED_ELEMENTS:
        for element in root.xpath(xpath):
            if element.getparent() is not None:
                element.drop_tree()
    return QUOTED.sub("“…”", " ".join(root.text_content().split()))


def test_no_page_speaks_the_maintainers_language(site):
    found = {}
    pages = [p for p in site.rglob("*.html") if "downloads" not in p.relative_to(site).parts]
    assert len(pages) > 100  # both languages
    for path in pages:
        text = reader_text(path)
        hits = [text[max(0, m.start() - 40):m.end() + 20] for m in MAINTAINERS.finditer(text)]
        if hits:
            found[path.relative_to(site).as_posix()] = hits[:3]
    assert found == {}


def catalogue_words(language: str) -> set[str]:
    """The code's messages (placeholders left out) as `language` has them, where the other
    language's differ: what a reader of the other language must not find."""
    from babel.messages.pofile import read_po
    from edition.i18n import catalogue_path, messages
    other = "en" if language == "es" else "es"
    with catalogue_path(language).open("rb") as po:
        ids = [m.id for m in read_po(po) if isinstance(m.id, str) and m.id and "{" not in m.id]
    here, there = messages(language), messages(other)
    return {" ".join(here._(i).split()) for i in ids if here._(i) != there._(i)}


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
