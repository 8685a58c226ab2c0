"""axe-core finds no WCAG 2.2 A/AA or best-practice violation on any page type, light or dark,
and the edition's controls work from the keyboard with a visible focus."""
from __future__ import annotations

import pytest

from served import chromium, page_types, serving
from tools import AXE, require

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCHEMES = ("light", "dark")
SECTION = "sections/massacre-in-el-alto.html"


@pytest.fixture(scope="module")
def server(site):
    with serving(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(require(AXE)))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                           AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}: "
            f"{node.get('failureSummary', '').splitlines()[-1] if node.get('failureSummary') else ''}"
            for v in result["violations"] for node in v["nodes"]]


def open_page(browser, url: str, scheme: str):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    page.goto(url, wait_until="load")
    return context, page


def test_every_page_type_has_no_axe_violation_in_either_palette(site, server, browser):
    require(AXE)
    failures = []
    for scheme in SCHEMES:
        context, page = open_page(browser, server + "index.html", scheme)
        for path in page_types(site).values():
            page.goto(server + path, wait_until="load")
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.dataset.mdColorScheme") == expected
            failures += [f"{scheme} {path}: {v}" for v in axe_violations(page)]
        context.close()
    assert failures == [], f"{len(failures)} violations:\n" + "\n".join(failures)


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


def test_a_section_on_a_touch_phone_has_no_axe_violation(server, browser):
    """On touch screens the copy buttons are always shown, so their target size counts."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True,
                                  has_touch=True, bypass_csp=True)
    page = context.new_page()
    page.goto(server + SECTION, wait_until="load")
    failures = axe_violations(page)
    context.close()
    assert failures == [], "\n".join(failures)


def focus_by_tab(page, selector: str, limit: int = 400) -> bool:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return True
    return False


def outline_of_focused(page) -> str:
    return page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return s.outlineStyle === 'none' || s.outlineWidth === '0px' ? '' : s.outlineStyle; }""")


@pytest.mark.parametrize("selector", [".ed-toggle", "#p6 a.pn", "#p6 button.copy-link",
                                      "a.mention"])
def test_keyboard_reaches_each_control_with_a_visible_focus(server, browser, selector):
    context, page = open_page(browser, server + SECTION, "light")
    assert focus_by_tab(page, selector), f"Tab never reaches {selector}"
    assert outline_of_focused(page), f"{selector} has no visible focus outline"
    context.close()


def test_a_focused_mention_shows_its_description(server, browser):
    context, page = open_page(browser, server + SECTION, "light")
    assert focus_by_tab(page, "a.mention")
    page.wait_for_selector(".md-tooltip2--active, .md-tooltip--active", timeout=3000)
    shown = page.locator(".md-tooltip2--active, .md-tooltip--active").first.inner_text()
    title = page.evaluate("document.activeElement.dataset.entity")
    context.close()
    assert shown.strip() and title
