"""The basemap and the maps' projection.

The basemap is `basemap.json` beside this file: country outlines and Lake Titicaca from
Natural Earth 1:50m as TopoJSON, derived once by scripts/basemap/ (its provenance is in the
file). Each map simplifies the shared arcs for its own scale, so neighbouring countries keep
one common border, and clips them to its frame: only what is seen is drawn.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

BASEMAP = Path(__file__).with_name("basemap.json")
KM_PER_DEGREE = 111.2  # of latitude (mean); of longitude at the equator it is 111.3
TOLERANCE = 0.6  # px: detail smaller than this is simplified away
CLIP_MARGIN = 4  # px outside the frame, so clipped edges are never seen

Point = tuple[float, float]
Ring = tuple[int, ...]  # TopoJSON arc indices; ~i is arc i reversed


@dataclass(frozen=True)
class Shape:
    name: str
    polygons: tuple[tuple[Ring, ...], ...]  # each: outer ring, then holes


@dataclass(frozen=True)
class Basemap:
    arcs: tuple[tuple[Point, ...], ...]  # (longitude, latitude)
    countries: tuple[Shape, ...]
    lakes: tuple[Shape, ...]
    provenance: dict

    def country(self, name: str) -> Shape | None:
        return next((c for c in self.countries if c.name == name), None)


@functools.cache
def basemap() -> Basemap:
    data = json.loads(BASEMAP.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = data["transform"]["scale"], data["transform"]["translate"]
    arcs = []
    for arc in data["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantized
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(tuple(points))
    return Basemap(tuple(arcs), _shapes(data["objects"]["countries"]),
                   _shapes(data["objects"]["lakes"]), data["provenance"])


def _shapes(collection: dict) -> tuple[Shape, ...]:
    shapes = []
    for geometry in collection["geometries"]:
        arcs = geometry.get("arcs", [])
        polygons = arcs if geometry["type"] == "MultiPolygon" else [arcs] if arcs else []
        shapes.append(Shape(geometry["properties"]["name"],
                            tuple(tuple(tuple(ring) for ring in p) for p in polygons)))
    return tuple(shapes)


@dataclass(frozen=True)
class Frame:
    """A map's extent and width in px: equirectangular, true to scale at its middle latitude."""

    west: float
    east: float
    north: float
    south: float
    width: int

    @property
    def _cos(self) -> float:
        return math.cos(math.radians((self.north + self.south) / 2))

    @property
    def scale(self) -> float:
        """px per degree of latitude."""
        return self.width / ((self.east - self.west) * self._cos)

    @property
    def height(self) -> int:
        return round((self.north - self.south) * self.scale)

    def xy(self, lat: float, lon: float) -> Point:
        return ((lon - self.west) * self._cos * self.scale, (self.north - lat) * self.scale)

    def holds(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


def outline(frame: Frame, shape: Shape) -> str:
    """The shape as SVG path data in the frame: simplified, clipped, in whole px."""
    return "".join(_path_data(ring) for ring in rings(frame, shape))


def rings(frame: Frame, shape: Shape) -> list[list[tuple[int, int]]]:
    """The shape's rings as drawn in the frame: simplified, clipped, in whole px."""
    drawn = []
    for polygon in shape.polygons:
        for ring in polygon:
            points = _clip(_ring_points(frame, ring), -CLIP_MARGIN, -CLIP_MARGIN,
                           frame.width + CLIP_MARGIN, frame.height + CLIP_MARGIN)
            rounded = _whole(points)
            if len(rounded) >= 3 and abs(_area(rounded)) >= 2:
                drawn.append(rounded)
    return drawn


@functools.lru_cache(maxsize=64)  # a frame's lines, for each language's map alike
def lines(frame: Frame) -> tuple[tuple[Point, Point], ...]:
    """Every border, coast and shore the frame draws, as segments: no label may cross one."""
    shapes = basemap().countries + basemap().lakes
    return tuple((ring[i - 1], ring[i]) for shape in shapes for ring in rings(frame, shape)
                 for i in range(len(ring)))


def _ring_points(frame: Frame, ring: Ring) -> list[Point]:
    points: list[Point] = []
    for index in ring:
        arc = _arc(frame, index) if index >= 0 else _arc(frame, ~index)[::-1]
        points.extend(arc if not points else arc[1:])
    return points


@functools.lru_cache(maxsize=4096)
def _arc(frame: Frame, index: int) -> tuple[Point, ...]:
    """One arc projected and simplified: both ends kept, so shared borders still meet."""
    return _simplified(tuple(frame.xy(lat, lon) for lon, lat in basemap().arcs[index]), TOLERANCE)


def _simplified(points: tuple[Point, ...], tolerance: float) -> tuple[Point, ...]:
    """Douglas–Peucker, without recursion."""
    if len(points) < 3:
        return points
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = 0, tolerance
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > distance:
                farthest, distance = i, d
        if farthest:
            keep.add(farthest)
            stack += [(first, farthest), (farthest, last)]
    return tuple(points[i] for i in sorted(keep))


def _distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    return abs(dx * (a[1] - p[1]) - dy * (a[0] - p[0])) / length


def _clip(points: list[Point], left: float, top: float, right: float, bottom: float) -> list[Point]:
    """Sutherland–Hodgman: the ring's part inside the rectangle."""
    edges = ((lambda p: p[0] >= left, lambda p, q: _at_x(p, q, left)),
             (lambda p: p[0] <= right, lambda p, q: _at_x(p, q, right)),
             (lambda p: p[1] >= top, lambda p, q: _at_y(p, q, top)),
             (lambda p: p[1] <= bottom, lambda p, q: _at_y(p, q, bottom)))
    for inside, cross in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        points = result
    return points


def _at_x(p: Point, q: Point, x: float) -> Point:
    t = (x - p[0]) / (q[0] - p[0])
    return (x, p[1] + t * (q[1] - p[1]))


def _at_y(p: Point, q: Point, y: float) -> Point:
    t = (y - p[1]) / (q[1] - p[1])
    return (p[0] + t * (q[0] - p[0]), y)


def _whole(points: list[Point]) -> list[tuple[int, int]]:
    rounded: list[tuple[int, int]] = []
    for x, y in points:
        point = (round(x), round(y))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    while len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    return rounded


def _area(points: list[tuple[int, int]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1])) / 2


