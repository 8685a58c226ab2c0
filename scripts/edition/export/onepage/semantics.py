"""What the one-page edition does without the site's script: mentions' descriptions as titles,
notes with their DPUB-ARIA semantics."""
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
        link.text = link.attrib.pop("data-n")  # e-readers show text; the site draws the number
    for anchor in main.xpath('.//li/span[starts-with(@id, "n-")][1]'):
        item = anchor.getparent()
        note = etree.Element("aside", {"id": anchor.get("id"), "role": "doc-footnote"})
        note.text, item.text = anchor.tail, None
        note.extend(child for child in list(item) if child is not anchor)
        item.remove(anchor)
        item.append(note)
        for back in note.xpath('.//a[starts-with(@href, "#ref-")]'):
            back.set("role", "doc-backlink")
