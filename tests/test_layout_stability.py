"""Nothing on a text page moves once it is shown (Lighthouse's cumulative layout shift)."""
from __future__ import annotations

from served import chromium, serving

RECORD_SHIFTS = ("window.__shifts = []; new PerformanceObserver(list => { for (const e of "
                 "list.getEntries()) window.__shifts.push(e.value); })"
                 ".observe({type: 'layout-shift', buffered: true});")


def test_the_highlighting_toggle_does_not_move_the_text(site):
    with chromium() as browser, serving(site) as base:
        context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True,
                                      has_touch=True)
        page = context.new_page()
        page.add_init_script(RECORD_SHIFTS)
        page.goto(base + "sections/insurrection-in-la-paz.html", wait_until="networkidle")
        assert page.locator(".ed-toggle").count() == 1
        shifts = page.evaluate("window.__shifts")
    assert sum(shifts) < 0.01, shifts
