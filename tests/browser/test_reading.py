"""The reading page in Chromium: a paragraph's text is the transmitted text and a copy of it is
the text (its number and controls stand beside it), the paragraph panel, notes read in place,
quiet reading, sidenotes that open no gap, measure, print and no layout shift."""
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
SELECT = """([first, last]) => { const range = document.createRange(), end = document.getElementById(last);
    range.setStart(document.getElementById(first), 0); range.setEnd(end, end.childNodes.length);
    getSelection().removeAllRanges(); getSelection().addRange(range); }"""


def copied(page, first: str, last: str | None = None) -> str:
    """What the clipboard holds once the reader has selected from `first` to `last` and copied."""
    page.evaluate(SELECT, [first, last or first])
    page.keyboard.press("Control+c")
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("viewport", [WIDE, PHONE])
def test_a_copy_of_any_paragraph_or_paragraphs_is_the_transmitted_text(server, browser, viewport):
    """Every paragraph of every section: its element holds the transmitted words and the note
    calls alone, and selecting and copying it gives the transmitted block exactly (no note
    number, lacuna mark as the text has it); a copy of all a section's paragraphs at once gives
    its blocks as source/article.txt has them, without numbers, sidenotes or labels."""
    blocks = {b.id: b.text for b in edition().blocks}
    context = browser.new_context(viewport=viewport, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    equal, seen = 0, []
    for section in edition().sections:
        page.goto(server + f"sections/{section.id}.html", wait_until="load")
        for paragraph in page.evaluate(SELECT_EACH):
            seen.append(paragraph["id"])
            parts = paragraph["parts"]
            assert paragraph["selected"] == blocks[paragraph["id"]], paragraph["id"]
            assert "".join(t for kind, t in parts if kind == "text") == blocks[paragraph["id"]]
            assert all(kind == "text" for kind, _ in parts), "a call's number is drawn, not text"
            equal += copied(page, paragraph["id"]) == blocks[paragraph["id"]]
        numbered = [b.id for b in section.blocks if b.number]
        assert copied(page, numbered[0], numbered[-1]) == "\n\n".join(blocks[b] for b in numbered)
    context.close()
    assert sorted(seen) == sorted(b.id for b in edition().blocks if b.number), "every paragraph, once"
    print(f"{equal} of {len(seen)} paragraphs copied as the transmitted text, at {viewport['width']} px")
    assert equal == len(seen)


def test_the_selection_link_moves_no_text_and_leaves_with_the_selection(server, browser):
    context = browser.new_context(viewport=WIDE, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.add_init_script(RECORD_SHIFTS)
    page.goto(server + "sections/the-problem-of-leadership.html", wait_until="networkidle")
    tops = "() => [...document.querySelectorAll('.para > p.tb')].map(p => p.getBoundingClientRect().top + scrollY)"
    before = page.evaluate(tops)
    page.evaluate("scrollBy(0, document.getElementById('p31').getBoundingClientRect().top - 120)")
    start, end = page.locator("#p31").bounding_box(), page.locator("#p32").bounding_box()
    to_y = min(end["y"] + end["height"] - 8, WIDE["height"] - 20)  # a drag into ¶ 32
    page.mouse.move(start["x"] + 2, start["y"] + 8)
    page.mouse.down()
    page.mouse.move(end["x"] + 120, to_y, steps=12)
    button = page.locator("button.copy-selection-link")
    button.wait_for(state="visible")
    assert page.evaluate(tops) == before, "showing the button moved the text"
    page.mouse.up()
    page.wait_for_timeout(300)  # the button follows the selection once it rests (cite.js)
    box = button.bounding_box()
    assert to_y <= box["y"] <= to_y + 40, "under the selection's last line"
    assert button.inner_text() == "Copy the link to this paragraph"
    page.keyboard.press("Control+c")
    text = page.evaluate("navigator.clipboard.readText()")
    assert "Copy a link" not in text and "32" not in text and text.count("\n\n") == 1
    page.mouse.click(5, 500)  # the selection is cleared: the button goes with it
    button.wait_for(state="detached")
    assert page.evaluate(tops) == before
    shifts = page.evaluate("window.__shifts")  # the button follows the drag: the reader's input
    context.close()
    assert [value for value, by_input in shifts if not by_input] == [], shifts


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


def test_sidenotes_stand_beside_their_paragraphs_and_open_no_gap_in_the_text(server, browser):
    """At 1280 px each paragraph's notes stand in the margin from its top, or, when the notes
    before them are longer than their paragraph, right below those: they never overlap and never
    push paragraphs apart (the largest gap between two paragraphs is a caption's label)."""
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    largest = 0.0
    for section in edition().sections:
        page.goto(server + f"sections/{section.id}.html", wait_until="load")
        boxes = page.evaluate("""() => [...document.querySelectorAll('.sidenotes')].map(a => {
            const p = document.getElementById(a.dataset.for).getBoundingClientRect();
            const notes = [...a.querySelectorAll('p')].map(n => n.getBoundingClientRect());
            return {p: [p.left, a.nextElementSibling.getBoundingClientRect().top, p.right, p.bottom],
                    notes: notes.map(n => [n.left, n.top, n.right, n.bottom]),
                    calls: a.nextElementSibling.querySelectorAll('sup.nref').length};
        })""")
        placed: list[list[float]] = []
        for box in boxes:
            assert len(box["notes"]) == box["calls"]
            left, top, right, bottom = box["p"]
            assert all(n[0] >= right and n[2] <= WIDE["width"] for n in box["notes"])
            first = box["notes"][0]
            below = max([n[3] for n in placed], default=top)
            assert first[1] == pytest.approx(max(top, below), abs=14), "beside its paragraph"
            placed += box["notes"]
        placed.sort(key=lambda n: n[1])
        assert all(a[3] <= b[1] for a, b in zip(placed, placed[1:])), "sidenotes overlap"
        largest = max([largest] + page.evaluate("""() => {
            const ps = [...document.querySelectorAll('.transmitted .para > p.tb')];
            return ps.slice(1).map((p, i) => p.getBoundingClientRect().top -
                                             ps[i].getBoundingClientRect().bottom); }"""))
    print(f"the largest gap between two paragraphs at 1280 px: {largest:.1f} px")
    assert largest <= 48
    page.set_viewport_size(PHONE)  # a phone: the notes open where they are called
    assert page.locator(".sidenotes").first.is_hidden()
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, WIDE])
def test_a_note_opens_where_it_is_called_and_closes_back_to_the_same_place(server, browser,
                                                                            viewport):
    context = browser.new_context(viewport=viewport, is_mobile=viewport is PHONE,
                                  has_touch=viewport is PHONE)
    page = context.new_page()
    page.add_init_script(RECORD_SHIFTS)
    page.goto(server + "sections/the-problem-of-leadership.html", wait_until="networkidle")
    page.evaluate("document.getElementById('p32').scrollIntoView({block: 'center'})")
    where = page.evaluate("scrollY")
    call = page.locator('#p32 sup.nref a[data-n="8"]')
    call.click()
    note = page.locator("#note-pop")
    note.wait_for(state="visible")
    assert page.url.endswith("the-problem-of-leadership.html"), "the page did not jump"
    assert "Any leader who betrays will be hung" in note.inner_text()
    assert note.get_attribute("role") == "dialog" and call.get_attribute("aria-expanded") == "true"
    line, box = call.bounding_box(), note.bounding_box()
    assert line["y"] + line["height"] <= box["y"] <= line["y"] + line["height"] + 12, "under the call"
    assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"], "in view"
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    note.get_by_role("button", name="Close the note").click()
    assert note.count() == 0 and call.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.dataset.n") == "8"
    assert page.evaluate("scrollY") == where, "back where the reader was"
    call.click()
    note.wait_for(state="visible")
    page.keyboard.press("Escape")
    assert note.count() == 0 and page.evaluate("scrollY") == where
    shifts = page.evaluate("window.__shifts")
    context.close()
    assert [value for value, _ in shifts] == [], shifts


