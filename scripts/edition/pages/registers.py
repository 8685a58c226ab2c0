"""The registers: people, organisations, places (with the map), sources, timeline, figures."""
from __future__ import annotations

from collections import defaultdict

from .. import dates
from ..model import AnnotationType as T, Span
from ..paths import TIMELINE
from .context import Context, shorten
from .inline import attribute, escape_text, figure_value
from ..views import places_map, sources_view, timeline_view
from .page import Page
from .comparisons import figure_note, figures_against_record
from .record import cited
from .text import TYPE_HEADINGS, attribution, note_id_of, note_text

SOURCES = "register/sources.md"
FIGURES = "register/figures.md"


def mentions_of(ctx: Context, entity_id: str) -> list[Span]:
    return [s for s in ctx.edition.spans_of(T.MENTION) if s.annotation.entity == entity_id]


def register(ctx: Context, title: str, entity_type: str) -> Page:
    types = ("organisation", "group") if entity_type == "organisation" else (entity_type,)
    lines = [f"# {title}\n"]
    if entity_type == "place":
        lines.append(places_map(ctx.edition, ctx.page))
    for kind_type, heading in TYPE_HEADINGS:
        if kind_type not in types:
            continue
        items = sorted((e for e in ctx.edition.entities if e.type == kind_type),
                       key=lambda e: e.name)
        if len(types) > 1:
            lines.append(f"## {heading} {{ #{kind_type} }}\n")
        for e in items:
            count = len(mentions_of(ctx, e.id))
            lines.append(f"- **{ctx.entity_link(e.id)}** ({escape_text(e.kind)}; "
                         f"{count} mention{'s' if count != 1 else ''}): "
                         + cited(ctx.edition, ctx.page, escape_text(e.description), e.sources,
                                 e.basis))
        lines.append("")
    return Page(ctx.page, title, f"{title} named in the article.", "\n".join(lines),
                searchable=False)


def sources(ctx: Context) -> Page:
    quotes = ctx.edition.spans_of(T.QUOTATION)
    lines = ["# Sources and quotations\n",
             sources_view(ctx.edition, ctx.page, lambda span: note_id_of(ctx, span))]
    by_source: dict[str, list[Span]] = defaultdict(list)
    for s in quotes:
        by_source[s.annotation.source].append(s)
    for source_id in sorted(k for k in by_source if k):
        entity = ctx.edition.entity(source_id)
        lines.append(f"## {escape_text(entity.name)} {{ #{source_id} }}\n")
        lines.append(cited(ctx.edition, ctx.page, escape_text(entity.description),
                           entity.sources, entity.basis) + "\n")
        lines += _quote_list(ctx, by_source[source_id]) + [""]
    lost = [s for s in by_source.get("", []) if s.annotation.lacuna]
    lines.append("## Sources whose names were lost { #lost }\n")
    lines.append("The transmitted text lost the names of several of its sources; the gap is "
                 "marked ⟨…⟩ in the text.\n")
    lines += _quote_list(ctx, lost) + [""]
    lines.append("### Lacunae { #lacunae }\n")
    for s in ctx.edition.spans_of(T.LACUNA):
        gap = f"{ctx.link(ctx.block_page(s.block))}#{s.annotation.id}"
        lines.append(f"- [{escape_text(ctx.block_label(s.block))}]({gap}): {note_text(ctx, s)}")
    lines.append("")
    other = [s for s in by_source.get("", []) if not s.annotation.lacuna]
    lines.append("## Other quotations { #other }\n")
    lines += _quote_list(ctx, other) + [""]
    return Page(ctx.page, "Sources and quotations", "Every quotation, who said it and who "
                "reported it.", "\n".join(lines), searchable=False)


def _quote_list(ctx: Context, spans: list[Span]) -> list[str]:
    return [f"- {ctx.paragraph_ref(s.block)} "
            f"({escape_text(s.annotation.kind)}): {escape_text(shorten(s.text, 110))} — "
            f"{attribution(ctx, s)}" for s in spans]


def timeline(ctx: Context) -> Page:
    lines = ["# Timeline\n", timeline_view(ctx.edition)]
    by_event: dict[str, list[Span]] = defaultdict(list)
    for s in ctx.edition.spans_of(T.DATE):
        by_event[s.annotation.event].append(s)
    for event in sorted(ctx.edition.events, key=lambda e: (dates.sort_key(e.when), e.id)):
        refs = by_event.get(event.id, [])
        links = ", ".join(ctx.paragraph_ref(b) for b in dict.fromkeys(s.block for s in refs))
        lines.append(f"## {escape_text(dates.human(event.when))}: {escape_text(event.title)} "
                     f"{{ #{event.id} }}\n")
        lines.append(f"<code>{attribute(event.when)}</code> · " + cited(
            ctx.edition, ctx.page, escape_text(event.description), event.sources,
            event.basis) + "\n")
        if links:
            lines.append(f"Mentioned in {links}.\n")
    return Page(TIMELINE, "Timeline", "The events of the article in date order.",
                "\n".join(lines))


def figures(ctx: Context) -> Page:
    lines = ["# Figures\n", "| ¶ | In the text | Value | Counts | Note |", "|---|---|---|---|---|"]
    for s in ctx.edition.spans_of(T.FIGURE):
        a = s.annotation
        value = figure_value(a)
        lines.append(f"| {ctx.paragraph_ref(s.block)} | "
                     f"{escape_text(s.text)} | {escape_text(value)} | {escape_text(a.counts)} | "
                     + figure_note(ctx.edition, ctx.page, s) + " |")
    body = "\n".join(lines) + "\n\n" + figures_against_record(ctx.edition, ctx.page)
    return Page(ctx.page, "Figures", "The article's numeric claims.", body, searchable=False)
