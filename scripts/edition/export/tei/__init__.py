"""The edition as TEI P5 XML: the header from the bibliography, the register and events in
standOff, one div per section in the body, the apparatus in the back."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from ...model import Edition
from ...model import Artefact
from ...paths import file_stem
from ...i18n import N_
from ..links import Permalinks
from .back import back
from .body import section
from .elements import PART_IDS, TEI_NS, el, indent, layout, sub
from .header import header
from .standoff import QuotationSources, stand_off


def export_tei(edition: Edition, base_url: str, pages=()) -> tuple[Artefact, ...]:
    return (Artefact(f"{file_stem(edition)}.tei.xml", N_("TEI P5 XML"),
                     N_("The text with its structure and annotations encoded in TEI P5, for "
                        "digital-humanities tools."), "application/tei+xml",
                     tei_bytes(edition, Permalinks(edition, base_url)), "data/edition.tei.xml"),)


def tei_bytes(edition: Edition, links: Permalinks) -> bytes:
    root = el("TEI", {"xmlns": TEI_NS, "xml:lang": "en", "xml:id": PART_IDS["edition"]})  # plain tags, default namespace
    sources = QuotationSources.of(edition)
    root.append(header(edition, links))
    root.append(stand_off(edition, links, sources))
    text = el("text")
    body = sub(text, "body")
    for part in edition.sections:
        body.append(section(edition, part, sources))
    root.append(text)
    for container in root[:2]:  # the header and standOff hold no mixed content
        ET.indent(container, level=1)
    text.append(back(edition, links))
    layout(root, 0)
    layout(text, 1)
    indent(text[-1], 2)
    layout(body, 2)
    for div in body:
        layout(div, 3)
    xml = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{xml}\n'.encode("utf-8")
