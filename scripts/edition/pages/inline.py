"""One block's text as an element, each span wrapped in its markup, and the words the editors
say about a span (wording.py) as nodes."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .. import dates, wording
from ..doc import Nodes, h
from ..doc.tree import Element
from ..i18n import Messages
from ..model import AnnotationType as T, Block, Span
from ..wording import Emphasis, LacunaRef, Name


def words_nodes(words: wording.Words, entity_href: Callable[[str], str] | None = None,
                lacuna_href: Callable[[str], str] | None = None) -> list[Nodes]:
    """Words as nodes; names and lacunae are links when their hrefs are given."""
    out: list[Nodes] = []
    for part in words:
        node: Nodes = part.text
        if isinstance(part, Emphasis):
            node = h("strong" if part.strong else "em", part.text)
        elif isinstance(part, Name) and entity_href:
            node = h("a", {"href": entity_href(part.entity)}, part.text)
        elif isinstance(part, LacunaRef) and lacuna_href:
            node = h("a", {"href": lacuna_href(part.lacuna)}, part.text)
        out.append(node)
    return out


def statements_nodes(statements: tuple[wording.Statement, ...],
                     entity_href: Callable[[str], str] | None = None,
                     lacuna_href: Callable[[str], str] | None = None) -> list[Nodes]:
    """What the editors say about a span, one statement after the other."""
    out: list[Nodes] = []
    for n, statement in enumerate(statements):
        out += ([" "] if n else []) + words_nodes(statement.words, entity_href, lacuna_href)
    return out


def description_id(entity_id: str) -> str:
    """The id of an entity's description in a page's hidden description list."""
    return f"about-{entity_id}"


def description_list(entities) -> Element:
    """Each mentioned entity's description once, hidden, for aria-describedby, with its name
    and type for the paragraph panel (panel.js). Kept out of the search index: it is not the
    page's text."""
    return h("div", {"class": "mention-descriptions ed", "hidden": "", "data-search-exclude": ""},
             [h("span", {"id": description_id(e.id), "data-name": e.name, "data-type": e.type},
                e.description) for e in entities])


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
    note_marker: Callable[[Span, int], Element]  # the call of a span's note, given its number


@dataclass(frozen=True)
class Rendered:
    """A block's text as nodes, and the spans whose notes it calls, in their order."""

    nodes: list[Nodes]
    notes: tuple[Span, ...]


NOTED = (T.QUOTATION, T.SIC, T.NOTE, T.LACUNA)  # the spans whose notes the text calls


def calls_note(span: Span) -> bool:
    """Whether the text calls a note on this span (a mention only when it has a note)."""
    return span.type in NOTED or (span.type is T.MENTION and bool(span.annotation.note))


def render_block_text(block: Block, spans: tuple[Span, ...], links: Links, m: Messages,
                      first_note: int = 1) -> Rendered:
    """The block's text as nodes, each span wrapped in its markup; its note calls are
    numbered from `first_note`."""
    root = _Node(None, 0, len(block.text))
    for span in spans:
        if span.type is not T.NOT_MENTION:
            _insert(root, _Node(span, span.start, span.end))
    noted = list(_noted(root))
    numbers = {id(node): n for n, node in enumerate(noted, start=first_note)}
    renderer = _Renderer(block.text, links, numbers, m)
    return Rendered(renderer.render(root), tuple(node.span for node in noted))


def _noted(node: _Node):
    """The nodes that call a note, in the order of their calls: a call follows its span, so
    the notes of spans inside a span come before its own."""
    for child in sorted(node.children, key=lambda c: c.start):
        yield from _noted(child)
    if node.span is not None and calls_note(node.span):
        yield node


def _insert(parent: _Node, node: _Node) -> None:
    for child in parent.children:
        if child.start <= node.start and node.end <= child.end:
            _insert(child, node)
            return
    parent.children.append(node)


@dataclass(frozen=True)
class _Renderer:
    text: str
    links: Links
    numbers: dict[int, int]  # id(node) -> its note's number
    m: Messages

    def marker(self, node: _Node) -> Element:
        return self.links.note_marker(node.span, self.numbers[id(node)])

    def render(self, node: _Node) -> list[Nodes]:
        parts: list[Nodes] = []
        at = node.start
        for child in sorted(node.children, key=lambda c: c.start):
            parts.append(self.text[at:child.start])
            parts.append(self.wrap(child))
            at = child.end
        parts.append(self.text[at:node.end])
        return parts

    def wrap(self, node: _Node) -> list[Nodes]:
        span, m = node.span, self.m
        a = span.annotation
        inner = self.render(node)
        if span.type is T.MENTION:
            # The description shows as a CSS tooltip (data-description, edition.css) and screen
            # readers hear it once, from the page's hidden list (aria-describedby,
            # description_list); no title, which would show and be read twice.
            return [h("a", {"class": "mention", "href": self.links.entity_href(a.entity),
                            "data-entity": a.entity,
                            "aria-describedby": description_id(a.entity),
                            "data-description": self.links.entity_description(a.entity)}, inner),
                    self.marker(node) if a.note else None]
        if span.type is T.DATE:
            machine = dates.html_datetime(a.when)
            label = wording.date_label(a.when, m)
            if machine:
                return [h("time", {"class": "date", "datetime": machine, "title": label}, inner)]
            return [h("span", {"class": "date", "data-when": a.when, "title": label}, inner)]
        if span.type is T.LACUNA:
            before = self.render(_Node(None, node.start, span.gap,
                                       [c for c in node.children if c.end <= span.gap]))
            after = self.render(_Node(None, span.gap, node.end,
                                      [c for c in node.children if c.start >= span.gap]))
            # Before a word ("how ⟨…⟩described") the marker needs room on its right; before
            # punctuation ("(⟨…⟩, October 13)") it must not have it.
            spacing = " before-word" if self.text[span.gap:span.gap + 1].isalnum() else ""
            # The mark ⟨…⟩ is drawn by edition.css: it is not a character of the text, so a
            # reader who copies the paragraph copies the transmitted words alone.
            marker = h("span", {"class": f"ed gap{spacing}", "role": "note",
                                "aria-label": m._("Editorial: lost in transmission: {lost}",
                                                  lost=a.lost),
                                "title": a.lost})
            return [h("span", {"class": "lacuna", "id": a.id}, before, marker, after),
                    self.marker(node)]
        css = {T.QUOTATION: "quotation", T.SIC: "sic", T.FIGURE: "figure", T.NOTE: "noted"}[span.type]
        attrs: dict[str, object] = {"class": css}
        if span.type is T.SIC:
            attrs["title"] = m._("sic; read: {reading}", reading=a.reading)
        if span.type is T.FIGURE:
            attrs.update({"data-value": f"{a.value:g}", "title": wording.figure_gloss(a, m)})
        return [h("span", attrs, inner), self.marker(node) if span.type in NOTED else None]
