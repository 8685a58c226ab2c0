"""pages: `Edition` → typed page records (`Page`), each with its document tree.

`table.page_table` lists every page; each family module builds its pages (`text`: the
sections and the whole article; `registers`; `entities`; `front`: home, method, download;
`record`, `comparisons`, `changelog`) from a small explicit `Context` that carries the page's
language. `documents` writes each page as the engine's file (doc/markdown.py), with its
front matter, once, from the page record and its metadata (`metadata`).
"""
from __future__ import annotations

from ..doc.markdown import page_file
from ..i18n import Messages
from ..model import Edition
from ..place.history import AnchorHistory
from .changelog import since_data, version_line
from .context import Context
from .metadata import page_metadata
from .page import Page
from .table import PageSpec, page_table, render


def render_pages(ctx: Context, specs: tuple[PageSpec, ...]) -> tuple[Page, ...]:
    return tuple(render(spec, ctx) for spec in specs)


def documents(edition: Edition, base_url: str, pages: tuple[Page, ...], m: Messages,
              history: AnchorHistory = AnchorHistory()) -> dict[str, str]:
    """docs/ path → the file the engine reads; each page's footer names the version."""
    return {page.path: document(edition, base_url, page, m, history) for page in pages}


def document(edition: Edition, base_url: str, page: Page, m: Messages,
             history: AnchorHistory = AnchorHistory()) -> str:
    meta = page_metadata(edition, base_url, page.path, page.title, page.description)
    flags: dict[str, object] = {}
    if not page.searchable:
        flags["search"] = {"exclude": True}
    if page.sidenotes:
        flags["hide"] = ["toc"]
    settings = {"edition_meta": [[t.attribute, t.key, t.content] for t in meta.tags],
                "edition_json_ld": meta.json_ld, "edition_updated": meta.updated,
                "edition_panel": page.panel, "edition_version": version_line(edition, m),
                "edition_since": since_data(history, page.path)}
    if page.toc_depth:
        settings["edition_toc_depth"] = page.toc_depth
    return page_file(page.title, page.description, page.body, settings, flags)


__all__ = ["Context", "Page", "PageSpec", "document", "documents", "page_table", "render",
           "render_pages"]
