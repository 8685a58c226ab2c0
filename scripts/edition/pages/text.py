"""The text pages: each section with its apparatus, and the whole article on one page."""
from __future__ import annotations

from .. import dates, wording
from ..model import AnnotationType as T, Block, BlockKind, Section, Span
from ..paths import entity_path, html_path, section_path
from ..wording import KIND_LABELS
from .context import Context, count_by, not_searched, shorten
from .inline import (Links, attribute, calls_note, description_list, escape_text,
                     render_block_text, statements_markdown)
from .page import Page
from .record import cited

TYPE_HEADINGS = (("person", "People"), ("organisation", "Organisations"), ("group", "Groups"),
                 ("place", "Places"))
# The annotation-highlighting switch above the text (edition.js makes it work). It is part of
# the page, not added by the script, so nothing moves or is laid out again when the script runs.
HIGHLIGHT_TOGGLE = ('<div class="ed ed-controls" data-search-exclude><button class="ed-toggle '
                    'md-button" type="button" aria-pressed="true">Hide annotation highlighting'
                    '</button></div>\n\n')


def section_page(ctx: Context, section: Section) -> Page:
    ctx = ctx.at(section_path(section.id))
    intro = ""
    if section.editorial_title:
        supplied = escape_text(wording.supplied_title(section.title))
        intro = (f'<p class="ed editorial-title" markdown>{supplied} (the text has no '
                 f"heading here; "
                 f'[why]({ctx.link("method.md#opening")})).</p>\n\n')
    level = 2 if section.editorial_title else 1
    body = (intro + _toggle(ctx) + section_body(ctx, section, heading_level=level)
            + _descriptions(ctx, [section]))
    return Page(ctx.page, section.title, section.summary, body)


def whole_article(ctx: Context) -> Page:
    ctx = ctx.at("article.md")
    parts = [_toggle(ctx)] if ctx.interactive else []
    parts += [section_body(ctx, section, heading_level=2) for section in ctx.edition.sections]
    parts.append(_descriptions(ctx, ctx.edition.sections))
    return Page(ctx.page, "The whole article", ctx.edition.bibliography.article.description,
                "\n".join(parts), searchable=False)


def _toggle(ctx: Context) -> str:
    return HIGHLIGHT_TOGGLE if ctx.interactive else ""


def section_body(ctx: Context, section: Section, heading_level: int) -> str:
    """The transmitted blocks of one section, then its apparatus."""
    links = Links(entity_href=lambda e: html_path(ctx.link(entity_path(e))),
                  entity_description=lambda e: ctx.edition.entity(e).description,
                  note_marker=lambda span, n: _note_call(ctx, span, n))
    blocks, notes = [], []
    for block in section.blocks:
        text, called = _block(ctx, block, section, heading_level, links, len(notes) + 1)
        blocks.append(text)
        notes += called
    # The cite box is raw HTML at the top level, between two runs of the transmitted text:
    # inside a `markdown` div, Python-Markdown would rewrite its nested <details>.
    parts = [_transmitted(blocks[:1])]
    if ctx.interactive:
        parts.append(ctx.cite_boxes.section_box(section))
    if blocks[1:]:
        parts.append(_transmitted(blocks[1:]))
    has_heading = any(b.kind is BlockKind.HEADING for b in section.blocks)
    parts.append(_apparatus(ctx, section, notes, heading_level + has_heading))
    return "\n".join(parts)


def _transmitted(blocks: list[str]) -> str:
    body = "\n".join(blocks)
    return f'<div class="transmitted" markdown>\n\n{body}\n</div>\n'


def _block(ctx: Context, block: Block, section: Section, level: int, links: Links,
           first_note: int) -> tuple[str, tuple[Span, ...]]:
    if block.kind in (BlockKind.TITLE, BlockKind.HEADING):
        heading_level = level if block.kind is BlockKind.HEADING else max(1, level - 1)
        return f"{'#' * heading_level} {escape_text(block.text)} {{ #{block.id} .tb }}\n", ()
    rendered = render_block_text(block, ctx.edition.spans_in(block.id), links, first_note)
    label = ""
    if block.kind in KIND_LABELS:
        label = (f'<span class="ed kind-label">{escape_text(KIND_LABELS[block.kind])} '
                 f'([why]({ctx.link("method.md#" + block.id)})) </span>')
    return (f"{_controls(ctx, block, section)}{label}{rendered.text}\n"
            f"{{ #{block.id} .tb .{block.kind.value} }}\n", rendered.notes)


