"""The views as a reader's browser lays them out: no label over another or over a marker, a
marker reached by keyboard, the EPUB's maps at their size."""
from __future__ import annotations

import io
import zipfile

import pytest

from conftest import REPO, epub_chapters, epub_of
from edition.load import load_source
from edition.place import build_edition

WIDTHS = (1280, 390)  # a desktop and a phone


@pytest.fixture(scope="module")
def edition():
    return build_edition(load_source(REPO / "source"))


# The boxes of every label (.vl) and marker (.vm) of each view, as laid out on screen, and the
# smallest words.
OVERLAPS = """() => {
  const out = [];
  let smallest = {size: 1000, what: ''};
  for (const svg of document.querySelectorAll('svg.ed-view')) {
    const frame = svg.getBoundingClientRect();
    const box = e => { const r = e.getBoundingClientRect();
      return {l: r.left, t: r.top, r: r.right, b: r.bottom, what: e.textContent.trim() || e.tagName}; };
    const labels = [...svg.querySelectorAll('.vl')].map(box);
    const marks = [...svg.querySelectorAll('.vm')].map(box);
    const meet = (a, b) => Math.min(a.r, b.r) - Math.max(a.l, b.l) > 0.5 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 0.5;
    labels.forEach((a, i) => {
      if (a.l < frame.left - 0.5 || a.r > frame.right + 0.5 || a.t < frame.top - 0.5 || a.b > frame.bottom + 0.5)
        out.push(`${svg.getAttribute('aria-label')}: "${a.what}" leaves the figure`);
      labels.slice(i + 1).forEach(b => { if (meet(a, b)) out.push(`${svg.getAttribute('aria-label')}: "${a.what}" over "${b.what}"`); });
      marks.forEach(m => { if (meet(a, m)) out.push(`${svg.getAttribute('aria-label')}: "${a.what}" over a marker`); });
    });
    const k = frame.width / svg.viewBox.baseVal.width;  // the words' size as drawn
    for (const t of svg.querySelectorAll('text')) {
      const size = parseFloat(getComputedStyle(t).fontSize) * k;
      if (size < smallest.size) smallest = {size, what: t.textContent.trim()};
    }
  }
  return {overlaps: out, labels: document.querySelectorAll('svg.ed-view .vl').length, smallest};
}"""


def view_pages(site) -> list[str]:
    return (["register/places.html", "register/timeline.html", "register/sources.html"]
            + [f"entities/{p.name}" for p in sorted((site / "entities").glob("*.html"))
               if "ed-locator" in p.read_text(encoding="utf-8")])


@pytest.mark.parametrize("width", WIDTHS)
def test_no_label_overlaps_a_label_or_a_marker_and_none_is_under_12_px(site, server, browser,
                                                                        width):
    pages = view_pages(site)
    assert len(pages) == 3 + 17
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    overlaps, labels, smallest = [], 0, []
    for path in pages:
        page.goto(server + path, wait_until="load")
        result = page.evaluate(OVERLAPS)
        overlaps += [f"{path}: {o}" for o in result["overlaps"]]
        labels += result["labels"]
        smallest.append((round(result["smallest"]["size"], 1), path, result["smallest"]["what"]))
    context.close()
    assert labels > 140  # the city's places are listed, not drawn
    assert min(smallest)[0] >= 12, min(smallest)  # as drawn, at a phone's width too
    assert overlaps == [], f"{len(overlaps)} overlaps at {width} px:\n" + "\n".join(overlaps)


def test_a_map_marker_is_reached_by_keyboard_with_a_visible_focus(server, browser):
    from served import focus_by_tab, outline_of_focused
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "register/places.html", wait_until="load")
    assert focus_by_tab(page, 'svg a[href$="entities/cochabamba.html"]')
    assert outline_of_focused(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/entities/cochabamba.html")
    context.close()


def test_the_epub_map_is_drawn_at_its_size(edition, browser, tmp_path):
    """In the EPUB's XHTML each SVG has its viewBox, so it keeps its shape and shows its
    markers (a `viewbox` SVG is 150 px high and blank where its drawing falls outside)."""
    book = zipfile.ZipFile(io.BytesIO(epub_of(edition)))
    (tmp_path / "style.css").write_bytes(book.read("EPUB/style.css"))
    page = browser.new_page(viewport={"width": 700, "height": 900})
    drawn = []
    for name, content in epub_chapters(book).items():
        (tmp_path / name).write_bytes(content)
        page.goto((tmp_path / name).as_uri())
        drawn += page.evaluate("""() => [...document.querySelectorAll('svg.ed-view')].map(svg => {
        const r = svg.getBoundingClientRect(), v = svg.viewBox.baseVal;
        const marks = [...svg.querySelectorAll('.vm')].map(m => m.getBoundingClientRect());
        return {ratio: r.height / r.width, expected: v ? v.height / v.width : 0, marks: marks.length,
                inside: marks.every(m => m.width > 0 && m.left >= r.left - 1 && m.right <= r.right + 1
                                         && m.top >= r.top - 1 && m.bottom <= r.bottom + 1)}; })""")
    page.close()
    assert len(drawn) == 4  # the two maps, the timeline, the sources chart
    for svg in drawn:
        assert svg["expected"] > 0 and abs(svg["ratio"] - svg["expected"]) < 0.02, svg
        assert svg["inside"], svg
        assert svg["marks"] > 0, svg
