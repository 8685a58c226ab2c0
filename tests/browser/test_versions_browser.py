"""In Chromium, from file://: a link naming an earlier version says whether its anchor changed
since; a renamed section's old address leads to the new page, fragment and all."""
from __future__ import annotations

from conftest import (REPO, RENAMED_NEW as NEW, RENAMED_OLD as OLD,
                      RENAMED_PARAGRAPH as PARAGRAPH)


def _history():
    from edition.load import load_source
    from edition.place import anchors, build_edition
    return anchors.anchor_history(build_edition(load_source(REPO / "source")),
                                  REPO / "source" / anchors.LEDGER)


def _open(browser, url: str):
    page = browser.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def test_a_link_naming_1_0_0_says_whether_its_paragraph_changed(site, browser):
    section = (site / "sections" / "insurrection-in-la-paz.html").as_uri()
    page = _open(browser, f"{section}?v=1.0.0#p13")
    note = page.wait_for_selector(".ed-since", timeout=5000).inner_text()
    assert "¶ 13 has changed since version 1.0.0" in note
    # … to the changelog of the version that left it as it is (the anchor ledger's)
    _, last_changed = _history().since("sections/insurrection-in-la-paz.html#p13")
    assert f"it is as version {last_changed} left it" in note
    assert page.get_attribute(".ed-since a", "href") == \
        f"../changelog.html#v{last_changed.replace('.', '-')}"
    page.close()
    leadership = (site / "sections" / "the-problem-of-leadership.html").as_uri()
    page = _open(browser, f"{leadership}?v=1.0.0#p34")
    assert "¶ 34 has not changed since version 1.0.0" in \
        page.wait_for_selector(".ed-since", timeout=5000).inner_text()
    page.close()
    page = _open(browser, f"{section}#p13")
    assert page.query_selector(".ed-since") is None  # no version named: no note
    page.close()


def test_a_renamed_sections_old_address_leads_to_the_new_one(renamed, browser):
    old = (renamed / "site" / "sections" / f"{OLD}.html").as_uri()
    page = _open(browser, f"{old}?v=1.0.0#{PARAGRAPH}")
    page.wait_for_url(f"**/{NEW}.html?v=1.0.0#{PARAGRAPH}", timeout=5000)
    assert page.query_selector(f"#{PARAGRAPH}") is not None
    page.close()
