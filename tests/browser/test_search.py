"""Search finds a name, over http and from the offline zip on disk, with either engine: Material's
search box (MkDocs) or Zensical's search dialog. Its index waits until search is opened."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import ENGINE

PAGE = "sections/massacre-in-el-alto.html"
INDEX = {"mkdocs": "/search/search_index.json", "zensical": "/search.json"}[ENGINE]


def search(page, words: str) -> str:
    """Open the engine's search, type `words`, and return the text of what it lists."""
    if ENGINE == "zensical":  # a button opens a dialog drawn in a shadow root
        page.locator(".md-search__button").click()
        page.keyboard.type(words, delay=30)
        page.wait_for_function("""() => [...document.querySelectorAll('*')].some(
            e => e.shadowRoot && /\\d+ results?/.test(e.shadowRoot.textContent))""",
                               timeout=10_000)
        return page.evaluate("""() => [...document.querySelectorAll('*')].filter(e => e.shadowRoot)
            .map(e => e.shadowRoot.textContent).join(' ')""")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(words, delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    return page.locator(".md-search-result").inner_text()


@pytest.fixture()
def fresh_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" else None)
    yield page, errors
    context.close()


def test_search_finds_a_name_and_loads_its_index_only_when_opened(server, fresh_page):
    page, errors = fresh_page
    paths: list[str] = []
    page.on("request", lambda request: paths.append(urlsplit(request.url).path))
    page.goto(server + PAGE, wait_until="networkidle")
    assert INDEX not in paths
    found = search(page, "Quispe")
    assert "Quispe" in found
    assert paths.count(INDEX) == 1
    assert errors == []  # a policy that blocked the dialog's style or script would say so here


def test_search_finds_a_name_in_the_offline_zip_opened_from_disk(unpacked, fresh_page):
    page, errors = fresh_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((unpacked / PAGE).as_uri(), wait_until="load")
    assert "Mesa" in search(page, "Mesa")
    assert all(url.startswith("file://") for url in requests)
    assert errors == []


@pytest.mark.skipif(ENGINE != "mkdocs", reason="the folded index is written for Material's search")
def test_spanish_search_finds_a_word_typed_without_its_accents(server, unpacked, fresh_page):
    """The Spanish pages search their own index, over http and from the zip: "Sanchez" finds
    "Sánchez", "insurreccion" the translation's "insurrección" (publish/search.py)."""
    page, errors = fresh_page
    page.goto(server + "es/" + PAGE, wait_until="networkidle")
    assert "Sánchez" in search(page, "Sanchez")
    page.goto((unpacked / "es" / PAGE).as_uri(), wait_until="load")
    assert "insurrección" in search(page, "insurreccion").lower()
    assert errors == []
