"""The maps: three panels on the Places page (Bolivia, La Paz and El Alto, South America)
and a locator map on each place's page. Each place is drawn once, on the panel of its scale."""
from __future__ import annotations

import html
from dataclasses import dataclass, replace

from ..model import Edition, Entity
from ..paths import entity_path, html_path, relative
from . import geo
from .geo import Frame
from .labels import Box, Label, Marker, Unplaceable, lines_box, place, svg_text, text_width

SIZE = 11  # px: the labels' font size in the map's own units
CONTEXT_SIZE = 10  # the basemap's own labels (neighbouring countries, the lake)
AREA_KINDS = ("region", "high plateau")  # places that are areas: drawn as a ring, not a dot
PLACES_PAGE = "register/places.md"


@dataclass(frozen=True)
class Panel:
    id: str
    title: str
    frame: Frame
    grid: float  # graticule every `grid` degrees; 0 for none
    context: tuple[tuple[str, float, float], ...] = ()  # basemap labels: text, lat, lon
    basemap: bool = True  # False: no outlines at this scale (Natural Earth has none)


BOLIVIA = Panel("map-bolivia", "Bolivia", Frame(-70.6, -57.2, -9.4, -23.2, 360), 5, (
    ("Peru", -12.6, -70.0), ("Brazil", -11.6, -61.2), ("Chile", -21.2, -69.4),
    ("Paraguay", -21.3, -59.2), ("Argentina", -22.75, -64.9)))
CITY = Panel("map-city", "La Paz and El Alto", Frame(-68.186, -68.106, -16.478, -16.524, 360), 0,
             basemap=False)
CONTINENT = Panel("map-continent", "South America", Frame(-82, -34, 13, -56, 220), 10, (
    ("Brazil", -9.0, -52.0), ("Argentina", -31.0, -64.0)))
PANELS = (BOLIVIA, CITY, CONTINENT)


def panel_of(entity: Entity) -> Panel | None:
    """The panel a place is drawn on: countries on the continent, the rest at the closest scale."""
    if not entity.coordinates:
        return None
    lat, lon = entity.coordinates
    panels = (CONTINENT,) if entity.kind == "country" else (CITY, BOLIVIA, CONTINENT)
    return next((p for p in panels if p.frame.holds(lat, lon)), None)


def places_map(edition: Edition, page: str = PLACES_PAGE) -> str:
    """The Places page's figure: one panel per scale, every marker a link to its place."""
    places = [e for e in edition.entities if e.type == "place" and panel_of(e)]
    if not places:
        return ""
    figures = []
    for panel in PANELS:
        here = sorted((e for e in places if panel_of(e) is panel), key=lambda e: e.name)
        links = {e.id: html_path(relative(page, entity_path(e.id))) for e in here}
        svg = _panel_svg(panel, panel.frame, here, links, highlight="Bolivia",
                         label=f"Map: {panel.title}")
        figures.append(f'<figure class="ed-panel" id="{panel.id}"><figcaption>'
                       f"{html.escape(panel.title)}</figcaption>{svg}</figure>")
    return (f'<figure class="ed ed-map" id="map" data-search-exclude>{"".join(figures)}'
            f"<figcaption>{_caption()}</figcaption></figure>\n")


def locator_map(edition: Edition, entity: Entity, page: str) -> str:
    """A small map of where one place lies: in South America (a country) or in Bolivia."""
    panel = panel_of(entity)
    if entity.type != "place" or panel is None:
        return ""
    panel = CONTINENT if panel is CONTINENT else BOLIVIA
    frame = replace(panel.frame, width=180 if panel is CONTINENT else 260)
    country = entity.name if panel is CONTINENT and geo.basemap().country(entity.name) else "Bolivia"
    where = "South America" if panel is CONTINENT else "Bolivia"
    svg = _panel_svg(replace(panel, context=()), frame, [entity], {}, highlight=country,
                     label=f"Locator map: {entity.name} in {where}", image=True)
    places = relative(page, html_path(PLACES_PAGE))
    css = "ed-locator ed-locator-continent" if panel is CONTINENT else "ed-locator"
    return (f'<figure class="ed ed-map {css}" data-search-exclude>{svg}<figcaption>'
            f"{html.escape(entity.name)} in {where}. All places: <a href=\"{places}#map\">the map"
            f"</a>. Outlines: Natural Earth (public domain).</figcaption></figure>\n")


