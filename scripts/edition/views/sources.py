"""Who speaks and who reports: every quotation, section by section, as one square each.

A square's fill says where the quotation came from: a named source, a source whose name was
lost in transmission (a lacuna), or none. Rows group a section's quotations by kind and
speaker. Each square links to its quotation in the text; the totals link to the lists below.
"""
from __future__ import annotations

from typing import Callable

from ..doc.tree import Element, h
from ..i18n import Messages, N_
from ..model import Edition, Span
from ..kinds import AnnotationType as T
from ..kinds.quotation import KIND_NAMES, KINDS
from ..paths import html_path, relative, section_path
from .labels import svg_text, text_width

WIDTH = 320  # a 358 px phone draws it at 1.1: its 11 px words at 12.3 px
SIZE = 11
STATUSES = (("named", N_("source named"), N_("the source is named")),
            ("lost", N_("source’s name lost"),
             N_("the reporting source’s name was lost (a lacuna)")),
            ("none", N_("no source"), N_("no reporting source is given")))
DESCRIPTIONS = {state: description for state, _, description in STATUSES}
SQUARE, STEP = 10, 13
KIND_COLUMN = 62  # px: the kind's name, then the squares, then the speaker
ROW, HEADER = 16, 26
SOURCES_PAGE = "register/sources.md"
CAPTION = N_("One square per quotation, in the order of the text: filled dark, its source is "
             "named; red and struck through, the name of the source that reported it was lost "
             "in transmission; hollow, no source is given (the speaker is quoted directly, or "
             "the words are the author’s). Rows: the quotation’s kind and its speaker. Each "
             "square links to the quotation in the text; each total to its list below.")


def status(span: Span) -> str:
    a = span.annotation
    return "named" if a.source else "lost" if a.lacuna else "none"


def speaker(edition: Edition, span: Span, m: Messages) -> str:
    a = span.annotation
    if a.speaker:
        return edition.entity(a.speaker).name
    return a.speaker_label or m._("speaker not stated")


def sources_view(edition: Edition, page: str, note_id: Callable[[Span], str],
                 m: Messages) -> Element | None:
    """The figure; `note_id` gives the id of a quotation's note (its marker is ref-<id>)."""
    quotes = edition.spans_of(T.QUOTATION)
    if not quotes:
        return None
    parts, y = _totals(quotes, page, m)
    for section in edition.sections:
        blocks = set(section.paragraph_ids)
        here = [s for s in quotes if s.block in blocks]
        href = html_path(relative(page, section_path(section.id)))
        y += HEADER
        title = _fit(section.title, WIDTH - 4, SIZE)
        parts.append(h("a", {"href": href},
                       svg_text(0, round(y - 6, 1), (title,), SIZE, css="vl sh")))
        if not here:
            parts.append(svg_text(KIND_COLUMN, round(y + ROW - 4, 1), (m._("no quotations"),),
                                  SIZE, css="vl bl"))
            y += ROW
        for kind, who, spans in _groups(edition, here, m):
            y += ROW
            parts += _row(edition, page, (kind, who), spans, y, note_id, m)
    height = round(y + 6)
    svg = h("svg", {"class": "ed-view", "viewBox": f"0 0 {WIDTH} {height}", "role": "group",
                    "aria-label": m._("Quotations by section, kind, speaker and source"),
                    "font-size": SIZE}, parts)
    return h("figure", {"class": "ed ed-sources", "id": "sources-chart",
                        "data-search-exclude": ""}, svg, h("figcaption", m._(CAPTION)))


def _groups(edition: Edition, spans: list[Span],
            m: Messages) -> list[tuple[str, str, list[Span]]]:
    groups: dict[tuple[str, str], list[Span]] = {}
    for span in spans:
        groups.setdefault((span.annotation.kind, speaker(edition, span, m)), []).append(span)
    order = {kind: n for n, kind in enumerate(KINDS)}
    return [(kind, who, spans) for (kind, who), spans in
            sorted(groups.items(), key=lambda item: order.get(item[0][0], len(KINDS)))]