def _path_data(points: list[tuple[int, int]]) -> str:
    (x, y), rest = points[0], points[1:]
    steps = []
    for px, py in rest:
        steps.append(f"{px - x} {py - y}")
        x, y = px, py
    return f"M{points[0][0]} {points[0][1]}l{' '.join(steps)}z".replace(" -", "-")


def graticule(frame: Frame, step: float) -> str:
    """Path data for the parallels and meridians at multiples of `step` degrees."""
    parts = []
    lat = math.ceil(frame.south / step) * step
    while lat <= frame.north:
        y = round(frame.xy(lat, frame.west)[1])
        if 0 < y < frame.height:
            parts.append(f"M0 {y}H{frame.width}")
        lat += step
    lon = math.ceil(frame.west / step) * step
    while lon <= frame.east:
        x = round(frame.xy(frame.north, lon)[0])
        if 0 < x < frame.width:
            parts.append(f"M{x} 0V{frame.height}")
        lon += step
    return "".join(parts)


def scale_bar_km(frame: Frame) -> tuple[float, float]:
    """A round length in km for the scale bar (at most a quarter of the width), and its px."""
    km_per_px = KM_PER_DEGREE / frame.scale
    longest = frame.width / 4 * km_per_px
    length = max(n * 10 ** e for e in range(-1, 5) for n in (1, 2, 5) if n * 10 ** e <= longest)
    return length, length / km_per_px
