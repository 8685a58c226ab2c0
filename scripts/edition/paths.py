"""The site's layout: where each page lives, as a Markdown path in docs/ and as a URL."""
from __future__ import annotations

import functools
import posixpath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from .model import Edition

TIMELINE = "register/timeline.md"
BIBLIOGRAPHY = "bibliography.md"  # the sources consulted


def section_path(section_id: str) -> str:
    return f"sections/{section_id}.md"


def entity_path(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


def page_stem(url: str) -> str:
    """The name of a page's file without .html (a section's id, for sections/ID.html)."""
    return url.rsplit("/", 1)[-1].removesuffix(".html")


def html_path(page: str) -> str:
    """The URL path MkDocs gives a Markdown page (`use_directory_urls: false`)."""
    return page.removesuffix(".md") + ".html" if page.endswith(".md") else page


def to_a_page(href: str | None) -> bool:
    """Whether a link leads to a page of the edition: not to a #fragment of its own page, nor
    to an address with its scheme or host (https:, mailto:, //host/)."""
    if not href or href.startswith("#"):
        return False
    try:
        address = urlsplit(href)
    except ValueError:  # not an address at all (https://[x): left as it is
        return False
    return not (address.scheme or address.netloc)


@functools.lru_cache(maxsize=8192)  # thousands of links per build between a hundred pages
def relative(from_page: str, to_page: str) -> str:
    """A link from one Markdown page to another, as MkDocs resolves it."""
    target, _, fragment = to_page.partition("#")
    path = posixpath.relpath(target, posixpath.dirname(from_page) or ".") if target else ""
    return path + (f"#{fragment}" if fragment else "")


def language_prefix(edition: Edition, language: str) -> str:
    """Where a language's pages are in the site: the edition's own language at the root, each
    other under its code (es/)."""
    return "" if language == edition.bibliography.edition.languages[0] else f"{language}/"


def address_in(edition: Edition, address: str, prefix: str) -> str | None:
    """An address of the whole site (es/… in a language's folder) as the pages of the language
    at `prefix` name it (es/p.html is p.html on the Spanish pages); None for another language's."""
    if prefix:
        return address.removeprefix(prefix) if address.startswith(prefix) else None
    others = tuple(filter(None, (language_prefix(edition, language)
                                 for language in edition.source.languages)))
    return None if others and address.startswith(others) else address


def book_name(edition: Edition, language: str, suffix: str) -> str:
    """The file name of a book (the one-page HTML, the EPUB) in a language: the edition's own
    language unmarked."""
    marked = f"-{language}" if language_prefix(edition, language) else ""
    return f"{file_stem(edition)}{marked}.{suffix}"


def file_stem(edition: Edition) -> str:
    """The versioned stem every artefact's file name starts with."""
    return f"bolivia-insurrection-la-paz-{edition.bibliography.edition.version}"
