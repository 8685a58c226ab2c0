"""A transform on the rendered pages: the editors' words that are not written as parts
(descriptions, record entries, notes on the structure) name a paragraph by its id, as the data
writes it ("in p10", "(p9–p10)"); a reader reads its number, linked to it ("in ¶ 10"), as
wording.editors_words gives the annotations' notes in every output.

The transmitted text and the editors' translation of it are never touched, nor quoted words
(a source's passage, a quotation), links, code or drawings.
"""
from __future__ import annotations

from ..doc.tree import Element, flat
from ..wording import editors_words
from .context import Context
from .inline import words_nodes
from .page import Page

_LEFT_ALONE_TAGS = {"a", "blockquote", "q", "code", "pre", "script", "style", "svg"}
_LEFT_ALONE_CLASSES = {"tb", "tr"}  # the transmitted text; the editors' translation of it


def name_paragraphs(ctx: Context, pages: tuple[Page, ...]) -> None:
    for page in pages:
        here = ctx.at(page.path)
        # The text of an element is its own; the text after it (its tail) is its parent's.
        for element in list(page.body.iter()):
            if not isinstance(element.tag, str):
                continue
            if element.text and not _left_alone(element):
                first, rest = _named(here, element.text)
                if rest:
                    element.text = first
                    for n, link in enumerate(rest):
                        element.insert(n, link)
            parent = element.getparent()
            if element.tail and parent is not None and not _left_alone(parent):
                first, rest = _named(here, element.tail)
                if rest:
                    element.tail = first
                    for link in reversed(rest):
                        element.addnext(link)


def _left_alone(element: Element) -> bool:
    for node in (element, *element.iterancestors()):
        if node.tag in _LEFT_ALONE_TAGS or _LEFT_ALONE_CLASSES & set(
                (node.get("class") or "").split()):
            return True
    return False


def _named(ctx: Context, text: str) -> tuple[str, list[Element]]:
    """The text before the first paragraph it names, and a link for each, the text after it as
    its tail; no links if it names none."""
    words = editors_words(text, ctx.edition, ctx.m)
    if len(words) == 1 and words[0].text == text:
        return text, []
    first, links = "", []
    for node in flat(words_nodes(words, ctx.part_links())):
        if isinstance(node, str):
            if links:
                links[-1].tail = (links[-1].tail or "") + node
            else:
                first += node
        else:
            links.append(node)
    return first, links
