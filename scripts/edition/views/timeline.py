"""The timeline: every event of events.yml on one time axis, one row each.

September and October 2003 are drawn to scale; earlier events sit in a compressed band
before them, events after October in one after them. A point event is a dot, an interval a
bar; an approximate or uncertain date (EDTF ~ ? %) is drawn hollow and dashed, an open end
(`..`) as an arrow at the article's date. Each row links to its entry below.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .. import dates
from ..doc.tree import Element, h
from ..i18n import Messages, N_
from ..model import Edition, Event
from .labels import ASCENT, DESCENT, LINE, svg_text, text_width

WIDTH = 320  # a 358 px phone draws it at 1.1: its 11 px words at 12.3 px
SIZE = 11
HEAD_SIZE = 11
AXIS_START, AXIS_END = datetime(2003, 9, 1), datetime(2003, 11, 1)
ARTICLE = datetime(2003, 10, 14)  # the dateline (p46), a whole day
BAND = 58  # px of the compressed band for earlier (or later) events
BREAK = 8  # px between a band and the axis
HEAD = 54  # px above the first row: months (y 12), Mondays (30), the article's date (46)
PAD = 5  # px between rows
DOT = 3.5
BAR = 7


@dataclass(frozen=True)
class When:
    """An event's date as drawn: where it starts and ends, and how sure it is."""

    start: datetime
    end: datetime
    approximate: bool
    open_end: bool

    @property
    def point(self) -> bool:
        return not self.open_end and self.end - self.start <= timedelta(days=1)


def when(value: str) -> When | None:
    """The extent of an EDTF date (a day spans the day, a month the month), or None when
    neither end is known."""
    first, slash, last = value.partition("/")
    known = [part for part in (first, last) if part not in ("", "..")]
    if not known:
        return None
    open_start = bool(slash) and first in ("", "..")
    open_end = bool(slash) and last in ("", "..")
    start = _bound(known[0], end=False)
    end = _bound(known[-1], end=True)
    if open_end:  # still going on when the article was written
        end = max(end, ARTICLE + timedelta(days=1))
    approximate = open_start or any(part.endswith(("~", "?", "%")) for part in known)
    return When(start, end, approximate, open_end)


def _bound(point: str, end: bool) -> datetime:
    plain = point.rstrip("~?%")
    start = datetime.fromisoformat(dates.sort_key(plain))
    date, _, time = plain.partition("T")
    parts = date.split("-") + ["XX", "XX"]
    if not end or time:
        return start
    if parts[1] == "XX":
        return start.replace(year=start.year + 1)
    if parts[2] == "XX":
        return (start + timedelta(days=32)).replace(day=1)
    return start + timedelta(days=1)


def timeline_view(edition: Edition, m: Messages) -> Element | None:
    """The figure: the SVG, and a caption that says how to read it."""
    events = sorted(edition.events, key=lambda e: (dates.sort_key(e.when), e.id))
    if not events:
        return None
    scale = _Scale(events)
    rows, y = [], HEAD
    for event in events:
        row, height = _row(event, scale, y, m)
        rows.append(row)
        y += height + PAD
    height = round(y + 2)
    svg = h("svg", {"class": "ed-view", "viewBox": f"0 0 {WIDTH} {height}", "role": "group",
                    "aria-label": m._("Timeline of the events, September–October 2003"),
                    "font-size": SIZE}, scale.background(height, m), rows)
    return h("figure", {"class": "ed ed-timeline", "id": "timeline-chart",
                        "data-search-exclude": ""}, svg, h("figcaption", m._(CAPTION)))


CAPTION = N_("September and October 2003 to scale, one row per event in date order; each row "
             "links to its entry below. Dots: events on a day (or at an hour); bars: periods; "
             "hollow and dashed: approximate dates; an arrow: still going on at the article's "
             "date. The line is the article's date, 14 October 2003; shaded: after it. The band "
             "at the left holds earlier events, not to scale.")


class _Scale:
    """Where a time is across the figure: the axis, and the compressed bands either side."""

    def __init__(self, events: list[Event]):
        starts = [w.start for w in map(when, (e.when for e in events)) if w]
        self.earlier = sorted({start for start in starts if start < AXIS_START})
        self.later = sorted({start for start in starts if start > AXIS_END})
        self.left = BAND + BREAK if self.earlier else 4
        self.right = WIDTH - (BAND + BREAK if self.later else 6)
        self.per_day = (self.right - self.left) / (AXIS_END - AXIS_START).days

    def x(self, moment: datetime) -> float:
        if moment < AXIS_START:
            return self._slot(self.earlier, moment, 0)
        if moment > AXIS_END:
            return self._slot(self.later, moment, self.right + BREAK)
        return self.left + (moment - AXIS_START).total_seconds() / 86400 * self.per_day

    def _slot(self, moments: list[datetime], moment: datetime, left: float) -> float:
        index = max(i for i, m in enumerate(moments) if m <= moment) if moments[0] <= moment else 0
        return left + BAND * (index + 0.5) / len(moments)

    def in_band(self, moment: datetime) -> bool:
        return moment < AXIS_START or moment > AXIS_END

    def background(self, height: int, m: Messages) -> list[Element]:
        """The bands, the shading after the article, the grid, months, Mondays and the line."""
        parts = []
        if self.earlier:
            parts += [_band(0, BAND, height),
                      svg_text(BAND / 2, 12, (m._("earlier"),), HEAD_SIZE, "middle", "vl bl")]
        if self.later:
            parts += [_band(self.right + BREAK, BAND, height),
                      svg_text(self.right + BREAK + BAND / 2, 12, (m._("later"),), HEAD_SIZE,
                               "middle", "vl bl")]
        after = self.x(ARTICLE + timedelta(days=1))
        parts.append(_band(f"{after:.1f}", f"{self.right - after:.1f}", height))
        grid = []
        day = AXIS_START
        while day < AXIS_END:
            x = self.x(day)
            if day.weekday() == 0:  # Mondays: a grid line and the day's number
                grid.append(f"M{x:.1f} {HEAD - 20}V{height}")
                parts.append(svg_text(round(x, 1), 30, (m.number(day.day),), HEAD_SIZE, "middle",
                                      "vl bl"))
            if day.day == 1:
                grid.append(f"M{x:.1f} 0V{height}")
                month_end = self.x((day + timedelta(days=32)).replace(day=1))
                parts.append(svg_text(round((x + month_end) / 2, 1), 12,
                                      (m.date(f"{day:%Y-%m}"),), HEAD_SIZE, "middle", "vl bl"))
            day += timedelta(days=1)
        parts.insert(0, h("path", {"class": "grid", "d": "".join(grid)}))
        line = self.x(ARTICLE + timedelta(hours=12))
        parts.append(h("path", {"class": "today", "d": f"M{line:.1f} {HEAD - 12}V{height}"}))
        parts.append(svg_text(round(line + 3, 1), HEAD - 8, (m._("article"),), HEAD_SIZE,
                              "start", "vl bl"))
        return parts


