"""The TEI's text: one div per section, each block with its inline markup and notes."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ... import wording
from ...i18n import messages
from ...kinds import TeiMarkup, kind_of, statements
from ...model import Block, BlockKind, Edition, Section, Span
from ...kinds import AnnotationType as T
from ...wording import BlockRef, Emphasis, Label, LacunaRef, Name, When
from ..records import exported_spans, number
from .elements import (EDITORS, NAME_ELEMENTS, append_text, claim, comparison_id, el, evidence,
                       statement, sub, when)
from .standoff import QuotationSources, quotation_element

# The kinds of block the editors distinguish: categories of the header's taxonomy, which each
# such block points at with @ana (p has no @type in TEI).
BLOCK_KINDS = {BlockKind.CAPTION: "kind-caption", BlockKind.DATELINE: "kind-dateline",
               BlockKind.DUPLICATE: "kind-duplicate", BlockKind.NOTE: "kind-closing-note"}
# Blocks TEI has an element for where they end a division (model.divBottom).
DIV_BOTTOM = {BlockKind.DATELINE: "dateline", BlockKind.NOTE: "trailer"}
# The kinds of quotation (source/README.md), categories the quotations point at with @ana.
QUOTATION_KINDS = {"report": "Quoted from a news report", "speech": "Words of a speaker",
                   "slogan": "A slogan, chanted or a watchword",
                   "document": "Quoted from a resolution or decree",
                   "term": "A quoted word or phrase, often a scare quote"}


def section(edition: Edition, section: Section, sources: QuotationSources) -> ET.Element:
    div = el("div", {"type": "section", "n": section.id})
    if section.editorial_title:
        sub(div, "note", {"type": "editorial", "resp": EDITORS},
             wording.supplied_title(section.title, messages('en')))
    if section.summary:
        sub(sub(div, "argument", {"resp": EDITORS}), "p", text=section.summary)
    for n, block in enumerate(section.blocks):
        at_bottom = all(b.kind in DIV_BOTTOM for b in section.blocks[n:])
        div.append(_block(edition, block, sources, at_bottom))
    return div


def _block(edition: Edition, block: Block, sources: QuotationSources,
           at_bottom: bool) -> ET.Element:
    """The block's element (the one with its xml:id) and, for a caption, the figure around it."""
    outer = None
    attributes = {"xml:id": block.id, "n": str(block.number) if block.number else "",
                  "ana": f"#{BLOCK_KINDS[block.kind]}" if block.kind in BLOCK_KINDS else ""}
    if block.kind is BlockKind.TITLE:
        element = el("head", {"xml:id": block.id, "type": "title"})
    elif block.kind is BlockKind.HEADING:
        element = el("head", {"xml:id": block.id})
    elif block.kind is BlockKind.CAPTION:  # the caption of a photograph that was not transmitted
        outer = el("figure")
        element = sub(outer, "head", attributes)
    elif block.kind in DIV_BOTTOM and at_bottom:
        element = el(DIV_BOTTOM[block.kind], attributes)
    else:
        element = el("p", attributes)
    if block.kind is BlockKind.DUPLICATE:
        original = next((b for b in edition.blocks if b is not block and
                         b.text.startswith(block.decision.duplicate_of)), None)
        if original:
            element.set("corresp", f"#{original.id}")
    spans = [s for s in exported_spans(edition) if s.block == block.id]
    _Filler(block.text, edition, sources).fill(element, 0, len(block.text), spans)
    if block.decision and block.kind not in (BlockKind.TITLE, BlockKind.HEADING, BlockKind.TEXT):
        claim(element, "note", {"type": "reason", "resp": EDITORS}, block.decision.reason,
              block.decision, edition)
    return element if outer is None else outer


