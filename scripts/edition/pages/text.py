"""The text pages: each section with its apparatus, and the whole article on one page."""
from __future__ import annotations

import copy

from .. import dates, wording
from ..kinds import statements
from ..doc import Nodes, fill, flat, h
from ..doc.tree import Element
from ..i18n import N_
from ..model import Block, BlockKind, Section, Span
from ..kinds import AnnotationType as T
from ..paths import entity_path, html_path, relative, section_path, to_a_page
from .context import Context, count_by, not_searched, shorten
from .inline import (Links, Rendered, calls_note, description_list, render_block_text,
                     statements_nodes)
from .page import Page
from .paragraph import paragraph, translation
from .record import cited, evidence

TYPE_HEADINGS = (("person", N_("People")), ("organisation", N_("Organisations")),
                 ("group", N_("Groups")), ("place", N_("Places")))


def section_page(ctx: Context, section: Section) -> Page:
    ctx = ctx.at(section_path(section.id))
    m = ctx.m
    intro = None
    if section.editorial_title:
        intro = h("p", {"class": "ed editorial-title"}, wording.supplied_title(section.title, m),
                  " ", fill(m._("(the text has no heading here; {why})."),
                            why=h("a", {"href": ctx.link("method.md#opening")}, m._("why"))))
    level = 2 if section.editorial_title else 1
    text, notes = section_text(ctx, section, level, [title_block(ctx, section)],
                               sidenotes=ctx.interactive)
    has_heading = any(b.kind is BlockKind.HEADING for b in section.blocks)
    body = h("div", {"class": "ed-page"},
             reading_tools(ctx, ctx.cite_boxes.section_box(section)), intro, text,
             apparatus(ctx, section, notes, level + has_heading), _descriptions(ctx, [section]))
    return Page(ctx.page, section.title, section.summary, body, sidenotes=ctx.interactive,
                panel=ctx.interactive)


def whole_article(ctx: Context) -> Page:
    """The article read straight through, section after section; the notes and indexes of every
    section after the text (each note also opens where it is called), and a table of contents
    that lists the sections."""
    ctx = ctx.at("article.md")
    m = ctx.m
    parts: list[Nodes] = [reading_tools(ctx, ctx.cite_boxes.article_box())]
    apparatuses: list[Nodes] = [h("h2", {"id": "apparatus"}, m._("Notes and indexes"))]
    for n, section in enumerate(ctx.edition.sections):
        after_heading: list[Nodes] = [title_block(ctx)] if n == 0 else []
        after_heading.append(ctx.cite_boxes.paragraph_templates(section))
        text, notes = section_text(ctx, section, 2, after_heading)
        parts += text
        apparatuses.append(apparatus(ctx, section, notes, 3))
    parts += [apparatuses, _descriptions(ctx, ctx.edition.sections)]
    article = ctx.edition.bibliography.article
    return Page(ctx.page, article.title, article.description, h("div", {"class": "ed-page"}, parts),
                searchable=False, panel=ctx.interactive, toc_depth=2)


def reading_tools(ctx: Context, cite: Element | None) -> Element | None:
    """The reading tools, in a row above the text and not in it: on another language's page the
    switch to the translation alone (a phone's), the annotations switch and the cite box
    (opened, it lies over the page, so nothing below it moves). The row is
    part of the page, not added by a script, so nothing moves when the scripts run; reading is
    quiet until a reader asks for the annotations (edition.js)."""
    if not ctx.interactive:
        return None
    m = ctx.m
    translated = ctx.prefix and ctx.edition.source.translation(ctx.language)
    return h("div", {"class": "ed ed-controls", "role": "group", "aria-label": m._("Reading tools"),
                     "data-search-exclude": ""},
             h("button", {"class": "ed-tr-toggle", "type": "button", "aria-pressed": "false"},
               m._("Read the translation alone")) if translated else None,
             h("button", {"class": "ed-toggle", "type": "button", "aria-pressed": "false"},
               m._("Annotations")), cite)


