"""Each entity's page: what it is, how the text names it, where it is mentioned and quoted."""
from __future__ import annotations

from ..model import AnnotationType as T, Entity, Span
from ..paths import entity_path
from .context import Context, not_searched, shorten
from .inline import escape_text, html_text
from ..views import locator_map
from .page import Page
from .record import cited
from .registers import mentions_of
from .text import attribution


def entity_page(ctx: Context, entity: Entity) -> Page:
    ctx = ctx.at(entity_path(entity.id))
    mentions = mentions_of(ctx, entity.id)
    lines = [f"# {escape_text(entity.name)}\n",
             f'<p class="entity-kind">{html_text(entity.type.title())} · '
             f"{html_text(entity.kind)}</p>\n",
             cited(ctx.edition, ctx.page, escape_text(entity.description), entity.sources,
                   entity.basis) + "\n"]
    facts = [f"**Named in the text as**: {', '.join('“' + escape_text(f) + '”' for f in entity.forms)}"]
    if entity.coordinates:
        lat, lon = entity.coordinates
        facts.append(f"**Coordinates**: {lat:.4f}, {lon:.4f}")
    if entity.wikidata:
        facts.append(f"**Wikidata**: [{entity.wikidata}](https://www.wikidata.org/wiki/"
                     f"{entity.wikidata})")
    lines += [f"- {fact}" for fact in facts] + ["", locator_map(ctx.edition, entity, ctx.page)]
    lines.append(f"## Mentions ({len(mentions)}) {{ #mentions }}\n")
    lines.append(not_searched([f"- {ctx.paragraph_ref(s.block)}: {keyword_in_context(ctx, s)}"
                               for s in mentions]))
    said = [s for s in ctx.edition.spans_of(T.QUOTATION) if entity.id in (
        s.annotation.speaker, s.annotation.source)]
    if said:
        lines.append(f"## Quotations ({len(said)}) {{ #quotations }}\n")
        lines.append(not_searched([
            f"- {ctx.paragraph_ref(s.block)}: "
            f"{escape_text(shorten(s.text, 90))} — {attribution(ctx, s)}" for s in said]))
    return Page(ctx.page, entity.name, entity.description, "\n".join(lines))


def keyword_in_context(ctx: Context, span: Span, width: int = 50) -> str:
    text = ctx.edition.block(span.block).text
    left = text[max(0, span.start - width):span.start]
    right = text[span.end:span.end + width]
    left = ("…" + left.split(" ", 1)[-1]) if span.start > width else left
    right = (right.rsplit(" ", 1)[0] + "…") if span.end + width < len(text) else right
    return f'{escape_text(left)}<mark>{escape_text(span.text)}</mark>{escape_text(right)}'
