"""The plain-data form of the edition's annotations and entities shared by the data exports."""
from __future__ import annotations

import json
from typing import Any

from ..model import AnnotationType as T, Edition, Entity, Span

# The annotation types the exports publish; not-mentions are an internal check, not data.
EXPORTED_TYPES = (T.MENTION, T.DATE, T.QUOTATION, T.LACUNA, T.SIC, T.FIGURE, T.NOTE)


def exported_spans(edition: Edition) -> tuple[Span, ...]:
    """The published annotations in reading order (the placed edition's order)."""
    return tuple(s for s in edition.spans if s.type in EXPORTED_TYPES)


def annotation_fields(span: Span) -> dict[str, Any]:
    """What an annotation says about its span, besides where the span is."""
    a = span.annotation
    fields: dict[str, Any] = {}
    if span.type is T.MENTION:
        fields["entity"] = a.entity
    elif span.type is T.DATE:
        fields.update(when=a.when, event=a.event or None)
    elif span.type is T.QUOTATION:
        fields.update(speaker=a.speaker or None, source=a.source or None,
                      speaker_label=a.speaker_label or None, reported=a.reported or None,
                      lacuna=a.lacuna or None, kind=a.kind or None)
    elif span.type is T.LACUNA:
        fields.update(id=a.id, lost=a.lost, gap=span.gap)  # offset in the paragraph
        if a.conjecture_entity:
            fields["conjecture"] = {"entity": a.conjecture_entity,
                                    "evidence": a.conjecture_evidence}
    elif span.type is T.SIC:
        fields["reading"] = a.reading
    elif span.type is T.FIGURE:
        fields.update(value=number(a.value), qualifier=a.qualifier, unit=a.unit,
                      counts=a.counts)
    if a.note or span.type in (T.NOTE, T.LACUNA):
        fields["note"] = a.note
    return fields


def number(value: float | None) -> int | float | None:
    """A whole number as an int, so 26.0 is written 26."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def aliases(entity: Entity) -> list[str]:
    """The forms the text names the entity by, other than its preferred name."""
    return [form for form in entity.forms if form != entity.name]


def json_bytes(data: Any) -> bytes:
    """JSON as the exports write it: key order as built, UTF-8, indented, final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
