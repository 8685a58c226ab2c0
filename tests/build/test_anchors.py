"""Permalinks are forever: the ledger records every anchor, and losing one stops the build."""
from __future__ import annotations

from dataclasses import replace

from edition.place import anchors, ledger as ledger_file
from edition.load import load_source
from edition.place import build_edition
from edition.problems import Problems
from htmltext import parse

from conftest import REPO

LEDGER = REPO / "source" / anchors.LEDGER


def edition():
    return build_edition(load_source(REPO / "source"))


def test_every_current_anchor_is_recorded_and_none_moved():
    problems = Problems()
    unrecorded = anchors.check_ledger(edition(), LEDGER, problems)
    assert not problems, str(problems)
    assert unrecorded == [], "run `edition anchors --record` and commit the ledger"


def test_every_recorded_anchor_exists_in_the_built_site(site):
    pages = {}
    retired = {line.url for line in ledger_file.read(LEDGER, Problems()).lines if line.removed}
    for anchor in anchors.read_ledger(LEDGER):
        if anchor.url in retired:
            continue  # retired with its reason (`edition anchors --remove`)
        page, _, fragment = anchor.url.partition("#")
        assert (site / page).exists(), anchor.url
        if fragment:
            if page not in pages:
                pages[page] = set(parse(site / page).xpath("//@id"))
            assert fragment in pages[page], anchor.url


def test_a_block_that_moves_is_reported(tmp_path):
    ed = edition()
    blocks = list(ed.blocks)
    blocks[5], blocks[6] = replace(blocks[5], text=blocks[6].text), replace(blocks[6], text=blocks[5].text)
    sections = tuple(replace(s, blocks=tuple(b for b in blocks if b.section == s.id)) for s in ed.sections)
    moved = replace(ed, blocks=tuple(blocks), sections=sections)
    problems = Problems()
    anchors.check_ledger(moved, LEDGER, problems)
    assert "would point at other text" in str(_raised(problems))


def test_a_vanished_anchor_is_reported():
    ed = edition()
    last = ed.sections[-1]
    shorter = replace(ed, sections=ed.sections[:-1] + (replace(last, blocks=last.blocks[:-1]),))
    problems = Problems()
    anchors.check_ledger(shorter, LEDGER, problems)
    assert "p47' would disappear" in str(_raised(problems))


def test_recording_keeps_old_lines_and_adds_new_ones(tmp_path):
    ledger = tmp_path / "ledger.txt"
    ledger.write_text("sections/gone.html#p99\tabc\n", encoding="utf-8")
    added = anchors.record_ledger(edition(), ledger)
    urls = [a.url for a in anchors.read_ledger(ledger)]
    assert "sections/gone.html#p99" in urls and added == len(urls) - 1


def _raised(problems: Problems):
    try:
        problems.raise_if_any()
    except Exception as err:  # SourceError
        return err
    return ""
