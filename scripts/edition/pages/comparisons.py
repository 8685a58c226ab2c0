"""The Figures page's second part: the article's casualty figures set against the record
(each comparison as a table, the chart of the dead), and each compared figure's own note."""
from __future__ import annotations

from .. import dates
from ..doc import Nodes, fill, h
from ..doc.tree import Element
from ..i18n import Messages, N_
from ..model import Comparison, Count, Edition, Span
from ..kinds import AnnotationType as T
from .context import Context, data_table
from ..wording import TIMINGS, count_value
from .record import BIBLIOGRAPHY, FIGURES, RECORD, cited, evidence, source_link


def comparisons_of(edition: Edition, span: Span) -> list[Comparison]:
    return [c for c in edition.source.record.comparisons
            if any((f.block, f.text) == (span.block, span.text) for f in c.figures)]


def figure_note(ctx: Context, span: Span) -> list[Nodes]:
    """A figure's own note: its note with references, then how other counts compare."""
    m = ctx.m
    a = span.annotation
    text: list[Nodes] = cited(ctx, a.note, a) if a.note else []
    for comparison in comparisons_of(ctx.edition, span):
        same = [c for c in comparison.counts if c.timing == "same-days"]
        later = [c for c in comparison.counts if c.timing == "later"]
        summary = "; ".join(f"{m._(TIMINGS[t])}: {_span_of(cs, m)}"
                            for t, cs in (("same-days", same), ("later", later)) if cs)
        link = h("a", {"href": ctx.link(f"{FIGURES}#{comparison.id}")}, comparison.title)
        text += [" " if text else None,
                 *fill(m._("Other counts ({summary}): see {comparison}."), summary=summary,
                       comparison=link)]
    return text + [evidence(ctx, a) if a.note else None]


def _span_of(counts: list[Count], m: Messages) -> str:
    values = [c.value for c in counts] + [c.to for c in counts if c.to is not None]
    low, high = min(values), max(values)
    return m.number(low) if low == high else f"{m.number(low)}–{m.number(high)}"


def figures_against_record(ctx: Context) -> list[Nodes]:
    """The Figures page's second part: each comparison as a table, its chart and its note."""
    m = ctx.m
    comparisons = ctx.edition.source.record.comparisons
    if not comparisons:
        return []
    out: list[Nodes] = [
        h("h2", {"id": "against-the-record"}, m._("The casualty figures against the record")),
        h("p", fill(m._("Each of the article's casualty figures beside the counts published on "
                        "the same days (12–15 October 2003) and the later counts, with their "
                        "sources. The counts are not all of the same thing: each row says what "
                        "it counts. Sources are listed on {sources}; the outcome is told in "
                        "{record}."),
                    sources=h("a", {"href": ctx.link(BIBLIOGRAPHY)}, m._("Sources consulted")),
                    record=h("a", {"href": ctx.link(RECORD)}, m._("What happened next")))),
        chart(ctx)]
    for comparison in comparisons:
        figures: list[Nodes] = []
        for n, f in enumerate(comparison.figures):
            figures += [", " if n else None, ctx.paragraph_ref(f.block), " ", ctx.quote(f.text)]
        rows = [[count_value(count, m), count.counts, m.date(str(count.when)),
                 m._(TIMINGS.get(count.timing, "")), source_link(ctx, count.source)]
                for count in sorted(comparison.counts, key=_count_order)]
        out += [h("h3", {"id": comparison.id}, comparison.title),
                h("p", fill(m._("The article: {figures}."), figures=figures)),
                data_table([m._(label) for label in COLUMNS], rows),
                h("p", h("em", m._("Editors' note:")), " ", cited(ctx, comparison.note, comparison)),
                evidence(ctx, comparison)]
    return out


COLUMNS = (N_("Count"), N_("What it counts"), N_("Date"), N_("Published"), N_("Source"))


def _count_order(count: Count) -> tuple[int, str]:
    """The counts of the same days first, then the later ones; each in date order, undated last."""
    when = "9999" if count.when == "n.d." else dates.sort_key(str(count.when))
    return (0 if count.timing == "same-days" else 1, when)