def _caption() -> str:
    p = geo.basemap().provenance
    countries, lakes = p["countries"], p["lakes"]
    return html.escape(
        "Each marker links to its place's page; the list below names every place in words. "
        f"Country outlines and Lake Titicaca: Natural Earth 1:50m, version 4.1.0 (public domain), "
        f"from the npm packages {countries['package']} {countries['version']} "
        f"({countries['licence']} licence) and {lakes['package']} {lakes['version']} "
        f"({lakes['licence']} licence), simplified. Positions: the register's coordinates "
        "(approximate centres, WGS84). Equirectangular projection; each scale bar is true at "
        "its map's middle latitude. No streets or city limits are drawn (Natural Earth has "
        "none at the city's scale), nor department borders (no Natural Earth source for them "
        "was found in a package registry).")


def _panel_svg(panel: Panel, frame: Frame, places: list[Entity], links: dict[str, str],
               highlight: str, label: str, image: bool = False) -> str:
    width, height = frame.width, frame.height
    parts = [f'<rect class="{"sea" if panel.basemap else "ground"}" width="{width}" '
             f'height="{height}"/>']
    if panel.grid:
        parts.append(f'<path class="grid" d="{geo.graticule(frame, panel.grid)}"/>')
    if panel.basemap:
        parts += _basemap(frame, highlight)
    bar, bar_box = _scale_bar(frame)
    obstacles = [bar_box]
    context = []
    for text, lat, lon in panel.context:
        x, y = (round(v, 1) for v in frame.xy(lat, lon))
        context.append(svg_text(x, y, (text,), CONTEXT_SIZE, "middle", "vl bl"))
        obstacles.append(_context_box(x, y, text))
    markers = {e.id: _marker(frame, e) for e in places}
    extra: list[Marker] = []
    inset = panel is BOLIVIA and not image
    if inset:  # the city panel's frame, a link to it
        extra.append(_frame_marker(frame, CITY.frame))
    lake = _lake_marker(frame) if panel.basemap and panel is BOLIVIA and not image else None
    if lake:
        extra.append(lake)
    try:
        placed = place(list(markers.values()) + extra, SIZE,
                       Box(2, 2, width - 2, height - 2), tuple(obstacles))
    except Unplaceable:  # too crowded to label (not this edition's data): markers alone
        placed = {}
    parts.append(bar)
    parts += context
    if lake and lake.key in placed:
        parts.append(placed[lake.key].svg(lake.lines, CONTEXT_SIZE, "vl bl"))
    if inset:
        parts.append(_inset_link(placed.get("inset"), extra[0]))
    for entity in places:
        marker = markers[entity.id]
        text = placed[entity.id].svg(marker.lines, SIZE) if entity.id in placed else ""
        drawn = _mark(entity, marker) + text
        if entity.id in links:
            drawn = (f'<a href="{links[entity.id]}" aria-label="{html.escape(entity.name)}">'
                     f"{drawn}</a>")
        parts.append(drawn)
    role = 'role="img"' if image else 'role="group"'
    return (f'<svg class="ed-view" viewBox="0 0 {width} {height}" {role} '
            f'aria-label="{html.escape(label)}" font-size="{SIZE}">{"".join(parts)}</svg>')


def _basemap(frame: Frame, highlight: str) -> list[str]:
    base = geo.basemap()
    parts = []
    for country in base.countries:
        d = geo.outline(frame, country)
        if d:
            css = "land home" if country.name == highlight else "land"
            parts.append(f'<path class="{css}" d="{d}"/>')
    for lake in base.lakes:
        d = geo.outline(frame, lake)
        if d:
            parts.append(f'<path class="lake" d="{d}"/>')
    return parts