def title_block(ctx: Context, section: Section | None = None) -> Element:
    """The title block, set like a book's: under the title, the article's date and the
    edition's version (on a section page, the article it belongs to)."""
    m = ctx.m
    art, ed = ctx.edition.bibliography.article, ctx.edition.bibliography.edition
    lines: list[Nodes] = []
    if section is not None:
        number = ctx.edition.sections.index(section) + 1
        lines.append(h("span", {"class": "tb-line"}, m._(
            "Section {number} of {total} of", number=number, total=len(ctx.edition.sections)),
            " ", h("a", {"href": ctx.link("article.md")}, ctx.original(art.title))))
    lines.append(h("span", {"class": "tb-line"},
                   h("time", {"datetime": art.date}, m.date(art.date))))
    lines.append(h("span", {"class": "tb-line"}, m._("{edition}, version {version}",
                                                      edition=ed.title, version=ed.version)))
    if not ctx.prefix:
        lines += [h("span", {"class": "tb-line"}, h(
            "a", {"href": ctx.twin(t.language), "hreflang": t.language},
            m._("The editors' {language} translation", language=m.language_name(t.language))))
            for t in ctx.edition.source.translations]
    elif ctx.edition.source.translation(ctx.language):
        lines.append(h("span", {"class": "tb-line"}, fill(m._(
            "The transmitted text is in English; beside each paragraph, the editors' "
            "translation ({about})."), about=h("a", {"href": ctx.link("method.md#translation")},
                                             m._("about the translation")))))
    return h("p", {"class": "ed title-block", "data-search-exclude": ""}, lines)


def section_text(ctx: Context, section: Section, heading_level: int,
                 after_heading: list[Nodes] | None = None,
                 sidenotes: bool = False) -> tuple[list[Nodes], list[Span]]:
    """The transmitted blocks of one section, and the spans whose notes they call;
    `after_heading` stands between its first block and the others."""
    blocks: list[list[Element]] = []
    notes: list[Span] = []
    for block in section.blocks:
        elements, called = _block(ctx, block, section, heading_level, len(notes) + 1, sidenotes)
        blocks.append(elements)
        notes += called
    parts: list[Nodes] = [h("div", {"class": "transmitted"}, blocks[:1]), after_heading]
    if blocks[1:]:
        parts.append(h("div", {"class": "transmitted"}, blocks[1:]))
    return parts, notes


def _block(ctx: Context, block: Block, section: Section, level: int,
           first_note: int, sidenotes: bool) -> tuple[list[Element], tuple[Span, ...]]:
    if block.kind in (BlockKind.TITLE, BlockKind.HEADING):
        heading_level = level if block.kind is BlockKind.HEADING else max(1, level - 1)
        translated = ctx.translation_of(block.id)
        # The page's contents list it in the page's language (Python-Markdown's toc reads the
        # label); the heading itself is the transmitted text.
        heading = h(f"h{heading_level}", {"id": block.id, "class": "tb", "lang": (
            ctx.edition.bibliography.article.language if ctx.prefix else None),
            "data-toc-label": translated}, block.text)
        if not translated:
            return [heading], ()
        return [h("div", {"class": "heading-pair"}, heading, translation(ctx, block, translated))], ()
    rendered = _rendered(ctx, block, first_note)
    margin = tuple(enumerate(rendered.notes, start=first_note)) if sidenotes else ()
    nodes = rebased(rendered.nodes, ctx.page)
    return paragraph(ctx, block, section.id, nodes, margin), rendered.notes


def _rendered(ctx: Context, block: Block, first_note: int) -> Rendered:
    """The block's text, rendered once per language for every page that shows it (its section
    page, the whole article): its links lead from the language's root, and each page takes a
    copy rebased to it (`rebased`). Its notes are numbered alike on both pages."""
    key, rendered = (block.id, first_note), ctx.rendered.of(ctx)
    if key not in rendered:
        links = Links(entity_href=lambda e: html_path(entity_path(e)),
                      entity_description=ctx.described,
                      note_marker=lambda span, n: _note_call(ctx, span, n))
        rendered[key] = render_block_text(block, ctx.edition.spans_in(block.id), links, ctx.m,
                                          first_note)
    return rendered[key]


def rebased(nodes: list[Nodes], page: str) -> list[Nodes]:
    """A copy of nodes whose links lead from the language's root, each link made relative to
    `page` (any other link stays as it is: paths.to_a_page)."""
    copied: list[Nodes] = []
    for node in flat(nodes):
        if isinstance(node, Element):
            node = copy.deepcopy(node)
            for link in node.iter("a"):
                href = link.get("href")
                if to_a_page(href):
                    link.set("href", relative(page, href))
        copied.append(node)
    return copied