@dataclass(frozen=True)
class _Filler:
    """Writes a block's text into an element, wrapping each span in its markup."""

    text: str
    edition: Edition
    sources: QuotationSources

    def fill(self, parent: ET.Element, start: int, end: int, spans: list[Span],
             lacuna: Span | None = None) -> None:
        """Fill `parent` with text[start:end]; `lacuna`'s gap, if inside, is where its lost
        text belongs."""
        at, index = start, 0
        while index < len(spans):
            span = spans[index]
            inner = [s for s in spans[index + 1:] if s.start < span.end]
            self._text(parent, at, span.start, lacuna, last=False)
            markup = _markup(span, self.edition, self.sources)
            parent.append(markup.outer)
            inherited = lacuna if lacuna and span.start <= lacuna.gap < span.end else None
            self.fill(markup.content, span.start, span.end, inner,
                      span if span.type == T.LACUNA else inherited)
            parent.extend(markup.after)
            at, index = span.end, index + 1 + len(inner)
        self._text(parent, at, end, lacuna, last=True)

    def _text(self, parent: ET.Element, start: int, end: int, lacuna: Span | None,
              last: bool) -> None:
        gap = lacuna.gap if lacuna else -1
        if start <= gap < end or (last and gap == end):
            append_text(parent, self.text[start:gap])
            a = lacuna.annotation
            sub(sub(parent, "gap", {"reason": "lost", "xml:id": a.id}), "desc", text=a.lost)
            start = gap
        append_text(parent, self.text[start:end])


@dataclass(frozen=True)
class _Markup:
    """The element wrapping a span, the one its text goes into, and what follows it."""

    outer: ET.Element
    content: ET.Element
    after: tuple[ET.Element, ...] = ()


def _markup(span: Span, edition: Edition, sources: QuotationSources) -> _Markup:
    """The span's element (its kind's, kinds/), then one note per thing the editors say."""
    markup = kind_of(span).tei(span, _Tei(edition, sources, span))
    said = statements(edition, span, messages('en'))
    # The sources a span's annotation cites support what is said last (grounded there, as
    # kinds.base.grounded_statements does), or a lacuna's conjecture.
    carrier = next((s for s in said if s.role == "conjecture"), None) \
        if span.type == T.LACUNA else (said[-1] if said else None)
    notes = tuple(_saidnote(span, s, edition, s is carrier) for s in said)
    return _Markup(markup.outer, markup.content, markup.after + notes)


def _saidnote(span: Span, said: wording.Statement, edition: Edition,
              carries: bool) -> ET.Element:
    a = span.annotation
    kind = {"gloss": kind_of(span).gloss_type, "note": "editorial",
            "conjecture": "conjecture"}[said.role]
    target = f"#{a.id}" if span.type == T.LACUNA and said.role != "note" else ""
    note = _note("", {"type": kind, "target": target,
                      **(statement(a.sources, a.basis) if carries else {})})
    for part in said.words:
        if isinstance(part, Name):
            sub(note, "rs", {"ref": f"#{part.entity}"}, part.text)
        elif isinstance(part, Label):
            sub(note, "rs", {"type": "speaker"}, part.text)
        elif isinstance(part, When):
            sub(note, "date", when(part.value), part.text)
        elif isinstance(part, (LacunaRef, BlockRef)):
            target = part.lacuna if isinstance(part, LacunaRef) else part.block
            sub(note, "ref", {"target": f"#{target}"}, part.text)
        elif isinstance(part, Emphasis):
            sub(note, "hi", {"rend": "bold" if part.strong else "italic"}, part.text)
        else:
            append_text(note, part.text)
    if carries:
        evidence(note, a, edition)
    return note


@dataclass(frozen=True)
class _Tei(TeiMarkup):
    """What a kind's TEI markup may use (kinds/base.TeiMarkup)."""

    edition: Edition
    sources: QuotationSources
    span: Span

    def element(self, tag: str, attributes: dict[str, str]) -> _Markup:
        element = el(tag, attributes)
        return _Markup(element, element)

    def name(self, entity_id: str) -> _Markup:
        entity = self.edition.entity(entity_id)
        return self.element(NAME_ELEMENTS[entity.type], {"ref": f"#{entity.id}"})

    def choice(self, reading: str) -> _Markup:
        """The transmitted text as sic, the editors' reading as corr."""
        choice = el("choice")
        sic = sub(choice, "sic")
        sub(choice, "corr", {"resp": EDITORS}, reading)
        return _Markup(choice, sic)

    when = staticmethod(when)
    number = staticmethod(number)
    quotation_element = staticmethod(quotation_element)

    def quoted_from(self, span: Span) -> str:
        quoted = self.sources.id(span)
        return f"#{quoted}" if quoted else ""

    def comparisons(self, span: Span) -> str:
        return " ".join(f"#{comparison_id(c.id)}" for c in self.edition.source.record.comparisons
                        if any((f.block, f.text) == (span.block, span.text) for f in c.figures))


def _note(text: str, attributes: dict[str, str] | None = None) -> ET.Element:
    return el("note", {"type": "editorial", "resp": EDITORS, **(attributes or {})}, text)
