"""In Chromium: a paragraph permalink opens with the paragraph in view; no request leaves the host."""
from __future__ import annotations

from urllib.parse import urlsplit


def test_paragraph_permalink_is_in_view_and_nothing_leaves_the_host(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    hosts = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).netloc))
    page.goto(server + "sections/insurrection-in-la-paz.html#p14", wait_until="networkidle")
    box = page.locator("#p14").bounding_box()
    assert box is not None and 0 <= box["y"] < 800
    assert page.evaluate("location.hash") == "#p14"
    page.goto(server + "index.html", wait_until="networkidle")
    assert {h for h in hosts if h != urlsplit(server).netloc} == set()
    page.close()


def test_copy_button_copies_the_absolute_paragraph_url(server, browser):
    """The copy button is in the paragraph's panel, opened from its number."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "sections/massacre-in-el-alto.html", wait_until="networkidle")
    page.locator('.margin a.pn[href="#p6"]').click()
    page.locator("#para-panel .para-panel__copy").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == server + "sections/massacre-in-el-alto.html#p6"
    context.close()


def test_search_panel_and_cite_scripts_and_index_are_fetched_when_first_used_not_with_the_page(server, browser):
    page = browser.new_page()
    paths = []
    page.on("request", lambda request: paths.append(urlsplit(request.url).path))
    page.goto(server + "sections/insurrection-in-la-paz.html", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert "/search/search_index.json" not in paths
    assert not any("/workers/search." in path for path in paths)
    assert not any("iframe-worker-shim" in path for path in paths)  # the offline zip's alone
    assert not any(path.endswith(("/cite.js", "/panel.js")) for path in paths)
    page.locator('.margin a.pn[href="#p14"]').click()
    page.wait_for_selector("#para-panel details.cite-paragraph")
    assert [path for path in paths if path.endswith(("/cite.js", "/panel.js"))] == [
        "/assets/panel.js", "/assets/cite.js"]
    page.keyboard.press("/")
    page.keyboard.type("Quispe")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    assert paths.count("/search/search_index.json") == 1
    assert len([path for path in paths if "/workers/search." in path]) == 1
    assert "Quispe" in page.locator(".md-search-result__item").first.inner_text()
    page.close()
