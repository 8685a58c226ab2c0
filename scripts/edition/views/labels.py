"""Label boxes and their placement: no label over another label, over any marker or across a
line of the map (a border, a coast).

The build cannot know the reader's font, so each label is drawn at the width estimated here
(SVG `textLength`): its box on screen is the box the placement reserved, in any font.
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from ..doc.tree import Element, h

# Advance widths of Helvetica (its AFM, 1/1000 em) for ASCII; other letters use their base
# letter (é → e) or the average. Common system sans-serif faces are within ~10% of these.
_WIDTHS = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    (278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
     556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015,
     667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778,
     722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333,
     556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556,
     333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584)))
_WIDTHS.update({"–": 556, "—": 1000, "…": 1000, "‘": 222, "’": 222, "“": 333, "”": 333,
                "·": 278, "→": 1000, "↓": 600, "°": 400})
WIDTH_FACTOR = 1.05  # a little wider than Helvetica, between it and DejaVu Sans
ASCENT, DESCENT = 1.08, 0.3  # of the font size: room for the tallest common system faces
GAP = 2.0  # at least this much space between a label and anything it must not touch
Segment = tuple[tuple[float, float], tuple[float, float]]  # a line of the map, from a to b


def text_width(text: str, size: float) -> float:
    total = 0
    for char in text:
        width = _WIDTHS.get(char)
        if width is None:
            base = unicodedata.normalize("NFD", char)[:1]
            width = _WIDTHS.get(base, 556)
        total += width
    return round(total * size * WIDTH_FACTOR / 1000, 1)


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def meets(self, other: "Box", gap: float = 0.0) -> bool:
        return (self.left < other.right + gap and other.left < self.right + gap
                and self.top < other.bottom + gap and other.top < self.bottom + gap)

    def inside(self, other: "Box") -> bool:
        return (other.left <= self.left and self.right <= other.right
                and other.top <= self.top and self.bottom <= other.bottom)

    def crossed_by(self, a: tuple[float, float], b: tuple[float, float]) -> bool:
        """Whether the segment a–b passes through this box (Liang–Barsky clipping)."""
        (x0, y0), (x1, y1) = a, b
        dx, dy = x1 - x0, y1 - y0
        low, high = 0.0, 1.0
        for p, q in ((-dx, x0 - self.left), (dx, self.right - x0),
                     (-dy, y0 - self.top), (dy, self.bottom - y0)):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                low = max(low, t)
            else:
                high = min(high, t)
            if low > high:
                return False
        return True

    def nearest(self, x: float, y: float) -> tuple[float, float]:
        return min(max(x, self.left), self.right), min(max(y, self.top), self.bottom)


LINE = 1.25  # line spacing of a label of several lines, in font sizes


def lines_box(x: float, y: float, widths: list[float], size: float, anchor: str) -> Box:
    """The box of lines of text whose first baseline starts (or ends, or centres) at x, y."""
    width = max(widths)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    last = y + (len(widths) - 1) * LINE * size
    return Box(left, y - ASCENT * size, left + width, last + DESCENT * size)


def svg_text(x: float, y: float, lines: tuple[str, ...], size: float, anchor: str = "start",
             css: str = "vl") -> Element:
    """A label of one or more lines, each drawn at its estimated width."""
    anchor_attribute = None if anchor == "start" else anchor
    if len(lines) == 1:
        return h("text", {"class": css, "x": f"{x:g}", "y": f"{y:g}",
                          "text-anchor": anchor_attribute, **_fitted(lines[0], size)}, lines[0])
    # Each line but the last ends with its space, so the text reads "a b" and not "ab" (the
    # accessible name of a link is its text).
    lines = tuple(f"{line} " for line in lines[:-1]) + lines[-1:]
    spans = [h("tspan", {"x": f"{x:g}", "dy": f"{LINE * size:g}" if n else None,
                         **_fitted(line, size)}, line) for n, line in enumerate(lines)]
    return h("text", {"class": css, "y": f"{y:g}", "text-anchor": anchor_attribute}, spans)


def _fitted(text: str, size: float) -> dict[str, str]:
    return {"textLength": f"{text_width(text, size):g}", "lengthAdjust": "spacingAndGlyphs"}


@dataclass(frozen=True)
class Marker:
    """A point to label: where it is, how big its mark is, and its label's lines."""

    key: str
    x: float
    y: float
    radius: float
    lines: tuple[str, ...]

    @property
    def box(self) -> Box:
        return Box(self.x - self.radius, self.y - self.radius,
                   self.x + self.radius, self.y + self.radius)


@dataclass(frozen=True)
class Label:
    """A placed label: its first baseline, anchor and box, and a leader line if it stands off."""

    x: float
    y: float
    anchor: str
    box: Box
    leader: tuple[tuple[float, float], tuple[float, float]] | None

    def svg(self, lines: tuple[str, ...], size: float, css: str = "vl") -> list[Element]:
        """The label's text, after its leader line if it has one."""
        text = svg_text(self.x, self.y, lines, size, self.anchor, css)
        if not self.leader:
            return [text]
        (x1, y1), (x2, y2) = self.leader
        return [h("path", {"class": "vk", "d": f"M{x1:g} {y1:g}L{x2:g} {y2:g}"}), text]


# Candidate directions, most preferred first: beside, above and below, then the diagonals.
_NEAR = (0, 180, -45, 45, -135, 135, -90, 90)
_FAR_ANGLES = tuple(range(0, 360, 20))
_DISTANCES = (12, 18, 26, 36, 48, 62, 78, 96, 116)


class Unplaceable(ValueError):
    """No room for a label: the map must change (bigger, or a closer view)."""


