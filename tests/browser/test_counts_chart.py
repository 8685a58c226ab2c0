"""The chart of the article's casualty figures against the record (Figures page): the page
leads with it; styled in both palettes, legible on a phone without scrolling sideways, with no
axe violation and nothing moving as the page loads."""
from __future__ import annotations

import pytest

from test_accessibility import axe_violations
from test_layout_stability import RECORD_SHIFTS
from tools import AXE, require

FIGURES = "register/figures.html"
PHONE = {"width": 390, "height": 800}
CHART = """() => { const f = document.querySelector('figure.counts-chart');
  const bar = f.querySelector('.cc-article'), dot = f.querySelector('circle');
  const sizes = [...f.querySelectorAll('.cc-label, .cc-values, figcaption, .cc-axis text')]
    .map(e => parseFloat(getComputedStyle(e).fontSize));
  const first = document.querySelector('.md-content h2, .md-content table');
  return {bar: getComputedStyle(bar).stroke, dot: getComputedStyle(dot).stroke,
          page: getComputedStyle(document.body).backgroundColor, smallest: Math.min(...sizes),
          scrolls: f.scrollWidth > f.clientWidth, figure: f.getBoundingClientRect().width,
          page_width: document.documentElement.scrollWidth,
          top: f.getBoundingClientRect().top + scrollY,
          before_table: !!(f.compareDocumentPosition(document.querySelector('table')) & 4)}; }"""


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
    assert chart["smallest"] >= 11, chart  # every word of it, as drawn
    assert chart["figure"] <= viewport["width"] and chart["page_width"] <= viewport["width"], chart
    assert not chart["scrolls"], chart
    assert chart["before_table"] and chart["top"] < 1.2 * viewport["height"], chart


def test_on_a_phone_the_tables_fit_and_nothing_moves(server, browser):
    """Each table's rows stand as blocks of named cells: nothing is cut or hidden sideways."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    page = context.new_page()
    page.add_init_script(RECORD_SHIFTS)
    page.goto(server + FIGURES, wait_until="networkidle")
    tables = page.evaluate("""() => [...document.querySelectorAll('table')].map(t => ({
        width: t.getBoundingClientRect().right, scrolls: t.scrollWidth > t.clientWidth,
        label: getComputedStyle(t.querySelector('td'), '::before').content}))""")
    shifts = page.evaluate("window.__shifts")
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert tables and all(t["width"] <= PHONE["width"] and not t["scrolls"] for t in tables), tables
    assert all(t["label"] not in ("none", "normal") for t in tables), tables
    assert width <= PHONE["width"]
    assert sum(shifts) < 0.0005, shifts
