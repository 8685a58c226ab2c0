"""The edition as TEI P5 XML: header from the bibliography, one div per section, inline markup."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .. import dates, wording
from ..model import AnnotationType as T, Block, BlockKind, Edition, Entity, Section, Span
from ..wording import Label, LacunaRef, Name, When
from . import Artefact, file_stem
from .links import Permalinks
from .records import exported_spans, number

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "{http://www.w3.org/XML/1998/namespace}"
NAME_ELEMENTS = {"person": "persName", "organisation": "orgName", "group": "orgName",
                 "place": "placeName"}
# The kinds of block the editors distinguish: categories of the header's taxonomy, which each
# such block points at with @ana (p has no @type in TEI).
BLOCK_KINDS = {BlockKind.CAPTION: "kind-caption", BlockKind.DATELINE: "kind-dateline",
               BlockKind.DUPLICATE: "kind-duplicate", BlockKind.NOTE: "kind-closing-note"}
# Blocks TEI has an element for where they end a division (model.divBottom).
DIV_BOTTOM = {BlockKind.DATELINE: "dateline", BlockKind.NOTE: "trailer"}
# Spoken words are said (with @who), words from a report or a document quote, a quoted term q.
QUOTATION_ELEMENTS = {"speech": "said", "slogan": "said", "report": "quote", "document": "quote",
                      "term": "q"}
# The kinds of quotation (source/README.md), categories the quotations point at with @ana.
QUOTATION_KINDS = {"report": "Quoted from a news report", "speech": "Words of a speaker",
                   "slogan": "A slogan, chanted or a watchword",
                   "document": "Quoted from a resolution or decree",
                   "term": "A quoted word or phrase, often a scare quote"}
# The type of the note that carries each annotation type's gloss (wording.statements).
GLOSS_NOTES = {T.QUOTATION: "attribution", T.SIC: "sic", T.LACUNA: "lacuna", T.FIGURE: "figure"}
EDITORS = "#editors"
METHOD = (
    ("segmentation", "The transmitted text is divided at its blank lines into blocks. Each "
                     "block is one p or head whose xml:id is its permanent id on the site: "
                     "title, a section id for a heading, p1, p2, … for the rest; it is the "
                     "anchor of the block on the site page of its section, "
                     "sections/<div/@n>.html#<xml:id>. A caption is the head of a figure whose "
                     "photograph was not transmitted, the dateline is dateline and the closing "
                     "note trailer; these and the repeated paragraph point with @ana at their "
                     "category in classDecl and carry a note giving the editors' reason."),
    ("correction", "Nothing is corrected in the text: likely errors are kept in sic, with "
                   "the likely reading in corr; lost text is marked by gap (with a desc of what "
                   "was lost) at the place it was lost."),
    ("normalization", "None: spelling, accents, capitals and quotation marks are as "
                      "transmitted."),
    ("interpretation", "Every named person, organisation, group and place is tagged and points "
                       "to the register in standOff; dates carry their ISO 8601 value and point "
                       "(@corresp) at their event; quotations are said, quote or q by their "
                       "kind, with the speaker in @who and the report they are quoted from in "
                       "@source (a bibl of standOff: who reported it, when, or the lacuna where "
                       "its name was lost); figures carry their value. Everything the editors "
                       "add is in note (in the words the site uses), corr, desc, argument or an "
                       "attribute."),
)


def export_tei(edition: Edition, base_url: str) -> tuple[Artefact, ...]:
    return (Artefact(f"{file_stem(edition)}.tei.xml", "TEI P5 XML",
                     "The text with its structure and annotations encoded in TEI P5, for "
                     "digital-humanities tools.", "application/tei+xml",
                     tei_bytes(edition, Permalinks(edition, base_url)), "data/edition.tei.xml"),)


def tei_bytes(edition: Edition, links: Permalinks) -> bytes:
    root = _el("TEI", {"xmlns": TEI_NS, "xml:lang": "en"})  # plain tags, default namespace
    sources = _QuotationSources.of(edition)
    root.append(_header(edition, links))
    root.append(_stand_off(edition, links, sources))
    text = _el("text")
    body = _sub(text, "body")
    for section in edition.sections:
        body.append(_section(edition, section, sources))
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
    _sub(bibl, "note", {"type": "publication"}, art.publication)
    _sub(bibl, "note", {"type": "attribution"}, f"{art.attribution}. {art.attribution_evidence}")
    _sub(bibl, "note", {"type": "description"}, art.description)
    _sub(bibl, "idno", {"type": "sha256"}, art.text_sha256)
    _sub(bibl, "textLang", {"mainLang": art.language})
    original = _sub(_sub(bibl, "relatedItem", {"type": "original"}), "bibl")
    _sub(original, "note", text=art.original_note)
    _sub(original, "textLang", {"mainLang": art.original_language})
    encoding = _sub(header, "encodingDesc")
    decl = _sub(encoding, "editorialDecl")
    for element, text in METHOD:
        _sub(_sub(decl, element), "p", text=text)
    kinds = _sub(_sub(encoding, "classDecl"), "taxonomy", {"xml:id": "block-kinds"})
    _sub(kinds, "desc", text="The kinds of block the editors distinguish besides the title, "
                             "the headings and the paragraphs of the text.")
    for kind, category in BLOCK_KINDS.items():
        _sub(_sub(kinds, "category", {"xml:id": category}), "catDesc",
             text=wording.KIND_LABELS[kind])
    quotations = _sub(encoding.find("classDecl"), "taxonomy", {"xml:id": "quotation-kinds"})
    _sub(quotations, "desc", text="The kinds of quotation.")
    for kind, description in QUOTATION_KINDS.items():
        _sub(_sub(quotations, "category", {"xml:id": f"quotation-{kind}"}), "catDesc",
             text=description)
    profile = _sub(header, "profileDesc")
    _sub(_sub(profile, "langUsage"), "language", {"ident": art.language})
    calendar = _sub(_sub(profile, "calendarDesc"), "calendar", {"xml:id": "edtf"})
    _sub(calendar, "p", text="Extended Date/Time Format (ISO 8601-2), for dates that are "
                             "approximate, uncertain or open intervals (@when-custom).")
    return header


# --- standOff: the register, the events, the reports quoted -------------------------------

def _stand_off(edition: Edition, links: Permalinks, sources: "_QuotationSources") -> ET.Element:
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
        _entity_details(item, entity, links)
    events = _sub(stand_off, "listEvent")
    for event in edition.events:
        item = _sub(events, "event", {"xml:id": f"event-{event.id}", **_when(event.when)})
        if links.base_url:
            _sub(item, "idno", {"type": "URI"}, links.event(event.id))
        _sub(item, "label", text=event.title)
        if event.description:
            _sub(item, "desc", text=event.description)
    stand_off.append(sources.list_bibl(edition))
    for empty in [child for child in stand_off if len(child) == 0]:
        stand_off.remove(empty)
    return stand_off


def _entity_details(item: ET.Element, entity: Entity, links: Permalinks) -> None:
    name = NAME_ELEMENTS[entity.type]
    _sub(item, name, {"type": "preferred"}, entity.name)
    for form in entity.forms:
        if form != entity.name:
            _sub(item, name, {"type": "variant"}, form)
    if entity.coordinates:
        _sub(_sub(item, "location"), "geo", text=f"{entity.coordinates[0]} {entity.coordinates[1]}")
    if entity.wikidata:
        _sub(item, "idno", {"type": "wikidata"}, entity.wikidata)
    if links.base_url:
        _sub(item, "idno", {"type": "URI"}, links.entity(entity.id))
    _sub(item, "note", {"type": "kind"}, entity.kind)
    _sub(item, "note", text=entity.description)


@dataclass(frozen=True)
class _QuotationSources:
    """The reports and documents the quotations are quoted from, one bibl each: who wrote a
    document, who reported the words, when, or the lacuna where the reporter's name was lost."""

    keys: tuple[tuple[str, str, str, str], ...]  # (author, publisher, date, lacuna)

    @staticmethod
    def key(span: Span) -> tuple[str, str, str, str]:
        a = span.annotation
        author = a.speaker if _quotation_element(a.kind) == "quote" else ""
        return (author, a.source, a.reported, a.lacuna)

    @classmethod
    def of(cls, edition: Edition) -> "_QuotationSources":
        keys = (cls.key(s) for s in exported_spans(edition) if s.type is T.QUOTATION)
        return cls(tuple(dict.fromkeys(k for k in keys if any(k))))

    def id(self, span: Span) -> str:
        key = self.key(span)
        return f"quoted-from-{self.keys.index(key) + 1}" if any(key) else ""

    def list_bibl(self, edition: Edition) -> ET.Element:
        entities = {e.id: e for e in edition.entities}
        list_bibl = _el("listBibl")
        for n, (author, publisher, date, lacuna) in enumerate(self.keys, start=1):
            bibl = _sub(list_bibl, "bibl", {"xml:id": f"quoted-from-{n}"})
            if author:
                _name_element(_sub(bibl, "author"), entities[author])
            if publisher:
                _name_element(_sub(bibl, "publisher"), entities[publisher])
            elif lacuna:
                _sub(_sub(bibl, "publisher"), "ref", {"target": f"#{lacuna}"},
                     "name lost in transmission")
            if date:
                _sub(bibl, "date", _when(date), dates.human(date))
        return list_bibl


