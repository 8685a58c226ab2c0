"""The annotations as a W3C Web Annotation collection (JSON-LD), targeting paragraph permalinks."""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

import markdown
from lxml import etree, html as lxml_html

from .. import wording
from ..model import AnnotationType as T, Edition, Span
from ..pages import Context, page_table, render
from ..paths import section_path
from ..model import Artefact
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
# The site's Markdown extensions as mkdocs.yml configures them (the heading permalink is text
# the page has), so the selectors count the characters the built page holds.
MARKDOWN_EXTENSIONS = {"attr_list": {}, "md_in_html": {}, "tables": {},
                       "toc": {"permalink": "#", "permalink_title": "Permanent link to this heading"}}
EDITORIAL_CLASSES = ("ed", "headerlink")  # the site's marks for what is not transmitted text
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def export_web_annotations(edition: Edition, base_url: str) -> tuple[Artefact, ...]:
    links = Permalinks(edition, base_url or RELATIVE_ROOT)
    return (Artefact(f"{file_stem(edition)}-annotations.jsonld", "Web Annotations (JSON-LD)",
                     "Every annotation as a W3C Web Annotation on its paragraph's permalink, "
                     "for annotation tools and linked-data software.", MEDIA_TYPE,
                     json_bytes(collection(edition, links)), STABLE_PATH),)


def collection(edition: Edition, links: Permalinks) -> dict[str, Any]:
    """One AnnotationCollection whose single page holds every annotation in reading order."""
    collection_id = links.page(STABLE_PATH)
    texts = page_texts(edition)
    items = [annotation(edition, span, links, texts[span.block])
             for span in exported_spans(edition)]
    return {"@context": CONTEXT, "id": collection_id, "type": "AnnotationCollection",
            "label": f"Annotations of {edition.bibliography.edition.title}, version "
                     f"{edition.bibliography.edition.version}",
            "total": len(items),
            "first": {"id": f"{collection_id}#page-1", "type": "AnnotationPage",
                      "startIndex": 0, "items": items}}


def annotation_id(span: Span, links: Permalinks) -> str:
    """Offsets in the transmitted block, so the id outlives any change of the page's layout."""
    return f"{links.page(STABLE_PATH)}#{span.block}-{span.type.value}-{span.start}-{span.end}"


def annotation(edition: Edition, span: Span, links: Permalinks,
               text: "BlockText") -> dict[str, Any]:
    start, end = text.page_range(span.start, span.end)
    page = text.text
    quote = {"type": "TextQuoteSelector", "exact": page[start:end],
             "prefix": page[max(0, start - CONTEXT_CHARS):start],
             "suffix": page[end:end + CONTEXT_CHARS]}
    position = {"type": "TextPositionSelector", "start": start, "end": end}
    return {
        "id": annotation_id(span, links),
        "type": "Annotation",
        "motivation": MOTIVATIONS[span.type],
        "body": _bodies(edition, span, links),
        "target": {
            "source": links.section(edition.block(span.block).section),
            # Alternatives, each the paragraph's element refined to the span within it.
            "selector": [{"type": "FragmentSelector", "conformsTo": FRAGMENT_SPEC,
                          "value": span.block, "refinedBy": refinement}
                         for refinement in (quote, position)],
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
    elif span.type is T.SIC:
        bodies.append(_text(a.reading, "editing"))
    bodies += [_text(wording.plain(s.words), PURPOSES[s.role])
               for s in wording.statements(edition, span)]
    if span.type is T.QUOTATION:
        bodies += [_link(links.entity(e), "linking") for e in (a.speaker, a.source) if e]
        lacuna = next((s for s in edition.spans_of(T.LACUNA) if a.lacuna
                       and s.annotation.id == a.lacuna), None)
        if lacuna:  # the annotation of the gap where the reporting source's name was lost
            bodies.append(_link(annotation_id(lacuna, links), "linking"))
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


# --- the text the built page has ------------------------------------------------------------

@dataclass(frozen=True)
class BlockText:
    """The text content of a block's element on its page (note calls, controls and markers
    included), and where each character of the transmitted block stands in it."""

    text: str
    positions: tuple[int, ...]  # page offset of each transmitted character

    def page_range(self, start: int, end: int) -> tuple[int, int]:
        """A span of the transmitted block as offsets in the page's text: from its first
        character to just after its last (editorial text inside it is inside the range)."""
        return self.positions[start], self.positions[end - 1] + 1

    @classmethod
    def of(cls, element: etree._Element) -> "BlockText":
        text, positions = [], []
        at = 0
        for piece, editorial in _pieces(element, False):
            if not editorial:
                positions += range(at, at + len(piece))
            text.append(piece)
            at += len(piece)
        return cls("".join(text), tuple(positions))

    def transmitted(self) -> str:
        return "".join(self.text[at] for at in self.positions)


def page_texts(edition: Edition) -> dict[str, BlockText]:
    """Every block's text as its section page renders it (pages/, then the site's Markdown)."""
    ctx = Context(edition, "", citations=False)  # the cite boxes lie outside the paragraphs
    specs = {spec.path: spec for spec in page_table(edition)}
    converter = markdown.Markdown(extensions=[
        importlib.import_module(f"markdown.extensions.{name}").makeExtension(**config)
        for name, config in MARKDOWN_EXTENSIONS.items()])
    texts = {}
    for section in edition.sections:
        page = render(specs[section_path(section.id)], ctx).body
        tree = lxml_html.fragment_fromstring(
            converter.reset().convert(FRONT_MATTER.sub("", page)), create_parent="div")
        elements = {el.get("id"): el for el in tree.iter() if isinstance(el.tag, str)}
        for block in section.blocks:
            texts[block.id] = BlockText.of(elements[block.id])
            if texts[block.id].transmitted() != block.text:  # a page no longer marks its parts
                raise ValueError(f"the page text of {block.id} is not its transmitted text")
    return texts


def _pieces(element: etree._Element, editorial: bool):
    """(text, editorial?) of an element's text nodes in document order, as textContent has them."""
    editorial = editorial or bool(set((element.get("class") or "").split()) & set(EDITORIAL_CLASSES))
    if element.text:
        yield element.text, editorial
    for child in element:
        if isinstance(child.tag, str):  # comments and processing instructions hold no text
            yield from _pieces(child, editorial)
        if child.tail:
            yield child.tail, editorial
