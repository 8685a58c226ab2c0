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


def export(edition: Edition, base_url: str, pages: Pages) -> tuple[Artefact, ...]:
    """Every artefact made from the edition, in the order the Download page lists them."""
    return tuple(artefact for exporter in EXPORTERS
                 for artefact in exporter(edition, base_url, pages))


EXPORTERS: tuple[Exporter, ...] = (export_onepage, export_epub, export_data, export_tei,
                                   export_web_annotations)
