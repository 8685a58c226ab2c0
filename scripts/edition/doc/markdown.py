"""The writer for the site's engine: a page as the Markdown file MkDocs or Zensical reads.

The file's body is the page's HTML tree in one element marked `markdown="1"`: the engine's
md_in_html extension parses it into its own tree (so the toc extension numbers, links and lists
every heading) and leaves the text inside as text, never reading it as Markdown. Nothing here
escapes Markdown: there is no Markdown in the body. Links are final (`.html`): the engine does
not rewrite links inside the body's elements, so the build checks them itself (`links.py`).
"""
from __future__ import annotations

import html
import json

from lxml import etree

from .tree import Element


def body_markdown(body: Element) -> str:
    """The tree as the file's body. A tab would be expanded by the engine's whitespace pass
    before the HTML is parsed: written as a character reference, it stays a tab."""
    body.set("markdown", "1")
    try:
        written = etree.tostring(body, encoding="unicode", method="html")
    finally:
        del body.attrib["markdown"]
    return written.replace("\t", "&#9;") + "\n"


def page_file(title: str, description: str, body: Element, settings: dict[str, object],
              flags: dict[str, object]) -> str:
    """The whole file: front matter (the page's title, description, the engine's `flags`
    such as search exclusion, and the theme's `settings` as JSON), then the body."""
    lines = [f'title: "{_yaml_text(title)}"', f'description: "{_yaml_text(description)}"']
    for key, value in flags.items():
        lines.append(f"{key}:\n" + "\n".join(f"  {line}" for line in _yaml_lines(value)))
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in settings.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body_markdown(body)


def _yaml_lines(value: object) -> list[str]:
    if isinstance(value, dict):
        return [f"{k}: {json.dumps(v)}" for k, v in value.items()]
    return [f"- {item}" for item in value]  # type: ignore[union-attr]


def _yaml_text(text: str) -> str:
    # Material writes title and description into the page unescaped: escape them here.
    return " ".join(html.escape(text).split()).replace("\\", "\\\\").replace('"', '\\"')
