"""One transmitted paragraph as a reader sees it: its number in the margin, the paragraph's own
text (the transmitted words and their note calls, nothing else), and, on section pages, its
notes as sidenotes beside it.

    <div class="para">            the grid: margin | text | sidenotes (edition.css)
      <div class="ed margin">     the number, the paragraph's permalink; it opens the panel (panel.js)
      <div class="ed kind-label"> "Caption (why)", for blocks that are not running text
      <p id="p4" class="tb">      the text, as copied by a reader who selects it
      <aside class="ed sidenotes" aria-hidden="true">   the notes again, shown beside the text
"""
from __future__ import annotations

from .. import wording
from ..model import Block, Span
from ..paths import html_path
from ..wording import KIND_LABELS
from .context import Context, shorten
from .inline import escape_text, html_text, words_markdown


def paragraph(ctx: Context, block: Block, section_id: str, text: str,
              sidenotes: tuple[tuple[int, Span], ...] = ()) -> str:
    """The paragraph's Markdown: `text` is its rendered text (inline.render_block_text)."""
    parts = [f'<div class="para" data-section="{section_id}" markdown>', number(block)]
    if block.kind in KIND_LABELS:
        parts.append(kind_label(ctx, block))
    parts.append(f"\n{text}\n{{ #{block.id} .tb .{block.kind.value} }}\n")
    if sidenotes:
        parts.append(_sidenotes(ctx, block, sidenotes))
    parts.append("</div>\n")
    return "\n".join(parts)


def number(block: Block) -> str:
    """The paragraph's number in the margin, its permanent link. It is not a word of the text:
    data-search-exclude keeps it out of search."""
    return (f'<div class="ed margin" data-search-exclude=""><a class="pn" href="#{block.id}" '
            f'title="Paragraph {block.number}: permanent link">{block.number}</a></div>')


def kind_label(ctx: Context, block: Block) -> str:
    why = html_path(ctx.link("method.md")) + "#" + block.id
    return (f'<div class="ed kind-label" data-search-exclude="">'
            f'{html_text(KIND_LABELS[block.kind])} (<a href="{why}">why</a>)</div>')


def _sidenotes(ctx: Context, block: Block, notes: tuple[tuple[int, Span], ...]) -> str:
    """The paragraph's notes for the margin of a wide screen: the same words as the apparatus
    below, which the calls link to and screen readers read; here they are only shown (no links,
    hidden from the accessibility tree, so nothing is read twice)."""
    items = "\n\n".join(f'<span class="sn-n">{n}</span> {sidenote_text(ctx, span)}'
                        for n, span in notes)
    return (f'<aside class="ed sidenotes" aria-hidden="true" data-search-exclude="" '
            f'data-for="{block.id}" markdown>\n\n{items}\n\n</aside>')


def sidenote_text(ctx: Context, span: Span) -> str:
    said = " ".join(words_markdown(s.words) for s in wording.statements(ctx.edition, span))
    return f"*{escape_text(shorten(span.text, 40))}*: {said}"
