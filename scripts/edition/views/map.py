"""The maps: panels on the Places page (Bolivia, South America) and a locator map on each
place's page. Each place is drawn once, on the panel of its scale; the places of La Paz and El
Alto, too close together for any map the edition can draw (it has no streets, no city limits,
and the register's positions are approximate centres), are listed in words instead. No label
crosses a border or a coast, and every label is at least 12 px on a 390 px phone."""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from ..doc.tree import Element, fill, h
from ..i18n import Messages, N_
from ..model import Edition, Entity
from ..paths import entity_path, html_path, relative
from . import geo
from .geo import Frame
from .labels import (Box, Label, Marker, Segment, Unplaceable, crosses, lines_box, place,
                     svg_text, text_width)

SIZE = 12.5  # px: the labels' font size in the map's own units (12.4 px at a phone's 358 px)
CONTEXT_SIZE = 12.5  # the basemap's own labels (neighbouring countries, the lake)
AREA_KINDS = ("region", "high plateau")  # places that are areas: drawn as a ring, not a dot
PLACES_PAGE = "register/places.md"
HOME = "Bolivia"  # the basemap's name of the country drawn as home on the Places page
LAKE_NAMES = (N_("Lake Titicaca"),)  # the basemap's lake names, for the catalogue
INSET_LINES = (N_("La Paz, El Alto"), N_("(the city's places)"))


@dataclass(frozen=True)
class Panel:
    id: str
    title: str
    frame: Frame
    grid: float  # graticule every `grid` degrees; 0 for none
    context: tuple[tuple[str, float, float], ...] = ()  # basemap labels: text, lat, lon
    basemap: bool = True  # False: no outlines at this scale (Natural Earth has none)


# The neighbours' names stand inside their countries, clear of every border and coast
# (tests/build/test_views.py checks it).
BOLIVIA = Panel("map-bolivia", N_("Bolivia"), Frame(-70.6, -57.2, -9.4, -24.0, 360), 5, (
    (N_("Peru"), -12.6, -70.0), (N_("Brazil"), -11.6, -61.2), (N_("Chile"), -21.2, -69.4),
    (N_("Paraguay"), -21.3, -59.2), (N_("Argentina"), -23.6, -65.0)))
CITY = Panel("map-city", N_("La Paz and El Alto"),
             Frame(-68.186, -68.106, -16.478, -16.524, 360), 0, basemap=False)
CONTINENT = Panel("map-continent", N_("South America"), Frame(-82, -34, 13, -56, 220), 10, (
    (N_("Brazil"), -9.0, -52.0),))  # Argentina is too narrow here for its name
PANELS = (BOLIVIA, CITY, CONTINENT)


def panel_of(entity: Entity) -> Panel | None:
    """The panel a place is drawn on: countries on the continent, the rest at the closest scale."""
    if not entity.coordinates:
        return None
    lat, lon = entity.coordinates
    panels = (CONTINENT,) if entity.kind == "country" else (CITY, BOLIVIA, CONTINENT)
    return next((p for p in panels if p.frame.holds(lat, lon)), None)


def places_map(edition: Edition, page: str, m: Messages) -> Element | None:
    """The Places page's figure: one panel per scale, every marker a link to its place."""
    places = [e for e in edition.entities if e.type == "place" and panel_of(e)]
    if not places:
        return None
    figures = []
    for panel in PANELS:
        here = sorted((e for e in places if panel_of(e) is panel), key=lambda e: e.name)
        links = {e.id: html_path(relative(page, entity_path(e.id))) for e in here}
        title = m._(panel.title)
        if not panel.basemap:
            figures.append(_place_list(panel, here, links, m))
            continue
        svg = _panel_svg(panel, panel.frame, here, links, m, highlight=HOME,
                         label=m._("Map: {title}", title=title))
        figures.append(h("figure", {"class": "ed-panel", "id": panel.id},
                         h("figcaption", title), svg))
    return h("figure", {"class": "ed ed-map", "id": "map", "data-search-exclude": ""},
             figures, h("figcaption", _caption(m)))


