"""The views drawn at build time: the maps, the timeline and the sources chart.

Every SVG parses; every place with coordinates, every event and every quotation is drawn
exactly once and links where it should; the EPUB's SVG keeps its case-sensitive attributes
(laid out in a browser: tests/browser/test_views_browser.py)."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import datetime

import lxml.etree
import lxml.html
import pytest

from conftest import REPO, epub_chapters, epub_of
from test_site_links import broken_links

from edition.i18n import messages
from edition.load import load_source
from edition.model import Event
from edition.kinds import AnnotationType as T
from edition.pages import Context
from edition.pages.registers import timeline
from edition.pages.text import note_id_of
from edition.place import build_edition
from edition.views import locator_map, places_map, sources_view, timeline_view
from edition.views.labels import Box, Marker, Unplaceable, crosses, lines_box, place
from edition.views.map import CITY, CONTINENT, panel_of
from edition.views.timeline import when

SVG = "http://www.w3.org/2000/svg"
EN = messages("en")


@pytest.fixture(scope="module")
def edition():
    return build_edition(load_source(REPO / "source"))


def places(edition):
    return [e for e in edition.entities if e.type == "place" and e.coordinates]


def note_ids(edition):
    ctx = Context(edition)
    return lambda span: note_id_of(ctx, span)


def views(edition) -> dict[str, lxml.etree._Element]:
    drawn = {"places": places_map(edition, "register/places.md", EN),
             "timeline": timeline_view(edition, EN),
             "sources": sources_view(edition, "register/sources.md", note_ids(edition), EN)}
    for entity in places(edition):
        drawn[entity.id] = locator_map(edition, entity, f"entities/{entity.id}.md", EN)
    return drawn


def to_html(figure) -> str:
    return lxml.etree.tostring(figure, encoding="unicode", method="html")


def svgs(figure) -> list:
    """Each <svg> of a view's figure, serialized as HTML and parsed back as XML in the SVG
    namespace."""
    found = re.findall(r"<svg\b.*?</svg>", to_html(figure), re.DOTALL)
    return [lxml.etree.fromstring(svg.replace("<svg ", f'<svg xmlns="{SVG}" ', 1)) for svg in found]


def links(figure) -> list[str]:
    return [a.get("href") for svg in svgs(figure) for a in svg.iter(f"{{{SVG}}}a")]


def test_every_view_is_well_formed_svg_with_a_view_box(edition):
    for name, figure in views(edition).items():
        assert lxml.html.fragment_fromstring(to_html(figure)).tag == "figure", name
        parsed = svgs(figure)
        assert parsed, name
        for svg in parsed:
            width, height = map(float, svg.get("viewBox").split()[2:])
            assert width > 100 and height > 100, name
            assert svg.get("aria-label") and svg.get("role") in ("group", "img"), name


def test_every_place_with_coordinates_is_on_the_places_map_once(edition):
    """Drawn on the map of its scale, or, in La Paz and El Alto (too close together for any
    map the edition can draw), listed in words under Bolivia's map, which points to the list."""
    figure = places_map(edition, "register/places.md", EN)
    hrefs = links(figure)
    listed = figure.xpath(".//*[@id='map-city']//li/a/@href")
    city = {e.id for e in places(edition) if panel_of(e) is CITY}
    assert {h.split("/")[-1][:-5] for h in listed} == city
    for entity in places(edition):
        assert (hrefs + listed).count(f"../entities/{entity.id}.html") == 1, entity.id
    assert hrefs.count("#map-city") == 1  # Bolivia's map links to the city's places
    assert len(hrefs) == len(places(edition)) - len(city) + 1
    assert not figure.xpath(".//*[@id='map-city']//svg")


def test_no_label_crosses_a_border_or_a_coast(site):
    """Every label of every map (the places' names, the neighbours', the lake's, the scale's)
    clear of every line the map draws, by the boxes the labels are laid out in."""
    checked = 0
    for page in [site / "register/places.html", *sorted((site / "entities").glob("*.html"))]:
        tree = lxml.html.fromstring(page.read_bytes())
        for svg in tree.xpath("//svg[contains(@class, 'ed-view')]"):
            lines = tuple(segment for path in svg.xpath(".//path[contains(@class, 'land') or "
                                                        "contains(@class, 'lake')]")
                          for segment in _segments(path.get("d")))
            for text in svg.xpath(".//text") if lines else []:
                parts = text.xpath("./tspan") or [text]
                x = float(text.get("x") if text.get("x") is not None else parts[0].get("x"))
                box = lines_box(x, float(text.get("y")), [float(p.get("textlength")) for p in parts],
                                float(svg.get("font-size")), text.get("text-anchor") or "start")
                assert not crosses(box, lines), f"{page.name}: {text.text_content()!r}"
                checked += 1
    assert checked > 50