def _controls(ctx: Context, block: Block, section: Section) -> str:
    """The paragraph's number (its permanent link), and on the site its copy and cite controls.
    They are not words of the text: data-search-exclude keeps them out of search."""
    number = (f'<a class="ed pn" href="#{block.id}" data-search-exclude '
              f'title="Paragraph {block.number}: permanent link">{block.number}</a>')
    if not ctx.interactive:
        return number
    copy = (f'<button class="ed copy-link" type="button" data-search-exclude '
            f'data-clipboard-text="#{block.id}" '
            f'aria-label="Copy the link to paragraph {block.number}" '
            f'title="Copy the link to paragraph {block.number}">🔗</button>')
    return number + copy + ctx.cite_boxes.paragraph_link(block, section)


def _note_call(ctx: Context, span: Span, n: int) -> str:
    note_id = note_id_of(ctx, span)
    return (f'<sup class="ed nref" id="ref-{note_id}"><a href="#{note_id}" '
            f'aria-label="Editorial note {n}">{n}</a></sup>')


def note_id_of(ctx: Context, span: Span) -> str:
    same = [s for s in ctx.edition.spans_in(span.block) if calls_note(s)]
    return f"n-{span.block}-{same.index(span) + 1}"


def _apparatus(ctx: Context, section: Section, notes: list[Span], level: int) -> str:
    h = "#" * level
    out = [f'<div class="apparatus ed" markdown>\n\n{h} Apparatus: {escape_text(section.title)}'
           f" {{ #apparatus-{section.id} }}\n"]
    if notes:
        out.append(f"{h}# Notes {{ #notes-{section.id} }}\n")
        for n, span in enumerate(notes, start=1):
            note_id = note_id_of(ctx, span)
            out.append(f'{n}. <span id="{note_id}"></span>{note_text(ctx, span)} '
                       f'<a href="#ref-{note_id}" aria-label="Back to the text">↩</a>')
        out.append("")
    out.append(_section_index(ctx, section, h + "#"))
    out.append("</div>\n")
    return "\n".join(out)


def note_text(ctx: Context, span: Span) -> str:
    """An editorial note on a span, as Markdown: its lemma, then what the editors say."""
    return f"*{escape_text(shorten(span.text, 60))}*: {attribution(ctx, span)}"


def attribution(ctx: Context, span: Span) -> str:
    """What the editors say about the span, in the words of wording.py, with links."""
    lacunae = {s.annotation.id: s.block for s in ctx.edition.spans_of(T.LACUNA)}
    said = statements_markdown(
        wording.statements(ctx.edition, span), lambda e: ctx.link(entity_path(e)),
        lambda lacuna: f"{ctx.link(ctx.block_page(lacunae[lacuna]))}#{lacuna}")
    a = span.annotation  # the editors' statement, with its sources or marked as inference
    return cited(ctx.edition, ctx.page, said, getattr(a, "sources", ()), getattr(a, "basis", ""))


def _section_index(ctx: Context, section: Section, h: str) -> str:
    spans = [s for b in section.blocks for s in ctx.edition.spans_in(b.id)]
    out = []
    mentioned = count_by(s.annotation.entity for s in spans if s.type is T.MENTION)
    for entity_type, heading in TYPE_HEADINGS:
        items = [e for e in ctx.edition.entities if e.type == entity_type and e.id in mentioned]
        if items:
            links = ", ".join(f"{ctx.entity_link(e.id)} ({mentioned[e.id]})"
                              for e in sorted(items, key=lambda e: e.name))
            out.append(f"{h} {heading} {{ #{entity_type}-{section.id} }}\n\n{links}\n")
    date_spans = [s for s in spans if s.type is T.DATE]
    if date_spans:
        out.append(f"{h} Dates {{ #dates-{section.id} }}\n")
        for s in date_spans:
            out.append(f"- {ctx.paragraph_ref(s.block)}: "
                       f"“{escape_text(s.text)}” = <code>{attribute(s.annotation.when)}"
                       f"</code> ({escape_text(dates.human(s.annotation.when))})"
                       + (f". {escape_text(s.annotation.note)}" if s.annotation.note else ""))
        out.append("")
    quotes = [s for s in spans if s.type is T.QUOTATION and s.annotation.kind != "term"]
    if quotes:
        out.append(f"{h} Sources and quotations {{ #sources-{section.id} }}\n")
        out.append(not_searched([f"- {ctx.paragraph_ref(s.block)}: "
                                 f"{escape_text(shorten(s.text, 70))} — "
                                 f"{attribution(ctx, s)}" for s in quotes]))
    return "\n".join(out)


def _descriptions(ctx: Context, sections) -> str:
    """The hidden descriptions the page's mentions point at (aria-describedby), once each."""
    mentioned = dict.fromkeys(s.annotation.entity for section in sections
                              for block in section.blocks
                              for s in ctx.edition.spans_in(block.id) if s.type is T.MENTION)
    return "\n" + description_list({e: ctx.edition.entity(e).description for e in mentioned})
