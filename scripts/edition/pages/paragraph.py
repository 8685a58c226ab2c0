"""One transmitted paragraph as a reader sees it: its number in the margin, the paragraph's own
text (the transmitted words and their note calls, nothing else), and, on section pages, its
notes as sidenotes beside it.

    <aside class="ed sidenotes" aria-hidden="true">   the notes again, shown beside the text
    <div class="para">            the grid: margin | text (edition.css)
      <div class="ed margin">     the number, the paragraph's permalink; it opens the panel (panel.js)
      <div class="ed kind-label"> "Caption (why)", for blocks that are not running text
      <p id="p4" class="tb">      the text, as copied by a reader who selects it
      <p class="ed tr" lang="es"> on another language's pages: the editors' translation

The sidenotes come before their paragraph, outside its grid: on a wide screen they float in the
right margin from the paragraph's top, each paragraph's below the ones before, so notes longer
than their paragraph run on beside the next one instead of pushing it down.
"""
from __future__ import annotations

import re

from ..kinds import statements
from ..doc import Nodes, h
from ..doc.tree import Element
from ..model import Block, BlockKind, Span
from ..wording import KIND_LABELS
from .context import Context, shorten
from .inline import statements_nodes


def paragraph(ctx: Context, block: Block, section_id: str, text: list[Nodes],
              sidenotes: tuple[tuple[int, Span], ...] = ()) -> list[Element]:
    """The paragraph, after its sidenotes if it has any: `text` is its rendered text
    (inline.render_block_text). On a page in another language than the text's, the editors'
    translation stands beside it, in the margin the sidenotes would take: its notes are read
    in place and in the apparatus."""
    translated = ctx.translation_of(block.id)
    para = h("div", {"class": "para" + (" has-tr" if translated else ""),
                     "data-section": section_id},
             number(ctx, block),
             kind_label(ctx, block) if block.kind in KIND_LABELS else None,
             h("p", {"id": block.id, "class": f"tb {block.kind.value}",
                     "lang": ctx.edition.bibliography.article.language if ctx.prefix else None},
               text),
             translation(ctx, block, translated) if translated else None)
    return [_sidenotes(ctx, block, sidenotes), para] if sidenotes and not translated else [para]


def translation(ctx: Context, block: Block, text: str) -> Element:
    """The editors' translation of a block, marked as theirs; where a witness of one of its
    quotations was found, the witness's own words are marked as such (witnesses.yml)."""
    return h("p", {"class": "ed tr", "lang": ctx.language, "data-tr": block.id,
                   "aria-label": _translation_label(ctx.m, block)},
             witness_words(ctx, block, text))


def _translation_label(m, block: Block) -> str:
    if block.number:
        return m._("The editors' translation of paragraph {number}", number=block.number)
    if block.kind == BlockKind.TITLE:
        return m._("The editors' translation of the title")
    return m._("The editors' translation of the heading")


def witness_words(ctx: Context, block: Block, text: str) -> list[Nodes]:
    """The translation, each «…» quotation that is a found witness's own words marked, with
    the witness's source and where its words stand there."""
    found = [w for w in ctx.edition.source.witnesses.quotations
             if w.block == block.id and w.status == "found" and w.passage]
    out: list[Nodes] = []
    at = 0
    for quote in re.finditer(r"«([^»]+)»", text):
        witness = next((w for w in found if quote[1] in " ".join(w.passage.split())), None)
        if witness is None:
            continue
        entry = ctx.edition.source.source_entry(witness.source)
        out += [text[at:quote.start()], h("span", {"class": "witness", "title": ctx.m._(
            "The witness's own words: {source}, {at}", source=entry.label,
            at=ctx.locator(witness.at))},
            quote[0])]
        at = quote.end()
    return out + [text[at:]]


def number(ctx: Context, block: Block) -> Element:
    """The paragraph's number in the margin, its permanent link. It is not a word of the text:
    data-search-exclude keeps it out of search."""
    return h("div", {"class": "ed margin", "data-search-exclude": ""},
             h("a", {"class": "pn", "href": f"#{block.id}", "title": ctx.m._(
                 "Paragraph {number}: permanent link", number=block.number)}, str(block.number)))


def kind_label(ctx: Context, block: Block) -> Element:
    why = ctx.link("method.md") + "#" + block.id
    return h("div", {"class": "ed kind-label", "data-search-exclude": ""},
             ctx.m._(KIND_LABELS[block.kind]), " (", h("a", {"href": why}, ctx.m._("why")), ")")


def _sidenotes(ctx: Context, block: Block, notes: tuple[tuple[int, Span], ...]) -> Element:
    """The paragraph's notes for the margin of a wide screen: the same words as the apparatus
    below, which the calls link to and screen readers read; here they are only shown (no links,
    hidden from the accessibility tree, so nothing is read twice)."""
    return h("aside", {"class": "ed sidenotes", "aria-hidden": "true", "data-search-exclude": "",
                       "data-for": block.id},
             [h("p", h("span", {"class": "sn-n"}, str(n)), " ", sidenote_text(ctx, span))
              for n, span in notes])


def sidenote_text(ctx: Context, span: Span) -> list[Nodes]:
    said = statements_nodes(statements(ctx.edition, span, ctx.m))
    return [h("em", ctx.original(shorten(span.text, 40))), ": ", *said]