# The chart: one row per comparison of the dead, its title above a strip on one scale: the
# article's figure a red bar, each other count a dot (filled: same days; open: later), and the
# values in words below it. The strips are drawn at build time in SVG whose places are
# percentages of the strip's width, so the chart takes the width it is given, a phone's too,
# with its words at their own size: nothing to scroll.
def chart(ctx: Context) -> Element | None:
    m, edition = ctx.m, ctx.edition
    comparisons = [c for c in edition.source.record.comparisons if _unit(edition, c) == "dead"]
    if not comparisons:
        return None
    maximum = max([c.to or c.value for cmp in comparisons for c in cmp.counts] +
                  [_article_value(edition, cmp) for cmp in comparisons])
    scale = 10 * (int(maximum // 10) + 1)

    def at(value: float) -> str:
        return f"{100 * value / scale:.2f}%"

    rows = [h("li", {"class": "cc-row"}, h("span", {"class": "cc-label"}, c.title),
              _strip(edition, c, at, m), h("span", {"class": "cc-values"}, _values(edition, c, m)))
            for c in comparisons]
    ticks: list[Nodes] = []
    for v in range(0, scale + 1, 10):
        anchor = "start" if v == 0 else "end" if v == scale else "middle"
        ticks += [h("line", {"x1": at(v), "x2": at(v), "y1": "0", "y2": "4"}),
                  h("text", {"x": at(v), "y": "16", "text-anchor": anchor}, m.number(v))]
    caption = m._("The article's counts of the dead (red bars) beside the counts of the same "
                  "days (filled dots) and the later counts (open dots)")
    return h("figure", {"class": "ed counts-chart"},
             h("figcaption", m._("{caption}, on a scale of people killed. The tables below give "
                                 "every count, what it counts and its source; the wounded are in "
                                 "the tables only.", caption=caption)),
             h("ol", {"class": "cc-rows"}, rows),
             h("svg", {"class": "cc-axis", "width": "100%", "height": "18", "aria-hidden": "true"},
               ticks))


def _strip(edition: Edition, comparison: Comparison, at, m: Messages) -> Element:
    marks: list[Nodes] = [h("line", {"class": "cc-rule", "x1": "0", "x2": "100%", "y1": "11",
                                     "y2": "11"})]
    for count in comparison.counts:
        marks.append(h("circle", {"class": "cc-same" if count.timing == "same-days" else "cc-later",
                                  "cx": at(count.value), "cy": "11", "r": "4.5"},
                       h("title", f"{count_value(count, m)}: {count.counts}")))
    article = _article_value(edition, comparison)
    marks.append(h("line", {"class": "cc-article", "x1": at(article), "x2": at(article), "y1": "1",
                            "y2": "21"}))
    return h("svg", {"class": "cc-strip", "width": "100%", "height": "22", "aria-hidden": "true"},
             marks)


def _values(edition: Edition, comparison: Comparison, m: Messages) -> str:
    """The row in words: the article's figure, then the counts of each timing (their range)."""
    parts = [m._("the article: {value}", value=m.number(_article_value(edition, comparison)))]
    for timing in ("same-days", "later"):
        counts = [c for c in comparison.counts if c.timing == timing]
        if counts:
            parts.append(f"{m._(TIMINGS[timing])}: {_span_of(counts, m)}")
    return " · ".join(parts)


def _figure_of(edition: Edition, comparison: Comparison) -> Span | None:
    return next((span for span in edition.spans_of(T.FIGURE)
                 if any((f.block, f.text) == (span.block, span.text) for f in comparison.figures)),
                None)


def _unit(edition: Edition, comparison: Comparison) -> str:
    span = _figure_of(edition, comparison)
    return span.annotation.unit if span else ""


def _article_value(edition: Edition, comparison: Comparison) -> float:
    span = _figure_of(edition, comparison)
    return (span.annotation.value or 0.0) if span else 0.0