def _band(x: float | str, width: float | str, height: int) -> Element:
    return h("rect", {"class": "band", "x": x, "y": HEAD - 6, "width": width,
                      "height": height - HEAD + 6})


def _row(event: Event, scale: _Scale, top: float, m: Messages) -> tuple[Element, float]:
    """One event's row: its mark and its label, in a link to its entry; and the row's height."""
    w = when(event.when)
    if w is None:  # no date known: the label alone, where the axis starts
        label = svg_text(scale.left, round(top + ASCENT * SIZE, 1),
                         (m._("{title} (date unknown)", title=event.title),), SIZE, "start")
        return (h("a", {"href": f"#{event.id}", "aria-label": event.title}, label),
                (ASCENT + DESCENT) * SIZE)
    if scale.in_band(w.start):  # a slot in the band, whatever its length
        a = b = scale.x(w.start)
    elif w.point:
        a = b = scale.x(w.start + (w.end - w.start) / 2)
    else:
        a, b = scale.x(w.start), scale.x(w.end)
    dot = a == b
    left_edge = a - DOT if dot else a
    right_edge = b + DOT if dot else b + (7 if w.open_end else 0)
    later = w.start >= ARTICLE + timedelta(days=1)
    title = event.title
    if scale.in_band(w.start):
        title = m._("{date}: {title}", date=m.date(event.when), title=title)
    if later:
        title = m._("{title} (after the article)", title=title)
    label, mark_y, height = _label(title, top, left_edge, right_edge)
    name = m._("{date}: {title}", date=m.date(event.when), title=event.title)
    return (h("a", {"href": f"#{event.id}", "aria-label": name},
              _mark(w, a, b, mark_y, dot, later), label), height)


def _label(title: str, top: float, left_edge: float,
           right_edge: float) -> tuple[Element, float, float]:
    """A row's label, the height of its mark's middle, and the row's height."""
    # Beside the mark on the side with more room, or above it when that takes fewer lines
    # (a bar across the axis leaves no room beside it).
    room_right, room_left = WIDTH - 3 - (right_edge + 5), left_edge - 5 - 3
    side = "right" if room_right >= room_left else "left"
    lines = _wrap(title, max(room_right, room_left), SIZE)
    over = _wrap(title, WIDTH - 3 - left_edge, SIZE)
    above = lines is None or (over is not None and len(over) < len(lines))
    if above:
        lines = over or (title,)
    cap = 0.72 * SIZE
    first = top + ASCENT * SIZE
    text_height = (len(lines) - 1) * LINE * SIZE + (ASCENT + DESCENT) * SIZE
    if above:
        label = svg_text(round(left_edge, 1), round(first, 1), lines, SIZE, "start")
        return label, top + text_height + 1 + BAR / 2, text_height + 1 + BAR
    x = right_edge + 5 if side == "right" else left_edge - 5
    label = svg_text(round(x, 1), round(first, 1), lines, SIZE,
                     "start" if side == "right" else "end")
    return label, first - cap / 2, max(text_height, BAR)


def _mark(w: When, a: float, b: float, y: float, dot: bool, later: bool) -> list[Element]:
    css = "vm" + (" approx" if w.approximate else "") + (" later" if later else "")
    if dot:
        return [h("circle", {"class": css, "cx": f"{a:.1f}", "cy": f"{y:.1f}", "r": DOT})]
    bar = [h("rect", {"class": css, "x": f"{a:.1f}", "y": f"{y - BAR / 2:.1f}",
                      "width": f"{max(b - a, 2):.1f}", "height": BAR, "rx": 2})]
    if w.open_end:  # still going on: an arrowhead past the article's date
        bar.append(h("path", {"class": css, "d": f"M{b:.1f} {y - BAR / 2 - 1.5:.1f}"
                                                 f"l7 {BAR / 2 + 1.5:g}-7 {BAR / 2 + 1.5:g}z"}))
    return bar


def _wrap(text: str, room: float, size: float, most: int = 3) -> tuple[str, ...] | None:
    """The text in at most `most` lines no wider than `room`, or None if it does not fit."""
    lines: list[str] = []
    for word in text.split():  # measured with the space that ends every line but the last
        if lines and text_width(f"{lines[-1]} {word} ", size) <= room:
            lines[-1] += f" {word}"
        elif text_width(f"{word} ", size) <= room:
            lines.append(word)
        else:
            return None
    return tuple(lines) if len(lines) <= most else None
