"""In Chromium: the language switch leads to the same page and keeps the reader's paragraph;
on a phone the Spanish section reads the translation alone at a tap, the paragraph staying
where it was."""
from __future__ import annotations

SECTION = "sections/insurrection-in-la-paz.html"


def test_the_language_switch_keeps_the_paragraph(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + SECTION + "#p13", wait_until="load")
    page.locator("a.ed-language").click()
    page.wait_for_url("**/es/" + SECTION + "#p13")
    page.locator("a.ed-language").click()  # and back, from the Spanish page
    page.wait_for_url("**/" + SECTION + "#p13")
    assert "/es/" not in page.url
    context.close()


def test_on_a_phone_the_translation_alone_keeps_the_paragraph_in_view(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(server + "es/" + SECTION + "#p14", wait_until="load")
    para = page.locator("#p14").locator("xpath=..")
    before = para.bounding_box()["y"]
    page.locator("button.ed-tr-toggle").tap()
    assert page.locator("#p14").is_hidden() and page.locator("[data-tr='p14']").is_visible()
    assert abs(para.bounding_box()["y"] - before) < 40
    context.close()
