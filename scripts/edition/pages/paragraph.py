"""One transmitted paragraph as a reader sees it: its number in the margin, the paragraph's own
text (the transmitted words and their note calls, nothing else), and, on section pages, its
notes as sidenotes beside it.

    <aside class="ed sidenotes" aria-hidden="true">   the notes again, shown beside the text
    <div class="para">            the grid: margin | text (edition.css)
      <div class="ed margin">     the number, the paragraph's permalink; it opens the panel (panel.js)
      <div class="ed kind-label"> "Caption (why)", for blocks that are not running text
      <p id="p4" class="tb">      the text, as copied by a reader who selects it

The sidenotes come before their paragraph, outside its grid: on a wide screen they float in the
right margin from the paragraph's top, each paragraph's below the ones before, so notes longer
than their paragraph run on beside the next one instead of pushing it down.
"""
from __future__ import annotations

from ..kinds import statements
from ..doc import Nodes, h
from ..doc.tree import Element
from ..model import Block, Span
from ..wording import KIND_LABELS
from .context import Context, shorten
from .inline import statements_nodes


def paragraph(ctx: Context, block: Block, section_id: str, text: list[Nodes],
              sidenotes: tuple[tuple[int, Span], ...] = ()) -> list[Element]:
    """The paragraph, after its sidenotes if it has any: `text` is its rendered text
    (inline.render_block_text)."""
    para = h("div", {"class": "para", "data-section": section_id},
             number(ctx, block),
             kind_label(ctx, block) if block.kind in KIND_LABELS else None,
             h("p", {"id": block.id, "class": f"tb {block.kind.value}"}, text))
    return [_sidenotes(ctx, block, sidenotes), para] if sidenotes else [para]


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
    return [h("em", shorten(span.text, 40)), ": ", *said]
