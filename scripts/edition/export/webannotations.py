"""The annotations as a W3C Web Annotation collection (JSON-LD), targeting paragraph permalinks."""
from __future__ import annotations

import uuid
from typing import Any

from .. import wording
from ..i18n import N_, messages
from ..kinds import WebBodies, kind_of, statements
from ..model import Artefact, Edition, Span
from ..kinds import AnnotationType as T
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
    return f"{span.block}-{span.type}-{span.start}-{span.end}"


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
        "motivation": kind_of(span).motivation,
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
    """Its kind's bodies (kinds/), the editors' words, then the sources they rest on, as the
    bibliography lists them."""
    bodies = kind_of(span).web_bodies(span, _Bodies(edition, links, ids, m))
    bodies += [_text(wording.plain(s.words), PURPOSES[s.role], m.language)
               for s in statements(edition, span, m)]
    bodies += [_link(links.source_entry(source_id), "linking")
               for source_id in span.annotation.sources]
    return bodies


class _Bodies(WebBodies):
    """What a kind's bodies may use (kinds/base.WebBodies)."""

    def __init__(self, edition: Edition, links: Permalinks, ids: _Ids, m) -> None:
        self.edition, self.links, self.ids, self.m = edition, links, ids, m

    def link(self, url: str, purpose: str) -> dict[str, Any]:
        return _link(url, purpose)

    def text(self, value: str, purpose: str, language: str | None = None) -> dict[str, Any]:
        return _text(value, purpose, language or self.m.language)

    def entity(self, entity_id: str) -> str:
        return self.links.entity(entity_id)

    def wikidata(self, entity_id: str) -> str:
        return self.edition.entity(entity_id).wikidata or ""

    def event(self, event_id: str) -> str:
        return self.links.event(event_id)

    def lacuna(self, lacuna_id: str) -> str:
        """The id of the annotation of the gap where a reporting source's name was lost."""
        lacuna = next(s for s in self.edition.spans_of(T.LACUNA) if s.annotation.id == lacuna_id)
        return self.ids.of(annotation_key(lacuna))


def _link(url: str, purpose: str) -> dict[str, Any]:
    """A body that is a web resource: the model gives a purpose only to a SpecificResource."""
    return {"type": "SpecificResource", "source": url, "purpose": purpose}


def _text(value: str, purpose: str, language: str = "en") -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "format": "text/plain",
            "language": language, "purpose": purpose}
