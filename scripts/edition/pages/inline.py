"""One block's text as an element, each span wrapped in its markup, and the words the editors
say about a span (wording.py) as nodes."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .. import wording
from ..doc import Nodes, h
from ..doc.tree import Element
from ..i18n import Messages
from ..kinds import Inline, kind_of
from ..model import Block, Span
from ..wording import BlockRef, Emphasis, LacunaRef, Name


@dataclass(frozen=True)
class PartLinks:
    """Where a page links the parts of the editors' words: an entity, a lacuna, a block."""

    entity: Callable[[str], str]
    lacuna: Callable[[str], str]
    block: Callable[[str], str]

    def href(self, part: wording.Part) -> str | None:
        if isinstance(part, Name):
            return self.entity(part.entity)
        if isinstance(part, LacunaRef):
            return self.lacuna(part.lacuna)
        if isinstance(part, BlockRef):
            return self.block(part.block)
        return None


def words_nodes(words: wording.Words, links: PartLinks | None = None) -> list[Nodes]:
    """Words as nodes; names, lacunae and blocks are links where `links` are given."""
    out: list[Nodes] = []
    for part in words:
        href = links.href(part) if links else None
        if isinstance(part, Emphasis):
            out.append(h("strong" if part.strong else "em", part.text))
        else:
            out.append(h("a", {"href": href}, part.text) if href else part.text)
    return out


def statements_nodes(statements: tuple[wording.Statement, ...],
                     links: PartLinks | None = None) -> list[Nodes]:
    """What the editors say about a span, one statement after the other."""
    out: list[Nodes] = []
    for n, statement in enumerate(statements):
        out += ([" "] if n else []) + words_nodes(statement.words, links)
    return out


def description_id(entity_id: str) -> str:
    """The id of an entity's description in a page's hidden description list."""
    return f"about-{entity_id}"


def description_list(entities, described: Callable[[str], str]) -> Element:
    """Each mentioned entity's description once (`described`: as the tooltip gives it), hidden,
    for aria-describedby, with its name and type for the paragraph panel (panel.js). Kept out
    of the search index: it is not the page's text."""
    return h("div", {"class": "mention-descriptions ed", "hidden": "", "data-search-exclude": ""},
             [h("span", {"id": description_id(e.id), "data-name": e.name, "data-type": e.type},
                described(e.id)) for e in entities])


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


def calls_note(span: Span) -> bool:
    """Whether the text calls a note on this span (its kind says: a mention only when it has
    a note)."""
    return kind_of(span).calls_note(span.annotation)


def render_block_text(block: Block, spans: tuple[Span, ...], links: Links, m: Messages,
                      first_note: int = 1) -> Rendered:
    """The block's text as nodes, each span wrapped in its kind's markup; its note calls are
    numbered from `first_note`."""
    root = _Node(None, 0, len(block.text))
    for span in spans:
        if kind_of(span).shown:
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
        return kind_of(node.span).html(node.span, self.render(node), _SpanOut(self, node))


@dataclass(frozen=True)
class _SpanOut(Inline):
    """What a kind's markup may use while one span is written (kinds/base.Inline)."""

    renderer: _Renderer
    node: _Node

    @property
    def m(self) -> Messages:
        return self.renderer.m

    @property
    def text(self) -> str:
        return self.renderer.text

    def marker(self) -> Element:
        return self.renderer.links.note_marker(self.node.span, self.renderer.numbers[id(self.node)])

    def entity_href(self, entity_id: str) -> str:
        return self.renderer.links.entity_href(entity_id)

    def entity_description(self, entity_id: str) -> str:
        return self.renderer.links.entity_description(entity_id)

    def described_by(self, entity_id: str) -> str:
        return description_id(entity_id)

    def split_at(self, offset: int) -> tuple[list[Nodes], list[Nodes]]:
        """The span's text and inner spans, cut at `offset` (a lacuna's gap)."""
        node = self.node
        return (self.renderer.render(_Node(None, node.start, offset,
                                           [c for c in node.children if c.end <= offset])),
                self.renderer.render(_Node(None, offset, node.end,
                                           [c for c in node.children if c.start >= offset])))
