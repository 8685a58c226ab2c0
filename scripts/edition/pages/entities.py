"""Each entity's page: what it is, how the text names it, where it is mentioned and quoted."""
from __future__ import annotations

from ..doc import Nodes, h
from ..i18n import N_
from ..model import Entity, Span
from ..kinds import AnnotationType as T
from ..paths import entity_path
from ..views import locator_map
from .context import Context, not_searched, shorten
from .page import Page
from .record import cited, evidence
from .registers import mentions_of
from .text import attribution

ENTITY_TYPES = {"person": N_("Person"), "organisation": N_("Organisation"),
                "group": N_("Group"), "place": N_("Place")}


def entity_page(ctx: Context, entity: Entity) -> Page:
    ctx = ctx.at(entity_path(entity.id))
    m = ctx.m
    mentions = mentions_of(ctx, entity.id)
    forms: list[Nodes] = []
    for n, form in enumerate(entity.forms):
        forms += [", " if n else None, *ctx.quote(form)]
    facts = [[h("strong", m._("Named in the text as")), ": ", *forms]]
    if entity.coordinates:
        lat, lon = entity.coordinates
        facts.append([h("strong", m._("Coordinates")), ": ", m._(
            "{latitude}, {longitude}", latitude=m.number(lat, 4), longitude=m.number(lon, 4))])
    if entity.wikidata:
        facts.append([h("strong", m._("Wikidata")), ": ", h("a", {
            "href": f"https://www.wikidata.org/wiki/{entity.wikidata}"}, entity.wikidata)])
    parts: list[Nodes] = [
        h("h1", entity.name),
        h("p", {"class": "entity-kind"}, f"{m._(ENTITY_TYPES[entity.type])} · {entity.kind}"),
        h("p", cited(ctx, entity.description, entity)), evidence(ctx, entity),
        h("ul", [h("li", fact) for fact in facts]),
        locator_map(ctx.edition, entity, ctx.page, m),
        h("h2", {"id": "mentions"}, m._("Mentions ({count})", count=len(mentions))),
        not_searched([[ctx.paragraph_ref(s.block), ": ", *keyword_in_context(ctx, s)]
                      for s in mentions])]
    said = [s for s in ctx.edition.spans_of(T.QUOTATION) if entity.id in (
        s.annotation.speaker, s.annotation.source)]
    if said:
        parts += [h("h2", {"id": "quotations"}, m._("Quotations ({count})", count=len(said))),
                  not_searched([[ctx.paragraph_ref(s.block), ": ", ctx.original(shorten(s.text, 90)), " — ",
                                 *attribution(ctx, s)] for s in said])]
    return Page(ctx.page, entity.name, entity.description, h("div", {"class": "ed-page"}, parts))


def keyword_in_context(ctx: Context, span: Span, width: int = 50) -> list[Nodes]:
    text = ctx.edition.block(span.block).text
    left = text[max(0, span.start - width):span.start]
    right = text[span.end:span.end + width]
    left = ("…" + left.split(" ", 1)[-1]) if span.start > width else left
    right = (right.rsplit(" ", 1)[0] + "…") if span.end + width < len(text) else right
    return [ctx.original([left, h("mark", span.text), right])]