def test_the_whole_article_reads_without_interruption(server, browser):
    """Its sections one after the other, every apparatus after the text; its table of contents
    lists the sections (and the notes after them), not each section's parts."""
    page = browser.new_page(viewport=WIDE)
    page.goto(server + "article.html", wait_until="load")
    order = page.evaluate("""() => [...document.querySelectorAll('.ed-page > .transmitted, .ed-page > .apparatus')]
        .map(e => e.classList.contains('apparatus') ? 'apparatus' : 'text')""")
    assert order == ["text"] * 16 + ["apparatus"] * 8
    toc = page.locator(".md-sidebar--secondary .md-nav__link").all_inner_texts()
    headings = [s.title for s in edition().sections if any(b.kind.value == "heading" for b in s.blocks)]
    assert [t.strip() for t in toc] == headings + ["Notes and indexes"]
    page.close()


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


@pytest.mark.parametrize("viewport", [WIDE, PHONE])
def test_the_text_column_holds_the_title_block_then_the_text(server, browser, viewport):
    """The reading tools stand in one row above the title; under the title block comes ¶ 1.
    Opening the cite box moves no text; names break across lines like other words."""
    page = browser.new_page(viewport=viewport)
    for section in edition().sections:
        page.goto(server + f"sections/{section.id}.html", wait_until="load")
        first = next(b.id for b in section.blocks if b.number)
        layout = page.evaluate("""first => {
            const box = e => e.getBoundingClientRect(), block = document.querySelector('.title-block');
            const tools = box(document.querySelector('.ed-controls'));
            return {after: block.nextElementSibling.querySelector('p.tb').id,
                    gap: box(document.getElementById(first)).top - box(block).bottom,
                    tools: [tools.top, tools.bottom, tools.height],
                    title: box(document.querySelector('.transmitted h1, .transmitted h2')).top}; }""", first)
        assert layout["after"] == first
        assert layout["gap"] < 48, layout
        assert layout["tools"][1] <= layout["title"] and layout["tools"][2] < 40, layout
    top = f"document.getElementById('{first}').getBoundingClientRect().top"
    before = page.evaluate(top)
    page.locator(".ed-controls details.cite > summary").click()
    assert page.locator(".ed-controls .cite-body").is_visible()
    assert page.evaluate(top) == before
    page.keyboard.press("Escape")
    assert not page.locator(".ed-controls .cite-body").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('a.mention')).whiteSpace") == "normal"
    page.close()


def test_quiet_reading_marks_nothing_and_the_choice_is_kept(server, browser):
    page = browser.new_page()
    page.goto(server + SECTION, wait_until="load")
    switch = page.locator("button.ed-toggle")
    styles = """() => ({mention: getComputedStyle(document.querySelector('#p4 a.mention')).textDecorationLine,
        date: getComputedStyle(document.querySelector('#p4 .date')).borderBottomStyle,
        figure: getComputedStyle(document.querySelector('#p4 .figure')).borderBottomStyle,
        quotation: getComputedStyle(document.querySelector('#p6 .quotation')).backgroundColor})"""
    assert switch.get_attribute("aria-pressed") == "false" and switch.inner_text() == "Annotations"
    assert page.evaluate(styles) == {"mention": "none", "date": "none", "figure": "none",
                                     "quotation": "rgba(0, 0, 0, 0)"}
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true" and switch.inner_text() == "Annotations"
    shown = page.evaluate(styles)
    assert shown["mention"] == "underline" and shown["date"] == "dashed" and shown["figure"] == "solid"
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
