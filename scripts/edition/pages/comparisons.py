"""The Figures page's second part: the article's casualty figures set against the record
(each comparison as a table, the chart of the dead), and each compared figure's own note."""
from __future__ import annotations

from .. import dates
from ..model import AnnotationType as T, Comparison, Count, Edition, Span
from ..paths import relative
from .inline import attribute, escape_text
from .record import BIBLIOGRAPHY, FIGURES, RECORD, TIMINGS, _paragraph_link, _source_link, cited


# --- Figures against the record -----------------------------------------------------------

def comparisons_of(edition: Edition, span: Span) -> list[Comparison]:
    return [c for c in edition.source.record.comparisons
            if any((f.block, f.text) == (span.block, span.text) for f in c.figures)]


def figure_note(edition: Edition, page: str, span: Span) -> str:
    """A figure's own note (Markdown): its note with references, then how other counts compare."""
    a = span.annotation
    text = cited(edition, page, escape_text(a.note), a.sources, a.basis) if a.note else ""
    for comparison in comparisons_of(edition, span):
        same = [c for c in comparison.counts if c.timing == "same-days"]
        later = [c for c in comparison.counts if c.timing == "later"]
        summary = "; ".join(f"{escape_text(TIMINGS[t])}: {_span_of(cs)}"
                            for t, cs in (("same-days", same), ("later", later)) if cs)
        link = f"[{escape_text(comparison.title)}]({relative(page, f'{FIGURES}#{comparison.id}')})"
        text += f" Other counts ({summary}): see {link}."
    return text.strip()


def _span_of(counts: list[Count]) -> str:
    values = [c.value for c in counts] + [c.to for c in counts if c.to is not None]
    low, high = min(values), max(values)
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def figures_against_record(edition: Edition, page: str) -> str:
    """The Figures page's second part: each comparison as a table, its chart and its note."""
    comparisons = edition.source.record.comparisons
    if not comparisons:
        return ""
    lines = ["## The casualty figures against the record { #against-the-record }\n",
             "Each of the article's casualty figures beside the counts published on the same "
             "days (12–15 October 2003) and the later counts, with their sources. The counts "
             "are not all of the same thing: each row says what it counts. Sources are listed "
             f"on [Sources consulted]({relative(page, BIBLIOGRAPHY)}); the outcome is told in "
             f"[What happened next]({relative(page, RECORD)}).\n",
             chart(edition)]
    for comparison in comparisons:
        figures = ", ".join(f"{_paragraph_link(edition, page, f.block)} “{escape_text(f.text)}”"
                            for f in comparison.figures)
        lines += [f"### {escape_text(comparison.title)} {{ #{comparison.id} }}\n",
                  f"The article: {figures}.\n",
                  "| Count | What it counts | Date | Published | Source |",
                  "|---|---|---|---|---|"]
        for count in sorted(comparison.counts, key=_count_order):
            # escape_text escapes '|' as the tables extension reads it: nothing more to do
            lines.append(f"| {escape_text(count_value(count))} | {escape_text(count.counts)} | "
                         f"{_date(count.when)} | {TIMINGS.get(count.timing, count.timing)} | "
                         f"{_source_link(edition, page, count.source)} |")
        lines += ["", f"*Editors' note:* {escape_text(comparison.note)}\n"]
    return "\n".join(lines) + "\n"


def _count_order(count: Count) -> tuple[int, str]:
    """The counts of the same days first, then the later ones; each in date order, undated last."""
    when = "9999" if count.when == "n.d." else dates.sort_key(str(count.when))
    return (0 if count.timing == "same-days" else 1, when)


def count_value(count: Count) -> str:
    if count.qualifier == "range" and count.to is not None:
        return f"{count.value:g}–{count.to:g}"
    words = {"exact": "", "more-than": "more than ", "at-least": "at least ", "about": "about "}
    return f"{words.get(count.qualifier, '')}{count.value:g}"


def _date(value: str) -> str:
    return "n.d." if value == "n.d." else escape_text(dates.human(str(value)))




# The chart: one row per comparison of the dead; the article's figure as a red bar, each other
# count as a dot (filled: same days; open: later). Drawn at build time; no script, no stylesheet.
CHART_WIDTH, LEFT, ROW, TOP, RIGHT = 680, 300, 34, 16, 24


def chart(edition: Edition) -> str:
    comparisons = [c for c in edition.source.record.comparisons if _unit(edition, c) == "dead"]
    if not comparisons:
        return ""
    maximum = max([c.to or c.value for cmp in comparisons for c in cmp.counts] +
                  [_article_value(edition, cmp) for cmp in comparisons])
    scale = 10 * (int(maximum // 10) + 1)
    height = TOP + ROW * len(comparisons) + 28

    def x(value: float) -> float:
        return LEFT + (CHART_WIDTH - LEFT - RIGHT) * value / scale

    marks = []
    for row, comparison in enumerate(comparisons):
        y = TOP + ROW * row + ROW / 2
        marks.append(f'<text x="{LEFT - 10}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
                     f'fill="currentColor">{attribute(comparison.title)}</text>'
                     f'<line x1="{LEFT}" y1="{y:.1f}" x2="{CHART_WIDTH - RIGHT}" y2="{y:.1f}" '
                     f'stroke="currentColor" stroke-opacity="0.25"/>')
        for count in comparison.counts:
            filled = count.timing == "same-days"
            label = attribute(f"{count_value(count)}: {count.counts}")
            marks.append(f'<circle cx="{x(count.value):.1f}" cy="{y:.1f}" r="4.5" '
                         f'fill="{"currentColor" if filled else "none"}" fill-opacity="0.7" '
                         f'stroke="currentColor" stroke-width="1.5"><title>{label}</title></circle>')
        article = _article_value(edition, comparison)
        marks.append(f'<rect x="{x(article) - 2:.1f}" y="{y - 10:.1f}" width="4" height="20" '
                     f'fill="#c0392b"><title>The article: {article:g}</title></rect>')
    axis = TOP + ROW * len(comparisons)
    ticks = "".join(f'<line x1="{x(v):.1f}" y1="{axis}" x2="{x(v):.1f}" y2="{axis + 4}" '
                    f'stroke="currentColor"/><text x="{x(v):.1f}" y="{axis + 16}" '
                    f'text-anchor="middle" font-size="11" fill="currentColor">{v}</text>'
                    for v in range(0, scale + 1, 10))
    return (f'<figure class="ed counts-chart" tabindex="0"><svg viewBox="0 0 {CHART_WIDTH} {height}" '
            f'role="img" aria-labelledby="counts-title"><title id="counts-title">The article\'s '
            f"counts of the dead (red bars) beside the counts of the same days (filled dots) and "
            f"the later counts (open dots)</title>{''.join(marks)}{ticks}</svg>"
            f"<figcaption>The article's counts of the dead (red bars) beside the counts of the "
            f"same days (filled dots) and the later counts (open dots), on a scale of people "
            f"killed. The tables below give every count, what it counts and its source; the "
            f"wounded are in the tables only.</figcaption></figure>\n")


def _unit(edition: Edition, comparison: Comparison) -> str:
    for span in edition.spans_of(T.FIGURE):
        if any((f.block, f.text) == (span.block, span.text) for f in comparison.figures):
            return span.annotation.unit
    return ""


def _article_value(edition: Edition, comparison: Comparison) -> float:
    for span in edition.spans_of(T.FIGURE):
        if any((f.block, f.text) == (span.block, span.text) for f in comparison.figures):
            return span.annotation.value or 0.0
    return 0.0
