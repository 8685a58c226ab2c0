"""Who speaks and who reports: every quotation, section by section, as one square each.

A square's fill says where the quotation came from: a named source, a source whose name was
lost in transmission (a lacuna), or none. Rows group a section's quotations by kind and
speaker. Each square links to its quotation in the text; the totals link to the lists below.
"""
from __future__ import annotations

import html
from typing import Callable

from ..model import AnnotationType as T, Edition, Span
from ..paths import html_path, relative, section_path
from .labels import svg_text, text_width

WIDTH = 380
SIZE = 11
KINDS = ("report", "speech", "slogan", "document", "term")
STATUSES = (("named", "source named", "the source is named"),
            ("lost", "source’s name lost", "the reporting source’s name was lost (a lacuna)"),
            ("none", "no source", "no reporting source is given"))
SQUARE, STEP = 10, 13
KIND_COLUMN = 62  # px: the kind's name, then the squares, then the speaker
ROW, HEADER = 16, 26


def status(span: Span) -> str:
    a = span.annotation
    return "named" if a.source else "lost" if a.lacuna else "none"


def speaker(edition: Edition, span: Span) -> str:
    a = span.annotation
    if a.speaker:
        return edition.entity(a.speaker).name
    return a.speaker_label or "speaker not stated"


def sources_view(edition: Edition, page: str, note_id: Callable[[Span], str]) -> str:
    """The figure; `note_id` gives the id of a quotation's note (its marker is ref-<id>)."""
    quotes = edition.spans_of(T.QUOTATION)
    if not quotes:
        return ""
    parts, y = _totals(quotes, page, edition)
    for section in edition.sections:
        blocks = set(section.paragraph_ids)
        here = [s for s in quotes if s.block in blocks]
        href = html_path(relative(page, section_path(section.id)))
        y += HEADER
        title = _fit(section.title, WIDTH - 4, SIZE)
        parts.append(f'<a href="{href}">{svg_text(0, round(y - 6, 1), (title,), SIZE, css="vl sh")}</a>')
        if not here:
            parts.append(svg_text(KIND_COLUMN, round(y + ROW - 4, 1), ("no quotations",), SIZE,
                                  css="vl bl"))
            y += ROW
        for kind, who, spans in _groups(edition, here):
            y += ROW
            parts.append(_row(edition, page, kind, who, spans, y, note_id))
    height = round(y + 6)
    svg = (f'<svg class="ed-view" viewBox="0 0 {WIDTH} {height}" role="group" '
           f'aria-label="Quotations by section, kind, speaker and source" font-size="{SIZE}">'
           f'{"".join(parts)}</svg>')
    return (f'<figure class="ed ed-sources" id="sources-chart" data-search-exclude>{svg}'
            f"<figcaption>{html.escape(CAPTION)}</figcaption></figure>\n")


CAPTION = ("One square per quotation, in the order of the text: filled dark, its source is "
           "named; red and struck through, the name of the source that reported it was lost "
           "in transmission; hollow, no source is given (the speaker is quoted directly, or "
           "the words are the author’s). Rows: the quotation’s kind and its speaker. Each "
           "square links to the quotation in the text; each total to its list below.")


def _groups(edition: Edition, spans: list[Span]) -> list[tuple[str, str, list[Span]]]:
    groups: dict[tuple[str, str], list[Span]] = {}
    for span in spans:
        groups.setdefault((span.annotation.kind, speaker(edition, span)), []).append(span)
    order = {kind: n for n, kind in enumerate(KINDS)}
    return [(kind, who, spans) for (kind, who), spans in
            sorted(groups.items(), key=lambda item: order.get(item[0][0], len(KINDS)))]


def _row(edition: Edition, page: str, kind: str, who: str, spans: list[Span], y: float,
         note_id: Callable[[Span], str]) -> str:
    parts = [svg_text(0, round(y, 1), (kind,), SIZE, css="vl bl")]
    x = KIND_COLUMN
    for span in spans:
        section = html_path(relative(page, section_path(edition.block(span.block).section)))
        name = (f"{kind} by {who}, paragraph {edition.block(span.block).number}: "
                f"{dict((s, d) for s, _, d in STATUSES)[status(span)]}")
        parts.append(f'<a href="{section}#ref-{note_id(span)}" aria-label="'
                     f'{html.escape(name)}">{_square(x, y - SQUARE + 1, status(span))}</a>')
        x += STEP
    room = WIDTH - 2 - (x + 4)
    parts.append(svg_text(x + 4, round(y, 1), (_fit(who, room, SIZE),), SIZE))
    return "".join(parts)


def _square(x: float, y: float, state: str) -> str:
    square = (f'<rect class="vm q {state}" x="{x:g}" y="{y:g}" width="{SQUARE}" '
              f'height="{SQUARE}"/>')
    if state == "lost":  # struck through: shape as well as colour tells it apart
        square += f'<path class="strike" d="M{x + 1:g} {y + SQUARE - 1:g}l{SQUARE - 2} {2 - SQUARE}"/>'
    return square


def _totals(quotes: tuple[Span, ...], page: str, edition: Edition) -> tuple[list[str], float]:
    """A bar of all quotations by source, each part a link to its list on the Sources page."""
    sources_page = "register/sources.md"
    named = sorted({s.annotation.source for s in quotes if s.annotation.source})
    anchors = {"named": named[0] if named else "", "lost": "lost", "none": "other"}
    counts = {state: sum(1 for s in quotes if status(s) == state) for state, _, _ in STATUSES}
    parts = [svg_text(0, 12, (f"{len(quotes)} quotations",), SIZE, css="vl sh")]
    x, legend_x = 0.0, 0.0
    for state, label, description in STATUSES:
        if not counts[state]:
            continue
        width = (WIDTH - 2) * counts[state] / len(quotes)
        text = f"{label} ({counts[state]})"
        href = relative(page, html_path(sources_page)) + f"#{anchors[state]}"
        parts.append(
            f'<a href="{href}" aria-label="{html.escape(text)}: {counts[state]} quotations; '
            f'{html.escape(description)}">'
            f'<rect class="vm q {state}" x="{x:.1f}" y="20" width="{width:.1f}" height="10"/>'
            f'{_square(legend_x, 38, state)}'
            f'{svg_text(legend_x + SQUARE + 4, 47, (text,), SIZE)}</a>')
        x += width
        legend_x += SQUARE + 4 + text_width(text, SIZE) + 12
    return parts, 50.0


def _fit(text: str, room: float, size: float) -> str:
    """The text, cut at a word and ended with … if it is wider than `room`."""
    if text_width(text, size) <= room:
        return text
    words = text.split()
    while words and text_width(" ".join(words) + "…", size) > room:
        words.pop()
    return " ".join(words) + "…"
