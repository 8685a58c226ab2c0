"""A transform on the rendered pages: the editors' words that are not written as parts
(descriptions, record entries, notes on the structure) name a paragraph by its id, as the data
writes it ("in p10", "(p9–p10)"); a reader reads its number, linked to it ("in ¶ 10"), as
wording.editors_words gives the annotations' notes in every output.

The transmitted text's blocks and the editors' translation of it are never touched, nor quoted
words (a source's passage, a quotation), links, code or drawings. Elsewhere a page may show an
excerpt of the text as bare words (a mention in context): the text names no paragraph as the
data does (tests/build/test_text_integrity.py), so none is changed.
"""
from __future__ import annotations

from ..doc.tree import Element, flat
from ..wording import BLOCK_ID, editors_words
from .context import Context
from .inline import words_nodes
from .page import Page

_LEFT_ALONE_TAGS = {"a", "blockquote", "q", "code", "pre", "script", "style", "svg"}
_LEFT_ALONE_CLASSES = {"tb", "tr"}  # the transmitted text; the editors' translation of it


def name_paragraphs(ctx: Context, pages: tuple[Page, ...]) -> None:
    for page in pages:
        _name_below(ctx.at(page.path), page.body, left_alone=False)


def _name_below(ctx: Context, element: Element, left_alone: bool) -> None:
    """In the element's own text and in each child's tail (the text after a child is the
    element's), and so on down, unless the element or one above it is left alone."""
    left_alone = left_alone or element.tag in _LEFT_ALONE_TAGS or bool(
        _LEFT_ALONE_CLASSES & set((element.get("class") or "").split()))
    if element.text and not left_alone:
        first, links = _named(ctx, element.text)
        if links:
            element.text = first
            for n, link in enumerate(links):
                element.insert(n, link)
    for child in list(element):
        if isinstance(child.tag, str):
            _name_below(ctx, child, left_alone)
        if child.tail and not left_alone:
            first, links = _named(ctx, child.tail)
            if links:
                child.tail = first
                for link in reversed(links):
                    child.addnext(link)


def _named(ctx: Context, text: str) -> tuple[str, list[Element]]:
    """The text before the first paragraph it names, and a link for each, the text after it as
    its tail; no links if it names none."""
    if not BLOCK_ID.search(text):  # most text names no paragraph
        return text, []
    words = editors_words(text, ctx.edition, ctx.m)
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
