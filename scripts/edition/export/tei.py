"""The edition as TEI P5 XML: header from the bibliography, one div per section, inline markup."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .. import dates
from ..model import AnnotationType as T, Block, BlockKind, Edition, Entity, Section, Span
from . import Artefact, file_stem
from .links import Permalinks
from .records import exported_spans, number

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "{http://www.w3.org/XML/1998/namespace}"
NAME_ELEMENTS = {"person": "persName", "organisation": "orgName", "group": "orgName",
                 "place": "placeName"}
BLOCK_TYPES = {BlockKind.CAPTION: "caption", BlockKind.DATELINE: "dateline",
               BlockKind.DUPLICATE: "duplicate", BlockKind.NOTE: "closing-note"}
EDITORS = "#editors"
METHOD = (
    ("segmentation", "The transmitted text is divided at its blank lines into blocks. Each "
                     "block is one p or head whose xml:id is its permanent id on the site: "
                     "title, a section id for a heading, p1, p2, … for the rest. Captions, the "
                     "repeated paragraph, the dateline and the closing note are p elements "
                     "with a type and a note giving the editors' reason."),
    ("correction", "Nothing is corrected in the text: likely errors are kept in sic, with "
                   "the likely reading in corr; lost text is marked by gap at the place it "
                   "was lost."),
    ("normalization", "None: spelling, accents, capitals and quotation marks are as "
                      "transmitted."),
    ("interpretation", "Every named person, organisation, group and place is tagged and points "
                       "to the register in standOff; dates carry their ISO 8601 value; "
                       "quotations name their speaker and source where known; figures carry "
                       "their value. Everything the editors add is in note, corr or an "
                       "attribute."),
)


def export_tei(edition: Edition, base_url: str) -> tuple[Artefact, ...]:
    return (Artefact(f"{file_stem(edition)}.tei.xml", "TEI P5 XML",
                     "The text with its structure and annotations encoded in TEI P5, for "
                     "digital-humanities tools.", "application/tei+xml",
                     tei_bytes(edition, Permalinks(edition, base_url)), "data/edition.tei.xml"),)


def tei_bytes(edition: Edition, links: Permalinks) -> bytes:
    root = _el("TEI", {"xmlns": TEI_NS, "xml:lang": "en"})  # plain tags, default namespace
    root.append(_header(edition, links))
    root.append(_stand_off(edition))
    text = _el("text")
    body = _sub(text, "body")
    for section in edition.sections:
        body.append(_section(edition, section))
    root.append(text)
    for container in root[:2]:  # the header and standOff hold no mixed content
        ET.indent(container, level=1)
    _layout(root, 0)
    _layout(text, 1)
    _layout(body, 2)
    for div in body:
        _layout(div, 3)
    xml = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{xml}\n'.encode("utf-8")


# --- the header ---------------------------------------------------------------------------

def _header(edition: Edition, links: Permalinks) -> ET.Element:
    art, ed = edition.bibliography.article, edition.bibliography.edition
    header = _el("teiHeader")
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", {"type": "main"}, ed.title)
    _sub(title_stmt, "title", {"type": "short"}, ed.short_title)
    for n, person in enumerate(ed.editors, start=1):
        _sub(title_stmt, "editor", {"xml:id": "editors" if n == 1 else f"editor-{n}",
                                    "role": person.role or "editor"}, person.name)
    _sub(_sub(file_desc, "editionStmt"), "edition", {"n": ed.version}, f"Version {ed.version}")
    publication = _sub(file_desc, "publicationStmt")
    _sub(publication, "publisher", text=ed.publisher)
    _sub(publication, "date", {"when": ed.date}, dates.human(ed.date))
    if links.base_url:
        _sub(publication, "idno", {"type": "URI"}, links.base_url)
    availability = _sub(publication, "availability")
    _sub(availability, "licence", {"target": ed.licence_url}, ed.licence)
    _sub(availability, "p", text=ed.text_licence_note)
    bibl = _sub(_sub(file_desc, "sourceDesc"), "bibl")
    _sub(bibl, "title", {"level": "a"}, art.title)
    _sub(bibl, "date", {"when": art.date}, dates.human(art.date))
    _sub(bibl, "publisher", text=art.publisher)
    _sub(bibl, "note", {"type": "attribution"}, f"{art.attribution}. {art.attribution_evidence}")
    _sub(bibl, "note", {"type": "original"}, art.original_note)
    _sub(bibl, "note", {"type": "description"}, art.description)
    _sub(bibl, "idno", {"type": "sha256"}, art.text_sha256)
    _sub(bibl, "textLang", {"mainLang": art.language})
    decl = _sub(_sub(header, "encodingDesc"), "editorialDecl")
    for element, text in METHOD:
        _sub(_sub(decl, element), "p", text=text)
    profile = _sub(header, "profileDesc")
    _sub(_sub(profile, "langUsage"), "language", {"ident": art.language})
    calendar = _sub(_sub(profile, "calendarDesc"), "calendar", {"xml:id": "edtf"})
    _sub(calendar, "p", text="Extended Date/Time Format (ISO 8601-2), for dates that are "
                             "approximate, uncertain or open intervals (@when-custom).")
    return header


def _stand_off(edition: Edition) -> ET.Element:
    stand_off = _el("standOff")
    persons = _sub(stand_off, "listPerson")
    orgs = _sub(stand_off, "listOrg")
    places = _sub(stand_off, "listPlace")
    for entity in edition.entities:
        if entity.type == "person":
            item = _sub(persons, "person", {"xml:id": entity.id})
        elif entity.type == "place":
            item = _sub(places, "place", {"xml:id": entity.id})
        else:
            item = _sub(orgs, "org", {"xml:id": entity.id, "type": entity.type})
        _entity_details(item, entity)
    events = _sub(stand_off, "listEvent")
    for event in edition.events:
        item = _sub(events, "event", {"xml:id": f"event-{event.id}", **_when(event.when)})
        _sub(item, "label", text=event.title)
        if event.description:
            _sub(item, "desc", text=event.description)
    for empty in [child for child in stand_off if len(child) == 0]:
        stand_off.remove(empty)
    return stand_off


def _entity_details(item: ET.Element, entity: Entity) -> None:
    name = NAME_ELEMENTS[entity.type]
    _sub(item, name, {"type": "preferred"}, entity.name)
    for form in entity.forms:
        if form != entity.name:
            _sub(item, name, {"type": "variant"}, form)
    if entity.coordinates:
        _sub(_sub(item, "location"), "geo", text=f"{entity.coordinates[0]} {entity.coordinates[1]}")
    if entity.wikidata:
        _sub(item, "idno", {"type": "wikidata"}, entity.wikidata)
    _sub(item, "note", {"type": "kind"}, entity.kind)
    _sub(item, "note", text=entity.description)


# --- the text -----------------------------------------------------------------------------

def _section(edition: Edition, section: Section) -> ET.Element:
    div = _el("div", {"type": "section", "n": section.id})
    if section.editorial_title:
        _sub(div, "note", {"type": "editorial", "resp": EDITORS},
             f"Section title supplied by the editors: {section.title}")
    for block in section.blocks:
        div.append(_block(edition, block))
    return div


def _block(edition: Edition, block: Block) -> ET.Element:
    if block.kind is BlockKind.TITLE:
        element = _el("head", {"xml:id": block.id, "type": "title"})
    elif block.kind is BlockKind.HEADING:
        element = _el("head", {"xml:id": block.id})
    else:
        element = _el("p", {"xml:id": block.id, "n": str(block.number)})
    if block.kind in BLOCK_TYPES:
        element.set("type", BLOCK_TYPES[block.kind])
        element.set("rend", BLOCK_TYPES[block.kind])
    if block.kind is BlockKind.DUPLICATE:
        original = next((b for b in edition.blocks if b is not block and
                         b.text.startswith(block.decision.duplicate_of)), None)
        if original:
            element.set("corresp", f"#{original.id}")
    spans = [s for s in exported_spans(edition) if s.block == block.id]
    entities = {e.id: e for e in edition.entities}
    _Filler(block.text, entities).fill(element, 0, len(block.text), spans)
    if block.decision and block.kind not in (BlockKind.TITLE, BlockKind.HEADING, BlockKind.TEXT):
        _sub(element, "note", {"type": "editorial", "resp": EDITORS}, block.decision.reason)
    return element


@dataclass(frozen=True)
class _Filler:
    """Writes a block's text into an element, wrapping each span in its markup."""

    text: str
    entities: dict[str, Entity]

    def fill(self, parent: ET.Element, start: int, end: int, spans: list[Span],
             gap: int = -1) -> None:
        """Fill `parent` with text[start:end]; `gap` is where a lacuna's lost text belongs."""
        at, index = start, 0
        while index < len(spans):
            span = spans[index]
            inner = [s for s in spans[index + 1:] if s.start < span.end]
            self._text(parent, at, span.start, gap, last=False)
            markup = _markup(span, self.entities)
            parent.append(markup.outer)
            inherited = gap if span.start <= gap < span.end else -1  # the gap lies inside
            self.fill(markup.content, span.start, span.end, inner,
                      span.gap if span.type is T.LACUNA else inherited)
            parent.extend(markup.after)
            at, index = span.end, index + 1 + len(inner)
        self._text(parent, at, end, gap, last=True)

    def _text(self, parent: ET.Element, start: int, end: int, gap: int, last: bool) -> None:
        if start <= gap < end or (last and gap == end):
            _append_text(parent, self.text[start:gap])
            parent.append(_el("gap", {"reason": "lost"}))
            start = gap
        _append_text(parent, self.text[start:end])


