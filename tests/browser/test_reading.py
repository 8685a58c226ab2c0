"""The reading page in Chromium: a paragraph's text is the transmitted text (its number and
controls stand beside it), the paragraph panel, quiet reading, sidenotes, measure, print and
no layout shift."""
from __future__ import annotations

import functools

import pytest

from conftest import REPO

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SECTION = "sections/massacre-in-el-alto.html"
RECORD_SHIFTS = ("window.__shifts = []; new PerformanceObserver(list => { for (const e of "
                 "list.getEntries()) window.__shifts.push([e.value, e.hadRecentInput]); })"
                 ".observe({type: 'layout-shift', buffered: true});")


@functools.cache
def edition():
    from edition.load import load_source
    from edition.place import build_edition
    return build_edition(load_source(REPO / "source"))


# The reader's selection of each paragraph (select its contents, as a triple click or a drag
# over it does), and the paragraph's DOM in order: its text and its note calls.
SELECT_EACH = """() => [...document.querySelectorAll('.para > p.tb')].map(p => {
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection().removeAllRanges(); getSelection().addRange(range);
    const selected = getSelection().toString();
    const parts = [], walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) {
        const call = walk.currentNode.parentElement.closest('sup.nref');
        parts.push([call ? 'call' : 'text', walk.currentNode.data]);
    }
    return {id: p.id, selected, parts};
})"""


def test_selecting_a_paragraph_selects_the_transmitted_text_and_its_note_calls_only(
        server, browser):
    texts = {b.id: b.text for b in edition().blocks if b.number}
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    seen = []
    for section in edition().sections:
        page.goto(server + f"sections/{section.id}.html", wait_until="load")
        for paragraph in page.evaluate(SELECT_EACH):
            seen.append(paragraph["id"])
            parts = paragraph["parts"]
            assert paragraph["selected"] == "".join(t for _, t in parts), paragraph["id"]
            assert "".join(t for kind, t in parts if kind == "text") == texts[paragraph["id"]]
            assert all(t.isdigit() for kind, t in parts if kind == "call"), paragraph["id"]
    context.close()
    assert sorted(seen) == sorted(texts), "every paragraph, once"
    print(f"{len(seen)} paragraphs selected on {len(edition().sections)} section pages")