def _marker(frame: Frame, entity: Entity) -> Marker:
    x, y = frame.xy(*entity.coordinates)
    radius = 6.0 if entity.kind in AREA_KINDS else 6.5 if _is_city(entity, frame) else 3.5
    return Marker(entity.id, round(x, 1), round(y, 1), radius, _lines(entity.name))


def _is_city(entity: Entity, frame: Frame) -> bool:
    """On the city panel the two cities are rings around the sites inside them."""
    return frame.scale > 1000 and entity.kind.startswith("city")


def _lines(name: str) -> tuple[str, ...]:
    """A long name with a parenthesis is set on two lines: "Palacio Quemado", "(…)"."""
    head, paren, rest = name.partition(" (")
    return (head, f"({rest}") if paren and len(name) > 22 else (name,)


def _mark(entity: Entity, marker: Marker) -> str:
    x, y, r = marker.x, marker.y, marker.radius
    if entity.kind in AREA_KINDS:
        return f'<circle class="vm area" cx="{x:g}" cy="{y:g}" r="{r:g}"/>'
    if r > 5:
        return f'<circle class="vm city" cx="{x:g}" cy="{y:g}" r="{r:g}"/>'
    return f'<circle class="vm" cx="{x:g}" cy="{y:g}" r="{r:g}"/>'


def _frame_marker(frame: Frame, inner: Frame) -> Marker:
    (x0, y0), (x1, y1) = frame.xy(inner.north, inner.west), frame.xy(inner.south, inner.east)
    return Marker("inset", round((x0 + x1) / 2, 1), round((y0 + y1) / 2, 1), 3,
                  ("La Paz, El Alto", "(city map)"))


def _inset_link(label: Label | None, marker: Marker) -> str:
    x, y, r = marker.x, marker.y, marker.radius
    text = label.svg(marker.lines, SIZE) if label else ""
    return (f'<a href="#{CITY.id}" aria-label="{html.escape(" ".join(marker.lines))}">'
            f'<rect class="vm inset" x="{x - r:g}" y="{y - r:g}" width="{2 * r:g}" '
            f'height="{2 * r:g}"/>{text}</a>')


def _lake_marker(frame: Frame) -> Marker | None:
    """Lake Titicaca's label is placed like a marker's, its box the lake's."""
    lake = next(iter(geo.basemap().lakes), None)
    if lake is None:
        return None
    points = [frame.xy(lat, lon) for ring in lake.polygons[0][:1]
              for i in ring for lon, lat in geo.basemap().arcs[i if i >= 0 else ~i]]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    radius = max(max(xs) - min(xs), max(ys) - min(ys)) / 2
    return Marker("lake", round((max(xs) + min(xs)) / 2, 1), round((max(ys) + min(ys)) / 2, 1),
                  round(radius * 0.7, 1), (lake.name,))


def _context_box(x: float, y: float, text: str) -> Box:
    return lines_box(x, y, [text_width(text, CONTEXT_SIZE)], CONTEXT_SIZE, "middle")


def _scale_bar(frame: Frame) -> tuple[str, Box]:
    km, px = geo.scale_bar_km(frame)
    px = round(px, 1)
    x, y = 8, frame.height - 8
    text = f"{km:g} km"
    svg = (f'<path class="bar" d="M{x} {y - 4}v4h{px:.1f}v-4"/>'
           + svg_text(round(x + px + 4, 1), y, (text,), CONTEXT_SIZE, css="vl bl"))
    text_box = lines_box(x + px + 4, y, [text_width(text, CONTEXT_SIZE)], CONTEXT_SIZE, "start")
    return svg, Box(x - 2, y - 6, text_box.right, y + 2 + CONTEXT_SIZE * 0.3)
