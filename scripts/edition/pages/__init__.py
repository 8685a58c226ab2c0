"""pages: `Edition` → typed page records (`Page`), each with its document tree.

`table.page_table` lists every page; each family module builds its pages (`text`: the
sections and the whole article; `registers`; `entities`; `front`: home, method, download;
`record`, `comparisons`, `changelog`) from a small explicit `Context` that carries the page's
language. `documents` writes each page as the engine's file (doc/markdown.py), with its
front matter, once, from the page record and its metadata (`metadata`).
"""
from __future__ import annotations

from ..doc.markdown import page_file
from ..i18n import messages
from ..paths import html_path, language_prefix
from .changelog import name_places, since_data, version_line
from .context import Context
from .metadata import page_metadata
from .page import Page
from .paragraph_names import name_paragraphs
from .table import PageSpec, page_table, render


def render_pages(ctx: Context, specs: tuple[PageSpec, ...]) -> tuple[Page, ...]:
    pages = tuple(render(spec, ctx) for spec in specs)
    name_paragraphs(ctx, pages)  # first: a place's name may quote words that name a paragraph
    name_places(ctx, pages)
    return pages


def documents(ctx: Context, pages: tuple[Page, ...]) -> dict[str, str]:
    """docs/ path → the file the engine reads (under the language's folder: es/…); each page's
    footer names the version."""
    return {ctx.prefix + page.path: document(ctx.at(page.path), page) for page in pages}


def document(ctx: Context, page: Page) -> str:
    edition, m = ctx.edition, ctx.m
    meta = page_metadata(edition, ctx.page_base, page.path, page.title, page.description, m)
    flags: dict[str, object] = {}
    if not page.searchable:
        flags["search"] = {"exclude": True}
    if page.sidenotes:
        flags["hide"] = ["toc"]
    settings = {"edition_meta": [[t.attribute, t.key, t.content] for t in meta.tags],
                "edition_json_ld": meta.json_ld, "edition_updated": meta.updated,
                "edition_panel": page.panel, "edition_version": version_line(edition, m),
                "edition_since": since_data(ctx.history, page.path, ctx.prefix),
                "edition_alternates": alternates(ctx)}
    if page.toc_depth:
        settings["edition_toc_depth"] = page.toc_depth
    return page_file(page.title, page.description, page.body, settings, flags)


def alternates(ctx: Context) -> dict[str, object]:
    """This page in each language of the edition (the language switch, hreflang): its name in
    itself, the link to it, its absolute URL ('' without a site URL); the edition's own
    language is every other reader's (x-default)."""
    languages = ctx.edition.bibliography.edition.languages
    return {"label": ctx.m._("This page in another language"), "pages": [
        {"language": language, "name": _capitalised(messages(language).language_name(language)),
         "href": ctx.twin(language), "default": language == languages[0],
         "url": ctx.base_url and ctx.base_url + language_prefix(ctx.edition, language)
         + html_path(ctx.page)} for language in languages]}


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


__all__ = ["Context", "Page", "PageSpec", "document", "documents", "page_table", "render",
           "render_pages"]
