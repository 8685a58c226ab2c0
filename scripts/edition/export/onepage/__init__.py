"""The one-page edition: article, apparatus, registers, method and citation in one HTML file.

The pages are the site's own Markdown (pages/), converted with the site's Markdown
extensions and stitched into one document. Links between pages become links inside the
document: the article keeps its permanent ids (#p12), every other part's ids get the part's
prefix (#people-…, #method-p47), entity pages become their register entries (#entity-…).
A link to something the document does not hold becomes an absolute permalink when the
site's URL is known, and plain text otherwise: nothing in the file points at another file.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import html
from dataclasses import dataclass

from lxml import etree

from ...model import Edition
from ...pages.metadata import download_meta_tags
from ...pages import Context, render
from ...model import Artefact
from ...paths import file_stem
from ..onepage_style import STYLESHEET
from .inpage import finish_paragraph_numbers, link_within
from .parts import (MARKDOWN_EXTENSIONS, Heading, Part, citation, contents, contents_list,
                    front, markdown_converter, part_element, parts)
from .semantics import note_semantics, svg_attribute_case, title_mentions

__all__ = ["MARKDOWN_EXTENSIONS", "Heading", "OnePage", "Part", "SVG_NAMESPACE", "contents",
           "contents_list", "export_onepage", "html_document", "one_page", "parts"]

SVG_NAMESPACE = "http://www.w3.org/2000/svg"


@dataclass(frozen=True)
class OnePage:
    """The one-page edition's content: what the HTML and EPUB exporters wrap in a document."""

    title: str
    language: str
    body_html: str  # the <main> element and everything in it, as HTML
    body_xhtml: str  # the same as XML, for XHTML documents (SVG in its namespace)
    contents: tuple[Heading, ...]
    meta_tags: str = ""  # the citation metadata of its <head>: a section of the edition


@functools.lru_cache(maxsize=2)  # the HTML and the EPUB exporters wrap the same content
def one_page(edition: Edition, base_url: str) -> OnePage:
    """Render the parts, convert them to HTML and make every link point inside the page."""
    # Without the site's controls (copy and cite buttons, cite boxes): the file has no script,
    # and its citation part replaces the boxes.
    ctx = Context(edition, base_url, interactive=False)
    main = etree.Element("main")
    main.append(front(edition))
    converter = markdown_converter()
    for part in parts(edition):
        main.append(part_element(part, render(part.spec, ctx).body, converter))
    main.append(citation(edition, base_url))
    link_within(main, edition, base_url)
    finish_paragraph_numbers(main, edition, base_url)
    title_mentions(main)
    note_semantics(main)
    svg_attribute_case(main)
    art = edition.bibliography.article
    xhtml = etree.tostring(main, encoding="unicode", method="xml")
    return OnePage(title=art.title, language=art.language,
                   body_html=etree.tostring(main, encoding="unicode", method="html"),
                   body_xhtml=xhtml.replace("<svg ", f'<svg xmlns="{SVG_NAMESPACE}" '),
                   contents=contents(edition), meta_tags=download_meta_tags(edition, base_url))


def export_onepage(edition: Edition, base_url: str) -> tuple[Artefact, ...]:
    page = one_page(edition, base_url)
    return (Artefact(
        name=f"{file_stem(edition)}.html", title="One-page edition",
        description="The whole article with its apparatus, registers, editorial method and "
                    "citation in one self-contained HTML file, for saving and printing.",
        media_type="text/html", content=html_document(page).encode("utf-8")),)


def content_security_policy() -> str:
    """Nothing but the page's own stylesheet: no script, no image, font or frame from anywhere.
    With no script allowed, connect-src can open nothing of the file's own; 'self' lets a
    crawler's check read the site's robots.txt from the page (Lighthouse's SEO audit does)."""
    style = base64.b64encode(hashlib.sha256(f"\n{STYLESHEET}".encode("utf-8")).digest()).decode()
    none = ("default-src", "script-src", "img-src", "font-src", "base-uri", "form-action",
            "object-src")
    return "; ".join([f"{name} 'none'" for name in none] + ["connect-src 'self'",
                                                           f"style-src 'sha256-{style}'"])


def html_document(page: OnePage) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(page.language)}">\n<head>\n'
            f'<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"{page.meta_tags}<title>{html.escape(page.title)}</title>\n<style>\n{STYLESHEET}</style>\n"
            f"</head>\n<body>\n{page.body_html}\n</body>\n</html>\n")
