"""The annotations as a W3C Web Annotation collection (JSON-LD), targeting paragraph permalinks."""
from __future__ import annotations

import uuid
from typing import Any

from .. import wording
from ..i18n import N_, messages
from ..model import AnnotationType as T, Artefact, Edition, Span
from ..paths import file_stem
from .links import Permalinks
from .records import exported_spans, json_bytes

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MEDIA_TYPE = f'application/ld+json;profile="{CONTEXT}"'
STABLE_PATH = "data/annotations.jsonld"
# The file is written to data/ and to downloads/, one folder below the site root: without a
# public URL, its links are relative IRIs that resolve from either copy.
RELATIVE_ROOT = "../"
CONTEXT_CHARS = 32  # how much text around the span the quote selector's prefix and suffix hold
FRAGMENT_SPEC = "http://tools.ietf.org/rfc/rfc3986"
MOTIVATIONS = {T.MENTION: "identifying", T.DATE: "describing", T.QUOTATION: "classifying",
               T.LACUNA: "commenting", T.SIC: "editing", T.FIGURE: "describing",
               T.NOTE: "commenting"}
PURPOSES = {"gloss": "describing", "note": "commenting", "conjecture": "commenting"}
def export_web_annotations(edition: Edition, base_url: str, pages=()) -> tuple[Artefact, ...]:
    links = Permalinks(edition, base_url or RELATIVE_ROOT)
    return (Artefact(f"{file_stem(edition)}-annotations.jsonld", N_("Web Annotations (JSON-LD)"),
                     N_("Every annotation as a W3C Web Annotation on its paragraph's permalink, "
                        "for annotation tools and linked-data software."), MEDIA_TYPE,
                     json_bytes(collection(edition, links, bool(base_url))), STABLE_PATH),)


def collection(edition: Edition, links: Permalinks, absolute: bool = True) -> dict[str, Any]:
    """One AnnotationCollection whose single page holds every annotation in reading order.
    Every id is an absolute IRI: under the site's URL when it is known, a urn:uuid otherwise
    (one derived from the edition's version and the annotation, the same at every build)."""
    m = messages(edition.bibliography.article.language)
    ids = _Ids(links, absolute, file_stem(edition))
    collection_id = ids.of("collection")
    items = [annotation(edition, span, links, ids, m) for span in exported_spans(edition)]
    return {"@context": CONTEXT, "id": collection_id, "type": "AnnotationCollection",
            "label": m._("Annotations of {edition}, version {version}",
                         edition=edition.bibliography.edition.title,
                         version=edition.bibliography.edition.version),
            "total": len(items),
            "first": {"id": ids.of("page-1"), "type": "AnnotationPage",
                      "startIndex": 0, "items": items}}


class _Ids:
    """The collection's ids: a fragment of its file's URL, or a urn:uuid without one."""

    def __init__(self, links: Permalinks, absolute: bool, stem: str) -> None:
        self.links, self.absolute, self.stem = links, absolute, stem

    def of(self, name: str) -> str:
        if self.absolute:
            page = self.links.page(STABLE_PATH)
            return page if name == "collection" else f"{page}#{name}"
        return uuid.uuid5(uuid.NAMESPACE_URL, f"edition:{self.stem}/annotations#{name}").urn


def annotation_key(span: Span) -> str:
    """Offsets in the transmitted block, so the id outlives any change of the page's layout."""
    return f"{span.block}-{span.type.value}-{span.start}-{span.end}"


def annotation(edition: Edition, span: Span, links: Permalinks, ids: _Ids,
               m) -> dict[str, Any]:
    """The annotation of a span, its selectors counted on the transmitted block: the paragraph's
    element on the page holds that text and nothing else (pages/inline.py), so they anchor
    there too."""
    text = edition.block(span.block).text
    quote = {"type": "TextQuoteSelector", "exact": text[span.start:span.end],
             "prefix": text[max(0, span.start - CONTEXT_CHARS):span.start],
             "suffix": text[span.end:span.end + CONTEXT_CHARS]}
    position = {"type": "TextPositionSelector", "start": span.start, "end": span.end}
    return {
        "id": ids.of(annotation_key(span)),
        "type": "Annotation",
        "motivation": MOTIVATIONS[span.type],
        "body": _bodies(edition, span, links, ids, m),
        "target": {
            "source": links.section(edition.block(span.block).section),
            # Alternatives, each the paragraph's element refined to the span within it.
            "selector": [{"type": "FragmentSelector", "conformsTo": FRAGMENT_SPEC,
                          "value": span.block, "refinedBy": refinement}
                         for refinement in (quote, position)],
        },
    }


def _bodies(edition: Edition, span: Span, links: Permalinks, ids: _Ids,
            m) -> list[dict[str, Any]]:
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
        bodies.append(_text(m._("quotation: {kind}", kind=a.kind) if a.kind else m._("quotation"),
                            "classifying", m.language))
    elif span.type is T.SIC:
        bodies.append(_text(a.reading, "editing", m.language))
    bodies += [_text(wording.plain(s.words), PURPOSES[s.role], m.language)
               for s in wording.statements(edition, span, m)]
    if span.type is T.QUOTATION:
        bodies += [_link(links.entity(e), "linking") for e in (a.speaker, a.source) if e]
        lacuna = next((s for s in edition.spans_of(T.LACUNA) if a.lacuna
                       and s.annotation.id == a.lacuna), None)
        if lacuna:  # the annotation of the gap where the reporting source's name was lost
            bodies.append(_link(ids.of(annotation_key(lacuna)), "linking"))
    if span.type is T.LACUNA and a.conjecture_entity:
        bodies.append(_link(links.entity(a.conjecture_entity), "linking"))
    # the sources consulted that the editors' words rest on, as the bibliography lists them
    bodies += [_link(links.source_entry(source_id), "linking") for source_id in a.sources]
    return bodies


def _link(url: str, purpose: str) -> dict[str, Any]:
    """A body that is a web resource: the model gives a purpose only to a SpecificResource."""
    return {"type": "SpecificResource", "source": url, "purpose": purpose}


def _text(value: str, purpose: str, language: str = "en") -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "format": "text/plain",
            "language": language, "purpose": purpose}
