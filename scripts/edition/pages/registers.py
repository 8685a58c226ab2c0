"""The registers: people, organisations, places (with the map), sources, timeline, figures."""
from __future__ import annotations

from collections import defaultdict

from .. import dates
from ..kinds.figure import figure_value
from ..kinds.quotation import KIND_NAMES
from ..doc import Nodes, h
from ..doc.tree import Element
from ..i18n import N_
from ..model import Span
from ..kinds import AnnotationType as T
from ..paths import TIMELINE
from ..views import places_map, sources_view, timeline_view
from .comparisons import figure_note, figures_against_record
from .context import Context, data_table, shorten
from .page import Page
from .record import cited, evidence
from .text import TYPE_HEADINGS, attribution, note_id_of, note_text

SOURCES = "register/sources.md"
FIGURES = "register/figures.md"
REGISTER_DESCRIPTIONS = {"person": N_("People named in the article."),
                         "organisation": N_("Organisations and groups named in the article."),
                         "place": N_("Places named in the article.")}


def mentions_of(ctx: Context, entity_id: str) -> list[Span]:
    return [s for s in ctx.edition.spans_of(T.MENTION) if s.annotation.entity == entity_id]


def _page(ctx: Context, title: str, description: str, parts: list[Nodes], **flags) -> Page:
    return Page(ctx.page, title, description, h("div", {"class": "ed-page"}, parts), **flags)


def register(ctx: Context, title: str, entity_type: str) -> Page:
    m = ctx.m
    types = ("organisation", "group") if entity_type == "organisation" else (entity_type,)
    parts: list[Nodes] = [h("h1", m._(title))]
    if entity_type == "place":
        parts.append(places_map(ctx.edition, ctx.page, m))
    for kind_type, heading in TYPE_HEADINGS:
        if kind_type not in types:
            continue
        items = sorted((e for e in ctx.edition.entities if e.type == kind_type),
                       key=lambda e: e.name)
        if len(types) > 1:
            parts.append(h("h2", {"id": kind_type}, m._(heading)))
        entries = []
        for e in items:
            count = len(mentions_of(ctx, e.id))
            entries.append(h("li", h("strong", ctx.entity_link(e.id)), " (", e.kind, "; ",
                             m.ngettext("{count} mention", "{count} mentions", count), "): ",
                             cited(ctx, e.description, e), evidence(ctx, e)))
        parts.append(h("ul", entries))
    return _page(ctx, m._(title), m._(REGISTER_DESCRIPTIONS[entity_type]), parts,
                 searchable=False)


def sources(ctx: Context) -> Page:
    m = ctx.m
    quotes = ctx.edition.spans_of(T.QUOTATION)
    parts: list[Nodes] = [h("h1", m._("Sources and quotations")),
                          sources_view(ctx.edition, ctx.page, lambda span: note_id_of(ctx, span),
                                       m)]
    by_source: dict[str | None, list[Span]] = defaultdict(list)
    for s in quotes:
        by_source[s.annotation.source].append(s)
    for source_id in sorted(k for k in by_source if k):
        entity = ctx.edition.entity(source_id)
        parts += [h("h2", {"id": source_id}, entity.name),
                  h("p", cited(ctx, entity.description, entity)), evidence(ctx, entity),
                  _quote_list(ctx, by_source[source_id])]
    unnamed = by_source.get(None, [])  # no reporting source: a lost name, or none given
    lost = [s for s in unnamed if s.annotation.lacuna]
    parts += [h("h2", {"id": "lost"}, m._("Sources whose names were lost")),
              h("p", m._("The transmitted text lost the names of several of its sources; the "
                         "gap is marked ⟨…⟩ in the text.")),
              _quote_list(ctx, lost),
              h("h3", {"id": "lacunae"}, m._("Lacunae")),
              h("ul", [h("li", h("a", {"href": f"{ctx.link(ctx.block_page(s.block))}"
                                                f"#{s.annotation.id}"}, ctx.block_label(s.block)),
                         ": ", note_text(ctx, s)) for s in ctx.edition.spans_of(T.LACUNA)])]
    other = [s for s in unnamed if not s.annotation.lacuna]
    if other:
        parts += [h("h2", {"id": "other"}, m._("Other quotations")), _quote_list(ctx, other)]
    return _page(ctx, m._("Sources and quotations"),
                 m._("Every quotation, who said it and who reported it."), parts, searchable=False)


def _quote_list(ctx: Context, spans: list[Span]) -> Element | None:
    if not spans:
        return None
    return h("ul", [h("li", ctx.paragraph_ref(s.block), " (", ctx.m._(KIND_NAMES[s.annotation.kind]), "): ",
                      ctx.original(shorten(s.text, 110)), " — ", attribution(ctx, s))
                    for s in spans])


def timeline(ctx: Context) -> Page:
    m = ctx.m
    parts: list[Nodes] = [h("h1", m._("Timeline")), timeline_view(ctx.edition, m)]
    by_event: dict[str, list[Span]] = defaultdict(list)
    for s in ctx.edition.spans_of(T.DATE):
        by_event[s.annotation.event].append(s)
    for event in sorted(ctx.edition.events, key=lambda e: (dates.sort_key(e.when), e.id)):
        refs = by_event.get(event.id, [])
        parts.append(h("h2", {"id": event.id}, m._("{date}: {title}", date=m.date(event.when),
                                                  title=event.title)))
        parts += [h("p", cited(ctx, event.description or "", event)), evidence(ctx, event)]
        if refs:
            links: list[Nodes] = []
            for n, b in enumerate(dict.fromkeys(s.block for s in refs)):
                links += [", " if n else None, ctx.paragraph_ref(b)]
            parts.append(h("p", m._("Mentioned in"), " ", links, "."))
    return Page(TIMELINE, m._("Timeline"), m._("The events of the article in date order."),
                h("div", {"class": "ed-page"}, parts))


FIGURE_COLUMNS = (N_("¶"), N_("In the text"), N_("Value"), N_("Counts"), N_("Note"))


def figures(ctx: Context) -> Page:
    m = ctx.m
    rows = [[ctx.paragraph_ref(s.block), ctx.original(s.text), figure_value(s.annotation, m),
             s.annotation.counts, figure_note(ctx, s)] for s in ctx.edition.spans_of(T.FIGURE)]
    # The chart and the counts it sets against the record first: the page's one telling view.
    parts: list[Nodes] = [h("h1", m._("Figures")), *figures_against_record(ctx),
                          h("h2", {"id": "every-figure"}, m._("Every figure in the article")),
                          data_table([m._(c) for c in FIGURE_COLUMNS], rows)]
    return _page(ctx, m._("Figures"), m._("The article's numeric claims."), parts,
                 searchable=False)