def _name_element(parent: ET.Element, entity: Entity) -> ET.Element:
    return _sub(parent, NAME_ELEMENTS[entity.type], {"ref": f"#{entity.id}"}, entity.name)


# --- the text -----------------------------------------------------------------------------

def _section(edition: Edition, section: Section, sources: _QuotationSources) -> ET.Element:
    div = _el("div", {"type": "section", "n": section.id})
    if section.editorial_title:
        _sub(div, "note", {"type": "editorial", "resp": EDITORS},
             wording.supplied_title(section.title))
    if section.summary:
        _sub(_sub(div, "argument", {"resp": EDITORS}), "p", text=section.summary)
    for n, block in enumerate(section.blocks):
        at_bottom = all(b.kind in DIV_BOTTOM for b in section.blocks[n:])
        div.append(_block(edition, block, sources, at_bottom))
    return div


def _block(edition: Edition, block: Block, sources: _QuotationSources,
           at_bottom: bool) -> ET.Element:
    """The block's element (the one with its xml:id) and, for a caption, the figure around it."""
    outer = None
    attributes = {"xml:id": block.id, "n": str(block.number) if block.number else "",
                  "ana": f"#{BLOCK_KINDS[block.kind]}" if block.kind in BLOCK_KINDS else ""}
    if block.kind is BlockKind.TITLE:
        element = _el("head", {"xml:id": block.id, "type": "title"})
    elif block.kind is BlockKind.HEADING:
        element = _el("head", {"xml:id": block.id})
    elif block.kind is BlockKind.CAPTION:  # the caption of a photograph that was not transmitted
        outer = _el("figure")
        element = _sub(outer, "head", attributes)
    elif block.kind in DIV_BOTTOM and at_bottom:
        element = _el(DIV_BOTTOM[block.kind], attributes)
    else:
        element = _el("p", attributes)
    if block.kind is BlockKind.DUPLICATE:
        original = next((b for b in edition.blocks if b is not block and
                         b.text.startswith(block.decision.duplicate_of)), None)
        if original:
            element.set("corresp", f"#{original.id}")
    spans = [s for s in exported_spans(edition) if s.block == block.id]
    _Filler(block.text, edition, sources).fill(element, 0, len(block.text), spans)
    if block.decision and block.kind not in (BlockKind.TITLE, BlockKind.HEADING, BlockKind.TEXT):
        _sub(element, "note", {"type": "reason", "resp": EDITORS}, block.decision.reason)
    return element if outer is None else outer


