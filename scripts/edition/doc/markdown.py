"""The writer for the site's engine: a page as the Markdown file MkDocs or Zensical reads.

The file's body is the page's HTML tree in one element marked `markdown="1"`: the engine's
md_in_html extension parses it into its own tree (so the toc extension numbers, links and lists
every heading) and leaves the text inside as text, never reading it as Markdown. Nothing here
escapes Markdown: there is no Markdown in the body. Links are final (`.html`): the engine does
not rewrite links inside the body's elements, so the build checks them itself (`links.py`).
"""
from __future__ import annotations

import copy
import html
import json

from lxml import etree
from markdown import Markdown

from .tree import Element

# The elements Python-Markdown reads as blocks (markdown.Markdown.block_level_elements).
BLOCK_LEVEL = frozenset(Markdown().block_level_elements)


def body_markdown(body: Element) -> str:
    """The tree as the file's body. A tab would be expanded by the engine's whitespace pass
    before the HTML is parsed: written as a character reference, it stays a tab."""
    body = copy.deepcopy(body)  # the other writers read the same tree
    body.set("markdown", "1")
    _blocks_on_their_own_lines(body)
    written = etree.tostring(body, encoding="unicode", method="html")
    return written.replace("\t", "&#9;") + "\n"


def _blocks_on_their_own_lines(body: Element) -> None:
    """Start every block-level element on a line of its own. md_in_html reads a block element
    that starts after text on its line (`<li>A<ul>`) as inline markup, then takes its end tag
    for the end of the enclosing element of that name, and the page comes out broken. A line
    break between blocks is whitespace the page does not show."""
    for element in body.iterdescendants():
        if not isinstance(element.tag, str) or element.tag not in BLOCK_LEVEL or any(
                a.tag == "pre" for a in element.iterancestors()):
            continue
        before = element.getprevious()
        if before is None:
            parent = element.getparent()
            if not (parent.text or "").endswith("\n"):
                parent.text = (parent.text or "") + "\n"
        elif not (before.tail or "").endswith("\n"):
            before.tail = (before.tail or "") + "\n"


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
