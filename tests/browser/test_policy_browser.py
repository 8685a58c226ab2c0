"""The browser reports no Content-Security-Policy violation on any page type over http, nor on
a section of the offline copy opened from disk with search in use."""
from __future__ import annotations

import pytest

from served import chromium, page_types, serving


@pytest.mark.parametrize("how", ["http", "file"])
def test_the_browser_reports_no_policy_violation(site, unpacked, how):
    """Served over http, and the offline zip's copy (which alone loads the worker shim) from file://."""
    page_path = "sections/insurrection-in-la-paz.html"
    with chromium() as browser, serving(site) as base:
        url = base + page_path if how == "http" else (unpacked / page_path).as_uri()
        page = browser.new_page()
        console = []  # violations inside the search worker's frame reach only the console
        page.on("console", lambda message: console.append(message.text))
        page.add_init_script("window.__violations = [];"
                             "document.addEventListener('securitypolicyviolation',"
                             " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
        page.goto(url, wait_until="load")
        page.keyboard.press("/")
        page.keyboard.type("Goni")
        page.wait_for_selector(".md-search-result__item", timeout=8000)
        styled = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
        violations = page.evaluate("window.__violations")
        for other in page_types(site) if how == "http" else ():
            page.goto(base + other, wait_until="load")
            violations += page.evaluate("window.__violations")
    assert violations == []
    assert [m for m in console if "Content Security Policy" in m] == []
    assert styled in ("sticky", "fixed")  # the stylesheets loaded
