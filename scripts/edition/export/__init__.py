"""Stage 4: export the edition as files to download beside the site (data, TEI, one page, zip)."""
from __future__ import annotations

from typing import Callable

from ..model import Artefact, Edition
from ..pages import Page
from .data import export_data
from .epub import export_epub
from .onepage import export_onepage
from .tei import export_tei
from .webannotations import export_web_annotations


# The site's pages by language: the one-page editions and the EPUBs are made of them.
Pages = dict[str, tuple[Page, ...]]
# Each exporter makes its artefacts from the placed edition (and the one-page edition from the
# pages' trees), before the engine runs, so the Download page can list them with their sizes.
Exporter = Callable[[Edition, str, Pages], tuple[Artefact, ...]]
# What each exporter made, in the order of its list (BOOKS, or DATA).
Made = tuple[tuple[Artefact, ...], ...]


def export(edition: Edition, base_url: str, pages: Pages) -> tuple[Artefact, ...]:
    """Every artefact made from the edition, in the order the Download page lists them."""
    return in_order([books(edition, base_url, {language: its_pages})
                     for language, its_pages in pages.items()], data(edition, base_url))


def books(edition: Edition, base_url: str, pages: Pages) -> Made:
    """The books made of the pages of the languages in `pages`, one language's apart from the
    others' (a build makes each language's in the process that renders its pages)."""
    return tuple(exporter(edition, base_url, pages) for exporter in BOOKS)


def data(edition: Edition, base_url: str) -> Made:
    """The exports made of the edition alone, whatever its pages."""
    return tuple(exporter(edition, base_url, {}) for exporter in DATA)


def in_order(books_by_language: list[Made], data_made: Made) -> tuple[Artefact, ...]:
    """The books, each kind in every language, then the data, as the Download page lists them
    (a preview makes neither: none)."""
    return tuple(artefact for n in range(len(BOOKS)) for made in books_by_language if made
                 for artefact in made[n]) + tuple(a for made in data_made for a in made)


BOOKS: tuple[Exporter, ...] = (export_onepage, export_epub)
DATA: tuple[Exporter, ...] = (export_data, export_tei, export_web_annotations)