def locator_map(edition: Edition, entity: Entity, page: str, m: Messages) -> Element | None:
    """A small map of where one place lies: in South America (a country) or in Bolivia."""
    panel = panel_of(entity)
    if entity.type != "place" or panel is None:
        return None
    panel = CONTINENT if panel is CONTINENT else BOLIVIA
    frame = replace(panel.frame, width=180 if panel is CONTINENT else 260)
    country = entity.name if panel is CONTINENT and geo.basemap().country(entity.name) else HOME
    where = m._(panel.title)
    svg = _panel_svg(replace(panel, context=()), frame, [entity], {}, m, highlight=country,
                     label=m._("Locator map: {place} in {where}", place=entity.name,
                               where=where), image=True)
    places = relative(page, html_path(PLACES_PAGE))
    css = "ed-locator ed-locator-continent" if panel is CONTINENT else "ed-locator"
    caption = fill(m._("{place} in {where}. All places: {map}. Outlines: Natural Earth (public "
                       "domain)."), place=entity.name, where=where,
                   map=h("a", {"href": f"{places}#map"}, m._("the map")))
    return h("figure", {"class": f"ed ed-map {css}", "data-search-exclude": ""},
             svg, h("figcaption", caption))


def _place_list(panel: Panel, places: list[Entity], links: dict[str, str],
                m: Messages) -> Element:
    """The places of a scale the edition cannot map, in words: each with its page and what the
    register says of it."""
    return h("figure", {"class": "ed-panel ed-place-list", "id": panel.id},
             h("figcaption", m._(panel.title)),
             h("p", m._("Too close together to map: the edition has no street map of the city, "
                        "and the register's positions are approximate centres.")),
             h("ul", [h("li", h("a", {"href": links[e.id]}, e.name), f": {e.description}")
                      for e in places]))


def _caption(m: Messages) -> str:
    return m._(
        "Each marker links to its place's page; the list below names every place in words. "
        "Country outlines and Lake Titicaca: Natural Earth, at the scale of 1:50 million, "
        "version 4.1.0 (public domain), simplified. Positions: the register's coordinates "
        "(approximate centres). Each scale bar is true at its map's middle latitude. Department "
        "borders are not drawn: no Natural Earth outline of them was found.")


def _panel_svg(panel: Panel, frame: Frame, places: list[Entity], links: dict[str, str],
               m: Messages, highlight: str, label: str, image: bool = False) -> Element:
    width, height = frame.width, frame.height
    parts: list = [h("rect", {"class": "sea" if panel.basemap else "ground", "width": width,
                              "height": height})]
    if panel.grid:
        parts.append(h("path", {"class": "grid", "d": geo.graticule(frame, panel.grid)}))
    if panel.basemap:
        parts += _basemap(frame, highlight)
    lines = geo.lines(frame) if panel.basemap else ()
    bar, bar_box = _scale_bar(frame, m, lines)
    context = [(m._(text), *(round(v, 1) for v in frame.xy(lat, lon)))
               for text, lat, lon in panel.context]
    obstacles = (bar_box, *(_context_box(x, y, text) for text, x, y in context))
    inset = panel is BOLIVIA and not image
    extra = [_frame_marker(frame, CITY.frame, m)] if inset else []
    lake = _lake_marker(frame, m) if panel.basemap and panel is BOLIVIA and not image else None
    if lake:
        extra.append(lake)
    markers = {e.id: _marker(frame, e) for e in places}
    placed = _placed(list(markers.values()) + extra, Box(2, 2, width - 2, height - 2), obstacles,
                     lines)
    parts += [bar, [svg_text(x, y, (text,), CONTEXT_SIZE, "middle", "vl bl")
                    for text, x, y in context]]
    if lake and lake.key in placed:
        parts.append(placed[lake.key].svg(lake.lines, CONTEXT_SIZE, "vl bl"))
    if inset:
        parts.append(_inset_link(placed.get("inset"), extra[0]))
    parts += [_place(e, markers[e.id], placed.get(e.id), links.get(e.id)) for e in places]
    return h("svg", {"class": "ed-view", "viewBox": f"0 0 {width} {height}",
                     "role": "img" if image else "group", "aria-label": label,
                     "font-size": SIZE}, parts)


def _placed(markers: list[Marker], bounds: Box, obstacles: tuple[Box, ...],
            lines: tuple[Segment, ...]) -> dict[str, Label]:
    return _placed_once(tuple(markers), bounds, obstacles, lines)


@functools.lru_cache(maxsize=256)  # the same places are labelled alike in every language
def _placed_once(markers: tuple[Marker, ...], bounds: Box, obstacles: tuple[Box, ...],
                 lines: tuple[Segment, ...]) -> dict[str, Label]:
    try:
        return place(list(markers), SIZE, bounds, obstacles, lines)
    except Unplaceable:  # too crowded to label (not this edition's data): markers alone
        return {}