def _segments(d: str) -> list:
    """The segments of path data as geo.outline writes it: M x y, then l dx dy …, z."""
    out = []
    for ring in re.findall(r"M[^M]*", d):
        numbers = list(map(int, re.findall(r"-?\d+", ring)))
        points = [(numbers[0], numbers[1])]
        for dx, dy in zip(numbers[2::2], numbers[3::2]):
            points.append((points[-1][0] + dx, points[-1][1] + dy))
        out += list(zip(points, points[1:] + points[:1]))
    return out


def test_a_map_too_crowded_to_label_keeps_every_marker_and_link(edition):
    cochabamba = edition.entity("cochabamba")
    crowd = tuple(cochabamba.model_copy(update={"id": f"town-{n}",
                                                "name": f"A town with a long name {n}"})
                  for n in range(40))
    figure = places_map(replace(edition, entities=edition.entities + crowd), "register/places.md",
                        EN)
    hrefs = links(figure)
    assert all(hrefs.count(f"../entities/town-{n}.html") == 1 for n in range(40))
    (bolivia, *_) = svgs(figure)
    assert not [t for t in bolivia.iter(f"{{{SVG}}}text") if "A town" in "".join(t.itertext())]


def test_places_are_drawn_at_their_scale(edition):
    panels = {e.id: panel_of(e) for e in places(edition)}
    assert {i for i, p in panels.items() if p is CONTINENT} == {"bolivia", "peru", "chile", "ecuador"}
    assert {i for i, p in panels.items() if p is CITY} == {
        "la-paz", "el-alto", "plaza-murillo", "el-prado", "presidential-palace"}


def test_every_marker_has_an_accessible_name(edition):
    for name, figure in views(edition).items():
        for svg in svgs(figure):
            for a in svg.iter(f"{{{SVG}}}a"):
                assert a.get("aria-label", "").strip() or "".join(a.itertext()).strip(), name


def test_each_place_page_shows_its_place_alone_on_a_locator_map(edition):
    for entity in places(edition):
        figure = locator_map(edition, entity, f"entities/{entity.id}.md", EN)
        (svg,) = svgs(figure)
        assert svg.get("role") == "img" and entity.name in svg.get("aria-label")
        texts = ["".join(t.itertext()) for t in svg.iter(f"{{{SVG}}}text")
                 if "vl" in t.get("class").split() and "bl" not in t.get("class").split()]
        assert [t.replace(" ", "") for t in texts] == [entity.name.replace(" ", "")], texts
        assert 'href="../register/places.html#map"' in to_html(figure)
    person = next(e for e in edition.entities if e.type == "person")
    assert locator_map(edition, person, "entities/x.md", EN) is None


def test_every_event_is_drawn_once_and_links_to_its_entry(edition):
    hrefs = links(timeline_view(edition, EN))
    assert sorted(hrefs) == sorted(f"#{e.id}" for e in edition.events)
    page = timeline(Context(edition)).body
    for event in edition.events:
        assert page.xpath(".//h2[@id=$id]", id=event.id), event.id


def test_every_quotation_is_one_square_linking_to_it_in_the_text(edition):
    figure = sources_view(edition, "register/sources.md", note_ids(edition), EN)
    (svg,) = svgs(figure)
    quotes = edition.spans_of(T.QUOTATION)
    squares = [a for a in svg.iter(f"{{{SVG}}}a") if "#ref-n-" in a.get("href", "")]
    assert len(squares) == len(quotes)
    states = [a.find(f"{{{SVG}}}rect").get("class").split()[-1] for a in squares]
    lost = sum(1 for s in quotes if s.annotation.lacuna)
    named = sum(1 for s in quotes if s.annotation.source)
    assert states.count("lost") == lost and states.count("named") == named
    assert states.count("none") == len(quotes) - lost - named
    totals = [a.get("href") for a in svg.iter(f"{{{SVG}}}a") if a.get("href", "").startswith("sources.html#")]
    assert totals == ["sources.html#econoticias-bolivia", "sources.html#lost", "sources.html#other"]


