"""The writer for the one-page edition and the EPUB: a tree as HTML, or as XHTML."""
from __future__ import annotations

from lxml import etree

from .tree import Element

SVG_NAMESPACE = "http://www.w3.org/2000/svg"


def to_html(element: Element) -> str:
    return etree.tostring(element, encoding="unicode", method="html")


def to_xhtml(element: Element) -> str:
    """XHTML, with each SVG in its namespace (XML, unlike HTML, needs it said)."""
    written = etree.tostring(element, encoding="unicode", method="xml")
    return written.replace("<svg ", f'<svg xmlns="{SVG_NAMESPACE}" ')
