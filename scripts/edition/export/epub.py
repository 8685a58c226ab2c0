"""The EPUB 3 edition: the one-page edition's parts, each an XHTML document, with a nav document.

Zipped by export/zipfiles.py rather than a library, so the bytes depend on the edition alone:
`mimetype` first and stored, then the other entries sorted, all with one fixed time.
"""
from __future__ import annotations

import copy
import html
import uuid
from dataclasses import dataclass

from ..doc import h
from ..doc.html import SVG_NAMESPACE, to_xhtml
from ..doc.tree import Element
from ..i18n import N_, messages
from ..model import Artefact, Edition
from ..pages import Page
from ..paths import book_name
from .onepage import OnePage, books, contents_list
from .onepage.parts import ARTICLE_PART_ID
from .onepage_style import STYLESHEET
from .zipfiles import Entry, reproducible_zip

MEDIA_TYPE = "application/epub+zip"
ACCESSIBILITY_SUMMARY = N_(
    "The whole book is text: headings mark every part and section, the table of contents and "
    "the reading order follow the article, every editorial note is linked from its note call "
    "and back, and the styles adapt to the reader's settings. The sketch map of the places is "
    "a picture; the register of places lists the same places in words.")
CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def export_epub(edition: Edition, base_url: str,
                pages: dict[str, tuple[Page, ...]]) -> tuple[Artefact, ...]:
    return tuple(Artefact(
        name=book_name(edition, language, "epub"), title=N_("EPUB for e-readers"),
        description=N_("The one-page edition as an EPUB 3 book: the article with its apparatus, "
                       "registers, editorial method and citation."),
        media_type=MEDIA_TYPE, content=epub_bytes(localized, base_url, page), language=language)
        for language, localized, _, page in books(edition, base_url, pages))


def epub_bytes(edition: Edition, base_url: str, page: OnePage) -> bytes:
    """The EPUB of one language's one-page content (`edition` in that language; `base_url`
    the site's)."""
    parts = chapters(page)
    files = {
        "META-INF/container.xml": CONTAINER,
        "EPUB/package.opf": package_document(edition, base_url, page, parts),
        "EPUB/nav.xhtml": nav_document(page, parts),
        "EPUB/style.css": STYLESHEET,
    }
    files |= {f"EPUB/{chapter.name}": content_document(page, chapter) for chapter in parts}
    entries = [Entry("mimetype", MEDIA_TYPE.encode("ascii"), compress=False)]
    entries += [Entry(name, text.encode("utf-8")) for name, text in sorted(files.items())]
    return reproducible_zip(entries)


def identifier(edition: Edition, base_url: str) -> str:
    """The book's identifier: the same for the same version of the edition."""
    name = book_name(edition, edition.language, "epub")
    return f"{base_url}downloads/{name}" if base_url else \
        f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'edition:' + name.removesuffix('.epub'))}"


def package_document(edition: Edition, base_url: str, page: OnePage,
                     parts: tuple[Chapter, ...]) -> str:
    ed = edition.bibliography.edition
    e = html.escape
    creators = "".join(
        f'\n    <dc:creator id="editor-{n}">{e(p.name)}</dc:creator>'
        f'\n    <meta refines="#editor-{n}" property="role" scheme="marc:relators">edt</meta>'
        for n, p in enumerate(ed.editors, start=1))
    items = "".join(f'\n    <item id="{c.item}" href="{c.name}" media-type="application/xhtml+xml"'
                    f'{c.properties}/>' for c in parts)
    spine = "".join(f'\n    <itemref idref="{c.item}"/>' for c in parts)
    has_map = any(c.properties for c in parts)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="{e(page.language)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">{e(identifier(edition, base_url))}</dc:identifier>
    <dc:title>{e(ed.title)}</dc:title>
    <dc:language>{e(page.language)}</dc:language>
    <dc:date>{e(ed.date)}</dc:date>
    <dc:publisher>{e(ed.publisher)}</dc:publisher>{creators}
    <dc:rights>{e(ed.licence)}: {e(ed.text_licence_note)}</dc:rights>
    <meta property="dcterms:modified">{e(ed.date)}T00:00:00Z</meta>{accessibility(page.language, has_map)}
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>{items}
    <item id="style" href="style.css" media-type="text/css"/>
  </manifest>
  <spine>{spine}
  </spine>
