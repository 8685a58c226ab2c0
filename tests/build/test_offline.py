"""The offline zip, unpacked and opened from file:// in Chromium with the network off."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, require_chromium

from edition.paths import file_stem
from edition.publish.offline import human_size, listing, zip_name
from edition.load import load_source
from edition.place import build_edition

NOT_FILES = ("http:", "https:", "mailto:", "data:", "javascript:", "#")


@pytest.fixture(scope="module")
def edition(built):
    return build_edition(load_source(built / "source"))


def test_the_zip_carries_the_version_and_unpacks_into_one_folder_of_that_name(site, unpacked,
                                                                            edition):
    assert (site / "downloads" / zip_name(edition)).is_file()
    assert unpacked.name == file_stem(edition)


def local_links(page: Path) -> list[str]:
    tree = lxml.html.fromstring(page.read_bytes())
    return [value for element in tree.iter() if isinstance(element.tag, str)
            for name, value in element.attrib.items()
            if name in ("href", "src") and value and not value.startswith(NOT_FILES)]


def test_every_link_in_the_unpacked_site_points_at_a_file(unpacked):
    pages = sorted(unpacked.rglob("*.html"))
    assert len(pages) > 40
    checked = 0
    for page in pages:
        for link in local_links(page):
            target = (page.parent / unquote(urlsplit(link).path)).resolve()
            assert target.is_file(), f"{page.relative_to(unpacked)}: {link}"
            checked += 1
    index = json.loads((unpacked / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        assert (unpacked / doc["location"].split("#")[0]).is_file(), doc["location"]
    assert checked > 1000


def test_the_zip_holds_the_site_but_not_itself_nor_source_maps(site, edition, unpacked):
    inside = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()}
    published = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    left_out = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
    assert inside == {p for p in published
                      if not p.endswith((".map", "-offline.zip")) and p not in left_out}
    size = human_size((site / "downloads" / zip_name(edition)).stat().st_size)
    inside_page = (unpacked / "download.html").read_text(encoding="utf-8")
    published_page = (site / "download.html").read_text(encoding="utf-8")
    assert listing(edition) in inside_page and size not in inside_page
    assert listing(edition, size) in published_page and listing(edition) not in published_page


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