@dataclass(frozen=True)
class _Markup:
    """The element wrapping a span, the one its text goes into, and what follows it."""

    outer: ET.Element
    content: ET.Element
    after: tuple[ET.Element, ...] = ()


def _markup(span: Span, entities: dict[str, Entity]) -> _Markup:
    markup = _MARKUP[span.type](span, entities)
    note = (_note(span.annotation.note),) if span.annotation.note else ()
    return _Markup(markup.outer, markup.content, markup.after + note)


def _same(element: ET.Element, *after: ET.Element) -> _Markup:
    return _Markup(element, element, after)


def _mention(span: Span, entities: dict[str, Entity]) -> _Markup:
    entity = entities[span.annotation.entity]
    return _same(_el(NAME_ELEMENTS[entity.type], {"ref": f"#{entity.id}"}))


def _date(span: Span, entities: dict[str, Entity]) -> _Markup:
    return _same(_el("date", _when(span.annotation.when)))


def _quotation(span: Span, entities: dict[str, Entity]) -> _Markup:
    a = span.annotation
    quote = _el("quote", {"type": a.kind, "source": f"#{a.source}" if a.source else ""})
    after = (_note(_quotation_note(span)),) if a.speaker_label or a.lacuna else ()
    if a.speaker:  # TEI gives a speaker (@who) to said, not to quote
        return _Markup(quote, _sub(quote, "said", {"who": f"#{a.speaker}"}), after)
    return _same(quote, *after)


