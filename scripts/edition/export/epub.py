"""The EPUB 3 edition: the one-page edition as one XHTML document with a nav document.

Zipped by export/zipfiles.py rather than a library, so the bytes depend on the edition alone:
`mimetype` first and stored, then the other entries sorted, all with one fixed time.
"""
from __future__ import annotations

import html
import uuid

from ..doc.html import SVG_NAMESPACE, to_xhtml
from ..i18n import N_, messages
from ..model import Artefact, Edition
from ..pages import Page
from ..paths import book_name
from .onepage import OnePage, books, contents_list
from .onepage_style import STYLESHEET
from .zipfiles import Entry, reproducible_zip

MEDIA_TYPE = "application/epub+zip"
CONTENT = "EPUB/edition.xhtml"
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
    files = {
        "META-INF/container.xml": CONTAINER,
        "EPUB/package.opf": package_document(edition, base_url, page),
        "EPUB/nav.xhtml": nav_document(page),
        CONTENT: content_document(page),
        "EPUB/style.css": STYLESHEET,
    }
    entries = [Entry("mimetype", MEDIA_TYPE.encode("ascii"), compress=False)]
    entries += [Entry(name, text.encode("utf-8")) for name, text in sorted(files.items())]
    return reproducible_zip(entries)


def identifier(edition: Edition, base_url: str) -> str:
    """The book's identifier: the same for the same version of the edition."""
    name = book_name(edition, edition.language, "epub")
    return f"{base_url}downloads/{name}" if base_url else \
        f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'edition:' + name.removesuffix('.epub'))}"


def package_document(edition: Edition, base_url: str, page: OnePage) -> str:
    ed = edition.bibliography.edition
    e = html.escape
    creators = "".join(
        f'\n    <dc:creator id="editor-{n}">{e(p.name)}</dc:creator>'
        f'\n    <meta refines="#editor-{n}" property="role" scheme="marc:relators">edt</meta>'
        for n, p in enumerate(ed.editors, start=1))
    svg = ' properties="svg"' if f'xmlns="{SVG_NAMESPACE}"' in page.body_xhtml else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="{e(page.language)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">{e(identifier(edition, base_url))}</dc:identifier>
    <dc:title>{e(ed.title)}</dc:title>
    <dc:language>{e(page.language)}</dc:language>
    <dc:date>{e(ed.date)}</dc:date>
    <dc:publisher>{e(ed.publisher)}</dc:publisher>{creators}
    <dc:rights>{e(ed.licence)}: {e(ed.text_licence_note)}</dc:rights>
    <meta property="dcterms:modified">{e(ed.date)}T00:00:00Z</meta>{accessibility(page.language, bool(svg))}
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="edition" href="edition.xhtml" media-type="application/xhtml+xml"{svg}/>
    <item id="style" href="style.css" media-type="text/css"/>
  </manifest>
  <spine>
    <itemref idref="edition"/>
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


def content_document(page: OnePage) -> str:
    body = page.body_xhtml
    for role, epub_type in EPUB_TYPES.items():
        if epub_type:
            body = body.replace(f' role="{role}"', f' epub:type="{epub_type}" role="{role}"')
    return _xhtml(page, page.title, body)


def nav_document(page: OnePage) -> str:
    title = messages(page.language)._("Contents")
    return _xhtml(page, title, f'<nav epub:type="toc" role="doc-toc" id="toc">\n'
                               f"<h1>{html.escape(title)}</h1>\n"
                               f"{to_xhtml(contents_list(page.contents, 'edition.xhtml'))}\n</nav>")
