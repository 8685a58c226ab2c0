"""The cite boxes in a browser: a paragraph's panel, a section's box and the home page's copy
their citations, with the address the page is read at (or, from a file, without one), and a
selection copies a link to its words."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, VERSION, require_chromium


@pytest.fixture(scope="module")
def page(server):
    require_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context()
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server[:-1])
        yield context.new_page()
        browser.close()


def _clipboard(page) -> str:
    page.wait_for_timeout(300)
    return page.evaluate("navigator.clipboard.readText()")


def test_a_paragraphs_panel_opens_its_citations_and_copies_them(page, server):
    page.goto(server + "sections/insurrection-in-la-paz.html", wait_until="networkidle")
    page.locator('a.pn[href="#p14"]').focus()  # the number opens the paragraph's panel
    page.keyboard.press("Enter")
    box = page.locator("#para-panel details.cite-paragraph")
    assert box.locator(":scope > summary").inner_text() == "Cite paragraph 14"
    box.locator(":scope > summary").click()
    note = box.locator("#cite-p14-chicago-citation")
    assert "para. 14" in note.inner_text()
    # no site_url: over http the citations give the address this copy is read at, versioned
    assert server + f"sections/insurrection-in-la-paz.html?v={VERSION}#p14" in note.inner_text()
    assert "read at" in box.locator(".cite-no-site-url").inner_text()
    box.locator("button[data-clipboard-target='#cite-p14-apa-entry']").click()
    assert _clipboard(page) == note.evaluate(
        "n => document.getElementById('cite-p14-apa-entry').innerText")
    assert "(Original work published 2003)" in _clipboard(page)


def test_section_cite_box_copies_without_opening_a_paragraph(page, server):
    page.goto(server + "sections/massacre-in-el-alto.html", wait_until="networkidle")
    page.locator("#cite-massacre-in-el-alto > summary").click()
    page.locator("button[data-clipboard-target='#cite-massacre-in-el-alto-mla-entry']").click()
    copied = _clipboard(page)
    assert copied.startswith("The Insurrection in La Paz Edition Team, editor. “Massacre")
    assert server + "sections/massacre-in-el-alto.html" in copied


def test_home_page_box_folds_and_gives_the_address_it_is_read_at(page, server):
    page.goto(server + "index.html", wait_until="networkidle")
    box = page.locator("#cite-edition")
    assert box.get_attribute("open") is None  # folded: the home page opens with the abstract
    page.locator("#cite-edition > summary").click()  # opened, cite.js fills in the address
    page.wait_for_function("!document.querySelector('#cite-edition template.cite-at-url')")
    assert server in page.locator("#cite-edition-apa-entry").inner_text()


def test_from_a_file_the_citations_leave_the_url_out_and_say_so(page, site):
    page.goto((site / "sections/massacre-in-el-alto.html").as_uri())
    page.locator("#cite-massacre-in-el-alto > summary").click()
    page.wait_for_timeout(300)
    entry = page.locator("#cite-massacre-in-el-alto-apa-entry").inner_text()
    assert entry.endswith("(Original work published 2003)") and "file:" not in entry
    assert "leave the URL out" in page.locator("#cite-massacre-in-el-alto .cite-no-site-url").inner_text()


def test_selection_link_copies_a_text_fragment_url(page, server):
    url = server + "sections/insurrection-in-la-paz.html"
    page.goto(url, wait_until="networkidle")
    words = page.evaluate("""() => {
        const p = document.getElementById('p14');
        const node = [...p.childNodes].find(n => n.nodeType === 3 && n.data.trim().split(/\\s+/).length > 12);
        const range = document.createRange();
        range.setStart(node, node.data.search(/\\S/) + 2);  // mid-word: widened to whole words
        range.setEnd(node, node.data.length);
        getSelection().removeAllRanges(); getSelection().addRange(range);
        return node.data.trim().split(/\\s+/);
    }""")
    button = page.locator("button.copy-selection-link")
    button.wait_for(state="visible")
    button.click()
    copied = _clipboard(page)
    enc = lambda ws: re.sub("-", "%2D", quote(" ".join(ws), safe="!'()*"))
    assert copied == f"{url}#p14:~:text={enc(words[:4])},{enc(words[-4:])}"
    reader = page.context.new_page()  # Chromium finds the words even without the #p14 anchor
    reader.set_viewport_size({"width": 1000, "height": 600})
    reader.goto(copied.replace("#p14:~:", "#:~:"), wait_until="networkidle")
    reader.wait_for_timeout(500)
    box = reader.locator("#p14").bounding_box()
    assert reader.evaluate("scrollY") > 0 and box["y"] < 600 and box["y"] + box["height"] > 0
    reader.close()
    page.evaluate("""() => {
        const range = document.createRange();
        range.setStart(document.getElementById('p14'), 0);
        range.setEnd(document.getElementById('p15'), 1);
        getSelection().removeAllRanges(); getSelection().addRange(range);
    }""")
    assert page.evaluate("window.editionSelectionLink()") == f"{url}#p14"
