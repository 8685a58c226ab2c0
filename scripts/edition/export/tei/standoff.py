"""The TEI's standOff: the register of entities, the events, the reports quoted from."""
from __future__ import annotations

from ...i18n import messages

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ...model import Edition, Entity, Span
from ...kinds import AnnotationType as T
from ..links import Permalinks
from ..records import exported_spans
from .elements import NAME_ELEMENTS, claim, el, name_element, sub, when

# Spoken words are said (with @who), words from a report or a document quote, a quoted term q.
QUOTATION_ELEMENTS = {"speech": "said", "slogan": "said", "report": "quote", "document": "quote",
                      "term": "q"}


def quotation_element(kind: str) -> str:
    return QUOTATION_ELEMENTS.get(kind, "quote")


def stand_off(edition: Edition, links: Permalinks, sources: "QuotationSources") -> ET.Element:
    stand_off = el("standOff")
    persons = sub(stand_off, "listPerson")
    orgs = sub(stand_off, "listOrg")
    places = sub(stand_off, "listPlace")
    for entity in edition.entities:
        if entity.type == "person":
            item = sub(persons, "person", {"xml:id": entity.id})
        elif entity.type == "place":
            item = sub(places, "place", {"xml:id": entity.id})
        else:
            item = sub(orgs, "org", {"xml:id": entity.id, "type": entity.type})
        entity_details(item, entity, edition, links)
    events = sub(stand_off, "listEvent")
    for event in edition.events:
        item = sub(events, "event", {"xml:id": f"event-{event.id}", **when(event.when)})
        if links.base_url:
            sub(item, "idno", {"type": "URI"}, links.event(event.id))
        sub(item, "label", text=event.title)
        if event.description:
            claim(item, "desc", {}, event.description, event, edition)
    stand_off.append(sources.list_bibl(edition))
    for empty in [child for child in stand_off if len(child) == 0]:
        stand_off.remove(empty)
    return stand_off


def entity_details(item: ET.Element, entity: Entity, edition: Edition,
                   links: Permalinks) -> None:
    name = NAME_ELEMENTS[entity.type]
    sub(item, name, {"type": "preferred"}, entity.name)
    for form in entity.forms:
        if form != entity.name:
            sub(item, name, {"type": "variant"}, form)
    if entity.coordinates:
        sub(sub(item, "location"), "geo", text=f"{entity.coordinates[0]} {entity.coordinates[1]}")
    if entity.wikidata:
        sub(item, "idno", {"type": "wikidata"}, entity.wikidata)
    if links.base_url:
        sub(item, "idno", {"type": "URI"}, links.entity(entity.id))
    sub(item, "note", {"type": "kind"}, entity.kind)
    claim(item, "note", {}, entity.description, entity, edition)


@dataclass(frozen=True)
class QuotationSources:
    """The reports and documents the quotations are quoted from, one bibl each: who wrote a
    document, who reported the words, when, or the lacuna where the reporter's name was lost."""

    keys: tuple[tuple[str, str, str, str], ...]  # (author, publisher, date, lacuna)

    @staticmethod
    def key(span: Span) -> tuple[str, str, str, str]:
        a = span.annotation
        author = a.speaker if quotation_element(a.kind) == "quote" else ""
        return (author, a.source, a.reported, a.lacuna)

    @classmethod
    def of(cls, edition: Edition) -> "QuotationSources":
        keys = (cls.key(s) for s in exported_spans(edition) if s.type == T.QUOTATION)
        return cls(tuple(dict.fromkeys(k for k in keys if any(k))))

    def id(self, span: Span) -> str:
        key = self.key(span)
        return f"quoted-from-{self.keys.index(key) + 1}" if any(key) else ""

    def list_bibl(self, edition: Edition) -> ET.Element:
        entities = {e.id: e for e in edition.entities}
        list_bibl = el("listBibl")
        for n, (author, publisher, date, lacuna) in enumerate(self.keys, start=1):
            bibl = sub(list_bibl, "bibl", {"xml:id": f"quoted-from-{n}"})
            if author:
                name_element(sub(bibl, "author"), entities[author])
            if publisher:
                name_element(sub(bibl, "publisher"), entities[publisher])
            elif lacuna:
                sub(sub(bibl, "publisher"), "ref", {"target": f"#{lacuna}"},
                     "name lost in transmission")
            if date:
                sub(bibl, "date", when(date), messages('en').date(date))
        return list_bibl
