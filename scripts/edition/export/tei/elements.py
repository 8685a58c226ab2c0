"""What every part of the TEI export shares: element helpers, dating attributes, pointers."""
from __future__ import annotations

from ...i18n import messages

import re
import xml.etree.ElementTree as ET
from typing import Iterable

from ... import dates
from ...doc.xml import XML_NS, append_text, el, sub  # noqa: F401 (the TEI's helpers)
from ...model import Entity
from ...wording import BlockRef, editors_words

TEI_NS = "http://www.tei-c.org/ns/1.0"
NAME_ELEMENTS = {"person": "persName", "organisation": "orgName", "group": "orgName",
                 "place": "placeName"}
EDITORS = "#editors"
# What a statement that cites no source rests on (source/README.md): categories of the
# header's taxonomy, which the statement points at with @ana.
BASES = {"article": "Stated in the article itself",
         "editorial": "The editors' own description or decision",
         "inference": "The editors' inference: no source states it"}


# The apparatus's parts in the back, by the site page each stands for (changelog: the
# revisionDesc), and the prefixes of their entries' xml:ids, apart from the register's ids.
PART_IDS = {"bibliography": "sources-consulted", "record": "what-happened-next",
            "figures": "figures-against-the-record", "changelog": "changelog",
            "method": "editorial-method", "edition": "edition",
            "searches": "quotation-searches"}


def bibl_id(source_id: str) -> str:
    """The xml:id of a source consulted (back/listBibl)."""
    return f"bibl-{source_id}"


def record_id(entry_id: str) -> str:
    return f"record-{entry_id}"


def comparison_id(comparison_id: str) -> str:
    return f"comparison-{comparison_id}"


def statement(sources: Iterable[str], basis: str = "") -> dict[str, str]:
    """The attributes of a statement: @source at the sources it cites, or @ana at its basis."""
    ids = list(dict.fromkeys(sources))
    if ids:
        return {"source": " ".join(f"#{bibl_id(s)}" for s in ids)}
    return {"ana": f"#basis-{basis}"} if basis in BASES else {}


def claim(parent: ET.Element, tag: str, attributes: dict[str, str], text: str, record,
          edition) -> ET.Element:
    """A statement of the editors as a `tag` element: its text, @source at the sources it
    cites (or @ana at its basis), and each source's passage that supports it as a
    <cit type="evidence">: the quote in the source's language, and where it stands there. A
    paragraph it names by id ("p10") is a <ref> to it, read "¶ 10", as in the annotations' notes."""
    element = sub(parent, tag, {**attributes, **statement(record.sources, record.basis or "")})
    for part in editors_words(text or "", edition, messages("en")):  # the TEI is in English
        if isinstance(part, BlockRef) and tag != "desc":  # <desc> holds no <ref>: words only
            sub(element, "ref", {"target": f"#{part.block}"}, part.text)
        else:
            append_text(element, part.text)
    evidence(element, record, edition)
    return element


def evidence(element: ET.Element, record, edition) -> None:
    """The passages that support a statement, in its element (claim)."""
    for item in getattr(record, "evidence", ()):
        entry = edition.source.source_entry(item.source)
        cit = sub(element, "cit", {"type": "evidence", "source": f"#{bibl_id(item.source)}"})
        sub(cit, "quote", {"xml:lang": entry.language}, item.passage)
        sub(cit, "bibl", text=item.at)


def name_element(parent: ET.Element, entity: Entity) -> ET.Element:
    return sub(parent, NAME_ELEMENTS[entity.type], {"ref": f"#{entity.id}"}, entity.name)


def when(value: str) -> dict[str, str]:
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


def date(parent: ET.Element, value: str) -> ET.Element | None:
    """A date element for a value in words, or None for an undated item ("n.d.")."""
    if value == "n.d.":
        return None
    return sub(parent, "date", when(value), messages('en').date(value))


def layout(container: ET.Element, depth: int) -> None:
    """Indent a container's children one per line (never inside mixed content)."""
    container.text = "\n" + "  " * (depth + 1)
    for child in container:
        child.tail = "\n" + "  " * (depth + 1)
    if len(container):
        container[-1].tail = "\n" + "  " * depth


# Elements whose content is text (mixed content): never indented inside.
PHRASE_LEVEL = {"head", "p", "cell", "note", "quote", "label", "desc", "change", "ref", "date",
                "num", "title", "author", "publisher", "addrLine", "catDesc"}


def indent(container: ET.Element, depth: int) -> None:
    """Indent a tree of structural elements one per line, down to its phrase-level elements."""
    if len(container) and container.tag not in PHRASE_LEVEL:
        layout(container, depth)
        for child in container:
            indent(child, depth + 1)