def _lacuna(span: Span, entities: dict[str, Entity]) -> _Markup:
    a = span.annotation
    trace = _el("seg", {"type": "lacuna-trace", "corresp": f"#lacuna-{a.id}"})
    lost = _note(f"Lost in transmission: {a.lost}.", {"xml:id": f"lacuna-{a.id}",
                                                      "type": "lacuna"})
    if not a.conjecture_entity:
        return _same(trace, lost)
    entity = entities[a.conjecture_entity]
    conjecture = _note("", {"type": "conjecture", "target": f"#lacuna-{a.id}"})
    _sub(conjecture, "rs", {"ref": f"#{entity.id}"}, entity.name).tail = \
        f": {a.conjecture_evidence}"
    return _same(trace, lost, conjecture)


def _sic(span: Span, entities: dict[str, Entity]) -> _Markup:
    choice = _el("choice")
    sic = _sub(choice, "sic")
    _sub(choice, "corr", {"resp": EDITORS}, span.annotation.reading)
    return _Markup(choice, sic)


def _figure(span: Span, entities: dict[str, Entity]) -> _Markup:
    a = span.annotation
    return _same(_el("num", {"value": f"{number(a.value)}", "type": a.qualifier}),
                 _note(f"{a.qualifier} {number(a.value)} {a.unit}: {a.counts}.",
                       {"type": "figure"}))


def _editorial_note(span: Span, entities: dict[str, Entity]) -> _Markup:
    return _same(_el("seg", {"type": "annotated"}))


_MARKUP = {T.MENTION: _mention, T.DATE: _date, T.QUOTATION: _quotation, T.LACUNA: _lacuna,
           T.SIC: _sic, T.FIGURE: _figure, T.NOTE: _editorial_note}


def _quotation_note(span: Span) -> str:
    a = span.annotation
    parts = [f"Said by {a.speaker_label}." if a.speaker_label else ""]
    if a.lacuna:
        parts.append(f"The reporting source's name was lost (lacuna {a.lacuna}).")
    return " ".join(p for p in parts if p)


def _note(text: str, attributes: dict[str, str] | None = None) -> ET.Element:
    return _el("note", {"type": "editorial", "resp": EDITORS, **(attributes or {})}, text)


def _when(value: str) -> dict[str, str]:
    """TEI dating attributes for an ISO 8601 / EDTF value."""
    start, _, end = value.partition("/")
    if end and _w3c(start) and _w3c(end):
        return {"from": _w3c(start), "to": _w3c(end)}
    if not end and _w3c(value):
        return {"when": _w3c(value)}
    return {"when-custom": value, "datingMethod": "#edtf"}


def _w3c(value: str) -> str:
    """The value as a W3C date (seconds added to a time), or '' if it is not one."""
    if not dates.html_datetime(value) or dates.problem_with(value):
        return ""
    return value + ":00" if re.fullmatch(r".*T\d{2}:\d{2}", value) else value


# --- element helpers ----------------------------------------------------------------------

def _el(tag: str, attributes: dict[str, str] | None = None, text: str = "") -> ET.Element:
    element = ET.Element(tag)
    for key, value in (attributes or {}).items():
        if value:  # an empty value means: leave the attribute out
            element.set(key.replace("xml:", XML_NS), value)
    if text:
        element.text = text
    return element


def _sub(parent: ET.Element, tag: str, attributes: dict[str, str] | None = None,
         text: str = "") -> ET.Element:
    element = _el(tag, attributes, text)
    parent.append(element)
    return element


def _append_text(parent: ET.Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _layout(container: ET.Element, depth: int) -> None:
    """Indent a container's children one per line (never inside mixed content)."""
    container.text = "\n" + "  " * (depth + 1)
    for child in container:
        child.tail = "\n" + "  " * (depth + 1)
    if len(container):
        container[-1].tail = "\n" + "  " * depth