def _row(edition: Edition, page: str, group: tuple[str, str], spans: list[Span], y: float,
         note_id: Callable[[Span], str], m: Messages) -> list[Element]:
    """One row: the kind, a square for each quotation (a link to it), then the speaker."""
    kind, who = group
    kind = m._(KIND_NAMES[kind])
    parts = [svg_text(0, round(y, 1), (kind,), SIZE, css="vl bl")]
    x = KIND_COLUMN
    for span in spans:
        block = edition.block(span.block)
        section = html_path(relative(page, section_path(block.section)))
        name = m._("{kind} by {speaker}, paragraph {number}: {status}", kind=kind, speaker=who,
                   number=block.number, status=m._(DESCRIPTIONS[status(span)]))
        parts.append(h("a", {"href": f"{section}#ref-{note_id(span)}", "aria-label": name},
                       _square(x, y - SQUARE + 1, status(span))))
        x += STEP
    room = WIDTH - 2 - (x + 4)
    parts.append(svg_text(x + 4, round(y, 1), (_fit(who, room, SIZE),), SIZE))
    return parts


def _square(x: float, y: float, state: str) -> list[Element]:
    square = [h("rect", {"class": f"vm q {state}", "x": f"{x:g}", "y": f"{y:g}",
                         "width": SQUARE, "height": SQUARE})]
    if state == "lost":  # struck through: shape as well as colour tells it apart
        square.append(h("path", {"class": "strike", "d": f"M{x + 1:g} {y + SQUARE - 1:g}"
                                                          f"l{SQUARE - 2} {2 - SQUARE}"}))
    return square


def _totals(quotes: tuple[Span, ...], page: str, m: Messages) -> tuple[list[Element], float]:
    """A bar of all quotations by source, each part a link to its list on the Sources page."""
    named = sorted({s.annotation.source for s in quotes if s.annotation.source})
    anchors = {"named": named[0] if named else "", "lost": "lost", "none": "other"}
    counts = {state: sum(1 for s in quotes if status(s) == state) for state, _, _ in STATUSES}
    parts = [svg_text(0, 12, (_quotations(len(quotes), m),), SIZE, css="vl sh")]
    x, legend_x, legend_y = 0.0, 0.0, 38.0
    for state, label, description in STATUSES:
        count = counts[state]
        if not count:
            continue
        width = (WIDTH - 2) * count / len(quotes)
        text = m._("{status} ({count})", status=m._(label), count=m.number(count))
        item = SQUARE + 4 + text_width(text, SIZE)
        if legend_x and legend_x + item > WIDTH - 2:  # the legend goes on on a line of its own
            legend_x, legend_y = 0.0, legend_y + ROW
        href = relative(page, html_path(SOURCES_PAGE)) + f"#{anchors[state]}"
        name = m._("{status}: {quotations}; {description}", status=text,
                   quotations=_quotations(count, m), description=m._(description))
        parts.append(h("a", {"href": href, "aria-label": name},
                       h("rect", {"class": f"vm q {state}", "x": f"{x:.1f}", "y": 20,
                                  "width": f"{width:.1f}", "height": 10}),
                       _square(legend_x, legend_y, state),
                       svg_text(legend_x + SQUARE + 4, legend_y + 9, (text,), SIZE)))
        x += width
        legend_x += item + 12
    return parts, legend_y + 12


def _quotations(count: int, m: Messages) -> str:
    return m.ngettext("{count} quotation", "{count} quotations", count)


def _fit(text: str, room: float, size: float) -> str:
    """The text, cut at a word and ended with … if it is wider than `room`."""
    if text_width(text, size) <= room:
        return text
    words = text.split()
    while words and text_width(" ".join(words) + "…", size) > room:
        words.pop()
    return " ".join(words) + "…"