@dataclass(frozen=True)
class _Filler:
    """Writes a block's text into an element, wrapping each span in its markup."""

    text: str
    edition: Edition
    sources: _QuotationSources

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
                      span if span.type is T.LACUNA else inherited)
            parent.extend(markup.after)
            at, index = span.end, index + 1 + len(inner)
        self._text(parent, at, end, lacuna, last=True)

    def _text(self, parent: ET.Element, start: int, end: int, lacuna: Span | None,
              last: bool) -> None:
        gap = lacuna.gap if lacuna else -1
        if start <= gap < end or (last and gap == end):
            _append_text(parent, self.text[start:gap])
            a = lacuna.annotation
            _sub(_sub(parent, "gap", {"reason": "lost", "xml:id": a.id}), "desc", text=a.lost)
            start = gap
        _append_text(parent, self.text[start:end])


@dataclass(frozen=True)
class _Markup:
    """The element wrapping a span, the one its text goes into, and what follows it."""

    outer: ET.Element
    content: ET.Element
    after: tuple[ET.Element, ...] = ()


def _markup(span: Span, edition: Edition, sources: _QuotationSources) -> _Markup:
    """The span's element, then one note per thing the editors say about it (wording.py)."""
    markup = _MARKUP[span.type](span, edition, sources)
    notes = tuple(_statement_note(span, statement)
                  for statement in wording.statements(edition, span))
    return _Markup(markup.outer, markup.content, markup.after + notes)


