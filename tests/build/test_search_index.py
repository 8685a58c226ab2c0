"""The search index holds every word of the transmitted text once, on its section's page,
and not the cite boxes, controls and lists that only repeat other pages."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from edition.load import load_source
from edition.kinds import AnnotationType
from edition.place import build_edition

from conftest import REPO

EDITION = build_edition(load_source(REPO / "source"))


@pytest.fixture(scope="module")
def docs(site: Path) -> list[dict]:
    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


def words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]{4,}", re.sub(r"<[^>]+>", " ", text).lower()))


def indexed_words(docs: list[dict], page: str) -> set[str]:
    return words(" ".join(d["title"] + " " + d["text"] for d in docs
                          if d["location"].split("#")[0] == page))


def test_every_word_of_every_paragraph_is_found_on_its_section_page(docs):
    missing = []
    for section in EDITION.sections:
        found = indexed_words(docs, f"sections/{section.id}.html")
        for block in section.blocks:
            lost = words(block.text) - found
            if lost:
                missing.append(f"{block.id}: {sorted(lost)[:5]}")
    assert missing == []


def test_pages_that_repeat_others_are_not_indexed(docs):
    pages = {d["location"].split("#")[0] for d in docs}
    assert "article.html" not in pages
    assert not {p for p in pages if p.startswith("register/")} - {"register/timeline.html"}
    assert {f"sections/{s.id}.html" for s in EDITION.sections} <= pages
    assert {f"entities/{e.id}.html" for e in EDITION.entities} <= pages


def test_cite_boxes_controls_and_quoting_lists_are_not_indexed(docs):
    text = " ".join(d["text"] for d in docs)
    for repeated in ("Cite this section", "Or cite the original", "BibTeX", "Copy", "🔗",
                     "Access date"):
        assert repeated not in text
    mentions = [d for d in docs if d["location"].endswith("#mentions")]
    assert mentions and all(d["text"] == "" for d in mentions)


def test_the_apparatus_notes_are_indexed_with_their_section(docs):
    with_lacuna = {s.id for s in EDITION.sections for b in s.blocks
                   for span in EDITION.spans_in(b.id) if span.type is AnnotationType.LACUNA}
    assert with_lacuna
    for section_id in with_lacuna:
        notes = " ".join(d["text"] for d in docs
                         if d["location"] == f"sections/{section_id}.html#notes-{section_id}")
        assert "lost in transmission" in notes, section_id


def test_each_language_ships_only_the_search_scripts_its_worker_loads(site):
    """Material copies some thirty languages' search scripts into each language's site: the
    English search loads none of them, the Spanish one two (publish/search.py)."""
    english, spanish = site / "assets/javascripts", site / "es/assets/javascripts"
    assert (english / "workers").is_dir() and not (english / "lunr").exists()
    assert sorted(p.relative_to(spanish / "lunr").as_posix()
                  for p in (spanish / "lunr").rglob("*") if p.is_file()) == [
        "min/lunr.es.min.js", "min/lunr.stemmer.support.min.js"]