def test_edtf_dates_are_drawn_as_their_extent_and_doubt():
    day = when("2003-10-09")
    assert (day.start, day.end, day.point, day.approximate) == (
        datetime(2003, 10, 9), datetime(2003, 10, 10), True, False)
    months = when("2003-09/2003-10")
    assert (months.start, months.end, months.point) == (datetime(2003, 9, 1), datetime(2003, 11, 1), False)
    going_on = when("2003-09-29~/..")
    assert going_on.approximate and going_on.open_end and not going_on.point
    assert going_on.end == datetime(2003, 10, 15)  # to the end of the article's day
    assert when("2003-10-13T12:00").start == datetime(2003, 10, 13, 12)
    assert when("2003-10-13?").approximate


def test_events_after_the_article_and_undated_ones_are_drawn_as_such(edition):
    extra = (Event(id="later-in-october", when="2003-10-17", title="A later event",
                   basis="editorial"),
             Event(id="next-year", when="2004-05", title="An event of the next year",
                   basis="editorial"),
             Event(id="undated", when="../..", title="An event at an unknown time",
                   basis="editorial"))
    figure = timeline_view(replace(edition, events=edition.events + extra), EN)
    (svg,) = svgs(figure)
    assert sorted(links(figure)) == sorted(f"#{e.id}" for e in edition.events + extra)
    rows = {a.get("href")[1:]: a for a in svg.iter(f"{{{SVG}}}a")}
    for event_id in ("later-in-october", "next-year"):
        (mark,) = [m for m in rows[event_id] if "vm" in m.get("class", "").split()]
        assert "later" in mark.get("class").split()
        assert "(after the article)" in "".join(rows[event_id].itertext())
    assert "(date unknown)" in "".join(rows["undated"].itertext())
    assert not [m for m in rows["undated"] if "vm" in m.get("class", "")]
    assert "later" in [t.text for t in svg.iter(f"{{{SVG}}}text")]  # the band after the axis


def test_labels_are_placed_clear_of_each_other_and_of_every_marker():
    # Five markers within 3 px of each other, as the sites of central La Paz are.
    markers = [Marker(f"m{i}", 100 + i * 0.7, 100 + (i % 2) * 1.5, 3, (f"A long place name {i}",))
               for i in range(5)]
    placed = place(markers, 11, Box(0, 0, 360, 220))
    boxes = [label.box for label in placed.values()]
    for i, box in enumerate(boxes):
        assert not any(box.meets(other) for other in boxes[i + 1:])
        assert not any(box.meets(m.box) for m in markers)
        assert box.inside(Box(0, 0, 360, 220))
    with pytest.raises(Unplaceable):
        place(markers, 11, Box(80, 80, 130, 130))  # no room at all


def test_the_epub_keeps_svg_attributes_in_their_case(edition):
    book = zipfile.ZipFile(io.BytesIO(epub_of(edition)))
    chapters = epub_chapters(book).values()
    content = "".join(chapter.decode("utf-8") for chapter in chapters)
    svg_elements = [svg for chapter in chapters
                    for svg in lxml.etree.fromstring(chapter).iter(f"{{{SVG}}}svg")]
    views = [s for s in svg_elements if not (s.get("class") or "").startswith("cc-")]
    assert len(views) == 4  # two maps, the sources chart, the timeline
    assert len(svg_elements) - len(views) == 5  # the figures chart's four strips and its axis
    assert all(re.fullmatch(r"0 0 \d+ \d+", s.get("viewBox") or "") for s in views)
    assert "viewbox=" not in content and "textlength=" not in content
    assert 'textLength="' in content and 'lengthAdjust="spacingAndGlyphs"' in content


def test_every_link_of_the_views_resolves_in_the_built_site(site):
    pages = [site / "register" / name for name in ("places.html", "timeline.html", "sources.html")]
    pages += sorted((site / "entities").glob("*.html"))
    svg_links = [a for page in pages for a in lxml.html.fromstring(page.read_bytes()).xpath("//svg//a")]
    assert len(svg_links) > 60
    assert broken_links(site, pages) == []