def _place(entity: Entity, marker: Marker, label: Label | None, link: str | None) -> list:
    drawn = [_mark(entity, marker), label.svg(marker.lines, SIZE) if label else None]
    if link is None:
        return drawn
    return [h("a", {"href": link, "aria-label": entity.name}, drawn)]


def _basemap(frame: Frame, highlight: str) -> list[Element]:
    return [h("path", {"class": css, "d": d}) for css, d in _basemap_paths(frame, highlight)]


@functools.lru_cache(maxsize=256)  # a language's pages draw the same maps again and again
def _basemap_paths(frame: Frame, highlight: str) -> tuple[tuple[str, str], ...]:
    base = geo.basemap()
    paths = [("land home" if country.name == highlight else "land", geo.outline(frame, country))
             for country in base.countries]
    paths += [("lake", geo.outline(frame, lake)) for lake in base.lakes]
    return tuple((css, d) for css, d in paths if d)


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


def _mark(entity: Entity, marker: Marker) -> Element:
    x, y, r = marker.x, marker.y, marker.radius
    css = "vm area" if entity.kind in AREA_KINDS else "vm city" if r > 5 else "vm"
    return h("circle", {"class": css, "cx": f"{x:g}", "cy": f"{y:g}", "r": f"{r:g}"})


def _frame_marker(frame: Frame, inner: Frame, m: Messages) -> Marker:
    (x0, y0), (x1, y1) = frame.xy(inner.north, inner.west), frame.xy(inner.south, inner.east)
    return Marker("inset", round((x0 + x1) / 2, 1), round((y0 + y1) / 2, 1), 3,
                  tuple(m._(line) for line in INSET_LINES))


def _inset_link(label: Label | None, marker: Marker) -> Element:
    x, y, r = marker.x, marker.y, marker.radius
    return h("a", {"href": f"#{CITY.id}", "aria-label": " ".join(marker.lines)},
             h("rect", {"class": "vm inset", "x": f"{x - r:g}", "y": f"{y - r:g}",
                        "width": f"{2 * r:g}", "height": f"{2 * r:g}"}),
             label.svg(marker.lines, SIZE) if label else None)


def _lake_marker(frame: Frame, m: Messages) -> Marker | None:
    """Lake Titicaca's label is placed like a marker's, its box the lake's."""
    lake = next(iter(geo.basemap().lakes), None)
    if lake is None:
        return None
    points = [frame.xy(lat, lon) for ring in lake.polygons[0][:1]
              for i in ring for lon, lat in geo.basemap().arcs[i if i >= 0 else ~i]]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    radius = max(max(xs) - min(xs), max(ys) - min(ys)) / 2
    return Marker("lake", round((max(xs) + min(xs)) / 2, 1), round((max(ys) + min(ys)) / 2, 1),
                  round(radius * 0.7, 1), (m._(lake.name),))


def _context_box(x: float, y: float, text: str) -> Box:
    return lines_box(x, y, [text_width(text, CONTEXT_SIZE)], CONTEXT_SIZE, "middle")


def _scale_bar(frame: Frame, m: Messages,
               lines: tuple[Segment, ...]) -> tuple[list[Element], Box]:
    """The scale bar in the first corner (bottom left, bottom right, top left, top right) where
    no border or coast crosses its words."""
    km, px = geo.scale_bar_km(frame)
    px = round(px, 1)
    text = m._("{distance} km", distance=m.number(km))
    width = px + 4 + text_width(text, CONTEXT_SIZE)
    corners = [(8, frame.height - 8), (frame.width - 8 - width, frame.height - 8),
               (8, 8 + CONTEXT_SIZE), (frame.width - 8 - width, 8 + CONTEXT_SIZE)]
    for x, y in corners:
        text_box = lines_box(x + px + 4, y, [text_width(text, CONTEXT_SIZE)], CONTEXT_SIZE,
                             "start")
        if not crosses(text_box, lines):
            break
    svg = [h("path", {"class": "bar", "d": f"M{x:g} {y - 4:g}v4h{px:.1f}v-4"}),
           svg_text(round(x + px + 4, 1), y, (text,), CONTEXT_SIZE, css="vl bl")]
    return svg, Box(x - 2, y - 6 - CONTEXT_SIZE, text_box.right, y + 2 + CONTEXT_SIZE * 0.3)