def place(markers: list[Marker], size: float, bounds: Box, obstacles: tuple[Box, ...] = (),
          lines: tuple[Segment, ...] = ()) -> dict[str, Label]:
    """A label for every marker, inside `bounds`, clear of every marker, obstacle, other label
    and line, and no leader line across a label or another leader. A depth-first search,
    crowded markers first and each marker's nearest places first, within a fixed budget of
    tries. Deterministic: the same markers give the same labels."""
    order = sorted(markers, key=lambda m: (-_crowding(m, markers), m.key))
    marker_boxes = [m.box for m in markers]
    candidates = {m.key: list(_candidates(m, size)) for m in markers}
    # The map (bounds, markers, obstacles, lines) is the same whatever is placed: a candidate
    # is checked against it once, when the search first comes to it (most never are).
    clear: dict[tuple[str, int], bool] = {}

    def clear_of_the_map(marker: Marker, n: int) -> bool:
        if (marker.key, n) not in clear:
            clear[marker.key, n] = _clear_of_the_map(candidates[marker.key][n], marker, bounds,
                                                     marker_boxes, obstacles, lines)
        return clear[marker.key, n]

    budget = [SEARCH_BUDGET]
    placed: dict[str, Label] = {}

    def search(index: int) -> bool:
        if index == len(order):
            return True
        marker = order[index]
        for n, label in enumerate(candidates[marker.key]):
            budget[0] -= 1
            if budget[0] < 0:
                return False
            if clear_of_the_map(marker, n) and _clear_of_the_labels(label, placed.values()):
                placed[marker.key] = label
                if search(index + 1):
                    return True
                del placed[marker.key]
        return False

    if not search(0):
        raise Unplaceable(f"no room for the labels of {', '.join(m.key for m in markers)}")
    return placed


SEARCH_BUDGET = 200_000  # candidate checks: a map with no solution fails in well under a second


def _crowding(marker: Marker, markers: list[Marker]) -> int:
    return sum(1 for m in markers if m is not marker and math.hypot(m.x - marker.x, m.y - marker.y) < 60)


def _candidates(marker: Marker, size: float):
    widths = [text_width(line + (" " if n < len(marker.lines) - 1 else ""), size)
              for n, line in enumerate(marker.lines)]
    for angle in _NEAR:
        yield _at(marker, widths, size, angle, marker.radius + 3, leader=False)
    for distance in _DISTANCES:
        for angle in _FAR_ANGLES:
            yield _at(marker, widths, size, angle, marker.radius + distance, leader=True)


def _at(marker: Marker, widths: list[float], size: float, angle: float, distance: float,
        leader: bool) -> Label:
    """The label whose box touches the point at `distance` from the marker in `angle`."""
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    px, py = marker.x + distance * dx, marker.y + distance * dy
    anchor = "start" if dx > 0.3 else "end" if dx < -0.3 else "middle"
    cap = 0.72 * size  # the letters' height above the baseline
    below = (len(widths) - 1) * LINE * size  # from the first baseline to the last
    if dy > 0.3:
        baseline = py + cap
    elif dy < -0.3:
        baseline = py - below
    else:
        baseline = py + (cap - below) / 2
    x, y = round(px, 1), round(baseline, 1)
    box = lines_box(x, y, widths, size, anchor)
    line = None
    if leader:
        visual = Box(box.left, y - cap, box.right, y + below)
        end = visual.nearest(marker.x, marker.y)
        length = math.hypot(end[0] - marker.x, end[1] - marker.y) or 1
        start = (marker.x + (end[0] - marker.x) * marker.radius / length,
                 marker.y + (end[1] - marker.y) * marker.radius / length)
        line = ((round(start[0], 1), round(start[1], 1)), (round(end[0], 1), round(end[1], 1)))
    return Label(x, y, anchor, box, line)


def _clear_of_the_map(label: Label, marker: Marker, bounds: Box, marker_boxes: list[Box],
                      obstacles: tuple[Box, ...], lines: tuple[Segment, ...]) -> bool:
    if not label.box.inside(bounds):
        return False
    if any(label.box.meets(b, GAP) for b in marker_boxes):
        return False
    if any(label.box.meets(b, GAP) for b in obstacles):
        return False
    if label.leader:
        a, b = label.leader
        own = marker.box  # markers on top of this one are crossed by any leader: not counted
        if any(box.crossed_by(a, b) for box in marker_boxes if not box.meets(own)):
            return False
    return not crosses(label.box, lines)


def _clear_of_the_labels(label: Label, placed) -> bool:
    if any(label.box.meets(other.box, GAP) for other in placed):
        return False
    if any(other.leader and label.box.crossed_by(*other.leader) for other in placed):
        return False
    if label.leader:
        if any(other.box.crossed_by(*label.leader) for other in placed):
            return False
        if any(other.leader and _segments_cross(label.leader, other.leader) for other in placed):
            return False
    return True


def crosses(box: Box, lines: tuple[Segment, ...]) -> bool:
    """Whether any of the lines passes through the box (with a label's gap around it)."""
    near = Box(box.left - GAP, box.top - GAP, box.right + GAP, box.bottom + GAP)
    return any(near.crossed_by(a, b) for a, b in lines
               if min(a[0], b[0]) <= near.right and max(a[0], b[0]) >= near.left
               and min(a[1], b[1]) <= near.bottom and max(a[1], b[1]) >= near.top)


def _segments_cross(s, t) -> bool:
    (a, b), (c, d) = s, t

    def side(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return (side(a, b, c) * side(a, b, d) < 0) and (side(c, d, a) * side(c, d, b) < 0)
