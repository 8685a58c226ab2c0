"""The chart of the article's casualty figures against the record (Figures page): styled in
both palettes, legible on a phone (it scrolls sideways, and the keyboard reaches it), with no
axe violation and nothing moving as the page loads."""
from __future__ import annotations

import pytest

from test_accessibility import axe_violations
from test_layout_stability import RECORD_SHIFTS
from tools import AXE, require

FIGURES = "register/figures.html"
PHONE = {"width": 390, "height": 800}
CHART = """() => { const f = document.querySelector('figure.counts-chart');
  const svg = f.querySelector('svg'), bar = svg.querySelector('rect'), label = svg.querySelector('text');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return {bar: getComputedStyle(bar).fill, dot: getComputedStyle(svg.querySelector('circle')).stroke,
          page: getComputedStyle(document.body).backgroundColor,
          label: parseFloat(getComputedStyle(label).fontSize) * scale,
          scrolls: f.scrollWidth > f.clientWidth, figure: f.getBoundingClientRect().width,
          page_width: document.documentElement.scrollWidth}; }"""


def luminance(css: str) -> float:
    channels = [int(c) / 255 for c in css[css.index("(") + 1:css.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, PHONE])
def test_the_chart_is_styled_legible_and_has_no_axe_violation(server, browser, scheme, viewport):
    require(AXE)
    context = browser.new_context(viewport=viewport, color_scheme=scheme, bypass_csp=True,
                                  is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
    page = context.new_page()
    page.goto(server + FIGURES, wait_until="load")
    chart = page.evaluate(CHART)
    failures = axe_violations(page)
    context.close()
    assert failures == [], "\n".join(failures)
    # The article's bar and the dots stand out from the page in either palette (WCAG 1.4.11: 3:1).
    assert contrast(chart["bar"], chart["page"]) >= 3 and contrast(chart["dot"], chart["page"]) >= 3
    assert chart["label"] >= 10, chart  # the row labels, as drawn
    assert chart["figure"] <= viewport["width"] and chart["page_width"] <= viewport["width"], chart
    assert chart["scrolls"] is (viewport is PHONE), chart


def test_the_keyboard_reaches_the_chart_on_a_phone_and_nothing_moves(server, browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    page = context.new_page()
    page.add_init_script(RECORD_SHIFTS)
    page.goto(server + FIGURES, wait_until="networkidle")
    page.focus("figure.counts-chart")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('figure.counts-chart').scrollLeft > 0")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    shifts = page.evaluate("window.__shifts")
    context.close()
    assert outline == "solid"
    assert sum(shifts) < 0.0005, shifts