</package>
"""


def accessibility(language: str, has_map: bool) -> str:
    """The book's accessibility metadata (schema.org, as EPUB Accessibility 1.1 asks): text
    throughout, a sketch map (a picture) whose places the register lists in words; the summary
    a reader reads in the book's language."""
    modes = ("textual", "visual") if has_map else ("textual",)
    features = ("structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability")
    metadata = ([("schema:accessMode", mode) for mode in modes]
                + [("schema:accessModeSufficient", "textual")]
                + [("schema:accessibilityFeature", feature) for feature in features]
                + [("schema:accessibilityHazard", "none"),
                   ("schema:accessibilitySummary", messages(language)._(ACCESSIBILITY_SUMMARY))])
    return "".join(f'\n    <meta property="{name}">{html.escape(value)}</meta>'
                   for name, value in metadata)


def _xhtml(page: OnePage, title: str, body: str) -> str:
    lang = html.escape(page.language)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="{lang}" xml:lang="{lang}">
<head>
<meta charset="utf-8"/>
<title>{html.escape(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
{body}
</body>
</html>
"""


# The EPUB's structural semantics beside the DPUB-ARIA roles the one page carries (onepage.py).
EPUB_TYPES = {"doc-noteref": "noteref", "doc-footnote": "footnote", "doc-backlink": ""}


def content_document(page: OnePage, chapter: Chapter) -> str:
    body = chapter.body
    for role, epub_type in EPUB_TYPES.items():
        if epub_type:
            body = body.replace(f' role="{role}"', f' epub:type="{epub_type}" role="{role}"')
    return _xhtml(page, chapter.title, body)


def nav_document(page: OnePage, parts: tuple[Chapter, ...]) -> str:
    title = messages(page.language)._("Contents")
    files = {anchor: chapter.name for chapter in parts for anchor in chapter.ids}
    return _xhtml(page, title, f'<nav epub:type="toc" role="doc-toc" id="toc">\n'
                               f"<h1>{html.escape(title)}</h1>\n"
                               f"{to_xhtml(contents_list(page.contents, files))}\n</nav>")


@dataclass(frozen=True)
class Chapter:
    """One content document of the book: a part of the one page (the front matter goes with
    the article)."""

    name: str  # its file beside the package document: the part's id, e.g. people.xhtml
    title: str
    body: str  # its <main>, as XHTML
    ids: frozenset[str]  # the ids it holds, which links from the other chapters point at

    @property
    def item(self) -> str:
        return "part-" + self.name.removesuffix(".xhtml")

    @property
    def properties(self) -> str:
        return ' properties="svg"' if f'xmlns="{SVG_NAMESPACE}"' in self.body else ""


# A part's headings as the one page has them (part_element put them a level down), each a
# level up in its own chapter.
PROMOTED = tuple(f"h{level}" for level in range(2, 7))


def chapters(page: OnePage) -> tuple[Chapter, ...]:
    """The one page's parts as the book's chapters, each a file of its own: legacy reading
    systems show nothing of a file past 300 KB (EDRLab's QualEbook, rule 87), and the whole
    is more. A link to an id in another chapter names that chapter's file; every part but
    the article gets its headings back up one level (the one page put them under its h1), so
    that each chapter has its own h1."""
    main = copy.deepcopy(page.main)
    groups: list[list[Element]] = []
    waiting: list[Element] = []  # what comes before a part (the front matter) goes with it
    for element in main:
        if element.tag == "section":
            groups.append(waiting + [element])
            waiting = []
        else:
            waiting.append(element)
    groups[-1] += waiting
    named = [(_part_id(group) + ".xhtml", group) for group in groups]
    ids = {name: frozenset(anchor for element in group for anchor in element.xpath(".//@id | @id"))
           for name, group in named}
    home = {anchor: name for name, held in ids.items() for anchor in held}
    for name, group in named:
        for element in group:
            _link_across(element, name, home)
            if element.tag == "section" and element.get("id") != ARTICLE_PART_ID:
                for heading in element.iter(*PROMOTED):
                    heading.tag = f"h{int(heading.tag[1]) - 1}"
    return tuple(Chapter(name, _title(group, page.title), _body(main, group), ids[name])
                 for name, group in named)


def _part_id(group: list[Element]) -> str:
    return next(e.get("id", "") for e in group if e.tag == "section")


def _link_across(element: Element, name: str, home: dict[str, str]) -> None:
    for link in element.xpath(".//*[starts-with(@href, '#')]"):
        target = home.get(link.get("href")[1:], name)
        if target != name:
            link.set("href", target + link.get("href"))


def _title(group: list[Element], book_title: str) -> str:
    """The chapter's h1 (the article's title, a part's title), as it reads."""
    for element in group:
        for heading in element.iter("h1"):
            return " ".join("".join(heading.itertext()).split())
    return book_title


def _body(main: Element, group: list[Element]) -> str:
    return to_xhtml(h(main.tag, dict(main.attrib), group))
