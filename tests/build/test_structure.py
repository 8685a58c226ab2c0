"""The editor's structure: sections, headings, captions, duplicate, dateline, closing note."""
from __future__ import annotations


from edition.load import load_source
from edition.model import BlockKind
from edition.place import build_edition

from conftest import REPO

EDITION = build_edition(load_source(REPO / "source"))


def kinds(kind: BlockKind) -> list[str]:
    return [b.text for b in EDITION.blocks if b.kind is kind]


def test_sections_are_the_opening_plus_one_per_heading():
    assert [s.id for s in EDITION.sections] == [
        "opening", "massacre-in-el-alto", "insurrection-in-la-paz",
        "divisions-in-the-ruling-class", "the-government-is-saved",
        "the-problem-of-leadership", "democracy-of-the-rich", "bourgeois-manoeuvres"]
    assert EDITION.sections[0].editorial_title
    assert all(not s.editorial_title for s in EDITION.sections[1:])
    assert [s.title for s in EDITION.sections[1:]] == kinds(BlockKind.HEADING)


def test_captions_are_not_headings():
    assert kinds(BlockKind.CAPTION) == ["The rebellion in El Alto",
                                        "Anger takes the streets in La Paz",
                                        "An Army soldier opens fire"]


def test_the_duplicate_dateline_and_closing_note():
    (duplicate,) = [b for b in EDITION.blocks if b.kind is BlockKind.DUPLICATE]
    assert duplicate.id == "p2" and "have shaken" in duplicate.text
    assert EDITION.block("p1").text.replace("has shaken", "have shaken") == duplicate.text
    assert kinds(BlockKind.DATELINE) == ["October 14, 2003."]
    assert EDITION.blocks[-1].kind is BlockKind.NOTE
    assert EDITION.blocks[-1].id == "p47"


def test_every_decision_has_a_reason_shown_on_the_method_page(site):
    method = (site / "method.html").read_text(encoding="utf-8")
    for block in EDITION.blocks:
        if block.decision:
            assert f'id="{block.id}"' in method
            assert block.decision.reason.split()[0] in method


def test_section_pages_link_previous_and_next(site):
    page = (site / "sections" / "massacre-in-el-alto.html").read_text(encoding="utf-8")
    assert 'href="opening.html"' in page and 'href="insurrection-in-la-paz.html"' in page