def open_panel(page, block_id: str):
    page.locator(f'.para > .margin a.pn[href="#{block_id}"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#para-panel:not([hidden])")
    return page.locator("#para-panel")


@pytest.mark.parametrize("viewport", [WIDE, PHONE])
def test_the_number_opens_the_paragraphs_panel_and_escape_returns_to_it(server, browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.add_init_script(RECORD_SHIFTS)
    page.goto(server + SECTION, wait_until="networkidle")
    before = page.locator("#p6").bounding_box()["y"] + page.evaluate("scrollY")
    panel = open_panel(page, "p6")
    assert panel.get_attribute("role") == "dialog"
    assert page.evaluate("document.activeElement.id") == "para-panel-title"
    assert panel.locator("h2").inner_text() == "Paragraph 6"
    headings = panel.locator(".para-panel__part h3").all_text_contents()
    assert headings[:1] == ["Dates"] and "Quotations" in headings and "Notes" in headings
    assert "Figures" in headings
    # the quotation with its source or lacuna, in the apparatus's words
    assert "the reporting source's name was lost" in panel.locator(".para-panel__part").nth(1).inner_text()
    assert page.url.endswith(SECTION + "?panel=p6#p6")
    number = page.locator('a.pn[href="#p6"]')
    assert number.get_attribute("aria-expanded") == "true"
    box = panel.bounding_box()
    if viewport is PHONE:  # a bottom sheet, the paragraph uncovered above it
        assert box["y"] > 0 and box["y"] + box["height"] == pytest.approx(viewport["height"], abs=1)
        assert page.locator("#p6").bounding_box()["y"] < box["y"]
    else:  # a side panel
        assert box["x"] + box["width"] == pytest.approx(viewport["width"], abs=1)
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#p6"
    assert number.get_attribute("aria-expanded") == "false"
    assert page.url.endswith(SECTION)
    after = page.locator("#p6").bounding_box()["y"] + page.evaluate("scrollY")
    assert after == before  # the text did not move in the page
    shifts = page.evaluate("window.__shifts")
    context.close()
    assert [value for value, _ in shifts] == [], shifts


def test_a_paragraphs_panel_has_its_names_and_a_copy_link(server, browser):
    context = browser.new_context(viewport=WIDE, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + SECTION, wait_until="networkidle")
    panel = open_panel(page, "p4")
    assert panel.locator("h3", has_text="People").count() == 0
    organisations = panel.locator("section", has=page.locator("h3", has_text="Organisations"))
    assert organisations.locator("li").first.text_content().startswith("Bolivian Army")
    assert organisations.locator("li").first.text_content().endswith(" (2)")
    places = panel.locator("section", has=page.locator("h3", has_text="Places"))
    assert places.locator("a").first.get_attribute("href") == "../entities/el-alto.html"
    panel.locator(".para-panel__copy").click()
    page.wait_for_timeout(300)
    assert page.evaluate("navigator.clipboard.readText()") == server + SECTION + "#p4"
    panel.locator(".para-panel__close").click()
    assert panel.is_hidden()
    context.close()


def test_a_link_opens_a_paragraphs_panel_and_the_permalink_stays_plain(server, browser):
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    page.goto(server + "sections/insurrection-in-la-paz.html?panel=p13#p13", wait_until="networkidle")
    page.wait_for_selector("#para-panel:not([hidden])")
    assert page.locator("#para-panel h2").inner_text() == "Paragraph 13"
    assert 0 <= page.locator("#p13").bounding_box()["y"] < WIDE["height"]
    page.goto(server + "sections/insurrection-in-la-paz.html#p13", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert page.locator("#para-panel:not([hidden])").count() == 0
    assert 0 <= page.locator("#p13").bounding_box()["y"] < WIDE["height"]
    context.close()


def test_the_panel_opens_from_file_in_the_offline_copy(unpacked, browser):
    context = browser.new_context(viewport=WIDE, offline=True)
    page = context.new_page()
    page.goto((unpacked / SECTION).as_uri() + "?panel=p9#p9", wait_until="load")
    page.wait_for_selector("#para-panel:not([hidden])")
    assert page.locator("#para-panel h2").inner_text() == "Paragraph 9"
    page.wait_for_selector("#para-panel details.cite-paragraph", state="attached")
    page.keyboard.press("Escape")
    assert page.url.endswith(SECTION + "#p9")
    context.close()


def test_without_javascript_the_number_is_a_permalink_and_the_apparatus_remains(server, browser):
    context = browser.new_context(viewport=WIDE, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + SECTION, wait_until="load")
    page.locator('a.pn[href="#p7"]').click()
    assert page.url.endswith(SECTION + "#p7")
    assert page.locator("#para-panel").count() == 0
    assert page.locator("#notes-massacre-in-el-alto + ol > li").count() > 5
    assert page.locator("#notes-massacre-in-el-alto + ol").is_visible()
    context.close()


def test_sidenotes_stand_beside_their_paragraphs_on_wide_screens_and_never_overlap(server, browser):
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    page.goto(server + SECTION, wait_until="load")
    boxes = page.evaluate("""() => [...document.querySelectorAll('.sidenotes')].map(a => {
        const p = document.getElementById(a.dataset.for).getBoundingClientRect();
        const notes = [...a.querySelectorAll('p')].map(n => n.getBoundingClientRect());
        const first = a.closest('.para').querySelector('sup.nref').getBoundingClientRect();
        return {p: [p.left, p.top, p.right, p.bottom], first: [first.top, first.bottom],
                notes: notes.map(n => [n.left, n.top, n.right, n.bottom]),
                calls: a.closest('.para').querySelectorAll('sup.nref').length};
    })""")
    assert len(boxes) >= 5
    placed = []
    for box in boxes:
        assert len(box["notes"]) == box["calls"]
        left, top, right, bottom = box["p"]
        assert all(n[0] >= right and n[2] <= WIDE["width"] for n in box["notes"])
        first = box["notes"][0]
        assert top - 1 <= first[1] <= box["first"][1], "the first note starts beside the text"
        placed += box["notes"]
    placed.sort(key=lambda n: n[1])
    assert all(a[3] <= b[1] for a, b in zip(placed, placed[1:])), "sidenotes overlap"
    page.set_viewport_size(PHONE)  # a phone: the notes are below the text, in the apparatus
    assert page.locator(".sidenotes").first.is_hidden()
    assert page.locator("#notes-massacre-in-el-alto + ol").is_visible()
    context.close()


def test_the_measure_is_60_to_75_characters(server, browser):
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    page.goto(server + "sections/insurrection-in-la-paz.html", wait_until="load")
    per_line = page.evaluate("""() => [...document.querySelectorAll('.para > p.text')].filter(
        p => p.textContent.length > 400).map(p => {
        const lines = Math.round(p.getBoundingClientRect().height /
                                 parseFloat(getComputedStyle(p).lineHeight));
        return p.textContent.length / (lines - 0.5); })""")  # the last line is about half full
    context.close()
    assert per_line and all(60 <= n <= 75 for n in per_line), per_line


def test_quiet_reading_marks_names_alone_and_the_choice_is_kept(server, browser):
    page = browser.new_page()
    page.goto(server + SECTION, wait_until="load")
    switch = page.locator("button.ed-toggle")
    styles = """() => ({mention: getComputedStyle(document.querySelector('#p4 a.mention')).textDecorationStyle,
        date: getComputedStyle(document.querySelector('#p4 .date')).borderBottomStyle,
        figure: getComputedStyle(document.querySelector('#p4 .figure')).borderBottomStyle,
        quotation: getComputedStyle(document.querySelector('#p6 .quotation')).backgroundColor})"""
    assert switch.get_attribute("aria-pressed") == "false" and switch.inner_text() == "Show annotations"
    assert page.evaluate(styles) == {"mention": "solid", "date": "none", "figure": "none",
                                     "quotation": "rgba(0, 0, 0, 0)"}
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true" and switch.inner_text() == "Hide annotations"
    shown = page.evaluate(styles)
    assert shown["mention"] == "dotted" and shown["date"] == "dashed" and shown["figure"] == "solid"
    assert shown["quotation"] != "rgba(0, 0, 0, 0)"
    page.goto(server + "sections/insurrection-in-la-paz.html", wait_until="load")
    assert page.evaluate("document.body.classList.contains('annotations')")
    assert page.locator("button.ed-toggle").get_attribute("aria-pressed") == "true"
    page.locator("button.ed-toggle").press("Enter")
    page.reload(wait_until="load")
    assert not page.evaluate("document.body.classList.contains('annotations')")
    page.close()


def test_a_printed_section_has_its_text_numbers_and_notes_and_no_controls(server, browser):
    page = browser.new_page()
    page.goto(server + SECTION, wait_until="load")
    page.emulate_media(media="print")
    shown = lambda selector: page.locator(selector).first.is_visible()
    assert shown("#p4") and shown('a.pn[href="#p4"]') and shown("#notes-massacre-in-el-alto + ol")
    for control in (".ed-toggle", "details.cite", ".md-header", ".md-sidebar--primary",
                    ".headerlink", ".sidenotes"):
        assert not shown(control), control
    page.close()


@pytest.mark.parametrize("viewport", [WIDE, PHONE])
def test_no_layout_shift_with_sidenotes_the_panel_and_the_switch(server, browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.add_init_script(RECORD_SHIFTS)
    page.goto(server + SECTION, wait_until="networkidle")
    page.locator("button.ed-toggle").click()
    open_panel(page, "p9")
    page.locator("#para-panel details.cite-paragraph > summary").click()
    page.keyboard.press("Escape")
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(500)
    shifts = page.evaluate("window.__shifts")
    context.close()
    assert shifts == [], shifts
