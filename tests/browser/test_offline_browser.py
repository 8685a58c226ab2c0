"""The offline copy in a browser with the network off: its pages, links and search work from
file:// and it asks for nothing else."""
from __future__ import annotations

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, require_chromium


@pytest.fixture(scope="module")
def offline_page(unpacked):
    """A Chromium page with the network switched off; `requests` lists every URL it asked for."""
    require_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.set_default_timeout(10_000)
        yield page, requests
        browser.close()


def heading(page) -> str:
    return page.locator(".md-content h1").first.inner_text().rstrip("#").strip()


def test_pages_links_and_search_work_from_file_with_no_network(unpacked, offline_page):
    page, requests = offline_page
    page.goto((unpacked / "index.html").as_uri())
    assert heading(page) == "Bolivia - Insurrection in La Paz"

    page.locator('.md-content a[href="register/people.html"]').click()
    assert heading(page) == "People"
    page.locator('.md-content a[href="../entities/carlos-mesa.html"]').first.click()
    assert heading(page) == "Carlos Mesa"
    page.locator(".md-content ul li a[href^='../sections/']").first.click()
    assert page.url.startswith((unpacked / "sections").as_uri())
    assert page.locator(f"#{page.evaluate('location.hash.slice(1)')}").is_visible()

    page.goto((unpacked / "index.html").as_uri())
    page.locator('.md-content a[href="sections/massacre-in-el-alto.html"]').first.click()
    assert heading(page) == "Massacre in El Alto"

    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("Mesa", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() >= 1
    assert "Mesa" in results.first.inner_text()
    results.first.locator("a").first.click()
    assert page.url.startswith(unpacked.as_uri()) and ".html" in page.url

    assert requests and all(url.startswith("file://") for url in requests), \
        sorted({url for url in requests if not url.startswith("file://")})