def _statement_note(span: Span, statement: wording.Statement) -> ET.Element:
    a = span.annotation
    kind = {"gloss": GLOSS_NOTES.get(span.type, "editorial"), "note": "editorial",
            "conjecture": "conjecture"}[statement.role]
    target = f"#{a.id}" if span.type is T.LACUNA and statement.role != "note" else ""
    note = _note("", {"type": kind, "target": target})
    for part in statement.words:
        if isinstance(part, Name):
            _sub(note, "rs", {"ref": f"#{part.entity}"}, part.text)
        elif isinstance(part, Label):
            _sub(note, "rs", {"type": "speaker"}, part.text)
        elif isinstance(part, When):
            _sub(note, "date", _when(part.value), part.text)
        elif isinstance(part, LacunaRef):
            _sub(note, "ref", {"target": f"#{part.lacuna}"}, part.text)
        else:
            _append_text(note, part.text)
    return note


def _same(element: ET.Element, *after: ET.Element) -> _Markup:
    return _Markup(element, element, after)


def _mention(span: Span, edition: Edition, sources: _QuotationSources) -> _Markup:
    entity = edition.entity(span.annotation.entity)
    return _same(_el(NAME_ELEMENTS[entity.type], {"ref": f"#{entity.id}"}))


def _date(span: Span, edition: Edition, sources: _QuotationSources) -> _Markup:
    a = span.annotation
    return _same(_el("date", {**_when(a.when), "corresp": f"#event-{a.event}" if a.event else ""}))


def _quotation_element(kind: str) -> str:
    return QUOTATION_ELEMENTS.get(kind, "quote")


def _quotation(span: Span, edition: Edition, sources: _QuotationSources) -> _Markup:
    a = span.annotation
    tag = _quotation_element(a.kind)
    who = f"#{a.speaker}" if a.speaker and tag != "quote" else ""  # a quote's author: its bibl
    kind = f"#quotation-{a.kind}" if a.kind in QUOTATION_KINDS else ""
    return _same(_el(tag, {"ana": kind, "who": who,
                           "source": f"#{sources.id(span)}" if sources.id(span) else ""}))


def _lacuna(span: Span, edition: Edition, sources: _QuotationSources) -> _Markup:
    return _same(_el("seg", {"type": "lacuna-trace", "corresp": f"#{span.annotation.id}"}))


def _sic(span: Span, edition: Edition, sources: _QuotationSources) -> _Markup:
    choice = _el("choice")
    sic = _sub(choice, "sic")
    _sub(choice, "corr", {"resp": EDITORS}, span.annotation.reading)
    return _Markup(choice, sic)


def _figure(span: Span, edition: Edition, sources: _QuotationSources) -> _Markup:
    a = span.annotation
    return _same(_el("num", {"value": f"{number(a.value)}", "type": a.qualifier}))


def _editorial_note(span: Span, edition: Edition, sources: _QuotationSources) -> _Markup:
    return _same(_el("seg", {"type": "annotated"}))


_MARKUP = {T.MENTION: _mention, T.DATE: _date, T.QUOTATION: _quotation, T.LACUNA: _lacuna,
           T.SIC: _sic, T.FIGURE: _figure, T.NOTE: _editorial_note}


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
