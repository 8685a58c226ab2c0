"""axe-core finds no WCAG 2.2 A/AA or best-practice violation in the states a reader opens (a
paragraph's panel, the annotations, the search dialog), light or dark, and the edition's
controls work from the keyboard with a visible focus; test_axe_sweeps.py checks every page."""
from __future__ import annotations

import re

import functools
import json

import pytest


from conftest import REPO
from served import focus_by_tab, outline_of_focused
from tools import AXE, require

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCHEMES = ("light", "dark")
SECTION = "sections/massacre-in-el-alto.html"


def axe_violations(page) -> list[str]:
    """axe's violations on the page; axe is added to it unless its context adds it to every
    page (test_axe_sweeps.with_axe)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(require(AXE)))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                           "resultTypes: ['violations']})", AXE_TAGS)  # passes not listed
    return [f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}: "
            f"{node.get('failureSummary', '').splitlines()[-1] if node.get('failureSummary') else ''}"
            for v in result["violations"] for node in v["nodes"]]


def open_page(browser, url: str, scheme: str):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    page.goto(url, wait_until="load")
    return context, page


DEVICES = {"desktop": {"viewport": {"width": 1280, "height": 800}},
           "phone": {"viewport": {"width": 390, "height": 800}, "is_mobile": True,
                     "has_touch": True}}


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_section_with_its_panel_open_and_annotations_on_has_no_axe_violation(
        server, browser, scheme, device):
    require(AXE)
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, **DEVICES[device])
    page = context.new_page()
    page.goto(server + SECTION + "?panel=p6#p6", wait_until="networkidle")
    page.wait_for_selector("#para-panel details.cite-paragraph")
    page.locator("#para-panel details.cite-paragraph > summary").click()
    page.locator("button.ed-toggle").click()
    failures = axe_violations(page)
    context.close()
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_open_search_dialog_has_no_axe_violation(server, browser, scheme):
    require(AXE)
    context, page = open_page(browser, server + SECTION, scheme)
    page.keyboard.press("/")
    page.keyboard.type("Goni")
    page.wait_for_selector(".md-search-result__item", timeout=5000)
    # Material fades the results in; judge the colours a reader sees once the fade has ended.
    page.wait_for_function("getComputedStyle(document.querySelector('.md-search__output')).opacity === '1'")
    failures = axe_violations(page)
    context.close()
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("selector", [".ed-toggle", ".margin a.pn[href='#p6']", "a.mention"])
def test_keyboard_reaches_each_control_with_a_visible_focus(server, browser, selector):
    context, page = open_page(browser, server + SECTION, "light")
    assert focus_by_tab(page, selector), f"Tab never reaches {selector}"
    assert outline_of_focused(page), f"{selector} has no visible focus outline"
    context.close()


@functools.cache  # the edition is built from source once, not for every mention checked
def entity_descriptions() -> dict[str, str]:
    """Each entity's description as a reader reads it: a paragraph by its number ("(p4)" in
    the data, "(¶ 4)" on the page)."""
    from edition.load import load_source
    from edition.place import build_edition
    return {e.id: re.sub(r"\bp(\d+)\b", r"¶ \1", e.description)
            for e in build_edition(load_source(REPO / "source")).entities}


# The tooltip is the mention's ::after box, placed in its paragraph (edition.css). Its rectangle
# on screen, from the paragraph's padding box and the box's used offsets; None when not shown.
# No tooltip: no ::after box at all (content none, the usual state) or one not displayed.
TOOLTIP = """a => { const s = getComputedStyle(a, '::after');
    if (s.content === 'none' || s.display === 'none') return null;
    const p = a.offsetParent, r = p.getBoundingClientRect(), c = getComputedStyle(p);
    const left = r.left + parseFloat(c.borderLeftWidth) + parseFloat(s.left) + parseFloat(s.marginLeft);
    const top = r.top + parseFloat(c.borderTopWidth) + parseFloat(s.top) + parseFloat(s.marginTop);
    return {left, top, right: left + parseFloat(s.width), bottom: top + parseFloat(s.height),
            content: s.content, viewport: [innerWidth, innerHeight]}; }"""
# What is on top at the box's four corners, 2 px in, seen in the same task as the box (a scroll
# between the two, such as edition.js's reveal of a long tooltip, would move one and not the
# other): '' where the link itself is hit, else the element that covers it there.
COVERS = """(a, box) => [box.left + 2, box.right - 2].flatMap(x => [box.top + 2, box.bottom - 2]
    .map(y => { const e = document.elementFromPoint(x, y);
        return e === a ? '' : `${x},${y}: ${e ? e.outerHTML.slice(0, 120) : 'nothing'}`; }))"""
# The page once what the last key or pointer set off has ended: the next two frames (edition.js
# reveals a long tooltip in the next one) and every transition then running (tabbing through
# Material's search field opens and closes its overlay, which covers a phone's screen as it
# fades out).
SETTLED = """async () => {
    const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    await frames();
    await Promise.all(document.getAnimations()
        .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
        .map(a => a.finished.catch(() => null)));
    await frames(); }"""


def shown_tooltip(link) -> str:
    """The text of the link's tooltip if it is shown whole on screen, on top of the page, once
    the page has settled (SETTLED)."""
    link.evaluate(SETTLED)
    box, covers = link.evaluate(f"a => {{ const box = ({TOOLTIP})(a); "
                                f"return [box, box && ({COVERS})(a, box)]; }}")
    assert box, "no tooltip shown"
    width, height = box["viewport"]
    assert 0 <= box["left"] < box["right"] <= width and 0 <= box["top"] < box["bottom"] <= height, box
    assert [c for c in covers if c] == [], box  # nothing covers it: the link is hit there
    text, _, alternative = box["content"].rpartition(" / ")
    assert alternative == '""', box["content"]  # not part of the link's accessible name
    return json.loads(text)


def accessible_focused(page) -> dict[str, str]:
    """The focused element's accessible name and description as Chromium computes them."""
    cdp = page.context.new_cdp_session(page)
    node = cdp.send("DOM.describeNode", {"objectId": cdp.send("Runtime.evaluate", {
        "expression": "document.activeElement"})["result"]["objectId"]})["node"]
    tree = cdp.send("Accessibility.getPartialAXTree", {"backendNodeId": node["backendNodeId"],
                                                       "fetchRelatives": False})
    ax = tree["nodes"][0]
    return {"name": ax["name"]["value"], "description": ax.get("description", {}).get("value", "")}


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 800}])
def test_a_focused_mention_shows_its_description(server, browser, viewport):
    context = browser.new_context(viewport=viewport, color_scheme="light")
    page = context.new_page()
    page.goto(server + SECTION, wait_until="load")
    descriptions = entity_descriptions()
    for _ in range(3):  # the first three mentions, whichever paragraph and line they are in
        assert focus_by_tab(page, "a.mention")
        link = page.locator(":focus").element_handle()  # this link, wherever focus goes
        entity = link.get_attribute("data-entity")
        assert shown_tooltip(link) == descriptions[entity]
        assert accessible_focused(page) == {"name": link.inner_text(),
                                            "description": descriptions[entity]}
    page.keyboard.press("Escape")  # dismissible without moving the focus (WCAG 1.4.13)
    assert link.evaluate(TOOLTIP) is None and page.evaluate("document.activeElement.matches('a.mention')")
    page.keyboard.press("Tab")  # it shows again the next time it has the focus
    assert link.evaluate(TOOLTIP) is None and "tip-closed" not in link.get_attribute("class")
    context.close()


