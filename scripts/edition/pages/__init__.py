"""pages: `Edition` → typed page records (`Page`), one Markdown document each for docs/.

`table.page_table` lists every page; each family module renders its pages (`text`: the
sections and the whole article; `registers`; `entities`; `front`: home, method, download)
from a small explicit `Context`. `documents` writes each page's front matter, once, from
the page record and its metadata (`metadata`).
"""
from __future__ import annotations

from ..model import Edition
from ..place.history import AnchorHistory
from .changelog import since_data, version_line
from .context import Context
from .metadata import page_metadata
from .page import Page, document
from .table import PageSpec, page_table, render


def render_pages(ctx: Context, specs: tuple[PageSpec, ...]) -> tuple[Page, ...]:
    return tuple(render(spec, ctx) for spec in specs)


def documents(edition: Edition, base_url: str, pages: tuple[Page, ...],
              history: AnchorHistory = AnchorHistory()) -> dict[str, str]:
    """docs/ path → the Markdown file MkDocs reads; each page's footer names the version."""
    return {page.path: document(page, page_metadata(edition, base_url, page.path, page.title,
                                                    page.description),
                                {"edition_version": version_line(edition),
                                 "edition_since": since_data(history, page.path)})
            for page in pages}


__all__ = ["Context", "Page", "PageSpec", "documents", "page_table", "render", "render_pages"]
