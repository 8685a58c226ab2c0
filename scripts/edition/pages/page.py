"""A page of the site as a record, and the one place its front matter is written."""
from __future__ import annotations

import html
import json
from dataclasses import dataclass

from .metadata import PageMetadata


@dataclass(frozen=True)
class Page:
    """One page: where it lives, what it is called, and its Markdown body."""

    path: str  # in docs/, e.g. sections/opening.md
    title: str  # plain text
    description: str  # plain text, one or two sentences
    body: str  # Markdown
    searchable: bool = True  # False: the page repeats what other pages say (search skips it)
    panel: bool = False  # its paragraphs' numbers open the paragraph panel (main.html, panel.js)
    sidenotes: bool = False  # its notes stand in the right margin, where the page contents were


def document(page: Page, meta: PageMetadata, footer: dict[str, str] | None = None) -> str:
    """The Markdown file MkDocs reads: front matter written from the records (and the
    footer's version line, `footer`), then the body."""
    lines = [f'title: "{_yaml_text(page.title)}"', f'description: "{_yaml_text(page.description)}"']
    if not page.searchable:
        lines.append("search:\n  exclude: true")
    if page.sidenotes:
        lines.append("hide:\n  - toc")
    extra = {"edition_meta": [[t.attribute, t.key, t.content] for t in meta.tags],
             "edition_json_ld": meta.json_ld, "edition_updated": meta.updated,
             "edition_panel": page.panel, **(footer or {})}
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + page.body


def _yaml_text(text: str) -> str:
    # Material writes title and description into the page unescaped: escape them here.
    return " ".join(html.escape(text).split()).replace("\\", "\\\\").replace('"', '\\"')