def test_a_hovered_mention_shows_its_description_and_the_pointer_can_move_onto_it(server, browser):
    context, page = open_page(browser, server + SECTION, "dark")
    link = page.locator("a.mention").nth(4)
    assert link.evaluate(TOOLTIP) is None
    link.hover()
    assert shown_tooltip(link) == entity_descriptions()[link.get_attribute("data-entity")]
    box = link.evaluate(TOOLTIP)
    page.mouse.move((box["left"] + box["right"]) / 2, box["bottom"] - 3, steps=8)
    assert link.evaluate(TOOLTIP) is not None  # hoverable: still shown over the tooltip
    page.mouse.move(5, 5)
    assert link.evaluate(TOOLTIP) is None
    context.close()


def test_on_a_touch_phone_a_first_tap_shows_the_description_and_a_second_follows(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(server + SECTION, wait_until="load")
    links = page.locator("a.mention")
    for n in (0, links.count() - 1):  # near the top and near the end of the page
        link = links.nth(n)
        link.scroll_into_view_if_needed()
        link.tap()
        assert page.url.endswith(SECTION)
        assert shown_tooltip(link) == entity_descriptions()[link.get_attribute("data-entity")]
    href = link.get_attribute("href")
    link.tap()
    page.wait_for_url("**/" + href.split("/", 1)[1])
    context.close()
