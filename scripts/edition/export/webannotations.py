"""The annotations as a W3C Web Annotation collection (JSON-LD), targeting paragraph permalinks."""
from __future__ import annotations

from typing import Any

from .. import dates
from ..model import AnnotationType as T, Edition, Span
from . import Artefact, file_stem
from .links import Permalinks
from .records import exported_spans, json_bytes, number

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MEDIA_TYPE = f'application/ld+json;profile="{CONTEXT}"'
STABLE_PATH = "data/annotations.jsonld"
CONTEXT_CHARS = 32  # how much text around the span the quote selector's prefix and suffix hold
MOTIVATIONS = {T.MENTION: "identifying", T.DATE: "describing", T.QUOTATION: "classifying",
               T.LACUNA: "commenting", T.SIC: "editing", T.FIGURE: "describing",
               T.NOTE: "commenting"}


def export_web_annotations(edition: Edition, base_url: str) -> tuple[Artefact, ...]:
    links = Permalinks(edition, base_url)
    return (Artefact(f"{file_stem(edition)}-annotations.jsonld", "Web Annotations (JSON-LD)",
                     "Every annotation as a W3C Web Annotation on its paragraph's permalink, "
                     "for annotation tools and linked-data software.", MEDIA_TYPE,
                     json_bytes(collection(edition, links)), STABLE_PATH),)


def collection(edition: Edition, links: Permalinks) -> dict[str, Any]:
    """One AnnotationCollection whose single page holds every annotation in reading order."""
    collection_id = links.page(STABLE_PATH)
    items = [annotation(edition, span, links) for span in exported_spans(edition)]
    return {"@context": CONTEXT, "id": collection_id, "type": "AnnotationCollection",
            "label": f"Annotations of {edition.bibliography.edition.title}, version "
                     f"{edition.bibliography.edition.version}",
            "total": len(items),
            "first": {"id": f"{collection_id}#page-1", "type": "AnnotationPage",
                      "startIndex": 0, "items": items}}


def annotation(edition: Edition, span: Span, links: Permalinks) -> dict[str, Any]:
    text = edition.block(span.block).text
    return {
        "id": f"{links.page(STABLE_PATH)}#{span.block}-{span.type.value}-{span.start}-{span.end}",
        "type": "Annotation",
        "motivation": MOTIVATIONS[span.type],
        "body": _bodies(edition, span, links),
        "target": {
            "source": links.block(span.block),
            "selector": [
                {"type": "TextQuoteSelector", "exact": span.text,
                 "prefix": text[max(0, span.start - CONTEXT_CHARS):span.start],
                 "suffix": text[span.end:span.end + CONTEXT_CHARS]},
                {"type": "TextPositionSelector", "start": span.start, "end": span.end},
            ],
        },
    }


def _bodies(edition: Edition, span: Span, links: Permalinks) -> list[dict[str, Any]]:
    a = span.annotation
    bodies: list[dict[str, Any]] = []
    if span.type is T.MENTION:
        bodies.append(_link(links.entity(a.entity), "identifying"))
        if edition.entity(a.entity).wikidata:
            bodies.append(_link(f"http://www.wikidata.org/entity/"
                                f"{edition.entity(a.entity).wikidata}", "identifying"))
    elif span.type is T.DATE:
        bodies.append(_text(a.when, "describing", "zxx"))  # a date value, not prose
        if a.event:
            bodies.append(_link(links.event(a.event), "linking"))
    elif span.type is T.QUOTATION:
        bodies.append(_text(f"quotation: {a.kind}" if a.kind else "quotation", "classifying"))
        bodies.append(_text(_attribution(edition, span), "describing"))
        bodies += [_link(links.entity(e), "linking") for e in (a.speaker, a.source) if e]
    elif span.type is T.LACUNA:
        bodies.append(_text(f"Lacuna: {a.lost} lost in transmission.", "describing"))
        if a.conjecture_entity:
            bodies.append(_text(f"Conjecture: {edition.entity(a.conjecture_entity).name}. "
                                f"{a.conjecture_evidence}", "commenting"))
    elif span.type is T.SIC:
        bodies.append(_text(a.reading, "editing"))
    elif span.type is T.FIGURE:
        bodies.append(_text(f"{a.qualifier} {number(a.value)} {a.unit}: {a.counts}",
                            "describing"))
    if a.note:
        bodies.append(_text(a.note, "commenting"))
    return bodies


def _attribution(edition: Edition, span: Span) -> str:
    a = span.annotation
    speaker = edition.entity(a.speaker).name if a.speaker else a.speaker_label
    parts = [f"said by {speaker}" if speaker else "speaker not stated"]
    if a.source:
        parts.append(f"reported by {edition.entity(a.source).name}")
    if a.reported:
        parts.append(f"on {dates.human(a.reported)}")
    if a.lacuna:
        parts.append("the reporting source's name was lost")
    return "; ".join(parts)


def _link(url: str, purpose: str) -> dict[str, Any]:
    """A body that is a web resource: the model gives a purpose only to a SpecificResource."""
    return {"type": "SpecificResource", "source": url, "purpose": purpose}


def _text(value: str, purpose: str, language: str = "en") -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "format": "text/plain",
            "language": language, "purpose": purpose}
