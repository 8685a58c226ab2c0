"""What the one-page edition does without the site's script: mentions' descriptions as titles,
notes with their DPUB-ARIA semantics, SVG attributes in their XML case."""
from __future__ import annotations

from lxml import etree


def title_mentions(main: etree._Element) -> None:
    """The file has no script to dismiss the site's tooltips (Escape), so a mention's
    description is its title, which the browser or e-reader shows; aria-describedby stays."""
    for link in main.iter("a"):
        if "mention" in link.get("class", "").split():
            link.set("title", link.attrib.pop("data-description"))


def note_semantics(main: etree._Element) -> None:
    """Note calls and notes as DPUB-ARIA has them (and the EPUB's epub:type, epub.py): each
    call a doc-noteref; each apparatus note the doc-footnote it points at, in its list item."""
    for link in main.xpath('.//sup[contains(concat(" ", @class, " "), " nref ")]/a'):
        link.set("role", "doc-noteref")
    for anchor in main.xpath('.//li/span[starts-with(@id, "n-")][1]'):
        item = anchor.getparent()
        note = etree.Element("aside", {"id": anchor.get("id"), "role": "doc-footnote"})
        note.text, item.text = anchor.tail, None
        note.extend(child for child in list(item) if child is not anchor)
        item.remove(anchor)
        item.append(note)
        for back in note.xpath('.//a[starts-with(@href, "#ref-")]'):
            back.set("role", "doc-backlink")


# lxml's HTML parser lowercases attribute names; in XML (the EPUB's XHTML) SVG's are
# case-sensitive, and an SVG with `viewbox` has no viewBox: it is drawn blank.
SVG_ATTRIBUTES = {name.lower(): name for name in (
    "viewBox", "textLength", "lengthAdjust", "preserveAspectRatio", "patternUnits",
    "gradientUnits", "markerWidth", "markerHeight", "refX", "refY")}


def svg_attribute_case(main: etree._Element) -> None:
    for svg in main.iter("svg"):
        for element in svg.iter():
            # In the element's order: a set's order changes with each process's string hashes,
            # and the bytes would differ from build to build.
            for lower in [name for name in element.attrib if name in SVG_ATTRIBUTES]:
                element.set(SVG_ATTRIBUTES[lower], element.attrib.pop(lower))
