"""The reader's two switches, light/dark palette and annotation highlighting, in Chromium: they
work, they are remembered from page to page, and they need no script that runs after the text
is shown (the scripts are deferred)."""
from __future__ import annotations

import re

SECTION = "sections/insurrection-in-la-paz.html"
OTHER_SECTION = "sections/massacre-in-el-alto.html"
SCHEME = "document.body.dataset.mdColorScheme"
SHOWN_PALETTE_BUTTON = "form[data-edition-palette] label:not([hidden])"


def test_every_script_file_is_deferred(site):
    for page in site.rglob("*.html"):
        if "downloads" in page.parts:
            continue
        tags = re.findall(r"<script src=[^>]*>", page.read_text(encoding="utf-8"))
        assert tags and all(" defer" in tag for tag in tags), (page, tags)


def test_the_system_palette_is_set_before_materials_script_runs(server, browser):
    """Dark on a dark system even with Material's bundle blocked: the edition's inline script
    sets the palette as the header is parsed, so a dark page never first shows light."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.route("**/javascripts/bundle.*.js", lambda route: route.abort())
    page.goto(server + SECTION, wait_until="load")
    assert page.evaluate(SCHEME) == "slate"
    assert page.locator(SHOWN_PALETTE_BUTTON).get_attribute("title") == "Switch to the light palette"
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    theme = page.locator("meta[name=theme-color]").get_attribute("content")
    assert header == "rgb({}, {}, {})".format(*(int(theme[i:i + 2], 16) for i in (1, 3, 5)))
    assert page.evaluate("getComputedStyle(document.documentElement).colorScheme") == "dark"
    context.close()


def test_the_readers_palette_is_kept_and_switches_by_click_and_keyboard(server, browser):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(server + SECTION, wait_until="load")
    assert page.evaluate(SCHEME) == "default"
    page.locator(SHOWN_PALETTE_BUTTON).click()
    assert page.evaluate(SCHEME) == "slate"
    page.goto(server + OTHER_SECTION, wait_until="load")
    assert page.evaluate(SCHEME) == "slate"
    page.locator("form[data-edition-palette] input:checked").focus()
    page.keyboard.press("Enter")
    assert page.evaluate(SCHEME) == "default"
    page.keyboard.press("ArrowRight")
    assert page.evaluate(SCHEME) == "slate"
    page.goto(server + "index.html", wait_until="load")
    assert page.evaluate(SCHEME) == "slate"
    context.close()


def test_the_annotations_switch_turns_the_marks_on_and_is_kept(server, browser):
    """Reading is quiet by default (nothing is marked, names neither); the switch (a toggle
    button: its label stays, its pressed state changes) shows every mark, and the choice holds
    on the next page (tests/browser/test_reading.py checks each mark)."""
    page = browser.new_page()
    page.goto(server + SECTION, wait_until="load")
    switch = page.locator("button.ed-toggle")
    mention = page.locator("#p11 a.mention").first
    assert switch.get_attribute("aria-pressed") == "false"
    assert mention.evaluate("m => getComputedStyle(m).textDecorationLine") == "none"
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    assert switch.inner_text() == "Annotations"
    assert "dotted" in mention.evaluate("m => getComputedStyle(m).textDecorationStyle")
    page.goto(server + OTHER_SECTION, wait_until="load")
    assert page.evaluate("document.body.classList.contains('annotations')")
    assert page.locator("button.ed-toggle").get_attribute("aria-pressed") == "true"
    page.locator("button.ed-toggle").press("Enter")
    assert not page.evaluate("document.body.classList.contains('annotations')")
    page.close()


def test_the_annotations_switch_is_not_shown_when_it_cannot_work(server, browser):
    """Without Material's script (class no-js) the switch keeps its room but is invisible."""
    page = browser.new_page()
    page.route("**/javascripts/bundle.*.js", lambda route: route.abort())
    page.goto(server + SECTION, wait_until="load")
    assert page.locator("button.ed-toggle").evaluate("b => getComputedStyle(b).visibility") == "hidden"
    page.close()
