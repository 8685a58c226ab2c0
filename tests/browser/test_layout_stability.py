"""Nothing on a text page moves once it is shown (Lighthouse's cumulative layout shift)."""
from __future__ import annotations

import pytest

# Layout shifts as CLS counts them: not those within half a second of the reader's own input
# (a key pressed, a tap), which the reader caused.
RECORD_SHIFTS = ("window.__shifts = []; new PerformanceObserver(list => { for (const e of "
                 "list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value); })"
                 ".observe({type: 'layout-shift', buffered: true});")


@pytest.mark.parametrize("path", ["sections/insurrection-in-la-paz.html", "index.html"])
def test_nothing_moves_as_the_scripts_start(server, browser, path):
    """Not the highlighting switch nor the header's buttons, which appear once Material's
    deferred script has run. The bound is below the smallest real shift seen here: the
    palette button moving aside for the search button scored 0.0008."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.add_init_script(RECORD_SHIFTS)
    page.goto(server + path, wait_until="networkidle")
    assert page.locator("[data-edition-palette]").is_visible()  # Material's script has run
    shifts = page.evaluate("window.__shifts")
    context.close()
    assert sum(shifts) < 0.0005, shifts