def _note_call(ctx: Context, span: Span, n: int) -> Element:
    """The call of a note: its number is drawn by the stylesheet from data-n, so the
    paragraph's element holds the transmitted text and nothing else (a reader's copy, an
    annotation tool's offsets); the link is named for screen readers."""
    note_id = note_id_of(ctx, span)
    return h("sup", {"class": "ed nref", "id": f"ref-{note_id}"},
             h("a", {"href": f"#{note_id}", "data-n": n, "aria-label": ctx.m._(
                 "Editorial note {number}", number=n)}))


def note_id_of(ctx: Context, span: Span) -> str:
    same = [s for s in ctx.edition.spans_in(span.block) if calls_note(s)]
    return f"n-{span.block}-{same.index(span) + 1}"


def apparatus(ctx: Context, section: Section, notes: list[Span], level: int) -> Element:
    m = ctx.m
    parts: list[Nodes] = [h(f"h{level}", {"id": f"apparatus-{section.id}"},
                            m._("Apparatus: {section}", section=section.title))]
    if notes:
        parts.append(h(f"h{level + 1}", {"id": f"notes-{section.id}"}, m._("Notes")))
        parts.append(h("ol", [h("li", h("span", {"id": note_id_of(ctx, span)}),
                                note_text(ctx, span), " ",
                                h("a", {"href": f"#ref-{note_id_of(ctx, span)}",
                                        "aria-label": m._("Back to the text")}, "↩"),
                                evidence(ctx, span.annotation))
                              for span in notes]))
    parts += _section_index(ctx, section, level + 1)
    return h("div", {"class": "apparatus ed"}, parts)


def note_text(ctx: Context, span: Span) -> list[Nodes]:
    """An editorial note on a span: its lemma, then what the editors say."""
    return [h("em", ctx.original(shorten(span.text, 60))), ": ", *attribution(ctx, span)]


def attribution(ctx: Context, span: Span) -> list[Nodes]:
    """What the editors say about the span (its kind's statements), with links."""
    return statements_nodes(statements(ctx.edition, span, ctx.m), ctx.part_links())


def _section_index(ctx: Context, section: Section, level: int) -> list[Nodes]:
    m = ctx.m
    spans = [s for b in section.blocks for s in ctx.edition.spans_in(b.id)]
    out: list[Nodes] = []
    mentioned = count_by(s.annotation.entity for s in spans if s.type == T.MENTION)
    for entity_type, heading in TYPE_HEADINGS:
        items = sorted((e for e in ctx.edition.entities if e.type == entity_type
                        and e.id in mentioned), key=lambda e: e.name)
        if items:
            links: list[Nodes] = []
            for n, e in enumerate(items):
                links += [", " if n else None, ctx.entity_link(e.id), f" ({mentioned[e.id]})"]
            out += [h(f"h{level}", {"id": f"{entity_type}-{section.id}"}, m._(heading)),
                    h("p", links)]
    date_spans = [s for s in spans if s.type == T.DATE]
    if date_spans:
        out.append(h(f"h{level}", {"id": f"dates-{section.id}"}, m._("Dates")))
        out.append(h("ul", [h("li", ctx.paragraph_ref(s.block), ": ", ctx.quote(s.text), " = ",
                            date_in_words(s.annotation.when, m),
            [". ", *cited(ctx, s.annotation.note, s.annotation)] if s.annotation.note else None,
            evidence(ctx, s.annotation)) for s in date_spans]))
    quotes = [s for s in spans if s.type == T.QUOTATION and s.annotation.kind != "term"]
    if quotes:
        out.append(h(f"h{level}", {"id": f"sources-{section.id}"}, m._("Sources and quotations")))
        out.append(not_searched([[ctx.paragraph_ref(s.block), ": ", ctx.original(shorten(s.text, 70)), " — ",
                                  *attribution(ctx, s)] for s in quotes]))
    return out


def date_in_words(value: str, m) -> Element:
    """A date as a reader reads it; its code (EDTF) only in the machine's attribute."""
    machine = dates.html_datetime(value)
    if machine:
        return h("time", {"datetime": machine}, m.date(value))
    return h("span", {"data-when": value}, m.date(value))


def _descriptions(ctx: Context, sections) -> Element:
    """The hidden descriptions the page's mentions point at (aria-describedby), once each."""
    mentioned = dict.fromkeys(s.annotation.entity for section in sections
                              for block in section.blocks
                              for s in ctx.edition.spans_in(block.id) if s.type == T.MENTION)
    return description_list((ctx.edition.entity(e) for e in mentioned), ctx.described)
