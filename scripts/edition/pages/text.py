"""The text pages: each section with its apparatus, and the whole article on one page."""
from __future__ import annotations

from .. import dates, wording
from ..model import AnnotationType as T, Block, BlockKind, Section, Span
from ..paths import entity_path, html_path, section_path
from .context import Context, count_by, not_searched, shorten
from .inline import (Links, attribute, calls_note, description_list, escape_text, html_text,
                     render_block_text, statements_markdown)
from .page import Page
from .paragraph import paragraph
from .record import cited

TYPE_HEADINGS = (("person", "People"), ("organisation", "Organisations"), ("group", "Groups"),
                 ("place", "Places"))
# The annotations switch above the text (edition.js makes it work). It is part of the page, not
# added by the script, so nothing moves or is laid out again when the script runs. Reading is
# quiet until a reader asks for the annotations.
ANNOTATIONS_TOGGLE = ('<div class="ed ed-controls" data-search-exclude><button class="ed-toggle '
                      'md-button" type="button" aria-pressed="false">Show annotations'
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
    after_heading = title_block(ctx, section)
    if ctx.interactive:
        after_heading += ctx.cite_boxes.section_box(section)
    body = (intro + _toggle(ctx)
            + section_body(ctx, section, level, after_heading, sidenotes=ctx.interactive)
            + _descriptions(ctx, [section]))
    return Page(ctx.page, section.title, section.summary, body, sidenotes=ctx.interactive,
                panel=ctx.interactive)


def whole_article(ctx: Context) -> Page:
    ctx = ctx.at("article.md")
    parts = [_toggle(ctx)] if ctx.interactive else []
    for n, section in enumerate(ctx.edition.sections):
        after_heading = ""
        if ctx.interactive:  # the one-page edition has its own title page
            after_heading += title_block(ctx) if n == 0 else ""
            after_heading += (ctx.cite_boxes.article_box() if n == 0 else "") + \
                ctx.cite_boxes.paragraph_templates(section)
        parts.append(section_body(ctx, section, 2, after_heading))
    parts.append(_descriptions(ctx, ctx.edition.sections))
    article = ctx.edition.bibliography.article
    return Page(ctx.page, article.title, article.description, "\n".join(parts),
                searchable=False, panel=ctx.interactive)


def _toggle(ctx: Context) -> str:
    return ANNOTATIONS_TOGGLE if ctx.interactive else ""


def title_block(ctx: Context, section: Section | None = None) -> str:
    """The title block, set like a book's: under the title, the article's date and the
    edition's version (on a section page, the article it belongs to)."""
    art, ed = ctx.edition.bibliography.article, ctx.edition.bibliography.edition
    date = f'<time datetime="{art.date}">{html_text(dates.human(art.date))}</time>'
    lines = [f'<span class="tb-line">{date}</span>']
    if section is not None:
        number = ctx.edition.sections.index(section) + 1
        lines.insert(0, f'<span class="tb-line">Section {number} of {len(ctx.edition.sections)}'
                        f' of <a href="{html_path(ctx.link("article.md"))}">'
                        f"{html_text(art.title)}</a></span>")
    lines.append(f'<span class="tb-line">{html_text(ed.title)}, version {html_text(ed.version)}'
                 f"</span>")
    return f'<p class="ed title-block" data-search-exclude>{"".join(lines)}</p>\n'


def section_body(ctx: Context, section: Section, heading_level: int, after_heading: str = "",
                 sidenotes: bool = False) -> str:
    """The transmitted blocks of one section, then its apparatus; `after_heading` (raw HTML)
    stands between its first block and the others."""
    links = Links(entity_href=lambda e: html_path(ctx.link(entity_path(e))),
                  entity_description=lambda e: ctx.edition.entity(e).description,
                  note_marker=lambda span, n: _note_call(ctx, span, n))
    blocks, notes = [], []
    for block in section.blocks:
        text, called = _block(ctx, block, section, heading_level, links, len(notes) + 1,
                              sidenotes)
        blocks.append(text)
        notes += called
    # Raw HTML at the top level, between two runs of the transmitted text: inside a `markdown`
    # div, Python-Markdown would rewrite a cite box's nested <details>.
    parts = [_transmitted(blocks[:1])]
    if after_heading:
        parts.append(after_heading)
    if blocks[1:]:
        parts.append(_transmitted(blocks[1:]))
    has_heading = any(b.kind is BlockKind.HEADING for b in section.blocks)
    parts.append(_apparatus(ctx, section, notes, heading_level + has_heading))
    return "\n".join(parts)


def _transmitted(blocks: list[str]) -> str:
    body = "\n".join(blocks)
    return f'<div class="transmitted" markdown>\n\n{body}\n</div>\n'


def _block(ctx: Context, block: Block, section: Section, level: int, links: Links,
           first_note: int, sidenotes: bool) -> tuple[str, tuple[Span, ...]]:
    if block.kind in (BlockKind.TITLE, BlockKind.HEADING):
        heading_level = level if block.kind is BlockKind.HEADING else max(1, level - 1)
        return f"{'#' * heading_level} {escape_text(block.text)} {{ #{block.id} .tb }}\n", ()
    rendered = render_block_text(block, ctx.edition.spans_in(block.id), links, first_note)
    margin = tuple(enumerate(rendered.notes, start=first_note)) if sidenotes else ()
    return paragraph(ctx, block, section.id, rendered.text, margin), rendered.notes


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
    return "\n" + description_list(ctx.edition.entity(e) for e in mentioned)
