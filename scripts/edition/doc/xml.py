"""Building XML element trees (the TEI export's, and its kinds' markup): `el`, `sub`, text."""
from __future__ import annotations

import xml.etree.ElementTree as ET

XML_NS = "{http://www.w3.org/XML/1998/namespace}"


def el(tag: str, attributes: dict[str, str] | None = None, text: str = "") -> ET.Element:
    element = ET.Element(tag)
    for key, value in (attributes or {}).items():
        if value:  # an empty value means: leave the attribute out
            element.set(key.replace("xml:", XML_NS), value)
    if text:
        element.text = text
    return element


def sub(parent: ET.Element, tag: str, attributes: dict[str, str] | None = None,
        text: str = "") -> ET.Element:
    element = el(tag, attributes, text)
    parent.append(element)
    return element


def append_text(parent: ET.Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text
