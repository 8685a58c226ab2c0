"""One block's text with its spans as Markdown (inline HTML for non-link spans)."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable

from .. import dates, wording
from ..model import AnnotationType as T, Block, Span
from ..wording import Emphasis, LacunaRef, Name, Statement, figure_value  # noqa: F401 (re-exported)

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


def statements_markdown(statements: tuple[Statement, ...], entity_href: Callable[[str], str],
                        lacuna_href: Callable[[str], str]) -> str:
    """What the editors say about a span (wording.py) as Markdown, entities and lacunae linked."""
    return " ".join(words_markdown(s.words, entity_href, lacuna_href) for s in statements)


def words_markdown(words: wording.Words, entity_href: Callable[[str], str] | None = None,
                   lacuna_href: Callable[[str], str] | None = None) -> str:
    """Words as Markdown; names and lacunae are links when their hrefs are given."""
    parts = []
    for part in words:
        text = escape_text(part.text)
        if isinstance(part, Emphasis):
            text = f"**{text}**" if part.strong else f"*{text}*"
        elif isinstance(part, Name) and entity_href:
            text = f"[{text}]({entity_href(part.entity)})"
        elif isinstance(part, LacunaRef) and lacuna_href:
            text = f"[{text}]({lacuna_href(part.lacuna)})"
        parts.append(text)
    return "".join(parts)


def description_id(entity_id: str) -> str:
    """The id of an entity's description in a page's hidden description list."""
    return f"about-{entity_id}"


def description_list(entities) -> str:
    """Raw HTML: each mentioned entity's description once, hidden, for aria-describedby, with
    its name and type for the paragraph panel (panel.js). Kept out of the search index: it is
    not the page's text."""
    items = "".join(f'<span id="{description_id(e.id)}" data-name="{html.escape(e.name)}" '
                    f'data-type="{e.type}">{html.escape(e.description, quote=False)}</span>'
                    for e in entities)
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
    note_marker: Callable[[Span, int], str]  # the call of a span's note, given its number


@dataclass(frozen=True)
class Rendered:
    """A block's text as Markdown, and the spans whose notes it calls, in their order."""

    text: str
    notes: tuple[Span, ...]


NOTED = (T.QUOTATION, T.SIC, T.NOTE, T.LACUNA)  # the spans whose notes the text calls


def calls_note(span: Span) -> bool:
    """Whether the text calls a note on this span (a mention only when it has a note)."""
    return span.type in NOTED or (span.type is T.MENTION and bool(span.annotation.note))


def render_block_text(block: Block, spans: tuple[Span, ...], links: Links,
                      first_note: int = 1) -> Rendered:
    """The block's text as Markdown, each span wrapped in its markup; its note calls are
    numbered from `first_note`."""
    root = _Node(None, 0, len(block.text))
    for span in spans:
        if span.type is not T.NOT_MENTION:
            _insert(root, _Node(span, span.start, span.end))
    noted = list(_noted(root))
    numbers = {id(node): n for n, node in enumerate(noted, start=first_note)}
    return Rendered(_render(root, block.text, _Numbered(links, numbers)),
                    tuple(node.span for node in noted))


def _noted(node: _Node):
    """The nodes that call a note, in the order of their calls: a call follows its span, so
    the notes of spans inside a span come before its own."""
    for child in sorted(node.children, key=lambda c: c.start):
        yield from _noted(child)
    if node.span is not None and calls_note(node.span):
        yield node


@dataclass(frozen=True)
class _Numbered:
    links: Links
    numbers: dict[int, int]  # id(node) -> its note's number

    def marker(self, node: _Node) -> str:
        return self.links.note_marker(node.span, self.numbers[id(node)])


def _insert(parent: _Node, node: _Node) -> None:
    for child in parent.children:
        if child.start <= node.start and node.end <= child.end:
            _insert(child, node)
            return
    parent.children.append(node)


def _render(node: _Node, text: str, links: _Numbered) -> str:
    parts, at = [], node.start
    for child in sorted(node.children, key=lambda c: c.start):
        parts.append(escape_text(text[at:child.start]))
        parts.append(_wrap(child, text, links))
        at = child.end
    parts.append(escape_text(text[at:node.end]))
    return "".join(parts)


def _wrap(node: _Node, text: str, links: _Numbered) -> str:
    span = node.span
    a = span.annotation
    inner = _render(node, text, links)
    if span.type is T.MENTION:
        # Raw HTML, not a Markdown link with an attribute list: attr_list cannot hold any
        # text (a "}" ends it). The description shows as a CSS tooltip (data-description,
        # edition.css) and screen readers hear it once, from the page's hidden list
        # (aria-describedby, description_list); no title, which would show and be read twice.
        return (f'<a class="mention" href="{links.links.entity_href(a.entity)}" '
                f'data-entity="{a.entity}" aria-describedby="{description_id(a.entity)}" '
                f'data-description="{attribute(links.links.entity_description(a.entity))}">'
                f"{inner}</a>" + (links.marker(node) if a.note else ""))
    if span.type is T.DATE:
        machine = dates.html_datetime(a.when)
        label = attribute(wording.date_label(a.when))
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
        # The mark ⟨…⟩ is drawn by edition.css: it is not a character of the text, so a reader
        # who copies the paragraph copies the transmitted words alone.
        marker = (f'<span class="ed gap{spacing}" role="note" aria-label="Editorial: lost in '
                  f'transmission: {attribute(a.lost)}" title="{attribute(a.lost)}"></span>')
        return (f'<span class="lacuna" id="{a.id}">{before}{marker}{after}</span>'
                f"{links.marker(node)}")
    css = {T.QUOTATION: "quotation", T.SIC: "sic", T.FIGURE: "figure", T.NOTE: "noted"}[span.type]
    extra = ""
    if span.type is T.SIC:
        extra = f' title="sic; read: {attribute(a.reading)}"'
    if span.type is T.FIGURE:
        extra = f' data-value="{a.value:g}" title="{attribute(wording.figure_gloss(a))}"'
    marker = links.marker(node) if span.type in NOTED else ""
    return f'<span class="{css}"{extra}>{inner}</span>{marker}'
