"""Stage 4: export the edition as files to download beside the site (data, TEI, one page, zip)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import Edition


@dataclass(frozen=True)
class Artefact:
    """One downloadable file: docs/downloads/<name>, copied by MkDocs into the site as is."""

    name: str  # file name; carries the edition's version, e.g. bolivia-insurrection-1.0.0.json
    title: str  # shown on the Download page
    description: str  # one sentence: what it holds and what it is for
    media_type: str
    content: bytes
    stable_path: str = ""  # an extra unversioned path in the site, e.g. data/edition.json


# Each exporter makes its artefacts from the placed edition alone, before MkDocs runs,
# so the Download page can list them with their sizes and MkDocs serves them too.
Exporter = Callable[[Edition, str], tuple[Artefact, ...]]


def export(edition: Edition, base_url: str) -> tuple[Artefact, ...]:
    """Every artefact made from the edition, in the order the Download page lists them."""
    return tuple(artefact for exporter in EXPORTERS for artefact in exporter(edition, base_url))


def file_stem(edition: Edition) -> str:
    """The versioned stem every artefact's file name starts with."""
    return f"bolivia-insurrection-la-paz-{edition.bibliography.edition.version}"


# Imported last: the exporters import Artefact and file_stem from this package, and the
# one-page exporters render with pages.py, which imports Artefact from here too.
from .data import export_data  # noqa: E402
from .epub import export_epub  # noqa: E402
from .onepage import export_onepage  # noqa: E402
from .tei import export_tei  # noqa: E402
from .webannotations import export_web_annotations  # noqa: E402

EXPORTERS: tuple[Exporter, ...] = (export_onepage, export_epub, export_data, export_tei,
                                   export_web_annotations)
