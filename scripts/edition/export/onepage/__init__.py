"""The one-page edition: article, apparatus, registers, method and citation in one HTML file.

It is made of the site's own pages (their document trees, pages/), stitched into one document:
the site's controls are left out, the article keeps its permanent ids (#p12), every other
part's ids get the part's prefix (#people-…, #method-p47), entity pages become their register
entries (#entity-…). A link to something the document does not hold becomes an absolute
permalink when the site's URL is known, and plain text otherwise: nothing in the file points
at another file.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import html
from dataclasses import dataclass, field

from ...doc import h
from ...doc.html import to_html
from ...doc.tree import Element
from ...i18n import N_, messages
from ...model import Artefact, Edition
from ...pages import Page
from ...pages.metadata import download_meta_tags
from ...paths import book_name, language_prefix
from ...place import edition_in
from ..onepage_style import STYLESHEET
from .inpage import finish_paragraph_numbers, link_within
from .parts import Heading, Part, citation, contents, contents_list, front, part_element, parts
from .semantics import note_semantics, title_mentions

__all__ = ["Heading", "OnePage", "Part", "contents", "contents_list", "export_onepage",
           "html_document", "one_page", "parts"]


@dataclass(frozen=True)
class OnePage:
    """The one-page edition's content: what the HTML and EPUB exporters wrap in a document."""

    title: str
    language: str
    body_html: str  # the <main> element and everything in it, as HTML
    contents: tuple[Heading, ...]
    main: Element = field(compare=False, repr=False)  # its tree (the EPUB's chapters are cut from it)
    meta_tags: str = ""  # the citation metadata of its <head>: a section of the edition


def books(edition: Edition, base_url: str, pages: dict[str, tuple[Page, ...]]):
    """(language, its edition, its public URL, its one-page content) of each language."""
    for language, its_pages in pages.items():
        localized = edition_in(edition, language)
        page_base = base_url and base_url + language_prefix(edition, language)
        yield language, localized, page_base, one_page(localized, page_base, its_pages)


@functools.lru_cache(maxsize=4)  # the HTML and the EPUB exporters wrap the same content
def one_page(edition: Edition, base_url: str, pages: tuple[Page, ...]) -> OnePage:
    """The parts from the pages' trees, every link pointing inside the page; `edition` in the
    pages' language (place.edition_in), `base_url` that language's public URL."""
    m = messages(edition.language)
    by_path = {page.path: page for page in pages}
    main = h("main", front(edition, m),
             [part_element(part, by_path[part.page]) for part in parts(edition)],
             citation(edition, base_url, m))
    link_within(main, edition, base_url)
    finish_paragraph_numbers(main, edition, base_url)
    title_mentions(main)
    note_semantics(main)
    art = edition.bibliography.article
    return OnePage(title=art.title, language=edition.language, body_html=to_html(main),
                   contents=contents(edition, m), main=main,
                   meta_tags=download_meta_tags(edition, base_url))


def export_onepage(edition: Edition, base_url: str,
                   pages: dict[str, tuple[Page, ...]]) -> tuple[Artefact, ...]:
    return tuple(Artefact(
        name=book_name(edition, language, "html"), title=N_("One-page edition"),
        description=N_("The whole article with its apparatus, registers, editorial method and "
                       "citation in one self-contained HTML file, for saving and printing."),
        media_type="text/html", content=html_document(page).encode("utf-8"), language=language)
        for language, _, _, page in books(edition, base_url, pages))


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
