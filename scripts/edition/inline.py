"""Stage 3a: one block's text with its spans as Markdown (inline HTML for non-link spans)."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable

from . import dates
from .model import Annotation, AnnotationType as T, Block, Span

# Characters Python-Markdown would read as syntax inside running text ("|" in tables).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|-])")
_LIST_START = re.compile(r"^(\s*)(\d+)([.)])")
_LINE_BREAK = re.compile(r"\s*[\n\r]\s*")
_CODE_INDENT = re.compile(r"^(?= {0,3}\t| {4})[ \t]")  # four spaces or a tab start code
# In an attribute, every character Markdown's inline patterns could act on before they reach
# the raw HTML tag (a link, code, an escape, a line break) is a character reference, and so are
# the HTML specials: the attribute holds the text and nothing else.
_ATTRIBUTE_REFERENCES = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()!#|~\n\r"} | {
    ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#x27;"}


def escape_text(text: str) -> str:
    """Escape text so Markdown renders it character for character, as plain text: no markup,
    no link, and a line break in a field is a space, never a new block."""
    escaped = html.escape(_LINE_BREAK.sub(" ", text), quote=False)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    escaped = _CODE_INDENT.sub(lambda m: f"&#{ord(m[0])};", escaped)
    return _LIST_START.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}", escaped)


def attribute(text: str) -> str:
    """Escape text for a double-quoted HTML attribute, in Markdown or in raw HTML."""
    return text.translate(_ATTRIBUTE_REFERENCES)


def html_text(text: str) -> str:
    """Escape text for the content of a raw HTML block, which Markdown leaves as it is."""
    return html.escape(text, quote=False)


def figure_value(a: Annotation) -> str:
    """A figure as a reader says it: 'more than 50 dead', '8 tanks'."""
    qualifier = "" if a.qualifier == "exact" else a.qualifier.replace("-", " ") + " "
    return f"{qualifier}{a.value:g} {a.unit}"


def description_id(entity_id: str) -> str:
    """The id of an entity's description in a page's hidden description list."""
    return f"about-{entity_id}"


def description_list(descriptions: dict[str, str]) -> str:
    """Raw HTML: each mentioned entity's description once, hidden, for aria-describedby.
    Kept out of the search index: it is not the page's text."""
    items = "".join(f'<span id="{description_id(entity)}">{html.escape(text, quote=False)}</span>'
                    for entity, text in descriptions.items())
    return f'<div class="mention-descriptions ed" hidden data-search-exclude>{items}</div>\n'


@dataclass
class _Node:
    span: Span | None
    start: int
    end: int
    children: list["_Node"] = field(default_factory=list)


@dataclass(frozen=True)
class Links:
    """How the inline renderer reaches other pages, supplied by the page renderer."""

    entity_href: Callable[[str], str]
    entity_description: Callable[[str], str]
    note_marker: Callable[[Span], str]


def render_block_text(block: Block, spans: tuple[Span, ...], links: Links) -> str:
    """The block's text as Markdown, each span wrapped in its markup."""
    root = _Node(None, 0, len(block.text))
    for span in spans:
        if span.type is not T.NOT_MENTION:
            _insert(root, _Node(span, span.start, span.end))
    return _render(root, block.text, links)


def _insert(parent: _Node, node: _Node) -> None:
    for child in parent.children:
        if child.start <= node.start and node.end <= child.end:
            _insert(child, node)
            return
    parent.children.append(node)


def _render(node: _Node, text: str, links: Links) -> str:
    parts, at = [], node.start
    for child in sorted(node.children, key=lambda c: c.start):
        parts.append(escape_text(text[at:child.start]))
        parts.append(_wrap(child, text, links))
        at = child.end
    parts.append(escape_text(text[at:node.end]))
    return "".join(parts)


def _wrap(node: _Node, text: str, links: Links) -> str:
    span = node.span
    a = span.annotation
    inner = _render(node, text, links)
    if span.type is T.MENTION:
        # Raw HTML, not a Markdown link with an attribute list: attr_list cannot hold any
        # text (a "}" ends it). The description shows as a CSS tooltip (data-description,
        # edition.css) and screen readers hear it once, from the page's hidden list
        # (aria-describedby, description_list); no title, which would show and be read twice.
        return (f'<a class="mention" href="{links.entity_href(a.entity)}" '
                f'data-entity="{a.entity}" aria-describedby="{description_id(a.entity)}" '
                f'data-description="{attribute(links.entity_description(a.entity))}">'
                f"{inner}</a>")
    if span.type is T.DATE:
        machine = dates.html_datetime(a.when)
        label = attribute(f"{dates.human(a.when)} ({a.when})")
        if machine:
            return f'<time class="date" datetime="{machine}" title="{label}">{inner}</time>'
        return f'<span class="date" data-when="{attribute(a.when)}" title="{label}">{inner}</span>'
    if span.type is T.LACUNA:
        before = _render(_Node(None, node.start, span.gap, [c for c in node.children
                                                          if c.end <= span.gap]), text, links)
        after = _render(_Node(None, span.gap, node.end, [c for c in node.children
                                                       if c.start >= span.gap]), text, links)
        # Before a word ("how ⟨…⟩described") the marker needs room on its right; before
        # punctuation ("(⟨…⟩, October 13)") it must not have it.
        spacing = " before-word" if text[span.gap:span.gap + 1].isalnum() else ""
        marker = (f'<span class="ed gap{spacing}" role="note" aria-label="Editorial: lost in '
                  f'transmission: {attribute(a.lost)}" title="{attribute(a.lost)}">⟨…⟩</span>')
        return (f'<span class="lacuna" id="{a.id}">{before}{marker}{after}</span>'
                f"{links.note_marker(span)}")
    css = {T.QUOTATION: "quotation", T.SIC: "sic", T.FIGURE: "figure", T.NOTE: "noted"}[span.type]
    extra = ""
    if span.type is T.SIC:
        extra = f' title="sic; read: {attribute(a.reading)}"'
    if span.type is T.FIGURE:
        extra = (f' data-value="{a.value:g}" title="{attribute(figure_value(a))}: '
                 f'{attribute(a.counts)}"')
    marker = links.note_marker(span) if span.type in (T.QUOTATION, T.SIC, T.NOTE) else ""
    return f'<span class="{css}"{extra}>{inner}</span>{marker}'
